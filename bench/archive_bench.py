"""Building a real news archive: words/s of `build` beside spaCy's own nlp.pipe on the same texts.

    .venv/bin/python bench/archive_bench.py [ARCHIVE_DIR] [--sample N] [--seed S] [--runs R] [--compare]

ARCHIVE_DIR is an unpacked archive (default: ../shared/corpus/archive unpacked into a temporary
folder); a fixed random sample of N posts (by --seed) is copied to a folder, then the bare pipeline
(same model) runs over exactly the texts the build reads, and the build runs into a fresh graph file
with one worker, again with two: ``--runs`` rounds of the three, interleaved so that each round's
figures share the machine's load (printed beside them), and the medians. Then once more over the
first graph with nothing changed. Prints words/s and ratios, the peak memory of this process and of its workers, and the rebuild's share of
the first build, and the share of the words the fast path sends through the whole pipeline.
With ``--compare`` it also builds the sample with ``full_parse`` (every line parsed) and says whether
the relations and their claims are the same as the fast path's.

The machine is shared: compare the ratios, each measured within one run, not absolute words/s. The
ratio of the CPU seconds this process spent in ``nlp.pipe`` and in the 1-worker build is printed
too: it moves less with the load than the ratio of wall-clock seconds.

The build's models multiply matrices through numpy's BLAS (:mod:`endorsegraph.loaders.matrix_products`),
spaCy's own through blis. Each round also times ``nlp.pipe`` with the same bare model multiplying
through numpy, and prints the build's ratio to that too: how much of the gain is work the build
skips rather than faster matrix products.
"""
from __future__ import annotations

import argparse
import gc
import random
import resource
import shutil
import statistics
import tarfile
import tempfile
import time
from pathlib import Path

import spacy
from spacy.language import Language
from endorsegraph.graph.embedded import JsonFileStore
from endorsegraph.loaders.articles import read_articles
from endorsegraph.loaders.build import BuildReport, build, load_graph
from endorsegraph.loaders.news import ExtractOptions
from endorsegraph.loaders.matrix_products import use_numpy_products
from endorsegraph.loaders.nlp import model_name, pipeline
from endorsegraph.loaders.triggers import may_state_relation, relation_text

ARCHIVE = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "archive" / "gothamist-2008-2017.tar.xz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", type=Path)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--compare", action="store_true", help="also build with the full parse and compare")
    parser.add_argument("--runs", type=int, default=3, help="rounds of nlp.pipe, 1 worker, 2 workers (medians)")
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

        rounds = []
        for n in range(args.runs):                      # interleaved: each round sees the same load
            bare_seconds, bare_cpu, bare_load = _timed_pipe(texts, numpy_products=False)
            numpy_cpu = _timed_pipe(texts, numpy_products=True)[1]
            _fresh_pipeline()
            cpu = time.process_time()
            one, report = _timed_build(inputs, work / f"one{n}.json", workers=1)
            one_cpu = time.process_time() - cpu
            one_load = _load()
            _fresh_pipeline()
            two, _ = _timed_build(inputs, work / f"two{n}.json", workers=2)
            rounds.append((bare_seconds, one, two, bare_cpu, one_cpu, numpy_cpu))
            print(f"round {n + 1}: nlp.pipe {bare_seconds:.1f} s (load {bare_load}), 1 worker {one:.1f} s "
                  f"(load {one_load}) = {bare_seconds / one:.2f}x ({bare_cpu / one_cpu:.2f}x by CPU seconds: "
                  f"{bare_cpu:.1f} and {one_cpu:.1f}; {numpy_cpu / one_cpu:.2f}x nlp.pipe multiplying through "
                  f"numpy, {numpy_cpu:.1f}), 2 workers {two:.1f} s (load {_load()}) "
                  f"= {one / two:.2f}x one worker", flush=True)
        bare_seconds, one, two = (statistics.median(r[k] for r in rounds) for k in range(3))
        print(f"medians of {args.runs} rounds:")
        print(f"spaCy nlp.pipe          {words / bare_seconds:10,.0f} words/s  ({bare_seconds:.1f} s)")
        print(f"build, 1 worker         {words / one:10,.0f} words/s  ({one:.1f} s)  = "
              f"{statistics.median(r[0] / r[1] for r in rounds):.2f}x nlp.pipe (median of the rounds' ratios; "
              f"{statistics.median(r[3] / r[4] for r in rounds):.2f}x by CPU seconds; "
              f"{statistics.median(r[5] / r[4] for r in rounds):.2f}x nlp.pipe multiplying through numpy)"
              f"; {report.added['entities']} entities, {report.added['relations']} relations")
        same = all((work / f"one{n}.json").read_bytes() == (work / f"two{n}.json").read_bytes() ==
                   (work / "one0.json").read_bytes() for n in range(args.runs))
        print(f"build, 2 workers        {words / two:10,.0f} words/s  ({two:.1f} s)  = "
              f"{statistics.median(r[1] / r[2] for r in rounds):.2f}x one worker; graphs {'identical' if same else 'DIFFERENT'}")
        again, report = _timed_build(inputs, work / "one0.json", workers=1)
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


def _timed_pipe(texts: list[str], numpy_products: bool) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of the bare model's ``nlp.pipe`` over ``texts``, and the load after."""
    bare = _bare_model(texts, numpy_products)
    started, cpu = time.perf_counter(), time.process_time()
    for _ in bare.pipe(texts):
        pass
    return time.perf_counter() - started, time.process_time() - cpu, _load()


def _bare_model(texts: list[str], numpy_products: bool = False) -> Language:
    """The bare model for ``nlp.pipe``, loaded anew for each round: it starts cold, as the build does
    (spaCy's lemmatizer remembers words it has seen); with ``numpy_products`` its models multiply
    through numpy, as the build's do."""
    gc.collect()
    bare = spacy.load(model_name())
    if numpy_products:
        use_numpy_products(bare)
    list(bare.pipe(texts[:3]))
    return bare


def _fresh_pipeline() -> None:
    """The build's pipeline loaded anew before it is timed: its token step starts with no word seen."""
    pipeline.cache_clear()
    gc.collect()
    defaults = ExtractOptions()
    pipeline(defaults.model, defaults.gazetteers)   # cached by these very arguments, which build uses


def _load() -> str:
    """The machine's load average over the last minute: the figures beside it are only as good as that."""
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


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
