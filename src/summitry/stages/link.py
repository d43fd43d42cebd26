"""Entity mentions linked to the knowledge base, and the entities of the document.

In order: knowledge-base names on lemmas; adjectives and compound adjectives of states
("казахстанская сторона", "китайско-казахстанские", "ооноцентричный"); office titles
resolved to the holder on the document's date ("председатель КНР", "глава
государства"); a surname after the full name; names the NER found that the knowledge
base lacks, kept in their nominative native form with `known: false`.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from summitry.doc import Doc, Entity, Mention, Token
from summitry.kb import KBEntry, KnowledgeBase, fold
from summitry.kb.matcher import CharIndex, Phrase, PhraseIndex, compile_phrase, word_keys
from summitry.morph import analyzer
from summitry.pipeline import stage
from summitry.stages.ner import normalize

RULES = Path(__file__).parent.parent / "rules"
TYPE_ORDER = {"country": 0, "person": 1, "organization": 2, "format": 3, "place": 4}
# The vowel that joins the parts of a compound adjective: "китайско-", "казахстанско-",
# "ооно-центричный"; the adjective endings it stands for.
_LINK_ENDINGS = {"ru": ("ий", "ый", "кий"), "uk": ("ий", "ій")}


class Linker:
    """Everything the link stage needs, built once per knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        phrases: list[Phrase[str]] = []
        zh_names: list[tuple[str, str]] = []
        for entry in sorted(kb.entries.values(), key=lambda e: TYPE_ORDER[e.type]):
            for language, name in entry.all_names():
                if language == "zh" or re.search(r"[\u4e00-\u9fff]", name):
                    zh_names.append((name, entry.id))
                    continue
                phrase = compile_phrase(
                    name, entry.id, case_sensitive=name in entry.case_sensitive, language=language
                )
                if phrase is not None:
                    phrases.append(phrase)
        self.names = PhraseIndex(phrases)
        self.zh = CharIndex(zh_names)
        self.adjectives: dict[str, str] = {}
        for entry in kb.entries.values():
            for words in entry.adjectives.values():
                for word in words:
                    self.adjectives.setdefault(word.lower(), entry.id)
        self.acronyms: dict[str, str] = {}  # lowercase acronym -> entity
        for entry in kb.entries.values():
            for name in entry.case_sensitive | {n for _, n in entry.all_names()}:
                if name.isupper() and 3 <= len(name) <= 5 and name.isalpha():
                    self.acronyms.setdefault(name.lower(), entry.id)
        self.titles = _titles()
        self.fuzzy: dict[str, list[tuple[str, str]]] = {}
        for entry in kb.entries.values():
            for _, name in entry.all_names():
                self.fuzzy.setdefault(entry.type, []).append((fold(name), entry.id))

    def adjective_of(self, token: Token, text: str, language: str) -> str | None:
        """The entity an adjective or the first part of a compound adjective stands for."""
        for key in token.keys:
            if key in self.adjectives:
                return self.adjectives[key]
        lower = token.text.lower()
        if lower.endswith("о") and text[token.end : token.end + 1] == "-":
            for ending in _LINK_ENDINGS.get(language, ()):
                entity = self.adjectives.get(lower[:-1] + ending)
                if entity:
                    return entity
        if token.text.islower() and language in _LINK_ENDINGS:
            # a compound on an acronym: "ооноцентричный" = ООН + о + центричный
            for size in (3, 4, 5):
                entity = self.acronyms.get(lower[:size])
                rest = lower[size + 1 :]
                if entity and lower[size : size + 1] == "о" and len(rest) >= 5 and _adjective(rest, language):
                    return entity
        return None

    def fuzzy_find(self, name: str, entity_type: str) -> str | None:
        choices = self.fuzzy.get(entity_type, [])
        if not choices:
            return None
        best = process.extractOne(fold(name), [c[0] for c in choices], scorer=fuzz.ratio)
        if best and best[1] >= 92:
            return choices[best[2]][1]
        return None


def _adjective(word: str, language: str) -> bool:
    """Whether a word reads as an adjective (the second half of a compound adjective)."""
    morph = analyzer(language)
    return morph is not None and morph.parse(word)[0].tag.POS == "ADJF"


def _plausible_name(candidate: Any) -> bool:
    """An unknown name worth keeping: people as found; places and organizations only when
    they are written as proper names (every word capitalised, or two capitalised words),
    so that generic phrases ("Информационное коммюнике", "Индустриальный парк") stay out."""
    words = [w for w in re.findall(r"\w+", candidate.text) if len(w) > 2 or w[:1].isupper()]
    capitals = sum(1 for w in words if w[:1].isupper())
    if candidate.type == "person":
        return capitals >= 1
    if candidate.text.isupper():
        return False  # an acronym the knowledge base does not know ("СМИ")
    if candidate.type == "place":
        return capitals == len(words)
    return capitals >= 2


@lru_cache(maxsize=4)
def linker_for(kb: KnowledgeBase) -> Linker:
    return Linker(kb)


