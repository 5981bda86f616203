"""The Dask recipe on a LocalCluster of this machine (2 workers, 1 thread each): shards written on the
workers are the bytes `extract` writes here, each worker loads the spaCy model once, and
`build --claims` of them gives the direct build's graph file."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endorsegraph.cli import app
from endorsegraph.graph.embedded import JsonFileStore
from endorsegraph.loaders.build import build
from endorsegraph.loaders.sharding import extract

distributed = pytest.importorskip("distributed", reason="the Dask recipe needs pip install '.[test]'")

FIXTURES = Path(__file__).parent / "fixtures" / "shards"
TABLE = FIXTURES / "people.csv"


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1", memory_limit="3GiB") as local:
        yield local


def model_loads(client: distributed.Client) -> dict[str, int]:
    """How many times each worker has loaded a spaCy pipeline."""
    def loads() -> int:
        from endorsegraph.loaders.nlp import pipeline
        return pipeline.cache_info().misses
    return client.run(loads)


def test_the_recipe_writes_the_local_shards_and_loads_the_model_once_per_worker(
        cluster: distributed.LocalCluster, tmp_path: Path) -> None:
    from endorsegraph.loaders.dask_extract import extract_on
    local = extract([FIXTURES.resolve()], tmp_path / "local")
    with distributed.Client(cluster) as client:
        report = extract_on(client, [FIXTURES], tmp_path / "dask", files_per_partition=1)
        assert set(model_loads(client).values()) == {1}
        extract_on(client, [FIXTURES], tmp_path / "again", files_per_partition=2)
        assert set(model_loads(client).values()) == {1}, "a second run reuses the loaded model"
        pids = client.run(os.getpid)
    assert os.getpid() not in pids.values()
    assert report.tables == [TABLE.resolve()] and not report.inputs.skipped
    assert [p.name for p in report.shards] == [p.name for p in local.shards]
    for shard in local.shards:
        assert (tmp_path / "dask" / shard.name).read_bytes() == shard.read_bytes()
        assert (tmp_path / "again" / shard.name).read_bytes() == shard.read_bytes()


def test_the_command_line_recipe_matches_a_direct_build(cluster: distributed.LocalCluster, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(FIXTURES), "--claims-out", str(tmp_path / "claims"),
                                 "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert "wrote 4 claims shard(s)" in result.stdout
    result = runner.invoke(app, ["build", "--claims", str(tmp_path / "claims"), str(TABLE.resolve()),
                                 "--graph", str(tmp_path / "merged.json")])
    assert result.exit_code == 0, result.output
    build([FIXTURES.resolve()], JsonFileStore(tmp_path / "direct.json"))
    assert (tmp_path / "merged.json").read_bytes() == (tmp_path / "direct.json").read_bytes()
