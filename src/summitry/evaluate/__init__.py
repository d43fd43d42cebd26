"""Gold loading and scoring (shared/spec/evaluation.md).

    gold = load_gold("shared/gold/dev")
    report = evaluate(gold, records, links)       # records: text file name -> record
    print(report.to_json()); console.print(format_table(report)); print(format_explain(report))

The extractor is not imported here: the caller runs it and passes its records in.
"""

from summitry.evaluate.gold import (
    GoldCommitment,
    GoldDoc,
    GoldEntity,
    GoldEvent,
    GoldLink,
    GoldSet,
    load_gold,
)
from summitry.evaluate.report import Explanation, LayerScore, Report, format_explain, format_table
from summitry.evaluate.matching import date_compatible
from summitry.evaluate.scoring import evaluate
from summitry.evaluate.text import locate_quote, normalize_name, normalize_quote

__all__ = [
    "Explanation",
    "GoldCommitment",
    "GoldDoc",
    "GoldEntity",
    "GoldEvent",
    "GoldLink",
    "GoldSet",
    "LayerScore",
    "Report",
    "date_compatible",
    "evaluate",
    "format_explain",
    "format_table",
    "load_gold",
    "locate_quote",
    "normalize_name",
    "normalize_quote",
]
