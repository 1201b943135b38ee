from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.graph import component_count, components


def test_components_keep_the_order_of_the_nodes() -> None:
    assert components("abcde", [("d", "b"), ("e", "c"), ("x", "a")]) == [["a"], ["b", "d"], ["c", "e"]]
    assert component_count("abcde", [("d", "b"), ("e", "c")]) == 3


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=20))
def test_components_partition_the_nodes_and_hold_every_edge(edges: list[tuple[int, int]]) -> None:
    groups = components(range(10), edges)
    assert sorted(n for g in groups for n in g) == list(range(10))
    home = {n: k for k, g in enumerate(groups) for n in g}
    assert all(home[a] == home[b] for a, b in edges)
