"""Named stages that enrich one Doc, and the pipeline that runs them for a language.

Each stage declares what it needs (`requires`) and what it adds (`assigns`); the
pipeline checks the order once, when it is built, so a stage never runs on a Doc that
lacks what it reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from summitry.doc import Doc
from summitry.errors import PipelineError

StageFn = Callable[[Doc], None]


@dataclass(frozen=True)
class Stage:
    name: str
    run: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    languages: tuple[str, ...] | None = None  # None: every language

    def __repr__(self) -> str:
        return f"Stage({self.name}: {','.join(self.requires)} -> {','.join(self.assigns)})"


REGISTRY: dict[str, Stage] = {}

# The order every language runs in; a stage that does not serve a language is skipped.
ORDER = ("language", "segment", "ner", "dates", "link", "events", "commitments")


def stage(
    name: str,
    *,
    requires: tuple[str, ...] = (),
    assigns: tuple[str, ...] = (),
    languages: tuple[str, ...] | None = None,
) -> Callable[[StageFn], StageFn]:
    """Register a function as a named stage."""

    def register(fn: StageFn) -> StageFn:
        REGISTRY[name] = Stage(name, fn, requires, assigns, languages)
        return fn

    return register


class Pipeline:
    """Stages in order for one language, checked at build time."""

    def __init__(self, stages: list[Stage]) -> None:
        available = {"text", "published", "source"}
        for item in stages:
            missing = [r for r in item.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage {item.name!r} needs {', '.join(missing)}, which no earlier stage assigns"
                )
            available.update(item.assigns)
        self.stages = stages

    def __repr__(self) -> str:
        return "Pipeline(" + " -> ".join(s.name for s in self.stages) + ")"

    def __call__(self, doc: Doc) -> Doc:
        for item in self.stages:
            if item.languages is not None and doc.language not in item.languages:
                continue
            item.run(doc)
            doc.done.append(item.name)
        return doc

    @classmethod
    def for_language(cls, language: str | None = None) -> Pipeline:
        """The full pipeline; `language` given skips detection."""
        _load_stages()
        names = [n for n in ORDER if not (language and n == "language")]
        chosen = []
        for name in names:
            item = REGISTRY[name]
            if language and item.languages is not None and language not in item.languages:
                continue
            chosen.append(item)
        if language:
            chosen.insert(0, Stage("language-given", lambda doc: None, (), ("language",)))
        return cls(chosen)


def _load_stages() -> None:
    """Import the stage modules so that they register themselves."""
    from summitry.stages import commitments, dates, events, language, link, ner, segment  # noqa: F401
