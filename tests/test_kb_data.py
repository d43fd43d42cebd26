"""Structural checks on the knowledge-base data files (src/summitry/kb/data/*.yaml).

The files are read directly with PyYAML, independently of the loader, so that a
malformed entry is reported with its file and id even where the loader would stop at
the first one. The entry format is documented in kb/data/README.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "summitry" / "kb" / "data"
TYPES = {"person", "country", "organization", "place", "format"}
LANGUAGES = {"en", "ru", "uk", "kk", "zh"}
OFFICES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "deputy_head_of_government",
    "secretary_general",
    "other",
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO3 = re.compile(r"^[A-Z]{3}$")
PARTIAL_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")
MIN_TOTAL = 400


def _load() -> list[tuple[str, dict[str, Any]]]:
    """(file name, entry) for every entry of every YAML file in the data folder."""
    out: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(DATA.glob("*.yaml")):
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        assert isinstance(items, list), f"{path.name}: expected a list of entries"
        for number, item in enumerate(items):
            assert isinstance(item, dict), f"{path.name}[{number}]: an entry must be a mapping"
            out.append((path.name, item))
    return out


ENTRIES = _load()
IDS = {str(e.get("id")) for _, e in ENTRIES}


def _where(file: str, entry: dict[str, Any]) -> str:
    return f"{file}: {entry.get('id', '<no id>')}"


def _is_date(value: Any) -> bool:
    """A full date (YAML turns YYYY-MM-DD into a date) or a 'YYYY-MM' / 'YYYY' string."""
    if isinstance(value, dt.date):
        return True
    if isinstance(value, int):
        return 1000 <= value <= 9999
    return isinstance(value, str) and bool(PARTIAL_DATE.match(value))


def _as_key(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _name_lists(raw: Any, where: str, field: str) -> list[str]:
    """Problems with a names/adjectives mapping: language -> list of non-empty strings."""
    problems = []
    if not isinstance(raw, dict) or not raw:
        return [f"{where}: {field} must be a non-empty mapping of language to names"]
    for language, names in raw.items():
        if language not in LANGUAGES:
            problems.append(f"{where}: {field} has unknown language {language!r}")
        if not isinstance(names, list) or not names:
            problems.append(f"{where}: {field}.{language} must be a non-empty list")
            continue
        for name in names:
            if not isinstance(name, str) or not name.strip():
                problems.append(f"{where}: {field}.{language} has a non-string name {name!r}")
            elif name != name.strip() or "\u00ad" in name:
                problems.append(f"{where}: {field}.{language} has stray characters in {name!r}")
    return problems


def test_data_folder_has_files() -> None:
    assert DATA.is_dir()
    assert list(DATA.glob("*.yaml")), "no knowledge-base YAML files"


def test_required_fields_and_names() -> None:
    problems = []
    for file, entry in ENTRIES:
        where = _where(file, entry)
        for key in ("id", "type", "name", "names"):
            if not entry.get(key):
                problems.append(f"{where}: missing {key!r}")
        if entry.get("name") is not None and not isinstance(entry["name"], str):
            problems.append(f"{where}: name must be a string")
        if "names" in entry:
            problems += _name_lists(entry["names"], where, "names")
        if "adjectives" in entry:
            problems += _name_lists(entry["adjectives"], where, "adjectives")
        wikidata = entry.get("wikidata")
        if wikidata is not None and not re.match(r"^Q\d+$", str(wikidata)):
            problems.append(f"{where}: wikidata must look like Q123, not {wikidata!r}")
    assert not problems, "\n".join(problems)


def test_ids_unique_across_files() -> None:
    counts = Counter(str(e.get("id")) for _, e in ENTRIES)
    duplicates = sorted(i for i, n in counts.items() if n > 1)
    assert not duplicates, f"duplicate ids: {duplicates}"


def test_types_match_ids() -> None:
    problems = []
    for file, entry in ENTRIES:
        where = _where(file, entry)
        entity_type, entity_id = entry.get("type"), str(entry.get("id"))
        if entity_type not in TYPES:
            problems.append(f"{where}: unknown type {entity_type!r}")
            continue
        prefix, _, key = entity_id.partition(":")
        if prefix != entity_type:
            problems.append(f"{where}: id prefix does not match type {entity_type!r}")
        elif entity_type == "country":
            if not ISO3.match(key):
                problems.append(f"{where}: a country id must be country:ISO3")
        elif not SLUG.match(key):
            problems.append(f"{where}: id key must be a lowercase ascii slug")
    assert not problems, "\n".join(problems)


def test_case_sensitive_names_are_names() -> None:
    problems = []
    for file, entry in ENTRIES:
        listed = entry.get("case_sensitive")
        if listed is None:
            continue
        where = _where(file, entry)
        if not isinstance(listed, list):
            problems.append(f"{where}: case_sensitive must be a list")
            continue
        names = {n for ns in (entry.get("names") or {}).values() for n in ns or []}
        names.add(entry.get("name"))
        for name in listed:
            if name not in names:
                problems.append(f"{where}: case-sensitive {name!r} is not among its names")
    assert not problems, "\n".join(problems)


def test_person_offices_well_formed() -> None:
    problems = []
    for file, entry in ENTRIES:
        if entry.get("type") != "person":
            continue
        where = _where(file, entry)
        offices = entry.get("offices") or []
        if not isinstance(offices, list):
            problems.append(f"{where}: offices must be a list")
            continue
        for office in offices:
            if not isinstance(office, dict):
                problems.append(f"{where}: an office must be a mapping")
                continue
            kind = office.get("office")
            if kind not in OFFICES:
                problems.append(f"{where}: unknown office {kind!r}")
            country, organization = office.get("country"), office.get("organization")
            if kind == "secretary_general":
                if organization not in IDS:
                    problems.append(f"{where}: secretary_general needs a known organization")
            elif kind == "other":
                if not office.get("title"):
                    problems.append(f"{where}: an 'other' office needs a title")
            elif country not in IDS or not str(country).startswith("country:"):
                problems.append(f"{where}: office {kind!r} needs a known country, not {country!r}")
            for ref in (country, organization):
                if ref is not None and ref not in IDS:
                    problems.append(f"{where}: office refers to unknown id {ref!r}")
            start, end = office.get("start"), office.get("end")
            if start is not None and not _is_date(start):
                problems.append(f"{where}: office start {start!r} is not a date")
            if end is not None and not _is_date(end):
                problems.append(f"{where}: office end {end!r} is not a date")
            if _is_date(start) and _is_date(end) and _as_key(end) < _as_key(start):
                problems.append(f"{where}: office ends ({end}) before it starts ({start})")
    assert not problems, "\n".join(problems)


def test_format_members_are_countries() -> None:
    problems = []
    for file, entry in ENTRIES:
        members = entry.get("members")
        if members is None:
            continue
        where = _where(file, entry)
        if not isinstance(members, list):
            problems.append(f"{where}: members must be a list")
            continue
        for member in members:
            if not str(member).startswith("country:") or member not in IDS:
                problems.append(f"{where}: member {member!r} is not a known country id")
        if len(set(members)) != len(members):
            problems.append(f"{where}: repeated members")
    assert not problems, "\n".join(problems)


def test_meetings_well_formed() -> None:
    problems = []
    for file, entry in ENTRIES:
        meetings = entry.get("meetings")
        if meetings is None:
            continue
        where = _where(file, entry)
        if not isinstance(meetings, list):
            problems.append(f"{where}: meetings must be a list")
            continue
        for meeting in meetings:
            if not isinstance(meeting, dict):
                problems.append(f"{where}: a meeting must be a mapping")
                continue
            if not meeting.get("kind"):
                problems.append(f"{where}: a meeting without kind: {meeting}")
            start, end = meeting.get("start"), meeting.get("end")
            if not _is_date(start):
                problems.append(f"{where}: meeting start {start!r} is not a date")
            if end is not None and not _is_date(end):
                problems.append(f"{where}: meeting end {end!r} is not a date")
            if _is_date(start) and _is_date(end) and _as_key(end) < _as_key(start):
                problems.append(f"{where}: meeting ends ({end}) before it starts ({start})")
            place = meeting.get("place")
            if place is not None and place not in IDS:
                problems.append(f"{where}: meeting place {place!r} is not a known id")
            ordinal = meeting.get("ordinal")
            if ordinal is not None and (not isinstance(ordinal, int) or ordinal < 1):
                problems.append(f"{where}: meeting ordinal {ordinal!r} must be a positive integer")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "entity_id",
    ["country:CHN", "country:KAZ", "country:KGZ", "country:TJK", "country:TKM", "country:UZB",
     "country:RUS", "organization:sco", "format:china-central-asia"],
)
def test_core_entries_present(entity_id: str) -> None:
    assert entity_id in IDS


def test_total_entries() -> None:
    assert len(ENTRIES) >= MIN_TOTAL, f"only {len(ENTRIES)} entries, expected >= {MIN_TOTAL}"


# --- country: the state a place, national body or outlet belongs to ------------------

PLACE_COUNTRIES = {
    "place:astana": "country:KAZ",
    "place:almaty": "country:KAZ",
    "place:bishkek": "country:KGZ",
    "place:dushanbe": "country:TJK",
    "place:ashgabat": "country:TKM",
    "place:tashkent": "country:UZB",
    "place:samarkand": "country:UZB",
    "place:xian": "country:CHN",
    "place:tianjin": "country:CHN",
    "place:moscow": "country:RUS",
    "place:beijing": "country:CHN",
    "place:khorgos": "country:KAZ",
    "place:xinjiang": "country:CHN",
}
CORE_STATES = {"CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS"}
MIN_PLACES_WITH_COUNTRY = 0.8


def _places() -> list[dict[str, Any]]:
    return [e for file, e in ENTRIES if file == "places.yaml"]


def _section_states(path: Path) -> dict[str, str]:
    """Place id -> the core state whose '# --- State ---' section of places.yaml holds it."""
    names = {"Kazakhstan": "KAZ", "Kyrgyzstan": "KGZ", "Tajikistan": "TJK",
             "Turkmenistan": "TKM", "Uzbekistan": "UZB", "China": "CHN", "Russia": "RUS"}
    out: dict[str, str] = {}
    state = None
    for line in path.read_text(encoding="utf-8").splitlines():
        header = re.match(r"^# --- (.+?) -+\s*$", line)
        if header:
            state = names.get(header.group(1).strip())
        elif state and line.startswith("- id: "):
            out[line[len("- id: "):].strip()] = state
    return out


def test_country_refers_to_a_country() -> None:
    problems = []
    for file, entry in ENTRIES:
        if "country" not in entry:
            continue
        country = entry["country"]
        if entry.get("type") == "country":
            problems.append(f"{_where(file, entry)}: a country does not carry country:")
        elif not str(country).startswith("country:") or country not in IDS:
            problems.append(f"{_where(file, entry)}: country {country!r} is not a known country id")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("place_id, country", sorted(PLACE_COUNTRIES.items()))
def test_place_country(place_id: str, country: str) -> None:
    entries = {e["id"]: e for e in _places()}
    assert place_id in entries, f"{place_id} missing from places.yaml"
    assert entries[place_id].get("country") == country


def test_core_state_places_have_their_country() -> None:
    """Every place listed under a core state's section of places.yaml carries that state."""
    sections = _section_states(DATA / "places.yaml")
    assert set(sections.values()) == CORE_STATES
    entries = {e["id"]: e for e in _places()}
    problems = [
        f"places.yaml: {place_id} should have country: country:{state}, "
        f"not {entries[place_id].get('country')!r}"
        for place_id, state in sorted(sections.items())
        if entries[place_id].get("country") != f"country:{state}"
    ]
    assert not problems, "\n".join(problems)


