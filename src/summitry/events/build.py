"""From triggers' slots to events: merge the reports of one event, then fill what the text leaves out.

Merging: a report of an event already seen in the document (lead and body, "Во встрече
также приняли участие ...", "сегодняшний саммит") joins that event with its evidence.
Filling, in order of trust: the clause's own slots; the knowledge base's history of a
format's meetings (the n-th summit → its date, place and title); the event it was reported
with (a signing "по итогам встречи" shares the meeting's date, place and leaders); the
dateline ("Тяньцзинь. 31 августа."); the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from summitry.doc import DateValue, Doc, Event, SignedDocuments, Span
from summitry.events.slots import Slots
from summitry.kb import KnowledgeBase, Meeting

HEAD_CHARS = 400  # a dateline starts within this many characters
DATELINE_DAYS = 3  # an event this close to the dateline date happened at the dateline place
CONVENING = ("summit", "meeting", "phone_call", "forum")
AGENTIVE = ("signing", "launch")  # done by someone: they take the actors of their setting
LEADER_OFFICES = ("head_of_state",)


@dataclass
class Draft:
    """One event while it is being assembled from its reports."""

    type: str
    reports: list[Slots] = field(default_factory=list)
    date: DateValue | None = None
    date_end: DateValue | None = None
    date_from: str = ""
    place: str | None = None
    format: str | None = None
    ordinal: int | None = None
    kind: str | None = None
    title: str | None = None
    core: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    documents: list[SignedDocuments] = field(default_factory=list)

    @property
    def sentences(self) -> list[int]:
        return sorted({r.trigger.sentence for r in self.reports})

    @property
    def participants(self) -> list[str]:
        return list(dict.fromkeys(self.core + self.extra))


def _range(value: DateValue, end: DateValue | None) -> tuple[date, date]:
    first = value.as_date()
    last_of = end or value
    last = last_of.as_date()
    if last_of.precision == "month":
        last = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    elif last_of.precision == "year":
        last = last.replace(month=12, day=31)
    return first, last


def _overlap(a: Draft, b: Slots) -> bool:
    if a.date is None or b.date is None:
        return False
    x0, x1 = _range(a.date, a.date_end)
    y0, y1 = _range(b.date.value, b.date.end_value)
    return x0 <= y1 and y0 <= x1


def _compatible(draft: Draft, slots: Slots) -> bool:
    for mine, theirs in (
        (draft.ordinal, slots.ordinal),
        (draft.format, slots.format),
        (draft.kind, slots.kind),
        (draft.place, slots.place),
    ):
        if mine is not None and theirs is not None and mine != theirs:
            return False
    if draft.date is not None and slots.date is not None and not _overlap(draft, slots):
        return False
    if slots.trigger.via != "participation" and draft.core and slots.participants:
        ours, others = set(draft.core), set(slots.participants)
        if not (ours <= others or others <= ours):
            return False
    return True


def merge(reports: list[Slots], published: date | None) -> list[Draft]:
    """Reports of the same event joined into one draft each, in order of first report."""
    drafts: list[Draft] = []
    for slots in reports:
        same = [d for d in drafts if d.type == slots.trigger.type]
        target = None
        if slots.trigger.via == "coref" or not slots.identity:
            if same and _compatible(same[-1], slots):
                target = same[-1]
        else:
            for draft in reversed(same):
                if not _compatible(draft, slots):
                    continue
                linked = (draft.ordinal is not None and draft.ordinal == slots.ordinal) or _overlap(draft, slots)
                if linked or not (draft.date or draft.ordinal or draft.place):
                    target = draft
                    break
        if target is None:
            target = Draft(slots.trigger.type)
            drafts.append(target)
        _absorb(target, slots, published)
    return drafts


def _absorb(draft: Draft, slots: Slots, published: date | None) -> None:
    joining = bool(draft.reports)
    draft.reports.append(slots)
    trigger = slots.trigger
    if trigger.via == "coref" and trigger.offset_days is not None and published and draft.date is None:
        day = published + timedelta(days=trigger.offset_days)
        draft.date, draft.date_from = DateValue(day.isoformat(), "day"), "own"
    if slots.date is not None:
        value, end = slots.date.value, slots.date.end_value
        if draft.date is None:
            draft.date, draft.date_end, draft.date_from = value, end, "own"
        elif draft.date.value != value.value and draft.date.value[:7] == value.value[:7]:
            # two reports give different days of one month: keep what both support
            draft.date, draft.date_end = DateValue(value.value[:7], "month"), None
    for name in ("place", "format", "ordinal", "kind"):
        if getattr(draft, name) is None and getattr(slots, name) is not None:
            setattr(draft, name, getattr(slots, name))
    # "Во встрече также приняли участие A, B": named as also taking part, not as principals
    bucket = draft.extra if trigger.via == "participation" and joining else draft.core
    for pid in slots.participants:
        if pid not in bucket:
            bucket.append(pid)
    draft.documents += slots.documents


def dateline(doc: Doc) -> tuple[str | None, DateValue | None]:
    """(place id, date) of a dateline at the head of the text: "Алматы, 27 апреля /Синьхуа/ --"."""
    for m in doc.mentions:
        if m.start > HEAD_CHARS:
            break
        if m.type != "place":
            continue
        line_start = doc.text.rfind("\n", 0, m.start) + 1
        if doc.text[line_start : m.start].strip():
            continue
        for expr in doc.dates:
            if m.end <= expr.start <= m.end + 20 and re.fullmatch(r"[\s.,]*", doc.text[m.end : expr.start]):
                return m.entity_id, expr.value
    return None, None


class Filler:
    """Fills drafts from the knowledge base, their setting, the dateline and publication."""

    def __init__(self, doc: Doc, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.kb = kb
        self.place, self.date = dateline(doc)

    def history(self, draft: Draft) -> Meeting | None:
        """The format's meeting this draft reports, by ordinal or by date."""
        if draft.format is None or draft.format not in self.kb:
            return None
        kind = "summit" if draft.type == "summit" else draft.kind
        if kind is None:
            return None
        for meeting in self.kb[draft.format].meetings:
            if meeting.kind != kind:
                continue
            if draft.ordinal is not None:
                if meeting.ordinal == draft.ordinal:
                    return meeting
            elif draft.date is not None and meeting.start is not None:
                first, last = _range(draft.date, draft.date_end)
                end = meeting.end or meeting.start
                if meeting.start <= last and first <= end and draft.date.precision == "day":
                    return meeting
        return None

    def fill(self, drafts: list[Draft]) -> None:
        for number, draft in enumerate(drafts):
            meeting = self.history(draft)
            if meeting is not None:
                draft.title = meeting.title
                if draft.date is None and meeting.start_text:
                    text = meeting.start_text
                    precision = {10: "day", 7: "month"}.get(len(text), "year")
                    draft.date, draft.date_from = DateValue(text, precision), "kb"  # type: ignore[arg-type]
                if draft.place is None:
                    draft.place = meeting.place
            if draft.type in AGENTIVE:
                self._setting(draft, drafts[:number])
            if draft.date is None and self.date is not None:
                draft.date, draft.date_from = self.date, "dateline"
            if draft.place is None and self.place is not None and self._near_dateline(draft):
                draft.place = self.place
            if draft.date is None and self.doc.published is not None:
                present = any(
                    r.trigger.extras.get("tense") == "present" and r.trigger.via in ("happen", "verb")
                    for r in draft.reports
                )
                if present:
                    draft.date = DateValue(self.doc.published.isoformat(), "day")
                else:
                    draft.date = DateValue(str(self.doc.published.year), "year")
                draft.date_from = "published"
            if draft.type == "visit" and draft.date_from != "own" and draft.date and draft.date.precision == "day":
                # a visit spans days and the text does not say when it began
                draft.date = DateValue(draft.date.value[:7], "month")
            self._participants(draft)

    def _near_dateline(self, draft: Draft) -> bool:
        if draft.date is None or self.date is None:
            return True
        first, last = _range(draft.date, draft.date_end)
        anchor = self.date.as_date()
        return first - timedelta(days=DATELINE_DAYS) <= anchor <= last + timedelta(days=DATELINE_DAYS)

    def _setting(self, draft: Draft, earlier: list[Draft]) -> None:
        """A signing or launch shares the setting of the event it was reported with."""
        first = draft.reports[0]
        candidates = [d for d in earlier if d.type not in AGENTIVE and d.sentences[0] <= first.trigger.sentence]
        if not candidates:
            return
        convening = [d for d in candidates if d.type in CONVENING]
        anchor = (convening or candidates)[-1]
        tied = first.linked or first.trigger.sentence in anchor.sentences
        if tied:
            if draft.date is None and anchor.date is not None:
                draft.date, draft.date_end, draft.date_from = anchor.date, anchor.date_end, "anchor"
            if draft.place is None:
                draft.place = anchor.place
        if not any(pid.startswith("person:") for pid in draft.core):
            for pid in anchor.core:
                if pid not in draft.core:
                    draft.core.append(pid)

    def _participants(self, draft: Draft) -> None:
        day = draft.date.as_date() if draft.date else self.doc.published
        entry = self.kb.get(draft.format) if draft.format else None
        members = list(entry.members) if entry is not None else []
        if not draft.participants and members and (draft.type == "summit" or draft.kind or draft.ordinal):
            draft.core.extend(members)
        if draft.type == "summit" and members and day is not None:
            self._leaders_nearby(draft, members, day)
        if day is None:
            return
        for pid in list(draft.participants):
            if not pid.startswith("person:"):
                continue
            for office in self.kb.offices:
                if office.holder == pid and office.country and office.held_on(day):
                    bucket = draft.extra if pid in draft.extra and pid not in draft.core else draft.core
                    if office.country not in draft.participants:
                        bucket.append(office.country)

    def _leaders_nearby(self, draft: Draft, members: list[str], day: date) -> None:
        """Heads of the format's states named next to a summit's report took part in it."""
        near: set[int] = set()
        for s in draft.sentences:
            near.update(range(s - 2, s + 3))
        spans = [self.doc.sentences[s] for s in sorted(near) if 0 <= s < len(self.doc.sentences)]
        for m in self.doc.mentions:
            if m.type != "person" or m.entity_id in draft.participants:
                continue
            if not any(s.start <= m.start < s.end for s in spans):
                continue
            for country in members:
                if m.entity_id in self.kb.holders(LEADER_OFFICES[0], day, country=country):
                    draft.core.append(m.entity_id)
                    break


def to_event(draft: Draft) -> Event:
    spans = sorted({r.span for r in draft.reports})
    return Event(
        type=draft.type,
        evidence=[Span(a, b) for a, b in spans],
        title=draft.title,
        format=draft.format,
        date=draft.date,
        place=draft.place,
        participants=draft.participants,
        documents=draft.documents,
    )

