"""How the graph is laid out on a Bolt server, both ways: graph -> MERGE statements and rows -> graph.

Nodes carry the schema's labels (``:Person``, ``:Candidate:Person``, ``:Organization``) and the
properties ``id, name, type, aliases`` (names seen other than the canonical one, most frequent
first), ``kind, members, office`` where set, and ``mentions`` (JSON, for an exact pull).
Relationships have the schema's types and properties (dates as ISO strings) and their claims as
parallel lists in claim order, ``articles, sources, sentences, rules``, plus ``claims``: the full
claim list as JSON, for an exact pull.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import networkx as nx

from . import kg, schema
from .errors import EndorsegraphError

CLAIM_LISTS = {"articles": "article", "sources": "source", "sentences": "sentence", "rules": "rule"}
INTERNAL_NODE_PROPERTIES = ("id", "aliases", "mentions")
INTERNAL_EDGE_PROPERTIES = ("claims", *CLAIM_LISTS)

PULL_NODES = ("MATCH (n) WHERE n.id IS NOT NULL AND n.type IS NOT NULL "
              "RETURN n.id AS id, properties(n) AS properties")
PULL_RELATIONS = ("MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL AND r.claims IS NOT NULL "
                  "RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS properties")
COUNT_NODES = "MATCH (n) RETURN count(n) AS count"
COUNT_RELATIONS = "MATCH ()-[r]->() RETURN count(r) AS count"

Statement = tuple[str, list[dict[str, Any]]]
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def key_labels() -> list[str]:
    """The labels whose ``id`` identifies a node: each entity type's first label."""
    return sorted({schema.labels(t)[0] for t in schema.entity_types()})


def node_statements(graph: nx.MultiDiGraph) -> Iterator[Statement]:
    """One ``UNWIND $rows … MERGE`` statement per entity type, with its rows."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity in kg.entities(graph):
        properties = {key: value for key, value in entity.items() if value is not None}
        properties["aliases"] = list(entity["aliases"])
        properties["mentions"] = _compact_json(graph.nodes[entity["id"]]["mentions"])
        rows[entity["type"]].append({"id": entity["id"], "properties": properties})
    for entity_type, type_rows in sorted(rows.items()):
        key, *extra = (_identifier(label) for label in schema.labels(entity_type))
        also = f" SET n:{':'.join(extra)}" if extra else ""
        yield f"UNWIND $rows AS row MERGE (n:{key} {{id: row.id}}) SET n = row.properties{also}", type_rows


def relation_statements(graph: nx.MultiDiGraph) -> Iterator[Statement]:
    """One ``UNWIND $rows … MERGE`` statement per relation type and pair of endpoint labels."""
    rows: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    key_label = {node: schema.labels(kind)[0] for node, kind in graph.nodes(data="type")}
    for relation in kg.relations(graph):
        source, target, relation_type = relation["source"], relation["target"], relation["type"]
        properties = {key: value for key, value in relation.items()
                      if key not in ("source", "target", "type", "claims")}
        claims = relation["claims"]
        for plural, field in CLAIM_LISTS.items():
            properties[plural] = [str(claim.get(field, "")) for claim in claims]
        properties["claims"] = _compact_json(claims)
        rows[(relation_type, key_label[source], key_label[target])].append(
            {"source": source, "target": target, "properties": properties})
    for (relation_type, source_label, target_label), type_rows in sorted(rows.items()):
        yield (f"UNWIND $rows AS row MATCH (a:{_identifier(source_label)} {{id: row.source}}) "
               f"MATCH (b:{_identifier(target_label)} {{id: row.target}}) "
               f"MERGE (a)-[r:{_identifier(relation_type)}]->(b) SET r = row.properties"), type_rows


def graph_from_rows(nodes: list[dict[str, Any]], relations: list[dict[str, Any]]) -> nx.MultiDiGraph:
    """Rebuild the graph from :data:`PULL_NODES` and :data:`PULL_RELATIONS` rows."""
    graph = kg.new_graph()
    for row in sorted(nodes, key=lambda r: r["id"]):
        properties = dict(row["properties"])
        mentions = _json(properties.get("mentions", "{}"), f"node {row['id']!r} mentions")
        data = {k: v for k, v in properties.items() if k not in INTERNAL_NODE_PROPERTIES}
        graph.add_node(row["id"], **data, mentions=mentions)
    for row in sorted(relations, key=lambda r: (r["source"], r["target"], r["type"])):
        if row["source"] not in graph or row["target"] not in graph:
            continue  # an edge to a node that is not endorsegraph's
        properties = dict(row["properties"])
        claims = _json(properties["claims"], f"{row['type']} {row['source']} -> {row['target']} claims")
        data = {k: v for k, v in properties.items() if k not in INTERNAL_EDGE_PROPERTIES}
        graph.add_edge(row["source"], row["target"], key=row["type"], **data, type=row["type"], claims=claims)
    return graph


def _identifier(name: str) -> str:
    """A label or type name from the schema, checked before it goes into Cypher text."""
    if not _IDENTIFIER.fullmatch(name):
        raise EndorsegraphError(f"schema name {name!r} cannot be a Cypher label or type")
    return name


def _compact_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, json.JSONDecodeError):
        raise EndorsegraphError(f"server {what} are not endorsegraph JSON; was it pushed by endorsegraph?") from None
