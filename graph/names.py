"""An index of the graph's names and aliases, for loaders that resolve names while they build."""
from __future__ import annotations

import networkx as nx

from . import schema
from .errors import SchemaError
from .model import Entity, normalize_name


class NameIndex:
    """Normalized names and aliases (and people's surnames) mapped to node ids, kept up to date by ``add``."""

    def __init__(self, graph: nx.MultiDiGraph):
        self._ids: dict[str, set[str]] = {}
        self._surnames: dict[str, set[str]] = {}
        self._names: dict[str, str] = {}
        self._types: dict[str, str] = {}
        for node_id, data in graph.nodes(data=True):
            forms = {data["name"]}.union(*(m.keys() for m in data.get("mentions", {}).values()))
            self._remember(node_id, data["name"], data["type"], forms)

    def add(self, entity: Entity) -> None:
        known = self._types.get(entity.id)
        entity_type = schema.more_specific(known, entity.type) if known else entity.type
        self._remember(entity.id, entity.name, entity_type, {entity.name, *entity.aliases})

    def ids(self, form: str, types: tuple[str, ...] | None = None) -> set[str]:
        """Every node that ``form`` names (of one of ``types``, if given)."""
        return self._of_types(self._ids.get(normalize_name(form), set()), types)

    def by_surname(self, surname: str) -> set[str]:
        """People whose canonical name ends with ``surname``."""
        return self._surnames.get(normalize_name(surname), set())

    def find(self, name: str) -> str | None:
        """The one node ``name`` names, None if none; SchemaError if it names several."""
        ids = self.ids(name)
        if len(ids) > 1:
            raise SchemaError(f"{name!r} is ambiguous: it names {', '.join(sorted(ids))}")
        return next(iter(ids), None)

    def name_of(self, node_id: str) -> str:
        return self._names[node_id]

    def type_of(self, node_id: str) -> str:
        return self._types[node_id]

    def _of_types(self, ids: set[str], types: tuple[str, ...] | None) -> set[str]:
        return ids if types is None else {i for i in ids if self._types[i] in types}

    def _remember(self, node_id: str, name: str, entity_type: str, forms: set[str]) -> None:
        self._names.setdefault(node_id, name)
        self._types[node_id] = entity_type
        for form in forms:
            self._ids.setdefault(normalize_name(form), set()).add(node_id)
        if schema.is_a(entity_type, "Person") and len(name.split()) > 1:
            self._surnames.setdefault(normalize_name(name.split()[-1]), set()).add(node_id)
