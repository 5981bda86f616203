"""export --format neo4j-admin: the CSV files of `neo4j-admin database import`, read back as that loader
reads them (header types, quoted fields, U+001F between list items, texts over several lines), hold
exactly the nodes, labels, relationships and properties that push writes to the test server."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from endorsegraph.cli import app
from endorsegraph.graph import kg, neo4j_admin
from endorsegraph.graph.errors import EndorsegraphError
from endorsegraph.graph.model import Claim, Relation
from endorsegraph.loaders.build import load_graph

REPO = Path(__file__).resolve().parents[1]
INPUTS = [REPO / "examples" / "records", REPO / "tests" / "fixtures" / "fivethirtyeight" / "endorsements-2020.csv",
          REPO / "tests" / "fixtures" / "fivethirtyeight" / "dem_candidates.csv"]
runner = CliRunner()
PARSE = {"string": str, "long": int, "double": float, "boolean": lambda text: text == "true"}


def records(text: str) -> list[list[str | None]]:
    """The loader's CSV reading: a quoted field is a value (``""`` an empty text, ``""`` inside it one
    quote, line breaks kept); an empty unquoted field is no value (None)."""
    found, record, at = [], [], 0
    while at < len(text):
        if text[at] == '"':
            pieces, at = [], at + 1
            while True:
                end = text.index('"', at)
                if text.startswith('""', end):
                    pieces.append(text[at:end + 1])
                    at = end + 2
                    continue
                pieces.append(text[at:end])
                at = end + 1
                break
            record.append("".join(pieces))
        else:
            end = min(i for i in (text.find(",", at), text.find("\n", at)) if i >= 0)
            record.append(text[at:end] or None)
            at = end
        if text[at] == "\n":
            found.append(record)
            record = []
        at += 1
    return found


def read_as_the_loader_does(path: Path, key_columns: int) -> dict[tuple, dict[str, Any]]:
    """{the first ``key_columns`` fields: the properties the other columns give, typed as the header says}."""
    header, *rows = records(path.read_text("utf-8"))
    found = {}
    for fields in rows:
        properties = {}
        for column, text in zip(header[key_columns:], fields[key_columns:]):
            name, kind = column.split(":")
            if text is not None:
                properties[name] = text.split("\x1f") if kind == "string[]" else PARSE[kind](text)
        found[tuple(fields[:key_columns])] = properties
    return found


def test_the_files_hold_what_push_writes(clean_bolt_store, tmp_path: Path) -> None:
    graph = load_graph(INPUTS)
    graph_file = tmp_path / "g.json"
    assert runner.invoke(app, ["build", *map(str, INPUTS), "--graph", str(graph_file)]).exit_code == 0
    result = runner.invoke(app, ["export", "--graph", str(graph_file), "--format", "neo4j-admin",
                                 "--output", str(tmp_path / "import")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"wrote {tmp_path / 'import' / name}" for name in neo4j_admin.FILES]
    clean_bolt_store.push(graph)

    nodes = read_as_the_loader_does(tmp_path / "import" / "nodes.csv", 2)
    on_server = clean_bolt_store.run("MATCH (n) WHERE n.id IS NOT NULL "
                                     "RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties")
    assert len(nodes) == len(on_server) == graph.number_of_nodes()
    labels = {node_id: label.split(";") for node_id, label in nodes}
    for row in on_server:
        properties = nodes[(row["id"], ";".join(labels[row["id"]]))]
        assert set(labels[row["id"]]) == set(row["labels"])
        expected = {k: v for k, v in row["properties"].items() if k != "id" and v != []}
        assert properties == expected, row["id"]

    relations = read_as_the_loader_does(tmp_path / "import" / "relationships.csv", 3)
    on_server = clean_bolt_store.run("MATCH (a)-[r]->(b) RETURN a.id AS source, b.id AS target, type(r) AS type, "
                                     "properties(r) AS properties")
    assert len(relations) == len(on_server) == graph.number_of_edges()
    for row in on_server:
        properties = relations[(row["source"], row["target"], row["type"])]
        assert properties == {k: v for k, v in row["properties"].items() if v != []}


def test_header_types_quoting_and_lists(tmp_path: Path) -> None:
    graph = load_graph(INPUTS[:1])
    kg.add_relation(graph, Relation("ENDORSED", "democracy-for-america", "bernie-sanders", Claim(
        article="multi.txt", source="multi.txt", rule="test", sentence='He said "yes";\nthen left, quickly.',
        start=0, end=10, properties={"status": "endorsed"})))
    nodes, relations = neo4j_admin.write(graph, tmp_path / "out")
    header = nodes.read_text("utf-8").splitlines()[0].split(",")
    assert header[:2] == ["id:ID", ":LABEL"] and "members:long" in header and "aliases:string[]" in header
    text = relations.read_text("utf-8")
    assert text.splitlines()[0].startswith(":START_ID,:END_ID,:TYPE,") and "current:boolean" in text.splitlines()[0]
    assert 'He said ""yes"";\nthen left, quickly.' in text      # quotes doubled, across lines
    sentences = {key: props["sentences"] for key, props in read_as_the_loader_does(relations, 3).items()}
    assert 'He said "yes";\nthen left, quickly.' in sentences[("democracy-for-america", "bernie-sanders", "ENDORSED")]
    assert '"Person;Candidate"' in nodes.read_text("utf-8")


def test_a_list_item_with_the_delimiter_and_a_dash_output_are_one_line_errors(tmp_path: Path) -> None:
    graph = load_graph(INPUTS[:1])
    graph_file = tmp_path / "g.json"
    assert runner.invoke(app, ["build", str(INPUTS[0]), "--graph", str(graph_file)]).exit_code == 0
    result = runner.invoke(app, ["export", "--graph", str(graph_file), "--format", "neo4j-admin", "-o", "-"])
    assert result.exit_code == 1 and result.stderr == (
        "error: --format neo4j-admin writes a folder of CSV files: give --output FOLDER, not -\n")
    kg.add_relation(graph, Relation("ENDORSED", "democracy-for-america", "bernie-sanders", Claim(
        article="bad.txt", source="bad.txt", rule="test", sentence="a\x1fb", start=0, end=3,
        properties={"status": "endorsed"})))
    with pytest.raises(EndorsegraphError, match=r"a list item holds U\+001F, the array delimiter: 'a\\x1fb'"):
        neo4j_admin.write(graph, tmp_path / "bad")
