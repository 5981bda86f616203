"""The cache of kglite graphs behind embedded `cypher` (issue #13, item 4): answers as without it,
read from the cache on the next call, fresh when the graph file changes, and never an error of its own."""
from __future__ import annotations

import os
from pathlib import Path

import kglite
import networkx as nx
import pytest
from endorsegraph.graph.embedded import JsonFileStore
from endorsegraph.graph.errors import GraphFileError
from endorsegraph.loaders.build import load_graph
from endorsegraph.queries import cypher_cache
from endorsegraph.queries.cypher_cache import engine_for, run_cypher_file
from endorsegraph.queries.cypher_embedded import run_cypher

REPO = Path(__file__).resolve().parents[1]
RECORDS = REPO / "examples" / "records"
ENDORSERS = ("MATCH (e)-[:ENDORSED]->(c:Candidate {name: $name}) RETURN e.name AS endorser, labels(e) AS labels "
             "ORDER BY endorser")
SANDERS = {"name": "Bernie Sanders"}
SANDERS_ROW = [{"name": "Bernie Sanders"}]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cypher_cache.CACHE_ENV, str(folder))
    return folder


def saved(graph: nx.MultiDiGraph, path: Path) -> Path:
    JsonFileStore(path).save(graph)
    return path


def test_answers_are_those_of_a_fresh_kglite_graph_and_the_second_call_reads_the_cache(tmp_path, cache):
    graph = load_graph([RECORDS])
    path = saved(graph, tmp_path / "g.json")
    expected = run_cypher(graph, ENDORSERS, SANDERS)
    assert expected and run_cypher_file(path, ENDORSERS, SANDERS) == expected
    (entry,) = cache.glob("*.kgl")
    first = entry.stat().st_ino
    assert run_cypher_file(path, ENDORSERS, SANDERS) == expected
    assert entry.stat().st_ino == first                  # read, not written again
    assert engine_for(path).read_only()


def test_the_answer_comes_from_the_cache_entry(tmp_path, cache):
    """Swap the entries of two graph files: each file is then answered from the other's entry."""
    records = saved(load_graph([RECORDS]), tmp_path / "records.json")
    tangle = saved(load_graph([REPO / "tests" / "fixtures" / "queries"]), tmp_path / "tangle.json")
    count = "MATCH (n) RETURN count(n) AS n"
    counts = run_cypher_file(records, count), run_cypher_file(tangle, count)
    assert counts[0] != counts[1]
    (records_entry,) = cache.glob(cypher_cache.file_tag(records) + ".*")
    (tangle_entry,) = cache.glob(cypher_cache.file_tag(tangle) + ".*")
    os.replace(records_entry, tmp_path / "swap")
    os.replace(tangle_entry, records_entry)
    os.replace(tmp_path / "swap", tangle_entry)
    assert (run_cypher_file(records, count), run_cypher_file(tangle, count)) == (counts[1], counts[0])


def test_a_changed_graph_file_gives_fresh_answers_and_replaces_its_entry(tmp_path, cache):
    path = saved(load_graph([RECORDS / "entities.csv"]), tmp_path / "g.json")
    assert run_cypher_file(path, ENDORSERS, SANDERS) == []
    saved(load_graph([RECORDS]), path)
    endorsers = [row["endorser"] for row in run_cypher_file(path, ENDORSERS, SANDERS)]
    assert "Communications Workers of America" in endorsers
    assert len(list(cache.glob("*.kgl"))) == 1


def test_a_change_that_keeps_size_and_modification_time_is_seen(tmp_path, cache):
    path = saved(load_graph([RECORDS]), tmp_path / "g.json")
    assert run_cypher_file(path, "MATCH (c:Candidate {id: 'bernie-sanders'}) RETURN c.name AS name") == SANDERS_ROW
    status = path.stat()
    path.write_bytes(path.read_bytes().replace(b'"Bernie Sanders"', b'"Bernie Sandals"'))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert path.stat().st_size == status.st_size
    assert run_cypher_file(path, "MATCH (c:Candidate {id: 'bernie-sanders'}) RETURN c.name AS name") == \
        [{"name": "Bernie Sandals"}]


def test_a_damaged_entry_is_built_again(tmp_path, cache):
    path = saved(load_graph([RECORDS]), tmp_path / "g.json")
    expected = run_cypher_file(path, ENDORSERS, SANDERS)
    (entry,) = cache.glob("*.kgl")
    entry.write_bytes(b"not a kglite graph")
    assert run_cypher_file(path, ENDORSERS, SANDERS) == expected
    assert kglite.load(str(entry)).cypher("MATCH (n) RETURN count(n) AS n").to_list() == [{"n": 10}]


def test_a_cache_folder_that_cannot_be_made_changes_no_answer(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way")
    monkeypatch.setenv(cypher_cache.CACHE_ENV, str(blocked / "cache"))
    graph = load_graph([RECORDS])
    path = saved(graph, tmp_path / "g.json")
    assert run_cypher_file(path, ENDORSERS, SANDERS) == run_cypher(graph, ENDORSERS, SANDERS)


def test_the_cache_keeps_the_most_recently_used_graphs(tmp_path, cache):
    graph = load_graph([RECORDS])
    paths = [saved(graph, tmp_path / f"g{n}.json") for n in range(cypher_cache.MAX_ENTRIES + 2)]
    for n, path in enumerate(paths):
        run_cypher_file(path, "MATCH (n) RETURN count(n) AS n")
        os.utime(next(cache.glob(cypher_cache.file_tag(path) + ".*")), (n, n))    # a clear order of use
    kept = {entry.name.split(".")[0] for entry in cache.glob("*.kgl")}
    assert kept == {cypher_cache.file_tag(path) for path in paths[-cypher_cache.MAX_ENTRIES:]}


def test_a_damaged_graph_file_is_refused_and_not_cached(tmp_path, cache):
    path = tmp_path / "g.json"
    path.write_text('{"nodes": []}')
    with pytest.raises(GraphFileError, match="no schema_version"):
        run_cypher_file(path, "MATCH (n) RETURN n")
    assert not list(cache.glob("*.kgl"))
