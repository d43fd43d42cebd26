"""Store benchmarks: ingest throughput with and without the store, and query latency on a
large store.

    python bench/store.py [--docs 1000] [--big 100000] [--repeat 60] [--skip-throughput] [--skip-big]

1. The seed texts (../shared/seeds) ingested twice: the second run must leave every count
   unchanged.
2. Throughput: --docs GENERATED texts (bench/make_corpus.py: templates, not news) read,
   extracted and (a) only serialized to JSON, (b) added to a fresh SQLite store, then
   merged and linked by the real merge/tracking.
3. Latency: a store of --big GENERATED documents built by bulk inserts straight from the
   generator's facts (no NLP; merged events and fulfilment links are the generator's own
   ground truth, not merge_events/track output), cached as bench/.cache/big-N.db; then
   p50/p95 of Store.events, Store.commitments and Store.search (what the CLI commands
   call) over random filters.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
SEEDS = HERE.parent.parent / "shared" / "seeds"
sys.path.insert(0, str(HERE))

from make_corpus import generate  # noqa: E402
from sqlalchemy import text  # noqa: E402

from summitry.doc import document_id  # noqa: E402
from summitry.kb import KnowledgeBase, fold  # noqa: E402
from summitry.store import Store  # noqa: E402
from summitry.store import fts  # noqa: E402
from summitry.store import schema as s  # noqa: E402
from summitry.store.sql import insert_ignore  # noqa: E402
from summitry.store.writer import period, stored_record  # noqa: E402


def seeds_twice() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "seeds.db")
        first = store.ingest([SEEDS])
        counts = store.counts()
        second = store.ingest([SEEDS])
        same = store.counts() == counts
        print(f"[seeds] first ingest: {first}; second: {second}; counts identical: {same}")
        print(f"[seeds] counts: {json.dumps(counts)}")


def throughput(n: int) -> None:
    from summitry.batch import extract_raw
    from summitry.ingest import iter_inputs

    corpus = CACHE / f"corpus-{n}"
    manifest = corpus / "corpus.jsonl"
    if not manifest.exists():
        corpus.mkdir(parents=True, exist_ok=True)
        with manifest.open("w", encoding="utf-8") as out:
            for doc in generate(n, seed=7):
                (corpus / doc["name"]).write_text(doc["text"], encoding="utf-8")
                out.write(json.dumps({"path": doc["name"], "published": doc["published"],
                                      "outlet": doc["outlet"], "language": "ru"}) + "\n")
    raws = [r for r in iter_inputs([manifest])]
    extract_raw(raws[0])  # models loaded before the clock starts
    start = time.perf_counter()
    for raw in iter_inputs([manifest]):
        json.dumps(extract_raw(raw).to_record(), ensure_ascii=False)
    bare = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "t.db")
        start = time.perf_counter()
        summary = store.ingest([manifest], refresh=False)
        stored = time.perf_counter() - start
        start = time.perf_counter()
        refreshed = store.refresh()
        refresh = time.perf_counter() - start
        start = time.perf_counter()
        again = store.ingest([manifest])
        rerun = time.perf_counter() - start
    docs = len(summary.added)
    print(f"[throughput] {len(raws)} GENERATED documents (bench/make_corpus.py templates, "
          f"{sum(len(r.text) for r in raws) / len(raws):.0f} chars each on average)")
    print(f"[throughput] extract only (read + pipeline + JSON): {len(raws) / bare:8.1f} docs/s")
    print(f"[throughput] extract + store (own transaction each): {docs / stored:8.1f} docs/s")
    print(f"[throughput] + merge/link refresh of the whole store: {docs / (stored + refresh):8.1f} "
          f"docs/s (refresh {refresh:.2f} s: {refreshed})")
    print(f"[throughput] re-ingest, all unchanged: {len(again.unchanged) / rerun:8.1f} docs/s ({again})")


class BigLoader:
    """Bulk inserts of generated records: the store's tables filled without the pipeline."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.event_id = self.commitment_id = self.fulfilment_id = 0
        self.entities: dict[str, dict[str, Any]] = {}
        self.names: set[tuple[str, str]] = set()
        self.words: set[tuple[str, str]] = set()
        self.instances: dict[str, dict[str, Any]] = {}
        self.scheduled: list[tuple[int, dict[str, Any]]] = []
        self.seen: set[str] = set()

    def chunk(self, docs: list[dict[str, Any]]) -> None:
        rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
            "documents", "mentions", "events", "event_participants", "event_evidence", "commitments",
            "commitment_actors", "commitment_evidence", "fts")}
        now = datetime.now()
        for doc in docs:
            body = doc["text"]
            doc_id = document_id(body)
            if doc_id in self.seen:
                continue
            self.seen.add(doc_id)
            record = {"schema": "summitry.record/1",
                      "document": {"id": doc_id, "source": doc["name"], "title": None, "language": "ru",
                                   "published": doc["published"], "outlet": doc["outlet"], "text": body},
                      **doc["record"]}
            published = date.fromisoformat(doc["published"])
            rows["documents"].append({"id": doc_id, "source": doc["name"], "title": None, "language": "ru",
                                      "published": published, "outlet": doc["outlet"], "text": body,
                                      "record": stored_record(record), "ingested_at": now})
            for e in record["entities"]:
                self.entities.setdefault(e["id"], {"id": e["id"], "type": e["type"], "name": e["name"],
                                                   "known": True, "wikidata": None})
                self.names.add((e["id"], fold(e["name"])))
                for m in e["mentions"]:
                    rows["mentions"].append({"doc_id": doc_id, "entity_id": e["id"], **m})
                    self.names.add((e["id"], fold(m["text"])))
            inst = doc["instance"]
            for event in record["events"]:
                self.event_id += 1
                key = inst.key if event["type"] != "signing" else inst.key + ":signing"
                merged = self.instances.setdefault(key, {"event": event, "reports": [], "published": []})
                merged["reports"].append((self.event_id, doc_id, event["evidence"]))
                merged["published"].append(published)
                rows["events"].append({"id": self.event_id, "doc_id": doc_id, "idx": len(rows["events"]),
                                       "type": event["type"], "plover": event["plover"], "title": None,
                                       "format": event["format"], "date_value": event["date"]["value"],
                                       "date_precision": "day", "date_start": period(event["date"])[0],
                                       "place": event["place"], "data": event})
                rows["event_participants"] += [{"event_id": self.event_id, "entity_id": p}
                                               for p in dict.fromkeys(event["participants"])]
                rows["event_evidence"] += [{"event_id": self.event_id, **e} for e in event["evidence"]]
            for idx, c in enumerate(record["commitments"]):
                self.commitment_id += 1
                due_start, due_end = period(c["due"])
                rows["commitments"].append({
                    "id": self.commitment_id, "doc_id": doc_id, "idx": idx, "kind": c["kind"],
                    "action": c["action"], "sector": c["sector"],
                    "due_value": (c["due"] or {}).get("value"), "due_precision": (c["due"] or {}).get("precision"),
                    "due_start": due_start, "due_end": due_end, "place": c["place"], "data": c})
                rows["commitment_actors"] += [{"commitment_id": self.commitment_id, "entity_id": a}
                                              for a in dict.fromkeys(c["actors"])]
                rows["commitment_evidence"] += [{"commitment_id": self.commitment_id, **e} for e in c["evidence"]]
                if c["kind"] == "scheduled_event":
                    self.scheduled.append((self.commitment_id, c))
            lemmas, pairs = fts.lemmas_of(body, "ru")
            self.words |= pairs
            rows["fts"].append({"doc_id": doc_id, "title": "", "text": body, "lemmas": " ".join(lemmas)})
        for i, r in enumerate(rows["events"]):
            r["idx"] = 0 if r["type"] != "signing" else 1
        with self.store.engine.begin() as conn:
            conn.execute(s.documents.insert(), rows["documents"])
            conn.execute(insert_ignore(conn, s.entities), list(self.entities.values()))
            for table in ("mentions", "events", "event_participants", "event_evidence", "commitments",
                          "commitment_actors", "commitment_evidence"):
                if rows[table]:
                    conn.execute(s.metadata.tables[table].insert(), rows[table])
            conn.execute(text("INSERT INTO documents_fts (doc_id, title, text, lemmas) "
                              "VALUES (:doc_id, :title, :text, :lemmas)"), rows["fts"])

    def finish(self, rng: random.Random) -> None:
        """Entity names, words, and the derived tables from the generator's ground truth."""
        by_year: dict[int, list[str]] = {}
        merged_rows, reports, participants = [], [], []
        for key, m in self.instances.items():
            event = m["event"]
            merged_rows.append({"key": key, "type": event["type"], "plover": event["plover"], "title": None,
                                "format": event["format"], "date_value": event["date"]["value"],
                                "date_precision": "day", "date_start": period(event["date"])[0],
                                "place": event["place"], "reported_on": min(m["published"]),
                                "report_count": len(m["reports"]),
                                "why": [f"generated: {len(m['reports'])} reports of one instance"],
                                "data": {"documents": []}})
            reports += [{"merged_key": key, "event_id": event_id} for event_id, _, _ in m["reports"]]
            participants += [{"merged_key": key, "entity_id": p} for p in dict.fromkeys(event["participants"])]
            by_year.setdefault(int(event["date"]["value"][:4]), []).append(key)
        fulfilments, evidence = [], []
        for commitment_id, c in self.scheduled:
            candidates = by_year.get(int(c["due"]["value"]), [])
            if candidates and rng.random() < 0.3:
                key = rng.choice(candidates)
                self.fulfilment_id += 1
                fulfilments.append({"id": self.fulfilment_id, "commitment_id": commitment_id,
                                    "merged_key": key, "event_type": self.instances[key]["event"]["type"],
                                    "score": 0.8, "known_on": min(self.instances[key]["published"]),
                                    "why": ["generated link"]})
                evidence += [{"fulfilment_id": self.fulfilment_id, "doc_id": doc_id, **span}
                             for _, doc_id, spans in self.instances[key]["reports"] for span in spans]
        with self.store.engine.begin() as conn:
            conn.execute(insert_ignore(conn, s.entity_names),
                         [{"entity_id": i, "folded": f} for i, f in sorted(self.names)])
            conn.execute(insert_ignore(conn, s.words), [{"word": w, "lemma": l} for w, l in sorted(self.words)])
            for table, rows in ((s.merged_events, merged_rows), (s.merged_reports, reports),
                                (s.merged_participants, participants), (s.fulfilments, fulfilments),
                                (s.fulfilment_evidence, evidence)):
                for i in range(0, len(rows), 20000):
                    conn.execute(table.insert(), rows[i:i + 20000])
            conn.execute(insert_ignore(conn, s.meta), [{"key": "derived_stale", "value": "0"}])
            conn.execute(text("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')"))


