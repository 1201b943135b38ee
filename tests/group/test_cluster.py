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
    v = np.sum([f.vector for f in fs], axis=0)
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
    assert decisions[5].splits == []  # ... two reports alone, this alike, would merge again (absorb_size): no split yet
    split = decisions[6].splits
    assert [(s.story, s.into, [m for m, _ in s.moved]) for s in split] == [("s-a0", "s-b2", ["b0", "b1", "b2"])]
    assert c.story_of == {**{f"a{i}": "s-a0" for i in range(4)}, **{f"b{i}": "s-b2" for i in range(4)}}
    assert c.stories["s-b2"].members == ["b0", "b1", "b2", "b3"]


def test_without_absorbing_two_reports_split_off() -> None:
    c = Clusterer(Params(threshold=0.2, absorb_size=0))
    decisions = [c.assign(aid, f, story_id_for(aid)) for aid, f in _two_events()]
    assert [(s.story, s.into, [m for m, _ in s.moved]) for s in decisions[5].splits] == [("s-a0", "s-b1", ["b0", "b1"])]


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


def _flood(i: int, names: str = "arvel lindenmoor verhoeven") -> Features:
    return feat("flood", FLOOD, f"{names} n{i}", seed=i)


def _other_flood(i: int) -> Features:
    return feat("flood", FLOOD, f"arvel brackwater okafor m{i}", seed=50 + i)


def test_members_go_to_the_near_story_they_fit_better() -> None:
    """A report of the second event that joined the first event's story (before the second had one) goes to the
    second event's story once that story exists and grows."""
    c = Clusterer(Params(threshold=0.2, merge_threshold=0.9, split_names=0.0))  # no merge, no split: only the exchange
    _wrongly_joined(c)
    d = c.assign("b3", _other_flood(3), "s-b3")
    assert d.story == "s-b1"
    assert [(m, story) for m, story, _ in d.exchanges[0].moved] == [("b0", "s-b1")]
    assert c.stories["s-b1"].members == ["b0", "b1", "b2", "b3"]  # in arrival order, as a restore would build it
    assert c.stories["s-b1"].seq == c.order["b0"]
    assert c.stories["s-a0"].members == ["a0", "a1", "a2", "a3"]


def test_no_exchange_when_switched_off_or_stories_are_far() -> None:
    c = Clusterer(Params(threshold=0.2, merge_threshold=0.9, split_names=0.0, exchange_members=0))
    _wrongly_joined(c)
    assert c.assign("b2", _other_flood(2), "s-b2").exchanges == []
    assert c.story_of["b0"] == "s-a0"
    far = Clusterer(Params(threshold=0.2))
    far.restore("a0", _flood(0), "s-a0")
    far.restore("m0", feat("merger", MERGER, "holtmann vesta", seed=3), "s-m0")
    assert far.assign("a1", _flood(1), "s-a1").exchanges == []


def test_a_lone_report_joins_the_story_it_fits_once_that_story_grew() -> None:
    """A short report scored below the join threshold against a story of one; the grown story takes it in."""
    c = Clusterer(Params(threshold=0.5, merge_threshold=0.9, absorb_threshold=0.3, exchange_members=0))
    c.restore("a0", _flood(0), "s-a0")
    c.restore("x", feat("flood", FLOOD, "lindenmoor", seed=9, noise=0.6), "s-x")  # started its own story
    c.restore("m0", feat("merger", MERGER, "holtmann vesta", seed=3), "s-m0")
    d = c.assign("a1", _flood(1), "s-a1")
    assert d.story == "s-a0" and d.merged == [("s-x", "s-a0")]
    assert c.stories["s-a0"].members == ["a0", "x", "a1"] and "s-m0" in c.stories
    without = Clusterer(Params(threshold=0.5, merge_threshold=0.9, absorb_size=0, exchange_members=0))
    without.restore("a0", _flood(0), "s-a0")
    without.restore("x", feat("flood", FLOOD, "lindenmoor", seed=9, noise=0.6), "s-x")
    assert without.assign("a1", _flood(1), "s-a1").merged == []


def test_a_lone_report_is_not_absorbed_by_a_story_it_does_not_fit_best() -> None:
    c = Clusterer(Params(threshold=0.5, merge_threshold=0.9, exchange_members=0))
    c.restore("a0", _flood(0), "s-a0")
    c.restore("a1", _flood(1), "s-a0")
    for i in range(3):
        c.restore(f"b{i}", _other_flood(i), "s-b0")
    c.restore("y", _other_flood(3), "s-y")  # fits the other flood best
    assert c.score(c.stories["s-y"].profile, c.stories["s-a0"].profile) >= c.params.absorb_threshold
    c.assign("a2", _flood(2), "s-a2")
    assert c.story_of["y"] == "s-y" and c.stories["s-a0"].members == ["a0", "a1", "a2"]


def _wrongly_joined(c: Clusterer) -> None:
    """The first event's story holds the second event's first report; the second event has a story of its own."""
    for i in range(4):
        c.restore(f"a{i}", _flood(i), "s-a0")
    c.restore("b0", _other_flood(0), "s-a0")
    c.restore("b1", _other_flood(1), "s-b1")
    c.restore("b2", _other_flood(2), "s-b1")


def test_restore_after_an_exchange_continues_the_same() -> None:
    params = Params(threshold=0.2, merge_threshold=0.9, split_names=0.0)  # no merge, no split: the exchange repairs
    live = Clusterer(params)
    _wrongly_joined(live)
    assert live.assign("b3", _other_flood(3), "s-b3").exchanges  # b0 moved
    restored = Clusterer(params)
    for aid in sorted(live.story_of, key=live.order.__getitem__):  # as the store gives them back
        restored.restore(aid, live.features[aid], live.story_of[aid])
    later = [("b4", _other_flood(4)), ("a4", _flood(4)), ("b5", _other_flood(5)), ("a5", _flood(5))]
    for aid, f in later:
        d1 = live.assign(aid, f, story_id_for(aid))
        d2 = restored.assign(aid, f, story_id_for(aid))
        assert (d1.story, d1.new, d1.changes, d1.score) == (d2.story, d2.new, d2.changes, d2.score)
    assert {s.id: (s.seq, s.members) for s in live.stories.values()} == {s.id: (s.seq, s.members) for s in restored.stories.values()}
