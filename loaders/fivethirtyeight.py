"""FiveThirtyEight's endorsement tables, read as published (recognised by their columns):

- ``endorsements-2020.csv``: one row per endorser of the 2020 Democratic primary (date, position,
  city, state, endorser, endorsee, endorser party, source, order, category, body, district, points).
  A row with an endorsee is an ENDORSED claim that keeps the source URL, date, position, state and
  points; a row without one is an endorser who had not endorsed (an entity, no edge).
- the 2018 primary files ``dem_candidates.csv`` / ``rep_candidates.csv``: one row per candidate,
  one Yes/No/blank column per endorsing group or politician. Each Yes is an ENDORSED claim; the
  columns map to entities through ``data/fivethirtyeight_2018.json``; candidates keep office,
  state, district, race type and their primary result. A row is one race: a name that already
  stands for a candidate of another race (a namesake elsewhere, or the same person's special
  election) becomes its own Candidate, named with its race, so no row's result is lost.

Names resolve through the graph's name index, so a table's "Bernie Sanders" or "WFP" is the entity
an article or a record file already made.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph import schema
from ..graph.errors import InputError, SchemaError
from ..graph.model import Batch, Claim, Entity, Relation
from ..graph.names import NameIndex
from .csv_tables import Table, header, normalize_column, read_table

FORMAT_2020, FORMAT_2018 = "fivethirtyeight-2020", "fivethirtyeight-2018"
COLUMNS_2020 = ("date", "position", "city", "state", "endorser", "endorsee", "endorser party", "source",
                "order", "category", "body", "district", "points")
REQUIRED_2020 = {"endorser", "endorsee", "points"}
REQUIRED_2018 = {"candidate", "state", "district"}
ENDORSING_COLUMN = re.compile(r"(endorsed|support|sense candidate)$")     # a 2018 column naming an endorser
PARTIES = {"D": "Democratic", "R": "Republican", "I": "Independent", "L": "Libertarian", "G": "Green"}
OFFICE_2020 = "President"


@cache
def column_map() -> dict[str, Any]:
    """The packaged map from 2018 column names to endorsing entities (``data/fivethirtyeight_2018.json``)."""
    return json.loads(resources.files(__package__).joinpath("data/fivethirtyeight_2018.json").read_text("utf-8"))


def detect(columns: list[str]) -> str | None:
    """``fivethirtyeight-2020``, ``fivethirtyeight-2018`` or None, by a table's column names."""
    names = {normalize_column(c) for c in columns}
    if REQUIRED_2020 <= names:
        return FORMAT_2020
    if REQUIRED_2018 <= names and any(ENDORSING_COLUMN.search(n) for n in names):
        return FORMAT_2018
    return None


def detect_file(path: Path, encoding: str | None = None) -> str | None:
    """The FiveThirtyEight format of a CSV file by its header, or None."""
    return detect(header(path, encoding))


def load_fivethirtyeight(path: Path, graph: nx.MultiDiGraph, *, names: NameIndex, encoding: str | None = None,
                         fmt: str | None = None) -> Batch:
    """Read a FiveThirtyEight table (``fmt``, else recognised by its header) into a batch."""
    table = read_table(path, encoding)
    found = detect(table.columns)
    wanted = fmt or found
    if wanted is None or (fmt is not None and found != fmt):
        expected = ", ".join(sorted(REQUIRED_2020 if wanted == FORMAT_2020 else REQUIRED_2018))
        raise InputError(str(path), f"not a {wanted or 'FiveThirtyEight'} table: it needs the columns {expected}"
                         + (" and Yes/No endorsement columns" if wanted != FORMAT_2020 else ""), line=1)
    reader = _Reader(table, names.overlay(), graph)
    (reader.rows_2020 if wanted == FORMAT_2020 else reader.rows_2018)()
    return reader.batch


