"""The structured loader: CSV, JSON and JSON Lines records, and its errors with file:line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from endorsegraph.graph import kg
from endorsegraph.graph.errors import InputError
from endorsegraph.loaders.records import load_records

EXAMPLES = Path(__file__).parent.parent / "examples" / "records"


def load(path: Path, graph=None):
    graph = kg.new_graph() if graph is None else graph
    kg.apply_batch(graph, load_records(path, graph))
    return graph


def test_example_records_build_the_expected_graph() -> None:
    graph = load(EXAMPLES / "entities.csv")
    graph = load(EXAMPLES / "relations.jsonl", graph)
    assert graph.nodes["communications-workers-of-america"]["members"] == 700000
    assert kg.aliases(graph, "communications-workers-of-america") == {
        "CWA": 1, "Communications Worker of America": 1}
    edge = graph.edges["larry-cohen", "communications-workers-of-america", "LEADS"]
    assert (edge["role"], edge["current"]) == ("president", False)
    assert graph.edges["communications-workers-of-america", "bernie-sanders", "ENDORSED"]["status"] == "endorsed"
    assert edge["claims"][0]["line"] == 2 and edge["claims"][0]["rule"] == "record"


def test_json_array_records_carry_their_line(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('[\n {"name": "Sierra Club", "type": "Organization", "kind": "advocacy group"},\n'
                    ' {"relation": "ENDORSED", "source": "Sierra Club", "target": "Paula Greer",\n'
                    '  "evidence": "The club backs Greer."}\n]\n')
    graph = load(path)
    claim = graph.edges["sierra-club", "paula-greer", "ENDORSED"]["claims"][0]
    assert (claim["line"], claim["sentence"]) == (3, "The club backs Greer.")
    assert graph.nodes["paula-greer"]["type"] == "Candidate"      # the target of an endorsement runs


def test_endpoints_resolve_through_the_existing_graph(tmp_path: Path) -> None:
    graph = load(EXAMPLES / "entities.csv")
    path = tmp_path / "more.csv"
    path.write_text("relation,source,target,role\nADVISES,Shelton,Sanders,surrogate\n")
    load(path, graph)
    assert graph.edges["chris-shelton", "bernie-sanders", "ADVISES"]["role"] == "surrogate"


@pytest.mark.parametrize("name, content, line, reason", [
    ("bad.csv", "name,type,colour\nX,Person,red\n", 1, "unknown column colour"),
    ("bad.csv", "name,type\nX,Robot\n", 2, "unknown entity type 'Robot'"),
    ("bad.csv", "name,type,kind\nX,Organization,bakery\n", 2, "must be one of"),
    ("bad.csv", "relation,source,target\nLIKES,A,B\n", 2, "unknown relation 'LIKES'"),
    ("bad.csv", "relation,source,target\nENDORSED,Nobody Known,B\n", 2, "unknown entity 'Nobody Known'"),
    ("bad.csv", "name,type\nSierra Club,Organization\n\n\nAnn Rudd,Person,extra\n", 5, "more cells than columns"),
    ("bad.csv", "name,relation,source\nSierra Club,,\n,ENDORSED,Sierra Club\n", 3, "needs a target"),
    ("bad.jsonl", '{"name": "A", "type": "Person"}\n{"name": "B", \n', 2, "invalid JSON"),
    ("bad.jsonl", '{"name": "A", "type": "Person"}\n[1, 2]\n', 2, "expected an object"),
    ("bad.json", '[\n {"name": "A", "type": "Person"},\n {"name": "B" "type": "Person"}\n]', 3, "invalid JSON"),
    ("bad.json", '{"name": "A"}', 1, "must hold an array"),
    ("quote.csv", 'name,type\nAnn Rudd,Person\n"Bob Lee,Person\nCy Ames,Person\n', 3, "unexpected end of data"),
    ("quote.csv", 'name,type\nAnn Rudd,Person\n\n"Bob" Lee,Person\n', 4, "bad CSV: ',' expected"),
    ("quote.csv", '"name,type\nAnn Rudd,Person\n', 1, "bad CSV"),
    ("nul.json", '[{"name": "Ann\\u0000Rudd"}]', 1, "control character \\(U\\+0000\\)"),
    ("esc.jsonl", '{"name": "Ann Rudd", "aliases": ["A\\u001b[31mR"]}\n', 1, "control character \\(U\\+001B\\)"),
    ("newline.csv", 'name,type\n"Ann\nRudd",Person\n', 3, "control character \\(U\\+000A\\)"),
    ("tab.csv", "relation,source,target\nLEADS,Ann\tRudd,Sierra Club\n", 2, "control character \\(U\\+0009\\)"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, 1, "nested too deeply"),
    ("deep.json", '[\n{"name": "A"},\n' + "[" * 100_000 + "]" * 100_000 + "]", 3, "nested too deeply"),
    ("deep.jsonl", '{"name": "A"}\n{"name": ' + "[" * 100_000 + "]" * 100_000 + "}\n", 2, "nested too deeply"),
    ("aliases.jsonl", '{"name": "A", "aliases": [1, 2]}\n', 1, "aliases must be text or a list of text"),
    ("conf.jsonl", '{"relation": "LEADS", "source": "A B", "target": "C", "confidence": [1]}\n', 1,
     "confidence must be a number"),
])
def test_bad_rows_name_file_and_line(tmp_path: Path, name: str, content: str, line: int, reason: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError, match=reason) as caught:
        load(path)
    assert (caught.value.path, caught.value.line) == (str(path), line)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_leads_with_a_bad_current_flag_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("name,type,relation,source,target,current\n"
                    "Ann Rudd,Person,,,,\nSierra Club,Organization,,,,\n,,LEADS,Ann Rudd,Sierra Club,sometimes\n")
    with pytest.raises(InputError, match="current' must be true or false") as caught:
        load(path)
    assert caught.value.line == 4


def test_records_and_articles_in_jsonl_are_told_apart(tmp_path: Path) -> None:
    from endorsegraph.loaders.build import loader_for
    records, articles = tmp_path / "r.jsonl", tmp_path / "a.jsonl"
    records.write_text(json.dumps({"name": "Ann Rudd", "type": "Person"}) + "\n")
    articles.write_text(json.dumps({"id": "x", "text": "Ann Rudd spoke."}) + "\n")
    assert loader_for(records) is load_records
    assert loader_for(articles) is not load_records


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("\ufeffname,type\nJosé Ruiz,Person\n".encode(encoding))
    assert load(path).nodes["jose-ruiz"]["name"] == "José Ruiz"


@pytest.mark.parametrize("encoding, named", [("utf-16-le", "UTF-16-LE"), ("utf-16-be", "UTF-16-BE")])
def test_utf16_without_a_byte_order_mark_is_named(tmp_path: Path, encoding: str, named: str) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("name,type\nAnn Rudd,Person\n".encode(encoding))
    with pytest.raises(InputError, match=f"looks like {named} text without a byte-order mark; save it as UTF-8"):
        load(path)
