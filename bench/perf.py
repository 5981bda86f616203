"""Issue #13's figures, each printed beside its baseline: start-up, cypher, builds into a big graph, saving.

Run: .venv/bin/python bench/perf.py [--relations 100000] [--runs 5] [--keep DIR]

1. start-up: `stats` and `query endorsers` on a tiny graph (examples/records), against the floor:
   a bare interpreter that reads the same file with json.load + networkx.node_link_graph
   (wall time and peak memory of separate processes);
2. embedded `cypher` per call on a synthetic graph of N relations (the first call builds the
   cache) against a named query per call;
3. `build` of ten fixture articles into that graph, against (load + save of the graph) + the same
   ten articles into an empty graph;
4. saving that graph: the store's encoder against json.dumps(indent=1) (the encoder before) and
   compact json.dumps (the floor); loading against json + networkx;
5. the store format (issue #13 item 3): JsonFileStore's load and graph_to_json's save against bare
   json + networkx (json.loads + node_link_graph; node_link_data + json.dumps), each in a fresh
   interpreter, interleaved, the median of max(--runs, 3), with peak and resident memory and the load
   average (--only-store runs only this).
Commands run through the `endorsegraph` of this interpreter's path (set PYTHONPATH to time another
checkout), all before this process loads a big graph itself (a child's peak memory would count it).
--keep DIR keeps the synthetic graph between runs. Each figure of 1-4 is the fastest of --runs runs (of
at most 3 for the big graph's in-process steps): other jobs on a shared machine only ever add time.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import networkx as nx

from endorsegraph.graph.embedded import JsonFileStore, graph_to_json

REPO = Path(__file__).resolve().parents[1]
RECORDS = REPO / "examples" / "records"
TESTS = REPO / "tests"   # support/: the synthetic graph generator
ARTICLES = sorted((REPO / "tests" / "fixtures" / "articles").glob("*.txt"))[:10]
CLI = [sys.executable, "-c", "from endorsegraph.cli import main; main()"]
FLOOR = [sys.executable, "-c", "import json, sys, networkx as nx; "
         "nx.node_link_graph(json.load(open(sys.argv[1])), directed=True, multigraph=True, edges='links')"]
MOST_ENDORSED = ("MATCH (e)-[:ENDORSED]->(c:Candidate) RETURN c.id AS id, count(e) AS endorsers "
                 "ORDER BY endorsers DESC, id LIMIT 1")
ENDORSERS = "MATCH (e)-[:ENDORSED]->(c:Candidate {id: $id}) RETURN e.name AS endorser ORDER BY endorser"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relations", type=int, default=100_000, help="size of the big synthetic graph")
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (the fastest is shown)")
    parser.add_argument("--keep", type=Path, help="folder to keep the synthetic graph in between runs")
    parser.add_argument("--only-store", action="store_true", help="only 5., the store format's load and save")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        os.environ["ENDORSEGRAPH_CACHE"] = str(work / "cache")
        big = big_graph(args.keep or work, args.relations)
        if args.only_store:
            store_format(big, max(args.runs, 3))
            return
        startup(work, args.runs)
        cypher_per_call(big, args.runs)
        articles_into(work, big, min(args.runs, 3))
        saving(big, min(args.runs, 3))
        store_format(big, max(args.runs, 3))


def startup(work: Path, runs: int) -> None:
    tiny = work / "tiny.json"
    command([*CLI, "build", str(RECORDS), "--graph", str(tiny)])
    floor = fastest_command(runs, [*FLOOR, str(tiny)])
    heading("1. start-up on a tiny graph (10 entities)", "s", "peak MB")
    row("floor: python + json.load + node_link_graph", *floor)
    for label, args in (("stats", ["stats"]), ("query endorsers", ["query", "endorsers", "Bernie Sanders"])):
        seconds, peak = fastest_command(runs, [*CLI, *args, "--graph", str(tiny)])
        row(label, seconds, peak, f"{seconds / floor[0]:.1f}x time, {peak / floor[1]:.1f}x memory")


def big_graph(folder: Path, relations: int) -> Path:
    """The synthetic graph of ``relations`` relations, saved by this checkout's store."""
    path = folder / f"synthetic-{relations}.json"
    if not path.exists():
        seconds = command([sys.executable, "-c", "import sys; from endorsegraph.graph.embedded import JsonFileStore; "
                           f"sys.path.insert(0, {str(TESTS)!r}); from support.synthetic import synthetic_graph; "
                           "JsonFileStore(sys.argv[1]).save(synthetic_graph(int(sys.argv[2])))",
                           str(path), str(relations)])[0]
        print(f"\n(generated and saved {relations:,} relations in {seconds:.0f} s)")
    return path


