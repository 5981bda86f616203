"""An index of the graph's names and aliases, for loaders that resolve names while they build."""
from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from . import schema
from .errors import SchemaError
from .model import Entity, normalize_name


class NameIndex:
    """Normalized names and aliases (and people's surnames) mapped to node ids, kept up to date by ``add``.

    Built once from a graph, it is kept current by adding what each loaded input adds, so a
    build of many files never reads the whole graph again. :meth:`overlay` gives one input a
    layer of its own names on top, dropped if the input fails.
    """

    def __init__(self, graph: nx.MultiDiGraph | None = None):
        self._base: NameIndex | None = None
        self._ids: dict[str, set[str]] = {}
        self._surnames: dict[str, set[str]] = {}
        self._names: dict[str, str] = {}
        self._types: dict[str, str] = {}
        for node_id, data in graph.nodes(data=True) if graph is not None else ():
            forms = {data["name"]}.union(*(m.keys() for m in data.get("mentions", {}).values()))
            self._remember(node_id, data["name"], data["type"], forms)

    def overlay(self) -> NameIndex:
        """A new index that finds everything this one does, and keeps what is added to it to itself."""
        layer = NameIndex()
        layer._base = self
        return layer

    def add(self, entity: Entity, graph_type: str | None = None) -> None:
        """Index ``entity``; ``graph_type``, the type its node now has, overrides a clashing earlier one
        (a reading no relation rested on, which the graph gave up)."""
        known = self._known_type(entity.id)
        entity_type = graph_type or (schema.more_specific(known, entity.type) if known else entity.type)
        self._remember(entity.id, entity.name, entity_type, {entity.name, *entity.aliases})

    def ids(self, form: str, types: tuple[str, ...] | None = None) -> set[str]:
        """Every node that ``form`` names (of one of ``types``, if given)."""
        key = normalize_name(form)
        return self._of_types(self._union(lambda index: index._ids.get(key, set())), types)

    def by_surname(self, surname: str) -> set[str]:
        """People whose canonical name ends with ``surname``."""
        key = normalize_name(surname)
        return self._union(lambda index: index._surnames.get(key, set()))

    def find(self, name: str) -> str | None:
        """The one node ``name`` names, None if none; SchemaError if it names several."""
        ids = self.ids(name)
        if len(ids) > 1:
            raise SchemaError(f"{name!r} is ambiguous: it names {', '.join(sorted(ids))}")
        return next(iter(ids), None)

    def name_of(self, node_id: str) -> str:
        """The canonical name: the lowest layer's (the graph's) where several know the node."""
        if self._base is not None and self._base._known_type(node_id) is not None:
            return self._base.name_of(node_id)
        return self._names[node_id]

    def type_of(self, node_id: str) -> str:
        known = self._known_type(node_id)
        if known is None:
            raise KeyError(node_id)
        return known

    def _known_type(self, node_id: str) -> str | None:
        """The narrowest type the layers know (types only narrow); the lower layer's where they clash."""
        own = self._types.get(node_id)
        below = self._base._known_type(node_id) if self._base is not None else None
        if own is None or below is None:
            return own or below
        return own if schema.is_a(own, below) else below

    def _union(self, table: Callable[[NameIndex], set[str]]) -> set[str]:
        """A new set of the ids ``table`` gives in this layer and every layer below."""
        found = set(table(self))
        if self._base is not None:
            found |= self._base._union(table)
        return found

    def _of_types(self, ids: set[str], types: tuple[str, ...] | None) -> set[str]:
        return ids if types is None else {i for i in ids if self.type_of(i) in types}

    def _remember(self, node_id: str, name: str, entity_type: str, forms: set[str]) -> None:
        if self._known_type(node_id) is None:
            self._names[node_id] = name
        self._types[node_id] = entity_type
        for form in forms:
            self._ids.setdefault(normalize_name(form), set()).add(node_id)
        canonical = self.name_of(node_id)
        if schema.is_a(entity_type, "Person") and len(canonical.split()) > 1:
            self._surnames.setdefault(normalize_name(canonical.split()[-1]), set()).add(node_id)
