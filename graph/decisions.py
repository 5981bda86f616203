"""The decisions file: a journalist's review of claims and entities, one JSON object per line.

The file is append-only: a later decision about the same claim, or the same action on the same
entities, supersedes an earlier one (a merge never overrides a not-same), and nothing is rewritten. Decisions name what they are about by keys that
survive a rebuild from scratch:

- a claim by its article, the sentence's offsets (or the record's line), the relation type and the
  ids of the two entities the extractor read (``claim_key``); its short id (``c`` + 10 hex digits
  of a hash of that key) is what ``show`` prints and ``decide`` takes;
- an entity by its id and the surface forms it covered when the decision was taken
  (``entity_ref``), so it is found again under another id if only its forms are left.
"""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from . import kg
from .errors import EndorsegraphError

CLAIM_ACTIONS = ("accept", "reject", "unsure", "correct")
ENTITY_ACTIONS = ("merge", "not-same", "split", "retype", "rename")
ACTIONS = CLAIM_ACTIONS + ENTITY_ACTIONS
KEY_FIELDS = ("article", "start", "end", "line", "type", "source", "target")
ID_LENGTH = 10


class DecisionsFileError(EndorsegraphError):
    """A decisions file that cannot be read: ``FILE:LINE: reason``."""


@dataclass(frozen=True)
class Decision:
    """One line of the decisions file: what was decided, about what, by whom, when and why."""

    action: str
    by: str
    at: str                                   # ISO 8601 time, UTC
    why: str = ""
    claim: dict[str, Any] | None = None       # claim actions: the claim's key (KEY_FIELDS)
    sentence: str = ""                        # claim actions: the sentence as it was read, to notice a change
    entity: dict[str, Any] | None = None      # entity actions: {"id", "forms"}
    other: dict[str, Any] | None = None       # merge, not-same: the second entity; correct: see ``to``
    name: str = ""                            # merge: canonical name; rename: the new name; split: who the forms are
    type: str = ""                            # retype: the new type
    forms: tuple[str, ...] = ()               # split: the surface forms that name someone else
    to: dict[str, Any] = field(default_factory=dict)   # correct: type, source/target refs, role
    line: int = 0                             # where it is in the file (not written)

    @property
    def claim_id(self) -> str:
        return key_id(self.claim) if self.claim is not None else ""

    def to_json(self) -> str:
        """The decision as one line of compact JSON, keys sorted, empty fields left out."""
        data = {"action": self.action, "by": self.by, "at": self.at, "why": self.why, "claim": self.claim,
                "id": self.claim_id, "sentence": self.sentence, "entity": self.entity, "other": self.other,
                "name": self.name, "type": self.type, "forms": list(self.forms), "to": self.to}
        return json.dumps({k: v for k, v in data.items() if v not in (None, "", [], {})},
                          sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def default_path(graph_file: Path) -> Path:
    """Where a graph's decisions live unless ``--decisions`` says: ``G.decisions.jsonl`` beside it."""
    return graph_file.with_name(graph_file.name + ".decisions.jsonl")


def claim_key(claim: dict[str, Any], relation_type: str, source: str, target: str) -> dict[str, Any]:
    """A claim's stable key: article, sentence offsets or record line, relation type and end ids."""
    return {"article": claim["article"], "start": claim.get("start"), "end": claim.get("end"),
            "line": claim.get("line"), "type": relation_type, "source": source, "target": target}


def key_id(key: dict[str, Any]) -> str:
    """The short id of a claim key, as ``show`` prints it: ``c`` and 10 hex digits."""
    text = json.dumps([key.get(f) for f in KEY_FIELDS], ensure_ascii=False, separators=(",", ":"))
    return "c" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_LENGTH]


def entity_ref(graph: nx.MultiDiGraph, node_id: str) -> dict[str, Any]:
    """An entity's stable key: its id and the surface forms it covers (its name first)."""
    name = graph.nodes[node_id]["name"]
    return {"id": node_id, "forms": [name, *sorted(set(kg.aliases(graph, node_id)) - {name})]}


def now() -> str:
    """The current time as decisions record it (UTC, to the second)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def default_author() -> str:
    """Who decides when ``--by`` is not given: the user's login name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def read(path: Path) -> list[Decision]:
    """Every decision in the file, in order; none if it does not exist.

    DecisionsFileError naming the file and line for a line that is not a sound decision.
    """
    if not path.exists():
        return []
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise DecisionsFileError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    decisions = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                decisions.append(parse(json.loads(line), number))
            except (json.JSONDecodeError, RecursionError):
                raise DecisionsFileError(f"{path}:{number}: not a JSON object") from None
            except ValueError as err:
                raise DecisionsFileError(f"{path}:{number}: {err}") from None
    return decisions


