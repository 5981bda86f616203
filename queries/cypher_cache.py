"""Embedded Cypher without the rebuild: the kglite graph of each graph file, kept in a cache folder.

Loading a graph file into kglite (:func:`.cypher_embedded.load`) takes longer than reading the file;
a saved kglite graph loads in a small fraction of that. An entry is named by the graph file's path
and by a digest of its bytes and of the code that decides what kglite holds (kglite's version, the
schema, the server data model, the loader), so a changed file, or a new version of any of these,
never meets an old entry: it is built again, and the entry it replaces is removed. The folder is
``$ENDORSEGRAPH_CACHE``, else ``$XDG_CACHE_HOME/endorsegraph/kglite``, else
``~/.cache/endorsegraph/kglite``; it holds at most ``MAX_ENTRIES`` graphs, the most recently used.
The cache only saves time: an entry that cannot be read is built again, and a folder that cannot be
written leaves every answer as it was.
"""
from __future__ import annotations

import hashlib
import os
import warnings
from functools import cache
from pathlib import Path

import kglite

from ..graph import schema, server_model
from ..graph.embedded import graph_from_json
from . import cypher_embedded

CACHE_ENV = "ENDORSEGRAPH_CACHE"
MAX_ENTRIES = 8
SUFFIX = ".kgl"


def run_cypher_file(path: str | os.PathLike[str], query: str, params: dict | None = None,
                    allow_files: bool = False) -> list[dict]:
    """Run read-only Cypher on the graph file at ``path``, through the cache; rows as plain values."""
    statement = cypher_embedded.read_only_statement(query, params, allow_files)
    return cypher_embedded.answer(engine_for(Path(path)), statement, params)


def engine_for(path: Path) -> kglite.KnowledgeGraph:
    """The read-only kglite graph of the graph file at ``path``: from the cache, or built and cached.

    GraphFileError if the file is not a graph file (it is checked when built, as every command checks it).
    """
    folder, owner = cache_folder(), file_tag(path)
    with path.open("rb") as handle:
        entry = folder / f"{owner}.{content_key(hashlib.file_digest(handle, 'sha256').digest())}{SUFFIX}"
    engine = _read(entry)
    if engine is None:
        raw = path.read_bytes()        # the entry is named after what it is built from, should the
        engine = cypher_embedded.load(graph_from_json(raw, str(path)))     # file change meanwhile
        _write(engine, folder / f"{owner}.{content_key(hashlib.sha256(raw).digest())}{SUFFIX}")
    engine.read_only(True)
    return engine


def cache_folder() -> Path:
    """Where cached kglite graphs are kept (see the module's docstring)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "endorsegraph" / "kglite"


def file_tag(path: Path) -> str:
    """A short name for the graph file (its resolved path), shared by every entry made from it."""
    return hashlib.sha256(os.fsencode(os.path.realpath(path))).hexdigest()[:16]


def content_key(file_sha256: bytes) -> str:
    """The key of one version of a graph file: the digest of its bytes and of the code that reads it."""
    return hashlib.sha256(file_sha256 + _code_digest()).hexdigest()[:32]


@cache
def _code_digest() -> bytes:
    """A digest of what decides the kglite graph of given bytes besides the bytes themselves."""
    digest = hashlib.sha256(kglite.__version__.encode())
    digest.update(schema.schema_file().read_bytes())
    for module in (server_model, cypher_embedded):
        digest.update(Path(module.__file__).read_bytes())
    return digest.digest()


def _read(entry: Path) -> kglite.KnowledgeGraph | None:
    """The cached graph in ``entry``, marked as just used; None if there is none or it is damaged."""
    if not entry.is_file():
        return None
    try:
        engine = kglite.load(str(entry))
        os.utime(entry)
    except (OSError, kglite.KgError):
        return None
    return engine


def _write(engine: kglite.KnowledgeGraph, entry: Path) -> None:
    """Save ``engine`` as ``entry`` (kglite writes a temporary file and renames it), then drop this
    file's older entries and the least recently used beyond ``MAX_ENTRIES``. A folder that cannot
    be written is no error."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", kglite.MappedFallbackWarning)    # about memory-mapping it
            engine.save(str(entry))
        _prune(entry)
    except (OSError, ValueError, kglite.KgError):
        pass                                   # no entry this time; the answer is the same


def _prune(kept: Path) -> None:
    owner = kept.name.split(".")[0]
    entries = [e for e in kept.parent.glob(f"*{SUFFIX}") if e != kept]
    stale = [e for e in entries if e.name.split(".")[0] == owner]
    others = sorted((e for e in entries if e not in stale), key=_last_used, reverse=True)
    for entry in stale + others[MAX_ENTRIES - 1:]:
        entry.unlink(missing_ok=True)


def _last_used(entry: Path) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0
