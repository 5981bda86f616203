"""The query catalog: every named question, its parameters, its networkx function, its Cypher, its row.

The CLI and the parity tests iterate over :data:`CATALOG`; nothing else lists the queries.
A back end answers a catalog query: :class:`Embedded` runs the networkx function over an
in-memory graph, :class:`Server` runs the Cypher text on a Bolt store. Names that users type
(``NAME`` parameters) are resolved to entity ids first, with "did you mean" on a near miss.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import networkx as nx
from rapidfuzz import process

from ..graph import lookup, server_model
from ..graph.errors import EndorsegraphError
from ..graph.model import entity_id, normalize_name
from . import endorsements, lifecycle, paths, points, roles
from .rows import Runner, canonical, from_record

NAMES_CYPHER = ("MATCH (n) WHERE n.id IS NOT NULL AND n.name IS NOT NULL "
                "RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases")
# One indexed lookup per key label (from the schema), rather than a scan of every node.
ENTITY_CYPHER = "\nUNION\n".join(f"MATCH (n:{label} {{id: $id}}) RETURN n.id AS id, n.name AS name"
                                  for label in server_model.key_labels())

REQUIRED = object()


@dataclass(frozen=True)
class Param:
    name: str
    kind: str           # "entity" (a NAME, resolved to an id), "text", "int", "flag" or "relations"
    help: str
    default: Any = REQUIRED

    @property
    def positional(self) -> bool:
        return self.default is REQUIRED


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    params: tuple[Param, ...]
    networkx: Callable[..., list[Any]]          # (graph, **params) -> rows
    cypher: str | dict[Any, str]                # the server's text(s)
    row: type
    on_server: Callable[..., list[Any]] | None = None   # (run, **params) -> rows, if not one text

    def run_embedded(self, graph: nx.MultiDiGraph, **params: Any) -> list[Any]:
        return self.networkx(graph, **params)

    def run_server(self, run: Runner, **params: Any) -> list[Any]:
        if self.on_server is not None:
            return self.on_server(run, **params)
        return canonical(from_record(self.row, record) for record in run(self.cypher, params))


def _names(run: Runner) -> list[lookup.Named]:
    return [lookup.Named(r["id"], r["name"], r["type"], tuple(r["aliases"] or ())) for r in run(NAMES_CYPHER, {})]


def _search_on_server(run: Runner, text: str, limit: int = 10) -> list[lookup.Match]:
    return lookup.search_names(_names(run), text, limit)


_NAME = "name, alias or id"
_AS_OF = Param("as_of", "text", "Only the endorsements standing on this ISO date (undated ones are left out).", None)
CATALOG: dict[str, NamedQuery] = {q.name: q for q in (
    NamedQuery("endorsers", "Who endorsed a candidate, with kind, date and evidence.",
               (Param("candidate", "entity", f"Candidate ({_NAME})."), _AS_OF),
               endorsements.endorsers, endorsements.ENDORSERS_CYPHER, endorsements.Endorsement,
               endorsements.endorsers_on_server),
    NamedQuery("endorsed-by", "Whom a person or organization endorsed, with each candidate's primary result.",
               (Param("endorser", "entity", f"Person or organization ({_NAME})."), _AS_OF),
               endorsements.endorsed_by, endorsements.ENDORSED_BY_CYPHER, endorsements.Backing,
               endorsements.endorsed_by_on_server),
    NamedQuery("leaders", "Current and former leaders, and founders, of an organization.",
               (Param("organization", "entity", f"Organization ({_NAME})."),),
               roles.leaders, roles.LEADERS_CYPHER, roles.Role),
    NamedQuery("roles", "What a person leads, founded, advises or belongs to.",
               (Param("person", "entity", f"Person ({_NAME})."),),
               roles.roles, roles.ROLES_CYPHER, roles.Role),
    NamedQuery("affiliations", "Every relation within --depth hops of an entity.",
               (Param("entity", "entity", f"Entity ({_NAME})."),
                Param("depth", "int", f"Hops, 1 to {paths.MAX_DEPTH}.", 1)),
               paths.affiliations, paths.AFFILIATIONS_CYPHER, paths.Affiliation,
               paths.affiliations_on_server),
    NamedQuery("path", "The k shortest paths between two entities, every hop with its evidence.",
               (Param("source", "entity", f"Where the path starts ({_NAME})."),
                Param("target", "entity", f"Where it ends ({_NAME})."),
                Param("k", "int", "How many paths.", 3),
                Param("directed", "flag", "Follow relations only in their direction.", False),
                Param("relations", "relations", "Only these relation types (default: all).", None),
                Param("max_hops", "int", f"Longest path, 1 to {paths.MAX_HOPS}.", paths.MAX_HOPS),
                Param("as_of", "text", "Only endorsements standing on this ISO date (other relations as they are).",
                      None)),
               paths.path, paths.PATH_CYPHER, paths.PathHop, paths.path_on_server),
    NamedQuery("conflicts", "People whose endorsement differs from that of an organization they lead, "
               "led or founded.", (), endorsements.conflicts, endorsements.CONFLICTS_CYPHER,
               endorsements.Conflict),
    NamedQuery("shared-endorsers", "Endorsers of both of two candidates.",
               (Param("first", "entity", f"A candidate ({_NAME})."),
                Param("second", "entity", f"Another candidate ({_NAME}).")),
               endorsements.shared_endorsers, endorsements.SHARED_ENDORSERS_CYPHER,
               endorsements.SharedEndorser),
    NamedQuery("tally", "Standing endorsements per candidate, by endorser kind, with member counts.",
               (_AS_OF,), endorsements.tally, endorsements.TALLY_CYPHER, endorsements.Tally,
               endorsements.tally_on_server),
    NamedQuery("timeline", "Every state of a candidate's endorsements (expected, endorsed, conditional, declined, "
               "withdrawn, switched), in order of date, each with its sentence.",
               (Param("candidate", "entity", f"Candidate ({_NAME})."),),
               lifecycle.timeline, lifecycle.CANDIDATE_EDGES_CYPHER, lifecycle.Event, lifecycle.timeline_on_server),
    NamedQuery("switched", "Who moved their support from one candidate to another, and when.",
               (), lifecycle.switched, lifecycle.EDGES_CYPHER, lifecycle.Switch, lifecycle.switched_on_server),
    NamedQuery("declined", "Who declined to endorse whom, and when.",
               (), lifecycle.declined, lifecycle.EDGES_CYPHER, lifecycle.Declined, lifecycle.declined_on_server),
    NamedQuery("points", "FiveThirtyEight points per candidate, most first, with the claims behind them.",
               (), points.points, points.POINTS_CYPHER, points.Points, points.points_on_server),
    NamedQuery("search", "Entities whose name or an alias is close to TEXT.",
               (Param("text", "text", "What to look for."), Param("limit", "int", "Most matches.", 10)),
               lookup.search, NAMES_CYPHER, lookup.Match, _search_on_server),
)}


class Backend(Protocol):
    def resolve(self, name: str) -> str: ...
    def answer(self, query: NamedQuery, params: dict[str, Any]) -> list[Any]: ...


class Embedded:
    """Catalog queries over an in-memory networkx graph."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def resolve(self, name: str) -> str:
        return lookup.resolve(self.graph, name)

    def answer(self, query: NamedQuery, params: dict[str, Any]) -> list[Any]:
        return query.run_embedded(self.graph, **params)


