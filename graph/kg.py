"""Plain functions over a ``networkx.MultiDiGraph`` that hold the endorsement graph.

Nodes are keyed by entity id and carry ``name``, ``type``, schema properties and ``mentions``
(``{article: {surface form: count}}``). Edges are keyed by relation type and carry ``type``,
``claims`` (a list of claim dicts) and the relation's properties as resolved from its claims.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import networkx as nx

from . import schema
from .errors import SchemaError
from .model import Batch, Claim, Entity, Relation

NODE_FIELDS = ("name", "type", "mentions")
EDGE_FIELDS = ("type", "claims")


def new_graph() -> nx.MultiDiGraph:
    return nx.MultiDiGraph()


def add_entity(graph: nx.MultiDiGraph, entity: Entity) -> str:
    """Merge ``entity`` into the graph and return its node id.

    Types narrow (a Person later named as a candidate becomes a Candidate); properties already
    set are kept; the surface forms seen in ``entity.article`` replace that article's earlier counts.
    """
    node_id = entity.id
    for name in (entity.name, *entity.aliases):
        schema.check_name(name)
    properties = schema.check_entity(entity.type, entity.properties)
    if node_id in graph:
        data = graph.nodes[node_id]
        if not graph.degree(node_id) and not schema.compatible(data["type"], entity.type):
            _retype(data, entity.type)                   # a reading no relation rests on yields to a new one
        data["type"] = schema.more_specific(data["type"], entity.type)
        schema.check_entity(data["type"], properties)
        for key, value in properties.items():
            data.setdefault(key, value)
    else:
        graph.add_node(node_id, name=entity.name, type=entity.type, mentions={}, **properties)
        data = graph.nodes[node_id]
    if entity.article:
        surfaces = entity.aliases or (entity.name,)
        data["mentions"][entity.article] = dict(sorted(Counter(surfaces).items()))
    return node_id


def _retype(data: dict[str, Any], entity_type: str) -> None:
    """Give a node another type, dropping the properties only its old type has."""
    for key in schema.entity_properties(data["type"]) - schema.entity_properties(entity_type):
        data.pop(key, None)
    data["type"] = entity_type


def add_relation(graph: nx.MultiDiGraph, relation: Relation) -> bool:
    """Add ``relation``'s claim to its edge, creating the edge if needed; True if the edge is new.

    The same claim (same article and span) replaces itself, so loading a source twice changes nothing.
    """
    for end in (relation.source, relation.target):
        if end not in graph:
            raise SchemaError(f"{relation.type} refers to unknown entity {end!r}")
    claim_properties = schema.check_relation(
        relation.type, graph.nodes[relation.source]["type"], graph.nodes[relation.target]["type"],
        relation.claim.properties)
    claim = Claim.from_dict({**relation.claim.to_dict(), "properties": claim_properties})
    is_new = not graph.has_edge(relation.source, relation.target, key=relation.type)
    if is_new:
        graph.add_edge(relation.source, relation.target, key=relation.type, type=relation.type, claims=[])
    data = graph.edges[relation.source, relation.target, relation.type]
    claims = {Claim.from_dict(c).key(): c for c in data["claims"]}
    claims[claim.key()] = claim.to_dict()
    data["claims"] = [claims[k] for k in sorted(claims)]
    _resolve_properties(data, relation.type)
    return is_new


def apply_batch(graph: nx.MultiDiGraph, batch: Batch) -> dict[str, int]:
    """Merge one input's entities and relations, all or nothing; returns counts of what is new.

    Only what the batch touches is saved and counted, so the cost does not grow with the graph.
    """
    node_ids = {e.id for e in batch.entities} | {end for r in batch.relations for end in (r.source, r.target)}
    edge_keys = {(r.source, r.target, r.type) for r in batch.relations}
    saved_nodes = {n: _node_snapshot(graph.nodes[n]) for n in node_ids if n in graph}
    saved_edges = {e: dict(graph.edges[e]) for e in edge_keys if graph.has_edge(*e)}
    try:
        for entity in batch.entities:
            add_entity(graph, entity)
        for relation in batch.relations:
            add_relation(graph, relation)
    except Exception:
        graph.remove_edges_from([e for e in edge_keys if e not in saved_edges and graph.has_edge(*e)])
        graph.remove_nodes_from([n for n in node_ids if n not in saved_nodes and n in graph])
        for key, data in saved_edges.items():
            graph.edges[key].clear()
            graph.edges[key].update(data)
        for node_id, data in saved_nodes.items():
            graph.nodes[node_id].clear()
            graph.nodes[node_id].update(data)
        raise
    claims_before = sum(len(data["claims"]) for data in saved_edges.values())
    return {"entities": len(node_ids) - len(saved_nodes),
            "relations": len(edge_keys) - len(saved_edges),
            "claims": sum(len(graph.edges[e]["claims"]) for e in edge_keys) - claims_before}


def _node_snapshot(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of a node's data deep enough to restore it: :func:`add_entity` replaces values and
    the ``mentions`` entries of a source, but changes nothing inside them."""
    return {**data, "mentions": dict(data.get("mentions", {}))}


def claim_count(graph: nx.MultiDiGraph) -> int:
    return sum(len(claims) for _, _, claims in graph.edges(data="claims"))


def aliases(graph: nx.MultiDiGraph, node_id: str) -> dict[str, int]:
    """Every surface form seen for a node other than its name, with how often it was seen."""
    data = graph.nodes[node_id]
    counts: Counter[str] = Counter()
    for forms in data.get("mentions", {}).values():
        counts.update(forms)
    counts.pop(data["name"], None)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def entities(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """Nodes as flat dicts: id, name, type, aliases and schema properties."""
    for node_id in sorted(graph):
        data = graph.nodes[node_id]
        properties = {k: v for k, v in data.items() if k not in NODE_FIELDS}
        yield {"id": node_id, "name": data["name"], "type": data["type"],
               "aliases": aliases(graph, node_id), **properties}


def relations(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """Edges as flat dicts: source, target, type, resolved properties and claims."""
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        yield {"source": source, "target": target, **data}


def _resolve_properties(edge: dict[str, Any], relation_type: str) -> None:
    """Set each schema property of an edge from its most recent, most confident claim."""
    ranked = sorted(edge["claims"], key=lambda c: (c.get("published") or "", c.get("confidence", 1.0)),
                    reverse=True)
    for key in schema.relation_properties(relation_type):
        values = [c["properties"][key] for c in ranked if key in c.get("properties", {})]
        if values:
            edge[key] = values[0]
        else:
            edge.pop(key, None)
