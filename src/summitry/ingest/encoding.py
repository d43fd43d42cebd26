"""Encoding detection: bytes of a text or page to str, so that Cyrillic reads right.

Order: a BOM (UTF-8, UTF-16, UTF-32) > strict UTF-8 > UTF-8 with a few stray bytes >
the single-byte Cyrillic encodings (cp1251, koi8-r, koi8-u), chosen by how plausible
the Russian/Ukrainian text they give is > charset-normalizer's best guess, if it gives
plausible text. charset-normalizer alone confuses cp1251 and koi8-r on short texts,
hence the Cyrillic check before it.
"""

from __future__ import annotations

import codecs
import math
import unicodedata

from charset_normalizer import from_bytes

from summitry.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CYRILLIC_CODECS = ("cp1251", "koi8-r", "koi8-u")
SAMPLE = 65536  # bytes scored when choosing an encoding
STRAY_UTF8 = 0.01  # share of bad sequences tolerated in otherwise valid UTF-8

# Letter frequencies (%) of Russian and Ukrainian news text, lowercase.
_FREQ = {
    "о": 10.5, "е": 8.0, "а": 8.0, "и": 6.5, "н": 6.7, "т": 6.0, "с": 5.3, "р": 4.7,
    "в": 4.5, "л": 4.3, "к": 3.4, "м": 3.1, "д": 3.0, "п": 2.8, "у": 2.6, "я": 2.0,
    "ы": 1.8, "ь": 1.7, "г": 1.7, "з": 1.6, "б": 1.6, "ч": 1.4, "й": 1.2, "х": 0.9,
    "ж": 0.9, "ш": 0.7, "ю": 0.6, "ц": 0.5, "щ": 0.35, "э": 0.3, "ф": 0.3, "ъ": 0.04,
    "ё": 0.1, "і": 3.0, "ї": 0.6, "є": 0.4, "ґ": 0.05,
}
_RARE = 0.01  # frequency given to any other Cyrillic letter
_ALLOWED_SYMBOLS = set("№°€$£¥%§©®™+<=>|~^`")
_EDGE_PUNCT = "«»\"'“”„‘’()[]{}.,;:!?…—–-/*"


def _script(ch: str) -> str:
    """The script of a letter, from its Unicode name: LATIN, CYRILLIC, CJK, ..."""
    name = unicodedata.name(ch, "")
    word = name.split(" ")[0]
    return "CJK" if word in {"CJK", "HIRAGANA", "KATAKANA", "HANGUL"} else word


def _implausible_token(token: str) -> bool:
    """A non-ASCII word no real text holds, as a wrong codec gives: mixed scripts
    ("rйunis"), stray symbols or modifier marks ("ˇ"), a capital right after a small
    letter ("яюЃ"), or a lone accented letter glued to punctuation ("Ă(")."""
    word = token.strip(_EDGE_PUNCT)
    scripts: set[str] = set()
    previous_lower = False
    for i, ch in enumerate(word):
        category = unicodedata.category(ch)
        if category in ("Lu", "Ll", "Lt", "Lo"):
            scripts.add(_script(ch))
            if category == "Lu" and previous_lower:
                return True
            previous_lower = category == "Ll"
            if ord(ch) > 127 and category != "Lo" and len(word) > 1:
                neighbours = word[max(i - 1, 0) : i] + word[i + 1 : i + 2]
                if not any(n.isalpha() for n in neighbours):
                    return True
        elif category[0] in "CS" and ch not in _ALLOWED_SYMBOLS or category in ("Lm", "Mn"):
            return True
        else:
            previous_lower = False
    return len(scripts) > 1


def plausible(text: str) -> bool:
    """True when at most about one in ten words holding non-ASCII characters looks broken."""
    tokens = [t for t in text.split() if not t.isascii()]
    if not tokens:
        return True
    bad = sum(1 for t in tokens if _implausible_token(t))
    return bad <= (len(tokens) + 5) // 10


def cyrillic_score(text: str) -> float | None:
    """How much `text` reads like Russian/Ukrainian; None when it is not Cyrillic text.

    Mean log letter frequency, less a penalty for capitals inside words: decoding
    with the wrong one of cp1251/koi8-r swaps the case of every Cyrillic letter.
    """
    letters = 0
    logp = 0.0
    inner_capitals = 0
    previous_lower = False
    non_ascii = 0
    for ch in text:
        if ord(ch) < 128:
            previous_lower = False
            continue
        non_ascii += 1
        if not ("\u0400" <= ch <= "\u04ff"):
            previous_lower = False
            continue
        letters += 1
        lower = ch.lower()
        logp += math.log(_FREQ.get(lower, _RARE))
        if ch != lower and previous_lower:
            inner_capitals += 1
        previous_lower = ch == lower
    if letters == 0 or letters < 0.8 * non_ascii:
        return None
    if inner_capitals > 0.05 * letters + 1 or not plausible(text):
        return None
    return logp / letters - 20.0 * inner_capitals / letters


def _stray_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a truncated file), decoded with U+FFFD for them."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127) - bad
    if multibyte >= 20 and bad <= STRAY_UTF8 * multibyte:
        return text
    return None


def _best_cyrillic(data: bytes) -> str | None:
    sample = data[:SAMPLE]
    best: tuple[float, str] | None = None
    for codec in CYRILLIC_CODECS:
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        score = cyrillic_score(text)
        if score is not None and (best is None or score > best[0]):
            best = (score, codec)
    if best is None:
        return None
    try:
        return data.decode(best[1])
    except UnicodeDecodeError:
        return None


def _charset_normalizer(data: bytes) -> str | None:
    for match in from_bytes(data[: SAMPLE * 4]):
        try:
            text = data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if plausible(text[:SAMPLE]):
            return text
    return None


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the head: not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\x0b\x1b")
    return controls > 0.05 * max(len(head), 1)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode the bytes of a text or page; raise InputError naming `source` if none fits."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise InputError(source, f"starts with a {codec} mark but is not {codec}: {exc}")
    if is_binary(data):
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for attempt in (_stray_utf8, _best_cyrillic, _charset_normalizer):
        text = attempt(data)
        if text is not None:
            return text
    raise InputError(source, "not valid UTF-8 and no known encoding fits")
