"""Writing one record into the store: its document, entities, mentions, events, commitments.

`write_record` runs inside the caller's transaction, so a document is either stored with
every row that belongs to it or not at all; a process killed mid-write leaves nothing
half-written behind. A record whose text is already stored (same content hash) adds
nothing.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timezone
from typing import Any, Iterable, Mapping

from sqlalchemy import Connection, select

from summitry.doc import PLOVER, document_id
from summitry.errors import InputError
from summitry.kb import KnowledgeBase, fold
from summitry.store import fts
from summitry.store import schema as s
from summitry.store.sql import insert_id, insert_ignore, upsert

STALE = "derived_stale"  # meta key: merged events and links need recomputing


def period(value: Mapping[str, Any] | None) -> tuple[date | None, date | None]:
    """First and last day a record date ({"value", "precision"}) covers; None when unparsable."""
    if not value or not isinstance(value.get("value"), str):
        return None, None
    try:
        parts = [int(p) for p in value["value"].split("-")[:3]]
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None, None


def _published(value: Any, source: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(source, f"document.published: expected YYYY-MM-DD, found {value!r}") from None


def check_record(record: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
    """The document id and document part of a record, or InputError saying what is missing."""
    document = record.get("document") if isinstance(record, Mapping) else None
    if not isinstance(document, Mapping):
        raise InputError("<record>", "expected a record with a 'document' object")
    source = str(document.get("source") or "<record>")
    body = document.get("text")
    if not isinstance(body, str) or not body:
        raise InputError(source, "document.text: expected a non-empty string")
    for key in ("entities", "events", "commitments"):
        if not isinstance(record.get(key, []), list):
            raise InputError(source, f"{key}: expected a list, found {type(record[key]).__name__}")
    doc_id = str(document.get("id") or document_id(body))
    return doc_id, document


def stored_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record as kept in `documents.record`: without the text, which has its own column."""
    out = dict(record)
    out["document"] = {k: v for k, v in record["document"].items() if k != "text"}
    return out


def full_record(stored: Mapping[str, Any], body: str) -> dict[str, Any]:
    """The record again, the text put back where record.md has it."""
    out = dict(stored)
    document = dict(stored["document"])
    document["text"] = body
    out["document"] = {k: document.get(k) for k in
                       ("id", "source", "title", "language", "published", "outlet", "text")}
    out["document"].update({k: v for k, v in document.items() if k not in out["document"]})
    return out


def _entity_type(entity_id: str) -> str:
    prefix = entity_id.split(":", 1)[0]
    return prefix if prefix in ("person", "country", "organization", "place", "format") else "organization"


def _entity_rows(record: Mapping[str, Any], kb: KnowledgeBase) -> tuple[list[dict], list[dict]]:
    """Rows for every entity the record names or refers to by id, and their folded names."""
    rows: dict[str, dict[str, Any]] = {}
    names: set[tuple[str, str]] = set()
    for entity in record.get("entities", []):
        entry = kb.get(entity["id"])
        rows[entity["id"]] = {
            "id": entity["id"],
            "type": entity.get("type") or _entity_type(entity["id"]),
            "name": entity.get("name") or entity["id"],
            "known": bool(entity.get("known", entry is not None)),
            "wikidata": entry.wikidata if entry else None,
        }
        names.add((entity["id"], fold(rows[entity["id"]]["name"])))
        names.update((entity["id"], fold(m["text"])) for m in entity.get("mentions", []) if m.get("text"))
    referred: list[str] = []
    for event in record.get("events", []):
        referred.extend(event.get("participants") or [])
    for commitment in record.get("commitments", []):
        referred.extend(commitment.get("actors") or [])
    for entity_id in referred:
        if entity_id in rows:
            continue
        entry = kb.get(entity_id)
        rows[entity_id] = {
            "id": entity_id,
            "type": entry.type if entry else _entity_type(entity_id),
            "name": entry.name if entry else entity_id.split(":", 1)[-1],
            "known": entry is not None,
            "wikidata": entry.wikidata if entry else None,
        }
        names.add((entity_id, fold(rows[entity_id]["name"])))
    name_rows = [{"entity_id": i, "folded": f[:300]} for i, f in sorted(names) if f]
    return list(rows.values()), name_rows


