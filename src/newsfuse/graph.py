"""Connected components: how many groups a set of nodes forms under undirected links (union-find)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


def components(nodes: Iterable[N], edges: Iterable[tuple[N, N]]) -> list[list[N]]:
    """The connected components, each in the order of ``nodes``, ordered by their first node; edges touching nodes
    outside ``nodes`` are ignored."""
    order = list(dict.fromkeys(nodes))
    parent: dict[N, N] = {n: n for n in order}

    def find(x: N) -> N:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        if a in parent and b in parent:
            parent[find(a)] = find(b)
    groups: dict[N, list[N]] = {}
    for n in order:
        groups.setdefault(find(n), []).append(n)
    return list(groups.values())


def component_count(nodes: Iterable[N], edges: Iterable[tuple[N, N]]) -> int:
    """Number of connected components; edges touching nodes outside ``nodes`` are ignored."""
    return len(components(nodes, edges))
