"""Commitments in languages without a morphological analyzer: English, Kazakh and Chinese.

The Russian and Ukrainian finder reads pymorphy tags (tense, infinitives, cases). Here the
same lexicon sections (rules/<lang>/commitments.yaml) are read by word order and word
endings instead. An English cue stands before its action ("China will continue to
provide ..."), so the evidence runs from the cue to the end of its clause; a Kazakh cue
closes its clause ("... өткізуге келісті"), so the evidence is the clause up to the cue.
Actors, due dates and sectors are then settled as in `Finder`.

The shared reading is in `word_order`, the readers in `english`, `kazakh` and `chinese`;
this module gathers them (every name stays importable from here) and maps each language
to its finder for `finder.find`.
"""

from __future__ import annotations

from summitry.commitments.chinese import ZH_CLAUSE, ChineseActors, ChineseFinder, zh_fused, zh_keys
from summitry.commitments.english import ARTICLES, SUBJECT_REACH, EnglishFinder
from summitry.commitments.finder import Finder
from summitry.commitments.kazakh import GENITIVE, KK_CUE_TAIL, KazakhFinder
from summitry.commitments.word_order import PlainActors, PlainFinder, kk_oblique

__all__ = [
    "ARTICLES",
    "FINDERS",
    "GENITIVE",
    "KK_CUE_TAIL",
    "SUBJECT_REACH",
    "ZH_CLAUSE",
    "ChineseActors",
    "ChineseFinder",
    "EnglishFinder",
    "KazakhFinder",
    "PlainActors",
    "PlainFinder",
    "kk_oblique",
    "zh_fused",
    "zh_keys",
]

FINDERS: dict[str, type[Finder]] = {"en": EnglishFinder, "kk": KazakhFinder, "zh": ChineseFinder}