def _spans(item: Mapping[str, Any]) -> Iterable[tuple[int, int]]:
    for span in item.get("evidence") or []:
        yield int(span["start"]), int(span["end"])


def write_record(conn: Connection, record: Mapping[str, Any], kb: KnowledgeBase) -> tuple[str, bool]:
    """Store a record in the open transaction; (document id, whether it was new)."""
    doc_id, document = check_record(record)
    exists = conn.execute(select(s.documents.c.id).where(s.documents.c.id == doc_id)).first()
    if exists:
        return doc_id, False
    source = str(document.get("source") or "<record>")
    body = document["text"]
    conn.execute(s.documents.insert().values(
        id=doc_id, source=source, title=document.get("title"), language=document.get("language"),
        published=_published(document.get("published"), source), outlet=document.get("outlet"),
        text=body, record=stored_record(record), ingested_at=datetime.now(timezone.utc).replace(tzinfo=None),
    ))
    entity_rows, name_rows = _entity_rows(record, kb)
    if entity_rows:
        conn.execute(insert_ignore(conn, s.entities), entity_rows)
    if name_rows:
        conn.execute(insert_ignore(conn, s.entity_names), name_rows)
    mention_rows = [
        {"doc_id": doc_id, "entity_id": e["id"], "start": m["start"], "end": m["end"], "text": m["text"]}
        for e in record.get("entities", []) for m in e.get("mentions", [])
    ]
    if mention_rows:
        conn.execute(s.mentions.insert(), mention_rows)
    for idx, event in enumerate(record.get("events", [])):
        start, _ = period(event.get("date"))
        event_id = insert_id(conn, s.events.insert().values(
            doc_id=doc_id, idx=idx, type=event["type"],
            plover=event.get("plover") or PLOVER.get(event["type"]), title=event.get("title"),
            format=event.get("format"), date_value=(event.get("date") or {}).get("value"),
            date_precision=(event.get("date") or {}).get("precision"), date_start=start,
            place=event.get("place"), data=dict(event),
        ))
        participants = list(dict.fromkeys(event.get("participants") or []))
        if participants:
            conn.execute(s.event_participants.insert(),
                         [{"event_id": event_id, "entity_id": p} for p in participants])
        spans = [{"event_id": event_id, "start": a, "end": b} for a, b in _spans(event)]
        if spans:
            conn.execute(s.event_evidence.insert(), spans)
    for idx, commitment in enumerate(record.get("commitments", [])):
        due = commitment.get("due")
        due_start, due_end = period(due)
        commitment_id = insert_id(conn, s.commitments.insert().values(
            doc_id=doc_id, idx=idx, kind=commitment["kind"], action=commitment.get("action"),
            sector=commitment.get("sector"), due_value=(due or {}).get("value"),
            due_precision=(due or {}).get("precision"), due_start=due_start, due_end=due_end,
            place=commitment.get("place"), data=dict(commitment),
        ))
        actors = list(dict.fromkeys(commitment.get("actors") or []))
        if actors:
            conn.execute(s.commitment_actors.insert(),
                         [{"commitment_id": commitment_id, "entity_id": a} for a in actors])
        spans = [{"commitment_id": commitment_id, "start": a, "end": b} for a, b in _spans(commitment)]
        if spans:
            conn.execute(s.commitment_evidence.insert(), spans)
    fts.index_document(conn, doc_id, document.get("title"), body, document.get("language"))
    upsert(conn, s.meta, {"key": STALE, "value": "1"}, "key")
    return doc_id, True
