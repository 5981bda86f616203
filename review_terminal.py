"""``endorsegraph review``: the terminal queue, one claim (or one pair of entities) at a time, one key
per answer. Every answer is appended to the decisions file at once, so quitting loses nothing and
the next run starts where this one stopped."""
from __future__ import annotations

import os
import sys
import termios
import tty
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from .graph import curation, deciding
from .graph import decisions as dfile
from .graph.embedded import JsonFileStore
from .graph.errors import EndorsegraphError
from .graph.review_queue import ClaimItem, Pair, claim_queue, entity_pairs
from .graph.drawing.viz_info import marked, web_address

BOLD, UNDERLINE, REVERSE, DIM, RESET = "\x1b[1m", "\x1b[4m", "\x1b[7m", "\x1b[2m", "\x1b[0m"
CLAIM_KEYS = "[a]ccept  [r]eject  [u]nsure  [s]kip  [c]orrect  [o]pen source  [q]uit"
ENTITY_KEYS = "[m]erge  [n]ot the same  [s]kip  [q]uit"
NEIGHBOURS = 3                 # other relations shown per end of a claim
DONE = {"accept": "accepted", "reject": "rejected", "unsure": "marked unsure", "correct": "corrected"}


@dataclass
class Session:
    """One review run: where the graph and decisions are, who answers, and what was done so far."""

    graph_file: Path
    decisions_file: Path
    author: str
    terminal: Terminal
    answered: int = 0
    keys: dict[str, tuple[dict[str, Any], dict[str, Any]]] | None = None   # claim id -> key, claim


class Terminal:
    """Keys and lines from a terminal, text to it; colour unless ``NO_COLOR`` is set."""

    def __init__(self, keys: TextIO | None = None, out: TextIO | None = None):
        self.keys = keys or sys.stdin
        self.out = out or sys.stdout
        self.colour = "NO_COLOR" not in os.environ

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def style(self, text: str, *codes: str) -> str:
        return "".join(codes) + text + RESET if self.colour and codes else text

    def key(self, allowed: str) -> str:
        """One key press among ``allowed``, without Enter; others are ignored."""
        while True:
            pressed = os.read(self.keys.fileno(), 1).decode("utf-8", "replace")
            if pressed in allowed:
                return pressed
            if pressed in ("\x03", "\x04", ""):         # Ctrl-C, Ctrl-D, end of input: as quit
                return "q"

    def line(self, prompt: str, default: str = "") -> str:
        """A typed line, shown as it is typed (Enter keeps ``default``)."""
        self.out.write(f"{prompt}{f' [{default}]' if default else ''}: ")
        self.out.flush()
        typed = b""
        with self._lines():
            while not typed.endswith(b"\n"):
                byte = os.read(self.keys.fileno(), 1)
                if not byte:
                    raise EndorsegraphError("review ended: no more input")
                typed += byte
        return typed.decode("utf-8", "replace").strip() or default

    @contextmanager
    def keys_mode(self) -> Iterator[None]:
        """For a whole review: keys arrive one by one, unechoed, even when typed ahead."""
        descriptor = self.keys.fileno()
        self._saved = termios.tcgetattr(descriptor)
        try:
            tty.setcbreak(descriptor)
            yield
        finally:
            termios.tcsetattr(descriptor, termios.TCSADRAIN, self._saved)

    @contextmanager
    def _lines(self) -> Iterator[None]:
        descriptor = self.keys.fileno()
        keys = termios.tcgetattr(descriptor)
        termios.tcsetattr(descriptor, termios.TCSADRAIN, self._saved)
        try:
            yield
        finally:
            termios.tcsetattr(descriptor, termios.TCSADRAIN, keys)


