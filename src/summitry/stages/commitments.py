"""Commitments (scheduled events, proposals, pledges): the next issue fills them."""

from __future__ import annotations

from summitry.doc import Doc
from summitry.pipeline import stage


@stage("commitments", requires=("sentences", "mentions", "dates", "events"), assigns=("commitments",))
def find_commitments(doc: Doc) -> None:
    doc.commitments = []
