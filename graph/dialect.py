"""Every difference between Neo4j and FalkorDB that endorsegraph's Bolt client has to know.

The defaults are Neo4j's. FalkorDB 4.16 (the test server) answers Bolt too and even calls itself
"Neo4j/5.13.0", so :func:`identify` asks the server a question only Neo4j answers
(``dbms.components()``) and one only FalkorDB answers (its ``db.idx.*`` procedures).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import EndorsegraphError

Run = Callable[[str], list[dict[str, Any]]]


@dataclass(frozen=True)
class Dialect:
    name: str
    batch_bytes: int          # JSON size of one statement's parameters
    batch_rows: int
    constraints: bool         # unique constraints (else plain indexes)
    explains_errors: bool     # server errors carry the server's message
    escapes_strings: bool     # string parameters must arrive with ' and \ escaped
    transactions: bool        # rollback works (else every statement commits at once)

    def parameters(self, params: dict[str, Any]) -> dict[str, Any]:
        """``params`` as the server needs them: FalkorDB pastes strings between single quotes as they are."""
        return _escaped(params) if self.escapes_strings else params

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
                escapes_strings=False, transactions=True)
# Measured on FalkorDB 4.16.3: parameters over ~4 KB in all, or a Bolt message over ~64 KB,
# crash or hang the server, so a batch stays under that (JSON overstates the size FalkorDB sees).
FALKORDB = Dialect(name="falkordb", batch_bytes=3_500, batch_rows=500, constraints=False, explains_errors=False,
                   escapes_strings=True, transactions=False)


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


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    return value
