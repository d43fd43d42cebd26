"""The cleaning rules of rules/clean.yaml, loaded once and compiled into regexes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from summitry.errors import KnowledgeBaseError

RULES_PATH = Path(__file__).resolve().parent.parent / "rules" / "clean.yaml"


@dataclass(frozen=True)
class CleanRules:
    """Compiled page-furniture patterns; each `*_re` matches a whole stripped line."""

    share_re: re.Pattern[str]
    nav_re: re.Pattern[str]
    credit_re: re.Pattern[str]
    credit_max_length: int
    list_header_re: re.Pattern[str]
    inline_header_re: re.Pattern[str]
    list_item_re: re.Pattern[str]
    headline_max_length: int
    dateline_label_re: str
    months: dict[str, int]

    def __repr__(self) -> str:
        return f"CleanRules({RULES_PATH.name}, {len(self.months)} month names)"


def _alternatives(data: dict[str, Any], key: str) -> str:
    items = data.get(key)
    if not isinstance(items, list) or not items or not all(isinstance(i, str) for i in items):
        raise KnowledgeBaseError(f"{RULES_PATH}: '{key}' must be a non-empty list of strings")
    return "|".join(f"(?:{item})" for item in items)


def _required_str(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise KnowledgeBaseError(f"{RULES_PATH}: '{key}' must be a non-empty string")
    return value


def _compile(pattern: str, key: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise KnowledgeBaseError(f"{RULES_PATH}: '{key}' has a bad pattern: {exc}") from exc


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_PATH) -> CleanRules:
    """Read and compile clean.yaml; a malformed file raises KnowledgeBaseError."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read cleaning rules: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{path}: expected a mapping at the top level")
    credits = data.get("credits") or {}
    datelines = data.get("datelines") or {}
    if not isinstance(credits, dict) or not isinstance(datelines, dict):
        raise KnowledgeBaseError(f"{path}: 'credits' and 'datelines' must be mappings")
    months: dict[str, int] = {}
    for number, names in (datelines.get("months") or {}).items():
        if not isinstance(number, int) or not 1 <= number <= 12 or not isinstance(names, list):
            raise KnowledgeBaseError(f"{path}: datelines.months needs 1..12 -> list of names")
        months.update({str(name).lower(): number for name in names})
    if not months:
        raise KnowledgeBaseError(f"{path}: datelines.months is empty")
    prefixes = _alternatives(credits, "prefixes")
    # the credit's prefix, then ":" (or "/" or a dash), then the credited source
    credit = rf"(?:{prefixes})\s*(?:[:：/]|\s[-–—])\s*\S.*"
    return CleanRules(
        share_re=_compile(_alternatives(data, "share"), "share"),
        nav_re=_compile(_alternatives(data, "nav"), "nav"),
        credit_re=_compile(credit, "credits"),
        credit_max_length=int(credits.get("max_length", 100)),
        list_header_re=_compile(_alternatives(data, "list_headers"), "list_headers"),
        inline_header_re=_compile(
            rf"(?:{_alternatives(data, 'inline_headers')})\s*[:：.\-–—]\s*\S.*", "inline_headers"
        ),
        list_item_re=_compile(_required_str(data, "list_item"), "list_item"),
        headline_max_length=int(data.get("headline_max_length", 200)),
        dateline_label_re=_alternatives(datelines, "labels"),
        months=months,
    )
