"""Name normalization and quote location, exactly as shared/spec/evaluation.md defines them.

Names compare after NFKC, casefold, stripped diacritics and every dash, hyphen and
apostrophe variant turned into a space. Quotes are found in a system's `document.text`
after NFKC and whitespace collapsing on both sides (no casefold), and the match is mapped
back to offsets in the original text.
"""

from __future__ import annotations

import re
import unicodedata

# Hyphens, dashes and minus signs (U+2010..U+2015, U+2212, U+2043, small/fullwidth forms).
DASHES = "-\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d"
# Apostrophes, single quotation marks, primes, grave and acute accents used as apostrophes.
APOSTROPHES = "'`\u00b4\u02b9\u02bb\u02bc\u02bd\u02c8\u2018\u2019\u201a\u201b\u2032\uff07"
_TO_SPACE = str.maketrans({c: " " for c in DASHES + APOSTROPHES})


def normalize_name(name: str) -> str:
    """The form two names are compared in: "Xi’an" and "Xi-an" and "xi an" are equal."""
    text = unicodedata.normalize("NFKC", name).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = unicodedata.normalize("NFC", text).translate(_TO_SPACE)
    return " ".join(text.split())


def _clusters(text: str) -> list[tuple[int, int]]:
    """Spans of a base character with the combining marks that follow it.

    NFKC may compose a base with its marks, so the index map works cluster by cluster.
    """
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        spans.append((i, j))
        i = j
    return spans


def normalize_with_map(text: str) -> tuple[str, list[tuple[int, int]]]:
    """NFKC `text` and collapse whitespace runs to one space.

    Returns the normalized string and, for each of its characters, the span
    `(start, end)` of original characters it came from.
    """
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    for start, end in _clusters(text):
        for char in unicodedata.normalize("NFKC", text[start:end]):
            if char.isspace():
                if out and out[-1] == " ":
                    spans[-1] = (spans[-1][0], end)
                    continue
                char = " "
            out.append(char)
            spans.append((start, end))
    return "".join(out), spans


def normalize_quote(text: str) -> str:
    """The normalized form of a quote: NFKC, whitespace collapsed, ends stripped."""
    return normalize_with_map(text)[0].strip()


class QuoteIndex:
    """A text prepared once for locating many quotes in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.normalized, self._spans = normalize_with_map(text)

    def locate(self, quote: str) -> tuple[int, int] | None:
        """Offsets `(start, end)` in the original text of the first match of `quote`."""
        needle = normalize_quote(quote)
        if not needle:
            return None
        at = self.normalized.find(needle)
        if at < 0:
            return None
        return self._spans[at][0], self._spans[at + len(needle) - 1][1]


def locate_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Offsets of `quote` in `text` under evaluation.md's normalization, or None."""
    return QuoteIndex(text).locate(quote)


_SENTENCE_END = re.compile(r"[.!?…。！？]\s|\n")


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence (roughly) that holds `text[start:end]`, for explanations."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, max(end - 1, left))
    right = right_match.start() + 1 if right_match else len(text)
    sentence = " ".join(text[left:right].split())
    if len(sentence) > limit:
        sentence = sentence[: limit - 1] + "…"
    return sentence
