"""How a push is cut into statements: rows packed as densely as the server takes them.

Each statement's ``$rows`` is filled up to what the dialect takes: on FalkorDB, the 4 KB that the
statement's text and its parameters *as pasted* may fill (:meth:`.dialect.Dialect.rows_room`), so
no byte of that budget goes to JSON's quoting; on Neo4j, thousands of rows. The statements come in
:mod:`.server_model`'s order: each group's MERGE, then the pieces appended to its rows that were
too large for one statement, in order.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from . import server_model
from .dialect import ROW_SEPARATOR, Dialect
from .errors import EndorsegraphError

Statement = tuple[str, list[dict[str, Any]]]   # a statement and its ``$rows``, in the dialect's form


def plan(graph: nx.MultiDiGraph, dialect: Dialect) -> list[Statement]:
    """Every statement of a push of ``graph``, each row checked (schema, sizes) before any is run."""
    row_bytes = dialect.batch_bytes * 4 // 5   # room for the dialect's string escapes
    return [batch for statement, rows in (*server_model.node_statements(graph, row_bytes),
                                          *server_model.relation_statements(graph, row_bytes))
            for batch in packed(statement, rows, dialect)]


def packed(statement: str, rows: Iterable[dict[str, Any]], dialect: Dialect) -> Iterator[Statement]:
    """``statement`` with consecutive ``rows`` in the dialect's form, as many per statement as it takes."""
    room = dialect.rows_room(statement)
    batch: list[dict[str, Any]] = []
    used = 0
    for row in rows:
        sent, size = dialect.sized(row)
        cost = size + ROW_SEPARATOR
        if cost > room:
            raise EndorsegraphError(f"{_row_name(row)} holds a value too long for {dialect.name}: {cost} bytes "
                                    f"where one statement takes {room}")
        if batch and (used + cost > room or len(batch) >= dialect.batch_rows):
            yield statement, batch
            batch, used = [], 0
        batch.append(sent)
        used += cost
    if batch:
        yield statement, batch


def _row_name(row: dict[str, Any]) -> str:
    return f"relation {row['source']} -> {row['target']}" if "source" in row else f"entity {row['id']}"
