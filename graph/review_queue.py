"""What most needs a person: unreviewed claims in order, and pairs of entities that may be one.

Claims come low confidence first, then claims in conflict with another source of the same relation
(a different date, status, role or ``current``), then claims that alone support their relation,
then the rest. Entity pairs are proposed by the same acronym, near names (rapidfuzz) and the same
role at the same organization, never for a pair already judged, directly or transitively.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx
from rapidfuzz import fuzz

from . import kg, schema
from .decisions import claim_key, key_id
from .identity import Identities
from .model import normalize_name

LOW_CONFIDENCE = 0.9          # below this a claim is reviewed first
NEAR_NAMES = 88               # rapidfuzz score (0-100) from which two names are proposed as one entity
COMMON_TOKEN = 50             # a word in more names than this does not bring names together on its own
ACRONYM_SKIP = {"of", "the", "for", "and", "a", "an", "in", "on", "to", "at"}


@dataclass(frozen=True)
class ClaimItem:
    """An unreviewed claim with its relation and why it comes where it does in the queue."""

    claim: dict[str, Any]
    source: str
    target: str
    type: str
    reasons: tuple[str, ...]

    @property
    def id(self) -> str:
        """The claim's id (a graph without decisions has no ids on its claims yet: it is as extracted)."""
        return self.claim.get("id") or key_id(claim_key(self.claim, self.type, self.source, self.target))

    def rank(self) -> tuple:
        tier = 0 if "low confidence" in self.reasons else 1 if any(r.startswith("conflict") for r in self.reasons) \
            else 2 if "sole support" in self.reasons else 3
        return (tier, self.claim.get("confidence", 1.0), self.type, self.source, self.target,
                self.claim["article"], self.claim.get("start", -1), self.claim.get("line", -1))


@dataclass(frozen=True)
class Pair:
    """Two entities that may be one, why, and how sure (0-100); ``b`` is the likelier canonical one."""

    a: str
    b: str
    reason: str
    score: float


def claim_queue(graph: nx.MultiDiGraph) -> list[ClaimItem]:
    """Every claim without a review, most in need of a person first."""
    items = []
    for source, target, relation_type, edge in graph.edges(keys=True, data=True):
        claims = edge["claims"]
        for claim in claims:
            if "review" in claim:
                continue
            reasons = []
            if claim.get("confidence", 1.0) < LOW_CONFIDENCE:
                reasons.append("low confidence")
            reasons += [f"conflict: {key}" for key in _disagreements(claim, claims)]
            if len(claims) == 1:
                reasons.append("sole support")
            items.append(ClaimItem(claim, source, target, relation_type, tuple(reasons)))
    return sorted(items, key=ClaimItem.rank)


def _disagreements(claim: dict[str, Any], claims: list[dict[str, Any]]) -> list[str]:
    """The properties on which another claim of the same relation says something else."""
    said = claim.get("properties", {})
    return sorted({key for other in claims if other is not claim
                   for key, value in other.get("properties", {}).items() if key in said and said[key] != value})


def entity_pairs(graph: nx.MultiDiGraph, identities: Identities) -> list[Pair]:
    """Pairs of entities that may be one, best first, leaving out pairs already judged."""
    best: dict[frozenset[str], Pair] = {}
    for pair in [*_acronyms(graph), *_near_names(graph), *_same_role(graph)]:
        if identities.same(pair.a, pair.b) or identities.different(pair.a, pair.b) or \
                not _compatible(graph, pair.a, pair.b):
            continue
        key = frozenset((pair.a, pair.b))
        if key not in best or pair.score > best[key].score:
            best[key] = _ordered(graph, pair)
    return sorted(best.values(), key=lambda p: (-p.score, p.a, p.b))


def acronym(name: str) -> str:
    """``"Communications Workers of America"`` -> ``"CWA"``; empty for a name of one word."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'&-]*", name) if w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def _acronyms(graph: nx.MultiDiGraph) -> Iterator[Pair]:
    short: dict[str, set[str]] = {}
    for node_id in graph:
        for form in _forms(graph, node_id):
            if form.isupper() and 2 <= len(form) <= 8:
                short.setdefault(form, set()).add(node_id)
    for node_id, data in graph.nodes(data=True):
        for other in short.get(acronym(data["name"]), ()):
            if other != node_id:
                yield Pair(other, node_id, f"same acronym: {acronym(data['name'])}", 95.0)


def _near_names(graph: nx.MultiDiGraph) -> Iterator[Pair]:
    """Names that share a word (not a common one) and read nearly the same."""
    by_token: dict[str, set[str]] = {}
    names = {n: normalize_name(d["name"]) for n, d in graph.nodes(data=True)}
    for node_id, name in names.items():
        for token in set(name.split()):
            by_token.setdefault(token, set()).add(node_id)
    seen: set[tuple[str, str]] = set()
    for ids in by_token.values():
        if len(ids) > COMMON_TOKEN:
            continue
        for a, b in combinations(sorted(ids), 2):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            people = schema.is_a(graph.nodes[a]["type"], "Person")
            score = fuzz.token_sort_ratio(names[a], names[b]) if people else _organization_score(names[a], names[b])
            if score >= NEAR_NAMES:
                yield Pair(a, b, f"near names ({score:.0f})", score)


def _organization_score(a: str, b: str) -> float:
    """Near spelling, or one name inside the other (a headline's "Progressive Caucus" and the body's
    "Congressional Progressive Caucus") when the shorter has two words or more."""
    shorter = min(a, b, key=len)
    inside = fuzz.token_set_ratio(a, b) if len(shorter.split()) > 1 else 0
    return max(fuzz.token_sort_ratio(a, b), inside * 0.95)


def _same_role(graph: nx.MultiDiGraph) -> Iterator[Pair]:
    holders: dict[tuple[str, str], set[str]] = {}
    for person, organization, edge in graph.edges(data=True):
        if edge["type"] == "LEADS" and edge.get("role") and edge.get("current") is not False:
            holders.setdefault((organization, str(edge["role"]).lower()), set()).add(person)
    for (organization, role), people in sorted(holders.items()):
        for a, b in combinations(sorted(people), 2):
            yield Pair(a, b, f"both {role} of {graph.nodes[organization]['name']}", 80.0)


def _forms(graph: nx.MultiDiGraph, node_id: str) -> set[str]:
    return {graph.nodes[node_id]["name"], *kg.aliases(graph, node_id)}


def _compatible(graph: nx.MultiDiGraph, a: str, b: str) -> bool:
    types = graph.nodes[a]["type"], graph.nodes[b]["type"]
    return schema.is_a(types[0], types[1]) or schema.is_a(types[1], types[0])


def _ordered(graph: nx.MultiDiGraph, pair: Pair) -> Pair:
    """``b`` the entity more claims support (then the longer name): the likelier canonical one."""
    def weight(node_id: str) -> tuple:
        claims = sum(len(e) for *_, e in graph.edges(node_id, data="claims")) + \
            sum(len(e) for *_, e in graph.in_edges(node_id, data="claims"))
        return (claims, len(graph.nodes[node_id]["name"]), node_id)
    return pair if weight(pair.b) >= weight(pair.a) else Pair(pair.b, pair.a, pair.reason, pair.score)
