"""The store: migrations, idempotent adds, merged events, status as of a date, search, links.

Records are composed here (sentences written for these tests, offsets found by search),
and merging and tracking are tiny in-process fakes with the interface of
summitry.store.merge / tracking, so these tests pin the store, not those algorithms.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import inspect, select, text

from summitry.doc import PLOVER, document_id
from summitry.store import Store, StoreError, links_for_gold
from summitry.store import fts
from summitry.store import schema as s
from summitry.store.migrate import current, head

# ---- composed records ------------------------------------------------------------------


def span(body: str, quote: str) -> list[dict[str, int]]:
    start = body.index(quote)
    return [{"start": start, "end": start + len(quote)}]


def make_record(source: str, published: str | None, body: str, *, entities: list[tuple],
                events: list[dict] = (), commitments: list[dict] = (), language: str = "ru",
                outlet: str | None = None) -> dict[str, Any]:
    """A record in record.md's shape; entities as (id, type, name, [surface forms])."""
    ents = []
    for entity_id, kind, name, surfaces in entities:
        mentions = []
        for surface in surfaces:
            at = body.index(surface)
            mentions.append({"start": at, "end": at + len(surface), "text": surface})
        ents.append({"id": entity_id, "type": kind, "name": name,
                     "known": ":" in entity_id and not entity_id.startswith("person:айдар"),
                     "mentions": mentions})
    out_events = []
    for e in events:
        out_events.append({"type": e["type"], "plover": PLOVER[e["type"]], "title": e.get("title"),
                           "format": e.get("format"), "date": e.get("date"), "place": e.get("place"),
                           "participants": e["participants"], "evidence": span(body, e["quote"])})
    out_commitments = []
    for c in commitments:
        out_commitments.append({"kind": c["kind"], "actors": c["actors"], "action": c["quote"],
                                "sector": c.get("sector", "diplomacy"), "due": c.get("due"),
                                "place": c.get("place"), "evidence": span(body, c["quote"])})
    return {"schema": "summitry.record/1",
            "document": {"id": document_id(body), "source": source, "title": None,
                         "language": language, "published": published, "outlet": outlet,
                         "text": body},
            "entities": ents, "events": out_events, "commitments": out_commitments}


TOKAYEV = ("person:kassym-jomart-tokayev", "person", "Kassym-Jomart Tokayev")
XI = ("person:xi-jinping", "person", "Xi Jinping")
KAZ = ("country:KAZ", "country", "Kazakhstan")
CHN = ("country:CHN", "country", "China")
ASTANA = ("place:astana", "place", "Astana")
SUMMIT_2025 = {"value": "2025-06-17", "precision": "day"}

A = ("Президент Казахстана Касым-Жомарт Токаев принял участие во втором саммите "
     "«Центральная Азия – Китай» в Астане. Председатель КНР Си Цзиньпин провёл переговоры.")
B = ("В Астане состоялся второй саммит «Центральная Азия – Китай», в котором участвовали "
     "Си Цзиньпин и Касым-Жомарт Токаев.")
C = ("Стороны договорились провести второй саммит в Казахстане в 2025 году. "
     "Казахстан предложил объявить 2024 год Годом экологии. "
     "Китай будет и далее предоставлять стипендии студентам. "
     "Следующая встреча министров состоится в 2027 году.")
D = "Айдар Сапаров провів зустріч з послом Китаю в Астані."


