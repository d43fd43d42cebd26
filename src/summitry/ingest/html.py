"""A news page's main text and metadata: trafilatura for text, title and site name,
htmldate for the original publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import htmldate
import trafilatura

from summitry.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


@dataclass
class Page:
    """What a page gives before cleaning: its main text, one paragraph a line."""

    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None

    def __repr__(self) -> str:
        return f"Page({self.title!r}, {self.published}, {self.outlet!r}, {len(self.text)} chars)"


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _page_date(html: str, url: str | None) -> date | None:
    """The original publication date in the page's metadata, by htmldate."""
    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True, url=url)
    except Exception:  # htmldate raises assorted parse errors on odd pages; a date is optional
        return None
    if not found:
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None


def _clean_field(value: object) -> str | None:
    text = str(value).strip() if value else ""
    return text or None


def extract_page(html: str, source: str, *, url: str | None = None) -> Page:
    """The main text of `html` (comments excluded) with its title, date and outlet.

    Raises InputError "HTML page has no main text" when trafilatura finds none.
    """
    text: str | None = None
    for precision in (True, False):
        text = trafilatura.extract(
            html,
            url=url,
            include_comments=False,
            include_tables=True,
            favor_precision=precision,
            output_format="txt",
            deduplicate=False,
        )
        if text and text.strip():
            break
    if not text or not text.strip():
        raise InputError(source, "HTML page has no main text")
    title = outlet = None
    try:
        metadata = trafilatura.extract_metadata(html, default_url=url, extensive=False)
    except Exception:  # metadata is optional; a page whose head cannot be parsed has none
        metadata = None
    if metadata is not None:
        title = _clean_field(metadata.title)
        outlet = _clean_field(metadata.sitename)
    return Page(text=text, title=title, published=_page_date(html, url), outlet=outlet)
