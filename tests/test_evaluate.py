"""Tests of gold loading and scoring against shared/spec/evaluation.md."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from summitry.errors import GoldError
from summitry.evaluate import (
    GoldSet,
    Report,
    date_compatible,
    evaluate,
    format_explain,
    format_table,
    load_gold,
    locate_quote,
    normalize_name,
)
from summitry.evaluate.matching import system_date

SHARED = Path("/work/shared")
DEV_GOLD = SHARED / "gold" / "dev"
SEEDS = SHARED / "seeds"

TEXT = (
    "Tokayev met Xi in Astana on Monday. The leaders signed 20 documents. "
    "Kazakhstan proposed a year of education in 2026. China will build a railway."
)


# ---- helpers: tiny gold sets and records composed in the test --------------------------

def gold_doc(source: str = "a.txt", language: str = "en", **parts: Any) -> dict[str, Any]:
    return {
        "document": {"source": source, "published": "2025-06-16", "language": language},
        "entities": parts.get("entities", []),
        "events": parts.get("events", []),
        "commitments": parts.get("commitments", []),
    }


def write_gold(tmp_path: Path, docs: list[dict[str, Any]],
               links: list[dict[str, Any]] | None = None) -> GoldSet:
    for i, doc in enumerate(docs):
        (tmp_path / f"{i:03d}.json").write_text(json.dumps(doc), encoding="utf-8")
    if links is not None:
        (tmp_path / "links.json").write_text(json.dumps(links), encoding="utf-8")
    return load_gold(tmp_path)


def span(text: str, quote: str) -> dict[str, int]:
    start = text.index(quote)
    return {"start": start, "end": start + len(quote)}


def entity(entity_id: str, etype: str, name: str, mentions: int = 1) -> dict[str, Any]:
    return {"id": entity_id, "type": etype, "name": name, "known": True,
            "mentions": [{"start": 0, "end": 1, "text": name}] * mentions}


def record(text: str = TEXT, language: str = "en", **parts: Any) -> dict[str, Any]:
    return {
        "document": {"source": "a.txt", "language": language, "text": text},
        "entities": parts.get("entities", []),
        "events": parts.get("events", []),
        "commitments": parts.get("commitments", []),
    }


PEOPLE = [
    {"type": "person", "name": "Kassym-Jomart Tokayev", "aliases": ["Kassym-Jomart Tokaev"]},
    {"type": "person", "name": "Xi Jinping"},
    {"type": "country", "name": "Kazakhstan"},
    {"type": "country", "name": "China", "aliases": ["People's Republic of China"]},
    {"type": "place", "name": "Astana"},
]
PEOPLE_ENTITIES = [
    entity("person:tokayev", "person", "Kassym-Jomart Tokayev"),
    entity("person:xi", "person", "Xi Jinping"),
    entity("country:KAZ", "country", "Kazakhstan"),
    entity("country:CHN", "country", "China"),
    entity("place:astana", "place", "Astana"),
]


def gold_event(**overrides: Any) -> dict[str, Any]:
    event = {"type": "meeting", "date": "2025-06-16", "place": "Astana",
             "participants": ["Kassym-Jomart Tokayev", "Xi Jinping"],
             "quote": "Tokayev met Xi in Astana on Monday."}
    event.update(overrides)
    return event


def sys_event(**overrides: Any) -> dict[str, Any]:
    event = {"type": "meeting", "date": {"value": "2025-06-16", "precision": "day"},
             "place": "place:astana", "participants": ["person:tokayev", "person:xi"],
             "evidence": [span(TEXT, "Tokayev met Xi in Astana on Monday.")]}
    event.update(overrides)
    return event


# ---- normalization -------------------------------------------------------------------

@pytest.mark.parametrize("variant", [
    "China–Central Asia", "China-Central Asia", "China—Central Asia", "China‐Central Asia",
    "China‑Central Asia", "China‒Central Asia", "China―Central Asia", "china − central  asia",
])
def test_every_dash_compares_as_a_space(variant: str) -> None:
    assert normalize_name(variant) == "china central asia"


@pytest.mark.parametrize("variant", ["Xi'an", "Xi’an", "Xiʼan", "Xi‘an", "Xi`an", "Xi´an", "XI AN"])
def test_every_apostrophe_compares_as_a_space(variant: str) -> None:
    assert normalize_name(variant) == "xi an"


@pytest.mark.parametrize(("name", "expected"), [
    ("Azattyq Rýhy", "azattyq ryhy"),
    ("Şanghay  İşbirliği", "sanghay isbirligi"),
    ("ＳＣＯ", "sco"),  # NFKC folds fullwidth letters
    ("  Kassym-Jomart\u00a0Tokayev ", "kassym jomart tokayev"),
])
def test_names_lose_diacritics_case_and_extra_space(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


# ---- quote location ----------------------------------------------------------------------

def test_quote_found_across_nbsp_and_whitespace_runs_maps_to_original_offsets() -> None:
    text = "Вступление.\n\nЛидеры\u00a0пяти   стран\n встретились в Сиане. Конец."
    start, end = locate_quote(text, "пяти стран встретились в Сиане")
    assert text[start:end] == "пяти   стран\n встретились в Сиане"


def test_quote_with_its_own_odd_whitespace_is_found() -> None:
    text = "The parties will hold joint operations regularly."
    start, end = locate_quote(text, " joint\u00a0\u00a0operations\n regularly ")
    assert text[start:end] == "joint operations regularly"


def test_quote_location_is_case_sensitive_and_misses_are_none() -> None:
    text = "Xi Jinping met Tokayev."
    assert locate_quote(text, "xi jinping") is None
    assert locate_quote(text, "Putin") is None
    assert locate_quote(text, "   ") is None


def test_decomposed_letters_in_the_text_match_a_composed_quote() -> None:
    text = "Прибыл Касым-Жомарт Тока\u0438\u0306ев в Пекин"  # й written as и + breve
    start, end = locate_quote(text, "Тока\u0439ев в Пекин")
    assert text[start:end] == "Тока\u0438\u0306ев в Пекин"


@given(
    words=st.lists(st.text(alphabet="абвгдxyz«»–", min_size=1, max_size=6), min_size=3, max_size=12),
    gaps=st.lists(st.sampled_from([" ", "  ", "\n", "\u00a0", " \n\t"]), min_size=12, max_size=12),
    cut=st.tuples(st.integers(0, 11), st.integers(0, 11)),
)
def test_any_slice_is_found_again_with_whitespace_changed(
        words: list[str], gaps: list[str], cut: tuple[int, int]) -> None:
    text = "".join(w + g for w, g in zip(words, gaps))
    first, last = sorted(i % len(words) for i in cut)
    quote = " ".join(words[first:last + 1])
    located = locate_quote(text, quote)
    assert located is not None
    assert " ".join(text[located[0]:located[1]].replace("\u00a0", " ").split()) == quote


# ---- entities ----------------------------------------------------------------------------

def test_entities_match_by_alias_and_duplicates_count_once(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc(entities=[
        {"type": "place", "name": "Xi'an", "aliases": ["Xian"]},
        {"type": "country", "name": "China"},
        {"type": "person", "name": "Wang Yi"},
    ])])
    sys_entities = [
        entity("place:xian", "place", "Xian"),
        entity("place:xian2", "place", "Xi’an"),      # same gold entity again: not a false positive
        entity("country:CHN", "country", "China"),
        entity("place:astana", "place", "Astana"),    # not in gold
        entity("person:wang-yi", "person", "Wang Yi", mentions=0),  # no mention: not emitted
    ]
    report = evaluate(gold, {"a.txt": record(entities=sys_entities)})
    score = report.layers["entities"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 1)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)


def test_entity_of_the_wrong_type_is_both_a_miss_and_a_false_positive(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc(entities=[{"type": "place", "name": "Almaty"}])])
    report = evaluate(gold, {"a.txt": record(entities=[entity("org:almaty", "organization", "Almaty")])})
    score = report.layers["entities"]
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)


def test_entities_are_micro_averaged_over_documents(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [
        gold_doc("a.txt", entities=[{"type": "country", "name": "China"}]),
        gold_doc("b.txt", entities=[{"type": "country", "name": "China"},
                                    {"type": "country", "name": "Kazakhstan"},
                                    {"type": "country", "name": "Russia"}]),
    ])
    records = {"a.txt": record(entities=[entity("country:CHN", "country", "China")]),
               "b.txt": record(entities=[entity("country:CHN", "country", "China")])}
    score = evaluate(gold, records).layers["entities"]
    assert (score.tp, score.fp, score.fn) == (2, 0, 2)
    assert score.recall == 0.5  # micro: 2 of 4, not the mean of 1.0 and 1/3


# ---- events ------------------------------------------------------------------------------

@pytest.mark.parametrize(("gold", "system", "compatible"), [
    ("2025-05", ("2025-05-18", "day"), True),
    ("2025-05", ("2025-05", "month"), True),
    ("2025-06-17", ("2025-06", "month"), False),   # coarser than gold is not equal
    ("2025-06-17", ("2025-06-17", "day"), True),
    ("2025-06-17", ("2025-06-18", "day"), False),
    ("2025", ("2025-11-02", "day"), True),
    ("2025", ("2024", "year"), False),
    ("2025-05", None, False),
    (None, ("2025-06-17", "day"), True),
    (None, None, True),
])
def test_date_compatibility(gold: str | None, system: tuple[str, str] | None, compatible: bool) -> None:
    value = system_date({"value": system[0], "precision": system[1]}) if system else None
    assert date_compatible(gold, value) is compatible


@pytest.mark.parametrize(("system_participants", "matches"), [
    (["person:tokayev", "person:xi"], True),                      # 2/2
    (["person:tokayev"], True),                                   # 1/2 = 0.5 exactly
    (["person:tokayev", "person:xi", "country:KAZ", "country:CHN"], True),  # 2/4 = 0.5
    (["person:tokayev", "country:KAZ"], False),                   # 1/3
    ([], False),                                                  # 0/2
])
def test_participant_jaccard_threshold_is_one_half_inclusive(
        tmp_path: Path, system_participants: list[str], matches: bool) -> None:
    gold = write_gold(tmp_path, [gold_doc(entities=PEOPLE, events=[gold_event()])])
    rec = record(entities=PEOPLE_ENTITIES, events=[sys_event(participants=system_participants)])
    score = evaluate(gold, {"a.txt": rec}).layers["events"]
    assert score.tp == int(matches)


def test_two_empty_participant_sets_match(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc(events=[gold_event(participants=[], place=None)])])
    rec = record(events=[sys_event(participants=[], place=None)])
    score = evaluate(gold, {"a.txt": rec}).layers["events"]
    assert score.tp == 1
    assert score.extras()["participant_f1"] == 1.0


def test_event_participant_named_by_gold_alias_counts(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc(entities=PEOPLE, events=[gold_event(
        participants=["Kassym-Jomart Tokayev", "China"])])])
    entities = [entity("person:t", "person", "Kassym-Jomart Tokaev"),
                entity("country:c", "country", "People’s Republic of China")]
    rec = record(entities=entities, events=[sys_event(participants=["person:t", "country:c"])])
    score = evaluate(gold, {"a.txt": rec}).layers["events"]
    assert score.tp == 1
    assert score.extras()["participant_f1"] == 1.0


def test_event_type_and_date_must_agree(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc(entities=PEOPLE, events=[gold_event(date="2025-06-16")])])
    wrong = [sys_event(type="summit"), sys_event(date={"value": "2025-06", "precision": "month"})]
    score = evaluate(gold, {"a.txt": record(entities=PEOPLE_ENTITIES, events=wrong)}).layers["events"]
    assert (score.tp, score.fp, score.fn) == (0, 2, 1)


def test_events_pair_one_to_one_preferring_evidence_on_the_quote(tmp_path: Path) -> None:
    first = "Tokayev met Xi in Astana on Monday."
    second = "The leaders signed 20 documents."
    gold = write_gold(tmp_path, [gold_doc(entities=PEOPLE, events=[
        gold_event(quote=first, place="Astana"),
        gold_event(quote=second, place=None),
    ])])
    system = [  # listed in the opposite order: only the evidence tells them apart
        sys_event(evidence=[span(TEXT, second)], place=None),
        sys_event(evidence=[span(TEXT, first)], place="place:astana"),
        sys_event(evidence=[span(TEXT, first)], place="place:astana"),  # a duplicate
    ]
    score = evaluate(gold, {"a.txt": record(entities=PEOPLE_ENTITIES, events=system)}).layers["events"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 0)
    assert score.extras()["place_accuracy"] == 1.0


def test_event_pair_figures(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc(entities=PEOPLE, events=[
        gold_event(date="2025-06", participants=["Kassym-Jomart Tokayev", "Xi Jinping"]),
        gold_event(date=None, participants=["Kazakhstan", "China"], place="Astana",
                   quote="The leaders signed 20 documents."),
    ])])
    system = [
        sys_event(date={"value": "2025-06-16", "precision": "day"},  # compatible, not exact
                  participants=["person:tokayev", "person:xi", "country:KAZ"]),
        sys_event(date=None, participants=["country:KAZ", "country:CHN"], place=None,
                  evidence=[span(TEXT, "The leaders signed 20 documents.")]),
    ]
    score = evaluate(gold, {"a.txt": record(entities=PEOPLE_ENTITIES, events=system)}).layers["events"]
    assert score.matched == 2
    extras = score.extras()
    assert extras["date_exact"] == 0.5           # null == null is exact, day vs month is not
    assert extras["place_accuracy"] == 0.5       # Astana right, None for Astana wrong
    assert extras["participant_f1"] == pytest.approx(2 * 4 / (2 * 4 + 1 + 0))


def test_ids_not_in_the_record_are_named_by_the_names_argument(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc(events=[gold_event(
        participants=["Kyrgyzstan", "Tajikistan"], place=None)])])
    rec = record(events=[sys_event(participants=["country:KGZ", "country:TJK"], place=None)])
    assert evaluate(gold, {"a.txt": rec}).layers["events"].tp == 0
    names = {"country:KGZ": "Kyrgyzstan", "country:TJK": "Tajikistan"}
    assert evaluate(gold, {"a.txt": rec}, names=names).layers["events"].tp == 1


# ---- commitments -------------------------------------------------------------------------

COMMITMENTS = [
    {"kind": "proposal", "actors": ["Kazakhstan"], "due": "2026", "sector": "education",
     "quote": "Kazakhstan proposed a year of education in 2026."},
    {"kind": "pledge", "actors": ["China"], "due": None, "quote": "China will build a railway."},
]


def test_commitments_match_by_overlap_largest_first(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc(entities=PEOPLE, commitments=COMMITMENTS)])
    year = span(TEXT, "Kazakhstan proposed a year of education in 2026.")
    system = [
        # touches the first commitment by a few characters, the second one fully
        {"kind": "pledge", "actors": ["country:CHN"], "due": None,
         "evidence": [{"start": year["end"] - 5, "end": len(TEXT)}]},
        {"kind": "pledge", "actors": ["country:KAZ", "country:CHN"],
         "due": {"value": "2026", "precision": "year"}, "evidence": [year]},
        {"kind": "pledge", "actors": [], "due": None, "evidence": [{"start": 0, "end": 10}]},
    ]
    score = evaluate(gold, {"a.txt": record(entities=PEOPLE_ENTITIES, commitments=system)}).layers["commitments"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 0)
    extras = score.extras()
    assert extras["kind_accuracy"] == 0.5    # the proposal was called a pledge
    assert extras["due_accuracy"] == 1.0     # 2026/year and null/null
    assert extras["actor_f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 0))


@pytest.mark.parametrize(("gold_due", "system_due", "equal"), [
    ("2026", {"value": "2026", "precision": "year"}, True),
    ("2025-05", {"value": "2025-05-18", "precision": "day"}, False),
    ("2025-05-18", {"value": "2025-05", "precision": "month"}, False),
    (None, None, True),
    (None, {"value": "2026", "precision": "year"}, False),
    ("2026", None, False),
])
def test_due_accuracy_needs_equal_value_and_precision(
        tmp_path: Path, gold_due: str | None, system_due: dict[str, str] | None, equal: bool) -> None:
    gold = write_gold(tmp_path, [gold_doc(commitments=[dict(COMMITMENTS[1], due=gold_due)])])
    system = [{"kind": "pledge", "actors": [], "due": system_due,
               "evidence": [span(TEXT, "China will build")]}]
    score = evaluate(gold, {"a.txt": record(commitments=system)}).layers["commitments"]
    assert score.tp == 1
    assert score.extras()["due_accuracy"] == float(equal)


def test_commitment_quote_not_found_is_a_miss_and_explained(tmp_path: Path) -> None:
    missing = dict(COMMITMENTS[1], quote="Russia will build a bridge.")
    gold = write_gold(tmp_path, [gold_doc(commitments=[missing])])
    system = [{"kind": "pledge", "actors": [], "due": None, "evidence": [{"start": 0, "end": len(TEXT)}]}]
    report = evaluate(gold, {"a.txt": record(commitments=system)})
    score = report.layers["commitments"]
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)
    explained = format_explain(report)
    assert "quote not found" in explained
    assert "Russia will build a bridge." in explained


# ---- links and languages -------------------------------------------------------------------

LINK_TEXT_A = "The next summit will be held in Kazakhstan in 2025."
LINK_TEXT_B = "Leaders met at the second summit in Astana. Other news."


def linked_gold(tmp_path: Path) -> GoldSet:
    docs = [
        gold_doc("a.txt", "uk", commitments=[{"kind": "scheduled_event", "actors": ["Kazakhstan"],
                                              "due": "2025", "quote": "The next summit will be held"}]),
        gold_doc("b.txt", "ru", events=[{"type": "summit", "date": None, "place": None,
                                         "participants": [], "quote": "the second summit in Astana"}]),
    ]
    links = [{"commitment": {"source": "a.txt", "quote": "The next summit will be held"},
              "fulfilled_by": {"source": "b.txt", "quote": "the second summit in Astana"},
              "note": "ignored"}]
    return write_gold(tmp_path, docs, links)


def linked_records() -> dict[str, dict[str, Any]]:
    return {"a.txt": record(LINK_TEXT_A, "uk"), "b.txt": record(LINK_TEXT_B, "ru")}


def test_link_matches_when_both_ends_overlap_gold_quotes(tmp_path: Path) -> None:
    gold = linked_gold(tmp_path)
    good = {"commitment": {"source": "a.txt", "evidence": [span(LINK_TEXT_A, "next summit")]},
            "fulfilled_by": [{"source": "c.txt", "evidence": [{"start": 0, "end": 5}]},  # merged report
                             {"source": "b.txt", "evidence": [span(LINK_TEXT_B, "Leaders met at the second")]}]}
    wrong_end = {"commitment": {"source": "a.txt", "evidence": [span(LINK_TEXT_A, "next summit")]},
                 "fulfilled_by": [{"source": "b.txt", "evidence": [span(LINK_TEXT_B, "Other news.")]}]}
    score = evaluate(gold, linked_records(), [wrong_end, good]).layers["links"]
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)


def test_links_scored_as_misses_without_system_links(tmp_path: Path) -> None:
    gold = linked_gold(tmp_path)
    report = evaluate(gold, linked_records())
    assert (report.layers["links"].tp, report.layers["links"].fn) == (0, 1)
    assert "no system link" in format_explain(report)


def test_no_links_layer_without_links_json(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc()])
    assert "links" not in evaluate(gold, {"a.txt": record()}).to_json()


def test_by_language_splits_layers_and_links_follow_the_commitment(tmp_path: Path) -> None:
    gold = linked_gold(tmp_path)
    link = {"commitment": {"source": "a.txt", "evidence": [span(LINK_TEXT_A, "next summit")]},
            "fulfilled_by": [{"source": "b.txt", "evidence": [span(LINK_TEXT_B, "second summit")]}]}
    records = linked_records()
    records["b.txt"]["events"] = [{"type": "summit", "date": None, "participants": [],
                                   "evidence": [span(LINK_TEXT_B, "second summit")]}]
    out = evaluate(gold, records, [link]).to_json()
    assert set(out["by_language"]) == {"ru", "uk"}
    assert out["by_language"]["uk"]["links"]["tp"] == 1
    assert out["by_language"]["ru"]["links"]["tp"] == 0
    assert out["by_language"]["ru"]["events"]["f1"] == 1.0
    assert out["by_language"]["uk"]["commitments"]["fn"] == 1
    assert out["by_language"]["uk"]["events"]["tp"] == 0


# ---- report shape and text ----------------------------------------------------------------

def test_json_shape_and_a_doc_without_record_counts_as_misses(tmp_path: Path) -> None:
    gold = linked_gold(tmp_path)
    out = evaluate(gold, {}).to_json()
    basic = {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert basic <= set(out["entities"])
    assert basic | {"date_exact", "place_accuracy", "participant_f1", "matched"} <= set(out["events"])
    assert basic | {"kind_accuracy", "due_accuracy", "actor_f1", "matched"} <= set(out["commitments"])
    assert basic <= set(out["links"])
    assert out["events"]["fn"] == 1 and out["events"]["matched"] == 0
    assert out["events"]["date_exact"] == 0.0 and out["commitments"]["f1"] == 0.0
    json.dumps(out)


def test_table_and_explain_are_readable(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc(entities=PEOPLE, events=[gold_event()])])
    rec = record(entities=PEOPLE_ENTITIES[:2],
                 events=[sys_event(type="summit", evidence=[span(TEXT, "The leaders signed 20 documents.")])])
    report = evaluate(gold, {"a.txt": rec})
    console = Console(width=140, record=True)
    console.print(format_table(report))
    table = console.export_text()
    assert re.search(r"events\s+│\s+0\.000", table)
    assert "—" in table  # figures over no matched pairs
    explained = format_explain(report)
    assert explained.index("== a.txt") < explained.index("entities:") < explained.index("events:")
    assert "- miss: country Kazakhstan" in explained
    assert "- miss: meeting 2025-06-16 at Astana" in explained
    assert "no system meeting event" in explained
    assert "+ false positive: summit 2025-06-16" in explained
    assert "«The leaders signed 20 documents.»" in explained


def test_explain_lists_matched_pairs_that_differ(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_doc(entities=PEOPLE, events=[gold_event(date="2025-06")],
                                          commitments=COMMITMENTS[:1])])
    rec = record(
        entities=PEOPLE_ENTITIES,
        events=[sys_event(place=None, participants=["person:tokayev", "person:xi", "country:KAZ"])],
        commitments=[{"kind": "pledge", "actors": ["country:KAZ"], "due": None,
                      "evidence": [span(TEXT, "Kazakhstan proposed")]}],
    )
    report = evaluate(gold, {"a.txt": rec})
    assert report.layers["events"].tp == report.layers["commitments"].tp == 1
    explained = format_explain(report)
    assert "1 matched with differences" in explained
    assert "date 2025-06-16 for 2025-06; place none for Astana; participants extra: kazakhstan" in explained
    assert "kind pledge for proposal; due none for 2026" in explained


# ---- gold loading --------------------------------------------------------------------------

def test_load_gold_names_file_and_field_when_entities_missing(tmp_path: Path) -> None:
    doc = gold_doc()
    del doc["entities"]
    with pytest.raises(GoldError) as error:
        write_gold(tmp_path, [doc])
    assert "000.json" in str(error.value)
    assert "entities" in str(error.value)


def test_load_gold_rejects_participants_that_are_not_a_list(tmp_path: Path) -> None:
    doc = gold_doc(events=[gold_event(participants="Xi Jinping")])
    with pytest.raises(GoldError, match=r"000\.json: events\[0\]\.participants must be a list of names"):
        write_gold(tmp_path, [doc])


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d["events"][0].update(date="16 June 2025"), r"events\[0\]\.date"),
    (lambda d: d["events"][0].pop("quote"), r"events\[0\]\.quote is missing"),
    (lambda d: d["events"][0].update(type="party"), r"events\[0\]\.type must be one of"),
    (lambda d: d["commitments"].append({"kind": "pledge", "actors": [], "quote": "x"}),
     r"commitments\[0\]\.due is missing"),
    (lambda d: d["document"].pop("language"), r"document\.language is missing"),
    (lambda d: d["entities"].append({"type": "place", "name": "X", "aliases": "Y"}),
     r"entities\[0\]\.aliases must be a list"),
])
def test_load_gold_rejects_wrong_shapes(tmp_path: Path, change: Any, field: str) -> None:
    doc = gold_doc(events=[gold_event()])
    change(doc)
    with pytest.raises(GoldError, match=field):
        write_gold(tmp_path, [doc])


def test_load_gold_ignores_unscored_fields_and_checks_link_sources(tmp_path: Path) -> None:
    doc = gold_doc(events=[dict(gold_event(), note="why", plover="CONSULT", documents=[])])
    doc["document"]["title"] = "A title"
    doc["entities"] = [{"type": "place", "name": "Astana", "known": True, "note": "capital"}]
    gold = write_gold(tmp_path, [doc])
    assert gold.docs[0].title == "A title" and gold.links is None
    bad_link = [{"commitment": {"source": "a.txt", "quote": "q"},
                 "fulfilled_by": {"source": "zzz.txt", "quote": "q"}}]
    (tmp_path / "links.json").write_text(json.dumps(bad_link), encoding="utf-8")
    with pytest.raises(GoldError, match=r"links\.json: links\[0\]\.fulfilled_by\.source names no gold file"):
        load_gold(tmp_path)


def test_load_gold_on_the_dev_set() -> None:
    if not DEV_GOLD.is_dir():
        pytest.skip("shared dev gold not present")
    gold = load_gold(DEV_GOLD)
    assert len(gold.docs) == 5
    assert gold.links is not None and len(gold.links) == 5
    assert {d.language for d in gold.docs} == {"ru", "uk"}


# ---- the scorer and the dev gold agree -------------------------------------------------------

def perfect_system(gold: GoldSet) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    """Records, links and id names built from the gold itself over the real seed texts."""
    names: dict[str, str] = {}
    records: dict[str, dict[str, Any]] = {}

    def slug(name: str) -> str:
        return "-".join(normalize_name(name).split())

    for doc in gold.docs:
        text = (SEEDS / doc.source).read_text(encoding="utf-8")
        ids = {e.name: f"{e.type}:{slug(e.name)}" for e in doc.entities}

        def id_of(name: str) -> str:
            if name not in ids:  # named by gold but not an entity of the text (Astana, Kyrgyzstan)
                ids[name] = f"other:{slug(name)}"
                names[ids[name]] = name
            return ids[name]

        def evidence(quote: str) -> list[dict[str, int]]:
            located = locate_quote(text, quote)
            assert located is not None, f"{doc.source}: quote not in text: {quote}"
            return [{"start": located[0], "end": located[1]}]

        def when(value: str | None) -> dict[str, str] | None:
            precision = {4: "year", 7: "month", 10: "day"}
            return {"value": value, "precision": precision[len(value)]} if value else None

        records[doc.source] = {
            "document": {"source": doc.source, "language": doc.language, "text": text},
            "entities": [entity(ids[e.name], e.type, e.name) for e in doc.entities],
            "events": [{"type": e.type, "date": when(e.date),
                        "place": id_of(e.place) if e.place else None,
                        "participants": [id_of(p) for p in e.participants],
                        "evidence": evidence(e.quote)} for e in doc.events],
            "commitments": [{"kind": c.kind, "actors": [id_of(a) for a in c.actors],
                             "due": when(c.due), "evidence": evidence(c.quote)}
                            for c in doc.commitments],
        }
    links = []
    for link in gold.links or []:
        def spans(source: str, quote: str) -> list[dict[str, int]]:
            start, end = locate_quote(records[source]["document"]["text"], quote)  # type: ignore[misc]
            return [{"start": start, "end": end}]
        links.append({"commitment": {"source": link.commitment_source,
                                     "evidence": spans(link.commitment_source, link.commitment_quote)},
                      "fulfilled_by": [{"source": link.fulfilled_source,
                                        "evidence": spans(link.fulfilled_source, link.fulfilled_quote)}]})
    return records, links, names


def test_a_system_that_emits_the_gold_scores_one_everywhere() -> None:
    if not DEV_GOLD.is_dir() or not SEEDS.is_dir():
        pytest.skip("shared dev gold or seeds not present")
    gold = load_gold(DEV_GOLD)
    records, links, names = perfect_system(gold)
    report = evaluate(gold, records, links, names=names)
    assert isinstance(report, Report)
    out = report.to_json()
    for layer in ("entities", "events", "commitments", "links"):
        assert out[layer]["f1"] == 1.0, layer
        assert out[layer]["fp"] == out[layer]["fn"] == 0, layer
    for figure in ("date_exact", "place_accuracy", "participant_f1"):
        assert out["events"][figure] == 1.0, figure
    for figure in ("kind_accuracy", "due_accuracy", "actor_f1"):
        assert out["commitments"][figure] == 1.0, figure
    for language, layers in out["by_language"].items():
        assert all(layers[name]["f1"] == 1.0 for name in layers), language
    assert report.explanations == []
    assert format_explain(report).startswith("Nothing missed")
