from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.read.times import DAYS, _with_range_year, duration, range_end, resolve

SAT = date(2024, 12, 28)  # a Saturday


@pytest.mark.parametrize(
    ("expr", "value", "precision"),
    [
        ("on Friday", "2024-12-27", "day"),
        ("Friday", "2024-12-27", "day"),
        ("last Saturday", "2024-12-21", "day"),
        ("this past Saturday", "2024-12-21", "day"),
        ("Monday, January 6", "2025-01-06", "day"),  # the weekday picks the year near its turn
        ("Wednesday, December 17", "2024-12-17", "day"),  # a Tuesday in 2024, a Wednesday only in 2025: a slip
        ("3000 years ago", None, None),
        ("Saturday", "2024-12-28", "day"),
        ("Monday (December 23)", "2024-12-23", "day"),
        ("Dec. 17", "2024-12-17", "day"),
        ("on Dec. 17", "2024-12-17", "day"),
        ("17 December 2023", "2023-12-17", "day"),
        ("in August", "2024-08", "month"),
        ("August 2023", "2023-08", "month"),
        ("April last year", "2023-04", "month"),
        ("in March this year", "2024-03", "month"),
        ("last December", "2023-12", "month"),  # the latest December before this month
        ("late January of last year", "2023-01", "month"),
        ("March of 2021", "2021-03", "month"),
        ("Sept. of this year", "2024-09", "month"),
        ("the end of last year", "2023", "year"),  # a part of a year: no finer than the year
        ("the summer of 2016", "2016", "year"),
        ("last June", "2024-06", "month"),
        ("this past June", "2024-06", "month"),
        ("about two weeks ago", "2024-12-09", "week"),  # a hedged count back keeps its week
        ("about ten days ago", "2024-12-16", "week"),  # and no finer
        ("more than two months ago", None, None),  # a bound on one side only
        ("less than a week ago", None, None),
        ("nearly three months ago", "2024-09", "month"),
        ("last week", "2024-12-16", "week"),
        ("next week", "2024-12-30", "week"),
        ("the day before yesterday", "2024-12-26", "day"),
        ("last weekend", "2024-12-16", "week"),  # written on a Saturday: the weekend before, in its week
        ("next month", "2025-01", "month"),
        ("the end of the month", "2024-12", "month"),
        ("this year", "2024", "year"),
        ("in 1994", "1994", "year"),
        ("yesterday", "2024-12-27", "day"),
        ("three days ago", "2024-12-25", "day"),
        ("2024-12-28", "2024-12-28", "day"),
        ("on 1/5/17", "2017-01-05", "day"),  # figures, month first, as American outlets write them
        ("12/23/2024", "2024-12-23", "day"),
        ("23/12/2024", "2024-12-23", "day"),  # only one order is a date
        ("23.12.24", "2024-12-23", "day"),
        ("5.1.2025", "2025-01-05", "day"),  # dots: day first
        ("2024/12/23", "2024-12-23", "day"),
        ("3/4/99", "1999-03-04", "day"),  # a two-digit year is never ahead of the reference year
        ("9/11", None, None),  # no year: nothing fixed
        ("13/13/2024", None, None),
    ],
)
def test_resolve(expr: str, value: str | None, precision: str | None) -> None:
    w = resolve(expr, SAT)
    if value is None:  # before the calendar's first year, or no date at all
        assert w is None
        return
    assert w is not None, expr
    assert (w.value, w.precision) == (value, precision)


def test_previous_day_needs_an_anchor() -> None:
    assert resolve("the previous day", SAT) is None
    w = resolve("the previous day", SAT, previous=date(2024, 12, 27))
    assert w is not None and w.value == "2024-12-26"


def test_unresolvable_is_not_guessed() -> None:
    for expr in ("the winter", "every day", "the day", "so far"):
        assert resolve(expr, SAT) is None
    # spans ending now ("for the past month"), not the calendar unit before ("last month")
    for expr in ("the past month", "the past week", "the past year", "the last month"):
        assert resolve(expr, SAT) is None, expr
    assert [w.value for w in (resolve("last month", SAT), resolve("last week", SAT)) if w] == ["2024-11", "2024-12-16"]
    assert resolve("on Friday", None) is None
    assert resolve("1/5/17", None) is None  # a two-digit year needs the reference date for its century
    assert resolve("1/5/2017", None) is not None


def test_month_day_in_january_refers_to_last_december() -> None:
    w = resolve("Dec. 30", date(2025, 1, 3))
    assert w is not None and w.value == "2024-12-30"


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
    st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
)
def test_weekday_is_within_the_past_week(base: date, day: str) -> None:
    w = resolve(f"on {day}", base)
    assert w is not None and w.day is not None
    assert base - timedelta(days=6) <= w.day <= base
    assert w.day.strftime("%A").lower() == day


