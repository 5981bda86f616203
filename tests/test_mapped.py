"""Any CSV table by column mapping (build --map / --map-file / --relation)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import endorsegraph
from endorsegraph.cli import app
from endorsegraph.graph import kg
from endorsegraph.graph.embedded import graph_to_json
from endorsegraph.loaders.build import load_graph, load_into
from endorsegraph.loaders.csv_tables import TableOptions
from endorsegraph.loaders.mapped import parse_map

REPO = Path(__file__).resolve().parents[1]
TABLE = ('endorser,endorsee,when,note,kind_of\n'
         'WFP,Ana Reyes,2018-05-01,"press release, May 1",Organization\n'
         'Jane Roe,Ana Reyes,2018-05-02,tweet,Person\n'
         'Sierra Club,Tom Becker,,,\n')
MAP = ["--map", "endorser=source", "--map", "endorsee=target", "--map", "when=date", "--map", "kind_of=source_type",
       "--relation", "ENDORSED"]
runner = CliRunner()


def build(*args: object):
    return runner.invoke(app, ["build", *map(str, args)])


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "table.csv"
    path.write_text(TABLE)
    return path


def test_a_mapped_table_becomes_relations_with_its_other_cells_on_the_claims(table: Path) -> None:
    graph_file = table.with_name("g.json")
    result = build(table, "--graph", graph_file, *MAP)
    assert result.exit_code == 0, result.output
    graph = endorsegraph.load(graph_file)
    found = {(r["source"], r["type"], r["target"]): r["claims"] for r in kg.relations(graph)}
    assert set(found) == {("working-families-party", "ENDORSED", "ana-reyes"), ("jane-roe", "ENDORSED", "ana-reyes"),
                          ("sierra-club", "ENDORSED", "tom-becker")}
    [wfp] = found[("working-families-party", "ENDORSED", "ana-reyes")]
    assert (wfp["columns"], wfp["properties"]["date"], wfp["line"], wfp["rule"]) == (
        {"note": "press release, May 1"}, "2018-05-01", 2, "column-map")
    assert "columns" not in found[("sierra-club", "ENDORSED", "tom-becker")][0]     # no other cell filled
    assert graph.nodes["jane-roe"]["type"] == "Person"
    assert graph.nodes["working-families-party"]["kind"] == "party"                  # the gazetteer's WFP
    assert graph.nodes["ana-reyes"]["type"] == "Candidate"


def test_a_map_file_reads_the_same_as_options(table: Path) -> None:
    by_options, by_file = table.with_name("a.json"), table.with_name("b.json")
    mapping = table.with_name("map.json")
    mapping.write_text(json.dumps({"columns": {"endorser": "source", "endorsee": "target", "when": "date",
                                               "kind_of": "source_type"}, "relation": "ENDORSED"}))
    assert build(table, "--graph", by_options, *MAP).exit_code == 0
    assert build(table, "--graph", by_file, "--map-file", mapping).exit_code == 0
    assert by_options.read_bytes() == by_file.read_bytes()


def test_table_names_join_the_entities_already_in_the_graph(table: Path) -> None:
    graph_file = table.with_name("g.json")
    assert build(REPO / "examples" / "records", "--graph", graph_file).exit_code == 0
    table.write_text("who,whom,kind_of\nDFA,Bernie Sanders,\nLarry Cohen,Bernie Sanders,Person\n")
    assert build(table, "--graph", graph_file, "--map", "who=source", "--map", "whom=target", "--map",
                 "kind_of=source_type", "--relation", "ENDORSED").exit_code == 0
    graph = endorsegraph.load(graph_file)
    assert graph.has_edge("larry-cohen", "bernie-sanders", key="ENDORSED")
    assert len(graph.edges["democracy-for-america", "bernie-sanders", "ENDORSED"]["claims"]) == 2


def test_mapped_cells_reach_the_csv_export_and_the_claims_frame(table: Path) -> None:
    graph_file = table.with_name("g.json")
    assert build(table, "--graph", graph_file, *MAP).exit_code == 0
    frame = endorsegraph.claims_frame(graph_file).set_index("source_id")
    assert frame.loc["jane-roe", "table_columns"] == {"note": "tweet"}
    exported = runner.invoke(app, ["export", "--graph", str(graph_file), "-o", "-", "-f", "csv"]).stdout
    assert '"{""note"": ""tweet""}"' in exported and exported.splitlines()[0].count("table_columns") == 1


@pytest.mark.parametrize("options, message", [
    (["--map", "endorser=source", "--map", "endorsee=target"], "--map: the map needs a column for relation"),
    (["--map", "endorser=source", "--relation", "ENDORSED"], "--map: the map needs a column for target"),
    (["--map", "endorser=source", "--map", "endorsee=target", "--map", "note=nonsense", "--relation", "ENDORSED"],
     "cannot map column 'note' to 'nonsense'"),
    (["--map", "endorser=source", "--map", "note=source", "--map", "endorsee=target", "--relation", "ENDORSED"],
     "more than one column mapped to source"),
    (["--map", "endorser", "--relation", "ENDORSED"], "expected COLUMN=FIELD, got 'endorser'"),
    (["--map", "endorser=source", "--map", "endorsee=target", "--relation", "HATES"], "unknown relation 'HATES'"),
    (["--map", "endorsr=source", "--map", "endorsee=target", "--relation", "ENDORSED"],
     "table.csv:1: no column 'endorsr' (columns: endorser, endorsee, when, note, kind_of)"),
    (["--map", "endorser=source", "--map", "endorsee=target", "--relation", "ENDORSED"],
     "table.csv:3: unknown entity 'Jane Roe': a Person or Organization? map a column to source_type"),
])
def test_bad_maps_are_one_line_and_write_nothing(table: Path, options: list[str], message: str) -> None:
    graph_file = table.with_name("g.json")
    result = build(table, "--graph", graph_file, *options)
    assert result.exit_code == 1 and message in result.stderr.splitlines()[0], result.stderr
    assert not graph_file.exists()


def test_a_bad_map_file_is_named(table: Path) -> None:
    mapping = table.with_name("map.json")
    mapping.write_text('{"columns": ["endorser"]}')
    result = build(table, "--graph", table.with_name("g.json"), "--map-file", mapping)
    assert result.exit_code == 1 and "map.json: a column map is" in result.stderr
    result = build(table, "--graph", table.with_name("g.json"), "--map-file", mapping, "--relation", "ENDORSED")
    assert result.exit_code == 1 and "not both" in result.stderr


def test_claims_with_table_cells_and_538_fields_round_trip_through_a_server(clean_bolt_store, table: Path) -> None:
    graph = load_graph([REPO / "tests" / "fixtures" / "fivethirtyeight" / "dem_candidates.csv",
                        REPO / "tests" / "fixtures" / "fivethirtyeight" / "endorsements-2020.csv"])
    mapping = parse_map(["endorser=source", "endorsee=target", "when=date", "kind_of=source_type"], "ENDORSED")
    load_into(graph, [table], tables=TableOptions(mapping=mapping))
    clean_bolt_store.push(graph)
    assert graph_to_json(clean_bolt_store.load()) == graph_to_json(graph)
