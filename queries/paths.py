"""How entities connect: every relation within N hops of one, and the k shortest paths between two.

A path is simple (no entity twice), at most ``MAX_HOPS`` long, and may be held to one direction
and to some relation types. "The k shortest" is exact and the same on both back ends: all paths
of the shortest lengths, ordered by length, then entity ids, then relation types, cut to k.

Cypher cannot take a hop count as a parameter, so the server texts are one constant per count,
made once here from a template in which only that integer varies; everything else is a ``$param``.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import networkx as nx

from ..graph import schema
from ..graph.errors import EndorsegraphError
from . import lifecycle
from .fragments import match_by_id
from .rows import Runner, canonical, edge_evidence, evidence, evidenced, from_record

MAX_HOPS = 4
MAX_DEPTH = 3

Step = tuple[str, str, str, bool]   # (subject id, object id, relation type, walked forward)


@evidenced()
class Affiliation:
    distance: int               # hops from the entity asked about to the far end of this relation
    subject: str
    subject_id: str
    relation: str
    object: str
    object_id: str
    role: str | None
    current: bool | None
    date: str | None


@evidenced()
class PathHop:
    path: int                   # rank of the path, 1 for the shortest
    length: int
    step: int
    subject: str
    subject_id: str
    relation: str
    object: str
    object_id: str
    forward: bool               # False where an undirected path walks a relation against its direction


_AFFILIATIONS_TEMPLATE = """MATCH p = (a)-[*1..{hops}]-(n)
WITH last(relationships(p)) AS r, min(length(p)) AS distance
WITH r, distance, startNode(r) AS s, endNode(r) AS t
RETURN distance, s.name AS subject, s.id AS subject_id, type(r) AS relation, t.name AS object,
       t.id AS object_id, r.role AS role, r.current AS current, r.date AS date,
       r.sources AS sources, r.sentences AS sentences"""

_PATH_TEMPLATE = """MATCH p = (a)-[*{hops}..{hops}]-{arrow}(b)
WHERE all(r IN relationships(p) WHERE type(r) IN $relations)
RETURN [n IN nodes(p) | n.id] AS ids,
       [r IN relationships(p) | {{subject: startNode(r).id, subject_name: startNode(r).name,
        relation: type(r), object: endNode(r).id, object_name: endNode(r).name,
        sources: r.sources, sentences: r.sentences}}] AS hops"""

AFFILIATIONS_CYPHER = {depth: match_by_id(a="entity") + _AFFILIATIONS_TEMPLATE.format(hops=depth)
                       for depth in range(1, MAX_DEPTH + 1)}
PATH_CYPHER = {(directed, hops): match_by_id(a="source", b="target")
               + _PATH_TEMPLATE.format(hops=hops, arrow=">" if directed else "")
               for directed in (True, False) for hops in range(1, MAX_HOPS + 1)}


def affiliations(graph: nx.MultiDiGraph, entity: str, depth: int = 1) -> list[Affiliation]:
    """Every relation within some hops of an entity, in either direction: the ``affiliations`` query.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).
    entity : str
        The entity's id; an unknown id has none.
    depth : int, default 1
        How many hops, 1 to ``MAX_DEPTH``.

    Returns
    -------
    list of Affiliation
        One row per relation, with its distance in hops (that of its far end), its properties and
        its evidence.

    Raises
    ------
    EndorsegraphError
        ``depth`` is out of range.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> [(row.distance, row.relation, row.object) for row in affiliations(graph, "larry-cohen")]
    [(1, 'ADVISES', 'Bernie Sanders'), (1, 'LEADS', 'Communications Workers of America')]
    """
    _check_range("depth", depth, MAX_DEPTH)
    distance = _distances(graph, entity, depth - 1, schema.relation_types(), outward=True, inward=True)
    near = {(s, o, t) for node in distance
            for s, o, t in (*graph.out_edges(node, keys=True), *graph.in_edges(node, keys=True))}
    rows = []
    for subject, object_, relation in near:
        edge = graph.edges[subject, object_, relation]
        rows.append(Affiliation(
            distance=min(distance.get(subject, depth), distance.get(object_, depth)) + 1,
            subject=graph.nodes[subject]["name"], subject_id=subject, relation=relation,
            object=graph.nodes[object_]["name"], object_id=object_, role=edge.get("role"),
            current=edge.get("current"), date=edge.get("date"), **edge_evidence(edge)))
    return canonical(rows)


def affiliations_on_server(run: Runner, entity: str, depth: int = 1) -> list[Affiliation]:
    """:func:`affiliations` on a Cypher server: each relation ending a trail of at most ``depth``."""
    _check_range("depth", depth, MAX_DEPTH)
    return canonical(from_record(Affiliation, r) for r in run(AFFILIATIONS_CYPHER[depth], {"entity": entity}))


def path(graph: nx.MultiDiGraph, source: str, target: str, k: int = 3, directed: bool = False,
         relations: Iterable[str] | None = None, max_hops: int = MAX_HOPS, as_of: str | None = None) -> list[PathHop]:
    """The k shortest simple paths between two entities, one row per hop: the ``path`` query.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).
    source, target : str
        The entity ids where the paths start and end; an unknown id has none.
    k : int, default 3
        How many paths.
    directed : bool, default False
        Follow relations only in their direction.
    relations : iterable of str, optional
        Only these relation types; by default all.
    max_hops : int, default MAX_HOPS
        The longest path, 1 to ``MAX_HOPS``.
    as_of : str, optional
        An ISO date: the graph as it was that day (:func:`.lifecycle.on_day`).

    Returns
    -------
    list of PathHop
        One row per hop: the path's rank (1 the shortest) and length, the step, the relation, whether
        it is walked forward, and its evidence.

    Raises
    ------
    EndorsegraphError
        ``source`` and ``target`` are one entity, an unknown relation type, or ``k`` or ``max_hops``
        out of range.
    SchemaError
        ``as_of`` is not an ISO date.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> [(hop.step, hop.subject, hop.relation, hop.object) for hop in path(graph, "larry-cohen", "hillary-clinton", k=1)]
    [(1, 'Larry Cohen', 'ADVISES', 'Bernie Sanders'), (2, 'Democracy for America', 'ENDORSED', 'Bernie Sanders'), (3, 'Howard Dean', 'FOUNDED', 'Democracy for America'), (4, 'Howard Dean', 'ENDORSED', 'Hillary Clinton')]
    """
    allowed = _check_path(source, target, k, relations, max_hops)
    if as_of is not None:
        graph = lifecycle.as_of_graph(graph, as_of)
    found: list[tuple[Step, ...]] = []
    for hops in range(1, max_hops + 1):
        to_target = _distances(graph, target, hops - 1, allowed, outward=not directed, inward=True)
        found += _walks(graph, [source], [], target, hops, to_target, set(allowed), directed)
        if len(found) >= k:
            break
    return _hop_rows(graph.nodes, found, k, lambda s, o, t: edge_evidence(graph.edges[s, o, t]))


def path_on_server(run: Runner, source: str, target: str, k: int = 3, directed: bool = False,
                   relations: Iterable[str] | None = None, max_hops: int = MAX_HOPS,
                   as_of: str | None = None) -> list[PathHop]:
    """:func:`path` on a Cypher server: the same answer, one query per path length until k are found;
    with ``as_of``, paths through a relation left out on that day are passed over."""
    allowed = _check_path(source, target, k, relations, max_hops)
    kept = lifecycle.on_day(lifecycle.server_edges(run), as_of) if as_of else None
    found: list[tuple[Step, ...]] = []
    names: dict[str, dict[str, str]] = {}
    proofs: dict[tuple[str, str, str], dict[str, Any]] = {}
    for hops in range(1, max_hops + 1):
        records = run(PATH_CYPHER[directed, hops], {"source": source, "target": target, "relations": allowed})
        for record in records:
            if len(set(record["ids"])) < len(record["ids"]):
                continue   # a trail through some entity twice is not a simple path
            if kept is not None and not all(kept(hop["subject"], hop["object"], hop["relation"])
                                            for hop in record["hops"]):
                continue
            steps = []
            for here, hop in zip(record["ids"], record["hops"]):
                names[hop["subject"]] = {"name": hop["subject_name"]}
                names[hop["object"]] = {"name": hop["object_name"]}
                proofs[hop["subject"], hop["object"], hop["relation"]] = evidence(hop["sources"], hop["sentences"])
                steps.append((hop["subject"], hop["object"], hop["relation"], hop["subject"] == here))
            found.append(tuple(steps))
        if len(found) >= k:
            break
    return _hop_rows(names, found, k, lambda s, o, t: proofs[s, o, t])


def _check_path(source: str, target: str, k: int, relations: Iterable[str] | None, max_hops: int) -> list[str]:
    if source == target:
        raise EndorsegraphError("a path needs two different entities")
    _check_range("k", k, None)
    _check_range("max hops", max_hops, MAX_HOPS)
    allowed = sorted(set(relations or schema.connecting_relation_types()))
    unknown = sorted(set(allowed) - set(schema.relation_types()))
    if unknown:
        raise EndorsegraphError(f"unknown relation type {', '.join(unknown)} "
                                f"(known: {', '.join(schema.relation_types())})")
    return allowed


def _check_range(what: str, value: int, most: int | None) -> None:
    if value < 1 or (most is not None and value > most):
        raise EndorsegraphError(f"{what} must be at least 1" + (f" and at most {most}" if most else "")
                                + f", got {value}")


def _distances(graph: nx.MultiDiGraph, start: str, limit: int, allowed: Iterable[str],
               outward: bool, inward: bool) -> dict[str, int]:
    """Hop counts from ``start`` up to ``limit``, following out-edges and/or in-edges of allowed types."""
    allowed = set(allowed)
    distance, queue = {start: 0}, deque([start])
    while queue:
        node = queue.popleft()
        if distance[node] == limit:
            continue
        for neighbour, _ in _steps(graph, node, allowed, outward, inward):
            if neighbour not in distance:
                distance[neighbour] = distance[node] + 1
                queue.append(neighbour)
    return distance


def _steps(graph: nx.MultiDiGraph, node: str, allowed: set[str], outward: bool,
           inward: bool) -> Iterator[tuple[str, Step]]:
    if outward:
        for _, neighbour, relation in graph.out_edges(node, keys=True):
            if relation in allowed:
                yield neighbour, (node, neighbour, relation, True)
    if inward:
        for neighbour, _, relation in graph.in_edges(node, keys=True):
            if relation in allowed:
                yield neighbour, (neighbour, node, relation, False)


def _walks(graph: nx.MultiDiGraph, visited: list[str], steps: list[Step], target: str, hops: int,
           to_target: dict[str, int], allowed: set[str], directed: bool) -> Iterator[tuple[Step, ...]]:
    """Simple paths of exactly ``hops`` steps to ``target``, pruned by the distance left to it."""
    left = hops - len(steps)
    if left == 0:
        if visited[-1] == target:
            yield tuple(steps)
        return
    for neighbour, step in _steps(graph, visited[-1], allowed, True, not directed):
        if neighbour not in visited and to_target.get(neighbour, hops + 1) <= left - 1:
            yield from _walks(graph, visited + [neighbour], steps + [step], target, hops, to_target,
                              allowed, directed)


def _hop_rows(nodes: Any, found: list[tuple[Step, ...]], k: int,
              proof: Callable[[str, str, str], dict[str, Any]]) -> list[PathHop]:
    ranked = sorted(set(found), key=_path_order)[:k]
    return [PathHop(path=rank, length=len(steps), step=index, subject=nodes[subject]["name"],
                    subject_id=subject, relation=relation, object=nodes[object_]["name"], object_id=object_,
                    forward=forward, **proof(subject, object_, relation))
            for rank, steps in enumerate(ranked, start=1)
            for index, (subject, object_, relation, forward) in enumerate(steps, start=1)]


def _path_order(steps: tuple[Step, ...]) -> tuple:
    walked = [s[0] if s[3] else s[1] for s in steps] + [steps[-1][1] if steps[-1][3] else steps[-1][0]]
    return len(steps), walked, [s[2] for s in steps], [s[3] for s in steps]
