"""The core CLI commands (build, stats, show, export) and their error paths."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from endorsegraph.cli import app

EXAMPLES = Path(__file__).parent.parent / "examples"
RECORDS = EXAMPLES / "records"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.json"
    result = run("build", RECORDS, "--graph", path)
    assert result.exit_code == 0, result.output
    return path


def test_build_reports_what_it_added(tmp_path: Path) -> None:
    result = run("build", RECORDS, "--graph", tmp_path / "g.json")
    assert result.exit_code == 0
    assert "loaded 2 file(s)" in result.stdout and "+10 entities, +9 relations, +9 claims" in result.stdout


def test_building_the_same_inputs_twice_is_byte_identical(tmp_path: Path, graph_file: Path) -> None:
    first = graph_file.read_bytes()
    assert "+0 entities, +0 relations, +0 claims" in run("build", RECORDS, "--graph", graph_file).stdout
    assert graph_file.read_bytes() == first
    other = tmp_path / "other.json"
    run("build", RECORDS / "entities.csv", RECORDS / "relations.jsonl", "--graph", other)
    assert other.read_bytes() == first


def test_build_of_news_articles_cites_sentences(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    assert run("build", EXAMPLES / "articles", "--graph", path).exit_code == 0
    data = json.loads(path.read_text())
    claims = [c for link in data["links"] for c in link["claims"]]
    assert claims and all(c["sentence"] and c["rule"] and "start" in c for c in claims)


def test_a_bad_folder_fails_whole_and_leaves_the_graph_unchanged(tmp_path: Path, graph_file: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.csv").write_text("name,type\nAnn Rudd,Person\n")
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (inputs / "unreadable.txt").symlink_to(inputs / "gone.txt")        # unreadable even for root
    before = graph_file.read_bytes()
    result = run("build", inputs, "--graph", graph_file)
    assert result.exit_code == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(problems) == 3
    assert any("binary.txt: file is binary" in p for p in problems)
    assert any("empty.txt: file is empty" in p for p in problems)
    assert any("unreadable.txt: cannot read file" in p for p in problems)
    assert "graph left unchanged" in result.stderr
    assert graph_file.read_bytes() == before


def test_skip_bad_loads_the_good_inputs_and_lists_the_others(tmp_path: Path, graph_file: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.csv").write_text("name,type\nAnn Rudd,Person\n")
    (inputs / "empty.txt").write_text("")
    result = run("build", inputs, "--graph", graph_file, "--skip-bad")
    assert result.exit_code == 0
    assert "skipped:" in result.stderr and "empty.txt" in result.stderr
    assert "ann-rudd" in {n["id"] for n in json.loads(graph_file.read_text())["nodes"]}


def test_a_missing_input_and_an_unknown_suffix_are_problems(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_text("x")
    result = run("build", tmp_path / "nowhere", tmp_path / "notes.docx", "--graph", tmp_path / "g.json")
    assert result.exit_code == 1
    assert "nowhere: no such file or folder" in result.stderr
    assert "unsupported file type '.docx'" in result.stderr
    assert not (tmp_path / "g.json").exists()


def test_stats_counts_by_type(graph_file: Path) -> None:
    lines = run("stats", "--graph", graph_file).stdout.splitlines()
    assert "entities   10" in lines and "  Organization    5" in lines
    assert "relations  9" in lines and "  ENDORSED        5" in lines and "claims     9" in lines


def test_show_gives_aliases_relations_and_evidence(graph_file: Path) -> None:
    result = run("show", "CWA", "--graph", graph_file)
    assert result.exit_code == 0
    assert result.stdout.startswith("Communications Workers of America  [Organization, kind union")
    assert "aliases: CWA (1), Communications Worker of America (1)" in result.stdout
    assert "Larry Cohen -LEADS-> Communications Workers of America  (current=False, role=president)" in result.stdout
    assert '"Cohen led the union until 2015."' in result.stdout


def test_show_suggests_near_misses(graph_file: Path) -> None:
    result = run("show", "Larry Cohn", "--graph", graph_file)
    assert result.exit_code == 1
    assert "no entity named 'Larry Cohn'; did you mean 'Larry Cohen'" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf", "csv"])
def test_export_formats(tmp_path: Path, graph_file: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert run("export", "--graph", graph_file, "--format", fmt, "--output", out).exit_code == 0
    if fmt == "json":
        data = json.loads(out.read_text())
        cwa = next(n for n in data["nodes"] if n["id"] == "communications-workers-of-america")
        assert (cwa["name"], cwa["type"], cwa["aliases"]) == (
            "Communications Workers of America", "Organization", ["CWA", "Communications Worker of America"])
        leads = next(link for link in data["links"] if link["source"] == "larry-cohen" and link["type"] == "LEADS")
        assert (leads["role"], leads["current"]) == ("president", False)
        assert leads["claims"][0]["sentence"] == "Cohen led the union until 2015."
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open()))
        assert len(rows) == 9 and {r["relation"] for r in rows} == {"ENDORSED", "LEADS", "ADVISES", "FOUNDED"}
        assert (tmp_path / "out.entities.csv").exists()
    else:
        graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
        assert (graph.number_of_nodes(), graph.number_of_edges()) == (10, 9)


def test_export_rejects_an_unknown_format(tmp_path: Path, graph_file: Path) -> None:
    result = run("export", "--graph", graph_file, "--format", "pdf", "--output", tmp_path / "x")
    assert result.exit_code == 1 and "unknown format 'pdf'" in result.stderr


@pytest.mark.parametrize("command", ["stats", "show Sanders", "export --output /tmp/never-written.json"])
def test_commands_need_an_existing_graph(tmp_path: Path, command: str) -> None:
    result = run(*command.split(), "--graph", tmp_path / "missing.json")
    assert result.exit_code == 1
    assert "missing.json: no graph file here" in result.stderr


def test_a_damaged_graph_file_is_one_line_without_traceback(tmp_path: Path) -> None:
    damaged = tmp_path / "g.json"
    damaged.write_text("{nope")
    cli = str(Path(sys.executable).with_name("endorsegraph"))
    result = subprocess.run([cli, "stats", "--graph", str(damaged)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {damaged}: not a graph file")
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_every_command_has_help_with_an_example() -> None:
    names = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]
    assert {"build", "stats", "show", "export"} <= set(names)
    for name in names:
        result = run(name, "--help")
        assert result.exit_code == 0 and "Example:" in result.stdout, name


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_a_problem(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("The Sierra Club endorsed Paula Greer.")
    locked.chmod(0)
    result = run("build", locked, "--graph", tmp_path / "g.json")
    assert result.exit_code == 1 and "locked.txt: cannot read file" in result.stderr


def test_many_files_show_progress(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for i in range(25):
        (inputs / f"r{i:02}.csv").write_text(f"name,type\nPerson {i},Person\n")
    result = run("build", inputs, "--graph", tmp_path / "g.json")
    assert result.exit_code == 0
    assert "loading" in result.stderr
    assert "loaded 25 file(s)" in result.stdout and "+25 entities" in result.stdout


def one_line_error(result, *parts: str) -> None:
    """The command failed with exactly one line on stderr, holding every part, and printed nothing else."""
    assert result.exit_code == 1, result.output
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: "), result.stderr
    assert all(part in result.stderr for part in parts), result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", ["json", "csv", "graphml", "gexf"])
def test_export_will_not_overwrite_the_graph_file(tmp_path: Path, graph_file: Path, fmt: str) -> None:
    before = graph_file.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(graph_file)
    for output in (graph_file, link, Path(os.path.relpath(graph_file))):
        one_line_error(run("export", "--graph", graph_file, "--format", fmt, "--output", output),
                       "that is the graph file")
    assert graph_file.read_bytes() == before


def test_export_csv_will_not_overwrite_the_graph_with_its_entities_file(tmp_path: Path, graph_file: Path) -> None:
    graph = tmp_path / "out.entities.csv"
    graph.write_bytes(graph_file.read_bytes())
    one_line_error(run("export", "--graph", graph, "--format", "csv", "--output", tmp_path / "out.csv"),
                   "out.entities.csv: that is the graph file")
    assert graph.read_bytes() == graph_file.read_bytes() and not (tmp_path / "out.csv").exists()


def test_build_through_a_symlinked_graph_updates_its_target(tmp_path: Path, graph_file: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(graph_file)
    extra = tmp_path / "extra.csv"
    extra.write_text("name,type\nAnn Rudd,Person\n")
    assert run("build", extra, "--graph", link).exit_code == 0
    assert link.is_symlink() and "ann-rudd" in json.loads(graph_file.read_text())["nodes"].__repr__()


def test_csv_exports_defuse_names_a_spreadsheet_would_run(tmp_path: Path) -> None:
    records = tmp_path / "r.csv"
    records.write_text('name,type,aliases\n"=HYPERLINK(""http://x"",""y"")",Organization,+1 Club\n'
                       "@Sum,Candidate,-2\n")
    relations = tmp_path / "rel.csv"
    relations.write_text('relation,source,target,evidence\nENDORSED,"=HYPERLINK(""http://x"",""y"")",@Sum,=1+1\n')
    graph = tmp_path / "g.json"
    result = run("build", records, relations, "--graph", graph)
    assert result.exit_code == 0, result.stderr
    assert run("export", "--graph", graph, "--format", "csv", "--output", tmp_path / "out.csv").exit_code == 0
    rows = list(csv.DictReader((tmp_path / "out.csv").open()))
    assert (rows[0]["source_name"], rows[0]["target_name"], rows[0]["sentence"]) == (
        "'=HYPERLINK(\"http://x\",\"y\")", "'@Sum", "'=1+1")
    entities = {r["id"]: r for r in csv.DictReader((tmp_path / "out.entities.csv").open())}
    assert entities["sum"]["name"] == "'@Sum" and entities["sum"]["aliases"] == "'-2"
    assert entities["hyperlink-http-x-y"]["aliases"] == "'+1 Club"


DAMAGED = {
    "no name": (lambda d: d["nodes"][0].pop("name"), "has no name"),
    "no type": (lambda d: d["nodes"][0].pop("type"), "has no type"),
    "no id": (lambda d: d["nodes"][0].pop("id"), "node 0 has no id"),
    "missing node": (lambda d: d["links"][0].update(target="nobody"), "refers to a missing node 'nobody'"),
    "no claims": (lambda d: d["links"][0].pop("claims"), "has no claims"),
    "HATES": (lambda d: d["links"][0].update(type="HATES", key="HATES"), "unknown relation type 'HATES'"),
    "nested": (None, "nested too deeply"),
}


@pytest.mark.parametrize("damage", DAMAGED)
@pytest.mark.parametrize("command", ["build", "stats", "show Sanders", "viz", "export"])
def test_a_graph_file_that_breaks_the_schema_is_one_line_in_every_command(
        tmp_path: Path, graph_file: Path, damage: str, command: str) -> None:
    change, problem = DAMAGED[damage]
    if change is None:
        graph_file.write_text('{"schema_version": 1, "nodes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    else:
        document = json.loads(graph_file.read_text())
        change(document)
        graph_file.write_text(json.dumps(document))
    before = graph_file.read_bytes()
    words = command.split() + (["--output", str(tmp_path / "out")] if command in ("viz", "export") else [])
    words += [str(RECORDS / "entities.csv")] if command == "build" else []
    one_line_error(run(*words, "--graph", graph_file), str(graph_file), problem)
    assert graph_file.read_bytes() == before


@pytest.mark.parametrize("limit, message", [("-1", "limit must be at least 1, got -1"),
                                            ("0", "limit must be at least 1, got 0")])
def test_search_refuses_a_limit_below_one(graph_file: Path, limit: str, message: str) -> None:
    one_line_error(run("query", "search", "Cohen", "--limit", limit, "--graph", graph_file), message)


def test_search_takes_a_huge_limit(graph_file: Path) -> None:
    result = run("query", "search", "Cohen", "--limit", str(2 ** 70), "--graph", graph_file, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["name"] == "Larry Cohen"


def test_an_integer_parameter_over_64_bits_is_one_line(graph_file: Path) -> None:
    one_line_error(run("cypher", "RETURN $n AS n", "--param", f"n={2 ** 70}", "--graph", graph_file),
                   "64-bit")


def test_a_waiting_build_says_which_process_holds_the_lock(tmp_path: Path, graph_file: Path, monkeypatch) -> None:
    from endorsegraph.graph import embedded
    monkeypatch.setattr(embedded, "LOCK_TIMEOUT_S", 0.2)          # a live holder is waited for beyond it
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\n"
                               "from endorsegraph.graph.embedded import JsonFileStore\n"
                               "with JsonFileStore(sys.argv[1]).lock():\n"
                               "    print('locked', flush=True); time.sleep(1)", str(graph_file)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    result = run("build", RECORDS / "entities.csv", "--graph", graph_file)
    holder.wait()
    assert result.exit_code == 0, result.output
    assert f"note: {graph_file} is being written by process {holder.pid}; waiting for it to finish" in result.stderr


def test_keep_mentions_also_stores_the_entities_of_articles_without_relations(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "food.txt").write_text("Lena Ortiz opened a taco shop on Smith Street with Ida Cole.\n")
    (tmp_path / "in" / "vote.txt").write_text("The Plumbers Union endorsed Abe Lutz on Monday.\n")
    assert run("build", tmp_path / "in", "--graph", tmp_path / "a.json").exit_code == 0
    assert run("build", tmp_path / "in", "--graph", tmp_path / "b.json", "--keep-mentions").exit_code == 0
    names = {path: {n["name"] for n in json.loads((tmp_path / path).read_text())["nodes"]} for path in ("a.json", "b.json")}
    assert "Lena Ortiz" not in names["a.json"] and "Lena Ortiz" in names["b.json"]
    assert {"Plumbers Union", "Abe Lutz"} <= names["a.json"]


def test_files_of_types_build_does_not_read_are_ignored_in_a_folder_and_listed(tmp_path: Path) -> None:
    inputs = tmp_path / "archive"
    inputs.mkdir()
    (inputs / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (inputs / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (inputs / "story.txt").write_text("The Plumbers Union endorsed Abe Lutz on Monday.\n")
    result = run("build", inputs, "--graph", tmp_path / "g.json")
    assert result.exit_code == 0, result.output
    assert "ignored 2 file(s) of types build does not read (--verbose lists them)" in result.stderr
    verbose = run("build", inputs, "--graph", tmp_path / "g2.json", "--verbose")
    assert "ignored: " + str(inputs / "photo.jpg") in verbose.stderr
