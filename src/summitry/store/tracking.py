"""Commitment tracking: which later event or report fulfils a commitment, and its status on a date.

Two ways to be fulfilled (cues and weights in rules/tracking.yaml):
- a scheduled summit, meeting, forum, signing, visit or launch by the event that took place:
  a kind of event the action text names, in the due period (or a little after), of the same
  format, place and actors;
- a pledge to create, open or carry out something by a later launch, or a later sentence
  reporting it launched ("the Secretariat was launched", "the format is institutionalized"),
  that shares the thing's key concept or quoted name.
Recurring commitments ("summits every two years") are tracked per occurrence. Statuses
follow shared/spec/record.md: fulfilled, pending, overdue, open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from summitry.store.cues import RULES, Rules, norm, rules  # noqa: F401  (RULES: importable here as before)
from summitry.store.merge import _kb, countries_of
from summitry.store.sourced import (
    Fulfilment, MergedEvent, Occurrence, SourcedCommitment, SourcedEvent, Tracked,
    add_months, as_record_date, days, period,
)


_SENTENCE = re.compile(r"[^.!?…\n]+(?:[.!?…]+|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, roughly: enough to read a report around a cue."""
    out = []
    for match in _SENTENCE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        if end - start > 3:
            out.append((start, end))
    return out


@dataclass
class _Promise:
    """What a commitment's words say, read once: kinds of event, period, concepts, names."""

    item: SourcedCommitment
    text: str
    kinds: list[str]
    months: int | None
    formats: set[str]
    concepts: set[str]
    quoted: list[list[str]]
    ordinal: int | None
    actors: set[str]
    place: str | None
    due: tuple[date, date, str] | None
    published: date | None = field(default=None)


def _promise(item: SourcedCommitment, r: Rules, kb: Any, texts: dict[str, str] | None) -> _Promise:
    c = item.commitment
    raw = str(c.get("action") or "")
    if not raw and texts and item.doc_id in texts:
        raw = " ".join(texts[item.doc_id][e["start"]:e["end"]] for e in c.get("evidence") or [])
    text = norm(raw)
    kinds = r.expected_types(text)
    if not kinds and c.get("kind") == "scheduled_event":
        kinds = list(r.scheduled_default)
    return _Promise(
        item=item, text=text, kinds=kinds, months=r.recurrence(text),
        formats=r.formats_in(text, kb), concepts=r.concepts_in(text),
        quoted=r.quoted_names(raw, kb), ordinal=r.ordinal(text),
        actors={a for a in c.get("actors") or [] if isinstance(a, str)},
        place=c.get("place"), due=period(c.get("due")), published=item.published,
    )


def _later(report: SourcedEvent, event: MergedEvent, p: _Promise) -> bool:
    """A report from another document, published after the commitment or about a later event."""
    if report.doc_id == p.item.doc_id:
        return False
    if p.published is None:
        return True
    when = period(event.date)
    return (report.published is not None and report.published > p.published) or (
        when is not None and when[0] > p.published)


def _place_country(place: str, kb: Any) -> str | None:
    entry = kb.get(place) if kb is not None else None
    return getattr(entry, "country", None) if entry is not None else None


def _score(p: _Promise, event: MergedEvent, text: str, due: tuple[date, date, str] | None,
           r: Rules, kb: Any, *, by_kind: bool) -> tuple[float, list[str]] | None:
    """How well an event fulfils the promise (None: it cannot), with the reasons."""
    w, why, score = r.weights, [], 0.0
    concepts = p.concepts & r.concepts_in(text)
    names = [n for n in p.quoted if r.name_found(n, text)]
    if by_kind:
        accepted = {t for k in p.kinds for t in r.accepts.get(k, [k])}
        if event.type not in accepted:
            return None
        if "summit" in p.kinds and event.type == "meeting" and not (
                event.format and event.format in p.formats or r.expected_types(text)[:1] == ["summit"]):
            return None
        score += w["type"]
        why.append(f"{event.type} fits the promised {'/'.join(p.kinds)}")
    elif not (concepts or names) or event.type not in ("launch", "report"):
        return None
    when = period(event.date)
    if due is not None and when is not None:
        inside = when[1] >= due[0] - days(1) and when[0] <= due[1] + days(r.tolerance_days.get(due[2], 0))
        if inside:
            score += w["due"]
            shown = as_record_date(when[0], when[2])["value"]
            why.append(f"date {shown} within due {as_record_date(due[0], due[2])['value']}")
        elif by_kind:
            return None
    elif by_kind and when is not None and p.published is not None:
        if when[0] > p.published + days(r.undated_horizon_days):
            return None
    if event.format and p.formats:
        if event.format not in p.formats:
            return None
        score += w["format"]
        why.append(f"same format {event.format}")
    if p.place and event.place:
        country = _place_country(event.place, kb)
        if p.place == event.place or (country and country == p.place):
            score += w["place"]
            why.append(f"place {event.place} agrees with {p.place}")
        elif country and p.place.startswith("country:"):
            return None  # the event's place is known to lie in another state
        elif p.place.startswith("place:") and event.place.startswith("place:"):
            # Without a map of which place lies in which ("Central Asia" holds Astana), a
            # different place only counts against the match, it does not rule it out.
            score -= w["place"]
            why.append(f"place {event.place} differs from {p.place} (soft)")
        else:
            why.append(f"place {event.place} vs {p.place}: not known to differ (soft)")
    on = when[0] if when else None
    taking_part = countries_of(event.participants, on, kb)
    if event.format and kb is not None and kb.get(event.format) is not None:
        taking_part |= set(kb[event.format].members)
    shared = p.actors & (taking_part | set(event.participants))
    if shared:
        score += w["actors"]
        why.append(f"actors take part {len(shared)}/{len(p.actors)}")
    elif p.actors and taking_part and by_kind:
        return None
    if by_kind and not (event.format and event.format in p.formats) and len(shared) < min(2, len(p.actors)):
        return None  # neither the same format nor the same participants
    event_ordinal = r.ordinal(norm(event.title or "")) or r.ordinal(text)
    if p.ordinal and event_ordinal:
        if p.ordinal != event_ordinal:
            return None
        score += w["ordinal"]
        why.append(f"ordinal {p.ordinal} agrees")
    if concepts:
        score += w["concept"]
        why.append("shares " + ", ".join(sorted(concepts)))
    if names:
        score += w["quoted_name"]
        why.append("names " + ", ".join(" ".join(n) for n in names))
    return (score, why) if score >= r.threshold else None


