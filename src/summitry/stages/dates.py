"""Date expressions resolved against the publication date (grammar in summitry/rules)."""

from __future__ import annotations

from summitry.dates import find_dates
from summitry.doc import Doc
from summitry.pipeline import stage


@stage("dates", requires=("text", "language"), assigns=("dates",))
def resolve_dates(doc: Doc) -> None:
    doc.dates = find_dates(doc.text, doc.language or "ru", doc.published)
