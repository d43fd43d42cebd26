"""Inputs to RawDocuments: files, folders, JSONL manifests and URLs.

A bad input becomes one InputError that names it and says what is wrong; batch
readers (`iter_inputs`, `read_manifest`) yield the error and go on, never stop.
The publication date comes from, in order: the caller or the manifest, the page's
metadata, a dateline at the head of the text.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx

from summitry.errors import InputError
from summitry.ingest.clean import clean_text
from summitry.ingest.dateline import find_dateline
from summitry.ingest.encoding import decode_bytes, is_binary
from summitry.ingest.html import declared_charset, extract_page
from summitry.ingest.raw import RawDocument

MAX_BYTES = 10 * 1024 * 1024  # texts larger than this are refused before they are read
FETCH_TIMEOUT = 20.0  # seconds for one URL
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MANIFEST_SUFFIX = ".jsonl"
_URL = re.compile(r"^https?://", re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def _check_size(size: int, source: str, max_bytes: int) -> None:
    if size == 0:
        raise InputError(source, "empty file")
    if size > max_bytes:
        raise InputError(source, f"too large: {_megabytes(size)} (limit {max_bytes / 2**20:g} MB)")


def _decode_page(data: bytes, source: str, charset: str | None) -> str:
    """Decode an HTML page: BOM, then the charset it declares, then detection."""
    if charset and not data.startswith(_BOMS) and not is_binary(data):
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall back to detection
    return decode_bytes(data, source)


def read_text(
    text: str,
    source: str = "<text>",
    *,
    html: bool = False,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    language: str | None = None,
) -> RawDocument:
    """A RawDocument from text (or HTML) already in memory: extract, clean, date it."""
    if not text.strip():
        raise InputError(source, "empty file" if source != "<text>" else "empty text")
    page_title = page_outlet = None
    page_date: date | None = None
    if html:
        page = extract_page(text, source, url=url)
        text, page_title, page_date = page.text, page.title, page.published
        page_outlet = page.outlet
    cleaned, credits = clean_text(text)
    if not cleaned:
        raise InputError(source, "no text left after removing page furniture")
    if credits:
        # A credit names who supplied the picture (an agency, a press service): it is
        # moved out of the body to a closing line, kept verbatim so its names stay evidence.
        cleaned = cleaned + "\n\n" + "\n".join(credits)
    return RawDocument(
        source=source,
        text=cleaned,
        title=title or page_title,
        published=published or page_date or find_dateline(text),
        outlet=outlet or page_outlet,
        language=language,
        credits=credits,
    )


def read_path(
    path: str | Path,
    *,
    published: date | None = None,
    outlet: str | None = None,
    language: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> RawDocument:
    """Read one .txt, .html or .htm file; raise InputError naming it if it cannot be read."""
    source = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(source, "no such file or directory")
    if p.is_dir():
        raise InputError(source, "is a folder, not a file (read folders with iter_inputs)")
    suffix = p.suffix.lower()
    if suffix == MANIFEST_SUFFIX:
        raise InputError(source, "is a manifest (read it with read_manifest or iter_inputs)")
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise InputError(
            source, f"unsupported file type {suffix or '(none)'!r} (expected .txt, .html, .htm)"
        )
    try:
        _check_size(p.stat().st_size, source, max_bytes)
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    is_html = suffix in HTML_SUFFIXES
    if is_html:
        text = _decode_page(data, source, declared_charset(data))
    else:
        text = decode_bytes(data, source)
    return read_text(
        text, source, html=is_html, published=published, outlet=outlet, language=language
    )


def _fetch(url: str, client: httpx.Client, max_bytes: int) -> tuple[bytes, httpx.Response]:
    """GET `url`, refusing bodies over `max_bytes` before they are all read."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise InputError(url, f"not a valid URL: {exc}") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InputError(url, "not a valid URL: expected http:// or https:// and a host")
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                _check_size(int(declared), url, max_bytes)
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    _check_size(len(body), url, max_bytes)
            return bytes(body), response
    except httpx.TimeoutException as exc:
        raise InputError(url, f"could not fetch: timed out ({type(exc).__name__})") from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise InputError(url, f"could not fetch: {exc or type(exc).__name__}") from exc


def read_url(
    url: str,
    *,
    client: httpx.Client | None = None,
    timeout: float = FETCH_TIMEOUT,
    title: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    language: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> RawDocument:
    """Fetch a page with httpx and read it as HTML (as text if served as text/plain).

    Pass `client` to reuse a connection pool or, in tests, an httpx.MockTransport.
    """
    own = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True)
    try:
        data, response = _fetch(url, http, max_bytes)
    finally:
        if own:
            http.close()
    _check_size(len(data), url, max_bytes)
    content_type = response.headers.get("content-type", "").lower()
    charset = response.charset_encoding or declared_charset(data)
    text = _decode_page(data, url, charset)
    return read_text(
        text,
        url,
        html="text/plain" not in content_type,
        url=url,
        title=title,
        published=published,
        outlet=outlet,
        language=language,
    )


def _optional_str(entry: dict[str, Any], name: str, key: str) -> str | None:
    value = entry.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(key, f"'{name}' must be a string, found {type(value).__name__}")
    return value.strip() or None


