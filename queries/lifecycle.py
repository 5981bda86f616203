"""Endorsements over time: every state with its date (timeline, switched, declined), and which
endorsements stand on a given day (``--as-of``).

A state comes from one claim: an ENDORSED claim is ``endorsed`` (or ``withdrawn``, its status), an
ENDORSEMENT_STATE claim is its ``state``. Its ``date`` is the one the text gives (resolved at
extraction) and ``known_by`` that date, else the source's publication date: the day by which the
source says it had happened (for an expectation, its publication: ``date`` is the day expected). A claim with neither is undated and never placed on a day.

An endorsement stands on a day when its earliest stated date (else its earliest publication) is on
or before it, and no withdrawal or switch away from that candidate falls between the two. Both back
ends read the same claims (the server's from the claims text of each relation, in pieces when
long), so they give the same answers.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..graph import schema, server_model
from ..loaders import event_dates
from .fragments import match_by_id
from .rows import Runner

ENDORSED = "ENDORSED"
STATES = "ENDORSEMENT_STATE"
ENDING = {"withdrawn", "switched-away"}
SWITCHES = {"switched-away": "switched-to", "switched-to": "switched-away"}
INLINE_CHARS = 4_000     # longest claims text a record carries; longer ones are read in pieces

_BOTH = f"{ENDORSED}|{STATES}"
_RETURN = """
RETURN e.id AS endorser_id, e.name AS endorser, e.type AS endorser_type, c.id AS candidate_id,
       c.name AS candidate, type(r) AS type, size(r.claims) AS claims_size,
       CASE WHEN size(r.claims) <= $inline THEN r.claims END AS claims"""
EDGES_CYPHER = f"MATCH (e)-[r:{_BOTH}]->(c:Candidate)" + _RETURN
CANDIDATE_EDGES_CYPHER = f"MATCH (e)-[r:{_BOTH}]->(c:Candidate {{id: $candidate}})" + _RETURN
ENDORSER_EDGES_CYPHER = match_by_id(e="endorser") + f"MATCH (e)-[r:{_BOTH}]->(c:Candidate)" + _RETURN
# The states of the same endorsers towards other candidates: the far side of their switches.
PARTNER_EDGES_CYPHER = (f"MATCH (e)-[:{_BOTH}]->(:Candidate {{id: $candidate}})\nWITH DISTINCT e\n"
                        f"MATCH (e)-[r:{STATES}]->(c:Candidate) WHERE c.id <> $candidate" + _RETURN)


@dataclass(frozen=True)
class Edge:
    """An ENDORSED or ENDORSEMENT_STATE relation with its claims, as either back end holds it."""

    endorser_id: str
    endorser: str
    candidate_id: str
    candidate: str
    type: str
    claims: list[dict[str, Any]]


@dataclass(frozen=True)
class Event:
    """One state of an endorsement, as one source gives it."""

    candidate: str
    candidate_id: str
    known_by: str | None         # the stated date, else the publication date; None: undated
    state: str                   # expected, conditional, endorsed, declined, withdrawn, switched-away, switched-to
    endorser: str
    endorser_id: str
    other: str | None            # a switch: the candidate switched to (or away from)
    date: str | None             # as the text gives it, resolved
    when: str | None             # as written: "on Monday", "last week"
    published: str | None
    sentence: str
    source: str
    rule: str


@dataclass(frozen=True)
class Switch:
    endorser: str
    endorser_id: str
    away: str
    away_id: str
    to: str
    to_id: str
    known_by: str | None
    date: str | None
    when: str | None
    sentence: str
    source: str


@dataclass(frozen=True)
class Declined:
    endorser: str
    endorser_id: str
    candidate: str
    candidate_id: str
    known_by: str | None
    date: str | None
    when: str | None
    sentence: str
    source: str


def check_date(value: str, what: str = "--as-of") -> str:
    """``value`` as an ISO date; SchemaError naming ``what`` otherwise."""
    return schema.coerce(value, "date", what)


# --- the two back ends' relations ---------------------------------------------------------------

def graph_edges(graph: nx.MultiDiGraph, candidate: str | None = None, endorser: str | None = None) -> list[Edge]:
    """The graph's ENDORSED and ENDORSEMENT_STATE relations (to ``candidate``, from ``endorser``)."""
    return [_edge(graph, source, target, data) for source, target, data in graph.edges(data=True)
            if data["type"] in (ENDORSED, STATES) and candidate in (None, target) and endorser in (None, source)]


def partner_edges(graph: nx.MultiDiGraph, candidate: str) -> list[Edge]:
    """The ENDORSEMENT_STATE relations to other candidates of everyone with a state towards ``candidate``."""
    endorsers = {e.endorser_id for e in graph_edges(graph, candidate=candidate)}
    return [_edge(graph, source, target, data) for source, target, data in graph.edges(data=True)
            if data["type"] == STATES and source in endorsers and target != candidate]


