"""The store's read side: merged events, commitments with status, actors, timelines, documents.

Each query filters and pages in SQL (portable SQLAlchemy Core), then loads what the page
shows — participants, reports, evidence text — with one IN query per kind, so a listing
costs the same on a store of a hundred documents or of a hundred thousand.

A commitment's status is computed here, as of a date, from its due period and its
fulfilment links (shared/spec/record.md, "Corpus level"): `fulfilled` when an event that
fulfils it was reported by then, else `overdue` when its due period ended before then,
`pending` when it had not, `open` when it has no due time.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from typing import Any, Iterable

from sqlalchemy import Column, Connection, Table, and_, case, exists, func, not_, or_, select

from summitry.store import schema as s
from summitry.store.views import (
    Actor,
    ActorProfile,
    CommitmentView,
    Counterpart,
    DocumentView,
    Evidence,
    EventView,
    Link,
    TimelineItem,
)
from summitry.store.writer import full_record

STATUSES = ("fulfilled", "pending", "overdue", "open")
_SENTENCE_END = re.compile(r"[.!?…。！？]\s|\n")


def actors(conn: Connection, ids: Iterable[str | None]) -> dict[str, Actor]:
    """Names, types and Wikidata ids of entities by id; an unknown id names itself."""
    wanted = {i for i in ids if i}
    found = {row.id: Actor(row.id, row.name, row.type, row.wikidata)
             for row in conn.execute(select(s.entities).where(s.entities.c.id.in_(wanted)))}
    return {i: found.get(i) or Actor(i, i.split(":", 1)[-1], i.split(":")[0]) for i in wanted}


def _date(value: str | None, precision: str | None) -> dict[str, str] | None:
    return {"value": value, "precision": precision or "day"} if value else None


def _evidence(conn: Connection, owner: Table, spans: Table, owner_id: Column[Any],
              ids: list[Any]) -> dict[Any, list[Evidence]]:
    """Evidence of events or commitments by owner id, with the text of each span (SQL substr)."""
    d = s.documents.c
    query = (
        select(owner.c.id.label("owner"), d.id, d.source, d.published, d.outlet, d.language,
               spans.c.start, spans.c.end,
               func.substr(d.text, spans.c.start + 1, spans.c.end - spans.c.start).label("text"))
        .join(owner, owner.c.id == owner_id)
        .join(s.documents, d.id == owner.c.doc_id)
        .where(owner.c.id.in_(ids)).order_by(spans.c.id)
    )
    out: dict[Any, list[Evidence]] = {}
    for row in conn.execute(query):
        out.setdefault(row.owner, []).append(Evidence(row.id, row.source, row.start, row.end,
                                                      row.text, row.published, row.outlet,
                                                      row.language))
    return out


def _fulfilment_evidence(conn: Connection, ids: list[int]) -> dict[int, list[Evidence]]:
    """The spans a fulfilment stands on (every report of the fulfilling event), by its id."""
    d, e = s.documents.c, s.fulfilment_evidence.c
    query = (select(e.fulfilment_id, d.id, d.source, d.published, d.outlet, d.language, e.start,
                    e.end, func.substr(d.text, e.start + 1, e.end - e.start).label("text"))
             .join(s.documents, d.id == e.doc_id).where(e.fulfilment_id.in_(ids)).order_by(e.id))
    out: dict[int, list[Evidence]] = {}
    for row in conn.execute(query):
        out.setdefault(row.fulfilment_id, []).append(Evidence(
            row.id, row.source, row.start, row.end, row.text, row.published, row.outlet, row.language))
    return out


def _reports(conn: Connection, keys: list[str]) -> dict[str, list[Evidence]]:
    """Every report of merged events by key: each source event's evidence spans."""
    if not keys:
        return {}
    links = conn.execute(select(s.merged_reports).where(s.merged_reports.c.merged_key.in_(keys))).all()
    spans = _evidence(conn, s.events, s.event_evidence, s.event_evidence.c.event_id,
                      [r.event_id for r in links])
    out: dict[str, list[Evidence]] = {k: [] for k in keys}
    for link in links:
        out[link.merged_key].extend(spans.get(link.event_id, []))
    return out


