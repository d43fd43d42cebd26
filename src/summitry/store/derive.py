"""Recomputing what the store derives across documents: merged events and fulfilment links.

The per-document events and commitments go to `merge.merge_events` and `tracking.track`
(pure functions in summitry/store/merge.py and tracking.py); what they return replaces
the derived tables in one transaction. A process killed mid-refresh leaves the previous
derived tables and the `derived_stale` flag, so the next refresh redoes the work.

The two modules are imported when a refresh first needs them, and a Store can be given
stand-ins (tests pass tiny fakes with the same functions and dataclasses).
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from sqlalchemy import Connection, func, select

from summitry.doc import PLOVER
from summitry.kb import KnowledgeBase, fold
from summitry.store import schema as s
from summitry.store.sql import insert_id, insert_ignore, upsert
from summitry.store.writer import STALE, period


@dataclass
class RefreshSummary:
    """What a refresh produced."""

    reports: int
    merged: int
    commitments: int
    links: int

    def __str__(self) -> str:
        return (f"{self.reports} reports merged into {self.merged} events; "
                f"{self.links} fulfilment links for {self.commitments} commitments")


def load_module(name: str) -> Any:
    """summitry.store.merge or summitry.store.tracking, imported on first use."""
    return importlib.import_module(f"summitry.store.{name}")


def jsonable(value: Any) -> Any:
    """Plain JSON of a derived value; a report is written as its (doc_id, index) only."""
    if hasattr(value, "doc_id") and hasattr(value, "index"):
        return {"doc_id": value.doc_id, "index": value.index}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def known_on(reports: list[Any]) -> date | None:
    """When a fulfilment became known: its first report's publication, else its event's date."""
    published = [r.published for r in reports if r.published]
    if published:
        return min(published)
    starts = [period(r.event.get("date"))[0] for r in reports]
    return min((d for d in starts if d), default=None)


@dataclass
class Sourced:
    """The store's events and commitments as merge and tracking take them, with row ids."""

    events: list[Any]
    event_ids: dict[tuple[str, int], int]
    commitments: list[Any]
    commitment_ids: dict[tuple[str, int], int]
    texts: dict[str, str]


def load_sourced(conn: Connection, merge: Any, tracking: Any) -> Sourced:
    d = s.documents.c
    out = Sourced([], {}, [], {}, {})
    query = (select(s.events.c.id, s.events.c.doc_id, s.events.c.idx, s.events.c.data,
                    d.source, d.published, d.language, d.outlet)
             .join(s.documents, d.id == s.events.c.doc_id).order_by(d.published, s.events.c.id))
    for row in conn.execute(query):
        out.events.append(merge.SourcedEvent(row.doc_id, row.source, row.published, row.language,
                                             row.outlet, row.idx, dict(row.data)))
        out.event_ids[(row.doc_id, row.idx)] = row.id
    query = (select(s.commitments.c.id, s.commitments.c.doc_id, s.commitments.c.idx,
                    s.commitments.c.data, d.source, d.published, d.language)
             .join(s.documents, d.id == s.commitments.c.doc_id)
             .order_by(d.published, s.commitments.c.id))
    for c_row in conn.execute(query):
        out.commitments.append(tracking.SourcedCommitment(c_row.doc_id, c_row.source, c_row.published,
                                                          c_row.language, c_row.idx, dict(c_row.data)))
        out.commitment_ids[(c_row.doc_id, c_row.idx)] = c_row.id
    with_facts = {doc_id for doc_id, _ in out.event_ids} | {doc_id for doc_id, _ in out.commitment_ids}
    if with_facts:
        out.texts = dict(conn.execute(select(d.id, d.text).where(d.id.in_(with_facts))).all())
    return out


def tracking_date(conn: Connection) -> date:
    """The date links are computed for: today, or the latest date in the store if later."""
    latest = [date.today()]
    for column in (s.documents.c.published, s.events.c.date_start):
        value = conn.execute(select(func.max(column))).scalar()
        if value is not None:
            latest.append(value)
    return max(latest)