class Server:
    """Catalog queries on a Bolt store (anything with ``run(query, params) -> list[dict]``)."""

    def __init__(self, store: Any):
        self.store = store

    def run(self, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self.store.run(text, params)

    def resolve(self, name: str) -> str:
        """Like :func:`lookup.resolve`: an id or canonical name costs one indexed lookup, else a name scan."""
        for record in self.run(ENTITY_CYPHER, {"id": entity_id(name)}):   # a slug: safe on every server
            if record["id"] == name or normalize_name(record["name"]) == normalize_name(name):
                return record["id"]
        return lookup.resolve_name(_names(self.run), name)

    def answer(self, query: NamedQuery, params: dict[str, Any]) -> list[Any]:
        return query.run_server(self.run, **params)


def find(name: str) -> NamedQuery:
    """The catalog query called ``name``; a clear error naming the closest ones otherwise."""
    if name in CATALOG:
        return CATALOG[name]
    close = [found for found, _, _ in process.extract(name, list(CATALOG), limit=2, score_cutoff=60)]
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise EndorsegraphError(f"no query named {name!r}{hint} (queries: {', '.join(CATALOG)})")


def bind(name: str, args: list[str], options: dict[str, Any]) -> dict[str, Any]:
    """Parameters for query ``name`` from command-line words (its positional parameters, in order)
    and options (``None`` where not given)."""
    wanted = [p.name for p in find(name).params if p.positional]
    if len(args) != len(wanted):
        usage = " ".join(w.upper() for w in wanted) or "no arguments"
        raise EndorsegraphError(f"query {name} takes {usage}; got {len(args)} argument(s)")
    return {**dict(zip(wanted, args)), **{k: v for k, v in options.items() if v is not None}}


def run(backend: Backend, name: str, params: dict[str, Any]) -> list[Any]:
    """Answer a catalog query on a back end; both back ends give the same rows.

    Parameters
    ----------
    backend : Embedded or Server
        Where to ask: :class:`Embedded` over a networkx graph, :class:`Server` on a Bolt store.
    name : str
        A query of :data:`CATALOG` (``endorsers``, ``leaders``, ``path``, ...).
    params : dict
        The query's parameters by name (``CATALOG[name].params``); NAME parameters as a user types
        them (a name, an alias or an id), resolved to entity ids here. :func:`bind` makes them from
        command-line words.

    Returns
    -------
    list
        Rows of the query's row type (``CATALOG[name].row``, a frozen dataclass) in canonical order;
        rows about a relation end with its evidence (``sentence``, ``source``, ``sources``).

    Raises
    ------
    EndorsegraphError
        An unknown query (naming the closest ones), an unknown or missing parameter, or a value out
        of range.
    EntityNotFound
        A NAME parameter matches no entity ("did you mean" on a near miss).

    Examples
    --------
    >>> import endorsegraph
    >>> from endorsegraph.queries import catalog
    >>> backend = catalog.Embedded(endorsegraph.load("demo.json"))
    >>> rows = catalog.run(backend, "leaders", {"organization": "CWA"})
    >>> [(row.holder, row.role, row.current) for row in rows]
    [('Chris Shelton', 'president', True), ('Larry Cohen', 'president', False)]
    >>> rows[1].sources
    ['examples/articles/labor_backs_sanders.txt', 'examples/records/relations.jsonl']
    >>> rows[1].sentence
    "Larry Cohen, a former CWA president, joined Sanders' campaign as a senior adviser after he retired from the union over the summer."
    >>> catalog.run(backend, "leader", {"organization": "CWA"})
    Traceback (most recent call last):
    ...
    endorsegraph.graph.errors.EndorsegraphError: no query named 'leader'; did you mean leaders...
    """
    query = find(name)
    known = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise EndorsegraphError(f"query {name} takes no {', '.join(unknown)} "
                                f"(it takes: {', '.join(known) or 'nothing'})")
    missing = [p.name for p in query.params if p.positional and p.name not in params]
    if missing:
        raise EndorsegraphError(f"query {name} needs {', '.join(missing)}")
    resolved = {key: backend.resolve(value) if known[key].kind == "entity" else value
                for key, value in params.items()}
    return backend.answer(query, resolved)
