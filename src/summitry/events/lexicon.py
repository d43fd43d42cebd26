"""The event lexicon of one language, read from rules/<lang>/events.yaml, and its matcher.

Every entry is a phrase of dictionary-form words; a text token matches a word when their
lemma keys intersect (summitry.morph), so one entry covers every inflection. Verb phrases
may have a word inserted ("принял активное участие"); noun phrases may not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, Iterable, TypeVar

import yaml

from summitry.doc import Token
from summitry.errors import SummitryError
from summitry.morph import analyse

RULES = Path(__file__).parent.parent / "rules"
WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
T = TypeVar("T")

EVENT_TYPES = ("summit", "meeting", "phone_call", "visit", "signing", "forum", "launch")


def entry_keys(word: str, language: str) -> frozenset[str]:
    """The keys of a lexicon word: its lowercase form and its possible lemmas."""
    return analyse(word.lower().replace("’", "'").replace("ʼ", "'"), language)[2]


@dataclass(frozen=True, slots=True)
class Entry(Generic[T]):
    words: tuple[frozenset[str], ...]
    value: T
    text: str


class Matcher(Generic[T]):
    """Lexicon phrases found in a token list, longest first, with an optional gap."""

    def __init__(self, entries: Iterable[Entry[T]], gap: int = 0) -> None:
        self.gap = gap
        self._first: dict[str, list[Entry[T]]] = {}
        for entry in entries:
            for key in entry.words[0]:
                self._first.setdefault(key, []).append(entry)

    def __bool__(self) -> bool:
        return bool(self._first)

    def _match(self, tokens: list[Token], i: int, hi: int, entry: Entry[T]) -> list[int] | None:
        """Token indices of the entry's words when it starts at i, else None."""
        at = [i]
        pos = i
        for word in entry.words[1:]:
            for step in range(1, self.gap + 2):
                k = pos + step
                if k < hi and not word.isdisjoint(tokens[k].keys):
                    at.append(k)
                    pos = k
                    break
            else:
                return None
        return at

    def at(self, tokens: list[Token], i: int, hi: int) -> tuple[list[int], Entry[T]] | None:
        """The longest entry starting at token i (indices of its words), if any."""
        best: tuple[list[int], Entry[T]] | None = None
        for key in tokens[i].keys:
            for entry in self._first.get(key, ()):
                found = self._match(tokens, i, hi, entry)
                if found and (best is None or len(found) > len(best[0])):
                    best = (found, entry)
        return best

    def find(self, tokens: list[Token], lo: int = 0, hi: int | None = None) -> list[tuple[list[int], Entry[T]]]:
        """Non-overlapping longest matches in tokens[lo:hi]."""
        hi = len(tokens) if hi is None else hi
        out = []
        i = lo
        while i < hi:
            hit = self.at(tokens, i, hi)
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = hit[0][-1] + 1 if self.gap == 0 else i + 1
        return out


def _entries(items: Any, value: Any, language: str) -> list[Entry[Any]]:
    out = []
    for text in items or []:
        words = WORD.findall(str(text))
        if words:
            keys = tuple(entry_keys(w, language) for w in words)
            out.append(Entry(keys, value, str(text)))
    return out


def _table(raw: Any, language: str) -> list[Entry[Any]]:
    """A {label: [phrases]} mapping as entries valued by label."""
    out: list[Entry[Any]] = []
    for label, items in (raw or {}).items():
        out += _entries(items if isinstance(items, list) else [items], str(label), language)
    return out


def _numbers(raw: Any, language: str) -> list[Entry[Any]]:
    """A {phrase: number} mapping as entries valued by number."""
    out: list[Entry[Any]] = []
    for text, number in (raw or {}).items():
        out += _entries([text], int(number), language)
    return out


