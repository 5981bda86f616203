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

from endorsegraph.graph import embedded, kg
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


def test_the_file_holds_one_node_or_link_per_line_of_compact_json(tmp_path: Path) -> None:
    graph = small_graph("a.txt")
    kg.add_entity(graph, Entity("Dana Ruiz", "Person", "a.txt"))
    kg.add_relation(graph, Relation("ENDORSED", "dana-ruiz", "paula-greer", Claim("a.txt", "a.txt", "test")))
    lines = graph_to_json(graph).decode("utf-8").splitlines()
    records = [json.loads(line.rstrip(",")) for line in lines[1:] if line.startswith('{"')]
    assert sorted(r.get("id") or r["source"] for r in records) == ["dana-ruiz", "dana-ruiz", "paula-greer",
                                                                   "sierra-club", "sierra-club"]
    assert not any(line.startswith(" ") or ", " in line for line in lines)
    assert json.loads("\n".join(lines))["nodes"][0]["id"] == "dana-ruiz"


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


HOLDER = textwrap.dedent("""
    import sys, time
    from endorsegraph.graph.embedded import JsonFileStore
    with JsonFileStore(sys.argv[1]).lock():
        if len(sys.argv) > 3:
            with open(sys.argv[1] + ".lock", "w") as lock:   # pretend the holder is a pid not running here
                lock.write(sys.argv[3])
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def hold_lock(path: Path, seconds: float, claimed_pid: str | None = None) -> subprocess.Popen:
    arguments = [str(path), str(seconds), *([claimed_pid] if claimed_pid else [])]
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, *arguments], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_a_waiting_writer_says_who_holds_the_lock_and_waits_while_it_runs(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(embedded, "LOCK_TIMEOUT_S", 0.3)      # a live holder is waited for beyond it
    path = tmp_path / "g.json"
    holder = hold_lock(path, 1.5)
    heard: list[str] = []
    started = time.monotonic()
    with JsonFileStore(path, on_wait=heard.append).lock():
        assert time.monotonic() - started > 1.0
    holder.wait()
    assert heard == [f"{path} is being written by process {holder.pid}; waiting for it to finish"]


def test_a_lock_held_by_a_process_not_running_here_is_given_up_after_the_timeout(tmp_path: Path,
                                                                                monkeypatch) -> None:
    monkeypatch.setattr(embedded, "LOCK_TIMEOUT_S", 0.5)
    path = tmp_path / "g.json"
    holder = hold_lock(path, 5, claimed_pid="999999999")
    try:
        with pytest.raises(GraphFileError, match="held by process 999999999, which is not running"), \
                JsonFileStore(path).lock():
            pass
    finally:
        holder.kill()
        holder.wait()


def test_a_symlinked_graph_is_written_through_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "data" / "real.json"
    target.parent.mkdir()
    JsonFileStore(target).save(small_graph("a.txt"))
    link = tmp_path / "g.json"
    link.symlink_to(target)
    with JsonFileStore(link).update() as graph:
        kg.add_entity(graph, Entity("Ann Rudd", "Person", "b.txt"))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "ann-rudd" in JsonFileStore(target).load()


def test_a_graph_in_a_folder_not_made_yet_is_created_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "g.json"
    with JsonFileStore(path).update() as graph:
        kg.add_entity(graph, Entity("Ann Rudd", "Person", "a.txt"))
    assert "ann-rudd" in JsonFileStore(path).load()


def test_saving_keeps_the_files_mode(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    store = JsonFileStore(path)
    store.save(small_graph("a"))
    path.chmod(0o640)
    store.save(small_graph("b"))
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_read_only_graph_is_refused_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    store = JsonFileStore(path)
    store.save(small_graph("a"))
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(GraphFileError, match="read-only \\(mode 444\\)"), store.update():
        pass
    with pytest.raises(GraphFileError, match="read-only"):
        store.save(small_graph("b"))
    assert path.read_bytes() == before and path.stat().st_mode & 0o777 == 0o444


def test_temporary_files_of_killed_saves_are_removed_by_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    dead = tmp_path / ".g.json.999999999.k1ll3d.tmp"          # its writer no longer runs
    live = tmp_path / f".g.json.{os.getpid()}.w0rk1n.tmp"      # ours, still being written
    old = tmp_path / ".g.json.a1b2c3d4.tmp"                     # an earlier version's, a day old
    fresh = tmp_path / ".g.json.e5f6g7h8.tmp"
    for temp in (dead, live, old, fresh):
        temp.write_bytes(b"x" * 1000)
    os.utime(old, (time.time() - 86400, time.time() - 86400))
    JsonFileStore(path).save(small_graph("a"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["g.json", live.name, fresh.name])


DAMAGES = {
    "a node without a name": (lambda d: d["nodes"][0].pop("name"), "node 'paula-greer': has no name"),
    "a node without a type": (lambda d: d["nodes"][0].pop("type"), "node 'paula-greer': has no type"),
    "a node without an id": (lambda d: d["nodes"][0].pop("id"), "node 0 has no id"),
    "a link to a missing node": (lambda d: d["links"][0].update(target="nobody"),
                                 "link 0 refers to a missing node 'nobody'"),
    "a link without claims": (lambda d: d["links"][0].pop("claims"),
                              "link sierra-club -ENDORSED-> paula-greer: has no claims"),
    "a relation type not in the schema": (lambda d: d["links"][0].update(type="HATES", key="HATES"),
                                          "unknown relation type 'HATES'"),
    "a control character in a name": (lambda d: d["nodes"][0].update(name="Paula\x00Greer"),
                                      "contains a control character \\(U\\+0000\\)"),
    "an undeclared property": (lambda d: d["nodes"][0].update(**{"zz:1}) DETACH DELETE m //": 1}),
                               "has no property zz:1"),
    "a property of the wrong type": (lambda d: d["nodes"][1].update(members="many"),
                                     "property 'members' must be a whole number, got 'many'"),
    "a claim of the wrong shape": (lambda d: d["links"][0]["claims"][0].update(start="x"),
                                   "claim whose 'start' is 'x', not int"),
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_graph_file_that_breaks_the_schema_is_refused_in_one_line(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "g.json"
    JsonFileStore(path).save(small_graph("a.txt"))
    document = json.loads(path.read_text())
    change, message = DAMAGES[damage]
    change(document)
    path.write_text(json.dumps(document))
    with pytest.raises(GraphFileError, match=f"^{path}: damaged graph file: .*{message}") as caught:
        JsonFileStore(path).load()
    assert "\n" not in str(caught.value)


def test_a_graph_file_nested_too_deeply_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text('{"schema_version": 1, "nodes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(GraphFileError, match="nested too deeply"):
        JsonFileStore(path).load()
