"""The graph on a Neo4j (or FalkorDB) server over Bolt: push, pull, and Cypher for users.

``Neo4jStore`` fits :class:`.store.GraphStore`: ``save(graph)`` pushes (idempotent MERGE of every
node and relation, in batches sized for the server's dialect), ``load()`` pulls. ``run()`` runs a
user's parameterized Cypher and returns rows of plain Python values. The password comes from the
caller or NEO4J_PASSWORD and is never printed.

Every server call has a timeout: when no answer has come for ``timeout`` seconds, a watchdog
thread closes the connection under the waiting call, which then fails with one line.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import os
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
from neo4j import READ_ACCESS, WRITE_ACCESS, Driver, GraphDatabase, Session
from neo4j import exceptions as bolt
from neo4j.graph import Node, Path, Relationship

from . import push_plan, server_model
from .collection import collector_paused
from .dialect import NEO4J, Dialect, identify
from .errors import EndorsegraphError
from .read_only import checked

# The driver logs connection trouble as warnings, which Python prints on stderr when logging is not
# configured; the one-line error says what failed.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

DEFAULT_TIMEOUT_S = 60.0
CONNECT_TIMEOUT_S = 5.0
ACQUIRE_TIMEOUT_S = 10.0
CONNECT_ATTEMPTS = 2
DEFAULT_USER = "neo4j"
DEFAULT_BOLT_PORT = 7687
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_URI_PASSWORD = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://[^/?#@:]*):.*@")


class ServerError(EndorsegraphError):
    """The server refused a statement, or could not be reached."""


class ServerTimeout(ServerError):
    """The server did not answer within the timeout; the store is closed."""


@dataclass(frozen=True)
class PushReport:
    entities: int               # in the pushed graph
    relations: int
    statements: int             # UNWIND batches run
    nodes: tuple[int, int]      # server counts before and after
    relationships: tuple[int, int]
    new: tuple[int, int]        # nodes and relationships the push had to add


class Neo4jStore:
    """A connection to one graph on a Bolt server; use as a context manager or call :meth:`close`."""

    def __init__(self, uri: str, user: str = DEFAULT_USER, password: str = "", database: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT_S):
        if not 0 < timeout < math.inf:
            raise EndorsegraphError(f"the timeout must be a positive number of seconds, not {timeout!r}")
        _check_uri(uri)
        self.uri, self.user, self.database, self.timeout = uri, user, database or None, timeout
        self._driver = _connect(uri, user, password, timeout)
        self._watchdog = _Watchdog(timeout, self._driver.close)
        self._dialect: Dialect = NEO4J  # until the server tells otherwise
        try:
            self._dialect = identify(lambda query: self._rows(query, {}))
        except BaseException:
            self.close()
            raise

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None, database: str | None = None,
                 password: str | None = None, timeout: float | None = None) -> Neo4jStore:
        """Options where given, else NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE, NEO4J_TIMEOUT."""
        uri = uri or os.environ.get("NEO4J_URI")
        if not uri:
            raise EndorsegraphError("no server given: use --uri bolt://HOST:7687 or set NEO4J_URI")
        return cls(uri, user or os.environ.get("NEO4J_USERNAME") or DEFAULT_USER,
                   os.environ.get("NEO4J_PASSWORD", "") if password is None else password,
                   database or os.environ.get("NEO4J_DATABASE"), _timeout_from_env() if timeout is None else timeout)

    @property
    def dialect(self) -> str:
        """``"neo4j"`` or ``"falkordb"``, from the server's answers."""
        return self._dialect.name

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, user={self.user!r}, dialect={self.dialect!r})"

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._watchdog.stop()
        self._driver.close()

    def run(self, query: str, params: dict[str, Any] | None = None, write: bool = False,
            allow_files: bool = False) -> list[dict[str, Any]]:
        """Rows of a user's parameterized Cypher statement, checked first (:func:`.read_only.checked`):
        without ``write`` it must not write, nor read files without ``allow_files``."""
        params = params or {}
        return self._rows(checked(query, params, write, allow_files), params, write=write)

    def load(self) -> nx.MultiDiGraph:
        """Pull: the endorsegraph nodes and relations on the server, as a graph.

        Refused while a push is marked unfinished (see :meth:`push`); long texts come in pieces.
        """
        self._refuse_during_push()
        inline = {"inline": self._dialect.record_chars}
        with collector_paused():
            nodes = [self._whole(row, "mentions", server_model.mentions_query)
                     for row in self._rows(server_model.PULL_NODES, inline)]
            types = {row["id"]: dict(row["properties"]).get("type") for row in nodes}
            relations = [self._whole(row, "claims", functools.partial(server_model.claims_query, types=types))
                         for row in self._rows(server_model.PULL_RELATIONS, inline)
                         if row["source"] in types and row["target"] in types]
            self._refuse_during_push()
            return server_model.graph_from_rows(nodes, relations)

    def save(self, graph: nx.MultiDiGraph) -> None:
        self.push(graph)

    def push(self, graph: nx.MultiDiGraph) -> PushReport:
        """MERGE every node, then every relation, of ``graph``; the server keeps what else it holds.

        Every row is checked (schema, sizes) before the first write. Each batch commits on its own,
        so an interrupted push leaves part of the graph, marked so that :meth:`load` refuses it;
        pushing again completes it, since a push changes nothing that is already there. A server
        that ends with fewer nodes or relationships than it held before plus those the push added
        is a :class:`ServerError`: something deleted data meanwhile.
        """
        with collector_paused():
            statements = push_plan.plan(graph, self._dialect)
            before = self.counts()
            new = self._new_in(graph)
            self._ensure_keys()
            with self._marked_push(), self._writer() as write:
                for statement, rows in statements:
                    write(statement, {"rows": rows})
            after = self.counts()
        report = PushReport(graph.number_of_nodes(), graph.number_of_edges(), len(statements),
                            (before["nodes"], after["nodes"]), (before["relationships"], after["relationships"]),
                            new)
        _check_nothing_lost(report, self.uri)
        return report

    def counts(self) -> dict[str, int]:
        """How many nodes and relationships the server graph holds (endorsegraph's or not)."""
        return {"nodes": self._rows(server_model.COUNT_NODES, {})[0]["count"],
                "relationships": self._rows(server_model.COUNT_RELATIONS, {})[0]["count"]}

    def clear(self) -> None:
        """Delete every node and relationship of the server graph."""
        self._rows("MATCH (n) DETACH DELETE n", {}, write=True)

    def _new_in(self, graph: nx.MultiDiGraph) -> tuple[int, int]:
        """How many of ``graph``'s nodes and relations the server lacks (by id, and by ids and type)."""
        ids = {row["id"] for row in self._rows(server_model.PRESENT_NODES, {})}
        relations = {(row["source"], row["target"], row["type"])
                     for row in self._rows(server_model.PRESENT_RELATIONS, {})}
        return (sum(node not in ids for node in graph),
                sum(edge not in relations for edge in graph.edges(keys=True)))

    def _ensure_keys(self) -> None:
        existing = self._dialect.indexed_labels(lambda query: self._rows(query, {}))
        for label in server_model.key_labels():
            for statement in self._dialect.key_statements(label, existing):
                self._rows(statement, {}, write=True)

    @contextmanager
    def _marked_push(self) -> Iterator[None]:
        """A marker node on the server while a push writes, left there if the push fails."""
        started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
        mark = {"token": uuid.uuid4().hex, "started": started}
        self._rows(server_model.MARK_PUSH, mark, write=True)
        yield
        self._rows(server_model.UNMARK_PUSH, mark, write=True)

    def _refuse_during_push(self) -> None:
        marks = self._rows(server_model.PUSH_MARKERS, {})
        if marks:
            raise ServerError(f"{self.uri}: a push to this graph started at {marks[0]['started']} has not finished; "
                              "pull when it has (if it was interrupted, push again to complete it)")

    def _whole(self, row: dict[str, Any], field: str,
               statement: Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]) -> dict[str, Any]:
        """``row`` with its text ``field`` read in pieces if it was too long to come in the row."""
        size = row[f"{field}_size"]
        if row[field] is not None or size is None:
            return row
        query, params = statement(row)
        step = self._dialect.record_chars
        # Ask for exactly what is left: FalkorDB's substring asked past the end of a text with wide
        # characters (emoji, flags) returns fewer characters than are there.
        pieces = [self._rows(query, {**params, "start": start, "length": min(step, size - start)})
                  for start in range(0, size, step)]
        if not all(pieces):
            raise ServerError(f"{self.uri}: the graph changed during the pull; pull again")
        text = "".join(found[0]["piece"] for found in pieces)
        if len(text) != size:
            raise ServerError(f"{self.uri}: a {field} text of {size:,} characters came back as {len(text):,}; "
                              "pull again")
        return {**row, field: text}

    def _session(self, write: bool) -> Session:
        """A read or write session on the chosen database, where the dialect lets a database choose
        (see :mod:`.dialect`)."""
        return self._driver.session(database=self.database if self._dialect.selects_database else None,
                                    default_access_mode=WRITE_ACCESS if write else READ_ACCESS)

    @contextmanager
    def _writer(self) -> Iterator[Callable[[str, dict[str, Any]], None]]:
        """Runs write statements (parameters already in the dialect's form) in one session: each in a
        transaction, or auto-committed on a server whose transactions are not real (FalkorDB), which
        saves two round trips, with the parameters written into the statement's text where the
        dialect takes more that way (FalkorDB: 60 KB instead of 4 KB). Each statement has the whole
        timeout."""
        with self._call(), self._session(write=True) as session:
            def write(statement: str, params: dict[str, Any]) -> None:
                self._watchdog.progress()
                if self._dialect.transactions:
                    with session.begin_transaction() as tx:
                        tx.run(statement, params).consume()
                        tx.commit()
                elif self._dialect.inline_bytes:
                    session.run(self._dialect.inline(statement, params)).consume()
                else:
                    session.run(statement, params).consume()
            yield write

    def _rows(self, query: str, params: dict[str, Any], write: bool = False) -> list[dict[str, Any]]:
        """The records of one statement, in a read (or write) transaction that is not retried: a retry
        would outlive the timeout, and the error says what failed."""
        sent = self._dialect.parameters(params)
        self._dialect.check_size(query, sent)
        with self._call(), self._session(write) as session, session.begin_transaction() as tx:
            rows = []
            for record in tx.run(query, sent):
                self._watchdog.progress()
                rows.append({key: plain(value) for key, value in record.items()})
            tx.commit()
            return rows

    @contextmanager
    def _call(self) -> Iterator[None]:
        """Arms the timeout around server calls, and turns what the driver raises into one line."""
        if self._watchdog.expired:
            raise self._timed_out()
        try:
            with self._watchdog.armed():
                yield
        except Exception as err:
            if self._watchdog.expired:
                raise self._timed_out() from None
            if isinstance(err, (bolt.Neo4jError, bolt.DriverError)):
                raise _server_error(err, self.uri, self.user, self._dialect) from None
            raise

    def _timed_out(self) -> ServerTimeout:
        return ServerTimeout(f"{self.uri}: no answer within {self.timeout:g} s ({self._dialect.stall_causes}); "
                             "if it is just slow, raise --timeout or NEO4J_TIMEOUT")