@dataclass
class EventLexicon:
    """Everything the events stage reads for one language."""

    language: str
    nouns: Matcher[str]
    happen: Matcher[str]
    verbs: Matcher[str]
    report: Matcher[str]
    report_prepositions: frozenset[str]
    reported_types: frozenset[str]
    future_cues: Matcher[str]
    future_auxiliaries: frozenset[str]
    negations: frozenset[str]
    conditional: frozenset[str]
    participation: Matcher[str]
    setting_links: Matcher[str]
    exclusions: Matcher[str]
    party_nouns: Matcher[str]
    date_adjectives: Matcher[int]
    kinds: Matcher[str]
    document_nouns: Matcher[str]
    count_hedges: Matcher[str]
    cardinals: Matcher[int]
    ordinals: Matcher[int]
    ordinal_suffixes: tuple[str, ...]
    topics: Matcher[str]
    generic_nouns: Matcher[str] = field(default_factory=lambda: Matcher([]))
    chairing: Matcher[str] = field(default_factory=lambda: Matcher([]))
    opening: Matcher[str] = field(default_factory=lambda: Matcher([]))
    collective: Matcher[str] = field(default_factory=lambda: Matcher([]))
    during: Matcher[str] = field(default_factory=lambda: Matcher([]))
    sidelines: Matcher[str] = field(default_factory=lambda: Matcher([]))
    appraisal: Matcher[str] = field(default_factory=lambda: Matcher([]))
    dateline_markers: frozenset[str] = frozenset()
    eves: frozenset[str] = frozenset()
    agent_markers: frozenset[str] = frozenset()
    representing: Matcher[str] = field(default_factory=lambda: Matcher([]))
    hosting: Matcher[str] = field(default_factory=lambda: Matcher([]))
    guests: Matcher[str] = field(default_factory=lambda: Matcher([]))
    arrival: Matcher[str] = field(default_factory=lambda: Matcher([]))
    year_adjectives: Matcher[int] = field(default_factory=lambda: Matcher([]))
    past_adjectives: Matcher[str] = field(default_factory=lambda: Matcher([]))
    period_nouns: Matcher[str] = field(default_factory=lambda: Matcher([]))
    period_prepositions: frozenset[str] = frozenset()
    kind_links: frozenset[str] = frozenset()
    councils: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    signing_partners: frozenset[str] = frozenset()
    topic_prepositions: frozenset[str] = frozenset()
    soft_future_cues: Matcher[str] = field(default_factory=lambda: Matcher([]))
    habitual: Matcher[str] = field(default_factory=lambda: Matcher([]))
    ongoing: Matcher[str] = field(default_factory=lambda: Matcher([]))
    vicinity: Matcher[str] = field(default_factory=lambda: Matcher([]))
    addressing: Matcher[str] = field(default_factory=lambda: Matcher([]))
    pronouns: frozenset[str] = frozenset()
    company_nouns: Matcher[str] = field(default_factory=lambda: Matcher([]))
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        return f"EventLexicon({self.language})"


def _keys(items: Any, language: str) -> frozenset[str]:
    keys: set[str] = set()
    for item in items or []:
        keys |= entry_keys(str(item), language)
    return frozenset(keys)


