"""Build a graph from input files: choose a loader per file, merge, and save all or nothing."""
from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import networkx as nx

from ..graph import kg
from ..graph.embedded import (
    JsonFileStore,
    graph_from_json,
    graph_to_json,
    replacement_mode,
    write_atomic,
)
from ..graph.errors import EndorsegraphError, InputError, SchemaError
from ..graph.model import Batch
from ..graph.names import NameIndex
from . import shards, sources
from .articles import is_article_jsonl
from .csv_tables import TableOptions
from .files import input_files
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
    unchanged: int = 0                                   # files skipped: the graph holds these bytes already
    replaced: int = 0                                    # claims dropped from files that changed
    pruned: int = 0                                      # claims dropped from files that no longer exist
    ignored: list[Path] = field(default_factory=list)    # files in named folders of types no loader reads


def loader_for(path: Path, options: ExtractOptions | None = None, tables: TableOptions | None = None) -> Loader:
    """The loader for a file by its suffix; a claims shard (``.claims.jsonl``, see :mod:`.shards`) is
    merged as written; a .jsonl file holds articles or records, by its first line;
    a .csv file is read through ``tables.mapping`` if given, else it is a FiveThirtyEight table by its
    header (or ``tables.format``), else records.

    The news loader (and spaCy with it) is imported only when an article is to be read.
    """
    suffix = path.suffix.lower()
    tables = tables or TableOptions()
    if shards.is_shard(path):
        return shards.load_claims
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


@dataclass
class Progress:
    """How far a build is: files, articles and words done, and bytes of input, for rate and time left."""

    files_total: int
    bytes_total: int
    started: float = field(default_factory=time.monotonic)
    files: int = 0
    articles: int = 0
    words: int = 0
    bytes_done: int = 0                 # of the files done
    partial: int = 0                    # of the file being read, by its articles done

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def seconds_left(self) -> float | None:
        """Time left at the pace so far, by bytes of input; None before anything is done."""
        done = self.bytes_done + self.partial
        if done <= 0:
            return None
        return self.seconds * max(self.bytes_total - done, 0) / done


def build(paths: Iterable[str | Path], store: JsonFileStore, skip_bad: bool = False,
          progress: Callable[[Progress], None] | None = None,
          options: ExtractOptions | None = None, tables: TableOptions | None = None,
          workers: int = 1, prune: bool = False) -> BuildReport:
    """Build a graph file: load every input into the store's graph and save it once, holding the file's lock.

    The inputs' hashes are kept beside the graph file (see :mod:`.sources`): an input whose bytes the
    graph holds already is skipped, and a changed one's earlier claims are replaced.

    Parameters
    ----------
    paths : iterable of str or Path
        Input files and folders: articles (.txt, .md, .html, .htm, .jsonl), records (.csv, .json,
        .jsonl), tables (.csv, see ``tables``) and claims shards (.claims.jsonl).
    store : JsonFileStore
        The graph file, created if it does not exist, else added to.
    skip_bad : bool, default False
        Skip problem inputs and report them, instead of failing.
    progress : callable, optional
        Called with a :class:`Progress` after each article and each file.
    options : ExtractOptions, optional
        For articles: the spaCy model and gazetteers.
    tables : TableOptions, optional
        For tables: a column mapping, the table format or the encoding.
    workers : int, default 1
        Processes that parse articles (see :func:`load_into`).
    prune : bool, default False
        Drop the claims of files loaded before that no longer exist.

    Returns
    -------
    BuildReport
        Files read; entities, relations and claims added; inputs skipped, unchanged or ignored; claims
        replaced or pruned.

    Raises
    ------
    BuildFailed
        Without ``skip_bad``: some inputs could not be loaded (every problem listed); the graph file
        is left as it was.
    GraphFileError
        The graph file is damaged, or its lock is held by a process that is gone.

    Examples
    --------
    >>> from endorsegraph.graph.embedded import JsonFileStore
    >>> from endorsegraph.loaders.build import build
    >>> report = build(["examples/records"], JsonFileStore("records.json"))
    >>> report.files, report.added
    (2, {'entities': 10, 'relations': 9, 'claims': 9})
    >>> build(["examples/records"], JsonFileStore("records.json")).unchanged
    2
    >>> build(["examples/records/missing.csv"], JsonFileStore("records.json"))
    Traceback (most recent call last):
    ...
    endorsegraph.loaders.build.BuildFailed: examples/records/missing.csv: ...
    """
    with store.lock():
        replacement_mode(store.target)
        graph_bytes = store.path.read_bytes() if store.path.exists() else b""
        graph = graph_from_json(graph_bytes, str(store.path)) if graph_bytes else kg.new_graph()
        graph.graph[sources.INPUTS] = sources.read_record(store.path, graph_bytes)
        report = load_into(graph, paths, skip_bad=skip_bad, progress=progress, options=options, tables=tables,
                           workers=workers, prune=prune, incremental=True)
        inputs = graph.graph.pop(sources.INPUTS)
        graph_bytes = graph_to_json(graph)
        write_atomic(store.path, graph_bytes)
        sources.write_record(store.path, graph_bytes, inputs)
    return report


