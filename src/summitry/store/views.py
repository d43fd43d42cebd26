"""What the store's queries return: plain dataclasses with `to_json()` and a flat `to_row()`.

Every fact carries its evidence (document, offsets and the text there), so a listing
can always be traced to the sentence it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def show_date(value: dict[str, str] | None) -> str:
    return value["value"] if value else ""


@dataclass
class Evidence:
    """One span of one document: where a fact is stated."""

    doc_id: str
    source: str
    start: int
    end: int
    text: str
    published: date | None = None
    outlet: str | None = None
    language: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "source": self.source, "outlet": self.outlet,
                "published": _iso(self.published), "language": self.language,
                "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Actor:
    id: str
    name: str
    type: str = ""
    wikidata: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "wikidata": self.wikidata}


@dataclass
class EventView:
    """A merged event: one thing that happened, with every report of it."""

    key: str
    type: str
    plover: str | None
    title: str | None
    format: str | None
    date: dict[str, str] | None
    place: Actor | None
    participants: list[Actor]
    reports: list[Evidence]
    why: list[str] = field(default_factory=list)
    documents: list[Any] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.title or f"{self.type}: " + ", ".join(a.name for a in self.participants[:4])

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "type": self.type, "plover": self.plover, "title": self.title,
                "format": self.format, "date": self.date,
                "place": self.place.to_json() if self.place else None,
                "participants": [a.to_json() for a in self.participants],
                "documents": self.documents, "reports": [r.to_json() for r in self.reports],
                "why": self.why}

    def to_row(self) -> dict[str, Any]:
        return {"date": show_date(self.date), "type": self.type, "title": self.title or "",
                "place": self.place.name if self.place else "",
                "participants": "; ".join(a.name for a in self.participants),
                "reports": len(self.reports),
                "sources": "; ".join(sorted({r.source for r in self.reports})), "key": self.key}


@dataclass
class Link:
    """A fulfilment: the merged event that carries out a commitment, and why it was chosen."""

    key: str
    type: str
    title: str | None
    date: dict[str, str] | None
    score: float
    why: list[str]
    reports: list[Evidence]

    def to_json(self) -> dict[str, Any]:
        return {"event": self.key, "type": self.type, "title": self.title, "date": self.date,
                "score": self.score, "why": self.why, "reports": [r.to_json() for r in self.reports]}


@dataclass
class CommitmentView:
    """A commitment with its status as of a date and what fulfils it."""

    id: int
    doc_id: str
    source: str
    published: date | None
    kind: str
    actors: list[Actor]
    action: str | None
    sector: str | None
    due: dict[str, str] | None
    place: Actor | None
    status: str
    evidence: list[Evidence]
    fulfilled_by: list[Link] = field(default_factory=list)
    occurrences: list[Any] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "doc_id": self.doc_id, "source": self.source,
                "published": _iso(self.published), "kind": self.kind,
                "actors": [a.to_json() for a in self.actors], "action": self.action,
                "sector": self.sector, "due": self.due,
                "place": self.place.to_json() if self.place else None, "status": self.status,
                "evidence": [e.to_json() for e in self.evidence],
                "fulfilled_by": [f.to_json() for f in self.fulfilled_by],
                "occurrences": self.occurrences}

    def to_row(self) -> dict[str, Any]:
        return {"status": self.status, "due": show_date(self.due), "kind": self.kind,
                "actors": "; ".join(a.name for a in self.actors), "sector": self.sector or "",
                "action": self.action or "", "source": self.source,
                "fulfilled_by": "; ".join(f.title or f.key for f in self.fulfilled_by),
                "id": self.id}


@dataclass
class Counterpart:
    actor: Actor
    meetings: int

    def to_json(self) -> dict[str, Any]:
        return {**self.actor.to_json(), "meetings": self.meetings}


@dataclass
class ActorProfile:
    """An actor's meetings, counterparts, and commitments with their status."""

    actor: Actor
    also: list[Actor]
    meetings: list[EventView]
    counterparts: list[Counterpart]
    commitments: list[CommitmentView]
    as_of: date

    def status_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for c in self.commitments:
            counts[c.status] = counts.get(c.status, 0) + 1
        return counts

    def to_json(self) -> dict[str, Any]:
        return {"actor": self.actor.to_json(), "also": [a.to_json() for a in self.also],
                "as_of": self.as_of.isoformat(), "meetings": [m.to_json() for m in self.meetings],
                "counterparts": [c.to_json() for c in self.counterparts],
                "commitments": [c.to_json() for c in self.commitments],
                "status_counts": self.status_counts()}


@dataclass
class TimelineItem:
    """A dated point: an event that happened or a commitment falling due."""

    date: dict[str, str]
    kind: str  # "event" | "commitment"
    label: str
    ref: str  # merged event key or commitment id
    status: str | None = None
    sources: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "kind": self.kind, "label": self.label, "ref": self.ref,
                "status": self.status, "sources": self.sources}

    def to_row(self) -> dict[str, Any]:
        return {"date": self.date["value"], "kind": self.kind, "label": self.label,
                "status": self.status or "", "sources": "; ".join(self.sources), "ref": self.ref}


@dataclass
class DocumentView:
    """One stored document: its record, and each event's and commitment's evidence sentences."""

    record: dict[str, Any]
    evidence: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {**self.record, "evidence": self.evidence}
