from __future__ import annotations

from typing import Any, cast

from newsfuse.fuse.discrepancies import count_disagreements, date_disagreement, one_telling, within
from newsfuse.fuse.statements import Statement
from newsfuse.model import Discrepancy, Evidence, Span
from tests.fuse.helpers import clause_of, statement


def test_hedges_that_do_not_overlap() -> None:
    a = statement("almost 3,000 soldiers killed or wounded", "a", "almost 3,000", "soldiers", "killed or wounded")
    b = statement("more than 3,000 soldiers killed or wounded", "b", "more than 3,000", "soldiers", "killed or wounded")
    c = statement("at least 3,000 soldiers killed or wounded", "c", "at least 3,000", "soldiers", "killed or wounded")
    ds = count_disagreements([a, b, c], ["f1"])
    assert [d.kind for d in ds] == ["hedge"]
    groups = {v.value: set(v.sources) for v in ds[0].variants}
    assert groups == {"almost 3,000": {"a"}, "more than 3,000 / at least 3,000": {"b", "c"}} or groups == {
        "almost 3,000": {"a"},
        "at least 3,000 / more than 3,000": {"b", "c"},
    }


def test_an_outlets_other_count_that_no_one_else_gives_is_no_side() -> None:
    a = statement("almost 3,000 soldiers killed or wounded", "a", "almost 3,000", "soldiers", "killed or wounded")
    b = statement("more than 3,000 soldiers killed or wounded", "b", "more than 3,000", "soldiers", "killed or wounded")
    c = statement("more than 3,000 soldiers were killed or wounded", "c", "more than 3,000", "soldiers", "killed or wounded")
    # outlet c also gives an earlier official's figure, which nobody else gives: c tells two things, not a third side
    earlier = statement(
        "an official said several hundred soldiers were killed or wounded", "c", "several hundred", "soldiers", "killed or wounded"
    )
    (d,) = count_disagreements([a, b, c, earlier], ["f1"])
    assert d.kind == "hedge" and {v.value for v in d.variants} == {"almost 3,000", "more than 3,000"}
    # a count that another outlet gives too stays a side
    other = statement("several hundred soldiers were killed or wounded", "d", "several hundred", "soldiers", "killed or wounded")
    (d,) = count_disagreements([a, b, c, earlier, other], ["f1"])
    assert {v.value for v in d.variants} == {"almost 3,000", "more than 3,000", "several hundred"}
    # an outlet whose two counts no other outlet gives keeps both sides
    two = statement("2,000 soldiers killed or wounded", "e", "2,000", "soldiers", "killed or wounded")
    other_two = statement("2,500 soldiers killed or wounded", "e", "2,500", "soldiers", "killed or wounded")
    (d,) = count_disagreements([b, c, two, other_two], ["f1"])
    assert d.kind == "number" and {v.value for v in d.variants} >= {"more than 3,000", "2,000"}
    # the same words copied by a reprint are no other outlet giving that count
    copied = statement(earlier.text, "g", "several hundred", "soldiers", "killed or wounded")
    reprint = statement(c.text, "g", "more than 3,000", "soldiers", "killed or wounded")
    (d,) = count_disagreements([a, b, c, earlier, copied, reprint], ["f1"])
    assert {v.value for v in d.variants} == {"almost 3,000", "more than 3,000"}


def test_round_numbers_agree_with_hedged_ones() -> None:
    a = statement("1,000 soldiers killed", "a", "1,000", "soldiers", "killed")
    b = statement("more than 1,000 soldiers killed", "b", "more than 1,000", "soldiers", "killed")
    assert count_disagreements([a, b], ["f"]) == []


def test_different_numbers_and_what_was_counted() -> None:
    three = statement("three cranes collapsed", "a", "three", "cranes", "collapsed")
    four = statement("four cranes fell", "b", "four", "cranes", "fell")
    assert [d.kind for d in count_disagreements([three, four], ["f"])] == ["number"]
    died = statement("11 workers died", "c", "11", "workers", "died")
    hurt = statement("11 workers were killed or hurt", "d", "11", "workers", "killed or hurt")
    assert [d.kind for d in count_disagreements([died, hurt], ["f"])] == ["wording"]


def test_what_was_counted_shows_two_variants_even_when_the_verb_is_shared() -> None:
    people = statement("The storm killed 11 people", "a", "11", "people", "killed")
    casualties = statement("The storm killed 11 casualties", "b", "11", "casualties", "killed")
    (d,) = count_disagreements([people, casualties], ["f"])
    assert d.kind == "wording" and sorted(v.value for v in d.variants) == ["killed", "killed casualties"]


def test_date_disagreement_only_between_sources() -> None:
    fri = statement("he said on Friday", "a", dates=["2024-12-27"])
    mon = statement("he said on Monday", "b", dates=["2024-12-23"])
    both = statement("confirmed Friday that the soldier captured the previous day died", "c", dates=["2024-12-27", "2024-12-26"])
    d = date_disagreement([fri, mon], ["f"])
    assert d is not None and {v.value for v in d.variants} == {"2024-12-27", "2024-12-23"}
    assert date_disagreement([fri, both], ["f"]) is None  # one day is shared


def test_no_disagreement_inside_one_source() -> None:
    a = statement("almost 3,000 soldiers", "a", "almost 3,000", "soldiers", "killed")
    b = statement("more than 3,000 soldiers", "a", "more than 3,000", "soldiers", "killed")
    assert within("f", [a, b]) == []


def test_attribution_person_against_estimates() -> None:
    a = statement("Kirby said 1,000 were killed", "a", "1,000", "soldiers", "killed", speaker="John Kirby", entity="e-k")
    b = statement("Estimates suggest 1,000 were killed", "b", "1,000", "soldiers", "killed", speaker="Recent estimates")
    assert [d.kind for d in within("f", [a, b])] == ["attribution"]


def test_written_years_disagree() -> None:
    a = statement("She has led the party since 2002.", "a")
    b = statement("She has led the party since 2003.", "b")
    for st, y in ((a, "2002"), (b, "2003")):
        from newsfuse.model import Span

        at = st.text.index(y)
        st.times.append(Span(at, at + 4, "time", "test@1", {"expr": y, "value": y, "precision": "year"}))
    d = date_disagreement([a, b], ["f"])
    assert d is not None and {v.value for v in d.variants} == {"since 2002", "since 2003"}


def test_differently_dated_statements_must_be_one_statement() -> None:
    a = statement("The minister ordered an inquiry on Monday.", "a", dates=["2026-03-16"])
    b = statement("The minister announced the inquiry on Friday.", "b", dates=["2026-03-13"])
    assert date_disagreement([a, b], ["f"]) is not None
    assert date_disagreement([a, b], ["f"], related=lambda x, y: False) is None  # e.g. a plea on Friday, a defence on Monday


def test_one_speakers_words_told_alike_dated_to_two_days_of_saying() -> None:
    a = statement("Ruiz said on Monday the pier is unsafe.", "a", speaker="Ana Ruiz", entity="e-r", dates=["2026-03-16"])
    b = statement(
        "Ruiz warned in an interview Tuesday that the pier is unsafe.", "b", speaker="Ana Ruiz", entity="e-r", dates=["2026-03-17"]
    )
    c = statement(
        "Hale warned in an interview Tuesday that the pier is unsafe.", "b", speaker="Tom Hale", entity="e-h", dates=["2026-03-17"]
    )
    for st in (a, b, c):
        cast(dict[str, Any], st.times[0].attrs)["verb"] = "say" if st is a else "interview"
    unrelated = lambda x, y: False  # noqa: E731
    alike = lambda x, y: True  # noqa: E731
    d = date_disagreement([a, b], ["f"], related=unrelated, told_alike=lambda x, y: one_telling(x, y, 0.8))
    assert d is not None and {v.value for v in d.variants} == {"2026-03-16", "2026-03-17"}
    assert date_disagreement([a, b], ["f"], related=unrelated, told_alike=lambda x, y: one_telling(x, y, 0.6)) is None  # not alike
    assert date_disagreement([a, c], ["f"], related=unrelated, told_alike=lambda x, y: one_telling(x, y, 0.9)) is None  # two speakers
    # only days of saying: two deeds ("ordered an inquiry on Monday", "announced it on Friday") still need ``related``
    e = statement("The minister ordered an inquiry on Monday.", "a", speaker="Ana Ruiz", entity="e-r", dates=["2026-03-16"])
    f = statement("The minister closed the inquiry on Friday.", "b", speaker="Ana Ruiz", entity="e-r", dates=["2026-03-13"])
    cast(dict[str, Any], e.times[0].attrs)["verb"] = "order"
    cast(dict[str, Any], f.times[0].attrs)["verb"] = "close"
    assert date_disagreement([e, f], ["f"], related=unrelated, told_alike=alike) is None


def test_a_since_year_is_not_compared_with_a_day() -> None:
    a = statement("She posted the message on Friday.", "a", dates=["2013-08-30"])
    b = statement("She has been married since 2012.", "b")
    b.times.append(
        Span(b.text.index("2012"), b.text.index("2012") + 4, "time", "test@1", {"expr": "2012", "value": "2012", "precision": "year"})
    )
    assert date_disagreement([a, b], ["f"]) is None


def test_a_speaker_newsfuse_guessed_from_a_pronoun_is_no_rival() -> None:
    from newsfuse.fuse.discrepancies import attribution_disagreement

    words = "The budget is a fiction and everyone in this building knows it"
    a = statement(f"{words}, Harlan said.", "a", speaker="Harlan", entity="e-h")
    b = statement(f"{words}, Ogawa said.", "b", speaker="Ogawa", entity="e-o")
    assert attribution_disagreement([a, b], ["f"]) is not None
    b.speaker_kind = "pronoun"  # the text said "he said"; Ogawa was newsfuse's reading of "he"
    assert attribution_disagreement([a, b], ["f"]) is None


def test_a_count_of_what_is_added_is_not_the_total() -> None:
    a = statement("There are two more debates on the calendar.", "a", "two", "debates")
    b = statement("It was the second of three debates this autumn.", "b", "three", "debates")
    assert count_disagreements([a, b], ["f"])  # as counts of one slot they disagree ...
    assert a.main is not None
    cast(dict[str, Any], a.main.attrs)["increment"] = True  # ... but "two more" is what is left, not how many there are
    assert not count_disagreements([a, b], ["f"])


def test_a_report_written_before_the_day_does_not_contradict_it() -> None:
    from datetime import date

    sunday = statement("The two leaders met at the White House on Sunday.", "a", dates=["2012-12-09"])
    thursday = statement("The two leaders met at the White House on Thursday.", "b", dates=["2012-12-13"])
    sunday.article.meta.published = date(2012, 12, 10)
    thursday.article.meta.published = date(2012, 12, 14)
    assert date_disagreement([sunday, thursday], ["f"]) is None  # Thursday had not come when "a" was written
    thursday.article.meta.published = date(2012, 12, 10)  # both written on Monday: Thursday is still to come in "b"
    assert date_disagreement([sunday, thursday], ["f"]) is not None
    undated = statement("The two leaders met at the White House on Thursday.", "c", dates=["2012-12-13"])
    assert date_disagreement([sunday, undated], ["f"]) is not None


def _across(a: Statement, b: Statement, spec: float = 1.0) -> list[str]:
    import numpy as np

    from newsfuse.fuse.discrepancies import across

    vecs = np.zeros((max(a.idx, b.idx) + 1, 2))
    vecs[a.idx] = vecs[b.idx] = (1.0, 0.0)  # alike in meaning
    return [d.kind for d in across(["f1", "f2"], {"f1": [a], "f2": [b]}, vecs, specific=lambda x, y: spec)]


def test_one_count_across_facts() -> None:
    a = statement("Three cranes collapsed at the terminal.", "a", "Three", "cranes", "collapsed")
    b = statement("All four cranes that fell were old.", "b", "four", "cranes", "fell")
    assert _across(a, b, spec=0.0) == ["number"]  # a classified state (collapse) needs no shared words


def test_an_outlets_tally_on_another_day_is_no_side_across_facts() -> None:
    import numpy as np

    from newsfuse.fuse.discrepancies import across

    def run(*sts: Statement) -> list[str]:
        vecs = np.zeros((max(s.idx for s in sts) + 1, 2))
        vecs[[s.idx for s in sts]] = (1.0, 0.0)
        facts = {f"f{k}": [s] for k, s in enumerate(sts)}
        return [d.kind for d in across(list(facts), facts, vecs, specific=lambda x, y: 1.0)]

    def st(text: str, source: str, count: str, day: str | None) -> Statement:
        return statement(text, source, count, "soldiers", "killed or wounded", dates=[day] if day else None)

    latest = st("More than 3,000 soldiers were killed or wounded, preliminary data show.", "b", "More than 3,000", None)
    early = st("On Dec. 17 an official said several hundred soldiers were killed or wounded.", "c", "several hundred", "2024-12-17")
    late = st("He said Monday more than 3,000 soldiers were killed or wounded.", "c", "more than 3,000", "2024-12-23")
    assert run(latest, early) == ["hedge"]  # alone, the two counts disagree
    # outlet c gives b's count too, on another day it names: a tally at two times, not a side against b
    assert run(latest, early, late) == []
    # two counts an outlet does not date apart stay sides: an outlet may contradict itself
    undated = st("An official said several hundred soldiers were killed or wounded.", "c", "several hundred", None)
    late_undated = st("He said more than 3,000 soldiers were killed or wounded.", "c", "more than 3,000", None)
    assert run(latest, undated, late_undated) == ["hedge"]


