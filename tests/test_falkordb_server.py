"""The throwaway FalkorDB server: it answers Bolt inside the block and is gone after it, however it ends."""
from __future__ import annotations

import socket
import subprocess
import sys
import time

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


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal is Linux's")
def test_server_stops_when_the_process_that_started_it_is_killed():
    starter = subprocess.Popen(
        [sys.executable, "-c", "import time\nfrom endorsegraph.graph.falkordb_server import falkordb_server\n"
                               "with falkordb_server() as s:\n    print(s.bolt_port, flush=True)\n    time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        line = starter.stdout.readline()
        if not line.strip():
            pytest.skip("no Bolt test server could start")
        port = int(line)
        assert listening(port)
    finally:
        starter.kill()
        starter.wait()
    deadline = time.monotonic() + 10
    while listening(port) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not listening(port)
