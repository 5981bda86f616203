"""FiveThirtyEight's endorsement tables, on fixture files written in exactly their published formats
(same headers, quoting and empty cells; UTF-8, UTF-8 with BOM and Latin-1; LF, CRLF and CR lines)."""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

import endorsegraph
from endorsegraph.cli import app
from endorsegraph.graph import kg
from endorsegraph.loaders.build import load_graph
from endorsegraph.loaders.csv_tables import header, normalize_column, read_table
from endorsegraph.loaders.fivethirtyeight import column_map, detect_file

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "fivethirtyeight"
E2020 = FIXTURES / "endorsements-2020.csv"
VARIANTS_2020 = [E2020, FIXTURES / "endorsements-2020-bom-crlf.csv", FIXTURES / "endorsements-2020-latin1-cr.csv"]
DEM, REP = FIXTURES / "dem_candidates.csv", FIXTURES / "rep_candidates.csv"
runner = CliRunner()


def rows_2020() -> list[dict[str, str]]:
    with E2020.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def endorsements(graph) -> dict[tuple[str, str], list[dict]]:
    return {(graph.nodes[r["source"]]["name"], graph.nodes[r["target"]]["name"]): r["claims"]
            for r in kg.relations(graph) if r["type"] == "ENDORSED"}


def test_the_fixtures_are_in_the_published_shapes() -> None:
    assert E2020.read_bytes().startswith(b"date,position,city,state,endorser,endorsee,endorser party,source,order,"
                                         b"category,body,district,points\n")
    assert VARIANTS_2020[1].read_bytes().startswith(b"\xef\xbb\xbfdate,") and b"\r\n" in VARIANTS_2020[1].read_bytes()
    latin = VARIANTS_2020[2].read_bytes()
    assert b"\n" not in latin and b"\r" in latin and "Velázquez".encode("latin-1") in latin
    assert b"Warren Endorsed? ," in DEM.read_bytes() and b'"Dana ""Dee"" Ortiz"' in DEM.read_bytes()
    assert b"\n" not in REP.read_bytes() and "José".encode("latin-1") in REP.read_bytes()


@pytest.mark.parametrize("path", VARIANTS_2020, ids=lambda p: p.name)
def test_2020_one_edge_per_distinct_pair_and_a_claim_per_row(path: Path) -> None:
    graph = load_graph([path])
    rows = [r for r in rows_2020() if r["endorsee"]]
    found = endorsements(graph)
    assert set(found) == {(r["endorser"], r["endorsee"]) for r in rows}
    assert sum(len(claims) for claims in found.values()) == len(rows)
    assert len(found[("O'Brien, Kathleen", "Joe Biden")]) == 2        # two rows, one edge


@pytest.mark.parametrize("path", VARIANTS_2020, ids=lambda p: p.name)
def test_2020_claims_keep_url_date_position_state_points(path: Path) -> None:
    graph = load_graph([path])
    [claim] = endorsements(graph)[("Nydia Velázquez", "Elizabeth Warren")]
    assert claim["source"] == "https://example.org/e?who=velazquez,nydia"
    assert claim["properties"] == {"date": "2019-03-01", "position": "representative", "state": "New York",
                                   "points": 3, "status": "endorsed"}
    assert (claim["rule"], claim["line"], claim["article"]) == ("fivethirtyeight-2020", 4, path.name)
    assert graph.nodes["joe-biden"]["type"] == "Candidate" and graph.nodes["joe-biden"]["office"] == "President"
    assert graph.nodes["angus-king"]["party"] == "Independent"


def test_2020_endorsers_without_an_endorsee_are_entities_without_edges() -> None:
    graph = load_graph([E2020])
    for name in ("jay-inslee", "jimmy-carter"):
        assert graph.nodes[name]["type"] == "Person" and graph.degree(name) == 0
    assert graph.number_of_nodes() == len({r["endorser"] for r in rows_2020()} | {r["endorsee"] for r in rows_2020()
                                                                                  if r["endorsee"]})


def test_2020_points_per_endorsee_equal_the_column_sums() -> None:
    claims = endorsegraph.claims_frame(load_graph([E2020]))
    points = claims.assign(points=claims["claim_properties"].map(lambda p: p["points"])) \
                   .groupby("target_name")["points"].sum().to_dict()
    expected = Counter()
    for row in rows_2020():
        if row["endorsee"]:
            expected[row["endorsee"]] += int(row["points"])
    assert points == dict(expected) == {"Bernie Sanders": 11, "Elizabeth Warren": 3, "Joe Biden": 9}


def test_all_encodings_and_line_endings_give_the_same_graph() -> None:
    def facts(path: Path) -> list:
        graph = load_graph([path])
        return sorted((r["source"], r["target"], [(c["line"], c["source"], c["properties"]) for c in r["claims"]])
                      for r in kg.relations(graph)) + sorted(graph.nodes(data="name"))
    first = facts(VARIANTS_2020[0])
    assert all(facts(path) == first for path in VARIANTS_2020[1:])


