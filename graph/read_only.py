"""Checking a user's Cypher before any back end runs it: no writes, no files, every parameter given.

Not every server enforces read transactions (FalkorDB does not) and the embedded engine can read
local files, so the client decides itself, on the statement's tokens (:mod:`.cypher_tokens`):
comments are dropped and backtick quoting undone first, so neither hides a keyword or a name.
A write keyword counts unless it is plainly a property (``n.set``), a label or type (``:Merge``)
or a map key (``{set: 1}``); CALL may name only a procedure in :data:`READ_ONLY_PROCEDURES`.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .cypher_tokens import Token, UncheckableQuery, normalised, parameter_names, tokens
from .errors import EndorsegraphError

WRITE_CLAUSES = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH",
                 "ALTER", "RENAME", "GRANT", "DENY", "REVOKE")
# Commands of two words whose first word alone is harmless.
WRITE_PHRASES = (("IN", "TRANSACTIONS"), ("START", "DATABASE"), ("STOP", "DATABASE"),
                 ("TERMINATE", "TRANSACTION"), ("TERMINATE", "TRANSACTIONS"))
FILE_PHRASE = ("LOAD", "CSV")
# Procedures that only read, on Neo4j, FalkorDB and the embedded engine (kglite); any other is refused.
READ_ONLY_PROCEDURES = frozenset(name.lower() for name in (
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.indexes", "db.constraints", "db.schema",
    "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
    "dbms.components", "dbms.procedures",
    "db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships", "db.index.vector.queryNodes",
    "db.idx.fulltext.queryNodes", "db.idx.fulltext.queryRelationships", "db.idx.vector.queryNodes",
    "algo.pageRank", "algo.BFS", "algo.WCC", "algo.betweenness", "algo.labelPropagation", "algo.SPpaths",
    "algo.SSpaths",
    "pagerank", "betweenness", "closeness", "degree", "connected_components", "label_propagation", "louvain",
    "leiden", "k_core", "clustering_coefficient"))


class WriteRefused(EndorsegraphError):
    """A query that would write, run without permission to."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(f"{reason}; add --write to allow it")


class FilesRefused(EndorsegraphError):
    """A query that would read files, run without permission to."""


def checked(query: str, params: dict[str, Any], write: bool = False, allow_files: bool = False) -> str:
    """The text to run for ``query``: refused if it writes without ``write``, reads files without
    ``allow_files`` or ``write``, uses a parameter not in ``params``, or cannot be read; comments dropped."""
    if not write:
        check_read_only(query, allow_files)
    missing = sorted(parameter_names(query) - set(params))
    if missing:
        raise EndorsegraphError(f"the query uses {', '.join('$' + name for name in missing)} but no value was "
                                f"given (add --param {missing[0]}=VALUE)")
    return normalised(query)


def check_read_only(query: str, allow_files: bool = False) -> None:
    """Raise :class:`WriteRefused` if ``query`` writes or calls a procedure not known to only read,
    :class:`FilesRefused` if it reads files without ``allow_files``, :class:`.UncheckableQuery` if it
    cannot be read."""
    words = tokens(query)
    for index, token in enumerate(words):
        if not _is_keyword(words, index):
            continue
        if token.keyword in WRITE_CLAUSES:
            raise WriteRefused(f"the query writes ({token.keyword})")
        phrase = next((p for p in WRITE_PHRASES if _starts(words, index, p)), None)
        if phrase:
            raise WriteRefused(f"the query writes ({' '.join(phrase)})")
        if _starts(words, index, FILE_PHRASE) and not allow_files:
            raise FilesRefused("the query reads files (LOAD CSV); add --allow-files to allow it")
        if token.keyword == "CALL":
            _check_procedure(words, index + 1)


def _is_keyword(words: Sequence[Token], index: int) -> bool:
    """False for a word that is plainly a property, a label or type, or a map key."""
    if not words[index].keyword:
        return False
    before = words[index - 1].text if index else ""
    after = words[index + 1].text if index + 1 < len(words) else ""
    if before == ".":
        owner = words[index - 2] if index >= 2 else None
        return not (owner and (owner.kind in ("word", "name") or owner.text in (")", "]")))
    return before != ":" and not (after == ":" and before in ("{", ","))


def _starts(words: Sequence[Token], index: int, phrase: tuple[str, ...]) -> bool:
    return tuple(word.keyword for word in words[index:index + len(phrase)]) == phrase


def _check_procedure(words: Sequence[Token], start: int) -> None:
    """Refuse the procedure named from ``words[start]`` unless it only reads; a subquery passes."""
    if start < len(words) and words[start].text in ("{", "("):
        return  # CALL { … } or CALL (…) { … }: its clauses are checked like the rest
    name = _procedure_name(words, start)
    if name.lower() not in READ_ONLY_PROCEDURES:
        raise WriteRefused(f"the query calls {name!r}, which is not a procedure known to only read")


def _procedure_name(words: Sequence[Token], start: int) -> str:
    """The dotted name from ``words[start]``, its parts unquoted (`` `db.idx`.x `` is ``db.idx.x``)."""
    parts, index = [], start
    while index < len(words) and words[index].kind in ("word", "name"):
        parts.append(words[index].value)
        index += 1
        if index >= len(words) or words[index].text != ".":
            return ".".join(parts)
        index += 1
    raise UncheckableQuery("the query could not be checked, so it was not sent: CALL is not followed by "
                           "a procedure name or a subquery")
