"""The ``endorsegraph`` command: a thin layer over the library, one function per command."""
from __future__ import annotations

import datetime as dt
import functools
import json
import os
import select
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import __version__
from .graph import curation, deciding, describe, kg
from .graph import decisions as dfile
from .graph import export as exporting
from .graph.drawing import view as viewing
from .graph.embedded import JsonFileStore
from .graph.errors import EndorsegraphError, GraphFileError
from .graph.lookup import resolve
from .loaders.build import TABLE_FORMATS, BuildFailed
from .loaders.build import build as build_graph
from .loaders.csv_tables import TableOptions, check_encoding
from .loaders.mapped import parse_map, read_map
from .loaders.shards import claim_files
from .progress_line import ProgressLine
from .queries import catalog
from .queries.output import FORMATS as OUTPUT_FORMATS
from .queries.output import format_rows
from .queries.params import parse_params
from .queries.rows import as_dict, brief

if TYPE_CHECKING:
    from .graph.neo4j_store import Neo4jStore

# Libraries that only some commands use (spaCy, trafilatura, neo4j, pyvis) are imported inside
# those commands, so `stats` or `query` start in a fraction of the time (tests/test_startup.py).

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Build and query an endorsement knowledge graph from news and curated records.")


def print_version(value: bool) -> None:
    """``--version``: print the package's version and stop."""
    if value:
        typer.echo(f"endorsegraph {__version__}")
        raise typer.Exit()


@app.callback()
def options(version: Annotated[bool, typer.Option("--version", callback=print_version, is_eager=True,
                                                  help="Print the version and exit.")] = False) -> None:
    """Options that come before the command."""

GraphOption = Annotated[Path, typer.Option("--graph", "-g", envvar="ENDORSEGRAPH_GRAPH",
                                           help="Graph file (node-link JSON).")]
ModelOption = Annotated[str | None, typer.Option("--model", envvar="ENDORSEGRAPH_MODEL",
                                                 help="spaCy model package (default: best installed).")]
GazetteerOption = Annotated[list[Path] | None, typer.Option("--gazetteer", help="Extra organizations (JSON Lines).")]
DecisionsOption = Annotated[Path | None, typer.Option(
    "--decisions", envvar="ENDORSEGRAPH_DECISIONS",
    help="Review decisions (JSON Lines; default: G.decisions.jsonl beside the graph file G).")]
QUERY_FORMATS = "table, json or csv"
FormatOption = Annotated[str, typer.Option("--format", "-f", help=f"{QUERY_FORMATS}.")]
DEFAULT_GRAPH = Path("endorsegraph.json")


