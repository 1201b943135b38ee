"""Connected components: how many groups a set of nodes forms under undirected links (union-find)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


def component_count(nodes: Iterable[N], edges: Iterable[tuple[N, N]]) -> int:
    """Number of connected components; edges touching nodes outside ``nodes`` are ignored."""
    parent: dict[N, N] = {n: n for n in nodes}

    def find(x: N) -> N:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        if a in parent and b in parent:
            parent[find(a)] = find(b)
    return len({find(n) for n in parent})