class _Watchdog:
    """A thread that calls ``expire`` once an armed call has waited ``seconds`` for an answer."""

    def __init__(self, seconds: float, expire: Callable[[], None]):
        self.seconds, self._expire = seconds, expire
        self.expired = False
        self._deadline: float | None = None
        self._stopped = False
        self._changed = threading.Condition()
        threading.Thread(target=self._watch, name="endorsegraph-timeout", daemon=True).start()

    @contextmanager
    def armed(self) -> Iterator[None]:
        with self._changed:
            self._deadline = time.monotonic() + self.seconds
            self._changed.notify()
        try:
            yield
        finally:
            self._deadline = None

    def progress(self) -> None:
        """An answer came: the armed call may wait the whole time again."""
        if self._deadline is not None:
            self._deadline = time.monotonic() + self.seconds

    def stop(self) -> None:
        with self._changed:
            self._stopped = True
            self._changed.notify()

    def _watch(self) -> None:
        with self._changed:
            while not self._stopped:
                deadline = self._deadline
                if deadline is None:
                    self._changed.wait()
                elif time.monotonic() < deadline:
                    self._changed.wait(deadline - time.monotonic())
                else:
                    self.expired = self._stopped = True
        if self.expired:
            self._expire()


def plain(value: Any) -> Any:
    """A Bolt value as plain Python: nodes and relationships as property dicts, paths as lists."""
    if isinstance(value, (Node, Relationship)):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, Path):
        steps: list[Any] = [plain(value.start_node)]
        for relationship in value.relationships:
            steps += [plain(relationship), plain(relationship.end_node)]
        return steps
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Time, Duration
        return value.iso_format()
    return value


