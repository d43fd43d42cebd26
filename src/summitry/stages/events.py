"""Events (summits, meetings, calls, visits, signings, forums, launches): the next issue fills them."""

from __future__ import annotations

from summitry.doc import Doc
from summitry.pipeline import stage


@stage("events", requires=("sentences", "mentions", "dates"), assigns=("events",))
def find_events(doc: Doc) -> None:
    doc.events = []
