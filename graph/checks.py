"""Checks on a graph file's contents before anything trusts them.

Every node and link is held to the schema and to the model (a name, a known type, claims with
their fields), so a damaged or hand-edited file is refused with one line naming the problem
instead of failing later, half-way through a command's output.
"""
from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from . import schema
from .errors import GraphFileError, SchemaError

NODE_FIELDS = {"id", "name", "type", "mentions"}
LINK_FIELDS = {"source", "target", "key", "type", "claims"}
CLAIM_FIELDS: dict[str, tuple[type, ...]] = {
    "article": (str,), "source": (str,), "rule": (str,), "sentence": (str,), "start": (int,), "end": (int,),
    "line": (int,), "title": (str,), "published": (str,), "confidence": (int, float), "properties": (dict,),
    "columns": (dict,), "id": (str,), "review": (dict,)}   # id, review: a reviewed graph's (graph/curation.py)
REQUIRED_CLAIM_FIELDS = {"article", "source", "rule"}


def check_document(document: dict[str, Any], where: str) -> None:
    """GraphFileError naming ``where`` and the first problem, unless the node-link ``document`` is sound."""
    try:
        _expect(isinstance(document.get("graph", {}), dict), "'graph' must be an object")
        types = _check_nodes(document["nodes"])
        _check_links(document.get("links"), types)
    except SchemaError as err:
        raise GraphFileError(f"{where}: damaged graph file: {err}") from None


def _check_nodes(nodes: Any) -> dict[str, str]:
    """Node id -> entity type, for every node, each one checked."""
    _expect(isinstance(nodes, list), "'nodes' must be a list")
    types: dict[str, str] = {}
    for index, node in enumerate(nodes):
        node_id = node.get("id") if isinstance(node, dict) else None
        if not isinstance(node_id, str) or node_id == "":
            raise SchemaError(f"node {index} has no id")
        if node_id in types:
            raise SchemaError(f"node {node_id!r} appears twice")
        try:
            _check_node(node)
        except SchemaError as err:
            raise SchemaError(f"node {node_id!r}: {err}") from None
        types[node_id] = node["type"]
    return types


def _check_node(node: dict[str, Any]) -> None:
    name, entity_type = node.get("name"), node.get("type")
    _expect(isinstance(name, str) and name.strip() != "", "has no name")
    schema.check_name(name)
    _expect(isinstance(entity_type, str), "has no type")
    properties = {key: value for key, value in node.items() if key not in NODE_FIELDS}
    _expect_canonical(properties, schema.check_entity(entity_type, properties))
    mentions = node.get("mentions", {})
    _expect(isinstance(mentions, dict), "'mentions' must be an object")
    for forms in mentions.values():
        _expect(isinstance(forms, dict) and all(isinstance(n, int) for n in forms.values()),
                "'mentions' must map each source to counts of names")
        for form in forms:
            schema.check_name(form, "alias")


def _check_links(links: Any, types: dict[str, str]) -> None:
    _expect(isinstance(links, list), "'links' must be a list")
    seen: set[tuple[str, str, str]] = set()
    for index, link in enumerate(links):
        if not isinstance(link, dict):
            raise SchemaError(f"link {index} is not an object")
        source, target, relation_type = link.get("source"), link.get("target"), link.get("type")
        for end in (source, target):
            if not isinstance(end, str) or end not in types:
                raise SchemaError(f"link {index} refers to a missing node {end!r}")
        if not isinstance(relation_type, str):
            raise SchemaError(f"link {index} has no type")
        if link.get("key") != relation_type:
            raise SchemaError(f"link {index} has key {link.get('key')!r}, not its type {relation_type!r}")
        if (source, target, relation_type) in seen:
            raise SchemaError(f"link {source} -{relation_type}-> {target} appears twice")
        seen.add((source, target, relation_type))
        try:
            _check_link(link, types[source], types[target])
        except SchemaError as err:
            raise SchemaError(f"link {source} -{relation_type}-> {target}: {err}") from None


def _check_link(link: dict[str, Any], source_type: str, target_type: str) -> None:
    relation_type = link["type"]
    _check_endpoints(relation_type, source_type, target_type)
    properties = {key: value for key, value in link.items() if key not in LINK_FIELDS}
    _check_relation_properties(relation_type, properties)
    claims = link.get("claims")
    _expect(isinstance(claims, list) and claims != [], "has no claims")
    for claim in claims:
        _check_claim(claim)
        _check_relation_properties(relation_type, claim.get("properties", {}))


@cache
def _check_endpoints(relation_type: str, source_type: str, target_type: str) -> None:
    """The schema's endpoint rule, remembered: a graph has few combinations of types."""
    schema.check_relation(relation_type, source_type, target_type, {})


def _check_relation_properties(relation_type: str, properties: dict[str, Any]) -> None:
    if not properties:
        return
    try:
        _clean_relation_properties(relation_type, tuple((k, v, type(v)) for k, v in properties.items()))
    except TypeError:                                   # an unhashable value: a list or an object
        _expect_canonical(properties, schema.check_relation_properties(relation_type, properties))


@lru_cache(maxsize=65_536)
def _clean_relation_properties(relation_type: str, items: tuple[tuple[str, Any, type], ...]) -> None:
    """Stored relation properties (``(key, value, type)``) are as the schema cleans them; remembered,
    since claims repeat the same few roles, dates and statuses."""
    properties = {key: value for key, value, _ in items}
    _expect_canonical(properties, schema.check_relation_properties(relation_type, properties))


def _check_claim(claim: Any) -> None:
    _expect(isinstance(claim, dict), "has a claim that is not an object")
    if not REQUIRED_CLAIM_FIELDS <= claim.keys():
        raise SchemaError(f"has a claim without {', '.join(sorted(REQUIRED_CLAIM_FIELDS - claim.keys()))}")
    for field, value in claim.items():
        kinds = CLAIM_FIELDS.get(field)
        if kinds is None:
            raise SchemaError(f"has a claim with unknown field {field!r}")
        if not isinstance(value, kinds) or isinstance(value, bool):
            raise SchemaError(f"has a claim whose {field!r} is {value!r}, "
                              f"not {' or '.join(kind.__name__ for kind in kinds)}")


def _expect_canonical(properties: dict[str, Any], cleaned: dict[str, Any]) -> None:
    """The schema's cleaned properties must equal the stored ones: stored values are already clean."""
    for key, value in properties.items():
        if key not in cleaned or type(cleaned[key]) is not type(value) or cleaned[key] != value:
            raise SchemaError(f"property {key!r} has a bad value {value!r}")


def _expect(condition: bool, problem: str) -> None:
    if not condition:
        raise SchemaError(problem)
