"""A check on real Russian news: summitry's entity mentions against FactRuEval-2016 (devset).

    python bench/factrueval.py [--limit N]

Reads ../shared/benchmarks/factrueval-2016/devset (never copied into the project), runs
`summitry.extract` on every text and prints, per FactRuEval object type, how many gold
mentions a summitry mention of a compatible type overlaps (recall), how many summitry
mentions overlap some gold mention (precision), and the documents/s of the run.
FactRuEval annotates every person, organization and location, while summitry keeps the
knowledge base's entities and proper names it can normalize, so recall is expected to be
lower than a general NER's; the figure tracks what summitry finds on unseen real text.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEVSET = HERE.parent.parent / "shared" / "benchmarks" / "factrueval-2016" / "devset"
COMPATIBLE = {
    "Person": {"person"},
    "Org": {"organization", "format"},
    "Location": {"place", "country"},
    "LocOrg": {"place", "country", "organization"},
}


def gold_objects(stem: Path) -> list[tuple[str, int, int]]:
    spans: dict[str, tuple[int, int]] = {}
    for line in stem.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) >= 4:
            spans[fields[0]] = (int(fields[2]), int(fields[2]) + int(fields[3]))
    out = []
    for line in stem.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) < 3 or fields[1] not in COMPATIBLE:
            continue
        ranges = [spans[s] for s in fields[2:] if s in spans]
        if ranges:
            out.append((fields[1], min(r[0] for r in ranges), max(r[1] for r in ranges)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args()
    files = sorted(DEVSET.glob("*.txt"))[: args.limit or None]
    if not files:
        print(f"no FactRuEval texts in {DEVSET}")
        return 2
    import summitry

    summitry.extract("Прогрев моделей.", language="ru")
    found, total, precise, ours = Counter(), Counter(), 0, 0
    chars = 0
    start = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        chars += len(text)
        doc = summitry.extract(text, language="ru")
        gold = gold_objects(path.with_suffix(""))
        for kind, a, b in gold:
            total[kind] += 1
            if any(m.start < b and a < m.end and m.type in COMPATIBLE[kind] for m in doc.mentions):
                found[kind] += 1
        for m in doc.mentions:
            ours += 1
            precise += any(m.start < b and a < m.end for _, a, b in gold)
    seconds = time.perf_counter() - start
    print(f"FactRuEval-2016 devset: {len(files)} documents, {chars / 1000:.0f} kchar, "
          f"{len(files) / seconds:.1f} docs/s, {chars / 1000 / seconds:.0f} kchar/s")
    for kind in COMPATIBLE:
        if total[kind]:
            print(f"  {kind:9s} recall {found[kind] / total[kind]:.3f}  ({found[kind]}/{total[kind]})")
    print(f"  mentions overlapping a gold object (precision): {precise / max(ours, 1):.3f} ({precise}/{ours})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
