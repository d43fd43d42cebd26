"""From triggers' slots to events: merge the reports of one event, then fill what the text leaves out.

Merging: a report of an event already seen in the document (lead and body, "Во встрече
также приняли участие ...", "сегодняшний саммит") joins that event with its evidence.
A headline restates the body's event and is evidence of it, not an event of its own;
arrivals next to a gathering ("приїхали міністри") are attendance of it, not visits.
Filling, in order of trust: the clause's own slots; the knowledge base's history of a
format's meetings (the n-th summit → its date, place and title); the event it was held in
(a signing "по итогам встречи" or a few sentences after a summit, talks during a visit
share its date and place, and a signing by "лидеры" its participants); the dateline
("Тяньцзинь. 31 августа."); the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from summitry.doc import DateValue, Doc, Event, SignedDocuments, Span
from summitry.events.slots import Slots
from summitry.kb import KnowledgeBase, Meeting

HEAD_CHARS = 400  # a dateline starts within this many characters
HEADLINE_CHARS = 200  # a headline line is no longer than this
HEADLINE_LINES = 5  # headline lines (title, kicker, rubric) at the head of a text, at most
DATELINE_DAYS = 3  # an event this close to the dateline date happened at the dateline place
CONVENING = ("summit", "meeting", "phone_call", "forum")
AGENTIVE = ("signing", "launch")  # done by someone: they take the actors of their setting
LEADER_OFFICES = ("head_of_state", "head_of_government")
# The events an event can be held within, and so share the date and place of when it names
# none: a signing at a summit or after a ceremony, talks during a visit.
SETTINGS = {
    "signing": ("summit", "meeting", "phone_call", "visit", "forum", "launch"),
    "launch": ("summit", "meeting", "phone_call", "visit", "forum"),
    "meeting": ("summit", "visit", "forum"),
    "forum": ("visit",),
}
TRUSTED_DATES = ("own", "kb", "anchor", "dateline")  # not the publication fallback
SETTING_REACH = 3  # sentences after its setting's report where an event is still set in it
ANAPHORA_REACH = 3  # sentences after an event where "В ней приняли участие" refers back to it
ARRIVAL_REACH = 2  # sentences between an arrival and the gathering it was for
GATHERINGS = ("summit", "meeting", "forum")


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
    # who addressed those gathered ("Приветствуя участников, X отметил"): there, but not one of
    # "the ministers" who then signed
    guests: list[str] = field(default_factory=list)
    documents: list[SignedDocuments] = field(default_factory=list)
    headline: bool = False  # only the headline reports it
    near: bool = False  # its place is what it was near ("на берегу Иссык-Куля"), not its town
    aside: list[Slots] = field(default_factory=list)  # headline reports: evidence only

    @property
    def past(self) -> bool:
        """Named as a past event in a noun phrase ("прошлогодний саммит")."""
        return any(r.trigger.extras.get("past") for r in self.reports)

    @property
    def sentences(self) -> list[int]:
        return sorted({r.trigger.sentence for r in self.reports})

    @property
    def participants(self) -> list[str]:
        return list(dict.fromkeys(self.core + self.extra + self.guests))


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
    if slots.trigger.via not in ("participation", "coref") and draft.core and slots.participants:
        ours, others = set(draft.core), set(slots.participants)
        people = {p for p in ours if p.startswith("person:")}, {p for p in others if p.startswith("person:")}
        if all(people):
            # both name who met: one must be a part of the other ("Токаев встретился с Си" and
            # "Токаев встретился с Мирзиёевым" are two meetings)
            ours, others = people
        else:
            # one names states only ("заседание комитета Кыргызстана и Китая", then "заседание
            # провел Амангельдиев"): their states must agree
            ours = {p for p in ours if p.startswith("country:")}
            others = {p for p in others if p.startswith("country:")}
        if ours and others and not (ours <= others or others <= ours):
            return False
    return True


def _apart(draft: Draft, other: Draft) -> bool:
    """True where both are dated, `draft` by its own clause, and their times do not meet."""
    if draft.date is None or other.date is None or draft.date_from != "own":
        return False
    x0, x1 = _range(draft.date, draft.date_end)
    y0, y1 = _range(other.date, other.date_end)
    return x1 < y0 or y1 < x0


def _latest(drafts: list[Draft]) -> Draft | None:
    return max(drafts, key=lambda d: d.sentences[-1]) if drafts else None


def _antecedent(drafts: list[Draft], slots: Slots) -> Draft | None:
    """The event that "В ней приняли участие ...", "Головував на ньому ..." refer back to."""
    here = slots.trigger.sentence
    # "В ней приняли участие ..." is never about a signing; "Церемония відбулася за участі ..."
    # (a noun of a ceremony) may be
    ceremony = slots.trigger.noun is not None
    near = [
        d
        for d in drafts
        if (ceremony or d.type != "signing") and 0 <= here - d.sentences[-1] <= ANAPHORA_REACH
    ]
    return _latest(near)


def merge(reports: list[Slots], published: date | None, headlines: frozenset[int] = frozenset()) -> list[Draft]:
    """Reports of the same event joined into one draft each, in order of first report.

    A headline restates the story's event: it joins the body's report of that type as
    evidence only, and stands as an event of its own only where the body has none.
    """
    drafts: list[Draft] = []
    for slots in reports:
        trigger = slots.trigger
        if trigger.sentence in headlines:
            continue
        if slots.eve:
            _eve(slots, drafts, published)
        if not trigger.type:
            antecedent = _antecedent(drafts, slots)
            if antecedent is not None:
                trigger.type = antecedent.type
                _absorb(antecedent, slots, published)
            continue
        same = [d for d in drafts if d.type == trigger.type]
        if trigger.via in ("coref", "participation") and trigger.type == "meeting" and not same:
            # "Встречу открыл ...", "Во встрече приняли участие ..." after a summit: the summit
            same = [d for d in drafts if d.type == "summit"]
        target = None
        if slots.within:
            # "на полях наради ... провів двосторонні переговори": an event held within
            # another, never a report of it
            same = [d for d in same if any(r.within for r in d.reports)]
        if trigger.extras.get("past"):
            # "прошлогодний саммит": another event than this year's, unless the dates agree
            target = next((d for d in reversed(same) if _overlap(d, slots)), None)
        elif trigger.via == "coref" or not slots.identity:
            pool = same
            if trigger.via in ("coref", "participation") and trigger.type == "meeting":
                # "Во встрече приняли участие ...", "Заседание открыл ..." after a summit
                pool = [d for d in drafts if d.type in ("meeting", "summit")]
            latest = same[-1] if pool is same and same else _latest(pool)
            if trigger.via == "coref":
                # "During the meeting at Akorda, Tokayev proposed ...": of two meetings, the one
                # Tokayev took part in, not merely the latest
                people = {p for p in slots.participants if p.startswith("person:")}
                theirs = [d for d in pool if people & set(d.participants) and _compatible(d, slots)]
                if theirs and (latest is None or not people & set(latest.participants)):
                    latest = _latest(theirs)
            if latest is not None and _compatible(latest, slots):
                target = latest
        else:
            for draft in reversed(same):
                if not _compatible(draft, slots):
                    continue
                linked = (draft.ordinal is not None and draft.ordinal == slots.ordinal) or _overlap(draft, slots)
                if linked or not (draft.date or draft.ordinal or draft.place):
                    target = draft
                    break
        if target is None:
            target = Draft(trigger.type)
            drafts.append(target)
        _absorb(target, slots, published)
    for slots in reports:
        if slots.trigger.sentence not in headlines or not slots.trigger.type:
            continue
        same = [d for d in drafts if d.type == slots.trigger.type and not d.headline]
        if same:
            same[0].aside.append(slots)
            if same[0].place is None and slots.place is not None and _compatible(same[0], slots):
                same[0].place = slots.place  # "Астанада ... кездесуі өтті" above "елордада ... өтті"
            continue
        draft = Draft(slots.trigger.type, headline=True)
        _absorb(draft, slots, published)
        drafts.append(draft)
    return drafts


def _eve(slots: Slots, drafts: list[Draft], published: date | None) -> None:
    """"Накануне делегацию принял ...", "Двумя днями ранее ...": that many days before the
    story's event, where the text has reported one with its own day, not before publication."""
    story = next((d for d in drafts if d.date is not None and d.date.precision == "day" and d.date_from == "own"), None)
    if story is None or slots.date is None:
        return
    back = published - slots.date.value.as_date() if published is not None else timedelta(days=1)
    if not timedelta(days=1) <= back <= timedelta(days=2):
        back = timedelta(days=1)
    day = (story.date.as_date() if story.date else date.min) - back
    slots.date = replace(slots.date, value=DateValue(day.isoformat(), "day"), end_value=None)


