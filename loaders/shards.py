"""Claims shards: what one article file says, as JSON Lines, written by ``extract`` and merged by ``build``.

A shard is named after its input (:func:`shard_name`) and holds, one JSON object a line:

- ``{"shard": FORMAT, "input": ..., "sha256": ...}``: the input's absolute path and the SHA-256 of
  its bytes;
- ``{"entity": {"name", "type", "article", "aliases", "properties"}}``, one per entity, in the order
  the extractor gave them;
- ``{"relation": {"type", "source", "target", "claim": {...}}}``, one per relation, the claim with
  its sentence, offsets, article, source, title, date, rule, confidence and properties.

Every file is read on its own, against an empty graph, so a shard does not depend on which
other inputs were read, where or in what order. ``build`` reads a shard through :func:`load_claims`
like any input, and :func:`claim_files` puts shards in one order, their inputs' paths, whatever
order they were written or listed in.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph import schema
from ..graph.embedded import write_atomic
from ..graph.errors import InputError
from ..graph.model import Batch, Claim, Entity, Relation
from ..graph.names import NameIndex
from . import sources
from .files import input_files

FORMAT = "endorsegraph-claims/1"
SUFFIX = ".claims.jsonl"


def is_shard(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIX)


def shard_name(path: Path) -> str:
    """The shard's file name for input ``path``: its name and a digest of its absolute path, so
    the same input always gives the same name and two inputs never share one."""
    digest = hashlib.sha256(sources.key(path).encode("utf-8")).hexdigest()[:16]
    return f"{path.name}-{digest}{SUFFIX}"


def write_shard(folder: Path, path: Path, batch: Batch) -> Path:
    """Write ``batch``, read from input ``path``, as a shard in ``folder`` (atomically); its path."""
    header = {"shard": FORMAT, "input": sources.key(path), "sha256": sources.digest(path)}
    lines = [header]
    lines += [{"entity": {"name": e.name, "type": e.type, "article": e.article, "aliases": list(e.aliases),
                          "properties": e.properties}} for e in batch.entities]
    lines += [{"relation": {"type": r.type, "source": r.source, "target": r.target, "claim": r.claim.to_dict()}}
              for r in batch.relations]
    text = "".join(json.dumps(line, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
                   for line in lines)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / shard_name(path)
    write_atomic(target, text.encode("utf-8"))
    return target


def read_shard(path: Path) -> tuple[dict[str, Any], Batch]:
    """A shard's header and its batch; InputError naming the line if it is not a shard."""
    try:
        with path.open(encoding="utf-8") as handle:
            return _parse(path, handle)
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read claims shard ({getattr(err, 'strerror', None) or err})") from None


def _parse(path: Path, lines: Iterable[str]) -> tuple[dict[str, Any], Batch]:
    header: dict[str, Any] | None = None
    batch = Batch(source=str(path))
    for number, line in enumerate(lines, 1):
        try:
            data = json.loads(line)
            if header is None:
                if not isinstance(data, dict) or data.get("shard") != FORMAT:
                    raise InputError(str(path), f"not a claims shard of format {FORMAT}", number)
                header = data
            elif "entity" in data:
                entity = data["entity"]
                batch.entities.append(Entity(name=entity["name"], type=entity["type"], article=entity["article"],
                                             aliases=tuple(entity["aliases"]), properties=entity["properties"]))
            else:
                relation = data["relation"]
                batch.relations.append(Relation(relation["type"], relation["source"], relation["target"],
                                                Claim.from_dict(relation["claim"])))
        except (ValueError, TypeError, KeyError, AttributeError) as err:
            raise InputError(str(path), f"damaged claims shard: {err}", number) from None
    if header is None:
        raise InputError(str(path), "empty claims shard")
    return header, batch


def load_claims(path: Path, graph: nx.MultiDiGraph, *, names: NameIndex | None = None) -> Batch:
    """The build's loader for a shard: its batch, less what clashes with the graph.

    An article names an entity the graph already holds as an incompatible type (a person where the
    graph has an organization): as when ``build`` reads the article itself, the first reading stands,
    and the entity and its relations are left out; an article left with no relation keeps no entity.
    """
    return _fit_graph(read_shard(path)[1], graph)


def claim_files(paths: Iterable[Path]) -> list[Path]:
    """The shards in ``paths`` (files or folders), in merge order: by their inputs' paths, the order
    in which ``build`` reads a folder of those inputs; InputError for a path that holds none."""
    found = []
    for given in paths:
        here = [p for p in input_files([given]) if is_shard(p)]
        if not here:
            raise InputError(str(given), f"no claims shards (*{SUFFIX}) here")
        found += here
    return sorted(found, key=lambda p: (Path(_input_of(p)), p.name))


def _input_of(path: Path) -> str:
    """The input path a shard's header names ('' if the header cannot be read: ``build`` says why)."""
    try:
        with path.open(encoding="utf-8") as handle:
            return str(json.loads(handle.readline()).get("input", ""))
    except (OSError, ValueError, AttributeError):
        return ""


def _fit_graph(batch: Batch, graph: nx.MultiDiGraph) -> Batch:
    """``batch`` without the entities whose type clashes with the graph's (and their relations)."""
    clashing = {e.id for e in batch.entities if _clashes(graph, e)}
    if not clashing:
        return batch
    relations = [r for r in batch.relations if r.source not in clashing and r.target not in clashing]
    lost = {r.claim.article for r in batch.relations} - {r.claim.article for r in relations}
    entities = [e for e in batch.entities if e.id not in clashing and e.article not in lost]
    return Batch(source=batch.source, entities=entities, relations=relations)


def _clashes(graph: nx.MultiDiGraph, entity: Entity) -> bool:
    known = graph.nodes.get(entity.id, {}).get("type")
    return known is not None and not (schema.is_a(known, entity.type) or schema.is_a(entity.type, known))
