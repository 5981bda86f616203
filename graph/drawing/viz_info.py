"""What the page's inspector panel shows for an entity or a relation, as plain JSON-ready data.

An entity: its whole name, what it is, its aliases, and how many relations, claims and sources
stand behind it. A relation: who did what to whom, its properties, how many claims and sources
support it, and every claim with its sentence cut into parts (the two entities' names and the
relation's words marked), the article's title, its date and a link when the source is a web address.
All text is made :func:`~endorsegraph.graph.drawing.viz.visible`; the page puts it in the DOM as text only.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import groupby
from typing import Any

import networkx as nx

from .. import kg, schema

WEB_ADDRESS = re.compile(r"https?://[^\s\"'<>]+\Z", re.IGNORECASE)
Visible = Callable[[str], str]


def entity_info(view_graph: nx.MultiDiGraph, whole: nx.MultiDiGraph, node_id: str, *, kind: str,
                visible: Visible) -> dict[str, Any]:
    """The panel for an entity: ``name``, ``facts``, ``aliases`` and ``support`` (relations, claims, sources)."""
    data = whole.nodes[node_id]
    facts = [kind]
    if "office" in data:
        facts.append(f"running for {data['office']}")
    if "members" in data:
        facts.append(f"{data['members']:,} members")
    claims = [claim for *_, edge in whole.edges(node_id, data=True) for claim in edge["claims"]]
    claims += [claim for *_, edge in whole.in_edges(node_id, data=True) for claim in edge["claims"]]
    hidden = whole.degree(node_id) - view_graph.degree(node_id)
    support = (f"{count(whole.degree(node_id), 'relation')}{f' ({hidden} not drawn)' if hidden else ''}"
               f" · {support_line(claims)}")
    return {"name": visible(data["name"]), "facts": visible(" · ".join(facts)),
            "aliases": [visible(alias) for alias in kg.aliases(whole, node_id)], "support": support}


def relation_info(graph: nx.MultiDiGraph, source: str, target: str, edge: dict[str, Any], *, verb: str,
                  cue: str, visible: Visible) -> dict[str, Any]:
    """The panel for a relation: ``title``, ``properties``, ``support`` and every claim's evidence.

    ``cue`` is a regular expression for the relation's words (its display in the schema); they and the
    names of both ends are marked in each sentence.
    """
    names = graph.nodes
    properties = [f"{key} {value_text(edge[key])}" for key in schema.relation_properties(edge["type"]) if key in edge]
    ends = [*_names(graph, source), *_names(graph, target)]
    return {"title": visible(f"{names[source]['name']} {verb} {names[target]['name']}"),
            "properties": visible(" · ".join(properties)),
            "support": support_line(edge["claims"]),
            "claims": [claim_info(claim, ends, cue, visible) for claim in edge["claims"]]}


def claim_info(claim: dict[str, Any], names: list[str], cue: str, visible: Visible) -> dict[str, Any]:
    """One claim: sentence ``parts`` (``[text, mark]``, mark ``""``, ``"name"`` or ``"word"``), ``title``,
    ``date``, ``url`` (an http(s) source, else ``None``) and ``where`` (position, rule, confidence)."""
    role = claim.get("properties", {}).get("role")
    words = [cue, *([re.escape(role)] if isinstance(role, str) else [])]
    parts = [[visible(text), mark] for text, mark in marked(claim.get("sentence") or "", names, words)]
    where = []
    if claim.get("source") and claim["source"] != claim["article"] and not web_address(claim["source"]):
        where.append(claim["source"])
    if claim.get("line") is not None:
        where.append(f"line {claim['line']}")
    if claim.get("start") is not None:
        where.append(f"characters {claim['start']}–{claim['end']}")
    where.append(f"rule {claim['rule']}, confidence {claim.get('confidence', 1.0):g}")
    if claim.get("review"):                              # a reviewer's decision (graph/curation.py)
        review = claim["review"]
        where.append(f"reviewed: {review['status']} by {review['by']} on {review['at'][:10]}")
    return {"parts": parts, "title": visible(claim.get("title") or claim["article"]),
            "date": claim_date(claim), "url": claim["source"] if web_address(claim.get("source")) else None,
            "where": visible(" · ".join(where))}


def marked(sentence: str, names: Iterable[str], words: Iterable[str]) -> list[tuple[str, str]]:
    """``sentence`` cut into ``(text, mark)`` parts: ``"name"`` where one of ``names`` stands (whole
    words, any case), ``"word"`` where a ``words`` pattern matches, ``""`` elsewhere. Names win
    over words where they overlap; the parts join back into the sentence."""
    marks = [""] * len(sentence)
    words = tuple(word for word in words if word)
    if words:
        for match in _whole_words(words).finditer(sentence):
            marks[match.start():match.end()] = ["word"] * (match.end() - match.start())
    for start, end in _name_spans(sentence, names):
        marks[start:end] = ["name"] * (end - start)
    parts: list[tuple[str, str]] = []
    start = 0
    for mark, run in groupby(marks):
        end = start + sum(1 for _ in run)
        parts.append((sentence[start:end], mark))
        start = end
    return parts


@lru_cache(maxsize=64)
def _whole_words(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One case-blind pattern for whole words matching any of ``patterns`` (the cues repeat: compiled once)."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(patterns)})(?!\w)", re.IGNORECASE)


def _name_spans(sentence: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``names`` stand in ``sentence`` as whole words, any case, longer names first and
    never overlapping (plain search: a pattern per relation would be compiled once per claim)."""
    lower, taken, spans = sentence.lower(), [False] * len(sentence), []
    if len(lower) != len(sentence):          # a letter whose lower case is longer: search as written
        lower = sentence
    for name in sorted({name.lower() for name in names if name}, key=len, reverse=True):
        start = lower.find(name)
        while start != -1:
            end = start + len(name)
            if (not _word_at(lower, start - 1) and not _word_at(lower, end)
                    and not any(taken[start:end])):
                taken[start:end] = [True] * (end - start)
                spans.append((start, end))
            start = lower.find(name, start + 1)
    return spans


def _word_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def relation_date(edge: dict[str, Any]) -> str | None:
    """When a relation was first known: its own ``date``, else the earliest date a claim carries."""
    dates = [date for date in map(claim_date, edge.get("claims", [])) if date]
    return edge.get("date") or min(dates, default=None)


def claim_date(claim: dict[str, Any]) -> str | None:
    """The date a claim carries: the article's publication date, else the date it states."""
    return claim.get("published") or claim.get("properties", {}).get("date")


def web_address(text: str | None) -> bool:
    """True for an ``http://`` or ``https://`` address (never ``javascript:``, ``file:``...)."""
    return bool(text) and WEB_ADDRESS.match(text) is not None


def support_line(claims: list[dict[str, Any]]) -> str:
    """``"3 claims from 2 sources"``: sources are distinct articles or record files."""
    sources = {claim.get("source") or claim["article"] for claim in claims}
    return f"{count(len(claims), 'claim')} from {count(len(sources), 'source')}"


def count(n: int, noun: str) -> str:
    """``count(2, "claim")`` -> ``"2 claims"``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _names(graph: nx.MultiDiGraph, node_id: str) -> list[str]:
    return [graph.nodes[node_id]["name"], *kg.aliases(graph, node_id)]


def value_text(value: Any) -> str:
    """A property value as the records spell it: ``true``/``false`` for booleans."""
    return str(value).lower() if isinstance(value, bool) else str(value)
