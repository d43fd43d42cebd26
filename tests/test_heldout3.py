"""Regression floors on the third held-out gold (tests/data/heldout3): ten composed texts.

The set (4 ru, 2 uk, 2 en, 1 kk, 1 zh) was written and annotated by an independent
evaluator, without reading the rules, the lexicons or the other held-out sets, following
the dev gold's conventions. It was scored clean once (2026-11-23: entities F1 0.952,
events 0.538, commitments 0.853, due 0.875); its errors were then worked on at their
general causes (dates, slots, subjects, lexicons), so it is no longer a clean measure.
The floors guard against regressions only; never lower them to let a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout3"

# after the error analysis: entities 0.952, events 1.000, commitments 0.988 (due 0.925)
FLOORS = {
    "entities": {"f1": 0.95},
    "events": {"f1": 1.0},
    "commitments": {"f1": 0.98, "due_accuracy": 0.92},
}

LANGUAGES = {"ru": 4, "uk": 2, "en": 2, "kk": 1, "zh": 1}


@pytest.fixture(scope="module")
def gold():
    from summitry.evaluate import load_gold

    return load_gold(HELDOUT)


@pytest.fixture(scope="module")
def report(gold):
    from summitry.batch import kb_names, run_gold
    from summitry.evaluate import evaluate

    run = run_gold(gold, HELDOUT)
    assert not run.errors
    return evaluate(gold, run.records, None, names=kb_names())


def test_heldout3_set_is_complete(gold):
    languages = [doc.language for doc in gold.docs]
    assert {lang: languages.count(lang) for lang in LANGUAGES} == LANGUAGES
    assert len(gold.docs) == sum(LANGUAGES.values())
    for doc in gold.docs:
        assert (HELDOUT / doc.source).is_file(), doc.source


@pytest.mark.parametrize("layer, figure", [(l, f) for l, fs in FLOORS.items() for f in fs])
def test_heldout3_floor(report, layer, figure):
    score = report.to_json()[layer][figure]
    assert score >= FLOORS[layer][figure], f"held-out-3 {layer} {figure} fell to {score}"