def build_big(n: int) -> Path:
    path = CACHE / f"big-{n}.db"
    if path.exists():
        print(f"[big] using cached {path} (delete it to rebuild)")
        return path
    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial.db")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    start = time.perf_counter()
    store = Store(partial)
    loader = BigLoader(store)
    batch: list[dict[str, Any]] = []
    # a few generated texts repeat word for word: generate until n distinct ones are stored
    for doc in generate(n + n // 20, seed=11):
        batch.append(doc)
        if len(batch) == min(5000, n - len(loader.seen)):
            loader.chunk(batch)
            batch = []
            print(f"[big] {len(loader.seen)} documents inserted, {time.perf_counter() - start:.0f} s", flush=True)
            if len(loader.seen) >= n:
                break
    if batch:
        loader.chunk(batch)
    loader.finish(random.Random(3))
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    partial.rename(path)
    print(f"[big] built {path} from {n} GENERATED documents in {time.perf_counter() - start:.0f} s "
          f"({path.stat().st_size / 2**20:.0f} MiB)")
    return path


def latency(path: Path, repeat: int) -> None:
    store = Store(path)
    counts = store.counts()
    print(f"[latency] store: {counts['documents']} GENERATED documents, {counts['events']} events, "
          f"{counts['merged_events']} merged events, {counts['commitments']} commitments, "
          f"{counts['fulfilments']} links, {counts['mentions']} mentions")
    rng = random.Random(5)
    kb = KnowledgeBase.default()
    with store.engine.connect() as conn:
        people = [r[0] for r in conn.exec_driver_sql(
            "SELECT DISTINCT entity_id FROM merged_participants WHERE entity_id LIKE 'person:%' LIMIT 200")]
        countries = [r[0] for r in conn.exec_driver_sql(
            "SELECT DISTINCT entity_id FROM commitment_actors LIMIT 200")]
    ru = lambda i: (kb[i].names.get("ru") or [kb[i].name])[0]  # noqa: E731
    words = ["переговоры", "саммит", "телефонный разговор", "сотрудничество энергетики",
             "визитом", "документов транспорта", "Годом культуры"]
    cities = [r for r in (ru(e.id) for e in kb.entries.values() if e.type == "place" and e.names.get("ru"))]

    def day() -> date:
        return date(2023, 1, 1) + timedelta(days=rng.randrange(4 * 365))

    cases: dict[str, Callable[[], Any]] = {
        "events --actor NAME (ru name)": lambda: store.events(actor=ru(rng.choice(people)), limit=100),
        "events --since D --until D+90": lambda: (lambda d: store.events(
            since=d, until=d + timedelta(days=90), limit=100))(day()),
        "events (newest 100)": lambda: store.events(limit=100),
        "commitments --status S --as-of D": lambda: store.commitments(
            status=rng.choice(["fulfilled", "pending", "overdue", "open"]), as_of=day(), limit=100),
        "commitments --actor COUNTRY --as-of D": lambda: store.commitments(
            actor=rng.choice(countries), as_of=day(), limit=100),
        "search WORDS (lemmas + forms)": lambda: store.search(rng.choice(words + cities), limit=20),
    }
    print(f"[latency] {repeat} calls each, after one warm-up call; milliseconds")
    for name, call in cases.items():
        call()
        times, sizes = [], []
        for _ in range(repeat):
            start = time.perf_counter()
            result = call()
            times.append((time.perf_counter() - start) * 1000)
            sizes.append(len(result))
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        print(f"[latency] {name:40s} p50 {statistics.median(times):7.1f}  p95 {p95:7.1f}  "
              f"max {times[-1]:7.1f}  rows/call {statistics.mean(sizes):6.1f}")
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="generated documents for throughput")
    parser.add_argument("--big", type=int, default=100_000, help="generated documents in the big store")
    parser.add_argument("--repeat", type=int, default=60, help="calls per query kind")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-big", action="store_true")
    args = parser.parse_args()
    if not args.skip_throughput:
        if SEEDS.is_dir():
            seeds_twice()
        throughput(args.docs)
    if not args.skip_big:
        latency(build_big(args.big), args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
