"""Exports: JSONL records, CSV, PLOVER JSON, GraphML and a hand-written RFC 5545 calendar."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summitry.export import export
from summitry.export.ical import calendar, escape, fold
from summitry.store import Store
from summitry.store.views import Actor, CommitmentView
from test_store import MERGE, TRACKING, records

AS_OF = date(2026, 1, 1)


@pytest.fixture()
def store(kb: Any) -> Store:
    st_ = Store("sqlite://", kb=kb, merge=MERGE, tracking=TRACKING)
    for record in records():
        st_.add_record(record)
    st_.refresh()
    return st_


def run(store: Store, fmt: str, **options: Any) -> tuple[int, str]:
    out = io.StringIO(newline="")
    count = export(store, fmt, out, **options)
    return count, out.getvalue()


def test_jsonl_gives_back_every_record(store: Store) -> None:
    count, text = run(store, "jsonl")
    assert count == 4
    assert [json.loads(line) for line in text.splitlines()] == records()


def test_csv_of_events_and_of_commitments(store: Store) -> None:
    count, text = run(store, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == len(rows) == 2
    summit = next(r for r in rows if r["type"] == "summit")
    assert summit["reports"] == "2" and summit["sources"] == "a.txt; b.txt"
    assert summit["participant_names"].count(";") == 3
    doc_id, offsets = summit["evidence"].split("; ")[0].split(":")
    assert doc_id in {r["document"]["id"] for r in records()} and "-" in offsets

    count, text = run(store, "csv", table="commitments", as_of=AS_OF)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == 4
    assert sorted(r["status"] for r in rows) == ["fulfilled", "open", "overdue", "pending"]
    assert {r["as_of"] for r in rows} == {"2026-01-01"}
    with pytest.raises(ValueError):
        run(store, "csv", table="nothing")


def test_plover_events_carry_wikidata_and_provenance(store: Store) -> None:
    count, text = run(store, "plover")
    events = [json.loads(line) for line in text.splitlines()]
    assert count == len(events) == 2
    summit = next(e for e in events if e["summitry_type"] == "summit")
    assert summit["event_type"] == "CONSULT" and summit["event_mode"] == "meet"
    assert summit["event_date"] == "2025-06-17"
    assert {"id": "country:CHN", "name": "China", "type": "country", "wikidata": "Q148"} in summit["actors"]
    assert summit["location"]["wikidata"] == "Q1520"  # Astana
    texts = {r["document"]["id"]: r["document"]["text"] for r in records()}
    for p in summit["provenance"]:
        assert texts[p["doc_id"]][p["start"]:p["end"]] == p["text"]
    assert {p["outlet"] for p in summit["provenance"]} == {"Акорда", "Синьхуа"}


def test_graphml_actor_network_is_weighted(store: Store) -> None:
    count, text = run(store, "graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(text.encode("utf-8"))
    nodes = {n.get("id"): n for n in root.iterfind(".//g:node", ns)}
    edges = root.findall(".//g:edge", ns)
    assert count == len(edges) == 7  # 6 pairs among the summit's 4 actors, 1 for the meeting
    assert "person:айдар-сапаров" in nodes
    china = {d.get("key"): d.text for d in nodes["country:CHN"]}
    assert china == {"name": "China", "type": "country", "wikidata": "Q148", "events": "2"}
    weights = {(e.get("source"), e.get("target")): e.find("g:data", ns).text for e in edges}
    assert weights[("country:CHN", "country:KAZ")] == "1"


def test_ical_has_all_day_events_for_scheduled_commitments(store: Store) -> None:
    count, text = run(store, "ical", as_of=AS_OF)
    assert count == 2  # the two scheduled events; the proposal and the pledge are not
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20250101\r\nDTEND;VALUE=DATE:20250102" in unfolded
    assert "DTSTART;VALUE=DATE:20270101" in unfolded
    assert "LOCATION:Kazakhstan" in unfolded
    assert "Actors: Kazakhstan\\, China" in unfolded or "Actors: China\\, Kazakhstan" in unfolded


def _commitment(due: dict[str, str], action: str) -> CommitmentView:
    return CommitmentView(1, "abcd", "x.txt", None, "scheduled_event", [Actor("country:KAZ", "Kazakhstan")],
                          action, "diplomacy", due, None, "pending", [])


@pytest.mark.parametrize("due, start", [({"value": "2026-03-05", "precision": "day"}, "20260305"),
                                        ({"value": "2026-03", "precision": "month"}, "20260301"),
                                        ({"value": "2026", "precision": "year"}, "20260101")])
def test_ical_coarse_dates_start_on_the_first_day(due: dict[str, str], start: str) -> None:
    text = calendar([_commitment(due, "саммит")], now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert f"DTSTART;VALUE=DATE:{start}\r\n" in text
    assert "DTSTAMP:20260101T000000Z" in text


def test_ical_escaping() -> None:
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


@given(st.text(min_size=0, max_size=400))
def test_folding_keeps_every_character_and_the_limit(value: str) -> None:
    line = "SUMMARY:" + escape(value)
    folded = fold(line)
    assert folded.endswith("\r\n")
    physical = folded[:-2].split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert folded[:-2].replace("\r\n ", "") == line
