"""Resolving a date match against the publication date: the absolute value its groups name.

Besides points in time the grammar reads durations, deadlines, seasons and weeks:
- a duration ("в течение шести лет", "within three years") is resolved to its END counted
  from publication at the precision of its unit (published 2025-06-17 + 3 years → 2028):
  a commitment's due is its deadline. `end_value` is that end too, so a period of validity
  ("на ближайшие три года", "for the next five years") still reads as a range;
- an end of period ("до конца марта", "by the end of 2025") is the period at its own
  precision; a month without a year that has already passed this year is next year's;
- a season is its year at year precision (a season is three months: naming one of them
  would claim more than the text says). A bare season is the occurrence whose middle month
  is nearest to publication (ties: the later one); "last/прошлой" the latest that has
  ended, "next/следующей" the first that starts after publication, "this/этой" the one of
  the published year. A winter straddles two years: it takes the year of its month
  nearest to publication;
- a week ("на следующей неделе") is the month of that week's Monday.
"""

from __future__ import annotations

from datetime import date, timedelta

from summitry.dates.grammar import Lexicon, _key
from summitry.doc import DateValue

# a day+month without a year is read as this year unless that lands this far after publication
FUTURE_TOLERANCE = timedelta(days=61)
# the longest year range taken as a date ("2026-2030 годы"); longer spans are something else
MAX_YEAR_SPAN = 50
# the longest duration taken as one ("в ближайшие 50 лет" is still a horizon, not a date)
MAX_DURATION_YEARS = 50

Resolved = tuple[DateValue, DateValue | None, bool, str]


def _day(d: date) -> DateValue:
    return DateValue(d.isoformat(), "day")


def _value(year: int, month: int | None, day: int | None) -> DateValue:
    if day is not None and month is not None:
        return DateValue(date(year, month, day).isoformat(), "day")
    if month is not None:
        date(year, month, 1)  # validates
        return DateValue(f"{year:04d}-{month:02d}", "month")
    return DateValue(f"{year:04d}", "year")


def _shift_month(d: date, offset: int) -> DateValue:
    year, month0 = divmod(d.year * 12 + d.month - 1 + offset, 12)
    return DateValue(f"{year:04d}-{month0 + 1:02d}", "month")


def _weekday(published: date, weekday: int, direction: str) -> date:
    if direction == "future":
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    if direction == "past" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _days_near(published: date, day: int) -> list[date]:
    """Day `day` of the month before, of and after the publication's month, where it exists."""
    out = []
    for offset in (-1, 0, 1):
        year, month0 = divmod(published.year * 12 + published.month - 1 + offset, 12)
        try:
            out.append(date(year, month0 + 1, day))
        except ValueError:
            continue
    return out


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _month(text: str | None, lexicon: Lexicon) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return lexicon.months.get(_key(text))


