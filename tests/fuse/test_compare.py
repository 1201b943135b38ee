from __future__ import annotations

from typing import Any, cast

from newsfuse.fuse.compare import impersonal, period_class, same_slot, speakers_conflict, state_class
from tests.fuse.helpers import statement


def test_state_classes() -> None:
    assert state_class("killed or wounded", "soldiers") == {"death", "injury"}
    assert state_class("died", "soldiers") == {"death"}
    # a crowd by what it did: the march the police estimated, the streets people took to, the protesters counted
    assert state_class("march", "people", ["march"]) == state_class("took to the streets", "people", ["protest"]) == {"protest"}
    assert state_class(None, "protesters") == {"protest"}
    assert state_class(None, "casualties") == {"death", "injury"}
    assert state_class("killed and injured", None) == state_class("killed or hurt", None)


def test_periods() -> None:
    assert period_class("the last week") == period_class("just the past week") == "week"
    assert period_class("every day") == "day"
    assert period_class("so far") == "total"
    assert period_class("in November") == "month"
    assert period_class(None) is None
    # a range of months: most of a year counts as a year's count, a short one as a month's
    assert period_class("between February and December 2017") == period_class("last year") == "year"
    assert period_class("from November to January") == "month"
    assert period_class("between July and December 2017") == period_class("January to December 2017") == "year"
    assert period_class("between February 2016 and March 2017") == "year"  # fourteen months, both ends counted
    assert period_class("from January 2015 to February 2017") == "years"


def test_same_slot_needs_same_thing_and_period() -> None:
    a = statement("1,000 soldiers killed last week", "a", "1,000", "soldiers", "killed", "last week")
    b = statement("1,000 troops killed in the past week", "b", "1,000", "troops", "killed", "the past week")
    c = statement("1,000 soldiers killed every day", "c", "1,000", "soldiers", "killed", "every day")
    d = statement("1,000 containers lost", "d", "1,000", "containers", "lost")
    assert same_slot(a, b)
    assert not same_slot(a, c)
    assert not same_slot(a, d)


def test_speaker_conflicts() -> None:
    kirby = statement("x said", "a", speaker="John Kirby", entity="e-kirby")
    zel = statement("x said", "b", speaker="Volodymyr Zelenskyy", entity="e-zel")
    estimates = statement("estimates suggest", "c", speaker="Recent estimates")
    officials = statement("officials said", "d", speaker="Ukrainian officials")
    cnn = statement("x, according to CNN", "e", speaker="CNN", entity="e-cnn", person=False)
    assert impersonal("Recent estimates") and not impersonal("Ukrainian officials")
    assert speakers_conflict(kirby, zel)
    assert speakers_conflict(kirby, estimates)
    assert not speakers_conflict(kirby, officials)  # a vague description may be the named person
    assert not speakers_conflict(cnn, estimates)  # no person on either side
    # a person reading out a letter, and the letter credited to its authors: one text, not two voices
    reading = statement("Reading from a letter signed by every Republican, Conaway added", "i", speaker="Conaway", entity="e-c")
    authors = statement("the Republicans' letter concluded", "j", speaker="Republicans", entity="e-gop", person=False)
    authors.speaker_written = "The Intelligence Committee Republicans' letter"
    assert not speakers_conflict(reading, authors) and not speakers_conflict(authors, reading)
    authors.speaker_written = "Republicans"  # the group itself speaking is another voice
    assert speakers_conflict(reading, authors)
    relayed = statement("Kirby told reporters, according to CNN", "f", speaker="John Kirby", entity="e-kirby")
    relayed.credited.add("e-cnn")
    assert not speakers_conflict(relayed, cnn)
    # a letter is a document, not a person's voice: the same words credited to a person and to the letter conflict,
    # unless the person's sentence says they are reading from it
    letter = statement('"The budget reflects the wrong values," says the letter.', "g", speaker="the letter")
    said = statement('"The budget reflects the wrong values," said Father Reese.', "h", speaker="Thomas Reese", entity="e-r")
    reading = statement('Reading from a letter signed by the faculty, Reese added, "The budget reflects the wrong values."', "i")
    reading.speaker, reading.speaker_entity, reading.speaker_person = "Thomas Reese", "e-r", True
    assert impersonal("the letter") and speakers_conflict(said, letter)
    assert not speakers_conflict(reading, letter)
    reading.text = 'Reading from letters sent by parents, Reese said, "The budget reflects the wrong values."'
    assert not speakers_conflict(reading, letter)  # "letters" names "the letter" too
    # the person's own letter: its statement names them, or the letter is theirs
    signed = statement("The letter, signed by Thomas Reese, said the budget reflects the wrong values.", "j", speaker="The letter")
    signed.entities = {"e-r"}
    assert not speakers_conflict(said, signed)
    own = statement(
        "The budget reflects the wrong values, Reese's letter to the chairman said.", "k", speaker="Reese's letter to the chairman"
    )
    assert not speakers_conflict(said, own)


