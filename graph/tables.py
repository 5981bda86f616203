"""The graph as two tables of plain values: one row per claim, one row per entity.

The CSV export writes them as text (:mod:`.export`); the Python API makes pandas DataFrames of them.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

from . import kg, schema

CLAIM_FIELDS = ("article", "source", "sentence", "start", "end", "line", "rule", "confidence", "published", "columns")
# Claim fields whose column is renamed: ``source`` (file or URL) apart from the relation's source, and a
# mapped table's other cells.
RENAMED = {"source": "claim_source", "columns": "table_columns"}
ENTITY_COLUMNS = ("id", "name", "type", "kind", "members", "office", "aliases")


def relation_properties() -> list[str]:
    """Every property any relation type declares, sorted (one column each)."""
    return sorted({p for t in schema.relation_types() for p in schema.relation_properties(t)})


def claim_columns() -> list[str]:
    """The claims table's columns: the relation's ends and type, its properties, then the claim's fields."""
    return ["source_id", "source_name", "relation", "target_id", "target_name", *relation_properties(),
            *(RENAMED.get(f, f) for f in CLAIM_FIELDS), "claim_properties"]


def claim_rows(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """One row per claim, keyed by :func:`claim_columns`: the relation (its resolved properties) and the
    claim's evidence; ``claim_properties`` is what that claim says (a dict), ``table_columns`` a mapped
    table's other cells (a dict); missing values are None."""
    properties = relation_properties()
    for relation in kg.relations(graph):
        ends = {"source_id": relation["source"], "source_name": graph.nodes[relation["source"]]["name"],
                "relation": relation["type"], "target_id": relation["target"],
                "target_name": graph.nodes[relation["target"]]["name"],
                **{p: relation.get(p) for p in properties}}
        for claim in relation["claims"]:
            yield {**ends, **{RENAMED.get(f, f): claim.get(f) for f in CLAIM_FIELDS},
                   "claim_properties": claim.get("properties") or {}}


def entity_rows(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """One row per entity, keyed by ``ENTITY_COLUMNS``; ``aliases`` is a list, most used first."""
    for entity in kg.entities(graph):
        yield {column: list(entity["aliases"]) if column == "aliases" else entity.get(column)
               for column in ENTITY_COLUMNS}