def test_most_places_have_a_country() -> None:
    places = _places()
    with_country = sum(1 for e in places if e.get("country"))
    assert with_country >= MIN_PLACES_WITH_COUNTRY * len(places), (
        f"only {with_country} of {len(places)} places have a country")


@pytest.mark.parametrize(
    "entity_id, country",
    [("organization:akorda", "country:KAZ"), ("organization:kazmunaygas", "country:KAZ"),
     ("organization:cnpc", "country:CHN"), ("organization:communist-party-of-china", "country:CHN"),
     ("organization:xinhua", "country:CHN"), ("organization:tass", "country:RUS"),
     ("organization:kazinform", "country:KAZ"), ("organization:ukrinform", "country:UKR"),
     ("organization:reuters", "country:GBR"), ("organization:associated-press", "country:USA")],
)
def test_body_and_outlet_country(entity_id: str, country: str) -> None:
    entries = {str(e.get("id")): e for _, e in ENTRIES}
    assert entries[entity_id].get("country") == country


def test_every_outlet_has_a_country() -> None:
    missing = [
        str(e.get("id")) for file, e in ENTRIES
        if file == "outlets.yaml" and not e.get("country")
    ]
    assert not missing, f"outlets without a country: {missing}"


@pytest.mark.parametrize(
    "entity_id",
    ["organization:sco", "organization:united-nations", "place:central-asia", "place:caspian-sea",
     "place:silk-road", "place:fergana-valley"],
)
def test_multistate_entries_have_no_country(entity_id: str) -> None:
    entries = {str(e.get("id")): e for _, e in ENTRIES}
    assert "country" not in entries[entity_id]


def test_venue_cities_are_known_places() -> None:
    problems = []
    for file, entry in ENTRIES:
        city = entry.get("city")
        if city is None:
            continue
        where = _where(file, entry)
        if entry.get("type") != "place":
            problems.append(f"{where}: only a place (a venue) has a city")
        elif not str(city).startswith("place:") or city not in IDS or city == entry.get("id"):
            problems.append(f"{where}: city {city!r} is not another known place id")
    assert not problems, "\n".join(problems)
