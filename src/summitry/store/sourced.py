"""Record items with the document they came from, as the store hands them to merging and tracking.

An event or commitment of one record (shared/spec/record.md) means little across the corpus
without its source, publication date and language, so each travels in a small wrapper;
merging and tracking return their results in the dataclasses here, and the store saves them.
Also here: the few date helpers both modules need, since a record date is a
`{"value", "precision"}` dict that stands for a period, not a day.
"""

from __future__ import annotations

import calendar
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

PRECISIONS = ("year", "month", "day")


@dataclass
class SourcedEvent:
    """One record["events"] item and the document that reported it."""

    doc_id: str
    source: str
    published: date | None
    language: str | None
    outlet: str | None
    index: int
    event: dict[str, Any]

    def __repr__(self) -> str:
        day = (self.event.get("date") or {}).get("value")
        return f"SourcedEvent({self.event.get('type')} {day} from {self.source}#{self.index})"


@dataclass
class SourcedCommitment:
    """One record["commitments"] item and the document that stated it."""

    doc_id: str
    source: str
    published: date | None
    language: str | None
    index: int
    commitment: dict[str, Any]

    def __repr__(self) -> str:
        action = str(self.commitment.get("action") or "")[:50]
        return f"SourcedCommitment({self.commitment.get('kind')} from {self.source}#{self.index}: {action!r})"


@dataclass
class MergedEvent:
    """One real-world event: every report of it, from any outlet or language, and why they agree."""

    key: str
    type: str
    date: dict[str, Any] | None
    place: str | None
    format: str | None
    title: str | None
    participants: list[str]
    documents: list[dict[str, Any]]
    reports: list[SourcedEvent]
    why: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        day = (self.date or {}).get("value")
        return f"MergedEvent({self.key} {self.type} {day}, {len(self.reports)} reports)"


@dataclass
class Fulfilment:
    """A merged event (or a later report) that fulfils a commitment, with its score and reasons."""

    event_key: str
    reports: list[SourcedEvent]
    score: float
    why: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"Fulfilment({self.event_key}, score {self.score:.2f}, {len(self.reports)} reports)"


@dataclass
class Occurrence:
    """One due occurrence of a recurring commitment ("summits every two years")."""

    due: dict[str, Any] | None
    status: str
    fulfilment: Fulfilment | None = None

    def __repr__(self) -> str:
        return f"Occurrence({(self.due or {}).get('value')} {self.status})"


@dataclass
class Tracked:
    """A commitment with its status as of a date and the events that fulfil it."""

    commitment: SourcedCommitment
    status: str
    fulfilled_by: list[Fulfilment] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"Tracked({self.commitment!r}: {self.status}, {len(self.fulfilled_by)} fulfilments)"


def parse_date(value: Any) -> date | None:
    """'YYYY-MM-DD' (or a date) as a date; anything else as None."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def period(value: Any) -> tuple[date, date, str] | None:
    """A record date dict (or 'YYYY[-MM[-DD]]' string) as (first day, last day, precision)."""
    if isinstance(value, dict):
        text, precision = value.get("value"), value.get("precision")
    else:
        text, precision = value, None
    if not text:
        return None
    return _period(str(text), precision if isinstance(precision, str) else None)


@lru_cache(maxsize=65_536)
def _period(text: str, precision: str | None) -> tuple[date, date, str] | None:
    """Cached: tracking asks for the same few thousand dates millions of times."""
    parts = str(text).split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
    except ValueError:
        return None
    precision = precision if precision in PRECISIONS else PRECISIONS[len(numbers) - 1]
    depth = min(PRECISIONS.index(precision) + 1, len(numbers))
    year = numbers[0]
    try:
        if depth == 1:
            return date(year, 1, 1), date(year, 12, 31), "year"
        month = numbers[1]
        if depth == 2:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last), "month"
        day = date(year, month, numbers[2])
    except ValueError:
        return None
    return day, day, "day"


def truncate(day: date, precision: str) -> str:
    """A day written at a precision: 2025-06-17 at month is '2025-06'."""
    text = day.isoformat()
    return {"year": text[:4], "month": text[:7]}.get(precision, text)


def as_record_date(day: date, precision: str) -> dict[str, str]:
    return {"value": truncate(day, precision), "precision": precision}


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where it is shorter)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def days(n: int) -> timedelta:
    return timedelta(days=n)
