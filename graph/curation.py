"""Apply a decisions file to a graph as extracted: the reviewed graph every command reads.

The graph file keeps what the inputs say; decisions are applied after it is read (by every
command, by :func:`endorsegraph.load`, and by ``build`` to report on them), so a decision taken or
withdrawn shows at once, a rebuild from scratch gives the same reviewed graph byte for byte, and
nothing extracted is ever lost. Order: splits, merges (and not-same), renames and retypes, claim
corrections, then accept / reject / unsure. For each subject only its latest decision counts; one
whose claim or entity is not in the graph is *stale*, one that contradicts another or the schema a
*conflict*: both are listed (``review --stale``), never dropped silently.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from . import decisions as dfile
from . import kg, schema
from .decisions import Decision
from .errors import SchemaError
from .identity import Identities
from .model import entity_id, normalize_name

REVIEW_STATUS = {"accept": "accepted", "reject": "rejected", "unsure": "unsure", "correct": "corrected"}


@dataclass(frozen=True)
class Outcome:
    """What became of one decision: ``applied``, ``superseded``, ``stale`` or ``conflict``, and why."""

    decision: Decision
    status: str
    reason: str = ""


@dataclass
class Reviewed:
    """The reviewed graph, what became of each decision, and the entities judged same or different."""

    graph: nx.MultiDiGraph
    outcomes: list[Outcome] = field(default_factory=list)
    identities: Identities = field(default_factory=Identities)

    @property
    def problems(self) -> list[Outcome]:
        """Stale and conflicting decisions, in file order."""
        return [o for o in self.outcomes if o.status in ("stale", "conflict")]


def load(graph_file: Path, decisions_file: Path | None = None, keep_rejected: bool = False) -> Reviewed:
    """The graph file with its decisions (``decisions_file``, else the one beside it) applied."""
    from .embedded import JsonFileStore
    graph = JsonFileStore(graph_file).load()
    return apply(graph, dfile.read(decisions_file or dfile.default_path(graph_file)), keep_rejected)


def apply(graph: nx.MultiDiGraph, decisions: list[Decision], keep_rejected: bool = False) -> Reviewed:
    """Apply ``decisions`` to ``graph`` in place and return it reviewed.

    Every claim gets its ``id``; reviewed claims a ``review`` (status, by, at, why). Rejected
    claims are removed, with any relation left without claims, unless ``keep_rejected``.
    """
    reviewed = Reviewed(graph)
    if not decisions:
        return reviewed
    latest = _latest(decisions)
    reviewed.outcomes = [Outcome(d, "superseded") for d in decisions if id(d) not in latest]
    _tag_claims(graph)
    steps = _Steps(graph, reviewed)
    current = [d for d in decisions if id(d) in latest]
    for action, step in (("split", steps.split), ("not-same", steps.not_same), ("merge", steps.merge),
                         ("retype", steps.retype), ("rename", steps.rename)):
        for decision in current:
            if decision.action == action:
                steps.record(decision, step)
    claims = _locate_claims(graph)
    for decision in current:
        if decision.action in dfile.CLAIM_ACTIONS:
            steps.record(decision, lambda d: steps.claim(d, claims))
    reviewed.outcomes.sort(key=lambda o: o.decision.line)
    if not keep_rejected:
        drop_rejected(graph)
    return reviewed


def _latest(decisions: list[Decision]) -> set[int]:
    """The decisions that count: the last one per claim, per entity pair, per entity and action."""
    last: dict[Any, Decision] = {}
    for decision in decisions:
        last[subject(decision)] = decision
    return {id(d) for d in last.values()}


def subject(decision: Decision) -> Any:
    """What a decision is about; a later decision about the same subject replaces it."""
    if decision.claim is not None:
        return ("claim", decision.claim_id)
    one = decision.entity["id"] if decision.entity else ""
    if decision.action in ("merge", "not-same"):        # a not-same stands whatever merge comes later
        return (decision.action, frozenset((one, decision.other["id"] if decision.other else "")))
    if decision.action == "split":
        return ("split", one, frozenset(decision.forms))
    return (decision.action, one)


def _tag_claims(graph: nx.MultiDiGraph) -> None:
    """Give every claim its ``id``, from the key of the relation it was read for."""
    for source, target, relation_type, data in graph.edges(keys=True, data=True):
        for claim in data["claims"]:
            claim.pop("review", None)
            claim["id"] = dfile.key_id(dfile.claim_key(claim, relation_type, source, target))


Located = tuple[dict[str, Any], tuple[str, str, str]]


def _locate_claims(graph: nx.MultiDiGraph) -> dict[str, Located]:
    """Claim id -> the claim and the relation (source, target, type) that holds it now."""
    return {claim["id"]: (claim, (source, target, relation_type))
            for source, target, relation_type, data in graph.edges(keys=True, data=True)
            for claim in data["claims"]}


class _Failed(Exception):
    """A decision that cannot be applied: ``status`` is stale or conflict."""

    def __init__(self, status: str, reason: str):
        super().__init__(reason)
        self.status = status


class _Steps:
    """The decisions' steps over one graph, tracking where merged entities went."""

    def __init__(self, graph: nx.MultiDiGraph, reviewed: Reviewed):
        self.graph = graph
        self.reviewed = reviewed
        self.moved: dict[str, str] = {}                 # merged id -> the id it went into
        self._forms: dict[str, set[str]] | None = None  # normalized surface form -> node ids

    def record(self, decision: Decision, step: Any) -> None:
        try:
            step(decision)
        except _Failed as failed:
            self.reviewed.outcomes.append(Outcome(decision, failed.status, str(failed)))
        else:
            self.reviewed.outcomes.append(Outcome(decision, "applied"))

    def find(self, ref: dict[str, Any]) -> str:
        """The node a reference names now: its id (followed through merges), else the one entity
        whose name or alias is the name it had; stale if none."""
        node_id = ref["id"]
        while node_id in self.moved:
            node_id = self.moved[node_id]
        if node_id in self.graph:
            return node_id
        if self._forms is None:
            self._forms = {}
            for other, data in self.graph.nodes(data=True):
                for form in {data["name"], *kg.aliases(self.graph, other)}:
                    self._forms.setdefault(normalize_name(form), set()).add(other)
        found = {self._follow(n) for n in self._forms.get(normalize_name(ref["forms"][0]), ())} & set(self.graph)
        if len(found) == 1:
            return found.pop()
        raise _Failed("stale", f"no entity {ref['id']!r} or named {ref['forms'][0]!r}" if not found else
                      f"{ref['forms'][0]!r} now names several entities: {', '.join(sorted(found))}")

    def _follow(self, node_id: str) -> str:
        while node_id in self.moved:
            node_id = self.moved[node_id]
        return node_id

    def split(self, decision: Decision) -> None:
        """Articles that name the entity only by ``forms`` are about someone else: their mentions and
        claims move to that entity (``name``, created if new, of the same type)."""
        node_id = self.find(decision.entity)
        data = self.graph.nodes[node_id]
        forms = {normalize_name(f) for f in decision.forms}
        articles = [a for a, seen in data["mentions"].items()
                    if seen and all(normalize_name(f) in forms for f in seen)]
        if not articles:
            raise _Failed("stale", f"no article names {node_id!r} only as {', '.join(decision.forms)}")
        name = decision.name or decision.forms[0]
        other = entity_id(name)
        if other == node_id:
            raise _Failed("conflict", f"{name!r} is {node_id!r} itself")
        if other not in self.graph:
            self.graph.add_node(other, name=name, type=data["type"], mentions={})
        elif not schema.is_a(self.graph.nodes[other]["type"], data["type"]) and \
                not schema.is_a(data["type"], self.graph.nodes[other]["type"]):
            raise _Failed("conflict", f"{name!r} is a {self.graph.nodes[other]['type']}, not a {data['type']}")
        for article in articles:
            self.graph.nodes[other]["mentions"][article] = data["mentions"].pop(article)
        moving = set(articles)
        for source, target, relation_type, edge in list(self._edges(node_id)):
            claims = [c for c in edge["claims"] if c["article"] in moving]
            if claims:
                self._take(source, target, relation_type, claims)
                self._put(other if source == node_id else source, other if target == node_id else target,
                          relation_type, claims)
        self._forms = None

    def not_same(self, decision: Decision) -> None:
        a, b = self.find(decision.entity), self.find(decision.other)
        if a == b:
            raise _Failed("conflict", f"{decision.entity['id']!r} and {decision.other['id']!r} are one entity "
                                      f"({a!r}) in the graph")
        try:
            self.reviewed.identities.keep_apart(decision.entity["id"], decision.other["id"])
        except ValueError as err:
            raise _Failed("conflict", str(err)) from None

    def merge(self, decision: Decision) -> None:
        """``entity`` goes into ``other``: names, mentions, properties and relations; ``name``, if
        given, becomes the canonical name."""
        a, b = self.find(decision.entity), self.find(decision.other)
        identities = self.reviewed.identities
        if identities.different(a, b) or identities.different(decision.entity["id"], decision.other["id"]):
            raise _Failed("conflict", f"{a!r} and {b!r} were judged not the same")
        if a != b:
            self._merge_nodes(a, b)
        identities.merge(decision.entity["id"], decision.other["id"])
        identities.merge(a, b)
        if decision.name:
            self.graph.nodes[b]["name"] = schema.check_name(decision.name)

    def _merge_nodes(self, a: str, b: str) -> None:
        into, gone = self.graph.nodes[b], self.graph.nodes[a]
        try:
            merged_type = schema.more_specific(into["type"], gone["type"])
            for source, target, relation_type, _ in [*self._edges(a), *self._edges(b)]:
                ends = [b if end == a else end for end in (source, target)]
                if ends[0] != ends[1]:
                    schema.check_relation(relation_type, *(merged_type if end == b else self.graph.nodes[end]["type"]
                                                           for end in ends), {})
        except SchemaError as err:
            raise _Failed("conflict", str(err)) from None
        into["type"] = merged_type
        for key, value in gone.items():
            if key not in kg.NODE_FIELDS:
                into.setdefault(key, value)
        for article, seen in gone["mentions"].items():
            into["mentions"][article] = dict(sorted((Counter(into["mentions"].get(article, {})) + Counter(seen)).items()))
        for source, target, relation_type, edge in list(self._edges(a)):
            claims = self._take(source, target, relation_type, list(edge["claims"]))
            source, target = (b if source == a else source), (b if target == a else target)
            if source != target:                       # a relation between the two merged entities goes
                self._put(source, target, relation_type, claims)
        self.graph.remove_node(a)
        self.moved[a] = b
        self._forms = None

    def retype(self, decision: Decision) -> None:
        node_id = self.find(decision.entity)
        if decision.type not in schema.entity_types():
            raise _Failed("conflict", f"unknown entity type {decision.type!r}")
        try:
            for source, target, relation_type, _ in self._edges(node_id):
                types = [decision.type if end == node_id else self.graph.nodes[end]["type"] for end in (source, target)]
                schema.check_relation(relation_type, *types, {})
        except SchemaError as err:
            raise _Failed("conflict", f"{node_id!r} as a {decision.type}: {err}") from None
        data = self.graph.nodes[node_id]
        for key in [k for k in data if k not in kg.NODE_FIELDS and not _declared(decision.type, k)]:
            del data[key]                              # a property the new type does not have
        data["type"] = decision.type

    def rename(self, decision: Decision) -> None:
        self.graph.nodes[self.find(decision.entity)]["name"] = schema.check_name(decision.name)

    def claim(self, decision: Decision, claims: dict[str, Located]) -> None:
        if decision.claim_id not in claims:
            raise _Failed("stale", "no such claim in the graph")
        claim, where = claims[decision.claim_id]
        if decision.sentence and claim.get("sentence", "") != decision.sentence:
            raise _Failed("stale", f"the sentence of {decision.claim_id} changed since the decision")
        if decision.action == "correct":
            where = self._correct(decision, claim, where)
        claim["review"] = {"status": REVIEW_STATUS[decision.action], "by": decision.by, "at": decision.at,
                           **({"why": decision.why} if decision.why else {})}

    def _correct(self, decision: Decision, claim: dict[str, Any], where: tuple[str, str, str]
                 ) -> tuple[str, str, str]:
        source, target, relation_type = where
        new_type = decision.to.get("type", relation_type)
        try:
            new_source = self.find(decision.to["source"]) if "source" in decision.to else source
            new_target = self.find(decision.to["target"]) if "target" in decision.to else target
            declared = schema.relation_properties(new_type)
            properties = {k: v for k, v in claim.get("properties", {}).items() if k in declared}
            if "role" in decision.to:
                properties["role"] = decision.to["role"]
            properties = schema.check_relation(new_type, self.graph.nodes[new_source]["type"],
                                               self.graph.nodes[new_target]["type"], properties)
        except SchemaError as err:
            raise _Failed("conflict", f"cannot correct {decision.claim_id}: {err}") from None
        except _Failed as failed:
            raise _Failed(failed.status, f"cannot correct {decision.claim_id}: {failed}") from None
        if new_source == new_target:
            raise _Failed("conflict", f"cannot correct {decision.claim_id}: a relation needs two entities")
        self._take(*where, [claim])
        claim["properties"] = properties
        if not properties:
            del claim["properties"]
        self._put(new_source, new_target, new_type, [claim])
        return new_source, new_target, new_type

    def _edges(self, node_id: str) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        yield from self.graph.out_edges(node_id, keys=True, data=True)
        yield from ((s, t, k, d) for s, t, k, d in self.graph.in_edges(node_id, keys=True, data=True) if s != t)

    def _take(self, source: str, target: str, relation_type: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Remove ``claims`` from a relation (the relation too, if none is left); returns them."""
        edge = self.graph.edges[source, target, relation_type]
        edge["claims"] = [c for c in edge["claims"] if not any(c is taken for taken in claims)]
        if edge["claims"]:
            kg._resolve_properties(edge, relation_type)
        else:
            self.graph.remove_edge(source, target, relation_type)
        return claims

    def _put(self, source: str, target: str, relation_type: str, claims: list[dict[str, Any]]) -> None:
        """Add ``claims`` to a relation, creating it if needed; claims stay in the graph's order."""
        if not self.graph.has_edge(source, target, relation_type):
            self.graph.add_edge(source, target, key=relation_type, type=relation_type, claims=[])
        edge = self.graph.edges[source, target, relation_type]
        edge["claims"] = sorted(edge["claims"] + claims, key=_claim_order)
        kg._resolve_properties(edge, relation_type)


def _claim_order(claim: dict[str, Any]) -> tuple:
    return (claim["article"], claim.get("start", -1), claim.get("end", -1), claim.get("line", -1), claim["id"])


def _declared(entity_type: str, key: str) -> bool:
    """Whether entities of ``entity_type`` have the property ``key``."""
    try:
        schema.check_entity(entity_type, {key: None})
    except SchemaError:
        return False
    return True


def review_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Claims by review: ``reviewed`` (accepted, corrected or unsure), ``unreviewed``, ``rejected``
    (found only in a graph that keeps them), then each kind of review."""
    statuses = Counter(_status(claim) for _, _, claims in graph.edges(data="claims") for claim in claims)
    return {"reviewed": statuses["accepted"] + statuses["corrected"] + statuses["unsure"],
            "unreviewed": statuses["unreviewed"], "rejected": statuses["rejected"],
            **{status: statuses[status] for status in ("accepted", "corrected", "unsure")}}


def drop_rejected(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Remove rejected claims, and relations left without claims (their entities stay)."""
    return _keep_claims(graph, lambda claim: _status(claim) != "rejected")


def reviewed_only(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Keep only claims a person accepted or corrected (for publication); relations left without
    claims go, and entities left without relations."""
    _keep_claims(graph, lambda claim: _status(claim) in ("accepted", "corrected"))
    graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def _status(claim: dict[str, Any]) -> str:
    return claim.get("review", {}).get("status", "unreviewed")


def _keep_claims(graph: nx.MultiDiGraph, keep: Any) -> nx.MultiDiGraph:
    for source, target, relation_type, edge in list(graph.edges(keys=True, data=True)):
        kept = [c for c in edge["claims"] if keep(c)]
        if not kept:
            graph.remove_edge(source, target, relation_type)
        elif len(kept) < len(edge["claims"]):
            edge["claims"] = kept
            kg._resolve_properties(edge, relation_type)
    return graph
