"""Incremental rebuilds: each input file's content hash is kept with what it added.

While a build runs, the graph's ``inputs`` attribute maps a file's absolute path to ``{"sha256", "articles", "sources"}``:
the hash of its bytes, the article ids its entities and claims carry, and its claims' sources. A
rebuild skips a file whose hash is unchanged, drops the claims of a changed file before its new
batch goes in, and ``--prune`` drops the claims of files that no longer exist. Between builds the
record is kept beside the graph file, in ``G.inputs.json``, with the SHA-256 of the graph file it
belongs to (so the graph file itself, its exports and a server copy carry no build bookkeeping): a
record that does not match the graph file (a build killed between the two writes, a graph pulled
from a server) is ignored, and every file is read again, which changes nothing it already holds.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph import kg
from ..graph.embedded import write_atomic
from ..graph.model import Batch

INPUTS = "inputs"


def key(path: Path) -> str:
    """The name a file is kept under: its absolute path, so a rebuild from another folder finds it."""
    return str(path.resolve())


def digest(path: Path) -> str | None:
    """The SHA-256 of the file's bytes, or None if it cannot be read (its loader names the problem)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def recorded(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """The graph's record of loaded files (empty, and not added to the graph, when it has none)."""
    return graph.graph.get(INPUTS, {})


def is_unchanged(graph: nx.MultiDiGraph, path: Path, sha256: str | None) -> bool:
    """True when ``path`` was loaded before with exactly these bytes."""
    return sha256 is not None and recorded(graph).get(key(path), {}).get("sha256") == sha256


def remember(graph: nx.MultiDiGraph, path: Path, sha256: str | None, batch: Batch) -> None:
    """Record that ``path`` (with hash ``sha256``) was loaded as ``batch``."""
    if sha256 is None:
        return
    articles = {e.article for e in batch.entities if e.article} | {r.claim.article for r in batch.relations}
    graph.graph.setdefault(INPUTS, {})[key(path)] = {"sha256": sha256, "articles": sorted(articles),
                                  "sources": sorted({r.claim.source for r in batch.relations})}


def forget(graph: nx.MultiDiGraph, path_key: str, touched: set[str]) -> int:
    """Drop the claims and mention counts the file kept under ``path_key`` added; returns the claims
    dropped. Relations left without claims go; their ends and the nodes that lost mentions are added
    to ``touched`` for :func:`drop_orphans`."""
    entry = recorded(graph).pop(path_key, None)
    if entry is None:
        return 0
    articles, sources = set(entry["articles"]), set(entry["sources"])
    dropped = 0
    for source, target, edge_key, data in list(graph.edges(keys=True, data=True)):
        kept = [c for c in data["claims"] if not (c["article"] in articles and c["source"] in sources)]
        if len(kept) == len(data["claims"]):
            continue
        dropped += len(data["claims"]) - len(kept)
        touched.update((source, target))
        if kept:
            data["claims"] = kept
            kg._resolve_properties(data, data["type"])     # the edge's values come from the claims left
        else:
            graph.remove_edge(source, target, key=edge_key)
    for node_id, data in graph.nodes(data=True):
        if articles.intersection(data.get("mentions", {})):
            data["mentions"] = {a: forms for a, forms in data["mentions"].items() if a not in articles}
            touched.add(node_id)
    return dropped


def drop_orphans(graph: nx.MultiDiGraph, touched: set[str]) -> None:
    """Remove the ``touched`` nodes that no relation and no mention keeps any more."""
    graph.remove_nodes_from([n for n in touched if n in graph and graph.degree(n) == 0
                             and not graph.nodes[n].get("mentions")])


def missing(graph: nx.MultiDiGraph) -> list[str]:
    """The recorded files that no longer exist."""
    return [path_key for path_key in recorded(graph) if not Path(path_key).exists()]


def record_file(graph_file: Path) -> Path:
    """Where the record of ``graph_file``'s inputs is kept."""
    return graph_file.with_name(graph_file.name + ".inputs.json")


def read_record(graph_file: Path, graph_bytes: bytes) -> dict[str, dict[str, Any]]:
    """The inputs recorded for the graph file holding ``graph_bytes``; empty if none match it."""
    try:
        record = json.loads(record_file(graph_file).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict) or record.get("graph_sha256") != hashlib.sha256(graph_bytes).hexdigest():
        return {}
    inputs = record.get(INPUTS)
    return inputs if isinstance(inputs, dict) else {}


def write_record(graph_file: Path, graph_bytes: bytes, inputs: dict[str, dict[str, Any]]) -> None:
    """Keep ``inputs`` beside the graph file just written with ``graph_bytes`` (atomically)."""
    record = {"graph_sha256": hashlib.sha256(graph_bytes).hexdigest(), INPUTS: inputs}
    write_atomic(record_file(graph_file), json.dumps(record, sort_keys=True).encode("utf-8"))
