"""The embedded store: atomic saves, locking between processes, schema versions, determinism."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from endorsegraph.graph import kg
from endorsegraph.graph.embedded import JsonFileStore, graph_to_json
from endorsegraph.graph.errors import GraphFileError
from endorsegraph.graph.model import Claim, Entity, Relation

WRITER = textwrap.dedent("""
    import sys
    from endorsegraph.graph import kg
    from endorsegraph.graph.embedded import JsonFileStore
    from endorsegraph.graph.model import Claim, Entity, Relation

    def graph(tag):
        g = kg.new_graph()
        for i in range(3000):
            kg.add_entity(g, Entity(f"Org {i}", "Organization", tag, properties={"kind": "union"}))
            kg.add_entity(g, Entity(f"Person {i}", "Candidate", tag))
            kg.add_relation(g, Relation("ENDORSED", f"org-{i}", f"person-{i}",
                                        Claim(tag, tag, "test", sentence=tag * 20, start=i, end=i + 1)))
        return g

    store = JsonFileStore(sys.argv[1])
    versions = [graph("a"), graph("b")]
    print("ready", flush=True)
    n = 0
    while True:
        store.save(versions[n % 2])
        n += 1
""")


def small_graph(tag: str):
    g = kg.new_graph()
    kg.add_entity(g, Entity("Sierra Club", "Organization", tag, properties={"kind": "advocacy group"}))
    kg.add_entity(g, Entity("Paula Greer", "Candidate", tag))
    kg.add_relation(g, Relation("ENDORSED", "sierra-club", "paula-greer", Claim(tag, tag, "test")))
    return g


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    store = JsonFileStore(tmp_path / "g.json")
    store.save(small_graph("a.txt"))
    loaded = store.load()
    assert graph_to_json(loaded) == graph_to_json(small_graph("a.txt"))
    assert json.loads((tmp_path / "g.json").read_text())["schema_version"] == 1


def test_a_process_killed_while_saving_leaves_a_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(0.5)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    document = json.loads(path.read_text())               # parses: never a half-written file
    assert len(document["nodes"]) == 6000
    assert {c["article"] for link in document["links"] for c in link["claims"]} in ({"a"}, {"b"})
    assert not [p for p in tmp_path.iterdir() if p.name != "g.json" and not p.name.endswith(".tmp")
                and not p.name.endswith(".lock")]


def test_concurrent_builds_both_land(tmp_path: Path) -> None:
    graph = tmp_path / "g.json"
    inputs = []
    for i in range(4):
        records = tmp_path / f"r{i}.csv"
        records.write_text("name,type,kind\n" + "".join(f"Union {i}-{n},Organization,union\n" for n in range(200)))
        inputs.append(records)
    cli = str(Path(sys.executable).with_name("endorsegraph"))
    runs = [subprocess.Popen([cli, "build", str(p), "--graph", str(graph)], stdout=subprocess.DEVNULL)
            for p in inputs]
    assert [run.wait() for run in runs] == [0] * len(runs)
    assert JsonFileStore(graph).load().number_of_nodes() == 4 * 200


def test_a_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"schema_version": 99, "directed": True, "multigraph": True, "graph": {},
                                "nodes": [], "links": []}))
    with pytest.raises(GraphFileError, match="newer endorsegraph \\(schema version 99"):
        JsonFileStore(path).load()


@pytest.mark.parametrize("content, message", [
    ("{not json", "not a graph file"),
    ('{"nodes": []}', "no schema_version"),
    ('[1, 2]', "not a graph file"),
])
def test_a_damaged_file_is_refused_clearly(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "g.json"
    path.write_text(content)
    with pytest.raises(GraphFileError, match=message):
        JsonFileStore(path).load()


def test_an_update_that_fails_writes_nothing(tmp_path: Path) -> None:
    store = JsonFileStore(tmp_path / "g.json")
    store.save(small_graph("a.txt"))
    before = (tmp_path / "g.json").read_bytes()
    with pytest.raises(RuntimeError), store.update() as graph:
        graph.clear()
        raise RuntimeError("loader crashed")
    assert (tmp_path / "g.json").read_bytes() == before


def test_saving_is_deterministic_whatever_the_insertion_order(tmp_path: Path) -> None:
    forward, backward = kg.new_graph(), kg.new_graph()
    names = [f"Person {i}" for i in range(20)]
    for name in names:
        kg.add_entity(forward, Entity(name, "Person", "a"))
    for name in reversed(names):
        kg.add_entity(backward, Entity(name, "Person", "a"))
    assert graph_to_json(forward) == graph_to_json(backward)


@pytest.mark.skipif(os.name != "posix", reason="fsync of a directory is POSIX")
def test_no_temporary_files_are_left_behind(tmp_path: Path) -> None:
    store = JsonFileStore(tmp_path / "g.json")
    for tag in ("a", "b", "c"):
        store.save(small_graph(tag))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json"]
