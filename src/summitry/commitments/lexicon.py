"""The commitment lexicon of a language (rules/<lang>/commitments.yaml), compiled once.

Cue phrases become lemma phrases (`compile_phrase`), so one dictionary form matches every
inflection; word lists (event nouns, past markers) become sets of lemma keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from summitry.errors import SummitryError
from summitry.kb.matcher import Phrase, PhraseIndex, compile_phrase, word_keys

RULES = Path(__file__).resolve().parent.parent / "rules"
# Languages whose lexicon words are keyed by their own light morphology (summitry.morph);
# Russian and Ukrainian entries are keyed by the Russian analyzer, as they always were.
OWN_KEYS = ("en", "kk", "zh")  # zh: jieba words keyed by themselves

# (section, subsection) of a cue, e.g. ("pledge", "infinitive")
Cue = tuple[str, str]


@dataclass
class Lexicon:
    language: str
    cues: PhraseIndex[Cue]
    welcome: PhraseIndex[str]
    praise: PhraseIndex[str]
    groups: PhraseIndex[list[str]]
    topic_anaphora: PhraseIndex[str]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    action_noun_endings: tuple[str, ...] = ()
    hereinafter: re.Pattern[str] | None = None
    affixes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def has(self, name: str, keys: frozenset[str]) -> bool:
        """Whether a token with these keys is in the word list `name`."""
        return not self.words.get(name, frozenset()).isdisjoint(keys)

    def __repr__(self) -> str:
        return f"Lexicon({self.language}, {len(self.words)} word lists)"


def _phrases(items: Any, value: Any, language: str = "ru") -> list[Phrase[Any]]:
    out = []
    for item in items or []:
        phrase = compile_phrase(str(item), value, language=language)
        if phrase is not None:
            out.append(phrase)
    return out


def _keys(items: Any, language: str = "ru") -> frozenset[str]:
    keys: set[str] = set()
    for item in items or []:
        keys |= word_keys(str(item), language)
    return frozenset(keys)


@lru_cache(maxsize=8)
def lexicon(language: str) -> Lexicon | None:
    """The lexicon of a language, or None where the language has none."""
    path = RULES / language / "commitments.yaml"
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise SummitryError(f"{path}: not valid YAML: {exc}") from exc
    keyed = language if language in OWN_KEYS else "ru"
    cues: list[Phrase[Cue]] = []
    for section in ("pledge", "proposal", "scheduled"):
        for sub, items in (data.get(section) or {}).items():
            cues += _phrases(items, (section, sub), keyed)
    groups: list[Phrase[list[str]]] = []
    for group in data.get("groups") or []:
        groups += _phrases(group.get("phrases"), list(group.get("members") or []), keyed)
    scheduled = data.get("scheduled") or {}
    words = {
        name: _keys(data.get(name), keyed)
        for name in (
            "past_markers", "event_nouns", "anaphoric", "parties", "validity_nouns", "relative", "statements",
        )
    }
    for name in ("upcoming", "holding", "soon"):
        words[name] = _keys(scheduled.get(name), keyed)
    # the verb of "принять участие", "провести": an infinitive of taking part or holding
    words["participation"] = _keys((str(p).split()[0] for p in scheduled.get("participation") or []), keyed)
    # word lists of the word-order reading (summitry.commitments.plain): en, kk
    for name, items in (data.get("words") or {}).items():
        words[str(name)] = _keys(items, keyed)
    hereinafter = data.get("hereinafter")
    return Lexicon(
        language=language,
        cues=PhraseIndex(cues),
        welcome=PhraseIndex(_phrases(data.get("welcome"), "welcome", keyed)),
        praise=PhraseIndex(_phrases(data.get("praise"), "praise", keyed)),
        groups=PhraseIndex(groups),
        topic_anaphora=PhraseIndex(_phrases(data.get("topic_anaphora"), "topic", keyed)),
        words=words,
        action_noun_endings=tuple(data.get("action_noun_endings") or ()),
        hereinafter=re.compile(hereinafter, re.IGNORECASE) if hereinafter else None,
        affixes={str(k): tuple(str(e) for e in v or ()) for k, v in (data.get("affixes") or {}).items()},
    )
