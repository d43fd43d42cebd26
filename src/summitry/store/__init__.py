"""The corpus store: records in a database, merged events, fulfilment links, search, exports.

    from summitry.store import Store
    with Store("summitry.db") as store:
        store.ingest(["news/"])
        for event in store.events(actor="Tokayev", since=date(2025, 1, 1)):
            print(event.date, event.label, len(event.reports))

`links_for_gold(records)` puts records into a temporary store and returns the system's
fulfilment links in the shape `summitry.evaluate.evaluate()` scores.
"""

from __future__ import annotations

from typing import Any, Mapping

from summitry.store.derive import RefreshSummary
from summitry.store.fts import SearchHit
from summitry.store.store import IngestSummary, Store, StoreError, resolve_url
from summitry.store.views import (
    Actor,
    ActorProfile,
    CommitmentView,
    DocumentView,
    Evidence,
    EventView,
    Link,
    TimelineItem,
)

__all__ = [
    "Actor",
    "ActorProfile",
    "CommitmentView",
    "DocumentView",
    "EventView",
    "Evidence",
    "IngestSummary",
    "Link",
    "RefreshSummary",
    "SearchHit",
    "Store",
    "StoreError",
    "TimelineItem",
    "links_for_gold",
    "resolve_url",
]


def links_for_gold(records: Mapping[str, Mapping[str, Any]], *, merge: Any = None,
                   tracking: Any = None) -> list[dict[str, Any]]:
    """System links for a gold run: records (keyed by text file name) ingested into an
    in-memory SQLite store, merged and linked; each link names its sources by those keys."""
    with Store("sqlite://", merge=merge, tracking=tracking) as store:
        for source, record in records.items():
            document = dict(record["document"], source=source)
            store.add_record(dict(record, document=document))
        store.refresh()
        return store.links()
