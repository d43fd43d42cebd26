"""When a commitment is due: the dates of its clause, resolved by the dates stage.

A date that is a period of validity ("стратегия на 2026-2030 годы", "программа до 2026
г.") is not a deadline, and a date before publication is not a target. A range gives its
start ("в мае и в июне" → May). A commitment about an upcoming event that names no date
takes the date of the same event scheduled earlier in the text.

A commitment looks ahead, so a date the text left without a year or week ("в мае", "в
четверг", "15 сентября"), which the dates stage resolves to the latest such day on or
before publication, is read as the next one when that falls before publication.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache

from summitry.commitments.lexicon import Lexicon
from summitry.dates.grammar import grammar_for
from summitry.doc import Commitment, DateExpr, DateValue, Doc

VALIDITY_REACH = 6  # words before a date where a "strategy/programme" noun makes it a period
YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


@lru_cache(maxsize=8)
def _calendar(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Month words, weekday words, and words that fix a date's direction (past/next/this),
    from the language's date grammar (summitry.dates)."""
    lexicon = grammar_for(language).lexicon
    fixed = frozenset(lexicon.weekday_modifiers) | frozenset(lexicon.relative_adjectives)
    return frozenset(lexicon.months), frozenset(lexicon.weekdays), fixed


def ahead(expr: DateExpr, published: date | None, language: str) -> DateValue:
    """The value of a date read as ahead of publication: an unqualified weekday or a month
    without its year that the dates stage put before publication moves on a week or a year."""
    value = expr.value
    if published is None or not expr.relative or expr.kind != "point" or YEAR.search(expr.text):
        return value
    if last_day(expr.end_value or value) >= published:
        return value
    months, weekdays, fixed = _calendar(language)
    words = set(re.findall(r"\w+", expr.text.lower()))
    if words & fixed:
        return value
    first = value.as_date()
    if words & weekdays and value.precision == "day":
        return DateValue((first + timedelta(days=7)).isoformat(), "day")
    if words & months and value.precision in ("day", "month"):
        try:
            moved = first.replace(year=first.year + 1)
        except ValueError:  # 29 February
            moved = first.replace(year=first.year + 1, day=28)
        text = moved.isoformat() if value.precision == "day" else moved.isoformat()[:7]
        return DateValue(text, value.precision)
    return value


def last_day(value: DateValue) -> date:
    first = value.as_date()
    if value.precision == "day":
        return first
    if value.precision == "month":
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(first.year, 12, 31)


class Timing:
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self._token_starts = [t.start for t in doc.tokens]

    def _dates_in(self, start: int, end: int) -> list[DateExpr]:
        return [d for d in self.doc.dates if start <= d.start and d.end <= end]

    def _validity(self, expr: DateExpr, first: int) -> bool:
        text = expr.text.lower()
        if expr.end_value is not None and text.startswith(("на ", "for ")):
            return True
        k = bisect_left(self._token_starts, expr.start)
        for j in range(max(first, k - VALIDITY_REACH), k):
            if self.lex.has("validity_nouns", self.doc.tokens[j].keys):
                return True
        return False

    def _past(self, expr: DateExpr) -> bool:
        if self.doc.published is None:
            return False
        return last_day(expr.end_value or expr.value) < self.doc.published

    def _ahead(self, expr: DateExpr) -> DateExpr:
        value = ahead(expr, self.doc.published, self.doc.language or "")
        if value is expr.value:
            return expr
        return DateExpr(expr.start, expr.end, expr.text, value, None, expr.relative, expr.kind)

    def due(self, start: int, end: int, first: int) -> DateValue | None:
        """The first date in the span that is neither a period of validity nor past (read
        as ahead where the text left its year or week open)."""
        for expr in self._dates_in(start, end):
            expr = self._ahead(expr)
            if self._validity(expr, first) or self._past(expr):
                continue
            return expr.value
        return None

    def has_past_date(self, start: int, end: int, *, looking_ahead: bool = False) -> bool:
        """A date before publication in the span; `looking_ahead` for a future clause, where an
        open weekday or month counts as the next one."""
        exprs = self._dates_in(start, end)
        if looking_ahead:
            exprs = [self._ahead(e) for e in exprs]
        return any(self._past(e) for e in exprs)

    def future_date_after(self, start: int, end: int) -> bool:
        """A date that starts in [start, end) and lies after publication."""
        if self.doc.published is None:
            return False
        for expr in self.doc.dates:
            if start <= expr.start < end and expr.value.as_date() > self.doc.published:
                return True
        return False

    def event_day(self, start: int, end: int) -> DateValue | None:
        """The day of the event a signing "по итогам" refers to: the document's own event, else publication."""
        for event in self.doc.events:
            if event.date is not None and event.type in ("summit", "meeting"):
                return event.date
        if self.doc.published is not None:
            return DateValue(self.doc.published.isoformat(), "day")
        return None

    def inherit(self, commitments: list[Commitment]) -> None:
        """An undated mention of an upcoming event takes the due of the same event named before."""
        dated: list[tuple[set[str], DateValue]] = []
        for item in commitments:
            words = _event_words(self.doc, item)
            if item.due is not None and item.kind == "scheduled_event":
                dated.append((words, item.due))
            elif item.due is None and words and _upcoming(self.doc, self.lex, item):
                for earlier, value in reversed(dated):
                    if len(words & earlier) >= 2:
                        item.due = value
                        break


def _span_tokens(doc: Doc, item: Commitment) -> list[str]:
    span = item.evidence[0]
    return [t.lemma for t in doc.tokens if span.start <= t.start < span.end]


def _event_words(doc: Doc, item: Commitment) -> set[str]:
    """The event noun lemmas of a commitment with the names beside them (кey words of the event)."""
    span = item.evidence[0]
    mentions = {m.entity_id for m in doc.mentions if span.start <= m.start < span.end}
    lemmas = set(_span_tokens(doc, item))
    return {lemma for lemma in lemmas if lemma in _EVENTS} | mentions


def _upcoming(doc: Doc, lex: Lexicon, item: Commitment) -> bool:
    span = item.evidence[0]
    return any(lex.has("upcoming", t.keys) or lex.has("soon", t.keys)
               for t in doc.tokens if span.start <= t.start < span.end)


_EVENTS = frozenset({"саммит", "встреча", "форум", "конференция", "сессия", "саміт", "зустріч", "summit", "meeting", "forum"})
