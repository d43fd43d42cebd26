"""Datelines: a publication date written at the head of a text.

Three shapes, in ru/uk/en: ISO `2025-09-01`, `17.06.2025`, and `17 июня 2025` /
`June 17, 2025`. A date counts as a dateline only near the start of the text and only
where it stands as a dateline: on a short line, or at the head of a line and followed
by a separator ("Астана, 17 июня 2025. AGENCY - ..."), never inside a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from summitry.ingest.rules import load_rules

HEAD_CHARS = 300  # a dateline starts within this many characters of the text
SHORT_LINE = 80  # a line this short holding a date is a dateline
MAX_PREFIX = 40  # at most this much ("Астана, ") before a date on a longer line
_TIME = r"(?:,?\s*(?:в\s+)?\d{1,2}:\d{2}(?::\d{2})?)?"
_SEPARATOR = re.compile(r"\s*(?:$|[.,|/]|--|[—–]|\s-\s)")


@dataclass(frozen=True)
class DateMatch:
    """A date found in a line: its value and its span in that line."""

    value: date
    start: int
    end: int


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    rules = load_rules()
    months = "|".join(sorted((re.escape(m) for m in rules.months), key=len, reverse=True))
    return (
        re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
        re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d])"),
        re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<mn>{months})\.?\s+(?P<y>\d{{4}})(?!\d)"
            r"(?:\s*(?:года|г\.|року|р\.))?",
            re.IGNORECASE,
        ),
        re.compile(
            rf"\b(?P<mn>{months})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})(?!\d)", re.IGNORECASE
        ),
    )


def find_dates(line: str) -> list[DateMatch]:
    """Every valid calendar date of the three shapes in `line`, in order of position."""
    months = load_rules().months
    found: list[DateMatch] = []
    for pattern in _patterns():
        for m in pattern.finditer(line):
            groups = m.groupdict()
            month = months[groups["mn"].lower()] if groups.get("mn") else int(groups["m"])
            try:
                value = date(int(groups["y"]), month, int(groups["d"]))
            except ValueError:
                continue
            found.append(DateMatch(value, m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def dateline_only(line: str) -> tuple[date, str] | None:
    """(date, rest) when `line` is only an optional label, a date, a time and `rest`.

    Used by cleaning for lines like " date 2025-09-01 Фото: Акорда": the caller decides
    whether `rest` (here a photo credit) lets it drop the line.
    """
    stripped = line.strip()
    label = re.compile(rf"(?:(?:{load_rules().dateline_label_re})\s*:?\s*)?", re.IGNORECASE)
    head = label.match(stripped)
    offset = head.end() if head else 0
    for match in find_dates(stripped):
        if match.start != offset:
            continue
        time = re.compile(_TIME).match(stripped, match.end)
        rest_start = time.end() if time else match.end
        return match.value, stripped[rest_start:].strip()
    return None


def find_dateline(text: str) -> date | None:
    """The publication date written at the head of `text`, or None."""
    position = 0
    for line in text[: HEAD_CHARS + 200].split("\n"):
        if position > HEAD_CHARS:
            break
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        for match in find_dates(stripped):
            if len(stripped) <= SHORT_LINE:
                return match.value
            prefix = stripped[: match.start]
            if match.start > MAX_PREFIX or re.search(r"[.!?]\s", prefix):
                continue
            time = re.compile(_TIME).match(stripped, match.end)
            after = time.end() if time else match.end
            if _SEPARATOR.match(stripped, after):
                return match.value
    return None
