"""How a push is cut into statements (no server): every FalkorDB statement, its rows written into
its text, fits its 60 KB and is filled as far as it goes, off the lengths FalkorDB's listener drops;
the pieces of a large row follow its MERGE in order; the rows' text is what FalkorDB would paste.
Push against the server: tests/test_neo4j_store.py."""
from __future__ import annotations

import dataclasses

import pytest
from endorsegraph.graph import dialect, kg, push_plan, server_model
from endorsegraph.graph.dialect import FALKORDB, NEO4J
from endorsegraph.graph.errors import EndorsegraphError
from endorsegraph.graph.model import Claim, Relation
from support.synthetic import synthetic_graph


@pytest.fixture(scope="module")
def graph():
    graph = synthetic_graph(1500, seed=3)
    endorser = next(node for node, kind in sorted(graph.nodes(data="type")) if kind == "Organization")
    for number in range(40):   # one much-cited relation, too large for one statement: appended in pieces
        claim = Claim(article=f"s{number}.txt", source=f"https://example.org/{number}", rule="test",
                      sentence=f"It's a \\ quoted 'story' número {number} " + "and more " * 10, start=0, end=9,
                      properties={"status": "endorsed"})
        kg.add_relation(graph, Relation("ENDORSED", endorser, "ada-q-abbott-0", claim))
    graph.graph["much_cited"] = endorser
    return graph


def test_every_falkordb_statement_fits_and_is_filled(graph) -> None:
    merges = [(statement, rows) for statement, rows in push_plan.plan(graph, FALKORDB) if "MERGE" in statement]
    for statement, rows in merges:
        text = FALKORDB.inline(statement, {"rows": rows})           # would raise over 60,000 bytes
        assert len(text.encode()) <= FALKORDB.inline_bytes + 2 * 32 + 1
        assert 32 < (len(text.encode()) + 23) % 4096 < 4096 - 32    # off the chunk boundary
    full = 0
    for (statement, rows), (following, more) in zip(merges, merges[1:]):
        if following == statement:    # a statement was cut because the next row did not fit
            sizes = [len(row.encode()) + dialect.ROW_SEPARATOR for row in [*rows, more[0]]]
            assert sum(sizes) > FALKORDB.rows_room(statement) or len(rows) == FALKORDB.batch_rows
            full += 1
    assert full > 10
    relations = sum(len(rows) for statement, rows in merges if "MERGE (a)-" in statement)
    assert relations == graph.number_of_edges()
    assert relations / sum("MERGE (a)-" in statement for statement, _ in merges) > 40   # was 4.9 in 4 KB


def test_the_pieces_of_a_large_row_follow_its_merge_in_order(graph) -> None:
    small = dataclasses.replace(FALKORDB, inline_bytes=None, batch_bytes=3_500)   # rows as parameters, 4 KB
    statements = push_plan.plan(graph, small)
    endorsed = next(i for i, (statement, rows) in enumerate(statements)
                    if "MERGE" in statement and any(row.get("source") == graph.graph["much_cited"] for row in rows))
    pieces = [row["value"] for statement, rows in statements[endorsed + 1:] if "+ row.value" in statement
              for row in rows if row["source"] == graph.graph["much_cited"] and isinstance(row["value"], str)]
    assert len(pieces) > 2   # the claims text, in pieces, in order
    assert "".join(pieces).startswith("[{") and "".join(pieces).endswith("}]")


def test_neo4j_takes_thousands_of_rows_per_statement() -> None:
    rows = [{"id": f"n{number}", "properties": {"name": f"Name {number}"}} for number in range(12_000)]
    batches = list(push_plan.packed("UNWIND $rows AS row MERGE (n:Person {id: row.id})", rows, NEO4J))
    assert [len(batch) for _, batch in batches] == [5_000, 5_000, 2_000]


def test_rows_are_written_as_falkordb_pastes_them(graph) -> None:
    """A row's text is the listener's pasting of the escaped row (sizes counted the same way), and a
    statement is the listener's ``CYPHER rows=[…] statement``."""
    rows = [row for _, rows in (*server_model.node_statements(graph), *server_model.relation_statements(graph))
            for row in rows]
    rows.append({"id": "x", "properties": {"a": "it's \\ é", "b": [1, 2.5, None, True, False, "'"], "c": ()}})
    for row in rows:
        sent, size = FALKORDB.sized(row)
        assert isinstance(sent, dialect.CypherText)
        assert size == len(sent.encode()) == dialect._pasted_size(FALKORDB.parameters(row))
    assert FALKORDB.sized(rows[-1])[0] == \
        "{id: 'x', properties: {a: 'it\\'s \\\\ é', b: [1, 2.500000, NULL, true, false, '\\''], c: []}}"
    text = FALKORDB.inline("UNWIND $rows AS row RETURN row", {"rows": [FALKORDB.sized(r)[0] for r in rows[-2:]]})
    assert text.startswith("CYPHER rows=[{") and text.rstrip().endswith("}}] UNWIND $rows AS row RETURN row")
    with pytest.raises(EndorsegraphError, match="letters, digits and _ only"):
        FALKORDB.sized({"properties": {"a b": 1}})
    with pytest.raises(EndorsegraphError, match="takes at most 60,000 in one statement"):
        FALKORDB.inline("RETURN $rows", {"rows": ["x" * 60_000]})


def test_statements_are_padded_off_the_lengths_falkordb_drops() -> None:
    for size in range(3_900, 12_400):
        padded = size + dialect._off_boundary(size)
        assert 32 < (padded + 23) % 4096 < 4096 - 32 and padded - size <= 65
        assert dialect._off_boundary(padded) == 0
