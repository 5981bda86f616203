"""The push, pull and cypher commands, end to end against the Bolt test server."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from endorsegraph.cli import app
from endorsegraph.graph.errors import EndorsegraphError
from endorsegraph.queries.params import parse_params
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "records"
CORPUS = REPO.parent / "shared" / "corpus"
SANDERS_ENDORSERS = ("MATCH (o:Organization)-[:ENDORSED]->(c:Candidate {name: 'Bernie Sanders'}) "
                     "RETURN o.name AS name ORDER BY name")


@pytest.fixture
def cli(clean_bolt_store, bolt_env, monkeypatch):
    """Run ``endorsegraph ARGS`` in-process with the test server in NEO4J_*; returns the result."""
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "ENDORSEGRAPH_GRAPH"):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(app, list(args), env={**bolt_env, **(env or {})})
    return run


@pytest.fixture
def demo(cli, tmp_path) -> Path:
    graph = tmp_path / "demo.json"
    assert cli("build", str(EXAMPLES), "--graph", str(graph)).exit_code == 0
    return graph


def rows(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def one_line_error(result) -> str:
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def test_push_twice_then_pull_gives_back_the_same_file(cli, demo, tmp_path):
    first = cli("push", "--graph", str(demo))
    assert first.exit_code == 0, first.stderr
    assert "server now holds 10 nodes (+10) and 9 relationships (+9)" in first.stdout
    second = cli("push", "--graph", str(demo))
    assert "server now holds 10 nodes (+0) and 9 relationships (+0)" in second.stdout
    pulled = tmp_path / "pulled.json"
    result = cli("pull", "--graph", str(pulled))
    assert result.exit_code == 0, result.stderr
    assert "pulled 10 entities, 9 relations and 9 claims" in result.stdout
    assert pulled.read_bytes() == demo.read_bytes()


def test_cypher_lists_the_organizations_that_endorsed_sanders(cli, demo):
    cli("push", "--graph", str(demo))
    assert rows(cli("cypher", SANDERS_ENDORSERS, "--format", "json")) == [
        {"name": "Communications Workers of America"}, {"name": "Democracy for America"}]


def test_cypher_parameters_and_formats(cli, demo):
    cli("push", "--graph", str(demo))
    query = ("MATCH (o:Organization) WHERE o.members > $least AND o.kind = $kind "
             "RETURN o.name AS name, o.members AS members, o.aliases AS aliases ORDER BY members DESC")
    args = ("cypher", query, "--param", "least=1000000", "--param", "kind=union")
    assert rows(cli(*args, "--format", "json")) == [
        {"name": "National Education Association", "members": 3000000, "aliases": ["NEA"]},
        {"name": "American Federation of Teachers", "members": 1600000, "aliases": ["AFT"]}]
    csv = cli(*args, "--format", "csv").stdout.splitlines()
    assert csv == ["name,members,aliases", "National Education Association,3000000,NEA",
                   "American Federation of Teachers,1600000,AFT"]
    table = cli(*args).stdout.splitlines()
    assert table[0].split() == ["name", "members", "aliases"] and table[-1] == "(2 rows)"


def test_cypher_refuses_writes_without_the_flag(cli, demo, clean_bolt_store):
    cli("push", "--graph", str(demo))
    line = one_line_error(cli("cypher", "MATCH (n) DETACH DELETE n"))
    assert "add --write" in line
    assert clean_bolt_store.counts()["nodes"] == 10
    assert cli("cypher", "MATCH (n:Person {id: 'larry-cohen'}) DETACH DELETE n", "--write").exit_code == 0
    assert clean_bolt_store.counts()["nodes"] == 9


def test_cypher_syntax_error_is_one_line(cli):
    line = one_line_error(cli("cypher", "MATCH (n RETURN n"))
    assert line.startswith(("error: server error:", "error: falkordb refused the statement"))


def test_unreachable_server_is_one_line_and_never_shows_the_password(cli, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "sekrit-password"}
    kept = tmp_path / "kept.json"
    kept.write_bytes(b"untouched")
    for args in (("cypher", "RETURN 1 AS one"), ("pull", "--graph", str(kept))):
        result = cli(*args, env=env)
        assert "cannot reach the server" in one_line_error(result)
        assert "sekrit" not in result.output
    assert kept.read_bytes() == b"untouched"


def test_embedded_backend_answers_like_the_server(cli, demo):
    cli("push", "--graph", str(demo))
    on_server = rows(cli("cypher", SANDERS_ENDORSERS, "--format", "json"))
    in_file = rows(cli("cypher", SANDERS_ENDORSERS, "--format", "json", "--backend", "embedded", "--graph", str(demo)))
    assert in_file == on_server
    line = one_line_error(cli("cypher", "MATCH (n) RETURN n", "--write", "--backend", "embedded", "--graph", str(demo)))
    assert "--backend neo4j" in line


def test_parse_params_reads_json_or_text():
    assert parse_params(["n=3", "name=Bernie Sanders", 'ids=["a", "b"]', 'zip="05401"', "flag=true", "empty="]) == {
        "n": 3, "name": "Bernie Sanders", "ids": ["a", "b"], "zip": "05401", "flag": True, "empty": ""}
    for bad in ("novalue", "=3", "two words=1"):
        with pytest.raises(EndorsegraphError, match="NAME=VALUE"):
            parse_params([bad])


@pytest.mark.skipif(not (CORPUS / "seeds").is_dir(), reason="../shared/corpus/seeds is not here")
def test_done_when_query_over_the_seeds(cli, tmp_path, gold_sanders_organizations):
    expected = gold_sanders_organizations
    graph = tmp_path / "seeds.json"
    assert cli("build", str(CORPUS / "seeds"), "--graph", str(graph)).exit_code == 0
    assert cli("push", "--graph", str(graph)).exit_code == 0
    assert [r["name"] for r in rows(cli("cypher", SANDERS_ENDORSERS, "--format", "json"))] == sorted(expected)
