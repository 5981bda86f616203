"""Choosing the part of a graph to show: relation types, a date cut-off, one entity's
neighbourhood, and a cap on the number of entities.

:func:`select` returns a subgraph (a copy sharing the attribute values) plus notes that say what
was left out, so a page or a terminal can tell the reader the picture is partial.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from .. import schema
from ..errors import EndorsegraphError
from ..lookup import resolve

DEFAULT_MAX_NODES = 1500
CLUSTER_ABOVE = 300       # above this many entities, leaves start gathered in a cluster beside their hub
SMALLEST_CLUSTER = 3      # fewer leaves around one hub stay drawn one by one


@dataclass(frozen=True)
class View:
    """The entities and relations to draw, and why anything is missing."""

    graph: nx.MultiDiGraph                        # what to draw
    whole: nx.MultiDiGraph                        # the graph it was taken from
    focus: str | None = None                      # node id the view is centred on
    notes: list[str] = field(default_factory=list)
    clusters: dict[str, list[str]] = field(default_factory=dict)   # hub id -> leaves that start gathered


def parse_types(text: str) -> list[str]:
    """``"endorsed, LEADS"`` -> ``["ENDORSED", "LEADS"]``; unknown names raise EndorsegraphError."""
    wanted = [part.strip().upper() for part in text.split(",") if part.strip()]
    known = schema.relation_types()
    unknown = [name for name in wanted if name not in known]
    if unknown or not wanted:
        raise EndorsegraphError(f"unknown relation type {', '.join(unknown) or repr(text)} "
                                f"(known: {', '.join(known)})")
    return wanted


def select(graph: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 1,
           types: Iterable[str] | None = None, since: str | None = None,
           max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """The part of ``graph`` to show.

    Only entities with a relation are drawn. ``types`` keeps only those relation types and
    ``since`` (an ISO date) only relations dated on or after it. ``focus`` (a name, alias or id,
    resolved with "did you mean") keeps the entities within ``depth`` hops of it, in either
    direction. Above ``max_nodes`` entities, the most connected are kept, the focus always among them.
    """
    if depth < 1:
        raise EndorsegraphError(f"--depth must be at least 1, got {depth}")
    if max_nodes < 1:
        raise EndorsegraphError(f"--max-nodes must be at least 1, got {max_nodes}")
    if graph.number_of_nodes() == 0:
        raise EndorsegraphError("the graph is empty: nothing to draw")
    kept_types = set(types) if types is not None else None
    cutoff = schema.coerce(since, "date", "--since") if since is not None else None
    focus_id = resolve(graph, focus) if focus is not None else None
    notes: list[str] = []

    def keep_edge(source: str, target: str, key: str) -> bool:
        edge = graph.edges[source, target, key]
        return ((kept_types is None or edge["type"] in kept_types)
                and (cutoff is None or latest_date(edge) >= cutoff))

    shown = nx.subgraph_view(graph, filter_edge=keep_edge)
    touched = {end for edge in shown.edges() for end in edge} | ({focus_id} if focus_id else set())
    shown = shown.subgraph(touched)
    if focus_id is not None:
        shown = shown.subgraph(nx.single_source_shortest_path_length(shown.to_undirected(as_view=True),
                                                                     focus_id, cutoff=depth))
    else:
        isolated = sum(1 for node in graph if graph.degree(node) == 0)
        if isolated:
            notes.append(f"{isolated} {'entity' if isolated == 1 else 'entities'} without relations not drawn")
    if cutoff is not None:
        undated = sum(1 for *_, data in graph.edges(data=True)
                      if (kept_types is None or data["type"] in kept_types) and not latest_date(data))
        if undated:
            notes.append(f"{undated} undated relation(s) left out by --since {cutoff}")
    shown = shown.copy()
    if shown.number_of_nodes() == 0:
        raise EndorsegraphError("nothing to draw: no relations" + _matching(kept_types, cutoff))
    if shown.number_of_nodes() > max_nodes:
        total = shown.number_of_nodes()
        shown = shown.subgraph(most_connected(shown, max_nodes, always=focus_id)).copy()
        notes.append(f"showing the {max_nodes} most connected of {total} entities; "
                     "narrow the picture with --focus NAME (and --depth, --types, --since)")
    clusters = leaves_by_hub(shown, always=focus_id) if shown.number_of_nodes() > CLUSTER_ABOVE else {}
    if clusters:
        gathered = sum(map(len, clusters.values()))
        notes.append(f"{gathered} entities with a single relation start gathered in {len(clusters)} "
                     f"cluster{'' if len(clusters) == 1 else 's'} beside the entity they relate to; "
                     "click a cluster to open it")
    return View(graph=shown, whole=graph, focus=focus_id, notes=notes, clusters=clusters)


def leaves_by_hub(graph: nx.MultiDiGraph, always: str | None = None) -> dict[str, list[str]]:
    """Entities with one neighbour (``always`` excepted), by that neighbour, for hubs with at least
    ``SMALLEST_CLUSTER`` of them; ids sorted."""
    undirected = graph.to_undirected(as_view=True)
    by_hub: dict[str, list[str]] = {}
    for node in sorted(graph):
        neighbours = set(undirected[node])
        if node != always and len(neighbours) == 1:
            by_hub.setdefault(neighbours.pop(), []).append(node)
    return {hub: leaves for hub, leaves in sorted(by_hub.items()) if len(leaves) >= SMALLEST_CLUSTER}


def most_connected(graph: nx.MultiDiGraph, limit: int, always: str | None = None) -> list[str]:
    """The ``limit`` node ids of highest degree (ties by id), ``always`` included if given."""
    ranked = sorted(graph, key=lambda node: (node != always, -graph.degree(node), node))
    return ranked[:limit]


def latest_date(edge: dict[str, Any]) -> str:
    """The latest date a relation carries (its ``date``, a claim's date or publication), or ""."""
    dates = [edge.get("date") or ""]
    for claim in edge.get("claims", []):
        dates += [claim.get("published") or "", claim.get("properties", {}).get("date") or ""]
    return max(dates)


def _matching(types: set[str] | None, cutoff: str | None) -> str:
    """`` match --types A,B and --since DATE`` for the filters in use, else ""."""
    words = []
    if types is not None:
        words.append("--types " + ",".join(sorted(types)))
    if cutoff is not None:
        words.append(f"--since {cutoff}")
    return " match " + " and ".join(words) if words else ""