def test_two_vague_sizes_in_two_facts_are_no_disagreement() -> None:
    a = statement("Thousands of people fled across the border to the camp.", "a", "Thousands", "people", "fled")
    b = statement("Hundreds of thousands of people have fled the province.", "b", "Hundreds of thousands", "people", "fled")
    c = statement("More than 200,000 people have fled the province.", "c", "More than 200,000", "people", "fled")
    assert _across(a, b) == []  # two scopes sized loosely, no count given
    assert _across(a, c) == ["hedge"]  # a stated number against a vague size


def test_history_told_as_background_is_not_this_storys_count() -> None:
    from datetime import date

    old = statement("In September 2009 a quake near the city killed more than 1,000 people.", "a", "more than 1,000", "people", "killed")
    now = statement("The quake killed 10 people in the hills.", "b", "10", "people", "killed")
    last_year = statement("A quake last year killed 40 people in the hills.", "c", "40", "people", "killed")
    for st, when in ((old, "2009-09"), (last_year, "2012")):
        st.times.append(Span(0, 1, "time", "test@1", {"expr": "x", "value": when, "precision": "month"}))
    for st in (old, now, last_year):
        st.article.meta.published = date(2013, 7, 3)
    assert _across(old, now) == []  # four years back: another quake
    assert _across(last_year, now) == ["number"]  # last year's events are often the story's own


def test_history_within_one_fact_a_sentence_continuing_it_and_a_year_that_names_a_thing() -> None:
    from datetime import date

    from newsfuse.fuse.discrepancies import _background

    told = statement("The last big quake hit the province in February.", "a")
    told.times.append(Span(0, 1, "time", "test@1", {"expr": "February", "value": "2005-02", "precision": "month"}))
    it = statement("It killed 612 people and left thousands homeless.", "a", "612", "people", "killed")
    it.continues = told
    now = statement("The quake killed 10 people on the island.", "b", "10", "people", "killed")
    for st in (told, it, now):
        st.article.meta.published = date(2005, 11, 28)
    assert _background(it) and not _background(now)
    assert count_disagreements([it, now], ["f"]) == []  # history against this story's count, inside one fact too
    named = statement("Mueller has almost four dozen questions about the 2016 election.", "c")
    named.times.append(Span(0, 1, "time", "test@1", {"expr": "2016", "value": "2016", "precision": "year", "attributive": True}))
    named.article.meta.published = date(2018, 4, 30)
    assert not _background(named)  # "the 2016 election" names a thing; it does not date the list


def test_counts_in_two_named_places_are_two_things() -> None:
    north = statement("The raid on Guffa killed seven people.", "a", "seven", "people", "killed")
    camp = statement("The bombing of the Yida camp killed 12 people.", "b", "12", "people", "killed")
    north.places, camp.places = {"e-guffa"}, {"e-yida"}
    assert _across(north, camp) == []
    camp.places = {"e-yida", "e-guffa"}  # one place in common: maybe one event
    assert _across(north, camp) == ["number"]


def test_counts_of_a_thing_under_two_predicates_are_two_slots() -> None:
    a = statement("Four states have legalized recreational marijuana.", "a", "Four", "states", "legalized")
    b = statement("Two heartland states filed a court challenge.", "b", "Two", "states", "filed")
    assert a.main is not None and b.main is not None
    cast(dict[str, Any], a.main.attrs)["state_lemmas"] = ["legalize"]
    cast(dict[str, Any], b.main.attrs)["state_lemmas"] = ["file"]
    assert _across(a, b) == []
    c = statement("The shipments were bound for at least 40 different states.", "c", "at least 40", "states")
    assert _across(a, c, spec=-0.1) == []  # nothing specific in common
    assert _across(a, c, spec=0.6) == ["number"]  # four against at least 40: two stated numbers


def _namesakes(a_name: str, b_name: str, b_also: tuple[str, ...] = ()) -> list[str]:
    import numpy as np

    from newsfuse.fuse.discrepancies import namesake_disagreement

    a = statement(f"Rep. {a_name} won the race for vice chair, defeating Barbara Lee.", "a")
    b = statement(f"In a narrow victory, {b_name} defeated Barbara Lee to become vice chair.", "b")
    persons = {"e-a": a_name, "e-b": b_name, "e-lee": "Barbara Lee"}
    a.entities, b.entities = {"e-a", "e-lee"}, {"e-b", "e-lee"}
    b.article.spans["mentions"] = [Span(0, 1, "PERSON", "test@1", {"entity": e}) for e in ("e-b", "e-lee", *b_also)]
    vecs = np.ones((max(a.idx, b.idx) + 1, 1))
    d = namesake_disagreement([a, b], ["f"], persons, vecs)
    return [] if d is None else sorted(v.value for v in d.variants)


def test_one_report_with_two_namesakes() -> None:
    assert _namesakes("Loretta Sanchez", "Linda T. Sánchez") == ["Linda T. Sánchez", "Loretta Sanchez"]
    assert _namesakes("Loretta Sanchez", "Linda T. Sánchez", b_also=("e-a",)) == []  # "b" tells the two apart
    assert _namesakes("John Roberts", "John G. Roberts Jr.") == []  # one name written in full
    assert _namesakes("Todd Jones", "Byron Todd Jones") == []  # a middle name used as the first
    assert _namesakes("Mike Elliott", "Michael Elliott") == []
    assert _namesakes('Charles "Lucky" Luciano', "Lucky Luciano") == []  # a nickname in quotation marks
    assert _namesakes("Charles “Lucky” Luciano", "Lucky Luciano") == []
    assert _namesakes("Skipper Hendrik Solvang", "Henrik Solvang") == []  # a title taken in, a name spelt two ways


def test_a_sentence_that_also_gives_the_other_number_agrees() -> None:
    a = statement("Police made 47 arrests overnight.", "a", "47", "arrests", "made")
    b = statement("There were six arrests on Thursday, against 47 the night before.", "b", "six", "arrests")
    assert [d.kind for d in count_disagreements([a, b], ["f"])] == ["number"]
    at = b.text.index("47")
    b.quantities.append(Span(at, at + 2, "CARDINAL", "test@1", {"value": 47.0, "low": 47.0, "high": 47.0, "counted": None}))
    assert count_disagreements([a, b], ["f"]) == []


def test_the_same_number_for_another_act_does_not_agree() -> None:
    a = statement("Officers said 12 people were injured in the clashes.", "a", "12", "people", "injured")
    b = statement("Police said 18 people were injured and 12 arrested.", "b", "18", "people", "injured")
    at = b.text.index("12")
    other = {"value": 12.0, "low": 12.0, "high": 12.0, "counted": None, "state": "arrested", "state_lemmas": ["arrest"]}
    b.quantities.append(Span(at, at + 2, "CARDINAL", "test@1", other))
    assert a.main is not None
    cast(dict[str, Any], a.main.attrs)["state_lemmas"] = ["injure"]
    assert b.main is not None
    cast(dict[str, Any], b.main.attrs)["state_lemmas"] = ["injure"]
    assert [d.kind for d in count_disagreements([a, b], ["f"])] == ["number"]  # 12 arrested is not 12 injured


def test_a_part_of_the_area_and_one_fact_counting_two_things() -> None:
    whole = statement("At least 24 people were killed by the quake.", "a", "At least 24", "people", "killed")
    part = statement("In Lakeland district, 10 people were killed.", "b", "10", "people", "killed")
    assert part.main is not None
    cast(dict[str, Any], part.main.attrs)["scope"] = "Lakeland"
    assert count_disagreements([whole, part], ["f"]) == []  # a part's toll is not a rival total
    children = statement("Six children were killed when a school collapsed.", "c", "Six", "children", "killed")
    five = statement("The quake killed five people.", "d", "five", "people", "killed")
    # one fact holding two things counted: the people's counts are still compared
    assert [d.kind for d in within("f", [whole, children, five])] == ["number"]


def test_a_count_of_things_before_a_measure() -> None:
    from newsfuse.fuse.statements import first_count

    st = statement("A 6.1 magnitude quake hit, leaving 24 dead.", "a", "6.1", "magnitude earthquake")
    at = st.text.index("24")
    dead = Span(at, at + 2, "CARDINAL", "test@1", {"value": 24.0, "low": 24.0, "high": 24.0, "counted": "people"})
    assert first_count([*st.quantities, dead]) is dead


def test_a_claim_stated_as_fact_and_as_an_allegation() -> None:
    from newsfuse.fuse.discrepancies import stance_disagreement

    fact = statement("The aide forwarded State Department emails to a personal account.", "a")
    alleged = statement("The aide reportedly forwarded State Department emails to a personal account.", "b")
    alleged.stance, alleged.stance_of = "alleged", "forward"
    d = stance_disagreement([fact, alleged], ["f"])
    assert d is not None and d.kind == "wording" and {v.value for v in d.variants} == {"stated as fact", "as an allegation"}
    assert stance_disagreement([fact, alleged], ["f"], related=lambda a, b: False) is None  # not one claim
    credited = statement("The aide forwarded emails to a personal account, the inspector said.", "c", speaker="inspector", entity="e-i")
    assert stance_disagreement([credited, alleged], ["f"]) is None  # a credited claim is not the outlet's own statement
    both = statement("The aide forwarded emails, and reportedly deleted them.", "b")
    both.stance = "alleged"
    assert stance_disagreement([statement("The aide forwarded emails.", "b"), both], ["f"]) is None  # one outlet only


def _firm_and_alleged_clause(firm_text: str, text: str, clause_from: str, lemma: str) -> tuple[Statement, Statement, Statement]:
    """A firm statement of source "a", and a sentence of source "b" with a clause (from ``clause_from``) that holds
    ``lemma`` at a distance; all three about one named thing, with indexes 0, 1, 2."""
    firm, sentence, clause = statement(firm_text, "a"), statement(text, "b"), statement(text, "b")
    clause.start = text.index(clause_from)
    clause.text = text[clause.start :]
    clause.kind, clause.parent = "clause", (0, len(text))
    clause.stance, clause.stance_of = "alleged", lemma
    firm.entities = sentence.entities = clause.entities = {"e-x"}
    firm.idx, sentence.idx, clause.idx = 0, 1, 2
    return firm, sentence, clause


def _sentence_close(sim: float) -> Any:
    """Vectors of (firm, sentence, clause): the sentence at cosine ``sim`` from the firm statement, the clause at 0.4."""
    import numpy as np

    return np.array([[1.0, 0.0, 0.0], [sim, np.sqrt(1 - sim * sim), 0.0], [0.4, 0.0, np.sqrt(1 - 0.16)]], dtype=np.float32)


def test_a_step_expected_against_its_telling_as_done() -> None:
    from newsfuse.fuse.discrepancies import stance_disagreement

    expected = statement("The harbour master's wife is expected to plead guilty to tax fraud on Wednesday afternoon.", "a")
    expected.stance, expected.stance_of = "expected", "plead"
    done = statement("Later in the day she pleaded guilty to a charge of tax fraud.", "b")
    agreed = statement("He and his wife had agreed to plead guilty in deals with prosecutors.", "c")
    d = stance_disagreement([expected, done, agreed], ["f"])
    assert d is not None and d.kind == "wording"
    # only the telling as done is set against it: an agreement to plead is no plea
    assert {v.value: v.sources for v in d.variants} == {"stated as fact": ["b"], "as still to come": ["a"]}
    assert stance_disagreement([expected, agreed], ["f"]) is None
    # a participle of what is still to come is no deed done
    sentenced = statement("Ortega is scheduled to be sentenced on November 8.", "a")
    sentenced.stance, sentenced.stance_of = "expected", "sentence"
    assert stance_disagreement([sentenced, statement("He will be sentenced on November 8.", "b")], ["f"]) is None
    completed = statement("The firm expects the purchase to be completed in its first quarter.", "b")
    sentenced.stance_of = "complete"
    assert stance_disagreement([sentenced, completed], ["f"]) is None


def test_a_step_expected_is_not_set_against_what_did_not_happen_or_an_older_report() -> None:
    from datetime import date

    from newsfuse.fuse.discrepancies import stance_disagreement

    def expected(source: str = "a") -> Statement:
        st = statement("The council is expected to vote on the transit budget on Tuesday.", source)
        st.stance, st.stance_of = "expected", "vote"
        return st

    for done in (
        "The council has not voted on the transit budget yet.",
        "The council never voted on the transit budget last year.",
        "The council was supposed to have voted on the transit budget in March.",
        "The transit budget will likely be voted on next week.",
    ):
        assert stance_disagreement([expected(), statement(done, "b")], ["f"]) is None, done
    # a doubled consonant, "-ied": regular past forms of the deed
    admitted = statement("The treasurer admitted the theft at the hearing on Tuesday.", "b")
    plan = statement("The treasurer is expected to admit the theft at the hearing on Tuesday.", "a")
    plan.stance, plan.stance_of = "expected", "admit"
    assert stance_disagreement([plan, admitted], ["f"]) is not None
    # a plan reported days before the deed's telling: written before it happened
    early, late = expected("a"), statement("The council voted on the transit budget on Tuesday.", "b")
    early.article.meta.published, late.article.meta.published = date(2024, 4, 29), date(2024, 5, 1)
    assert stance_disagreement([early, late], ["f"]) is None
    late.article.meta.published = date(2024, 4, 29)
    assert stance_disagreement([early, late], ["f"]) is not None


