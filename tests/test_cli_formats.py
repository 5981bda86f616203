"""The same output choices everywhere: --format table|json|csv on stats, show and every query;
--version; -h as well as --help."""
from __future__ import annotations

import csv
import importlib.metadata
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endorsegraph.cli import app
from endorsegraph.queries import catalog

RECORDS = Path(__file__).parent.parent / "examples" / "records"
runner = CliRunner()
QUERIES = {"endorsers": ["Bernie Sanders"], "endorsed-by": ["CWA"], "leaders": ["CWA"], "roles": ["Larry Cohen"],
           "affiliations": ["Larry Cohen"], "path": ["Larry Cohen", "Bernie Sanders"], "conflicts": [],
           "shared-endorsers": ["Bernie Sanders", "Hillary Clinton"], "tally": [], "points": [], "search": ["Cohen"],
           "timeline": ["Bernie Sanders"], "switched": [], "declined": []}


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("formats") / "g.json"
    assert run("build", RECORDS, "--graph", path).exit_code == 0
    return path


def test_stats_formats_agree(graph_file: Path) -> None:
    numbers = json.loads(run("stats", "--graph", graph_file, "--format", "json").stdout)
    assert (numbers["entities"], numbers["relations"], numbers["claims"]) == (10, 9, 9)
    assert numbers["relation_types"] == {"ADVISES": 1, "ENDORSED": 5, "FOUNDED": 1, "LEADS": 2}
    rows = list(csv.DictReader(io.StringIO(run("stats", "--graph", graph_file, "--format", "csv").stdout)))
    assert {(r["what"], r["type"]): int(r["count"]) for r in rows}[("relations", "ENDORSED")] == 5
    assert sum(int(r["count"]) for r in rows if r["what"] == "entities" and r["type"]) == 10
    table = run("stats", "--graph", graph_file).stdout
    assert table.splitlines()[0] == "entities   10" and "  ENDORSED        5" in table


def test_show_formats_agree(graph_file: Path) -> None:
    report = json.loads(run("show", "Cohen", "--graph", graph_file, "-f", "json").stdout)
    assert (report["id"], report["name"], report["aliases"]) == ("larry-cohen", "Larry Cohen", {"Cohen": 1})
    leads = next(r for r in report["relations"] if r["type"] == "LEADS")
    assert leads["properties"] == {"current": False, "role": "president"}
    assert leads["claims"][0]["sentence"] == "Cohen led the union until 2015."
    rows = list(csv.DictReader(io.StringIO(run("show", "Cohen", "--graph", graph_file, "-f", "csv").stdout)))
    assert len(rows) == sum(len(r["claims"]) for r in report["relations"])
    assert {(r["source"], r["relation"], r["target"]) for r in rows} == {
        (r["source_name"], r["type"], r["target_name"]) for r in report["relations"]}
    assert "Larry Cohen -LEADS-> Communications Workers of America" in run("show", "Cohen", "--graph", graph_file).stdout


@pytest.mark.parametrize("command", ["stats", "show Cohen"])
def test_an_unknown_format_is_one_line(graph_file: Path, command: str) -> None:
    result = run(*command.split(), "--graph", graph_file, "--format", "xml")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "error: unknown format 'xml' (choose from table, json, csv)\n"


def test_every_catalog_query_is_covered() -> None:
    assert set(QUERIES) == set(catalog.CATALOG)


@pytest.mark.parametrize("name", QUERIES)
def test_every_query_prints_json_and_csv_with_the_same_rows(graph_file: Path, name: str) -> None:
    words = ["path", *QUERIES[name]] if name == "path" else ["query", name, *QUERIES[name]]
    as_json = run(*words, "--graph", graph_file, "--format", "json")
    as_csv = run(*words, "--graph", graph_file, "--format", "csv")
    assert as_json.exit_code == 0 and as_csv.exit_code == 0, as_json.output + as_csv.output
    rows = json.loads(as_json.stdout)
    assert isinstance(rows, list)
    assert len(list(csv.DictReader(io.StringIO(as_csv.stdout)))) == len(rows)


def test_cypher_prints_json(graph_file: Path) -> None:
    result = run("cypher", "MATCH (c:Candidate) RETURN c.name AS name ORDER BY name", "--graph", graph_file,
                 "--format", "json")
    assert json.loads(result.stdout) == [{"name": "Bernie Sanders"}, {"name": "Hillary Clinton"}]


def test_version_is_the_installed_one() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"endorsegraph {importlib.metadata.version('endorsegraph')}\n"


def test_dash_h_is_help_everywhere() -> None:
    names = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]
    assert run("-h").stdout == run("--help").stdout and "Usage" in run("-h").stdout
    for name in names:
        result = run(name, "-h")
        assert result.exit_code == 0 and result.stdout == run(name, "--help").stdout, name