def test_similar_claims_by_two_people_are_not_the_same_words() -> None:
    from newsfuse.fuse.align import conflict

    a = statement("The deal must curb missile work in the region, Harlan said.", "a", speaker="Harlan", entity="e-h")
    b = statement("Limits on missile tests and regional influence are needed, Ogawa said.", "b", speaker="Ogawa", entity="e-o")
    c = statement("The deal must curb missile work in the region, Ogawa said.", "c", speaker="Ogawa", entity="e-o")
    assert conflict(a, b, 0.9, 0.62, 0.84)  # close in meaning, other words: two people's own claims
    assert not conflict(a, c, 0.9, 0.62, 0.84)  # the same words credited to two people: one fact, disputed
    assert not conflict(a, c, 0.81, 0.62, 0.84)  # a quote retold with a word changed ("his" / "your") is still one
    assert conflict(a, c, 0.7, 0.62, 0.84)


def test_the_same_sum_credited_to_a_person_and_to_estimates_is_one_fact() -> None:
    from newsfuse.fuse.align import conflict, same_figure
    from newsfuse.model import Span

    a = statement("Ana Ruiz put the damage at $85 million.", "a", speaker="Ana Ruiz", entity="e-r")
    b = statement("Damage has been put at $85 million, according to early estimates.", "b", speaker="early estimates")
    c = statement("The mayor wants $85 million for the quay and $20 million for roads.", "c")
    for st, figs in ((a, [85e6]), (b, [85e6]), (c, [85e6, 20e6])):
        st.quantities = [Span(0, 1, "MONEY", "test@1", {"value": v}) for v in figs]
    assert same_figure(a, b) and not conflict(a, b, 0.56, 0.62, 0.84)  # one figure: an attribution dispute, not two facts
    assert not same_figure(a, c)  # a sentence that weighs a second sum is about something else


def test_namesakes_an_outlet_names_both_are_no_rivals() -> None:
    from newsfuse.model import Span

    words = "Already did that earlier today"
    father = statement(f"{words}, Mr. Trump said.", "a", speaker="Donald Trump", entity="e-dt")
    son = statement(f"{words}, Trump Jr. replied.", "b", speaker="Donald Trump Jr.", entity="e-jr")
    assert speakers_conflict(father, son)  # neither outlet names the other person
    father.article.spans["mentions"] = [Span(0, 4, "PERSON", "test@1", {"entity": "e-jr"})]
    assert not speakers_conflict(father, son)  # outlet "a" knows both: its "Mr. Trump" may be either


def test_people_who_signed_and_signatures_are_one_count() -> None:
    from newsfuse.fuse.compare import counted_match

    people = statement("a petition signed by 1.8 million people", "a", "1.8 million", "people", "signed")
    signatures = statement("hundreds of thousands of signatures", "b", "hundreds of thousands", "signatures")
    voters = statement("1.8 million people voted", "c", "1.8 million", "people", "voted")
    for st, lemma in ((people, "sign"), (voters, "vote")):
        assert st.main is not None
        cast(dict[str, Any], st.main.attrs)["state_lemmas"] = [lemma]
    assert people.main is not None and signatures.main is not None and voters.main is not None
    assert counted_match(people.main, signatures.main) and counted_match(signatures.main, people.main)
    assert not counted_match(voters.main, signatures.main)
    assert same_slot(people, signatures)


def test_plural_and_singular_count_one_thing() -> None:
    from newsfuse.fuse.compare import counted_key

    assert counted_key("countries") == counted_key("country") == "country"
    assert counted_key("casualties") == "casualty"
    assert counted_key("business") == "business"
    assert counted_key("8.6 magnitude quake") == counted_key("8.7 magnitude earthquake") == counted_key("tremor") == "quake"
    assert counted_key("cranes") == counted_key("crane")
    assert counted_key("border apprehensions") == counted_key("arrests") == "arrest"
    assert counted_key("  ") is None


def test_prisoners_freed_released_or_exchanged_are_one_count() -> None:
    assert state_class("free", "prisoners", ["free"]) == state_class("exchange", "prisoners", ["exchange"]) == frozenset({"release"})
    assert state_class("released", "hostages") == frozenset({"release"})


def test_a_crew_is_counted_by_its_work() -> None:
    from newsfuse.fuse.compare import counted_key

    assert counted_key("rescue workers") == counted_key("rescuers") == "rescuer"
    assert counted_key("refinery workers") == counted_key("workers") == "worker"


def test_a_year_alone_is_a_years_period() -> None:
    from newsfuse.fuse.compare import period_class

    assert period_class("2025") == period_class("in 2025") == period_class("last year") == "year"
    assert period_class("May 2025") == "month" and period_class("since 2019") == "total"


def test_people_brought_out_alive_are_one_class_and_their_rescuers_are_not() -> None:
    from newsfuse.fuse.compare import state_class

    assert state_class("plucked", None, ["pluck"]) == state_class("rescued", None) == {"rescue"}
    assert state_class(None, "rescue workers") == frozenset()  # the workers are no one rescued
    assert state_class("pull", "troops", ["pull"]) == frozenset()  # "pull 2,000 troops out of Syria"


def test_a_deed_told_in_other_words_is_one_deed() -> None:
    from newsfuse.fuse.compare import deed_key

    assert deed_key("recover") == deed_key("remove") and deed_key("detect") == deed_key("spot") and deed_key("launch") == deed_key("open")
    assert deed_key("recover") != deed_key("download") and deed_key("table") != deed_key("make")


def test_others_after_a_first_count_are_people() -> None:
    from newsfuse.fuse.compare import counted_key

    assert counted_key("others") == counted_key("people") == "person"
