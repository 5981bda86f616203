"""Cypher over the embedded graph (kglite): the clauses users need, the server's data model,
clear errors, and every catalog query's Cypher text agreeing with its networkx function."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from endorsegraph.cli import app
from endorsegraph.graph import kg, schema, server_model
from endorsegraph.graph.errors import EndorsegraphError
from support.synthetic import synthetic_graph
from endorsegraph.loaders.build import load_graph
from endorsegraph.queries import catalog
from endorsegraph.queries.cypher_embedded import run_cypher
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def records() -> nx.MultiDiGraph:
    return load_graph([REPO / "examples" / "records"])


@pytest.fixture(scope="module")
def tangle() -> nx.MultiDiGraph:
    return load_graph([REPO / "tests" / "fixtures" / "queries"])


def test_match_where_order_limit_with_parameters(records):
    rows = run_cypher(records, "MATCH (o:Organization) WHERE o.members >= $least "
                               "RETURN o.name AS name, o.members AS members ORDER BY members DESC LIMIT 2",
                      {"least": 700000})
    big = sorted(((d["members"], d["name"]) for _, d in records.nodes(data=True) if d.get("members", 0) >= 700000),
                 reverse=True)[:2]
    assert rows == [{"name": name, "members": members} for members, name in big]


def test_aggregation_matches_the_graph(tangle):
    rows = run_cypher(tangle, "MATCH (e)-[:ENDORSED]->(c:Candidate) "
                              "RETURN c.id AS candidate, count(*) AS n, collect(e.id) AS endorsers")
    expected = Counter(t for _, t, k in tangle.edges(keys=True) if k == "ENDORSED")
    assert {r["candidate"]: r["n"] for r in rows} == dict(expected)
    for row in rows:
        assert sorted(row["endorsers"]) == sorted(s for s, _, k in tangle.in_edges(row["candidate"], keys=True)
                                                  if k == "ENDORSED")


def test_variable_length_and_shortest_paths(records):
    rows = run_cypher(records, "MATCH (p:Person {id: $person})-[*1..2]->(c:Candidate) "
                               "RETURN DISTINCT c.name AS name", {"person": "larry-cohen"})
    reachable = nx.single_source_shortest_path_length(records, "larry-cohen", cutoff=2)
    assert {r["name"] for r in rows} == {records.nodes[n]["name"] for n in reachable
                                         if records.nodes[n]["type"] == "Candidate"}
    (row,) = run_cypher(records, "MATCH (a {id: $a}), (b {id: $b}) WITH a, b "
                                 "MATCH p = allShortestPaths((a)-[*..6]-(b)) RETURN p",
                        {"a": "larry-cohen", "b": "bernie-sanders"})
    start, relation, end = row["p"]
    assert (start["id"], relation, end["id"]) == ("larry-cohen", "ADVISES", "bernie-sanders")


def test_nodes_and_relationships_look_as_on_the_server(records):
    pushed = {row["id"]: row["properties"]
              for _, rows in server_model.node_statements(records) for row in rows}
    rows = run_cypher(records, "MATCH (n) RETURN n, labels(n) AS labels")
    assert len(rows) == records.number_of_nodes()
    for row in rows:
        node = row["n"]
        assert node == pushed[node["id"]]
        assert node["aliases"] == list(kg.aliases(records, node["id"]))
        assert sorted(row["labels"]) == sorted(schema.labels(node["type"]))
    (row,) = run_cypher(records, "MATCH (a)-[r:LEADS]->(b {id: $org}) WHERE r.current = true "
                                 "RETURN r, r.sentences AS sentences, r.sources AS sources, r.claims AS claims",
                        {"org": "communications-workers-of-america"})
    start, relation, end = row["r"]
    edge = records.edges[start["id"], end["id"], relation]
    assert row["sentences"] == [c.get("sentence", "") for c in edge["claims"]]
    assert row["sources"] == [c["source"] for c in edge["claims"]]
    assert json.loads(row["claims"]) == edge["claims"]


@pytest.mark.parametrize("query, message", [
    ("CREATE (n:Person {id: 'x'})", "read-only"),
    ("MATCH (n) DETACH DELETE n", "read-only"),
    ("MATCH (n) RETURN frobnicate(n)", "Unknown function: frobnicate"),
    ("MATCH (n RETURN n", "syntax error"),
])
def test_errors_are_one_line_and_name_the_problem(records, query, message):
    with pytest.raises(EndorsegraphError, match=message) as caught:
        run_cypher(records, query)
    assert "\n" not in str(caught.value)
    assert run_cypher(records, "MATCH (n) RETURN count(*) AS n") == [{"n": records.number_of_nodes()}]


class EmbeddedCypherStore:
    """The Bolt store's ``run`` contract, answered by the embedded Cypher engine."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def run(self, query: str, params: dict | None = None) -> list[dict]:
        return run_cypher(self.graph, query, params)


