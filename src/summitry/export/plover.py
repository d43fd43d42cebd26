"""Events as PLOVER JSON lines: one merged event a line, in the PLOVER event model's terms.

`event_type` is the PLOVER category (CONSULT, AGREE, COOPERATE; record.md gives the
mapping) and `event_mode` its mode where the type implies one; `actors` carry Wikidata
ids where the knowledge base has them; `provenance` lists every report with its
document, outlet, publication date and the offsets of its evidence.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from summitry.store import Store
    from summitry.store.views import Actor, EventView

MODES = {"phone_call": "phone", "visit": "visit", "meeting": "meet", "summit": "meet",
         "forum": "meet"}


def _actor(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "type": actor.type, "wikidata": actor.wikidata}


def plover_event(event: EventView) -> dict[str, Any]:
    """The PLOVER object of one merged event."""
    return {
        "event_id": event.key,
        "event_date": (event.date or {}).get("value"),
        "date_precision": (event.date or {}).get("precision"),
        "event_type": event.plover,
        "event_mode": MODES.get(event.type),
        "summitry_type": event.type,
        "event_text": event.title,
        "format": event.format,
        "actors": [_actor(a) for a in event.participants],
        "location": _actor(event.place) if event.place else None,
        "provenance": [
            {"doc_id": r.doc_id, "source": r.source, "outlet": r.outlet,
             "published": r.published.isoformat() if r.published else None,
             "language": r.language, "start": r.start, "end": r.end, "text": r.text}
            for r in event.reports
        ],
    }


def write_plover(store: Store, out: TextIO) -> int:
    """Write every merged event as one PLOVER JSON line; the number written."""
    events = store.events()
    for event in events:
        out.write(json.dumps(plover_event(event), ensure_ascii=False) + "\n")
    return len(events)