def test_2018_one_edge_per_yes_cell_through_the_column_map() -> None:
    graph = load_graph([DEM, REP])
    found = endorsements(graph)
    yes_cells = 0
    for path, encoding in ((DEM, "utf-8"), (REP, "latin-1")):
        with path.open(newline="", encoding=encoding) as file:
            for row in csv.DictReader(file):
                for column, cell in row.items():
                    if cell == "Yes" and normalize_column(column) in column_map()["endorsers"]:
                        yes_cells += 1
    assert len(found) == yes_cells == 25
    assert ("EMILY's List", "Ana Reyes") in found and ("Elizabeth Warren", 'Dana "Dee" Ortiz') in found
    assert ("National Rifle Association", "José Ortega") in found and ("Donald Trump", "Renée Walsh") not in found
    assert not any(endorser == "Tea Party Express" for endorser, _ in found)          # not one group: not read
    [claim] = found[("Working Families Party", "Ana Reyes")]
    assert (claim["sentence"], claim["line"], claim["rule"]) == ("WFP Endorsed? Yes", 2, "fivethirtyeight-2018")


def test_2018_candidates_keep_office_state_and_result() -> None:
    graph = load_graph([DEM, REP])
    reyes = graph.nodes["ana-reyes"]
    assert (reyes["office"], reyes["state"], reyes["district"], reyes["party"]) == (
        "Representative", "NM", "U.S. House New Mexico District 2", "Democratic")
    assert (reyes["won_primary"], reyes["primary_status"], reyes["primary_pct"]) == (True, "Advanced", 54.200001)
    walsh = graph.nodes["renee-walsh"]
    assert (walsh["name"], walsh["party"], walsh["won_primary"], walsh["primary_pct"]) == (
        "Renée Walsh", "Republican", False, 41.1)


def test_table_endorsers_are_the_entities_of_records_and_articles() -> None:
    graph = load_graph([REPO / "examples" / "records", DEM])
    assert graph.has_edge("working-families-party", "ana-reyes", key="ENDORSED")      # the records' WFP
    assert graph.has_edge("bernie-sanders", "ana-reyes", key="ENDORSED")
    assert graph.nodes["bernie-sanders"]["type"] == "Candidate"                        # stays the candidate
    assert sum(1 for _, name in graph.nodes(data="name") if "Working Families" in name) == 1
    assert graph.nodes["progressive-change-campaign-committee"]["kind"] == "advocacy group"


def test_detection_and_header_reading() -> None:
    assert [detect_file(p) for p in (E2020, DEM, REP, REPO / "examples" / "records" / "entities.csv")] == [
        "fivethirtyeight-2020", "fivethirtyeight-2018", "fivethirtyeight-2018", None]
    assert header(REP)[:2] == ["Candidate", "State"]
    assert read_table(REP).encoding == "cp1252" and read_table(VARIANTS_2020[1]).encoding == "utf-8-sig"


def test_encoding_can_be_chosen_and_a_wrong_choice_is_one_line(tmp_path: Path) -> None:
    graph = tmp_path / "g.json"
    result = runner.invoke(app, ["build", str(REP), "--graph", str(graph), "--encoding", "utf-8"])
    assert result.exit_code == 1 and "rep_candidates.csv: not utf-8 text (bad byte at offset" in result.stderr
    assert "try --encoding latin-1" in result.stderr and not graph.exists()
    assert runner.invoke(app, ["build", str(REP), "--graph", str(graph), "--encoding", "latin-1"]).exit_code == 0
    assert "José Ortega" in json.dumps(json.loads(graph.read_text()), ensure_ascii=False)
    result = runner.invoke(app, ["build", str(REP), "--graph", str(graph), "--encoding", "ebcdic"])
    assert result.exit_code == 1 and "unknown encoding 'ebcdic'" in result.stderr


def test_format_can_be_forced_and_a_mismatch_is_named(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(DEM), "--graph", str(tmp_path / "g.json"), "--format",
                                 "fivethirtyeight-2020"])
    assert result.exit_code == 1
    assert "dem_candidates.csv:1: not a fivethirtyeight-2020 table: it needs the columns endorsee, endorser, points" \
        in result.stderr
    result = runner.invoke(app, ["build", str(DEM), "--graph", str(tmp_path / "g.json"), "--format", "records"])
    assert result.exit_code == 1 and "dem_candidates.csv:1: unknown column" in result.stderr


def test_an_endorsement_column_the_map_does_not_know_is_an_error(tmp_path: Path) -> None:
    table = tmp_path / "dem.csv"
    table.write_text("Candidate,State,District,Primary %,Won Primary,Oprah Endorsed?\nAna Reyes,NM,District 2,50,Yes,Yes\n")
    result = runner.invoke(app, ["build", str(table), "--graph", str(tmp_path / "g.json")])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "dem.csv:1: column 'Oprah Endorsed?' names no known endorser" \
        in result.stderr


def test_a_bad_row_names_its_line(tmp_path: Path) -> None:
    table = tmp_path / "e.csv"
    table.write_text(E2020.read_text().replace("2019-04-10", "next Tuesday"))
    result = runner.invoke(app, ["build", str(table), "--graph", str(tmp_path / "g.json")])
    assert result.exit_code == 1 and "e.csv:6: ENDORSED property 'date' must be an ISO date" in result.stderr


def test_records_with_old_mac_line_endings_load(tmp_path: Path) -> None:
    records = tmp_path / "people.csv"
    records.write_bytes(b"name,type\rAnn Rudd,Person\rBob Lee,Candidate\r")
    graph = load_graph([records])
    assert sorted(graph.nodes(data="type")) == [("ann-rudd", "Person"), ("bob-lee", "Candidate")]