def server_edges(run: Runner, candidate: str | None = None, endorser: str | None = None,
                 partners: bool = False) -> list[Edge]:
    """:func:`graph_edges` (or with ``partners``, :func:`partner_edges`) on a Cypher server."""
    if partners:
        records = run(PARTNER_EDGES_CYPHER, {"candidate": candidate, "inline": INLINE_CHARS})
    elif candidate is not None:
        records = run(CANDIDATE_EDGES_CYPHER, {"candidate": candidate, "inline": INLINE_CHARS})
    elif endorser is not None:
        records = run(ENDORSER_EDGES_CYPHER, {"endorser": endorser, "inline": INLINE_CHARS})
    else:
        records = run(EDGES_CYPHER, {"inline": INLINE_CHARS})
    return [Edge(r["endorser_id"], r["endorser"], r["candidate_id"], r["candidate"], r["type"],
                 json.loads(_whole_claims(run, r))) for r in records]


def _edge(graph: nx.MultiDiGraph, source: str, target: str, data: dict[str, Any]) -> Edge:
    return Edge(source, graph.nodes[source]["name"], target, graph.nodes[target]["name"], data["type"], data["claims"])


def _whole_claims(run: Runner, record: dict[str, Any]) -> str:
    if record["claims"] is not None:
        return record["claims"]
    row = {"source": record["endorser_id"], "target": record["candidate_id"], "type": record["type"]}
    query, params = server_model.claims_query(row, {record["endorser_id"]: record["endorser_type"],
                                                   record["candidate_id"]: "Candidate"})
    return "".join(run(query, {**params, "start": start, "length": INLINE_CHARS})[0]["piece"]
                   for start in range(0, record["claims_size"], INLINE_CHARS))


# --- the questions --------------------------------------------------------------------------------

def events(edges: Iterable[Edge]) -> list[Event]:
    """Every state the claims of ``edges`` give, in order of ``known_by`` (undated last)."""
    edges = list(edges)
    partners = _switch_partners(edges)
    found = []
    for edge in edges:
        for claim in edge.claims:
            said = claim.get("properties", {})
            state = said.get("status", "endorsed") if edge.type == ENDORSED else said["state"]
            date = said.get("date") or _resolved(said.get("when"), claim.get("published"), state)
            other = partners.get((edge.endorser_id, claim.get("article"), claim.get("start"), SWITCHES.get(state)))
            found.append(Event(edge.candidate, edge.candidate_id, _known_by(state, date, claim), state,
                               edge.endorser, edge.endorser_id, other, date, said.get("when"),
                               claim.get("published"), claim.get("sentence", ""), claim.get("source", ""),
                               claim.get("rule", "")))
    return sorted(found, key=_event_order)


def timeline(graph: nx.MultiDiGraph, candidate: str) -> list[Event]:
    """Every state of every endorsement of a candidate, in order: the ``timeline`` query.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).
    candidate : str
        The candidate's entity id; an unknown id has none.

    Returns
    -------
    list of Event
        One row per state (expected, conditional, endorsed, declined, withdrawn, switched) as one
        source gives it, by the date it was known (undated last); a switch names the other candidate.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> [(event.known_by, event.state, event.endorser) for event in timeline(graph, "bernie-sanders")][:2]
    [('2015-12-17', 'endorsed', 'Communications Workers of America'), ('2015-12-17', 'endorsed', 'Democracy for America')]
    """
    return _timeline(graph_edges(graph, candidate=candidate) + partner_edges(graph, candidate), candidate)


def timeline_on_server(run: Runner, candidate: str) -> list[Event]:
    """:func:`timeline` on a Cypher server."""
    return _timeline(server_edges(run, candidate=candidate) + server_edges(run, candidate, partners=True), candidate)


def switched(graph: nx.MultiDiGraph) -> list[Switch]:
    """Who moved their support from one candidate to another, and when: the ``switched`` query.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).

    Returns
    -------
    list of Switch
        One row per sentence that says so, by the date it was known.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> switched(graph)                                   # no one switched in the demo
    []
    """
    return _switched(graph_edges(graph))


def switched_on_server(run: Runner) -> list[Switch]:
    """:func:`switched` on a Cypher server."""
    return _switched(server_edges(run))


def declined(graph: nx.MultiDiGraph) -> list[Declined]:
    """Who declined to endorse whom, and when: the ``declined`` query.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).

    Returns
    -------
    list of Declined
        One row per sentence that says so, by the date it was known.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> declined(graph)                                   # no one declined in the demo
    []
    """
    return _declined(graph_edges(graph))


def declined_on_server(run: Runner) -> list[Declined]:
    """:func:`declined` on a Cypher server."""
    return _declined(server_edges(run))


def _timeline(edges: list[Edge], candidate: str) -> list[Event]:
    return [e for e in events(edges) if e.candidate_id == candidate]