def review_claims(session: Session) -> int:
    """Go through the unreviewed claims, most in need first, until none is left or ``q``; returns
    how many were answered."""
    reviewed = curation.load(session.graph_file, session.decisions_file, keep_rejected=True)
    counts = curation.review_counts(reviewed.graph)
    before = counts["reviewed"] + counts["rejected"]
    queue = claim_queue(curation.drop_rejected(reviewed.graph))
    term = session.terminal
    if not queue:
        term.say("nothing to review: every claim has a decision")
    for number, item in enumerate(queue, 1):
        show_claim(term, reviewed.graph, item, f"claim {number} of {len(queue)}"
                   f" · {before + session.answered} reviewed so far")
        while True:
            pressed = term.key("arsucoq")
            if pressed == "o":
                open_source(term, item.claim)
                continue
            break
        if pressed == "q":
            break
        if pressed == "s":
            term.say("skipped")
            continue
        try:
            decision = claim_answer(session, item, pressed)
        except EndorsegraphError as err:
            term.say(f"not recorded: {err}")
            continue
        session.answered += 1
        term.say(f"{DONE[decision.action]} {decision.claim_id}")
    term.say(f"{session.answered} answer(s) recorded in {session.decisions_file}")
    return session.answered


def claim_answer(session: Session, item: ClaimItem, pressed: str) -> dfile.Decision:
    """Record the answer ``pressed`` (a, r, u or c) to the claim ``item``; the decision recorded."""
    action = {"a": "accept", "r": "reject", "u": "unsure", "c": "correct"}[pressed]
    term = session.terminal
    why = term.line("why (Enter: no reason)") if action in ("reject", "correct") else ""
    author = deciding.Author(session.author, why)
    if action == "correct":
        correction = deciding.Correction(
            type=term.line("relation", item.type), source=term.line("from", item.source),
            target=term.line("to", item.target), role=term.line("role", str(item.claim.get("properties", {})
                                                                             .get("role", ""))))
        decision = deciding.claim_decision(session.graph_file, action, item.id, author, correction,
                                           session.decisions_file)
        deciding.record(session.graph_file, decision, session.decisions_file)
        return decision
    if session.keys is None:                           # read the graph as extracted once per review
        session.keys = deciding.claim_keys(JsonFileStore(session.graph_file).load())
    decision = deciding.mark(*session.keys[item.id], action, author)
    dfile.append(session.decisions_file, decision)   # on a claim that is there, it cannot be stale
    return decision


def show_claim(term: Terminal, graph: nx.MultiDiGraph, item: ClaimItem, progress: str) -> None:
    """The claim, its relation, its sentence with the two entities' names marked, its article and
    its neighbours (other relations of both ends)."""
    claim = item.claim
    source, target = graph.nodes[item.source], graph.nodes[item.target]
    term.say("")
    term.say(term.style(f"── {progress} ", DIM) + term.style("─" * 20, DIM))
    term.say(term.style(f"{source['name']} -{item.type}-> {target['name']}", BOLD)
             + _pairs(claim.get("properties", {})))
    where = claim["article"] + (f" line {claim['line']}" if claim.get("line") is not None else "") + \
        (f" [{claim['start']}:{claim['end']}]" if claim.get("start") is not None else "")
    term.say(f"{where}  {claim.get('title') or ''}  {claim.get('published') or ''}".rstrip())
    term.say(f"id {item.id} · rule {claim['rule']} · confidence {claim.get('confidence', 1.0):g}"
             + (f" · first because: {', '.join(item.reasons)}" if item.reasons else ""))
    names = [*_names(graph, item.source), *_names(graph, item.target)]
    role = claim.get("properties", {}).get("role")
    parts = marked(claim.get("sentence") or "(no sentence: a record)", names, [role] if isinstance(role, str) else [])
    term.say("  " + "".join(term.style(text, BOLD, UNDERLINE) if mark == "name" else
                            term.style(text, REVERSE) if mark == "word" else text for text, mark in parts))
    for end in (item.source, item.target):
        others = _neighbours(graph, end, item)
        if others:
            term.say(term.style(f"  {graph.nodes[end]['name']}: {'; '.join(others)}", DIM))
    term.say(CLAIM_KEYS)


def _neighbours(graph: nx.MultiDiGraph, node_id: str, item: ClaimItem) -> list[str]:
    found = [f"-{t}-> {graph.nodes[o]['name']}" for _, o, t in graph.out_edges(node_id, keys=True)
             if (node_id, o, t) != (item.source, item.target, item.type)]
    found += [f"<-{t}- {graph.nodes[o]['name']}" for o, _, t in graph.in_edges(node_id, keys=True)
              if (o, node_id, t) != (item.source, item.target, item.type)]
    return sorted(found)[:NEIGHBOURS] + ([f"{len(found) - NEIGHBOURS} more"] if len(found) > NEIGHBOURS else [])