def _count(text: str | None, lexicon: Lexicon) -> int | None:
    """A number of units written in digits or as a word ("шести", "three", "үш")."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return lexicon.numbers.get(_key(text))


def _duration(groups: dict[str, str | None], lexicon: Lexicon, published: date) -> DateValue | None:
    """The end of "within N years/months" counted from publication (see the module doc)."""
    years, months = _count(groups.get("dy"), lexicon), _count(groups.get("dm"), lexicon)
    if years is not None:
        if not 0 < years <= MAX_DURATION_YEARS:
            return None
        return DateValue(f"{published.year + years:04d}", "year")
    if months is not None and 0 < months <= 12 * MAX_DURATION_YEARS:
        return _shift_month(published, months)
    return None


def _season_year(first: int, direction: str | None, published: date) -> int:
    """The year of the season that starts in month `first`, as the module doc describes."""
    pub = published.year * 12 + published.month - 1

    def start(year: int) -> int:
        return year * 12 + first - 1

    years = range(published.year - 2, published.year + 3)
    if direction == "past":
        year = max(y for y in years if start(y) + 2 < pub)
    elif direction == "next":
        year = min(y for y in years if start(y) > pub)
    elif direction == "near":
        year = min(y for y in years if start(y) + 2 >= pub)
    elif direction == "this":
        year = published.year - 1 if first == 12 and published.month <= 2 else published.year
    else:
        year = min(years, key=lambda y: (abs(start(y) + 1 - pub), -y))
    nearest = min(range(start(year), start(year) + 3), key=lambda m: abs(m - pub))
    return nearest // 12


def _week(published: date, direction: str) -> DateValue:
    offset = {"past": -1, "this": 0}.get(direction, 1)
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
    return DateValue(f"{monday.year:04d}-{monday.month:02d}", "month")


def _resolve(groups: dict[str, str | None], lexicon: Lexicon, published: date | None) -> Resolved | None:
    """The absolute value a match names, or None where it names none (or needs `published`)."""
    if groups.get("dy") or groups.get("dm"):
        if published is None:
            return None
        end = _duration(groups, lexicon, published)
        return (end, end, True, "duration") if end is not None else None
    if groups.get("wk"):
        direction = lexicon.period_modifiers.get(_key(groups.get("wkmod") or ""))
        if published is None or direction is None:
            return None
        return _week(published, direction), None, True, "point"
    found = _resolve_point(groups, lexicon, published)
    if found is None:
        return None
    value, end, relative = found
    if groups.get("sn"):
        return value, end, relative, "season"
    if not groups.get("eop"):
        return value, end, relative, "point"
    # "до конца марта" said in June is next March's end: a deadline lies ahead
    if (relative and published is not None and value.precision == "month" and end is None
            and not (groups.get("rely") or groups.get("ry") or groups.get("relm") or groups.get("rm"))
            and value.value < f"{published.year:04d}-{published.month:02d}"):
        value = DateValue(f"{int(value.value[:4]) + 1:04d}{value.value[4:]}", "month")
    return value, end, relative, "deadline"


def _resolve_point(groups: dict[str, str | None], lexicon: Lexicon,
                   published: date | None) -> tuple[DateValue, DateValue | None, bool] | None:
    """A day, month, year or range; a season; a bare current year or month ("до конца года")."""
    if groups.get("rday"):
        if published is None:
            return None
        return _day(published + timedelta(days=lexicon.relative_days[_key(groups["rday"] or "")])), None, True
    if groups.get("wd"):
        if published is None:
            return None
        direction = lexicon.weekday_modifiers.get(_key(groups.get("wmod") or ""), "latest")
        return _day(_weekday(published, lexicon.weekdays[_key(groups["wd"] or "")], direction)), None, True

    rel_year: int | None = None
    for group, table in (("rely", lexicon.relative_adjectives), ("ry", lexicon.relative_years)):
        if groups.get(group):
            if published is None:
                return None
            rel_year = published.year + table[_key(groups[group] or "")]
    for group, table in (("relm", lexicon.relative_adjectives), ("rm", lexicon.relative_months)):
        if groups.get(group):
            if published is None:
                return None
            return _shift_month(published, table[_key(groups[group] or "")]), None, True
    # a bare "года"/"месяца" after "до конца", "в начале": the current one
    if groups.get("cm") is not None:
        return (_shift_month(published, 0), None, True) if published is not None else None
    if groups.get("cy") is not None and rel_year is None:
        if published is None:
            return None
        rel_year = published.year
    if groups.get("sn"):
        explicit = _int(groups.get("y1") or groups.get("y1b"))
        if explicit is not None:
            return DateValue(f"{explicit:04d}", "year"), None, False
        if rel_year is not None:
            return DateValue(f"{rel_year:04d}", "year"), None, True
        if published is None:
            return None
        first = lexicon.seasons[_key(groups["sn"] or "")]
        modifier = lexicon.period_modifiers.get(_key(groups.get("smod") or ""))
        return DateValue(f"{_season_year(first, modifier, published):04d}", "year"), None, True

    d1, d2 = _int(groups.get("d1")), _int(groups.get("d2"))
    m1, m2 = _month(groups.get("m1"), lexicon), _month(groups.get("m2"), lexicon)
    y1 = _int(groups.get("y1") or groups.get("y1b"))
    y2 = _int(groups.get("y2"))
    if d1 is not None and d2 is None and m1 is None and m2 is None and y1 is None and y2 is None:
        # a day alone ("21日"): that day of the month nearest publication: "21日" published on
        # the 22nd is yesterday, "28日" published on the 3rd the 28th of the month before,
        # "2日" published on the 30th the 2nd of the next (ties: the earlier)
        if published is None:
            return None
        days = _days_near(published, d1)
        if not days:
            return None
        return _day(min(days, key=lambda d: (abs(d - published), d))), None, True
    if y1 is None and y2 is None and m1 is None and m2 is None:
        if rel_year is None:
            return None
        return DateValue(f"{rel_year:04d}", "year"), None, True

    if y2 is not None and y2 < 100:  # "2025-26"
        if y1 is None:
            return None
        y2 += y1 // 100 * 100
    ranged = d2 is not None or m2 is not None or y2 is not None
    if m1 is None:
        m1 = m2
    if ranged and m2 is None:
        m2 = m1
    wraps = m1 is not None and m2 is not None and m2 < m1  # "30 декабря - 5 января"

    relative = False
    if y1 is None and y2 is not None:
        y1 = y2 - wraps
    elif y1 is None and rel_year is not None:
        y1, relative = rel_year, True
    elif y1 is None:
        if published is None or m1 is None:
            return None
        y1, relative = published.year, True
        if d1 is not None:
            try:
                if date(y1, m1, d1) > published + FUTURE_TOLERANCE:
                    y1 -= 1
            except ValueError:
                return None
    if ranged and y2 is None:
        y2 = y1 + wraps

    try:
        start = _value(y1, m1, d1)
        end = _value(y2, m2, d2 if d1 is not None else None) if ranged and y2 is not None else None
    except ValueError:
        return None
    if end is not None:
        if m1 is None and y2 is not None and not 0 < y2 - y1 <= MAX_YEAR_SPAN:
            return None
        if end.as_date() < start.as_date() or end == start:
            return None
    return start, end, relative
