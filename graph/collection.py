"""Python's cyclic garbage collector, paused while a big graph is turned into something else.

Loading, saving, pushing or pulling a graph allocates millions of small dicts, lists and strings
and makes no reference cycles. Every 700 allocations Python's collector runs, and every so often
it walks every object alive, the whole graph included: at 100,000 relations that is half of a
push's planning. Reference counting still frees every acyclic object at once; a cycle made
meanwhile is collected when the collector runs again.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block (it runs again after, if it ran before)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
