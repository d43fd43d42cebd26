"""RawDocument: one input read and cleaned, before any language work."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class RawDocument:
    """A cleaned text and what its source says about it; offsets of the record refer to `text`."""

    source: str  # path, URL or "manifest.jsonl:LINE" key
    text: str  # the CLEANED text
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    language: str | None = None  # only if given by the manifest or a flag; detection is later
    credits: list[str] = field(default_factory=list)  # removed photo-credit lines

    def __repr__(self) -> str:
        return (
            f"RawDocument({self.source!r}, {len(self.text)} chars, published={self.published}, "
            f"outlet={self.outlet!r}, language={self.language!r})"
        )
