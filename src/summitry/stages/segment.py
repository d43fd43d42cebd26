"""Sentences and word tokens with their lemmas and match keys.

Sentences come from razdel within each line (a headline or list item without a full
stop is its own sentence); Chinese from punctuation. Tokens are word pieces (`\\w+`,
apostrophes inside a word kept), so hyphenated compounds ("Китай-Центральная",
"китайско-казахстанские") are matched part by part, as the knowledge base's names are.
"""

from __future__ import annotations

import re

from razdel import sentenize

from summitry.doc import Doc, Sentence, Token
from summitry.morph import analyse
from summitry.pipeline import stage

WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
_ZH_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def sentences(text: str, language: str | None) -> list[Sentence]:
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        chunk = line.group()
        if not chunk.strip():
            continue
        if language == "zh":
            pieces = [(m.start(), m.end()) for m in _ZH_SENTENCE.finditer(chunk)]
        else:
            pieces = [(s.start, s.stop) for s in sentenize(chunk)]
        for start, end in pieces:
            raw = chunk[start:end]
            lead = len(raw) - len(raw.lstrip())
            trail = len(raw.rstrip())
            if trail <= lead:
                continue
            a, b = line.start() + start + lead, line.start() + start + trail
            out.append(Sentence(a, b, text[a:b]))
    return out


def tokens(text: str, language: str | None) -> list[Token]:
    lang = language if language in ("ru", "uk", "kk", "en") else "ru"
    out = []
    for match in WORD.finditer(text):
        word = match.group()
        lemma, pos, keys, grammemes = analyse(word.replace("’", "'").replace("ʼ", "'"), lang)
        out.append(
            Token(match.start(), match.end(), word, lemma, pos, keys, {"tags": ",".join(grammemes)})
        )
    return out


def chinese_tokens(text: str) -> list[Token]:
    """Chinese words from jieba (its dictionary ships in the wheel), keyed by themselves."""
    import jieba

    jieba.setLogLevel(60)
    out = []
    for word, start, end in jieba.tokenize(text):
        if word.strip() and WORD.fullmatch(word):
            out.append(Token(start, end, word, word, "", frozenset({word.lower()})))
    return out


@stage("segment", requires=("text", "language"), assigns=("sentences", "tokens"))
def segment(doc: Doc) -> None:
    doc.sentences = sentences(doc.text, doc.language)
    doc.tokens = chinese_tokens(doc.text) if doc.language == "zh" else tokens(doc.text, doc.language)
