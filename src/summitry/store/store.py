"""Store: the corpus in a database, with explicit verbs to add, refresh and query it.

    store = Store("summitry.db")            # or any SQLAlchemy URL; migrations run on open
    store.ingest(["news/"])                 # read, extract, add; then merge and link
    store.events(actor="Токаев")            # merged events with every report
    store.commitments(status="overdue", as_of=date(2026, 1, 1))

SQLAlchemy Core underneath, so SQLite and PostgreSQL share one code path; SQLite runs
in WAL mode. Each document is added in its own transaction, so a killed ingest leaves
a consistent database and a re-run adds only what is missing (documents are keyed by
the hash of their text).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

import httpx
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from summitry.doc import Doc, document_id
from summitry.errors import InputError, StoreError, SummitryError
from summitry.kb import KnowledgeBase, fold
from summitry.morph import analyse
from summitry.store import derive, fts, queries
from summitry.store import schema as s
from summitry.store.migrate import upgrade
from summitry.store.views import ActorProfile, CommitmentView, DocumentView, EventView, TimelineItem
from summitry.store.writer import STALE, full_record, write_record

DEFAULT_DB = "summitry.db"
ENV_DB = "SUMMITRY_DB"


def resolve_url(url: str | Path | None = None) -> str:
    """A SQLAlchemy URL: the one given, $SUMMITRY_DB, or ./summitry.db; a bare path is SQLite."""
    value = str(url or os.environ.get(ENV_DB) or DEFAULT_DB)
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def _sqlite_setup(engine: Engine) -> None:
    """WAL, foreign keys, and real transactions (pysqlite's own BEGIN skips DDL)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON",
                       "busy_timeout=30000"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")


@dataclass
class IngestSummary:
    """What one ingest did: ids added and unchanged, and every input skipped with its reason."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    refresh: derive.RefreshSummary | None = None

    def __str__(self) -> str:
        return f"{len(self.added)} added, {len(self.unchanged)} unchanged, {len(self.skipped)} skipped"


Progress = Callable[[str, str], None]  # (source, "added" | "unchanged" | "skipped")


class Store:
    """The corpus: documents, their records, and what is derived across them."""

    def __init__(self, url: str | Path | None = None, *, kb: KnowledgeBase | None = None,
                 merge: Any = None, tracking: Any = None) -> None:
        """Open (creating and migrating as needed) the database at `url`.

        `merge` and `tracking` stand for the modules summitry.store.merge and .tracking;
        tests pass small fakes.
        """
        self.url = resolve_url(url)
        try:
            self.engine = create_engine(make_url(self.url))
        except (ArgumentError, ImportError, ValueError) as exc:
            raise StoreError(f"{self.url}: not a usable database URL ({exc})") from exc
        if self.engine.dialect.name == "sqlite":
            _sqlite_setup(self.engine)
        try:
            upgrade(self.engine)
        except Exception as exc:  # the driver's own errors vary by backend
            if isinstance(exc, SummitryError):
                raise
            raise StoreError(f"{self.url}: cannot open the store ({exc})") from exc
        self.kb = kb or KnowledgeBase.default()
        self._merge = merge
        self._tracking = tracking

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # ---- writing --------------------------------------------------------------------

    def add_record(self, record: Mapping[str, Any]) -> str:
        """Store an already-extracted record in its own transaction: "added" or "unchanged"."""
        with self.engine.begin() as conn:
            _, added = write_record(conn, record, self.kb)
        return "added" if added else "unchanged"

    def add_document(self, doc: Doc) -> str:
        """Store a Doc's record: "added" or "unchanged"."""
        return self.add_record(doc.to_record())

    def has(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(select(s.documents.c.id).where(s.documents.c.id == doc_id)).first()
        return found is not None

    def ingest(self, inputs: Iterable[str | Path], *, published: date | None = None,
               outlet: str | None = None, language: str | None = None,
               client: httpx.Client | None = None, fetch: bool = True,
               progress: Progress | None = None, refresh: bool = True) -> IngestSummary:
        """Read inputs (files, folders, manifests, URLs, feeds), extract and add each new one.

        A text already stored is not extracted again. A bad input or a failed extraction
        is reported in `skipped` and the batch goes on. Merges and links are refreshed at
        the end when anything was added (or a killed run left them stale).
        """
        from summitry.batch import extract_raw
        from summitry.store.feeds import iter_sources

        summary = IngestSummary()
        note = progress or (lambda _source, _outcome: None)
        for item in iter_sources(inputs, published=published, outlet=outlet, language=language,
                                 client=client, fetch=fetch):
            if isinstance(item, InputError):
                summary.skipped.append(item)
                note(item.source, "skipped")
                continue
            doc_id = document_id(item.text)
            if self.has(doc_id):
                summary.unchanged.append(doc_id)
                note(item.source, "unchanged")
                continue
            try:
                doc = extract_raw(item, language=language)
            except Exception as exc:  # a bad document never stops the batch
                summary.skipped.append(InputError(item.source, f"extraction failed: {exc!r}"))
                note(item.source, "skipped")
                continue
            outcome = self.add_document(doc)
            (summary.added if outcome == "added" else summary.unchanged).append(doc.id)
            note(item.source, outcome)
        if refresh and (summary.added or self.stale):
            summary.refresh = self.refresh()
        return summary

    # ---- derived --------------------------------------------------------------------

    @property
    def stale(self) -> bool:
        """Whether documents were added since merges and links were last computed."""
        with self.engine.connect() as conn:
            value = conn.execute(select(s.meta.c.value).where(s.meta.c.key == STALE)).scalar()
        return value == "1"

    def refresh(self, as_of: date | None = None) -> derive.RefreshSummary:
        """Recompute merged events, fulfilment links and tracking, in one transaction."""
        merge = self._merge or derive.load_module("merge")
        tracking = self._tracking or derive.load_module("tracking")
        with self.engine.begin() as conn:
            return derive.refresh(conn, merge, tracking, self.kb, as_of)

    def _fresh(self) -> None:
        if self.stale:
            self.refresh()

    # ---- reading --------------------------------------------------------------------

    def resolve_actor(self, name: str) -> list[str]:
        """Entity ids a name stands for, in any language the knowledge base knows; else
        entities the store discovered under that (folded or lemmatized) name."""
        ids = [entry.id for entry in self.kb.find(name)]
        if ids:
            return ids
        with self.engine.connect() as conn:
            ids = queries.fold_lookup(conn, fold(name))
            if ids:
                return ids
            for language in ("ru", "uk"):
                lemmas = " ".join(analyse(w, language)[0] for w in fold(name).split())
                ids = [entry.id for entry in self.kb.find(lemmas)] or queries.fold_lookup(conn, lemmas)
                if ids:
                    return ids
        ids = _linked(name, self.kb)
        if ids:
            return ids
        raise StoreError(f"unknown actor {name!r}: not in the knowledge base nor among the "
                         "store's entities")

    def _actors(self, actor: str | None) -> list[str] | None:
        return None if actor is None else self.resolve_actor(actor)

    def events(self, *, actor: str | None = None, type: str | None = None,
               since: date | None = None, until: date | None = None,
               limit: int | None = None) -> list[EventView]:
        """Merged events, newest first; `actor` is a name in any language or an id."""
        self._fresh()
        with self.engine.connect() as conn:
            return queries.events(conn, actor_ids=self._actors(actor), type=type, since=since,
                                  until=until, limit=limit)

    def commitments(self, *, status: str | None = None, actor: str | None = None,
                    sector: str | None = None, due_before: date | None = None,
                    kind: str | None = None, as_of: date | None = None,
                    limit: int | None = None) -> list[CommitmentView]:
        """Commitments with their status as of `as_of` (default today)."""
        if status is not None and status not in queries.STATUSES:
            raise StoreError(f"status: expected one of {', '.join(queries.STATUSES)}, found {status!r}")
        self._fresh()
        with self.engine.connect() as conn:
            return queries.commitments(conn, as_of=as_of or date.today(), status=status,
                                       actor_ids=self._actors(actor), sector=sector,
                                       due_before=due_before, kind=kind, limit=limit)

    def actor(self, name: str, *, as_of: date | None = None) -> ActorProfile:
        """An actor's profile: meetings, counterparts, commitments and their status."""
        ids = self.resolve_actor(name)
        self._fresh()
        with self.engine.connect() as conn:
            return queries.actor_profile(conn, ids, as_of or date.today())

    def timeline(self, *, actor: str | None = None, as_of: date | None = None,
                 limit: int | None = None) -> list[TimelineItem]:
        """Events and commitment due dates in date order."""
        self._fresh()
        with self.engine.connect() as conn:
            return queries.timeline(conn, as_of=as_of or date.today(),
                                    actor_ids=self._actors(actor), limit=limit)

    def search(self, query: str, *, limit: int = 20) -> list[fts.SearchHit]:
        """Documents matching every word of `query` by lemma or form, with snippets."""
        with self.engine.connect() as conn:
            return fts.search(conn, query, limit)

    def document(self, doc_id: str) -> DocumentView:
        """One document's record and evidence sentences; a unique id prefix is enough."""
        with self.engine.connect() as conn:
            matches = queries.doc_ids_like(conn, doc_id) if len(doc_id) >= 4 else []
            if doc_id not in matches and len(matches) != 1:
                found = f"found {len(matches)} that start so" if matches else "no such document"
                raise StoreError(f"document {doc_id!r}: {found}")
            view = queries.document(conn, doc_id if doc_id in matches else matches[0])
        assert view is not None
        return view

    def records(self) -> Iterator[dict[str, Any]]:
        """Every stored record (record.md shape), in the order they were added."""
        with self.engine.connect() as conn:
            rows = conn.execution_options(yield_per=500).execute(
                select(s.documents.c.record, s.documents.c.text)
                .order_by(s.documents.c.ingested_at, s.documents.c.id))
            for row in rows:
                yield full_record(row.record, row.text)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self.engine.connect() as conn:
            return queries.counts(conn)

    def links(self) -> list[dict[str, Any]]:
        """Every fulfilment link, in the shape summitry.evaluate.evaluate() takes."""
        self._fresh()
        with self.engine.connect() as conn:
            return queries.links(conn)


def _linked(name: str, kb: Any) -> list[str]:
    """Entities the linker finds in a name written in any case ("Токаева", "Токаєвим",
    "президента Казахстана"), trying each language whose morphology may fit."""
    from summitry.doc import Doc
    from summitry.stages.link import link
    from summitry.stages.segment import sentences, tokens

    for language in ("ru", "uk", "kk", "en"):
        doc = Doc(name, language=language, published=date.today())
        doc.sentences, doc.tokens = sentences(name, language), tokens(name, language)
        link(doc, kb)
        found = [m.entity_id for m in doc.mentions if m.entity_id in kb]
        if found:
            return list(dict.fromkeys(found))
    return []