def saving(big: Path, runs: int) -> None:
    raw = big.read_bytes()
    graph = JsonFileStore(big).load()
    load_s = fastest(runs, lambda: JsonFileStore(big).load())
    floor_load = fastest(runs, lambda: nx.node_link_graph(json.loads(raw), directed=True, multigraph=True,
                                                         edges="links"))
    data = nx.node_link_data(graph, edges="links")
    floor_save = fastest(runs, lambda: json.dumps(data, separators=(",", ":")))
    indented = fastest(runs, lambda: json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False))
    encode = fastest(runs, lambda: graph_to_json(graph))
    save = fastest(runs, lambda: JsonFileStore(big.with_name("saved.json")).save(graph))
    heading(f"4. save and load, {graph.number_of_edges():,} relations ({len(raw) / 1e6:.0f} MB)", "s", "")
    row("floor: json.dumps compact (no sorting)", floor_save)
    row("before: json.dumps(indent=1, sort_keys)", indented, None, f"{indented / floor_save:.1f}x floor")
    row("graph_to_json (this checkout's encoder)", encode, None, f"{encode / floor_save:.1f}x floor, "
        f"{encode / indented:.2f}x before")
    row("JsonFileStore.save (+ sort, fsync, rename)", save, None, f"{save / floor_save:.1f}x floor")
    row("floor: json.loads + node_link_graph", floor_load)
    row("JsonFileStore.load (+ schema checks)", load_s, None, f"{load_s / floor_load:.1f}x floor")


# Each store-format figure runs in its own interpreter, which prints its seconds, its peak resident MB
# and the MB still resident once the file's text and the parsed document are freed (the graph alone).
_MEASURED = ("import gc, json, resource, sys, time\nimport networkx as nx\n"
             "from endorsegraph.graph.embedded import JsonFileStore, graph_to_json\n"
             "path = sys.argv[1]\n{setup}\nstarted = time.perf_counter()\n{work}\n"
             "seconds = time.perf_counter() - started\ngc.collect()\n"
             "resident = int(open('/proc/self/statm').read().split()[1]) * resource.getpagesize() / 2**20\n"
             "print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, resident)")
STORE_FIGURES = {   # name: (setup, the timed work)
    "bare load": ("raw = open(path, 'rb').read()",
                  "graph = nx.node_link_graph(json.loads(raw), directed=True, multigraph=True, edges='links'); "
                  "del raw"),
    "store load": ("", "graph = JsonFileStore(path).load()"),
    "bare save": ("graph = JsonFileStore(path).load(); gc.collect()",
                  "raw = json.dumps(nx.node_link_data(graph, edges='links')).encode()"),
    "store save": ("graph = JsonFileStore(path).load(); gc.collect()", "raw = graph_to_json(graph)"),
}


