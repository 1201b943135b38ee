"""Weekdays resolved with the tense of the verb they date (real spaCy model)."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.api import read_articles
from tests.conftest import make_article

pytestmark = pytest.mark.models

WED = date(2016, 9, 28)


def _dates(text: str) -> dict[str, object]:
    a = read_articles([make_article(text, source_id="t", published=WED)]).articles[0]
    return {a.span_text(t): t.attrs.get("value") for t in a.group("times")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council will vote on Thursday.", {"Thursday": "2016-09-29"}),
        ("The council vote is on Thursday.", {"Thursday": "2016-09-29"}),  # a time set: the nearest Thursday
        ("The council voted on Thursday to close the pier.", {"Thursday": "2016-09-22"}),
        ("She said on Monday that the pier would reopen on Friday.", {"Monday": "2016-09-26", "Friday": "2016-09-30"}),
        ("The vote is expected to begin in the council on Wednesday, followed by the board on Thursday.", {"Thursday": "2016-09-29"}),
        ("The pier will stay shut after the council voted to close it on Monday.", {"Monday": "2016-09-26"}),
        # the year of a day without one
        ("The board has postponed the levy until November 1.", {"November 1": "2016-11-01"}),
        ("The board signed the levy on November 1.", {"November 1": "2015-11-01"}),
        ("The mayor will visit the port on November 1.", {"November 1": "2016-11-01"}),
        ("The levy took effect on August 1.", {"August 1": "2016-08-01"}),
        ("Six people were killed in a storm in February.", {"February": "2016-02"}),  # a passive past
        # the tense of the finite verb a participle hangs on: this November is still to come
        ("The island split off in July after voting in a November referendum.", {"November": "2015-11"}),
        # but a past decision about a time to come does not make that time past
        ("On Tuesday the council decided to hold elections in November.", {"November": "2016-11"}),
        # a weekday and its calendar day are one expression; a weekday and another phrase are two
        ("She said on Monday, Sept. 26, that the pier would close.", {"Monday, Sept. 26": "2016-09-26"}),
        ("The minister resigned on Friday, three days after the vote.", {"Friday": "2016-09-23"}),
        # the day of a noun is not dated by the tense of the verb the noun hangs on: the nearest such day
        ("Ana Ruiz, a candidate in the council primary on November 8, announced her plan.", {"November 8": "2016-11-08"}),
        # the day of an infinitive asked for or planned, or under a verb in the present: the nearest such day
        ("The mayor asked the council leaders to return to the hall on Friday.", {"Friday": "2016-09-30"}),
        ("Ms. Ruiz, who is in line to be elected mayor on Thursday, said the pier would reopen.", {"Thursday": "2016-09-29"}),
        ("He asked them on Monday to return on Tuesday.", {"Monday": "2016-09-26", "Tuesday": "2016-09-27"}),
        # or one that describes a thing: an interview to air on a day is aired on the nearest such day
        (
            "The mayor, who spoke to a local radio station for a program to air Thursday morning, defended the levy.",
            {"Thursday": "2016-09-29"},
        ),
        # but an infinitive of purpose under a deed done is as past as the deed, and a decision told in the past
        # is dated whichever verb the parser hangs its day on
        ("She went to the harbour to inspect the pier on Friday.", {"Friday": "2016-09-23"}),
        ("The council voted to close the pier on Thursday.", {"Thursday": "2016-09-22"}),
        ("The board decided to fire the manager on Thursday.", {"Thursday": "2016-09-22"}),
        # a telling the parser hangs on the verb of what was told is in the tense of the verb that tells; a telling
        # the verb makes, or tells in, keeps that verb's tense
        ("Ana Ruiz admitted there is a chance that the council will reject the levy in an interview Tuesday.", {"Tuesday": "2016-09-27"}),
        ("Ana Ruiz admitted there is a chance that the council will reject the levy in an interview Thursday.", {"Thursday": "2016-09-22"}),
        ("Tom Hale will speak at a conference Thursday in Lisbon.", {"Thursday": "2016-09-29"}),
        ("Tom Hale will give a speech Thursday in Lisbon.", {"Thursday": "2016-09-29"}),
        # a telling that may be the told deed's own keeps the deed's tense
        ("The harbour master said the engineers will present the repair plan at a conference Thursday.", {"Thursday": "2016-09-29"}),
        ("The minister said the port authority will publish its findings in a statement Friday.", {"Friday": "2016-09-30"}),
        # a day right after the verb of saying, before what is said, dates the saying; after what is said, the deed
        ("Tom Hale said on Monday he would appeal the ruling.", {"Monday": "2016-09-26"}),
        ("Ana Ruiz said on Friday she would resign.", {"Friday": "2016-09-23"}),
        ("Ana Ruiz said she would resign on Friday.", {"Friday": "2016-09-30"}),
        # the day of the saying is the parse's own when it hangs it there
        ("Ana Ruiz announced on Tuesday that she will step down.", {"Tuesday": "2016-09-27"}),
        # a quotation that opens with its day dates what it says, not the saying
        ('Ana Ruiz said: "On Monday we will reopen the pier."', {"Monday": "2016-10-03"}),
        # the day of what is prepared for follows the preparing: the nearest such day
        ("Dock workers prepared for a march on Saturday that could draw thousands.", {"Saturday": "2016-10-01"}),
        ("Dock workers prepared for a march on Monday by painting signs.", {"Monday": "2016-09-26"}),
    ],
)
def test_dates_follow_the_tense_of_their_verb(text: str, expected: dict[str, str]) -> None:
    got = _dates(text)
    for k, v in expected.items():
        assert got.get(k) == v, got


def test_the_day_of_a_subordinate_clause_is_marked() -> None:
    text = (
        "Schiff told the Post after the summary was released Sunday. The House voted on Wednesday to override the veto. "
        "Ruiz admitted there is a chance that the board will lose in an interview Monday."
    )
    a = read_articles([make_article(text, "t")]).articles[0]
    got = {a.span_text(t): bool(t.attrs.get("subordinate")) for t in a.group("times")}
    assert got == {"Sunday": True, "Wednesday": False, "Monday": False}  # the interview's day dates the telling


def test_a_year_that_describes_a_thing_is_marked_attributive() -> None:
    text = (
        "The party sued to influence the 2016 election. Agents hacked the party in 2016. "
        "The Tuesday meeting was cancelled. Analysts cited a January 2017 report."
    )
    a = read_articles([make_article(text, "t", published=WED)]).articles[0]
    got = [(a.span_text(t), bool(t.attrs.get("attributive"))) for t in a.group("times")]
    # a day or a month still dates the event of its noun
    assert got == [("2016", True), ("2016", False), ("Tuesday", False), ("January 2017", False)]


def test_a_day_that_names_an_event_is_no_date() -> None:
    text = (
        "Twelve of the Sept. 11 hijackers had trained at one flight school. A Sept. 11 widow criticized the decision. "
        "Families of the July 4 victims met the mayor. The board met on Sept. 11 to discuss the pier."
    )
    a = read_articles([make_article(text, source_id="t", published=WED)]).articles[0]
    got = [(a.span_text(t), t.attrs.get("value")) for t in a.group("times")]
    assert [g for g in got if g[1] is not None] == [("Sept. 11", "2016-09-11")]  # only the day the board met


def test_a_decade_is_no_year() -> None:
    a = read_articles([make_article("The club was founded in the 1950's by Ada Lowe and closed in 1968.", "t", published=WED)]).articles[0]
    got = {a.span_text(t): t.attrs.get("value") for t in a.group("times")}
    assert got.get("1950") is None and got.get("1968") == "1968"


def test_a_simple_past_tagged_as_a_participle_dates_the_past() -> None:
    # the tagger reads "rear-ended" as a participle; with its own subject and no auxiliary it is a simple past
    got = _dates(
        "Her latest stay comes after Lennox rear-ended a truck with her Jaguar on Ocean Drive on October 3, and then lied to police."
    )
    assert got.get("October 3") == "2015-10-03"


def test_a_holiday_dates_what_happened_on_it() -> None:
    # spaCy tags "New Year's Day 2014" an event, not a date
    a = read_articles([make_article("The first harbor shops opened on New Year's Day 2014.", "t", published=WED)]).articles[0]
    assert [(a.span_text(t), t.attrs.get("value")) for t in a.group("times")] == [("New Year's Day 2014", "2014-01-01")]


def test_the_day_of_a_deed_told_as_a_noun_keeps_its_own_tense() -> None:
    text = (
        "The governor said the state would not retaliate for the reported shelling of Port Alder in Marsh county on "
        "Tuesday, which he said killed seven. "
        "The council will hold a vote on the harbor plan on Thursday."
    )
    a = read_articles([make_article(text, "t", published=WED)]).articles[0]
    got = {a.span_text(t): t.attrs.get("future") for t in a.group("times")}
    assert got == {"Tuesday": False, "Thursday": True}  # the shelling is past; the vote is still to come


def test_a_holiday_that_describes_a_thing_dates_nothing() -> None:
    text = "The family put up a Christmas tree. Shoppers crowded the Labor Day sale. They met over the Labor Day weekend."
    a = read_articles([make_article(text, "t", published=WED)]).articles[0]
    got = [(a.span_text(t), t.attrs.get("value"), t.attrs.get("precision")) for t in a.group("times")]
    assert [g for g in got if g[1] is not None] == [("the Labor Day", "2016-08-29", "week")]  # only the weekend


def test_a_calendar_day_the_model_left_out_is_read_and_joins_its_holiday() -> None:
    # the model tags "Easter Sunday" a place and keeps only "2012" of "April 8, 2012"
    text = "Prosecutors say Tom Hale shot Ana Ruiz twice on Easter Sunday, April 8, 2012, killing her. He may 3 times appeal."
    a = read_articles([make_article(text, "t", published=WED)]).articles[0]
    got = [(a.span_text(t), t.attrs.get("value")) for t in a.group("times")]
    assert got == [("Easter Sunday, April 8, 2012", "2012-04-08")]  # "may 3" is a verb and a number


def test_a_day_looked_ahead_to_is_the_next_such_day() -> None:
    # WED is Wednesday 2016-09-28: "ahead of Friday's vote" is this Friday, unless the deed is past (either may be)
    assert _dates("The mayor is campaigning ahead of Friday's council vote.") == {"Friday": "2016-09-30"}
    assert _dates("Officials met in advance of Monday's summit and Tuesday's signing.") == {"Monday": "2016-09-26", "Tuesday": "2016-09-27"}
    assert _dates("Officials are preparing ahead of Monday's summit.") == {"Monday": "2016-10-03"}
    assert _dates("The council voted on Monday to close the pier.") == {"Monday": "2016-09-26"}


def test_a_weekday_left_out_of_the_part_of_the_day_after_it_is_joined_to_it() -> None:
    from spacy.tokens import Span as SpacySpan

    from newsfuse.read.nlp import load_spacy
    from newsfuse.read.times import _with_weekdays
    from newsfuse.settings import Settings

    doc = load_spacy(Settings.load().spacy_model)("As late as Monday night, the mayor said the pier would open.")
    night = next(t.i for t in doc if t.text == "night")
    doc.ents = [SpacySpan(doc, night, night + 1, label="TIME")]  # as the model tags it in some sentences
    assert [e.text for e in _with_weekdays(doc, list(doc.ents))] == ["Monday night"]


def test_a_day_set_before_a_noun_dates_that_nouns_event() -> None:
    text = (
        "The aide had to apologize Saturday for a post critical of the mayor's Thanksgiving address earlier this week. "
        "The mayor said Friday's vote was a mistake."
    )
    a = read_articles([make_article(text, source_id="t", published=date(2014, 11, 30))]).articles[0]
    acts = {a.span_text(t): t.attrs.get("verb") for t in a.group("times")}
    assert acts["Saturday"] == "apologize"
    assert acts["Thanksgiving"] == "address"  # not the apology's day
    assert acts["Friday"] == "vote"  # not the day of saying


def test_a_day_right_after_a_telling_dates_the_saying() -> None:
    text = "The mayor said the levy could fail in an interview Tuesday on a local radio station. She told reporters in a statement Monday that it would pass."
    a = read_articles([make_article(text, source_id="t", published=WED)]).articles[0]
    acts = {a.span_text(t): t.attrs.get("verb") for t in a.group("times")}
    assert acts == {"Tuesday": "interview", "Monday": "statement"}


def test_a_day_after_the_report_in_the_clock_of_where_it_happened_is_not_six_days_back() -> None:
    fri = date(2018, 4, 20)
    text = (
        "The island's leader announced early Saturday that the port would reopen. "
        "The port will reopen, the port authority said Saturday morning local time. "
        "The harbour master resigned on Saturday."
    )
    a = read_articles([make_article(text, source_id="t", published=fri)]).articles[0]
    got = [(a.span_text(t), t.attrs.get("value")) for t in a.group("times") if t.attrs.get("value")]
    assert got == [("early Saturday", "2018-04-21"), ("Saturday", "2018-04-21"), ("Saturday", "2018-04-14")]


def test_a_month_after_a_prospects_of_is_still_to_come() -> None:
    apr = date(2012, 4, 23)
    text = (
        "The speaker said on Monday that her party had a one-in-three chance of losing its majority in November. "
        "The bank faces the risk of defaulting on its loans in August. "
        "The party lost its majority in November."
    )
    a = read_articles([make_article(text, source_id="t", published=apr)]).articles[0]
    got = [(a.span_text(t), t.attrs.get("value")) for t in a.group("times") if t.attrs.get("value")]
    assert got == [("Monday", "2012-04-23"), ("November", "2012-11"), ("August", "2012-08"), ("November", "2011-11")]


def test_that_year_is_the_year_last_written_out() -> None:
    text = "Hackers stole the emails in 2016. WikiLeaks released them on July 22 that year, and more later that year."
    assert _dates(text) == {"2016": "2016", "July 22 that year": "2016-07-22", "later that year": "2016"}
    assert _dates("He shot his father in 1957. That same year he left town.") == {"1957": "1957", "That same year": "1957"}
    # with no year written before it, "that year" is left unresolved rather than guessed
    assert _dates("Sales rose that year.") == {"that year": None}


def test_a_date_ends_before_a_quote_mark_that_opens_what_follows() -> None:
    a = read_articles([make_article("She moved to Leeds four years ago 'to give her kids a better life'.", source_id="t", published=WED)])
    (t,) = a.articles[0].group("times")
    assert a.articles[0].span_text(t) == "four years ago" and t.attrs["duration"]["unit"] == "year"


def test_a_day_the_article_dated_before_keeps_its_year() -> None:
    found = _dates(
        "The memos describe a Feb. 8, 2015, meeting at the port. At that same Feb. 8 meeting the mayor asked for "
        "loyalty. The board met again on Feb. 9."
    )
    assert found["Feb. 8, 2015"] == "2015-02-08"
    assert found["Feb. 8"] == "2015-02-08"  # not 2016, the year of writing
    assert found["Feb. 9"] == "2016-02-09"  # a day the article never dated keeps the year of writing


def test_a_day_dated_before_lends_its_year_only_to_a_thing_of_that_day() -> None:
    found = _dates("The quay opened on March 3, 2014. The new berth will open on March 3.")
    assert found["March 3"] == "2017-03-03"  # another event on the same day of another year
    assert found["March 3, 2014"] == "2014-03-03"
    later = _dates("The lease was signed on Feb. 8, 2013, and renewed on Feb. 8, 2015. The Feb. 8 ceremony was brief.")
    assert later["Feb. 8"] == "2015-02-08"  # the latest year the article wrote with that day


def test_a_day_right_after_a_telling_dates_the_telling() -> None:
    text = (
        "Ruiz admitted there is a chance that the board will reject the levy in an interview Tuesday. "
        "Hale apologized for his remarks Monday. "
        "The council will vote on Thursday."
    )
    a = read_articles([make_article(text, "t", published=WED)]).articles[0]
    got = {a.span_text(t): t.attrs.get("verb") for t in a.group("times")}
    # the interview's day, though the parse may hang it on "reject"; the apology's, not the remarks'
    assert got == {"Tuesday": "interview", "Monday": "apologize", "Thursday": "vote"}


def test_a_day_set_for_something_dates_that_thing() -> None:
    a = read_articles(
        [make_article("Judge Ana Ruiz set sentencing for October 18. The hearing is scheduled for Friday.", "t", published=WED)]
    ).articles[0]
    got = {a.span_text(t): (t.attrs.get("value"), t.attrs.get("verb")) for t in a.group("times")}
    assert got == {"October 18": ("2016-10-18", "sentencing"), "Friday": ("2016-09-30", "hearing")}


def test_a_length_of_time_of_a_deed_named_by_a_noun() -> None:
    a = read_articles(
        [make_article("Tom Hale was convicted after four days of deliberations. Jurors deliberated for three days.", "t", published=WED)]
    ).articles[0]
    got = {a.span_text(t): t.attrs.get("verb") for t in a.group("times") if t.attrs.get("duration")}
    assert got == {"four days": "deliberate", "three days": "deliberate"}


def test_a_length_after_for_is_no_day_set() -> None:
    a = read_articles([make_article("The men planned the attack for two years.", "t", published=WED)]).articles[0]
    (t,) = a.group("times")
    assert t.attrs.get("verb") == "plan"


def test_a_deed_as_noun_and_as_verb_is_one_act() -> None:
    from newsfuse.fuse.compare import act_stem

    assert act_stem("sentencing") == act_stem("sentence") and act_stem("voting") == act_stem("vote")
    assert act_stem("announcement") == act_stem("announce") and act_stem("say") == "say"


def test_the_day_a_support_verb_gives_is_the_day_of_its_objects_deed() -> None:
    text = "Minister Ana Ruiz used her first visit to the pier, on Tuesday, to announce an audit. Tom Hale paid a visit on Monday."
    a = read_articles([make_article(text, source_id="t", published=WED)]).articles[0]
    verbs = {a.span_text(t): t.attrs.get("verb") for t in a.group("times")}
    assert verbs == {"Tuesday": "visit", "Monday": "visit"}


def test_the_next_one_of_something_is_still_to_come() -> None:
    from newsfuse.read.nlp import load_spacy
    from newsfuse.read.times import _next_one
    from newsfuse.settings import Settings

    nlp = load_spacy(Settings.load().spacy_model)

    def next_one(text: str, date_word: str) -> bool:
        return _next_one(next(t for t in nlp(text) if t.text == date_word))

    # the day of the club's next game is ahead, though the sentence opens with what the council did on Sunday
    assert next_one(
        "The panel suspended the stand's licence on Sunday, meaning it will stay closed until the club's next home game on 22 March.",
        "March",
    )
    assert not next_one("Betting on him becoming the next Doctor was suspended on Friday.", "Friday")  # the suspending is past
    assert not next_one("The panel suspended the stand's licence on Sunday.", "Sunday")


def test_a_deed_is_also_told_by_the_noun_a_participle_describes_and_a_participle_after_the_date() -> None:
    def told(text: str) -> tuple[object, object]:
        a = read_articles([make_article(text, source_id="t", published=date(2026, 6, 9))]).articles[0]
        (t,) = a.group("times")
        return t.attrs.get("verb"), t.attrs.get("also")

    assert told("The employers said their offer, tabled on Friday, was fair.") == ("table", ["offer"])
    assert told("Council bosses slapped a ban on the stand on Monday, suspending its safety certificate.") == ("slap", ["suspend"])
    assert told("The panel suspended the stand's certificate on Sunday.") == ("suspend", None)
    # a clause of its own is no participle describing the noun, and a participle of saying tells another deed
    assert told("Ana Ruiz said in a statement that Tom Hale was fired late Friday on the orders of the director.") == ("fire", None)
    assert told("Tom Hale was fired on Friday, claiming this was a departure from practice.") == ("fire", None)


def test_the_day_an_order_is_issued_or_granted_is_the_day_of_the_order() -> None:
    from newsfuse.fuse.compare import deed_key

    def deed(text: str) -> tuple[object, object]:
        a = read_articles([make_article(text, source_id="t", published=date(2026, 3, 20))]).articles[0]
        t = next(t for t in a.group("times") if t.attrs.get("precision") == "day")
        return t.attrs.get("verb"), t.attrs.get("also")

    assert deed("The Riverton port authority issued a detention order on Sunday.") == ("order", None)
    assert deed("The detention order was served on the master on Sunday, March 15.") == ("order", None)
    assert deed("The university was granted a possession order on Friday, March 13.") == ("order", None)
    assert deed("The university obtained a possession order from the court on Thursday, March 12.") == ("order", None)
    assert deed("Tom Hale received a call from the mayor on Monday.")[0] == "receive"  # a call is no document issued
    # what was reported is dated too: the report of cracks and of cracking is one deed
    assert deed("A driver had reported fresh cracks in the Riverton road on Sunday.") == ("report", ["crack"])
    assert deed_key("tour") == deed_key("visit") and deed_key("apologize") == deed_key("apologise")
    # the gathering a deed happened at names it too: "a news conference" and "a briefing" are one
    assert deed("Tom Hale apologised to patients at a news conference on Monday.") == ("apologise", ["conference"])
    assert deed("Tom Hale broke his silence at a packed briefing on Tuesday.") == ("break", ["briefing"])
    assert deed_key("conference") == deed_key("briefing")