def test_a_suspicion_is_set_against_a_firm_offence_only() -> None:
    from newsfuse.fuse.discrepancies import stance_disagreement

    suspected = statement("The receiver was arrested on suspicion of drunk driving on Jan. 6.", "a")
    suspected.stance, suspected.stance_of = "alleged", "arrest"
    d = stance_disagreement([suspected, statement("The receiver was arrested for drunk driving in January.", "b")], ["f"])
    assert d is not None and {v.value for v in d.variants} == {"stated as fact", "as an allegation"}
    # the arrest alone, or the questioning "over" a crime, states no offence
    assert stance_disagreement([suspected, statement("Police arrested the receiver on Jan. 6 in Clairemont.", "b")], ["f"]) is None
    questioned = statement("A man was being questioned on suspicion of murder yesterday.", "a")
    questioned.stance, questioned.stance_of = "alleged", "question"
    over = statement("A man was yesterday being questioned over the murders of his mother and sister.", "b")
    assert stance_disagreement([questioned, over], ["f"]) is None


def test_a_suspicion_needs_the_same_offence_a_custody_deed_and_no_denial() -> None:
    from newsfuse.fuse.discrepancies import stance_disagreement

    def suspected(text: str, lemma: str = "arrest") -> Statement:
        st = statement(text, "a")
        st.stance, st.stance_of = "alleged", lemma
        return st

    base = "Wide receiver Tom Banks was arrested on suspicion of drunk driving in Denver on Saturday."
    for firm in (
        "Wide receiver Tom Banks was arrested for questioning in Denver on Saturday.",
        "Wide receiver Tom Banks was arrested for assault in Denver in 2019.",
        "Wide receiver Tom Banks was not arrested for drunk driving in Denver on Saturday.",
    ):
        assert stance_disagreement([suspected(base), statement(firm, "b")], ["f"]) is None, firm
    denied = suspected("Tom Banks was not arrested on suspicion of drunk driving in Denver on Saturday.")
    assert stance_disagreement([denied, statement("Tom Banks was arrested for drunk driving in Denver.", "b")], ["f"]) is None
    under = suspected("Tom Banks was arrested in Denver on suspicion of driving under the influence.")
    assert stance_disagreement([under, statement("Tom Banks was arrested for drunk driving a week ago.", "b")], ["f"]) is not None
    vote = suspected("The ethics panel voted on allegations of misconduct against Senator Ray Ward.", "vote")
    assert stance_disagreement([vote, statement("The ethics panel voted for a reprimand of Senator Ray Ward.", "b")], ["f"]) is None


def test_a_quoted_predicate_is_not_the_outlets_and_one_sentence_firm_on_its_own_claim() -> None:

    from newsfuse.fuse.discrepancies import stance_disagreement, stance_pairs

    quoted = statement('In a filing, Senator Ray Ward "pocketed the bribes" from a developer near Dayton.', "a")
    alleged = statement("Senator Ray Ward allegedly pocketed the bribes from a developer near Dayton.", "b")
    alleged.stance, alleged.stance_of = "alleged", "pocket"
    assert stance_disagreement([quoted, alleged], ["f"]) is None
    # a sentence firm on the very predicate its clause holds at a distance lends the clause no closeness
    firm, sentence, clause = _firm_and_alleged_clause(
        "Senator Ray Ward visited the Acme steel plant in Toledo on Friday with union leaders.",
        "Senator Ray Ward visited the Acme steel plant in Toledo on Friday, a month after Ward allegedly visited its owner.",
        "Ward allegedly",
        "visit",
    )
    assert stance_pairs([firm, sentence, clause], _sentence_close(0.9)) == []


def test_a_sentence_with_a_step_to_come_is_firm_on_its_other_claims() -> None:
    from newsfuse.fuse.discrepancies import stance_disagreement

    both = statement("The aide forwarded the campaign emails to reporters and is expected to testify next week.", "a")
    both.stance, both.stance_of = "expected", "testify"
    alleged = statement("The aide reportedly forwarded the campaign emails to reporters.", "b")
    alleged.stance, alleged.stance_of = "alleged", "forward"
    d = stance_disagreement([both, alleged], ["f"])
    assert d is not None and {v.value: v.sources for v in d.variants} == {"stated as fact": ["a"], "as an allegation": ["b"]}


def test_a_tentative_deal_relayed_from_one_source_against_a_firm_one() -> None:
    from newsfuse.fuse.discrepancies import stance_disagreement

    firm = statement(
        "The White House said it had reached permanent exemptions for Argentina and Brazil.",
        "a",
        speaker="White House",
        entity="e-wh",
        person=False,
    )
    firm.entities = {"e-ar", "e-br"}
    tentative = statement(
        "The administration said it had struck deals in principle with Argentina and Brazil.", "b", speaker="The administration"
    )
    tentative.stance, tentative.stance_of, tentative.entities = "tentative", "reach", {"e-ar", "e-br"}
    # credited to one source on both sides: they disagree on what it said; one named thing less and it is not one claim
    d = stance_disagreement([firm, tentative], ["f"], related=lambda a, b: False)
    assert d is not None and {v.value: v.sources for v in d.variants} == {"stated as fact": ["a"], "as tentative": ["b"]}
    tentative.entities = {"e-ar"}
    assert stance_disagreement([firm, tentative], ["f"], related=lambda a, b: False) is None
    # rival speakers, or a direct quote, are not one source relayed twice
    rival = statement("Mr. Lee said the deal was permanent for Argentina and Brazil.", "a", speaker="Lee", entity="e-lee", person=True)
    rival.entities = {"e-ar", "e-br"}
    tentative.entities = {"e-ar", "e-br"}
    tentative.speaker, tentative.speaker_entity, tentative.speaker_person = "Kim", "e-kim", True
    assert stance_disagreement([rival, tentative], ["f"], related=lambda a, b: False) is None
    firm.direct = True
    assert stance_disagreement([firm, tentative], ["f"]) is None


def test_a_stance_on_another_predicate_is_no_disagreement() -> None:
    from newsfuse.fuse.discrepancies import stance_disagreement

    fact = statement("The deputy attorney general announced the charges on Friday.", "a")
    furious = statement("Officials were reportedly furious that the charges were announced by the deputy attorney general.", "b")
    furious.stance, furious.stance_of = "alleged", "furious"
    assert stance_disagreement([fact, furious], ["f"]) is None


def test_an_allegation_across_the_story_needs_meaning_a_named_thing_and_the_predicate() -> None:
    import numpy as np

    from newsfuse.fuse.discrepancies import stance_pairs

    firm = statement("Flynn is now cooperating with the investigators.", "a")
    believed = statement("Flynn, who was charged in December, is believed to be cooperating with the inquiry.", "b")
    believed.stance, believed.stance_of = "alleged", "cooperate"
    firm.entities = believed.entities = {"e-flynn"}
    firm.idx, believed.idx = 0, 1
    close = np.array([[1.0, 0.0], [0.7, np.sqrt(1 - 0.49)]], dtype=np.float32)  # cosine 0.7
    (d,) = stance_pairs([firm, believed], close)
    assert d.kind == "wording" and {v.value: v.sources for v in d.variants} == {"stated as fact": ["a"], "as an allegation": ["b"]}
    far = np.array([[1.0, 0.0], [0.5, np.sqrt(1 - 0.25)]], dtype=np.float32)
    assert stance_pairs([firm, believed], far) == []  # not close enough in meaning
    believed.entities = {"e-other"}
    assert stance_pairs([firm, believed], close) == []  # about something else
    believed.entities, believed.stance_of = {"e-flynn"}, ""
    assert stance_pairs([firm, believed], close) == []  # the predicate it doubts is unknown


def test_an_allegation_in_a_side_clause_is_read_in_its_sentence_and_scare_quotes_are_own_words() -> None:

    from newsfuse.fuse.discrepancies import stance_disagreement, stance_pairs

    firm, sentence, clause = _firm_and_alleged_clause(
        "The aide met a lobbyist in June who had promised damaging files on the senator.",
        'In June the aide met a lobbyist, after he allegedly was promised "dirt" on the senator.',
        "he allegedly",
        "promise",
    )
    # the clause alone is far in meaning (cosine 0.4) from the firm sentence; its own sentence is close (0.7)
    (d,) = stance_pairs([firm, sentence, clause], _sentence_close(0.7))
    assert {x.value: x.sources for x in d.variants} == {"stated as fact": ["a"], "as an allegation": ["b"]}
    # a direct quote, or a quotation left open, is the speaker's words, not the outlet's
    quoted = statement('"The aide allegedly took the files," the senator wrote.', "b")
    quoted.stance, quoted.stance_of = "alleged", "take"
    took = statement("The aide took the files from the office.", "a")
    assert stance_disagreement([took, quoted], ["f"]) is None
    opened = statement('The aide allegedly took the files, "which were never returned.', "b")
    opened.stance, opened.stance_of = "alleged", "take"
    assert stance_disagreement([took, opened], ["f"]) is None


def test_two_stated_numbers_are_a_number_disagreement_and_one_number_hedged_apart_a_hedge_one() -> None:
    about150 = statement("about 150 migrants crossed", "a", "about 150", "migrants", "crossed")
    about200 = statement("about 200 migrants crossed", "b", "about 200", "migrants", "crossed")
    assert [d.kind for d in count_disagreements([about150, about200], ["f"])] == ["number"]
    hundreds = statement("hundreds of migrants crossed", "c", "hundreds", "migrants", "crossed")
    few = statement("some 50 migrants crossed", "d", "some 50", "migrants", "crossed")
    assert [d.kind for d in count_disagreements([hundreds, few], ["f"])] == ["hedge"]  # a vague amount


def test_a_source_in_both_groups_parts_them_only_when_it_gives_two_values() -> None:
    from newsfuse.fuse.discrepancies import _one_source_gives_both

    a = statement("about 150 members had begun crossing", "a", "about 150", "members", "crossed")
    b = statement("about 200 migrants prepared to walk", "b", "about 200", "migrants", "crossed")
    other_a = statement("Lawyers went with the group across the border", "a")  # in b's group, no count of people
    assert not _one_source_gives_both(a, b, [a], [b, other_a])
    both = statement("some 200 were waiting", "a", "some 200", "migrants", "crossed")
    assert _one_source_gives_both(a, b, [a], [b, both])  # the same outlet gives 150 and 200: two things


def _evidence(src: str, start: int) -> Evidence:
    """Five characters of source ``src`` from ``start``: evidence for hand-built disagreements."""
    return Evidence(src, src, start, start + 5, "x" * 5)


def test_one_dispute_found_twice_from_other_sentences_is_one_card() -> None:
    from newsfuse.fuse.discrepancies import dedupe
    from newsfuse.model import Discrepancy, Variant

    ev = _evidence
    one = Discrepancy(
        "d1", "number", "disputed: number", [Variant("24", ["a"], [ev("a", 0)]), Variant("Five", ["b"], [ev("b", 0)])], ["f1"]
    )
    two = Discrepancy(
        "d2",
        "number",
        "disputed: number",
        [Variant("24 / at least 24", ["a", "c"], [ev("a", 50), ev("c", 0)]), Variant("five", ["b"], [ev("b", 80)])],
        ["f2"],
    )
    other = Discrepancy(
        "d3", "number", "disputed: number", [Variant("12", ["a"], [ev("a", 9)]), Variant("18", ["b"], [ev("b", 9)])], ["f3"]
    )
    out = dedupe([one, two, other])
    assert len(out) == 2
    merged = next(d for d in out if d.id in {"d1", "d2"})
    assert {v.value.lower() for v in merged.variants} == {"24 / at least 24", "five"}
    assert sorted(merged.facts) == ["f1", "f2"] and sum(len(v.evidence) for v in merged.variants) == 5


def test_stance_pairs_join_only_on_one_sentence_shown_with_one_value() -> None:
    from newsfuse.fuse.discrepancies import _merge_pairwise
    from newsfuse.model import Discrepancy, Variant

    ev = _evidence
    fact, alleged, copy = ev("a", 0), ev("b", 0), ev("c", 0)
    d1 = Discrepancy("d1", "wording", "x", [Variant("stated as fact", ["a"], [fact]), Variant("as an allegation", ["b"], [alleged])])
    d2 = Discrepancy("d2", "wording", "x", [Variant("stated as fact", ["a"], [fact]), Variant("as an allegation", ["c"], [copy])])
    # the same sentence firm on one claim and still to come on another: two disagreements
    d3 = Discrepancy("d3", "wording", "x", [Variant("as still to come", ["a"], [fact]), Variant("stated as fact", ["b"], [ev("b", 50)])])
    out = _merge_pairwise([d1, d2, d3], by_value=True)
    assert len(out) == 2 and {v.value: v.sources for v in out[0].variants} == {"stated as fact": ["a"], "as an allegation": ["b", "c"]}


def test_a_reported_accusation_is_no_firm_side_against_an_allegation() -> None:
    from newsfuse.fuse.discrepancies import stance_disagreement

    alleged = statement("Fans allegedly damaged the referee's car after the match.", "a")
    alleged.stance, alleged.stance_of = "alleged", "damage"
    accusing = statement("The referee accused fans of damaging his car after the match.", "b")
    assert stance_disagreement([accusing, alleged], ["f"]) is None
    firm = statement("Fans damaged the referee's car after the match.", "c")
    d = stance_disagreement([firm, alleged], ["f"])
    assert d is not None and d.kind == "wording"


def test_two_minimums_of_different_figures_are_two_tallies() -> None:
    ten = statement("at least 10 people were killed", "a", "at least 10", "people", "killed")
    many = statement("at least 24 people were killed", "b", "at least 24", "people", "killed")
    assert [d.kind for d in count_disagreements([ten, many], ["f"])] == ["number"]
    bam = statement("more than 26,000 people died", "c", "more than 26,000", "people", "died")
    bam2 = statement("more than 31,000 people died", "d", "more than 31,000", "people", "died")
    assert [d.kind for d in count_disagreements([bam, bam2], ["f"])] == ["number"]
    # a minimum and a figure above it agree, and so do two minimums a rounding apart
    over = statement("more than 200 people were injured", "e", "more than 200", "people", "injured")
    exact = statement("249 people were injured", "f", "249", "people", "injured")
    close = statement("over 210 people were injured", "g", "over 210", "people", "injured")
    assert count_disagreements([over, exact, close], ["f"]) == []


