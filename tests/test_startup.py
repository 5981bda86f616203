"""Commands import only the libraries they use: reading a graph never pulls in spaCy, the Neo4j driver,
trafilatura or pyvis, so `stats` and `query` start fast (issue #13, item 1)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from endorsegraph.graph.embedded import JsonFileStore
from endorsegraph.loaders.build import load_graph

RECORDS = Path(__file__).parent.parent / "examples" / "records"
HEAVY = ("spacy", "neo4j", "trafilatura", "pyvis")

# Runs the command line in a fresh interpreter, then writes its exit code and the modules it imported.
DRIVER = """
import json, sys
from endorsegraph.cli import app
code = 0
try:
    app(sys.argv[2:], prog_name="endorsegraph")
except SystemExit as end:
    code = end.code
with open(sys.argv[1], "w") as report:
    json.dump({"code": code, "modules": sorted({name.partition(".")[0] for name in sys.modules})}, report)
"""


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "g.json"
    JsonFileStore(path).save(load_graph([RECORDS]))
    return path


def run_fresh(tmp_path: Path, *args: str) -> tuple[dict, str]:
    """The exit code and imported top-level modules of one command run, and what it printed."""
    report = tmp_path / "report.json"
    done = subprocess.run([sys.executable, "-c", DRIVER, str(report), *args],
                          capture_output=True, text=True, timeout=120, check=False)
    assert report.exists(), done.stderr
    return json.loads(report.read_text()), done.stdout


@pytest.mark.parametrize("args, printed", [
    (("stats",), "relations  9"),
    (("query", "endorsers", "Bernie Sanders"), "Communications Workers of America"),
    (("show", "Larry Cohen"), "Larry Cohen -ADVISES-> Bernie Sanders"),
    (("cypher", "MATCH (c:Candidate) RETURN c.name AS name ORDER BY name"), "Bernie Sanders"),
], ids=["stats", "query", "show", "cypher"])
def test_reading_commands_import_no_extractor_driver_or_drawing(tmp_path: Path, graph_file: Path,
                                                                args: tuple[str, ...], printed: str) -> None:
    result, stdout = run_fresh(tmp_path, *args, "--graph", str(graph_file))
    assert result["code"] == 0 and printed in stdout
    assert [name for name in HEAVY if name in result["modules"]] == []


def test_the_driver_sees_what_a_command_imports(tmp_path: Path, graph_file: Path) -> None:
    """The check above can fail: `viz` does import pyvis."""
    result, _ = run_fresh(tmp_path, "viz", "--graph", str(graph_file), "--output", str(tmp_path / "page.html"))
    assert result["code"] == 0 and "pyvis" in result["modules"]
