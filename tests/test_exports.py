"""Exports round-trip through the readers people use: networkx, python-igraph and pandas.

Each test reads an export with its client's defaults and checks names, relation types and claims
against the graph file the export came from.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

from endorsegraph.cli import app
from endorsegraph.graph import export, kg
from endorsegraph.graph.embedded import JsonFileStore
from support.synthetic import synthetic_graph

RECORDS = Path(__file__).parent.parent / "examples" / "records"
GEXF_EDGE_TYPES = {"directed", "undirected", "mutual"}     # what GEXF means by an edge's type
GEXF_GRAPH_ATTRIBUTES = {"timeformat", "start", "startopen", "end", "endopen", "defaultedgetype", "idtype",
                         "mode"}                            # what the GEXF 1.2 schema allows on <graph>
runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "g.json"
    assert run("build", RECORDS, "--graph", path).exit_code == 0
    return path


@pytest.fixture(scope="module")
def expected(graph_file: Path) -> dict[str, object]:
    """What every reader must find: names by id, and (source, type, target) -> claim sentences."""
    g = JsonFileStore(graph_file).load()
    return {"names": {n: d["name"] for n, d in g.nodes(data=True)},
            "relations": {(r["source"], r["type"], r["target"]): [c.get("sentence") or None for c in r["claims"]]
                          for r in kg.relations(g)}}


def exported(graph_file: Path, suffix: str) -> Path:
    """Export by the output's suffix alone (no --format)."""
    out = graph_file.parent / f"out{suffix}"
    result = run("export", "--graph", graph_file, "--output", out)
    assert result.exit_code == 0, result.output
    return out


def relations_of(graph: nx.MultiDiGraph, type_key: str) -> dict[tuple[str, str, str], list[str | None]]:
    return {(s, d[type_key], t): [c.get("sentence") or None for c in (json.loads(d["claims"]) if isinstance(d["claims"], str)
                                                              else d["claims"])]
            for s, t, d in graph.edges(data=True)}


def test_node_link_json_reads_with_networkx_defaults(graph_file: Path, expected: dict) -> None:
    data = json.loads(exported(graph_file, ".json").read_text())
    assert data["links"] == data["edges"]                       # networkx < 3.6 reads links, 3.6 on edges
    for graph in (nx.node_link_graph(data), nx.node_link_graph(data, edges="links")):
        assert isinstance(graph, nx.MultiDiGraph)
        assert {n: d["name"] for n, d in graph.nodes(data=True)} == expected["names"]
        assert relations_of(graph, "type") == expected["relations"]


def test_graphml_reads_with_networkx(graph_file: Path, expected: dict) -> None:
    graph = nx.read_graphml(exported(graph_file, ".graphml"))
    assert {n: d["name"] for n, d in graph.nodes(data=True)} == expected["names"]
    assert relations_of(graph, "type") == expected["relations"]
    cwa = graph.nodes["communications-workers-of-america"]
    assert (cwa["type"], cwa["kind"], cwa["members"]) == ("Organization", "union", 700000)
    assert json.loads(cwa["aliases"]) == ["CWA", "Communications Worker of America"]
    [leads] = [d for s, t, d in graph.edges(data=True)
               if (s, d["type"], t) == ("larry-cohen", "LEADS", "communications-workers-of-america")]
    assert (leads["type"], leads["role"], leads["current"]) == ("LEADS", "president", False)


def test_graphml_reads_with_igraph(graph_file: Path, expected: dict) -> None:
    graph = igraph.Graph.Read_GraphML(str(exported(graph_file, ".graphml")))
    ids = graph.vs["id"]
    assert graph.is_directed() and dict(zip(ids, graph.vs["name"])) == expected["names"]
    found = {(ids[e.source], e["type"], ids[e.target]): [c.get("sentence") or None for c in json.loads(e["claims"])]
             for e in graph.es}
    assert found == expected["relations"]
    assert graph.vs.find(id="chris-shelton")["type"] == "Person"


