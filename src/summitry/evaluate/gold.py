"""Gold files: loading and validating the scored fields (shared/spec/evaluation.md).

A gold folder holds one JSON file per text and an optional `links.json`. Fields the
scorer does not use (`note`, `known`, `sector`, ...) are ignored; a missing scored field,
or one of the wrong shape, raises GoldError naming the file and the field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from summitry.errors import GoldError

ENTITY_TYPES = ("person", "country", "organization", "place", "format")
EVENT_TYPES = ("summit", "meeting", "phone_call", "visit", "signing", "forum", "launch")
COMMITMENT_KINDS = ("scheduled_event", "proposal", "pledge")
LINKS_FILE = "links.json"

_GOLD_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


@dataclass(slots=True)
class GoldEntity:
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"GoldEntity({self.type}: {self.name!r})"


@dataclass(slots=True)
class GoldEvent:
    type: str
    date: str | None
    place: str | None
    participants: list[str]
    quote: str
    title: str | None = None

    def __repr__(self) -> str:
        return f"GoldEvent({self.type} {self.date} {self.quote[:40]!r})"


@dataclass(slots=True)
class GoldCommitment:
    kind: str
    actors: list[str]
    due: str | None
    quote: str
    sector: str | None = None

    def __repr__(self) -> str:
        return f"GoldCommitment({self.kind} {self.due} {self.quote[:40]!r})"


@dataclass
class GoldDoc:
    path: Path
    source: str
    published: date | None
    language: str
    outlet: str | None
    title: str | None
    entities: list[GoldEntity]
    events: list[GoldEvent]
    commitments: list[GoldCommitment]

    def __repr__(self) -> str:
        return (
            f"GoldDoc({self.source!r}, {self.language}, {len(self.entities)} entities, "
            f"{len(self.events)} events, {len(self.commitments)} commitments)"
        )


@dataclass(slots=True)
class GoldLink:
    commitment_source: str
    commitment_quote: str
    fulfilled_source: str
    fulfilled_quote: str


@dataclass
class GoldSet:
    docs: list[GoldDoc]
    links: list[GoldLink] | None
    directory: Path

    def doc(self, source: str) -> GoldDoc | None:
        """The gold document for a text file name (or a path ending in it)."""
        name = Path(source).name
        return next((d for d in self.docs if d.source == name), None)

    def __repr__(self) -> str:
        links = "no links" if self.links is None else f"{len(self.links)} links"
        return f"GoldSet({str(self.directory)!r}, {len(self.docs)} docs, {links})"


class _Fields:
    """Reads fields of one gold file, raising GoldError with the file and field named."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> GoldError:
        return GoldError(str(self.path), f"{where} {problem}")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be an object, found {type(value).__name__}")
        return value

    def get(self, parent: dict[str, Any], key: str, where: str) -> Any:
        if key not in parent:
            raise self.fail(f"{where}.{key}" if where else key, "is missing")
        return parent[key]

    def string(self, parent: dict[str, Any], key: str, where: str, *, null: bool = False,
               required: bool = True, choices: tuple[str, ...] = ()) -> str | None:
        name = f"{where}.{key}" if where else key
        if key not in parent and not required:
            return None
        value = self.get(parent, key, where)
        if value is None and null:
            return None
        if not isinstance(value, str) or not value.strip():
            expected = "a non-empty string" + (" or null" if null else "")
            raise self.fail(name, f"must be {expected}, found {value!r}")
        if choices and value not in choices:
            raise self.fail(name, f"must be one of {', '.join(choices)}, found {value!r}")
        return value

    def names(self, parent: dict[str, Any], key: str, where: str, *,
              required: bool = True) -> list[str]:
        name = f"{where}.{key}" if where else key
        if key not in parent and not required:
            return []
        value = self.get(parent, key, where)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(name, "must be a list of names")
        return list(value)

    def gold_date(self, parent: dict[str, Any], key: str, where: str) -> str | None:
        value = self.string(parent, key, where, null=True)
        if value is not None and not _GOLD_DATE.fullmatch(value):
            raise self.fail(f"{where}.{key}", f"must be YYYY, YYYY-MM or YYYY-MM-DD, found {value!r}")
        return value

    def items(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = self.get(data, key, "")
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list, found {type(value).__name__}")
        return [self.obj(item, f"{key}[{i}]") for i, item in enumerate(value)]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(str(path), f"cannot be read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(str(path), f"is not valid JSON: {exc}") from exc


def parse_gold_doc(path: Path, data: Any) -> GoldDoc:
    """One gold file's content, validated; `path` names it in errors."""
    f = _Fields(path)
    data = f.obj(data, "the file")
    document = f.obj(f.get(data, "document", ""), "document")
    source = f.string(document, "source", "document")
    language = f.string(document, "language", "document")
    published_text = f.string(document, "published", "document", null=True, required=False)
    published = None
    if published_text is not None:
        try:
            published = date.fromisoformat(published_text)
        except ValueError:
            raise f.fail("document.published", f"must be YYYY-MM-DD or null, found {published_text!r}")
    entities = []
    for i, item in enumerate(f.items(data, "entities")):
        where = f"entities[{i}]"
        entities.append(GoldEntity(
            type=f.string(item, "type", where, choices=ENTITY_TYPES) or "",
            name=f.string(item, "name", where) or "",
            aliases=f.names(item, "aliases", where, required=False),
        ))
    events = []
    for i, item in enumerate(f.items(data, "events")):
        where = f"events[{i}]"
        events.append(GoldEvent(
            type=f.string(item, "type", where, choices=EVENT_TYPES) or "",
            date=f.gold_date(item, "date", where),
            place=f.string(item, "place", where, null=True),
            participants=f.names(item, "participants", where),
            quote=f.string(item, "quote", where) or "",
            title=item.get("title") if isinstance(item.get("title"), str) else None,
        ))
    commitments = []
    for i, item in enumerate(f.items(data, "commitments")):
        where = f"commitments[{i}]"
        commitments.append(GoldCommitment(
            kind=f.string(item, "kind", where, choices=COMMITMENT_KINDS) or "",
            actors=f.names(item, "actors", where),
            due=f.gold_date(item, "due", where),
            quote=f.string(item, "quote", where) or "",
            sector=item.get("sector") if isinstance(item.get("sector"), str) else None,
        ))
    outlet = document.get("outlet")
    title = document.get("title")
    return GoldDoc(
        path=path,
        source=source or "",
        published=published,
        language=language or "",
        outlet=outlet if isinstance(outlet, str) else None,
        title=title if isinstance(title, str) else None,
        entities=entities,
        events=events,
        commitments=commitments,
    )


def parse_links(path: Path, data: Any, sources: set[str]) -> list[GoldLink]:
    """`links.json`: a list of commitment → fulfilling-report pairs between gold texts."""
    f = _Fields(path)
    if not isinstance(data, list):
        raise f.fail("the file", f"must be a list of links, found {type(data).__name__}")
    links = []
    for i, item in enumerate(data):
        where = f"links[{i}]"
        item = f.obj(item, where)
        ends = []
        for key in ("commitment", "fulfilled_by"):
            end = f.obj(f.get(item, key, where), f"{where}.{key}")
            source = f.string(end, "source", f"{where}.{key}") or ""
            if source not in sources:
                raise f.fail(f"{where}.{key}.source", f"names no gold file: {source!r}")
            ends.append((source, f.string(end, "quote", f"{where}.{key}") or ""))
        links.append(GoldLink(ends[0][0], ends[0][1], ends[1][0], ends[1][1]))
    return links


def load_gold(directory: str | Path) -> GoldSet:
    """Every `*.json` in `directory` but `links.json` as a gold document, and the links."""
    folder = Path(directory)
    if not folder.is_dir():
        raise GoldError(str(folder), "is not a directory")
    docs: list[GoldDoc] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.json")):
        if path.name == LINKS_FILE:
            continue
        doc = parse_gold_doc(path, _read_json(path))
        if doc.source in seen:
            raise GoldError(str(path), f"document.source {doc.source!r} is also the source of {seen[doc.source].name}")
        seen[doc.source] = path
        docs.append(doc)
    if not docs:
        raise GoldError(str(folder), "holds no gold files (*.json)")
    links_path = folder / LINKS_FILE
    links = parse_links(links_path, _read_json(links_path), set(seen)) if links_path.exists() else None
    return GoldSet(docs=docs, links=links, directory=folder)
