"""How a push is cut into statements: rows packed as densely as the server takes them.

Each statement's ``$rows`` is filled up to what the dialect takes (:meth:`.dialect.Dialect.rows_room`):
on FalkorDB, rows written into the statement's text up to 60 KB; on Neo4j, thousands of rows as
parameters. Each row is written in the dialect's form once, which also sizes it; a row over the
row budget is cut (:func:`.server_model.split`). The statements come in :mod:`.server_model`'s
order: each group's MERGE, then the pieces appended to its rows that were cut, in order. The
garbage collector is paused while a plan is made (:mod:`.collection`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from . import server_model
from .collection import collector_paused
from .dialect import ROW_SEPARATOR, Dialect
from .errors import EndorsegraphError

Statement = tuple[str, list[dict[str, Any]]]   # a statement and its ``$rows``, in the dialect's form
_Sized = tuple[dict[str, Any], Any, int]       # a row, in the dialect's form, and the bytes it takes there


def plan(graph: nx.MultiDiGraph, dialect: Dialect) -> list[Statement]:
    """Every statement of a push of ``graph``, each row checked (schema, sizes) before any is run."""
    row_bytes = dialect.batch_bytes * 4 // 5   # room for the dialect's string escapes
    with collector_paused():
        return [batch for merge, append, rows in (*server_model.node_groups(graph),
                                                  *server_model.relation_groups(graph))
                for batch in _fitted(merge, append, rows, dialect, row_bytes)]


def packed(statement: str, rows: Iterable[dict[str, Any]], dialect: Dialect) -> Iterator[Statement]:
    """``statement`` with consecutive ``rows`` in the dialect's form, as many per statement as it takes."""
    return _batches(statement, ((row, *dialect.sized(row)) for row in rows), dialect)


def _fitted(merge: str, append: str, rows: list[dict[str, Any]], dialect: Dialect,
            row_bytes: int) -> Iterator[Statement]:
    """``merge`` with ``rows``, a row larger than ``row_bytes`` in the dialect's form cut to fit
    (:func:`.server_model.split`), then one ``append`` statement per piece cut off, in order.

    Each row is written in the dialect's form once, which also sizes it: most rows fit, and no
    other encoding of them is made."""
    pieces: list[tuple[str, dict[str, Any]]] = []

    def fitted() -> Iterator[_Sized]:
        for row in rows:
            sent, size = dialect.sized(row)
            if size > row_bytes:
                row, cut = server_model.split(row, row_bytes)
                if cut:
                    pieces.extend(cut)
                    sent, size = dialect.sized(row)
            yield row, sent, size

    yield from _batches(merge, fitted(), dialect)
    for name, piece in pieces:
        yield from packed(server_model.appending(append, name), [piece], dialect)


def _batches(statement: str, rows: Iterable[_Sized], dialect: Dialect) -> Iterator[Statement]:
    room = dialect.rows_room(statement)
    batch: list[Any] = []
    used = 0
    for row, sent, size in rows:
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
