"""Rows as text: an aligned table for people, JSON and CSV for scripts."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from ..graph.errors import EndorsegraphError

FORMATS = ("table", "json", "csv")
TABLE_CELL_WIDTH = 60
LIST_SEPARATOR = "; "


def format_rows(rows: list[dict[str, Any]], fmt: str) -> str:
    """``rows`` (dicts of plain values, all with the same keys) as ``table``, ``json`` or ``csv`` text."""
    try:
        formatter = _FORMATTERS[fmt]
    except KeyError:
        raise EndorsegraphError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})") from None
    return formatter(rows)


def columns(rows: list[dict[str, Any]]) -> list[str]:
    """Every key that occurs in ``rows``, in order of first appearance."""
    return list(dict.fromkeys(key for row in rows for key in row))


def cell(value: Any) -> str:
    """One value as flat text: lists joined by ``; `` (lists of objects as JSON), booleans lower-case, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, tuple)) and any(isinstance(item, dict) for item in value):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(cell(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def to_table(rows: list[dict[str, Any]]) -> str:
    """Aligned columns under a header; long cells are cut to ``TABLE_CELL_WIDTH`` with an ellipsis."""
    if not rows:
        return "(no rows)"
    names = columns(rows)
    body = [[_clip(cell(row.get(name)).replace("\n", " ")) for name in names] for row in rows]
    widths = [max(len(name), *(len(line[i]) for line in body)) for i, name in enumerate(names)]
    lines = [names, ["-" * width for width in widths], *body]
    text = "\n".join("  ".join(value.ljust(width) for value, width in zip(line, widths)).rstrip()
                     for line in lines)
    return f"{text}\n({len(rows)} row{'s' if len(rows) != 1 else ''})"


def to_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, indent=2, ensure_ascii=False, default=str)


def to_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    names = columns(rows)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([cell(row.get(name)) for name in names] for row in rows)
    return buffer.getvalue().rstrip("\n")


def _clip(text: str) -> str:
    return text if len(text) <= TABLE_CELL_WIDTH else text[:TABLE_CELL_WIDTH - 1] + "…"


_FORMATTERS: dict[str, Callable[[list[dict[str, Any]]], str]] = {
    "table": to_table, "json": to_json, "csv": to_csv}
