"""The native baseline for push: the same rows loaded into the same FalkorDB over its own protocol.

FalkorDB's native clients send ``GRAPH.QUERY graph "CYPHER rows=[...] UNWIND $rows ..."`` over
the Redis protocol (RESP), with no 4 KB limit on a statement. The test server's Redis port is only
reachable inside its private network namespace (tests/support/falkordb_sandbox.py), so
:func:`connect_inside` enters that namespace for the one ``connect`` (``setns``, which needs root)
and returns. Standard library only, for the benchmark.
"""
from __future__ import annotations

import ctypes
import os
import socket
from collections.abc import Iterable
from typing import Any

CLONE_NEWNET = 0x40000000
REDIS_PORT = 6379          # as in falkordb_sandbox
_libc = ctypes.CDLL(None, use_errno=True)


def connect_inside(pid: int, port: int = REDIS_PORT) -> socket.socket:
    """A TCP connection to 127.0.0.1:``port`` in the network namespace of process ``pid``."""
    here = os.open("/proc/self/ns/net", os.O_RDONLY)
    there = os.open(f"/proc/{pid}/ns/net", os.O_RDONLY)
    try:
        if _libc.setns(there, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "setns into the server's network namespace (needs root)")
        try:
            return socket.create_connection(("127.0.0.1", port))
        finally:
            if _libc.setns(here, CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "setns back")
    finally:
        os.close(here)
        os.close(there)


def literal(value: Any) -> str:
    """``value`` as a Cypher literal, as FalkorDB's clients write parameters."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {literal(item)}" for key, item in value.items()) + "}"
    return "[" + ", ".join(literal(item) for item in value) + "]"


class Redis:
    """A minimal RESP client: one command at a time, replies read whole."""

    def __init__(self, sock: socket.socket):
        self.sock, self.reader = sock, sock.makefile("rb")

    def close(self) -> None:
        self.reader.close()
        self.sock.close()

    def command(self, *words: str) -> Any:
        parts = [f"*{len(words)}\r\n".encode()]
        for word in words:
            data = word.encode()
            parts += [f"${len(data)}\r\n".encode(), data, b"\r\n"]
        self.sock.sendall(b"".join(parts))
        return self._reply()

    def _reply(self) -> Any:
        line = self.reader.readline()
        kind, rest = line[:1], line[1:-2]
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind in (b"+", b":"):
            return rest.decode() if kind == b"+" else int(rest)
        if kind == b"$":
            size = int(rest)
            return None if size < 0 else self.reader.read(size + 2)[:-2].decode()
        if kind == b"*":
            size = int(rest)
            return None if size < 0 else [self._reply() for _ in range(size)]
        raise RuntimeError(f"unexpected reply {line!r}")


def load(redis: Redis, graph: str, statements: Iterable[tuple[str, list[dict[str, Any]]]], batch_rows: int) -> int:
    """Run each ``(statement, rows)`` on ``graph`` in batches of ``batch_rows``; the number of queries sent."""
    sent = 0
    for statement, rows in statements:
        for start in range(0, len(rows), batch_rows):
            redis.command("GRAPH.QUERY", graph, f"CYPHER rows={literal(rows[start:start + batch_rows])} {statement}")
            sent += 1
    return sent
