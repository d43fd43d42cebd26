"""Cross-source merging (summitry.store.merge) on small composed reports."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from summitry.store.merge import compatible, dates_agree, merge_events
from summitry.store.sourced import SourcedEvent

CCA = "format:china-central-asia"
XI, TOKAYEV = "person:xi-jinping", "person:kassym-jomart-tokayev"


def day(value: str) -> dict[str, str]:
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return {"value": value, "precision": precision}


def report(doc: str, index: int, published: str, language: str, **event: Any) -> SourcedEvent:
    event.setdefault("type", "summit")
    event.setdefault("evidence", [{"start": 10 * index, "end": 10 * index + 40}])
    return SourcedEvent(doc_id=doc, source=f"{doc}.txt", published=date.fromisoformat(published),
                        language=language, outlet=f"outlet {doc}", index=index, event=event)


def astana_summit() -> list[SourcedEvent]:
    """The 2nd China–Central Asia summit as three outlets in two languages report it."""
    return [
        report("ru-a", 0, "2025-06-17", "ru", date=day("2025-06-17"), place="place:astana", format=CCA,
               participants=[XI, TOKAYEV, "country:KAZ", "country:CHN"],
               title="2nd China–Central Asia Summit"),
        # Names the states only; Xi and Tokayev stand for China and Kazakhstan.
        report("en-b", 3, "2025-06-18", "en", date=day("2025-06"), place="place:astana", format=CCA,
               participants=["country:CHN", "country:KAZ", "country:UZB"]),
        # The summit's first day, no format named.
        report("ru-c", 1, "2025-06-16", "ru", date=day("2025-06-16"), participants=[XI, TOKAYEV],
               documents=[{"title": "Treaty of Eternal Good-Neighbourliness", "count": 1}]),
    ]


def test_three_outlets_two_languages_make_one_event() -> None:
    merged = merge_events(astana_summit())
    assert len(merged) == 1
    event = merged[0]
    assert len(event.reports) == 3
    assert {r.language for r in event.reports} == {"ru", "en"}
    assert event.type == "summit" and event.format == CCA and event.place == "place:astana"
    assert event.date is not None and event.date["precision"] == "day"
    assert {XI, TOKAYEV, "country:UZB"} <= set(event.participants)
    assert event.documents and event.title == "2nd China–Central Asia Summit"
    assert "same type summit" in event.why
    assert any("agree at month" in w for w in event.why)
    assert any("within a day" in w for w in event.why)
    assert any("same format format:china-central-asia" == w for w in event.why)
    # every source's evidence is kept
    assert sorted(r.source for r in event.reports) == ["en-b.txt", "ru-a.txt", "ru-c.txt"]


def test_summits_of_one_format_in_different_years_stay_apart() -> None:
    reports = [
        report("uk-a", 0, "2023-05-19", "uk", date=day("2023-05"), place="place:xian", format=CCA,
               participants=[XI, "country:CHN"]),
        *astana_summit()[:1],
    ]
    merged = merge_events(reports)
    assert len(merged) == 2
    assert [m.date["value"] for m in merged if m.date] == ["2023-05", "2025-06-17"]


def test_two_items_of_one_document_never_merge() -> None:
    a = report("ru-a", 0, "2025-06-17", "ru", date=day("2025-06-17"), participants=[XI, TOKAYEV])
    b = report("ru-a", 1, "2025-06-17", "ru", date=day("2025-06-17"), participants=[XI, TOKAYEV],
               place="place:astana")
    assert len(merge_events([a, b])) == 2


def test_the_same_item_twice_is_one_report_and_a_second_source_is_kept() -> None:
    a = report("ru-a", 0, "2025-06-17", "ru", date=day("2025-06-17"), participants=[XI, TOKAYEV])
    again = SourcedEvent(**{**a.__dict__})
    mirror = SourcedEvent(**{**a.__dict__, "source": "https://mirror.example/ru-a"})
    merged = merge_events([a, again, mirror])
    assert len(merged) == 1
    assert sorted(r.source for r in merged[0].reports) == ["https://mirror.example/ru-a", "ru-a.txt"]
    assert merged[0].why == ["the same record item"]


def test_types_must_agree_and_a_summit_may_be_a_formats_meeting() -> None:
    summit = astana_summit()[0]
    signing = report("en-b", 0, "2025-06-18", "en", type="signing", date=day("2025-06-17"),
                     participants=[XI, TOKAYEV])
    meeting = report("kk-c", 0, "2025-06-18", "kk", type="meeting", date=day("2025-06-17"),
                     format=CCA, participants=[XI, TOKAYEV, "country:KAZ"])
    assert not compatible(summit, signing)[0]
    ok, _, why = compatible(summit, meeting)
    assert ok and "summit ~ meeting of a format's heads of state" in why
    merged = merge_events([summit, signing, meeting])
    assert sorted(m.type for m in merged) == ["signing", "summit"]


def test_an_undated_report_needs_strong_agreement() -> None:
    summit = astana_summit()[0]
    strong = report("en-b", 0, "2025-06-18", "en", place="place:astana", format=CCA,
                    participants=[XI, TOKAYEV])
    weak = report("uk-c", 0, "2025-06-18", "uk", participants=[XI, TOKAYEV])
    assert compatible(summit, strong)[0]
    assert not compatible(summit, weak)[0]
    assert len(merge_events([summit, strong, weak])) == 2


def test_different_place_format_or_participants_keep_events_apart() -> None:
    summit = astana_summit()[0]
    elsewhere = report("en-b", 0, "2025-06-18", "en", date=day("2025-06-17"), place="place:xian",
                       participants=[XI, TOKAYEV])
    others = report("en-c", 0, "2025-06-18", "en", date=day("2025-06-17"),
                    participants=["person:vladimir-putin", "country:RUS", "country:KAZ", "country:UZB"])
    assert not compatible(summit, elsewhere)[0]
    assert not compatible(summit, others)[0]


def test_dates_agree_at_the_coarser_precision() -> None:
    assert dates_agree(day("2025-06-17"), day("2025"), False)[0]
    assert dates_agree(day("2025-06-17"), day("2025-06"), False) == (
        True, "dates 2025-06-17 ~ 2025-06 agree at month")
    assert not dates_agree(day("2025-06-17"), day("2025-07"), False)[0]
    assert not dates_agree(day("2025-06-17"), day("2025-06-18"), False)[0]
    assert dates_agree(day("2025-06-17"), day("2025-06-18"), True)[0]


def test_keys_and_order_do_not_depend_on_input_order() -> None:
    reports = astana_summit() + [
        report("uk-a", 0, "2023-05-19", "uk", date=day("2023-05"), format=CCA, participants=[XI])]
    first = merge_events(reports)
    shuffled = reports[:]
    random.Random(7).shuffle(shuffled)
    second = merge_events(shuffled)
    assert [(m.key, len(m.reports)) for m in first] == [(m.key, len(m.reports)) for m in second]
    assert all(m.key.startswith("event:") for m in first)
