"""The throwaway FalkorDB server: it answers Bolt inside the block, only on loopback, and is gone
after it, however it ends."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.falkordb_server import ServerUnavailable, falkordb_server


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def reachable(address: str, port: int) -> bool:
    try:
        socket.create_connection((address, port), timeout=1).close()
        return True
    except OSError:
        return False


def other_addresses() -> list[str]:
    """Addresses of this host other than 127.0.0.1: another loopback one, and the outward one if any."""
    addresses = ["127.0.0.2"]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.255", 9))  # no packet is sent; this picks the outward interface
            addresses.append(probe.getsockname()[0])
        except OSError:
            pass
    return [address for address in addresses if address != "127.0.0.1"]


def interfaces(pid: int) -> list[str]:
    lines = Path(f"/proc/{pid}/net/dev").read_text().splitlines()[2:]
    return [line.split(":")[0].strip() for line in lines]


def children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def alive(pid: int) -> bool:
    """Running: not gone, and not a zombie that nobody has reaped yet."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(sys.platform != "linux", reason="the private network namespace is Linux's")
def test_server_is_reachable_on_loopback_only():
    try:
        with falkordb_server() as server:
            assert listening(server.bolt_port)
            for address in other_addresses():
                assert not reachable(address, server.bolt_port), f"the test server answers on {address}"
            [falkordb] = children(server.pid)
            for pid in (server.pid, falkordb):
                assert interfaces(pid) == ["lo"]
                assert os.readlink(f"/proc/{pid}/ns/net") != os.readlink("/proc/self/ns/net")
    except ServerUnavailable as err:
        pytest.skip(f"no Bolt test server: {err}")


def test_server_stops_even_when_the_block_fails():
    try:
        with falkordb_server() as server:
            assert server.uri == f"bolt://127.0.0.1:{server.bolt_port}"
            assert listening(server.bolt_port)
            processes = [server.pid, *children(server.pid)]
            log = server.log
            raise RuntimeError("test body failed")
    except ServerUnavailable as err:
        pytest.skip(f"no Bolt test server: {err}")
    except RuntimeError:
        pass
    assert not listening(server.bolt_port)
    deadline = time.monotonic() + 10
    while any(map(alive, processes)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(alive, processes))
    assert not log.parent.exists()


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal is Linux's")
def test_server_stops_when_the_process_that_started_it_is_killed():
    starter = subprocess.Popen(
        [sys.executable, "-c", "import time\nfrom support.falkordb_server import falkordb_server\n"
                               "with falkordb_server() as s:\n    print(s.bolt_port, flush=True)\n    time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent)   # where `support` is
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