def masked(uri: str) -> str:
    """``uri`` with a password written into it shown as ``***``."""
    return _URI_PASSWORD.sub(r"\1:***@", uri)


def _check_uri(uri: str) -> None:
    """Refuse a URI the driver cannot use, naming it without a password written into it."""
    try:
        parts = urlsplit(uri)
        host, _ = parts.hostname, parts.port  # reading the port checks it
    except ValueError:  # its message may quote the password
        host = None
    if not host:
        raise ServerError(f"bad server URI {masked(uri)!r}: cannot read its host and port")
    if parts.scheme not in URI_SCHEMES:
        raise ServerError(f"bad server URI {masked(uri)!r}: use one of {', '.join(s + '://' for s in URI_SCHEMES)}")
    if "@" in parts.netloc or masked(uri) != uri:
        raise ServerError(f"bad server URI {masked(uri)!r}: give the user with --user or NEO4J_USERNAME and the "
                          "password in NEO4J_PASSWORD (or --ask-password), not in the URI")


def _timeout_from_env() -> float:
    text = os.environ.get("NEO4J_TIMEOUT", "").strip()
    if not text:
        return DEFAULT_TIMEOUT_S
    try:
        return float(text)
    except ValueError:
        raise EndorsegraphError(f"NEO4J_TIMEOUT={text!r} is not a number of seconds") from None