def _ensure_entities(conn: Connection, ids: set[str], kb: KnowledgeBase) -> None:
    """Rows for participants a merge names that no record listed (so foreign keys hold)."""
    if not ids:
        return
    have = set(conn.execute(select(s.entities.c.id).where(s.entities.c.id.in_(ids))).scalars())
    rows: list[dict[str, Any]] = []
    for entity_id in sorted(ids - have):
        entry = kb.get(entity_id)
        rows.append({"id": entity_id, "type": entry.type if entry else entity_id.split(":")[0],
                     "name": entry.name if entry else entity_id.split(":", 1)[-1],
                     "known": entry is not None, "wikidata": entry.wikidata if entry else None})
    if rows:
        conn.execute(insert_ignore(conn, s.entities), rows)
        conn.execute(insert_ignore(conn, s.entity_names),
                     [{"entity_id": r["id"], "folded": fold(r["name"])} for r in rows])


def _write_merged(conn: Connection, merged: list[Any], src: Sourced, kb: KnowledgeBase) -> None:
    merged_rows: list[dict[str, Any]] = []
    report_rows: list[dict[str, Any]] = []
    participant_rows: list[dict[str, Any]] = []
    for item in merged:
        published = [r.published for r in item.reports if r.published is not None]
        merged_rows.append({
            "key": item.key, "type": item.type, "plover": PLOVER.get(item.type), "title": item.title,
            "format": item.format, "date_value": (item.date or {}).get("value"),
            "date_precision": (item.date or {}).get("precision"), "date_start": period(item.date)[0],
            "place": item.place, "reported_on": min(published) if published else None,
            "report_count": len(item.reports), "why": jsonable(list(item.why)),
            "data": {"documents": jsonable(list(item.documents or []))},
        })
        report_rows.extend({"merged_key": item.key, "event_id": src.event_ids[(r.doc_id, r.index)]}
                           for r in item.reports if (r.doc_id, r.index) in src.event_ids)
        participant_rows.extend({"merged_key": item.key, "entity_id": p}
                                for p in dict.fromkeys(item.participants))
    _ensure_entities(conn, {r["entity_id"] for r in participant_rows}, kb)
    for table, rows in ((s.merged_events, merged_rows), (s.merged_reports, report_rows),
                        (s.merged_participants, participant_rows)):
        if rows:
            conn.execute(table.insert(), rows)


def _write_tracked(conn: Connection, tracked: list[Any], src: Sourced,
                   types: dict[str, str]) -> int:
    links = 0
    occurrence_rows: list[dict[str, Any]] = []
    for t in tracked:
        commitment_id = src.commitment_ids.get((t.commitment.doc_id, t.commitment.index))
        if commitment_id is None:
            continue
        for f in t.fulfilled_by:
            fulfilment_id = insert_id(conn, s.fulfilments.insert().values(
                commitment_id=commitment_id, merged_key=f.event_key,
                event_type=types.get(f.event_key, "report"), score=float(f.score),
                known_on=known_on(f.reports), why=jsonable(list(f.why))))
            spans = [{"fulfilment_id": fulfilment_id, "doc_id": r.doc_id,
                      "start": int(e["start"]), "end": int(e["end"])}
                     for r in f.reports for e in r.event.get("evidence") or []
                     if r.doc_id in src.texts]
            if spans:
                conn.execute(s.fulfilment_evidence.insert(), spans)
            links += 1
        for o in t.occurrences or []:
            start, end = period(o.due)
            fulfilment = o.fulfilment
            occurrence_rows.append({
                "commitment_id": commitment_id, "due_value": (o.due or {}).get("value"),
                "due_precision": (o.due or {}).get("precision"), "due_start": start, "due_end": end,
                "merged_key": fulfilment.event_key if fulfilment else None,
                "known_on": known_on(fulfilment.reports) if fulfilment else None,
            })
    if occurrence_rows:
        conn.execute(s.occurrences.insert(), occurrence_rows)
    return links


def refresh(conn: Connection, merge: Any, tracking: Any, kb: KnowledgeBase,
            as_of: date | None = None) -> RefreshSummary:
    """Rebuild merged events, fulfilment links and occurrences in the open transaction."""
    src = load_sourced(conn, merge, tracking)
    merged = merge.merge_events(src.events, kb=kb)
    tracked = tracking.track(src.commitments, merged, as_of or tracking_date(conn), kb=kb,
                             texts=src.texts)
    for table in s.DERIVED:
        conn.execute(table.delete())
    _write_merged(conn, merged, src, kb)
    links = _write_tracked(conn, tracked, src, {m.key: m.type for m in merged})
    upsert(conn, s.meta, {"key": STALE, "value": "0"}, "key")
    return RefreshSummary(len(src.events), len(merged), len(src.commitments), links)
