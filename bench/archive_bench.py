"""Building a real news archive: words/s of the extractor beside spaCy's own nlp.pipe on the same texts.

    .venv/bin/python bench/archive_bench.py [ARCHIVE_DIR] [--sample N] [--seed S]

ARCHIVE_DIR is an unpacked archive (default: ../shared/corpus/archive unpacked into a temporary
folder); a fixed random sample of N posts (by --seed) is read once, then the bare pipeline and the
extractor run over exactly the same texts with the same model. Prints words/s, the ratio, how many
posts the prefilter spared, relations found, and the process's peak memory.
"""
from __future__ import annotations

import argparse
import random
import resource
import tarfile
import tempfile
import time
from pathlib import Path

import spacy

from endorsegraph.graph import kg
from endorsegraph.loaders.articles import read_articles
from endorsegraph.loaders.news import extract
from endorsegraph.loaders.nlp import model_name, pipeline
from endorsegraph.loaders.triggers import may_state_relation

ARCHIVE = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "archive" / "gothamist-2008-2017.tar.xz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", type=Path)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261130)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.archive or _unpacked(Path(tmp))
        posts = sorted(folder.rglob("*.md"))
        sample = random.Random(args.seed).sample(posts, min(args.sample, len(posts)))
        articles = [a for path in sample for a in read_articles(path)]
    words = sum(len(a.text.split()) for a in articles)
    bare, extractor = spacy.load(model_name()), pipeline()
    for warm in (bare, extractor):
        list(warm.pipe(a.text for a in articles[:3]))

    started = time.perf_counter()
    for _ in bare.pipe(a.text for a in articles):
        pass
    bare_seconds = time.perf_counter() - started

    started = time.perf_counter()
    graph = kg.new_graph()
    kg.apply_batch(graph, extract(articles, graph, "bench"))
    seconds = time.perf_counter() - started

    parsed = sum(may_state_relation(a.text) for a in articles)
    print(f"model {model_name()}; {len(articles)} posts, {words:,} words; {parsed} posts hold a trigger word")
    print(f"spaCy nlp.pipe        {words / bare_seconds:10,.0f} words/s  ({bare_seconds:.1f} s)")
    print(f"endorsegraph extract  {words / seconds:10,.0f} words/s  ({seconds:.1f} s)  "
          f"= {bare_seconds / seconds:.2f}x nlp.pipe")
    print(f"graph                 {graph.number_of_nodes()} entities, {graph.number_of_edges()} relations")
    print(f"peak memory           {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


def _unpacked(into: Path) -> Path:
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(into, filter="data")
    return into


if __name__ == "__main__":
    main()
