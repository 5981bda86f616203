"""The read-only guard that ``cypher`` applies before a query reaches a back end."""
from __future__ import annotations

import pytest

from endorsegraph.graph.cypher_tokens import UncheckableQuery
from endorsegraph.graph.errors import EndorsegraphError
from endorsegraph.graph.read_only import FilesRefused, WriteRefused, check_read_only, checked

READS = [
    "MATCH (n) RETURN n.set AS x, n.create AS y",
    "MATCH (n {name: 'CREATE (x)'}) RETURN n",
    "MATCH (n) WHERE n.id = $create RETURN n // DELETE me",
    "MATCH (n) /* SET n.x = 1 */ RETURN n",
    "MATCH (n:Merge) RETURN {set: 1} AS m",
    "MATCH (n) RETURN n.name AS `DELETE`",
    r"""RETURN "it\"s SET" AS s, 'x\'create' AS t""",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db. labels() YIELD label RETURN label",
    "CALL `db.labels`() YIELD label RETURN label",
    "CALL pagerank() YIELD node, score RETURN node.name, score",
    "MATCH (n) CALL { WITH n RETURN n.name AS name } RETURN name",
    "MATCH (n) WHERE n:Set AND n.delete = 1 RETURN n.merge AS `create`, [x IN [1] | x] AS xs",
    "MATCH (a {id: 'x'}), (b {id: 'y'}) WITH a, b MATCH p = allShortestPaths((a)-[*..6]-(b)) RETURN p",
]
WRITES = [
    ("CREATE (n)", "CREATE"), ("match (n) detach delete n", "DETACH"), ("MATCH (n) SET n.x = 1", "SET"),
    ("MERGE(n:X)", "MERGE"), ("MATCH (n) REMOVE n:X", "REMOVE"), ("DROP INDEX x", "DROP"),
    ("UNWIND [1] AS x FOREACH (i IN [x] | CREATE ())", "FOREACH"),
    ("CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1", "IN TRANSACTIONS"),
    ("MATCH (n) WHERE n.name = 'a' SET n.b = 'c'", "SET"),
    ("MATCH (n) RETURN n //\nDETACH DELETE n", "DETACH"),
    ("RETURN 1/**/CREATE (n)", "CREATE"),
    ("RETURN 1.CREATE (n)", "CREATE"),
    ("MATCH (n) cReAtE (m)", "CREATE"),
    ("RETURN {a: 1} AS m CREATE (n)", "CREATE"),
    ("STOP  DATABASE neo4j", "STOP DATABASE"),
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


@pytest.mark.parametrize("query", [
    'CALL `db.idx.fulltext.drop`("Person")', "CALL `db`.`idx`.fulltext.drop('Person')",
    "CALL db. idx .fulltext.drop('Person')", "CALL db./**/idx.fulltext.drop('Person')",
    "CALL `db.labels `()", "CALL db.labels.extra()", "CALL my.own.procedure()"])
def test_only_listed_procedures_pass_however_their_names_are_written(query):
    with pytest.raises(WriteRefused, match="not a procedure known to only read; add --write"):
        check_read_only(query)


@pytest.mark.parametrize("query", ["RETURN 'open", "MATCH (n) RETURN n /* open", "RETURN `open", "RETURN $",
                                   "MATCH (n) RETURN n.nom\u00e9", "RETURN 1 \u200bCREATE (n)"])
def test_a_statement_the_check_cannot_read_is_not_sent_even_with_write(query):
    for write in (False, True):
        with pytest.raises(UncheckableQuery, match="could not be checked, so it was not sent: at character"):
            checked(query, {}, write=write)


@pytest.mark.parametrize("query", ["CALL", "CALL db.", "CALL 'db.labels'()"])
def test_a_call_without_a_readable_name_is_not_sent(query):
    with pytest.raises(UncheckableQuery, match="CALL is not followed by a procedure name"):
        checked(query, {})


def test_files_only_with_permission():
    query = 'LOAD  CSV FROM "file:///etc/passwd" AS r RETURN r'
    with pytest.raises(FilesRefused, match=r"reads files \(LOAD CSV\); add --allow-files"):
        check_read_only(query)
    check_read_only(query, allow_files=True)
    assert checked(query, {}, write=True) == query


def test_the_text_sent_has_no_comments_and_every_parameter_given():
    assert checked("CALL db./**/labels() // list them\nYIELD label RETURN label", {}) == (
        "CALL db. labels()  \nYIELD label RETURN label")
    assert checked("RETURN '/* kept */' AS s, $n AS n", {"n": 1}) == "RETURN '/* kept */' AS s, $n AS n"
    with pytest.raises(EndorsegraphError, match=r"uses \$a, \$b but no value was given \(add --param a=VALUE\)"):
        checked("RETURN $b AS b, $a AS a, $c AS c", {"c": 1})
