"""Any CSV table, by column mapping: the user names which column is a relation's source, target and
type (or gives one type for every row) and which hold its properties; the other columns are kept on
each claim as written (``claim["columns"]``), never refused. As Neo4j's LOAD CSV and Gephi's
spreadsheet import let a user pick columns.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..graph import schema
from ..graph.errors import InputError
from ..graph.model import Batch
from ..graph.names import NameIndex
from .csv_tables import read_table
from .gazetteer import load_gazetteer
from .records import relation_columns, rows_to_batch

ENDPOINT_TYPES = ("source_type", "target_type")     # a column giving an endpoint's entity type
RULE = "column-map"


def fields() -> list[str]:
    """What a column may be mapped to: the records' relation columns (with every relation property)
    and the endpoints' entity types."""
    return sorted(relation_columns() | set(ENDPOINT_TYPES))


@dataclass(frozen=True)
class ColumnMap:
    """Table column -> field (see :func:`fields`), and the relation type of rows without one."""

    columns: dict[str, str]
    relation: str | None = None

    def check(self, where: str) -> ColumnMap:
        """This map, or an InputError naming ``where`` and the problem."""
        known = fields()
        for column, field in self.columns.items():
            if field not in known:
                raise InputError(where, f"cannot map column {column!r} to {field!r} (fields: {', '.join(known)})")
        mapped = list(self.columns.values())
        twice = sorted({f for f in mapped if mapped.count(f) > 1})
        if twice:
            raise InputError(where, f"more than one column mapped to {', '.join(twice)}")
        missing = [f for f in ("source", "target") if f not in mapped]
        if "relation" not in mapped and self.relation is None:
            missing.append("relation (or --relation TYPE)")
        if missing:
            raise InputError(where, f"the map needs a column for {', '.join(missing)}")
        if self.relation is not None and self.relation.upper() not in schema.relation_types():
            raise InputError(where, f"unknown relation {self.relation!r} (known: {', '.join(schema.relation_types())})")
        return self


def parse_map(items: list[str], relation: str | None = None) -> ColumnMap:
    """A map from ``--map COLUMN=FIELD`` options (``endorser=source``) and ``--relation TYPE``."""
    columns = {}
    for item in items:
        column, equals, field = item.partition("=")
        if not equals or not column.strip() or not field.strip():
            raise InputError("--map", f"expected COLUMN=FIELD, got {item!r}")
        columns[column.strip()] = field.strip()
    return ColumnMap(columns, relation).check("--map")


def read_map(path: Path) -> ColumnMap:
    """A map from a JSON file: ``{"columns": {"endorser": "source", ...}, "relation": "ENDORSED"}``."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(str(path), f"cannot read the column map ({err})") from None
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict) or \
            not all(isinstance(v, str) for v in data["columns"].values()) or \
            not isinstance(data.get("relation", ""), str) or set(data) - {"columns", "relation"}:
        raise InputError(str(path), 'a column map is {"columns": {"COLUMN": "FIELD", ...}, "relation": "TYPE"}')
    return ColumnMap(dict(data["columns"]), data.get("relation")).check(str(path))


def load_mapped(path: Path, graph: nx.MultiDiGraph, *, names: NameIndex, mapping: ColumnMap,
                encoding: str | None = None) -> Batch:
    """Read a table through ``mapping``: one relation claim per row, its unmapped cells on the claim.

    An endpoint the graph does not know is the gazetteer's organization if it names one (an Organization
    or untyped endpoint: "WFP" is the Working Families Party), else made with the type its
    ``source_type``/``target_type`` column gives, else with the one type the schema allows there.
    """
    table = read_table(path, encoding)
    absent = [c for c in mapping.columns if c not in table.columns]
    if absent:
        raise InputError(str(path), f"no column {', '.join(map(repr, absent))} (columns: {', '.join(table.columns)})",
                         line=1)
    gazetteer = load_gazetteer()
    rows, others, made = [], {}, set()
    for line, row in table.rows:
        record = {field: row[column] for column, field in mapping.columns.items()}
        record["relation"] = record.get("relation") or mapping.relation or ""
        for end, type_field in zip(("source", "target"), ENDPOINT_TYPES):
            name, entity_type = record.get(end, ""), record.pop(type_field, "")
            if not name or names.find(name) is not None or name in made:
                continue
            known = gazetteer.find(name) if entity_type in ("", "Organization") else None
            if known is not None:
                entity = {"name": known.name, "type": "Organization", "kind": known.kind,
                          "aliases": [form for form in known.forms if form != known.name]}
            elif entity_type:
                entity = {"name": name, "type": entity_type}
            else:
                _check_unambiguous(path, line, record["relation"], end, name, type_field)
                continue
            rows.append((line, entity))
            made.add(name)
        rows.append((line, record))
        others[line] = {c: v for c, v in row.items() if c not in mapping.columns and v}
    batch = rows_to_batch(path, rows, graph, names)
    batch.relations = [dataclasses.replace(r, claim=dataclasses.replace(r.claim, rule=RULE,
                                                                        columns=others[r.claim.line]))
                       for r in batch.relations]
    return batch


def _check_unambiguous(path: Path, line: int, relation: str, end: str, name: str, type_field: str) -> None:
    """An InputError unless the schema allows one entity type at this end of ``relation`` (then the
    records reader makes the unknown ``name`` with it)."""
    if relation.upper() not in schema.relation_types():
        return                                            # the records reader names the unknown relation
    allowed = schema.allowed_endpoints(relation.upper())[0 if end == "source" else 1]
    if len(allowed) > 1:
        raise InputError(str(path), f"unknown entity {name!r}: a {' or '.join(allowed)}? map a column to "
                         f"{type_field} (--map COLUMN={type_field})", line=line)
