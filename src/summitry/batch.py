"""Extraction over inputs (files, folders, manifests) and over a gold folder.

The CLI is a thin shell over these: a bad input is yielded as an InputError and the
batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from summitry import extract
from summitry.doc import Doc
from summitry.errors import InputError
from summitry.ingest import RawDocument, iter_inputs


def extract_raw(raw: RawDocument, *, language: str | None = None) -> Doc:
    """The Doc of one ingested document; a language given by the user wins."""
    return extract(
        raw.text,
        published=raw.published,
        outlet=raw.outlet,
        language=language or raw.language,
        source=raw.source,
        title=raw.title,
    )


def extract_inputs(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    outlet: str | None = None,
    language: str | None = None,
) -> Iterator[Doc | InputError]:
    """A Doc for every readable input, an InputError for every other one."""
    for item in iter_inputs(paths, published=published, outlet=outlet, language=language):
        if isinstance(item, InputError):
            yield item
        else:
            yield extract_raw(item, language=language)


@dataclass
class GoldRun:
    """The records the system made for a gold folder, and the inputs it could not read."""

    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)


def run_gold(gold: Any, texts: Path) -> GoldRun:
    """Extract every text a gold set names, given the metadata a user would give."""
    from summitry.ingest import read_path

    run = GoldRun()
    for gold_doc in gold.docs:
        try:
            raw = read_path(
                texts / gold_doc.source,
                published=gold_doc.published,
                outlet=gold_doc.outlet,
                language=gold_doc.language,
            )
        except InputError as exc:
            run.errors.append(exc)
            continue
        raw.source = gold_doc.source
        run.records[gold_doc.source] = extract_raw(raw).to_record()
    return run


def kb_names() -> dict[str, str]:
    """Names of every knowledge-base id, for facts that name an entity the text never
    mentions (a summit's place taken from the knowledge base's history)."""
    from summitry.kb import KnowledgeBase

    return {entry.id: entry.name for entry in KnowledgeBase.default().entries.values()}
