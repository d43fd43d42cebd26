"""Matching primitives: evidence spans, dates at a precision, Jaccard, greedy pairing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

Span = tuple[int, int]
SysDate = tuple[str, str]  # (value at its precision, precision)

_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
_PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}
_LENGTH_PRECISION = {4: "year", 7: "month", 10: "day"}


def spans_of(evidence: Any) -> list[Span]:
    """Evidence spans `[{"start", "end"}]`, skipping any that are malformed or empty."""
    spans = []
    for item in evidence or []:
        if isinstance(item, Mapping):
            start, end = item.get("start"), item.get("end")
            if isinstance(start, int) and isinstance(end, int) and end > start:
                spans.append((start, end))
    return spans


def overlap(spans: Iterable[Span], target: Span | None) -> int:
    """The largest number of characters any of `spans` shares with `target`."""
    if target is None:
        return 0
    return max((max(0, min(e, target[1]) - max(s, target[0])) for s, e in spans), default=0)


def system_date(value: Any) -> SysDate | None:
    """A system date `{"value", "precision"}` (or a bare string) cut to its precision."""
    if isinstance(value, Mapping):
        text, precision = value.get("value"), value.get("precision")
    elif isinstance(value, str):
        text, precision = value, _LENGTH_PRECISION.get(len(value))
    else:
        return None
    if not isinstance(text, str) or precision not in _PRECISION_LENGTH:
        return None
    return text[: _PRECISION_LENGTH[precision]], precision


def gold_date(value: str | None) -> SysDate | None:
    return (value, _LENGTH_PRECISION[len(value)]) if value else None


def date_compatible(gold: str | None, system: SysDate | None) -> bool:
    """Equal at the gold's precision, or no gold date. A coarser system date is not equal."""
    if gold is None:
        return True
    if system is None:
        return False
    gold_precision = _LENGTH_PRECISION[len(gold)]
    if _PRECISION_RANK[system[1]] < _PRECISION_RANK[gold_precision]:
        return False
    return system[0][: len(gold)] == gold


def date_equal(gold: str | None, system: SysDate | None) -> bool:
    """Same value and precision; two missing dates are equal."""
    return gold_date(gold) == system


def jaccard_at_least_half(a: set[str], b: set[str]) -> bool:
    """|A∩B| / |A∪B| ≥ 0.5 in integers, so 1/2 counts exactly; two empty sets give 1.0."""
    union = len(a | b)
    return union == 0 or 2 * len(a & b) >= union


def jaccard(a: set[str], b: set[str]) -> float:
    union = len(a | b)
    return 1.0 if union == 0 else len(a & b) / union


def show_date(value: SysDate | str | None) -> str:
    if value is None:
        return "no date"
    return value if isinstance(value, str) else value[0]


def greedy(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold, system) taken by descending score, ties by position."""
    pairs, used_gold, used_system = [], set(), set()
    for _, g, s in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_gold and s not in used_system:
            used_gold.add(g)
            used_system.add(s)
            pairs.append((g, s))
    return pairs
