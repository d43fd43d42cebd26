"""summitry: news of the China–Central Asia format and the SCO as traceable structured data.

    >>> import summitry
    >>> doc = summitry.extract("Президент Казахстана Касым-Жомарт Токаев ...", published="2025-06-17")
    >>> doc.to_record()["entities"][0]["name"]
"""

from __future__ import annotations

from datetime import date

from summitry.doc import Commitment, DateExpr, DateValue, Doc, Entity, Event, Mention, Span
from summitry.errors import GoldError, InputError, KnowledgeBaseError, PipelineError, SummitryError
from summitry.kb import KnowledgeBase
from summitry.pipeline import Pipeline

__version__ = "0.1.0"
__all__ = [
    "Commitment",
    "DateExpr",
    "DateValue",
    "Doc",
    "Entity",
    "Event",
    "GoldError",
    "InputError",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Mention",
    "Pipeline",
    "PipelineError",
    "Span",
    "SummitryError",
    "extract",
]

_PIPELINES: dict[str | None, Pipeline] = {}


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise SummitryError(f"published: expected YYYY-MM-DD, found {value!r}") from exc


def extract(
    text: str,
    *,
    published: date | str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    source: str = "<text>",
    title: str | None = None,
) -> Doc:
    """Run the whole pipeline on one cleaned text and return its Doc (`doc.to_record()` for JSON)."""
    doc = Doc(
        text=text,
        source=source,
        title=title,
        language=language,
        published=_as_date(published),
        outlet=outlet,
    )
    pipeline = _PIPELINES.get(language)
    if pipeline is None:
        pipeline = _PIPELINES[language] = Pipeline.for_language(language)
    return pipeline(doc)
