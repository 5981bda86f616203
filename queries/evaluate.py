"""Scoring extraction against gold annotations, as ``shared/tools/kgscore.py`` does.

A gold file annotates one article: its ``entities`` (name, type, aliases), ``relations`` (type,
source, target, and ``current`` for LEADS, optionally ``status`` for ENDORSED), ``secondary_relations``
and ``must_not_extract``. Every predicted node is mapped onto a gold entity by its normalized name
or aliases (canonical names first, then aliases); relations then match on (type, source, target).
Core relations (ENDORSED, LEADS, ADVISES) give per-type and micro precision, recall and F1, where
relations between unmapped entities count as false positives; the other types are scored apart.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph import export, schema
from ..graph.errors import EndorsegraphError, InputError
from ..loaders.articles import article_ids
from ..loaders.build import load_graph
from ..loaders.files import input_files, read_text
from ..loaders.news import ExtractOptions

Key = tuple[str, str, str]          # (relation type, gold source name, gold target name)
TITLES = r"(?:the|sen|senator|rep|gov|president|mr|mrs|ms|dr)"


def normalize(text: str) -> str:
    """kgscore's surface form: ASCII, lower case, '&' as 'and', no possessive, leading title or 'the' dropped."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ")
    text = re.sub(r"['’`]s\b", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(rf"^{TITLES}\s+", "", text)


def load_gold(directory: Path) -> list[dict[str, Any]]:
    """Every ``*.json`` gold file in ``directory``; InputError naming the file for a malformed one."""
    if not directory.is_dir():
        raise InputError(str(directory), "no such gold folder")
    golds: list[dict[str, Any]] = []
    seen: dict[str, Path] = {}
    for path in sorted(directory.glob("*.json")):
        gold = _parse_gold(path)
        if gold["article"] in seen:
            raise InputError(str(path), f"article {gold['article']!r} already has gold in {seen[gold['article']]}")
        seen[gold["article"]] = path
        golds.append(gold)
    if not golds:
        raise InputError(str(directory), "no gold files (*.json) here")
    return golds


def evaluate(paths: Iterable[str | Path], gold_dir: Path,
             options: ExtractOptions = ExtractOptions()) -> dict[str, Any]:
    """Load ``paths`` into an in-memory graph as ``build`` would and score it against the gold
    files of ``gold_dir`` whose article is among the loaded ones."""
    paths = list(paths)
    golds = load_gold(gold_dir)                      # a bad gold folder fails before the slow extraction
    graph = load_graph(paths, options=options)
    loaded = {article for path in input_files(paths) for article in article_ids(path)}
    golds = [g for g in golds if g["article"] in loaded]
    if not golds:
        raise EndorsegraphError(f"{gold_dir}: no gold file is for any of the {len(loaded)} article(s) given")
    result = score(export.public_graph(graph), golds)
    result["unscored_articles"] = sorted(loaded - set(result["articles"]))
    return result


def score(graph: nx.MultiDiGraph, golds: list[dict[str, Any]]) -> dict[str, Any]:
    """Scores of a public graph (:func:`export.public_graph`) against ``golds``.

    Only relations with a claim from one of the golds' articles are scored, so a graph holding
    more articles than were annotated is measured on the annotated ones.
    """
    articles = {g["article"] for g in golds}
    canonical = _map_nodes(graph, golds)
    core = schema.core_relation_types()
    secondary = [t for t in schema.relation_types() if t not in core]
    predicted = _predicted(graph, canonical, golds)
    gold_core = {_key(r) for g in golds for r in g["relations"] if r["type"] in core}
    gold_secondary = {_key(r) for g in golds for r in g.get("secondary_relations", []) if r["type"] in secondary}
    pred_core = {k for k in predicted["keys"] if k[0] in core}
    unmapped = [u for u in predicted["unmapped"] if u[0] in core]

    per_type = {t: _prf(_of(gold_core, t), _of(pred_core, t)) for t in core}
    tp, fp, fn = (sum(v[n] for v in per_type.values()) for n in ("tp", "fp", "fn"))
    entities = {e["name"] for g in golds for e in g["entities"]}
    found = set(canonical.values()) & entities
    return {
        "articles": sorted(articles),
        "per_type": per_type,
        "micro": _micro(tp, fp + len(unmapped), fn),
        "missed": sorted(gold_core - pred_core),
        "spurious": sorted(pred_core - gold_core),
        "unmapped": sorted(unmapped),
        "violations": _violations(golds, pred_core, predicted["current"]),
        "wrong_current": _wrong(golds, "current", predicted["current"]),
        "wrong_status": _wrong(golds, "status", predicted["status"]),
        "entities": {"gold": len(entities), "found": len(found), "missing": sorted(entities - found)},
        "secondary": {
            "per_type": {t: _prf(_of(gold_secondary, t), _of(predicted["keys"], t)) for t in secondary
                         if _of(gold_secondary, t) or _of(predicted["keys"], t)},
            "missed": sorted(gold_secondary - predicted["keys"]),
            "spurious": sorted(k for k in predicted["keys"] - gold_secondary if k[0] in secondary),
        },
    }


def format_table(result: dict[str, Any]) -> str:
    """The scores as aligned text: one row per relation type, then every miss and mistake."""
    lines = [f"scored {len(result['articles'])} article(s)"
             + (f"; no gold for {', '.join(result['unscored_articles'])}" if result.get("unscored_articles") else ""),
             f"{'':<16}{'precision':>10}{'recall':>8}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
    rows = [*result["per_type"].items(), ("micro", result["micro"]), *result["secondary"]["per_type"].items()]
    for name, v in rows:
        counts = "".join(f"{v[n]:>5}" for n in ("tp", "fp", "fn")) if "tp" in v else ""
        lines.append(f"{name:<16}{v['precision']:>10.2f}{v['recall']:>8.2f}{v['f1']:>7.2f}{counts}")
    for label, items in (("missed", result["missed"]), ("spurious", result["spurious"]),
                         ("unmapped", result["unmapped"]), ("must-not violation", result["violations"]),
                         ("wrong current flag", result["wrong_current"]), ("wrong status", result["wrong_status"]),
                         ("secondary missed", result["secondary"]["missed"]),
                         ("secondary spurious", result["secondary"]["spurious"])):
        lines += [f"  {label}: {t} {s} -> {o}" for t, s, o in items]
    entities = result["entities"]
    lines.append(f"entities found {entities['found']}/{entities['gold']}"
                 + (f"; missing {', '.join(entities['missing'])}" if entities["missing"] else ""))
    return "\n".join(lines)


def _parse_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(read_text(path))
    except json.JSONDecodeError as err:
        raise InputError(str(path), f"invalid JSON: {err.msg}", line=err.lineno) from None
    if not isinstance(gold, dict) or not isinstance(gold.get("article"), str):
        raise InputError(str(path), 'a gold file is an object with an "article" name')
    entities = gold.get("entities")
    if not isinstance(entities, list) or not all(isinstance(e, dict) and e.get("name") for e in entities):
        raise InputError(str(path), '"entities" must be a list of objects with a "name"')
    names = {e["name"] for e in entities}
    for field in ("relations", "secondary_relations", "must_not_extract"):
        for relation in gold.setdefault(field, []):
            if not isinstance(relation, dict) or not all(relation.get(k) for k in ("type", "source", "target")):
                raise InputError(str(path), f'every item of "{field}" needs "type", "source" and "target"')
            if relation["type"] not in schema.relation_types():
                raise InputError(str(path), f"{field}: unknown relation type {relation['type']!r}")
            unknown = [relation[k] for k in ("source", "target") if relation[k] not in names]
            if unknown and field != "must_not_extract":
                raise InputError(str(path), f"{field}: {unknown[0]!r} is not one of the gold entities")
    return gold


def _map_nodes(graph: nx.MultiDiGraph, golds: list[dict[str, Any]]) -> dict[str, str]:
    """Node id -> gold entity name over all gold files, by canonical names first and aliases second."""
    tables = _name_tables(golds)
    mapped = {}
    for node, data in graph.nodes(data=True):
        match = _match(data, tables)
        if match:
            mapped[node] = match
    return mapped


def _name_tables(golds: list[dict[str, Any]]) -> tuple[dict[str, str], dict[str, str]]:
    """(normalized canonical name -> entity, normalized alias -> entity), kgscore's order."""
    names: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for gold in golds:
        for entity in gold["entities"]:
            names.setdefault(normalize(entity["name"]), entity["name"])
    for gold in golds:
        for entity in gold["entities"]:
            for alias in entity.get("aliases", []):
                aliases.setdefault(normalize(alias), entity["name"])
    return names, aliases


def _match(data: dict[str, Any], tables: tuple[dict[str, str], dict[str, str]]) -> str | None:
    forms = [normalize(f) for f in (data.get("name"), *data.get("aliases", [])) if f]
    return next((table[f] for table in tables for f in forms if f in table), None)


def _predicted(graph: nx.MultiDiGraph, canonical: dict[str, str], golds: list[dict[str, Any]]) -> dict[str, Any]:
    """Predicted relation keys, their current flags and statuses, and relations with unmapped ends.

    An endpoint is read in the gold of each of its claims' own articles first (a surname such as
    "Thompson" means different people in different articles), then over all gold files, as kgscore
    reads it; a relation two articles support under different gold names counts for each.
    """
    by_article = {g["article"]: _name_tables([g]) for g in golds}
    keys: set[Key] = set()
    current: dict[Key, set[bool]] = defaultdict(set)
    status: dict[Key, set[str]] = defaultdict(set)
    unmapped = []

    def endpoint(node: str, article: str) -> str | None:
        return _match(graph.nodes[node], by_article[article]) or canonical.get(node)

    for source, target, data in graph.edges(data=True):
        articles = sorted({c.get("article") for c in data.get("claims", [])} & by_article.keys())
        edge_keys = {(data["type"], *ends) for a in articles
                     if None not in (ends := (endpoint(source, a), endpoint(target, a)))}
        if articles and not edge_keys:
            unmapped.append((data["type"], graph.nodes[source]["name"], graph.nodes[target]["name"]))
        for key in edge_keys:
            keys.add(key)
            if data.get("current") is not None:
                current[key].add(bool(data["current"]))
            if schema.carries(data["type"], "status"):
                status[key].add(data.get("status", schema.property_defaults(data["type"])["status"]))
    return {"keys": keys, "current": current, "status": status, "unmapped": unmapped}


def _violations(golds: list[dict[str, Any]], predicted: set[Key], current: dict[Key, set[bool]]) -> list[Key]:
    """must_not_extract entries found; one with ``current`` only when predicted with that flag."""
    found = set()
    for gold in golds:
        for relation in gold["must_not_extract"]:
            key = _key(relation)
            if key in predicted and ("current" not in relation or relation["current"] in current.get(key, ())):
                found.add(key)
    return sorted(found)


def _wrong(golds: list[dict[str, Any]], field: str, predicted: dict[Key, set]) -> list[Key]:
    """Matched relations of the types that carry ``field`` predicted with a value of it other than the gold one."""
    relation_types = schema.relations_carrying(field)
    return sorted({_key(r) for g in golds for r in g["relations"]
                   if r["type"] in relation_types and field in r and predicted.get(_key(r), set()) - {r[field]}})


def _prf(gold: set[Key], predicted: set[Key]) -> dict[str, Any]:
    tp, fp, fn = len(gold & predicted), len(predicted - gold), len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else (1.0 if not gold else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, **_rounded(precision, recall)}


def _micro(tp: int, fp: int, fn: int) -> dict[str, float]:
    return _rounded(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)


def _rounded(precision: float, recall: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def _of(keys: set[Key], relation_type: str) -> set[Key]:
    return {k for k in keys if k[0] == relation_type}


def _key(relation: dict[str, Any]) -> Key:
    return (relation["type"], relation["source"], relation["target"])
