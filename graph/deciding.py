"""Taking a decision: name its subject from what a person typed, check it, append it to the file.

Claims are named by their id (or a unique prefix of it) as ``show`` prints it; entities by name,
alias or id in the reviewed graph. A decision is tried on the graph with every earlier decision
first, and refused (nothing written) if it would be stale or conflict (a merge of two entities
judged different, directly or transitively; a type the schema refuses).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from . import curation, schema
from . import decisions as dfile
from .decisions import Decision
from .embedded import JsonFileStore
from .errors import EndorsegraphError
from .lookup import resolve

USAGE = {"accept": "accept CLAIM-ID...", "reject": "reject CLAIM-ID...", "unsure": "unsure CLAIM-ID...",
         "correct": "correct CLAIM-ID [--type T] [--source NAME] [--target NAME] [--role R]",
         "merge": "merge A B [--name CANONICAL]", "not-same": "not-same A B",
         "split": "split NAME --form FORM... [--name WHO]", "retype": "retype NAME TYPE",
         "rename": "rename NAME NEW-NAME"}


@dataclass(frozen=True)
class Author:
    """Who decides and why; ``at`` is the time to record (now, unless a test fixes it)."""

    by: str
    why: str = ""
    at: str = ""


@dataclass(frozen=True)
class Correction:
    """What ``correct`` changes: the relation type, either end (names), the role."""

    type: str = ""
    source: str = ""
    target: str = ""
    role: str = ""


def claim_keys(graph: nx.MultiDiGraph) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Every claim of the graph as extracted, by id: its key and the claim."""
    keys = {}
    for source, target, relation_type, data in graph.edges(keys=True, data=True):
        for claim in data["claims"]:
            key = dfile.claim_key(claim, relation_type, source, target)
            keys[dfile.key_id(key)] = (key, claim)
    return keys


def find_claim(graph: nx.MultiDiGraph, wanted: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The key and the claim whose id is ``wanted`` or starts with it, in the graph as extracted."""
    found = [found for claim_id, found in claim_keys(graph).items() if claim_id.startswith(wanted)]
    if len(found) != 1 or len(wanted) < 4:
        raise EndorsegraphError(f"no claim with id {wanted!r} (show NAME prints each claim's id)" if not found
                                else f"claim id {wanted!r} is too short: it fits {len(found)} claims")
    return found[0]


def mark(key: dict[str, Any], claim: dict[str, Any], action: str, author: Author) -> Decision:
    """Accept, reject or mark unsure the claim with ``key``."""
    return Decision(action=action, by=author.by, at=author.at or dfile.now(), why=author.why, claim=key,
                    sentence=claim.get("sentence", ""))


def claim_decision(graph_file: Path, action: str, wanted: str, author: Author,
                   correction: Correction | None = None, decisions_file: Path | None = None) -> Decision:
    """A decision on one claim (accept, reject, unsure, correct) by its id."""
    key, claim = find_claim(JsonFileStore(graph_file).load(), wanted)
    if action != "correct":
        return mark(key, claim, action, author)
    correction = correction or Correction()
    if not any((correction.type, correction.source, correction.target, correction.role)):
        raise EndorsegraphError("correct needs --type, --source, --target or --role")
    reviewed = curation.load(graph_file, decisions_file).graph
    to: dict[str, Any] = {}
    if correction.type:
        schema.relation_properties(correction.type)              # SchemaError names the known types
        to["type"] = correction.type
    for end in ("source", "target"):
        if getattr(correction, end):
            to[end] = dfile.entity_ref(reviewed, resolve(reviewed, getattr(correction, end)))
    if correction.role:
        to["role"] = correction.role
    return Decision(action=action, by=author.by, at=author.at or dfile.now(), why=author.why, claim=key,
                    sentence=claim.get("sentence", ""), to=to)


def entity_decision(graph_file: Path, action: str, names: list[str], author: Author, name: str = "",
                    forms: tuple[str, ...] = (), decisions_file: Path | None = None) -> Decision:
    """A decision on entities named as a person would name them: merge, not-same, split, retype, rename."""
    wanted = {"merge": 2, "not-same": 2, "split": 1, "retype": 2, "rename": 2}[action]
    if len(names) != wanted:
        raise EndorsegraphError(f"usage: decide {USAGE[action]}")
    if action == "split" and not forms:
        raise EndorsegraphError(f"usage: decide {USAGE[action]} (which surface forms name someone else?)")
    reviewed = curation.load(graph_file, decisions_file).graph
    entity = dfile.entity_ref(reviewed, resolve(reviewed, names[0]))
    other = dfile.entity_ref(reviewed, resolve(reviewed, names[1])) if action in ("merge", "not-same") else None
    if other is not None and other["id"] == entity["id"]:
        raise EndorsegraphError(f"{names[0]!r} and {names[1]!r} are the same entity ({entity['id']})")
    return Decision(action=action, by=author.by, at=author.at or dfile.now(), why=author.why, entity=entity,
                    other=other, name=names[1] if action == "rename" else name,
                    type=names[1] if action == "retype" else "", forms=forms)


def record(graph_file: Path, decision: Decision, decisions_file: Path | None = None) -> curation.Outcome:
    """Append ``decision`` to the decisions file if it applies on top of the earlier ones;
    EndorsegraphError saying why not, and nothing written, if it is stale or conflicts."""
    path = decisions_file or dfile.default_path(graph_file)
    earlier = dfile.read(path)
    trial = curation.apply(JsonFileStore(graph_file).load(), [*earlier, decision], keep_rejected=True)
    outcome = next(o for o in trial.outcomes if o.decision is decision)
    if outcome.status != "applied":
        raise EndorsegraphError(f"not recorded: {outcome.reason}")
    dfile.append(path, decision)
    return outcome