def _event_text(event: MergedEvent, texts: dict[str, str] | None) -> str:
    """The event's title and, where the texts are given, its evidence sentences."""
    parts = [event.title or ""]
    for report in event.reports:
        parts.append(str(report.event.get("title") or ""))
        text = (texts or {}).get(report.doc_id)
        if not text:
            continue
        for span in report.event.get("evidence") or []:
            parts += [text[s:e] for s, e in sentences(text) if s < span["end"] and span["start"] < e]
    return norm(" ".join(parts))


def _reports_in_texts(events: list[MergedEvent], commitments: list[SourcedCommitment],
                      texts: dict[str, str], r: Rules) -> list[tuple[MergedEvent, str]]:
    """Sentences that report a launch but are no launch event of their record: ("report", text)."""
    known: dict[str, tuple[str, date | None, str | None]] = {}
    taken: dict[str, list[tuple[int, int]]] = {}
    for event in events:
        for rep in event.reports:
            known.setdefault(rep.doc_id, (rep.source, rep.published, rep.language))
            if event.type == "launch":
                taken.setdefault(rep.doc_id, []).extend(
                    (e["start"], e["end"]) for e in rep.event.get("evidence") or [])
    for c in commitments:
        known.setdefault(c.doc_id, (c.source, c.published, c.language))
        taken.setdefault(c.doc_id, []).extend(
            (e["start"], e["end"]) for e in c.commitment.get("evidence") or [])
    out = []
    for doc_id, text in sorted(texts.items()):
        if doc_id not in known:
            continue
        source, published, language = known[doc_id]
        for start, end in sentences(text):
            folded = norm(text[start:end])
            if not r.has(folded, r.launch_cues) or r.has(folded, r.future_cues):
                continue
            if any(s < end and start < e for s, e in taken.get(doc_id, [])):
                continue
            report = SourcedEvent(doc_id, source, published, language, None, -1 - start,
                                  {"type": "launch", "evidence": [{"start": start, "end": end}]})
            merged = MergedEvent(key=f"report:{doc_id}:{start}", type="report", date=None,
                                 place=None, format=None, title=None, participants=[],
                                 documents=[], reports=[report], why=["a sentence reports a launch"])
            out.append((merged, folded))
    return out


def _candidates(p: _Promise, pool: list[tuple[MergedEvent, str]], due: Any, r: Rules, kb: Any,
                *, by_kind: bool) -> list[Fulfilment]:
    span = period(due)
    found = []
    accepted = {t for k in p.kinds for t in r.accepts.get(k, [k])} if by_kind else None
    for event, text in pool:
        if accepted is not None and event.type not in accepted:
            continue  # the cheap test first: most events are of another kind
        if accepted is None and event.type not in ("launch", "report"):
            continue
        later = [rep for rep in event.reports if _later(rep, event, p)]
        if not later:
            continue
        if event.type == "report" and not event.format:
            formats = r.formats_in(text, kb)
            event = MergedEvent(**{**event.__dict__, "format": min(formats) if formats else None})
        scored = _score(p, event, text, span, r, kb, by_kind=by_kind)
        if scored:
            found.append(Fulfilment(event.key, event.reports, round(scored[0], 3), scored[1]))
    order = {f.event_key: _first_day(f) for f in found}
    found.sort(key=lambda f: (-f.score, order[f.event_key], f.event_key))
    return found


