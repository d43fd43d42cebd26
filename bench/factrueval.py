"""A check on real Russian news: summitry's entity mentions against FactRuEval-2016 (devset).

    python bench/factrueval.py [--limit N]

Reads ../shared/benchmarks/factrueval-2016/devset (never copied into the project), runs
`summitry.extract` on every text and prints, per FactRuEval object type, how many gold
mentions a summitry mention of a compatible type overlaps (recall), how many summitry
mentions overlap some gold mention (precision), and the documents/s of the run.
FactRuEval annotates every person, organization and location, while summitry keeps the
knowledge base's entities and proper names it can normalize, so recall is expected to be
lower than a general NER's; the figure tracks what summitry finds on unseen real text.

It also scores events against the devset's `Meeting` facts (sets of people who met, with
no date or place): a fact is found when one of summitry's meeting, phone_call, visit or
summit events in that document has at least two of its participants (matched on the
surname's stem in the participants' mentions). The shared task's best published Meeting
extraction (test set) had recall 0.14 at precision 0.87.
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


MEETING_TYPES = {"meeting", "phone_call", "visit", "summit"}


def gold_meetings(stem: Path) -> list[list[str]]:
    """The participants' surnames of each Meeting fact ("Participant obj102 Саркози Николя")."""
    path = stem.with_suffix(".facts")
    if not path.is_file():
        return []
    meetings: list[list[str]] = []
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[1] == "Meeting":
            current = []
            meetings.append(current)
        elif len(fields) == 2:
            current = None
        elif current is not None and fields and fields[0] == "Participant" and len(fields) >= 3:
            current.append(fields[2].lower())
    return [m for m in meetings if len(m) >= 2]


def _stem(surname: str) -> str:
    return surname[:-2] if len(surname) > 5 else surname


def meeting_found(doc, surnames: list[str]) -> bool:  # type: ignore[no-untyped-def]
    for event in doc.events:
        if event.type not in MEETING_TYPES:
            continue
        texts = [m.text.lower() for pid in event.participants if pid in doc.entities
                 for m in doc.entities[pid].mentions] + [doc.entities[pid].name.lower()
                                                         for pid in event.participants if pid in doc.entities]
        hits = sum(any(_stem(s) in t for t in texts) for s in surnames)
        if hits >= 2:
            return True
    return False


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
    meetings = met = events = 0
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
        facts = gold_meetings(path.with_suffix(""))
        meetings += len(facts)
        met += sum(meeting_found(doc, f) for f in facts)
        events += sum(e.type in MEETING_TYPES for e in doc.events)
    seconds = time.perf_counter() - start
    print(f"FactRuEval-2016 devset: {len(files)} documents, {chars / 1000:.0f} kchar, "
          f"{len(files) / seconds:.1f} docs/s, {chars / 1000 / seconds:.0f} kchar/s")
    for kind in COMPATIBLE:
        if total[kind]:
            print(f"  {kind:9s} recall {found[kind] / total[kind]:.3f}  ({found[kind]}/{total[kind]})")
    print(f"  mentions overlapping a gold object (precision): {precise / max(ours, 1):.3f} ({precise}/{ours})")
    print(f"  Meeting facts found by an event with two of their participants: {met}/{meetings}"
          f" (recall {met / max(meetings, 1):.3f}); meeting-like events extracted: {events}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
