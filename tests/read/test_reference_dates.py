"""Each article's reference date for resolving "Friday" and "last week": its own, its dateline's, or the story's."""

from __future__ import annotations

from datetime import date

from newsfuse.read.pipeline import reference_dates
from tests.conftest import make_article


def test_a_dateline_day_takes_the_year_nearest_the_story() -> None:
    dated = [make_article(f"Report {k}.", f"s{k}", published=date(2018, 4, 28 + k)) for k in range(3)]
    upi = make_article("A convoy is expected to reach the border on Sunday.", "upi", extra={"dateline_day": "04-29"})
    bare = make_article("The convoy reached the border.", "bare")
    refs = reference_dates([*dated, upi, bare])
    assert refs[upi.id] == (date(2018, 4, 29), "dateline")
    assert refs[bare.id] == (date(2018, 4, 29), "story")  # the median of the batch's dates
    assert refs[dated[0].id] == (date(2018, 4, 28), "published")


def test_a_dateline_day_across_the_new_year_and_without_a_story_date() -> None:
    jan = make_article("Report.", "jan", published=date(2025, 1, 2))
    dec = make_article("Troops advanced.", "dec", extra={"dateline_day": "12-30"})
    assert reference_dates([jan, dec])[dec.id] == (date(2024, 12, 30), "dateline")
    alone = make_article("Troops advanced.", "alone", extra={"dateline_day": "12-30"})
    assert reference_dates([alone])[alone.id] == (None, "none")  # no year to give it
    leap = make_article("Troops advanced.", "leap", extra={"dateline_day": "02-29"})
    assert reference_dates([make_article("R.", "r", published=date(2024, 3, 1)), leap])[leap.id] == (date(2024, 2, 29), "dateline")


def test_a_dateline_day_far_from_every_report_or_malformed_is_not_used() -> None:
    june = make_article("Report.", "june", published=date(2024, 6, 1))
    far = make_article("Troops advanced.", "far", extra={"dateline_day": "12-01"})
    bad = make_article("Troops advanced.", "bad", extra={"dateline_day": "4/29"})
    refs = reference_dates([june, far, bad])
    assert refs[far.id] == (date(2024, 6, 1), "story")  # half a year from the story: another year's day, or a slip
    assert refs[bad.id] == (date(2024, 6, 1), "story")


def test_a_story_date_given_by_article_wins_over_the_batch() -> None:
    """Read from a store, a batch is not one story: each undated article takes the date given for its own story, and
    one whose story has no date takes none."""
    dated = make_article("A dated report.", "d", published=date(2024, 3, 1))
    bare = make_article("An undated report.", "b")
    other = make_article("Another undated report, in a story with no date given.", "o")
    refs = reference_dates([dated, bare, other], {bare.id: date(2021, 7, 4)})
    assert refs[bare.id] == (date(2021, 7, 4), "story")
    assert refs[other.id] == (None, "none")  # dates given, none for its story: never a neighbour story's date
    assert refs[dated.id] == (date(2024, 3, 1), "published")
    assert reference_dates([dated, other])[other.id] == (date(2024, 3, 1), "story")  # none given: the batch is the story
