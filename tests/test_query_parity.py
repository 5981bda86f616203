"""Parity: every catalog query gives identical rows on the embedded graph (networkx) and on the
Bolt test server (Cypher), over the records, a fixture of traps, the seed articles and a
synthetic graph of thousands of entities. Rows are compared in the catalog's canonical order."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from endorsegraph.cli import app
from endorsegraph.graph.lookup import EntityNotFound
from support.synthetic import synthetic_graph
from endorsegraph.loaders.build import load_graph
from endorsegraph.queries import catalog
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
FIVETHIRTYEIGHT = [REPO / "tests" / "fixtures" / "fivethirtyeight" / name
                   for name in ("endorsements-2020.csv", "dem_candidates.csv", "rep_candidates.csv")]

Cases = list[tuple[str, dict]]


def story_cases(graph: nx.MultiDiGraph) -> Cases:
    """The 2015 story, as told by the records and by the seed articles."""
    return [("endorsers", {"candidate": "Bernie Sanders"}), ("endorsers", {"candidate": "Clinton"}),
            ("endorsed-by", {"endorser": "CWA"}), ("leaders", {"organization": "CWA"}),
            ("roles", {"person": "Larry Cohen"}), ("affiliations", {"entity": "Howard Dean", "depth": 2}),
            ("affiliations", {"entity": "Larry Cohen", "depth": 3}),
            ("path", {"source": "Larry Cohen", "target": "Bernie Sanders"}),
            ("path", {"source": "Larry Cohen", "target": "Bernie Sanders", "directed": True, "k": 5}),
            ("path", {"source": "Chris Shelton", "target": "Hillary Clinton", "k": 4,
                      "relations": ["LEADS", "ENDORSED", "ADVISES"]}),
            ("conflicts", {}), ("shared-endorsers", {"first": "Bernie Sanders", "second": "Hillary Clinton"}),
            ("tally", {}), ("points", {}), ("search", {"text": "Sandrs"}),
            ("timeline", {"candidate": "Bernie Sanders"}), ("switched", {}), ("declined", {}),
            ("endorsers", {"candidate": "Bernie Sanders", "as_of": "2015-12-17"}),
            ("endorsed-by", {"endorser": "CWA", "as_of": "2015-12-31"}), ("tally", {"as_of": "2016-01-01"}),
            ("path", {"source": "Larry Cohen", "target": "Bernie Sanders", "as_of": "2015-12-01"})]


def fivethirtyeight_cases(graph: nx.MultiDiGraph) -> Cases:
    """The 2015 story beside FiveThirtyEight's tables: points, and 2018 endorsements with primary results."""
    return [*[(name, params) for name, params in story_cases(graph) if name != "endorsed-by"],
            ("endorsed-by", {"endorser": "Our Revolution"}), ("endorsed-by", {"endorser": "WFP"})]


def tangle_cases(graph: nx.MultiDiGraph) -> Cases:
    return [("endorsers", {"candidate": "Ben Okoro"}), ("endorsers", {"candidate": "Ada Mills"}),
            ("endorsed-by", {"endorser": "River Action"}), ("leaders", {"organization": "Teachers Guild"}),
            ("roles", {"person": "Dana Reyes"}), ("affiliations", {"entity": "Gus Hale", "depth": 3}),
            ("path", {"source": "Dana Reyes", "target": "Cy Park", "k": 6}),
            ("path", {"source": "Ben Okoro", "target": "Dana Reyes", "k": 2}),
            ("path", {"source": "Gus Hale", "target": "Ben Okoro", "directed": True, "max_hops": 3}),
            ("conflicts", {}), ("shared-endorsers", {"first": "Mills", "second": "Okoro"}),
            ("tally", {}), ("points", {}), ("search", {"text": "Harbour"}),
            ("timeline", {"candidate": "Ben Okoro"}), ("switched", {}), ("declined", {}),
            ("tally", {"as_of": "2024-06-01"})]


def lifecycle_cases(graph: nx.MultiDiGraph) -> Cases:
    """The fixture race in which endorsements are expected, declined, withdrawn and switched."""
    days = ("2013-06-09", "2013-06-10", "2013-08-04", "2013-08-05", "2013-12-31")
    return [*[("endorsers", {"candidate": name, "as_of": day}) for name in ("Paula Greer", "Victor Hale")
              for day in days],
            ("endorsers", {"candidate": "Paula Greer"}), ("endorsed-by", {"endorser": "Plumbers Union"}),
            ("endorsed-by", {"endorser": "Plumbers Union", "as_of": "2013-07-01"}),
            ("leaders", {"organization": "Sierra Club"}), ("roles", {"person": "Paula Greer"}),
            ("affiliations", {"entity": "Sierra Club", "depth": 2}),
            ("path", {"source": "Plumbers Union", "target": "Teachers Guild", "k": 4}),
            ("path", {"source": "Plumbers Union", "target": "Teachers Guild", "k": 4, "as_of": "2013-09-01"}),
            ("conflicts", {}), ("shared-endorsers", {"first": "Paula Greer", "second": "Victor Hale"}),
            *[("tally", {"as_of": day}) for day in days], ("tally", {}), ("points", {}),
            ("search", {"text": "Grer"}), ("timeline", {"candidate": "Paula Greer"}),
            ("timeline", {"candidate": "Victor Hale"}), ("switched", {}), ("declined", {})]