def fold_arrivals(drafts: list[Draft]) -> list[Draft]:
    """Arrivals for a gathering the text reports are attendance of it, not visits of their own.

    "До Тяньцзіня приїхали міністри ..." next to the ministers' meeting: the ministers take
    part in the meeting. An arrival whose people are the gathering's principals ("провел
    встречу с президентом, прибывшим в Китай") stays a visit.
    """
    out = []
    for draft in drafts:
        if draft.type == "visit" and draft.reports and all(r.trigger.extras.get("arrival") for r in draft.reports):
            host = _gathering(drafts, draft)
            if host is not None:
                for pid in draft.participants:
                    if pid not in host.participants:
                        host.extra.append(pid)
                continue
        out.append(draft)
    return out


def _gathering(drafts: list[Draft], visit: Draft) -> Draft | None:
    people = {pid for pid in visit.participants if pid.startswith("person:")}
    found = []
    for draft in drafts:
        if draft.type not in GATHERINGS or draft.headline:
            continue
        if not any(abs(s - v) <= ARRIVAL_REACH for s in draft.sentences for v in visit.sentences):
            continue
        if visit.place is not None and draft.place is not None and visit.place != draft.place:
            continue
        if people & set(draft.core):
            continue
        found.append(draft)
    return _latest(found)


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
    if slots.place is not None and (draft.place is None or (draft.near and not slots.near)):
        draft.place, draft.near = slots.place, slots.near
    for name in ("format", "ordinal", "kind"):
        if getattr(draft, name) is None and getattr(slots, name) is not None:
            setattr(draft, name, getattr(slots, name))
    # "Во встрече также приняли участие A, B": named as also taking part, not as principals
    bucket = draft.extra if trigger.via in ("participation", "coref") and joining else draft.core
    if trigger.extras.get("subject_only") and joining:
        bucket = draft.guests
    for pid in slots.participants:
        if pid not in bucket:
            bucket.append(pid)
    draft.documents += slots.documents