def test_a_dispute_sharing_one_variant_with_another_is_one_card() -> None:
    from newsfuse.fuse.discrepancies import dedupe
    from newsfuse.model import Discrepancy, Variant

    ev = _evidence
    toll = Discrepancy(
        "d1", "number", "disputed: number", [Variant("at least three", ["a"], [ev("a", 0)]), Variant("24", ["b"], [ev("b", 0)])], ["f1"]
    )
    early = Discrepancy(
        "d2",
        "number",
        "disputed: number",
        [Variant("at least one", ["c"], [ev("c", 0)]), Variant("at least three", ["a"], [ev("a", 40)])],
        ["f2"],
    )
    # the same figure from another outlet is no link: "three" may count another thing there
    other = Discrepancy(
        "d3", "number", "disputed: number", [Variant("three", ["d"], [ev("d", 9)]), Variant("seven", ["e"], [ev("e", 9)])], ["f3"]
    )
    out = dedupe([toll, early, other])
    assert len(out) == 2
    merged = next(d for d in out if d.id in {"d1", "d2"})
    assert {v.value for v in merged.variants} == {"at least three", "24", "at least one"}


def test_a_second_count_of_another_state_is_compared_too() -> None:
    from newsfuse.fuse.discrepancies import other_counts

    text = "The quake killed at least three people and injured dozens more in the province."
    a = statement(text, "a", "at least three", "people", "killed")
    start = text.index("dozens")
    a.quantities.append(
        Span(
            start,
            start + 6,
            "CARDINAL",
            "test@1",
            {"low": 24.0, "high": 99.0, "hedge": "exact", "value": None, "counted": "people", "state": "injured", "state_lemmas": []},
        )
    )
    (view,) = other_counts(a)
    assert view.main is a.quantities[1] and view.text == a.text and view.idx == a.idx
    b = statement("Officials said more than 200 people were injured by the quake.", "b", "more than 200", "people", "injured")
    assert _across(a, b) == ["hedge"]  # dozens against a stated number of the injured
    c = statement("The quake killed at least three people, officials said.", "c", "at least three", "people", "killed")
    assert other_counts(c) == [] and _across(a, c) == []


def test_a_month_long_past_that_dates_the_sentence_is_history() -> None:
    from datetime import date

    from newsfuse.fuse.discrepancies import _background

    def dated(text: str, **attrs: object) -> Statement:
        st = statement(text, "a", "Hundreds" if text.startswith("Hundreds") else "hundreds", "people", "killed")
        st.times.append(Span(0, 1, "time", "test@1", {"value": "2005-02", "precision": "month", **attrs}))
        st.article.meta.published = date(2005, 11, 28)
        return st

    assert _background(dated("A quake hit Zarand in February, killing hundreds of people.", expr="in February"))
    assert not _background(dated("Hundreds of people have fled since the fighting began in February.", expr="since February"))
    assert not _background(dated("Hundreds of people fled after the dam broke in February.", expr="in February", subordinate=True))


def test_a_day_two_months_back_dates_another_event() -> None:
    from datetime import date

    from newsfuse.fuse.discrepancies import _background

    def on(day: str) -> Statement:
        st = statement(f"On {day}, a quake in the south killed 12 people.", "a", "12", "people", "killed")
        value = {"April 20": "2013-04-20", "June 20": "2013-06-20"}[day]
        st.times.append(Span(3, 3 + len(day), "time", "test@1", {"expr": day, "value": value, "precision": "day", "basis": "published"}))
        st.article.meta.published = date(2013, 7, 2)
        return st

    assert _background(on("April 20")) and not _background(on("June 20"))


def test_a_person_and_a_body_credited_with_one_statement_are_no_rivals() -> None:
    from newsfuse.fuse.discrepancies import attribution_disagreement

    words = "will pay $281 million of the price in cash"
    person = statement(f"AMD {words}, Lu said.", "a", speaker="Lu", entity="e-lu")
    body = statement(f"AMD {words}, AMD said.", "b", speaker="AMD", entity="e-amd", person=False)
    other = statement(f"AMD {words}, Su said.", "c", speaker="Su", entity="e-su")
    assert attribution_disagreement([person, body], ["f"]) is None  # Lu may speak for AMD
    d = attribution_disagreement([person, other], ["f"])
    assert d is not None and {v.value for v in d.variants} == {"Lu", "Su"}


def test_a_clause_is_dated_by_its_sentence() -> None:
    from datetime import date

    from newsfuse.fuse.discrepancies import _background

    text = "In 2007, three thieves in less than two minutes had escaped with 11m euros of watches."
    clause = statement(text, "a", "11m", "euros", "escaped")
    start = text.index("in less")
    clause.start, clause.kind, clause.parent = start, "clause", (0, len(text))
    clause.article.set_spans("times", [Span(3, 7, "time", "test@1", {"expr": "2007", "value": "2007", "precision": "year"})])
    clause.article.meta.published = date(2013, 9, 9)
    assert not clause.times and _background(clause)


def test_a_part_of_a_group_that_names_what_something_is_counts_nothing() -> None:
    two = statement("The cut hit Etisalat and LINKdotNET, two of Egypt's largest providers.", "a", "two", "providers", "hit")
    three = statement("The cut hit the country's three providers.", "b", "three", "providers", "hit")
    one = statement("This morning one of the Wits providers, SEACOM, had an outage.", "c", "one", "providers", "hit")
    assert count_disagreements([two, three], ["f"]) == [] and count_disagreements([one, three], ["f"]) == []
    part = statement("About 150 of the caravan's members crossed the border.", "d", "About 150", "members", "crossed")
    whole = statement("About 200 migrants crossed the border.", "e", "About 200", "migrants", "crossed")
    assert [d.kind for d in count_disagreements([part, whole], ["f"])] == ["number"]  # those who crossed, counted


def test_a_vague_size_orders_of_magnitude_from_a_number_sizes_another_thing() -> None:
    ten = statement("Ten people were killed on the island.", "a", "Ten", "people", "killed")
    bam = statement("Bam was destroyed by a quake that killed tens of thousands.", "b", "tens of thousands", "people", "killed")
    assert count_disagreements([ten, bam], ["f"]) == []
    many = statement("Hundreds of thousands of people signed the petition.", "c", "Hundreds of thousands", "people", "signed")
    stated = statement("1.8 million people signed the petition.", "d", "1.8 million", "people", "signed")
    assert [d.kind for d in count_disagreements([many, stated], ["f"])] == ["hedge"]  # near enough to be one count


def test_no_one_harmed_against_a_toll() -> None:
    from newsfuse.fuse.statements import first_count

    text = "Aid workers said no one was killed in the raid."
    none = statement(text, "a")
    start = text.index("no one")
    zero = {"low": 0.0, "high": 0.0, "hedge": "exact", "value": 0.0, "counted": "people", "state": "killed", "state_lemmas": ["kill"]}
    none.quantities = [Span(start, start + len("no one was killed"), "CARDINAL", "test@1", zero)]
    none.main = first_count(none.quantities)
    toll = statement("An official said 12 people were killed in the raid.", "b", "12", "people", "killed")
    (d,) = count_disagreements([none, toll], ["f"])
    assert d.kind == "number" and {v.value for v in d.variants} == {"no one was killed", "12"}


def test_a_zero_count_against_a_toll_across_facts_and_an_outlet_relaying_both_accounts() -> None:
    import numpy as np

    from newsfuse.fuse.discrepancies import _one_source_gives_both, across
    from newsfuse.fuse.statements import first_count

    text = "Aid workers said no one was killed in the raid."
    none = statement(text, "a", speaker="aid workers")
    start = text.index("no one")
    zero = {"low": 0.0, "high": 0.0, "hedge": "exact", "value": 0.0, "counted": "people", "state": "killed", "state_lemmas": ["kill"]}
    none.quantities = [Span(start, start + len("no one was killed"), "CARDINAL", "test@1", zero)]
    none.main = first_count(none.quantities)
    toll = statement("A local official said at least 12 people were killed.", "b", "at least 12", "people", "killed", speaker="an official")
    vecs = np.zeros((max(none.idx, toll.idx) + 1, 2))
    vecs[none.idx], vecs[toll.idx] = (1.0, 0.0), (0.3, float(np.sqrt(1 - 0.09)))  # few words in common
    got = across(["f1", "f2"], {"f1": [none], "f2": [toll]}, vecs, specific=lambda x, y: 1.0)
    assert [d.kind for d in got] == ["number"]
    # an outlet that relays both accounts, each from its speaker, does not tell two things apart
    also = statement("An official said 12 people were killed.", "a", "12", "people", "killed", speaker="Miabek Lang", entity="e-lang")
    assert not _one_source_gives_both(none, toll, [none], [toll, also])
    same_voice = statement("Aid workers said 12 people were killed.", "a", "12", "people", "killed", speaker="aid workers")
    assert _one_source_gives_both(none, toll, [none], [toll, same_voice])


def test_counts_of_what_two_named_people_did_are_two_things() -> None:
    a = statement("Echenique grabbed 11 rebounds in the second half.", "a", "11", "rebounds", "grabbed")
    b = statement("McDermott grabbed seven rebounds in the second half.", "b", "seven", "rebounds", "grabbed")
    a.people, b.people = {"e-echenique"}, {"e-mcdermott"}
    assert _across(a, b) == [] and count_disagreements([a, b], ["f"]) == []
    b.people = {"e-echenique"}  # the same player given two totals
    assert _across(a, b) == ["number"]


def test_a_clause_and_a_he_sentence_are_about_the_people_before_them() -> None:
    from newsfuse.fuse.statements import _link_continuations
    from tests.conftest import make_article

    text = "Echenique scored 11 points and grabbed 11 rebounds. He blocked six shots."
    art = make_article(text, "a")
    first_end = text.index(".") + 1
    first = Statement(0, art, 0, first_end, text[:first_end], people={"e-echenique"})
    clause = Statement(1, art, text.index("grabbed"), first_end - 1, "grabbed 11 rebounds", kind="clause", parent=(0, first_end))
    he = Statement(2, art, first_end + 1, len(text), text[first_end + 1 :])
    _link_continuations([first, clause, he])
    assert clause.people == {"e-echenique"} and he.people == {"e-echenique"}


def test_scores_records_and_numbers_made_into_describing_words_count_nothing() -> None:
    record = statement("He led the club to a 162-139 record in Port Alder.", "a", "162", "record", "led")
    other = statement("His squad finished the season with a 50-32 record.", "b", "50", "record", "finished")
    assert count_disagreements([record, other], ["f"]) == []
    five = statement("Cheeks is also a five-time NBA All-Defensive honoree.", "c", "five", "honoree", "is")
    four = statement("Cheeks was a four-time NBA all-star with the Sixers.", "d", "four", "all-star", "was")
    assert count_disagreements([five, four], ["f"]) == []
    # a range runs upwards, and is a count
    some = statement("Between 10-15 people were hurt in the crash.", "e", "10-15", "people", "hurt")
    many = statement("About 40 people were hurt in the crash.", "f", "About 40", "people", "hurt")
    assert [d.kind for d in count_disagreements([some, many], ["f"])] == ["hedge"]  # a range against a number
    # one thing sized by one unit in two sources is one measure: the oath's length in words
    oath = statement("Trump took the 35-word oath at noon.", "g", "35", "word", "took")
    other_oath = statement("Roberts administered the 38-word oath at 12:00 p.m.", "h", "38", "word", "administered")
    assert [d.kind for d in count_disagreements([oath, other_oath], ["f"])] == ["number"]


def test_two_earlier_events_of_different_years_are_two_things() -> None:
    from datetime import date

    def told(text: str, count: str, when: str, **kw: Any) -> Statement:
        st = statement(text, kw.pop("source"), count, "people", "killed")
        st.times.append(Span(0, 1, "time", "test@1", {"expr": when, "value": when, "precision": "month"}))
        st.article.meta.published = date(2005, 11, 28)
        return st

    bam = told("In December 2003 more than 31,000 people were killed by a quake in Bam.", "more than 31,000", "2003-12", source="a")
    bam2 = told("In December 2003 more than 26,000 people were killed by a quake in Bam.", "more than 26,000", "2003-12", source="b")
    zarand = told("In February 2005 a quake killed 612 people in Zarand.", "612", "2005-02", source="c")
    assert [d.kind for d in count_disagreements([bam, bam2], ["f"])] == ["number"]  # one earlier quake, two tolls
    assert count_disagreements([bam, zarand], ["f"]) == []


def test_a_strength_is_a_measure_not_the_count() -> None:
    from newsfuse.fuse.statements import first_count

    text = "A 6.7-strength tremor in the hills killed more than 26,000 people."
    st = statement(text, "a", "6.7", "strength")
    start = text.index("more than")
    st.quantities.append(Span(start, start + 16, "CARDINAL", "test@1", {"value": 26000.0, "counted": "people", "state": "killed"}))
    assert first_count(st.quantities) is st.quantities[1]