def _event_views(conn: Connection, rows: list[Any]) -> list[EventView]:
    keys = [r.key for r in rows]
    participants: dict[str, list[str]] = {}
    for link in conn.execute(select(s.merged_participants)
                             .where(s.merged_participants.c.merged_key.in_(keys))):
        participants.setdefault(link.merged_key, []).append(link.entity_id)
    names = actors(conn, [p for ps in participants.values() for p in ps] + [r.place for r in rows])
    reports = _reports(conn, keys)
    return [
        EventView(r.key, r.type, r.plover, r.title, r.format,
                  _date(r.date_value, r.date_precision), names.get(r.place) if r.place else None,
                  [names[p] for p in participants.get(r.key, [])], reports.get(r.key, []),
                  list(r.why or []), list((r.data or {}).get("documents") or []))
        for r in rows
    ]


def events(conn: Connection, *, actor_ids: list[str] | None = None, type: str | None = None,
           since: date | None = None, until: date | None = None,
           limit: int | None = None) -> list[EventView]:
    """Merged events, newest first, filtered by participant, type and date."""
    m = s.merged_events.c
    query = select(s.merged_events)
    if actor_ids is not None:
        query = query.where(m.key.in_(select(s.merged_participants.c.merged_key)
                                      .where(s.merged_participants.c.entity_id.in_(actor_ids))))
    if type:
        query = query.where(m.type == type)
    if since:
        query = query.where(m.date_start >= since)
    if until:
        query = query.where(m.date_start <= until)
    query = query.order_by(m.date_start.desc().nulls_last(), m.key)
    if limit:
        query = query.limit(limit)
    return _event_views(conn, list(conn.execute(query).all()))


def status_expr(as_of: date) -> Any:
    """SQL for a commitment's status as of a date (see the module's docstring).

    A recurring commitment is judged by its occurrences, as summitry.store.tracking does:
    overdue if any occurrence is, else fulfilled if any is, else pending, else open.
    """
    c, f, o = s.commitments.c, s.fulfilments.c, s.occurrences.c
    fulfilled = exists().where(f.commitment_id == c.id, or_(f.known_on.is_(None), f.known_on <= as_of))
    done = and_(o.merged_key.is_not(None), or_(o.known_on.is_(None), o.known_on <= as_of))

    def occurrence(*condition: Any) -> Any:
        return exists().where(o.commitment_id == c.id, *condition)

    return case(
        (occurrence(not_(done), o.due_end < as_of), "overdue"),
        (occurrence(done), "fulfilled"),
        (occurrence(not_(done), o.due_end >= as_of), "pending"),
        (occurrence(), "open"),
        (fulfilled, "fulfilled"),
        (c.due_end.is_(None), "open"),
        (c.due_end < as_of, "overdue"),
        else_="pending",
    )


def _status_hint(status: str, as_of: date) -> Any:
    """A condition every commitment of a status meets, cheap enough to use an index: it
    narrows the rows before status_expr decides (fulfilled ones are few)."""
    c, f, o = s.commitments.c, s.fulfilments.c, s.occurrences.c
    recurring = c.id.in_(select(o.commitment_id))
    if status == "fulfilled":
        return or_(c.id.in_(select(f.commitment_id).where(or_(f.known_on.is_(None), f.known_on <= as_of))),
                   recurring)
    if status == "open":
        return or_(c.due_start.is_(None), recurring)
    if status == "overdue":
        return or_(c.due_start < as_of, recurring)
    # pending: the due period ends on or after as_of, and no period is longer than a year
    return or_(c.due_start >= as_of - timedelta(days=366), recurring)


