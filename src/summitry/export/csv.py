"""CSV of merged events and of commitments, one row each, ids and names side by side.

Lists inside a cell are joined with "; "; evidence is written as `doc_id:start-end`, so
every row leads back to its sentences.
"""

from __future__ import annotations

import csv
from datetime import date
from typing import TYPE_CHECKING, Iterable, TextIO

if TYPE_CHECKING:
    from summitry.store import Store
    from summitry.store.views import Evidence

EVENT_COLUMNS = ["key", "date", "precision", "type", "plover", "title", "format", "place",
                 "place_name", "participants", "participant_names", "reports", "sources",
                 "evidence", "why"]
COMMITMENT_COLUMNS = ["id", "doc_id", "source", "published", "kind", "actors", "actor_names",
                      "action", "sector", "due", "precision", "place", "status", "as_of",
                      "fulfilled_by", "evidence"]


def spans(evidence: Iterable[Evidence]) -> str:
    return "; ".join(f"{e.doc_id}:{e.start}-{e.end}" for e in evidence)


def write_events(store: Store, out: TextIO) -> int:
    """One row per merged event, newest first."""
    writer = csv.DictWriter(out, EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = store.events()
    for e in rows:
        writer.writerow({
            "key": e.key, "date": (e.date or {}).get("value", ""),
            "precision": (e.date or {}).get("precision", ""), "type": e.type, "plover": e.plover,
            "title": e.title or "", "format": e.format or "",
            "place": e.place.id if e.place else "", "place_name": e.place.name if e.place else "",
            "participants": "; ".join(a.id for a in e.participants),
            "participant_names": "; ".join(a.name for a in e.participants),
            "reports": len({(r.doc_id) for r in e.reports}),
            "sources": "; ".join(sorted({r.source for r in e.reports})),
            "evidence": spans(e.reports), "why": "; ".join(e.why),
        })
    return len(rows)


def write_commitments(store: Store, out: TextIO, *, as_of: date | None = None) -> int:
    """One row per commitment with its status as of `as_of` (default today)."""
    as_of = as_of or date.today()
    writer = csv.DictWriter(out, COMMITMENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = store.commitments(as_of=as_of)
    for c in rows:
        writer.writerow({
            "id": c.id, "doc_id": c.doc_id, "source": c.source,
            "published": c.published.isoformat() if c.published else "", "kind": c.kind,
            "actors": "; ".join(a.id for a in c.actors),
            "actor_names": "; ".join(a.name for a in c.actors), "action": c.action or "",
            "sector": c.sector or "", "due": (c.due or {}).get("value", ""),
            "precision": (c.due or {}).get("precision", ""), "place": c.place.id if c.place else "",
            "status": c.status, "as_of": as_of.isoformat(),
            "fulfilled_by": "; ".join(f.key for f in c.fulfilled_by), "evidence": spans(c.evidence),
        })
    return len(rows)