def _optional_date(entry: dict[str, Any], key: str) -> date | None:
    value = _optional_str(entry, "published", key)
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(key, f"'published' must be YYYY-MM-DD, found {value!r}") from None


def _manifest_entry(
    entry: object,
    key: str,
    base: Path,
    defaults: dict[str, Any],
    client: httpx.Client | None,
) -> RawDocument:
    """One manifest line's document; its own fields win over the caller's defaults."""
    if not isinstance(entry, dict):
        raise InputError(key, f"expected a JSON object, found {type(entry).__name__}")
    given = [name for name in ("path", "url", "text") if entry.get(name) is not None]
    if len(given) != 1:
        found = ", ".join(given) or "none"
        raise InputError(key, f"expected exactly one of 'path', 'url', 'text' (found {found})")
    fields: dict[str, Any] = {
        "published": _optional_date(entry, key) or defaults.get("published"),
        "outlet": _optional_str(entry, "outlet", key) or defaults.get("outlet"),
        "language": _optional_str(entry, "language", key) or defaults.get("language"),
    }
    title = _optional_str(entry, "title", key)
    max_bytes = defaults.get("max_bytes", MAX_BYTES)
    value = _optional_str(entry, given[0], key) or ""
    try:
        if given[0] == "path":
            doc = read_path(base / value, max_bytes=max_bytes, **fields)
            doc.title = title or doc.title
            return doc
        if given[0] == "url":
            return read_url(value, client=client, title=title, max_bytes=max_bytes, **fields)
        if len(value.encode("utf-8")) > max_bytes:
            _check_size(len(value.encode("utf-8")), key, max_bytes)
        return read_text(value, key, title=title, **fields)
    except InputError as exc:
        if exc.source == key:
            raise
        raise InputError(key, f"{exc.source}: {exc.problem}") from exc


def read_manifest(
    path: str | Path,
    *,
    published: date | None = None,
    outlet: str | None = None,
    language: str | None = None,
    max_bytes: int = MAX_BYTES,
    client: httpx.Client | None = None,
) -> Iterator[RawDocument | InputError]:
    """Read a JSONL manifest: one object a line with `path` (relative to the manifest),
    `url` or `text`, and optional `published`, `outlet`, `title`, `language`.

    Yields a RawDocument per good line and an InputError naming "FILE.jsonl:LINE" per bad one.
    """
    source = str(path)
    p = Path(path)
    defaults: dict[str, Any] = {"published": published, "outlet": outlet, "language": language}
    defaults["max_bytes"] = max_bytes
    try:
        handle = p.open("rb")
    except FileNotFoundError:
        yield InputError(source, "no such file or directory")
        return
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            key = f"{source}:{number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield InputError(key, "manifest line is not valid UTF-8")
                continue
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(key, f"malformed JSON line: {exc.msg} at column {exc.colno}")
                continue
            try:
                yield _manifest_entry(entry, key, p.parent, defaults, client)
            except InputError as exc:
                yield exc


def _manifest_paths(manifest: Path) -> set[Path]:
    """The files a manifest names by `path`, so a folder walk does not read them twice."""
    named: set[Path] = set()
    try:
        lines = manifest.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return named
    for line in lines:
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("path"), str):
            named.add((manifest.parent / entry["path"]).resolve())
    return named


def _walk(folder: Path) -> list[Path]:
    """Files under `folder`, recursively, hidden ones left out, in a fixed order."""
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(root) / n for n in names if not n.startswith("."))
    return sorted(files, key=lambda f: f.relative_to(folder).as_posix())


def iter_inputs(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    outlet: str | None = None,
    language: str | None = None,
    max_bytes: int = MAX_BYTES,
    client: httpx.Client | None = None,
) -> Iterator[RawDocument | InputError]:
    """Read files, folders (recursively), .jsonl manifests and http(s) URLs, in order.

    Yields a RawDocument per good input and an InputError per bad one, and goes on.
    In a folder, .txt/.html/.htm files are read, a .jsonl is read as a manifest (the
    files it names are read through it, once), and any other file is an error.
    The keyword arguments are defaults that a manifest's own fields override.
    """
    options: dict[str, Any] = {"published": published, "outlet": outlet, "language": language}
    for path in paths:
        if _URL.match(str(path)):
            try:
                yield read_url(str(path), client=client, max_bytes=max_bytes, **options)
            except InputError as exc:
                yield exc
            continue
        p = Path(path)
        if not p.exists():
            yield InputError(str(path), "no such file or directory")
            continue
        files = _walk(p) if p.is_dir() else [p]
        named: set[Path] = set()
        if p.is_dir():
            for manifest in (f for f in files if f.suffix.lower() == MANIFEST_SUFFIX):
                named |= _manifest_paths(manifest)
        for file in files:
            if file.suffix.lower() == MANIFEST_SUFFIX:
                yield from read_manifest(file, max_bytes=max_bytes, client=client, **options)
            elif file.resolve() in named:
                continue
            else:
                try:
                    yield read_path(file, max_bytes=max_bytes, **options)
                except InputError as exc:
                    yield exc