def _check_nothing_lost(report: PushReport, uri: str) -> None:
    """Raise if the server holds fewer nodes or relationships than before the push plus those it added."""
    for what, (before, after), new in (("nodes", report.nodes, report.new[0]),
                                       ("relationships", report.relationships, report.new[1])):
        if after < before + new:
            raise ServerError(f"{uri}: after the push the server holds {after} {what} where it held {before} "
                              f"and the push added {new}: something deleted data during the push")


def _server_error(err: Exception, uri: str, user: str, dialect: Dialect = NEO4J) -> ServerError:
    """A driver or server exception as one line naming the server (never the password)."""
    if _is_auth_failure(err):
        return ServerError(f"{uri}: authentication failed for user {user!r} "
                           "(check --user / NEO4J_USERNAME and NEO4J_PASSWORD)")
    if isinstance(err, (bolt.ServiceUnavailable, bolt.SessionExpired, bolt.ConnectionAcquisitionTimeoutError)):
        return ServerError(f"{uri}: cannot reach the server ({_first_line(str(err))})")
    if isinstance(err, bolt.Neo4jError):
        if not dialect.explains_errors:
            return ServerError(f"{dialect.name} refused the statement and does not say why "
                               "(check the Cypher against the README's list of FalkorDB gaps)")
        return ServerError(f"server error: {_first_line(err.message or str(err))}")
    return ServerError(f"{uri}: {_first_line(str(err))}")


def _is_auth_failure(err: Exception) -> bool:
    """Neo4j's AuthError, or FalkorDB's refusal, which the driver sees as an unknown error."""
    code = str(err.metadata.get("code", "")) if isinstance(err, bolt.Neo4jError) else ""
    return isinstance(err, bolt.AuthError) or code.endswith(".Security.Unauthorized")


def _connect(uri: str, user: str, password: str, timeout: float) -> Driver:
    """A driver with short timeouts whose server has answered, or ServerError within seconds."""
    attempts_left = CONNECT_ATTEMPTS
    while True:
        woken = _wake_listener(uri)
        try:
            driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=CONNECT_TIMEOUT_S,
                                          connection_acquisition_timeout=ACQUIRE_TIMEOUT_S,
                                          connection_write_timeout=timeout, user_agent="endorsegraph")
        except (bolt.ConfigurationError, ValueError) as err:
            raise ServerError(f"bad server URI {uri!r}: {_first_line(str(err))}") from None
        try:
            driver.verify_connectivity()
            return driver
        except (bolt.Neo4jError, bolt.DriverError) as err:
            driver.close()
            attempts_left -= 1
            if not (woken and isinstance(err, bolt.ServiceUnavailable) and attempts_left):
                raise _server_error(err, uri, user) from None


def _wake_listener(uri: str) -> bool:
    """Open and close one TCP connection to a plain ``bolt://`` server before the driver connects.

    FalkorDB's Bolt listener leaves the first connection after a client has gone hanging until it
    times out; a throwaway connection takes that place (and if the two race, :func:`_connect` tries
    once more). It also makes an unreachable host fail fast. True if a connection was made.
    """
    parts = urlsplit(uri)
    if parts.scheme != "bolt" or not parts.hostname:
        return False
    try:
        socket.create_connection((parts.hostname, parts.port or DEFAULT_BOLT_PORT), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as err:
        raise ServerError(f"{uri}: cannot reach the server ({err.strerror or err})") from None
    return True


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "no details"

