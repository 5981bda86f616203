"""The Python API: load, query, claims_frame, entities_frame, draw; and the README's session, run as written."""
from __future__ import annotations

import doctest
import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

import endorsegraph
from endorsegraph.cli import app
from endorsegraph.graph import kg
from endorsegraph.graph.errors import EndorsegraphError, GraphFileError

REPO = Path(__file__).resolve().parents[1]
RECORDS = REPO / "examples" / "records"
runner = CliRunner()


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "g.json"
    assert runner.invoke(app, ["build", str(RECORDS), "--graph", str(path)]).exit_code == 0
    return path


def test_load_gives_the_graph_file_as_networkx(graph_file: Path) -> None:
    graph = endorsegraph.load(graph_file)
    assert isinstance(graph, nx.MultiDiGraph) and (graph.number_of_nodes(), graph.number_of_edges()) == (10, 9)
    assert graph.nodes["bernie-sanders"]["name"] == "Bernie Sanders"


def test_load_refuses_missing_and_damaged_files(tmp_path: Path) -> None:
    with pytest.raises(GraphFileError, match="missing.json: no graph file here"):
        endorsegraph.load(tmp_path / "missing.json")
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{nope")
    with pytest.raises(GraphFileError, match="damaged.json: not a graph file"):
        endorsegraph.load(str(damaged))


def test_query_rows_are_what_the_command_prints_as_json(graph_file: Path) -> None:
    printed = runner.invoke(app, ["query", "endorsers", "Sanders", "--graph", str(graph_file), "--format", "json"])
    rows = endorsegraph.query(endorsegraph.load(graph_file), "endorsers", "Sanders")
    assert rows == json.loads(printed.stdout)
    assert [r["endorser"] for r in rows] == ["Communications Workers of America", "Democracy for America"]


def test_query_takes_options_and_a_path(graph_file: Path) -> None:
    hops = endorsegraph.query(str(graph_file), "path", "Larry Cohen", "Bernie Sanders", k=1, directed=True)
    assert [(h["subject"], h["relation"], h["object"]) for h in hops] == [("Larry Cohen", "ADVISES", "Bernie Sanders")]
    with pytest.raises(EndorsegraphError, match="did you mean 'Larry Cohen'"):
        endorsegraph.query(graph_file, "roles", "Larry Cohn")
    with pytest.raises(EndorsegraphError, match="query endorsers takes no depth"):
        endorsegraph.query(graph_file, "endorsers", "Sanders", depth=2)


def test_claims_frame_has_a_row_per_claim_with_typed_columns(graph_file: Path) -> None:
    graph = endorsegraph.load(graph_file)
    frame = endorsegraph.claims_frame(graph)
    assert len(frame) == kg.claim_count(graph) == 9
    assert frame.groupby("relation").size().to_dict() == {"ADVISES": 1, "ENDORSED": 5, "FOUNDED": 1, "LEADS": 2}
    assert str(frame["line"].dtype) == "Int64" and frame["line"].notna().all()
    leads = frame[(frame["relation"] == "LEADS") & (frame["source_id"] == "larry-cohen")].iloc[0]
    assert leads["claim_properties"] == {"current": False, "role": "president"}
    assert leads["sentence"] == "Cohen led the union until 2015."


def test_entities_frame_has_a_row_per_entity(graph_file: Path) -> None:
    frame = endorsegraph.entities_frame(graph_file).set_index("id")
    assert len(frame) == 10
    assert frame.loc["communications-workers-of-america", "aliases"] == ["CWA", "Communications Worker of America"]
    assert frame.loc["communications-workers-of-america", "members"] == 700000
    assert pd.isna(frame.loc["larry-cohen", "members"])


def test_frames_without_pandas_name_the_extra(graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'endorsegraph[pandas]'")):
        endorsegraph.claims_frame(graph_file)


def test_draw_returns_a_page_a_notebook_shows_inline(graph_file: Path, tmp_path: Path) -> None:
    page = endorsegraph.draw(endorsegraph.load(graph_file), focus="Sanders", depth=2)
    assert isinstance(page, str) and page.startswith("<!DOCTYPE html>")
    assert "Endorsement graph around Bernie Sanders" in page
    inline = page._repr_html_()
    assert inline.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;') and 'sandbox="allow-scripts"' in inline
    assert "<script" not in inline                     # the page lives only inside the frame
    assert page.save(tmp_path / "p.html").read_text() == page
    with pytest.raises(EndorsegraphError, match="did you mean 'Bernie Sanders'"):
        endorsegraph.draw(graph_file, focus="Bernie Sandrs")


def test_importing_the_package_loads_no_api_until_asked() -> None:
    code = ("import sys, endorsegraph; before = 'endorsegraph.api' in sys.modules; endorsegraph.load; "
            "print(before, 'endorsegraph.api' in sys.modules, 'pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True", "False"]
    assert {"load", "query", "claims_frame", "entities_frame", "draw"} <= set(dir(endorsegraph))


def test_the_readme_session_prints_what_it_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text()
    section = readme[readme.index("## Python API"):]
    session = re.search(r"```pycon\n(.*?)```", section, re.S).group(1)
    result = runner.invoke(app, ["build", str(REPO / "examples"), "--graph", str(tmp_path / "demo.json")])
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(tmp_path)
    test = doctest.DocTestParser().get_doctest(session, {}, "README Python API", "README.md", 0)
    assert len(test.examples) >= 10
    runner_ = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    failures = []
    runner_.run(test, out=failures.append)
    assert runner_.failures == 0, "".join(failures)
    assert (tmp_path / "sanders.html").read_text().startswith("<!DOCTYPE html>")
