"""The Doc that every stage enriches, and the annotations it carries.

Every annotation keeps `start`/`end` into `Doc.text` (Python str indices, end exclusive).
`Doc.to_record()` gives the JSON record of shared/spec/record.md.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
SCHEMA = "summitry.record/1"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def to_json(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str

    def __repr__(self) -> str:
        return f"Sentence({self.start}:{self.end} {self.text[:40]!r})"


@dataclass(slots=True)
class Token:
    """A word with the keys it can match under: its lowercase surface and its lemmas."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str = ""
    keys: frozenset[str] = frozenset()
    feats: dict[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Token({self.start}:{self.end} {self.text!r}->{self.lemma!r})"


@dataclass(slots=True)
class Mention:
    """A stretch of text that names an entity; `via` says which rule found it."""

    start: int
    end: int
    text: str
    entity_id: str
    type: str
    via: str = "alias"

    def __repr__(self) -> str:
        return f"Mention({self.start}:{self.end} {self.text!r} -> {self.entity_id} via {self.via})"


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    known: bool
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "known": self.known,
            "mentions": [
                {"start": m.start, "end": m.end, "text": m.text} for m in self.mentions
            ],
        }


@dataclass(slots=True)
class DateValue:
    """An absolute date at a precision: '2025-06-17' day, '2025-06' month, '2025' year."""

    value: str
    precision: Precision

    def to_json(self) -> dict[str, str]:
        return {"value": self.value, "precision": self.precision}

    def as_date(self) -> date:
        """The first day the value covers."""
        parts = [int(p) for p in self.value.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return date(parts[0], parts[1], parts[2])


@dataclass(slots=True)
class DateExpr:
    """A date expression in the text, resolved against the publication date.

    `value` is the start of what it names; `end_value` the end of a range ("18-19 May",
    "2026-2030"), else None. `relative` marks expressions that needed the anchor.
    `kind` says what sort of time it names: "point" (a day, month, year or range),
    "duration" ("within three years": `value` and `end_value` are both the END of the
    period counted from publication, i.e. its deadline), "deadline" ("by the end of 2025":
    the period whose end is the limit) or "season" ("in the autumn": its year).
    """

    start: int
    end: int
    text: str
    value: DateValue
    end_value: DateValue | None = None
    relative: bool = False
    kind: str = "point"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value.value,
            "precision": self.value.precision,
        }
        if self.end_value is not None:
            out["end_value"] = self.end_value.value
        if self.kind != "point":
            out["kind"] = self.kind
        return out

    def __repr__(self) -> str:
        kind = "" if self.kind == "point" else f" {self.kind}"
        return f"DateExpr({self.text!r} -> {self.value.value}/{self.value.precision}{kind})"


@dataclass(slots=True)
class SignedDocuments:
    title: str | None = None
    count: int | None = None
    topics: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "count": self.count, "topics": list(self.topics)}


PLOVER = {
    "summit": "CONSULT",
    "meeting": "CONSULT",
    "phone_call": "CONSULT",
    "visit": "CONSULT",
    "forum": "CONSULT",
    "signing": "AGREE",
    "launch": "COOPERATE",
}


@dataclass(slots=True)
class Event:
    type: str
    evidence: list[Span]
    title: str | None = None
    format: str | None = None
    date: DateValue | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    documents: list[SignedDocuments] = field(default_factory=list)

    @property
    def plover(self) -> str:
        return PLOVER[self.type]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "plover": self.plover,
            "title": self.title,
            "format": self.format,
            "date": self.date.to_json() if self.date else None,
            "place": self.place,
            "participants": list(self.participants),
        }
        if self.documents:
            out["documents"] = [d.to_json() for d in self.documents]
        out["evidence"] = [s.to_json() for s in self.evidence]
        return out


@dataclass(slots=True)
class Commitment:
    kind: str
    actors: list[str]
    action: str
    sector: str
    evidence: list[Span]
    due: DateValue | None = None
    place: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "actors": list(self.actors),
            "action": self.action,
            "sector": self.sector,
            "due": self.due.to_json() if self.due else None,
            "place": self.place,
            "evidence": [s.to_json() for s in self.evidence],
        }


def document_id(text: str) -> str:
    """First 16 hex digits of the sha256 of the cleaned text (record.md)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Doc:
    """One text and everything the pipeline learned about it."""

    text: str
    source: str = "<text>"
    title: str | None = None
    language: str | None = None
    published: date | None = None
    outlet: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    dates: list[DateExpr] = field(default_factory=list)
    candidates: list[Any] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    done: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return document_id(self.text)

    def __repr__(self) -> str:
        return (
            f"Doc({self.source!r}, {self.language}, {len(self.text)} chars, "
            f"{len(self.entities)} entities, {len(self.events)} events, "
            f"{len(self.commitments)} commitments)"
        )

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def to_record(self, *, with_dates: bool = True) -> dict[str, Any]:
        """The record of shared/spec/record.md, plus the resolved `dates` list."""
        record: dict[str, Any] = {
            "schema": SCHEMA,
            "document": {
                "id": self.id,
                "source": self.source,
                "title": self.title,
                "language": self.language,
                "published": self.published.isoformat() if self.published else None,
                "outlet": self.outlet,
                "text": self.text,
            },
            "entities": [e.to_json() for e in self.entities.values() if e.mentions],
            "events": [e.to_json() for e in self.events],
            "commitments": [c.to_json() for c in self.commitments],
        }
        if with_dates:
            record["dates"] = [d.to_json() for d in self.dates]
        return record
