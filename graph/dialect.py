"""Every difference between Neo4j and FalkorDB that endorsegraph's Bolt client has to know.

The defaults are Neo4j's. FalkorDB 4.16 (the test server) answers Bolt too and even calls itself
"Neo4j/5.13.0", so :func:`identify` asks the server a question only Neo4j answers
(``dbms.components()``) and one only FalkorDB answers (its ``db.idx.*`` procedures).

FalkorDB's Bolt listener turns parameters into Cypher text (``CYPHER name=value … statement``),
pasting strings between quotes and map keys bare, in a 4 KB buffer: so strings are escaped, a
map key that is not a plain name is refused, and a statement that would not fit is refused.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import EndorsegraphError

Run = Callable[[str], list[dict[str, Any]]]
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PASTE_PREFIX = len("CYPHER ")
ROW_SEPARATOR = len(", ")   # between the rows of a pasted list
_PLAIN_KEYS_SEEN: set[str] = set()   # keys already checked (a push repeats a few thousand times over)
_PLAIN_KEYS_KEPT = 10_000


@dataclass(frozen=True)
class Dialect:
    name: str
    batch_bytes: int          # JSON size of one statement's parameters (a row over 4/5 of it goes in pieces)
    batch_rows: int
    constraints: bool         # unique constraints (else plain indexes)
    explains_errors: bool     # server errors carry the server's message
    pastes_parameters: bool   # parameters become Cypher text: strings escaped, map keys plain names
    transactions: bool        # rollback works (else every statement commits at once)
    max_statement_bytes: int | None  # parameters as pasted plus the statement's text
    record_chars: int         # longest text one result record carries safely
    selects_database: bool    # the session's database chooses what the statements see
    stall_causes: str         # why a statement may get no answer

    def parameters(self, params: dict[str, Any]) -> dict[str, Any]:
        """``params`` as the server needs them (see the module's note on FalkorDB)."""
        return _pasted(params) if self.pastes_parameters else params

    def check_size(self, query: str, params: dict[str, Any]) -> None:
        """Refuse a statement the server cannot take; ``params`` as :meth:`parameters` returned them."""
        if self.max_statement_bytes is None or not params:
            return
        size = _PASTE_PREFIX + len(query.encode()) + sum(len(name.encode()) + 2 + _pasted_size(value)
                                                          for name, value in params.items())
        if size > self.max_statement_bytes:
            raise EndorsegraphError(f"the statement with its parameters takes {size:,} bytes where {self.name} "
                                    f"takes at most {self.max_statement_bytes:,} (more crashes it); "
                                    "use shorter values")

    def sized(self, row: Any) -> tuple[Any, int]:
        """``row`` as :meth:`parameters` gives it, with the bytes it takes in a statement: as FalkorDB
        pastes it (one pass for both), else as JSON."""
        if not self.pastes_parameters:
            return row, len(json.dumps(row, ensure_ascii=False).encode())
        return _pasted_sized(row)

    def rows_room(self, query: str) -> int:
        """Bytes one statement of ``query`` has for the rows of its ``$rows`` list, counting
        :data:`ROW_SEPARATOR` bytes after each row (:meth:`check_size` would pass them)."""
        if self.max_statement_bytes is None:
            return self.batch_bytes
        overhead = _PASTE_PREFIX + len(query.encode()) + len("rows") + 2 + 2   # "rows=", " ", "[]"
        return self.max_statement_bytes - overhead + ROW_SEPARATOR

    def key_statements(self, label: str, existing: set[str]) -> list[str]:
        """Statements that make ``(:label {id})`` unique (Neo4j) or indexed (FalkorDB)."""
        if self.constraints:
            return [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"]
        # FalkorDB: indexes only, unnamed, and creating one twice is an error.
        return [] if label in existing else [f"CREATE INDEX FOR (n:{label}) ON (n.id)"]

    def indexed_labels(self, run: Run) -> set[str]:
        """Labels whose ``id`` is already indexed (FalkorDB only; Neo4j's statements are idempotent)."""
        if self.constraints:
            return set()
        return {row["label"] for row in run("CALL db.indexes() YIELD label, properties RETURN label, properties")
                if "id" in row["properties"]}


NEO4J = Dialect(name="neo4j", batch_bytes=4_000_000, batch_rows=5_000, constraints=True, explains_errors=True,
                pastes_parameters=False, transactions=True, max_statement_bytes=None, record_chars=100_000_000,
                selects_database=True, stall_causes="the server is stalled or overloaded, or the query is slow")
# Measured on FalkorDB 4.16.3: parameters and text over 4 KB in all crash the server, so a batch
# stays under that (JSON overstates the size FalkorDB sees); a result record over ~64 KB never
# arrives, so long texts are read in pieces of 4,000 characters (at most 16 KB of UTF-8). A Bolt
# RUN with a database names its graph after the message's first extra key, so none is sent.
FALKORDB = Dialect(name="falkordb", batch_bytes=3_500, batch_rows=500, constraints=False, explains_errors=False,
                   pastes_parameters=True, transactions=False, max_statement_bytes=4_000, record_chars=4_000,
                   selects_database=False, stall_causes="FalkorDB never sends a result row over ~64 KB, so "
                                                        "return less per row; else the server is stalled")


def identify(run: Run) -> Dialect:
    """The server's dialect; ``run(query)`` returns rows and raises EndorsegraphError on a refusal."""
    if _answer(run, "CALL dbms.components() YIELD name RETURN name") is not None:
        return NEO4J
    procedures = _answer(run, "CALL dbms.procedures() YIELD name RETURN name") or []
    return FALKORDB if any(row["name"].startswith("db.idx.") for row in procedures) else NEO4J


def _answer(run: Run, query: str) -> list[dict[str, Any]] | None:
    try:
        return run(query)
    except EndorsegraphError:
        return None


def _pasted(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, (list, tuple)):
        return [_pasted(item) for item in value]
    if isinstance(value, dict):
        return {_plain_key(key): _pasted(item) for key, item in value.items()}
    return value


def _pasted_sized(value: Any) -> tuple[Any, int]:
    """``(_pasted(value), _pasted_size(_pasted(value)))`` in one pass, for the rows of a push."""
    if isinstance(value, str):
        if "\\" in value or "'" in value:
            value = value.replace("\\", "\\\\").replace("'", "\\'")
        return value, (len(value) if value.isascii() else len(value.encode())) + 2
    if isinstance(value, dict):
        pasted, size = {}, 0
        for key, item in value.items():
            pasted_item, item_size = _pasted_sized(item)
            pasted[_plain_key(key)] = pasted_item
            size += len(key.encode()) + 2 + item_size
        return pasted, 2 + size + 2 * max(len(pasted) - 1, 0)
    if isinstance(value, (list, tuple)):
        items = [_pasted_sized(item) for item in value]
        return [item for item, _ in items], 2 + sum(size for _, size in items) + 2 * max(len(items) - 1, 0)
    return value, _pasted_size(value)


def _plain_key(key: Any) -> str:
    if key in _PLAIN_KEYS_SEEN:
        return key
    if not (isinstance(key, str) and _PLAIN_KEY.fullmatch(key)):
        raise EndorsegraphError(f"parameter key {key!r} cannot go to FalkorDB, which pastes keys into the "
                                "statement unquoted: use letters, digits and _ only")
    if len(_PLAIN_KEYS_SEEN) < _PLAIN_KEYS_KEPT:
        _PLAIN_KEYS_SEEN.add(key)
    return key


def _pasted_size(value: Any) -> int:
    """Bytes of ``value`` as FalkorDB writes it into the statement (``{k: v, …}``, ``'text'``, ``%f``)."""
    if isinstance(value, dict):
        items = [len(key.encode()) + 2 + _pasted_size(item) for key, item in value.items()]
    elif isinstance(value, list):
        items = [_pasted_size(item) for item in value]
    elif isinstance(value, str):
        return len(value.encode()) + 2
    elif value is None or value is True:
        return 4  # NULL, true
    elif value is False:
        return 5
    elif isinstance(value, float):
        return len(f"{value:f}")
    else:
        return len(str(value))
    return 2 + sum(items) + 2 * max(len(items) - 1, 0)