def test_a_game_statistic_needs_one_named_player_on_both_sides() -> None:
    a = statement("Dorsey finished with 31 carries.", "a", count="31", counted="carries")
    b = statement("He had 12 carries against Fresno.", "b", count="12", counted="carries")
    assert count_disagreements([a, b], ["f"]) == []  # "he" may be another player, in another game
    a.people, b.people = {"e-dorsey"}, {"e-dorsey"}
    assert count_disagreements([a, b], ["f"]) == []  # his line in the game against Fresno, not this one's
    b = statement("He had 12 carries in the win.", "b", count="12", counted="carries")
    b.people = {"e-dorsey"}
    assert [d.kind for d in count_disagreements([a, b], ["f"])] == ["number"]  # one player's line, given twice
    a = statement("Dorsey had 31 carries against Fresno.", "a", count="31", counted="carries")
    b = statement("Dorsey had 12 carries against the Fresno defence.", "b", count="12", counted="carries")
    a.people, b.people = {"e-dorsey"}, {"e-dorsey"}
    assert [d.kind for d in count_disagreements([a, b], ["f"])] == ["number"]  # one game named by both
    c = statement("Police said 31 people were hurt.", "c", count="31", counted="people")
    d = statement("Officials said 12 people were hurt.", "d", count="12", counted="people")
    assert [x.kind for x in count_disagreements([c, d], ["f"])] == ["number"]  # other counts need no name


def test_points_scored_by_a_part_of_a_game_or_against_a_margin_are_other_things() -> None:
    def line(text: str, source: str, count: str, people: set[str]) -> Statement:
        st = statement(text, source, count=count, counted="points")
        st.people = people
        return st

    whole = line("Artino scored 14 points off the bench.", "a", "14", {"e-a"})
    half = line("Artino picked up the slack in the first half as he scored seven points.", "b", "seven", {"e-a"})
    assert count_disagreements([whole, half], ["f"]) == []  # seven of his 14 came in the first half
    margin = line("The Bulldogs cut the lead to 3 points with Artino on the bench.", "c", "3", {"e-a"})
    assert count_disagreements([whole, margin], ["f"]) == []  # a margin, not his points
    have = line("Artino and Echenique have 14 and nine points.", "f", "14", {"e-a"})
    assert count_disagreements([margin, have], ["f"]) == []  # "have 14 points" is scored, the 3 a margin
    again = line("Artino had 12 points off the bench.", "d", "12", {"e-a"})
    assert [d.kind for d in count_disagreements([whole, again], ["f"])] == ["number"]  # his line, given twice
    mcdermott = line("McDermott scored 23 points.", "e", "23", {"e-m"})
    assert count_disagreements([whole, mcdermott], ["f"]) == []  # two players


def test_leads_at_other_moments_and_a_part_of_a_players_points_are_not_his_points() -> None:
    def line(text: str, source: str, count: str) -> Statement:
        st = statement(text, source, count=count, counted="points")
        st.people = {"e-a"}
        return st

    cut = line("The Bulldogs twice cut the lead to 3 points midway through the second half, with Artino resting.", "a", "3")
    grew = line("While Artino was in, the lead grew as great as 9 points.", "b", "9")
    assert count_disagreements([cut, grew], ["f"]) == []  # the lead at two moments of the game
    part = line("Five of Artino's points came in a 7-0 run.", "c", "Five")
    assert count_disagreements([grew, part], ["f"]) == []
    total = line("Artino had 12 points off the bench.", "d", "12")
    assert count_disagreements([part, total], ["f"]) == []  # five of his 12
    led = line("Artino led all scorers, scoring 20 points.", "g", "20")
    assert [d.kind for d in count_disagreements([led, total], ["f"])] == ["number"]  # his points, not a lead: 20 vs 12
    poll = line("Artino leads by 5 points in the poll.", "e", "5")
    other = line("Artino leads by 3 points in the poll.", "f", "3")
    assert [d.kind for d in count_disagreements([poll, other], ["f"])] == ["number"]  # one lead, given twice


def test_points_a_player_has_are_the_count_not_a_measure() -> None:
    from newsfuse.fuse.statements import first_count

    text = "Artino now has 2,029 points in 106 games."
    st = statement(text, "a", "2,029", "points")
    at = text.index("106")
    st.quantities.append(Span(at, at + 3, "CARDINAL", "test@1", {"value": 106.0, "counted": "games"}))
    assert first_count(st.quantities) is st.quantities[0]
    text = "The index fell 2.5 points after 40 companies reported."
    st = statement(text, "a", "2.5", "points")
    at = text.index("40")
    st.quantities.append(Span(at, at + 2, "CARDINAL", "test@1", {"value": 40.0, "counted": "companies"}))
    assert first_count(st.quantities) is st.quantities[1]  # a fraction of a point is a scale's reading
    text = "The index fell 200 points after 40 companies reported."
    st = statement(text, "a", "200", "points")
    st.quantities[0] = Span(
        st.quantities[0].start, st.quantities[0].end, "CARDINAL", "test@1", {**st.quantities[0].attrs, "state_lemmas": ["fall"]}
    )
    at = text.index("40")
    st.quantities.append(Span(at, at + 2, "CARDINAL", "test@1", {"value": 40.0, "counted": "companies"}))
    assert first_count(st.quantities) is st.quantities[1]  # what an index does by points is a reading too


def test_a_players_line_is_the_first_named_players() -> None:
    def line(text: str, source: str, count: str, players: list[tuple[str, str]]) -> Statement:
        st = statement(text, source, count=count, counted="rebounds")
        for name, ent in players:
            at = text.index(name)
            st.article.spans.setdefault("mentions", []).append(Span(at, at + len(name), "PERSON", "test@1", {"entity": ent}))
        st.people = {ent for _, ent in players}
        return st

    artino = line("Artino complemented Echenique inside by adding six rebounds.", "a", "six", [("Artino", "e-a"), ("Echenique", "e-e")])
    echenique = line("Echenique had 11 rebounds for Creighton.", "b", "11", [("Echenique", "e-e")])
    assert count_disagreements([artino, echenique], ["f"]) == []  # Artino's six, Echenique's 11: two lines
    again = line("Echenique, helped by Artino, pulled down nine rebounds.", "c", "nine", [("Echenique", "e-e"), ("Artino", "e-a")])
    assert [d.kind for d in count_disagreements([echenique, again], ["f"])] == ["number"]  # one player's line, twice


def test_a_first_given_name_the_entity_model_left_out_is_no_namesake() -> None:
    import numpy as np

    from newsfuse.fuse.discrepancies import namesake_disagreement

    a = statement("Rep. Dara Ruiz won the race for vice chair, defeating Barbara Lee.", "a")
    b = statement("In a narrow victory, Dara Joy Ruiz defeated Barbara Lee to become vice chair.", "b")
    persons = {"e-a": "Dara Ruiz", "e-b": "Joy Ruiz", "e-lee": "Barbara Lee"}
    a.entities, b.entities = {"e-a", "e-lee"}, {"e-b", "e-lee"}
    at = b.text.index("Joy Ruiz")
    b.article.spans["mentions"] = [Span(at, at + 8, "PERSON", "test@1", {"entity": "e-b"})]  # "Dara" left out
    vecs = np.ones((max(a.idx, b.idx) + 1, 1))
    assert namesake_disagreement([a, b], ["f"], persons, vecs) is None
    b2 = statement("In a narrow victory, Joy Ruiz defeated Barbara Lee to become vice chair.", "b")
    b2.entities = {"e-b", "e-lee"}
    b2.article.spans["mentions"] = [Span(21, 29, "PERSON", "test@1", {"entity": "e-b"})]
    vecs = np.ones((max(a.idx, b2.idx) + 1, 1))
    assert namesake_disagreement([a, b2], ["f"], persons, vecs) is not None  # two given names: namesakes


def test_two_stated_numbers_far_apart_count_two_things() -> None:
    game = statement("McDermott scored 23 points on Friday.", "a", "23", "points", "scored")
    career = statement("McDermott now has 2,129 points, a school record.", "b", "2,129", "points", "has")
    assert count_disagreements([game, career], ["f"]) == []  # a game's points and a career's
    other = statement("McDermott scored 21 points on Friday.", "c", "21", "points", "scored")
    game.people, other.people = {"e-m"}, {"e-m"}  # points scored are a player's line: one named player on both sides
    assert [d.kind for d in count_disagreements([game, other], ["f"])] == ["number"]


def test_each_side_of_a_count_disagreement_shows_every_outlet_that_gives_it() -> None:
    import numpy as np

    from newsfuse.fuse.discrepancies import complete_counts
    from newsfuse.model import Discrepancy, Variant

    a = statement("Three gantry cranes collapsed at the terminal.", "a", count="Three", counted="gantry cranes", state="collapsed")
    b = statement("All four cranes collapsed in the storm.", "b", count="four", counted="cranes", state="collapsed")
    c = statement("An inquiry will look at why three cranes collapsed.", "c", count="three", counted="cranes", state="collapsed")
    d = statement("About three cranes collapsed, the union said.", "d", count="About three", counted="cranes", state="collapsed")
    both = [
        statement("Three cranes collapsed, the mayor said.", "e", count="Three", counted="cranes", state="collapsed"),
        statement("Later reports said four cranes collapsed.", "e", count="four", counted="cranes", state="collapsed"),
    ]
    far = statement("Elsewhere three cranes collapsed at a shipyard last spring.", "f", count="three", counted="cranes", state="collapsed")
    boats = statement("Three harbour cranes collapsed, too.", "g", count="Three", counted="harbour cranes", state="collapsed")
    sts = [a, b, c, d, *both, far, boats]
    for i, st in enumerate(sts):
        st.idx = i
    vectors = np.zeros((len(sts), len(sts) + 1), dtype=np.float32)
    vectors[:, 0] = np.sqrt(0.6)
    vectors[:, 1:] = np.eye(len(sts)) * np.sqrt(0.4)  # every pair this alike in meaning (0.6) ...
    vectors[far.idx] = np.eye(len(sts) + 1)[far.idx + 1]  # ... but the shipyard's sentence, alike to none

    def side(st: Statement, value: str) -> Variant:
        return Variant(value, [st.source], [Evidence.of(st.article, st.start, st.end)])

    disc = Discrepancy("x", "number", "disputed: number", [side(a, "Three"), side(b, "four")], [])
    complete_counts([disc], sts, vectors)
    # c gives a's figure of the same things; d hedges it ("about"), another claim; e gives both figures; f is far in
    # meaning; g counts other cranes ("harbour cranes" is no part of "gantry cranes" nor the other way)
    assert [(v.value, v.sources) for v in disc.variants] == [("Three", ["a", "c"]), ("four", ["b"])]
    assert disc.variants[0].evidence[1].text == c.text


def test_a_day_set_on_a_telling_is_a_day_of_saying() -> None:
    said = statement("The mayor said on Monday that the levy could fail.", "a")
    told = statement("The mayor admitted the levy could fail in an interview Tuesday.", "b")
    for st, day, verb in ((said, "2012-04-23", "say"), (told, "2012-04-24", "interview")):
        st.times.append(Span(0, 1, "time", "test@1", {"expr": "x", "value": day, "precision": "day", "verb": verb, "basis": "published"}))
    d = date_disagreement([said, told], ["f"])
    assert d is not None and {v.value for v in d.variants} == {"2012-04-23", "2012-04-24"}


def test_a_tally_over_a_range_of_months_is_compared_across_facts_as_a_second_count() -> None:
    from dataclasses import replace
    from datetime import date

    from newsfuse.fuse.discrepancies import _background, other_counts

    text = "The navy launched 40 rockets in 12 trials between March and October 2019, its log says."
    a = statement(text, "a", "40", "rockets", "launched", period="between March and October 2019")
    main = a.quantities[0]
    at = text.index("12")
    tests = replace(
        main, start=at, end=at + 2, attrs={**main.attrs, "low": 12.0, "high": 12.0, "value": 12.0, "counted": "trials", "state": None}
    )
    a.quantities.append(tests)
    for word, value in (("March", "2019-03"), ("October 2019", "2019-10")):
        at = text.index(word)
        a.times.append(Span(at, at + len(word), "time", "test@1", {"expr": word, "value": value, "precision": "month"}))
    b = statement("The navy ran over 20 rocket trials last year, officers said.", "b", "over 20", "rocket trials", period="last year")
    for st in (a, b):
        st.article.meta.published = date(2020, 4, 21)
    assert not _background(a)  # the range a tally covers dates no past event
    assert [main_quantity_text(v) for v in other_counts(a)] == ["12"]  # the trials, over the stated period
    assert _across(a, b) == ["number"]
    untimed = replace(tests, attrs={**tests.attrs, "period": None})
    a.quantities[1] = untimed
    assert other_counts(a) == []  # a second count of a thing the reading cannot class, over no period: left alone


def main_quantity_text(st: Statement) -> str:
    from newsfuse.fuse.statements import main_quantity

    q = main_quantity(st)
    assert q is not None
    return st.article.span_text(q)


def _back(
    st: Statement, words: str, days: tuple[float, float], unit: str = "week", hedge: str = "exact", published: str | None = "2021-05-10"
) -> Statement:
    """``st`` with one time counted back from its report ("about two weeks ago": ``days`` its low and high)."""
    from datetime import date

    at = st.text.index(words)
    duration = {"days_low": days[0], "days_high": days[1], "unit": unit, "hedge": hedge, "relation": "ago"}
    st.times.append(Span(at, at + len(words), "time", "test@1", {"expr": words, "duration": duration, "value": None, "precision": "week"}))
    st.article.meta.published = date.fromisoformat(published) if published else None
    return st


