"""Building a real news archive: words/s of `build` beside spaCy's own nlp.pipe on the same texts.

    .venv/bin/python bench/archive_bench.py [ARCHIVE_DIR] [--sample N] [--seed S] [--compare]

ARCHIVE_DIR is an unpacked archive (default: ../shared/corpus/archive unpacked into a temporary
folder); a fixed random sample of N posts (by --seed) is copied to a folder, then the bare pipeline
(same model) runs over exactly the texts the build reads, and the build runs into a fresh graph file
with one worker, again with two, and once more over the first graph with nothing changed. Prints
words/s and ratios, the peak memory of this process and of its workers, and the rebuild's share of
the first build, and the share of the words the fast path sends through the whole pipeline.
With ``--compare`` it also builds the sample with ``full_parse`` (every line parsed) and says whether
the relations and their claims are the same as the fast path's.

The machine is shared: compare the ratios, each measured within one run, not absolute words/s.
"""
from __future__ import annotations

import argparse
import random
import resource
import shutil
import tarfile
import tempfile
import time
from pathlib import Path

import spacy
from endorsegraph.graph.embedded import JsonFileStore
from endorsegraph.loaders.articles import read_articles
from endorsegraph.loaders.build import BuildReport, build, load_graph
from endorsegraph.loaders.news import ExtractOptions
from endorsegraph.loaders.nlp import model_name, pipeline
from endorsegraph.loaders.triggers import may_state_relation, relation_text

ARCHIVE = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "archive" / "gothamist-2008-2017.tar.xz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", type=Path)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--compare", action="store_true", help="also build with the full parse and compare")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = args.archive or _unpacked(work / "archive")
        posts = sorted(folder.rglob("*.md"))
        sample = random.Random(args.seed).sample(posts, min(args.sample, len(posts)))
        inputs = work / "posts"
        inputs.mkdir()
        for n, post in enumerate(sample):
            shutil.copyfile(post, inputs / f"{n:05}-{post.name}")
        texts = [a.text for path in sorted(inputs.iterdir()) for a in read_articles(path)]
        words = sum(len(text.split()) for text in texts)
        parsed = sum(len(relation_text(text).split()) for text in texts if may_state_relation(text))
        print(f"model {model_name()}; {len(texts)} posts, {words:,} words; the fast path parses "
              f"{parsed:,} of them ({100 * parsed / words:.0f}%)")

        bare = spacy.load(model_name())
        list(bare.pipe(texts[:3]))
        started = time.perf_counter()
        for _ in bare.pipe(texts):
            pass
        bare_seconds = time.perf_counter() - started
        print(f"spaCy nlp.pipe          {words / bare_seconds:10,.0f} words/s  ({bare_seconds:.1f} s)")
        del bare

        defaults = ExtractOptions()                     # loaded once (cached by these very arguments)
        pipeline(defaults.model, defaults.gazetteers)
        one, report = _timed_build(inputs, work / "one.json", workers=1)
        print(f"build, 1 worker         {words / one:10,.0f} words/s  ({one:.1f} s)  = {bare_seconds / one:.2f}x nlp.pipe"
              f"; {report.added['entities']} entities, {report.added['relations']} relations")
        two, _ = _timed_build(inputs, work / "two.json", workers=2)
        same = (work / "one.json").read_bytes() == (work / "two.json").read_bytes()
        print(f"build, 2 workers        {words / two:10,.0f} words/s  ({two:.1f} s)  = {one / two:.2f}x one worker"
              f"; graph {'identical' if same else 'DIFFERENT'}")
        again, report = _timed_build(inputs, work / "one.json", workers=1)
        print(f"rebuild, nothing changed {again:9.2f} s  = {100 * again / one:.1f}% of the first build "
              f"({report.unchanged} files unchanged)")
        if args.compare:
            fast = _claims(load_graph([inputs]))
            full = _claims(load_graph([inputs], options=ExtractOptions(full_parse=True)))
            print(f"fast path vs full parse: {len(fast)} and {len(full)} claims, "
                  f"{'identical' if fast == full else 'DIFFERENT'}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory             {own:,.0f} MB (this process), {workers:,.0f} MB (largest worker)")


def _timed_build(inputs: Path, graph: Path, workers: int) -> tuple[float, BuildReport]:
    started = time.perf_counter()
    report = build([inputs], JsonFileStore(graph), workers=workers)
    return time.perf_counter() - started, report


def _claims(graph) -> set[tuple]:
    return {(s, t, d["type"], c["article"], c["start"], c["end"], c["rule"])
            for s, t, d in graph.edges(data=True) for c in d.get("claims", ())}


def _unpacked(into: Path) -> Path:
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(into, filter="data")
    return into


if __name__ == "__main__":
    main()