def commitments(conn: Connection, *, as_of: date, status: str | None = None,
                actor_ids: list[str] | None = None, sector: str | None = None,
                due_before: date | None = None, kind: str | None = None,
                limit: int | None = None) -> list[CommitmentView]:
    """Commitments with their status as of `as_of`, soonest due first (undated last)."""
    c, d = s.commitments.c, s.documents.c
    state = status_expr(as_of).label("status")
    query = (select(s.commitments, state, d.source, d.published)
             .join(s.documents, d.id == c.doc_id))
    if status:
        query = query.where(_status_hint(status, as_of), status_expr(as_of) == status)
    if actor_ids is not None:
        query = query.where(c.id.in_(select(s.commitment_actors.c.commitment_id)
                                     .where(s.commitment_actors.c.entity_id.in_(actor_ids))))
    if sector:
        query = query.where(c.sector == sector)
    if kind:
        query = query.where(c.kind == kind)
    if due_before:
        query = query.where(c.due_start < due_before)
    query = query.order_by(c.due_start.asc().nulls_last(), c.id)
    if limit:
        query = query.limit(limit)
    rows = list(conn.execute(query).all())
    return _commitment_views(conn, rows, as_of)


def _commitment_views(conn: Connection, rows: list[Any], as_of: date) -> list[CommitmentView]:
    ids = [r.id for r in rows]
    actor_ids: dict[int, list[str]] = {}
    for link in conn.execute(select(s.commitment_actors)
                             .where(s.commitment_actors.c.commitment_id.in_(ids))):
        actor_ids.setdefault(link.commitment_id, []).append(link.entity_id)
    names = actors(conn, [a for ids_ in actor_ids.values() for a in ids_] + [r.place for r in rows])
    evidence = _evidence(conn, s.commitments, s.commitment_evidence,
                         s.commitment_evidence.c.commitment_id, ids)
    f, m = s.fulfilments.c, s.merged_events.c
    links = conn.execute(
        select(f.id, f.commitment_id, f.merged_key, f.event_type, f.score, f.why, m.title,
               m.date_value, m.date_precision)
        .outerjoin(s.merged_events, m.key == f.merged_key)
        .where(f.commitment_id.in_(ids), or_(f.known_on.is_(None), f.known_on <= as_of))
        .order_by(f.score.desc(), f.id)).all()
    reports = _fulfilment_evidence(conn, [link.id for link in links])
    by_commitment: dict[int, list[Link]] = {}
    for link in links:
        by_commitment.setdefault(link.commitment_id, []).append(
            Link(link.merged_key, link.event_type, link.title,
                 _date(link.date_value, link.date_precision), link.score, list(link.why or []),
                 reports.get(link.id, [])))
    occurrences: dict[int, list[dict[str, Any]]] = {}
    o = s.occurrences.c
    for row in conn.execute(select(s.occurrences).where(o.commitment_id.in_(ids)).order_by(o.id)):
        occurrences.setdefault(row.commitment_id, []).append(
            {"due": _date(row.due_value, row.due_precision), "fulfilled_by": row.merged_key,
             "known_on": row.known_on.isoformat() if row.known_on else None})
    return [
        CommitmentView(r.id, r.doc_id, r.source, r.published, r.kind,
                       [names[a] for a in actor_ids.get(r.id, [])], r.action, r.sector,
                       _date(r.due_value, r.due_precision), names.get(r.place) if r.place else None,
                       r.status, evidence.get(r.id, []), by_commitment.get(r.id, []),
                       list(occurrences.get(r.id) or []))
        for r in rows
    ]


def actor_profile(conn: Connection, ids: list[str], as_of: date) -> ActorProfile:
    """Meetings, counterparts (by meetings shared) and commitments of an actor."""
    named = actors(conn, ids)
    meetings = events(conn, actor_ids=ids)
    counts: Counter[str] = Counter()
    for meeting in meetings:
        counts.update({p.id for p in meeting.participants} - set(ids))
    others = actors(conn, counts)
    counterparts = [Counterpart(others[i], n) for i, n in
                    sorted(counts.items(), key=lambda kv: (-kv[1], others[kv[0]].name))]
    return ActorProfile(named[ids[0]], [named[i] for i in ids[1:]], meetings, counterparts,
                        commitments(conn, as_of=as_of, actor_ids=ids), as_of)


