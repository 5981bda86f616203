"""The default store: one node-link JSON file, written atomically and under a lock."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx
from filelock import FileLock, Timeout

from . import schema
from .errors import GraphFileError
from .kg import new_graph

LOCK_TIMEOUT_S = 120


class JsonFileStore:
    """A graph kept in ``path`` as networkx node-link JSON plus a ``schema_version``."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)

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
            graph = self.load()
            yield graph
            self.save(graph)

    @contextmanager
    def lock(self) -> Iterator[None]:
        lock = FileLock(str(self.path) + ".lock")
        try:
            lock.acquire(timeout=LOCK_TIMEOUT_S)
        except Timeout:
            raise GraphFileError(f"{self.path}: another process has held the lock for "
                                 f"{LOCK_TIMEOUT_S}s; try again later") from None
        try:
            yield
        finally:
            lock.release()


def graph_to_json(graph: nx.MultiDiGraph) -> bytes:
    """Deterministic bytes: nodes sorted by id, links by (source, target, type), keys sorted."""
    data = nx.node_link_data(graph, edges="links")
    data["nodes"].sort(key=lambda node: node["id"])
    data["links"].sort(key=lambda link: (link["source"], link["target"], link["key"]))
    document = {"schema_version": schema.version(), **data}
    return (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def graph_from_json(raw: bytes, where: str) -> nx.MultiDiGraph:
    try:
        document: dict[str, Any] = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GraphFileError(f"{where}: not a graph file ({err})") from None
    if not isinstance(document, dict) or "nodes" not in document:
        raise GraphFileError(f"{where}: not a graph file (no 'nodes')")
    found = document.pop("schema_version", None)
    if not isinstance(found, int):
        raise GraphFileError(f"{where}: not an endorsegraph file (no schema_version)")
    if found > schema.version():
        raise GraphFileError(f"{where}: written by a newer endorsegraph (schema version {found}, "
                             f"this one reads up to {schema.version()}); upgrade endorsegraph")
    try:
        return nx.node_link_graph(document, directed=True, multigraph=True, edges="links")
    except (KeyError, TypeError, nx.NetworkXError) as err:
        raise GraphFileError(f"{where}: damaged graph file ({err})") from None


def write_atomic(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that readers see the old file or the new one, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            os.fchmod(handle.fileno(), 0o666 & ~_umask())      # mkstemp makes 0600; honour the umask
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
