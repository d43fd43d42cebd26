"""Inputs for `Store.ingest`: everything `summitry.ingest.iter_inputs` reads, plus RSS/Atom feeds.

A URL is fetched once: if it serves a feed (by content type or by its opening tag),
each entry's link is fetched and read as a page; where that fails (offline, HTTP error)
or `fetch=False`, the entry's own content or summary is read instead. A local
`.xml`, `.rss` or `.atom` file is read as a feed. Anything else goes to iter_inputs.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import feedparser
import httpx

from summitry.errors import InputError
from summitry.ingest import MAX_BYTES, RawDocument, decode_bytes, iter_inputs, read_text, read_url
from summitry.ingest.html import declared_charset

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_URL = re.compile(r"^https?://", re.IGNORECASE)
_FEED_TYPES = ("rss", "atom", "application/xml", "text/xml", "rdf")
_TAG = re.compile(r"<[A-Za-z/!][^>]*>")
_FEED_HEAD = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """A feed by its declared type or by its root element."""
    if any(t in content_type.lower() for t in _FEED_TYPES) and "html" not in content_type.lower():
        return True
    return bool(_FEED_HEAD.search(data[:2048]))


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _entry_body(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return entry.get("summary") or None


def read_feed(data: bytes, source: str, *, client: httpx.Client | None = None, fetch: bool = True,
              published: date | None = None, outlet: str | None = None,
              language: str | None = None) -> Iterator[RawDocument | InputError]:
    """One RawDocument (or InputError) per feed entry: the linked page, else the entry's text."""
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = str(feed.get("bozo_exception") or "no entries")
        yield InputError(source, f"not a readable RSS/Atom feed: {problem}")
        return
    outlet = outlet or feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        key = link or f"{source}#{number}"
        options: dict[str, Any] = {"title": entry.get("title") or None, "outlet": outlet,
                                   "published": published or _entry_date(entry), "language": language}
        failure: InputError | None = None
        if link and fetch:
            try:
                yield read_url(link, client=client, **options)
                continue
            except InputError as exc:
                failure = exc
        body = _entry_body(entry)
        if not body:
            yield failure or InputError(key, "feed entry has neither a link to fetch nor content")
            continue
        try:
            yield _read_entry(body, key, link, options)
        except InputError as exc:
            yield exc


def _read_entry(body: str, key: str, link: str | None, options: dict[str, Any]) -> RawDocument:
    """An entry's own content: HTML through the page reader, else (or if that finds no
    article in a fragment) its text with the tags taken out."""
    if _TAG.search(body):
        try:
            return read_text(body, key, html=True, url=link, **options)
        except InputError:
            body = html.unescape(_TAG.sub(" ", body))
    return read_text(body, key, **options)


def _read_url(url: str, client: httpx.Client, fetch: bool,
              options: dict[str, Any]) -> Iterator[RawDocument | InputError]:
    """Fetch a URL once; read it as a feed or as a page."""
    try:
        response = client.get(url)
    except httpx.HTTPError as exc:
        yield InputError(url, f"could not fetch: {exc or type(exc).__name__}")
        return
    if response.status_code >= 400:
        yield InputError(url, f"HTTP {response.status_code} {response.reason_phrase}")
        return
    data = response.content
    if len(data) > MAX_BYTES:
        yield InputError(url, f"too large: {len(data) / 2**20:.1f} MB")
        return
    content_type = response.headers.get("content-type", "")
    if looks_like_feed(data, content_type):
        yield from read_feed(data, url, client=client, fetch=fetch, **options)
        return
    charset = response.charset_encoding or declared_charset(data)
    try:
        page = data.decode(charset) if charset else decode_bytes(data, url)
    except (LookupError, UnicodeDecodeError):
        page = decode_bytes(data, url)
    try:
        yield read_text(page, url, html="text/plain" not in content_type.lower(), url=url, **options)
    except InputError as exc:
        yield exc


def iter_sources(paths: Iterable[str | Path], *, published: date | None = None,
                 outlet: str | None = None, language: str | None = None,
                 client: httpx.Client | None = None,
                 fetch: bool = True) -> Iterator[RawDocument | InputError]:
    """Files, folders, manifests, pages and feeds, in order; errors yielded, never raised."""
    options: dict[str, Any] = {"published": published, "outlet": outlet, "language": language}
    own = client is None
    http = client or httpx.Client(timeout=20.0, follow_redirects=True)
    try:
        for path in paths:
            name = str(path)
            if _URL.match(name):
                yield from _read_url(name, http, fetch, options)
            elif Path(name).suffix.lower() in FEED_SUFFIXES and Path(name).is_file():
                yield from read_feed(Path(name).read_bytes(), name, client=http, fetch=fetch,
                                     **options)
            else:
                yield from iter_inputs([name], client=http, **options)
    finally:
        if own:
            http.close()


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many documents the inputs hold, for a progress bar; None where unknowable (URLs)."""
    total = 0
    for path in paths:
        p = Path(path)
        if _URL.match(str(path)) or p.suffix.lower() in FEED_SUFFIXES:
            return None
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in names:
                    if name.startswith("."):
                        continue
                    if name.lower().endswith(".jsonl"):
                        return None  # a manifest's count is its lines minus the files it names
                    total += 1
        elif p.suffix.lower() == ".jsonl":
            try:
                total += sum(1 for line in p.open("rb") if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total