def _switched(edges: Iterable[Edge]) -> list[Switch]:
    rows = []
    by_sentence = defaultdict(dict)
    for event in events(edges):
        if event.state in SWITCHES:
            by_sentence[event.endorser_id, event.source, event.sentence][event.state] = event
    for pair in by_sentence.values():
        away, to = pair.get("switched-away"), pair.get("switched-to")
        if away and to:
            rows.append(Switch(away.endorser, away.endorser_id, away.candidate, away.candidate_id, to.candidate,
                               to.candidate_id, away.known_by, away.date, away.when, away.sentence, away.source))
    return sorted(rows, key=lambda r: (r.known_by is None, r.known_by or "", r.endorser, r.away, r.to, r.source))


def _declined(edges: Iterable[Edge]) -> list[Declined]:
    return [Declined(e.endorser, e.endorser_id, e.candidate, e.candidate_id, e.known_by, e.date, e.when,
                     e.sentence, e.source)
            for e in events(edges) if e.state == "declined"]


def standing(edges: Iterable[Edge], as_of: str) -> set[tuple[str, str]]:
    """(endorser id, candidate id) of the endorsements standing on ``as_of`` (ISO date)."""
    return standing_among(events(edges), as_of)


def standing_among(found: Iterable[Event], as_of: str) -> set[tuple[str, str]]:
    """:func:`standing`, from the :func:`events` already read."""
    starts: dict[tuple[str, str], list[tuple[bool, str]]] = defaultdict(list)
    ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event in found:
        pair = (event.endorser_id, event.candidate_id)
        if event.known_by is None:
            continue
        if event.state == "endorsed":
            starts[pair].append((event.date is None, event.known_by))
        elif event.state in ENDING:
            ends[pair].append(event.known_by)
    result = set()
    for pair, dates in starts.items():
        start = min(dates)[1]                       # a stated date over a publication date
        if start <= as_of and not any(start <= end <= as_of for end in ends[pair]):
            result.add(pair)
    return result


def _resolved(when: str | None, published: str | None, state: str) -> str | None:
    """A date the extractor kept only as words ("in July"), resolved as the state rules do."""
    return event_dates.resolve(when, published, future=state == "expected") if when else None


def _known_by(state: str, date: str | None, claim: dict[str, Any]) -> str | None:
    """The stated date, else the publication; an expectation is known when published (its date is
    the day the endorsement is expected)."""
    if state == "expected":
        return claim.get("published") or date
    return date or claim.get("published")


def race_events(graph: nx.MultiDiGraph, candidate: str | None = None) -> list[Event]:
    """The events of ``candidate``'s race: its own and those of every candidate its endorsers (and
    decliners...) took a state towards; without ``candidate``, every event."""
    found = events(graph_edges(graph))
    if candidate is None:
        return found
    endorsers = {e.endorser_id for e in found if e.candidate_id == candidate}
    race = {candidate} | {e.candidate_id for e in found if e.endorser_id in endorsers}
    return [e for e in found if e.candidate_id in race]


def steps(found: list[Event]) -> dict[str, list[tuple[str, int]]]:
    """Per candidate id, (day, endorsements standing that day) on every day an event is known by."""
    days = sorted({e.known_by for e in found if e.known_by})
    candidates = sorted({e.candidate_id for e in found})
    counts = {day: standing_among(found, day) for day in days}
    return {c: [(day, sum(1 for _, target in counts[day] if target == c)) for day in days] for c in candidates}


def as_of_graph(graph: nx.MultiDiGraph, as_of: str) -> nx.MultiDiGraph:
    """A read-only view of ``graph`` on ``as_of`` (see :func:`on_day`)."""
    return nx.subgraph_view(graph, filter_edge=on_day(graph_edges(graph), as_of))


def on_day(edges: Iterable[Edge], as_of: str) -> Callable[[str, str, str], bool]:
    """``kept(source, target, relation type)`` for the graph as it was on ``as_of``: endorsements not
    standing then, and states not yet known then, are left out; every other relation is kept."""
    day, edges = check_date(as_of), list(edges)
    stood = standing(edges, day)
    known = {(e.endorser_id, e.candidate_id) for e in events(edges) if e.known_by and e.known_by <= day}

    def kept(source: str, target: str, relation: str) -> bool:
        return (relation != ENDORSED or (source, target) in stood) and (relation != STATES or (source, target) in known)
    return kept


def _switch_partners(edges: list[Edge]) -> dict[tuple, str]:
    """(endorser id, article, sentence start, state) -> the candidate of that switch claim."""
    return {(edge.endorser_id, claim.get("article"), claim.get("start"), claim["properties"]["state"]): edge.candidate
            for edge in edges if edge.type == STATES
            for claim in edge.claims if claim.get("properties", {}).get("state") in SWITCHES}


def _event_order(event: Event) -> tuple:
    return (event.known_by is None, event.known_by or "", event.candidate, event.endorser, event.state,
            event.source, event.sentence)
