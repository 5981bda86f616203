"""Cypher over the embedded graph, with no server: the graph is loaded into kglite and queried there.

kglite (MIT) runs Neo4j-style Cypher in memory: MATCH/OPTIONAL MATCH, WHERE, WITH, UNWIND,
ORDER BY/SKIP/LIMIT, aggregation, variable-length and shortest paths, parameters, several labels
per node. The graph is shown to Cypher exactly as the Bolt server holds it: nodes labelled
``:Person``, ``:Candidate:Person`` or ``:Organization`` with ``id``, ``name``, ``type``, ``aliases``
and ``kind``/``members``/``office`` where set; relationships of the schema's types with their
resolved properties and the claim lists ``articles``, ``sources``, ``sentences``, ``rules`` and
``claims`` (the full claim list as JSON text). Results are rows of plain values, shaped like the
Neo4j driver's ``Record.data()``: a node is its property map, a relationship is
``(start node, type, end node)``, a path alternates nodes and relationship types.
The embedded graph is read-only here; change it with ``endorsegraph build``.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import kglite
import networkx as nx

from ..graph import kg, schema
from ..graph.errors import EndorsegraphError

CLAIM_LISTS = {"articles": "article", "sources": "source", "sentences": "sentence", "rules": "rule"}
ENGINE_KEYS = ("title",)   # what kglite adds to every node's properties; the server has no such key


def run_cypher(graph: nx.MultiDiGraph, query: str, params: dict | None = None) -> list[dict]:
    """Run read-only Cypher ``query`` with ``params`` over ``graph``; rows as dicts of plain values."""
    engine = load(graph)
    try:
        result = engine.cypher(query, params=params or {}).to_list()
    except kglite.ReadOnlyError:
        raise EndorsegraphError("cypher: the embedded graph is read-only (change it with "
                                "`endorsegraph build`); CREATE, SET, DELETE, REMOVE and MERGE are refused") from None
    except kglite.KgError as err:
        raise EndorsegraphError(f"cypher: {_first_line(err)}") from None
    nodes = _Nodes(engine)
    return [{key: nodes.plain(value) for key, value in row.items()} for row in result]


def load(graph: nx.MultiDiGraph) -> kglite.KnowledgeGraph:
    """A read-only kglite graph holding ``graph`` in the server's data model."""
    engine = kglite.KnowledgeGraph()
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node_id, data in graph.nodes(data=True):
        by_type[data["type"]].append(node_properties(graph, node_id))
    for entity_type, rows in by_type.items():
        labels = ":".join(schema.labels(entity_type))     # labels come from the schema, never from input
        engine.cypher(f"UNWIND $rows AS row CREATE (n:{labels}) SET n += row", params={"rows": rows})
    for label in _primary_labels():
        engine.cypher(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for source, target, key, data in graph.edges(keys=True, data=True):
        ends = (_primary_label(graph.nodes[source]["type"]), key, _primary_label(graph.nodes[target]["type"]))
        edges[ends].append({"source": source, "target": target, "properties": relation_properties(data)})
    for (source_label, relation_type, target_label), rows in edges.items():
        engine.cypher(f"UNWIND $rows AS row MATCH (a:{source_label} {{id: row.source}}), "
                      f"(b:{target_label} {{id: row.target}}) CREATE (a)-[r:{relation_type}]->(b) "
                      "SET r += row.properties", params={"rows": rows})
    engine.read_only(True)
    return engine


def node_properties(graph: nx.MultiDiGraph, node_id: str) -> dict[str, Any]:
    """A node as the server stores it: id, name, type, aliases and schema properties."""
    data = graph.nodes[node_id]
    properties = {k: v for k, v in data.items() if k not in kg.NODE_FIELDS}
    return {"id": node_id, "name": data["name"], "type": data["type"],
            "aliases": list(kg.aliases(graph, node_id)), **properties}


def relation_properties(edge: dict[str, Any]) -> dict[str, Any]:
    """A relationship as the server stores it: resolved properties, claim lists, claims as JSON."""
    claims = edge["claims"]
    lists = {name: [claim.get(field, "") for claim in claims] for name, field in CLAIM_LISTS.items()}
    resolved = {k: v for k, v in edge.items() if k not in kg.EDGE_FIELDS}
    return {**resolved, **lists, "claims": json.dumps(claims, ensure_ascii=False, sort_keys=True)}


class _Nodes:
    """Turns kglite's node, relationship and path values into plain values, looking nodes up lazily."""

    def __init__(self, engine: kglite.KnowledgeGraph):
        self.engine = engine
        self.by_internal_id: dict[int, dict[str, Any]] | None = None

    def plain(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.plain(item) for item in value]
        if not isinstance(value, dict):
            return value
        if value.keys() == {"id", "labels", "properties"}:
            return _node(value)
        if value.keys() == {"id", "start", "end", "type", "properties"}:
            return (self.node(value["start"]), value["type"], self.node(value["end"]))
        if value.keys() == {"nodes", "relationships"}:
            return list(self._path(value))
        return {key: self.plain(item) for key, item in value.items()}

    def node(self, internal_id: int) -> dict[str, Any]:
        if self.by_internal_id is None:
            self.by_internal_id = {int(row["key"]): _node(row["n"])
                                   for row in self.engine.cypher("MATCH (n) RETURN elementId(n) AS key, n").to_list()}
        return self.by_internal_id[internal_id]

    def _path(self, path: dict[str, Any]) -> Iterator[Any]:
        yield _node(path["nodes"][0])
        for relationship, node in zip(path["relationships"], path["nodes"][1:]):
            yield relationship["type"]
            yield _node(node)


def _node(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value["properties"].items() if k not in ENGINE_KEYS}


def _primary_labels() -> list[str]:
    return sorted({_primary_label(t) for t in schema.entity_types()})


def _primary_label(entity_type: str) -> str:
    """The label every entity of this type carries whatever its subtype (Person for a Candidate)."""
    return schema.labels(entity_type)[0]


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
