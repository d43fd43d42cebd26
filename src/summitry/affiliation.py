"""The state of a person the knowledge base does not know, from how the text titles them.

Known people get their state from their offices in the knowledge base. For the others:
a state named in the title right before the first full mention ("министр энергетики
Казахстана Алмасадам Саткалиев", "Kazakh Energy Minister …") or in an apposition right
after it ("Roman Sklyar, First Deputy Prime Minister of Kazakhstan"); else, where the title
is a government one with no state ("вице-премьер Лазиз Кудратов"), the state of the
dateline's place — a national outlet names its own officials without their country.
Data: rules/affiliation.yaml.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from summitry.doc import Doc, Mention, Token
from summitry.kb import KnowledgeBase

PATH = Path(__file__).resolve().parent / "rules" / "affiliation.yaml"
STOPS = frozenset(",;:()«»\"—–")


@lru_cache(maxsize=1)
def _rules() -> tuple[int, dict[str, tuple[str, ...]]]:
    data = yaml.safe_load(PATH.read_text(encoding="utf-8")) or {}
    titles = {lang: tuple(str(s).lower() for s in stems) for lang, stems in (data.get("government_titles") or {}).items()}
    return int(data.get("window", 8)), titles


def government_titles(language: str) -> tuple[str, ...]:
    """Stems of government titles in a language ("министр", "вице-премьер", "minister")."""
    return _rules()[1].get(language, ())


def _titled(tokens: list[Token], stems: tuple[str, ...]) -> bool:
    """Whether a word of the stretch is a government title (its lemma or form starts a stem)."""
    return any(t.lemma.lower().startswith(stems) or t.text.lower().startswith(stems) for t in tokens)


def _state(kb: KnowledgeBase, mention: Mention) -> str | None:
    if mention.type == "country":
        return mention.entity_id
    if mention.type == "place":
        entry = kb.get(mention.entity_id)
        country = getattr(entry, "country", None) if entry else None
        return country if isinstance(country, str) else None
    return None


def person_states(doc: Doc, kb: KnowledgeBase) -> dict[str, str]:
    """Unknown person id → country id, where the text says which state they serve."""
    unknown = {eid for eid, e in doc.entities.items() if e.type == "person" and not e.known}
    if not unknown:
        return {}
    window = _rules()[0]
    stems = government_titles(doc.language or "")
    starts = [t.start for t in doc.tokens]
    mentions = sorted(doc.mentions, key=lambda m: m.start)
    home: str | None = None
    home_done = False
    out: dict[str, str] = {}
    for mention in mentions:
        if mention.entity_id not in unknown or mention.entity_id in out:
            continue
        sentence = doc.sentence_at(mention.start)
        if sentence is None:
            continue
        k = bisect_left(starts, mention.start)
        before = doc.tokens[max(0, k - window) : k]
        while before and before[0].start < sentence.start:
            before = before[1:]
        # the title reads back from the name to a comma, another name or the sentence start
        cut, edge = len(before), mention.start
        for i in range(len(before) - 1, -1, -1):
            if STOPS & set(doc.text[before[i].end : edge]) or before[i].text in STOPS:
                break
            cut, edge = i, before[i].start
        title = before[cut:]
        if title and any(m.type == "person" and title[0].start <= m.start < mention.start for m in mentions):
            title = []
        states = _states_between(doc, kb, mentions, title[0].start if title else mention.start, mention.start)
        if not states:
            states = _apposition(doc, kb, mentions, mention, window)
        if states:
            out[mention.entity_id] = states[0]
            continue
        if title and _titled(title, stems):
            if not home_done:
                home, home_done = _home(doc, kb), True
            if home:
                out[mention.entity_id] = home
    return out


def _states_between(doc: Doc, kb: KnowledgeBase, mentions: list[Mention], start: int, end: int) -> list[str]:
    found = [_state(kb, m) for m in mentions if start <= m.start < end and m.type == "country"]
    return [s for s in found if s]


def _apposition(doc: Doc, kb: KnowledgeBase, mentions: list[Mention], mention: Mention, window: int) -> list[str]:
    """"Name, <title of State>," — a state inside the comma-bounded phrase after the name."""
    rest = doc.text[mention.end : mention.end + 3]
    if not rest.lstrip().startswith(","):
        return []
    comma = doc.text.index(",", mention.end)
    sentence = doc.sentence_at(mention.start)
    limit = sentence.end if sentence else len(doc.text)
    ends = [doc.text.find(c, comma + 1, limit) for c in ",;)—–"]
    end = min([e for e in ends if e >= 0] or [limit])
    words = [t for t in doc.tokens if comma < t.start < end]
    if not words or len(words) > window + 2 or words[0].pos in ("ADP", "PREP", "CONJ", "CCONJ"):
        return []
    stems = government_titles(doc.language or "")
    if not _titled(words, stems):
        return []
    if any(m.type == "person" and comma < m.start < end for m in mentions):
        return []
    return _states_between(doc, kb, mentions, comma, end)


def _home(doc: Doc, kb: KnowledgeBase) -> str | None:
    from summitry.events.build import dateline

    place, _ = dateline(doc)
    if place is None:
        return None
    entry = kb.get(place)
    country = getattr(entry, "country", None) if entry else None
    return country if isinstance(country, str) else None


STATE_OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "deputy_head_of_government")


def state_of(kb: KnowledgeBase, entity_id: str, day: date, affiliations: dict[str, str] | None = None) -> str | None:
    """The state an entity stands for on a day: a country itself, a place's or body's
    country, a person's state through the offices they held then (a state office first),
    else through their latest office, else `affiliations` (from `person_states`)."""
    if entity_id.startswith("country:"):
        return entity_id
    entry = kb.get(entity_id)
    if entry is None:
        return (affiliations or {}).get(entity_id)
    if not entry.offices:
        country = getattr(entry, "country", None)
        return country if isinstance(country, str) and entry.type != "person" else (affiliations or {}).get(entity_id)
    held = [o for o in entry.offices if o.country and o.held_on(day)]
    ranked = sorted(held, key=lambda o: STATE_OFFICES.index(o.office) if o.office in STATE_OFFICES else 9)
    if ranked:
        return ranked[0].country
    with_country = [o for o in entry.offices if o.country]
    return with_country[-1].country if with_country else None
