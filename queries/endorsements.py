"""Who endorsed whom: endorsers, endorsed-by (with the candidates' primary results), shared endorsers, tallies, and conflicts of loyalty.

Each question is a networkx function over the embedded graph and a Cypher text for the server;
both yield the same typed rows (see :mod:`.rows`). A withdrawn endorsement is listed by
``endorsers``/``endorsed-by`` (with its status) but not counted by ``tally`` or ``conflicts``.
With ``as_of`` (an ISO date), ``endorsers``, ``endorsed-by`` and ``tally`` keep the endorsements
standing on that day (:func:`.lifecycle.standing`), whatever their status is now.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from ..graph import schema
from . import lifecycle
from .fragments import any_of, match_by_id
from .rows import Runner, canonical, edge_evidence, evidenced, from_record

ENDORSED = "ENDORSED"
WITHDRAWN = "withdrawn"
LOYALTY_RELATIONS = schema.relations_tagged("leadership")   # "their" organizations: led or founded
RACE_FIELDS = ("office", "state", "district", "primary_status", "won_primary", "primary_pct")
PERSON_KIND = "person"                      # tally bucket for endorsers that are people
TOTAL_KIND = "(all)"                        # tally row summing every kind


@evidenced()
class Endorsement:
    endorser: str
    endorser_id: str
    endorser_type: str
    kind: str | None
    candidate: str
    candidate_id: str
    date: str | None
    status: str | None


@evidenced()
class Backing:
    """An endorsement made by the endorser asked about, with the candidate's race and primary result
    where known (FiveThirtyEight's 2018 tables give them)."""
    endorser: str
    endorser_id: str
    endorser_type: str
    kind: str | None
    candidate: str
    candidate_id: str
    office: str | None
    state: str | None
    district: str | None
    primary_status: str | None
    won_primary: bool | None
    primary_pct: float | None
    date: str | None
    status: str | None


@evidenced("first_", "second_")
class SharedEndorser:
    endorser: str
    endorser_id: str
    endorser_type: str
    kind: str | None
    first: str
    first_date: str | None
    second: str
    second_date: str | None


@dataclass(frozen=True)
class Tally:
    candidate: str
    candidate_id: str
    endorser_kind: str
    endorsements: int
    members: int             # summed over the endorsers whose member count is known
    with_members: int        # how many endorsers that sum covers


@evidenced("person_", "link_", "organization_")
class Conflict:
    person: str
    person_id: str
    endorsed: str
    relation: str            # how the person is tied to the organization: a "leadership" relation
    role: str | None
    current: bool | None
    organization: str
    organization_id: str
    organization_endorsed: str


_ENDORSEMENT_RETURN = """
RETURN e.name AS endorser, e.id AS endorser_id, e.type AS endorser_type, e.kind AS kind,
       c.name AS candidate, c.id AS candidate_id, r.date AS date, r.status AS status,
       r.sources AS sources, r.sentences AS sentences"""

ENDORSERS_CYPHER = "MATCH (e)-[r:ENDORSED]->(c:Candidate {id: $candidate})" + _ENDORSEMENT_RETURN

ENDORSED_BY_CYPHER = match_by_id(e="endorser") + """MATCH (e)-[r:ENDORSED]->(c:Candidate)
RETURN e.name AS endorser, e.id AS endorser_id, e.type AS endorser_type, e.kind AS kind,
       c.name AS candidate, c.id AS candidate_id, c.office AS office, c.state AS state, c.district AS district,
       c.primary_status AS primary_status, c.won_primary AS won_primary, c.primary_pct AS primary_pct,
       r.date AS date, r.status AS status, r.sources AS sources, r.sentences AS sentences"""

SHARED_ENDORSERS_CYPHER = """
MATCH (a:Candidate {id: $first})<-[ra:ENDORSED]-(e)-[rb:ENDORSED]->(b:Candidate {id: $second})
RETURN e.name AS endorser, e.id AS endorser_id, e.type AS endorser_type, e.kind AS kind,
       a.name AS first, ra.date AS first_date, b.name AS second, rb.date AS second_date,
       ra.sources AS first_sources, ra.sentences AS first_sentences,
       rb.sources AS second_sources, rb.sentences AS second_sentences"""

_TALLY_MATCH = """
MATCH (e)-[r:ENDORSED]->(c:Candidate)
WHERE coalesce(r.status, 'endorsed') <> 'withdrawn'
"""
_TALLY_COUNTS = """count(*) AS endorsements, sum(coalesce(e.members, 0)) AS members,
       count(e.members) AS with_members"""
TALLY_CYPHER = (
    _TALLY_MATCH + """RETURN c.name AS candidate, c.id AS candidate_id,
       CASE WHEN e.type = 'Organization' THEN coalesce(e.kind, 'other') ELSE 'person' END AS endorser_kind,
       """ + _TALLY_COUNTS + "\nUNION ALL" + _TALLY_MATCH
    + "RETURN c.name AS candidate, c.id AS candidate_id, '(all)' AS endorser_kind,\n       " + _TALLY_COUNTS)

# tally --as-of: every endorsement with what the tally counts of its endorser, counted after the date check.
TALLY_ROWS_CYPHER = """
MATCH (e)-[r:ENDORSED]->(c:Candidate)
RETURN c.name AS candidate, c.id AS candidate_id, e.id AS endorser_id, e.type AS endorser_type,
       e.kind AS kind, e.members AS members"""

CONFLICTS_CYPHER = """
MATCH (p:Person)-[pe:ENDORSED]->(pc:Candidate),
      (p)-[l:""" + any_of(LOYALTY_RELATIONS) + """]->(o:Organization)-[oe:ENDORSED]->(oc:Candidate)
WHERE pc.id <> oc.id
  AND coalesce(pe.status, 'endorsed') <> 'withdrawn' AND coalesce(oe.status, 'endorsed') <> 'withdrawn'
  AND NOT (p)-[:ENDORSED]->(oc)
RETURN p.name AS person, p.id AS person_id, pc.name AS endorsed, type(l) AS relation,
       l.role AS role, l.current AS current, o.name AS organization, o.id AS organization_id,
       oc.name AS organization_endorsed,
       pe.sources AS person_sources, pe.sentences AS person_sentences,
       l.sources AS link_sources, l.sentences AS link_sentences,
       oe.sources AS organization_sources, oe.sentences AS organization_sentences"""


def endorsers(graph: nx.MultiDiGraph, candidate: str, as_of: str | None = None) -> list[Endorsement]:
    """Every endorsement of a candidate: the ``endorsers`` query on the embedded graph.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).
    candidate : str
        The candidate's entity id (:func:`.catalog.run` resolves names to ids); an unknown id has none.
    as_of : str, optional
        An ISO date: only the endorsements standing that day (undated ones are left out).

    Returns
    -------
    list of Endorsement
        One row per endorser in canonical order, with its kind, the date, the status and the evidence.

    Raises
    ------
    SchemaError
        ``as_of`` is not an ISO date.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> [(row.endorser, row.date) for row in endorsers(graph, "bernie-sanders")]
    [('Communications Workers of America', '2015-12-17'), ('Democracy for America', '2015-12-17'), ('Working Families Party', None)]
    >>> [row.endorser for row in endorsers(graph, "bernie-sanders", as_of="2015-12-18")]
    ['Communications Workers of America', 'Democracy for America']
    """
    rows = canonical(_endorsement(graph, source, candidate, edge)
                     for source, _, edge in _endorsements(graph.in_edges(candidate, data=True)))
    return _standing_rows(rows, as_of, lambda: lifecycle.graph_edges(graph, candidate=candidate))


def endorsers_on_server(run: Runner, candidate: str, as_of: str | None = None) -> list[Endorsement]:
    """:func:`endorsers` on a Cypher server."""
    rows = canonical(from_record(Endorsement, r) for r in run(ENDORSERS_CYPHER, {"candidate": candidate}))
    return _standing_rows(rows, as_of, lambda: lifecycle.server_edges(run, candidate=candidate))


def endorsed_by(graph: nx.MultiDiGraph, endorser: str, as_of: str | None = None) -> list[Backing]:
    """Every endorsement a person or organization made: the ``endorsed-by`` query on the embedded graph.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).
    endorser : str
        The endorser's entity id; an unknown id has none.
    as_of : str, optional
        An ISO date: only the endorsements standing that day (undated ones are left out).

    Returns
    -------
    list of Backing
        One row per candidate, with the candidate's office, state, district and primary result
        where known (FiveThirtyEight's 2018 tables give them), the date, the status and the evidence.

    Raises
    ------
    SchemaError
        ``as_of`` is not an ISO date.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> [(row.candidate, row.status) for row in endorsed_by(graph, "howard-dean")]
    [('Hillary Clinton', 'endorsed')]
    """
    rows = []
    for _, target, edge in _endorsements(graph.out_edges(endorser, data=True)):
        candidate = graph.nodes[target]
        race = {field: candidate.get(field) for field in RACE_FIELDS}
        rows.append(Backing(**{**asdict(_endorsement(graph, endorser, target, edge)), **race}))
    return _standing_rows(canonical(rows), as_of, lambda: lifecycle.graph_edges(graph, endorser=endorser))


def endorsed_by_on_server(run: Runner, endorser: str, as_of: str | None = None) -> list[Backing]:
    """:func:`endorsed_by` on a Cypher server."""
    rows = canonical(from_record(Backing, r) for r in run(ENDORSED_BY_CYPHER, {"endorser": endorser}))
    return _standing_rows(rows, as_of, lambda: lifecycle.server_edges(run, endorser=endorser))


def _standing_rows(rows: list[Any], as_of: str | None, edges: Any) -> list[Any]:
    """``rows`` (with ``endorser_id`` and ``candidate_id``) whose endorsement stands on ``as_of``;
    all of them without a date. ``edges()`` gives the relations to read the dates from."""
    if as_of is None:
        return rows
    stood = lifecycle.standing(edges(), lifecycle.check_date(as_of))
    return [row for row in rows if (row.endorser_id, row.candidate_id) in stood]


def shared_endorsers(graph: nx.MultiDiGraph, first: str, second: str) -> list[SharedEndorser]:
    """Who endorsed both of two candidates: the ``shared-endorsers`` query on the embedded graph.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).
    first, second : str
        The two candidates' entity ids (the same one twice has none).

    Returns
    -------
    list of SharedEndorser
        One row per endorser of both, with each endorsement's date and evidence (``first_...``,
        ``second_...``).

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> shared_endorsers(graph, "bernie-sanders", "hillary-clinton")      # no one backed both
    []
    """
    if first == second:
        return []
    rows = []
    for endorser, _, first_edge in _endorsements(graph.in_edges(first, data=True)):
        if not graph.has_edge(endorser, second, key=ENDORSED):
            continue
        second_edge = graph.edges[endorser, second, ENDORSED]
        data = graph.nodes[endorser]
        rows.append(SharedEndorser(
            endorser=data["name"], endorser_id=endorser, endorser_type=data["type"], kind=data.get("kind"),
            first=graph.nodes[first]["name"], first_date=first_edge.get("date"),
            second=graph.nodes[second]["name"], second_date=second_edge.get("date"),
            **edge_evidence(first_edge, "first_"), **edge_evidence(second_edge, "second_")))
    return canonical(rows)


def tally(graph: nx.MultiDiGraph, as_of: str | None = None) -> list[Tally]:
    """Standing endorsements per candidate, by endorser kind and in total: the ``tally`` query.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).
    as_of : str, optional
        An ISO date: only the endorsements standing that day (undated ones are left out).

    Returns
    -------
    list of Tally
        Per candidate, one row per endorser kind (``person`` for people) and one for all kinds
        (``(all)``): how many endorsements, and the members of the endorsers whose count is known.

    Raises
    ------
    SchemaError
        ``as_of`` is not an ISO date.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> [(row.candidate, row.endorsements, row.members) for row in tally(graph) if row.endorser_kind == "(all)"]
    [('Bernie Sanders', 3, 700000), ('Hillary Clinton', 3, 4600000)]
    """
    stood = lifecycle.standing(lifecycle.graph_edges(graph), lifecycle.check_date(as_of)) if as_of else None
    return _counted((graph.nodes[target]["name"], target, graph.nodes[source])
                    for source, target, edge in _endorsements(graph.edges(data=True))
                    if ((source, target) in stood if stood is not None else edge.get("status") != WITHDRAWN))


def tally_on_server(run: Runner, as_of: str | None = None) -> list[Tally]:
    """:func:`tally` on a Cypher server: counted by the server, or with ``as_of`` here, after the date check."""
    if as_of is None:
        return tally_from_records(run(TALLY_CYPHER, {}))
    stood = lifecycle.standing(lifecycle.server_edges(run), lifecycle.check_date(as_of))
    return _counted((r["candidate"], r["candidate_id"], {"type": r["endorser_type"], "kind": r["kind"],
                                                         **({"members": r["members"]} if r["members"] is not None else {})})
                    for r in run(TALLY_ROWS_CYPHER, {}) if (r["endorser_id"], r["candidate_id"]) in stood)


def _counted(endorsements: Any) -> list[Tally]:
    """Tally rows from (candidate name, candidate id, endorser's node data) per endorsement."""
    counts: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for name, candidate, endorser in endorsements:
        kind = (endorser.get("kind") or "other") if endorser["type"] == "Organization" else PERSON_KIND
        for bucket in (kind, TOTAL_KIND):
            count = counts[name, candidate, bucket]
            count["endorsements"] += 1
            if endorser.get("members") is not None:
                count["members"] += int(endorser["members"])
                count["with_members"] += 1
    return canonical(Tally(name, candidate, kind, count["endorsements"], count["members"], count["with_members"])
                     for (name, candidate, kind), count in counts.items())


def conflicts(graph: nx.MultiDiGraph) -> list[Conflict]:
    """People who endorsed one candidate while an organization they lead, led or founded backed another.

    The ``conflicts`` query on the embedded graph.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).

    Returns
    -------
    list of Conflict
        One row per person, organization and pair of candidates, with the evidence of the person's
        endorsement (``person_...``), of their tie to the organization (``link_...``) and of the
        organization's endorsement (``organization_...``).

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> [(row.person, row.endorsed, row.relation, row.organization, row.organization_endorsed)
    ...  for row in conflicts(graph)]
    [('Howard Dean', 'Hillary Clinton', 'FOUNDED', 'Democracy for America', 'Bernie Sanders')]
    """
    rows = []
    for person, organization, key, link in graph.edges(keys=True, data=True):
        if key not in LOYALTY_RELATIONS or not schema.is_a(graph.nodes[person]["type"], "Person"):
            continue
        for _, endorsed, own in _standing(graph, person):
            for _, backed, theirs in _standing(graph, organization):
                if endorsed == backed or graph.has_edge(person, backed, key=ENDORSED):
                    continue
                person_data, organization_data = graph.nodes[person], graph.nodes[organization]
                rows.append(Conflict(
                    person=person_data["name"], person_id=person, endorsed=graph.nodes[endorsed]["name"],
                    relation=key, role=link.get("role"), current=link.get("current"),
                    organization=organization_data["name"], organization_id=organization,
                    organization_endorsed=graph.nodes[backed]["name"],
                    **edge_evidence(own, "person_"), **edge_evidence(link, "link_"),
                    **edge_evidence(theirs, "organization_")))
    return canonical(rows)


def tally_from_records(records: list[dict[str, Any]]) -> list[Tally]:
    """Tally rows from the server (some servers sum integers as floats)."""
    return canonical(Tally(**{**r, "members": int(r["members"]), "endorsements": int(r["endorsements"]),
                              "with_members": int(r["with_members"])}) for r in records)


def _endorsement(graph: nx.MultiDiGraph, source: str, target: str, edge: dict[str, Any]) -> Endorsement:
    endorser = graph.nodes[source]
    return Endorsement(endorser=endorser["name"], endorser_id=source, endorser_type=endorser["type"],
                       kind=endorser.get("kind"), candidate=graph.nodes[target]["name"], candidate_id=target,
                       date=edge.get("date"), status=edge.get("status"), **edge_evidence(edge))


def _endorsements(edges: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
    return ((s, t, d) for s, t, d in edges if d["type"] == ENDORSED)


def _standing(graph: nx.MultiDiGraph, endorser: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [e for e in _endorsements(graph.out_edges(endorser, data=True)) if e[2].get("status") != WITHDRAWN]