def test_one_event_told_as_two_and_three_weeks_ago_is_a_number_disagreement() -> None:
    from newsfuse.fuse.discrepancies import ago_disagreement

    two = _back(
        statement("The ferry's new captain took command about two weeks ago.", "a"), "about two weeks ago", (12.6, 15.4), hedge="about"
    )
    text = "The captain, who took charge about three weeks ago, steered the ferry out."
    three = _back(statement(text, "b"), "about three weeks ago", (18.9, 23.1), hedge="about")
    d = ago_disagreement([two, three], ["f"])
    assert d is not None and d.kind == "number"
    assert {v.value: v.sources for v in d.variants} == {"about two weeks ago": ["a"], "about three weeks ago": ["b"]}
    later = _back(statement(text, "c"), "about three weeks ago", (18.9, 23.1), hedge="about", published="2021-05-17")
    assert ago_disagreement([two, later], ["f"]) is None  # written a week later: the same days
    undated = _back(statement(text, "c"), "about three weeks ago", (18.9, 23.1), hedge="about", published=None)
    assert ago_disagreement([two, undated], ["f"]) is None  # its days would be the reading's guess
    # an outlet that also gives the other's time is telling two events apart
    also = _back(statement("His deputy arrived about three weeks ago.", "a"), "about three weeks ago", (18.9, 23.1), hedge="about")
    assert ago_disagreement([two, three, also], ["f"]) is None
    twice = _back(
        statement("He joined the crew six years ago and took command two weeks ago.", "g"), "six years ago", (2191.5, 2191.5), "year"
    )
    _back(twice, "two weeks ago", (14.0, 14.0))
    assert ago_disagreement([twice, three], ["f"]) is None  # two times in one sentence: which one is the fact's is unknown


def test_times_counted_back_are_rounded_to_their_unit_and_each_side_shows_its_words() -> None:
    from newsfuse.fuse.discrepancies import ago_disagreement

    def took(source: str, words: str, days: float, unit: str = "week", hedge: str = "exact", published: str = "2021-05-10") -> Statement:
        return _back(statement(f"He took command {words}.", source), words, (days, days), unit, hedge, published)

    two = took("a", "two weeks ago", 14.0)
    assert ago_disagreement([two, took("b", "about two weeks ago", 14.0, hedge="about")], ["f"]) is None
    assert ago_disagreement([two, took("b", "15 days ago", 15.0, "day")], ["f"]) is None  # days are compared as days
    d = ago_disagreement([two, took("b", "three weeks ago", 21.0), took("c", "22 weeks ago", 154.0, published="2021-09-20")], ["f"])
    assert d is not None  # "two" and "three weeks ago" only touch; 22 weeks before September is three before May
    assert {v.value: v.sources for v in d.variants} == {"two weeks ago": ["a"], "three weeks ago / 22 weeks ago": ["b", "c"]}


def test_a_time_in_a_side_clause_dates_the_clause_not_the_sentence() -> None:
    from dataclasses import replace

    from newsfuse.fuse.discrepancies import ago_disagreement

    two = _back(statement("The captain took command two weeks ago.", "a"), "two weeks ago", (14.0, 14.0))
    whole = _back(statement("The captain, who moved here five years ago, took command.", "b"), "five years ago", (1826.25, 1826.25), "year")
    whole.times[0] = replace(whole.times[0], attrs={**whole.times[0].attrs, "subordinate": True})
    assert ago_disagreement([two, whole], ["f"]) is None
    clause = clause_of(whole, "who moved", 99)
    clause.times = list(whole.times)
    assert ago_disagreement([two, clause], ["f"]) is not None


def test_a_dispute_of_how_long_ago_does_not_hide_one_of_a_count() -> None:
    from newsfuse.fuse.discrepancies import AGO_SUMMARY, dedupe

    a = statement("Three people died in the crash two weeks ago.", "a", "Three", "people", "died")
    b = statement("Four people died in the crash five weeks ago.", "b", "Four", "people", "died")
    (count,) = count_disagreements([a, b], ["f"])
    ago = replace_summary(count, AGO_SUMMARY)
    assert len(dedupe([ago, count])) == 2
    assert len(dedupe([count, replace_summary(count, "disputed: number")])) == 1


def replace_summary(d: Any, summary: str) -> Any:
    from dataclasses import replace

    return replace(d, summary=summary, id=d.id + "x")


def test_the_worst_hurt_are_a_part_of_the_hurt_not_a_rival_count() -> None:
    from newsfuse.fuse.discrepancies import _same_state

    serious = statement("Around 30 people were seriously injured.", "a", "Around 30", "people", "seriously injured")
    hurt = statement("Over 200 people were injured.", "b", "Over 200", "people", "injured")
    assert not _same_state(serious, hurt) and within("f", [serious, hurt]) == []
    none = statement("Zero people were seriously injured.", "c", "Zero", "people", "seriously injured")
    assert not _same_state(none, hurt)  # none of the worst hurt says nothing of the hurt
    forty = statement("Forty people were seriously injured.", "d", "Forty", "people", "seriously injured")
    assert [d.kind for d in within("f", [serious, forty])] == ["number"]


def test_a_count_set_apart_from_every_rival_is_on_no_side() -> None:
    three = statement("Three people died in the quake in Aceh.", "a", "Three", "people", "died")
    five = statement("Five people died in the quake in Aceh.", "b", "Five", "people", "died")
    elsewhere = statement("Zero people died in a quake in Maluku.", "c", "Zero", "people", "died")
    three.places, five.places, elsewhere.places = {"e-aceh"}, {"e-aceh"}, {"e-maluku"}
    (d,) = count_disagreements([three, five, elsewhere], ["f"])
    assert {v.value for v in d.variants} == {"Three", "Five"}  # none in another place is no side
    also_five = statement("The quake in Aceh killed five people.", "d", "five", "people", "killed")
    also_five.places = {"e-aceh"}
    (d,) = count_disagreements([three, five, also_five], ["f"])
    assert {s for v in d.variants for s in v.sources} == {"a", "b", "d"}  # who gives a side's figure stays on it


def test_two_disputes_of_the_same_sentences_about_different_things_both_stand() -> None:
    from newsfuse.fuse.discrepancies import dedupe
    from newsfuse.model import Discrepancy, Variant

    a = Evidence("x", "a", 0, 40, "Crews fought it for six hours, Voss, 52, said.")
    b = Evidence("y", "b", 0, 44, "Crews fought it for eight hours, said Voss, 53.")
    hours = Discrepancy(
        "d1", "number", "disputed: number (length of time)", [Variant("six hours", ["a"], [a]), Variant("eight hours", ["b"], [b])]
    )
    age = Discrepancy("d2", "number", "disputed: number (age of Voss)", [Variant("52", ["a"], [a]), Variant("53", ["b"], [b])])
    again = Discrepancy("d3", "number", "disputed: number", [Variant("six hours", ["a"], [a]), Variant("eight hours", ["b"], [b])])
    assert [d.id for d in dedupe([hours, age])] == ["d1", "d2"]
    assert [d.id for d in dedupe([hours, again])] == ["d1"]  # the same values in the same sentences: shown once
    dead = Discrepancy("d4", "number", "disputed: number", [Variant("four", ["a"], [a]), Variant("five", ["b"], [b])])
    hurt = Discrepancy("d5", "number", "disputed: number", [Variant("seven", ["a"], [a]), Variant("nine", ["b"], [b])])
    assert [d.id for d in dedupe([dead, hurt])] == ["d4", "d5"]  # two counts of the same sentences, alike in summary


def test_a_day_guessed_for_an_undated_report_raises_no_date_disagreement() -> None:
    dated = statement("The council met on Monday.", "a", dates=["2025-03-03"])
    undated = statement("The council met on Monday.", "b")
    # "Monday" of a report without a date, resolved against the story's other reports: the reading's guess
    undated.times.append(Span(20, 26, "time", "test@1", {"expr": "Monday", "value": "2025-03-17", "precision": "day", "basis": "story"}))
    assert date_disagreement([dated, undated], ["f"]) is None
    written = statement("The council met on March 17.", "b")
    written.times.append(Span(19, 27, "time", "test@1", {"expr": "March 17", "value": "2025-03-17", "precision": "day", "basis": "story"}))
    assert date_disagreement([dated, written], ["f"]) is not None  # a day written out is the outlet's own
    friday = statement("The council met on Friday.", "b")
    friday.times.append(Span(19, 25, "time", "test@1", {"expr": "Friday", "value": "2025-03-14", "precision": "day", "basis": "story"}))
    d = date_disagreement([dated, friday], ["f"])  # whatever week it is put in, a Friday is not that Monday
    assert d is not None and {v.value for v in d.variants} == {"2025-03-03", "2025-03-14"}
    yesterday = statement("The council met yesterday.", "b")
    yesterday.times.append(
        Span(16, 25, "time", "test@1", {"expr": "yesterday", "value": "2025-03-16", "precision": "day", "basis": "story"})
    )
    assert date_disagreement([dated, yesterday], ["f"]) is None  # nothing of that day is the outlet's


def test_a_date_disagreement_shows_every_outlet_giving_a_side_s_date_to_that_deed() -> None:
    import numpy as np

    from newsfuse.fuse.discrepancies import complete_dates, evidence_for
    from newsfuse.model import Discrepancy, Variant

    def built(text: str, source: str, year: str, verb: str = "build") -> Statement:
        st = statement(text, source)
        at = text.index(year)
        st.times.append(Span(at, at + 4, "time", "test@1", {"expr": year, "value": year, "precision": "year", "verb": verb}))
        return st

    a = built("The dam, built in 1961, is the largest in the county.", "a", "1961")
    b = built("The dam was built in 1965, county records show.", "b", "1965")
    c = built("The dam was built in 1961 and holds back a lake.", "c", "1961")
    d = built("The dam was repaired in 1961 after a flood.", "d", "1961", verb="repair")  # another deed of that year
    e = built("The dam was built in 1961, or in 1965 by another count.", "e", "1961")
    e.times.append(Span(39, 43, "time", "test@1", {"expr": "1965", "value": "1965", "precision": "year", "verb": "build"}))
    sts = [a, b, c, d, e]
    for i, st in enumerate(sts):
        st.idx = i
    vectors = np.ones((len(sts), 4), dtype=np.float32) / 2.0  # all alike in meaning: the dates decide
    found = Discrepancy(
        "d1",
        "date",
        "disputed: date",
        [Variant("1961", ["a"], [evidence_for(a, "date")]), Variant("1965", ["b"], [evidence_for(b, "date")])],
        [],
    )
    complete_dates([found], sts, vectors)
    # the outlet giving both years is on no side
    assert {v.value: v.sources for v in found.variants} == {"1961": ["a", "c"], "1965": ["b"]}


def test_a_guessed_day_joins_no_side_of_a_date_disagreement() -> None:
    from dataclasses import replace

    import numpy as np

    from newsfuse.fuse.discrepancies import complete_dates, evidence_for
    from newsfuse.model import Discrepancy, Variant

    a = statement("The pier closed on Monday.", "a", dates=["2025-03-03"])
    b = statement("The pier closed on Tuesday.", "b", dates=["2025-03-04"])
    c = statement("The pier closed yesterday.", "c")  # an undated report: its day is the reading's guess
    c.times.append(Span(16, 25, "time", "test@1", {"expr": "yesterday", "value": "2025-03-03", "precision": "day", "basis": "story"}))
    for i, st in enumerate((a, b, c)):
        st.idx = i
        st.times = [replace(t, attrs={**t.attrs, "verb": "close"}) for t in st.times]
    d = Discrepancy(
        "d1",
        "date",
        "disputed: date",
        [Variant("2025-03-03", ["a"], [evidence_for(a, "date")]), Variant("2025-03-04", ["b"], [evidence_for(b, "date")])],
        [],
    )
    complete_dates([d], [a, b, c], np.ones((3, 4), dtype=np.float32) / 2.0)
    assert {v.value: v.sources for v in d.variants} == {"2025-03-03": ["a"], "2025-03-04": ["b"]}


def test_a_place_named_in_the_sentence_is_the_scope_of_its_count() -> None:
    # "in Dorvik" scopes one count; the other's sentence names Dorvik as the place of all it tells
    scoped = statement("Shells killed more than 20 civilians in Dorvik last week.", "a", "more than 20", "civilians", "killed")
    assert scoped.main is not None
    cast(dict[str, Any], scoped.main.attrs)["scope"] = "Dorvik"
    whole = statement("Artillery shelled Dorvik on Thursday, killing nearly 20 civilians.", "b", "nearly 20", "civilians", "killing")
    assert [d.kind for d in count_disagreements([scoped, whole], ["f"])] == ["hedge"]
    elsewhere = statement("Artillery shelled the region, killing nearly 20 civilians.", "c", "nearly 20", "civilians", "killing")
    assert count_disagreements([scoped, elsewhere], ["f"]) == []  # a part's toll against one that never names it


def test_civilians_and_soldiers_are_two_counts() -> None:
    civilians = statement("Shells killed nearly 20 civilians.", "a", "nearly 20", "civilians", "killed")
    soldiers = statement("Its forces killed 46 soldiers.", "b", "46", "soldiers", "killed")
    people = statement("At least 25 people were killed.", "c", "At least 25", "people", "killed")
    assert _across(civilians, soldiers) == []
    assert _across(civilians, people) == ["hedge"]  # civilians are people; "nearly 20" and "at least 25" face each other


