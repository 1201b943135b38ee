"""The clusterer on hand-built features: joins, new stories, time decay, merges through a bridge, determinism."""

from __future__ import annotations

from datetime import date

import numpy as np

from newsfuse.group.cluster import Clusterer, Params, gap_days, story_id_for, time_factor
from newsfuse.group.features import Features

RNG = np.random.default_rng(7)
TOPICS = {k: RNG.normal(size=384) for k in ("flood", "merger", "bridge")}


def feat(topic: str, words: str, names: str, day: date | None = None, noise: float = 0.3, seed: int = 0) -> Features:
    v = TOPICS[topic] + noise * np.random.default_rng(seed).normal(size=384)
    return Features((v / np.linalg.norm(v)).astype(np.float32), dict.fromkeys(words.split(), 1.0), dict.fromkeys(names.split(), 1.0), day)


FLOOD = "river flood rescue boat shelter evacuated"
MERGER = "takeover share deal rail freight billion"


def test_time_factor() -> None:
    assert gap_days(date(2025, 1, 1), date(2025, 1, 5), date(2025, 1, 3), date(2025, 1, 3)) == 0.0
    assert gap_days(date(2025, 1, 1), date(2025, 1, 1), date(2026, 1, 1), date(2026, 1, 1)) == 365.0
    assert gap_days(None, None, date(2025, 1, 1), date(2025, 1, 1)) is None
    assert time_factor(None, 7, 90) == time_factor(3.0, 7, 90) == 1.0
    assert time_factor(365.0, 7, 90) < 0.05


def test_same_event_joins_other_event_starts_a_story() -> None:
    c = Clusterer()
    d1 = c.assign("a", feat("flood", FLOOD, "lindenmoor arvel verhoeven", date(2025, 4, 2), seed=1), "s-a")
    d2 = c.assign("b", feat("flood", FLOOD, "lindenmoor arvel", date(2025, 4, 3), seed=2), "s-b")
    d3 = c.assign("c", feat("merger", MERGER, "holtmann vesta lindqvist", date(2025, 4, 3), seed=3), "s-c")
    assert (d1.new, d2.new, d3.new) == (True, False, True)
    assert d2.story == "s-a" and d3.story == "s-c"
    assert c.story_of == {"a": "s-a", "b": "s-a", "c": "s-c"}


def test_years_apart_is_another_story() -> None:
    c = Clusterer()
    c.assign("a", feat("flood", FLOOD, "lindenmoor arvel", date(2023, 4, 2), seed=1), "s-a")
    d = c.assign("b", feat("flood", FLOOD, "lindenmoor arvel", date(2025, 4, 2), seed=2), "s-b")
    assert d.new


def test_a_year_apart_needs_the_same_names() -> None:
    """A follow-up months later (a trial, a sentence) names the same people; another event of the kind does not."""
    c = Clusterer()
    c.assign("a", feat("flood", FLOOD, "lindenmoor arvel verhoeven", date(2024, 4, 2), seed=1, noise=0.1), "s-a")
    later = c.assign("b", feat("flood", FLOOD, "lindenmoor arvel verhoeven", date(2024, 12, 2), seed=2, noise=0.1), "s-b")
    other = c.assign("c", feat("flood", FLOOD, "brackwater selm okafor", date(2024, 12, 2), seed=3, noise=0.1), "s-c")
    assert not later.new and other.new


def test_other_names_same_kind_of_event_is_another_story() -> None:
    c = Clusterer()
    c.assign("a", feat("flood", FLOOD, "lindenmoor arvel verhoeven", seed=1, noise=0.1), "s-a")
    d = c.assign("b", feat("flood", FLOOD, "brackwater selm okafor", seed=2, noise=0.1), "s-b")
    assert d.new


def _mix(*fs: Features) -> Features:
    v = sum(f.vector for f in fs)
    terms = {k: 1.0 for f in fs for k in f.terms}
    names = {k: 1.0 for f in fs for k in f.names}
    return Features((v / np.linalg.norm(v)).astype(np.float32), terms, names, None)


def test_a_bridge_article_merges_two_stories() -> None:
    c = Clusterer(Params(threshold=0.5, merge_threshold=0.36))
    a = feat("flood", FLOOD, "lindenmoor arvel", seed=1, noise=0.05)
    b = feat("merger", MERGER, "holtmann vesta", seed=2, noise=0.05)
    assert c.assign("a", a, "s-a").new
    assert c.assign("b", b, "s-b").new  # nothing in common yet
    d = c.assign("x", _mix(a, b), "s-x")  # a report that is about both: they were one story
    assert not d.new and d.merged == [("s-b", "s-a")]
    assert set(c.story_of.values()) == {"s-a"}
    assert c.stories["s-a"].members == ["a", "b", "x"]


