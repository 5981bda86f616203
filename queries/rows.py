"""What every query row shares: evidence drawn from claims, and one canonical order.

A relation's evidence is the same on both back ends: the embedded graph keeps a claim list on each
edge, the server keeps the parallel lists ``sources`` and ``sentences``; both reduce to one
sentence with its source plus every distinct source. A row type declares that part once with
:func:`evidenced`, which appends the :data:`EVIDENCE` fields (once per relation the row cites).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

Row = TypeVar("Row")
Runner = Callable[[str, dict[str, Any]], list[dict[str, Any]]]   # a server's (query, params) -> records
# A relation's evidence in a row: the first stated sentence, its source, and every distinct source.
EVIDENCE = {"sentence": "str", "source": "str", "sources": "list[str]"}   # field: type, as annotated


def evidenced(*prefixes: str) -> Callable[[type[Row]], type[Row]]:
    """Make ``cls`` a frozen row dataclass whose last fields are the :data:`EVIDENCE` fields, once per
    prefix in order (``@evidenced()``: ``sentence, source, sources``; ``@evidenced("first_", "second_")``:
    ``first_sentence, ..., second_sources``), as :func:`evidence` and :func:`from_record` fill them."""
    def make(cls: type[Row]) -> type[Row]:
        annotations = cls.__dict__.get("__annotations__", {})
        for prefix in prefixes or ("",):
            annotations.update({prefix + name: kind for name, kind in EVIDENCE.items()})
        cls.__annotations__ = annotations
        return dataclasses.dataclass(frozen=True)(cls)
    return make


def evidence(sources: list[str] | None, sentences: list[str] | None, prefix: str = "") -> dict[str, Any]:
    """Row fields ``sentence``, ``source``, ``sources`` (each after ``prefix``): the first stated
    sentence in source order with its source, and every distinct source."""
    pairs = sorted(zip(sources or [], sentences or []))
    stated = [(source, sentence) for source, sentence in pairs if sentence]
    source, sentence = (stated or pairs or [("", "")])[0]
    return {f"{prefix}sentence": sentence, f"{prefix}source": source,
            f"{prefix}sources": sorted(set(sources or []))}


def edge_evidence(edge: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """:func:`evidence` of an embedded graph edge, from its claims."""
    claims = edge.get("claims", [])
    return evidence([c["source"] for c in claims], [c.get("sentence", "") for c in claims], prefix)


def from_record(row_type: type[Row], record: dict[str, Any]) -> Row:
    """A row from a server record, whose ``<prefix>sources``/``<prefix>sentences`` lists become evidence."""
    fields = dict(record)
    for key in [k for k in record if k.endswith("sentences")]:
        prefix = key[:-len("sentences")]
        fields.update(evidence(fields.pop(prefix + "sources"), fields.pop(key), prefix))
    return row_type(**fields)


def canonical(rows: Iterable[Row]) -> list[Row]:
    """Rows sorted by their fields in declaration order (missing values last), so back ends agree."""
    return sorted(rows, key=_sort_key)


def as_dict(row: Any) -> dict[str, Any]:
    """A row as a dict of plain values, for output."""
    return dataclasses.asdict(row)


def brief(record: dict[str, Any]) -> dict[str, Any]:
    """A row for a terminal table: without ids, source lists and lists of objects (JSON and CSV keep them)."""
    return {k: v for k, v in record.items()
            if not (k.endswith("_id") or k.endswith("sources") or _objects(v))}


def _sort_key(row: Any) -> tuple:
    return tuple((value is None, value if value is not None else 0)
                 for value in (getattr(row, f.name) for f in dataclasses.fields(row)))


def _objects(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)
