"""Building from many files: a file's cost does not grow with the graph; a failed file leaves no names behind."""
from __future__ import annotations

import time
from pathlib import Path

from endorsegraph.graph import kg
from endorsegraph.graph.synthetic import synthetic_graph
from endorsegraph.loaders.build import load_into


def one_row_files(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    for i in range(count):
        (folder / f"r{i:04}.csv").write_text(f"relation,source,target\nLEADS,Ann Rudd {i},Union {i}\n"
                                             if i % 2 else f"name,type\nBo Lee {i},Person\n")
    return sorted(folder.iterdir())


def seconds_to_load(graph, files: list[Path]) -> float:
    started = time.perf_counter()
    report = load_into(graph, files)
    assert report.files == len(files) and not report.skipped
    return time.perf_counter() - started


def test_the_cost_of_a_file_does_not_grow_with_the_graph(tmp_path: Path) -> None:
    files = one_row_files(tmp_path / "inputs", 200)
    big = synthetic_graph(30_000)                         # ~10,000 entities, ~40,000 claims
    into_empty = seconds_to_load(kg.new_graph(), files)
    into_big = seconds_to_load(big, files)              # indexes the big graph once: the 2 s allow for that
    assert into_big < 4 * into_empty + 2, (into_empty, into_big)   # was minutes: the graph re-read per file


def test_a_failed_file_leaves_no_names_for_the_next_one(tmp_path: Path) -> None:
    bad, good = tmp_path / "a.csv", tmp_path / "b.csv"
    bad.write_text("name,type\nZed Quill,Organization\nX,Robot\n")          # fails on its second row
    good.write_text("relation,source,target\nLEADS,Zed Quill,Sierra Club\n")  # a new Person, not that Organization
    graph = kg.new_graph()
    report = load_into(graph, [bad, good], skip_bad=True)
    assert [p.path for p in report.skipped] == [str(bad)]
    assert graph.nodes["zed-quill"]["type"] == "Person"


def test_names_a_file_adds_are_found_by_the_next(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("name,type,aliases\n"
                     "Communications Workers of America,Organization,CWA\nChris Shelton,Person,Shelton\n")
    second.write_text("relation,source,target\nLEADS,Shelton,CWA\n")
    graph = kg.new_graph()
    load_into(graph, [first, second])
    assert graph.has_edge("chris-shelton", "communications-workers-of-america", "LEADS")
