"""Hand-curated records: CSV, JSON (an array) or JSON Lines of entities and relations.

A row with a ``relation`` value is a relation (``relation, source, target`` and the relation's
properties, ``evidence``, ``url``, ``published``, ``confidence``); any other row is an entity
(``name, type`` and ``kind, aliases, members, office``). Endpoints may be given by name or alias.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph import schema
from ..graph.errors import InputError, SchemaError
from ..graph.model import Batch, Claim, Entity, Relation
from ..graph.names import NameIndex
from .files import read_text

ENTITY_COLUMNS = {"name", "type", "kind", "aliases", "members", "office"}
CLAIM_COLUMNS = {"relation", "source", "target", "evidence", "url", "published", "confidence"}
ALIAS_SEPARATOR = ";"
RULE = "record"

Row = tuple[int, dict[str, Any]]


@cache
def relation_columns() -> set[str]:
    """The columns of a relation row: the claim's and every relation property the schema declares."""
    return CLAIM_COLUMNS | {p for t in schema.relation_types() for p in schema.relation_properties(t)}


def load_records(path: Path, graph: nx.MultiDiGraph, names: NameIndex | None = None) -> Batch:
    """Parse a records file; names are resolved against the file's entities and ``graph`` (or
    ``names``, the graph's index, which this file's names are not added to)."""
    return rows_to_batch(path, parse_rows(path, read_text(path)), graph, names)


def rows_to_batch(path: Path, rows: list[Row], graph: nx.MultiDiGraph, names: NameIndex | None = None) -> Batch:
    """Records rows (entity rows, then relation rows, in any order) of ``path`` as one batch."""
    batch = Batch(source=str(path))
    names = (names if names is not None else NameIndex(graph)).overlay()
    entity_rows = [(line, row) for line, row in rows if not _cell(row, "relation")]
    for line, row in entity_rows:
        entity = _entity(path, line, row)
        batch.entities.append(entity)
        try:
            names.add(entity)
        except SchemaError as err:
            raise InputError(str(path), str(err), line=line) from None
    for line, row in rows:
        if _cell(row, "relation"):
            batch.relations.append(_relation(path, line, row, names, batch))
    return batch


def parse_rows(path: Path, text: str) -> list[Row]:
    """(line number, row) pairs from CSV, a JSON array, or JSON Lines, chosen by file suffix."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_rows(path, text)
    if suffix == ".json":
        return _json_array_rows(path, text)
    return _jsonl_rows(path, text)


def _csv_rows(path: Path, text: str) -> list[Row]:
    """Rows of a CSV file; quoting must be sound (strict), so an unclosed quote is an error, not a
    cell that swallows the rest of the file."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)   # newline="": CR, LF, CRLF alike
    rows: list[Row] = []
    read = 0                                            # lines read up to the end of the last whole row
    try:
        columns = {c.strip() for c in reader.fieldnames or [] if c}
        unknown = sorted(columns - ENTITY_COLUMNS - relation_columns())
        if unknown:
            raise InputError(str(path), f"unknown column {', '.join(unknown)}", line=1)
        read = reader.line_num
        for row in reader:
            read = reader.line_num
            if None in row:
                raise InputError(str(path), "more cells than columns", line=read)
            cleaned = {k.strip(): v for k, v in row.items() if k}
            if any((v or "").strip() for v in cleaned.values()):
                rows.append((read, cleaned))
    except csv.Error as err:
        line = _first_filled_line(text, after=read)
        raise InputError(str(path), f"bad CSV: {err} (check the quotes of this row)", line=line) from None
    return rows


def _first_filled_line(text: str, after: int) -> int:
    """The number of the first non-blank line after line ``after``: where a CSV row begins."""
    lines = re.split(r"\r\n|\r|\n", text)
    return next((n for n in range(after + 1, len(lines) + 1) if lines[n - 1].strip()), after + 1)


def _json_array_rows(path: Path, text: str) -> list[Row]:
    decoder = json.JSONDecoder()
    position = _skip_space(text, 0)
    if not text.startswith("[", position):
        raise InputError(str(path), "a records JSON file must hold an array of objects", line=1)
    rows, counted, line = [], 0, 1
    position = _skip_space(text, position + 1)
    while not text.startswith("]", position):
        line += text.count("\n", counted, position)
        counted = position
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as err:
            raise InputError(str(path), f"invalid JSON: {err.msg}", line=err.lineno) from None
        except RecursionError:
            raise InputError(str(path), "invalid JSON: nested too deeply", line=line) from None
        rows.append((line, _object(path, line, value)))
        position = _skip_space(text, position)
        if text.startswith(",", position):
            position = _skip_space(text, position + 1)
        elif not text.startswith("]", position):
            raise InputError(str(path), "invalid JSON: expected ',' or ']'",
                             line=text.count("\n", 0, position) + 1)
    end = _skip_space(text, position + 1)
    if end < len(text):
        raise InputError(str(path), "invalid JSON: more after the closing ']'", line=text.count("\n", 0, end) + 1)
    return rows


