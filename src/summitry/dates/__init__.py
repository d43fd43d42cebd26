"""Date expressions: found by a small grammar kept as data, resolved against the publication date.

The grammar (summitry.dates.grammar) lives in `rules/dates.yaml` (shared) and
`rules/<lang>/dates.yaml` (lexicons and rules per language); its regexes are compiled once
per language. Rules run only near anchors (numbers and lexicon words); each match is resolved
by summitry.dates.resolver, which says how durations, deadlines, seasons and weeks resolve.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import Iterator

from summitry.dates.grammar import (  # noqa: F401  (importable from summitry.dates as before)
    COMMON_FILE, RULES_DIR, Grammar, Lexicon, Rule, _expand, _key, grammar_for,
)
from summitry.dates.narrative import in_retrospect, yearless
from summitry.dates.resolver import (  # noqa: F401
    FUTURE_TOLERANCE, MAX_DURATION_YEARS, MAX_YEAR_SPAN, Resolved, _resolve,
)
from summitry.doc import DateExpr
from summitry.morph import analyzer

__all__ = ["find_dates", "grammar_for", "Grammar", "Lexicon"]

# rules run only near anchors: a match starts at most BEFORE characters before its first
# anchor ("начиная с 2026") and ends at most AFTER characters past its last one
WINDOW_BEFORE = 24
WINDOW_AFTER = 32
_WORD = re.compile(r"\w+")
_NOMINAL = {"NOUN", "ADJF", "NPRO", "NUMR", "PRTF"}
_NUMBER = re.compile(r"(?<!\w)\d+")
# a window ends before one of these: no rule's lookahead treats them differently from the end
_WINDOW_STOP = re.compile(r"[\s，。；！？、]")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _starts(text: str, grammar: Grammar) -> list[int]:
    """Where a match may begin in a spaced text: each anchor word, and the lead words just
    before it (a preposition or a modifier: "начиная с 2026", "в прошлую субботу")."""
    lowered = text.lower()
    n = len(lowered)
    anchors = [m.start() for m in _NUMBER.finditer(lowered)]
    # the few lexicon words this text holds, then where they stand (str.find is far faster
    # than a regex over every word of the text)
    for word in grammar.anchor_words.intersection(_WORD.findall(lowered)):
        size = len(word)
        at = lowered.find(word)
        while at >= 0:
            end = at + size
            if (at == 0 or not _is_word_char(lowered[at - 1])) and (end == n or not _is_word_char(lowered[end])):
                anchors.append(at)
            at = lowered.find(word, end)
    starts: set[int] = set(anchors)
    leads = grammar.lead_words
    for anchor in anchors:
        for match in _WORD.finditer(lowered, max(0, anchor - WINDOW_BEFORE), anchor):
            start = match.start()
            if match.group() in leads and (start == 0 or not _is_word_char(lowered[start - 1])):
                starts.add(start)
    return sorted(starts)


def _windows(text: str, anchor: re.Pattern[str]) -> list[tuple[int, int]]:
    """Stretches of an unspaced text around anchors, merged; each ends before a stop so
    that a rule's lookahead at the window's end sees what it would see in the whole text."""
    n = len(text)
    out: list[tuple[int, int]] = []
    for match in anchor.finditer(text):
        lo = max(0, match.start() - WINDOW_BEFORE)
        hi = min(n, match.end() + WINDOW_AFTER)
        if hi < n:
            stop = _WINDOW_STOP.search(text, hi)
            hi = stop.start() if stop else n
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _matches(text: str, grammar: Grammar) -> Iterator[list[re.Match[str]]]:
    """The rules' matches near the anchors, grouped by where they start, longest first."""
    if grammar.anchor is None:
        patterns = [rule.pattern for rule in grammar.rules]
        for pos in _starts(text, grammar):
            found = [m for m in (p.match(text, pos) for p in patterns) if m is not None and m.end() > pos]
            if found:
                found.sort(key=lambda m: m.start() - m.end())
                yield found
        return
    for lo, hi in _windows(text, grammar.anchor):
        for rule in grammar.rules:
            for match in rule.pattern.finditer(text, lo, hi):
                if match.end() > match.start():
                    yield [match]


_NEXT_WORDS = re.compile(r"[ \t]+(\w+)(?:[ \t]+(\w+))?")


def _eve_of(text: str, end: int, grammar: Grammar) -> bool:
    """Whether an eve word ending at `end` governs what follows ("накануне саммита",
    "напередодні візиту", "on the eve of", "the day before the summit") rather than standing
    alone as an adverb of time ("Накануне министры провели переговоры", "the day before,").

    With an analyzer: the next word's best parse is genitive, unless it can be a subject
    with a finite verb right after it ("Накануне стороны обсудили"). Without one: the next
    word is an `eve_objects` word or a capitalized name.
    """
    found = _NEXT_WORDS.match(text, end)
    if found is None:
        return False  # punctuation or the end: an adverb
    word, after = found.group(1), found.group(2)
    morph = analyzer(grammar.language)
    if morph is None:
        return _key(word) in grammar.lexicon.eve_objects or word[:1].isupper() or word[:1].isdigit()
    parses = morph.parse(word.lower())
    if not parses or "gent" not in parses[0].tag or parses[0].tag.POS not in _NOMINAL:
        return False
    subject = any("nomn" in p.tag for p in parses[:4])
    if subject and after is not None:
        verb = morph.parse(after.lower())[0]
        if verb.tag.POS == "VERB":
            return False  # "Накануне стороны обсудили ...": the subject of a verb
    return True


def find_dates(text: str, language: str, published: date | None) -> list[DateExpr]:
    """Every date expression in `text`, resolved; sorted by start, non-overlapping, longest wins."""
    grammar = grammar_for(language or "")
    candidates: list[tuple[int, int, Resolved]] = []
    no_year: set[int] = set()  # starts of matches that name a day or month without a year
    for group in _matches(text, grammar):
        # the longest match at a start that names a date; shorter ones there are never needed
        for match in group:
            groups = match.groupdict()
            if groups.get("rday") and _key(groups["rday"]) in grammar.lexicon.eves and _eve_of(text, match.end(), grammar):
                continue  # "накануне саммита": the eve of that event, not of publication
            resolved = _resolve(groups, grammar.lexicon, published)
            if resolved is not None:
                candidates.append((match.start(), match.end(), resolved))
                if yearless(groups):
                    no_year.add(match.start())
                break

    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    starts: list[int] = []
    ends: list[int] = []
    chosen: dict[int, DateExpr] = {}
    for start, end, (value, end_value, relative, kind) in candidates:
        i = bisect.bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        chosen[start] = DateExpr(start, end, text[start:end], value, end_value, relative, kind)
    # a yearless day in a passage about an earlier year is of that year (summitry.dates.narrative)
    return in_retrospect(text, [chosen[s] for s in starts], no_year, published)
