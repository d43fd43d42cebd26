"""Throughput of `summitry.extract` against natasha's full pipeline, on the same texts in one run.

    python bench/throughput.py [--repeat N] [--rounds R] [--texts DIR]

Reads the seed texts from ../shared/seeds (never copied into the project), repeats them
N times, and prints documents/s and kchar/s of both, and their ratio. natasha's full
pipeline is segmentation, morphology, syntax and NER, the work a Russian pipeline built
on it would do; both sides load their models before the clock starts.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_TEXTS = HERE.parent.parent / "shared" / "seeds"


def natasha_full() -> callable:  # type: ignore[valid-type]
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    segmenter, vocab = Segmenter(), MorphVocab()
    morph, syntax, ner = NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)

    def run(text: str) -> None:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        for token in doc.tokens:
            token.lemmatize(vocab)

    return run


def timed(fn, texts: list[str]) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="times each text is processed (default 5)")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt files")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per side, best counts (default 3)")
    args = parser.parse_args()
    files = sorted(args.texts.glob("*.txt"))
    if not files:
        print(f"no .txt files in {args.texts}", file=sys.stderr)
        return 2
    import summitry
    from summitry.ingest import read_path

    raws = [read_path(f) for f in files]
    texts = [r.text for r in raws] * args.repeat
    chars = sum(len(t) for t in texts)

    def ours(text: str) -> None:
        summitry.extract(text, published="2025-06-17")

    reference = natasha_full()
    for raw in raws:  # load models, dictionaries of every language and the knowledge base
        ours(raw.text)
        reference(raw.text)
    # rounds alternate the two sides so that a busy moment hurts both; the best round counts
    summitry_s = natasha_s = float("inf")
    for _ in range(args.rounds):
        summitry_s = min(summitry_s, timed(ours, texts))
        natasha_s = min(natasha_s, timed(reference, texts))
    print(f"texts: {len(files)} files from {args.texts}, x{args.repeat} = {len(texts)} documents, "
          f"{chars / 1000:.1f} kchar; best of {args.rounds} rounds")
    for name, seconds in (("summitry.extract", summitry_s), ("natasha full pipeline", natasha_s)):
        print(f"{name:24s} {len(texts) / seconds:8.1f} docs/s {chars / 1000 / seconds:8.1f} kchar/s  ({seconds:.2f} s)")
    print(f"ratio summitry/natasha (throughput): {natasha_s / summitry_s:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
