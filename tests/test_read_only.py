"""The read-only guard that ``cypher`` applies before a query reaches the server."""
from __future__ import annotations

import pytest

from endorsegraph.graph.read_only import WriteRefused, check_read_only

READS = [
    "MATCH (n) RETURN n.set AS x, n.create AS y",
    "MATCH (n {name: 'CREATE (x)'}) RETURN n",
    "MATCH (n) WHERE n.id = $create RETURN n // DELETE me",
    "MATCH (n) /* SET n.x = 1 */ RETURN n",
    "MATCH (n:Merge) RETURN {set: 1} AS m",
    "MATCH (n) RETURN n.name AS `DELETE`",
    r"""RETURN "it\"s SET" AS s, 'x\'create' AS t""",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (a {id: 'x'}), (b {id: 'y'}) WITH a, b MATCH p = allShortestPaths((a)-[*..6]-(b)) RETURN p",
]
WRITES = [
    ("CREATE (n)", "CREATE"), ("match (n) detach delete n", "DETACH"), ("MATCH (n) SET n.x = 1", "SET"),
    ("MERGE(n:X)", "MERGE"), ("MATCH (n) REMOVE n:X", "REMOVE"), ("DROP INDEX x", "DROP"),
    ('LOAD  CSV FROM "file:///x" AS r RETURN r', "LOAD CSV"),
    ("UNWIND [1] AS x FOREACH (i IN [x] | CREATE ())", "FOREACH"),
    ("CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1", "IN TRANSACTIONS"),
    ("MATCH (n) WHERE n.name = 'a' SET n.b = 'c'", "SET"),
]


@pytest.mark.parametrize("query", READS)
def test_reads_pass(query):
    check_read_only(query)


@pytest.mark.parametrize(("query", "clause"), WRITES)
def test_writing_clauses_are_refused_by_name(query, clause):
    with pytest.raises(WriteRefused, match=f"writes \\({clause}\\); add --write"):
        check_read_only(query)


@pytest.mark.parametrize("procedure", ["db.idx.fulltext.createNodeIndex", "apoc.create.node",
                                       "apoc.periodic.iterate", "db.clearQueryCaches"])
def test_procedures_that_write_are_refused(procedure):
    with pytest.raises(WriteRefused, match=procedure.replace(".", r"\.")):
        check_read_only(f"CALL {procedure}('a', 'b')")
