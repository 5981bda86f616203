"""Embedded Cypher engines compared on one synthetic graph: what they parse, how fast they answer.

    .venv/bin/python bench/cypher_engines.py [N_RELATIONS]      (default 300000; needs the bench extra)

Prints, for kglite (the engine behind ``run_cypher``) and grand-cypher, which Cypher features
work, the time to load the graph, and the median latency of a 2-hop query from 50 start
entities, next to the same walk in plain networkx.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import networkx as nx
from grandcypher import GrandCypher

from endorsegraph.graph import schema
from endorsegraph.queries.cypher_embedded import load

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # support/: test and benchmark support
from support.synthetic import synthetic_graph  # noqa: E402

STARTS = 50
FEATURES = {   # feature -> a query over the synthetic graph that uses it
    "MATCH label + WHERE": "MATCH (p:Person)-[r:LEADS]->(o) WHERE r.current = true RETURN p.name LIMIT 3",
    "parameters": "MATCH (p:Person) WHERE p.id = $id RETURN p.name",
    "count(*)": "MATCH (p:Person) RETURN count(*)",
    "WITH": "MATCH (p:Person) WITH p LIMIT 3 RETURN p.name",
    "OPTIONAL MATCH": "MATCH (p:Person) OPTIONAL MATCH (p)-[:ADVISES]->(c) RETURN p.name, c.name LIMIT 3",
    "UNWIND": "UNWIND [1, 2] AS x RETURN x",
    "variable-length path": "MATCH (p:Person)-[*1..2]->(c:Candidate) RETURN c.name LIMIT 3",
    "undirected hop": "MATCH (p:Person)-[r]-(o:Organization) RETURN o.name LIMIT 3",
    "shortestPath": "MATCH (a:Person {id: $id})-[*1..2]-(b:Candidate) WITH a, b LIMIT 1 "
                    "MATCH p = allShortestPaths((a)-[*..4]-(b)) RETURN length(p)",
    "labels()": "MATCH (c:Candidate) RETURN labels(c) LIMIT 1",
}


def main(n_relations: int) -> None:
    started = time.perf_counter()
    graph = synthetic_graph(n_relations)
    print(f"synthetic graph: {graph.number_of_nodes():,} entities, {graph.number_of_edges():,} relations "
          f"({time.perf_counter() - started:.1f} s to generate)")
    people = sorted(n for n, t in graph.nodes(data="type") if t == "Person")[:STARTS]

    started = time.perf_counter()
    engine = load(graph)
    print(f"kglite load:        {time.perf_counter() - started:8.2f} s")
    started = time.perf_counter()
    labelled = grand_cypher_graph(graph)
    print(f"grand-cypher setup: {time.perf_counter() - started:8.2f} s (labels as __labels__ sets)")

    kglite_ms = median_ms(lambda p: engine.cypher("MATCH (a:Person {id: $id})-[]->()-[]->(c) RETURN c.id",
                                                  params={"id": p}).to_list(), people)
    grand_ms = median_ms(lambda p: GrandCypher(labelled).run(
        f'MATCH (a {{id: "{p}"}})-[]->(b)-[]->(c) RETURN c.id'), people[:5])   # it takes no parameters
    networkx_ms = median_ms(lambda p: [c for b in graph.successors(p) for c in graph.successors(b)], people)
    print(f"2-hop query, median: kglite {kglite_ms:.3f} ms, grand-cypher {grand_ms:.1f} ms, "
          f"networkx {networkx_ms:.4f} ms")

    print("\nfeature                 kglite  grand-cypher")
    for feature, query in FEATURES.items():
        print(f"{feature:<24}{supports(lambda: engine.cypher(query, params={'id': people[0]}).to_list()):<8}"
              f"{supports(lambda: GrandCypher(labelled).run(query))}")


def grand_cypher_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    labelled = nx.MultiDiGraph()
    labelled.add_nodes_from((n, {"id": n, "name": d["name"], "__labels__": set(schema.labels(d["type"]))})
                            for n, d in graph.nodes(data=True))
    labelled.add_edges_from((s, t, k, {"__labels__": {k}, **{p: d[p] for p in ("role", "current") if p in d}})
                            for s, t, k, d in graph.edges(keys=True, data=True))
    return labelled


def median_ms(run, starts: list[str]) -> float:
    timings = []
    for start in starts:
        began = time.perf_counter()
        run(start)
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def supports(run) -> str:
    try:
        result = run()
    except Exception:
        return "no"
    return "yes" if result not in ([], {}) and not (isinstance(result, dict) and not any(result.values())) else "empty"


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300_000)