def test_the_clause_of_a_count_is_weighed_across_facts() -> None:
    import numpy as np

    from newsfuse.fuse.discrepancies import across

    a = statement("Fourteen people were taken to hospitals.", "a", "Fourteen", "people", "taken to hospitals")
    b = statement(
        "Three workers were killed and 16 people were rushed to hospital after the blast.", "b", "16", "people", "rushed to hospital"
    )
    part = clause_of(b, "16 people", 5000)
    for st in (a, b):
        assert st.main is not None
        cast(dict[str, Any], st.main.attrs)["state_lemmas"] = ["hospitalize"]
    vecs = np.zeros((5001, 2))
    vecs[a.idx] = (1.0, 0.0)
    vecs[b.idx] = (0.0, 1.0)  # the whole sentence is about something else
    vecs[part.idx] = (1.0, 0.0)  # its clause of the 16 is not
    facts = {"f1": [a], "f2": [b]}
    assert across(list(facts), facts, vecs, specific=lambda x, y: 0.0) == []
    clauses = {(b.article.id, b.start, b.end): [part]}
    assert [d.kind for d in across(list(facts), facts, vecs, specific=lambda x, y: 0.0, clauses=clauses)] == ["number"]


def test_one_figure_told_in_people_and_in_households() -> None:
    from newsfuse.fuse.discrepancies import unit_disagreement

    def evacuated(text: str, source: str, count: str, counted: str) -> Statement:
        st = statement(text, source, count, counted, "evacuated")
        assert st.main is not None
        cast(dict[str, Any], st.main.attrs)["state_lemmas"] = ["evacuate"]
        return st

    people = evacuated("About 6,000 residents have been evacuated.", "a", "About 6,000", "residents")
    homes = evacuated("Some 6,000 households have been evacuated.", "b", "Some 6,000", "households")
    d = unit_disagreement([people, homes], ["f"])
    assert d is not None and d.kind == "wording" and {v.value for v in d.variants} == {"residents", "households"}
    other = evacuated("Some 4,000 households have been evacuated.", "c", "Some 4,000", "households")
    assert unit_disagreement([people, other], ["f"]) is None  # two figures: not one figure told two ways
    assert _across(people, homes) == ["wording"]
    # one outlet names where the homes are and the other does not: the same figure of the same state still
    placed = evacuated("Some 6,000 households in Riverton and Alder have been evacuated.", "d", "Some 6,000", "households")
    cast(dict[str, Any], placed.main.attrs)["scope"] = "Riverton Alder"  # type: ignore[union-attr]
    assert unit_disagreement([people, placed], ["f"]) is not None
    # statements of one fact need no state the reading can class
    covered = statement("A do-not-drink notice covers 8,500 households in Riverton.", "e", "8,500", "households", "covers")
    warned = statement("8,500 people in Riverton have been warned not to drink the water.", "f", "8,500", "people", "warned")
    assert unit_disagreement([covered, warned], ["f"]) is None
    assert [d.kind for d in within("f", [covered, warned])] == ["wording"]


def test_the_sentences_of_one_quotation_credited_apart_are_one_disagreement() -> None:
    from newsfuse.fuse.discrepancies import attribution_disagreement, dedupe

    def said(text: str, source: str, who: str) -> Statement:
        return statement(text, source, speaker=who, entity=f"e-{who}")

    first = [said('"We had no choice."', "a", "Anton Greve"), said('"We had no choice."', "b", "Hana Liskova")]
    second = [
        said('"We would have gambled with the dam," he said.', "a", "Anton Greve"),
        said('"We would have gambled with the dam," she said.', "b", "Hana Liskova"),
    ]
    ds = [d for d in (attribution_disagreement(first, ["f1"]), attribution_disagreement(second, ["f2"])) if d is not None]
    assert len(ds) == 2
    (d,) = dedupe(ds)
    assert {v.value: len(v.evidence) for v in d.variants} == {"Anton Greve": 2, "Hana Liskova": 2}


def test_a_statement_counts_the_part_not_its_whole() -> None:
    from newsfuse.fuse.statements import first_count

    whole = Span(0, 5, "CARDINAL", "test@1", {"value": 8.0, "counted": "carriages", "whole": True})
    part = Span(10, 13, "CARDINAL", "test@1", {"value": 6.0, "counted": "carriages", "state": "derailed"})
    assert first_count([whole, part]) is part
    assert first_count([whole]) is whole  # a whole alone is still what the statement counts


def test_one_figure_that_is_two_counts_of_another_outlet_together() -> None:
    nine = statement("Nine miners were killed in the collapse.", "a", "Nine", "miners", "killed")
    six = statement("Six miners are confirmed dead and three are missing.", "b", "Six", "miners", "confirmed dead")
    for st, lemmas in ((nine, ["kill"]), (six, ["confirm", "dead"])):
        assert st.main is not None
        cast(dict[str, Any], st.main.attrs)["state_lemmas"] = lemmas
    at = six.text.index("three")
    six.quantities.append(
        Span(at, at + 5, "CARDINAL", "test@1", {"value": 3.0, "counted": "people", "state": "missing", "state_lemmas": ["miss"]})
    )
    (d,) = count_disagreements([nine, six], ["f"])
    assert (d.kind, d.summary) == ("wording", "disputed: what was counted")
    eight = statement("Eight miners were killed in the collapse.", "c", "Eight", "miners", "killed")
    assert [d.kind for d in count_disagreements([eight, six], ["f"])] == ["number"]  # 8 is not 6 and 3


def test_a_place_the_sentence_names_among_others_is_no_scope() -> None:
    part = statement("Ten people were killed by a mudslide in Kestrel district.", "a", "Ten", "people", "killed")
    assert part.main is not None
    cast(dict[str, Any], part.main.attrs)["scope"] = "Kestrel"
    whole = statement(
        "Mudslides killed 24 people across Alder province, officials in Kestrel district said.", "b", "24", "people", "killed"
    )
    whole.places = {"e-alder", "e-kestrel"}
    assert count_disagreements([part, whole], ["f"]) == []


def test_one_dispute_found_in_a_clause_and_in_its_whole_sentence_is_shown_once() -> None:
    from newsfuse.fuse.discrepancies import dedupe
    from newsfuse.model import Discrepancy, Variant

    text_b = "TWELVE people have died and 40 more were seriously injured after the river burst its banks."
    hurt = Evidence("x", "a", 0, 40, "Officials say 12 people died and 40 were hurt")
    whole = Evidence("y", "b", 0, len(text_b), text_b)
    clause = Evidence("y", "b", 28, 58, text_b[28:58])
    one = Discrepancy(
        "d1", "wording", "disputed: what was counted", [Variant("hurt", ["a"], [hurt]), Variant("seriously injured", ["b"], [whole])]
    )
    two = Discrepancy(
        "d2", "wording", "disputed: what was counted", [Variant("hurt", ["a"], [hurt]), Variant("seriously injured", ["b"], [clause])]
    )
    assert [d.id for d in dedupe([one, two])] == ["d1"]
    elsewhere = Evidence("y", "b", 100, 140, "x" * 40)
    three = Discrepancy(
        "d3", "wording", "disputed: what was counted", [Variant("hurt", ["a"], [hurt]), Variant("seriously injured", ["b"], [elsewhere])]
    )
    (merged,) = dedupe([one, three])  # other words of that outlet giving the same: one finding, shown by both
    assert {(e.start, e.end) for v in merged.variants for e in v.evidence if e.article == "y"} == {(0, len(text_b)), (100, 140)}


def test_a_figure_another_outlet_gives_for_a_wider_count_is_a_dispute_of_what_was_counted() -> None:
    from newsfuse.fuse.discrepancies import dedupe

    serious = statement("Sixty people were seriously injured in Riverton.", "a", "Sixty", "people", "seriously injured")
    part = statement("Nine of the injured were seriously hurt in Riverton.", "b", "Nine", "injured", "seriously hurt")
    # outlet b also gives the sixty, for all the injured, in another sentence of its article
    b_text = part.article.text + " Sixty people were injured."
    part.article.text = part.article.raw = b_text
    at = b_text.index("Sixty")
    wide = dict(part.quantities[0].attrs, low=60.0, high=60.0, value=60.0, counted="people", state="injured", state_lemmas=["injure"])
    part.article.set_spans("quantities", [part.quantities[0], Span(at, at + 5, "CARDINAL", "test@1", wide)])
    (d,) = count_disagreements([serious, part], ["f"])
    assert (d.kind, d.summary) == ("wording", "disputed: what was counted")
    # without the wider count the two figures are a dispute of the number of the seriously hurt
    alone = statement("Nine of the injured were seriously hurt in Riverton.", "c", "Nine", "injured", "seriously hurt")
    (d2,) = count_disagreements([serious, alone], ["f"])
    assert d2.kind == "number"
    # the same outlet's words found twice in two disputes of what was counted are one dispute
    hurt = statement("Sixty people were hurt in Riverton.", "d", "Sixty", "people", "hurt")
    (w,) = count_disagreements([serious, hurt], ["g"])
    merged = dedupe([w, d])
    assert len(merged) == 1 and sorted(s for v in merged[0].variants for s in v.sources) == ["a", "b", "d"]


def test_fans_and_supporters_are_people() -> None:
    from newsfuse.fuse.compare import counted_match

    fans = Span(0, 1, "CARDINAL", "t@1", {"counted": "supporters"})
    people = Span(0, 1, "CARDINAL", "t@1", {"counted": "people"})
    boats = Span(0, 1, "CARDINAL", "t@1", {"counted": "boats"})
    assert counted_match(fans, people) and not counted_match(fans, boats)


def test_a_share_written_in_per_cent_and_with_a_sign_is_one_thing() -> None:
    from newsfuse.fuse.compare import counted_key

    assert counted_key("per cent") == counted_key("%") == counted_key("percent") == "%"
    assert counted_key("cents") != "%"


def test_one_figure_told_as_everyone_aboard_and_as_the_passengers() -> None:
    import numpy as np

    from newsfuse.fuse.discrepancies import aboard_disagreements

    people = statement("The ferry was carrying 212 people, 198 passengers and 14 crew.", "a", "212", "people", "carrying")
    crew_at = people.text.index("14")
    people.quantities.append(Span(crew_at, crew_at + 2, "CARDINAL", "test@1", {"value": 14.0, "counted": "crew", "hedge": "exact"}))
    passengers = statement("The ferry was carrying 212 passengers plus crew.", "b", "212", "passengers", "carrying")
    sts = [people, passengers]
    alike = np.ones((max(s.idx for s in sts) + 1, 1))
    (d,) = aboard_disagreements(sts, alike)
    assert d.kind == "wording" and {v.value: v.sources for v in d.variants} == {"people": ["a"], "passengers": ["b"]}
    # a story that counts no crew: the passengers may be everyone aboard
    people.quantities.pop()
    assert aboard_disagreements(sts, alike) == []


def test_hospital_admissions_count_the_people_admitted() -> None:
    from newsfuse.fuse.compare import counted_match, quantity_state

    admissions = Span(0, 1, "CARDINAL", "t@1", {"counted": "hospital admissions", "state": "recorded", "state_lemmas": ["record"]})
    admitted = Span(0, 1, "CARDINAL", "t@1", {"counted": "people", "state": "admitted to hospital", "state_lemmas": ["hospitalize"]})
    assert counted_match(admissions, admitted) and quantity_state(admissions) == quantity_state(admitted) == {"hospital"}


def test_a_claim_stated_as_fact_against_someones_accusation_of_it() -> None:
    from newsfuse.fuse.discrepancies import stance_disagreement

    text = "The union alleged that Riverton Motors had promised to keep the Alder plant open until 2030."
    accused = statement(text, "a", speaker="the union", entity="e-u", person=False)
    accused.cue, accused.speaker_kind = "alleged", "name"
    fact = statement("Riverton Motors promised in 2021 to keep the Alder plant open until 2030.", "b")
    d = stance_disagreement([accused, fact], ["f"])
    assert d is not None and {v.value: v.sources for v in d.variants} == {"as an allegation": ["a"], "stated as fact": ["b"]}
    assert stance_disagreement([accused, fact], ["f"], alike=lambda a, b: 0.5) is None  # too unlike to be one claim
    said = statement(text.replace("alleged", "said"), "a", speaker="the union", entity="e-u", person=False)
    said.cue = "said"
    assert stance_disagreement([said, fact], ["f"]) is None  # words credited, not an accusation
    # an outlet giving the accusation's content ("The first is that ...") states no fact of its own
    content = statement("The first is that Riverton Motors promised to keep the Alder plant open until 2030.", "b")
    assert stance_disagreement([accused, content], ["f"]) is None
    complaint = statement("According to a complaint, Riverton Motors promised to keep the plant open.", "c", speaker="lawyers")
    complaint.speaker_written = "a complaint"
    d = stance_disagreement([complaint, fact], ["f"])
    assert d is not None and {v.value: v.sources for v in d.variants} == {"as an allegation": ["c"], "stated as fact": ["b"]}


def test_two_peoples_own_remarks_alike_in_meaning_are_not_one_remark_credited_twice() -> None:
    from newsfuse.fuse.discrepancies import attribution_disagreement

    a = statement('"There was a smell of burning and then the captain came on," Ana Ruiz said.', "a", speaker="Ana Ruiz", entity="e-a")
    b = statement('"Then the captain comes on, cool as you like," Tom Hale said.', "b", speaker="Tom Hale", entity="e-t")
    a.direct = b.direct = True
    a.speaker_kind = b.speaker_kind = "name"
    assert attribution_disagreement([a, b], ["f"]) is None
    c = statement('"There was a smell of burning and then the captain came on," Tom Hale said.', "c", speaker="Tom Hale", entity="e-t")
    c.direct, c.speaker_kind = True, "name"
    d = attribution_disagreement([a, c], ["f"])
    assert d is not None and {v.value for v in d.variants} == {"Ana Ruiz", "Tom Hale"}


def test_schools_closed_and_schools_that_stayed_shut_are_one_count() -> None:
    from newsfuse.fuse.compare import state_class

    assert state_class("closed", "schools", ["close"]) == state_class("stayed shut", "schools", ["shut"]) == {"closure"}


