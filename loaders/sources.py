"""Incremental rebuilds: each input file's content hash is kept in the graph with what it added.

The graph's ``inputs`` attribute maps a file's absolute path to ``{"sha256", "articles", "sources"}``:
the hash of its bytes, the article ids its entities and claims carry, and its claims' sources. A
rebuild skips a file whose hash is unchanged, drops the claims of a changed file before its new
batch goes in, and ``--prune`` drops the claims of files that no longer exist.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph import kg
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
    """The graph's record of loaded files (created empty when missing)."""
    return graph.graph.setdefault(INPUTS, {})


def is_unchanged(graph: nx.MultiDiGraph, path: Path, sha256: str | None) -> bool:
    """True when ``path`` was loaded before with exactly these bytes."""
    return sha256 is not None and recorded(graph).get(key(path), {}).get("sha256") == sha256


def remember(graph: nx.MultiDiGraph, path: Path, sha256: str | None, batch: Batch) -> None:
    """Record that ``path`` (with hash ``sha256``) was loaded as ``batch``."""
    if sha256 is None:
        return
    articles = {e.article for e in batch.entities if e.article} | {r.claim.article for r in batch.relations}
    recorded(graph)[key(path)] = {"sha256": sha256, "articles": sorted(articles),
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
