"""The cues of rules/tracking.yaml: kinds of event, recurrence, concepts, ordinals and format
names a commitment's words may name, folded once and matched on folded text (`norm`).

summitry.store.tracking reads a commitment and its candidate events through these.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from summitry.errors import KnowledgeBaseError
from summitry.kb import fold


RULES = Path(__file__).resolve().parent.parent / "rules" / "tracking.yaml"
_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„]{3,80})[»\"”“]")
# On folded text "2-й" reads "2 и"; "1 и 2" (one and two) is no ordinal.
_DIGIT_ORDINAL = re.compile(r"(?<!\d)(\d{1,2}) ?(?:и|я|го|му|ии|ои|ыи|ым|і|st|nd|rd|th)\b(?! \d)")
_WORD = re.compile(r"\w+")


def norm(text: str) -> str:
    """Text folded for cue matching (as the KB folds names), padded so cues can mark word edges."""
    return f" {fold(text)} "


def _cue(cue: str) -> str:
    """A cue folded like the text; a space written at either end of it stays (a word edge)."""
    return (" " if cue[:1] == " " else "") + fold(cue) + (" " if cue[-1:] == " " else "")


def _stem(word: str) -> str:
    """A crude stem that ignores case endings: "Баня" and "Бань" share "бан"."""
    return word[:5] if len(word) > 5 else (word[:-1] if len(word) > 3 else word)


class Rules:
    """The cue lists and weights of rules/tracking.yaml, folded once."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.kinds = [(str(i["type"]), [_cue(c) for c in i["cues"]]) for i in data["expected_types"]]
        self.accepts = {str(k): [str(t) for t in v] for k, v in data["accepts"].items()}
        self.scheduled_default = [str(t) for t in data["scheduled_default"]]
        self.periods = [(int(i["months"]), [_cue(c) for c in i["cues"]]) for i in data["recurrence"]]
        self.launch_cues = [_cue(c) for c in data["launch_cues"]]
        self.future_cues = [_cue(c) for c in data["future_cues"]]
        self.concepts = {str(k): [_cue(c) for c in v] for k, v in data["concepts"].items()}
        self.ordinals = {int(k): [_cue(c) for c in v] for k, v in data["ordinals"].items()}
        self.weights = {str(k): float(v) for k, v in data["weights"].items()}
        self.threshold = float(data["threshold"])
        self.tolerance_days = {str(k): int(v) for k, v in data["tolerance_days"].items()}
        self.undated_horizon_days = int(data["undated_horizon_days"])
        self._formats: list[tuple[str, str]] | None = None
        self._concepts_seen: dict[str, set[str]] = {}  # the pool's texts, asked once per promise

    @staticmethod
    def has(text: str, cues: list[str]) -> bool:
        return any(cue in text for cue in cues)

    def expected_types(self, text: str) -> list[str]:
        """The kind of event an action names ("саммит" → summit), first rule that matches."""
        return next(([kind] for kind, cues in self.kinds if self.has(text, cues)), [])

    def recurrence(self, text: str) -> int | None:
        """The period in months of a recurring promise ("кожні два роки" → 24), or None."""
        return next((months for months, cues in self.periods if self.has(text, cues)), None)

    def concepts_in(self, text: str) -> set[str]:
        found = self._concepts_seen.get(text)
        if found is None:
            found = {name for name, cues in self.concepts.items() if self.has(text, cues)}
            if len(self._concepts_seen) > 50_000:
                self._concepts_seen.clear()
            self._concepts_seen[text] = found
        return found

    def ordinal(self, text: str) -> int | None:
        match = _DIGIT_ORDINAL.search(text)
        if match:
            return int(match.group(1))
        return next((n for n, cues in self.ordinals.items() if self.has(text, cues)), None)

    def _format_names(self, kb: Any) -> list[tuple[str, str]]:
        if self._formats is None:
            owners = {m.owner for m in getattr(kb, "meetings", [])} if kb is not None else set()
            entries = [e for e in (kb.entries.values() if kb is not None else [])
                       if e.type == "format" or e.id in owners]
            self._formats = sorted({(norm(n), e.id) for e in entries for _, n in e.all_names()
                                    if len(fold(n)) >= 3})
        return self._formats

    def formats_in(self, text: str, kb: Any) -> set[str]:
        """Formats (and organizations that hold summits) named in folded text."""
        return {fid for name, fid in self._format_names(kb) if name in text}

    def quoted_names(self, raw: str, kb: Any) -> list[list[str]]:
        """Stems of the names quoted in an action ("Мастерская Лу Баня"), formats left out."""
        out = []
        for match in _QUOTED.finditer(raw):
            if self.formats_in(norm(match.group(1)), kb):
                continue
            words = [_stem(w) for w in _WORD.findall(fold(match.group(1))) if len(w) >= 2]
            if len(words) >= 2 or any(len(w) >= 5 for w in words):
                out.append(words)
        return out

    @staticmethod
    def name_found(stems: list[str], text: str) -> bool:
        found = {_stem(w) for w in _WORD.findall(text)}
        return all(s in found for s in stems)


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The tracking rules, read once."""
    try:
        data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
        return Rules(data)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise KnowledgeBaseError(f"{RULES}: cannot read the tracking rules: {exc}") from exc


__all__ = ["RULES", "Rules", "norm", "rules"]
