"""How the graph is laid out on a Bolt server, both ways: graph -> MERGE statements and rows -> graph.

Nodes carry the schema's labels (``:Person``, ``:Candidate:Person``, ``:Organization``) and the
properties ``id, name, type, aliases`` (names seen other than the canonical one, most frequent
first), ``kind, members, office`` where set, and ``mentions`` (JSON, for an exact pull).
Relationships have the schema's types and properties (dates as ISO strings) and their claims as
parallel lists in claim order, ``articles, sources, sentences, rules``, plus ``claims``: the full
claim list as JSON, for an exact pull. While a push writes, a ``:EndorsegraphPush`` node marks it.

Every name that reaches a statement is checked first: labels and types come from the schema, and
a node's or relation's property keys must be ones the schema declares for it (map keys go to
FalkorDB as Cypher text). A pull reads only what it rebuilds from, and a long ``mentions`` or
``claims`` text in pieces, since FalkorDB never sends a result record over ~64 KB.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import Any

import networkx as nx

from . import kg, schema
from .errors import EndorsegraphError, SchemaError

CLAIM_LISTS = {"articles": "article", "sources": "source", "sentences": "sentence", "rules": "rule"}
INTERNAL_NODE_PROPERTIES = ("id", "aliases", "mentions")
INTERNAL_EDGE_PROPERTIES = ("claims", *CLAIM_LISTS)
ENTITY_FIELDS = ("id", "name", "type", "aliases")           # what kg.entities adds to a node's properties
RELATION_FIELDS = ("source", "target", "type", "claims")    # and kg.relations to an edge's
PUSH_MARKER = "EndorsegraphPush"


def _properties_but(variable: str, internal: tuple[str, ...]) -> str:
    names = ", ".join(f"'{name}'" for name in internal)
    return f"[key IN keys({variable}) WHERE NOT key IN [{names}] | [key, {variable}[key]]]"


def _text_or_size(expression: str, name: str) -> str:
    return (f"size({expression}) AS {name}_size, "
            f"CASE WHEN size({expression}) <= $inline THEN {expression} END AS {name}")


# $inline: the longest text a record may carry; a longer one comes back NULL and is read in pieces.
PULL_NODES = ("MATCH (n) WHERE n.id IS NOT NULL AND n.type IS NOT NULL "
              f"RETURN n.id AS id, {_properties_but('n', INTERNAL_NODE_PROPERTIES)} AS properties, "
              + _text_or_size("n.mentions", "mentions"))
PULL_RELATIONS = ("MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL AND r.claims IS NOT NULL "
                  "RETURN a.id AS source, b.id AS target, type(r) AS type, "
                  f"{_properties_but('r', INTERNAL_EDGE_PROPERTIES)} AS properties, "
                  + _text_or_size("r.claims", "claims"))
COUNT_NODES = f"MATCH (n) WHERE NOT n:{PUSH_MARKER} RETURN count(n) AS count"
COUNT_RELATIONS = "MATCH ()-[r]->() RETURN count(r) AS count"
# What a push finds already there, to know how many nodes and relationships it should add.
PRESENT_NODES = "MATCH (n) WHERE n.id IS NOT NULL RETURN DISTINCT n.id AS id"
PRESENT_RELATIONS = ("MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL "
                     "RETURN DISTINCT a.id AS source, b.id AS target, type(r) AS type")
PUSH_MARKERS = f"MATCH (m:{PUSH_MARKER}) RETURN m.started AS started ORDER BY started LIMIT 1"
MARK_PUSH = f"CREATE (:{PUSH_MARKER} {{token: $token, started: $started}})"
# A push that completes also clears the marks of older pushes: it wrote the whole graph after them.
UNMARK_PUSH = f"MATCH (m:{PUSH_MARKER}) WHERE m.token = $token OR m.started < $started DELETE m"

Statement = tuple[str, list[dict[str, Any]]]
Group = tuple[str, str, list[dict[str, Any]]]   # a MERGE statement, its append statement, its rows
_CHECKS_KEPT = 100_000      # signatures of schema checks passed, remembered within one push
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def key_labels() -> list[str]:
    """The labels whose ``id`` identifies a node: each entity type's first label."""
    return sorted({schema.labels(t)[0] for t in schema.entity_types()})