def test_restore_rebuilds_the_same_state() -> None:
    items = [
        (f"a{i}", feat("flood" if i % 2 else "merger", FLOOD if i % 2 else MERGER, "lindenmoor" if i % 2 else "holtmann", seed=i))
        for i in range(8)
    ]
    live = Clusterer()
    for aid, f in items[:5]:
        live.assign(aid, f, story_id_for(aid))
    restored = Clusterer()
    for aid, f in items[:5]:
        restored.restore(aid, f, live.story_of[aid])
    for aid, f in items[5:]:
        d1 = live.assign(aid, f, story_id_for(aid))
        d2 = restored.assign(aid, f, story_id_for(aid))
        assert (d1.story, d1.new, d1.merged) == (d2.story, d2.new, d2.merged)
        assert d1.score == d2.score


def test_deterministic_for_the_same_order() -> None:
    items = [(f"a{i}", feat(("flood", "merger", "bridge")[i % 3], FLOOD, f"n{i % 3}", seed=i)) for i in range(12)]
    assert Clusterer().assign_all(items) == Clusterer().assign_all(items)


def test_assigning_twice_changes_nothing() -> None:
    c = Clusterer()
    f = feat("flood", FLOOD, "lindenmoor")
    d1 = c.assign("a", f, "s-a")
    d2 = c.assign("a", f, "s-other")
    assert d2.story == d1.story and not d2.new and len(c.stories) == 1


def _two_events() -> list[tuple[str, Features]]:
    """Two events of one kind: the same words, one shared name, otherwise other names (the second event's first
    report has nothing better to join than the first event's story)."""
    first = [(f"a{i}", feat("flood", FLOOD, f"arvel lindenmoor verhoeven n{i}", seed=i)) for i in range(4)]
    second = [(f"b{i}", feat("flood", FLOOD, f"arvel brackwater okafor m{i}", seed=10 + i)) for i in range(4)]
    return first + second


def test_a_story_holding_two_events_splits() -> None:
    c = Clusterer(Params(threshold=0.2))
    decisions = [c.assign(aid, f, story_id_for(aid)) for aid, f in _two_events()]
    assert decisions[4].story == "s-a0"  # the second event's first report joins the first event's story ...
    split = decisions[5].splits
    assert [(s.story, s.into, [m for m, _ in s.moved]) for s in split] == [("s-a0", "s-b1", ["b0", "b1"])]
    assert c.story_of == {**{f"a{i}": "s-a0" for i in range(4)}, **{f"b{i}": "s-b1" for i in range(4)}}
    assert c.stories["s-b1"].members == ["b0", "b1", "b2", "b3"]


def test_one_event_does_not_split() -> None:
    c = Clusterer(Params(threshold=0.2))
    for i in range(10):
        c.assign(f"a{i}", feat("flood", FLOOD, f"arvel lindenmoor verhoeven n{i}", seed=i), story_id_for(f"a{i}"))
    assert set(c.story_of.values()) == {"s-a0"}


def test_restore_after_a_split_continues_the_same() -> None:
    items = _two_events() + [(f"c{i}", feat("flood", FLOOD, f"arvel brackwater okafor m{i}", seed=20 + i)) for i in range(3)]
    live = Clusterer(Params(threshold=0.2))
    for aid, f in items[:7]:
        live.assign(aid, f, story_id_for(aid))
    assert len(live.stories) == 2  # the split happened
    restored = Clusterer(Params(threshold=0.2))
    for aid, f in items[:7]:  # as the store gives them back: arrival order, final story
        restored.restore(aid, f, live.story_of[aid])
    for aid, f in items[7:]:
        d1 = live.assign(aid, f, story_id_for(aid))
        d2 = restored.assign(aid, f, story_id_for(aid))
        assert (d1.story, d1.new, d1.changes, d1.score) == (d2.story, d2.new, d2.changes, d2.score)
    assert live.story_of == restored.story_of
    assert {s.id: (s.seq, s.members) for s in live.stories.values()} == {s.id: (s.seq, s.members) for s in restored.stories.values()}
