"""The dialect module without a server: FalkorDB's string escaping and key statements."""
from __future__ import annotations

from endorsegraph.graph.dialect import FALKORDB, NEO4J


def test_falkordb_strings_are_escaped_everywhere_and_neo4j_gets_them_as_they_are():
    params = {"rows": [{"s": "it's a \\ path", "l": ["O'Brien"], "n": 3, "m": {"k": "'"}}]}
    assert FALKORDB.parameters(params) == {"rows": [{"s": "it\\'s a \\\\ path", "l": ["O\\'Brien"], "n": 3,
                                                      "m": {"k": "\\'"}}]}
    assert NEO4J.parameters(params) is params


def test_keys_are_constraints_on_neo4j_and_missing_indexes_on_falkordb():
    assert NEO4J.key_statements("Person", {"Person"}) == [
        "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE"]
    assert FALKORDB.key_statements("Person", {"Person"}) == []
    assert FALKORDB.key_statements("Organization", {"Person"}) == ["CREATE INDEX FOR (n:Organization) ON (n.id)"]
