"""Extraction speed: words per second of the whole news extractor beside the bare spaCy pipeline.

    .venv/bin/python bench/extract_bench.py [--repeat N] [--runs R]

Texts: the fixture articles in tests/fixtures/articles (and ../shared/corpus/seeds when present),
repeated N times. Both use the same model, loaded anew each round, on the same texts; ``--runs``
rounds of the two, interleaved, each printed with the machine's load average, then the medians.
The extractor runs as ``build`` does (only the lines a relation can come from are parsed). The texts
repeat, so after the first copy its per-word caches (see loaders/token_attributes.py) are all warm:
bench/archive_bench.py, on distinct archive posts, is the fairer figure.
"""
from __future__ import annotations

import argparse
import statistics
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
    parser.add_argument("--runs", type=int, default=3, help="rounds of bare spaCy then the extractor (medians)")
    args = parser.parse_args()
    articles = [a for folder in SOURCES if folder.is_dir() for p in sorted(folder.iterdir())
                for a in read_articles(p)] * args.repeat
    words = sum(len(a.text.split()) for a in articles)
    name = model_name()
    print(f"model {name}; {len(articles)} articles, {words} words")
    rounds = []
    for n in range(args.runs):                      # interleaved, both cold: each round shares one load
        bare = spacy.load(name)
        pipeline.cache_clear()
        extractor = pipeline()
        for warm in (bare, extractor):
            list(warm.pipe(a.text for a in articles[:5]))
        started = time.perf_counter()
        for _ in bare.pipe(a.text for a in articles):
            pass
        bare_seconds, bare_load = time.perf_counter() - started, _load()
        started = time.perf_counter()
        graph = kg.new_graph()
        kg.apply_batch(graph, extract(articles, graph, "bench"))
        full_seconds = time.perf_counter() - started
        rounds.append((bare_seconds, full_seconds))
        print(f"round {n + 1}: bare spaCy {words / bare_seconds:,.0f} words/s (load {bare_load}), "
              f"extractor {words / full_seconds:,.0f} words/s (load {_load()}) = {bare_seconds / full_seconds:.2f}x",
              flush=True)
    bare_seconds, full_seconds = (statistics.median(r[k] for r in rounds) for k in range(2))
    print(f"medians of {args.runs} rounds:")
    print(f"bare spaCy pipeline   {words / bare_seconds:10,.0f} words/s  ({bare_seconds:.2f} s)")
    print(f"endorsegraph extract  {words / full_seconds:10,.0f} words/s  ({full_seconds:.2f} s)  = "
          f"{statistics.median(b / f for b, f in rounds):.2f}x bare spaCy (median of the rounds' ratios)")


def _load() -> str:
    """The machine's load average over the last minute, to print beside each figure."""
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


if __name__ == "__main__":
    main()
