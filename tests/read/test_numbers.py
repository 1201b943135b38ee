from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.read.numbers import Amount, hedge_interval, intervals_overlap, parse_amount, parse_number, split_hedge


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,000", (3000, 3000)),
        ("a whopping 300", (300, 300)),  # the article and an adjective before a figure
        ("an approximate 200,000", (200000, 200000)),
        ("a hundred", (100, 100)),
        ("11,000", (11000, 11000)),
        ("1.8 million", (1_800_000, 1_800_000)),
        ("a thousand", (1000, 1000)),
        ("twenty-five", (25, 25)),
        ("four", (4, 4)),
        ("several hundred", (200, 999)),
        ("tens of thousands", (20_000, 99_999)),
        ("dozens", (24, 99)),
        ("a dozen", (12, 12)),
        ("two dozen", (24, 24)),
        ("two-dozen", (24, 24)),
        ("3 dozen", (36, 36)),
        # a decimal with a scale glued on; a unit is not a scale
        ("$1.5tn", (1.5e12, 1.5e12)),
        ("2.5mn", (2.5e6, 2.5e6)),
        ("7.5km", (7.5, 7.5)),
        # ranges
        ("40-50", (40, 50)),
        ("1.5 million to 2 million", (1.5e6, 2e6)),
        ("2 to 3 million", (2e6, 3e6)),
        ("between 2,000 and 3,000", (2000, 3000)),
        ("500,000 to 1.6 million", (5e5, 1.6e6)),  # the low end written in full takes no scale from the high
        ("between 500,000 and 1.6 million", (5e5, 1.6e6)),
        ("from 800 to 1,200", (800, 1200)),
        ("1.5 to 2 million", (1.5e6, 2e6)),  # a low end in the high end's scale
        ("a couple of dozen", (24, 36)),
        # ranges in words: both bounds, the scale of the second shared by the first
        ("two to three", (2, 3)),
        ("six or seven", (6, 7)),
        ("between two and three", (2, 3)),
        ("twenty to thirty thousand", (20_000, 30_000)),
        ("four to five hundred thousand", (400_000, 500_000)),
        ("a hundred to two hundred thousand", (100_000, 200_000)),
        ("two to three dozen", (24, 36)),
        ("five to 10", (5, 10)),
        ("between two hundred and fifty and three hundred", (250, 300)),
        # "and" inside one number is no range
        ("one hundred and twenty", (120, 120)),
        ("two hundred and fifty thousand", (250_000, 250_000)),
        ("a four", (4, 4)),  # "a four-year term": the article, not one plus four
    ],
)
def test_parse_number(text: str, value: tuple[float, float]) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_nearly_two_dozen_holds_23() -> None:
    near, exact = parse_amount("nearly two-dozen"), parse_amount("23")
    assert near is not None and exact is not None and near.overlaps(exact)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("half a mile", 0.5),
        ("half a million", 500_000),
        ("a mile and a half", 1.5),
        ("one and a half million", 1_500_000),
        ("two and a half million", 2_500_000),
        ("3 and a half", 3.5),
    ],
)
def test_halves_in_words(text: str, value: float) -> None:
    assert parse_number(text) == (value, value)


def test_not_a_number() -> None:
    assert parse_number("the minister") is None


@pytest.mark.parametrize("text", ["a third", "three-quarters", "a quarter of a million", "9" * 400])
def test_shares_and_overflowing_numerals_are_not_counts(text: str) -> None:
    assert parse_number(text) is None


def test_stacked_hedges_keep_the_outer_one_and_above_a_vague_amount_starts_at_its_low_end() -> None:
    assert parse_amount("up to about 300") == Amount(240.0, 300.0, hedge="up to", value=300.0)
    assert parse_amount("at least some 300") == Amount(300.0, None, hedge="at least", value=300.0)
    over = parse_amount("over several hundred")
    assert over is not None and (over.low, over.low_open) == (200, True)


def test_hedges_become_intervals() -> None:
    almost = parse_amount("almost 3,000")
    more = parse_amount("more than 3,000")
    least = parse_amount("at least 3,000")
    over = parse_amount("over 3,000")
    assert almost is not None and more is not None and least is not None and over is not None
    assert almost.hedge == "almost" and almost.high == 3000 and almost.high_open
    assert more.low == 3000 and more.low_open and more.high is None
    assert not almost.overlaps(more)  # the hedge disagreement of the seeds
    assert not almost.overlaps(least)
    assert more.overlaps(least) and more.overlaps(over)
    up_to = parse_amount("up to 120")  # a high estimate: near 120, not 50
    assert up_to is not None and up_to.low == 96 and up_to.high == 120
    at_most = parse_amount("no more than 120")  # a bound: anything up to it
    assert at_most is not None and at_most.low == 0 and at_most.high == 120
    approx = parse_amount("an approximate 200,000")
    assert approx is not None and approx.hedge == "an approximate" and approx.low == 180000


def test_split_hedge_prefers_longest() -> None:
    assert split_hedge("no more than 40 people") == ("no more than", "40 people")
    assert split_hedge("40 people") == (None, "40 people")


amounts = st.builds(
    lambda lo, width, lo_open, hi_open, unbounded: Amount(lo, None if unbounded else lo + width, lo_open, hi_open),
    st.floats(0, 1e6),
    st.floats(0, 1e6),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)


@given(amounts, amounts)
def test_overlap_is_symmetric(a: Amount, b: Amount) -> None:
    assert intervals_overlap(a, b) == intervals_overlap(b, a)


@given(amounts)
def test_closed_amount_overlaps_itself(a: Amount) -> None:
    closed = Amount(a.low, a.high)
    assert intervals_overlap(closed, closed)


@given(st.floats(1, 1e6), st.sampled_from(["almost", "more than", "at least", "about", "up to", "fewer than", None]))
def test_hedged_interval_contains_or_bounds_the_value(v: float, hedge: str | None) -> None:
    a = hedge_interval(hedge, v, v)
    lo = -math.inf if a.low is None else a.low
    hi = math.inf if a.high is None else a.high
    assert lo <= v <= hi