def test_a_second_count_in_a_sentence_is_compared_for_its_hedge_only() -> None:
    text = "The suppliers' group said 64 firms depended on the plant, and that more than 7,000 jobs could be at risk."
    a = statement(text, "a", "64", "firms")
    at = text.index("more than 7,000")
    jobs = {"low": 7000.0, "high": None, "low_open": True, "high_open": False, "hedge": "more than", "value": 7000.0}
    a.quantities.append(Span(at, at + len("more than 7,000"), "CARDINAL", "test@1", {**jobs, "counted": "jobs"}))
    b = statement("The suppliers' group estimates that nearly 7,000 jobs depend on the plant.", "b", "nearly 7,000", "jobs")
    (d,) = within("f", [a, b])
    assert d.kind == "hedge" and {v.value for v in d.variants} == {"more than 7,000", "nearly 7,000"}
    # an unbounded second count against another's figure is no disagreement: many counts of many things
    c = statement(text.replace("more than 7,000", "7,000"), "c", "64", "firms")
    c.quantities.append(
        Span(at, at + 5, "CARDINAL", "test@1", {**jobs, "low_open": False, "hedge": "exact", "high": 7000.0, "counted": "jobs"})
    )
    e = statement("The suppliers' group estimates that 6,000 jobs depend on the plant.", "e", "6,000", "jobs")
    assert within("f", [c, e]) == []


def test_figures_bounded_from_either_side_disagree_on_their_hedges() -> None:
    a = statement("Police put the crowd at more than 20,000 people.", "a", "more than 20,000", "people")
    b = statement("Police put the crowd at fewer than 15,000 people.", "b", "fewer than 15,000", "people")
    (d,) = count_disagreements([a, b], ["f"])
    assert d.kind == "hedge"
    # far apart, or bounded from one side twice, they are two numbers
    c = statement("Police put the crowd at fewer than 5,000 people.", "c", "fewer than 5,000", "people")
    assert [x.kind for x in count_disagreements([a, c], ["f"])] == ["number"]
    e = statement("Police put the crowd at more than 26,000 people.", "e", "more than 26,000", "people")
    f = statement("Police put the crowd at more than 31,000 people.", "f", "more than 31,000", "people")
    assert [x.kind for x in count_disagreements([e, f], ["f"])] == ["number"]


def test_lengths_bounded_from_either_side_are_hedged_apart() -> None:
    from newsfuse.fuse.measures import _bounded_apart

    more_than_three = {"days_low": 3 / 24, "days_high": None, "hedge": "more than", "low_open": True}
    under_three = {"days_low": 2.55 / 24, "days_high": 3 / 24, "hedge": "just under", "high_open": True}
    under_two = {"days_low": 0.0, "days_high": 2 / 24, "hedge": "less than", "high_open": True}
    under_one = {"days_low": 0.0, "days_high": 1 / 24, "hedge": "less than", "high_open": True}
    assert _bounded_apart(more_than_three, under_three) and _bounded_apart(under_two, more_than_three)
    assert not _bounded_apart(more_than_three, under_one)  # a third of it: two lengths
    assert not _bounded_apart(under_two, under_three)  # bounded from one side twice


def test_one_figure_in_people_and_in_households_across_facts_needs_no_classed_state() -> None:
    import numpy as np

    from newsfuse.fuse.discrepancies import across

    people = statement("Around 18,000 residents of Riverton were told not to drink tap water.", "a", "Around 18,000", "residents", "told")
    homes = statement("The ban covers about 18,000 households in Riverton.", "b", "about 18,000", "households", "covers")
    vecs = np.zeros((max(people.idx, homes.idx) + 1, 2))
    vecs[people.idx], vecs[homes.idx] = (1.0, 0.0), (0.45, (1 - 0.45**2) ** 0.5)  # loosely alike in meaning
    # a source in both groups that gives the figure in one only does not tell two things apart
    other = statement("Residents of Riverton are being told not to drink the water.", "b")
    found = across(["f1", "f2"], {"f1": [people, other], "f2": [homes]}, vecs, specific=lambda x, y: 0.4)
    assert [d.kind for d in found] == ["wording"]
    # a small figure does not tie them by itself ("three families are planning funerals" / "three workers")
    families = statement("Now three families in Riverton are planning funerals.", "b", "three", "families", "planning")
    workers = statement("The three workers in Riverton had families.", "a", "three", "workers", "had")
    vecs3 = np.zeros((max(families.idx, workers.idx) + 1, 2))
    vecs3[families.idx], vecs3[workers.idx] = (1.0, 0.0), (0.45, (1 - 0.45**2) ** 0.5)
    assert across(["f1", "f2"], {"f1": [workers], "f2": [families]}, vecs3, specific=lambda x, y: 0.4) == []
    # two figures: no dispute of what was counted
    fewer = statement("The ban covers about 12,000 households in Riverton.", "b", "about 12,000", "households", "covers")
    vecs = np.vstack([vecs, np.zeros((max(0, fewer.idx + 1 - len(vecs)), 2))])
    vecs[fewer.idx] = vecs[homes.idx]
    assert [d.kind for d in across(["f1", "f2"], {"f1": [people], "f2": [fewer]}, vecs, specific=lambda x, y: 0.4)] != ["wording"]


def test_one_figure_told_in_voters_and_in_households_or_customers_and_accounts() -> None:
    voters = statement(
        "Errors in the roll stopped about 1,400 Riverton voters from casting a ballot.", "a", "about 1,400", "Riverton voters"
    )
    homes = statement("Errors in the roll left some 1,400 Riverton households unable to vote.", "b", "some 1,400", "Riverton households")
    assert [d.kind for d in within("f", [voters, homes])] == ["wording"]
    customers = statement("Hackers stole the details of 3.8 million customers.", "c", "3.8 million", "customers")
    accounts = statement("The records of 3.8 million accounts were taken.", "d", "3.8 million", "accounts")
    assert [d.kind for d in within("f", [customers, accounts])] == ["wording"]
    fewer = statement("The records of 2.1 million accounts were taken.", "d", "2.1 million", "accounts")
    assert "wording" not in [d.kind for d in within("f", [customers, fewer])]  # two figures: not one told two ways


def test_an_uncommon_thing_each_outlet_counts_once_over_one_period_is_one_tally() -> None:
    import numpy as np

    from newsfuse.fuse.discrepancies import across

    dozen = statement(
        "Records show the mine racked up a dozen safety violations last year.", "a", "a dozen", "safety violations", period="last year"
    )
    cast(dict[str, Any], dozen.main.attrs)["state_lemmas"] = ["rack"]  # type: ignore[union-attr]
    many = statement("Inspectors recorded 17 violations at the Riverton mine in 2025.", "b", "17", "violations", period="2025")
    cast(dict[str, Any], many.main.attrs)["state_lemmas"] = ["record"]  # type: ignore[union-attr]
    vecs = np.zeros((max(dozen.idx, many.idx) + 1, 2))
    vecs[dozen.idx], vecs[many.idx] = (1.0, 0.0), (0.3, (1 - 0.3**2) ** 0.5)  # loosely alike in meaning
    found = across(["f1", "f2"], {"f1": [dozen], "f2": [many]}, vecs, specific=lambda x, y: 0.5)
    assert [d.kind for d in found] == ["number"]
    # an outlet that counts the thing twice tells two tallies: no longer one per outlet
    again = statement("The mine had 4 violations in its first month.", "b", "4", "violations")
    vecs = np.vstack([vecs, np.zeros((again.idx + 1 - len(vecs), 2))])
    vecs[again.idx] = (0.0, 1.0)
    found = across(["f1", "f2", "f3"], {"f1": [dozen], "f2": [many], "f3": [again]}, vecs, specific=lambda x, y: 0.5)
    assert found == []
    # periods that differ are two tallies
    unstated = statement("Inspectors recorded 17 violations at the Riverton mine.", "c", "17", "violations")
    cast(dict[str, Any], unstated.main.attrs)["state_lemmas"] = ["record"]  # type: ignore[union-attr]
    vecs = np.vstack([vecs, np.zeros((unstated.idx + 1 - len(vecs), 2))])
    vecs[unstated.idx] = vecs[many.idx]
    assert across(["f1", "f2"], {"f1": [dozen], "f2": [unstated]}, vecs, specific=lambda x, y: 0.5) == []


def test_one_deed_told_in_other_words_and_dated_twice() -> None:
    def dated(text: str, source: str, *days: tuple[str, str]) -> Statement:
        st = statement(text, source)
        st.times = [
            Span(0, 1, "time", "test@1", {"expr": "x", "value": d, "precision": "day", "basis": "published", "verb": v}) for d, v in days
        ]
        return st

    recovered = dated("Investigators recovered both recorders on Friday.", "a", ("2026-10-16", "recover"))
    removed = dated(
        "Both recorders were removed late on Thursday and downloaded on Friday.", "b", ("2026-10-15", "remove"), ("2026-10-16", "download")
    )
    d = date_disagreement([recovered, removed], ["f"])
    assert d is not None and {v.value for v in d.variants} == {"2026-10-16", "2026-10-15"}
    downloaded = dated("The recorders were downloaded on Thursday.", "c", ("2026-10-15", "download"))
    assert date_disagreement([recovered, downloaded], ["f"]) is None  # two deeds: recovered one day, downloaded another


def test_a_deed_dated_by_the_noun_a_participle_describes() -> None:
    def dated(text: str, source: str, day: str, verb: str, also: list[str] | None = None) -> Statement:
        st = statement(text, source)
        attrs: dict[str, Any] = {"expr": "x", "value": day, "precision": "day", "basis": "published", "verb": verb}
        if also:
            attrs["also"] = also
        st.times = [Span(0, 1, "time", "test@1", attrs)]
        return st

    tabled = dated("The employers said their offer, tabled on Friday, was fair.", "a", "2026-06-05", "table", ["offer"])
    made = dated("The employers made their final offer last Thursday.", "b", "2026-06-04", "offer")
    d = date_disagreement([tabled, made], ["f"])
    assert d is not None and {v.value for v in d.variants} == {"2026-06-05", "2026-06-04"}
    plain = dated("The employers said the union walked out on Thursday.", "b", "2026-06-04", "walk")
    assert date_disagreement([tabled, plain], ["f"]) is None


def test_a_number_dispute_explained_by_a_dispute_of_what_was_counted_is_not_shown_twice() -> None:
    from newsfuse.fuse.discrepancies import dedupe, variants

    hurt = statement("A total of 31 people were injured in the Riverton crash.", "c", "31", "people", "injured")
    taken = statement("Of the injured, 31 were taken to hospital.", "a", "31", "people", "taken to hospital")
    injured = statement("One man died and 58 people were injured in the Riverton crash.", "a", "58", "people", "injured")
    what = Discrepancy("w", "wording", "disputed: what was counted", variants({"taken to hospital": [taken], "injured": [hurt]}, "wording"))
    number = Discrepancy("n", "number", "disputed: number", variants({"58": [injured], "31": [hurt]}, "number"))
    assert [d.id for d in dedupe([what, number])] == ["w"]
    assert [d.id for d in dedupe([number])] == ["n"]
    # a sentence on a side of both, but the number dispute is of another figure in it: both stand
    both = statement("Eleven people were killed and 63 injured in the Riverton crash.", "a", "63", "people", "injured")
    worse = statement("Fourteen died and 63 were seriously injured in the Riverton crash.", "b", "63", "people", "seriously injured")
    what = Discrepancy("w", "wording", "disputed: what was counted", variants({"injured": [both], "seriously injured": [worse]}, "wording"))
    toll = Discrepancy("n", "number", "disputed: number", variants({"Eleven": [both], "Fourteen": [worse]}, "number"))
    assert sorted(d.id for d in dedupe([what, toll])) == ["n", "w"]


def test_people_taken_ill_are_one_state() -> None:
    from newsfuse.fuse.compare import state_class

    assert state_class("sickened", "passengers", ["sicken"]) == state_class("fell ill", "people", []) == {"illness"}
    assert state_class("moved to hospitals", "patients", ["hospitalize"]) == {"hospital"}  # taken into care
    assert state_class("moved", "residents", []) == {"evacuation"} == state_class("flee", "residents", ["flee"])
    assert state_class("destroying", "homes", ["destroy"]) == state_class("destroyed", "homes", []) == {"collapse"}


def test_an_accusation_told_a_little_apart_with_the_same_specific_words_is_one_claim() -> None:
    from newsfuse.fuse.discrepancies import stance_disagreement

    text = "The Riverton union alleged that the trust had been warned in January about a weakness in its remote-access system."
    accused = statement(text, "a", speaker="the union", entity="e-u", person=False)
    accused.cue, accused.speaker_kind = "alleged", "name"
    fact = statement("Riverton bosses were warned in January about a gaping hole in their remote-access system.", "b")
    january = {"expr": "January", "value": "2026-01", "precision": "month", "verb": "warn"}
    for st in (accused, fact):
        st.times = [Span(0, 1, "time", "test@1", january)]
    assert stance_disagreement([accused, fact], ["f"], alike=lambda a, b: 0.55) is None  # only a little alike
    d = stance_disagreement([accused, fact], ["f"], alike=lambda a, b: 0.55, specific=lambda a, b: 0.9)
    assert d is not None and {v.value: v.sources for v in d.variants} == {"as an allegation": ["a"], "stated as fact": ["b"]}
    assert stance_disagreement([accused, fact], ["f"], alike=lambda a, b: 0.45, specific=lambda a, b: 0.9) is None
    fact.times = []  # no deed dated alike: the same words may tell two claims
    assert stance_disagreement([accused, fact], ["f"], alike=lambda a, b: 0.55, specific=lambda a, b: 0.9) is None
