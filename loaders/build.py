"""Build a graph from input files: choose a loader per file, merge, and save all or nothing."""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import networkx as nx

from ..graph import kg
from ..graph.embedded import JsonFileStore
from ..graph.errors import EndorsegraphError, InputError, SchemaError
from ..graph.model import Batch
from ..graph.names import NameIndex
from .articles import is_article_jsonl
from .files import input_files
from .csv_tables import TableOptions
from .fivethirtyeight import FORMAT_2018, FORMAT_2020, detect_file, load_fivethirtyeight
from .mapped import load_mapped
from .records import load_records

if TYPE_CHECKING:
    from .news import ExtractOptions

RECORD_SUFFIXES = {".csv", ".json"}
TABLE_FORMATS = ("records", FORMAT_2020, FORMAT_2018)
ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


class Loader(Protocol):
    """Reads one input file into a batch, resolving names through ``names`` (the graph's index)."""

    def __call__(self, path: Path, graph: nx.MultiDiGraph, *, names: NameIndex) -> Batch: ...


class BuildFailed(EndorsegraphError):
    """Some inputs could not be loaded; the graph file was left as it was."""

    def __init__(self, problems: list[InputError]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class BuildReport:
    files: int = 0
    added: dict[str, int] = field(default_factory=lambda: {"entities": 0, "relations": 0, "claims": 0})
    skipped: list[InputError] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)    # files in named folders of types no loader reads


def loader_for(path: Path, options: ExtractOptions | None = None, tables: TableOptions | None = None) -> Loader:
    """The loader for a file by its suffix; a .jsonl file holds articles or records, by its first line;
    a .csv file is read through ``tables.mapping`` if given, else it is a FiveThirtyEight table by its
    header (or ``tables.format``), else records.

    The news loader (and spaCy with it) is imported only when an article is to be read.
    """
    suffix = path.suffix.lower()
    tables = tables or TableOptions()
    if suffix == ".csv" and tables.mapping is not None:
        return functools.partial(load_mapped, mapping=tables.mapping, encoding=tables.encoding)
    if suffix == ".csv" and tables.format != "records":
        fmt = tables.format or detect_file(path, tables.encoding)
        if fmt is not None:
            return functools.partial(load_fivethirtyeight, encoding=tables.encoding, fmt=fmt)
    if suffix in RECORD_SUFFIXES or (suffix == ".jsonl" and not is_article_jsonl(path)):
        return load_records
    if suffix in ARTICLE_SUFFIXES or suffix == ".jsonl":
        from .news import ExtractOptions, load_news
        return functools.partial(load_news, options=options or ExtractOptions())
    supported = sorted(RECORD_SUFFIXES | ARTICLE_SUFFIXES | {".jsonl"})
    raise InputError(str(path), f"unsupported file type {suffix or '(none)'!r} (supported: {', '.join(supported)})")


def build(paths: Iterable[str | Path], store: JsonFileStore, skip_bad: bool = False,
          progress: Callable[[int, int], None] | None = None,
          options: ExtractOptions | None = None, tables: TableOptions | None = None) -> BuildReport:
    """Load every input into the store's graph and save it once, holding the file's lock.

    Without ``skip_bad`` any problem input raises :class:`BuildFailed` listing every problem,
    and the graph file is not touched. With it, problem inputs are skipped and reported.
    ``progress(done, total)`` is called after each file.
    """
    with store.update() as graph:
        return load_into(graph, paths, skip_bad=skip_bad, progress=progress, options=options, tables=tables)


def load_graph(paths: Iterable[str | Path], skip_bad: bool = False,
               options: ExtractOptions | None = None) -> nx.MultiDiGraph:
    """A new in-memory graph holding ``paths``, loaded by the rules of :func:`build`."""
    graph = kg.new_graph()
    load_into(graph, paths, skip_bad=skip_bad, options=options)
    return graph


def load_into(graph: nx.MultiDiGraph, paths: Iterable[str | Path], skip_bad: bool = False,
              progress: Callable[[int, int], None] | None = None,
              options: ExtractOptions | None = None, tables: TableOptions | None = None) -> BuildReport:
    """Load every input into ``graph`` in memory; the rules of :func:`build`, without a file.

    One name index serves every file and grows with what each adds, so the cost of a file does
    not depend on how much the graph already holds. Names that articles only mentioned (entities
    not stored) sit in a layer of their own: they resolve later articles' mentions, but a records
    file, which refers to entities of the graph, does not see them.
    """
    report = BuildReport()
    problems: list[InputError] = []
    files = _collect(paths, problems, report.ignored)
    stored = NameIndex(graph)
    heard = stored.overlay()
    for done, path in enumerate(files, start=1):
        try:
            loader = loader_for(path, options, tables)
            is_table = getattr(loader, "func", loader) in (load_records, load_fivethirtyeight, load_mapped)
            batch = loader(path, graph, names=stored if is_table else heard)
            counts = kg.apply_batch(graph, batch)
        except InputError as err:
            problems.append(err)
        except EndorsegraphError as err:
            problems.append(InputError(str(path), str(err)))
        except RecursionError:
            problems.append(InputError(str(path), "nested too deeply to read"))
        else:
            _remember(stored, heard, batch)
            report.files += 1
            for key, value in counts.items():
                report.added[key] += value
        if progress:
            progress(done, len(files))
    if problems and not skip_bad:
        raise BuildFailed(problems)
    report.skipped = problems
    return report


def _remember(stored: NameIndex, heard: NameIndex, batch: Batch) -> None:
    """Index what a loaded batch stored, and the names it only mentioned (unless the graph's types
    say otherwise)."""
    for entity in batch.entities:
        stored.add(entity)
    for entity in batch.mentioned:
        try:
            heard.add(entity)
        except SchemaError:
            continue                                   # the graph knows this name as another type


def _collect(paths: Iterable[str | Path], problems: list[InputError], ignored: list[Path]) -> list[Path]:
    """The files to load. A file named directly must be readable; in a named folder, files of types
    no loader reads (images, spreadsheets, notes) are set aside in ``ignored``, never a failure."""
    files = []
    readable = RECORD_SUFFIXES | ARTICLE_SUFFIXES | {".jsonl"}
    for given in paths:
        try:
            found = list(input_files([given]))
        except InputError as err:
            problems.append(err)
            continue
        in_folder = Path(given).is_dir()
        ignored += [f for f in found if in_folder and f.suffix.lower() not in readable]
        files += [f for f in found if not in_folder or f.suffix.lower() in readable]
    return files
