"""What ``stats`` and ``show`` print: the graph's counts and one entity with its relations and claims.

:func:`graph_stats` and :func:`entity_report` compute them as plain data (for JSON); the rows (for CSV)
and the text people read are made from that data. The CLI only picks the format.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from . import curation, kg
from .decisions import claim_key, key_id
from .lookup import resolve

REVIEWED = ("accepted", "corrected", "unsure")


def graph_stats(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """What ``stats`` reports of a reviewed graph that keeps its rejected claims: the review counts
    (:func:`.curation.review_counts`) under ``"review"``, and :func:`counts` once the rejected claims
    are dropped (from ``graph`` itself)."""
    review = curation.review_counts(graph)
    return {**counts(curation.drop_rejected(graph)), "review": review}


def entity_report(graph: nx.MultiDiGraph, name: str) -> dict[str, Any]:
    """What ``show`` reports: :func:`entity` of the entity that ``name`` (name, alias or id) resolves to.

    Raises :class:`.lookup.EntityNotFound` when nothing matches."""
    return entity(graph, resolve(graph, name))


def counts(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Entities and relations, in all and per type; claims; distinct sources (articles and record files)."""
    node_types = Counter(t for _, t in graph.nodes(data="type"))
    edge_types = Counter(t for _, _, t in graph.edges(data="type"))
    sources = {c["article"] for _, _, claims in graph.edges(data="claims") for c in claims}
    return {"entities": graph.number_of_nodes(), "entity_types": dict(sorted(node_types.items())),
            "relations": graph.number_of_edges(), "relation_types": dict(sorted(edge_types.items())),
            "claims": kg.claim_count(graph), "sources": len(sources)}


def count_rows(stats: dict[str, Any]) -> list[dict[str, Any]]:
    """``counts`` as rows ``what, type, count``: a total per kind, then one row per type (CSV)."""
    rows: list[dict[str, Any]] = []
    for what, per_type in (("entities", "entity_types"), ("relations", "relation_types")):
        rows.append({"what": what, "type": "", "count": stats[what]})
        rows += [{"what": what, "type": name, "count": n} for name, n in stats[per_type].items()]
    rows += [{"what": what, "type": "", "count": stats[what]} for what in ("claims", "sources")]
    rows += [{"what": "review", "type": status, "count": n} for status, n in stats.get("review", {}).items()]
    return rows


def counts_text(stats: dict[str, Any]) -> str:
    """``counts`` as the aligned text ``stats`` prints."""
    lines = [f"entities   {stats['entities']}"]
    lines += [f"  {name:<16}{n}" for name, n in stats["entity_types"].items()]
    lines.append(f"relations  {stats['relations']}")
    lines += [f"  {name:<16}{n}" for name, n in stats["relation_types"].items()]
    lines += [f"claims     {stats['claims']}"]
    review = stats.get("review", {})
    if review.get("reviewed") or review.get("rejected"):
        lines += [f"  {'reviewed':<16}{review['reviewed']}  ({', '.join(f'{review[s]} {s}' for s in REVIEWED)})",
                  f"  {'unreviewed':<16}{review['unreviewed']}",
                  f"  {'rejected':<16}{review['rejected']}  (not counted above; show --all lists them)"]
    lines.append(f"sources    {stats['sources']}")
    return "\n".join(lines)


def entity(graph: nx.MultiDiGraph, node_id: str) -> dict[str, Any]:
    """One entity: id, name, type, its properties, aliases with counts, and every relation in or out with
    its properties and claims (relations ordered by type, source, target)."""
    data = graph.nodes[node_id]
    edges = [*graph.out_edges(node_id, data=True), *graph.in_edges(node_id, data=True)]
    relations = [{"source": s, "source_name": graph.nodes[s]["name"], "type": d["type"],
                  "target": t, "target_name": graph.nodes[t]["name"],
                  "properties": {k: d[k] for k in sorted(d) if k not in kg.EDGE_FIELDS},
                  "claims": [{**c, "id": c.get("id") or key_id(claim_key(c, d["type"], s, t))} for c in d["claims"]]}
                 for s, t, d in sorted(edges, key=lambda e: (e[2]["type"], e[0], e[1]))]
    return {"id": node_id, "name": data["name"], "type": data["type"],
            "properties": {k: data[k] for k in sorted(data) if k not in kg.NODE_FIELDS},
            "aliases": kg.aliases(graph, node_id), "relations": relations}


def entity_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """``entity`` as one row per claim of each of its relations (CSV)."""
    return [{"source": r["source_name"], "relation": r["type"], "target": r["target_name"],
             "properties": _pairs(r["properties"]), "article": claim["article"], "line": claim.get("line"),
             "start": claim.get("start"), "end": claim.get("end"), "rule": claim["rule"],
             "confidence": claim.get("confidence", 1.0), "says": _pairs(claim.get("properties", {})),
             "sentence": claim.get("sentence") or None, "id": claim["id"],
             "review": _review(claim.get("review")) or None}
            for r in report["relations"] for claim in r["claims"]]


def entity_text(report: dict[str, Any]) -> str:
    """``entity`` as the text ``show`` prints: a header, aliases, then each relation with its claims."""
    extras = "".join(f", {k} {v}" for k, v in report["properties"].items())
    lines = [f"{report['name']}  [{report['type']}{extras}]  id={report['id']}"]
    if report["aliases"]:
        lines.append("aliases: " + ", ".join(f"{a} ({n})" for a, n in report["aliases"].items()))
    for relation in report["relations"]:
        props = _pairs(relation["properties"])
        lines += ["", f"{relation['source_name']} -{relation['type']}-> {relation['target_name']}"
                  + (f"  ({props})" if props else "")]
        for claim in relation["claims"]:
            where = claim["article"] + (f":{claim['line']}" if "line" in claim else "")
            if "start" in claim:
                where += f" [{claim['start']}:{claim['end']}]"
            stated = _pairs(claim.get("properties", {}))
            lines.append(f"  - {where} rule={claim['rule']} confidence={claim.get('confidence', 1.0)}"
                         + (f" says {stated}" if stated else "") + f" id={claim['id']}")
            if claim.get("review"):
                lines.append(f"    [{_review(claim['review'])}]")
            if claim.get("sentence"):
                lines.append(f"    \"{claim['sentence']}\"")
    return "\n".join(lines)


def _review(review: dict[str, str] | None) -> str:
    """A reviewed claim's badge: ``REJECTED by ana on 2026-05-02: why``."""
    if not review:
        return ""
    return f"{review['status'].upper()} by {review['by']} on {review['at'][:10]}" + \
        (f": {review['why']}" if review.get("why") else "")


def _pairs(properties: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(properties.items()))
