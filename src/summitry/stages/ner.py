"""Named-entity candidates that the knowledge base may not know.

Russian: natasha's news NER, with natasha's morphology to bring each name to the
nominative. Ukrainian: capitalised words that the Ukrainian dictionary tags as first
names, surnames or place names. English: two or three capitalised words right after a
title ("First Deputy Prime Minister Roman Sklyar"; the titles of rules/affiliation.yaml).
Other languages rely on the knowledge base alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from summitry.doc import Doc
from summitry.morph import word_tags
from summitry.pipeline import stage

NER_TYPES = {"PER": "person", "LOC": "place", "ORG": "organization"}


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    type: str
    normal: str


@lru_cache(maxsize=1)
def _natasha() -> tuple[Any, Any, Any, Any, Any]:
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    return (
        Segmenter(),
        MorphVocab(),
        NewsNERTagger(embedding),
        NewsMorphTagger(embedding),
        NewsSyntaxParser(embedding),
    )


def russian_candidates(text: str) -> list[Candidate]:
    """natasha's NER spans; their nominative forms are left for `normalize` (see there)."""
    from natasha import Doc as NatashaDoc

    segmenter, _, ner, _, _ = _natasha()
    ndoc = NatashaDoc(text)
    ndoc.segment(segmenter)
    ndoc.tag_ner(ner)
    return [
        Candidate(span.start, span.stop, span.text, NER_TYPES[span.type], "")
        for span in ndoc.spans
    ]


def normalize(candidates: list[Candidate], doc: Doc) -> None:
    """Set the nominative form of Russian names, by natasha's morphology (syntax for bodies).

    Only the sentences of the given names are tagged, together in one batch: far cheaper
    than tagging the whole text, and than one call per name.
    """
    todo = [c for c in candidates if not c.normal]
    if not todo:
        return
    from natasha import Doc as NatashaDoc
    from natasha.norm import normalize as natasha_normalize
    from natasha.norm import syntax_normalize

    segmenter, vocab, _, morph, syntax = _natasha()
    chunks: list[tuple[int, int]] = []  # (start in doc.text, start in the joined text)
    pieces: list[str] = []
    seen: dict[int, int] = {}
    length = 0
    for candidate in todo:
        sentence = doc.sentence_at(candidate.start)
        start, end = (sentence.start, sentence.end) if sentence else (candidate.start, candidate.end)
        if start not in seen:
            seen[start] = length
            chunks.append((start, length))
            pieces.append(doc.text[start:end])
            length += end - start + 1
    ndoc = NatashaDoc("\n".join(pieces))
    ndoc.segment(segmenter)
    ndoc.tag_morph(morph)
    if any(c.type == "organization" for c in todo):
        ndoc.parse_syntax(syntax)
    for candidate in todo:
        sentence = doc.sentence_at(candidate.start)
        base = sentence.start if sentence else candidate.start
        shift = seen[base] - base
        a, b = candidate.start + shift, candidate.end + shift
        tokens = [t for t in ndoc.tokens if t.start >= a and t.stop <= b]
        try:
            method = syntax_normalize if candidate.type == "organization" else natasha_normalize
            candidate.normal = method(vocab, tokens) if tokens else candidate.text
        except Exception:  # natasha cannot normalise some spans; keep them as written
            candidate.normal = candidate.text


def ukrainian_candidates(doc: Doc) -> list[Candidate]:
    """Runs of capitalised words tagged Name/Surn (a person) or Geox (a place)."""
    from summitry.morph import analyzer

    morph = analyzer("uk")
    assert morph is not None
    out: list[Candidate] = []
    run: list[int] = []
    starts = {s.start for s in doc.sentences}

    def flush() -> None:
        if not run:
            return
        first, last = doc.tokens[run[0]], doc.tokens[run[-1]]
        tags = [word_tags(doc.tokens[i].text, "uk") for i in run]
        if len(run) >= 2 and "Name" in tags[0] and any("Surn" in t for t in tags[1:]):
            kind = "person"
        elif len(run) == 1 and "Geox" in tags[0] and first.start not in starts:
            kind = "place"
        else:
            run.clear()
            return
        words = []
        for i in run:
            parse = morph.parse(doc.tokens[i].text.lower())[0]
            nominative = parse.inflect({"nomn"})
            word = (nominative.word if nominative else parse.word)
            words.append(word[:1].upper() + word[1:])
        out.append(Candidate(first.start, last.end, doc.text[first.start:last.end], kind, " ".join(words)))
        run.clear()

    for index, token in enumerate(doc.tokens):
        if token.text[:1].isupper() and not token.text.isupper():
            if run and doc.text[doc.tokens[run[-1]].end:token.start].strip():
                flush()
            run.append(index)
        else:
            flush()
    flush()
    return out


EN_TITLES = frozenset({"president", "ambassador", "secretary", "secretary-general", "spokesman",
                       "spokeswoman", "spokesperson", "commissioner", "representative", "director",
                       "director-general", "general", "king", "emir", "sultan"})
EN_NOT_NAMES = frozenset({"the", "of", "and", "for", "on", "in", "at", "to", "with", "mr", "mrs", "ms", "dr"})


def english_candidates(doc: Doc) -> list[Candidate]:
    """Two or three capitalised words right after a title: a person the knowledge base may lack."""
    from summitry.affiliation import government_titles

    titles = EN_TITLES | set(government_titles("en"))
    tokens = doc.tokens
    out: list[Candidate] = []
    i = 0
    while i < len(tokens) - 1:
        word = tokens[i].text.lower()
        if word not in titles or not tokens[i + 1].text[:1].isupper():
            i += 1
            continue
        run = []
        k = i + 1
        while k < len(tokens) and len(run) < 3:
            token = tokens[k]
            gap = doc.text[tokens[k - 1].end : token.start]
            if gap.strip() or not token.text[:1].isupper() or token.text.isupper() or token.text.isdigit():
                break
            if token.text.lower() in titles or token.text.lower() in EN_NOT_NAMES:
                run = []  # "Prime Minister ...": the title goes on
                k += 1
                if token.text.lower() not in titles:
                    break
                continue
            run.append(k)
            k += 1
        if len(run) >= 2:
            first, last = tokens[run[0]], tokens[run[-1]]
            text = doc.text[first.start : last.end]
            out.append(Candidate(first.start, last.end, text, "person", text))
        i = max(k, i + 1)
    return out


@stage("ner", requires=("text", "tokens"), assigns=("candidates",), languages=("ru", "uk", "en"))
def find_candidates(doc: Doc) -> None:
    if doc.language == "ru":
        doc.candidates = russian_candidates(doc.text)
    elif doc.language == "en":
        doc.candidates = english_candidates(doc)
    else:
        doc.candidates = ukrainian_candidates(doc)
