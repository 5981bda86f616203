"""synthetic_graph: deterministic, exactly the size asked, and shaped like a real endorsement graph."""
from __future__ import annotations

from collections import Counter

from endorsegraph.graph import kg, schema
from endorsegraph.graph.embedded import graph_to_json
from support.synthetic import synthetic_graph


def test_same_arguments_same_graph_other_seed_other_graph():
    assert graph_to_json(synthetic_graph(800, seed=5)) == graph_to_json(synthetic_graph(800, seed=5))
    assert graph_to_json(synthetic_graph(800, seed=5)) != graph_to_json(synthetic_graph(800, seed=6))


def test_exact_size_every_kind_and_valid_edges():
    graph = synthetic_graph(3000)
    assert graph.number_of_edges() == 3000
    assert set(Counter(t for _, t in graph.nodes(data="type"))) == {"Person", "Candidate", "Organization"}
    relation_types = Counter(t for _, _, t in graph.edges(data="type"))
    assert set(relation_types) == {"ENDORSED", "LEADS", "ADVISES", "FOUNDED", "MEMBER_OF"}
    kinds = {graph.nodes[n].get("kind") for n in graph if graph.nodes[n]["type"] == "Organization"}
    assert len(kinds) >= 5
    for source, target, data in graph.edges(data=True):
        schema.check_relation(data["type"], graph.nodes[source]["type"], graph.nodes[target]["type"], {})
        assert 1 <= len(data["claims"]) <= 2
        for claim in data["claims"]:
            assert claim["sentence"] and claim["article"]
            assert claim["end"] - claim["start"] == len(claim["sentence"])


def test_aliases_and_former_leaders():
    graph = synthetic_graph(3000)
    assert all(kg.aliases(graph, n) for n in graph)
    currents = Counter(data["current"] for _, _, data in graph.edges(data=True) if data["type"] == "LEADS")
    assert currents[True] > currents[False] > 0
    assert any(len(data["claims"]) == 2 for _, _, data in graph.edges(data=True))
