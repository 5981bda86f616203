"""``extract``: read article files as ``build`` does, each on its own, and write each one's claims shard."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import shards
from .build import BuildReport, collect_inputs, read_each

if TYPE_CHECKING:
    from .news import ExtractOptions


@dataclass
class ExtractReport:
    """What ``extract`` did: the shards written, in input order, and the inputs it did not extract."""

    shards: list[Path] = field(default_factory=list)
    tables: list[Path] = field(default_factory=list)      # records and tables: a build reads them itself
    inputs: BuildReport = field(default_factory=BuildReport)  # problem inputs (skipped), files of types
                                                              # no loader reads and shards (ignored)


def input_list(paths: Iterable[str | Path], report: ExtractReport) -> list[Path]:
    """The files ``extract`` reads: ``build``'s, less claims shards (set aside as ignored)."""
    files = collect_inputs(paths, report.inputs)
    report.inputs.ignored += [f for f in files if shards.is_shard(f)]
    return [f for f in files if not shards.is_shard(f)]


def extract(paths: Iterable[str | Path], folder: Path, options: ExtractOptions | None = None,
            workers: int = 1) -> ExtractReport:
    """Write a shard to ``folder`` for every article file ``paths`` name (``workers`` parsing processes);
    a problem input gets no shard."""
    report = ExtractReport()
    return extract_files(input_list(paths, report), folder, options, workers, report)


def extract_files(files: list[Path], folder: Path, options: ExtractOptions | None = None, workers: int = 1,
                  report: ExtractReport | None = None) -> ExtractReport:
    """:func:`extract` for files already listed (by :func:`input_list`), adding to ``report``."""
    report = report if report is not None else ExtractReport()
    for path, batch in read_each(files, report.inputs, options, workers):
        if batch is None:
            report.tables.append(path)
        else:
            report.shards.append(shards.write_shard(folder, path, batch))
    return report