def parse(data: Any, line: int = 0) -> Decision:
    """A decision from one line's JSON; ValueError saying what is wrong with it."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    action = data.get("action")
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
    for text_field in ("by", "at", "why", "sentence", "name", "type"):
        if not isinstance(data.get(text_field, ""), str):
            raise ValueError(f"{text_field!r} must be text")
    for needed in ("by", "at"):
        if not data.get(needed):
            raise ValueError(f"a decision needs {needed!r}")
    if action in CLAIM_ACTIONS:
        _check_key(data.get("claim"))
    else:
        _check_ref(data.get("entity"), "entity")
    if action in ("merge", "not-same"):
        _check_ref(data.get("other"), "other")
    if action in ("rename", "retype") and not data.get("name" if action == "rename" else "type"):
        raise ValueError(f"{action} needs {'name' if action == 'rename' else 'type'!r}")
    forms = data.get("forms", [])
    if not isinstance(forms, list) or not all(isinstance(f, str) and f for f in forms) or \
            (action == "split" and not forms):
        raise ValueError("'forms' must be a list of surface forms" + (" (split needs one)" if action == "split" else ""))
    to = data.get("to", {})
    if not isinstance(to, dict) or (action == "correct" and not to):
        raise ValueError("correct needs 'to' (type, source, target or role)")
    for end in ("source", "target"):
        if end in to:
            _check_ref(to[end], f"to.{end}")
    unknown = set(data) - {"action", "by", "at", "why", "claim", "id", "sentence", "entity", "other", "name",
                           "type", "forms", "to"}
    if unknown:
        raise ValueError(f"unknown field {min(unknown)!r}")
    return Decision(action=action, by=data["by"], at=data["at"], why=data.get("why", ""), claim=data.get("claim"),
                    sentence=data.get("sentence", ""), entity=data.get("entity"), other=data.get("other"),
                    name=data.get("name", ""), type=data.get("type", ""), forms=tuple(forms), to=to, line=line)


def _check_key(key: Any) -> None:
    if not isinstance(key, dict) or set(key) != set(KEY_FIELDS):
        raise ValueError(f"'claim' must hold {', '.join(KEY_FIELDS)}")
    if not all(isinstance(key[f], str) and key[f] for f in ("article", "type", "source", "target")):
        raise ValueError("'claim' needs article, type, source and target as text")
    if not all(key[f] is None or (isinstance(key[f], int) and not isinstance(key[f], bool))
               for f in ("start", "end", "line")):
        raise ValueError("'claim' start, end and line must be whole numbers or null")


def _check_ref(ref: Any, what: str) -> None:
    if not isinstance(ref, dict) or not isinstance(ref.get("id"), str) or not ref["id"] or \
            not isinstance(ref.get("forms"), list) or not ref["forms"] or \
            not all(isinstance(f, str) and f for f in ref["forms"]):
        raise ValueError(f"{what!r} must be an entity: {{\"id\": ..., \"forms\": [name, ...]}}")


def append(path: Path, decision: Decision) -> None:
    """Add one decision at the end of the file, in one write, flushed to disk.

    The file is never rewritten: a reader sees it with or without the new line, and a line is
    never half there (one ``write`` of a line far under the pipe-buffer size, on a file opened
    for appending).
    """
    line = (decision.to_json() + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o666)
    try:
        if os.fstat(descriptor).st_size and not _ends_with_newline(descriptor):
            line = b"\n" + line                # a hand-edited file without its last newline
        os.write(descriptor, line)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _ends_with_newline(descriptor: int) -> bool:
    size = os.fstat(descriptor).st_size
    return os.pread(descriptor, 1, size - 1) == b"\n"


def describe(decision: Decision) -> str:
    """What a decision is about, in one line: ``c1f0a2b3c4d naacp -ENDORSED-> larry-hogan (a.txt [10:80])``."""
    if decision.claim is not None:
        key = decision.claim
        where = f"line {key['line']}" if key["line"] is not None else f"[{key['start']}:{key['end']}]"
        changes = ", ".join(f"{field}={value['forms'][0] if isinstance(value, dict) else value}"
                            for field, value in sorted(decision.to.items()))
        return (f"{decision.claim_id} {key['source']} -{key['type']}-> {key['target']} ({key['article']} {where})"
                + (f" as {changes}" if changes else ""))
    one = decision.entity["forms"][0] if decision.entity else ""
    other = decision.other["forms"][0] if decision.other else ""
    if decision.action == "merge":
        return f"{one!r} into {other!r}" + (f" as {decision.name!r}" if decision.name else "")
    if decision.action == "not-same":
        return f"{one!r} is not {other!r}"
    if decision.action == "split":
        return f"{', '.join(map(repr, decision.forms))} of {one!r} name {decision.name or decision.forms[0]!r}"
    if decision.action == "retype":
        return f"{one!r} is a {decision.type}"
    return f"{one!r} is named {decision.name!r}"
