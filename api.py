"""The Python API: load a graph file, ask the query catalog, take tables into pandas, draw a page.

>>> import endorsegraph
>>> graph = endorsegraph.load("demo.json")                        # doctest: +SKIP
>>> [row["endorser"] for row in endorsegraph.query(graph, "endorsers", "Bernie Sanders")]  # doctest: +SKIP
['Communications Workers of America', 'Democracy for America', ...]

The graph is a ``networkx.MultiDiGraph`` (node ids are slugs; every node has ``name`` and ``type``,
every edge ``type`` and ``claims``), so anything networkx does works on it too.
"""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .graph import curation, tables
from .graph.errors import GraphFileError
from .queries import catalog
from .queries.rows import as_dict

if TYPE_CHECKING:
    import pandas as pd

GraphLike = nx.MultiDiGraph | str | os.PathLike[str]
INLINE_HEIGHT_PX = 640          # how tall a drawing shows inside a notebook cell
INTEGER_COLUMNS = ("start", "end", "line", "members")


def load(path: str | os.PathLike[str], decisions: str | os.PathLike[str] | None = None) -> nx.MultiDiGraph:
    """The graph in the graph file at ``path`` (as ``endorsegraph build`` writes it), with its review
    decisions applied (``decisions``, else ``G.decisions.jsonl`` beside it, if there is one).

    The file is checked as every command checks it; a missing or damaged file raises
    :class:`~endorsegraph.graph.errors.GraphFileError` with a one-line reason.

    >>> graph = endorsegraph.load("demo.json")                    # doctest: +SKIP
    >>> graph.nodes["bernie-sanders"]["name"]                     # doctest: +SKIP
    'Bernie Sanders'
    """
    path = Path(path)
    if not path.exists():
        raise GraphFileError(f"{path}: no graph file here; create one with `endorsegraph build INPUTS --graph {path}`")
    return curation.load(path, Path(decisions) if decisions is not None else None).graph


def query(graph: GraphLike, name: str, *args: str, **options: Any) -> list[dict[str, Any]]:
    """Answer the catalog query ``name`` (as ``endorsegraph query NAME``) over ``graph`` (a graph or a
    graph file's path): one dict per row, each with its evidence sentence and sources.

    ``args`` are the query's NAME or TEXT arguments in order (a name, an alias or an id; a near miss
    raises an error with "did you mean"); ``options`` its options by name (``depth``, ``k``,
    ``directed``, ``relations``, ``max_hops``, ``limit``).

    >>> endorsegraph.query(graph, "endorsers", "Sanders")[0]["endorser"]      # doctest: +SKIP
    'Communications Workers of America'
    >>> endorsegraph.query(graph, "path", "Larry Cohen", "Bernie Sanders", k=1, directed=True)  # doctest: +SKIP
    """
    params = catalog.bind(name, [str(a) for a in args], options)
    return [as_dict(row) for row in catalog.run(catalog.Embedded(_graph(graph)), name, params)]


def claims_frame(graph: GraphLike) -> pd.DataFrame:
    """One row per claim, as a pandas DataFrame (needs pandas: ``pip install 'endorsegraph[pandas]'``).

    Columns are those of the CSV export: ``source_id, source_name, relation, target_id, target_name``,
    the relation's properties, and the claim's ``article, claim_source, sentence, start, end, line,
    rule, confidence, published``, ``claim_properties`` (a dict). Offsets and lines are nullable integers.

    >>> frame = endorsegraph.claims_frame(graph)                                # doctest: +SKIP
    >>> frame.groupby("relation").size()                                        # doctest: +SKIP
    """
    pandas = _pandas()
    frame = pandas.DataFrame(list(tables.claim_rows(_graph(graph))), columns=tables.claim_columns())
    return _integers(frame)


def entities_frame(graph: GraphLike) -> pd.DataFrame:
    """One row per entity, as a pandas DataFrame: ``id, name, type, kind, members, office, aliases``
    (``aliases`` a list, most used first; ``members`` a nullable integer). Needs pandas.

    >>> endorsegraph.entities_frame(graph).set_index("id").loc["bernie-sanders", "office"]  # doctest: +SKIP
    'President'
    """
    pandas = _pandas()
    frame = pandas.DataFrame(list(tables.entity_rows(_graph(graph))), columns=list(tables.ENTITY_COLUMNS))
    return _integers(frame)


class Page(str):
    """A whole HTML page (a ``str``) that a Jupyter notebook shows inline, in a frame of its own.

    The frame is sandboxed (its scripts run, but cannot reach the notebook), and the page's own
    Content-Security-Policy lets nothing load and runs only its own scripts, by hash.

    ``page.save(path)`` writes it to a file that opens offline in any browser.
    """

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self, quote=True)}" style="width: 100%; '
                f'height: {INLINE_HEIGHT_PX}px; border: 0" sandbox="allow-scripts"></iframe>')

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` atomically; the path written."""
        from .graph.embedded import write_atomic
        write_atomic(Path(path), self.encode("utf-8"))
        return Path(path)


def draw(graph: GraphLike, focus: str | None = None, *, depth: int = 1, types: list[str] | None = None,
         since: str | None = None, max_nodes: int | None = None, title: str | None = None) -> Page:
    """The interactive page ``endorsegraph viz`` writes, as a :class:`Page` (an HTML ``str``).

    ``focus`` (a name, alias or id) draws its neighbourhood within ``depth`` hops; ``types`` only those
    relation types; ``since`` only relations dated on or after an ISO date; ``max_nodes`` caps the
    entities drawn (the most connected). In a notebook the page shows inline.

    >>> endorsegraph.draw(graph, focus="Bernie Sanders", depth=2)               # doctest: +SKIP
    >>> endorsegraph.draw(graph).save("graph.html")                             # doctest: +SKIP
    """
    from .graph.drawing import view as viewing
    from .graph.drawing import viz as drawing
    options: dict[str, Any] = {} if max_nodes is None else {"max_nodes": max_nodes}
    view = viewing.select(_graph(graph), focus=focus, depth=depth, types=types, since=since, **options)
    return Page(drawing.render(view, title=title or drawing.default_title(view), built=None,
                               source_name="a Python session"))


def _graph(graph: GraphLike) -> nx.MultiDiGraph:
    return graph if isinstance(graph, nx.MultiDiGraph) else load(graph)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as err:
        raise ImportError("endorsegraph's DataFrames need pandas: pip install 'endorsegraph[pandas]'") from err
    return pandas


def _integers(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype({c: "Int64" for c in INTEGER_COLUMNS if c in frame.columns})