def store_format(big: Path, runs: int) -> None:
    """Load and save of the big graph file against bare json + networkx, each in a fresh interpreter,
    the four interleaved, every figure the median of ``runs`` runs (issue #13 item 3's goals: load and
    save <= 0.5x, memory <= 0.7x)."""
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in STORE_FIGURES}
    loads: list[str] = []
    for _ in range(runs):
        for name, (setup, work) in STORE_FIGURES.items():
            program = _MEASURED.format(setup=setup, work=work)
            printed = subprocess.run([sys.executable, "-c", program, str(big)], capture_output=True, text=True,
                                     check=True).stdout.split()
            results[name].append(tuple(float(value) for value in printed))
            loads.append(load_average())
    median = {name: tuple(statistics.median(run[i] for run in found) for i in range(3))
              for name, found in results.items()}
    heading(f"5. store format, {big.stat().st_size / 1e6:.0f} MB file (median of {runs}, interleaved; "
            f"load average {min(loads)}-{max(loads)})", "s", "peak MB")
    for name, (seconds, peak, resident) in median.items():
        note = f"{resident:.0f} MB resident after"
        if name.startswith("store"):
            bare = median[name.replace("store", "bare")]
            note += f"; {seconds / bare[0]:.2f}x time, {peak / bare[1]:.2f}x peak, {resident / bare[2]:.2f}x resident"
            note += " (goal <= 0.5x time, <= 0.7x memory)"
        row(name, seconds, peak, note)


def load_average() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def articles_into(work: Path, big: Path, runs: int) -> None:
    inputs = work / "articles"
    inputs.mkdir()
    for article in ARTICLES:
        shutil.copy(article, inputs)
    target = work / "big-copy.json"
    empty = work / "empty.json"
    into_empty = fastest_command(runs, [*CLI, "build", str(inputs), "--graph", str(empty)],
                                 before=lambda: empty.unlink(missing_ok=True))[0]
    into_big, peak = fastest_command(runs, [*CLI, "build", str(inputs), "--graph", str(target)],
                                     before=lambda: shutil.copy(big, target))
    load_save = fastest(runs, lambda: JsonFileStore(target).save(JsonFileStore(big).load()))
    baseline = load_save + into_empty
    heading(f"3. build {len(ARTICLES)} articles into the big graph", "s", "peak MB")
    row("load + save of the big graph (in process)", load_save)
    row(f"{len(ARTICLES)} articles into an empty graph (command)", into_empty)
    row("baseline: the two together", baseline)
    row(f"{len(ARTICLES)} articles into the big graph (command)", into_big, peak, f"{into_big / baseline:.2f}x baseline")


def cypher_per_call(big: Path, runs: int) -> None:
    graph_args = ["--graph", str(big)]
    started = time.perf_counter()
    found = subprocess.run([*CLI, "cypher", MOST_ENDORSED, "--format", "json", *graph_args],
                           capture_output=True, text=True, check=True)
    first = time.perf_counter() - started
    candidate = json.loads(found.stdout)[0]["id"]
    named = fastest_command(runs, [*CLI, "query", "endorsers", candidate, *graph_args])
    later = fastest_command(runs, [*CLI, "cypher", ENDORSERS, "--param", f"id={candidate}", *graph_args])
    heading("2. embedded cypher on the big graph, per call", "s", "peak MB")
    row("baseline: named query (query endorsers)", *named)
    row("cypher, first call (builds the cache)", first, None, f"{first / named[0]:.1f}x named query")
    row("cypher, later calls", *later, f"{later[0] / named[0]:.2f}x named query")


def fastest_command(runs: int, args: Sequence[str], before: Callable[[], object] = lambda: None) -> tuple[float, float]:
    """Seconds and peak MB of the fastest of ``runs`` runs of a command (``before`` runs before each)."""
    results = []
    for _ in range(runs):
        before()
        results.append(command(args))
    return min(results)


def command(args: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one run of a command, which must succeed."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            errors.seek(0)
            raise SystemExit(f"{' '.join(args[3:])} failed: {errors.read().decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024


def fastest(runs: int, work: Callable[[], object]) -> float:
    """Seconds of the fastest of ``runs`` calls of ``work``."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def heading(title: str, first: str, second: str) -> None:
    print(f"\n{title}\n{'':<48}{first:>10}{second:>10}")


def row(label: str, seconds: float, peak: float | None = None, note: str = "") -> None:
    print(f"{label:<48}{seconds:>10.2f}{'' if peak is None else f'{peak:.0f}':>10}  {note}")


if __name__ == "__main__":
    main()
