"""Extraction speed: words per second of the whole news extractor beside the bare spaCy pipeline.

    .venv/bin/python bench/extract_bench.py [--repeat N]

Texts: the fixture articles in tests/fixtures/articles (and ../shared/corpus/seeds when present),
repeated N times. Both runs use the same model, already loaded, on the same texts.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from endorsegraph.graph import kg
from endorsegraph.loaders.articles import read_articles
from endorsegraph.loaders.news import extract
from endorsegraph.loaders.nlp import model_name, pipeline

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "tests" / "fixtures" / "articles", ROOT.parent / "shared" / "corpus" / "seeds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat
    articles = [a for folder in SOURCES if folder.is_dir() for p in sorted(folder.iterdir())
                for a in read_articles(p)] * repeat
    words = sum(len(a.text.split()) for a in articles)
    name = model_name()
    bare = spacy.load(name)
    extractor = pipeline()
    for warm in (bare, extractor):
        list(warm.pipe(a.text for a in articles[:5]))

    started = time.perf_counter()
    for _ in bare.pipe(a.text for a in articles):
        pass
    bare_seconds = time.perf_counter() - started

    started = time.perf_counter()
    graph = kg.new_graph()
    kg.apply_batch(graph, extract(articles, graph, "bench"))
    full_seconds = time.perf_counter() - started

    print(f"model {name}; {len(articles)} articles, {words} words")
    print(f"bare spaCy pipeline   {words / bare_seconds:10,.0f} words/s  ({bare_seconds:.2f} s)")
    print(f"endorsegraph extract  {words / full_seconds:10,.0f} words/s  ({full_seconds:.2f} s)")
    print(f"extractor overhead    {full_seconds / bare_seconds - 1:10.0%}")


if __name__ == "__main__":
    main()
