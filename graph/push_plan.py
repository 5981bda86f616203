"""How a push is cut into statements: rows packed as densely as the server takes them, in phases.

A push runs four phases in order: node MERGEs, node appends, relation MERGEs, relation appends
(the pieces of rows too large for one statement, see :func:`.server_model.node_statements`).
The MERGEs of a phase touch distinct nodes or relationships, so they may run several at once;
the appends add pieces to a value in order, so they run one after another.

Each statement's ``$rows`` is filled up to what the dialect takes: on FalkorDB, the 4 KB that the
statement's text and its parameters *as pasted* may fill (:meth:`.dialect.Dialect.rows_room`), so
no byte of that budget goes to JSON's quoting; on Neo4j, thousands of rows.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from . import server_model
from .dialect import ROW_SEPARATOR, Dialect
from .errors import EndorsegraphError

Statement = tuple[str, list[dict[str, Any]]]   # a statement and its ``$rows``, in the dialect's form


@dataclass(frozen=True)
class Phase:
    statements: list[Statement]
    merges: bool                # MERGEs: idempotent, so they may run several at once, and again


@dataclass(frozen=True)
class PushPlan:
    phases: list[Phase]

    @property
    def statements(self) -> int:
        return sum(len(phase.statements) for phase in self.phases)


def plan(graph: nx.MultiDiGraph, dialect: Dialect) -> PushPlan:
    """Every statement of a push of ``graph``, each row checked (schema, sizes) before any is run."""
    row_bytes = dialect.batch_bytes * 4 // 5   # room for the dialect's string escapes
    phases = []
    for statements in (server_model.node_statements(graph, row_bytes),
                       server_model.relation_statements(graph, row_bytes)):
        merges: list[Statement] = []
        appends: list[Statement] = []
        for statement, rows in statements:
            is_append = bool(rows) and "value" in rows[0]   # a piece of a value (see server_model._fitted)
            (appends if is_append else merges).extend(packed(statement, rows, dialect))
        phases += [Phase(merges, merges=True), Phase(appends, merges=False)]
    return PushPlan(phases)


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
