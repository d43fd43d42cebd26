"""Full-text search over documents, by surface form and by lemma.

On SQLite the `documents_fts` FTS5 table (created by migration 0001) holds each
document's title, text and a `lemmas` column: the lemma of every word in order, made
with `summitry.morph.analyse`, so that "саммите" finds "саммит", "саммита", "саммиты".
The `words` table keeps every inflected form seen with its lemma; a query word is
lemmatized the same way and expanded to the forms the store has seen, so that FTS5's
snippet() highlights the inflected words in the surface text.

Every other backend (PostgreSQL) has no FTS5: there the same expansion drives a
portable, slower case-insensitive LIKE over `documents.text`, and snippets are cut in
Python. This module is the only place with SQLite-specific SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, or_, select, text

from summitry.morph import analyse
from summitry.store import schema as s
from summitry.store.sql import insert_ignore

WORD = re.compile(r"[^\W_]+")  # what FTS5's unicode61 tokenizer calls a token, letters and digits
CJK = re.compile(r"[\u3400-\u9fff]")
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
SNIPPET_TOKENS = 24
QUERY_LANGUAGES = ("ru", "uk")  # a query has no language: its words are lemmatized as both


@dataclass
class SearchHit:
    """A document that matches a query, with a snippet and where the matches are in it."""

    doc_id: str
    source: str
    title: str | None
    published: date | None
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    rank: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
        }


def _cjk_words(chunk: str) -> list[str]:
    import jieba  # loaded only for Chinese text

    return [w for w in jieba.cut(chunk) if WORD.fullmatch(w)]


def lemmas_of(text_: str, language: str | None) -> tuple[list[str], set[tuple[str, str]]]:
    """The lemma of every word in order, and the (form, lemma) pairs where they differ."""
    lemmas: list[str] = []
    pairs: set[tuple[str, str]] = set()
    for match in WORD.finditer(text_):
        word = match.group().lower()
        if CJK.search(word):
            lemmas.extend(_cjk_words(word))
            continue
        lemma = analyse(word, language)[0] if language in ("ru", "uk") else word.replace("ё", "е")
        lemmas.append(lemma)
        if lemma != word and len(word) <= 100 and len(lemma) <= 100:
            pairs.add((word, lemma))
    return lemmas, pairs


def index_document(conn: Connection, doc_id: str, title: str | None, body: str,
                   language: str | None) -> None:
    """Index one document (in the caller's transaction, so it is atomic with the document)."""
    lemmas, pairs = lemmas_of(body, language)
    if pairs:
        conn.execute(insert_ignore(conn, s.words),
                     [{"word": w, "lemma": lemma} for w, lemma in sorted(pairs)])
    if has_fts(conn):
        conn.execute(
            text("INSERT INTO documents_fts (doc_id, title, text, lemmas) "
                 "VALUES (:doc_id, :title, :text, :lemmas)"),
            {"doc_id": doc_id, "title": title or "", "text": body, "lemmas": " ".join(lemmas)},
        )


def has_fts(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def query_terms(conn: Connection, query: str) -> list[tuple[set[str], set[str]]]:
    """For each query word: (its possible lemmas, every form of them the store has seen)."""
    terms: list[tuple[set[str], set[str]]] = []
    for match in WORD.finditer(query):
        word = match.group().lower()
        if CJK.search(word):
            terms.extend(({w}, {w}) for w in _cjk_words(word))
            continue
        lemmas = {word.replace("ё", "е")} | {analyse(word, lang)[0] for lang in QUERY_LANGUAGES}
        forms = set(conn.execute(select(s.words.c.word).where(s.words.c.lemma.in_(lemmas))).scalars())
        terms.append((lemmas, forms | lemmas | {word}))
    return terms


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(terms: list[tuple[set[str], set[str]]]) -> str:
    """An FTS5 MATCH expression: every word, by lemma or by any of its surface forms."""
    parts = []
    for lemmas, forms in terms:
        by_lemma = " OR ".join(_quote(t) for t in sorted(lemmas))
        by_form = " OR ".join(_quote(t) for t in sorted(forms))
        parts.append(f"(lemmas : ({by_lemma}) OR {{title text}} : ({by_form}))")
    return " AND ".join(parts)


def _marked(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip the highlight marks, returning the plain snippet and the marked ranges."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    start = 0
    length = 0
    for piece in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", snippet):
        if piece == MARK_OPEN:
            start = length
        elif piece == MARK_CLOSE:
            spans.append((start, length))
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), spans


def cut_snippet(body: str, forms: set[str], width: int = 90) -> tuple[str, list[tuple[int, int]]]:
    """A snippet made in Python: the text around the first matched form, matches marked."""
    found: list[re.Match[str]] = [m for m in WORD.finditer(body) if m.group().lower() in forms]
    if not found and forms:
        # Chinese and other unsegmented text: substring matches
        for form in sorted(forms, key=len, reverse=True):
            hit = re.compile(re.escape(form), re.IGNORECASE).search(body)
            if hit:
                found = [hit]
                break
    centre = found[0].start() if found else 0
    lo, hi = max(0, centre - width // 2), min(len(body), centre + width)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(body) else ""
    piece = " ".join(body[lo:hi].split("\n"))
    spans = [(len(prefix) + m.start() - lo, len(prefix) + m.end() - lo)
             for m in found if m and lo <= m.start() and m.end() <= hi]
    return prefix + piece + suffix, spans


def search(conn: Connection, query: str, limit: int = 20) -> list[SearchHit]:
    """Documents matching every word of `query` (by lemma or form), best first."""
    terms = query_terms(conn, query)
    if not terms:
        return []
    forms = set().union(*(f for _, f in terms))
    if has_fts(conn):
        rows = conn.execute(
            text("SELECT doc_id, snippet(documents_fts, 2, :open, :close, '…', :tokens), "
                 "bm25(documents_fts) AS rank FROM documents_fts WHERE documents_fts MATCH :q "
                 "ORDER BY rank LIMIT :limit"),
            {"open": MARK_OPEN, "close": MARK_CLOSE, "tokens": SNIPPET_TOKENS,
             "q": fts_query(terms), "limit": limit},
        ).all()
        found = [(row[0], row[1], float(row[2])) for row in rows]
    else:
        found = [(doc_id, None, 0.0) for doc_id in _like_ids(conn, terms, limit)]
    docs = {row.id: row for row in conn.execute(
        select(s.documents.c.id, s.documents.c.source, s.documents.c.title,
               s.documents.c.published, s.documents.c.text)
        .where(s.documents.c.id.in_([f[0] for f in found])))}
    hits = []
    for doc_id, marked, rank in found:
        doc = docs[doc_id]
        snippet, spans = _marked(marked) if marked else ("", [])
        if not spans:
            snippet, spans = cut_snippet(doc.text, forms)
        hits.append(SearchHit(doc_id, doc.source, doc.title, doc.published, snippet, spans, rank))
    return hits


def _like_ids(conn: Connection, terms: list[tuple[set[str], set[str]]], limit: int) -> list[str]:
    """The portable fallback: every word must occur as one of its forms (case-insensitive)."""
    body = s.documents.c.text
    clauses = []
    for _, forms in terms:
        variants = forms | {f.capitalize() for f in forms}
        clauses.append(or_(*(body.ilike(f"%{f}%") for f in sorted(variants))))
    rows = conn.execute(select(s.documents.c.id).where(and_(*clauses))
                        .order_by(s.documents.c.published.desc(), s.documents.c.id).limit(limit))
    return list(rows.scalars())