def synthetic_cases(graph: nx.MultiDiGraph) -> Cases:
    """Entities picked by rank, so the cases are the same on every run."""
    by_type = {kind: sorted(n for n, t in graph.nodes(data="type") if t == kind)
               for kind in ("Person", "Candidate", "Organization")}
    busiest = sorted(by_type["Organization"], key=lambda n: (-graph.degree(n), n))
    people, candidates = by_type["Person"], by_type["Candidate"]
    return [("endorsers", {"candidate": candidates[0]}), ("endorsed-by", {"endorser": busiest[0]}),
            ("leaders", {"organization": busiest[1]}), ("roles", {"person": people[0]}),
            ("affiliations", {"entity": people[1], "depth": 2}),
            ("path", {"source": people[2], "target": people[3], "k": 3}),
            ("path", {"source": people[4], "target": candidates[1], "k": 3, "directed": True}),
            ("conflicts", {}), ("shared-endorsers", {"first": candidates[0], "second": candidates[1]}),
            ("tally", {}), ("points", {}), ("search", {"text": graph.nodes[people[5]]["name"]}),
            ("timeline", {"candidate": candidates[0]}), ("switched", {}), ("declined", {}),
            ("endorsers", {"candidate": candidates[0], "as_of": "2015-07-01"}),
            ("endorsed-by", {"endorser": busiest[0], "as_of": "2015-07-01"}), ("tally", {"as_of": "2015-07-01"}),
            ("path", {"source": people[2], "target": people[3], "k": 3, "as_of": "2015-07-01"})]


def seeds() -> nx.MultiDiGraph:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not present at {SEEDS}")
    return load_graph([SEEDS])


GRAPHS: dict[str, tuple[Callable[[], nx.MultiDiGraph], Callable[[nx.MultiDiGraph], Cases]]] = {
    "records": (lambda: load_graph([REPO / "examples" / "records"]), story_cases),
    "tangle": (lambda: load_graph([REPO / "tests" / "fixtures" / "queries"]), tangle_cases),
    "fivethirtyeight": (lambda: load_graph([REPO / "examples" / "records", *FIVETHIRTYEIGHT]), fivethirtyeight_cases),
    "seeds": (seeds, story_cases),
    "synthetic": (lambda: synthetic_graph(3000, seed=7), synthetic_cases),
    "lifecycle": (lambda: load_graph([REPO / "tests" / "fixtures" / "lifecycle"]), lifecycle_cases),
}


@pytest.mark.parametrize("graph_name", list(GRAPHS))
def test_every_query_answers_the_same_on_both_back_ends(clean_bolt_store, graph_name):
    make, cases = GRAPHS[graph_name]
    graph = make()
    clean_bolt_store.save(graph)
    embedded, server = catalog.Embedded(graph), catalog.Server(clean_bolt_store)
    asked = cases(graph)
    assert {name for name, _ in asked} == set(catalog.CATALOG), "every catalog query is compared"
    answered = 0
    for name, params in asked:
        expected = catalog.run(embedded, name, params)
        assert catalog.run(server, name, params) == expected, f"{graph_name}: {name} {params}"
        answered += bool(expected)
    no_points = graph_name != "fivethirtyeight"     # only FiveThirtyEight's tables give points
    no_states = 2 * (graph_name != "lifecycle")       # only the lifecycle fixture switches and declines
    dated = sum("as_of" not in params for _, params in asked)   # as-of finds nothing where no claim is dated
    assert answered >= dated - 2 - no_points - no_states, "the cases should mostly find something"


def test_server_resolves_names_like_the_embedded_graph(clean_bolt_store):
    graph = load_graph([REPO / "tests" / "fixtures" / "queries"])
    clean_bolt_store.save(graph)
    embedded, server = catalog.Embedded(graph), catalog.Server(clean_bolt_store)
    for name in ("ben-okoro", "Ben Okoro", "ben okoro", "Okoro", "HWU", "Harbour Workers Union"):
        assert server.resolve(name) == embedded.resolve(name)
    with pytest.raises(EntityNotFound, match="did you mean 'Ben Okoro'"):
        server.resolve("Ben Okora")


def test_query_and_path_commands_answer_alike_on_both_back_ends(clean_bolt_store, bolt_env, tmp_path):
    records = REPO / "examples" / "records"
    graph_file = tmp_path / "records.json"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(records), "--graph", str(graph_file)]).exit_code == 0
    clean_bolt_store.save(load_graph([records]))
    for argv in (["query", "conflicts"], ["query", "endorsers", "Sanders"],
                 ["path", "Larry Cohen", "Bernie Sanders", "--directed"]):
        embedded = runner.invoke(app, [*argv, "--format", "json", "--backend", "embedded",
                                       "--graph", str(graph_file)])
        server = runner.invoke(app, [*argv, "--format", "json", "--backend", "neo4j"], env=bolt_env)
        assert embedded.exit_code == server.exit_code == 0, server.output
        assert json.loads(server.stdout) == json.loads(embedded.stdout) != []
    missing = runner.invoke(app, ["query", "roles", "Larry Coen", "--backend", "neo4j"], env=bolt_env)
    assert missing.exit_code == 1 and "did you mean 'Larry Cohen'" in missing.stderr
