"""Ages, lengths and months reported differently, read with the real model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import numpy as np
import pytest

from newsfuse.api import read_articles
from newsfuse.fuse.discrepancies import (
    day_pairs,
    month_disagreements,
    year_span_disagreements,
)
from newsfuse.fuse.measures import (
    _framed_numbers,
    age_disagreements,
    duration_disagreements,
    facing_hedges,
    framed_disagreements,
    length_disagreements,
    money_disagreements,
    sized_disagreements,
)
from newsfuse.fuse.statements import Statement, gather
from newsfuse.model import Discrepancy
from tests.conftest import make_article

pytestmark = pytest.mark.models


def _read(texts: dict[str, str], **meta: object):  # type: ignore[no-untyped-def]
    r = read_articles([make_article(t, s, **meta) for s, t in texts.items()])
    persons = {e.id: e.name for e in r.entities if e.type == "PERSON"}
    return gather(r.articles), persons


def test_one_person_given_two_ages() -> None:
    sts, persons = _read(
        {
            "a": "Peter Hallam, 32, died on the glacier on Saturday, police said.",
            "b": "The 31-year-old Peter Hallam died on the glacier on Saturday.",
            "c": "Peter Hallam (32) was an experienced guide, his family said.",
        },
        published=date(2026, 3, 2),
    )
    ds = age_disagreements(sts, persons)
    assert len(ds) == 1 and ds[0].kind == "number"
    assert {v.value: v.sources for v in ds[0].variants} == {"32": ["a", "c"], "31": ["b"]}
    texts = {s.article.id: s.article.text for s in sts}
    assert all(e.text == texts[e.article][e.start : e.end] and "Hallam" in e.text for v in ds[0].variants for e in v.evidence)


def test_ages_that_agree_or_reports_a_year_apart_are_no_disagreement() -> None:
    sts, persons = _read({"a": "Peter Hallam, 32, died on Saturday.", "b": "The 32-year-old Peter Hallam died on Saturday."})
    assert age_disagreements(sts, persons) == []
    r = read_articles(
        [
            make_article("Peter Hallam, 32, won the race on Saturday.", "a", published=date(2025, 1, 5)),
            make_article("Peter Hallam, 33, won the race again on Saturday.", "b", published=date(2026, 1, 4)),
        ]
    )
    persons = {e.id: e.name for e in r.entities if e.type == "PERSON"}
    assert age_disagreements(gather(r.articles), persons) == []


def _alike(sts: list[Statement]) -> np.ndarray:
    return np.ones((len(sts), 4), dtype=np.float32) / 2.0  # every pair alike in meaning: the reading decides


def _lengths(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    sts, persons = _read(texts)
    return length_disagreements(sts, _alike(sts), persons)


def test_a_fall_reported_in_feet_and_in_metres() -> None:
    ds = _lengths(
        {
            "a": "A climber died on Sunday after falling 150 meters from a cliff.",
            "b": "A climber died on Sunday after he lost his footing and fell about 200ft from a cliff.",
            "c": "A climber died on Sunday after falling about 45 metres from a cliff.",
        }
    )
    assert len(ds) == 1 and ds[0].kind == "number"
    values = {v.value: set(v.sources) for v in ds[0].variants}
    assert values == {"150 meters": {"a"}, "about 200 ft": {"b"}, "about 45 metres": {"c"}} or (
        # 200 ft is some 61 m: "about 45 metres" and "about 200ft" do not overlap either, they stay apart
        len(values) == 3
    )


def test_lengths_that_agree_after_conversion_or_are_about_different_people() -> None:
    agree = {"a": "A hiker died after falling 200 feet from a ridge.", "b": "A hiker died after falling about 60 metres from a ridge."}
    assert _lengths(agree) == []
    people = {
        "a": "Ann Brook died after falling 150 meters from a ridge.",
        "b": "Tom Arlen died after falling 700 meters from a ridge.",
    }
    assert _lengths(people) == []


def test_one_depth_whatever_verb_carries_it() -> None:
    texts = {
        "a": "The quake occurred at 2:09 a. m. about 14 miles north of Healdsburg and had a depth of 1.2 miles.",
        "b": "The quake occurred at 2:09 a. m., about 14 miles north of Healdsburg, with a depth of 12 miles.",
    }
    ds = _lengths(texts)
    assert [{v.value: v.sources for v in d.variants} for d in ds] == [{"1.2 miles": ["a"], "12 miles": ["b"]}]


def _spans(texts: dict[str, str]) -> list[dict[str, list[str]]]:
    sts, persons = _read(texts)
    return [{v.value: v.sources for v in d.variants} for d in year_span_disagreements(sts, _alike(sts), persons)]


def test_one_span_of_years_reported_two_ways() -> None:
    texts = {
        "a": "Mr. Cole will be the second senator from the state after Harold Vane, who served from 1967 to 1979.",
        "b": "He is the first such senator since Harold Vane, a Republican, held the seat from 1966 to 1978.",
        "c": "Harold Vane held the seat (1967-79) as a Republican.",
    }
    assert _spans(texts) == [{"1967 to 1979": ["a"], "1966 to 1978": ["b"], "1967-79": ["c"]}]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two terms, one after the other; two people; an outlet giving both spans
        ("Harold Vane served in the House from 1990 to 1998.", "Harold Vane served in the Senate from 1999 to 2005."),
        ("Harold Vane served from 1967 to 1979.", "Ann Brook served from 1966 to 1978."),
        ("Harold Vane served from 1967 to 1979 and led the committee from 1966 to 1978.", "Harold Vane served from 1966 to 1978."),
        ("Harold Vane served from 1967 to 1979.", "Harold Vane served from 1967 to 1979 as senator."),
        # a span inside another, or sharing an end: another span of the same life
        ("Harold Vane was married to Ruth Vane from 1950 to 1990.", "Harold Vane served in the Senate from 1967 to 1979."),
        ("Harold Vane served in the Senate from 1967 to 1979.", "Harold Vane chaired the committee from 1971 to 1977."),
        ("Mary Lott was president of the university from 1990 to 2002.", "Mary Lott taught at the university from 1985 to 2002."),
    ],
)
def test_spans_of_years_that_are_not_one_span_reported_twice(a: str, b: str) -> None:
    assert _spans({"a": a, "b": b}) == []


def test_dimensions_of_two_acts_are_two_lengths() -> None:
    assert _lengths({"a": "The bridge collapsed over a length of 200 meters.", "b": "The bridge has a total length of 1,200 meters."}) == []
    quake = {"a": "The earthquake struck at a depth of 10 kilometers.", "b": "A strong aftershock on Tuesday had a depth of 7 kilometers."}
    assert _lengths(quake) == []


def test_an_outlet_giving_both_lengths_tells_two_things_apart() -> None:
    texts = {
        "a": "A hiker died after falling 150 meters. A second hiker died after falling 700 meters.",
        "b": "A hiker died after falling 700 meters.",
    }
    assert _lengths(texts) == []


def test_ages_of_a_list_of_people_are_left_alone() -> None:
    sts, persons = _read(
        {
            "a": "Her daughters Maya and Lena Orsk, aged 16 and 13 respectively, joined her on stage.",
            "b": "Lena Orsk, 13, wore a red coat on stage.",
        }
    )
    assert age_disagreements(sts, persons) == []


def test_ages_in_a_report_of_unknown_date_are_not_compared() -> None:
    r = read_articles(
        [
            make_article("Peter Hallam, 27, was arrested on Saturday after the shooting.", "a", published=date(2005, 6, 25)),
            make_article("A jury found Peter Hallam, 29, guilty of murder on Tuesday.", "b"),  # no date: maybe years later
        ]
    )
    persons = {e.id: e.name for e in r.entities if e.type == "PERSON"}
    assert age_disagreements(gather(r.articles), persons) == []


def test_a_place_put_at_two_distances_from_the_same_city() -> None:
    ds = _lengths(
        {
            "a": "Kestrel Point, an island 1,500 kilometers south of Port Alder, has a busy harbour.",
            "b": "Kestrel Point, found 1,150 kilometers (700 miles) southeast of Port Alder, has a busy harbour.",
            "c": "Kestrel Point, an island 940 miles south of Port Alder, has a busy harbour.",  # some 1,510 km: as a says
        }
    )
    assert len(ds) == 1 and ds[0].kind == "number"
    assert {v.value: sorted(v.sources) for v in ds[0].variants} == {
        "1,500 kilometers": ["a"],
        "1,150 kilometers": ["b"],  # its conversion "(700 miles)" is the same length
        "940 miles": ["c"],
    }
    # distances from two different places are two things
    assert _lengths({"a": "Qeshm lies 1,500 kilometers south of Tehran.", "b": "Qeshm lies 20 kilometers south of Bandar Abbas."}) == []


def _months(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    sts, _ = _read(texts, published=date(2013, 7, 3))
    return month_disagreements(sts, _alike(sts), np.ones((len(sts), len(sts))))  # and sharing specific words


def test_an_earlier_event_dated_to_two_months() -> None:
    ds = _months(
        {
            "a": "In April last year a strong quake struck off the coast of Banda Aceh.",
            "b": "A strong earthquake also hit off the coast of Banda Aceh in May 2012.",
            "c": "In April 2012 a strong quake struck off Banda Aceh.",
        }
    )
    assert len(ds) == 1 and ds[0].kind == "date"
    assert {v.value: sorted(v.sources) for v in ds[0].variants} == {"2012-04": ["a", "c"], "2012-05": ["b"]}
    assert all(
        e.text in {"In April last year", "May 2012", "In April 2012"} or "Banda Aceh" in e.text for v in ds[0].variants for e in v.evidence
    )


def test_one_deed_dated_to_two_years_in_sentences_loosely_alike() -> None:
    # "ends in 2019" / "before his term ends in 2018": one deed, two years, in sentences only 0.6 alike in meaning
    sts, _ = _read(
        {
            "a": "Governor Paul Lane's second and final term officially ends in 2019.",
            "b": "Lane hinted he may resign before his term ends in 2018.",
        },
        published=date(2016, 8, 30),
    )
    b = [st.idx for st in sts if st.source == "b"]
    v = np.zeros((len(sts), 2), dtype=np.float32)
    v[:, 0] = 1.0
    v[b] = [0.6, 0.8]  # b's units at cosine 0.6 from a's
    ds = month_disagreements(sts, v, np.ones((len(sts), len(sts))))
    assert [{x.value: x.sources for x in d.variants} for d in ds] == [{"2019": ["a"], "2018": ["b"]}]
    v[b] = [0.5, np.sqrt(0.75)]  # 0.5: too far apart
    assert month_disagreements(sts, v, np.ones((len(sts), len(sts)))) == []


def test_months_an_outlet_tells_apart_or_counts_back_are_no_disagreement() -> None:
    # outlet b names both months: the referendum and the independence are two events
    assert (
        _months({"a": "South Sudan became independent in January.", "b": "South Sudan became independent in July after a vote in January."})
        == []
    )
    assert _months({"a": "South Sudan became independent in January.", "b": "South Sudan became independent six months ago."}) == []
    assert _months({"a": "The camp was bombed in June.", "b": "Refugees have arrived since May."}) == []


def test_which_year_a_bare_month_falls_in_is_no_claim_of_the_sources() -> None:
    # "in June" is resolved to last June after a past verb and to next June after "would": the outlets agree
    assert (
        _months(
            {
                "a": "Tallis announced his exit from the band in June.",
                "b": "It was reported that Tallis would be quitting the band in June.",
            }
        )
        == []
    )


def test_months_of_a_plan_a_span_or_a_guessed_year() -> None:
    # a comma before "in May 2012" is no span word; the outlets disagree
    ds = _months(
        {"a": "A strong earthquake also struck off Santiago, in May 2012.", "b": "In April 2012 a strong quake struck off Santiago."}
    )
    assert len(ds) == 1
    # a plan against an outcome is two things
    assert (
        _months(
            {
                "a": "The trial of John Smith will open in September, prosecutors said.",
                "b": "The trial of John Smith opened in May, prosecutors said.",
            }
        )
        == []
    )
    # outlet b names January too; its year is the reading's guess, so b tells the two events apart
    assert (
        _months(
            {
                "a": "The independence referendum was held in January 2011.",
                "b": "The independence referendum was held in July 2011, after fighting broke out in January.",
            }
        )
        == []
    )
    # a year told relatively is the source's own: April last year (2012) against April 2011
    ds = _months({"a": "In April last year a strong quake struck off Santiago.", "b": "In April 2011 a strong quake struck off Santiago."})
    assert len(ds) == 1


def test_an_earlier_event_dated_to_two_years() -> None:
    ds = _months(
        {
            "a": "The brothers sold their Texas gas field for a reported $12 million in 1961, then moved into banking.",
            "b": "The family worked the gas field until it was sold for a reported $12 million in 1971.",
            "c": "Their Texas gas field was sold for $12 million in 1971.",
        }
    )
    assert len(ds) == 1 and ds[0].kind == "date"
    assert {v.value: sorted(v.sources) for v in ds[0].variants} == {"1961": ["a"], "1971": ["b", "c"]}


def test_years_of_different_deeds_a_decade_or_a_named_year_are_no_disagreement() -> None:
    # one deed dated by a, another by b: the predicates differ
    assert (
        _months({"a": "The brothers bought their Texas gas field in 1961.", "b": "The brothers sold their Texas gas field in 1971."}) == []
    )
    # "the 1950's" is a decade, not the year 1950
    assert _months({"a": "The club was founded in the 1950's by Ada Lowe.", "b": "The club was founded in 1953 by Ada Lowe."}) == []
    # an outlet that names the other's year tells two events apart
    assert (
        _months(
            {
                "a": "The brothers sold their Texas gas field in 1961.",
                "b": "The brothers sold their Texas gas field in 1971, ten years after a first offer in 1961.",
            }
        )
        == []
    )


def test_a_day_and_a_month_of_one_deed() -> None:
    ds = _months({"a": "Ferris pleaded guilty in March 1981 to perjury.", "b": "On February 12, 1981, Ferris pleaded guilty to perjury."})
    assert len(ds) == 1
    assert {v.value for v in ds[0].variants} == {"1981-03", "1981-02"}
    # the same month at two precisions agrees; a day of another deed is not compared with a month
    assert (
        _months({"a": "Ferris pleaded guilty in February 1981 to perjury.", "b": "On February 12, 1981, Ferris pleaded guilty to perjury."})
        == []
    )
    assert (
        _months({"a": "Ferris pleaded guilty in March 1981 to perjury.", "b": "On February 12, 1981, Ferris was charged with perjury."})
        == []
    )
    # two steps of a plan: business customers can preorder on one day, consumers buy in another month
    assert (
        _months(
            {
                "a": "The Vireo phone will be available for preorder for business customers on May 29, the carrier said.",
                "b": "The Vireo phone is expected to be available for consumer customers in July, the carrier said.",
            }
        )
        == []
    )


def test_yards_gained_in_a_game_are_no_distance() -> None:
    texts = {"a": "Okafor rushed for 212 yards as the Hawks lost.", "b": "Okafor rushed for 180 yards as the Hawks lost."}
    assert _lengths(texts) == []
    # yards that measure a place are compared
    ds = _lengths({"a": "The gunman fled 200 yards down Elm Street.", "b": "The gunman fled 600 yards down Elm Street."})
    assert len(ds) == 1


def test_a_guessed_year_a_saying_or_the_same_words_are_no_disagreement() -> None:
    # "in March" takes its year from the report's date: the year is the reading's guess, not the outlet's claim
    assert _months({"a": "Ferris sold the ranch in March to a developer.", "b": "Ferris sold the ranch in 2009 to a developer."}) == []
    assert _months({"a": "Ferris pleaded guilty on June 27 to perjury.", "b": "Ferris pleaded guilty in June 2009 to perjury."}) == []
    # an outlet says things on many days: saying is no deed to date
    assert (
        _months({"a": "The ministry said on June 3 that the dam was safe.", "b": "The ministry said in May that the dam was safe."}) == []
    )


def test_the_same_relative_words_in_reports_of_two_years_are_no_disagreement() -> None:
    sts, _ = _read({"a": "Ferris sold the ranch last year to a developer."}, published=date(2012, 12, 30))
    more, _ = _read({"b": "Ferris sold the ranch last year to a developer."}, published=date(2013, 1, 2))
    both = sts + more
    for k, st in enumerate(both):
        st.idx = k
    assert month_disagreements(both, _alike(both), np.ones((2, 2))) == []


def test_yards_run_to_hospital_are_still_a_distance() -> None:
    ds = _lengths(
        {
            "a": "The gunman fled 200 yards down Elm Street before the victim was rushed to hospital.",
            "b": "The gunman fled 600 yards down Elm Street before the victim was rushed to hospital.",
        }
    )
    assert len(ds) == 1


def test_every_fact_of_a_brief_has_its_own_id() -> None:
    from newsfuse.api import brief

    r = read_articles(
        [
            make_article("Mara Quist, 44, was one of nine people killed in the ferry crash near Oban.", "a"),
            make_article("The 44-year-old Mara Quist was among nine people killed in the ferry crash near Oban.", "b"),
        ]
    )
    ids = [f.id for f in brief(r).facts]
    assert len(ids) == len(set(ids))


def test_two_estimates_a_thousand_apart_are_a_number_disagreement() -> None:
    from newsfuse.api import brief

    said = "people marched through Riverton on Saturday to demand clean drinking water, organisers said."
    r = read_articles(
        [
            make_article(f"About 12,000 {said}", "a", published=date(2026, 11, 20)),
            make_article(f"About 13,000 {said}", "b", published=date(2026, 11, 20)),
            make_article(f"Around 12,000 {said}", "c", published=date(2026, 11, 20)),
        ]
    )
    ds = [d for d in brief(r).discrepancies if d.kind == "number"]
    assert len(ds) == 1
    # "about" and "around" the same figure are one side
    assert sorted((v.value, v.sources) for v in ds[0].variants) == [("About 12,000 / Around 12,000", ["a", "c"]), ("About 13,000", ["b"])]


def _equally_alike(n: int, close: float) -> np.ndarray:
    v = np.zeros((n, n + 1), dtype=np.float32)
    v[:, 0] = np.sqrt(close)
    v[:, 1:] = np.eye(n) * np.sqrt(1 - close)  # every pair of statements this alike in meaning
    return v


def _compare(
    fn: Callable[[Sequence[Statement], np.ndarray, np.ndarray], list[Discrepancy]], sts: list[Statement], close: float
) -> list[Discrepancy]:
    """A story-wide comparison run with every two statements ``close`` alike in meaning and sharing specific words."""
    return fn(sts, _equally_alike(len(sts), close), np.ones((len(sts), len(sts))))


def _durations(texts: dict[str, str], close: float = 0.6):  # type: ignore[no-untyped-def]
    sts, _ = _read(texts, published=date(2013, 7, 3))
    return _compare(duration_disagreements, sts, close)


def test_one_prison_term_given_two_lengths() -> None:
    ds = _durations(
        {
            "a": "LaRue served four and a half months in prison for his role in the scandal.",
            "b": "He served five months in federal prison.",
            "c": "LaRue served 136 days in prison.",
        }
    )
    assert len(ds) == 1 and ds[0].kind == "number" and ds[0].summary == "disputed: number (length of time)"
    assert {v.value: sorted(v.sources) for v in ds[0].variants} == {"four and a half months": ["a"], "five months": ["b"]}
    assert all("served" in e.text for v in ds[0].variants for e in v.evidence)


def test_lengths_of_time_that_agree_or_hang_on_other_deeds() -> None:
    # 136 days is four and a half months; "almost eight" and "about eight" overlap
    assert _durations({"a": "He served four and a half months.", "b": "He served 136 days."}) == []
    assert _durations({"a": "The jury deliberated for almost eight hours.", "b": "The jury deliberated for about eight hours."}) == []
    # a trial and a deliberation are two spans; "was" tells no deed apart
    assert _durations({"a": "The trial lasted 12 weeks.", "b": "The jury deliberated for almost seven hours."}) == []
    assert _durations({"a": "She was outside for nine minutes.", "b": "She was in the building for 20 minutes."}) == []


def test_an_outlet_giving_both_lengths_or_a_vague_one_is_no_disagreement() -> None:
    two = {
        "a": "He served five months in prison.",
        "b": "He served four and a half months in prison. His partner served five months in prison.",
    }
    assert _durations(two) == []
    assert _durations({"a": "He served a few months in prison.", "b": "He served five months in prison."}) == []
    # a time counted back from the day of writing is a date, not a length
    assert _durations({"a": "He went to prison 12 weeks ago.", "b": "He went to prison three weeks ago."}) == []


def test_very_close_statements_in_one_unit_need_no_shared_verb() -> None:
    texts = {
        "a": "Ten minutes after she was escorted out, Hiller drove back to the plant.",
        "b": "Hiller was escorted out and was outside for nine minutes before coming back.",
    }
    assert _durations(texts, close=0.6) == []
    ds = _durations(texts, close=0.8)
    assert len(ds) == 1 and {v.value for v in ds[0].variants} == {"Ten minutes", "nine minutes"}


def _sums(texts: dict[str, str], close: float = 0.8):  # type: ignore[no-untyped-def]
    sts, _ = _read(texts, published=date(2019, 2, 15))
    return _compare(money_disagreements, sts, close)


def test_one_sum_of_money_given_two_values() -> None:
    texts = {
        "a": "The declaration lets the president divert $3.6 billion from military construction projects.",
        "b": "The declaration would unlock $3.5 billion from the military construction budget.",
    }
    ds = _sums(texts)
    assert len(ds) == 1 and ds[0].summary == "disputed: number (sum of money)"
    assert {v.value: v.sources for v in ds[0].variants} == {"$3.6 billion": ["a"], "$3.5 billion": ["b"]}
    assert _sums(texts, close=0.5) == []  # statements only loosely alike may be about two sums


def test_sums_that_agree_differ_in_kind_or_an_outlet_tells_apart() -> None:
    b = "The declaration would unlock $3.5 billion from the military construction budget."
    # a hedge holds the other figure; a sum four times another is another sum; pounds are not dollars
    assert _sums({"a": "The declaration lets him divert about $3.6 billion from construction projects.", "b": b}) == []
    assert _sums({"a": "The declaration lets him divert $14 billion from construction projects.", "b": b}) == []
    assert _sums({"a": "The declaration lets him divert 3.6 billion pounds from construction projects.", "b": b}) == []
    two = "The declaration lets him divert $3.6 billion from construction projects. The navy loses $3.5 billion."
    assert _sums({"a": two, "b": b}) == []


def _sizes(texts: dict[str, str], close: float = 0.6):  # type: ignore[no-untyped-def]
    sts, _ = _read(texts, published=date(2018, 8, 21))
    return _compare(sized_disagreements, sts, close)


def test_one_document_given_two_page_counts() -> None:
    texts = {
        "a": "The 48-page indictment lists family trips paid with campaign funds.",
        "b": "The goal was to enrich themselves, the 47-page indictment says.",
        "c": "In a 48-page indictment, the couple are charged with conspiracy.",
    }
    ds = _sizes(texts)
    assert len(ds) == 1 and ds[0].kind == "number"
    assert {v.value: sorted(v.sources) for v in ds[0].variants} == {"48-page indictment": ["a", "c"], "47-page indictment": ["b"]}
    assert _sizes(texts, close=0.4) == []  # statements not alike enough may size two things


def test_sizes_of_two_things_an_age_or_an_outlet_giving_both_are_no_disagreement() -> None:
    assert _sizes({"a": "The 48-page indictment was unsealed.", "b": "The 12-page memo was unsealed."}) == []
    assert _sizes({"a": "A 12-count indictment was unsealed.", "b": "A 12-count indictment was unsealed on Tuesday."}) == []
    both = "The 48-page indictment was unsealed. A shorter 47-page indictment named an aide."
    assert _sizes({"a": both, "b": "The 47-page indictment was unsealed."}) == []


def test_two_exact_sums_within_a_tenth_need_less_alike_sentences() -> None:
    # one demand in two outlets' words: a quotation closed inside the sum, and a report of what he insists on
    texts = {
        "a": "“We are not asking for $2.5 billion, we are asking for $5.6” billion, the president told his cabinet.",
        "b": "The president now insists that Congress approve $5.7 billion for that project.",
    }
    ds = _sums(texts, close=0.6)
    assert [{v.value: v.sources for v in d.variants} for d in ds] == [{"$5.6” billion": ["a"], "$5.7 billion": ["b"]}]
    assert _sums(texts, close=0.5) == []
    # a sentence pricing two models: the sum near the other outlet's is the one compared
    prices = {
        "a": "Apple will ask $1,099 for the base 13-inch model and $1,799 for the 15-inch model.",
        "b": "The refreshed line starts at $1,199 for the 13-inch model.",
    }
    assert [{v.value: v.sources for v in d.variants} for d in _sums(prices, close=0.6)] == [{"$1,099": ["a"], "$1,199": ["b"]}]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a hedge that holds the other sum, or touches it
        (
            "He is charged with converting $250,000 in campaign funds.",
            "He is charged with converting more than $250,000 of campaign funds.",
        ),
        ("The club offered him $70 million over five years.", "The club offered him $80 million over five years."),  # more than a tenth
        ("The club offered him $70 million. Its rival offered $75 million.", "The club offered him $75 million over five years."),
        # what was asked against what was got; another time; a price rounded
        ("The jury awarded the family $25 million in damages.", "The family had sought $27 million in damages from the firm."),
        ("Prosecutors asked that his bail be set at $500,000.", "The judge set his bail at $475,000."),
        ("The bridge was originally expected to cost $1.2 billion.", "The bridge ended up costing $1.3 billion."),
        (
            "Acme reported revenue of $94.8 billion for the quarter.",
            "Acme had revenue of $90.1 billion in the same quarter a year earlier.",
        ),
        ("The fund had raised $52,000 by Friday morning.", "The fund had raised $56,000 by Saturday night."),
        ("The new model starts at $39,990.", "The new model starts at $40,000."),
    ],
)
def test_near_sums_that_are_not_one_sum_reported_twice(a: str, b: str) -> None:
    assert _sums({"a": a, "b": b}, close=0.6) == []


def test_a_sum_is_as_precise_as_it_is_written() -> None:
    b = "The declaration would unlock $1.375 billion from the military construction budget."
    assert _sums({"a": "The declaration would unlock $1.4 billion from the military construction budget.", "b": b}) == []
    assert len(_sums({"a": "The declaration would unlock $1.5 billion from the military construction budget.", "b": b})) == 1


def test_two_sums_for_one_named_thing_however_different_the_sentences() -> None:
    texts = {
        "a": "Records show charges of $4,272.78 on a cruise, over $300 at Build-A-Bear and $5,687.75 on Martha's Vineyard Holistic Retreat.",
        "b": "In 2008 he used the money for a $5,587.75 vacation at the Martha's Vineyard Holistic Retreat, the document said.",
    }
    ds = _sums(texts, close=0.5)  # not close in meaning: the named thing ties the sums
    assert len(ds) == 1
    assert _sums(texts, close=0.3) == []
    assert {v.value: v.sources for v in ds[0].variants} == {"$5,687.75": ["a"], "$5,587.75": ["b"]}
    texts["c"] = "He spent $5,587.75 at Martha's Vineyard Holistic Retreat."
    texts["a"] += " A second stay at the Martha's Vineyard Holistic Retreat cost $5,587.75."
    # outlet a now gives both sums for the retreat: two stays, no disagreement of a's
    assert all("a" not in v.sources for d in _sums(texts, close=0.5) for v in d.variants)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jones served over 10 years in prison.", "Jones served 12 years in prison."),  # a hedge spaCy leaves outside
        ("Jones faces five to 10 years in prison.", "Jones faces 10 years in prison."),  # a range in words and figures
        ("Jones must serve two more years in prison.", "Jones has served three years in prison."),  # time added
        ("Jones served 10 or more years in prison.", "Jones served 12 years in prison."),  # an open count
        ("The clinic will stay open 24 hours a day.", "The clinic will stay open for two weeks."),  # a rate
        ("Arrests have risen 30 percent over the past three years.", "Arrests have risen 50 percent over the past five years."),
        ("Jones spent three years in Iraq.", "Jones spent two years in Afghanistan."),  # two places
        ("Jones was arrested two days later.", "Jones was charged five days later."),  # two deeds
    ],
)
def test_lengths_of_time_that_are_not_one_length_reported_twice(a: str, b: str) -> None:
    assert _durations({"a": a, "b": b}) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Apex will pay 5 billion Australian dollars for the copper mine.", "Apex will pay $3.6 billion for the copper mine."),
        ("The city will pay $4 million for the new bridge.", "The city will pay $4.3 million for the new bridge."),  # rounded
        ("The bridge will cost the city $400 million a year to run.", "The bridge will cost the city $550 million to run."),
        ("Acme shares fell to $45 in early trading.", "Acme shares opened at $52 in early trading."),
        (  # an old gift and this week's grant
            "The museum received a $10 million gift from the Ford Foundation in 2015.",
            "The museum announced a $12 million grant from the Ford Foundation on Tuesday.",
        ),
    ],
)
def test_sums_that_are_not_one_sum_reported_twice(a: str, b: str) -> None:
    assert _sums({"a": a, "b": b}) == []


def test_sizes_of_indefinite_things_or_inside_a_decimal() -> None:
    assert _sizes({"a": "The fire started in a three-story building.", "b": "The fire spread to a four-story building."}) == []
    assert _sizes({"a": "They bought the 1.5-acre lot.", "b": "They bought the 5-acre lot."}) == []


def _days(texts: dict[str, str], **meta: object) -> list[dict[str, list[str]]]:
    sts, _ = _read(texts, **meta)
    return [{v.value: v.sources for v in d.variants} for d in day_pairs(sts, _alike(sts), np.ones((len(sts), len(sts))))]


def test_one_deed_dated_to_two_days() -> None:
    # the day of one telling act, wherever the parse hangs it: "with betting ... suspended on Friday" is a side phrase
    texts = {
        "a": "He had been the favourite for the role, with betting on him suspended on Friday.",
        "b": "He had been tipped for the role, and bookmakers suspended the betting on Saturday.",
    }
    assert _days(texts, published=date(2013, 8, 4)) == [{"2013-08-02": ["a"], "2013-08-03": ["b"]}]
    # days of two acts, or a saying and a deed, are no one event
    other = {"a": texts["a"], "b": "Bookmakers said on Saturday that he had been the favourite for the role."}
    assert _days(other, published=date(2013, 8, 4)) == []


def test_one_deed_in_other_words_or_held_off_until_a_day_dated_apart() -> None:
    published = {"published": date(2025, 8, 12)}
    # one deed in two verbs
    fire = {
        "a": "The Riverton fire started on Sunday afternoon near Kettle Road.",
        "b": "The Riverton fire ignited on the afternoon of Aug. 9 near Kettle Road.",
    }
    assert _days(fire, **published) == [{"2025-08-10": ["a"], "2025-08-09": ["b"]}]
    # "did not ... until" a day: done on that day
    held = {
        "a": "The first aid convoy reached Riverton on Saturday after crews cleared the road.",
        "b": "The first aid convoy did not reach Riverton until Sunday, after crews cleared the road.",
    }
    assert _days(held, **published) == [{"2025-08-09": ["a"], "2025-08-10": ["b"]}]
    # an outlet that dates another deed to the other day still gives its own day to this one
    other_deed = {"a": fire["a"] + " Crews came on Saturday to clear brush.", "b": fire["b"]}
    assert _days(other_deed, **published) == [{"2025-08-10": ["a"], "2025-08-09": ["b"]}]


def test_days_that_tell_two_events_apart() -> None:
    published = {"published": date(2013, 8, 4)}
    # an outlet that gives both days
    both = {
        "a": "Bookmakers suspended betting on him on Friday. Rival bookmakers suspended betting on Saturday.",
        "b": "Bookmakers suspended betting on him on Saturday.",
    }
    assert _days(both, **published) == []
    # days weeks apart
    far = {"a": "Bookmakers suspended betting on him on July 2.", "b": "Bookmakers suspended betting on him on August 2."}
    assert _days(far, **published) == []
    # a day told relatively in a report without a date of its own is resolved against the story's: a guess (a
    # weekday is the outlet's own word, compared by weekday: see the test after the next)
    r = read_articles(
        [
            make_article("Bookmakers suspended betting on him on Friday.", "a", published=date(2013, 8, 4)),
            make_article("Bookmakers suspended betting on him yesterday.", "b"),
        ]
    )
    sts = gather(r.articles)
    assert day_pairs(sts, _alike(sts), np.ones((len(sts), len(sts)))) == []
    # two places
    quakes = {
        "a": "A quake struck Indonesia's West Papua province on Saturday.",
        "b": "A quake struck Indonesia's Aceh province on Tuesday.",
    }
    assert _days(quakes, published=date(2013, 7, 3)) == []


def test_days_of_a_deed_done_again_denied_or_bounded_are_no_dispute() -> None:
    published = {"published": date(2024, 5, 10)}
    pairs = [
        # done again, or another of its kind
        (
            "Police in Leeds arrested two men over the stabbing on Monday.",
            "Police in Leeds arrested a third man over the stabbing on Wednesday.",
        ),
        ("The storm dumped a foot of snow on Denver on Tuesday.", "The storm dumped more snow on Denver on Wednesday."),
        # two counts: two days' falls
        (
            "Shares of Orbis Motors fell 5 percent on Monday after the recall.",
            "Shares of Orbis Motors fell 3 percent on Wednesday after the recall.",
        ),
        # a deed denied, the edge of a span, a deadline
        ("The council did not vote on the transit budget on Monday.", "The council voted on the transit budget on Wednesday."),
        (
            "The council delayed its vote on the transit budget until Wednesday.",
            "The council delayed its vote on the transit budget on Monday.",
        ),
        # a day apart around midnight
        (
            "A powerful earthquake struck off the coast of Sumatra late on Sunday.",
            "A powerful earthquake struck off the coast of Sumatra on Monday.",
        ),
    ]
    for a, b in pairs:
        assert _days({"a": a, "b": b}, **published) == [], (a, b)


def _framed(texts: dict[str, str], close: float = 0.8):  # type: ignore[no-untyped-def]
    sts, _ = _read(texts, published=date(2011, 11, 12))
    return _compare(framed_disagreements, sts, close)


def test_counts_in_a_list_given_other_values_in_the_same_words() -> None:
    texts = {
        "a": "During the raid, six AK-47 rifles, 12 magazines and about 300 rounds were seized from the boat.",
        "b": "The navy seized 14 AK-47 rifles, 31 magazines and 923 rounds from the boat, the commander said.",
        "c": "Six AK-47 rifles, 12 magazines and 300 rounds were seized from the boats.",
    }
    ds = _framed(texts)
    # one disagreement per thing counted, each showing the values with their sources
    shown = sorted(sorted((v.value, tuple(v.sources)) for v in d.variants) for d in ds)
    assert shown == [
        [("12", ("a", "c")), ("31", ("b",))],
        [("14 AK-47 rifles", ("b",)), ("six AK-47 rifles", ("a", "c"))],
        [("300", ("c",)), ("923", ("b",)), ("about 300", ("a",))],
    ]
    assert all(d.kind == "number" and len({e.article for v in d.variants for e in v.evidence}) == 3 for d in ds)
    assert _framed(texts, close=0.5) == []  # statements not alike enough may count two hauls


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one figure written to more decimals, a magnitude against a count, and values twenty times apart
        ("The couple paid a federal tax rate of 35.7 percent.", "The couple paid a federal tax rate of 35.72 percent."),
        ("It was followed by a 2.9 aftershock at 2:12 a.m.", "It was followed by two aftershocks at 2:12 a.m."),
        ("Police seized 3 rifles from the boat.", "Police seized 300 rifles from the boat."),
        # two days' hauls; an outlet that gives both values tells two things apart
        ("On Monday police seized six rifles from the boat.", "On Wednesday police seized 14 rifles from the boat."),
        (
            "Police seized six rifles from the boat. Later they found 14 rifles in the warehouse.",
            "Police seized 14 rifles from the boat.",
        ),
        # the other's figure in the same sentence, for a part ("about 30 of them beyond repair")
        (
            "Engineers declared about 30 buildings in Riverton beyond repair.",
            "More than 200 buildings in Riverton were damaged, about 30 of them beyond repair.",
        ),
    ],
)
def test_counts_that_agree_or_count_two_things_are_no_framed_disagreement(a: str, b: str) -> None:
    assert _framed({"a": a, "b": b}) == []


def test_one_count_hedged_apart_in_the_same_words_is_a_hedge_disagreement() -> None:
    texts = {
        "a": "Nearly 100 marchers walked to the precinct on Monday night.",
        "b": "More than 100 marchers walked to the precinct on Monday night.",
    }
    ds = _framed(texts)
    assert [(d.kind, sorted(v.value for v in d.variants)) for d in ds] == [("hedge", ["More than 100", "Nearly 100"])]
    # hedges that overlap ("about 100" holds "more than 100") agree
    assert _framed({"a": texts["a"].replace("Nearly", "About"), "b": texts["b"]}) == []


def test_a_number_is_framed_by_what_it_counts_or_a_telling_word_never_a_function_word() -> None:
    sts, _ = _read(
        {"a": "Police moved in after 100 people gathered. He broke the scoring record of 2,106.", "b": "Six rifles were seized."}
    )
    frames = {st.article.text[q.start : q.end]: frame for st in sts for frame, q, _ in _framed_numbers(st)}
    assert frames["2,106"] == "<record" and frames["Six"] == "rifle>"
    assert "100" not in frames  # "people" frames any count, and "after" no count at all


def test_a_month_of_one_deed_against_an_outlet_that_dates_that_deed_otherwise() -> None:
    # a dates the suspension "a month later" than the indictment: April against April, not March against April
    two = {
        "a": "Tom Hale was indicted in March 2012 and suspended from office a month later.",
        "b": "Tom Hale was suspended from office in April 2012.",
    }
    assert _months(two) == []
    one = {"a": "Tom Hale was indicted in March 2012.", "b": "Tom Hale was indicted in April 2012."}
    assert [d.kind for d in _months(one)] == ["date"]


def test_one_deliberation_given_two_lengths_in_sentences_loosely_alike() -> None:
    texts = {
        "a": "Jurors convicted Tom Hale on five counts after deliberating for three days.",
        "b": "Hale stared ahead as he was convicted on Tuesday after four days of deliberations.",
    }
    (d,) = _durations(texts, close=0.52)  # one deed named by its own word: less alike in meaning will do
    assert {v.value: v.sources for v in d.variants} == {"three days": ["a"], "four days": ["b"]}
    assert _durations(texts, close=0.45) == []


def test_a_sum_in_sentences_less_alike_that_share_many_specific_words() -> None:
    texts = {
        "a": "The gang behind the attack, Glasshook, is demanding a ransom of $25 million in bitcoin.",
        "b": "Ruthless hacking gang Glasshook is demanding a staggering $20 million ransom in bitcoin.",
    }
    sts, _ = _read(texts, published=date(2026, 2, 5))
    many = np.full((len(sts), len(sts)), 1.1)  # the rare words they share ("Glasshook", "ransom", "bitcoin")
    (d,) = money_disagreements(sts, _equally_alike(len(sts), 0.58), many)
    assert {v.value for v in d.variants} == {"$25 million", "$20 million"}
    assert money_disagreements(sts, _equally_alike(len(sts), 0.58), np.ones((len(sts), len(sts)))) == []


def _facing(texts: dict[str, str], close: float = 0.6):  # type: ignore[no-untyped-def]
    sts, _ = _read(texts, published=date(2026, 6, 10))
    return _compare(facing_hedges, sts, close)


def test_one_measure_bounded_from_either_side_is_a_hedge_disagreement() -> None:
    ds = _facing(
        {
            "a": "The Riverton chamber said the walkout would cost the economy more than $90 million a day.",
            "b": "The Riverton chamber warned the strike could cost nearly $90 million a day.",
            "c": "The plane was flying at more than 30,000 feet when the engine failed.",
            "d": "The plane was flying at just under 30,000 feet when the engine failed.",
            "e": "Kick-off at Riverton Park was delayed by more than an hour.",
            "f": "The match at Riverton Park kicked off nearly an hour late.",
        }
    )
    shown = sorted(sorted(v.value for v in d.variants) for d in ds)
    assert shown == [
        ["just under 30,000 feet", "more than 30,000 feet"],
        ["more than $90 million", "nearly $90 million"],
        ["more than an hour", "nearly an hour"],
    ]
    assert all(d.kind == "hedge" for d in ds)


def test_lengths_and_speeds_bounded_from_either_side_across_units() -> None:
    ds = _facing(
        {
            "a": "The Riverton tram was travelling at more than 30 kilometres per hour when it hit the barrier.",
            "b": "Recorder data show the tram was travelling at less than 25 km/h when it hit the barrier.",
            "c": "Mud covered more than 400 metres of the Riverton road, burying two cars.",
            "d": "Debris covered just under 1,300 feet of the Riverton road.",
        }
    )
    shown = sorted(sorted(v.value for v in d.variants) for d in ds)
    assert shown == [["just under 1,300 feet", "more than 400 metres"], ["less than 25 km/h", "more than 30 kilometres per hour"]]
    assert all(d.kind == "hedge" for d in ds)


def test_one_figure_bounded_from_either_side_needs_less_likeness() -> None:
    texts = {
        "a": "The Riverton fire had burned more than 4,000 acres by Wednesday morning, officials said.",
        "b": "A mapping flight late Wednesday put the fire's footprint at just under 4,000 acres.",
    }
    sts, _ = _read(texts, published=date(2026, 6, 10))
    n = len(sts)
    (d,) = facing_hedges(sts, _equally_alike(n, 0.45), np.full((n, n), 0.6))
    assert d.kind == "hedge" and sorted(v.value for v in d.variants) == ["just under 4,000 acres", "more than 4,000 acres"]
    texts["b"] = texts["b"].replace("just under 4,000", "just under 3,800")  # two figures: the usual likeness is needed
    sts, _ = _read(texts, published=date(2026, 6, 10))
    assert facing_hedges(sts, _equally_alike(len(sts), 0.45), np.full((len(sts), len(sts)), 0.6)) == []


def test_one_act_measured_needs_less_likeness_than_two_statements_in_general() -> None:
    texts = {
        "a": "Mud came off the hill and covered more than 400 metres of the highway, engulfing the Riverton café.",
        "b": "Ana Ruiz said debris was covering just under 350 metres of the carriageway.",
    }

    def found(texts: dict[str, str]) -> list[Discrepancy]:
        sts, _ = _read(texts, published=date(2026, 6, 10))
        n = len(sts)
        return facing_hedges(sts, _equally_alike(n, 0.4), np.full((n, n), 0.5))  # a little alike, few specific words

    assert len(found(texts)) == 1  # one act ("cover") told in other words
    texts["b"] = "Ana Ruiz said the fence ran for just under 350 metres along the carriageway."
    assert found(texts) == []  # a length of another act: no likeness will do below the usual bar


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # bounds that overlap, one bound twice, figures far apart, an exact figure
        ("The plane was flying at more than 29,000 feet.", "The plane was flying at nearly 30,000 feet."),
        ("The plane was flying at more than 30,000 feet.", "The plane was flying at over 30,000 feet."),
        ("The strike costs more than $90 million a day.", "The strike costs nearly $150 million a day."),
        ("The plane was flying at more than 30,000 feet.", "The plane was flying at 30,000 feet."),
    ],
)
def test_bounds_that_can_hold_one_figure_are_no_hedge_disagreement(a: str, b: str) -> None:
    assert _facing({"a": a, "b": b}) == []


def test_one_length_bounded_from_either_side_is_a_hedge_disagreement() -> None:
    ds = _durations(
        {
            "a": "The water company did not close the Riverton intake until more than three hours after the crash.",
            "b": "The water company closed the Riverton intake just under three hours after the crash.",
        }
    )
    assert [(d.kind, d.summary) for d in ds] == [("hedge", "disputed: hedge")]


def test_a_weekday_an_undated_report_gives_is_compared_by_its_weekday() -> None:
    texts = {
        "a": "The Riverton agency opened a formal investigation on Wednesday into the cause of the crash.",
        "b": "The Riverton agency opened a formal investigation on Thursday, September 11, 2025, into the cause of the crash.",
    }
    r = read_articles([make_article(t, s) for s, t in texts.items()])
    sts = gather(r.articles)
    found = [{v.value: v.sources for v in d.variants} for d in day_pairs(sts, _alike(sts), np.ones((len(sts), len(sts))))]
    assert len(found) == 1 and found[0]["2025-09-11"] == ["b"] and sorted(found[0].values()) == [["a"], ["b"]]
    same = {"a": texts["a"], "b": texts["b"].replace("Thursday, September 11", "Wednesday, September 10")}
    r = read_articles([make_article(t, s) for s, t in same.items()])
    sts = gather(r.articles)
    assert day_pairs(sts, _alike(sts), np.ones((len(sts), len(sts)))) == []  # one weekday: one day, whatever week
