"""The throwaway FalkorDB server: it answers Bolt inside the block and is gone after it, however it ends."""
from __future__ import annotations

import socket

import pytest

from endorsegraph.graph.falkordb_server import ServerUnavailable, falkordb_server


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def test_server_stops_even_when_the_block_fails():
    try:
        with falkordb_server() as server:
            assert server.uri == f"bolt://127.0.0.1:{server.bolt_port}"
            assert server.bolt_port < 32768 and server.bolt_port != server.redis_port
            assert listening(server.bolt_port)
            log = server.log
            raise RuntimeError("test body failed")
    except ServerUnavailable as err:
        pytest.skip(f"no Bolt test server: {err}")
    except RuntimeError:
        pass
    assert not listening(server.bolt_port)
    assert not listening(server.redis_port)
    assert not log.parent.exists()
