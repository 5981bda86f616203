"""Writing a graph for other tools: node-link JSON, GraphML, GEXF and CSV."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from . import kg, schema
from .embedded import write_atomic

CLAIM_COLUMNS = ("article", "source", "sentence", "start", "end", "line", "rule", "confidence", "published")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")   # a spreadsheet runs a cell starting so as a formula


def public_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph as users see it: aliases and labels on nodes, no internal mention counts."""
    public = nx.MultiDiGraph()
    for entity in kg.entities(graph):
        node_id, counts = entity.pop("id"), entity.pop("aliases")
        public.add_node(node_id, **entity, aliases=list(counts), alias_counts=counts,
                        labels=schema.labels(entity["type"]))
    for relation in kg.relations(graph):
        public.add_edge(relation.pop("source"), relation.pop("target"), key=relation["type"], **relation)
    return public


def to_json(graph: nx.MultiDiGraph) -> bytes:
    data = nx.node_link_data(public_graph(graph), edges="links")
    return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    return _xml(graph, nx.write_graphml)


def to_gexf(graph: nx.MultiDiGraph) -> bytes:
    return _xml(graph, nx.write_gexf)


def to_csv(graph: nx.MultiDiGraph) -> bytes:
    """One row per claim: the relation, its resolved properties, and the claim's evidence.

    Text that a spreadsheet would run as a formula starts with ``'`` (as in both CSV exports).
    """
    properties = sorted({p for t in schema.relation_types() for p in schema.relation_properties(t)})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["source", "source_name", "type", "target", "target_name", *properties, *CLAIM_COLUMNS])
    for relation in kg.relations(graph):
        ends = [_cell(relation["source"]), _cell(graph.nodes[relation["source"]]["name"]), relation["type"],
                _cell(relation["target"]), _cell(graph.nodes[relation["target"]]["name"])]
        values = [_cell(relation.get(p)) for p in properties]
        for claim in relation["claims"]:
            writer.writerow([*ends, *values, *(_cell(claim.get(c)) for c in CLAIM_COLUMNS)])
    return buffer.getvalue().encode("utf-8")


def entities_csv(graph: nx.MultiDiGraph) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "name", "type", "kind", "members", "aliases"])
    for e in kg.entities(graph):
        writer.writerow([_cell(e["id"]), _cell(e["name"]), e["type"], e.get("kind", ""), _cell(e.get("members")),
                         _cell("; ".join(e["aliases"]))])
    return buffer.getvalue().encode("utf-8")


FORMATS: dict[str, Callable[[nx.MultiDiGraph], bytes]] = {
    "json": to_json, "graphml": to_graphml, "gexf": to_gexf, "csv": to_csv}


def outputs(fmt: str, output: Path) -> list[Path]:
    """The files an export in ``fmt`` to ``output`` writes: ``output``, and for csv ``<stem>.entities.csv``."""
    return [output, output.with_name(output.stem + ".entities.csv")] if fmt == "csv" else [output]


def export(graph: nx.MultiDiGraph, fmt: str, output: Path) -> list[Path]:
    """Write ``graph`` in ``fmt`` to ``output`` (csv also writes ``<stem>.entities.csv``)."""
    written = outputs(fmt, output)
    write_atomic(written[0], FORMATS[fmt](graph))
    if fmt == "csv":
        write_atomic(written[1], entities_csv(graph))
    return written


def _xml(graph: nx.MultiDiGraph, writer: Callable[..., None]) -> bytes:
    """GraphML and GEXF take only scalar attributes: lists and claims travel as JSON text."""
    flat = nx.MultiDiGraph()
    public = public_graph(graph)
    flat.add_nodes_from((n, _flatten(d)) for n, d in public.nodes(data=True))
    flat.add_edges_from((s, t, k, _flatten(d)) for s, t, k, d in public.edges(keys=True, data=True))
    buffer = io.BytesIO()
    writer(flat, buffer)
    return buffer.getvalue()


def _flatten(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, (str, int, float, bool)) else json.dumps(v, ensure_ascii=False, sort_keys=True)
            for k, v in data.items() if v is not None}


def _cell(value: Any) -> str:
    """A CSV cell: empty for None, ``true``/``false``, numbers as written, text safe to open in a spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return str(value)
