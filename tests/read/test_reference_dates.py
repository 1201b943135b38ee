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


def test_an_undated_batch_is_read_against_the_days_its_texts_pin() -> None:
    from newsfuse.read.pipeline import text_anchor

    a = make_article("The blast came at 4:40 a.m. Tuesday, March 10, at the plant. Regulators fined it in 1958.", "a")
    b = make_article("The company said on Wednesday it would spend more in 2026. Inspectors came on Thursday.", "b")
    refs = reference_dates([a, b])
    # March 10 was a Tuesday in 1959 and in 2026: the year nearest the years the texts name; then a few days on
    assert refs[a.id] == refs[b.id] == (date(2026, 3, 13), "text")
    assert text_anchor(["Talks opened on Monday, September 7.", "The war began in April 2025."]) == date(2026, 9, 10)
    # no weekday with its date, or no year named: nothing to pin
    assert text_anchor(["Talks opened on September 7, 2026."]) is None
    assert text_anchor(["Talks opened on Monday, September 7."]) is None
    # a plan far beyond the story's other days does not set the day it was written
    plan = [
        "Talks opened on Monday, September 7, 2026.",
        "A vote is due on Thursday, September 10.",
        "They meet again on Monday, December 7.",
    ]
    assert text_anchor(plan) == date(2026, 9, 13)
    dated = make_article("Report.", "d", published=date(2026, 3, 20))
    assert reference_dates([a, dated])[a.id] == (date(2026, 3, 20), "story")  # a dated report sets the story's date


def test_an_undated_batch_falls_after_most_of_the_years_it_names() -> None:
    from newsfuse.read.pipeline import text_anchor

    # June 8 was a Monday in 2009, 2020 and 2026; the texts name the last strike (2011) more often than the 2023
    # agreement, but a story is told after the years it looks back on
    texts = [
        "Dockers walked out on Monday, June 8. The last strike, in 2011, lasted a week.",
        "The 2023 agreement ended in May. Memories of 2011 are strong.",
        "Since 2011 the port has grown; the 2023 deal was for three years.",
    ]
    assert text_anchor(texts) == date(2026, 6, 11)


def test_a_weekday_date_written_with_its_year_sets_the_year_of_the_others() -> None:
    from newsfuse.read.pipeline import text_anchor

    # October 20 was a Monday in 2025 and in 2031; the story names plans for 2027 and 2030, but one outlet writes
    # "Wednesday, October 15, 2025" in full
    texts = [
        "Riverton Motors will close the Alder plant by the end of 2027, it said on Wednesday, October 15, 2025.",
        "The minister is due to meet the company on Monday, October 20. The aid was tied to a promise until 2030.",
    ]
    assert text_anchor(texts) == date(2025, 10, 23)


def test_a_number_before_a_word_that_starts_like_a_month_pins_nothing() -> None:
    from newsfuse.read.pipeline import text_anchor

    assert text_anchor(["On Friday 3 separate blasts hit the port in 2026."]) is None
    assert text_anchor(["It opened on Thursday 3 Sept. in 2026."]) == date(2026, 9, 6)
