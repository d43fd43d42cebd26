"""A day or month written without its year, inside a passage that narrates an earlier year.

News resolves "15 September" against the publication date. A retrospective passage does
not: "Three years ago, on 16 September 2022, the summit was held in Samarkand. … On the eve
of the summit, 15 September, he met Xi" means 15 September 2022. As HeidelTime does for
narratives, such a date takes the year of the explicit date just before it (its reference
time), but only where the passage plainly speaks of that earlier time:
- the reference is the date expression right before it, with a year of its own (not
  relative), a day or a month (a bare year, "в 2024 году товарооборот вырос", names a
  period the text cites, not a time it narrates), and a year before publication;
- nothing stands between them but ordinary text in the same or the next paragraph;
- the yearless date, read in the reference's year, lies at most `BEFORE` before the
  reference (its eve: "накануне, 15 вересня") or `AFTER` after it (a story told forward);
  a date weeks before its reference is more likely this year's news than that year's past.
A date so anchored anchors the next one in turn ("16 September 2022 … 15 September … 17 September").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from summitry.doc import DateExpr, DateValue

BEFORE = timedelta(days=7)  # a narrated day this close before its reference is of its year
AFTER = timedelta(days=31)  # and one this close after it
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n")  # a paragraph ends at a line break
MAX_BREAKS = 1  # the reference stands in the same paragraph or the one before

# groups that give a match its own year or tie it to the publication some other way
_ANCHORED = ("y1", "y1b", "y2", "rely", "relm", "ry", "rm", "cy", "cm", "rday", "wd", "sn", "dy", "dm", "wk", "eop")


def yearless(groups: dict[str, str | None]) -> bool:
    """True where a match names a month (and maybe a day) but no year and nothing relative."""
    return bool(groups.get("m1")) and not any(groups.get(g) for g in _ANCHORED)


def _with_year(value: DateValue, year: int) -> DateValue | None:
    try:
        day = value.as_date().replace(year=year)
    except ValueError:  # 29 February
        return None
    text = day.isoformat() if value.precision == "day" else day.isoformat()[:7]
    return DateValue(text, value.precision)


def _breaks(text: str, start: int, end: int) -> int:
    return len(PARAGRAPH_BREAK.findall(text, start, end))


def in_retrospect(text: str, exprs: list[DateExpr], yearless_at: set[int], published: date | None) -> list[DateExpr]:
    """`exprs` (sorted by start) with each yearless date of a retrospective passage moved to
    the passage's year (see the module doc)."""
    if published is None:
        return exprs
    out = list(exprs)
    anchored: set[int] = set()  # starts of yearless dates already moved: they anchor the next
    for i in range(1, len(out)):
        expr, ref = out[i], out[i - 1]
        if expr.start not in yearless_at or expr.kind != "point":
            continue
        if ref.kind != "point" or ref.value.precision == "year" or (ref.relative and ref.start not in anchored):
            continue
        year = ref.value.as_date().year
        if year >= published.year or _breaks(text, ref.end, expr.start) > MAX_BREAKS:
            continue
        target = ref.value.as_date()
        options = [v for y in (year - 1, year, year + 1) if (v := _with_year(expr.value, y)) is not None]
        if not options:
            continue
        best = min(options, key=lambda v: abs(v.as_date() - target))
        if not target - BEFORE <= best.as_date() <= target + AFTER or best.as_date().year >= published.year:
            continue
        shift = best.as_date().year - expr.value.as_date().year
        end = _with_year(expr.end_value, expr.end_value.as_date().year + shift) if expr.end_value else None
        out[i] = replace(expr, value=best, end_value=end)
        anchored.add(expr.start)
    return out
