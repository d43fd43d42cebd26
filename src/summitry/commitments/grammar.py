"""Token-level grammar for commitments: verb forms, cases and clause boundaries.

Tokens carry the tags of their best pymorphy3 parse (`feats["tags"]`); where a form is
ambiguous ("Стороны" is genitive singular or nominative plural) every parse is asked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summitry.doc import Doc, Token
from summitry.morph import analyzer

COORD = frozenset({"и", "а", "но", "та", "і", "й", "and", "also"})
_HARD = re.compile(r"[;:()\[\]/]|\n")
_COMMA = re.compile(r",")
# grammemes of a finite form: tense, person, mood, and the gender/number of a past form
FINITE = frozenset({"past", "pres", "futr", "impr", "1per", "2per", "3per", "masc", "femn", "neut", "sing", "plur"})
# infinitive endings (Ukrainian -ти/-тися/-тись/-чи, and -ть/-ться/-чь, Russian and colloquial)
INFINITIVE_ENDINGS = ("ти", "тися", "тись", "чи", "чися", "ть", "ться", "чь", "чься")


def pos(token: Token) -> str:
    """The part of speech as a plain string (pymorphy3 tags compare strictly)."""
    return str(token.pos) if token.pos else ""


def tags(token: Token) -> str:
    return token.feats.get("tags", "") if token.feats else ""


@lru_cache(maxsize=50_000)
def _parses(word: str, language: str) -> tuple[str, ...]:
    morph = analyzer(language)
    if morph is None:
        return ()
    return tuple(str(p.tag) for p in morph.parse(word.lower())[:6])


def any_parse(token: Token, language: str, *grammemes: str) -> bool:
    """Whether some parse of the token carries all the grammemes."""
    return any(all(g in tag for g in grammemes) for tag in _parses(token.text, language))


def is_infinitive(token: Token) -> bool:
    if pos(token) == "INFN" or "infn" in tags(token).split(","):
        return True
    # pymorphy3-uk leaves some infinitives bare ("запустити", "проводити": VERB,perf):
    # a verb with no finite grammeme and an infinitive ending is one
    if pos(token) != "VERB" or not set(tags(token).split(",")).isdisjoint(FINITE):
        return False
    return token.text.lower().endswith(INFINITIVE_ENDINGS)


def is_finite(token: Token) -> bool:
    """A finite verb (not an infinitive, participle or gerund)."""
    return pos(token) == "VERB" and not is_infinitive(token)


def tense(token: Token) -> str | None:
    for name in ("futr", "pres", "past"):
        if name in tags(token).replace(" ", ",").split(","):
            return name
    return None


def is_future(token: Token, language: str) -> bool:
    """A future form; a Russian perfective's present form is its future."""
    if not is_finite(token):
        # pymorphy3-uk may rank a colloquial infinitive in -ть first ("виділить"): the
        # standard infinitive ends in -ти, so a future parse of the form wins
        return language == "uk" and token.text.lower().endswith("ть") and any_parse(token, language, "VERB", "futr")
    if tense(token) == "futr":
        return True
    return language == "uk" and any_parse(token, language, "VERB", "futr")


def is_nominative_noun(token: Token, language: str) -> bool:
    if pos(token) not in ("NOUN", "NPRO"):
        return False
    return any_parse(token, language, "nomn")


def is_plural_nominative(token: Token, language: str) -> bool:
    return any_parse(token, language, "plur", "nomn")


def gap(doc: Doc, left: Token, right: Token) -> str:
    return doc.text[left.end : right.start]


def hard_break(doc: Doc, left: Token, right: Token) -> bool:
    """A semicolon, colon, bracket, slash or line break between two tokens (not a dash:
    dashes sit inside names such as «Центральная Азия – Китай»)."""
    return bool(_HARD.search(gap(doc, left, right)))


def comma(doc: Doc, left: Token, right: Token) -> bool:
    return bool(_COMMA.search(gap(doc, left, right)))


def opens_predicate(tokens: list[Token], j: int, end: int, language: str) -> bool:
    """Whether a finite verb starts at j, after at most two adverbs or particles."""
    for k in range(j, min(j + 3, end)):
        token = tokens[k]
        if is_finite(token):
            return True
        if pos(token) not in ("ADVB", "PRCL", "CONJ"):
            return False
    return False


def infinitive_at(tokens: list[Token], j: int, end: int, reach: int = 3, language: str = "ru") -> int | None:
    """The index of an infinitive at j or after a few adverbs / instrumental words.

    Any parse counts: after a comma in a list of infinitives an ambiguous form ("вести":
    news / to lead) is read as the verb."""
    for k in range(j, min(j + reach, end)):
        token = tokens[k]
        if is_infinitive(token) or any_parse(token, language, "INFN") or any_parse(token, language, "infn"):
            return k
        if pos(token) in ("ADVB", "PRCL", "CONJ", "PREP"):
            continue
        if pos(token) in ("NOUN", "ADJF") and "ablt" in tags(token):
            continue
        return None
    return None
