"""The default store: one node-link JSON file, written atomically and under a lock."""
from __future__ import annotations

import fcntl
import glob
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx

from . import schema
from .checks import check_document
from .collection import collector_paused
from .errors import GraphFileError
from .kg import new_graph

LOCK_TIMEOUT_S = 120          # how long to wait for a lock whose holder is not running on this machine
LOCK_POLL_S = 0.2
LEGACY_TEMP_AGE_S = 3600      # temporary files without a writer's pid are stale after this long
RECORD_LISTS = ("nodes", "links")   # written one record per line


class JsonFileStore:
    """A graph kept in ``path`` as networkx node-link JSON plus a ``schema_version``.

    A symlinked ``path`` is written through to its target. While another process holds the lock,
    ``on_wait`` hears which one it is (once per holder).
    """

    def __init__(self, path: str | os.PathLike[str], on_wait: Callable[[str], None] | None = None):
        self.path = Path(path)
        self.on_wait = on_wait

    @property
    def target(self) -> Path:
        """The file the graph is really in: ``path`` with every symlink resolved."""
        return Path(os.path.realpath(self.path))

    def load(self) -> nx.MultiDiGraph:
        if not self.path.exists():
            return new_graph()
        return graph_from_json(self.path.read_bytes(), str(self.path))

    def save(self, graph: nx.MultiDiGraph) -> None:
        write_atomic(self.path, graph_to_json(graph))

    @contextmanager
    def update(self) -> Iterator[nx.MultiDiGraph]:
        """Load, let the caller change, then save, holding the file's lock throughout.

        If the caller raises, nothing is written and the file stays as it was.
        """
        with self.lock():
            replacement_mode(self.target)
            graph = self.load()
            yield graph
            self.save(graph)

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold ``<graph>.lock`` (an flock: the kernel frees it when its holder dies), with our pid in it.

        While another process holds it we wait, as long as that process runs; a holder not
        running on this machine (another host or container) is waited for ``LOCK_TIMEOUT_S``.
        """
        path = Path(f"{self.target}.lock")
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            self._acquire(descriptor, path)
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
            try:
                yield
            finally:
                os.ftruncate(descriptor, 0)
        finally:
            os.close(descriptor)                           # closing releases the flock

    def _acquire(self, descriptor: int, path: Path) -> None:
        started, told = time.monotonic(), None
        while not _try_flock(descriptor):
            holder = lock_holder(path)
            if holder is not None and holder != told:
                told = holder
                if self.on_wait:
                    self.on_wait(f"{self.path} is being written by process {holder}; waiting for it to finish")
            if not (holder and is_running(holder)) and time.monotonic() - started > LOCK_TIMEOUT_S:
                who = f"process {holder}, which is not running on this machine" if holder else "an unknown process"
                raise GraphFileError(f"{path} is held by {who}; gave up after {LOCK_TIMEOUT_S}s "
                                     "(another host or container may be writing the graph)")
            time.sleep(LOCK_POLL_S)


def lock_holder(path: Path) -> int | None:
    """The pid written in a lock file, None if there is none (yet)."""
    try:
        text = path.read_text("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def is_running(pid: int) -> bool:
    """True if a process with this pid exists on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True                                        # someone else's process
    except (OverflowError, ValueError):
        return False
    return True


def graph_to_json(graph: nx.MultiDiGraph) -> bytes:
    """Deterministic bytes: nodes sorted by id, links by (source, target, type), keys sorted.

    Each node and each link is one line of compact JSON, so files still diff line by line; the
    standard library encodes compact JSON in C, while any ``indent`` makes it fall back to Python
    (five times slower: 10 s against 2 s for 100,000 relations). The garbage collector is paused
    meanwhile (:mod:`.collection`), as it is while a file is read.
    """
    with collector_paused():
        data = nx.node_link_data(graph, edges="links")
        data["nodes"].sort(key=lambda node: node["id"])
        data["links"].sort(key=lambda link: (link["source"], link["target"], link["key"]))
        document = {"schema_version": schema.version(), **data}
        members = []
        for key in sorted(document):
            value = document[key]
            if key in RECORD_LISTS and value:
                value_text = "[\n" + ",\n".join([_compact(item) for item in value]) + "\n]"
            else:
                value_text = _compact(value)
            members.append(f"{_compact(key)}:{value_text}")
        return ("{" + ",\n".join(members) + "}\n").encode("utf-8")


_compact = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def graph_from_json(raw: bytes, where: str) -> nx.MultiDiGraph:
    """The graph in ``raw``, every node and link checked against the schema; GraphFileError if not."""
    with collector_paused():
        return _graph_from_json(raw, where)


def _graph_from_json(raw: bytes, where: str) -> nx.MultiDiGraph:
    try:
        document: dict[str, Any] = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GraphFileError(f"{where}: not a graph file ({err})") from None
    except RecursionError:
        raise GraphFileError(f"{where}: not a graph file (JSON nested too deeply)") from None
    if not isinstance(document, dict) or "nodes" not in document:
        raise GraphFileError(f"{where}: not a graph file (no 'nodes')")
    found = document.pop("schema_version", None)
    if not isinstance(found, int):
        raise GraphFileError(f"{where}: not an endorsegraph file (no schema_version)")
    if found > schema.version():
        raise GraphFileError(f"{where}: written by a newer endorsegraph (schema version {found}, "
                             f"this one reads up to {schema.version()}); upgrade endorsegraph")
    check_document(document, where)
    return nx.node_link_graph(document, directed=True, multigraph=True, edges="links")


def write_atomic(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that readers see the old file or the new one, never a mix.

    A symlink is written through to its target; an existing file keeps its mode, and a read-only
    one is refused. Temporary files that killed writers left behind are removed first.
    """
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = replacement_mode(target)
    remove_stale_temporaries(target)
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.",
                                             suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def replacement_mode(target: Path) -> int:
    """The mode a new version of ``target`` gets: the file's own, or the umask's for a new file.

    GraphFileError if the file is read-only: replacing it would quietly make it writable.
    """
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return 0o666 & ~_umask()                               # mkstemp makes 0600; honour the umask
    mode = stat.S_IMODE(status.st_mode)
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise GraphFileError(f"{target}: the file is read-only (mode {mode:o}); "
                             "make it writable (chmod u+w) to change it")
    return mode


def remove_stale_temporaries(target: Path) -> None:
    """Delete ``.<name>.<pid>.*.tmp`` files whose writer is gone (killed while saving)."""
    prefix = f".{target.name}."
    for temp in target.parent.glob(glob.escape(prefix) + "*.tmp"):
        writer, dot, _ = temp.name[len(prefix):].partition(".")
        try:
            stale = (not is_running(int(writer)) if dot and writer.isdigit()
                     else time.time() - temp.stat().st_mtime > LEGACY_TEMP_AGE_S)
            if stale:
                temp.unlink()
        except OSError:
            continue                                           # gone already, or not ours to remove


def _try_flock(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
