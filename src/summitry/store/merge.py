"""Cross-source merging: the reports of one event from several outlets and languages become one event.

Two reports are the same event when their types, dates, participants, place and format
agree (shared/spec/record.md, "Corpus level"). Merging is greedy and complete-linkage: a
report joins the cluster it agrees with best, and only if it agrees with every report
already in it, so a chain of near matches never glues two different summits together.
Every report is kept (its evidence is what a link points at), and `why` says in words
what agreed.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from typing import Any

from summitry.store.sourced import MergedEvent, SourcedEvent, period, truncate

PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
# Kinds of event that run over several days: their reports may give either day.
MULTI_DAY = {"summit", "forum", "visit", "meeting"}
# A summit is also reported as a "meeting" of a format's heads of state.
COMPATIBLE_TYPES = {frozenset({"summit", "meeting"})}


def _kb(kb: Any) -> Any:
    if kb is not None:
        return kb
    try:
        from summitry.kb import KnowledgeBase

        return KnowledgeBase.default()
    except Exception:  # the knowledge base is an aid here, never a requirement
        return None


def countries_of(ids: list[str], on: date | None, kb: Any) -> set[str]:
    """The states a list of participant ids stands for: the countries, and each person's state
    through the offices the person holds on the day (any office when the day is unknown)."""
    out = {i for i in ids if i.startswith("country:")}
    if kb is None:
        return out
    for person in (i for i in ids if i.startswith("person:")):
        entry = kb.get(person)
        for office in getattr(entry, "offices", []) or []:
            if office.country and (on is None or office.held_on(on)):
                out.add(office.country)
    return out


def heads_of_state(ids: list[str], on: date | None, kb: Any) -> int:
    """How many participants hold a head-of-state or -government office on the day."""
    if kb is None:
        return 0
    count = 0
    for person in (i for i in ids if i.startswith("person:")):
        entry = kb.get(person)
        offices = getattr(entry, "offices", []) or []
        if any(o.office in ("head_of_state", "head_of_government") and (on is None or o.held_on(on))
               for o in offices):
            count += 1
    return count


def actors(event: dict[str, Any]) -> list[str]:
    """Person and country ids among an event's participants (organizations do not vote here)."""
    return [p for p in event.get("participants") or [] if isinstance(p, str)
            and (p.startswith("person:") or p.startswith("country:"))]


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def dates_agree(a: Any, b: Any, multi_day: bool) -> tuple[bool, str]:
    """Equal at the coarser precision, or (for events that last days) within one day."""
    pa, pb = period(a), period(b)
    if pa is None or pb is None:
        return False, "a date is missing"
    coarser = min(pa[2], pb[2], key=PRECISION_RANK.__getitem__)
    ta, tb = truncate(pa[0], coarser), truncate(pb[0], coarser)
    shown = f"{truncate(pa[0], pa[2])} ~ {truncate(pb[0], pb[2])}"
    if ta == tb:
        return True, f"dates {shown} agree at {coarser}"
    if multi_day and pa[2] == pb[2] == "day" and abs((pa[0] - pb[0]).days) <= 1:
        return True, f"dates {shown} within a day (a multi-day event)"
    return False, f"dates {shown} differ"


class _Cluster:
    def __init__(self, first: SourcedEvent) -> None:
        self.reports = [first]
        self.why: list[str] = []


def _participants_agree(a: SourcedEvent, b: SourcedEvent, kb: Any) -> tuple[bool | None, str]:
    """True/False on the participants, None where either side names none."""
    pa, pb = set(actors(a.event)), set(actors(b.event))
    if not pa or not pb:
        return None, "participants unknown on one side"
    shared = len(pa & pb)
    if jaccard(pa, pb) >= 0.5 or pa <= pb or pb <= pa:
        return True, f"participants overlap {shared}/{len(pa | pb)}"
    day = (period(a.event.get("date")) or (None,))[0]
    ca, cb = countries_of(sorted(pa), day, kb), countries_of(sorted(pb), day, kb)
    if ca and cb and (jaccard(ca, cb) >= 0.5 or ca <= cb or cb <= ca):
        return True, f"states taking part overlap {len(ca & cb)}/{len(ca | cb)}"
    return False, f"participants overlap only {shared}/{len(pa | pb)}"


def compatible(a: SourcedEvent, b: SourcedEvent, kb: Any = None) -> tuple[bool, float, list[str]]:
    """Whether two reports describe one event: (verdict, strength, reasons)."""
    ea, eb = a.event, b.event
    if a.doc_id == b.doc_id:
        same_item = a.index == b.index or ea == eb
        return same_item, 10.0 if same_item else 0.0, ["the same record item"] if same_item else []
    why: list[str] = []
    ta, tb = ea.get("type"), eb.get("type")
    if ta == tb:
        why.append(f"same type {ta}")
    elif frozenset({ta, tb}) in COMPATIBLE_TYPES:
        meeting = ea if ta == "meeting" else eb
        day = (period(meeting.get("date")) or (None,))[0]
        if not (meeting.get("format") or heads_of_state(actors(meeting), day, kb) >= 2):
            return False, 0.0, []
        why.append("summit ~ meeting of a format's heads of state")
    else:
        return False, 0.0, []
    for slot in ("format", "place"):
        va, vb = ea.get(slot), eb.get(slot)
        if va and vb and va != vb:
            return False, 0.0, []
        if va and vb:
            why.append(f"same {slot} {va}")
    agree = sum(1 for slot in ("format", "place") if ea.get(slot) and ea.get(slot) == eb.get(slot))
    people, said = _participants_agree(a, b, kb)
    if people is False:
        return False, 0.0, []
    why.append(said)
    strength = agree + (1.0 if people else 0.0)
    if ea.get("date") and eb.get("date"):
        ok, said = dates_agree(ea["date"], eb["date"], ta in MULTI_DAY or tb in MULTI_DAY)
        if not ok:
            return False, 0.0, []
        why.append(said)
        strength += 1.0
    else:
        # Without a date on one side only strong agreement on the rest will do.
        if strength < 2:
            return False, 0.0, []
        why.append("a date is missing on one side; the rest agrees strongly")
    if people is None and agree == 0:
        return False, 0.0, []
    return True, strength, why


