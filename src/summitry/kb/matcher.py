"""Phrase matching on lemmas: knowledge-base names and office titles found in any case.

A phrase is a sequence of words; each word carries the set of keys it may match under
(its lowercase form and its possible nominative lemmas). A text token matches a phrase
word when their key sets intersect, so "Токаевым", "Казахстані", "Шанхайской
организации сотрудничества" match the nominative names written in the knowledge base.
Chinese names are matched on characters with an Aho-Corasick automaton.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Iterable, TypeVar

import ahocorasick

from summitry.doc import Token
from summitry.morph import analyse, analyzer, is_cyrillic

WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}
_GAP = re.compile(r"^[\s\-‐‑‒–—―.,«»\"'“”„/+&()]{0,4}$")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Word:
    keys: frozenset[str]
    caps: bool  # the text must capitalise it too
    upper: bool  # an acronym: the text must write it in capitals
    exact: str | None  # case-sensitive: the text must write it exactly so


@dataclass(frozen=True, slots=True)
class Phrase(Generic[T]):
    words: tuple[Word, ...]
    value: T
    text: str


@lru_cache(maxsize=100_000)
def _alias_word(word: str, language: str) -> tuple[frozenset[str], bool]:
    """(keys, is a proper name) of a word written in its dictionary form.

    Keys are the word itself and its nominative lemmas under the language's analyzer
    (Russian for Cyrillic names of other languages); Kazakh names get their stems.
    """
    lower = word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    keys = {lower}
    if not is_cyrillic(word):
        return frozenset(keys | analyse(lower, "en")[2]), True
    if language == "kk":
        return frozenset(keys | analyse(lower, "kk")[2]), True
    morph = analyzer(language if language in ("ru", "uk") else "ru")
    assert morph is not None
    head, sep, last = lower.rpartition("-")
    prefix = head + sep if sep and last else ""
    parses = morph.parse(last if prefix else lower)
    nominative = [p for p in parses if "nomn" in p.tag or "Fixd" in p.tag]
    for parse in (nominative or parses[:1])[:4]:
        keys.add(prefix + parse.normal_form.replace("ё", "е"))
    proper = True
    for parse in parses[:3]:
        if parse.is_known and not (_PROPER & set(str(parse.tag).replace(" ", ",").split(","))):
            proper = False
    return frozenset(keys), proper


def word_keys(word: str, language: str = "ru") -> frozenset[str]:
    """Keys of a word written in its dictionary form: itself and its nominative lemmas."""
    return _alias_word(word, language)[0]


def _zh_words(text: str) -> list[str]:
    """A Chinese lexicon phrase as jieba cuts it ("提出倡议": 提出, 倡议); spaces split it too."""
    import jieba

    jieba.setLogLevel(60)
    return [w for chunk in text.split() for w in jieba.cut(chunk) if WORD.fullmatch(w)]


def compile_phrase(
    text: str, value: T, *, case_sensitive: bool = False, language: str = "ru"
) -> Phrase[T] | None:
    """A phrase from words written in their dictionary form, in a language."""
    pieces = _zh_words(text) if language == "zh" else WORD.findall(text)
    if not pieces:
        return None
    words = []
    single = len(pieces) == 1
    analysed = [_alias_word(piece, language) for piece in pieces]
    # A name made only of common words ("Консультативная встреча", "Деловой совет") is a
    # name only when written as one: its capitalised first word must stay capitalised.
    generic = not any(proper for _, proper in analysed)
    for k, (piece, (keys, proper)) in enumerate(zip(pieces, analysed)):
        upper = piece.isupper() and len(piece) <= 6 and not piece.isdigit()
        caps = piece[:1].isupper() and (single or proper or (generic and k == 0))
        words.append(Word(keys, caps, upper, piece if case_sensitive else None))
    return Phrase(tuple(words), value, text)


class PhraseIndex(Generic[T]):
    """Phrases indexed by the keys of their first word; `find` returns the longest matches."""

    def __init__(self, phrases: Iterable[Phrase[T]]) -> None:
        self._first: dict[str, list[Phrase[T]]] = {}
        for phrase in phrases:
            for key in phrase.words[0].keys:
                self._first.setdefault(key, []).append(phrase)

    @staticmethod
    def _fits(word: Word, token: Token) -> bool:
        if word.exact is not None:
            return token.text == word.exact
        if word.upper and not token.text.isupper():
            return False
        if word.caps and not token.text[:1].isupper():
            return False
        return not word.keys.isdisjoint(token.keys)

    def matches_at(self, tokens: list[Token], i: int, text: str) -> list[tuple[int, Phrase[T]]]:
        """(end index exclusive, phrase) of every phrase that starts at token i."""
        seen: set[int] = set()
        out = []
        for key in tokens[i].keys:
            for phrase in self._first.get(key, ()):
                if id(phrase) in seen:
                    continue
                seen.add(id(phrase))
                n = len(phrase.words)
                if i + n > len(tokens):
                    continue
                ok = True
                for k, word in enumerate(phrase.words):
                    token = tokens[i + k]
                    if k and not _GAP.match(text[tokens[i + k - 1].end : token.start]):
                        ok = False
                        break
                    if not self._fits(word, token):
                        ok = False
                        break
                if ok:
                    out.append((i + n, phrase))
        return out

    def find(self, tokens: list[Token], text: str) -> list[tuple[int, int, list[Phrase[T]]]]:
        """Non-overlapping longest matches as (first token, end token, phrases of that length)."""
        found: list[tuple[int, int, list[Phrase[T]]]] = []
        i = 0
        while i < len(tokens):
            hits = self.matches_at(tokens, i, text)
            if not hits:
                i += 1
                continue
            end = max(e for e, _ in hits)
            found.append((i, end, [p for e, p in hits if e == end]))
            i = end
        return found


class CharIndex(Generic[T]):
    """Names matched on characters (Chinese), longest first, with pyahocorasick."""

    def __init__(self, names: Iterable[tuple[str, T]]) -> None:
        self._automaton = ahocorasick.Automaton()
        grouped: dict[str, list[T]] = {}
        for name, value in names:
            grouped.setdefault(name, []).append(value)
        for name, values in grouped.items():
            self._automaton.add_word(name, (name, values))
        self._empty = not grouped
        if grouped:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, list[T]]]:
        if self._empty:
            return []
        hits = []
        for end, (name, values) in self._automaton.iter(text):
            hits.append((end + 1 - len(name), end + 1, values))
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: list[tuple[int, int, list[T]]] = []
        for hit in hits:
            if all(hit[1] <= t[0] or hit[0] >= t[1] for t in taken):
                taken.append(hit)
        return sorted(taken, key=lambda h: h[0])
