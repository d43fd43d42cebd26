"""Date expressions: found by a small grammar kept as data, resolved against the publication date.

The grammar lives in `rules/dates.yaml` (shared) and `rules/<lang>/dates.yaml` (lexicons and
rules per language). A rule is a regex written with `{MACRO}` placeholders; its named groups
(d1 m1 y1, d2 m2 y2, rday, rely, relm, ry, rm, wd, wmod, dy dm, eop cy cm, sn smod, wk wkmod)
are all the resolver reads, so a linguist can add a rule without touching this file.
Regexes are compiled once per language.

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

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterator

import yaml

from summitry.doc import DateExpr, DateValue
from summitry.errors import KnowledgeBaseError

__all__ = ["find_dates", "grammar_for", "Grammar", "Lexicon"]

RULES_DIR = Path(__file__).parent / "rules"
COMMON_FILE = RULES_DIR / "dates.yaml"

# a day+month without a year is read as this year unless that lands this far after publication
FUTURE_TOLERANCE = timedelta(days=61)
# rules run only near anchors: a match starts at most BEFORE characters before its first
# anchor ("начиная с 2026") and ends at most AFTER characters past its last one
WINDOW_BEFORE = 24
WINDOW_AFTER = 32
# the longest year range taken as a date ("2026-2030 годы"); longer spans are something else
MAX_YEAR_SPAN = 50

_DIRECTIONS = frozenset({"past", "this", "next", "near"})
# the longest duration taken as one ("в ближайшие 50 лет" is still a horizon, not a date)
MAX_DURATION_YEARS = 50
_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_APOSTROPHES = re.compile(r"[’ʼ`]")
_SPACES = re.compile(r"\s+")
_NEVER = "(?!)"
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"(?<!\w)\d+")
# a window ends before one of these: no rule's lookahead treats them differently from the end
_WINDOW_STOP = re.compile(r"[\s，。；！？、]")


def _key(word: str) -> str:
    """The lookup key of a matched word: lowercase, one apostrophe, single spaces."""
    return _SPACES.sub(" ", _APOSTROPHES.sub("'", word.strip().lower()))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What matched words mean: month and weekday numbers, relative offsets."""

    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_modifiers: dict[str, str]
    relative_days: dict[str, int]
    relative_adjectives: dict[str, int]
    relative_years: dict[str, int]
    relative_months: dict[str, int]
    numbers: dict[str, int]
    seasons: dict[str, int]  # a season word → the season's first month (3, 6, 9, 12)
    period_modifiers: dict[str, str]  # before a season or a week: past, this, next, near


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]

    def __repr__(self) -> str:
        return f"Rule({self.name!r})"


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled date grammar of one language."""

    language: str
    lexicon: Lexicon
    rules: tuple[Rule, ...]
    # a number or a lexicon word: every date expression holds one, so rules run only near them.
    # Texts with spaces are cut into words and looked up in `anchor_words`; Chinese, which has
    # none, is searched with `anchor`.
    anchor_words: frozenset[str]
    anchor: re.Pattern[str] | None
    # words that may open a match before its anchor: prepositions, modifiers, `lead_words`
    lead_words: frozenset[str]

    def __repr__(self) -> str:
        return f"Grammar({self.language!r}, {len(self.rules)} rules)"


# ---------------------------------------------------------------- building the grammar


def _char(ch: str) -> str:
    if ch == "'":
        return "['’ʼ`]"
    if ch == " ":
        return r"\s+"
    return re.escape(ch)


def _alternation(words: list[str], case_sensitive: bool = False) -> str:
    """One regex matching any of `words`, as a trie so that matching stays linear."""
    if not words:
        return _NEVER
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in (word if case_sensitive else _key(word)):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [_char(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    regex = f"(?:{build(trie)})"
    return f"(?-i:{regex})" if case_sensitive else regex


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{path}: expected a mapping at the top, found {type(data).__name__}")
    return data


def _numbered(data: dict[str, Any], name: str, path: Path) -> dict[str, int]:
    """A lexicon written as {number: [forms]} turned into {form: number}."""
    out: dict[str, int] = {}
    for number, forms in (data.get(name) or {}).items():
        if not isinstance(forms, list):
            raise KnowledgeBaseError(f"{path}: {name}.{number} should be a list of forms, found {forms!r}")
        for form in forms:
            out[_key(_word(form, f"{path}: {name}.{number}"))] = int(number)
    return out


def _offsets(data: dict[str, Any], name: str, path: Path) -> dict[str, int]:
    """A lexicon written as {word: offset}."""
    table = data.get(name) or {}
    if not isinstance(table, dict):
        raise KnowledgeBaseError(f"{path}: {name} should map words to offsets, found {table!r}")
    return {_key(str(word)): int(offset) for word, offset in table.items()}


def _word(value: Any, where: str) -> str:
    # YAML 1.1 reads bare on/off/yes/no as booleans; a lexicon word must be quoted then
    if isinstance(value, bool) or value is None:
        raise KnowledgeBaseError(f"{where}: found {value!r} where a word was expected; quote it ('on')")
    return str(value)


def _forms(data: dict[str, Any], name: str) -> list[str]:
    return [_word(w, name) for w in (data.get(name) or [])]


def _expand(pattern: str, macros: dict[str, str], where: str, depth: int = 0) -> str:
    if depth > 10:
        raise KnowledgeBaseError(f"{where}: macros nest too deep (a macro that uses itself?)")

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise KnowledgeBaseError(f"{where}: unknown macro {{{name}}}; known: {sorted(macros)}")
        return "(?:" + _expand(macros[name], macros, where, depth + 1) + ")"

    return _MACRO.sub(one, pattern)


@functools.lru_cache(maxsize=None)
def grammar_for(language: str) -> Grammar:
    """The compiled grammar of `language`; shared rules only where it has no file of its own."""
    common = _load_yaml(COMMON_FILE)
    path = RULES_DIR / language / "dates.yaml"
    data = _load_yaml(path) if path.is_file() else {}
    sensitive = set(_forms(data, "case_sensitive"))

    months = _numbered(data, "months", path)
    weekdays = _numbered(data, "weekdays", path)
    modifiers: dict[str, str] = {}
    for direction, forms in (data.get("weekday_modifiers") or {}).items():
        for form in forms:
            modifiers[_key(str(form))] = str(direction)
    period_modifiers: dict[str, str] = {}
    for direction, forms in (data.get("period_modifiers") or {}).items():
        if direction not in _DIRECTIONS:
            raise KnowledgeBaseError(f"{path}: period_modifiers.{direction}: expected one of {sorted(_DIRECTIONS)}")
        for form in forms:
            period_modifiers[_key(_word(form, f"{path}: period_modifiers"))] = str(direction)
    lexicon = Lexicon(
        months=months,
        weekdays=weekdays,
        weekday_modifiers=modifiers,
        relative_days=_offsets(data, "relative_days", path),
        relative_adjectives=_numbered(data, "relative_adjectives", path),
        relative_years=_offsets(data, "relative_years", path),
        relative_months=_offsets(data, "relative_months", path),
        numbers=_numbered(data, "numbers", path),
        seasons=_numbered(data, "seasons", path),
        period_modifiers=period_modifiers,
    )

    def forms_of(name: str) -> list[str]:
        table = data.get(name) or {}
        if isinstance(table, dict):
            return [_word(f, f"{path}: {name}") for v in table.values() for f in (v if isinstance(v, list) else [v])]
        return [_word(f, f"{path}: {name}") for f in table]

    macros: dict[str, str] = {
        "MONTH": _alternation(forms_of("months"), "months" in sensitive),
        "WEEKDAY": _alternation(forms_of("weekdays"), "weekdays" in sensitive),
        "WD_MOD": _alternation(list(modifiers)),
        "REL_DAY": _alternation(list(lexicon.relative_days)),
        "REL_ADJ": _alternation(list(lexicon.relative_adjectives)),
        "REL_YEAR": _alternation(list(lexicon.relative_years)),
        "REL_MONTH": _alternation(list(lexicon.relative_months)),
        "YEAR_WORD": _alternation(_forms(data, "year_words")),
        "YEAR_NOUN": _alternation(_forms(data, "year_nouns")),
        "MONTH_NOUN": _alternation(_forms(data, "month_nouns")),
        "PREP": _alternation(_forms(data, "prepositions")),
        "AND": _alternation(_forms(data, "conjunctions")),
        "DAY_SUFFIX": _alternation(_forms(data, "day_suffixes")),
        "POSTPOSITION": _alternation(_forms(data, "postpositions")),
        "NUMBER": _alternation(forms_of("numbers")),
        "SEASON": _alternation(forms_of("seasons")),
        "P_MOD": _alternation(list(period_modifiers)),
        "WEEK_NOUN": _alternation(_forms(data, "week_nouns")),
        "END_WORD": _alternation(_forms(data, "end_words")),
    }
    macros.update({str(k): str(v) for k, v in (common.get("macros") or {}).items()})
    macros.update({str(k): str(v) for k, v in (data.get("macros") or {}).items()})

    rules: list[Rule] = []
    for source, table in ((COMMON_FILE, common.get("rules") or {}), (path, data.get("rules") or {})):
        for name, template in table.items():
            where = f"{source}: rule {name}"
            regex = _expand(str(template), macros, where)
            try:
                rules.append(Rule(str(name), re.compile(regex, re.IGNORECASE)))
            except re.error as exc:
                raise KnowledgeBaseError(f"{where}: the regex does not compile: {exc}") from exc
    # numbers, seasons, week nouns and end words ("конца", "end") anchor durations,
    # seasons, weeks and deadlines; `anchors` adds words that only some rules spell out
    words = [*forms_of("months"), *forms_of("weekdays"), *lexicon.relative_days,
             *lexicon.relative_adjectives, *lexicon.relative_years, *lexicon.relative_months,
             *forms_of("numbers"), *forms_of("seasons"), *_forms(data, "week_nouns"),
             *_forms(data, "end_words"), *_forms(data, "anchors")]
    anchor_words = frozenset(piece for w in words for piece in _WORD.findall(_key(w)))
    anchor = None
    if data.get("spaces", True) is False:
        anchor = re.compile(r"\d+|" + _alternation(words), re.IGNORECASE)
    leads = [*_forms(data, "prepositions"), *modifiers, *period_modifiers, *_forms(data, "lead_words")]
    lead_words = frozenset(piece for w in leads for piece in _WORD.findall(_key(w)))
    return Grammar(language, lexicon, tuple(rules), anchor_words, anchor, lead_words)


# ---------------------------------------------------------------- resolving a match

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


# ---------------------------------------------------------------- the finder


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


def find_dates(text: str, language: str, published: date | None) -> list[DateExpr]:
    """Every date expression in `text`, resolved; sorted by start, non-overlapping, longest wins."""
    grammar = grammar_for(language or "")
    candidates: list[tuple[int, int, Resolved]] = []
    for group in _matches(text, grammar):
        # the longest match at a start that names a date; shorter ones there are never needed
        for match in group:
            resolved = _resolve(match.groupdict(), grammar.lexicon, published)
            if resolved is not None:
                candidates.append((match.start(), match.end(), resolved))
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
    return [chosen[s] for s in starts]