def node_statements(graph: nx.MultiDiGraph) -> Iterator[Statement]:
    """One ``UNWIND $rows … MERGE`` statement per entity type, with its rows; every entity is
    checked against the schema before the first statement comes out."""
    for merge, _, rows in node_groups(graph):
        yield merge, rows


def relation_statements(graph: nx.MultiDiGraph) -> Iterator[Statement]:
    """One ``UNWIND $rows … MERGE`` statement per relation type and pair of endpoint labels, with its
    rows; every relation is checked against the schema before the first statement comes out."""
    for merge, _, rows in relation_groups(graph):
        yield merge, rows


def node_groups(graph: nx.MultiDiGraph) -> Iterator[Group]:
    """:func:`node_statements`, each with the statement that appends a piece of a row's property
    (``{name}`` for the property; ``$rows`` of ``{"id", "value"}``) when a row is cut (:func:`split`)."""
    for entity_type, type_rows in sorted(node_rows(graph).items()):
        key, *extra = (_identifier(label) for label in schema.labels(entity_type))
        also = f" SET n:{':'.join(extra)}" if extra else ""
        yield (f"UNWIND $rows AS row MERGE (n:{key} {{id: row.id}}) SET n = row.properties{also}",
               f"UNWIND $rows AS row MATCH (n:{key} {{id: row.id}}) SET n.{{name}} = n.{{name}} + row.value",
               type_rows)


def relation_groups(graph: nx.MultiDiGraph) -> Iterator[Group]:
    """:func:`relation_statements`, each with its append statement as in :func:`node_groups`."""
    for (relation_type, source_label, target_label), type_rows in sorted(relation_rows(graph).items()):
        ends = (f"UNWIND $rows AS row MATCH (a:{_identifier(source_label)} {{id: row.source}}) "
                f"MATCH (b:{_identifier(target_label)} {{id: row.target}}) ")
        relation = f"(a)-[r:{_identifier(relation_type)}]->(b)"
        yield (f"{ends}MERGE {relation} SET r = row.properties",
               f"{ends}MATCH {relation} SET r.{{name}} = r.{{name}} + row.value", type_rows)


def appending(append: str, name: str) -> str:
    """The append statement of a group (:func:`node_groups`) for the property ``name``."""
    return append.replace("{name}", _identifier(name))


