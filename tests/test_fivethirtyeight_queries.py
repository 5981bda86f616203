"""Catalog queries over FiveThirtyEight's tables: `points` (per candidate, with the claims behind them)
and `endorsed-by` (with the candidates' primary results), on the embedded graph, embedded Cypher
(kglite) and the Bolt test server. Server parity on the fixtures is in test_query_parity.py."""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endorsegraph.cli import app
from endorsegraph.loaders.build import load_graph
from endorsegraph.queries import catalog, points
from endorsegraph.queries.cypher_embedded import run_cypher

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "fivethirtyeight"
E2020 = FIXTURES / "endorsements-2020.csv"
VARIANTS_2020 = [E2020, FIXTURES / "endorsements-2020-bom-crlf.csv", FIXTURES / "endorsements-2020-latin1-cr.csv"]
DEM, REP = FIXTURES / "dem_candidates.csv", FIXTURES / "rep_candidates.csv"
runner = CliRunner()


def query_json(graph_file: Path, *words: str) -> list[dict]:
    result = runner.invoke(app, ["query", *words, "--graph", str(graph_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rows_2020() -> list[dict[str, str]]:
    with E2020.open(newline="", encoding="utf-8") as file:
        return [row for row in csv.DictReader(file) if row["endorsee"]]


@pytest.mark.parametrize("path", VARIANTS_2020, ids=lambda p: p.name)
def test_points_json_equals_the_per_endorsee_sum_of_the_points_column(tmp_path: Path, path: Path) -> None:
    graph_file = tmp_path / "2020.json"
    assert runner.invoke(app, ["build", str(path), "--graph", str(graph_file)]).exit_code == 0
    answer = query_json(graph_file, "points")
    expected = Counter()
    for row in rows_2020():
        expected[row["endorsee"]] += int(row["points"])
    assert {row["candidate"]: row["points"] for row in answer} == dict(expected)
    assert [row["candidate"] for row in answer] == ["Bernie Sanders", "Joe Biden", "Elizabeth Warren"]
    assert [row["rank"] for row in answer] == [1, 2, 3]


def test_points_list_one_claim_per_table_row_with_its_url_and_line() -> None:
    answer = catalog.run(catalog.Embedded(load_graph([E2020])), "points", {})
    claims = sorted((claim["line"], row.candidate, claim["endorser"], claim["source"], claim["points"])
                    for row in answer for claim in row.claims)
    with E2020.open(newline="", encoding="utf-8") as file:
        table = [(line, row["endorsee"], row["endorser"], row["source"], int(row["points"]))
                 for line, row in enumerate(csv.DictReader(file), start=2) if row["endorsee"]]
    assert claims == table
    biden = next(row for row in answer if row.candidate == "Joe Biden")
    assert biden.endorsers == 3 and len(biden.claims) == 4          # O'Brien's two rows both count


def test_endorsed_by_answers_which_candidates_won_their_primary(tmp_path: Path) -> None:
    graph_file = tmp_path / "2018.json"
    assert runner.invoke(app, ["build", str(DEM), str(REP), "--graph", str(graph_file)]).exit_code == 0
    answer = query_json(graph_file, "endorsed-by", "Our Revolution")
    with DEM.open(newline="", encoding="utf-8") as file:
        table = {row["candidate"]: row for row in csv.DictReader(file) if row["Our Revolution Endorsed?"] == "Yes"}
    assert {row["candidate"] for row in answer} == set(table) == {"Ana Reyes", 'Dana "Dee" Ortiz'}
    for row in answer:
        written = table[row["candidate"]]
        assert row["won_primary"] is (written["won_primary"] == "Yes")
        assert (row["primary_status"], row["primary_pct"], row["state"]) == (
            written["primary_status"], float(written["primary_pct"]), written["state"])
    lost = query_json(graph_file, "endorsed-by", "VoteVets")
    assert [(row["candidate"], row["won_primary"], row["primary_status"]) for row in lost] == [
        ("Tom Becker", False, "Lost")]


def test_news_endorsements_have_no_primary_result_and_no_points() -> None:
    graph = load_graph([Path(__file__).resolve().parents[1] / "examples" / "records"])
    embedded = catalog.Embedded(graph)
    rows = catalog.run(embedded, "endorsed-by", {"endorser": "CWA"})
    assert rows and all(row.won_primary is None and row.primary_pct is None for row in rows)
    assert catalog.run(embedded, "points", {}) == []


def test_points_and_endorsed_by_cypher_agree_embedded() -> None:
    graph = load_graph([E2020, DEM, REP])

    class Kglite:
        def run(self, query: str, params: dict | None = None) -> list[dict]:
            return run_cypher(graph, query, params)

    embedded, cypher = catalog.Embedded(graph), catalog.Server(Kglite())
    for name, params in (("points", {}), ("endorsed-by", {"endorser": "WFP"})):
        expected = catalog.run(embedded, name, params)
        assert expected and catalog.run(cypher, name, params) == expected, name


def test_claims_too_long_for_one_server_record_are_read_in_pieces(clean_bolt_store, tmp_path: Path) -> None:
    table = tmp_path / "endorsements-2020.csv"
    header = E2020.read_text("utf-8").splitlines()[0]
    rows = [f"2019-03-{day:02d},senator,,Vermont,Patrick Leahy,Bernie Sanders,D,"
            f"https://example.org/endorsements/{'leahy-' * 20}{day},{day},senator,U.S. Senate,,{day % 5 + 1}"
            for day in range(1, 29)]
    table.write_text("\n".join([header, *rows]) + "\n", "utf-8")
    graph = load_graph([table])
    claims_text = json.dumps(graph.edges["patrick-leahy", "bernie-sanders", "ENDORSED"]["claims"])
    assert len(claims_text) > 2 * points.INLINE_CHARS
    clean_bolt_store.save(graph)
    expected = catalog.run(catalog.Embedded(graph), "points", {})
    assert catalog.run(catalog.Server(clean_bolt_store), "points", {}) == expected
    assert expected[0].points == sum(day % 5 + 1 for day in range(1, 29)) and len(expected[0].claims) == 28
