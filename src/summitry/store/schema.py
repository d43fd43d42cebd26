"""The store's tables, as SQLAlchemy Core metadata: one definition for SQLite and PostgreSQL.

Per-document facts (documents, mentions, events, commitments and their evidence spans)
are written once, each document in its own transaction. Derived facts (merged events,
their reports, fulfilment links) are recomputed from them after each ingest batch, so
they can always be thrown away and rebuilt. Every fact keeps `start`/`end` offsets into
`documents.text`, so it opens on its sentence.

The migrations under `migrations/versions/` create exactly these tables (a test compares
them); `HEAD` names the newest migration so that opening an up-to-date store skips Alembic.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

HEAD = "0001"  # the newest migration's revision; tests check it against the scripts

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(16), primary_key=True, comment="first 16 hex of sha256(text)"),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("language", String(8)),
    Column("published", Date),
    Column("outlet", Text),
    Column("text", Text, nullable=False),
    Column("record", JSON, nullable=False, comment="the record of shared/spec/record.md"),
    Column("ingested_at", DateTime, nullable=False),
    Index("ix_documents_published", "published"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("type", String(20), nullable=False),
    Column("name", Text, nullable=False),
    Column("known", Boolean, nullable=False, comment="in the knowledge base, or discovered"),
    Column("wikidata", String(20)),
)

# Every folded name an entity was seen or known under: the fallback for actor lookups.
entity_names = Table(
    "entity_names",
    metadata,
    Column("entity_id", String(200), ForeignKey("entities.id"), primary_key=True),
    Column("folded", String(300), primary_key=True),
    Index("ix_entity_names_folded", "folded"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(16), ForeignKey("documents.id"), nullable=False),
    Column("entity_id", String(200), ForeignKey("entities.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_doc", "doc_id"),
    Index("ix_mentions_entity", "entity_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(16), ForeignKey("documents.id"), nullable=False),
    Column("idx", Integer, nullable=False, comment="position in record['events']"),
    Column("type", String(20), nullable=False),
    Column("plover", String(20)),
    Column("title", Text),
    Column("format", String(200)),
    Column("date_value", String(10)),
    Column("date_precision", String(5)),
    Column("date_start", Date, comment="first day the date covers"),
    Column("place", String(200)),
    Column("data", JSON, nullable=False, comment="the record's event item"),
    UniqueConstraint("doc_id", "idx", name="uq_events_doc_idx"),
)

event_participants = Table(
    "event_participants",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("entity_id", String(200), ForeignKey("entities.id"), primary_key=True),
    Index("ix_event_participants_entity", "entity_id"),
)

event_evidence = Table(
    "event_evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_event_evidence_event", "event_id"),
)

commitments = Table(
    "commitments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(16), ForeignKey("documents.id"), nullable=False),
    Column("idx", Integer, nullable=False, comment="position in record['commitments']"),
    Column("kind", String(20), nullable=False),
    Column("action", Text),
    Column("sector", String(20)),
    Column("due_value", String(10)),
    Column("due_precision", String(5)),
    Column("due_start", Date, comment="first day of the due period"),
    Column("due_end", Date, comment="last day of the due period: overdue after it"),
    Column("place", String(200)),
    Column("data", JSON, nullable=False, comment="the record's commitment item"),
    UniqueConstraint("doc_id", "idx", name="uq_commitments_doc_idx"),
    Index("ix_commitments_due_start", "due_start"),
    Index("ix_commitments_sector", "sector"),
)

commitment_actors = Table(
    "commitment_actors",
    metadata,
    Column("commitment_id", Integer, ForeignKey("commitments.id"), primary_key=True),
    Column("entity_id", String(200), ForeignKey("entities.id"), primary_key=True),
    Index("ix_commitment_actors_entity", "entity_id"),
)

commitment_evidence = Table(
    "commitment_evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("commitment_id", Integer, ForeignKey("commitments.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_commitment_evidence_commitment", "commitment_id"),
)

# ---- derived: rebuilt by Store.refresh() from the tables above -------------------------

merged_events = Table(
    "merged_events",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("type", String(20), nullable=False),
    Column("plover", String(20)),
    Column("title", Text),
    Column("format", String(200)),
    Column("date_value", String(10)),
    Column("date_precision", String(5)),
    Column("date_start", Date),
    Column("place", String(200)),
    Column("reported_on", Date, comment="earliest publication among its reports"),
    Column("report_count", Integer, nullable=False),
    Column("why", JSON, nullable=False, comment="why the reports were merged"),
    Column("data", JSON, nullable=False, comment="documents signed and other merged fields"),
    Index("ix_merged_events_date_start", "date_start"),
    Index("ix_merged_events_type", "type"),
)

merged_reports = Table(
    "merged_reports",
    metadata,
    Column("merged_key", String(200), ForeignKey("merged_events.key"), primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Index("ix_merged_reports_event", "event_id"),
)

merged_participants = Table(
    "merged_participants",
    metadata,
    Column("merged_key", String(200), ForeignKey("merged_events.key"), primary_key=True),
    Column("entity_id", String(200), ForeignKey("entities.id"), primary_key=True),
    Index("ix_merged_participants_entity", "entity_id"),
)

# A commitment's link to what fulfils it: a merged event, or (key "report:...") a later
# sentence that reports the promised thing done. Its evidence is every report's spans.
fulfilments = Table(
    "fulfilments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("commitment_id", Integer, ForeignKey("commitments.id"), nullable=False),
    Column("merged_key", String(200), nullable=False, comment="merged_events.key or report:..."),
    Column("event_type", String(20), nullable=False),
    Column("score", Float, nullable=False),
    Column("known_on", Date, comment="when the fulfilment was first reported"),
    Column("why", JSON, nullable=False),
    Index("ix_fulfilments_commitment", "commitment_id"),
    Index("ix_fulfilments_merged", "merged_key"),
)

fulfilment_evidence = Table(
    "fulfilment_evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fulfilment_id", Integer, ForeignKey("fulfilments.id"), nullable=False),
    Column("doc_id", String(16), ForeignKey("documents.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_fulfilment_evidence_fulfilment", "fulfilment_id"),
)

# The due occurrences of a recurring commitment ("a summit every two years"), each with
# what fulfilled it; the status of such a commitment is computed over its occurrences.
occurrences = Table(
    "occurrences",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("commitment_id", Integer, ForeignKey("commitments.id"), nullable=False),
    Column("due_value", String(10)),
    Column("due_precision", String(5)),
    Column("due_start", Date),
    Column("due_end", Date),
    Column("merged_key", String(200), comment="what fulfilled this occurrence, if anything"),
    Column("known_on", Date),
    Index("ix_occurrences_commitment", "commitment_id"),
)

# Every lowercase word seen in a document and its lemma: lets a query word find its
# inflected forms, for FTS5 snippets and for the portable LIKE search alike.
words = Table(
    "words",
    metadata,
    Column("word", String(100), primary_key=True),
    Column("lemma", String(100), primary_key=True),
    Index("ix_words_lemma", "lemma"),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(50), primary_key=True),
    Column("value", Text, nullable=False),
)

DERIVED = (occurrences, fulfilment_evidence, fulfilments, merged_participants, merged_reports,
           merged_events)
