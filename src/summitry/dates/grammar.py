"""The date grammar of a language, kept as data and compiled once per language.

The grammar lives in `rules/dates.yaml` (shared) and `rules/<lang>/dates.yaml` (lexicons and
rules per language). A rule is a regex written with `{MACRO}` placeholders; its named groups
(d1 m1 y1, d2 m2 y2, rday, rely, relm, ry, rm, wd, wmod, dy dm, eop cy cm, sn smod, wk wkmod)
are all the resolver (summitry.dates.resolver) reads, so a linguist can add a rule without
touching Python.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from summitry.errors import KnowledgeBaseError

RULES_DIR = Path(__file__).parent.parent / "rules"
COMMON_FILE = RULES_DIR / "dates.yaml"

_DIRECTIONS = frozenset({"past", "this", "next", "near"})
_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_APOSTROPHES = re.compile(r"[’ʼ`]")
_SPACES = re.compile(r"\s+")
_NEVER = "(?!)"
_WORD = re.compile(r"\w+")


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
    # relative days that are also prepositions ("накануне саммита": the eve of that event):
    # a date only where no noun phrase follows; `eve_objects` are words that open one where
    # the language has no analyzer to tell a genitive ("the", "of")
    eves: frozenset[str] = frozenset()
    eve_objects: frozenset[str] = frozenset()


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
        eves=frozenset(_key(w) for w in _forms(data, "eves")),
        eve_objects=frozenset(_key(w) for w in _forms(data, "eve_objects")),
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