def command(name: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command whose expected errors print one line on stderr and exit 1."""
    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except BuildFailed as err:
                for problem in err.problems:
                    typer.echo(f"error: {problem}", err=True)
                typer.echo(f"build failed: {len(err.problems)} problem input(s); graph left unchanged "
                           "(use --skip-bad to load the good ones)", err=True)
            except BrokenPipeError as err:
                if reader_gone(sys.stdout):
                    raise                      # click ends quietly when standard output's reader has left
                typer.echo(f"error: {err}", err=True)
            except (EndorsegraphError, OSError, OverflowError) as err:     # OverflowError: a number over 64 bits
                typer.echo(f"error: {err}", err=True)
            raise typer.Exit(1)
        app.command(name)(run)
        return function
    return decorate


def reader_gone(stream: Any) -> bool:
    """Whether ``stream`` is a pipe whose reading end is closed (``endorsegraph ... | head`` after head)."""
    try:
        poller = select.poll()
        poller.register(stream.fileno(), select.POLLOUT)
        return any(events & select.POLLERR for _, events in poller.poll(0))
    except (OSError, ValueError, AttributeError):   # no file descriptor (a test runner's buffer)
        return False


def refuse_graph_file(outputs: list[Path], graph: Path) -> None:
    """EndorsegraphError if any output is the graph file itself (through a symlink or hard link too)."""
    for output in outputs:
        if os.path.realpath(output) == os.path.realpath(graph) or \
                (output.exists() and graph.exists() and os.path.samefile(output, graph)):
            raise EndorsegraphError(f"{output}: that is the graph file; write to another --output")


def check_format(fmt: str) -> None:
    """EndorsegraphError unless ``fmt`` is table, json or csv (before any work is done)."""
    if fmt not in OUTPUT_FORMATS:
        raise EndorsegraphError(f"unknown format {fmt!r} (choose from {', '.join(OUTPUT_FORMATS)})")


def existing_graph(path: Path) -> JsonFileStore:
    if not path.exists():
        raise GraphFileError(f"{path}: no graph file here; create one with `endorsegraph build INPUTS --graph {path}`")
    return JsonFileStore(path)


def reviewed(path: Path, decisions: Path | None, keep_rejected: bool = False) -> curation.Reviewed:
    """The graph file with its review decisions applied (rejected claims gone unless ``keep_rejected``)."""
    return curation.load(existing_graph(path).path, decisions, keep_rejected)


def end_with_workers(number: int, frame: Any) -> None:
    """On SIGTERM a build ends its parsing processes and exits at once, leaving the graph file as it was
    (an orderly exit would wait for the workers' queues, which nothing reads any more)."""
    import multiprocessing
    for child in multiprocessing.active_children():
        child.terminate()
    os._exit(128 + number)


@command()
def build(paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders to load.")] = None,
          graph: GraphOption = DEFAULT_GRAPH,
          claims: Annotated[list[Path] | None, typer.Option(
              "--claims", help="A folder of claims shards written by `extract`, merged before PATHS "
                               "(repeatable).")] = None,
          skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Load the good inputs, list the bad.")] = False,
          model: ModelOption = None,
          gazetteers: GazetteerOption = None,
          keep_mentions: Annotated[bool, typer.Option(
              "--keep-mentions", help="Also keep the entities of articles that state no relation.")] = False,
          verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List the files of types not read.")] = False,
          encoding: Annotated[str | None, typer.Option(
              "--encoding", help="CSV tables' encoding: utf-8, utf-8-sig or latin-1 (default: detected).")] = None,
          table_format: Annotated[str | None, typer.Option(
              "--format", help="CSV tables' format: records, fivethirtyeight-2020 or fivethirtyeight-2018 "
                               "(default: recognised by the header).")] = None,
          column_map: Annotated[list[str] | None, typer.Option(
              "--map", help="Read CSV tables by column: COLUMN=FIELD, e.g. endorser=source (repeatable).")] = None,
          map_file: Annotated[Path | None, typer.Option(
              "--map-file", help='A column map as JSON: {"columns": {"endorser": "source", ...}, '
                                 '"relation": "ENDORSED"}.')] = None,
          relation: Annotated[str | None, typer.Option(
              "--relation", help="With --map: the relation type of every row, e.g. ENDORSED.")] = None,
          workers: Annotated[int, typer.Option(
              "--workers", "-j", min=1, help="Processes that parse articles (default 1).")] = 1,
          prune: Annotated[bool, typer.Option(
              "--prune", help="Drop the claims of files loaded before that no longer exist.")] = False,
          decisions: DecisionsOption = None,
          ) -> None:
    """Load articles (.txt .md .html .jsonl) and records (.csv .json .jsonl) into the graph file.

    FiveThirtyEight's endorsement tables (endorsements-2020.csv, the 2018 dem_candidates.csv and
    rep_candidates.csv) are recognised by their columns; any other table can be read by --map.

    The graph file is created if missing; with any bad input it is left exactly as it was.
    --claims DIR merges the claims shards that `extract` wrote, in their inputs' order.

    Example: endorsegraph build examples/ --graph demo.json
    """
    if not paths and not claims:
        raise EndorsegraphError("nothing to build: name files or folders, or --claims DIR")
    inputs = [*claim_files(claims or []), *(paths or [])]
    progress = ProgressLine()
    if workers > 1:
        signal.signal(signal.SIGTERM, end_with_workers)

    from .loaders.news import ExtractOptions
    options = ExtractOptions(model, tuple(str(g) for g in gazetteers or ()), keep_mentions=keep_mentions)
    store = JsonFileStore(graph, on_wait=lambda message: typer.echo(f"note: {message}", err=True))
    if table_format is not None and table_format not in TABLE_FORMATS:
        raise EndorsegraphError(f"unknown format {table_format!r} (choose from {', '.join(TABLE_FORMATS)})")
    if map_file is not None and (column_map or relation):
        raise EndorsegraphError("give the column map by --map-file or by --map/--relation, not both")
    mapping = read_map(map_file) if map_file is not None else \
        parse_map(column_map, relation) if column_map or relation else None
    tables = TableOptions(encoding=check_encoding(encoding), format=table_format, mapping=mapping)
    dfile.read(decisions or dfile.default_path(graph))       # a bad decisions file stops the build before it starts
    report = build_graph(inputs, store, skip_bad=skip_bad, progress=progress, options=options, tables=tables,
                         workers=workers, prune=prune)
    progress.finish()
    for problem in report.skipped:
        typer.echo(f"skipped: {problem}", err=True)
    if report.ignored:
        typer.echo(f"ignored {len(report.ignored)} file(s) of types build does not read"
                   + ("" if verbose else " (--verbose lists them)"), err=True)
        for path in report.ignored if verbose else ():
            typer.echo(f"ignored: {path}", err=True)
    added = report.added
    typer.echo(f"loaded {report.files} file(s) into {graph}: +{added['entities']} entities, "
               f"+{added['relations']} relations, +{added['claims']} claims"
               + (f"; skipped {len(report.skipped)}" if report.skipped else "")
               + (f"; {report.unchanged} unchanged" if report.unchanged else "")
               + (f"; -{report.replaced} claims of changed files" if report.replaced else "")
               + (f"; -{report.pruned} claims of removed files" if report.pruned else ""))
    outcomes = reviewed(graph, decisions).outcomes if (decisions or dfile.default_path(graph)).exists() else []
    if outcomes:
        problems = sum(o.status in ("stale", "conflict") for o in outcomes)
        typer.echo(f"decisions: {sum(o.status == 'applied' for o in outcomes)} applied"
                   + (f", {problems} stale or in conflict (endorsegraph review --stale lists them)" if problems else ""),
                   err=True)


@command()
def extract(paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
            claims_out: Annotated[Path, typer.Option("--claims-out", help="Folder for the claims shards.")],
            skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Exit 0 when some inputs are bad.")] = False,
            model: ModelOption = None,
            gazetteers: GazetteerOption = None,
            keep_mentions: Annotated[bool, typer.Option(
                "--keep-mentions", help="Also keep the entities of articles that state no relation.")] = False,
            workers: Annotated[int, typer.Option(
                "--workers", "-j", min=1, help="Processes that parse articles (default 1).")] = 1,
            scheduler: Annotated[str | None, typer.Option(
                "--scheduler", help="A Dask scheduler's address: extract on its workers "
                                    "(pip install 'endorsegraph[dask]').")] = None,
            ) -> None:
    """Extract what articles say into claims shards (JSON Lines, one per input file) for `build --claims`.

    Each file is read on its own, so shards can be written anywhere, in any order: on this machine,
    or on a Dask cluster with --scheduler. Records and tables are left for `build` (they resolve
    names against the graph). A bad input gets no shard; the others are written.

    Example: endorsegraph extract archive/ --claims-out claims/ && endorsegraph build --claims claims/
    """
    from .loaders.news import ExtractOptions
    options = ExtractOptions(model, tuple(str(g) for g in gazetteers or ()), keep_mentions=keep_mentions)
    if scheduler is None:
        from .loaders.sharding import extract as extract_claims
        report = extract_claims(paths, claims_out, options, workers)
    else:
        try:
            from .loaders.dask_extract import extract_on
        except ImportError as err:
            raise EndorsegraphError(f"--scheduler needs Dask ({err}): pip install 'endorsegraph[dask]'") from None
        report = extract_on(scheduler, paths, claims_out, options)
    for problem in report.inputs.skipped:
        typer.echo(f"{'skipped' if skip_bad else 'error'}: {problem}", err=True)
    if report.tables:
        typer.echo(f"left {len(report.tables)} records or table file(s) for build: "
                   f"endorsegraph build --claims {claims_out} FILE...", err=True)
    typer.echo(f"wrote {len(report.shards)} claims shard(s) to {claims_out}"
               + (f"; {len(report.inputs.skipped)} bad input(s)" if report.inputs.skipped else ""))
    if report.inputs.skipped and not skip_bad:
        raise typer.Exit(1)


@command()
def stats(graph: GraphOption = DEFAULT_GRAPH, fmt: FormatOption = "table", decisions: DecisionsOption = None) -> None:
    """Count entities, relations, claims and sources in the graph.

    --format json prints one object; csv one row per count (what, type, count).

    Example: endorsegraph stats --graph demo.json --format json
    """
    check_format(fmt)
    numbers = describe.graph_stats(reviewed(graph, decisions, keep_rejected=True).graph)
    typer.echo(describe.counts_text(numbers) if fmt == "table" else
               json.dumps(numbers, indent=2) if fmt == "json" else format_rows(describe.count_rows(numbers), fmt))


@command()
def show(name: Annotated[str, typer.Argument(help="Name, alias or id of an entity.")],
         graph: GraphOption = DEFAULT_GRAPH, fmt: FormatOption = "table", decisions: DecisionsOption = None,
         show_all: Annotated[bool, typer.Option("--all", help="Also the claims a reviewer rejected.")] = False,
         ) -> None:
    """Show an entity, its aliases, and every relation with its claims (each with its id and review).

    --format json prints the entity with its relations and their claims; csv one row per claim.

    Example: endorsegraph show "Chris Shelton" --graph demo.json
    """
    check_format(fmt)
    report = describe.entity_report(reviewed(graph, decisions, keep_rejected=show_all).graph, name)
    typer.echo(describe.entity_text(report) if fmt == "table" else
               json.dumps(report, indent=2, ensure_ascii=False) if fmt == "json" else
               format_rows(describe.entity_rows(report), fmt))


@command()
def export(graph: GraphOption = DEFAULT_GRAPH,
           fmt: Annotated[str | None, typer.Option("--format", "-f", help="json, graphml, gexf, csv or "
                                                   "neo4j-admin (default: the --output suffix's, else json).")] = None,
           output: Annotated[Path, typer.Option("--output", "-o", help="File to write; - for standard output.")]
           = Path("export.json"),
           decisions: DecisionsOption = None,
           reviewed_only: Annotated[bool, typer.Option(
               "--reviewed-only", help="Only claims a reviewer accepted or corrected (for publication).")] = False,
           ) -> None:
    """Export the graph as node-link JSON, GraphML, GEXF or CSV (one row per claim), or as the folder of
    CSV files that neo4j-admin database import reads (--format neo4j-admin --output FOLDER).

    Example: endorsegraph export --graph demo.json --output demo.graphml
    """
    fmt = exporting.format_for(output, fmt)
    refuse_graph_file(exporting.outputs(fmt, output), graph)
    g = reviewed(graph, decisions).graph
    if reviewed_only:
        curation.reviewed_only(g)
    for path in exporting.export(g, fmt, output):
        typer.echo(f"wrote {path}")


@command()
def viz(graph: GraphOption = DEFAULT_GRAPH,
        output: Annotated[Path, typer.Option("--output", "-o", help="HTML page to write.")] = Path("graph.html"),
        focus: Annotated[str | None, typer.Option(help="Draw only this entity's neighbourhood.")] = None,
        depth: Annotated[int, typer.Option(help="Hops around --focus.")] = 1,
        types: Annotated[str | None, typer.Option(help="Relation types to draw, e.g. ENDORSED,LEADS.")] = None,
        since: Annotated[str | None, typer.Option(help="Only relations dated on or after this ISO date.")] = None,
        as_of: AsOfOption = None,
        timeline: Annotated[bool, typer.Option("--timeline", help="Draw endorsements over time instead: a step "
                                               "chart per candidate (--focus: one candidate and its rivals).")] = False,
        max_nodes: Annotated[int, typer.Option(help="Draw at most this many entities, the most connected.")]
        = viewing.DEFAULT_MAX_NODES,
        title: Annotated[str | None, typer.Option(help="Page title.")] = None,
        embed: Annotated[bool, typer.Option("--embed", help="Write an HTML fragment (a sandboxed frame holding "
                                            "the page) for an article page or a notebook cell.")] = False,
        decisions: DecisionsOption = None,
        ) -> None:
    """Draw the graph as an interactive HTML page that works offline.

    Example: endorsegraph viz --graph demo.json --output demo.html --focus "Bernie Sanders" --depth 2
    """
    if depth != 1 and focus is None:
        raise EndorsegraphError("--depth needs --focus NAME")
    from .graph.drawing import viz as drawing
    refuse_graph_file([output], graph)
    g = reviewed(graph, decisions).graph
    if as_of is not None:
        from .queries.lifecycle import as_of_graph
        g = as_of_graph(g, as_of)
    if timeline:
        from .graph.drawing import timeline_page
        from .queries.lifecycle import race_events, steps
        events = race_events(g, resolve(g, focus) if focus else None)
        timeline_page.write(events, steps(events), output, title=title or "Endorsements over time")
        typer.echo(f"wrote {output}: {len({e.candidate_id for e in events})} candidate(s), {len(events)} state(s)")
        return
    view = viewing.select(g, focus=focus, depth=depth, since=since, max_nodes=max_nodes,
                          types=viewing.parse_types(types) if types is not None else None)
    built = dt.datetime.fromtimestamp(graph.stat().st_mtime, dt.timezone.utc)
    drawing.write(view, output, title=title or drawing.default_title(view), built=built, source_name=graph.name,
                  embed=embed)
    for note in view.notes:
        typer.echo(f"note: {note}", err=True)
    entities, relations = view.graph.number_of_nodes(), view.graph.number_of_edges()
    typer.echo(f"wrote {output}: {entities} entit{'y' if entities == 1 else 'ies'}, "
               f"{relations} relation{'' if relations == 1 else 's'}")


@command("eval")
def eval_articles(articles: Annotated[list[Path], typer.Argument(help="Article files or folders to extract from.")],
                  gold: Annotated[Path, typer.Option("--gold", help="Folder of gold annotation files (*.json).")],
                  fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
                  fail_under: Annotated[float | None, typer.Option(
                      "--fail-under", help="Exit 1 when micro F1 is below this (a CI gate).")] = None,
                  model: ModelOption = None,
                  gazetteers: GazetteerOption = None,
                  ) -> None:
    """Extract from articles in memory and score the result against gold annotations.

    Only gold files for the given articles count; no graph file is read or written.

    Example: endorsegraph eval tests/fixtures/articles --gold tests/fixtures/gold --fail-under 0.9
    """
    if fmt not in ("table", "json"):
        raise EndorsegraphError(f"unknown format {fmt!r} (choose from table, json)")
    from .queries import evaluate as scoring
    from .loaders.news import ExtractOptions
    options = ExtractOptions(model, tuple(str(g) for g in gazetteers or ()))
    result = scoring.evaluate(articles, gold, options=options)
    typer.echo(json.dumps(result, indent=1) if fmt == "json" else scoring.format_table(result))
    if fail_under is not None and result["micro"]["f1"] < fail_under:
        raise EndorsegraphError(f"micro F1 {result['micro']['f1']:.3f} is below --fail-under {fail_under}")


KOption = Annotated[int | None, typer.Option("--k", "-k", help="path: how many shortest paths (default 3).")]
DirectedOption = Annotated[bool, typer.Option("--directed", help="path: follow relations only in their direction.")]
RelationOption = Annotated[list[str] | None, typer.Option("--relation", "-r", help="path: only this relation type (repeatable).")]
MaxHopsOption = Annotated[int | None, typer.Option("--max-hops", help="path: longest path (default 4).")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="endorsers, endorsed-by, tally, path: only the "
                                                "endorsements standing on this ISO date.")]


BackendOption = Annotated[str | None, typer.Option("--backend", help="embedded (the graph file) or neo4j "
                                                  "(default when --uri or NEO4J_URI is given).")]
UriOption = Annotated[str | None, typer.Option("--uri", help="Bolt server, e.g. bolt://localhost:7687 (default: NEO4J_URI).")]
UserOption = Annotated[str | None, typer.Option("--user", help="Server user (default: NEO4J_USERNAME, else neo4j).")]
DatabaseOption = Annotated[str | None, typer.Option("--database", help="Database (default: NEO4J_DATABASE, else the server's).")]
AskPasswordOption = Annotated[bool, typer.Option("--ask-password", help="Prompt for the password instead of reading NEO4J_PASSWORD.")]
TimeoutOption = Annotated[float | None, typer.Option("--timeout", help="Seconds to wait for each answer from the "
                                                     "server (default: NEO4J_TIMEOUT, else 60).")]


@dataclass(frozen=True)
class BackendChoice:
    """Which back end a query command asks, and how to reach the server if it is that."""

    backend: str | None
    uri: str | None
    user: str | None
    database: str | None
    ask_password: bool
    timeout: float | None = None

    def chosen(self) -> str:
        return self.backend or ("neo4j" if self.uri or os.environ.get("NEO4J_URI") else "embedded")


def print_query(name: str, args: list[str], options: dict[str, Any], fmt: str, graph: Path, server: BackendChoice,
                decisions: Path | None = None) -> None:
    """Bind, answer and print one catalog query, on the graph file or on the server."""
    params = catalog.bind(name, args, options)
    if server.chosen() == "neo4j":
        with connect(server.uri, server.user, server.database, server.ask_password, server.timeout) as store:
            rows = catalog.run(catalog.Server(store), name, params)
    elif server.chosen() == "embedded":
        rows = catalog.run(catalog.Embedded(reviewed(graph, decisions).graph), name, params)
    else:
        raise EndorsegraphError(f"unknown backend {server.chosen()!r} (choose embedded or neo4j)")
    records = [as_dict(row) for row in rows]
    typer.echo(format_rows([brief(r) for r in records] if fmt == "table" else records, fmt))


@command()
def query(name: Annotated[str, typer.Argument(help=f"One of: {', '.join(catalog.CATALOG)}.")],
          args: Annotated[list[str] | None, typer.Argument(help="The query's NAME or TEXT arguments.")] = None,
          depth: Annotated[int | None, typer.Option("--depth", help="affiliations: hops (default 1).")] = None,
          k: KOption = None, directed: DirectedOption = False, relations: RelationOption = None,
          max_hops: MaxHopsOption = None, as_of: AsOfOption = None,
          limit: Annotated[int | None, typer.Option("--limit", help="search: most matches (default 10).")] = None,
          fmt: FormatOption = "table", backend: BackendOption = None,
          graph: GraphOption = DEFAULT_GRAPH, uri: UriOption = None, user: UserOption = None,
          database: DatabaseOption = None, ask_password: AskPasswordOption = False,
          timeout: TimeoutOption = None, decisions: DecisionsOption = None) -> None:
    """Ask one of the catalog's questions; every answer carries its evidence sentence and sources.

    Queries: endorsers NAME, endorsed-by NAME, leaders ORG, roles PERSON, affiliations NAME, path A B,
    conflicts, shared-endorsers A B, tally, points, timeline NAME, switched, declined, search TEXT.

    A NAME may be a name, an alias or an id; a near miss gets "did you mean". Tables leave out ids
    and source lists; json and csv keep them.

    Example: endorsegraph query endorsers "Bernie Sanders" --graph demo.json --format json
    """
    options = {"depth": depth, "k": k, "directed": directed or None, "relations": relations,
               "max_hops": max_hops, "as_of": as_of, "limit": limit}
    print_query(name, args or [], options, fmt, graph,
                BackendChoice(backend, uri, user, database, ask_password, timeout), decisions)


@command()
def path(source: Annotated[str, typer.Argument(help="Where the path starts (name, alias or id).")],
         target: Annotated[str, typer.Argument(help="Where it ends.")],
         k: KOption = None, directed: DirectedOption = False, relations: RelationOption = None,
         max_hops: MaxHopsOption = None, as_of: AsOfOption = None, fmt: FormatOption = "table",
         backend: BackendOption = None,
         graph: GraphOption = DEFAULT_GRAPH, uri: UriOption = None, user: UserOption = None,
         database: DatabaseOption = None, ask_password: AskPasswordOption = False,
         timeout: TimeoutOption = None, decisions: DecisionsOption = None) -> None:
    """The k shortest paths between two entities, one row per hop with its evidence sentence.

    Example: endorsegraph path "Larry Cohen" "Bernie Sanders" --graph demo.json --directed
    """
    options = {"k": k, "directed": directed or None, "relations": relations, "max_hops": max_hops, "as_of": as_of}
    print_query("path", [source, target], options, fmt, graph,
                BackendChoice(backend, uri, user, database, ask_password, timeout), decisions)



def connect(uri: str | None, user: str | None, database: str | None, ask_password: bool,
            timeout: float | None) -> Neo4jStore:
    from .graph.neo4j_store import Neo4jStore
    password = typer.prompt("password", hide_input=True) if ask_password else None
    return Neo4jStore.from_env(uri=uri, user=user, database=database, password=password, timeout=timeout)


@command()
def push(graph: GraphOption = DEFAULT_GRAPH, uri: UriOption = None, user: UserOption = None,
         database: DatabaseOption = None, ask_password: AskPasswordOption = False,
         timeout: TimeoutOption = None, decisions: DecisionsOption = None) -> None:
    """Write the graph file to a Neo4j (or FalkorDB) server; pushing again changes nothing.

    Example: NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret endorsegraph push --graph demo.json
    """
    g = reviewed(graph, decisions).graph
    with connect(uri, user, database, ask_password, timeout) as store:
        report = store.push(g)
    typer.echo(f"pushed {report.entities} entities and {report.relations} relations to {store.uri} "
               f"({store.dialect}) in {report.statements} statements; server now holds "
               f"{report.nodes[1]} nodes (+{report.nodes[1] - report.nodes[0]}) and "
               f"{report.relationships[1]} relationships (+{report.relationships[1] - report.relationships[0]})")


@command()
def pull(graph: GraphOption = DEFAULT_GRAPH, uri: UriOption = None, user: UserOption = None,
         database: DatabaseOption = None, ask_password: AskPasswordOption = False,
         timeout: TimeoutOption = None,
         allow_empty: Annotated[bool, typer.Option("--allow-empty", help="Let an empty server graph replace "
                                                   "a graph file that holds entities.")] = False) -> None:
    """Read the server's endorsegraph nodes and relations into a graph file (replacing it).

    Example: NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret endorsegraph pull --graph team.json
    """
    with connect(uri, user, database, ask_password, timeout) as store:
        g = store.load()
    target = JsonFileStore(graph)
    with target.lock():
        if g.number_of_nodes() == 0 and not allow_empty and target.load().number_of_nodes():
            raise EndorsegraphError(f"the server graph at {store.uri} is empty and {graph} is not; "
                                    "add --allow-empty to replace it anyway")
        target.save(g)
    typer.echo(f"pulled {g.number_of_nodes()} entities, {g.number_of_edges()} relations and "
               f"{kg.claim_count(g)} claims from {store.uri} into {graph}")


@command()
def cypher(query: Annotated[str, typer.Argument(help="A Cypher query; use $name for parameters.")],
           params: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE (JSON or text), repeatable.")] = None,
           fmt: FormatOption = "table",
           write: Annotated[bool, typer.Option("--write", help="Allow a query that writes (server only).")] = False,
           allow_files: Annotated[bool, typer.Option("--allow-files", help="Allow LOAD CSV, which reads files "
                                                     "(local ones on the embedded backend).")] = False,
           backend: BackendOption = None,
           graph: GraphOption = DEFAULT_GRAPH, uri: UriOption = None, user: UserOption = None,
           database: DatabaseOption = None, ask_password: AskPasswordOption = False,
           timeout: TimeoutOption = None, decisions: DecisionsOption = None) -> None:
    """Run a Cypher query on the server (read-only unless --write) or on the graph file (read-only).

    Example: endorsegraph cypher 'MATCH (o:Organization)-[:ENDORSED]->(c:Candidate {name: $name}) RETURN o.name AS name' --param name="Bernie Sanders"
    """
    values = parse_params(params or [])
    backend = BackendChoice(backend, uri, user, database, ask_password).chosen()
    if backend == "neo4j":
        with connect(uri, user, database, ask_password, timeout) as store:
            rows = store.run(query, values, write=write, allow_files=allow_files)
    elif backend == "embedded":
        if write:
            raise EndorsegraphError("--write needs --backend neo4j: the graph file changes only through build")
        if (decisions or dfile.default_path(graph)).exists():        # the cache holds graph files as extracted
            from .queries.cypher_embedded import run_cypher
            rows = run_cypher(reviewed(graph, decisions).graph, query, values, allow_files=allow_files)
        else:
            from .queries.cypher_cache import run_cypher_file
            rows = run_cypher_file(existing_graph(graph).path, query, values, allow_files=allow_files)
    else:
        raise EndorsegraphError(f"unknown backend {backend!r} (choose embedded or neo4j)")
    typer.echo(format_rows(rows, fmt))


ByOption = Annotated[str | None, typer.Option("--by", help="Who decides (default: your user name).")]
WhyOption = Annotated[str, typer.Option("--why", help="Why: recorded with the decision.")]


@command()
def review(graph: GraphOption = DEFAULT_GRAPH, decisions: DecisionsOption = None, by: ByOption = None,
           entity: Annotated[bool, typer.Option("--entity", help="Propose likely duplicate entities to merge "
                                                "or keep apart, instead of claims.")] = False,
           stale: Annotated[bool, typer.Option("--stale", help="List the decisions that no longer apply "
                                               "(exit 1 if there are any).")] = False) -> None:
    """Check claims one at a time in the terminal, one key per answer; every answer is kept at once
    in the decisions file, so a review can stop and resume at any time.

    Claims come low confidence first, then those in conflict with another source, then those that
    alone support a relation. For scripts: endorsegraph decide.

    Example: endorsegraph review --graph demo.json --by "A. Reporter"
    """
    if stale:
        outcome = reviewed(graph, decisions, keep_rejected=True)
        where = decisions or dfile.default_path(graph)
        for problem in outcome.problems:
            typer.echo(f"{where}:{problem.decision.line}: {problem.status}: {dfile.describe(problem.decision)}: "
                       f"{problem.reason}")
        if outcome.problems:
            raise typer.Exit(1)
        typer.echo(f"no stale decisions ({len(outcome.outcomes)} in {where})")
        return
    if not sys.stdin.isatty():
        raise EndorsegraphError("review needs a terminal; for scripts use `endorsegraph decide ACTION ...`")
    from .review_terminal import Session, Terminal, review_claims, review_entities
    reviewed(graph, decisions)                                    # a missing graph or bad decisions file: one line
    session = Session(graph, decisions or dfile.default_path(graph), by or dfile.default_author(), Terminal())
    with session.terminal.keys_mode():
        (review_entities if entity else review_claims)(session)


@command()
def decide(action: Annotated[str, typer.Argument(help=f"One of: {', '.join(dfile.ACTIONS)}.")],
           subjects: Annotated[list[str], typer.Argument(help="Claim ids (as show prints them), or entity names "
                                                         "and, for retype and rename, the new type or name.")],
           why: WhyOption = "", by: ByOption = None,
           name: Annotated[str, typer.Option("--name", help="merge: the canonical name; split: who the forms "
                                             "name (created if new).")] = "",
           forms: Annotated[list[str] | None, typer.Option("--form", help="split: a surface form that names "
                                                           "someone else (repeatable).")] = None,
           to_type: Annotated[str, typer.Option("--type", help="correct: the right relation type.")] = "",
           to_source: Annotated[str, typer.Option("--source", help="correct: the right source entity.")] = "",
           to_target: Annotated[str, typer.Option("--target", help="correct: the right target entity.")] = "",
           role: Annotated[str, typer.Option("--role", help="correct: the right role.")] = "",
           graph: GraphOption = DEFAULT_GRAPH, decisions: DecisionsOption = None) -> None:
    """Record a review decision from a script: on claims (accept, reject, unsure, correct) or on
    entities (merge, not-same, split, retype, rename). A decision that would not apply is refused.

    Example: endorsegraph decide reject c1f0a2b3c4d --why "the union backs Hogan, not the NAACP" --graph g.json
    """
    author = deciding.Author(by or dfile.default_author(), why)
    existing_graph(graph)
    if action in dfile.CLAIM_ACTIONS:
        if action == "correct" and len(subjects) != 1:
            raise EndorsegraphError(f"usage: decide {deciding.USAGE[action]}")
        correction = deciding.Correction(to_type, to_source, to_target, role)
        taken = [deciding.claim_decision(graph, action, wanted, author, correction, decisions) for wanted in subjects]
    elif action in dfile.ENTITY_ACTIONS:
        taken = [deciding.entity_decision(graph, action, subjects, author, name, tuple(forms or ()), decisions)]
    else:
        raise EndorsegraphError(f"unknown action {action!r} (choose from {', '.join(dfile.ACTIONS)})")
    for decision in taken:
        deciding.record(graph, decision, decisions)
        typer.echo(f"{decision.action}: {dfile.describe(decision)}")


@command()
def merge(first: Annotated[str, typer.Argument(help="The entity that goes (name, alias or id).")],
          second: Annotated[str, typer.Argument(help="The entity it goes into.")],
          name: Annotated[str, typer.Option("--name", help="The canonical name (default: the second's).")] = "",
          why: WhyOption = "", by: ByOption = None,
          graph: GraphOption = DEFAULT_GRAPH, decisions: DecisionsOption = None) -> None:
    """Record that two entities are one (decide merge A B): A's names, mentions and relations go into B.

    Example: endorsegraph merge "Progressive Caucus" "Congressional Progressive Caucus" --graph g.json
    """
    existing_graph(graph)
    decision = deciding.entity_decision(graph, "merge", [first, second],
                                        deciding.Author(by or dfile.default_author(), why), name, (), decisions)
    deciding.record(graph, decision, decisions)
    typer.echo(f"merge: {dfile.describe(decision)}")


def main() -> None:
    app()
