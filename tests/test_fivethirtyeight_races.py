"""FiveThirtyEight's 2018 tables list one row per race: the same name in two races (namesakes in two
states, or one person in a district's regular and special primary) must keep every row's result.
The fixture is written in the published dem_candidates.csv format (its header, CRLF lines, blank
result cells of a pending runoff), with invented candidates."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from endorsegraph.cli import app
from endorsegraph.graph import kg
from endorsegraph.loaders.build import load_graph
from endorsegraph.loaders.csv_tables import normalize_column
from endorsegraph.loaders.fivethirtyeight import column_map

RACES = Path(__file__).resolve().parent / "fixtures" / "fivethirtyeight" / "dem_candidates-races.csv"
runner = CliRunner()


def table_rows() -> list[dict[str, str]]:
    with RACES.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def candidates(graph) -> dict[str, dict]:
    return {data["name"]: data for _, data in graph.nodes(data=True) if data["type"] == "Candidate"}


def test_the_fixture_is_in_the_published_shape() -> None:
    raw = RACES.read_bytes()
    assert raw.startswith(b"candidate,state,district,office_type,race_type,") and raw.count(b"\r\n") == 5
    assert b"Warren Endorsed? ," in raw


def test_every_row_is_a_candidate_with_its_own_race_and_result() -> None:
    found = candidates(load_graph([RACES]))
    assert len(found) == len(table_rows()) == 5
    moreno = found["Alex Moreno"]
    assert (moreno["state"], moreno["district"], moreno["race_type"], moreno["won_primary"]) == (
        "NM", "U.S. House New Mexico District 1", "Regular", True)
    namesake = found["Alex Moreno (Governor of Arizona, Regular)"]
    assert (namesake["state"], namesake["office"], namesake["won_primary"], namesake["primary_pct"]) == (
        "AZ", "Governor", False, 12.1)
    special = found["Casey Lind (U.S. House Ohio District 12, Special)"]
    assert (special["race_type"], special["won_primary"], found["Casey Lind"]["won_primary"]) == ("Special", False, True)
    assert "won_primary" not in found["Robin Tate"] and "primary_pct" not in found["Robin Tate"]   # runoff pending


def test_one_edge_per_yes_cell_when_a_name_runs_twice() -> None:
    graph = load_graph([RACES])
    edges = [(graph.nodes[r["source"]]["name"], graph.nodes[r["target"]]["name"], len(r["claims"]))
             for r in kg.relations(graph) if r["type"] == "ENDORSED"]
    yes_cells = sum(cell == "Yes" for row in table_rows() for column, cell in row.items()
                    if normalize_column(column) in column_map()["endorsers"])
    assert len(edges) == yes_cells == 8 and all(claims == 1 for *_, claims in edges)
    assert ("Our Revolution", "Casey Lind (U.S. House Ohio District 12, Special)", 1) in edges


def test_endorsed_by_gives_each_race_its_result_and_a_rebuild_changes_nothing(tmp_path: Path) -> None:
    graph_file = tmp_path / "2018.json"
    assert runner.invoke(app, ["build", str(RACES), "--graph", str(graph_file)]).exit_code == 0
    result = runner.invoke(app, ["query", "endorsed-by", "Our Revolution", "--graph", str(graph_file), "--format", "json"])
    answer = {(row["candidate"], row["won_primary"]) for row in json.loads(result.stdout)}
    assert answer == {("Alex Moreno", True), ("Casey Lind", True),
                      ("Casey Lind (U.S. House Ohio District 12, Special)", False), ("Robin Tate", None)}
    again = runner.invoke(app, ["build", str(RACES), "--graph", str(graph_file), "--format", "fivethirtyeight-2018"])
    assert again.exit_code == 0 and "+0 entities, +0 relations, +0 claims" in again.stdout


def test_a_candidate_named_without_a_race_takes_the_first_race(tmp_path: Path) -> None:
    records = tmp_path / "records.csv"
    records.write_text("name,type,relation,source,target\nJane Roe,Person,,,\n,,ENDORSED,Jane Roe,Casey Lind\n",
                       encoding="utf-8")
    found = candidates(load_graph([records, RACES]))
    assert found["Casey Lind"]["race_type"] == "Regular" and "Casey Lind (U.S. House Ohio District 12, Regular)" not in found