def headlines(doc: Doc) -> frozenset[int]:
    """The sentences of the headline lines at the head of the text.

    A headline is a whole line, short, without a final full stop, with body text after
    it: "Лидеры ШОС подписали Астанинскую декларацию" above its report.
    """
    found: set[int] = set()
    for number, sentence in enumerate(doc.sentences[: min(HEADLINE_LINES, len(doc.sentences) - 1)]):
        line_start = doc.text.rfind("\n", 0, sentence.start) + 1
        line_end = doc.text.find("\n", sentence.end)
        line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)].strip()
        text = sentence.text.strip()
        if line != text or len(text) > HEADLINE_CHARS or text.rstrip("»\"”’')").endswith((".", "!", "?", "…", "。", "！", "？")):
            break
        found.add(number)
    return frozenset(found)


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
        # "SAMARKAND, Uzbekistan, April 4": the place's state may stand before the date
        edge = next(
            (c.end for c in doc.mentions if c.type == "country" and re.fullmatch(r"[\s,]+", doc.text[m.end : c.start])),
            m.end,
        )
        for expr in doc.dates:
            if edge <= expr.start <= edge + 20 and re.fullmatch(r"[\s.,]*", doc.text[edge : expr.start]):
                return m.entity_id, expr.value
        line_end = doc.text.find("\n", m.end)
        if re.fullmatch(r"[\s.,]*", doc.text[m.end : line_end if line_end >= 0 else len(doc.text)]):
            return m.entity_id, None  # "Астана." on a line of its own: the place alone
    return None, None


