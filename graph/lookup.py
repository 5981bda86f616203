"""Finding an entity by the name a user types: exact name or alias first, then fuzzy matches."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from rapidfuzz import fuzz, process

from .errors import EndorsegraphError
from .kg import aliases
from .model import normalize_name

MIN_SCORE = 60.0


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


def search(graph: nx.MultiDiGraph, text: str, limit: int = 10) -> list[Match]:
    """Entities whose name or an alias is close to ``text``, best first."""
    choices = {}
    for node_id, data in graph.nodes(data=True):
        for form in (data["name"], *aliases(graph, node_id)):
            choices[(node_id, form)] = normalize_name(form)
    query = normalize_name(text)
    best: dict[str, Match] = {}
    for _, score, (node_id, form) in process.extract(query, choices, scorer=fuzz.WRatio,
                                                     limit=limit * 4, score_cutoff=MIN_SCORE):
        if node_id not in best or score > best[node_id].score:
            data = graph.nodes[node_id]
            best[node_id] = Match(node_id, data["name"], data["type"], form, round(score, 1))
    return sorted(best.values(), key=lambda m: (-m.score, m.name))[:limit]


def resolve(graph: nx.MultiDiGraph, name: str) -> str:
    """The node id for ``name``: its id, canonical name or an unambiguous alias; else EntityNotFound."""
    if name in graph:
        return name
    wanted = normalize_name(name)
    by_name = [n for n, data in graph.nodes(data=True) if normalize_name(data["name"]) == wanted]
    if len(by_name) == 1:
        return by_name[0]
    by_alias = sorted({n for n in graph if any(normalize_name(a) == wanted for a in aliases(graph, n))})
    if len(by_alias) == 1:
        return by_alias[0]
    candidates = by_name or by_alias
    if candidates:
        names = [graph.nodes[n]["name"] for n in candidates]
        raise EndorsegraphError(f"{name!r} is ambiguous: it may be {' or '.join(names)}")
    raise EntityNotFound(name, [m.name for m in search(graph, name, limit=3)])
