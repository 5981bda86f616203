"""Incremental rebuilds: unchanged files are skipped, changed ones replace their claims, --prune drops removed ones."""
from __future__ import annotations

import io
import json
from pathlib import Path

from endorsegraph.graph import kg
from endorsegraph.loaders.build import Progress, load_graph
from endorsegraph.loaders.build import load_into as load_once
from endorsegraph.progress_line import ProgressLine, describe

LEADS = "relation,source,target\nLEADS,{who},Sierra Club\n"


def load_into(graph, paths, **options):
    """What ``endorsegraph build`` does to the graph it loads."""
    return load_once(graph, paths, incremental=True, **options)


def claims(graph) -> set[tuple[str, str, str, str]]:
    return {(s, t, k, c["article"]) for s, t, k, d in graph.edges(keys=True, data=True) for c in d["claims"]}


def test_a_rebuild_skips_unchanged_files_and_keeps_their_hashes(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(LEADS.format(who="Ann Rudd"))
    assert "inputs" not in load_graph([tmp_path]).graph        # an in-memory graph keeps no hashes
    graph = kg.new_graph()
    first = load_into(graph, [tmp_path])
    again = load_into(graph, [tmp_path])
    assert (first.files, first.unchanged, again.files, again.unchanged) == (1, 0, 0, 1)
    entry = graph.graph["inputs"][str((tmp_path / "a.csv").resolve())]
    assert len(entry["sha256"]) == 64 and entry["articles"] == ["a.csv"]


def test_a_changed_file_replaces_its_claims_and_leaves_others(tmp_path: Path) -> None:
    changed, other = tmp_path / "a.csv", tmp_path / "b.csv"
    changed.write_text(LEADS.format(who="Ann Rudd"))
    other.write_text(LEADS.format(who="Bo Lind"))
    graph = kg.new_graph()
    load_into(graph, [tmp_path])
    changed.write_text(LEADS.format(who="Cy Moss"))
    report = load_into(graph, [tmp_path])
    assert (report.files, report.unchanged, report.replaced) == (1, 1, 1)
    assert claims(graph) == {("bo-lind", "sierra-club", "LEADS", "b.csv"), ("cy-moss", "sierra-club", "LEADS", "a.csv")}
    assert "ann-rudd" not in graph                      # nothing keeps her any more


def test_a_changed_article_replaces_its_claims(tmp_path: Path) -> None:
    article = tmp_path / "post.txt"
    article.write_text("The Sierra Club endorsed Paula Greer on Monday.")
    graph = kg.new_graph()
    load_into(graph, [article])
    assert claims(graph) == {("sierra-club", "paula-greer", "ENDORSED", "post.txt")}
    article.write_text("The Teamsters endorsed Paula Greer on Monday.")
    load_into(graph, [article])
    assert claims(graph) == {("international-brotherhood-of-teamsters", "paula-greer", "ENDORSED", "post.txt")}
    assert "sierra-club" not in graph


def test_prune_drops_the_claims_of_removed_files_only(tmp_path: Path) -> None:
    removed, kept = tmp_path / "a.csv", tmp_path / "b.csv"
    removed.write_text(LEADS.format(who="Ann Rudd"))
    kept.write_text(LEADS.format(who="Bo Lind"))
    graph = kg.new_graph()
    load_into(graph, [tmp_path])
    removed.unlink()
    assert load_into(graph, [tmp_path]).pruned == 0 and "ann-rudd" in graph     # not without --prune
    report = load_into(graph, [tmp_path], prune=True)
    assert report.pruned == 1 and report.unchanged == 1
    assert claims(graph) == {("bo-lind", "sierra-club", "LEADS", "b.csv")}
    assert list(graph.graph["inputs"]) == [str(kept.resolve())]


def test_progress_counts_the_articles_of_one_large_jsonl(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text("".join(json.dumps({"id": f"p{i}", "text": f"Post {i} is about the weather today."}) + "\n"
                             for i in range(5)))
    seen: list[tuple[int, int, int]] = []
    load_once(kg.new_graph(), [posts], progress=lambda p: seen.append((p.articles, p.words, p.partial + p.bytes_done)))
    assert [s[0] for s in seen] == [1, 2, 3, 4, 5, 5]
    assert seen[-1][1] == 5 * 7 and seen[-1][2] == posts.stat().st_size
    assert seen[0][2] < seen[2][2] < seen[-1][2]          # time left is known while the one file is read


def test_the_progress_line_names_words_rate_and_time_left() -> None:
    progress = Progress(files_total=40, bytes_total=1000, started=0.0, files=10, articles=12, words=3000,
                        bytes_done=250)
    progress.started = progress.started + (progress.seconds - 10)        # ten seconds ago
    line = describe(progress)
    assert line.startswith("loading 10/40 files, 12 articles, 3,000 words, 300 words/s, 30 s left")
    out = io.StringIO()
    ProgressLine(out)(progress)
    assert out.getvalue() == line + "\n"


def test_the_build_command_skips_unchanged_files_and_prunes_removed_ones(tmp_path: Path) -> None:
    from endorsegraph.cli import app
    from typer.testing import CliRunner
    inputs, graph = tmp_path / "in", tmp_path / "g.json"
    inputs.mkdir()
    (inputs / "a.csv").write_text(LEADS.format(who="Ann Rudd"))
    (inputs / "b.csv").write_text(LEADS.format(who="Bo Lind"))
    runner = CliRunner()
    assert "+2 claims" in runner.invoke(app, ["build", str(inputs), "--graph", str(graph)]).stdout
    (inputs / "a.csv").unlink()
    result = runner.invoke(app, ["build", str(inputs), "--graph", str(graph), "--prune"])
    assert result.exit_code == 0 and "1 unchanged; -1 claims of removed files" in result.stdout
    assert '"ann-rudd"' not in graph.read_text() and '"inputs"' not in graph.read_text()
    assert list(json.loads(graph.with_name("g.json.inputs.json").read_text())["inputs"]) == [str((inputs / "b.csv").resolve())]
    graph.write_text(graph.read_text().replace("Bo Lind", "Bo Lind "))   # a graph the record does not belong to
    again = runner.invoke(app, ["build", str(inputs), "--graph", str(graph)]).stdout
    assert "loaded 1 file(s)" in again and "unchanged" not in again                   # so the file is read again
