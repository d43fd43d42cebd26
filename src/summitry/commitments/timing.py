"""When a commitment is due: the dates of its clause, resolved by the dates stage.

A date that is a period of validity ("стратегия на 2026-2030 годы", "программа до 2026
г.") is not a deadline, and a date before publication is not a target. A range gives its
start ("в мае и в июне" → May). A commitment about an upcoming event that names no date
takes the date of the same event scheduled earlier in the text.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from summitry.commitments.lexicon import Lexicon
from summitry.doc import Commitment, DateExpr, DateValue, Doc

VALIDITY_REACH = 6  # words before a date where a "strategy/programme" noun makes it a period


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

    def due(self, start: int, end: int, first: int) -> DateValue | None:
        """The first date in the span that is neither a period of validity nor past."""
        for expr in self._dates_in(start, end):
            if self._validity(expr, first) or self._past(expr):
                continue
            return expr.value
        return None

    def has_past_date(self, start: int, end: int) -> bool:
        return any(self._past(e) for e in self._dates_in(start, end))

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
