"""Which entities are the same and which are not, with transitive answers (as nomenklatura's resolver).

A=B and B=C give A=C; A!=B and B=C give A!=C, so that pair is never proposed or merged.
"""
from __future__ import annotations


class Identities:
    """Same-ness as a union-find over entity ids, plus the pairs judged different."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._different: set[frozenset[str]] = set()

    def find(self, node_id: str) -> str:
        """The id that stands for ``node_id``'s group (the entity merges go into)."""
        root = node_id
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while node_id != root:                             # shorten the path for next time
            self._parent[node_id], node_id = root, self._parent[node_id]
        return root

    def same(self, a: str, b: str) -> bool:
        return self.find(a) == self.find(b)

    def different(self, a: str, b: str) -> bool:
        """True if some member of ``a``'s group was judged not the same as some member of ``b``'s."""
        groups = {self.find(a), self.find(b)}
        return len(groups) == 2 and any({self.find(x) for x in pair} == groups for pair in self._different)

    def merge(self, a: str, b: str) -> str:
        """Put ``a``'s group into ``b``'s and return the group's id (``b``'s); ValueError if they are
        known to be different."""
        if self.different(a, b):
            raise ValueError(f"{a} and {b} were judged not the same")
        root_a, root_b = self.find(a), self.find(b)
        self._parent[root_a] = root_b
        return root_b

    def keep_apart(self, a: str, b: str) -> None:
        """Record that ``a`` and ``b`` are different; ValueError if they are already the same."""
        if self.same(a, b):
            raise ValueError(f"{a} and {b} were merged")
        self._different.add(frozenset((a, b)))
