"""The initial store: documents, entities, mentions, events, commitments, derived links, FTS.

Revision ID: 0001
Revises:
Create Date: 2025-07-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The full-text index exists on SQLite only (FTS5); other backends search with LIKE.
FTS5 = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "doc_id UNINDEXED, title, text, lemmas, tokenize='unicode61 remove_diacritics 2')"
)


def _id(name: str = "id") -> sa.Column:
    return sa.Column(name, sa.Integer, primary_key=True, autoincrement=True)


def _entity(name: str = "entity_id", *, pk: bool = True) -> sa.Column:
    return sa.Column(name, sa.String(200), sa.ForeignKey("entities.id"), primary_key=pk,
                     nullable=False)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(16), primary_key=True, comment="first 16 hex of sha256(text)"),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("published", sa.Date),
        sa.Column("outlet", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("record", sa.JSON, nullable=False, comment="the record of shared/spec/record.md"),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "entities",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("known", sa.Boolean, nullable=False, comment="in the knowledge base, or discovered"),
        sa.Column("wikidata", sa.String(20)),
    )
    op.create_table(
        "entity_names",
        _entity(),
        sa.Column("folded", sa.String(300), primary_key=True),
    )
    op.create_index("ix_entity_names_folded", "entity_names", ["folded"])
    op.create_table(
        "mentions",
        _id(),
        sa.Column("doc_id", sa.String(16), sa.ForeignKey("documents.id"), nullable=False),
        _entity(pk=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_doc", "mentions", ["doc_id"])
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.create_table(
        "events",
        _id(),
        sa.Column("doc_id", sa.String(16), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False, comment="position in record['events']"),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("plover", sa.String(20)),
        sa.Column("title", sa.Text),
        sa.Column("format", sa.String(200)),
        sa.Column("date_value", sa.String(10)),
        sa.Column("date_precision", sa.String(5)),
        sa.Column("date_start", sa.Date, comment="first day the date covers"),
        sa.Column("place", sa.String(200)),
        sa.Column("data", sa.JSON, nullable=False, comment="the record's event item"),
        sa.UniqueConstraint("doc_id", "idx", name="uq_events_doc_idx"),
    )
    op.create_table(
        "event_participants",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
        _entity(),
    )
    op.create_index("ix_event_participants_entity", "event_participants", ["entity_id"])
    op.create_table(
        "event_evidence",
        _id(),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_event_evidence_event", "event_evidence", ["event_id"])
    op.create_table(
        "commitments",
        _id(),
        sa.Column("doc_id", sa.String(16), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False, comment="position in record['commitments']"),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("action", sa.Text),
        sa.Column("sector", sa.String(20)),
        sa.Column("due_value", sa.String(10)),
        sa.Column("due_precision", sa.String(5)),
        sa.Column("due_start", sa.Date, comment="first day of the due period"),
        sa.Column("due_end", sa.Date, comment="last day of the due period: overdue after it"),
        sa.Column("place", sa.String(200)),
        sa.Column("data", sa.JSON, nullable=False, comment="the record's commitment item"),
        sa.UniqueConstraint("doc_id", "idx", name="uq_commitments_doc_idx"),
    )
    op.create_index("ix_commitments_due_start", "commitments", ["due_start"])
    op.create_index("ix_commitments_sector", "commitments", ["sector"])
    op.create_table(
        "commitment_actors",
        sa.Column("commitment_id", sa.Integer, sa.ForeignKey("commitments.id"), primary_key=True),
        _entity(),
    )
    op.create_index("ix_commitment_actors_entity", "commitment_actors", ["entity_id"])
    op.create_table(
        "commitment_evidence",
        _id(),
        sa.Column("commitment_id", sa.Integer, sa.ForeignKey("commitments.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_commitment_evidence_commitment", "commitment_evidence", ["commitment_id"])
    op.create_table(
        "merged_events",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("plover", sa.String(20)),
        sa.Column("title", sa.Text),
        sa.Column("format", sa.String(200)),
        sa.Column("date_value", sa.String(10)),
        sa.Column("date_precision", sa.String(5)),
        sa.Column("date_start", sa.Date),
        sa.Column("place", sa.String(200)),
        sa.Column("reported_on", sa.Date, comment="earliest publication among its reports"),
        sa.Column("report_count", sa.Integer, nullable=False),
        sa.Column("why", sa.JSON, nullable=False, comment="why the reports were merged"),
        sa.Column("data", sa.JSON, nullable=False, comment="documents signed and other merged fields"),
    )
    op.create_index("ix_merged_events_date_start", "merged_events", ["date_start"])
    op.create_index("ix_merged_events_type", "merged_events", ["type"])
    op.create_table(
        "merged_reports",
        sa.Column("merged_key", sa.String(200), sa.ForeignKey("merged_events.key"), primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
    )
    op.create_index("ix_merged_reports_event", "merged_reports", ["event_id"])
    op.create_table(
        "merged_participants",
        sa.Column("merged_key", sa.String(200), sa.ForeignKey("merged_events.key"), primary_key=True),
        _entity(),
    )
    op.create_index("ix_merged_participants_entity", "merged_participants", ["entity_id"])
    op.create_table(
        "fulfilments",
        _id(),
        sa.Column("commitment_id", sa.Integer, sa.ForeignKey("commitments.id"), nullable=False),
        sa.Column("merged_key", sa.String(200), nullable=False,
                  comment="merged_events.key or report:..."),
        sa.Column("event_type", sa.String(20), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("known_on", sa.Date, comment="when the fulfilment was first reported"),
        sa.Column("why", sa.JSON, nullable=False),
    )
    op.create_index("ix_fulfilments_commitment", "fulfilments", ["commitment_id"])
    op.create_index("ix_fulfilments_merged", "fulfilments", ["merged_key"])
    op.create_table(
        "fulfilment_evidence",
        _id(),
        sa.Column("fulfilment_id", sa.Integer, sa.ForeignKey("fulfilments.id"), nullable=False),
        sa.Column("doc_id", sa.String(16), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_fulfilment_evidence_fulfilment", "fulfilment_evidence", ["fulfilment_id"])
    op.create_table(
        "occurrences",
        _id(),
        sa.Column("commitment_id", sa.Integer, sa.ForeignKey("commitments.id"), nullable=False),
        sa.Column("due_value", sa.String(10)),
        sa.Column("due_precision", sa.String(5)),
        sa.Column("due_start", sa.Date),
        sa.Column("due_end", sa.Date),
        sa.Column("merged_key", sa.String(200), comment="what fulfilled this occurrence, if anything"),
        sa.Column("known_on", sa.Date),
    )
    op.create_index("ix_occurrences_commitment", "occurrences", ["commitment_id"])
    op.create_table(
        "words",
        sa.Column("word", sa.String(100), primary_key=True),
        sa.Column("lemma", sa.String(100), primary_key=True),
    )
    op.create_index("ix_words_lemma", "words", ["lemma"])
    op.create_table(
        "meta",
        sa.Column("key", sa.String(50), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(FTS5)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for name in ("meta", "words", "occurrences", "fulfilment_evidence", "fulfilments", "merged_participants",
                 "merged_reports", "merged_events", "commitment_evidence", "commitment_actors",
                 "commitments", "event_evidence", "event_participants", "events", "mentions",
                 "entity_names", "entities", "documents"):
        op.drop_table(name)