def records() -> list[dict[str, Any]]:
    summit = {"type": "summit", "date": SUMMIT_2025, "place": "place:astana",
              "format": "format:china-central-asia",
              "participants": ["person:kassym-jomart-tokayev", "person:xi-jinping",
                               "country:KAZ", "country:CHN"]}
    return [
        make_record("a.txt", "2025-06-17", A, outlet="Акорда",
                    entities=[(*KAZ, ["Казахстана"]), (*TOKAYEV, ["Касым-Жомарт Токаев"]),
                              (*ASTANA, ["Астане"]), (*CHN, ["КНР"]), (*XI, ["Си Цзиньпин"])],
                    events=[{**summit, "quote": A.split(". ")[0]}]),
        make_record("b.txt", "2025-06-18", B, outlet="Синьхуа",
                    entities=[(*ASTANA, ["Астане"]), (*XI, ["Си Цзиньпин"]),
                              (*TOKAYEV, ["Касым-Жомарт Токаев"])],
                    events=[{**summit, "quote": B}]),
        make_record("c.txt", "2024-05-10", C, outlet="Kabar",
                    entities=[(*KAZ, ["Казахстане", "Казахстан"]), (*CHN, ["Китай"])],
                    commitments=[
                        {"kind": "scheduled_event", "actors": ["country:KAZ", "country:CHN"],
                         "quote": "договорились провести второй саммит в Казахстане в 2025 году",
                         "due": {"value": "2025", "precision": "year"}, "place": "country:KAZ"},
                        {"kind": "proposal", "actors": ["country:KAZ"], "sector": "environment",
                         "quote": "предложил объявить 2024 год Годом экологии",
                         "due": {"value": "2024", "precision": "year"}},
                        {"kind": "pledge", "actors": ["country:CHN"], "sector": "education",
                         "quote": "будет и далее предоставлять стипендии студентам"},
                        {"kind": "scheduled_event", "actors": ["country:KAZ", "country:CHN"],
                         "quote": "Следующая встреча министров состоится в 2027 году",
                         "due": {"value": "2027", "precision": "year"}},
                    ]),
        make_record("d.txt", "2025-07-01", D, language="uk",
                    entities=[("person:айдар-сапаров", "person", "Айдар Сапаров", ["Айдар Сапаров"]),
                              (*CHN, ["Китаю"]), (*ASTANA, ["Астані"])],
                    events=[{"type": "meeting", "date": {"value": "2025-07-01", "precision": "day"},
                             "participants": ["person:айдар-сапаров", "country:CHN"],
                             "place": "place:astana", "quote": D}]),
    ]


# ---- fakes of summitry.store.merge and summitry.store.tracking --------------------------


@dataclass
class FakeSourcedEvent:
    doc_id: str
    source: str
    published: date | None
    language: str | None
    outlet: str | None
    index: int
    event: dict


@dataclass
class FakeMerged:
    key: str
    type: str
    date: dict | None
    place: str | None
    format: str | None
    title: str | None
    participants: list[str]
    documents: list
    reports: list
    why: list[str]


@dataclass
class FakeSourcedCommitment:
    doc_id: str
    source: str
    published: date | None
    language: str | None
    index: int
    commitment: dict


@dataclass
class FakeFulfilment:
    event_key: str
    reports: list
    score: float
    why: list[str]


@dataclass
class FakeTracked:
    commitment: Any
    status: str
    fulfilled_by: list = field(default_factory=list)
    occurrences: list = field(default_factory=list)


def fake_merge_events(events: list, **_: Any) -> list:
    """Reports of the same type on the same date are one event."""
    groups: dict[tuple, list] = {}
    for e in events:
        groups.setdefault((e.event["type"], (e.event.get("date") or {}).get("value")), []).append(e)
    out = []
    for (kind, day), reports in groups.items():
        first = reports[0].event
        participants = list(dict.fromkeys(p for r in reports for p in r.event["participants"]))
        why = [f"same type {kind} and date {day}"] if len(reports) > 1 else []
        out.append(FakeMerged(f"k:{kind}:{day}", kind, first.get("date"), first.get("place"),
                              first.get("format"), first.get("title"), participants, [], reports, why))
    return out


def fake_track(commitments: list, events: list, as_of: date, **_: Any) -> list:
    """A scheduled commitment naming a summit is fulfilled by a later summit in its due year."""
    out = []
    for c in commitments:
        tracked = FakeTracked(c, "open")
        due = c.commitment.get("due")
        if c.commitment["kind"] == "scheduled_event" and "саммит" in c.commitment["action"] and due:
            for e in events:
                if e.type == "summit" and e.date and e.date["value"].startswith(due["value"]):
                    tracked.fulfilled_by.append(FakeFulfilment(e.key, e.reports, 0.9, ["summit in the due year"]))
        out.append(tracked)
    return out


