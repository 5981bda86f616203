"""endorsegraph: an endorsement knowledge graph built from political news and curated records.

The Python API (see the README's "Python API"), imported on first use so that ``import endorsegraph``
stays cheap:

- ``load(path)``: the graph in a graph file, a ``networkx.MultiDiGraph``;
- ``query(graph, "endorsers", "Bernie Sanders")``: a catalog query's rows, as dicts;
- ``claims_frame(graph)``, ``entities_frame(graph)``: pandas DataFrames (``pip install 'endorsegraph[pandas]'``);
- ``draw(graph, focus="Bernie Sanders")``: the interactive page as HTML, shown inline in a notebook.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["load", "query", "claims_frame", "entities_frame", "draw", "__version__"]
_API = {"load", "query", "claims_frame", "entities_frame", "draw"}


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'endorsegraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
