"""Finding an entity by the name a user types: exact name or alias first, then fuzzy matches."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from rapidfuzz import fuzz, process

from .errors import EndorsegraphError
from .kg import aliases
from .model import normalize_name

MIN_SCORE = 60.0
SUGGESTION_SPREAD = 8.0      # "did you mean" offers only names about as close as the best one


class EntityNotFound(EndorsegraphError):
    """No entity has this name; ``suggestions`` holds the closest names."""

    def __init__(self, name: str, suggestions: list[str]):
        self.suggestions = suggestions
        hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no entity named {name!r}{hint}")


@dataclass(frozen=True)
class Match:
    id: str
    name: str
    type: str
    matched: str        # the name or alias that matched
    score: float        # 100 for an exact match


@dataclass(frozen=True)
class Named:
    """What lookup needs of an entity: its id, name, type and aliases."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()


def names(graph: nx.MultiDiGraph) -> list[Named]:
    """The name index of a graph."""
    return [Named(node_id, data["name"], data["type"], tuple(aliases(graph, node_id)))
            for node_id, data in graph.nodes(data=True)]


def search(graph: nx.MultiDiGraph, text: str, limit: int = 10) -> list[Match]:
    """Entities whose name or an alias is close to some text, best first: the ``search`` query.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph (see :func:`endorsegraph.load`).
    text : str
        What to look for.
    limit : int, default 10
        The most matches.

    Returns
    -------
    list of Match
        One row per entity: its id, name and type, the name or alias that matched, and the score.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> [(match.name, match.matched) for match in search(graph, "sanders", limit=1)]
    [('Bernie Sanders', 'Sanders')]
    """
    return search_names(names(graph), text, limit)


def search_names(index: list[Named], text: str, limit: int = 10) -> list[Match]:
    """:func:`search` over a name index (for stores that are not a networkx graph)."""
    if limit < 1:
        raise EndorsegraphError(f"limit must be at least 1, got {limit}")
    choices = {(entity, form): normalize_name(form) for entity in index for form in (entity.name, *entity.aliases)}
    query = normalize_name(text)
    best: dict[str, Match] = {}
    for _, score, (entity, form) in process.extract(query, choices, scorer=fuzz.WRatio,
                                                    limit=min(limit * 4, len(choices)), score_cutoff=MIN_SCORE):
        if entity.id not in best or score > best[entity.id].score:
            best[entity.id] = Match(entity.id, entity.name, entity.type, form, round(score, 1))
    return sorted(best.values(), key=lambda m: (-m.score, m.name, m.id))[:limit]


def resolve(graph: nx.MultiDiGraph, name: str) -> str:
    """The node id for ``name``: its id, canonical name or an unambiguous alias; else EntityNotFound."""
    if name in graph:
        return name
    return resolve_name(names(graph), name)


def resolve_name(index: list[Named], name: str) -> str:
    """:func:`resolve` over a name index (for stores that are not a networkx graph)."""
    by_id = [entity.id for entity in index if entity.id == name]
    if by_id:
        return by_id[0]
    wanted = normalize_name(name)
    by_name = [entity for entity in index if normalize_name(entity.name) == wanted]
    if len(by_name) == 1:
        return by_name[0].id
    by_alias = sorted({entity for entity in index if any(normalize_name(a) == wanted for a in entity.aliases)},
                      key=lambda entity: entity.id)
    if len(by_alias) == 1:
        return by_alias[0].id
    candidates = by_name or by_alias
    if candidates:
        raise EndorsegraphError(f"{name!r} is ambiguous: it may be {' or '.join(e.name for e in candidates)}")
    raise EntityNotFound(name, suggestions(search_names(index, name, limit=3)))


def suggestions(matches: list[Match]) -> list[str]:
    """The names worth offering as "did you mean": the best match and those nearly as good."""
    return [m.name for m in matches if m.score >= matches[0].score - SUGGESTION_SPREAD] if matches else []
