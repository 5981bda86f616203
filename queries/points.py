"""FiveThirtyEight points per candidate, with every claim behind them.

FiveThirtyEight's 2020 table gives each endorsement ``points`` (a senator 5, a DNC member 1, ...).
The loader keeps them on each ENDORSED claim (``claim["properties"]["points"]``), and a relation's
own ``points`` is set whenever one of its claims has some. A candidate's points are the sum over
those claims, so they equal the sum of the table's ``points`` column over the candidate's rows
(an endorser listed twice counts twice, as in the table).

The server keeps each relation's claims as JSON text (``r.claims``): the Cypher finds the
relations, and the claims are read from that text, in pieces when too long for one record
(FalkorDB never sends a record over ~64 KB).
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..graph import server_model
from .rows import Runner

INLINE_CHARS = 4_000     # longest claims text a record carries; longer ones are read in pieces

POINTS_CYPHER = """
MATCH (e)-[r:ENDORSED]->(c:Candidate) WHERE r.points IS NOT NULL
RETURN c.name AS candidate, c.id AS candidate_id, e.name AS endorser, e.id AS endorser_id, e.type AS endorser_type,
       size(r.claims) AS claims_size, CASE WHEN size(r.claims) <= $inline THEN r.claims END AS claims"""


@dataclass(frozen=True)
class Points:
    rank: int                    # 1 for the most points; ties ranked by name
    candidate: str
    candidate_id: str
    points: int                  # summed over the claims
    endorsers: int               # distinct endorsers with points
    claims: list[dict[str, Any]]  # endorser, endorser_id, points, date, position, state, source, line


def points(graph: nx.MultiDiGraph) -> list[Points]:
    """Every candidate with FiveThirtyEight points, most first: the ``points`` query.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).

    Returns
    -------
    list of Points
        One row per candidate: the points summed over the claims, and each claim that gave some.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> points(graph)                                     # the demo has no FiveThirtyEight table
    []
    """
    found = ((graph.nodes[target]["name"], target, graph.nodes[source]["name"], source, edge["claims"])
             for source, target, edge in graph.edges(data=True)
             if edge["type"] == "ENDORSED" and edge.get("points") is not None)
    return ranked(found)


def points_on_server(run: Runner) -> list[Points]:
    """:func:`points` from a Bolt server: :data:`POINTS_CYPHER`, with long claims texts read in pieces."""
    records = run(POINTS_CYPHER, {"inline": INLINE_CHARS})
    return ranked((r["candidate"], r["candidate_id"], r["endorser"], r["endorser_id"],
                   json.loads(_whole_claims(run, r))) for r in records)


def ranked(found: Iterable[tuple[str, str, str, str, list[dict[str, Any]]]]) -> list[Points]:
    """Rows from (candidate, candidate id, endorser, endorser id, claims) per relation, most points first."""
    claims: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for candidate, candidate_id, endorser, endorser_id, relation_claims in found:
        claims[candidate, candidate_id] += [_point_claim(endorser, endorser_id, claim) for claim in relation_claims
                                            if claim.get("properties", {}).get("points") is not None]
    totals = sorted(((-sum(c["points"] for c in listed), name, node, listed) for (name, node), listed in claims.items()),
                    key=lambda total: total[:3])
    return [Points(rank, name, node, -negative, len({c["endorser_id"] for c in listed}),
                   sorted(listed, key=_claim_order))
            for rank, (negative, name, node, listed) in enumerate(totals, start=1)]


def _point_claim(endorser: str, endorser_id: str, claim: dict[str, Any]) -> dict[str, Any]:
    said = claim["properties"]
    return {"endorser": endorser, "endorser_id": endorser_id, "points": said["points"], "date": said.get("date"),
            "position": said.get("position"), "state": said.get("state"), "source": claim.get("source", ""),
            "line": claim.get("line")}


def _claim_order(claim: dict[str, Any]) -> tuple:
    return (claim["endorser"], claim["endorser_id"], claim["date"] or "", claim["source"], claim["line"] or 0)


def _whole_claims(run: Runner, record: dict[str, Any]) -> str:
    """The record's claims text, read in pieces of :data:`INLINE_CHARS` when it did not come whole."""
    if record["claims"] is not None:
        return record["claims"]
    row = {"source": record["endorser_id"], "target": record["candidate_id"], "type": "ENDORSED"}
    query, params = server_model.claims_query(row, {record["endorser_id"]: record["endorser_type"],
                                                   record["candidate_id"]: "Candidate"})
    return "".join(run(query, {**params, "start": start, "length": INLINE_CHARS})[0]["piece"]
                   for start in range(0, record["claims_size"], INLINE_CHARS))