def node_rows(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """The rows ``{"id", "properties"}`` that :func:`node_statements` writes, by entity type, each
    entity checked against the schema: ``properties`` are exactly the server node's."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    checked: set[Any] = set()
    for entity in kg.entities(graph):
        _check_once(checked, _check_entity, ENTITY_FIELDS, entity)
        properties = {key: value for key, value in entity.items() if value is not None}
        properties["aliases"] = list(entity["aliases"])
        properties["mentions"] = _compact_json(graph.nodes[entity["id"]]["mentions"])
        rows[entity["type"]].append({"id": entity["id"], "properties": properties})
    return rows


def relation_rows(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """The rows ``{"source", "target", "properties"}`` that :func:`relation_statements` writes, by
    (relation type, source key label, target key label), each relation checked against the schema."""
    rows: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    types = dict(graph.nodes(data="type"))
    key_labels = {kind: schema.labels(kind)[0] for kind in dict.fromkeys(types.values())}
    checked: set[Any] = set()
    for relation in _relations(graph):
        source, target, relation_type = relation["source"], relation["target"], relation["type"]
        source_type, target_type = types[source], types[target]
        _check_once(checked, _check_relation, RELATION_FIELDS, relation, source_type, target_type)
        properties = {key: value for key, value in relation.items() if key not in RELATION_FIELDS}
        claims = relation["claims"]
        for plural, field in CLAIM_LISTS.items():
            properties[plural] = [str(claim.get(field, "")) for claim in claims]
        properties["claims"] = _compact_json(claims)
        rows[(relation_type, key_labels[source_type], key_labels[target_type])].append(
            {"source": source, "target": target, "properties": properties})
    return rows


def _relations(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """:func:`.kg.relations`, the same dicts in the same order (by source, target, key), sorted a level
    at a time: a third of the time of sorting every edge's tuple."""
    for source, neighbours in sorted(graph.adjacency(), key=itemgetter(0)):
        for target in sorted(neighbours):
            edges = neighbours[target]
            for key in sorted(edges):
                yield {"source": source, "target": target, **edges[key]}


def graph_from_rows(nodes: list[dict[str, Any]], relations: list[dict[str, Any]]) -> nx.MultiDiGraph:
    """Rebuild the graph from :data:`PULL_NODES` and :data:`PULL_RELATIONS` rows (their texts whole),
    checked against the schema.

    A server graph may have been edited by hand, so a value the schema refuses is an error naming
    the node or relationship.
    """
    graph = kg.new_graph()
    for row in sorted(nodes, key=lambda r: r["id"]):
        where = f"server node {row['id']!r}"
        properties = dict(row["properties"])
        name, entity_type = properties.pop("name", None), properties.pop("type")
        if not isinstance(name, str) or not name:
            raise EndorsegraphError(f"{where} has no name")
        checked = _checked(where, schema.check_entity, entity_type, properties)
        mentions = _json(row["mentions"] if row["mentions"] is not None else "{}", f"{where} mentions")
        graph.add_node(row["id"], name=name, type=entity_type, **checked, mentions=mentions)
    for row in sorted(relations, key=lambda r: (r["source"], r["target"], r["type"])):
        if row["source"] not in graph or row["target"] not in graph:
            continue  # an edge to a node that is not endorsegraph's
        where = f"server relationship {row['source']} -{row['type']}-> {row['target']}"
        checked = _checked(where, schema.check_relation, row["type"], graph.nodes[row["source"]]["type"],
                           graph.nodes[row["target"]]["type"], dict(row["properties"]))
        claims = _json(row["claims"], f"{where} claims")
        graph.add_edge(row["source"], row["target"], key=row["type"], **checked, type=row["type"], claims=claims)
    return graph


def mentions_query(row: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The statement and parameters that read a piece of a :data:`PULL_NODES` row's ``mentions``
    (``$start`` and ``$length`` still to add)."""
    label = _key_label(f"server node {row['id']!r}", dict(row["properties"]).get("type"))
    return (f"MATCH (n:{label} {{id: $id}}) RETURN substring(n.mentions, $start, $length) AS piece",
            {"id": row["id"]})


def claims_query(row: dict[str, Any], types: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Like :func:`mentions_query`, for a :data:`PULL_RELATIONS` row's ``claims``; ``types`` maps
    node ids to entity types."""
    where = f"server relationship {row['source']!r} -{row['type']!r}-> {row['target']!r}"
    if row["type"] not in schema.relation_types():
        raise SchemaError(f"{where}: unknown relation type (known: {', '.join(schema.relation_types())})")
    source, target = (_key_label(where, types[end]) for end in (row["source"], row["target"]))
    return (f"MATCH (a:{source} {{id: $source}})-[r:{_identifier(row['type'])}]->(b:{target} {{id: $target}}) "
            "RETURN substring(r.claims, $start, $length) AS piece LIMIT 1",
            {"source": row["source"], "target": row["target"]})


def _key_label(where: str, entity_type: Any) -> str:
    try:
        return _identifier(schema.labels(entity_type)[0])
    except SchemaError as err:
        raise SchemaError(f"{where}: {err}") from None


def _check_once(checked: set[Any], check: Callable[..., None], fields: tuple[str, ...], item: dict[str, Any],
                *types: str) -> None:
    """``check(item, *types)`` unless an item of the same types and properties (all but ``fields``,
    values of the same Python types) passed it before in this push: the checks depend on nothing else,
    and a push repeats a few dates and statuses thousands of times."""
    try:
        signature = (*types, item["type"], *((key, type(value), value) for key, value in item.items()
                                             if key not in fields))
        known = signature in checked
    except TypeError:    # an unhashable value: checked every time
        signature, known = None, False
    if known:
        return
    check(item, *types)
    if signature is not None and len(checked) < _CHECKS_KEPT:
        checked.add(signature)


def _check_entity(entity: dict[str, Any]) -> None:
    """Refuse an entity (a :func:`kg.entities` dict) with a property the schema does not allow."""
    where = f"entity {entity['id']!r}"
    properties = {key: value for key, value in entity.items() if key not in ENTITY_FIELDS}
    _check_keys(where, properties)
    _checked(where, schema.check_entity, entity["type"], properties)


def _check_relation(relation: dict[str, Any], source_type: str, target_type: str) -> None:
    """Refuse a relation (a :func:`kg.relations` dict) with a property the schema does not allow."""
    where = f"relation {relation['source']!r} -{relation['type']!r}-> {relation['target']!r}"
    properties = {key: value for key, value in relation.items() if key not in RELATION_FIELDS}
    _check_keys(where, properties)
    _checked(where, schema.check_relation, relation["type"], source_type, target_type, properties)


def _check_keys(where: str, properties: dict[Any, Any]) -> None:
    """Refuse a key that is not a plain name (the schema's are), before anything prints it raw."""
    for key in properties:
        if not (isinstance(key, str) and _IDENTIFIER.fullmatch(key)):
            raise SchemaError(f"{where} has a property named {key!r}, which the schema does not declare")


def _checked(where: str, check: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    try:
        return check(*args)
    except SchemaError as err:
        raise SchemaError(f"{where}: {err}") from None


def split(row: dict[str, Any], max_bytes: int) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    """The row with its longest texts and lists emptied until its JSON fits in ``max_bytes``, and
    (property, piece) rows that append them back (:func:`appending`), each piece's JSON in that size."""
    if _size(row) <= max_bytes:
        return row, []
    identity = {key: value for key, value in row.items() if key != "properties"}
    properties = dict(row["properties"])
    room = max_bytes - _size({**identity, "value": ""})
    pieces = []
    for name in sorted((k for k, v in properties.items() if isinstance(v, (str, list))),
                       key=lambda k: -_size(properties[k])):
        if _size({**identity, "properties": properties}) <= max_bytes:
            break
        value, properties[name] = properties[name], properties[name][:0]
        pieces += [(name, {**identity, "value": piece}) for piece in _pieces(value, room)]
    return {**identity, "properties": properties}, pieces


def _pieces(value: str | list[Any], room: int) -> Iterator[str | list[Any]]:
    """Consecutive slices of ``value`` whose JSON fits in ``room`` bytes (a lone item may not)."""
    start = 0
    while start < len(value):
        end = start + 1
        if isinstance(value, str):
            end = start + max(1, room // 2)
            while end - start > 1 and _size(value[start:end]) > room:
                end = start + (end - start) // 2
        else:
            while end < len(value) and _size(value[start:end + 1]) <= room:
                end += 1
        yield value[start:end]
        start = end


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False).encode())


def _identifier(name: str) -> str:
    """A label or type name from the schema, checked before it goes into Cypher text."""
    if not _IDENTIFIER.fullmatch(name):
        raise EndorsegraphError(f"schema name {name!r} cannot be a Cypher label or type")
    return name


_compact_json = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def _json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, json.JSONDecodeError):
        raise EndorsegraphError(f"server {what} are not endorsegraph JSON; was it pushed by endorsegraph?") from None