def _titles() -> dict[str, PhraseIndex[dict[str, Any]]]:
    data = yaml.safe_load((RULES / "offices.yaml").read_text(encoding="utf-8"))
    out = {}
    for language, items in data.items():
        phrases = []
        for item in items:
            phrase = compile_phrase(str(item["title"]), dict(item), language=language)
            if phrase is not None:
                phrases.append(phrase)
        out[language] = PhraseIndex(phrases)
    return out


def _overlaps(mentions: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-")


def link(doc: Doc, kb: KnowledgeBase | None = None) -> None:
    kb = kb or KnowledgeBase.default()
    linker = linker_for(kb)
    language = doc.language or "ru"
    text, tokens = doc.text, doc.tokens
    mentions: list[Mention] = []

    def add(start: int, end: int, entity_id: str, via: str) -> Mention:
        entry = kb[entity_id]
        mention = Mention(start, end, text[start:end], entity_id, entry.type, via)
        mentions.append(mention)
        return mention

    # 1. knowledge-base names
    used: set[int] = set()
    for first, end, phrases in linker.names.find(tokens, text):
        ids = list(dict.fromkeys(p.value for p in phrases))
        add(tokens[first].start, tokens[end - 1].end, ids[0], "alias")
        used.update(range(first, end))
        container = kb[ids[0]].type
        if end - first >= 2 and container in ("organization", "format", "place"):
            # names inside a body's or a format's name are mentions too: the UN in
            # "Генеральная Ассамблея ООН", Afghanistan in "...для Центральной Азии и Афганистана"
            # A name at the head of the container is a modifier ("Shanghai Cooperation
            # Organisation" names no city); names after it are complements.
            j = first
            while j < end:
                hits = [
                    (e, p) for e, p in linker.names.matches_at(tokens, j, text)
                    if e <= end and e - j < end - first and p.value != ids[0]
                    # a route or railway named after states mentions the states only
                    and (container != "place" or kb[p.value].type == "country")
                ]
                if not hits:
                    j += 1
                    continue
                stop, inner = max(hits, key=lambda h: h[0])
                if j > first:
                    add(tokens[j].start, tokens[stop - 1].end, inner.value, "nested")
                j = stop
    for start, end, ids in linker.zh.find(text):
        if not _overlaps(mentions, start, end):
            add(start, end, ids[0], "alias")

    # 2. adjectives of states and places
    for i, token in enumerate(tokens):
        if i in used or token.text.isupper():
            continue
        entity_id = linker.adjective_of(token, text, language)
        if entity_id and not _overlaps(mentions, token.start, token.end):
            add(token.start, token.end, entity_id, "adjective")
            used.add(i)

    # 3. office titles
    on = doc.published or date.today()
    titles = linker.titles.get(language)
    if titles is not None:
        _link_titles(doc, kb, titles, mentions, used, on, add)

    # 4. a surname after the full name
    _link_surnames(doc, kb, mentions, used, add)

    # 5. names the NER found that the knowledge base lacks
    unknown: dict[str, Entity] = {}
    fresh = [
        c for c in doc.candidates
        if not _overlaps(mentions, c.start, c.end) and _plausible_name(c)
    ]
    normalize(fresh, doc)
    for candidate in fresh:
        found = [e for e in kb.find(candidate.normal) if e.type == candidate.type]
        entity_id = found[0].id if found else linker.fuzzy_find(candidate.normal, candidate.type)
        if entity_id:
            add(candidate.start, candidate.end, entity_id, "ner+kb")
            continue
        key = f"{candidate.type}:{_slug(candidate.normal)}"
        unknown.setdefault(key, Entity(key, candidate.type, candidate.normal, False))
        mentions.append(
            Mention(candidate.start, candidate.end, candidate.text, key, candidate.type, "ner")
        )
    _link_unknown_surnames(doc, unknown, mentions)

    mentions.sort(key=lambda m: m.start)
    doc.mentions = mentions
    entities: dict[str, Entity] = {}
    for mention in mentions:
        if mention.entity_id not in entities:
            if mention.entity_id in kb:
                entry: KBEntry = kb[mention.entity_id]
                entities[mention.entity_id] = Entity(entry.id, entry.type, entry.name, True, entry.wikidata)
            else:
                entities[mention.entity_id] = unknown[mention.entity_id]
        entities[mention.entity_id].mentions.append(mention)
    doc.entities = entities


def _link_titles(doc, kb, titles, mentions, used, on, add) -> None:  # type: ignore[no-untyped-def]
    tokens, text = doc.tokens, doc.text
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    for first, end, phrases in titles.find(tokens, doc.text):
        item = phrases[0].value
        start, stop = tokens[first].start, tokens[end - 1].end
        if _plural(phrases[0].text, tokens[first:end], doc.language or "ru"):
            continue  # "министры иностранных дел", "глави держав" are several people
        inside = [m for m in mentions if m.start < stop and start < m.end]
        if any(m.type == "person" or m.start < start or m.end > stop for m in inside):
            continue  # part of a name, or already a person
        after = _next_mention(by_start, text, stop)
        before = _prev_mention(by_end, text, start)
        if after is not None and after.type == "person":
            continue  # the name follows; it is its own mention
        if after is not None and after.type == "country":
            named = _next_mention(by_start, text, after.end)
            if named is not None and named.type == "person":
                continue  # "президент Казахстана Касым-Жомарт Токаев"
        country = item.get("country")
        organization = None
        if country is None and after is not None and after.type == "country":
            country = after.entity_id
        elif country is None and after is not None and after.type in ("organization", "format"):
            organization = after.entity_id
        elif country is None and before is not None and before.type == "country":
            country = before.entity_id
        holders: list[str] = []
        if country or organization:
            holders = kb.holders(item["office"], on, country=country, organization=organization)
        elif item.get("bare"):
            holders = _protagonist(mentions, kb, item["office"], on, start)
        if len(holders) == 1:
            add(start, stop, holders[0], "office")
            used.update(range(first, end))


def _plural(title: str, words: list[Token], language: str) -> bool:
    """Whether the text has a title in the plural where the lexicon writes it singular:
    any word that is singular in the title and plural in the text ("главы государств")."""
    from summitry.kb.matcher import WORD

    morph = analyzer(language)
    pieces = WORD.findall(title)
    if morph is None or len(pieces) != len(words):
        return "plur" in words[0].feats.get("tags", "") if words else False
    for piece, token in zip(pieces, words):
        # the Ukrainian dictionary leaves the singular unmarked ("лідер": anim, masc, nomn)
        if "plur" not in morph.parse(piece.lower())[0].tag and "plur" in token.feats.get("tags", ""):
            return True
    return False


def _next_mention(by_start: dict[int, Mention], text: str, offset: int) -> Mention | None:
    gap = re.match(r"[\s«»\"']{0,3}(?:of\s+(?:the\s+)?)?", text[offset:])
    return by_start.get(offset + (gap.end() if gap else 0))


def _prev_mention(by_end: dict[int, Mention], text: str, offset: int) -> Mention | None:
    stripped = text[:offset].rstrip(" «»\"'")
    if offset - len(stripped) > 3:
        return None
    return by_end.get(len(stripped))


def _protagonist(mentions: list[Mention], kb: KnowledgeBase, office: str, on: date, before: int) -> list[str]:
    """The office holder the document has named most often so far (then first: the lead's subject)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in mentions:
        if mention.type != "person" or mention.start >= before:
            continue
        entry = kb.get(mention.entity_id)
        if entry and any(o.office == office and o.held_on(on) for o in entry.offices):
            counts[mention.entity_id] += 1
            first.setdefault(mention.entity_id, mention.start)
    if not counts:
        return []
    best = max(counts, key=lambda e: (counts[e], -first[e]))
    return [best]


def _link_surnames(doc, kb, mentions, used, add) -> None:  # type: ignore[no-untyped-def]
    """A known person's surname alone, where the document names them in full somewhere.

    Anywhere, not only after: a headline often has the surname before the body's full
    name. Chinese names put the family name first ("Xi" of "Xi Jinping", "Ван" of "Ван И"),
    so for a person the knowledge base names in Chinese the first word counts as well.
    """
    named = {m.entity_id for m in mentions if m.type == "person" and m.via == "alias"}
    surnames: list[tuple[frozenset[str], str]] = []
    for entity_id in named:
        entry = kb[entity_id]
        chinese = bool(entry.names.get("zh")) and entry.names.get("zh", [""])[0][:1] >= "\u4e00"
        for language, name in entry.all_names():
            parts = name.split()
            if len(parts) < 2 or language == "zh":
                continue
            if len(parts[-1]) >= 4 and parts[-1][:1].isupper():
                surnames.append((word_keys(parts[-1], language), entity_id))
            if chinese and parts[0][:1].isupper() and len(parts) == 2:
                surnames.append((frozenset({parts[0].lower()}), entity_id))
    if not surnames:
        return
    for i, token in enumerate(doc.tokens):
        if i in used or not token.text[:1].isupper() or _overlaps(mentions, token.start, token.end):
            continue
        hits = {e for keys, e in surnames if not keys.isdisjoint(token.keys)}
        if len(hits) == 1:
            add(token.start, token.end, hits.pop(), "surname")
            used.add(i)


def _link_unknown_surnames(doc: Doc, unknown: dict[str, Entity], mentions: list[Mention]) -> None:
    """A single-word name that is the last word of an unknown person named in full before."""
    people = {e.id: e for e in unknown.values() if e.type == "person" and len(e.name.split()) >= 2}
    for mention in list(mentions):
        if mention.via != "ner" or mention.type != "person" or " " in mention.text.strip():
            continue
        entity = unknown.get(mention.entity_id)
        if entity is None or len(entity.name.split()) >= 2:
            continue
        for person in people.values():
            if fold(person.name.split()[-1]) == fold(entity.name):
                mention.entity_id = person.id
                break
    for key in [k for k in unknown if not any(m.entity_id == k for m in mentions)]:
        del unknown[key]


@stage("link", requires=("tokens", "sentences"), assigns=("mentions", "entities"))
def link_stage(doc: Doc) -> None:
    link(doc)