def open_source(term: Terminal, claim: dict[str, Any]) -> None:
    """Open a web source in the browser; for a file, show the paragraphs around the sentence."""
    source = claim.get("source", "")
    if web_address(source):
        term.say(f"opening {source}")
        webbrowser.open(source)
        return
    try:
        text = Path(source).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        term.say(f"source: {source} (cannot be read here)")
        return
    sentence = claim.get("sentence") or ""
    at = text.find(sentence) if sentence else -1
    if at < 0:
        term.say(f"source: {source}")
        return
    start = text.rfind("\n\n", 0, max(text.rfind("\n\n", 0, at), 0)) + 1
    end = text.find("\n\n", text.find("\n\n", at + len(sentence)) + 2)
    term.say(f"source: {source}")
    term.say(text[max(start, 0):end if end > 0 else len(text)].strip())


def review_entities(session: Session) -> int:
    """Go through likely duplicates, best first; each answer is recorded, and the proposals are worked
    out again, so a pair already judged (or implied by others) is never asked."""
    term = session.terminal
    skipped: set[frozenset[str]] = set()
    while True:
        reviewed = curation.load(session.graph_file, session.decisions_file)
        pairs = [p for p in entity_pairs(reviewed.graph, reviewed.identities)
                 if frozenset((p.a, p.b)) not in skipped]
        if not pairs:
            term.say("no more likely duplicates")
            break
        pair = pairs[0]
        show_pair(term, reviewed.graph, pair, f"pair 1 of {len(pairs)} · {session.answered} answered")
        pressed = term.key("mnsq")
        if pressed == "q":
            break
        if pressed == "s":
            skipped.add(frozenset((pair.a, pair.b)))
            continue
        try:
            entity_answer(session, reviewed.graph, pair, pressed)
        except EndorsegraphError as err:
            term.say(f"not recorded: {err}")
            skipped.add(frozenset((pair.a, pair.b)))
            continue
        session.answered += 1
    term.say(f"{session.answered} answer(s) recorded in {session.decisions_file}")
    return session.answered


def entity_answer(session: Session, graph: nx.MultiDiGraph, pair: Pair, pressed: str) -> None:
    term = session.terminal
    if pressed == "m":
        name = term.line("canonical name", graph.nodes[pair.b]["name"])
        decision = deciding.entity_decision(session.graph_file, "merge", [pair.a, pair.b],
                                            deciding.Author(session.author), name=name,
                                            decisions_file=session.decisions_file)
        term.say(f"merged {graph.nodes[pair.a]['name']} into {name}")
    else:
        decision = deciding.entity_decision(session.graph_file, "not-same", [pair.a, pair.b],
                                            deciding.Author(session.author), decisions_file=session.decisions_file)
        term.say(f"kept apart: {graph.nodes[pair.a]['name']} / {graph.nodes[pair.b]['name']}")
    deciding.record(session.graph_file, decision, session.decisions_file)


def show_pair(term: Terminal, graph: nx.MultiDiGraph, pair: Pair, progress: str) -> None:
    term.say("")
    term.say(term.style(f"── {progress} ", DIM) + term.style("─" * 20, DIM))
    term.say(term.style(f"may be one entity: {pair.reason}", BOLD))
    for label, node_id in (("A", pair.a), ("B", pair.b)):
        data = graph.nodes[node_id]
        aliases = ", ".join(n for n in _names(graph, node_id) if n != data["name"])
        relations = sorted(_neighbours(graph, node_id, ClaimItem({}, "", "", "", ())))
        term.say(f"  {label}: {term.style(data['name'], BOLD)} [{data['type']}] id={node_id}"
                 + (f" · also {aliases}" if aliases else ""))
        if relations:
            term.say(term.style(f"     {'; '.join(relations)}", DIM))
    term.say(ENTITY_KEYS + "   (merge puts A into B)")


def _names(graph: nx.MultiDiGraph, node_id: str) -> list[str]:
    data = graph.nodes[node_id]
    return [data["name"], *sorted({form for seen in data.get("mentions", {}).values() for form in seen}
                                  - {data["name"]})]


def _pairs(properties: dict[str, Any]) -> str:
    return f"  ({', '.join(f'{k}={v}' for k, v in sorted(properties.items()))})" if properties else ""