def _first_day(fulfilment: Fulfilment) -> date:
    """The event's first day, for ordering candidates (undated last)."""
    days_ = [period(r.event.get("date")) for r in fulfilment.reports]
    return min((d[0] for d in days_ if d), default=date.max)


def fulfilled_on(fulfilment: Fulfilment) -> date | None:
    """When a fulfilment became known: its first report's publication (else the event's date)."""
    published = [r.published for r in fulfilment.reports if r.published]
    if published:
        return min(published)
    dated = [period(r.event.get("date")) for r in fulfilment.reports]
    return min((d[0] for d in dated if d), default=None)


def _status(fulfilments: list[Fulfilment], due: Any, as_of: date) -> str:
    if any((fulfilled_on(f) or date.min) <= as_of for f in fulfilments):
        return "fulfilled"
    span = period(due)
    if span is None:
        return "open"
    return "overdue" if span[1] < as_of else "pending"


def status_of(tracked: Tracked, as_of: date) -> str:
    """The status on a day: a fulfilment counts once it is known; recurring ones by occurrence."""
    if tracked.occurrences:
        states = [_status([o.fulfilment] if o.fulfilment else [], o.due, as_of)
                  for o in tracked.occurrences]
        for o, state in zip(tracked.occurrences, states):
            o.status = state
        for state in ("overdue", "fulfilled", "pending"):
            if state in states:
                return state
        return "open"
    return _status(tracked.fulfilled_by, tracked.commitment.commitment.get("due"), as_of)


def _occurrences(p: _Promise, pool: list[tuple[MergedEvent, str]], as_of: date, r: Rules,
                 kb: Any) -> list[Occurrence]:
    assert p.months
    start = p.due[0] if p.due else p.published
    if start is None:
        return []
    precision = "year" if p.months >= 12 else "month"
    out, used, n = [], set(), 0 if p.due else 1
    horizon = add_months(as_of, p.months)
    while (day := add_months(start, n * p.months)) <= horizon and n < 100:
        due = as_record_date(day, precision)
        found = [f for f in _candidates(p, pool, due, r, kb, by_kind=True) if f.event_key not in used]
        fulfilment = found[0] if found else None
        if fulfilment:
            used.add(fulfilment.event_key)
        out.append(Occurrence(due=due, status=_status([fulfilment] if fulfilment else [], due, as_of),
                              fulfilment=fulfilment))
        n += 1
    return out


def track(commitments: list[SourcedCommitment], events: list[MergedEvent], as_of: date, *,
          kb: Any = None, texts: dict[str, str] | None = None) -> list[Tracked]:
    """Each commitment with the later events (or reports, when `texts` maps doc_id → text)
    that fulfil it and its status as of `as_of`, in the order given."""
    r, kb = rules(), _kb(kb)
    pool = [(event, _event_text(event, texts)) for event in events]
    if texts:
        pool += _reports_in_texts(events, commitments, texts, r)
    out = []
    for item in commitments:
        p = _promise(item, r, kb, texts)
        tracked = Tracked(commitment=item, status="open")
        if p.months and p.kinds:
            tracked.occurrences = _occurrences(p, pool, as_of, r, kb)
            tracked.fulfilled_by = [o.fulfilment for o in tracked.occurrences if o.fulfilment]
        else:
            by_kind = bool(p.kinds) and item.commitment.get("kind") == "scheduled_event"
            found = _candidates(p, pool, item.commitment.get("due"), r, kb, by_kind=by_kind)
            if by_kind:
                found = found[:1]  # one scheduled event takes place once
            if p.concepts or p.quoted:
                keys = {f.event_key for f in found}
                found += [f for f in _candidates(p, pool, item.commitment.get("due"), r, kb,
                                                 by_kind=False) if f.event_key not in keys]
            tracked.fulfilled_by = found
        tracked.status = status_of(tracked, as_of)
        out.append(tracked)
    return out


def links_from_tracked(tracked: list[Tracked], as_of: date | None = None) -> list[dict[str, Any]]:
    """Links in the shape summitry.evaluate scores: one per (commitment, fulfilling event),
    the event's evidence being every report's spans after merging."""
    links = []
    for t in tracked:
        c = t.commitment
        seen = set()
        for f in t.fulfilled_by:
            if f.event_key in seen or (as_of and (fulfilled_on(f) or date.min) > as_of):
                continue
            seen.add(f.event_key)
            links.append({
                "commitment": {"source": c.source, "evidence": list(c.commitment.get("evidence") or [])},
                "fulfilled_by": [{"source": rep.source, "evidence": list(rep.event.get("evidence") or [])}
                                 for rep in f.reports],
                "score": f.score, "why": f.why,
            })
    return links


__all__ = ["Rules", "fulfilled_on", "links_from_tracked", "rules", "status_of", "track"]
