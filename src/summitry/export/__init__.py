"""Exports of a Store: records as JSONL, events and commitments as CSV, events as PLOVER
JSON, the actor network as GraphML, scheduled commitments as iCalendar.

    from summitry.export import export
    with open("events.ics", "w", newline="") as out:
        export(store, "ical", out)

Each writer takes the store and a text stream and returns how many items it wrote.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Callable, TextIO

from summitry.export.csv import write_commitments, write_events
from summitry.export.graphml import write_graphml
from summitry.export.ical import write_ical
from summitry.export.jsonl import write_records
from summitry.export.plover import write_plover

if TYPE_CHECKING:
    from summitry.store import Store

FORMATS: dict[str, str] = {
    "jsonl": "every record (shared/spec/record.md), one a line",
    "csv": "merged events, or commitments with their status (--table)",
    "plover": "events as PLOVER JSON lines, actors with Wikidata ids, with provenance offsets",
    "graphml": "the actor network: co-participation in events, weighted",
    "ical": "scheduled commitments with a due date, as all-day iCalendar events",
}

__all__ = ["FORMATS", "export", "write_commitments", "write_events", "write_graphml",
           "write_ical", "write_plover", "write_records"]


def export(store: Store, fmt: str, out: TextIO, *, table: str = "events",
           as_of: date | None = None) -> int:
    """Write the store in one of FORMATS to `out`; the number of items written."""
    writers: dict[str, Callable[..., int]] = {
        "jsonl": write_records, "plover": write_plover, "graphml": write_graphml,
    }
    options: dict[str, Any] = {}
    if fmt == "csv":
        if table not in ("events", "commitments"):
            raise ValueError(f"table: expected events or commitments, found {table!r}")
        writer: Callable[..., int] = write_events if table == "events" else write_commitments
        if table == "commitments":
            options["as_of"] = as_of
        return writer(store, out, **options)
    if fmt == "ical":
        return write_ical(store, out, as_of=as_of)
    if fmt not in writers:
        raise ValueError(f"format: expected one of {', '.join(FORMATS)}, found {fmt!r}")
    return writers[fmt](store, out)