MERGE = SimpleNamespace(SourcedEvent=FakeSourcedEvent, merge_events=fake_merge_events)
TRACKING = SimpleNamespace(SourcedCommitment=FakeSourcedCommitment, track=fake_track)


@pytest.fixture()
def store(kb: Any) -> Store:
    st = Store("sqlite://", kb=kb, merge=MERGE, tracking=TRACKING)
    for record in records():
        assert st.add_record(record) == "added"
    st.refresh()
    return st


# ---- schema and migrations ----------------------------------------------------------------


def test_migrations_create_exactly_the_declared_schema(tmp_path: Any, kb: Any) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    assert head() == s.HEAD
    st = Store(tmp_path / "x.db", kb=kb)
    assert current(st.engine) == s.HEAD
    with st.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), s.metadata)
        # the FTS5 table and its shadow tables are SQLite-only, outside the metadata
        diffs = [d for d in diffs if not (d[0] == "remove_table" and d[1].name.startswith("documents_fts"))]
        assert diffs == []
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert "documents_fts" in inspect(conn).get_table_names()
    st.close()
    Store(tmp_path / "x.db", kb=kb).close()  # reopening an up-to-date store is a no-op


def test_default_url_comes_from_environment(monkeypatch: Any, tmp_path: Any) -> None:
    from summitry.store import resolve_url

    monkeypatch.setenv("SUMMITRY_DB", str(tmp_path / "env.db"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url("postgresql://u@h/db") == "postgresql://u@h/db"
    with pytest.raises(StoreError):
        Store("nosuchdialect://x")


# ---- adding records -------------------------------------------------------------------------


def test_adding_the_same_text_twice_adds_nothing(store: Store) -> None:
    before = store.counts()
    for record in records():
        assert store.add_record(record) == "unchanged"
    assert store.counts() == before
    assert before["documents"] == 4
    assert before["mentions"] == sum(len(e["mentions"]) for r in records() for e in r["entities"])
    assert before["events"] == 3 and before["commitments"] == 4


def test_every_fact_keeps_its_offsets(store: Store) -> None:
    body = {r["document"]["id"]: r["document"]["text"] for r in records()}
    with store.engine.connect() as conn:
        for row in conn.execute(select(s.mentions)):
            assert body[row.doc_id][row.start:row.end] == row.text
    for c in store.commitments(as_of=date(2025, 1, 1)):
        assert [e.text for e in c.evidence] == [c.action]


def test_records_come_back_as_they_went_in(store: Store) -> None:
    assert list(store.records()) == records()


def test_a_malformed_record_is_refused_with_its_source(store: Store) -> None:
    from summitry.errors import InputError

    with pytest.raises(InputError, match="bad.txt: document.text"):
        store.add_record({"document": {"source": "bad.txt", "text": ""}})


# ---- merged events ---------------------------------------------------------------------------


def test_reports_of_one_event_are_merged_with_reasons(store: Store) -> None:
    summits = store.events(type="summit")
    assert len(summits) == 1
    summit = summits[0]
    assert sorted(r.source for r in summit.reports) == ["a.txt", "b.txt"]
    assert summit.why == ["same type summit and date 2025-06-17"]
    assert {r.outlet for r in summit.reports} == {"Акорда", "Синьхуа"}
    assert summit.reports[0].text.startswith("Президент Казахстана")


@pytest.mark.parametrize("name", ["Токаев", "Tokayev", "托卡耶夫", "TOKAYEV",
                                  "person:kassym-jomart-tokayev", "Токаевым", "Токаєва",
                                  "Қасым-Жомарт Тоқаевтың"])
def test_actor_names_in_any_language(store: Store, name: str) -> None:
    assert [e.type for e in store.events(actor=name)] == ["summit"]


def test_discovered_actor_found_by_folded_name(store: Store) -> None:
    assert store.resolve_actor("айдар сапаров") == ["person:айдар-сапаров"]
    assert [e.type for e in store.events(actor="Айдар Сапаров")] == ["meeting"]
    with pytest.raises(StoreError, match="unknown actor"):
        store.events(actor="Nobody Atall")


def test_event_date_filters(store: Store) -> None:
    assert [e.type for e in store.events(since=date(2025, 6, 18))] == ["meeting"]
    assert [e.type for e in store.events(until=date(2025, 6, 17))] == ["summit"]
    assert store.events(type="visit") == []


# ---- commitments and status -------------------------------------------------------------------


def statuses(store: Store, as_of: date) -> dict[str, str]:
    return {c.action: c.status for c in store.commitments(as_of=as_of)}


@pytest.mark.parametrize("as_of, expected", [
    (date(2024, 6, 1), {"summit": "pending", "ecology": "pending", "grants": "open", "ministers": "pending"}),
    (date(2025, 1, 1), {"summit": "pending", "ecology": "overdue", "grants": "open", "ministers": "pending"}),
    (date(2025, 6, 17), {"summit": "fulfilled", "ecology": "overdue", "grants": "open", "ministers": "pending"}),
    (date(2028, 1, 1), {"summit": "fulfilled", "ecology": "overdue", "grants": "open", "ministers": "overdue"}),
])
def test_status_follows_due_fulfilment_and_as_of(store: Store, as_of: date, expected: dict) -> None:
    short = {"договорились провести второй саммит в Казахстане в 2025 году": "summit",
             "предложил объявить 2024 год Годом экологии": "ecology",
             "будет и далее предоставлять стипендии студентам": "grants",
             "Следующая встреча министров состоится в 2027 году": "ministers"}
    got = {short[action]: status for action, status in statuses(store, as_of).items()}
    assert got == expected
    for status in set(expected.values()):
        listed = store.commitments(status=status, as_of=as_of)
        assert {short[c.action] for c in listed} == {k for k, v in expected.items() if v == status}


def test_fulfilled_commitment_shows_every_report(store: Store) -> None:
    [c] = store.commitments(status="fulfilled", as_of=date(2026, 1, 1))
    [link] = c.fulfilled_by
    assert link.key == "k:summit:2025-06-17" and link.why == ["summit in the due year"]
    assert sorted(r.source for r in link.reports) == ["a.txt", "b.txt"]


def test_commitment_filters(store: Store) -> None:
    day = date(2026, 1, 1)
    assert [c.sector for c in store.commitments(sector="education", as_of=day)] == ["education"]
    assert len(store.commitments(actor="Китай", as_of=day)) == 3
    assert len(store.commitments(actor="Kazakhstan", as_of=day)) == 3
    assert [c.due["value"] for c in store.commitments(due_before=date(2025, 1, 1), as_of=day)] == ["2024"]
    with pytest.raises(StoreError, match="status"):
        store.commitments(status="done")


def test_recurring_commitment_is_judged_by_its_occurrences(kb: Any) -> None:
    @dataclass
    class Occurrence:
        due: dict
        status: str
        fulfilment: Any = None

    def track(commitments: list, events: list, as_of: date, **_: Any) -> list:
        [summit] = [e for e in events if e.type == "summit"]
        out = []
        for c in commitments:
            t = FakeTracked(c, "open")
            if "министров" in c.commitment["action"]:
                done = FakeFulfilment(summit.key, summit.reports, 1.0, ["first occurrence"])
                t.occurrences = [Occurrence({"value": "2025", "precision": "year"}, "", done),
                                 Occurrence({"value": "2027", "precision": "year"}, "")]
                t.fulfilled_by = [done]
            out.append(t)
        return out

    st = Store("sqlite://", kb=kb, merge=MERGE, tracking=SimpleNamespace(
        SourcedCommitment=FakeSourcedCommitment, track=track))
    for record in records():
        st.add_record(record)

    def ministers(as_of: date) -> str:
        return next(c.status for c in st.commitments(as_of=as_of) if "министров" in c.action)

    assert ministers(date(2025, 3, 1)) == "pending"
    assert ministers(date(2026, 3, 1)) == "fulfilled"
    assert ministers(date(2028, 3, 1)) == "overdue"
    [c] = [c for c in st.commitments(as_of=date(2026, 3, 1)) if "министров" in c.action]
    assert [o["due"]["value"] for o in c.occurrences] == ["2025", "2027"]


# ---- derived tables: stale flag and atomic refresh ---------------------------------------------


def test_queries_refresh_a_stale_store_and_a_failed_refresh_changes_nothing(kb: Any) -> None:
    def broken(events: list, **_: Any) -> list:
        raise RuntimeError("merge failed")

    st = Store("sqlite://", kb=kb, merge=MERGE, tracking=TRACKING)
    for record in records()[:2]:
        st.add_record(record)
    assert st.stale
    assert len(st.events()) == 1 and not st.stale  # the query refreshed first
    st.add_record(records()[3])
    st._merge = SimpleNamespace(SourcedEvent=FakeSourcedEvent, merge_events=broken)
    with pytest.raises(RuntimeError):
        st.refresh()
    assert st.stale
    assert st.counts()["merged_events"] == 1  # the previous merge is intact


# ---- actor profile, timeline, document ------------------------------------------------------


def test_actor_profile(store: Store) -> None:
    profile = store.actor("Си Цзиньпин", as_of=date(2026, 1, 1))
    assert profile.actor.name == "Xi Jinping"
    assert [m.type for m in profile.meetings] == ["summit"]
    assert {c.actor.name: c.meetings for c in profile.counterparts} == {
        "Kassym-Jomart Tokayev": 1, "Kazakhstan": 1, "China": 1}
    kaz = store.actor("Казахстан", as_of=date(2026, 1, 1))
    assert kaz.status_counts() == {"fulfilled": 1, "overdue": 1, "pending": 1}


def test_timeline_is_in_date_order(store: Store) -> None:
    items = store.timeline(as_of=date(2026, 1, 1))
    assert [i.date["value"] for i in items] == ["2024", "2025", "2025-06-17", "2025-07-01", "2027"]
    assert [i.kind for i in items] == ["commitment", "commitment", "event", "event", "commitment"]


def test_document_opens_on_its_evidence_sentences(store: Store) -> None:
    doc_id = records()[2]["document"]["id"]
    view = store.document(doc_id[:6])
    assert view.record == records()[2]
    sentences = [e["sentence"] for e in view.evidence]
    assert sentences[1] == "Казахстан предложил объявить 2024 год Годом экологии."
    with pytest.raises(StoreError, match="no such document"):
        store.document("ffffffffffff")


# ---- search -------------------------------------------------------------------------------------


@pytest.mark.parametrize("portable", [False, True], ids=["fts5", "like"])
def test_search_finds_inflected_forms_with_highlights(store: Store, monkeypatch: Any,
                                                      portable: bool) -> None:
    if portable:
        monkeypatch.setattr(fts, "has_fts", lambda conn: False)
    hits = store.search("Астана")  # the texts say «в Астане», «в Астані»
    assert sorted(h.source for h in hits) == ["a.txt", "b.txt", "d.txt"]
    for hit in hits:
        marked = [hit.snippet[a:b].lower() for a, b in hit.highlights]
        assert marked and all(m.startswith("астан") for m in marked)
    assert [h.source for h in store.search("саммит стипендии")] == ["c.txt"]
    assert store.search("саммит Токаев") and not store.search("экология Токаев")
    assert store.search("   ") == []


def test_search_by_lemma_of_query_word(store: Store) -> None:
    # "саммитом" is in no text: found through its lemma "саммит"
    assert sorted(h.source for h in store.search("саммитом")) == ["a.txt", "b.txt", "c.txt"]


# ---- links for the evaluation --------------------------------------------------------------------


def test_links_for_gold_name_every_report_of_the_fulfilling_event(kb: Any) -> None:
    keyed = {r["document"]["source"].replace(".txt", "_x.txt"): r for r in records()}
    links = links_for_gold(keyed, merge=MERGE, tracking=TRACKING)
    assert len(links) == 1
    [link] = links
    c_text = C[link["commitment"]["evidence"][0]["start"]:link["commitment"]["evidence"][0]["end"]]
    assert link["commitment"]["source"] == "c_x.txt" and "второй саммит" in c_text
    assert sorted(f["source"] for f in link["fulfilled_by"]) == ["a_x.txt", "b_x.txt"]
    assert all(f["evidence"] for f in link["fulfilled_by"])


def test_links_for_gold_scores_with_evaluate_on_the_dev_set() -> None:
    """The real merge and tracking on the dev gold: links come out in evaluate()'s shape."""
    from conftest import GOLD, SEEDS, need_shared

    need_shared()
    from summitry.batch import run_gold
    from summitry.evaluate import evaluate, load_gold

    gold = load_gold(GOLD)
    run = run_gold(gold, SEEDS)
    links = links_for_gold(run.records)
    report = evaluate(gold, run.records, links).to_json()
    assert report["links"]["tp"] >= 1
    for link in links:
        assert link["commitment"]["source"] in run.records
        assert all(f["source"] in run.records for f in link["fulfilled_by"])


def test_dataclass_views_serialize(store: Store) -> None:
    import json

    for view in store.events() + store.commitments(as_of=date(2026, 1, 1)):
        json.dumps(view.to_json(), ensure_ascii=False)
        assert all(not dataclasses.is_dataclass(v) for v in view.to_row().values())


# ---- ingest from feeds ---------------------------------------------------------------------------

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test Agency</title>
<item><title>Встреча в Астане</title><link>https://news.test/a</link>
<pubDate>Tue, 17 Jun 2025 10:00:00 GMT</pubDate><description>кратко</description></item>
<item><title>Саммит</title><link>https://news.test/gone</link>
<pubDate>Wed, 18 Jun 2025 10:00:00 GMT</pubDate>
<description>Президент Казахстана Касым-Жомарт Токаев встретился с Си Цзиньпином в Астане.</description></item>
</channel></rss>"""
PAGE = ("<html><head><title>Встреча</title></head><body><article><p>Президент Узбекистана "
        "Шавкат Мирзиёев провёл переговоры с Председателем КНР Си Цзиньпином в Ташкенте.</p>"
        "<p>Стороны обсудили торговлю и транспорт.</p></article></body></html>")


def test_ingest_reads_a_feed_fetching_links_or_using_entry_text(kb: Any) -> None:
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed":
            return httpx.Response(200, text=FEED, headers={"content-type": "application/rss+xml"})
        if request.url.path == "/a":
            return httpx.Response(200, text=PAGE, headers={"content-type": "text/html; charset=utf-8"})
        return httpx.Response(404)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    st = Store("sqlite://", kb=kb, merge=MERGE, tracking=TRACKING)
    seen: list[tuple[str, str]] = []
    summary = st.ingest(["https://news.test/feed"], client=client,
                        progress=lambda source, outcome: seen.append((source, outcome)))
    assert str(summary) == "2 added, 0 unchanged, 0 skipped"
    assert seen == [("https://news.test/a", "added"), ("https://news.test/gone", "added")]
    docs = {r["document"]["source"]: r["document"] for r in st.records()}
    assert "Мирзиёев" in docs["https://news.test/a"]["text"]  # the linked page was read
    assert docs["https://news.test/gone"]["text"].startswith("Президент Казахстана")  # the entry's text
    assert docs["https://news.test/gone"]["published"] == "2025-06-18"
    assert docs["https://news.test/gone"]["outlet"] == "Test Agency"
    again = st.ingest(["https://news.test/feed"], client=client, fetch=False)
    assert len(again.added) == 1  # offline: entry a's own short text is a new document
