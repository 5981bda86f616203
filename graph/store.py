"""The interface every graph store offers: read the whole graph, write the whole graph."""
from __future__ import annotations

from typing import Protocol

import networkx as nx


class GraphStore(Protocol):
    """Where a graph lives: a JSON file (:mod:`.embedded`) or a Bolt server (:mod:`.neo4j_store`)."""

    def load(self) -> nx.MultiDiGraph:
        """The stored graph (an empty one if nothing is stored yet)."""
        ...

    def save(self, graph: nx.MultiDiGraph) -> None:
        """Make the store hold ``graph``, all of it or nothing."""
        ...
