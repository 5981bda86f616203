"""Writing a graph for other tools: node-link JSON, GraphML, GEXF and CSV.

Each format is what its usual reader takes without options: ``networkx.node_link_graph`` (any
networkx 3.4 to 3.x: the relations are under both ``links`` and ``edges``), ``networkx.read_graphml``
and python-igraph's ``Graph.Read_GraphML``, ``networkx.read_gexf`` and Gephi (names as labels, the
relation type as the ``relation`` attribute and the edge label), and ``pandas.read_csv``; and the
node and relationship files of ``neo4j-admin database import`` (:mod:`.neo4j_admin`).
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from . import kg, neo4j_admin, schema, tables
from .embedded import write_atomic
from .errors import EndorsegraphError

SUFFIXES = {".json": "json", ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}
DEFAULT_FORMAT = "json"
STDOUT = Path("-")
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
    """Node-link JSON with the relations under ``links`` (networkx < 3.6 reads it) and ``edges`` (3.6 on)."""
    data = nx.node_link_data(public_graph(graph), edges="links")
    data["edges"] = data["links"]
    return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML: node and edge attributes as the JSON has them (lists and claims as JSON text)."""
    return _xml(_flat_graph(graph), nx.write_graphml)


def to_gexf(graph: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 (networkx's 1.2draft namespace): names as node labels, the relation type as edge label
    and ``relation`` attribute.

    GEXF reserves an edge's ``type`` for directed/undirected/mutual, so the relation type must not go there.
    """
    flat = _flat_graph(graph)
    for _, data in flat.nodes(data=True):
        data["label"] = data["name"]
    for _, _, data in flat.edges(data=True):
        data["relation"] = data["label"] = data.pop("type")
    return _xml(flat, _write_gexf)


def _write_gexf(flat: nx.MultiDiGraph, buffer: io.BytesIO) -> None:
    """networkx's GEXF writer without the ``name`` it puts on ``<graph>``, which the GEXF 1.2 schema
    does not allow (validated with lxml against the published XSD: the one violation it found)."""
    writer = nx.readwrite.gexf.GEXFWriter()
    writer.add_graph(flat)
    writer.xml.find("graph").attrib.pop("name", None)
    writer.write(buffer)


def to_csv(graph: nx.MultiDiGraph) -> bytes:
    """One row per claim (:func:`.tables.claim_rows`): the relation, its resolved properties, and the
    claim's evidence; what the claim says as JSON text.

    Text that a spreadsheet would run as a formula starts with ``'`` (as in both CSV exports).
    """
    return _csv(tables.claim_columns(), tables.claim_rows(graph))


def entities_csv(graph: nx.MultiDiGraph) -> bytes:
    """One row per entity: id, name, type, its schema properties, and its aliases joined by ``; ``."""
    return _csv(list(tables.ENTITY_COLUMNS), ({**row, "aliases": "; ".join(row["aliases"])}
                                              for row in tables.entity_rows(graph)))


FORMATS: dict[str, Callable[[nx.MultiDiGraph], bytes]] = {
    "json": to_json, "graphml": to_graphml, "gexf": to_gexf, "csv": to_csv}
NEO4J_ADMIN = "neo4j-admin"   # a folder of CSV files for neo4j-admin database import (see .neo4j_admin)


def format_for(output: Path, fmt: str | None) -> str:
    """The export format: ``fmt`` when given, else the one ``output``'s suffix names, else JSON."""
    if fmt is None:
        return SUFFIXES.get(output.suffix.lower(), DEFAULT_FORMAT)
    if fmt not in (*FORMATS, NEO4J_ADMIN):
        raise EndorsegraphError(f"unknown format {fmt!r} (choose from {', '.join([*FORMATS, NEO4J_ADMIN])})")
    return fmt


def outputs(fmt: str, output: Path) -> list[Path]:
    """The files an export in ``fmt`` to ``output`` writes: ``output``, and for csv ``<stem>.entities.csv``
    (neo4j-admin: the files in the folder ``output``).

    Standard output (``-``) is no file: an export there writes only the main table or document.
    """
    if output == STDOUT:
        if fmt == NEO4J_ADMIN:
            raise EndorsegraphError("--format neo4j-admin writes a folder of CSV files: give --output FOLDER, not -")
        return []
    if fmt == NEO4J_ADMIN:
        return neo4j_admin.outputs(output)
    return [output, output.with_name(output.stem + ".entities.csv")] if fmt == "csv" else [output]


def export(graph: nx.MultiDiGraph, fmt: str, output: Path) -> list[Path]:
    """Write ``graph`` in ``fmt`` to ``output`` (csv also writes ``<stem>.entities.csv``; neo4j-admin writes
    ``nodes.csv`` and ``relationships.csv`` into the folder ``output``); the files written.

    ``output`` ``-`` is standard output, which gets the JSON, GraphML or GEXF document or the claims CSV.
    """
    if fmt == NEO4J_ADMIN:
        return neo4j_admin.write(graph, output)
    if output == STDOUT:
        _write_stdout(FORMATS[fmt](graph))
        return []
    written = outputs(fmt, output)
    write_atomic(written[0], FORMATS[fmt](graph))
    if fmt == "csv":
        write_atomic(written[1], entities_csv(graph))
    return written


def _write_stdout(data: bytes) -> None:
    """All of ``data`` to standard output (unbuffered, as under PYTHONUNBUFFERED, one write may take part)."""
    out, view = sys.stdout.buffer, memoryview(data)
    while view:
        view = view[out.write(view):]
    out.flush()


def _flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The public graph with scalar attributes only (lists and claims as JSON text) and edge keys
    ``e0``, ``e1``, ... (GraphML and GEXF edge ids, which must be unique)."""
    flat = nx.MultiDiGraph()
    public = public_graph(graph)
    flat.add_nodes_from((n, _flatten(d)) for n, d in public.nodes(data=True))
    flat.add_edges_from((s, t, f"e{i}", _flatten(d)) for i, (s, t, d) in enumerate(public.edges(data=True)))
    return flat


def _xml(flat: nx.MultiDiGraph, writer: Callable[..., None]) -> bytes:
    buffer = io.BytesIO()
    writer(flat, buffer)
    return buffer.getvalue()


def _flatten(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, (str, int, float, bool)) else json.dumps(v, ensure_ascii=False, sort_keys=True)
            for k, v in data.items() if v is not None}


def _csv(columns: list[str], rows: Iterable[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(row[column]) for column in columns] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    """A CSV cell: empty for None, ``true``/``false``, numbers as written, text safe to open in a spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return str(value)
