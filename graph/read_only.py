"""Refusing Cypher that writes, for servers whose read transactions do not (FalkorDB)."""
from __future__ import annotations

import re

from .errors import EndorsegraphError

WRITE_CLAUSES = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH",
                 "LOAD CSV", "IN TRANSACTIONS", "ALTER", "RENAME", "GRANT", "DENY", "REVOKE")
# Procedures whose name says they change something (db.idx.fulltext.createNodeIndex, apoc.create.node, ...).
WRITE_PROCEDURE_WORDS = ("create", "drop", "delete", "remove", "set", "merge", "clear", "write",
                         "refactor", "periodic", "kill", "terminate")

_LITERALS_AND_COMMENTS = re.compile(r"""'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`[^`]*`|//[^\n]*|/\*.*?\*/""",
                                    re.DOTALL)
# A keyword, not a property (n.set), parameter ($create), label (:Merge) or map key ({set: 1}).
_CLAUSE = re.compile(r"(?<![\w.$:])(" + "|".join(c.replace(" ", r"\s+") for c in WRITE_CLAUSES)
                     + r")(?![\w]|\s*:)", re.IGNORECASE)
_PROCEDURE = re.compile(r"(?<![\w.$:])CALL\s+([\w.]+)", re.IGNORECASE)


class WriteRefused(EndorsegraphError):
    """A query that would write, run without ``--write``."""


def check_read_only(query: str) -> None:
    """Raise :class:`WriteRefused` if ``query`` holds a writing clause outside strings and comments."""
    code = _LITERALS_AND_COMMENTS.sub(" ", query)
    clause = _CLAUSE.search(code)
    if clause:
        raise WriteRefused(f"the query writes ({' '.join(clause.group(1).upper().split())}); "
                           "add --write to allow it")
    for procedure in _PROCEDURE.findall(code):
        if any(part.lower().startswith(WRITE_PROCEDURE_WORDS) for part in procedure.split(".")):
            raise WriteRefused(f"the query calls {procedure}, which may write; add --write to allow it")