class _Reader:
    """One table's rows into one batch, with the names the table adds kept in an overlay index."""

    def __init__(self, table: Table, names: NameIndex, graph: nx.MultiDiGraph):
        self.table, self.names, self.graph = table, names, graph
        self.path = table.path
        self.batch = Batch(source=str(table.path))
        self.column = {normalize_column(c): c for c in table.columns}
        self.races: dict[str, Race] = {}                 # this table's candidates: id -> the race read

    def rows_2020(self) -> None:
        for line, row in self.table.rows:
            cell = self._cells(row)
            endorser = cell("endorser")
            if not endorser:
                raise InputError(str(self.path), "a row needs an endorser", line=line)
            person = self._entity(line, endorser, "Person", {"party": PARTIES.get(cell("endorser party"),
                                                                                  cell("endorser party")),
                                                             "state": cell("state")})
            if not cell("endorsee"):
                continue                                      # an endorser who had not endorsed
            candidate = self._entity(line, cell("endorsee"), "Candidate", {"office": OFFICE_2020})
            properties = {"status": "endorsed", "date": _date(cell("date")), "position": cell("position"),
                          "state": cell("state"), "points": cell("points")}
            self._endorsed(line, person, candidate, properties, source=cell("source") or str(self.path),
                           rule=FORMAT_2020)

    def rows_2018(self) -> None:
        endorsers = self._endorsing_columns()
        party = _file_party(self.path.name, set(self.column))
        for line, row in self.table.rows:
            cell = self._cells(row)
            if not cell("candidate"):
                raise InputError(str(self.path), "a row needs a candidate", line=line)
            won = cell("won primary")
            race = Race(cell("state"), cell("district"), cell("race type"))
            properties = {"office": cell("office type"), "state": race.state, "district": race.district,
                          "race_type": race.race_type, "party": party, "primary_status": cell("primary status"),
                          "won_primary": won if won.lower() in ("yes", "no") else "",
                          "primary_pct": cell("primary pct") or cell("primary")}
            candidate = self._entity(line, self._candidacy_name(line, cell("candidate"), race), "Candidate",
                                     properties)
            self.races[candidate] = race
            for column, spec in endorsers:
                if row.get(column, "").strip().lower() != "yes":
                    continue
                endorser = self._entity(line, spec["name"], spec["type"], {"kind": spec.get("kind")},
                                        short=spec.get("short"))
                self._endorsed(line, endorser, candidate, {"status": "endorsed"}, source=str(self.path),
                               rule=FORMAT_2018, sentence=f"{column.strip()} Yes")

    def _candidacy_name(self, line: int, name: str, race: Race) -> str:
        """``name``, or ``name (district, race type)`` when ``name`` already stands for a candidate of
        another race: one Candidate per race, so each keeps its own result."""
        try:
            node_id = self.names.find(name)
        except SchemaError as err:
            raise InputError(str(self.path), str(err), line=line) from None
        if node_id is None:
            return name
        known = self.races.get(node_id) or (Race.of(self.graph.nodes[node_id]) if node_id in self.graph else None)
        if known is None or known.same(race):
            return name
        return f"{name} ({', '.join(part for part in (race.district, race.race_type) if part)})"

    def _endorsing_columns(self) -> list[tuple[str, dict[str, Any]]]:
        """(column as written, its endorser) for the table's endorsement columns; an endorsement
        column the map does not know is an error, so no endorsement is dropped unseen."""
        mapping = column_map()
        found = []
        for normalized, column in self.column.items():
            if normalized in mapping["endorsers"]:
                found.append((column, mapping["endorsers"][normalized]))
            elif ENDORSING_COLUMN.search(normalized) and normalized not in mapping["not_endorsers"]:
                raise InputError(str(self.path), f"column {column.strip()!r} names no known endorser; add it to "
                                 "loaders/data/fivethirtyeight_2018.json", line=1)
        return found

    def _cells(self, row: dict[str, str]):
        """A function from a normalized column name to the row's cell ("" if the table lacks it)."""
        return lambda name: row.get(self.column.get(name, ""), "").strip()

    def _entity(self, line: int, name: str, entity_type: str, properties: dict[str, Any],
                short: str | None = None) -> str:
        """The id of the entity called ``name`` (found in the graph or this table, else made)."""
        properties = {k: v for k, v in properties.items() if v not in (None, "")}
        try:
            schema.check_name(name)
            properties = schema.check_entity(entity_type, properties)
        except SchemaError as err:
            raise InputError(str(self.path), str(err), line=line) from None
        node_id = self.names.find(name)
        canonical = name if node_id is None else self.names.name_of(node_id)
        known_type = None if node_id is None else self.names.type_of(node_id)
        if known_type is not None and not schema.is_a(entity_type, known_type) and \
                not schema.is_a(known_type, entity_type):
            raise InputError(str(self.path), f"{name!r} is a {known_type} in the graph, not a {entity_type}",
                             line=line)
        surfaces = (name, *([short] if short and short != canonical else []))
        entity = Entity(name=canonical, type=entity_type if known_type is None else
                        schema.more_specific(known_type, entity_type),
                        article=self.path.name, aliases=surfaces, properties=properties)
        self.batch.entities.append(entity)
        if node_id is None:
            self.names.add(entity)
        return entity.id

    def _endorsed(self, line: int, endorser: str, candidate: str, properties: dict[str, Any], **claim: Any) -> None:
        """An ENDORSED claim from this row; ``claim`` holds its source (URL or file), rule and sentence."""
        properties = {k: v for k, v in properties.items() if v not in (None, "")}
        try:
            properties = schema.check_relation_properties("ENDORSED", properties)
        except SchemaError as err:
            raise InputError(str(self.path), str(err), line=line) from None
        self.batch.relations.append(Relation("ENDORSED", endorser, candidate, Claim(
            article=self.path.name, line=line, properties=properties, **claim)))


@dataclass(frozen=True)
class Race:
    """The race a 2018 row is about: state, district (538's name of the seat) and race type."""

    state: str
    district: str
    race_type: str

    @classmethod
    def of(cls, node: dict[str, Any]) -> Race | None:
        """The race a candidate node holds, None if it holds none (a candidate only articles named)."""
        if not node.get("district"):
            return None
        return cls(node.get("state", ""), node["district"], node.get("race_type", ""))

    def same(self, other: Race) -> bool:
        """The same race; a race type one side does not know does not tell them apart."""
        return (self.state, self.district) == (other.state, other.district) and (
            not self.race_type or not other.race_type or self.race_type == other.race_type)


def _date(text: str) -> str:
    """An ISO date from ``2019-03-06`` or ``3/6/19`` / ``3/6/2019``; "" if blank."""
    if not text or re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    for pattern in ("%m/%d/%y", "%m/%d/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return text                                          # the schema's check names it


def _file_party(file_name: str, columns: set[str]) -> str:
    """The candidates' party: from the file name (dem_/rep_) or the party-support column."""
    name = file_name.lower()
    if name.startswith("dem") or "dem party support" in columns:
        return "Democratic"
    if name.startswith("rep") or "rep party support" in columns:
        return "Republican"
    return ""