class Filler:
    """Fills drafts from the knowledge base, their setting, the dateline and publication."""

    def __init__(self, doc: Doc, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.kb = kb
        self.place, self.date = dateline(doc)

    def history(self, draft: Draft) -> Meeting | None:
        """The format's meeting this draft reports, by ordinal or by date.

        "Прошлогодний саммит" (a year, named as past) is the one meeting of its kind that
        year; "минувший саммит" (no date, named as past) the latest before publication.
        """
        if draft.format is None or draft.format not in self.kb:
            return None
        kind = draft.kind
        if draft.type == "summit" and kind != "heads_of_government":
            kind = "summit"  # a council of heads of government meets as a summit of its own kind
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
        if draft.past and draft.ordinal is None:
            return self._last_before(draft, kind)
        return None

    def _last_before(self, draft: Draft, kind: str) -> Meeting | None:
        published = self.doc.published
        if published is None or draft.format is None:
            return None
        held = [m for m in self.kb[draft.format].meetings if m.kind == kind and m.start is not None and m.start < published]
        if draft.date is not None:
            first, last = _range(draft.date, draft.date_end)
            held = [m for m in held if m.start is not None and first <= m.start <= last]
            return held[0] if len(held) == 1 else None
        return max(held, key=lambda m: m.start or published) if held else None

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
            if draft.type in SETTINGS:
                self._setting(draft, drafts[:number] if not draft.headline else drafts)
            if draft.date is None and self.date is not None:
                draft.date, draft.date_from = self.date, "dateline"
            if draft.near and self.place is not None and self._near_dateline(draft) and self._within_state(draft.place, self.place):
                draft.place = self.place  # "на берегу Иссык-Куля" under "Чолпон-Ата, 15 июля": the town
            if draft.place is None and self.place is not None and self._near_dateline(draft) and draft.type != "phone_call":
                draft.place = self.place  # a call joins two places: the dateline names neither
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

    def _within_state(self, place: str | None, other: str) -> bool:
        """True where two places lie in one state (by the knowledge base)."""
        if place is None:
            return False
        a, b = self.kb.get(place), self.kb.get(other)
        country = getattr(a, "country", None) if a is not None else None
        return country is not None and country == (getattr(b, "country", None) if b is not None else None)

    def _near_dateline(self, draft: Draft) -> bool:
        if draft.date is None or self.date is None:
            return True
        first, last = _range(draft.date, draft.date_end)
        anchor = self.date.as_date()
        return first - timedelta(days=DATELINE_DAYS) <= anchor <= last + timedelta(days=DATELINE_DAYS)

    def _setting(self, draft: Draft, earlier: list[Draft]) -> None:
        """An event that names no date shares the date and place of the event it was held in.

        The setting is the nearest earlier report of a kind that can hold it (a summit,
        visit or meeting for a signing; a summit or visit for talks), tied to it by a
        setting link ("по итогам встречи", "during the visit") or by being reported within
        a few sentences of it. A headline's event is the story's: its body's first.
        """
        first = draft.reports[0]
        here = first.trigger.sentence
        kinds = SETTINGS[draft.type]
        if draft.headline:
            candidates = [d for d in earlier if d.type in kinds and not d.headline]
            if not candidates:
                return
            anchor, tied = candidates[0], True
        else:
            candidates = [d for d in earlier if d.type in kinds and not d.headline and d.sentences[0] <= here]
            if not candidates:
                return
            def last_before(d: Draft) -> int:
                return max(s for s in d.sentences if s <= here)

            convening = [d for d in candidates if d.type in CONVENING]
            named = [d for d in candidates if first.link_noun and any(not r.noun_keys.isdisjoint(first.link_noun) for r in d.reports)]
            if named:
                # "За підсумками засідання" after "відбулося засідання Ради глав держав" and a
                # meeting on its eve: the event the link names by its noun
                anchor = max(named, key=last_before)
            elif first.linked and convening:
                # "по итогам встречи", "following the talks": the gathering, not the visit
                anchor = max(convening, key=last_before)
            else:
                anchor = max(candidates, key=lambda d: (last_before(d), d.type in CONVENING))
            tied = first.linked or here - last_before(anchor) <= SETTING_REACH
        if _apart(draft, anchor):
            # "договор между X и Y, подписанный в марте" told during a July meeting: dated by
            # its own clause to another time, so not held in it; those who met are its parties
            # only where the text names none ("The agreement was signed in May": the one whose
            # entry into force the story reports)
            if draft.type in AGENTIVE and not draft.core:
                draft.core.extend(anchor.core)
            return
        if tied:
            if draft.date is None and anchor.date is not None and anchor.date_from in TRUSTED_DATES:
                draft.date, draft.date_end, draft.date_from = anchor.date, anchor.date_end, "anchor"
            if draft.place is None:
                draft.place = anchor.place
        if draft.type not in AGENTIVE:
            return
        if tied and any(r.collective for r in draft.reports):
            # "лидеры подписали", "главы делегаций подписали": those who met at the setting
            for pid in dict.fromkeys(anchor.core + anchor.extra):
                if pid not in draft.core:
                    draft.core.append(pid)
        elif not any(pid.startswith(("person:", "organization:")) for pid in draft.core):
            # "По итогам заседания было подписано коммюнике": no signer named, so those who
            # met sign: everyone at a summit (leaders meet as equals), else the principals
            # (not the aides "also taking part" in talks)
            summit = anchor.type == "summit" and tied and first.linked and not draft.core
            source = anchor.participants if summit else anchor.core
            for pid in source:
                if pid not in draft.core:
                    draft.core.append(pid)

    def _participants(self, draft: Draft) -> None:
        day = draft.date.as_date() if draft.date else self.doc.published
        if draft.type == "visit" and draft.place is not None:
            # a visit is paid to a state: the host state takes part, whether or not the
            # clause names it ("X, who arrived in the Chinese capital on a state visit")
            entry = self.kb.get(draft.place)
            host = getattr(entry, "country", None) if entry is not None else None
            if isinstance(host, str) and host not in draft.participants:
                draft.core.append(host)
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
            leaders = {pid for office in LEADER_OFFICES for country in members for pid in self.kb.holders(office, day, country=country)}
            if m.entity_id in leaders:
                draft.core.append(m.entity_id)


def to_event(draft: Draft) -> Event:
    spans = sorted({r.span for r in draft.reports + draft.aside})
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

