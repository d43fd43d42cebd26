"""Word-level morphology for every language: lemmas and the keys a word can match under.

Russian and Ukrainian use pymorphy3 with their dictionaries. A foreign name that the
dictionary does not know ("Сианя", "Сіані") gets several guessed lemmas, so a word is
matched by the *set* of its possible lemmas (its keys) rather than one guess: an alias
matches a word when their key sets intersect. Kazakh and English get light suffix
stripping; Chinese is matched on characters elsewhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pymorphy3

_ANALYZERS: dict[str, Any] = {}

# Kazakh case and plural endings, longest first: enough to reduce "Астанада", "Қытаймен",
# "Тоқаевтың" to a stem that the knowledge base's nominative names share.
_KK_SUFFIXES = sorted(
    """
    лардың лердің дардың дердің тардың тердің ларға лерге дарға дерге тарға терге
    ларда лерде дарда дерде тарда терде лардан лерден дардан дерден тардан терден
    ларды лерді дарды дерді тарды терді лармен лермен дармен дермен тармен термен
    лар лер дар дер тар тер
    ның нің дың дің тың тің ға ге қа ке на не а е
    да де та те нда нде дан ден тан тен нан нен
    ны ні ды ді ты ті н мен бен пен
    ға ге ы і ң
    """.split(),
    key=len,
    reverse=True,
)
_EN_SUFFIXES = ("'s", "’s")


def analyzer(language: str) -> Any | None:
    """The pymorphy3 analyzer of a language, loaded once; None where there is none."""
    if language not in ("ru", "uk"):
        return None
    if language not in _ANALYZERS:
        _ANALYZERS[language] = pymorphy3.MorphAnalyzer(lang=language)
    return _ANALYZERS[language]


_KK_POSSESSIVE = ("сы", "сі", "ы", "і")


def _kk_stems(word: str) -> set[str]:
    """The word and its stems without a case ending, then without a possessive one
    ("кездесуіне" -> "кездесуі" -> "кездесу")."""
    stems = {word}
    for suffix in _KK_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.add(word[: -len(suffix)])
    for stem in list(stems):
        for suffix in _KK_POSSESSIVE:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
                stems.add(stem[: -len(suffix)])
    return stems


@lru_cache(maxsize=200_000)
def analyse(word: str, language: str) -> tuple[str, str, frozenset[str], tuple[str, ...]]:
    """(lemma, pos, keys, grammemes of the best parse) of one word in a language.

    Hyphenated words ("Касым-Жомартом", "китайско-казахстанские") are analysed on their
    last part, so that the first parts stay as written.
    """
    lower = word.lower().replace("ё", "е")
    keys = {lower}
    morph = analyzer(language)
    if morph is None:
        if language == "kk":
            keys |= _kk_stems(lower)
        elif language == "en":
            for suffix in _EN_SUFFIXES:
                if lower.endswith(suffix):
                    keys.add(lower[: -len(suffix)])
        return lower, "", frozenset(keys), ()
    head, sep, last = lower.rpartition("-")
    prefix = head + sep if sep and last else ""
    target = last if prefix else lower
    parses = morph.parse(target)
    for parse in parses[:6]:
        keys.add(prefix + parse.normal_form.replace("ё", "е"))
    best = parses[0]
    lemma = prefix + best.normal_form.replace("ё", "е")
    grammemes = tuple(str(best.tag).replace(" ", ",").split(","))
    pos = str(best.tag.POS) if best.tag.POS else ""
    return lemma, pos, frozenset(keys), grammemes


def is_cyrillic(text: str) -> bool:
    return bool(re.search(r"[А-Яа-яЁёІіЇїЄєҐґӘәҒғҚқҢңӨөҰұҮүҺһ]", text))


def word_tags(word: str, language: str) -> set[str]:
    """Every grammeme any parse gives the word (Name, Surn, Geox, Orgn ...)."""
    morph = analyzer(language)
    if morph is None:
        return set()
    tags: set[str] = set()
    for parse in morph.parse(word.lower())[:4]:
        tags |= set(str(parse.tag).replace(" ", ",").split(","))
    return tags