def timeline(conn: Connection, *, as_of: date, actor_ids: list[str] | None = None,
             limit: int | None = None) -> list[TimelineItem]:
    """Events that happened and commitments that fall due, in date order."""
    items = [TimelineItem(e.date, "event", e.label, e.key, None,
                          sorted({r.source for r in e.reports}))
             for e in events(conn, actor_ids=actor_ids, limit=limit) if e.date]
    items += [TimelineItem(c.due, "commitment", c.action or c.kind, str(c.id), c.status, [c.source])
              for c in commitments(conn, as_of=as_of, actor_ids=actor_ids, limit=limit) if c.due]
    items.sort(key=lambda i: (i.date["value"], i.kind, i.ref))
    return items


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) holding a span: out to the nearest sentence ends."""
    left = 0
    for match in _SENTENCE_END.finditer(body, 0, start):
        left = match.end()
    after = _SENTENCE_END.search(body, max(end - 1, start))
    right = after.start() + 1 if after else len(body)
    return left, max(right, end)


def document(conn: Connection, doc_id: str) -> DocumentView | None:
    """A stored document's record and the sentences its events and commitments stand on."""
    row = conn.execute(select(s.documents.c.record, s.documents.c.text)
                       .where(s.documents.c.id == doc_id)).first()
    if row is None:
        return None
    record = full_record(row.record, row.text)
    evidence = []
    for layer in ("events", "commitments"):
        for index, item in enumerate(record.get(layer) or []):
            for span in item.get("evidence") or []:
                a, b = sentence_around(row.text, span["start"], span["end"])
                evidence.append({"layer": layer, "index": index, "start": span["start"],
                                 "end": span["end"], "sentence": row.text[a:b].strip(),
                                 "sentence_start": a, "sentence_end": b})
    return DocumentView(record, evidence)


def doc_ids_like(conn: Connection, prefix: str, limit: int = 5) -> list[str]:
    """Stored document ids starting with a prefix (ids can be abbreviated like git's)."""
    return list(conn.execute(select(s.documents.c.id).where(s.documents.c.id.like(prefix + "%"))
                             .order_by(s.documents.c.id).limit(limit)).scalars())


def fold_lookup(conn: Connection, folded: str) -> list[str]:
    """Entities stored under a folded name, most mentioned first."""
    ids = list(conn.execute(select(s.entity_names.c.entity_id)
                            .where(s.entity_names.c.folded == folded)).scalars())
    return sorted(ids)


def counts(conn: Connection) -> dict[str, int]:
    """Rows per table, for summaries and consistency checks."""
    tables = [t for t in s.metadata.sorted_tables if t is not s.meta]
    return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}




def links(conn: Connection) -> list[dict[str, Any]]:
    """Every (commitment, fulfilling event) pair with the spans on both sides, in the shape
    summitry.evaluate.evaluate() takes.

    `fulfilled_by` lists every report of the fulfilling event, so a link to an event that
    several outlets report stands on each of them (shared/spec/evaluation.md, "Links").
    """
    rows = conn.execute(select(s.fulfilments.c.id, s.fulfilments.c.commitment_id,
                               s.fulfilments.c.merged_key).order_by(s.fulfilments.c.id)).all()
    commitment_ids = sorted({r.commitment_id for r in rows})
    spans = _evidence(conn, s.commitments, s.commitment_evidence,
                      s.commitment_evidence.c.commitment_id, commitment_ids)
    sources = dict(conn.execute(select(s.commitments.c.id, s.documents.c.source)
                                .join(s.documents, s.documents.c.id == s.commitments.c.doc_id)
                                .where(s.commitments.c.id.in_(commitment_ids))).all())
    reports = _fulfilment_evidence(conn, [r.id for r in rows])
    out = []
    for row in rows:
        by_source: dict[str, list[dict[str, int]]] = {}
        for evidence in reports.get(row.id, []):
            by_source.setdefault(evidence.source, []).append(
                {"start": evidence.start, "end": evidence.end})
        out.append({
            "commitment": {"source": sources[row.commitment_id],
                           "evidence": [{"start": e.start, "end": e.end}
                                        for e in spans.get(row.commitment_id, [])]},
            "fulfilled_by": [{"source": source, "evidence": ev} for source, ev in by_source.items()],
            "event": row.merged_key,
        })
    return out
