"""The knowledge base: states, people and their offices, organizations, places, formats.

Read from the YAML files in `data/` (their format is in data/README.md). One instance
is shared by every pipeline (`KnowledgeBase.default()`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from summitry.errors import KnowledgeBaseError

DATA = Path(__file__).parent / "data"
# libyaml's loader where PyYAML was built with it: about ten times faster on these files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TYPES = ("person", "country", "organization", "place", "format")


def _as_date(value: Any, *, end: bool = False) -> date | None:
    """A YAML date or 'YYYY-MM' / 'YYYY' string as a date (the first day, or the last for end)."""
    if value is None or isinstance(value, date):
        return value
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


@dataclass(frozen=True, slots=True)
class Office:
    office: str
    holder: str
    country: str | None = None
    organization: str | None = None
    title: str | None = None
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Meeting:
    """One summit or ministerial meeting in a format's or organization's history."""

    owner: str
    kind: str
    ordinal: int | None
    start: date | None
    start_text: str
    end: date | None
    place: str | None
    title: str | None


@dataclass(slots=True)
class KBEntry:
    id: str
    type: str
    name: str
    wikidata: str | None = None
    names: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    case_sensitive: set[str] = field(default_factory=set)
    members: list[str] = field(default_factory=list)
    country: str | None = None  # the state a place, body or outlet belongs to
    city: str | None = None  # the city a venue stands in ("Great Hall of the People": Beijing)
    offices: list[Office] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"KBEntry({self.id!r}, {self.name!r})"

    def all_names(self) -> Iterator[tuple[str, str]]:
        """(language, name) for every name, the canonical English name included."""
        yield "en", self.name
        for language, names in self.names.items():
            for name in names:
                yield language, str(name)


def fold(name: str) -> str:
    """A name folded for lookups: NFKC, casefold, no diacritics, dashes and apostrophes as spaces."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    text = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"
    )
    text = unicodedata.normalize("NFC", text)
    for ch in "-‐‑‒–—―'’ʼ‘`´«»\"“”":
        text = text.replace(ch, " ")
    return " ".join(text.split())


class KnowledgeBase:
    """All entries, with lookups by id, by folded name and by office on a date."""

    def __init__(self, entries: list[KBEntry]) -> None:
        self.entries: dict[str, KBEntry] = {}
        for entry in entries:
            if entry.id in self.entries:
                raise KnowledgeBaseError(f"duplicate knowledge-base id {entry.id!r}")
            self.entries[entry.id] = entry
        self._by_name: dict[str, list[str]] = {}
        for entry in entries:
            for _, name in entry.all_names():
                ids = self._by_name.setdefault(fold(name), [])
                if entry.id not in ids:
                    ids.append(entry.id)
        self.offices: list[Office] = [o for e in entries for o in e.offices]
        self.meetings: list[Meeting] = [m for e in entries for m in e.meetings]

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, entity_id: str) -> KBEntry:
        return self.entries[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entries

    def get(self, entity_id: str) -> KBEntry | None:
        return self.entries.get(entity_id)

    def find(self, name: str) -> list[KBEntry]:
        """Entries a name (any language, any script the KB knows) may stand for; an id works too."""
        if name in self.entries:
            return [self.entries[name]]
        return [self.entries[i] for i in self._by_name.get(fold(name), [])]

    def holders(
        self, office: str, on: date, *, country: str | None = None, organization: str | None = None
    ) -> list[str]:
        """Ids of the people holding an office on a day (usually one)."""
        found = []
        for item in self.offices:
            if item.office != office or not item.held_on(on):
                continue
            if country is not None and item.country != country:
                continue
            if organization is not None and item.organization != organization:
                continue
            found.append(item.holder)
        return list(dict.fromkeys(found))

    def of_type(self, entity_type: str) -> list[KBEntry]:
        return [e for e in self.entries.values() if e.type == entity_type]

    @classmethod
    def load(cls, directory: Path = DATA) -> KnowledgeBase:
        entries: list[KBEntry] = []
        for path in sorted(directory.glob("*.yaml")):
            try:
                items = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or []
            except yaml.YAMLError as exc:
                raise KnowledgeBaseError(f"{path}: not valid YAML: {exc}") from exc
            if not isinstance(items, list):
                raise KnowledgeBaseError(f"{path}: expected a list of entries")
            for number, item in enumerate(items):
                entries.append(_entry(item, f"{path.name}[{number}]"))
        return cls(entries)

    @classmethod
    def default(cls) -> KnowledgeBase:
        return _default()


@lru_cache(maxsize=1)
def _default() -> KnowledgeBase:
    return KnowledgeBase.load()


def _names(raw: Any, where: str) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where}: names must map a language to a list of names")
    out: dict[str, list[str]] = {}
    for language, names in raw.items():
        if isinstance(names, str):
            names = [names]
        out[str(language)] = [str(n) for n in names or []]
    return out


def _entry(item: Any, where: str) -> KBEntry:
    if not isinstance(item, dict):
        raise KnowledgeBaseError(f"{where}: an entry must be a mapping")
    for key in ("id", "type", "name"):
        if not item.get(key):
            raise KnowledgeBaseError(f"{where}: missing {key!r}")
    entity_id, entity_type = str(item["id"]), str(item["type"])
    if entity_type not in TYPES or not entity_id.startswith(entity_type + ":"):
        raise KnowledgeBaseError(f"{where}: type {entity_type!r} does not fit id {entity_id!r}")
    entry = KBEntry(
        id=entity_id,
        type=entity_type,
        name=str(item["name"]),
        wikidata=item.get("wikidata"),
        names=_names(item.get("names"), where),
        adjectives=_names(item.get("adjectives"), where),
        case_sensitive={str(n) for n in item.get("case_sensitive") or []},
        members=[str(m) for m in item.get("members") or []],
        country=item.get("country"),
        city=item.get("city"),
    )
    for office in item.get("offices") or []:
        entry.offices.append(
            Office(
                office=str(office.get("office")),
                holder=entity_id,
                country=office.get("country"),
                organization=office.get("organization"),
                title=office.get("title"),
                start=_as_date(office.get("start")),
                end=_as_date(office.get("end"), end=True),
            )
        )
    for meeting in item.get("meetings") or []:
        start = meeting.get("start")
        entry.meetings.append(
            Meeting(
                owner=entity_id,
                kind=str(meeting.get("kind")),
                ordinal=meeting.get("ordinal"),
                start=_as_date(start),
                start_text=str(start) if start is not None else "",
                end=_as_date(meeting.get("end"), end=True),
                place=meeting.get("place"),
                title=meeting.get("title"),
            )
        )
    return entry
