"""Commitments (scheduled events, proposals, pledges) from lexicon cues: see summitry.commitments."""

from __future__ import annotations

from summitry.commitments import find
from summitry.doc import Doc
from summitry.pipeline import stage


@stage("commitments", requires=("sentences", "mentions", "dates", "events"), assigns=("commitments",))
def find_commitments(doc: Doc) -> None:
    doc.commitments = find(doc)