def test_a_weekday_still_to_come_is_the_next_one() -> None:
    wed = date(2016, 9, 28)
    assert resolve("Thursday", wed).value == "2016-09-22"  # type: ignore[union-attr]
    assert resolve("Thursday", wed, future=True).value == "2016-09-29"  # type: ignore[union-attr]
    assert resolve("Wednesday", wed, future=True).value == "2016-09-28"  # type: ignore[union-attr]
    assert resolve("last Thursday", wed, future=True).value == "2016-09-22"  # type: ignore[union-attr]


def test_a_day_or_month_still_to_come_is_the_next_one() -> None:
    thu = date(2018, 4, 26)
    assert resolve("July 13", thu, past=True).value == "2017-07-13"  # type: ignore[union-attr]  # "signed on July 13"
    assert resolve("July 13", thu).value == "2018-07-13"  # type: ignore[union-attr]  # the nearer, if ahead by less than half
    assert resolve("October 13", thu).value == "2017-10-13"  # type: ignore[union-attr]
    assert resolve("July 13", thu, future=True).value == "2018-07-13"  # type: ignore[union-attr]
    assert resolve("the 13th of July", thu, future=True).value == "2018-07-13"  # type: ignore[union-attr]
    assert resolve("March 23", thu, future=True).value == "2019-03-23"  # type: ignore[union-attr]
    assert resolve("April 26", thu, future=True).value == "2018-04-26"  # type: ignore[union-attr]
    assert resolve("July", thu, future=True).value == "2018-07"  # type: ignore[union-attr]
    assert resolve("February", thu, future=True).value == "2019-02"  # type: ignore[union-attr]


def test_a_day_without_a_year_is_the_nearest_past_counting_twice() -> None:
    apr30 = date(2018, 4, 30)
    assert resolve("June 1", apr30).value == "2018-06-01"  # type: ignore[union-attr]  # "postponed until June 1"
    assert resolve("December 17", date(2025, 1, 5)).value == "2024-12-17"  # type: ignore[union-attr]
    assert resolve("January 3", date(2024, 12, 28)).value == "2025-01-03"  # type: ignore[union-attr]
    assert resolve("May", apr30).value == "2018-05"  # type: ignore[union-attr]  # "by the end of May"
    assert resolve("May", apr30, past=True).value == "2017-05"  # type: ignore[union-attr]
    assert resolve("November", apr30).value == "2017-11"  # type: ignore[union-attr]


def test_a_publication_date_in_year_one_resolves_nothing_before_it() -> None:
    assert resolve("Tuesday", date(1, 1, 1)) is None  # 1 January of year 1 was a Monday
    assert resolve("last week", date(1, 1, 3)) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_a_date_in_figures_reads_back(d: date) -> None:
    american = resolve(f"{d.month}/{d.day}/{d.year}", SAT)
    european = resolve(f"{d.day:02d}.{d.month:02d}.{d.year}", SAT)
    assert american is not None and american.value == d.isoformat()
    assert european is not None and european.value == d.isoformat()


@pytest.mark.parametrize(
    ("expr", "after", "days", "unit", "relation"),
    [
        ("nine minutes", " before coming back", (9 / 1440, 9 / 1440), "minute", "apart"),
        ("10 minutes later", "", (10 / 1440, 10 / 1440), "minute", "apart"),
        ("four and a half months", " in prison", (4.5 * 30.44, 4.5 * 30.44), "month", "length"),
        ("136 days", ".", (136, 136), "day", "length"),
        ("more than four years", "", (4 * 365.25, None), "year", "length"),
        ("the past three years", "", (3 * 365.25, 3 * 365.25), "year", "length"),
        ("two to three weeks", "", (14, 21), "week", "length"),
        ("a four-year", " term", (4 * 365.25, 4 * 365.25), "year", "length"),
        ("12 weeks ago", "", (84, 84), "week", "ago"),
    ],
)
def test_a_length_of_time(expr: str, after: str, days: tuple[float, float | None], unit: str, relation: str) -> None:
    d = duration(expr, after)
    assert d is not None
    assert (d["days_low"], d["days_high"]) == pytest.approx(days)
    assert (d["unit"], d["relation"]) == (unit, relation)


def test_a_hedge_keeps_its_open_end() -> None:
    d = duration("almost eight minutes")
    assert d is not None and d["high_open"] is True and d["hedge"] == "almost"


@pytest.mark.parametrize(
    ("expr", "after"),
    [
        ("31 years old", ""),
        ("30 years", "-old boy"),
        ("five years", " of age"),
        ("a week", ""),
        ("a few minutes", ""),
        ("several years", ""),
        ("24 hours", " a day"),  # a rate
        ("seven days a week", ""),
        ("two more years", ""),  # time added to other time
        ("10 or more years", ""),  # an open count
        ("1 1/2 years", ""),  # a fraction not read
        ("2½ years", ""),
    ],
)
def test_ages_articles_rates_and_vague_sizes_are_no_length_of_time(expr: str, after: str) -> None:
    assert duration(expr, after) is None


