"""Who holds which position: the leaders and founders of an organization, and a person's roles."""
from __future__ import annotations

from typing import Any

import networkx as nx

from ..graph import schema
from .fragments import any_of, match_by_id
from .rows import canonical, edge_evidence, evidenced

LEADER_RELATIONS = schema.relations_tagged("leadership")
ROLE_RELATIONS = schema.relations_tagged("position")


@evidenced()
class Role:
    holder: str
    holder_id: str
    relation: str
    subject: str                # what the role is in: an organization, or the candidate advised
    subject_id: str
    role: str | None
    current: bool | None


_ROLE_RETURN = """
RETURN h.name AS holder, h.id AS holder_id, type(r) AS relation, t.name AS subject, t.id AS subject_id,
       r.role AS role, r.current AS current, r.sources AS sources, r.sentences AS sentences"""

LEADERS_CYPHER = f"MATCH (h)-[r:{any_of(LEADER_RELATIONS)}]->(t:Organization {{id: $organization}})" + _ROLE_RETURN

ROLES_CYPHER = match_by_id(h="person") + f"MATCH (h)-[r:{any_of(ROLE_RELATIONS)}]->(t)" + _ROLE_RETURN


def leaders(graph: nx.MultiDiGraph, organization: str) -> list[Role]:
    """Current and former leaders, and founders, of an organization: the ``leaders`` query.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).
    organization : str
        The organization's entity id; an unknown id has none.

    Returns
    -------
    list of Role
        One row per relation tagged "leadership" in the schema that ends at the organization, with
        its role, whether it is current, and the evidence.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> [(row.holder, row.role, row.current) for row in leaders(graph, "communications-workers-of-america")]
    [('Chris Shelton', 'president', True), ('Larry Cohen', 'president', False)]
    """
    return canonical(_role(graph, source, organization, edge)
                     for source, _, edge in graph.in_edges(organization, data=True)
                     if edge["type"] in LEADER_RELATIONS)


def roles(graph: nx.MultiDiGraph, person: str) -> list[Role]:
    """What a person leads, founded, advises or is a member of: the ``roles`` query.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).
    person : str
        The person's entity id; an unknown id has none.

    Returns
    -------
    list of Role
        One row per relation tagged "position" in the schema that starts at the person, with its
        role, whether it is current, and the evidence.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> [(row.relation, row.subject, row.current) for row in roles(graph, "larry-cohen")]
    [('ADVISES', 'Bernie Sanders', None), ('LEADS', 'Communications Workers of America', False)]
    """
    return canonical(_role(graph, person, target, edge)
                     for _, target, edge in graph.out_edges(person, data=True)
                     if edge["type"] in ROLE_RELATIONS)


def _role(graph: nx.MultiDiGraph, holder: str, subject: str, edge: dict[str, Any]) -> Role:
    return Role(holder=graph.nodes[holder]["name"], holder_id=holder, relation=edge["type"],
                subject=graph.nodes[subject]["name"], subject_id=subject, role=edge.get("role"),
                current=edge.get("current"), **edge_evidence(edge))
