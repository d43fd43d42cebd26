"""Events (summits, meetings, calls, visits, signings, forums, launches) that a text reports as done.

Triggers come from the language's lexicon (rules/<lang>/events.yaml); a planned or
announced event is left to the commitments stage. `past_event_at` lets that stage ask
whether a stretch of text reports one of these events.
"""

from __future__ import annotations

from datetime import date

from summitry.affiliation import person_states, state_of
from summitry.doc import Doc, Event
from summitry.events import Filler, SlotReader, TriggerFinder, fold_arrivals, headlines, load_lexicon, merge, to_event
from summitry.kb import KnowledgeBase
from summitry.pipeline import stage


@stage("events", requires=("sentences", "mentions", "dates"), assigns=("events",))
def find_events(doc: Doc) -> None:
    doc.events = []
    lexicon = load_lexicon(doc.language or "")
    if lexicon is None or not doc.tokens:
        return
    kb = KnowledgeBase.default()
    finder = TriggerFinder(doc, lexicon)
    reader = SlotReader(doc, lexicon, kb)
    reports = [
        reader.read(trigger)
        for number, sentence in enumerate(doc.sentences)
        for trigger in finder.find(number, sentence)
    ]
    drafts = fold_arrivals(merge(reports, doc.published, headlines(doc)))
    Filler(doc, kb).fill(drafts)
    # a report dated by its own clause after publication ("прийме саміт влітку 2026 року")
    # is a plan, whatever tense the parser read: the commitments stage takes it
    drafts = [d for d in drafts if not (d.date_from == "own" and d.date is not None and doc.published is not None
                                        and d.date.as_date() > doc.published)]
    doc.events = [to_event(d) for d in drafts]
    _visitors_only(doc, kb)


def _visitors_only(doc: Doc, kb: KnowledgeBase) -> None:
    """A visit's people are the visitors: a leader of the host state named in the same
    sentence ("X, on a state visit to China, held talks with Xi Jinping") met the visitor
    (the meeting has them both) but did not visit. The host state stays a participant."""
    affiliations: dict[str, str] | None = None
    for event in doc.events:
        if event.type != "visit" or event.place is None:
            continue
        host = state_of(kb, event.place, doc.published or date.today())
        people = [p for p in event.participants if p.startswith("person:")]
        if host is None or len(people) < 2:
            continue
        if affiliations is None:
            affiliations = person_states(doc, kb)
        day = event.date.as_date() if event.date else (doc.published or date.today())
        hosts = {p for p in people if state_of(kb, p, day, affiliations) == host}
        if hosts and len(hosts) < len(people):
            event.participants = [p for p in event.participants if p not in hosts]


def past_event_at(doc: Doc, start: int, end: int) -> Event | None:
    """The event of `doc.events` whose evidence overlaps [start, end), if any.

    For the commitments stage: a clause inside such evidence reports a done event, so it
    is not a commitment (unless it also names a future action of its own).
    """
    for event in doc.events:
        for span in event.evidence:
            if span.start < end and start < span.end:
                return event
    return None
