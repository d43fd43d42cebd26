"""Measurement-only floors on the second held-out gold (tests/data/heldout2).

MEASUREMENT ONLY: this set exists to measure how the extractor generalizes to unseen text.
Do not read its texts or --explain output to find or fix causes of errors, and never tune
rules or lexicons on it; once anyone does, it stops measuring generalization (that is what
happened to tests/data/heldout, which this set replaces as the generalization measure).

Ten texts (4 ru, 2 uk, 2 en, 1 kk, 1 zh), written and annotated independently of the rules
and lexicons, following the dev gold's conventions; the texts sit beside their gold files.
The floors are the F1 per layer reached when the set was added, rounded down to 2 decimals;
they only guard against regressions. Raise them when the extractor improves through work
done elsewhere; never lower them to let a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HELDOUT2 = Path(__file__).resolve().parent / "data" / "heldout2"

# reached when the set was added: entities 0.9038, events 0.4231, commitments 0.8056;
# events raised to 0.90 after the events layer's generalization fixes (0.9020 reached);
# later: entities 0.9073, events 0.9412, commitments 0.9231
FLOORS = {
    "entities": {"f1": 0.90},
    "events": {"f1": 0.94},
    "commitments": {"f1": 0.92},
}

LANGUAGES = {"ru": 4, "uk": 2, "en": 2, "kk": 1, "zh": 1}


@pytest.fixture(scope="module")
def gold():
    from summitry.evaluate import load_gold

    return load_gold(HELDOUT2)


@pytest.fixture(scope="module")
def report(gold):
    from summitry.batch import kb_names, run_gold
    from summitry.evaluate import evaluate

    run = run_gold(gold, HELDOUT2)
    assert not run.errors
    return evaluate(gold, run.records, None, names=kb_names())


def test_heldout2_set_is_complete(gold):
    languages = [doc.language for doc in gold.docs]
    assert {lang: languages.count(lang) for lang in LANGUAGES} == LANGUAGES
    assert len(languages) == sum(LANGUAGES.values())
    for doc in gold.docs:
        assert (HELDOUT2 / doc.source).is_file(), doc.source


@pytest.mark.parametrize("layer, figure", [(l, f) for l, fs in FLOORS.items() for f in fs])
def test_heldout2_floor(report, layer, figure):
    score = report.to_json()[layer][figure]
    assert score >= FLOORS[layer][figure], f"held-out2 {layer} {figure} fell to {score}"
