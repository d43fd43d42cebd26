"""Scheduled commitments with a due date as an iCalendar file (RFC 5545), written by hand.

One all-day VEVENT per `scheduled_event` commitment that has a due date: on that day
for day precision, on the first day of the month or year for coarser ones (the
precision is said in the description). Text values are escaped (backslash, semicolon,
comma, newline) and content lines folded at 75 octets without splitting a character.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Iterable, TextIO

if TYPE_CHECKING:
    from summitry.store import Store
    from summitry.store.views import CommitmentView

CRLF = "\r\n"
LIMIT = 75  # octets per content line, CRLF not counted


def escape(text: str) -> str:
    """An iCalendar TEXT value (RFC 5545 3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """A content line folded to at most 75 octets a line (RFC 5545 3.1), CRLF-terminated."""
    pieces: list[str] = []
    current, size = "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        limit = LIMIT if not pieces else LIMIT - 1  # continuation lines start with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += ch
        size += width
    pieces.append(current)
    return (CRLF + " ").join(pieces) + CRLF


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def _summary(action: str, limit: int = 120) -> str:
    """A summary line: the action, cut at a word boundary when long."""
    if len(action) <= limit:
        return action
    return action[:limit].rsplit(" ", 1)[0] + "…"


def vevent(c: CommitmentView, stamp: str) -> list[str]:
    """The content lines of one commitment's VEVENT (unfolded)."""
    assert c.due is not None
    parts = [int(p) for p in c.due["value"].split("-")]
    start = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    actors = ", ".join(a.name for a in c.actors)
    description = [c.action or "", f"Actors: {actors}" if actors else "",
                   f"Due: {c.due['value']} ({c.due['precision']} precision)",
                   f"Status: {c.status}", f"Source: {c.source}"]
    description += [f"Evidence: {e.doc_id} {e.start}-{e.end}: {e.text}" for e in c.evidence]
    lines = [
        "BEGIN:VEVENT",
        f"UID:commitment-{c.doc_id}-{c.id}@summitry",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(start)}",
        f"DTEND;VALUE=DATE:{_day(start + timedelta(days=1))}",
        f"SUMMARY:{escape(_summary(c.action or c.kind))}",
        f"DESCRIPTION:{escape(chr(10).join(d for d in description if d))}",
    ]
    if c.place:
        lines.append(f"LOCATION:{escape(c.place.name)}")
    if c.sector:
        lines.append(f"CATEGORIES:{escape(c.sector)}")
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def calendar(commitments: Iterable[CommitmentView], now: datetime | None = None) -> str:
    """The whole VCALENDAR text for commitments that have a due date."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//summitry//commitments//EN",
             "CALSCALE:GREGORIAN", "X-WR-CALNAME:summitry commitments"]
    for c in commitments:
        if c.due:
            lines += vevent(c, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


def write_ical(store: Store, out: TextIO, *, as_of: date | None = None) -> int:
    """Write scheduled commitments with due dates; the number of events written.

    Open `out` with newline="" so that the CRLF line ends survive on every platform.
    """
    items = [c for c in store.commitments(kind="scheduled_event", as_of=as_of) if c.due]
    out.write(calendar(items))
    return len(items)
