"""Page furniture removal: share buttons, credits, navigation words, "most read" lists.

Cleaning drops whole lines and changes whitespace only. A line it keeps is kept
character for character, so a gold quote found in the page is found in the cleaned
text (after the NFKC + whitespace normalization of shared/spec/evaluation.md).
The patterns are data, in summitry/rules/clean.yaml.
"""

from __future__ import annotations

import re

from summitry.ingest.dateline import dateline_only
from summitry.ingest.rules import CleanRules, load_rules

_BULLETS = "-–—•·*|>»▪► \t\u00a0"
_TRAILING = ":：…. \t\u00a0"
_SENTENCE_END = re.compile(r"[.!?…。！？][»\"”’)\]]*$")
ORPHAN_MAX = 12  # most orphan headlines that may trail a "most read" block


def _core(line: str) -> str:
    """The line without surrounding whitespace, bullet marks and a trailing colon."""
    return line.strip().lstrip(_BULLETS).rstrip(_TRAILING)


def _is_headline(line: str, rules: CleanRules) -> bool:
    """A short line that reads as a headline or list item rather than a sentence."""
    stripped = line.strip()
    if len(stripped) > rules.headline_max_length:
        return False
    return bool(rules.list_item_re.fullmatch(stripped)) or not _SENTENCE_END.search(stripped)


def _credit(line: str, rules: CleanRules) -> str | None:
    """The credit, when `line` is a short photo-credit line like "Фото: Акорда"."""
    stripped = line.strip()
    if len(stripped) <= rules.credit_max_length and rules.credit_re.fullmatch(stripped):
        return stripped
    return None


def _is_furniture(core: str, rules: CleanRules) -> bool:
    """A share-button row or a lone navigation word."""
    return bool(rules.share_re.fullmatch(core) or rules.nav_re.fullmatch(core))


def _head_dateline(line: str, rules: CleanRules) -> tuple[bool, str | None]:
    """(drop, credit) for a line that is only a dateline, maybe with a credit after it."""
    found = dateline_only(line)
    if found is None:
        return False, None
    rest = found[1]
    if not rest or _is_furniture(_core(rest), rules):
        return True, None
    credit = _credit(rest, rules)
    return (credit is not None), credit


def _drop_orphans(lines: list[str], keep: list[bool], header: int, rules: CleanRules) -> None:
    """After a "most read" block, drop the headlines left till the end if nothing else is."""
    rest = [i for i in range(header + 1, len(lines)) if keep[i] and lines[i].strip()]
    if len(rest) <= ORPHAN_MAX and all(_is_headline(lines[i], rules) for i in rest):
        for i in rest:
            keep[i] = False


def clean_text(text: str) -> tuple[str, list[str]]:
    """Remove page furniture; return (cleaned text, removed photo-credit lines).

    Newlines become "\\n", runs of blank lines become one blank line, and the text is
    stripped at both ends; every other kept character is the input's own.
    """
    rules = load_rules()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    keep = [True] * len(lines)
    credits: list[str] = []
    in_list = False
    last_header: int | None = None
    for i, line in enumerate(lines):
        core = _core(line)
        if not core:
            in_list = False
            continue
        if in_list:
            if _is_headline(line, rules):
                keep[i] = False
                continue
            in_list = False
        drop, credit = _head_dateline(line, rules)
        credit = credit or _credit(line, rules)
        if credit is not None:
            credits.append(credit)
            drop = True
        if drop or _is_furniture(core, rules):
            keep[i] = False
        elif rules.list_header_re.fullmatch(core):
            keep[i] = False
            in_list = True
            last_header = i
        elif len(line.strip()) <= rules.headline_max_length and rules.inline_header_re.fullmatch(
            core
        ):
            keep[i] = False
    if last_header is not None:
        _drop_orphans(lines, keep, last_header, rules)

    out: list[str] = []
    for line, kept in zip(lines, keep):
        if not kept:
            continue
        if not line.strip():
            if out and out[-1] == "":
                continue
            line = ""
        out.append(line)
    return "\n".join(out).strip(), credits
