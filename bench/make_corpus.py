"""Generate a synthetic news corpus from templates: Russian sentences about meetings, summits,
visits, signings and pledges, with names, cities and dates drawn from the knowledge base.

    python bench/make_corpus.py OUT_DIR [--count 1000] [--seed 1]

Writes OUT_DIR/NNNNNN.txt and OUT_DIR/corpus.jsonl (a manifest with each text's
publication date and outlet). THE TEXTS ARE GENERATED, not news: they exist to measure
speed. `generate()` also yields each text's facts with offsets (entities, events,
commitments) so bench/store.py can build a large store without running the pipeline.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterator

from summitry.kb import KnowledgeBase

MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
          "сентября", "октября", "ноября", "декабря"]
OUTLETS = ["Kazinform", "Kabar", "Dunyo", "Khovar", "Синьхуа", "ТАСС", "Tengrinews", "Азаттык"]
SECTORS = [("energy", "энергетики"), ("transport", "транспорта"), ("trade", "торговли"),
           ("education", "образования"), ("agriculture", "сельского хозяйства"),
           ("health", "здравоохранения"), ("digital", "цифровой экономики")]
THEMES = ["образования", "культуры", "туризма", "экологии", "молодёжи", "науки"]
FILLER = [
    "Стороны обсудили вопросы торгово-экономического и инвестиционного сотрудничества.",
    "Особое внимание было уделено развитию транспортных коридоров и логистики.",
    "Участники отметили высокий уровень политического доверия.",
    "Была подчёркнута важность расширения гуманитарных и культурных связей.",
    "Обсуждались также актуальные вопросы региональной безопасности.",
]
PLOVER = {"summit": "CONSULT", "meeting": "CONSULT", "visit": "CONSULT",
          "phone_call": "CONSULT", "signing": "AGREE"}


@dataclass
class Names:
    """Knowledge-base entries with a Russian name: (id, type, English name, Russian name)."""

    persons: list[tuple[str, str, str, str]]
    countries: list[tuple[str, str, str, str]]
    cities: list[tuple[str, str, str, str]]
    formats: list[tuple[str, str, str, str]]

    @classmethod
    def from_kb(cls, kb: KnowledgeBase) -> Names:
        def pick(kind: str) -> list[tuple[str, str, str, str]]:
            out = []
            for e in kb.entries.values():
                ru = [n for n in e.names.get("ru", []) if " " in n or kind != "person"]
                if e.type == kind and ru:
                    out.append((e.id, e.type, e.name, ru[0]))
            return sorted(out)

        return cls(pick("person"), pick("country"), pick("place"), pick("format"))


@dataclass
class Builder:
    """A text built piece by piece, remembering where each name landed."""

    parts: list[str] = field(default_factory=list)
    size: int = 0
    mentions: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def name(self, entry: tuple[str, str, str, str]) -> None:
        entity_id, kind, english, surface = entry
        item = self.mentions.setdefault(entity_id, {"id": entity_id, "type": kind, "name": english,
                                                    "known": True, "mentions": []})
        item["mentions"].append({"start": self.size, "end": self.size + len(surface), "text": surface})
        self.add(surface)

    def names(self, entries: list[tuple[str, str, str, str]]) -> None:
        for i, entry in enumerate(entries):
            if i:
                self.add(", " if i < len(entries) - 1 else " и ")
            self.name(entry)

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class Instance:
    """One real-world event that several generated documents report."""

    key: str
    type: str
    day: date
    place: tuple[str, str, str, str]
    persons: list[tuple[str, str, str, str]]
    countries: list[tuple[str, str, str, str]]
    fmt: tuple[str, str, str, str] | None


def _when(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year} года"


def _event_sentence(b: Builder, inst: Instance) -> dict[str, Any]:
    start = b.size
    if inst.type == "summit":
        b.add(f"{_when(inst.day)} в городе ")
        b.name(inst.place)
        b.add(" прошёл саммит «")
        b.name(inst.fmt)  # type: ignore[arg-type]
        b.add("» с участием лидеров: ")
        b.names(inst.persons)
        b.add(".")
    elif inst.type == "visit":
        b.names(inst.persons[:1])
        b.add(f" прибыл с официальным визитом в город ")
        b.name(inst.place)
        b.add(f" {_when(inst.day)}.")
    elif inst.type == "phone_call":
        b.add(f"{_when(inst.day)} ")
        b.names(inst.persons)
        b.add(" провели телефонный разговор.")
    else:
        b.add(f"{_when(inst.day)} в городе ")
        b.name(inst.place)
        b.add(" провели переговоры ")
        b.names(inst.persons)
        b.add(".")
    end = b.size
    b.add(" Участники: ")
    b.names(inst.countries)
    b.add(". ")
    return {"type": inst.type, "plover": PLOVER[inst.type],
            "title": None, "format": inst.fmt[0] if inst.fmt else None,
            "date": {"value": inst.day.isoformat(), "precision": "day"},
            "place": None if inst.type == "phone_call" else inst.place[0],
            "participants": [p[0] for p in inst.persons] + [c[0] for c in inst.countries],
            "evidence": [{"start": start, "end": end}]}


def _commitment(b: Builder, rng: random.Random, inst: Instance, names: Names) -> dict[str, Any]:
    kind = rng.choice(["scheduled_event", "pledge", "proposal"])
    year = inst.day.year + rng.randint(1, 2)
    sector, word = rng.choice(SECTORS)
    actors = [c[0] for c in inst.countries]
    due: dict[str, str] | None = {"value": str(year), "precision": "year"}
    place = None
    if kind == "scheduled_event":
        b.add("Стороны договорились провести следующую встречу в ")
        start = b.size - len("договорились провести следующую встречу в ")
        b.add(f"{year} году в городе ")
        city = rng.choice(names.cities)
        b.name(city)
        place, sector = city[0], "diplomacy"
    elif kind == "pledge":
        country = rng.choice(inst.countries)
        b.name(country)
        start = b.size + 1
        b.add(f" будет и далее развивать сотрудничество в сфере {word}")
        actors, due = [country[0]], None
    else:
        person = inst.persons[0]
        b.name(person)
        start = b.size + 1
        b.add(f" предложил объявить {year} год Годом {rng.choice(THEMES)}")
        sector = "culture"
    end = b.size
    b.add(". ")
    return {"kind": kind, "actors": actors, "action": b.text[start:end], "sector": sector,
            "due": due, "place": place, "evidence": [{"start": start, "end": end}]}


def generate(count: int, seed: int = 1, kb: KnowledgeBase | None = None) -> Iterator[dict[str, Any]]:
    """`count` generated documents: {"name", "text", "published", "outlet", "record", "instance"}."""
    rng = random.Random(seed)
    names = Names.from_kb(kb or KnowledgeBase.default())
    made = 0
    instance_no = 0
    while made < count:
        kind = rng.choices(["meeting", "summit", "visit", "phone_call"], [5, 2, 2, 1])[0]
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(4 * 365))
        persons = rng.sample(names.persons, 3 if kind == "summit" else 2 if kind != "visit" else 1)
        inst = Instance(f"gen:{seed}:{instance_no}", kind, day, rng.choice(names.cities), persons,
                        rng.sample(names.countries, 2 if kind != "summit" else 4),
                        rng.choice(names.formats) if kind == "summit" else None)
        instance_no += 1
        for _ in range(min(rng.choice([1, 1, 2, 3]), count - made)):
            b = Builder()
            events = [_event_sentence(b, inst)]
            for sentence in rng.sample(FILLER, rng.randint(1, 3)):
                b.add(sentence + " ")
            if rng.random() < 0.3:
                start = b.size
                sector_word = rng.choice(SECTORS)[1]
                b.add(f"По итогам встречи стороны подписали {rng.randint(2, 30)} документов о "
                      f"сотрудничестве в сфере {sector_word}.")
                events.append({**events[0], "type": "signing", "plover": "AGREE",
                               "evidence": [{"start": start, "end": b.size}]})
                b.add(" ")
            commitments = [_commitment(b, rng, inst, names) for _ in range(rng.randint(0, 2))]
            text = b.text.strip()
            published = day + timedelta(days=rng.randint(0, 2))
            outlet = rng.choice(OUTLETS)
            made += 1
            yield {"name": f"{made:06d}.txt", "text": text, "published": published.isoformat(),
                   "outlet": outlet, "instance": inst,
                   "record": {"entities": list(b.mentions.values()), "events": events,
                              "commitments": commitments}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "corpus.jsonl").open("w", encoding="utf-8") as manifest:
        for doc in generate(args.count, args.seed):
            (args.out / doc["name"]).write_text(doc["text"], encoding="utf-8")
            manifest.write(json.dumps({"path": doc["name"], "published": doc["published"],
                                       "outlet": doc["outlet"], "language": "ru"},
                                      ensure_ascii=False) + "\n")
    print(f"{args.count} GENERATED texts (templates, not news) in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