def load_graph(paths: Iterable[str | Path], skip_bad: bool = False,
               options: ExtractOptions | None = None, workers: int = 1) -> nx.MultiDiGraph:
    """A new in-memory graph holding ``paths``, loaded by the rules of :func:`build`."""
    graph = kg.new_graph()
    load_into(graph, paths, skip_bad=skip_bad, options=options, workers=workers)
    return graph


def load_into(graph: nx.MultiDiGraph, paths: Iterable[str | Path], skip_bad: bool = False,
              progress: Callable[[Progress], None] | None = None,
              options: ExtractOptions | None = None, tables: TableOptions | None = None,
              workers: int = 1, prune: bool = False, incremental: bool = False) -> BuildReport:
    """Load every input into ``graph`` in memory; the rules of :func:`build`, without a file.

    Files are read as a stream: articles are parsed by ``workers`` processes while what they say is
    merged here, in order. With ``incremental`` (as :func:`build` does) each file's content hash is
    kept in the graph: a file whose bytes the graph already holds is skipped, a changed file's
    earlier claims are dropped before its new ones go in, and ``prune`` drops the claims of files
    loaded before that no longer exist.

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
    meter = Progress(len(files), sum(_size(f) for f in files))
    touched: set[str] = set()
    for path_key in sources.missing(graph) if prune and incremental else ():
        report.pruned += sources.forget(graph, path_key, touched)
    jobs = (_job(path, options, tables, graph if incremental else None) for path in files)
    for job, batch in _stream(jobs, graph, heard, options, workers, meter, progress):
        try:
            if job.error is not None:
                raise job.error
            if job.unchanged:
                report.unchanged += 1
                continue
            if job.loader is not None:
                is_table = getattr(job.loader, "func", job.loader) in (load_records, load_fivethirtyeight, load_mapped)
                batch = job.loader(job.path, graph, names=stored if is_table else heard)
            if incremental:
                report.replaced += sources.forget(graph, sources.key(job.path), touched)
            counts = kg.apply_batch(graph, batch)
        except InputError as err:
            problems.append(err)
        except EndorsegraphError as err:
            problems.append(InputError(str(job.path), str(err)))
        except RecursionError:
            problems.append(InputError(str(job.path), "nested too deeply to read"))
        else:
            if incremental:
                sources.remember(graph, job.path, job.sha256, batch)
            _remember(stored, heard, batch, graph)
            report.files += 1
            for key, value in counts.items():
                report.added[key] += value
        finally:
            meter.files += 1
            meter.bytes_done, meter.partial = meter.bytes_done + _size(job.path), 0
            if progress:
                progress(meter)
    sources.drop_orphans(graph, touched)
    if problems and not skip_bad:
        raise BuildFailed(problems)
    report.skipped = problems
    return report


def collect_inputs(paths: Iterable[str | Path], report: BuildReport) -> list[Path]:
    """The files ``paths`` name, as :func:`build` reads them: problems go to ``report.skipped``, files
    in named folders of types no loader reads to ``report.ignored``."""
    return _collect(paths, report.skipped, report.ignored)


def read_each(paths: Iterable[str | Path], report: BuildReport, options: ExtractOptions | None = None,
              workers: int = 1) -> Iterator[tuple[Path, Batch | None]]:
    """``(file, batch)`` for every input in order, each article file read on its own against an empty
    graph (no file's names resolve another's): what ``extract`` writes as claims shards (see
    :mod:`.shards`). Tables and records come with None: they resolve their names against the graph,
    so only a build reads them. Problem inputs go to ``report.skipped``.
    """
    files = collect_inputs(paths, report)
    jobs = (_job(path, options, None, None) for path in files)
    for job, batch in _stream(jobs, kg.new_graph(), NameIndex(), options, workers, Progress(len(files), 0), None):
        if job.error is not None:
            report.skipped.append(job.error if isinstance(job.error, InputError)
                                  else InputError(str(job.path), str(job.error)))
        else:
            report.files += batch is not None
            yield job.path, batch


@dataclass
class _Job:
    """One input file on its way through the stream; ``articles`` is None unless it is news."""

    path: Path
    sha256: str | None = None
    unchanged: bool = False
    loader: Loader | None = None       # the loader of an input that is not read as a stream of articles
    articles: list | None = None
    error: EndorsegraphError | None = None


def _job(path: Path, options: ExtractOptions | None, tables: TableOptions | None,
         graph: nx.MultiDiGraph | None) -> _Job:
    """Read ``path`` ahead of the stream: skipped if ``graph`` holds its bytes already, its articles
    if news, else its loader."""
    job = _Job(path, sources.digest(path) if graph is not None else None)
    if graph is not None and sources.is_unchanged(graph, path, job.sha256):
        job.unchanged = True
        return job
    try:
        loader = loader_for(path, options, tables)
        if _is_news(loader):
            from .articles import read_articles
            job.articles = read_articles(path)
        else:
            job.loader = loader
    except EndorsegraphError as err:
        job.error = err
    except RecursionError:
        job.error = InputError(str(path), "nested too deeply to read")
    return job


def _stream(jobs: Iterable[_Job], graph: nx.MultiDiGraph, names: NameIndex, options: ExtractOptions | None,
            workers: int, meter: Progress, progress: Callable[[Progress], None] | None
            ) -> Iterator[tuple[_Job, Batch | None]]:
    """Every job with its batch (None for an input that is not news), in order. spaCy is started
    only if some input is news; articles are counted into ``meter`` as they are read."""
    jobs = iter(jobs)
    ahead: list[_Job] = []
    for job in jobs:                                    # tables, errors and unchanged files before any news
        if job.articles is not None:
            ahead.append(job)
            break
        yield job, None
    if not ahead:
        return
    from .news import ExtractOptions, Job, extract_stream

    def on_article(stream_job: Any, index: int) -> None:
        articles = stream_job.articles
        meter.articles += 1
        meter.words += len(articles[index].text.split())
        meter.partial = _size(stream_job.key.path) * (index + 1) // len(articles)
        if progress:
            progress(meter)

    stream_jobs = (Job(job, job.articles) for job in itertools.chain(ahead, jobs))
    for stream_job, batch in extract_stream(stream_jobs, graph, names, options or ExtractOptions(),
                                            workers, on_article):
        job = stream_job.key
        if stream_job.error is not None and job.error is None:
            job.error = stream_job.error
        yield job, batch if job.articles is not None else None


def _is_news(loader: Loader) -> bool:
    return getattr(getattr(loader, "func", None), "__name__", "") == "load_news"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _remember(stored: NameIndex, heard: NameIndex, batch: Batch, graph: nx.MultiDiGraph) -> None:
    """Index what a loaded batch stored, as the graph now types it, and the names it only mentioned
    (unless the graph's types say otherwise)."""
    for entity in batch.entities:
        stored.add(entity, graph.nodes[entity.id]["type"])
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
