"""The dialect module without a server: FalkorDB's parameters (escaped, plain keys, sizes) and key statements."""
from __future__ import annotations

import pytest
from endorsegraph.graph.dialect import FALKORDB, NEO4J, Dialect
from endorsegraph.graph.errors import EndorsegraphError


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


def test_falkordb_refuses_map_keys_it_would_paste_as_cypher_and_neo4j_takes_them():
    hostile = {"x": {"a:1} CREATE (:Pwned) RETURN 1 AS y //": 1}}
    with pytest.raises(EndorsegraphError, match=r"parameter key 'a:1\} CREATE .*' cannot go to FalkorDB"):
        FALKORDB.parameters(hostile)
    for key in ("", "1a", "a b", "a\nb", "é", 3):
        with pytest.raises(EndorsegraphError, match="letters, digits and _ only"):
            FALKORDB.parameters({"rows": [{"properties": {key: 1}}]})
    assert NEO4J.parameters(hostile) is hostile
    assert FALKORDB.parameters({"t": ("it's",)}) == {"t": ["it\\'s"]}  # tuples are escaped too


def test_statement_size_counts_what_falkordb_writes_into_its_buffer():
    query = "RETURN $s AS s, $f AS f, $m AS m"
    params = FALKORDB.parameters({"s": "é'", "f": 1e20, "m": {"k": [1, None, True]}})
    # CYPHER s='é\'' f=100000000000000000000.000000 m={k: [1, NULL, true]} RETURN …
    pasted = f"CYPHER s='é\\'' f={1e20:f} m={{k: [1, NULL, true]}} {query}"
    FALKORDB.check_size(query, params)
    tight = Dialect(**{**vars(FALKORDB), "max_statement_bytes": len(pasted.encode()) + 1})
    tight.check_size(query, params)
    tighter = Dialect(**{**vars(FALKORDB), "max_statement_bytes": len(pasted.encode()) - 1})
    with pytest.raises(EndorsegraphError, match="where falkordb takes at most .* use shorter values"):
        tighter.check_size(query, params)
    NEO4J.check_size(query + "x" * 100_000, {"s": "x" * 100_000})