def _jsonl_rows(path: Path, text: str) -> list[Row]:
    rows = []
    for line, raw in enumerate(text.split("\n"), start=1):       # not splitlines: U+2028 may be in a string
        if raw.strip():
            try:
                value = json.loads(raw)
            except json.JSONDecodeError as err:
                raise InputError(str(path), f"invalid JSON: {err.msg}", line=line) from None
            except RecursionError:
                raise InputError(str(path), "invalid JSON: nested too deeply", line=line) from None
            rows.append((line, _object(path, line, value)))
    return rows


def _object(path: Path, line: int, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(str(path), f"expected an object, got {type(value).__name__}", line=line)
    unknown = sorted(set(value) - ENTITY_COLUMNS - relation_columns())
    if unknown:
        raise InputError(str(path), f"unknown field {', '.join(unknown)}", line=line)
    return value


def _entity(path: Path, line: int, row: dict[str, Any]) -> Entity:
    name = _cell(row, "name")
    if not name:
        raise InputError(str(path), "an entity row needs a name (or a relation row a relation)", line=line)
    entity_type = _cell(row, "type") or "Person"
    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = aliases.split(ALIAS_SEPARATOR)
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise InputError(str(path), "aliases must be text or a list of text", line=line)
    aliases = [a.strip() for a in aliases]
    properties = {k: row[k] for k in ("kind", "members", "office") if _cell(row, k)}
    try:
        for text in (name, *aliases):
            schema.check_name(text)
        schema.check_entity(entity_type, properties)
    except SchemaError as err:
        raise InputError(str(path), str(err), line=line) from None
    return Entity(name=name, type=entity_type, article=path.name,
                  aliases=(name, *(a for a in aliases if a)), properties=properties)


def _relation(path: Path, line: int, row: dict[str, Any], names: NameIndex, batch: Batch) -> Relation:
    relation_type = _cell(row, "relation").upper()
    if relation_type not in schema.relation_types():
        raise InputError(str(path), f"unknown relation {relation_type!r} "
                         f"(known: {', '.join(schema.relation_types())})", line=line)
    sources, targets = schema.allowed_endpoints(relation_type)
    ends = []
    for column, allowed in (("source", sources), ("target", targets)):
        name = _cell(row, column)
        if not name:
            raise InputError(str(path), f"a {relation_type} row needs a {column}", line=line)
        try:
            node_id = names.find(schema.check_name(name))
        except SchemaError as err:
            raise InputError(str(path), str(err), line=line) from None
        if node_id is None:
            if len(allowed) != 1:
                raise InputError(str(path), f"unknown entity {name!r}: add an entity row for it", line=line)
            created = Entity(name=name, type=allowed[0], article=path.name)
            batch.entities.append(created)
            names.add(created)
            node_id = created.id
        elif column in schema.candidate_ends(relation_type):
            batch.entities.append(Entity(name=names.name_of(node_id), type="Candidate"))
        ends.append(node_id)
    properties = {k: row[k] for k in schema.relation_properties(relation_type) if _cell(row, k)}
    for key, value in schema.property_defaults(relation_type).items():
        properties.setdefault(key, value)
    try:
        confidence = float(row.get("confidence") or 1.0)
        if not math.isfinite(confidence):
            raise ValueError(confidence)
    except (TypeError, ValueError):
        raise InputError(str(path), f"confidence must be a number, got {row['confidence']!r}", line=line) from None
    claim = Claim(article=path.name, source=_cell(row, "url") or str(path), rule=RULE,
                  sentence=_cell(row, "evidence"), line=line, published=_cell(row, "published") or None,
                  confidence=confidence, properties=properties)
    try:
        _check_relation(relation_type, ends, names, properties)
    except SchemaError as err:
        raise InputError(str(path), str(err), line=line) from None
    return Relation(type=relation_type, source=ends[0], target=ends[1], claim=claim)


def _check_relation(relation_type: str, ends: list[str], names: NameIndex, properties: dict) -> None:
    source_type, target_type = (schema.end_type(relation_type, end, names.type_of(node))
                                for end, node in zip(schema.ENDS, ends))
    schema.check_relation(relation_type, source_type, target_type, properties)


def _cell(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
