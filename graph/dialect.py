"""Every difference between Neo4j and FalkorDB that endorsegraph's Bolt client has to know.

The defaults are Neo4j's. FalkorDB 4.16 (the test server) answers Bolt too and even calls itself
"Neo4j/5.13.0", so :func:`identify` asks the server a question only Neo4j answers
(``dbms.components()``) and one only FalkorDB answers (its ``db.idx.*`` procedures).

FalkorDB's Bolt listener turns parameters into Cypher text (``CYPHER name=value … statement``),
pasting strings between quotes and map keys bare, in a 4 KB buffer: so strings are escaped, a
map key that is not a plain name is refused, and a statement that would not fit is refused.
A statement without parameters skips that buffer, so a push writes its rows into the text itself,
exactly as the listener would (:meth:`Dialect.inline`), in statements of up to 60 KB: one Bolt
message over 64 KB is never read (the listener counts buffered bytes in 16 bits and waits forever).
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
_BOLT_CHUNK = 4_096         # FalkorDB's listener reads a message into chunks of this size
_RUN_OVERHEAD = 23          # bytes of a parameterless RUN message besides its text (measured)
_BOUNDARY_MARGIN = 32


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
    inline_bytes: int | None  # a push's statements carry their rows in the text, up to this size
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
        """``row`` as a statement of this dialect carries it, with the bytes it takes there: written as
        Cypher text where rows go inline (:class:`CypherText`, one pass), else as :meth:`parameters`
        gives it, counted as FalkorDB pastes it or as JSON."""
        if self.inline_bytes:
            text = _literal(row)
            return CypherText(text), len(text) if text.isascii() else len(text.encode())
        if self.pastes_parameters:
            pasted = _pasted(row)
            return pasted, _pasted_size(pasted)
        return row, len(json.dumps(row, ensure_ascii=False).encode())

    def rows_room(self, query: str) -> int:
        """Bytes one statement of ``query`` has for the rows of its ``$rows`` list, counting
        :data:`ROW_SEPARATOR` bytes after each row (:meth:`check_size` would pass them)."""
        budget = self.inline_bytes or self.max_statement_bytes
        if budget is None:
            return self.batch_bytes
        overhead = _PASTE_PREFIX + len(query.encode()) + len("rows") + 2 + 2   # "rows=", " ", "[]"
        return budget - overhead + ROW_SEPARATOR

    def inline(self, query: str, params: dict[str, Any]) -> str:
        """``query`` with ``params`` (values, or rows as :meth:`sized` gave them) written into its text,
        byte for byte as FalkorDB's listener pastes parameters, for a statement sent without any;
        padded off the lengths that end its Bolt message on the listener's 4 KB chunk boundary."""
        text = "CYPHER " + "".join(f"{name}={_literal(value)} " for name, value in params.items()) + query
        size = len(text.encode())
        if self.inline_bytes is None or size > self.inline_bytes:
            raise EndorsegraphError(f"the statement with its rows takes {size:,} bytes where {self.name} "
                                    f"takes at most {self.inline_bytes or 0:,} in one statement")
        return text + " " * _off_boundary(size)

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
                pastes_parameters=False, transactions=True, max_statement_bytes=None, inline_bytes=None,
                record_chars=100_000_000,
                selects_database=True, stall_causes="the server is stalled or overloaded, or the query is slow")
# Measured on FalkorDB 4.16.3: parameters and text over 4 KB in all crash the server, so a statement
# with parameters stays under that (JSON overstates the size FalkorDB sees); a push's statements
# carry their rows in the text instead, up to 60 KB (a Bolt message over 64 KB stalls the listener);
# a result record over ~64 KB never arrives, so long texts are read in pieces of 4,000 characters
# (at most 16 KB of UTF-8). A Bolt RUN with a database names its graph after the message's first
# extra key, so none is sent.
FALKORDB = Dialect(name="falkordb", batch_bytes=40_000, batch_rows=500, constraints=False, explains_errors=False,
                   pastes_parameters=True, transactions=False, max_statement_bytes=4_000, inline_bytes=60_000,
                   record_chars=4_000,
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


def _plain_key(key: Any) -> str:
    if key in _PLAIN_KEYS_SEEN:
        return key
    if not (isinstance(key, str) and _PLAIN_KEY.fullmatch(key)):
        raise EndorsegraphError(f"parameter key {key!r} cannot go to FalkorDB, which pastes keys into the "
                                "statement unquoted: use letters, digits and _ only")
    if len(_PLAIN_KEYS_SEEN) < _PLAIN_KEYS_KEPT:
        _PLAIN_KEYS_SEEN.add(key)
    return key


class CypherText(str):
    """A value already written as Cypher text (by :func:`_literal`): written as it is."""


def _literal(value: Any) -> str:
    """``value`` as FalkorDB's listener writes a parameter into a statement (``{k: v, …}``, ``[a, b]``,
    ``'text'`` escaped as :meth:`Dialect.parameters` does, ``NULL``, ``true``, floats as ``%f``),
    map keys checked to be plain names; in one pass. Exact types first: a push writes millions."""
    kind = type(value)
    if kind is str:
        if "\\" in value or "'" in value:
            value = value.replace("\\", "\\\\").replace("'", "\\'")
        return "'" + value + "'"
    if kind is dict:
        return "{" + ", ".join([_plain_key(key) + ": " + _literal(item) for key, item in value.items()]) + "}"
    if kind is list or kind is tuple:
        return "[" + ", ".join([_literal(item) for item in value]) + "]"
    if isinstance(value, CypherText):
        return value
    if isinstance(value, str):
        return _literal(str.__str__(value))
    if isinstance(value, dict):
        return _literal(dict(value))
    if isinstance(value, (list, tuple)):
        return _literal(list(value))
    if value is None or isinstance(value, bool):
        return "NULL" if value is None else "true" if value else "false"
    if isinstance(value, float):
        return f"{value:f}"
    return str(int(value))


def _off_boundary(size: int) -> int:
    """Spaces that move a parameterless statement of ``size`` bytes off the lengths whose Bolt RUN
    message ends at a multiple of 4,096 bytes: FalkorDB 4.16 drops the connection on those
    (measured: text lengths 4,073, 8,169 and 12,265 of 3,000-13,000 with this driver), so a margin of
    32 bytes either side of each is kept clear."""
    end = (size + _RUN_OVERHEAD) % _BOLT_CHUNK
    return 0 if _BOUNDARY_MARGIN < end < _BOLT_CHUNK - _BOUNDARY_MARGIN else \
        (_BOUNDARY_MARGIN + 1 - end) % _BOLT_CHUNK


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
