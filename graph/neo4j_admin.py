"""The graph as the CSV files that Neo4j's bulk loader, ``neo4j-admin database import``, reads.

For a first load of a big graph: the loader writes Neo4j's store files directly, far faster than
any push. Two files with header rows in the loader's format: ``nodes.csv`` (``id:ID``, ``:LABEL``
and every node property, typed: ``members:long``, ``aliases:string[]``, ...) and
``relationships.csv`` (``:START_ID``, ``:END_ID``, ``:TYPE`` and every relationship property).
Nodes and relationships carry exactly the labels, types and properties that ``push`` writes
(:func:`.server_model.node_rows`, :func:`.server_model.relation_rows`), so ``pull`` and the catalog's
Cypher work on the imported database as on a pushed one. Lists are joined by :data:`ARRAY_DELIMITER`
(U+001F, which no text of ours holds), since sentences hold the default ``;``; texts may span lines.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from . import schema, server_model
from .embedded import write_atomic
from .errors import EndorsegraphError

ARRAY_DELIMITER = "\x1f"
FILES = ("nodes.csv", "relationships.csv")
COMMAND = ("neo4j-admin database import full neo4j --nodes={folder}/nodes.csv "
           "--relationships={folder}/relationships.csv --array-delimiter=U+001F --multiline-fields=true")
_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def outputs(folder: Path) -> list[Path]:
    """The files :func:`write` writes into ``folder``."""
    return [folder / name for name in FILES]


def write(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """Write ``nodes.csv`` and ``relationships.csv`` for ``neo4j-admin database import`` into ``folder``
    (made if missing); the files written."""
    nodes = [({"id": row["id"], ":LABEL": ";".join(schema.labels(entity_type))},
              {k: v for k, v in row["properties"].items() if k != "id"})
             for entity_type, rows in sorted(server_model.node_rows(graph).items()) for row in rows]
    relations = [({":START_ID": row["source"], ":END_ID": row["target"], ":TYPE": relation_type}, row["properties"])
                 for (relation_type, _, _), rows in sorted(server_model.relation_rows(graph).items())
                 for row in rows]
    folder.mkdir(parents=True, exist_ok=True)
    written = outputs(folder)
    write_atomic(written[0], _table(["id:ID", ":LABEL"], nodes))
    write_atomic(written[1], _table([":START_ID", ":END_ID", ":TYPE"], relations))
    return written


def _table(fixed: list[str], rows: list[tuple[dict[str, str], dict[str, Any]]]) -> bytes:
    """The CSV text: the ``fixed`` columns, then one typed column per property that any row has."""
    types: dict[str, str] = {}
    for _, properties in rows:
        for key, value in properties.items():
            types.setdefault(key, _type(key, value))
    names = sorted(types)
    lines = [",".join([*fixed, *(f"{name}:{types[name]}" for name in names)])]
    lines += [",".join(_field(value) for value in (*ends.values(), *(_cell(properties.get(name)) for name in names)))
              for ends, properties in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _field(text: str | None) -> str:
    """Every value quoted, so an empty text is a value; nothing (a missing property) is an empty field."""
    return "" if text is None else '"' + text.replace('"', '""') + '"'


def _type(key: str, value: Any) -> str:
    if isinstance(value, list):
        return "string[]"
    try:
        return _TYPES[type(value)]
    except KeyError:
        raise EndorsegraphError(f"property {key!r} holds a {type(value).__name__}, "
                                "which neo4j-admin cannot import") from None


def _cell(value: Any) -> str | None:
    """A field: lists joined by the array delimiter, booleans lower-case, missing values and empty lists
    empty (the loader stores no property for them)."""
    if value is None or value == []:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_items(value))
    return str(value)


def _items(values: Iterable[Any]) -> Iterable[str]:
    for value in values:
        text = str(value)
        if ARRAY_DELIMITER in text:
            raise EndorsegraphError(f"a list item holds U+001F, the array delimiter: {text[:60]!r}")
        yield text
