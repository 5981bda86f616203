"""Run FalkorDB where only loopback exists, reachable through one port on this host's loopback.

FalkorDB's Bolt listener ignores ``--bind`` and listens on every interface, so
:func:`.falkordb_server.falkordb_server` runs this script (standard library only) with a socket
already listening on the host's 127.0.0.1. The script moves itself into a new network namespace
(with a user namespace when not privileged), where the only interface is ``lo``, starts
``redis-server`` with the FalkorDB module there, prints ``ready`` and then forwards each
connection accepted on the inherited socket (still in the host's namespace) to Bolt inside.
On failure it prints one line starting ``error:`` and exits. With FALKORDB_PASSWORD set in its
environment, the server requires that password.

Usage: falkordb_sandbox.py LISTEN_FD REDIS_SERVER MODULE FOLDER
"""
from __future__ import annotations

import ctypes
import fcntl
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
REDIS_PORT, BOLT_PORT = 6379, 7687   # inside the namespace, where nothing else listens
START_TIMEOUT_S = 20.0
CHUNK = 65536

_libc = ctypes.CDLL(None, use_errno=True)


def main(listen_fd: int, redis_server: str, module: str, folder: str) -> None:
    _stop_with_parent()
    listener = socket.socket(fileno=listen_fd)
    try:
        _private_network()
        server = _start(redis_server, module, folder)
    except OSError as err:
        print(f"error: {err.strerror or err}", flush=True)
        sys.exit(3)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        print("ready", flush=True)
        while True:
            client, _ = listener.accept()
            threading.Thread(target=_forward, args=(client,), daemon=True).start()
    finally:
        server.terminate()
        server.wait()


def _stop_with_parent() -> None:
    """Linux stops this process when the one that started it dies, even by SIGKILL."""
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _private_network() -> None:
    """Enter a new network namespace whose loopback is up: as root directly, else inside a new user namespace."""
    uid, gid = os.geteuid(), os.getegid()
    if _libc.unshare(CLONE_NEWNET) != 0:
        if _libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0:
            errno = ctypes.get_errno()
            raise OSError(errno, f"cannot make a private network namespace (unshare: {os.strerror(errno)})")
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1")
        _write("/proc/self/gid_map", f"{gid} {gid} 1")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as control:
        request = struct.pack("16sH14x", b"lo", 0)
        flags = struct.unpack("16sH14x", fcntl.ioctl(control, SIOCGIFFLAGS, request))[1]
        fcntl.ioctl(control, SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", flags | IFF_UP))


def _write(path: str, text: str) -> None:
    with open(path, "w") as handle:
        handle.write(text)


def _start(redis_server: str, module: str, folder: str) -> subprocess.Popen[bytes]:
    """Start redis-server with FalkorDB and wait until Bolt answers inside the namespace."""
    password = os.environ.pop("FALKORDB_PASSWORD", "")
    with open(os.path.join(folder, "server.log"), "ab") as log:
        server = subprocess.Popen(
            [redis_server, "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", folder, *(["--requirepass", password] if password else []),
             "--loadmodule", module, "BOLT_PORT", str(BOLT_PORT)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=folder,
            preexec_fn=_stop_with_parent)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise OSError(f"FalkorDB exited with code {server.returncode}")
        try:
            socket.create_connection(("127.0.0.1", BOLT_PORT), timeout=0.5).close()
            return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise OSError(f"FalkorDB did not open its Bolt port within {START_TIMEOUT_S:.0f}s")


def _forward(client: socket.socket) -> None:
    """Copy bytes both ways between ``client`` and Bolt inside until either side closes."""
    try:
        inside = socket.create_connection(("127.0.0.1", BOLT_PORT))
    except OSError:
        client.close()
        return
    threading.Thread(target=_copy, args=(inside, client), daemon=True).start()
    _copy(client, inside)


def _copy(source: socket.socket, target: socket.socket) -> None:
    """Copy until ``source`` ends, then end both ways (waking the other copy) and close ``source``."""
    try:
        while data := source.recv(CHUNK):
            target.sendall(data)
    except OSError:
        pass
    for end in (source, target):
        try:
            end.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    source.close()


if __name__ == "__main__":
    main(int(sys.argv[1]), *sys.argv[2:5])