@lru_cache(maxsize=8)
def load_lexicon(language: str) -> EventLexicon | None:
    """The lexicon of a language, or None where rules/<lang>/events.yaml does not exist."""
    path = RULES / language / "events.yaml"
    if not path.exists():
        return None
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise SummitryError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise SummitryError(f"{path}: expected a mapping of lexicon names to entries")
    unknown = set(raw.get("nouns") or {}) - set(EVENT_TYPES)
    if unknown:
        raise SummitryError(f"{path}: unknown event types under nouns: {sorted(unknown)}")
    lang = language
    return EventLexicon(
        language=language,
        nouns=Matcher(_table(raw.get("nouns"), lang)),
        happen=Matcher(_entries(raw.get("happen"), "happen", lang), gap=1),
        verbs=Matcher(_table(raw.get("verbs"), lang), gap=1),
        report=Matcher(_entries(raw.get("report"), "report", lang)),
        report_prepositions=_keys(raw.get("report_prepositions"), lang),
        reported_types=frozenset(raw.get("reported_types") or ()),
        future_cues=Matcher(_entries(raw.get("future_cues"), "future", lang)),
        future_auxiliaries=_keys(raw.get("future_auxiliaries"), lang),
        negations=_keys(raw.get("negations"), lang),
        conditional=_keys(raw.get("conditional"), lang),
        participation=Matcher(_entries(raw.get("participation"), "participation", lang), gap=1),
        setting_links=Matcher(_entries(raw.get("setting_links"), "link", lang)),
        exclusions=Matcher(_entries(raw.get("exclusions"), "exclude", lang)),
        party_nouns=Matcher(_entries(raw.get("party_nouns"), "party", lang)),
        date_adjectives=Matcher(_numbers(raw.get("date_adjectives"), lang)),
        kinds=Matcher(_table(raw.get("kinds"), lang)),
        document_nouns=Matcher(_entries(raw.get("document_nouns"), "document", lang)),
        count_hedges=Matcher(_entries(raw.get("count_hedges"), "hedge", lang)),
        cardinals=Matcher(_numbers(raw.get("cardinals"), lang)),
        ordinals=Matcher(_numbers(raw.get("ordinals"), lang)),
        ordinal_suffixes=tuple(str(s) for s in raw.get("ordinal_suffixes") or ()),
        topics=Matcher(_table(raw.get("topics"), lang)),
        generic_nouns=Matcher(_entries(raw.get("generic_nouns"), "", lang)),
        chairing=Matcher(_entries(raw.get("chairing"), "chair", lang), gap=1),
        opening=Matcher(_entries(raw.get("opening"), "open", lang), gap=1),
        collective=Matcher(_entries(raw.get("collective_subjects"), "collective", lang)),
        during=Matcher(_entries(raw.get("during_links"), "during", lang)),
        sidelines=Matcher(_entries(raw.get("sideline_links"), "sidelines", lang)),
        appraisal=Matcher(_entries(raw.get("appraisal"), "appraisal", lang), gap=1),
        dateline_markers=frozenset(str(w) for w in raw.get("dateline_markers") or ()),
        agent_markers=_keys(raw.get("agent_markers"), lang),
        eves=frozenset(str(w).lower() for w in raw.get("eves") or ()),
        representing=Matcher(_entries(raw.get("representing"), "represent", lang)),
        hosting=Matcher(_entries(raw.get("hosting"), "host", lang), gap=1),
        guests=Matcher(_entries(raw.get("guests"), "guest", lang)),
        arrival=Matcher(_entries(raw.get("arrival"), "arrive", lang)),
        year_adjectives=Matcher(_numbers(raw.get("year_adjectives"), lang)),
        past_adjectives=Matcher(_entries(raw.get("past_adjectives"), "past", lang)),
        period_nouns=Matcher(_entries(raw.get("period_nouns"), "period", lang)),
        period_prepositions=_keys(raw.get("period_prepositions"), lang),
        kind_links=_keys(raw.get("kind_links"), lang) | _keys(raw.get("councils"), lang),
        councils=_keys(raw.get("councils"), lang),
        coordinators=_keys(raw.get("coordinators"), lang),
        signing_partners=_keys(raw.get("signing_partners"), lang),
        topic_prepositions=_keys(raw.get("topic_prepositions"), lang),
        soft_future_cues=Matcher(_entries(raw.get("soft_future_cues"), "future", lang)),
        habitual=Matcher(_entries(raw.get("habitual"), "habitual", lang)),
        ongoing=Matcher(_entries(raw.get("ongoing"), "ongoing", lang), gap=1),
        vicinity=Matcher(_entries(raw.get("vicinity"), "near", lang)),
        addressing=Matcher(_entries(raw.get("addressing"), "address", lang), gap=1),
        pronouns=frozenset(str(w).lower() for w in raw.get("pronouns") or ()),
        company_nouns=Matcher(_entries(raw.get("company_nouns"), "company", lang)),
        raw=raw,
    )
