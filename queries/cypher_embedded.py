"""Cypher over the embedded graph, with no server: the graph is loaded into kglite and queried there.

kglite (MIT) runs Neo4j-style Cypher in memory: MATCH/OPTIONAL MATCH, WHERE, WITH, UNWIND,
ORDER BY/SKIP/LIMIT, aggregation, variable-length and shortest paths, parameters, several labels
per node. The graph is loaded with the very statements that push it to a Bolt server
(:mod:`endorsegraph.graph.server_model`), so Cypher sees the same nodes, labels, relationships
and properties on both. Results are rows of plain values, shaped like the
Neo4j driver's ``Record.data()``: a node is its property map, a relationship is
``(start node, type, end node)``, a path alternates nodes and relationship types.
The embedded graph is read-only here; change it with ``endorsegraph build``. A statement passes the
same check as on a server (:func:`..graph.read_only.checked`) before kglite sees it, so LOAD CSV,
which reads local files, runs only with ``allow_files``.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import kglite
import networkx as nx

from ..graph import server_model
from ..graph.errors import EndorsegraphError
from ..graph.read_only import WriteRefused, checked

ENGINE_KEYS = ("title",)   # what kglite adds to every node's properties; the server has no such key


def run_cypher(graph: nx.MultiDiGraph, query: str, params: dict | None = None,
               allow_files: bool = False) -> list[dict]:
    """Run read-only Cypher ``query`` with ``params`` over ``graph``; rows as dicts of plain values."""
    statement = read_only_statement(query, params, allow_files)
    return answer(load(graph), statement, params)


def read_only_statement(query: str, params: dict | None = None, allow_files: bool = False) -> str:
    """``query`` as it may run on the embedded graph; EndorsegraphError if it writes (or reads files
    without ``allow_files``)."""
    try:
        return checked(query, params or {}, allow_files=allow_files)
    except WriteRefused as refused:
        raise EndorsegraphError(f"cypher: the embedded graph is read-only (change it with `endorsegraph build`): "
                                f"{refused.reason}") from None


def answer(engine: kglite.KnowledgeGraph, statement: str, params: dict | None = None) -> list[dict]:
    """The rows of a :func:`read_only_statement` on a graph made by :func:`load`, as plain values."""
    params = params or {}
    try:
        result = engine.cypher(statement, params=params).to_list()
    except kglite.ReadOnlyError:
        raise EndorsegraphError("cypher: the embedded graph is read-only (change it with "
                                "`endorsegraph build`); CREATE, SET, DELETE, REMOVE and MERGE are refused") from None
    except kglite.KgError as err:
        raise EndorsegraphError(f"cypher: {_first_line(err)}") from None
    nodes = _Nodes(engine)
    return [{key: nodes.plain(value) for key, value in row.items()} for row in result]


def load(graph: nx.MultiDiGraph) -> kglite.KnowledgeGraph:
    """A read-only kglite graph holding ``graph`` as the server does (the same push statements)."""
    engine = kglite.KnowledgeGraph()
    for label in server_model.key_labels():
        engine.cypher(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
    for statement, rows in (*server_model.node_statements(graph), *server_model.relation_statements(graph)):
        engine.cypher(statement, params={"rows": rows})
    engine.read_only(True)
    return engine


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


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
