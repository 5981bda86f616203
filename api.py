"""The Python API: load a graph file, ask the query catalog, take tables into pandas, draw a page.

The graph is a ``networkx.MultiDiGraph`` (node ids are slugs; every node has ``name`` and ``type``,
every edge ``type`` and ``claims``), so anything networkx does works on it too. The examples use the
demo graph (``endorsegraph build examples --graph demo.json``); ``tests/test_doctests.py`` runs them.

>>> import endorsegraph
>>> graph = endorsegraph.load("demo.json")
>>> [row["endorser"] for row in endorsegraph.query(graph, "endorsers", "Bernie Sanders")]
['Communications Workers of America', 'Democracy for America', 'Working Families Party']
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
    """Load the graph in a graph file, with its review decisions applied.

    The file is checked as every command checks it.

    Parameters
    ----------
    path : str or os.PathLike
        A graph file, as ``endorsegraph build`` writes it.
    decisions : str or os.PathLike, optional
        A file of review decisions (``endorsegraph review`` writes them); by default
        ``PATH.decisions.jsonl`` beside the graph file, if there is one.

    Returns
    -------
    networkx.MultiDiGraph
        Node ids are slugs; every node has ``name`` and ``type``, every edge ``type`` and
        ``claims`` (the evidence). Claims a reviewer rejected are left out.

    Raises
    ------
    GraphFileError
        The graph file is missing or damaged (a one-line reason).
    DecisionsFileError
        The decisions file has a line that is not a sound decision.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> graph.number_of_nodes(), graph.number_of_edges()
    (13, 13)
    >>> graph.nodes["bernie-sanders"]["name"], graph.nodes["bernie-sanders"]["type"]
    ('Bernie Sanders', 'Candidate')
    >>> endorsegraph.load("missing.json")
    Traceback (most recent call last):
    ...
    endorsegraph.graph.errors.GraphFileError: missing.json: no graph file here; create one with `endorsegraph build INPUTS --graph missing.json`
    """
    path = Path(path)
    if not path.exists():
        raise GraphFileError(f"{path}: no graph file here; create one with `endorsegraph build INPUTS --graph {path}`")
    return curation.load(path, Path(decisions) if decisions is not None else None).graph


def query(graph: GraphLike, name: str, *args: str, **options: Any) -> list[dict[str, Any]]:
    """Answer a catalog query, as ``endorsegraph query NAME`` does.

    Parameters
    ----------
    graph : networkx.MultiDiGraph, str or os.PathLike
        A graph (see :func:`load`) or a graph file's path.
    name : str
        A query of the catalog: ``endorsers``, ``leaders``, ``path``, ... (``endorsegraph query --help``
        lists them all and says what each answers).
    *args : str
        The query's NAME or TEXT arguments in order. A NAME is a name, an alias or an id.
    **options
        The query's options by name: ``as_of``, ``depth``, ``k``, ``directed``, ``relations``,
        ``max_hops``, ``limit``.

    Returns
    -------
    list of dict
        One dict per row, as ``query --format json`` prints them, in the same order. Rows about a
        relation carry its evidence: ``sentence``, ``source`` and every distinct source in ``sources``.

    Raises
    ------
    EndorsegraphError
        An unknown query or option, a missing argument, or a NAME that matches no entity (with
        "did you mean" on a near miss).
    GraphFileError
        ``graph`` is a path to a missing or damaged graph file.

    Examples
    --------
    >>> import endorsegraph
    >>> graph = endorsegraph.load("demo.json")
    >>> rows = endorsegraph.query(graph, "endorsers", "Sanders")
    >>> [(row["endorser"], row["date"]) for row in rows]
    [('Communications Workers of America', '2015-12-17'), ('Democracy for America', '2015-12-17'), ('Working Families Party', None)]
    >>> rows[0]["sources"]
    ['examples/articles/labor_backs_sanders.txt', 'examples/records/relations.jsonl']
    >>> hops = endorsegraph.query("demo.json", "path", "Larry Cohen", "Bernie Sanders", k=1, directed=True)
    >>> [(hop["subject"], hop["relation"], hop["object"]) for hop in hops]
    [('Larry Cohen', 'ADVISES', 'Bernie Sanders')]
    >>> endorsegraph.query(graph, "roles", "Larry Cohn")
    Traceback (most recent call last):
    ...
    endorsegraph.graph.lookup.EntityNotFound: no entity named 'Larry Cohn'; did you mean 'Larry Cohen'?
    """
    params = catalog.bind(name, [str(a) for a in args], options)
    return [as_dict(row) for row in catalog.run(catalog.Embedded(_graph(graph)), name, params)]


def claims_frame(graph: GraphLike) -> pd.DataFrame:
    """One row per claim, as a pandas DataFrame.

    Parameters
    ----------
    graph : networkx.MultiDiGraph, str or os.PathLike
        A graph (see :func:`load`) or a graph file's path.

    Returns
    -------
    pandas.DataFrame
        The columns of the CSV export: ``source_id, source_name, relation, target_id, target_name``,
        the relation's properties, and the claim's ``article, claim_source, sentence, start, end, line,
        rule, confidence, published``, ``claim_properties`` (a dict). Offsets, lines and member counts
        are nullable integers.

    Raises
    ------
    ImportError
        pandas is not installed (``pip install 'endorsegraph[pandas]'``).
    GraphFileError
        ``graph`` is a path to a missing or damaged graph file.

    Examples
    --------
    >>> import endorsegraph
    >>> frame = endorsegraph.claims_frame("demo.json")
    >>> frame.groupby("relation").size().to_dict()
    {'ADVISES': 3, 'ENDORSED': 11, 'FOUNDED': 2, 'LEADS': 6}
    """
    pandas = _pandas()
    frame = pandas.DataFrame(list(tables.claim_rows(_graph(graph))), columns=tables.claim_columns())
    return _integers(frame)


def entities_frame(graph: GraphLike) -> pd.DataFrame:
    """One row per entity, as a pandas DataFrame.

    Parameters
    ----------
    graph : networkx.MultiDiGraph, str or os.PathLike
        A graph (see :func:`load`) or a graph file's path.

    Returns
    -------
    pandas.DataFrame
        Columns ``id, name, type, kind, members, office, aliases`` (``aliases`` a list, most used
        first; ``members`` a nullable integer).

    Raises
    ------
    ImportError
        pandas is not installed (``pip install 'endorsegraph[pandas]'``).
    GraphFileError
        ``graph`` is a path to a missing or damaged graph file.

    Examples
    --------
    >>> import endorsegraph
    >>> frame = endorsegraph.entities_frame("demo.json").set_index("id")
    >>> cwa = frame.loc["communications-workers-of-america"]
    >>> cwa["kind"], int(cwa["members"]), cwa["aliases"]
    ('union', 700000, ['CWA', 'Communications Worker of America'])
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
    """Draw the graph: the interactive page ``endorsegraph viz`` writes. In a notebook it shows inline.

    Parameters
    ----------
    graph : networkx.MultiDiGraph, str or os.PathLike
        A graph (see :func:`load`) or a graph file's path.
    focus : str, optional
        A name, alias or id: draw its neighbourhood only. By default the whole graph.
    depth : int, default 1
        With ``focus``: how many hops around it.
    types : list of str, optional
        Only these relation types (``["ENDORSED", "LEADS"]``).
    since : str, optional
        Only relations dated on or after this ISO date.
    max_nodes : int, optional
        The most entities drawn (the most connected first); by default ``viz``'s limit.
    title : str, optional
        The page's title; by default ``Endorsement graph`` (``... around NAME`` with a focus).

    Returns
    -------
    Page
        The whole self-contained HTML page, a ``str``; ``page.save(path)`` writes it to a file.

    Raises
    ------
    EndorsegraphError
        Nothing to draw (an empty graph, or no relation of ``types`` dated from ``since``), a ``since``
        that is not an ISO date, ``depth`` or ``max_nodes`` below 1, or a ``focus`` matching no entity.

    Examples
    --------
    >>> import endorsegraph
    >>> page = endorsegraph.draw("demo.json", focus="Bernie Sanders", depth=2)
    >>> page.startswith("<!DOCTYPE html>"), "Endorsement graph around Bernie Sanders" in page
    (True, True)
    >>> page.save("sanders.html")
    PosixPath('sanders.html')
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
