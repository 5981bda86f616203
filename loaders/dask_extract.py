"""``extract`` on a Dask cluster: a ``dask.bag`` of article files, the spaCy model loaded once per worker,
every partition writing its files' claims shards (see :mod:`.shards`) into one folder.

Dask schedules, retries and spreads the work; this module only says what a partition does (the
same :func:`.sharding.extract_files` that ``extract`` runs locally). Workers need endorsegraph and
its model installed, and must see the inputs and the shards folder at the same absolute paths
(a shared file system): paths are made absolute before they are sent.
"""
from __future__ import annotations

import asyncio
from collections.abc import Iterable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import dask.bag
from distributed import Client, Worker, WorkerPlugin

from ..graph.errors import InputError
from .news import ExtractOptions
from .sharding import ExtractReport, extract_files, input_list

FILES_PER_PARTITION = 8


class ModelLoader(WorkerPlugin):
    """Loads the extractor's spaCy pipeline when a worker starts, off its event loop; the pipeline is
    kept per process (:func:`.nlp.pipeline`), so every partition that worker runs reuses it."""

    def __init__(self, options: ExtractOptions):
        self.options = options

    async def setup(self, worker: Worker) -> None:
        from .nlp import pipeline
        await asyncio.to_thread(pipeline, self.options.model, self.options.gazetteers)


def extract_on(scheduler: str | Client, paths: Iterable[str | Path], folder: Path,
               options: ExtractOptions = ExtractOptions(),
               files_per_partition: int = FILES_PER_PARTITION) -> ExtractReport:
    """:func:`.sharding.extract` on the cluster at ``scheduler`` (an address, or a connected client)."""
    report = ExtractReport()
    files = [str(path.resolve()) for path in input_list(paths, report)]
    if not files:
        return report
    connection = Client(scheduler) if isinstance(scheduler, str) else nullcontext(scheduler)
    with connection as client:
        client.register_plugin(ModelLoader(options), name=f"endorsegraph-model:{options.model}:{options.gazetteers}")
        bag = dask.bag.from_sequence(files, partition_size=files_per_partition)
        results = client.compute(bag.map_partitions(extract_partition, str(folder.resolve()), options)).result()
    for kind, path, reason, line in results:
        if kind == "shard":
            report.shards.append(Path(path))
        elif kind == "table":
            report.tables.append(Path(path))
        else:
            report.inputs.skipped.append(InputError(path, reason, line))
    report.inputs.files = len(report.shards)
    return report


def extract_partition(files: list[str], folder: str, options: ExtractOptions) -> list[tuple[Any, ...]]:
    """One partition's work on a worker: its shards written; ``(kind, path, reason, line)`` for each
    file (kind: shard, table or problem), plain values that travel back to the client."""
    report = extract_files([Path(f) for f in files], Path(folder), options)
    return ([("shard", str(p), None, None) for p in report.shards]
            + [("table", str(p), None, None) for p in report.tables]
            + [("problem", e.path, e.reason, e.line) for e in report.inputs.skipped])
