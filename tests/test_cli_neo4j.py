"""The push, pull and cypher commands, end to end against the Bolt test server."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from endorsegraph.cli import app
from endorsegraph.graph.embedded import JsonFileStore
from endorsegraph.graph.errors import EndorsegraphError
from support.synthetic import synthetic_graph
from endorsegraph.queries.params import parse_params
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "records"
CORPUS = REPO.parent / "shared" / "corpus"
SANDERS_ENDORSERS = ("MATCH (o:Organization)-[:ENDORSED]->(c:Candidate {name: 'Bernie Sanders'}) "
                     "RETURN o.name AS name ORDER BY name")
NEVER_ANSWERED = "UNWIND range(1, 8000) AS i RETURN collect('abcdefgh') AS xs"  # a record FalkorDB withholds
ENDORSEGRAPH = Path(sys.executable).with_name("endorsegraph")


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


def test_a_map_key_in_a_param_cannot_write(cli, clean_bolt_store):
    result = cli("cypher", "RETURN $x AS y", "--param", 'x={"a:1} CREATE (:Pwned) RETURN 1 AS y //": 1}')
    if clean_bolt_store.dialect == "falkordb":
        assert "cannot go to FalkorDB, which pastes keys into the statement" in one_line_error(result)
    assert clean_bolt_store.run("MATCH (n:Pwned) RETURN count(n) AS n") == [{"n": 0}]


def test_every_command_sees_the_graph_push_wrote_whatever_the_database_setting(cli, demo, tmp_path,
                                                                               clean_bolt_store):
    if clean_bolt_store.dialect != "falkordb":
        pytest.skip("on Neo4j the database must exist; FalkorDB maps every name to its one graph")
    env = {"NEO4J_DATABASE": "team"}
    pushed = cli("push", "--graph", str(demo), env=env)
    assert "server now holds 10 nodes (+10) and 9 relationships (+9)" in pushed.stdout, pushed.stderr
    assert rows(cli("cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json", env=env)) == [{"n": 10}]
    endorsers = rows(cli("query", "endorsers", "Bernie Sanders", "--format", "json", "--backend", "neo4j",
                         "--database", "other"))
    assert len(endorsers) == 2
    pulled = tmp_path / "pulled.json"
    assert cli("pull", "--graph", str(pulled), env=env).exit_code == 0
    assert pulled.read_bytes() == demo.read_bytes()


def test_pull_will_not_empty_a_graph_file_unless_asked(cli, demo, tmp_path):
    kept = demo.read_bytes()
    line = one_line_error(cli("pull", "--graph", str(demo)))
    assert line.endswith(f"is empty and {demo} is not; add --allow-empty to replace it anyway")
    assert demo.read_bytes() == kept
    assert cli("pull", "--graph", str(tmp_path / "new.json")).exit_code == 0  # nothing to lose there
    emptied = cli("pull", "--graph", str(demo), "--allow-empty")
    assert emptied.exit_code == 0 and "pulled 0 entities" in emptied.stdout


def test_a_stalled_answer_times_out_by_option_or_variable(cli, clean_bolt_store):
    if clean_bolt_store.dialect != "falkordb":
        pytest.skip("only FalkorDB withholds a result record over ~64 KB")
    for args, env in ((("--timeout", "1.5"), {}), ((), {"NEO4J_TIMEOUT": "1.5"})):
        started = time.monotonic()
        line = one_line_error(cli("cypher", NEVER_ANSWERED, *args, env=env))
        assert time.monotonic() - started < 45          # well before the 60 s default: the 1.5 s was applied
        assert "no answer within 1.5 s (FalkorDB never sends a result row over ~64 KB" in line
    assert "NEO4J_TIMEOUT='soon' is not a number of seconds" in one_line_error(
        cli("cypher", "RETURN 1 AS one", env={"NEO4J_TIMEOUT": "soon"}))
    assert "the timeout must be a positive number of seconds" in one_line_error(
        cli("cypher", "RETURN 1 AS one", "--timeout", "0"))


def test_queries_and_cypher_keep_to_the_parameter_limit(cli, demo, clean_bolt_store):
    cli("push", "--graph", str(demo))
    long = "Bernie " * 800
    for args in (("query", "endorsers", long, "--backend", "neo4j"),
                 ("cypher", "RETURN $x AS x", "--param", f"x={long}")):
        result = cli(*args)
        if clean_bolt_store.dialect == "falkordb":
            assert "where falkordb takes at most 4,000 (more crashes it); use shorter values" in one_line_error(result)
    assert len(rows(cli("query", "endorsers", "Bernie Sanders", "--format", "json", "--backend", "neo4j"))) == 2


def test_no_backend_reads_files_unless_allowed(cli, demo, tmp_path):
    cli("push", "--graph", str(demo))
    table = tmp_path / "t.csv"
    table.write_text("name\nalpha\nbeta\n")
    for backend in ("embedded", "neo4j"):
        result = cli("cypher", "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", "--backend", backend,
                     "--graph", str(demo))
        assert "reads files (LOAD CSV); add --allow-files" in one_line_error(result)
        assert "root" not in result.output
    allowed = cli("cypher", f"LOAD CSV WITH HEADERS FROM 'file://{table}' AS r RETURN r.name AS name",
                  "--backend", "embedded", "--graph", str(demo), "--allow-files", "--format", "json")
    assert rows(allowed) == [{"name": "alpha"}, {"name": "beta"}]
    line = one_line_error(cli("cypher", "CALL `db.idx.fulltext.drop`('Person')", "--backend", "embedded",
                              "--graph", str(demo)))
    assert "embedded graph is read-only" in line and "not a procedure known to only read" in line


def test_a_missing_parameter_is_named(cli, demo):
    cli("push", "--graph", str(demo))
    for backend in ("embedded", "neo4j"):
        line = one_line_error(cli("cypher", "MATCH (n {id: $who}) RETURN n.name AS name", "--backend", backend,
                                  "--graph", str(demo)))
        assert line == "error: the query uses $who but no value was given (add --param who=VALUE)"


def test_a_password_written_into_the_uri_is_masked(cli, bolt_env):
    address = bolt_env["NEO4J_URI"].split("://", 1)[1]
    result = cli("cypher", "RETURN 1 AS one", "--uri", f"bolt://falkordb:sekrit-pass@{address}")
    assert f"bolt://falkordb:***@{address}" in one_line_error(result)
    assert "sekrit" not in result.output


def test_an_interrupted_push_blocks_pulls_until_a_push_completes(cli, tmp_path, bolt_env, clean_bolt_store):
    graph = tmp_path / "big.json"
    JsonFileStore(graph).save(synthetic_graph(2000, seed=9))
    pushing = subprocess.Popen([str(ENDORSEGRAPH), "push", "--graph", str(graph)], env={**os.environ, **bolt_env},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not clean_bolt_store.run("MATCH (m:EndorsegraphPush) RETURN count(m) AS n")[0]["n"]:
            assert pushing.poll() is None and time.monotonic() < deadline, "the push never started writing"
            time.sleep(0.005)
    finally:
        pushing.send_signal(signal.SIGKILL)
        pushing.wait()
    pulled = tmp_path / "pulled.json"
    line = one_line_error(cli("pull", "--graph", str(pulled)))
    assert "has not finished; pull when it has (if it was interrupted, push again to complete it)" in line
    assert not pulled.exists()
    assert cli("push", "--graph", str(graph)).exit_code == 0
    assert cli("pull", "--graph", str(pulled)).exit_code == 0
    assert pulled.read_bytes() == graph.read_bytes()