def test_catalog_cypher_texts_agree_with_networkx(tangle):
    """Every catalog query's Cypher, run embedded, gives the networkx answer (the server parity
    test repeats this on a Bolt server)."""
    cases = [("endorsers", {"candidate": "Ben Okoro"}), ("endorsed-by", {"endorser": "Fay Lin"}),
             ("leaders", {"organization": "HWU"}), ("roles", {"person": "Dana Reyes"}),
             ("affiliations", {"entity": "Gus Hale", "depth": 2}),
             ("path", {"source": "Dana Reyes", "target": "Cy Park", "k": 4}),
             ("path", {"source": "Gus Hale", "target": "Ben Okoro", "directed": True}),
             ("conflicts", {}), ("shared-endorsers", {"first": "Mills", "second": "Okoro"}),
             ("tally", {}), ("search", {"text": "Harbor"})]
    race = load_graph([REPO / "tests" / "fixtures" / "lifecycle"])
    states = [("timeline", {"candidate": "Paula Greer"}), ("switched", {}), ("declined", {}),
              ("endorsers", {"candidate": "Victor Hale", "as_of": "2013-08-05"}), ("tally", {"as_of": "2013-06-10"}),
              ("endorsed-by", {"endorser": "Plumbers Union", "as_of": "2013-07-01"})]
    assert {name for name, _ in cases + states} | {"points"} == set(catalog.CATALOG)   # points: below
    for graph, asked in ((tangle, cases), (race, states)):
        embedded, cypher = catalog.Embedded(graph), catalog.Server(EmbeddedCypherStore(graph))
        for name, params in asked:
            expected = catalog.run(embedded, name, params)
            assert expected, f"{name} should find something in the fixture"
            assert catalog.run(cypher, name, params) == expected, name


def test_loads_a_synthetic_graph_whole():
    graph = synthetic_graph(900, seed=5)
    (row,) = run_cypher(graph, "MATCH ()-[r]->() RETURN count(r) AS relations, "
                               "sum(size(r.sentences)) AS claims")
    assert row == {"relations": graph.number_of_edges(), "claims": kg.claim_count(graph)}


def test_cypher_command_runs_on_the_graph_file(records, tmp_path):
    graph_file = tmp_path / "records.json"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(REPO / "examples" / "records"), "--graph", str(graph_file)]).exit_code == 0
    result = runner.invoke(app, ["cypher", "MATCH (o:Organization)-[:ENDORSED]->(c:Candidate {name: $name}) "
                                           "RETURN o.name AS name ORDER BY name", "--param", "name=Bernie Sanders",
                                 "--backend", "embedded", "--graph", str(graph_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [r["name"] for r in json.loads(result.stdout)] == sorted(
        records.nodes[s]["name"] for s, _, k in records.in_edges("bernie-sanders", keys=True) if k == "ENDORSED")
    result = runner.invoke(app, ["cypher", "MATCH (n) RETURN shortestPath((n)-[*]-(n))",
                                 "--backend", "embedded", "--graph", str(graph_file)])
    assert result.exit_code == 1 and result.stderr.startswith("error: cypher: ")
    assert "shortestpath" in result.stderr.lower() and "Traceback" not in result.output