def test_gexf_reads_with_networkx_names_as_labels_and_relation_types_kept(graph_file: Path, expected: dict) -> None:
    path = exported(graph_file, ".gexf")
    graph = nx.read_gexf(path)
    assert {n: d["label"] for n, d in graph.nodes(data=True)} == expected["names"]
    assert relations_of(graph, "relation") == expected["relations"]
    assert all(d["label"] == d["relation"] for _, _, d in graph.edges(data=True))
    root = ET.parse(path).getroot()
    edges = [e for e in root.iter() if e.tag.endswith("}edge")]
    assert len(edges) == len(expected["relations"])
    assert {e.get("type", "directed") for e in edges} <= GEXF_EDGE_TYPES
    assert len({e.get("id") for e in edges}) == len(edges)      # edge ids are unique
    [graph_element] = [e for e in root if e.tag.endswith("}graph")]
    assert set(graph_element.attrib) <= GEXF_GRAPH_ATTRIBUTES   # no networkx `name`: not in the schema


def test_csv_reads_with_pandas_with_distinct_columns(graph_file: Path, expected: dict) -> None:
    out = exported(graph_file, ".csv")
    header = out.read_text().splitlines()[0].split(",")
    assert len(header) == len(set(header))
    claims = pd.read_csv(out)
    found: dict[tuple[str, str, str], list[str | None]] = {}
    for row in claims.itertuples():
        sentence = row.sentence if isinstance(row.sentence, str) else None
        found.setdefault((row.source_id, row.relation, row.target_id), []).append(sentence)
    assert found == expected["relations"]
    assert set(claims["source_name"]) | set(claims["target_name"]) <= set(expected["names"].values())
    assert claims["claim_source"].str.endswith("records/relations.jsonl").sum() == 8     # the 9th has a url
    assert set(claims["article"]) == {"relations.jsonl"}
    entities = pd.read_csv(out.with_name("out.entities.csv"))
    assert dict(zip(entities["id"], entities["name"])) == expected["names"]
    assert entities.set_index("id").loc["bernie-sanders", "office"] == "President"


def test_an_explicit_format_wins_over_the_suffix(graph_file: Path) -> None:
    out = graph_file.parent / "data.xml"
    assert run("export", "--graph", graph_file, "--output", out, "--format", "graphml").exit_code == 0
    assert nx.read_graphml(out).number_of_edges() == 9


def test_an_output_without_a_known_suffix_gets_json(graph_file: Path) -> None:
    out = graph_file.parent / "plain"
    assert run("export", "--graph", graph_file, "--output", out).exit_code == 0
    assert json.loads(out.read_text())["directed"] is True


@pytest.mark.parametrize("fmt, check", [
    ("json", lambda text: nx.node_link_graph(json.loads(text)).number_of_edges() == 9),
    ("gexf", lambda text: nx.read_gexf(io.BytesIO(text.encode())).number_of_edges() == 9),
    ("csv", lambda text: len(text.splitlines()) == 10),
])
def test_output_dash_writes_to_standard_output(graph_file: Path, fmt: str, check) -> None:
    before = sorted(p.name for p in graph_file.parent.iterdir())
    result = run("export", "--graph", graph_file, "--output", "-", "--format", fmt)
    assert result.exit_code == 0 and result.stderr == ""
    assert check(result.stdout)
    assert sorted(p.name for p in graph_file.parent.iterdir()) == before       # no file named "-"


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_closed_pipe_ends_quietly(tmp_path: Path, unbuffered: str) -> None:
    big = tmp_path / "big.json"
    JsonFileStore(big).save(synthetic_graph(2000))
    cli = str(Path(sys.executable).with_name("endorsegraph"))
    process = subprocess.Popen([cli, "export", "--graph", str(big), "-o", "-"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={"PATH": "/usr/bin:/bin", "PYTHONUNBUFFERED": unbuffered})
    assert process.stdout.read(10) == b'{\n "direct'                              # like `| head -c 10`
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) in (0, 1)
    assert stderr == ""


def test_export_format_for() -> None:
    assert export.format_for(Path("a.GraphML"), None) == "graphml"
    assert export.format_for(Path("a.gexf"), "csv") == "csv"
    assert export.format_for(export.STDOUT, None) == "json"
