"""The graph on a Neo4j (or FalkorDB) server over Bolt: push, pull, and Cypher for users.

``Neo4jStore`` fits :class:`.store.GraphStore`: ``save(graph)`` pushes (idempotent MERGE of every
node and relation, in batches sized for the server's dialect), ``load()`` pulls. ``run()`` runs a
user's parameterized Cypher and returns rows of plain Python values. The password comes from the
caller or NEO4J_PASSWORD and is never printed.
"""
from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j import exceptions as bolt
from neo4j.graph import Node, Path, Relationship

from . import server_model
from .dialect import NEO4J, Dialect, identify
from .errors import EndorsegraphError
from .read_only import check_read_only

CONNECT_TIMEOUT_S = 5.0
ACQUIRE_TIMEOUT_S = 10.0
RETRY_S = 5.0
CONNECT_ATTEMPTS = 2
DEFAULT_USER = "neo4j"
DEFAULT_BOLT_PORT = 7687
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class ServerError(EndorsegraphError):
    """The server refused a statement, or could not be reached."""


@dataclass(frozen=True)
class PushReport:
    entities: int               # in the pushed graph
    relations: int
    statements: int             # UNWIND batches run
    nodes: tuple[int, int]      # server counts before and after
    relationships: tuple[int, int]


class Neo4jStore:
    """A connection to one graph on a Bolt server; use as a context manager or call :meth:`close`."""

    def __init__(self, uri: str, user: str = DEFAULT_USER, password: str = "", database: str | None = None):
        self.uri, self.user, self.database = uri, user, database or None
        self._driver = _connect(uri, user, password)
        self._dialect: Dialect = NEO4J  # until the server tells otherwise
        try:
            self._dialect = identify(lambda query: self._rows(query, {}))
        except BaseException:
            self.close()
            raise

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None, database: str | None = None,
                 password: str | None = None) -> Neo4jStore:
        """Options where given, else NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE."""
        uri = uri or os.environ.get("NEO4J_URI")
        if not uri:
            raise EndorsegraphError("no server given: use --uri bolt://HOST:7687 or set NEO4J_URI")
        return cls(uri, user or os.environ.get("NEO4J_USERNAME") or DEFAULT_USER,
                   os.environ.get("NEO4J_PASSWORD", "") if password is None else password,
                   database or os.environ.get("NEO4J_DATABASE"))

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
        self._driver.close()

    def run(self, query: str, params: dict[str, Any] | None = None, write: bool = False) -> list[dict[str, Any]]:
        """Rows of a parameterized Cypher statement; without ``write`` it must not write."""
        if not write:
            check_read_only(query)
        return self._rows(query, params or {}, write=write)

    def load(self) -> nx.MultiDiGraph:
        """Pull: the endorsegraph nodes and relations on the server, as a graph."""
        return server_model.graph_from_rows(self._rows(server_model.PULL_NODES, {}),
                                            self._rows(server_model.PULL_RELATIONS, {}))

    def save(self, graph: nx.MultiDiGraph) -> None:
        self.push(graph)

    def push(self, graph: nx.MultiDiGraph) -> PushReport:
        """MERGE every node, then every relation, of ``graph``; the server keeps what else it holds.

        Each batch commits on its own, so an interrupted push leaves part of the graph; pushing
        again completes it, since a push changes nothing that is already there.
        """
        before = self.counts()
        self._ensure_keys()
        row_bytes = self._dialect.batch_bytes * 4 // 5  # room for the dialect's string escapes
        statements = 0
        with self._writer() as write:
            for statement, rows in (*server_model.node_statements(graph, row_bytes),
                                    *server_model.relation_statements(graph, row_bytes)):
                for batch in self._batches(rows):
                    write(statement, {"rows": batch})
                    statements += 1
        after = self.counts()
        return PushReport(graph.number_of_nodes(), graph.number_of_edges(), statements,
                          (before["nodes"], after["nodes"]), (before["relationships"], after["relationships"]))

    def counts(self) -> dict[str, int]:
        """How many nodes and relationships the server graph holds (endorsegraph's or not)."""
        return {"nodes": self._rows(server_model.COUNT_NODES, {})[0]["count"],
                "relationships": self._rows(server_model.COUNT_RELATIONS, {})[0]["count"]}

    def clear(self) -> None:
        """Delete every node and relationship of the server graph."""
        self._rows("MATCH (n) DETACH DELETE n", {}, write=True)

    def _ensure_keys(self) -> None:
        existing = self._dialect.indexed_labels(lambda query: self._rows(query, {}))
        for label in server_model.key_labels():
            for statement in self._dialect.key_statements(label, existing):
                self._rows(statement, {}, write=True)

    def _batches(self, rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
        """Consecutive slices of ``rows``, in the dialect's form, within its byte and row budgets."""
        budget, batch, size = self._dialect.batch_bytes, [], 0
        for row in map(self._dialect.parameters, rows):
            row_size = len(json.dumps(row, ensure_ascii=False).encode())
            if row_size > budget:
                raise EndorsegraphError(
                    f"{_row_name(row)} holds a value too long for {self.dialect}: {row_size} bytes "
                    f"where one statement takes {budget}")
            if batch and (size + row_size > budget or len(batch) >= self._dialect.batch_rows):
                yield batch
                batch, size = [], 0
            batch.append(row)
            size += row_size
        if batch:
            yield batch

    @contextmanager
    def _writer(self) -> Iterator[Callable[[str, dict[str, Any]], None]]:
        """Runs write statements (parameters already in the dialect's form) in one session: each in a
        transaction, or auto-committed on a server whose transactions are not real (FalkorDB), which
        saves two round trips."""
        try:
            with self._driver.session(database=self.database) as session:
                def write(statement: str, params: dict[str, Any]) -> None:
                    if self._dialect.transactions:
                        session.execute_write(lambda tx: tx.run(statement, params).consume())
                    else:
                        session.run(statement, params).consume()
                yield write
        except (bolt.Neo4jError, bolt.DriverError) as err:
            raise _server_error(err, self.uri, self.user, self._dialect) from None

    def _rows(self, query: str, params: dict[str, Any], write: bool = False) -> list[dict[str, Any]]:
        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [{key: plain(value) for key, value in record.items()} for record in tx.run(query, params)]

        params = self._dialect.parameters(params)
        try:
            with self._driver.session(database=self.database) as session:
                return (session.execute_write if write else session.execute_read)(work)
        except (bolt.Neo4jError, bolt.DriverError) as err:
            raise _server_error(err, self.uri, self.user, self._dialect) from None


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


def _server_error(err: Exception, uri: str, user: str, dialect: Dialect = NEO4J) -> ServerError:
    """A driver or server exception as one line naming the server (never the password)."""
    if isinstance(err, bolt.AuthError):
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


def _connect(uri: str, user: str, password: str) -> Driver:
    """A driver with short timeouts whose server has answered, or ServerError within seconds."""
    if urlsplit(uri).scheme not in URI_SCHEMES:
        raise ServerError(f"bad server URI {uri!r}: use one of {', '.join(s + '://' for s in URI_SCHEMES)}")
    attempts_left = CONNECT_ATTEMPTS
    while True:
        woken = _wake_listener(uri)
        try:
            driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=CONNECT_TIMEOUT_S,
                                          connection_acquisition_timeout=ACQUIRE_TIMEOUT_S,
                                          max_transaction_retry_time=RETRY_S, user_agent="endorsegraph")
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


def _row_name(row: dict[str, Any]) -> str:
    return f"relation {row['source']} -> {row['target']}" if "source" in row else f"entity {row['id']}"
