"""The scores of one evaluation, their JSON shape, a table and the --explain listing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rich.table import Table

LAYERS = ("entities", "events", "commitments", "links")
# Figures over matched pairs: rates count pairs that agree; f1s accumulate [tp, fp, fn].
PAIR_RATES = {
    "events": ("date_exact", "place_accuracy"),
    "commitments": ("kind_accuracy", "due_accuracy"),
}
PAIR_F1S = {"events": ("participant_f1",), "commitments": ("actor_f1",)}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; 0.0 where a denominator is zero."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return precision, recall, f1


@dataclass
class LayerScore:
    """Counts of one layer; every figure is computed from them, so scores add up."""

    layer: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    matched: int = 0
    agree: dict[str, int] = field(default_factory=dict)
    overlap: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in PAIR_RATES.get(self.layer, ()):
            self.agree.setdefault(name, 0)
        for name in PAIR_F1S.get(self.layer, ()):
            self.overlap.setdefault(name, [0, 0, 0])

    @property
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    def add(self, other: LayerScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.matched += other.matched
        for name, count in other.agree.items():
            self.agree[name] = self.agree.get(name, 0) + count
        for name, counts in other.overlap.items():
            mine = self.overlap.setdefault(name, [0, 0, 0])
            for i in range(3):
                mine[i] += counts[i]

    def extras(self) -> dict[str, float]:
        """Figures over matched pairs; 0.0 when nothing matched (see `matched`)."""
        out: dict[str, float] = {}
        for name, count in self.agree.items():
            out[name] = count / self.matched if self.matched else 0.0
        for name, (tp, fp, fn) in self.overlap.items():
            # Matched pairs that all agree on empty sets have nothing wrong in them.
            out[name] = 1.0 if self.matched and not (tp or fp or fn) else prf(tp, fp, fn)[2]
        return out

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }
        out.update({k: round(v, 4) for k, v in self.extras().items()})
        if self.layer in PAIR_RATES:
            out["matched"] = self.matched
        return out

    def __repr__(self) -> str:
        return f"LayerScore({self.layer} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f})"


@dataclass(slots=True)
class Explanation:
    """One item to look at: `kind` is 'miss', 'false positive' or 'mismatch'.

    A mismatch is a matched pair that disagrees on a figure over pairs (date, kind, ...);
    `reason` says on what.
    """

    layer: str
    kind: str
    source: str
    text: str
    reason: str | None = None

    def line(self) -> str:
        sign = {"miss": "-", "false positive": "+"}.get(self.kind, "~")
        reason = f"  [{self.reason}]" if self.reason else ""
        return f"{sign} {self.kind}: {self.text}{reason}"


@dataclass
class Report:
    layers: dict[str, LayerScore]
    by_language: dict[str, dict[str, LayerScore]]
    explanations: list[Explanation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The object `summitry eval --json` prints (evaluation.md)."""
        out: dict[str, Any] = {name: score.to_json() for name, score in self.layers.items()}
        out["by_language"] = {
            language: {name: score.to_json() for name, score in layers.items()}
            for language, layers in sorted(self.by_language.items())
        }
        return out

    def __repr__(self) -> str:
        figures = ", ".join(f"{n} F1={s.f1:.3f}" for n, s in self.layers.items())
        return f"Report({figures})"


_EXTRA_LABELS = {
    "date_exact": "date",
    "place_accuracy": "place",
    "participant_f1": "part. F1",
    "kind_accuracy": "kind",
    "due_accuracy": "due",
    "actor_f1": "actor F1",
}


def _figure(value: float, defined: bool) -> str:
    return f"{value:.3f}" if defined else "—"


def _row(name: str, score: LayerScore) -> list[str]:
    extras = score.extras()
    details = "  ".join(
        f"{_EXTRA_LABELS.get(k, k)} {_figure(v, score.matched > 0)}" for k, v in extras.items()
    )
    if score.layer in PAIR_RATES:
        details = f"n={score.matched}  {details}"
    return [
        name,
        _figure(score.precision, score.tp + score.fp > 0),
        _figure(score.recall, score.tp + score.fn > 0),
        _figure(score.f1, score.tp + score.fp + score.fn > 0),
        str(score.tp),
        str(score.fp),
        str(score.fn),
        details,
    ]


def format_table(report: Report) -> Table:
    """Precision, recall, F1, counts and pair figures per layer, then per language."""
    table = Table(title="summitry eval")
    for column in ("layer", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "layer" else "right")
    table.add_column("over matched pairs", no_wrap=True)
    for name, score in report.layers.items():
        table.add_row(*_row(name, score))
    if len(report.by_language) > 1:
        for language, layers in sorted(report.by_language.items()):
            table.add_section()
            for name, score in layers.items():
                table.add_row(*_row(f"{language} {name}", score), style="dim")
    return table


def format_explain(report: Report) -> str:
    """Every miss, false positive and differing matched pair, by document, then layer."""
    if not report.explanations:
        return "Nothing missed and no false positives."
    grouped: dict[str, dict[str, list[Explanation]]] = defaultdict(lambda: defaultdict(list))
    for item in report.explanations:
        grouped[item.source][item.layer].append(item)
    lines: list[str] = []
    for source in sorted(grouped):
        lines.append(f"== {source}")
        for layer in LAYERS:
            items = grouped[source].get(layer)
            if not items:
                continue
            counts = {kind: sum(1 for i in items if i.kind == kind)
                      for kind in ("miss", "false positive", "mismatch")}
            summary = f"{counts['miss']} missed, {counts['false positive']} false positive"
            if counts["mismatch"]:
                summary += f", {counts['mismatch']} matched with differences"
            lines.append(f"  {layer}: {summary}")
            lines.extend(f"    {item.line()}" for item in items)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