def test_the_words_before_a_length_of_time() -> None:
    over = duration("10 years", "", "Jones served over ")
    assert over is not None and over["hedge"] == "over" and over["days_high"] is None  # a hedge left outside the span
    assert duration("two years", "", "must serve an additional ") is None
    window = duration("the past three years", "", "arrests rose 30 percent over ")
    assert window is not None and window["relation"] == "window" and window["hedge"] == "exact"
    lived = duration("the past three years", "", "had lived in Cardiff for ")
    assert lived is not None and lived["relation"] == "length"


@given(st.integers(min_value=2, max_value=500), st.sampled_from(["minute", "hour", "day", "week", "month", "year"]))
def test_a_length_in_figures_reads_back(n: int, unit: str) -> None:
    d = duration(f"{n} {unit}s")
    assert d is not None and d["days_low"] == d["days_high"] == pytest.approx(n * DAYS[unit])


@pytest.mark.parametrize(
    ("text", "first", "second", "expected"),
    [
        ("fired them between February and December 2015, it said", "February", "December 2015", "February 2015"),
        ("shut from November to March 2016", "November", "March 2016", "November 2015"),
        ("open from June 3 through June 9, 2016", "June 3", "June 9, 2016", "June 3 2016"),
        ("in February, and in December 2015", "February", "December 2015", "February"),  # a list, no range
        ("between February and December", "February", "December", "February"),  # no year to take
    ],
)
def test_the_first_end_of_a_range_takes_the_year_of_the_other(text: str, first: str, second: str, expected: str) -> None:
    s = text.index(first)
    t = text.index(second, s + len(first))
    assert _with_range_year(first, text, s + len(first), [(t, t + len(second))]) == expected


@pytest.mark.parametrize(
    ("expr", "past", "value", "precision"),
    [
        ("New Year's Day 2014", False, "2014-01-01", "day"),
        ("Christmas Eve", True, "2013-12-24", "day"),  # written on 18 December 2014 of a thing done: last year's
        ("Christmas", False, "2014-12-25", "day"),  # a week ahead is nearer than a year back
        ("Thanksgiving Day", True, "2014-11-27", "day"),  # the fourth Thursday of November
        ("Memorial Day", True, "2014-05-26", "day"),  # the last Monday of May
        ("Easter Sunday", True, "2014-04-20", "day"),
        ("Good Friday", True, "2014-04-18", "day"),
        ("on Christmas morning", True, "2013-12-25", "day"),
        ("the Labor Day weekend", True, "2014-08-25", "week"),  # the weekend before the Monday
        ("the Thanksgiving weekend", True, "2014-11-24", "week"),  # the weekend after the Thursday
        ("Christmas Day morning", True, "2013-12-25", "day"),
        ("MLK Day 2015", False, "2015-01-19", "day"),
        ("Election Day", True, None, None),  # every country has its own
        ("labor", True, None, None),  # "Labor Day" only with its "Day"
        ("the election", True, None, None),
        ("New Years Day 2014", False, "2014-01-01", "day"),  # the apostrophe is often dropped
        ("Independence Day", True, None, None),  # every country has its own
    ],
)
def test_a_holiday_is_its_day(expr: str, past: bool, value: str | None, precision: str | None) -> None:
    w = resolve(expr, date(2014, 12, 18), past=past)
    assert (w.value if w else None, w.precision if w else None) == (value, precision)


@given(st.integers(min_value=1900, max_value=2100))
def test_floating_holidays_fall_on_their_weekday(year: int) -> None:
    for name, weekday in (("Thanksgiving", 3), ("Labor Day", 0), ("Memorial Day", 0), ("Mother's Day", 6), ("Easter", 6)):
        w = resolve(f"{name} {year}", date(2000, 1, 1))
        assert w is not None and w.day is not None and w.day.weekday() == weekday and w.day.year == year


@pytest.mark.parametrize(
    ("expr", "start", "end"),
    [
        ("October 16 to November 14", date(2013, 10, 16), date(2013, 11, 14)),
        ("March 31-April 4", date(2011, 3, 31), date(2011, 4, 4)),
        ("Oct. 16-18", date(2013, 10, 16), date(2013, 10, 18)),
        ("from December 28 to January 3", date(2013, 12, 28), date(2014, 1, 3)),
        ("between May 3 and May 5", date(2013, 5, 3), date(2013, 5, 5)),
    ],
)
def test_the_last_day_of_a_range(expr: str, start: date, end: date) -> None:
    assert range_end(expr, start, date(2013, 9, 26)) == end


@pytest.mark.parametrize("expr", ["Friday", "October 16", "Oct. 16, 2013", "16 to 14 October"])
def test_no_last_day_without_a_range_that_ends_after_its_start(expr: str) -> None:
    assert range_end(expr, date(2013, 10, 16), date(2013, 9, 26)) is None
