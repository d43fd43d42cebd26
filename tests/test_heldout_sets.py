"""Regression floors on the held-out gold sets (tests/data/heldoutN): composed texts the
rules were not written from.

Each set was written and annotated by an independent evaluator who did not read the rules,
the lexicons or the other sets, following the dev gold's conventions; the texts sit beside
their gold files, and `summitry eval tests/data/heldoutN` scores one. A set measures how the
extractor generalizes only until someone tunes rules on it: #1, #2 and #3 have been used for
error analysis (each was first measured clean, see the notes); #4 is for measurement only.
The floors guard against regressions: raise them when the extractor improves, never lower
them to let a change pass.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent / "data"

SETS: dict[str, dict[str, Any]] = {
    "heldout": {
        "languages": {"ru": 4, "uk": 3, "en": 2, "kk": 1},
        # due accuracy reached 0.89 once durations, deadlines and seasons were read; its floor
        # keeps a margin because it is a ratio over matched pairs, which moves as recall grows
        "floors": {"entities": {"f1": 0.96}, "events": {"f1": 0.97},
                   "commitments": {"f1": 1.0, "due_accuracy": 0.85}},
    },
    "heldout2": {
        "languages": {"ru": 4, "uk": 2, "en": 2, "kk": 1, "zh": 1},
        # clean when added: entities 0.9038, events 0.4231, commitments 0.8056; now
        # entities 0.9073, events 0.9412, commitments 0.9231
        "floors": {"entities": {"f1": 0.90}, "events": {"f1": 0.94}, "commitments": {"f1": 0.92}},
    },
    "heldout3": {
        "languages": {"ru": 4, "uk": 2, "en": 2, "kk": 1, "zh": 1},
        # clean on 2026-11-23: entities 0.952, events 0.538, commitments 0.853 (due 0.875);
        # after its error analysis: 0.952, 1.000, 0.988 (due 0.925)
        "floors": {"entities": {"f1": 0.95}, "events": {"f1": 1.0},
                   "commitments": {"f1": 0.98, "due_accuracy": 0.92}},
    },
    "heldout4": {
        "languages": {"ru": 3, "uk": 3, "en": 2, "kk": 2, "zh": 2},
        # measurement only. Clean on 2026-11-23: entities 0.915, events 0.485,
        # commitments 0.857 (due 0.895); floors are those figures rounded down
        "floors": {"entities": {"f1": 0.91}, "events": {"f1": 0.48},
                   "commitments": {"f1": 0.85, "due_accuracy": 0.89}},
    },
}


@lru_cache(maxsize=None)
def _gold(name: str) -> Any:
    from summitry.evaluate import load_gold

    return load_gold(DATA / name)


@lru_cache(maxsize=None)
def _scores(name: str) -> dict[str, Any]:
    from summitry.batch import kb_names, run_gold
    from summitry.evaluate import evaluate

    gold = _gold(name)
    run = run_gold(gold, DATA / name)
    assert not run.errors, run.errors
    return evaluate(gold, run.records, None, names=kb_names()).to_json()


@pytest.mark.parametrize("name", sorted(SETS))
def test_set_is_complete(name: str) -> None:
    languages = [doc.language for doc in _gold(name).docs]
    expected = SETS[name]["languages"]
    assert {lang: languages.count(lang) for lang in expected} == expected
    assert len(languages) == sum(expected.values())
    for doc in _gold(name).docs:
        assert (DATA / name / doc.source).is_file(), doc.source


FLOOR_CASES = [
    (name, layer, figure)
    for name, spec in sorted(SETS.items())
    for layer, figures in spec["floors"].items()
    for figure in figures
]


@pytest.mark.parametrize("name, layer, figure", FLOOR_CASES, ids=["-".join(c) for c in FLOOR_CASES])
def test_floor(name: str, layer: str, figure: str) -> None:
    score = _scores(name)[layer][figure]
    floor = SETS[name]["floors"][layer][figure]
    assert score >= floor, f"{name} {layer} {figure} fell to {score} (floor {floor})"