def _key(report: SourcedEvent) -> str:
    event = report.event
    day = (event.get("date") or {}).get("value") or ""
    seed = "|".join([str(event.get("type")), str(day), ",".join(sorted(actors(event))),
                     str(event.get("format") or ""), report.doc_id, str(report.index)])
    return "event:" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


def _finest_date(reports: list[SourcedEvent]) -> dict[str, Any] | None:
    """The most precise date the reports give; among equals, the one most reports give."""
    dated = [r.event["date"] for r in reports if period(r.event.get("date"))]
    if not dated:
        return None
    best = max(PRECISION_RANK[period(d)[2]] for d in dated)  # type: ignore[index]
    finest = [d for d in dated if PRECISION_RANK[period(d)[2]] == best]  # type: ignore[index]
    value = Counter(str(d.get("value")) for d in finest).most_common(1)[0][0]
    return next(dict(d) for d in finest if str(d.get("value")) == value)


def _first(reports: list[SourcedEvent], slot: str) -> Any:
    values = [r.event.get(slot) for r in reports if r.event.get(slot)]
    return Counter(values).most_common(1)[0][0] if values else None


def _merged(cluster: _Cluster) -> MergedEvent:
    reports = cluster.reports
    types = [r.event.get("type") for r in reports]
    kind = "summit" if "summit" in types else str(types[0])
    participants: list[str] = []
    documents: list[dict[str, Any]] = []
    for report in reports:
        participants += [p for p in report.event.get("participants") or [] if p not in participants]
        documents += [d for d in report.event.get("documents") or [] if d not in documents]
    return MergedEvent(
        key=_key(reports[0]), type=kind, date=_finest_date(reports),
        place=_first(reports, "place"), format=_first(reports, "format"),
        title=_first(reports, "title"), participants=participants, documents=documents,
        reports=list(reports), why=list(dict.fromkeys(cluster.why)),
    )


def _block(report: SourcedEvent) -> tuple[str, int | None]:
    """(kind family, year) of a report: summits and meetings may merge, so they share one."""
    kind = str(report.event.get("type"))
    family = "meeting" if kind in ("summit", "meeting") else kind
    when = period(report.event.get("date"))
    return family, (when[0].year if when else None)


def merge_events(events: list[SourcedEvent], *, kb: Any = None) -> list[MergedEvent]:
    """Group reports of the same event; the result is ordered by date, then key.

    Deterministic: reports are taken in (published, doc_id, index) order whatever order
    they come in. A report joins the cluster it agrees best with (it must agree with every
    report there); two items of one document join only when they are the same item twice.
    """
    kb = _kb(kb)
    ordered = sorted(events, key=lambda r: (r.published or date.max, r.doc_id, r.index, r.source))
    clusters: list[_Cluster] = []
    # Clusters by (kind family, year of their first report): a report is compared only with
    # the clusters of its family in its year and the years beside it, and with undated ones,
    # so merging stays near-linear on a large store. An undated report sees its whole family.
    blocks: dict[tuple[str, int | None], list[_Cluster]] = {}
    for report in ordered:
        family, year = _block(report)
        if year is None:
            nearby = [c for (f, _), cs in blocks.items() if f == family for c in cs]
        else:
            nearby = [c for y in (year - 1, year, year + 1, None) for c in blocks.get((family, y), [])]
        best: tuple[float, _Cluster, list[str]] | None = None
        for cluster in nearby:
            total, reasons = 0.0, list[str]()
            for other in cluster.reports:
                ok, strength, why = compatible(report, other, kb)
                if not ok:
                    break
                total, reasons = total + strength, reasons + why
            else:
                score = total / len(cluster.reports)
                if best is None or score > best[0]:
                    best = (score, cluster, reasons)
        if best is None:
            cluster = _Cluster(report)
            clusters.append(cluster)
            blocks.setdefault((family, year), []).append(cluster)
            continue
        cluster = best[1]
        duplicate = any(r.doc_id == report.doc_id and r.index == report.index
                        and r.source == report.source for r in cluster.reports)
        if not duplicate:
            cluster.reports.append(report)
            cluster.why += best[2]
    merged = [_merged(c) for c in clusters]
    merged.sort(key=lambda m: ((period(m.date) or (date.max,))[0], m.key))
    return merged
