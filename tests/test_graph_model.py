"""The graph model: schema validation, claim merging, conflicting claims, aliases."""
from __future__ import annotations

import pytest

from endorsegraph.graph import kg, schema
from endorsegraph.graph.errors import SchemaError
from endorsegraph.graph.model import Batch, Claim, Entity, Relation, entity_id


def claim(article: str, start: int = 0, **properties) -> Claim:
    return Claim(article=article, source=f"/news/{article}", rule="test", sentence=f"said in {article}",
                 start=start, end=start + 10, properties=properties)


@pytest.fixture
def graph():
    g = kg.new_graph()
    kg.add_entity(g, Entity("Communications Workers of America", "Organization", "a.txt", ("CWA", "CWA"),
                            {"kind": "union"}))
    kg.add_entity(g, Entity("Chris Shelton", "Person", "a.txt", ("Chris Shelton", "Shelton")))
    kg.add_entity(g, Entity("Bernie Sanders", "Candidate", "a.txt", ("Sanders",)))
    return g


def test_schema_is_data_with_core_relation_types() -> None:
    assert schema.core_relation_types() == ["ENDORSED", "LEADS", "ADVISES"]
    assert schema.labels("Candidate") == ["Person", "Candidate"]
    assert schema.is_a("Candidate", "Person") and not schema.is_a("Person", "Candidate")


def test_leads_from_an_organization_is_refused(graph) -> None:
    relation = Relation("LEADS", "communications-workers-of-america", "chris-shelton", claim("a.txt"))
    with pytest.raises(SchemaError, match="LEADS cannot start at a Organization"):
        kg.add_relation(graph, relation)
    assert graph.number_of_edges() == 0


@pytest.mark.parametrize("properties, message", [
    ({"role": "president", "current": "maybe"}, "must be true or false"),
    ({"role": "president", "salary": 1}, "has no property salary"),
])
def test_bad_relation_properties_are_refused(graph, properties, message) -> None:
    with pytest.raises(SchemaError, match=message):
        kg.add_relation(graph, Relation("LEADS", "chris-shelton", "communications-workers-of-america",
                                        claim("a.txt", **properties)))


def test_bad_entity_properties_are_refused() -> None:
    with pytest.raises(SchemaError, match="kind' must be one of"):
        kg.add_entity(kg.new_graph(), Entity("X", "Organization", properties={"kind": "bakery"}))
    with pytest.raises(SchemaError, match="unknown entity type 'Robot'"):
        kg.add_entity(kg.new_graph(), Entity("X", "Robot"))


def test_a_second_source_adds_a_claim_not_an_edge(graph) -> None:
    for article in ("a.txt", "b.txt"):
        kg.add_relation(graph, Relation("ENDORSED", "communications-workers-of-america", "bernie-sanders",
                                        claim(article, status="endorsed")))
    assert graph.number_of_edges() == 1
    claims = graph.edges["communications-workers-of-america", "bernie-sanders", "ENDORSED"]["claims"]
    assert [c["article"] for c in claims] == ["a.txt", "b.txt"]


def test_the_same_claim_twice_is_one_claim(graph) -> None:
    relation = Relation("ENDORSED", "communications-workers-of-america", "bernie-sanders", claim("a.txt"))
    assert kg.add_relation(graph, relation) is True
    assert kg.add_relation(graph, relation) is False
    assert kg.claim_count(graph) == 1


def test_disagreeing_sources_keep_both_claims(graph) -> None:
    wednesday = Claim("b.txt", "b", "test", published="2015-12-17", properties={"date": "2015-12-16"})
    thursday = Claim("a.txt", "a", "test", published="2015-12-18", properties={"date": "2015-12-17"})
    for c in (wednesday, thursday):
        kg.add_relation(graph, Relation("ENDORSED", "communications-workers-of-america", "bernie-sanders", c))
    edge = graph.edges["communications-workers-of-america", "bernie-sanders", "ENDORSED"]
    assert sorted(c["properties"]["date"] for c in edge["claims"]) == ["2015-12-16", "2015-12-17"]
    assert edge["date"] == "2015-12-17"          # the most recently published claim sets the edge


def test_aliases_are_counted_per_source_and_reloading_a_source_replaces_its_counts(graph) -> None:
    assert kg.aliases(graph, "communications-workers-of-america") == {"CWA": 2}
    kg.add_entity(graph, Entity("Communications Workers of America", "Organization", "b.txt",
                                ("CWA", "Communications Worker of America")))
    kg.add_entity(graph, Entity("Communications Workers of America", "Organization", "b.txt",
                                ("CWA", "Communications Worker of America")))
    assert kg.aliases(graph, "communications-workers-of-america") == {
        "CWA": 3, "Communications Worker of America": 1}


def test_a_person_named_as_a_candidate_becomes_one_but_not_an_organization(graph) -> None:
    kg.add_entity(graph, Entity("Chris Shelton", "Candidate"))
    assert graph.nodes["chris-shelton"]["type"] == "Candidate"
    kg.add_relation(graph, Relation("LEADS", "chris-shelton", "communications-workers-of-america", claim("a.txt")))
    with pytest.raises(SchemaError, match="cannot be both"):
        kg.add_entity(graph, Entity("Chris Shelton", "Organization"))


def test_a_type_no_relation_rests_on_yields_to_a_new_reading(graph) -> None:
    """"Bloomberg" read as a company in passing, then as the mayor who endorsed someone: the person stands."""
    kg.add_entity(graph, Entity("Communications Workers of America", "Person", "b.txt"))
    data = graph.nodes["communications-workers-of-america"]
    assert data["type"] == "Person" and "kind" not in data
    assert set(data["mentions"]) == {"a.txt", "b.txt"}


def test_a_failing_batch_leaves_the_graph_as_it_was(graph) -> None:
    before = (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)))
    batch = Batch("bad.csv", entities=[Entity("Larry Cohen", "Person", "bad.csv")],
                  relations=[Relation("ENDORSED", "chris-shelton", "bernie-sanders", claim("bad.csv")),
                             Relation("LEADS", "communications-workers-of-america", "larry-cohen",
                                      claim("bad.csv"))])
    with pytest.raises(SchemaError):
        kg.apply_batch(graph, batch)
    assert (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))) == before


def test_entity_ids_are_stable_slugs() -> None:
    assert entity_id("Chris Shelton") == "chris-shelton"
    assert entity_id("AFL-CIO") == "afl-cio"
    assert entity_id("Mónica Ruiz") == "monica-ruiz"



def test_one_batch_may_read_a_name_as_an_organization_in_passing_and_as_a_person_in_a_relation() -> None:
    """Two articles of one JSONL file: the graph and its name index both end with the person."""
    from endorsegraph.graph.model import Batch
    from endorsegraph.graph.names import NameIndex
    graph = kg.new_graph()
    batch = Batch(source="news.jsonl")
    batch.entities += [Entity("Abe Lutz", "Organization", "one"), Entity("Abe Lutz", "Person", "two"),
                       Entity("Ed Marsh", "Candidate", "two")]
    batch.relations.append(Relation("ENDORSED", "abe-lutz", "ed-marsh", claim("two")))
    kg.apply_batch(graph, batch)
    index = NameIndex(kg.new_graph())
    for entity in batch.entities:
        index.add(entity, graph.nodes[entity.id]["type"])
    assert graph.nodes["abe-lutz"]["type"] == index.type_of("abe-lutz") == "Person"
