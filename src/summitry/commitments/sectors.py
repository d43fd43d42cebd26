"""The sector of a commitment, from weighted stems over its words (rules/sectors.yaml).

A stem matches the start of a word's lemma or of its lowercase form; the longest stem
wins. Entries of several stems match consecutive words. Generic words (meetings,
cooperation) count for diplomacy at a low weight, so that any specific word wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from summitry.doc import Token

PATH = Path(__file__).resolve().parent.parent / "rules" / "sectors.yaml"
GENERIC = "_generic"  # generic words: diplomacy, unless a specific sector is named
SECTORS = (
    "diplomacy", "security", "trade", "investment", "industry", "energy", "transport",
    "agriculture", "water", "environment", "education", "science", "health", "culture",
    "tourism", "media", "digital", "other",
)


@dataclass(frozen=True)
class Entry:
    stems: tuple[str, ...]
    sector: str
    weight: float


@dataclass
class SectorLexicon:
    single: dict[str, Entry]
    multi: list[Entry]
    default: str
    longest: int
    by_first: dict[str, list[tuple[int, Entry]]] = field(default_factory=dict)
    longest_first: int = 0

    def __post_init__(self) -> None:
        for rank, entry in enumerate(self.multi):
            self.by_first.setdefault(entry.stems[0], []).append((rank, entry))
        self.longest_first = max((len(s) for s in self.by_first), default=0)


def _entry(raw: str, sector: str, weight: float) -> Entry:
    text, _, number = str(raw).partition(":")
    if number.strip():
        weight = float(number)
    return Entry(tuple(text.lower().replace("-", " ").split()), sector, weight)


@lru_cache(maxsize=8)
def sector_lexicon(language: str) -> SectorLexicon | None:
    data = yaml.safe_load(PATH.read_text(encoding="utf-8")) or {}
    table = data.get(language)
    if not table:
        return None
    generic_weight = float(data.get("generic_weight", 0.4))
    single: dict[str, Entry] = {}
    multi: list[Entry] = []
    for sector, items in table.items():
        name = GENERIC if sector == "generic" else sector
        weight = generic_weight if sector == "generic" else 1.0
        for raw in items or []:
            entry = _entry(raw, name, weight)
            if len(entry.stems) == 1:
                single[entry.stems[0]] = entry
            elif entry.stems:
                multi.append(entry)
    multi.sort(key=lambda e: -len(e.stems))
    longest = max((len(s) for s in single), default=0)
    return SectorLexicon(single, multi, str(data.get("default", "diplomacy")), longest)


def _forms(token: Token) -> list[str]:
    return sorted({token.text.lower().replace("ё", "е"), *token.keys}, key=len, reverse=True)


def _prefixed(table: dict, forms: list[str], longest: int) -> list:
    """Values of `table` whose key starts one of the forms."""
    found = []
    for form in forms:
        for n in range(min(len(form), longest), 0, -1):
            hit = table.get(form[:n])
            if hit is not None:
                found.append(hit)
    return found


def _stem_hit(lexicon: SectorLexicon, forms: list[str]) -> Entry | None:
    best: Entry | None = None
    best_length = 0
    for form in forms:
        for n in range(min(len(form), lexicon.longest), 1, -1):
            entry = lexicon.single.get(form[:n])
            if entry is not None and n > best_length:
                best, best_length = entry, n
                break
    return best


def _starts(forms: list[str], stem: str) -> bool:
    return any(form.startswith(stem) for form in forms)


def scores(tokens: list[Token], language: str) -> dict[str, tuple[float, int]]:
    """Sector → (total weight, position of its first word) over the tokens."""
    lexicon = sector_lexicon(language)
    out: dict[str, tuple[float, int]] = {}
    if lexicon is None:
        return out

    def add(entry: Entry, position: int) -> None:
        total, first = out.get(entry.sector, (0.0, position))
        out[entry.sector] = (total + entry.weight, min(first, position))

    forms = [_forms(token) for token in tokens]
    i = 0
    while i < len(tokens):
        # only entries whose first stem starts a form of this word can match here,
        # tried longest entry first as the lexicon orders them
        candidates = sorted(
            {rank: entry for hits in _prefixed(lexicon.by_first, forms[i], lexicon.longest_first)
             for rank, entry in hits}.items()
        )
        for _, entry in candidates:
            n = len(entry.stems)
            if i + n <= len(tokens) and all(
                _starts(forms[i + k], stem) for k, stem in enumerate(entry.stems)
            ):
                add(entry, i)
                i += n
                break
        else:
            hit = _stem_hit(lexicon, forms[i])
            if hit is not None:
                add(hit, i)
            i += 1
    return out


def classify(*spans: list[Token], language: str) -> str:
    """The sector of the first span that names a specific one; else diplomacy where a
    generic word (meeting, cooperation) occurs; else the default."""
    lexicon = sector_lexicon(language)
    default = lexicon.default if lexicon else "diplomacy"
    generic = False
    for tokens in spans:
        found = scores(tokens, language)
        generic = generic or GENERIC in found
        real = {k: v for k, v in found.items() if k != GENERIC}
        if real:
            return max(real.items(), key=lambda item: (item[1][0], -item[1][1]))[0]
    return "diplomacy" if generic else default
