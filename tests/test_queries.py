"""The query catalog on the embedded graph: answers checked against independent networkx oracles,
the done-when facts (records and seed articles), and the `query`/`path` commands."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from endorsegraph.cli import app
from endorsegraph.graph import schema
from endorsegraph.graph.errors import EndorsegraphError
from endorsegraph.graph.lookup import EntityNotFound
from support.synthetic import synthetic_graph
from endorsegraph.loaders.build import load_graph
from endorsegraph.queries import catalog, endorsements, paths, roles
from endorsegraph.queries.rows import as_dict, evidence
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
RECORDS = REPO / "examples" / "records"
TANGLE = REPO / "tests" / "fixtures" / "queries"
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
runner = CliRunner()


@pytest.fixture(scope="module")
def records() -> nx.MultiDiGraph:
    return load_graph([RECORDS])


@pytest.fixture(scope="module")
def tangle() -> nx.MultiDiGraph:
    return load_graph([TANGLE])


@pytest.fixture(scope="module")
def synthetic() -> nx.MultiDiGraph:
    return synthetic_graph(600, seed=3)


def ask(graph: nx.MultiDiGraph, name: str, **params) -> list:
    return catalog.run(catalog.Embedded(graph), name, params)


def sentences_of(graph: nx.MultiDiGraph, subject: str, object_: str, relation: str) -> set[str]:
    return {c["sentence"] for c in graph.edges[subject, object_, relation]["claims"] if c.get("sentence")}


# --- the done-when facts, on the records graph ------------------------------------------------

def test_path_from_cohen_to_sanders_is_the_advice_and_the_union(records):
    hops = ask(records, "path", source="Larry Cohen", target="Bernie Sanders", directed=True)
    by_path = {}
    for hop in hops:
        by_path.setdefault(hop.path, []).append((hop.subject_id, hop.relation, hop.object_id))
    assert by_path[1] == [("larry-cohen", "ADVISES", "bernie-sanders")]
    assert by_path[2] == [("larry-cohen", "LEADS", "communications-workers-of-america"),
                          ("communications-workers-of-america", "ENDORSED", "bernie-sanders")]
    for hop in hops:
        assert hop.sentence in sentences_of(records, hop.subject_id, hop.object_id, hop.relation) | {""}
        assert hop.sources, "every hop names where it comes from"
    assert hops[1].sentence == "Cohen led the union until 2015."


def test_conflicts_find_dean_against_the_group_he_founded(records):
    found = {(c.person, c.endorsed, c.relation, c.organization, c.organization_endorsed)
             for c in ask(records, "conflicts")}
    assert ("Howard Dean", "Hillary Clinton", "FOUNDED", "Democracy for America", "Bernie Sanders") in found


# --- each query against what the graph holds --------------------------------------------------

def test_conflicts_skip_shared_and_withdrawn_endorsements(tangle):
    found = {(c.person_id, c.endorsed, c.organization_id, c.organization_endorsed, c.current)
             for c in ask(tangle, "conflicts")}
    assert found == {("dana-reyes", "Ada Mills", "harbor-workers-union", "Ben Okoro", True),
                     ("fay-lin", "Ada Mills", "teachers-guild", "Cy Park", False),
                     ("fay-lin", "Ben Okoro", "teachers-guild", "Cy Park", False)}


def test_endorsers_list_every_endorsement_with_status_and_evidence(tangle):
    rows = ask(tangle, "endorsers", candidate="Mills")
    expected = {s for s, _, t in tangle.in_edges("ada-mills", keys=True) if t == "ENDORSED"}
    assert {r.endorser_id for r in rows} == expected
    withdrawn = [r for r in rows if r.status == "withdrawn"]
    assert [r.endorser for r in withdrawn] == ["River Action"]
    for row in rows:
        assert row.sentence in sentences_of(tangle, row.endorser_id, "ada-mills", "ENDORSED")


def test_evidence_prefers_a_stated_sentence_and_keeps_every_source(tangle):
    (row,) = ask(tangle, "endorsed-by", endorser="HWU")
    assert row.sentence == "The Harbor Workers Union backed Okoro on Friday."
    assert row.source == "https://example.org/harbor/1"
    assert row.sources == ["https://example.org/harbor/1", "https://example.org/harbor/3"]
    assert evidence(["b", "a"], ["", ""]) == {"sentence": "", "source": "a", "sources": ["a", "b"]}


def test_leaders_and_roles_come_from_the_position_relations(tangle):
    leaders = ask(tangle, "leaders", organization="Teachers Guild")
    assert [(r.holder, r.relation, r.role, r.current) for r in leaders] == [("Fay Lin", "LEADS", "chair", False)]
    dana = ask(tangle, "roles", person="Dana Reyes")
    assert {(r.relation, r.subject) for r in dana} == {("LEADS", "Harbor Workers Union"),
                                                      ("MEMBER_OF", "Harbor Workers Union")}
    assert all(r.relation in roles.ROLE_RELATIONS for r in ask(tangle, "roles", person="Gus Hale"))


def test_shared_endorsers_endorsed_both(tangle):
    rows = ask(tangle, "shared-endorsers", first="Ada Mills", second="Ben Okoro")
    both = set(tangle.predecessors("ada-mills")) & set(tangle.predecessors("ben-okoro"))
    assert {r.endorser_id for r in rows} == {e for e in both if tangle.has_edge(e, "ada-mills", "ENDORSED")}
    assert ask(tangle, "shared-endorsers", first="Ada Mills", second="Ada Mills") == []


def test_tally_counts_standing_endorsements_and_known_members(tangle, synthetic):
    for graph in (tangle, synthetic):
        rows = ask(graph, "tally")
        totals = {r.candidate_id: r for r in rows if r.endorser_kind == endorsements.TOTAL_KIND}
        for candidate, row in totals.items():
            standing = [s for s, _, d in graph.in_edges(candidate, data=True)
                        if d["type"] == "ENDORSED" and d.get("status") != "withdrawn"]
            assert row.endorsements == len(standing)
            assert row.members == sum(graph.nodes[s].get("members", 0) for s in standing)
            kinds = [r for r in rows if r.candidate_id == candidate and r is not row]
            assert sum(r.endorsements for r in kinds) == row.endorsements
    union = next(r for r in ask(tangle, "tally") if r.candidate == "Ben Okoro" and r.endorser_kind == "union")
    assert (union.endorsements, union.members, union.with_members) == (1, 50000, 1)


def test_affiliations_are_the_relations_within_depth(tangle, synthetic):
    for graph, entity in ((tangle, "gus-hale"), (synthetic, next(iter(synthetic)))):
        undirected = graph.to_undirected(as_view=True)
        for depth in (1, 2, 3):
            distance = nx.single_source_shortest_path_length(undirected, entity, cutoff=depth - 1)
            expected = {(s, t, k, min(distance.get(s, depth), distance.get(t, depth)) + 1)
                        for s, t, k in graph.edges(keys=True) if s in distance or t in distance}
            rows = ask(graph, "affiliations", entity=entity, depth=depth)
            assert {(r.subject_id, r.object_id, r.relation, r.distance) for r in rows} == expected


def oracle_paths(graph, source, target, k, directed, relations, max_hops):
    """k shortest simple paths by brute force: every simple path, sorted, cut to k."""
    allowed = set(relations or schema.relation_types())
    walk_graph = nx.MultiDiGraph() if directed else nx.MultiGraph()
    walk_graph.add_nodes_from(graph)
    walk_graph.add_edges_from((s, t, (s, t, r)) for s, t, r in graph.edges(keys=True) if r in allowed)
    found = []
    for edges in nx.all_simple_edge_paths(walk_graph, source, target, cutoff=max_hops):
        steps = [(key[0], key[1], key[2], here == key[0]) for here, _, key in edges]
        nodes = [source] + [there for _, there, _ in edges]
        found.append(((len(steps), nodes, [s[2] for s in steps], [s[3] for s in steps]), steps))
    return [steps for _, steps in sorted(found)[:k]]


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("relations", [None, ["ENDORSED", "MEMBER_OF", "LEADS"]])
def test_k_shortest_paths_match_brute_force(tangle, synthetic, directed, relations):
    people = sorted(n for n, t in synthetic.nodes(data="type") if t == "Person")[:4]
    candidates = sorted(n for n, t in synthetic.nodes(data="type") if t == "Candidate")
    pairs = [(tangle, "dana-reyes", "ben-okoro", 3), (tangle, "gus-hale", "cy-park", 5),
             (tangle, "eli-stone", "teachers-guild", 4),
             (synthetic, people[0], candidates[0], 4), (synthetic, people[1], people[2], 6)]
    for graph, source, target, k in pairs:
        hops = paths.path(graph, source, target, k=k, directed=directed, relations=relations, max_hops=3)
        got: dict[int, list] = {}
        for hop in hops:
            got.setdefault(hop.path, []).append((hop.subject_id, hop.object_id, hop.relation, hop.forward))
        assert list(got.values()) == oracle_paths(graph, source, target, k, directed, relations, 3)


def test_undirected_paths_walk_relations_backwards(tangle):
    hops = ask(tangle, "path", source="Ben Okoro", target="Dana Reyes", k=2)
    # Two paths through the union, told apart by relation type: LEADS sorts before MEMBER_OF.
    assert [(h.path, h.relation, h.forward) for h in hops] == [
        (1, "ENDORSED", False), (1, "LEADS", False), (2, "ENDORSED", False), (2, "MEMBER_OF", False)]
    assert ask(tangle, "path", source="Ben Okoro", target="Dana Reyes", directed=True) == []


@pytest.mark.parametrize("params, message", [
    ({"source": "Fay Lin", "target": "Lin"}, "two different entities"),
    ({"source": "Fay Lin", "target": "Cy Park", "k": 0}, "k must be at least 1"),
    ({"source": "Fay Lin", "target": "Cy Park", "max_hops": 9}, "at most 4"),
    ({"source": "Fay Lin", "target": "Cy Park", "relations": ["LIKES"]}, "unknown relation type LIKES"),
])
def test_path_refuses_bad_parameters(tangle, params, message):
    with pytest.raises(EndorsegraphError, match=message):
        ask(tangle, "path", **params)


def test_names_resolve_by_alias_and_near_misses_suggest(tangle):
    assert ask(tangle, "endorsed-by", endorser="Harbour Workers Union")[0].endorser_id == "harbor-workers-union"
    with pytest.raises(EntityNotFound) as caught:
        ask(tangle, "endorsers", candidate="Ben Okora")
    assert "Ben Okoro" in caught.value.suggestions
    assert ask(tangle, "search", text="Okora")[0].id == "ben-okoro"


def test_catalog_refuses_unknown_queries_and_parameters(tangle):
    with pytest.raises(EndorsegraphError, match="did you mean endorsers"):
        ask(tangle, "endorser", candidate="Ada Mills")
    with pytest.raises(EndorsegraphError, match="takes no depth"):
        ask(tangle, "endorsers", candidate="Ada Mills", depth=2)
    with pytest.raises(EndorsegraphError, match="needs candidate"):
        ask(tangle, "endorsers")


# --- the command line ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tangle_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("queries") / "tangle.json"
    assert runner.invoke(app, ["build", str(TANGLE), "--graph", str(path)]).exit_code == 0
    return path


def test_query_json_and_csv_carry_the_library_rows(tangle, tangle_file):
    expected = [as_dict(r) for r in ask(tangle, "endorsers", candidate="Ben Okoro")]
    result = runner.invoke(app, ["query", "endorsers", "Okoro", "--graph", str(tangle_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == expected
    result = runner.invoke(app, ["query", "endorsers", "Okoro", "--graph", str(tangle_file), "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["endorser"] for r in table] == [r["endorser"] for r in expected]
    assert table[0]["sources"] == "; ".join(expected[0]["sources"])


def test_query_table_is_readable(tangle_file):
    result = runner.invoke(app, ["query", "leaders", "HWU", "--graph", str(tangle_file)])
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split()
    assert header[:3] == ["holder", "relation", "subject"] and "holder_id" not in header
    assert "Dana Reyes" in result.stdout and result.stdout.rstrip().endswith("(1 row)")


def test_path_command_options(tangle_file):
    result = runner.invoke(app, ["path", "Gus Hale", "Ben Okoro", "--graph", str(tangle_file), "-k", "2",
                                 "--relation", "ADVISES", "--relation", "ENDORSED", "--format", "json"])
    assert result.exit_code == 0, result.output
    hops = json.loads(result.stdout)
    assert {h["path"] for h in hops} == {1, 2}
    assert {h["relation"] for h in hops} <= {"ADVISES", "ENDORSED"}


@pytest.mark.parametrize("argv, message", [
    (["query", "endorsers", "Ben Okora"], "error: no entity named 'Ben Okora'; did you mean 'Ben Okoro'"),
    (["query", "endorsees", "x"], "error: no query named 'endorsees'"),
    (["query", "shared-endorsers", "Ada Mills"], "error: query shared-endorsers takes FIRST SECOND; got 1"),
    (["query", "tally", "--format", "xml"], "error: unknown format 'xml'"),
    (["path", "Fay Lin", "Cy Park", "--max-hops", "5"], "error: max hops must be at least 1 and at most 4"),
])
def test_bad_input_is_one_line_and_exit_1(tangle_file, argv, message):
    result = runner.invoke(app, [*argv, "--graph", str(tangle_file)])
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output and result.stdout == ""


# --- the seed articles (done-when), when ../shared is present ----------------------------------

@pytest.fixture(scope="module")
def seeds_file(tmp_path_factory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not present at {SEEDS}")
    path = tmp_path_factory.mktemp("seeds") / "seeds.json"
    result = runner.invoke(app, ["build", str(SEEDS), "--graph", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_seed_path_from_cohen_to_sanders(seeds_file):
    result = runner.invoke(app, ["path", "Larry Cohen", "Bernie Sanders", "--graph", str(seeds_file),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    paths_found: dict[int, list] = {}
    for hop in json.loads(result.stdout):
        assert hop["sentence"], f"hop without its sentence: {hop}"
        paths_found.setdefault(hop["path"], []).append((hop["subject"], hop["relation"], hop["object"]))
    assert [("Larry Cohen", "ADVISES", "Bernie Sanders")] in paths_found.values()
    assert [("Larry Cohen", "LEADS", "Communications Workers of America"),
            ("Communications Workers of America", "ENDORSED", "Bernie Sanders")] in paths_found.values()


def test_seed_conflicts_dean_against_democracy_for_america(seeds_file):
    result = runner.invoke(app, ["query", "conflicts", "--graph", str(seeds_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    dean = [r for r in rows if r["person"] == "Howard Dean"]
    assert [(r["endorsed"], r["organization"], r["organization_endorsed"], r["relation"]) for r in dean] == \
        [("Hillary Clinton", "Democracy for America", "Bernie Sanders", "FOUNDED")]
    assert all(dean[0][f"{part}_sentence"] for part in ("person", "link", "organization"))
