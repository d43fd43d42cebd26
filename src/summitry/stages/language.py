"""Language identification with lingua among the languages this news comes in."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from summitry.doc import Doc
from summitry.pipeline import stage

SUPPORTED = ("ru", "uk", "kk", "en", "zh")
# Languages lingua also tells apart, so that a text in one of them is reported as such
# rather than forced into the nearest supported language.
OTHERS = ("be", "bg", "sr", "mk", "mn", "de", "fr", "es", "it", "tr", "ar", "fa", "ja", "ko")


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in SUPPORTED + OTHERS]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for a text with no letters."""
    sample = text[:4000]
    if not any(ch.isalpha() for ch in sample):
        return None
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


@stage("language", requires=("text",), assigns=("language",))
def detect_language(doc: Doc) -> None:
    if not doc.language:
        doc.language = detect(doc.text) or "und"
