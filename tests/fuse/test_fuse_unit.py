"""Small pieces of the brief assembly: which text stands for a fact, and the story's title."""

from __future__ import annotations

import numpy as np

from newsfuse.fuse import (
    _ev,
    _fact_speakers,
    _headlines,
    _named_speaker,
    _representatives,
    _shown_speaker_first,
    _title,
    _useful,
    _whole_sentence,
)
from newsfuse.fuse.statements import Statement, amount_of, amounts_agree
from newsfuse.model import Evidence, Fact, Span
from newsfuse.read.numbers import Amount
from newsfuse.read.speakers import content_words
from tests.conftest import make_article
from tests.fuse.helpers import clause_of, statement


def test_a_sentence_that_names_who_it_is_about_stands_for_the_fact() -> None:
    he = statement("He said the two leaders would meet at the border village next week.", "a")
    named = statement("Kim Jong Un and Moon Jae-in will meet at the border village next week.", "b")
    vecs = np.array([[1.0, 0.0], [0.9, 0.1]])  # the pronoun-led one is even closer to the centroid
    assert _representatives([he, named], vecs)[0] is named


def test_the_title_without_article_titles_is_a_fact_that_names_its_subject() -> None:
    facts = [
        Fact("f1", "He revealed that the talks had failed.", [], ["a"], 1, "single_source"),
        Fact("f2", "The talks in Geneva failed on Friday.", [], ["a"], 1, "single_source"),
    ]
    assert _title([make_article("x", "a")], facts) == "The talks in Geneva failed on Friday."
    titled = make_article("x", "b", title="Talks fail")
    assert _title([titled], facts) == "Talks fail"


def test_a_timeline_entry_shows_the_words_that_give_its_date() -> None:
    from newsfuse.fuse import build_timeline

    early = statement("Trump announced the tariffs in early March.", "a")
    day = statement("Trump announced the tariffs on March 8.", "b", dates=["2018-03-08"])
    fact = Fact("f1", early.text, [], ["a", "b"], 2, "corroborated")
    (entry,) = build_timeline([fact], {"f1": [early, day]}, [])
    assert (entry.date, entry.text, entry.sources) == ("2018-03-08", day.text, ["b"])
    fact.text = day.text  # the fact's own text gives the date: it stays
    assert build_timeline([fact], {"f1": [early, day]}, [])[0].text == day.text


def test_a_side_clause_s_month_is_its_own_entry_beside_the_day_of_the_claim() -> None:
    from newsfuse.fuse import build_timeline
    from newsfuse.model import Span

    text = "The mayor said on Friday that the quay, where a crane fell in August, would reopen."
    st = statement(text, "a")
    friday, august = text.index("Friday"), text.index("August")
    st.times = [
        Span(friday, friday + 6, "time", "test@1", {"expr": "Friday", "value": "2024-12-27", "precision": "day"}),
        Span(august, august + 6, "time", "test@1", {"expr": "August", "value": "2024-08", "precision": "month", "subordinate": True}),
    ]
    fact = Fact("f1", text, [], ["a"], 1, "single_source")
    assert [e.date for e in build_timeline([fact], {"f1": [st]}, [])] == ["2024-08", "2024-12-27"]
    # a coarser date of the claim itself adds nothing
    st.times[1] = Span(august, august + 6, "time", "test@1", {"expr": "August", "value": "2024-08", "precision": "month"})
    assert [e.date for e in build_timeline([fact], {"f1": [st]}, [])] == ["2024-12-27"]


def test_a_range_of_days_is_on_the_timeline_at_both_ends() -> None:
    from newsfuse.fuse import build_timeline
    from newsfuse.model import Span

    st = statement("Nomination of candidates runs from October 16 to November 14.", "a")
    st.times.append(
        Span(
            35, 60, "time", "test@1", {"expr": "October 16 to November 14", "value": "2013-10-16", "precision": "day", "end": "2013-11-14"}
        )
    )
    fact = Fact("f1", st.text, [], ["a"], 1, "single_source")
    entries = build_timeline([fact], {"f1": [st]}, [])
    assert [(e.date, e.text) for e in entries] == [("2013-10-16", st.text), ("2013-11-14", st.text)]
    assert all(st.text[w.start : w.end] == "October 16 to November 14" for e in entries for w in e.when)


def test_a_clause_cut_from_its_sentence_ranks_below_a_sentence() -> None:
    from newsfuse.fuse import _score

    clause = Fact("f1", "granted temporary exemptions to Canada, Mexico, Brazil and the European Union", [], ["a", "b"], 2, "corroborated")
    sentence = Fact("f2", "The White House granted temporary exemptions to Canada and Mexico.", [], ["a", "b"], 2, "corroborated")
    assert _score(sentence, 0.5) > _score(clause, 0.5)


def test_a_fact_of_loosely_alike_reports_ranks_below_one_that_fewer_sources_report_alike() -> None:
    import numpy as np

    from newsfuse.fuse import _cohesion, _score
    from tests.fuse.helpers import statement

    sts = [statement(f"Report {k} of the harbour crane collapse.", src) for k, src in enumerate("abcd")]
    for k, st in enumerate(sts):
        st.idx = k
    v = np.zeros((4, 384), dtype=np.float32)
    v[:, 0] = 0.6
    for k in range(4):
        v[k, 1 + k] = 0.8  # every pair of reports at a cosine of 0.36: four sentences of one story, not one claim
    loose = Fact("f1", "The crane fell on the quay after the storm.", [], ["a", "b", "c", "d"], 4, "corroborated")
    close = Fact("f2", "The crane fell on the quay after the storm.", [], ["a", "b", "c"], 3, "corroborated")
    assert _cohesion(sts, v) < 0.4 and _cohesion(sts[:1], v) == 1.0
    assert _score(close, 0.5, 0.8) > _score(loose, 0.5, _cohesion(sts, v))
    assert _score(loose, 0.5) > _score(close, 0.5)  # by support alone, the four sources would come first
    # three reports alike and a fourth about something else: the one loose member puts the whole fact in doubt
    w = np.zeros((4, 384), dtype=np.float32)
    w[:3, 0] = 1.0
    w[3, 0], w[3, 1] = 0.5, np.sqrt(0.75)
    assert _cohesion(sts, w) < 0.55 < _cohesion(sts[:3], w)


def test_one_dated_sentence_is_one_timeline_entry_flagged_only_by_its_own_dispute() -> None:
    from newsfuse.fuse import build_timeline
    from newsfuse.model import Discrepancy, Evidence, Variant

    said = statement("The minister said on Friday that an inquiry would examine the collapse.", "a", dates=["2026-03-13"])
    fell = statement("The cranes fell on Thursday night.", "b", dates=["2026-03-12"])
    f1 = Fact("f1", "An inquiry will examine the collapse.", [], ["a"], 1, "single_source")
    f2 = Fact("f2", "The minister announced an inquiry.", [], ["a", "b"], 2, "disputed")
    date_dispute = Discrepancy(
        "d", "date", "disputed: date", [Variant("2026-03-13", ["a"], [Evidence.of(said.article, 0, len(said.text))])], ["f2"]
    )
    entries = build_timeline([f1, f2], {"f1": [said], "f2": [said, fell]}, [date_dispute])
    assert [(e.date, e.text, e.facts, e.disputed) for e in entries] == [
        ("2026-03-12", fell.text, ["f2"], False),  # in a disputed fact, but not itself a variant
        ("2026-03-13", said.text, ["f1", "f2"], True),
    ]


def test_a_sentence_of_two_dates_is_flagged_on_the_disputed_one_only() -> None:
    from newsfuse.fuse import build_timeline
    from newsfuse.model import Discrepancy, Evidence, Span, Variant

    whole = statement("Kim said on Friday that troops fought in Kursk, where a raid began in August.", "a", dates=["2024-12-27"])
    part = clause_of(whole, "troops", 98)
    part.times = [Span(0, 1, "time", "test@1", {"expr": "in August", "value": "2024-08", "precision": "month"})]
    f1 = Fact("f1", part.text, [], ["a"], 1, "single_source")
    f2 = Fact("f2", whole.text, [], ["a"], 1, "disputed")
    friday = Discrepancy(
        "d", "date", "disputed: date", [Variant("2024-12-27", ["a"], [Evidence.of(whole.article, 0, len(whole.text))])], ["f2"]
    )
    entries = build_timeline([f1, f2], {"f1": [part], "f2": [whole]}, [friday])
    assert [(e.date, e.disputed) for e in entries] == [("2024-08", False), ("2024-12-27", True)]


def test_the_title_without_article_titles_is_in_an_outlet_s_own_words() -> None:
    facts = [
        Fact("f1", "“The troops are expendable,” Kirby said of the soldiers in Kursk.", [], ["a", "b"], 2, "corroborated"),
        Fact("f2", "Thousands of soldiers were killed or wounded in Kursk, Zelensky said on Friday.", [], ["a", "b"], 2, "corroborated"),
    ]
    assert _title([make_article("x", "a")], facts) == facts[1].text
    assert _title([make_article("x", "a")], facts[:1]) == facts[0].text  # a quotation when nothing else names the story


def test_a_clause_dated_like_its_sentence_is_that_sentence_s_entry() -> None:
    from newsfuse.fuse import build_timeline
    from newsfuse.model import Span

    whole = statement("Zaremba said the union had written to the operator on March 2 about the quay.", "a", dates=["2026-03-02"])
    part = clause_of(whole, "the union", 99)
    part.times = [Span(0, 1, "time", "test@1", {"expr": "x", "value": "2026-03-02", "precision": "day"})]
    f1 = Fact("f1", part.text, [], ["a"], 1, "single_source")
    f2 = Fact("f2", whole.text, [], ["a"], 1, "single_source")
    (entry,) = build_timeline([f1, f2], {"f1": [part], "f2": [whole]}, [])
    assert (entry.text, entry.facts) == (whole.text, ["f1", "f2"])


def test_a_year_that_only_describes_a_thing_puts_nothing_on_the_timeline() -> None:
    from newsfuse.fuse import build_timeline
    from newsfuse.model import Span

    st = statement("The party sued over the 2016 election.", "a")
    st.times = [Span(21, 25, "time", "test@1", {"expr": "2016", "value": "2016", "precision": "year", "attributive": True})]
    fact = Fact("f1", st.text, [], ["a"], 1, "single_source")
    assert build_timeline([fact], {"f1": [st]}, []) == []
    st.times[0] = Span(21, 25, "time", "test@1", {"expr": "2016", "value": "2016", "precision": "year"})  # "sued in 2016"
    assert [e.date for e in build_timeline([fact], {"f1": [st]}, [])] == ["2016"]


def test_headlines_do_not_say_one_thing_twice() -> None:
    texts = [
        "Harbour authority head Pieter Sandoval met dockworkers' union leader Owen Tallis.",
        "The harbour chief met the union leader on Sunday.",  # the first again, in other words
        "The inquiry will report in June.",
        "The mayor welcomed the talks.",  # one source
    ]
    sts = [statement(t, s) for t, s in zip(texts, "abcd", strict=True)]
    for i, st in enumerate(sts):
        st.idx = i
    facts = [Fact(f"f{i}", t, [], ["a", "b"] if i < 3 else ["d"], 2 if i < 3 else 1, "corroborated") for i, t in enumerate(texts)]
    members = {f.id: [st] for f, st in zip(facts, sts, strict=True)}
    vec = np.zeros((4, 8), dtype=np.float32)
    vec[0, 0] = 1.0
    vec[1, 0], vec[1, 1] = 0.9, np.sqrt(1 - 0.81)
    vec[2, 2] = vec[3, 3] = 1.0
    assert _headlines(facts, members, vec, 3) == ["f0", "f2", "f3"]  # two sources first, but never the same thing twice
    assert _headlines(facts, members, vec, 2) == ["f0", "f2"]


def test_headlines_do_not_show_one_sentence_twice() -> None:
    a = statement("The spokesman said the terminal would stay shut until every crane was checked.", "a")
    b = statement("Zaremba's union has demanded that the terminal stay shut until every crane is tested.", "b")
    c = statement("The remaining cranes were locked down, the spokesman added.", "c")
    b_part = clause_of(b, "the terminal", 90)
    other = statement("An inquiry will report in June.", "d")
    for i, st in enumerate([a, b, c, b_part, other]):
        st.idx = i
    facts = [
        Fact("f0", b.text, [], ["a", "b", "c"], 3, "corroborated"),
        Fact("f1", b_part.text, [], ["b", "c"], 2, "corroborated"),  # a clause of the sentence f0 shows
        Fact("f2", a.text, [], ["a", "b"], 2, "corroborated"),  # shares sentences with f0, but shows another
        Fact("f3", other.text, [], ["c", "d"], 2, "corroborated"),
    ]
    members = {"f0": [b, c], "f1": [b_part, c], "f2": [a, b], "f3": [other]}
    vec = np.eye(5, dtype=np.float32)  # no two texts alike in meaning: the sentences decide
    assert _headlines(facts, members, vec, 4) == ["f0", "f2", "f3"]


def test_headlines_do_not_repeat_what_a_headline_s_sentences_tell() -> None:
    a = statement("The harbour master said a few crane drivers were rescued, but they were badly hurt and later died.", "a")
    b = statement("A few crane drivers were pulled out, the harbour master said, but they were badly hurt and died.", "b")
    c = statement("The harbour master said some drivers had been rescued from the cabs.", "c")
    a_part, b_part = clause_of(a, "they were badly", 3), clause_of(b, "they were badly", 4)
    d = statement("They were too badly hurt to be saved, a doctor said.", "d")
    other = statement("An inquiry will report in June.", "e")
    sts = [a, b, c, a_part, b_part, d, other]
    for i, st in enumerate(sts):
        st.idx = i
    facts = [
        Fact("f0", a.text, [], ["a", "b", "c"], 3, "corroborated"),
        # shown by another sentence, but two of its three reports are cut from f0's sentences
        Fact("f1", d.text, [], ["a", "b", "d"], 3, "corroborated"),
        Fact("f2", other.text, [], ["e", "c"], 2, "corroborated"),
    ]
    members = {"f0": [a, b, c], "f1": [a_part, b_part, d], "f2": [other]}
    vec = np.eye(7, dtype=np.float32)  # no two texts alike in meaning: the sentences decide
    assert _headlines(facts, members, vec, 3) == ["f0", "f2"]


def test_a_sentence_an_article_repeats_word_for_word_is_one_fact() -> None:
    said = "Details of the summit are being worked out now."
    text = f"{said} The talks went very smoothly. {said}"
    art = make_article(text, "a")
    spans = [(0, len(said)), (len(said) + 1, text.index(said, 1) - 1), (text.index(said, 1), len(text))]
    sts = [Statement(i, art, a, b, text[a:b], core=text[a:b], words=content_words(text[a:b])) for i, (a, b) in enumerate(spans)]
    assert _useful([[0], [1], [2]], sts) == [[0], [1]]  # the repeat goes; its first occurrence stands for it


def test_a_fact_credits_named_and_described_speakers_not_vague_ones() -> None:
    named = statement("The bridge will reopen, Mayor Ruiz said.", "a", speaker="Ana Ruiz", entity="e-ruiz")
    police = statement("The driver fled, police said.", "b", speaker="police")
    police.speaker_kind = "description"
    vague = statement("It said the bridge was safe.", "c", speaker="It")
    vague.speaker_kind = "description"
    nobody = statement("The bridge is closed.", "d")
    assert [_named_speaker(s) for s in (named, police, vague, nobody)] == [True, True, False, False]
    some = statement("Some experts said the bridge was safe.", "e", speaker="Some experts")
    some.speaker_kind = "description"
    assert _named_speaker(some)  # a quantifier before a noun describes who spoke
    for pronoun in ("its", "their", "his", "her", "we"):
        bare = statement("The bridge is safe, it said.", "f", speaker=pronoun)
        bare.speaker_kind = "description"
        assert not _named_speaker(bare), pronoun


def test_a_fact_names_the_speaker_of_its_shown_sentence_first() -> None:
    shown = statement("The terminal will stay shut, Sandoval said.", "a", speaker="Pieter Sandoval", entity="e-1")
    others = [
        statement("The union demanded the terminal stay shut, Zaremba said.", "b", speaker="Mykhailo Zaremba", entity="e-2"),
        statement("The terminal stays shut, Zaremba said again.", "c", speaker="Mykhailo Zaremba", entity="e-2"),
        statement("Officials said the terminal is shut.", "d", speaker="Anna Berg", entity="e-3"),
    ]
    assert _fact_speakers([*others, shown], shown) == ["Pieter Sandoval", "Mykhailo Zaremba", "Anna Berg"]


def test_a_fact_whose_shown_sentence_changes_names_its_speaker_first_again() -> None:
    fbi = statement("The FBI said the package was found in a Florida mail facility.", "a", speaker="FBI", entity="e-1")
    two = statement("Two people said the package was found in Florida.", "b", speaker="two people", entity="e-2")
    fact = Fact("f1", two.text, [], ["a", "b"], 2, "corroborated", speakers=["two people", "FBI"])
    fact.text = fbi.text  # another member now stands for the fact
    _shown_speaker_first([fact], {"f1": [two, fbi]})
    assert fact.speakers == ["FBI", "two people"]


def test_a_round_figure_reaches_a_tenth_above_it_but_not_the_next_figure() -> None:
    def amount(n: str) -> Amount:
        st = statement(f"The office received {n} pages of letters.", "a", count=n, counted="pages")
        assert st.main is not None
        return amount_of(st.main)

    assert amounts_agree(amount("50,000"), amount("52,500"))  # "50,000" is itself round
    assert not amounts_agree(amount("50,000"), amount("55,000"))  # 50,000 × 1.1 came out above 55,000 in floats
    assert not amounts_agree(amount("1,000"), amount("1,100"))


def test_two_estimates_or_two_bare_figures_a_whole_step_apart_disagree() -> None:
    from newsfuse.read.numbers import parse_amount

    def amount(text: str) -> Amount:
        a = parse_amount(text)
        assert a is not None
        if a.hedge == "exact":
            st = statement(f"The office received {text} pages of letters.", "a", count=text, counted="pages")
            assert st.main is not None
            return amount_of(st.main)
        return a

    # the ±10% of "about" overlaps, but the stated figures are a thousand apart: the sources disagree
    assert not amounts_agree(amount("about 12,000"), amount("about 13,000"))
    assert amounts_agree(amount("12,000"), amount("about 13,000"))  # the hedge holds the bare figure
    assert not amounts_agree(amount("12,000"), amount("13,000"))
    assert not amounts_agree(amount("about 50"), amount("roughly 60"))
    # one figure rounded, or written more finely
    assert amounts_agree(amount("about 12,000"), amount("12,400"))
    assert amounts_agree(amount("about 12,000"), amount("around 12,000"))
    assert amounts_agree(amount("about 4.5"), amount("4.46"))
    assert amounts_agree(amount("about 1 million"), amount("1.05 million"))
    # a figure the coarser one's rounding joins is no other estimate; floats do not make "4.1 million" a unit count
    assert amounts_agree(amount("about 20,000"), amount("about 21,000"))
    assert not amounts_agree(amount("about 20,000"), amount("about 26,000"))
    assert amounts_agree(amount("about 4.1 million"), amount("about 4.14 million"))
    assert not amounts_agree(amount("about 1.5 million"), amount("about 1.6 million"))
    # bounds keep their own rule
    assert amounts_agree(amount("more than 12,000"), amount("about 13,000"))


def test_a_headline_that_says_a_chosen_one_again_in_other_words_is_left_out() -> None:
    import numpy as np

    from newsfuse.fuse import _headlines
    from tests.fuse.helpers import statement

    texts = [
        "The harbour chief met the union leader on Sunday.",  # chosen first
        "Harbour chief Ana Ruiz held talks with the dockers' union leader over the weekend.",  # the same, 0.82 alike
        "Three cranes fell into the water during the storm.",  # another fact
    ]
    sts = [statement(t, src) for t, src in zip(texts, "abc", strict=True)]
    for k, st in enumerate(sts):
        st.idx = k
    v = np.zeros((3, 384), dtype=np.float32)
    v[0, 0] = 1.0
    v[1, 0], v[1, 1] = 0.82, float(np.sqrt(1 - 0.82**2))
    v[2, 2] = 1.0
    facts = [Fact(f"f{k}", st.text, [], [st.source, "z"], 2, "corroborated") for k, st in enumerate(sts)]
    assert _headlines(facts, {f.id: [st] for f, st in zip(facts, sts, strict=True)}, v, 3) == ["f0", "f2"]


def test_a_clause_that_cannot_stand_as_a_sentence_neither_stands_for_a_fact_nor_leads_the_brief() -> None:
    whole = statement("Mayor Ines Kovac, who finished second in the harbour poll, said the ferry would run.", "a")
    rel = clause_of(whole, "who finished second in the harbour poll", 0)
    rel.fragment = True
    said = statement("The ferry will run through the winter, the mayor said.", "b")
    said_part = clause_of(said, "The ferry will run through the winter", 0)  # reads as a sentence of its own
    vecs = np.array([[1.0, 0.0], [0.9, 0.1]])  # the fragment is even closer to the centroid
    assert _representatives([rel, said_part], vecs)[0] is said_part
    other = statement("An inquiry into the harbour poll will report in June.", "c")
    for i, st in enumerate([rel, other]):
        st.idx = i
    facts = [
        Fact("f0", rel.text, [], ["a", "b"], 2, "corroborated"),
        Fact("f1", other.text, [], ["c"], 1, "single_source"),
    ]
    vec = np.eye(2, dtype=np.float32)
    assert _headlines(facts, {"f0": [rel], "f1": [other]}, vec, 2) == ["f1"]  # the fact stays in the list only
    rel.fragment = False
    assert _headlines(facts, {"f0": [rel], "f1": [other]}, vec, 2) == ["f0", "f1"]


def test_each_evidence_span_carries_whom_its_source_credits() -> None:
    named = statement("The bridge will reopen, Mayor Ruiz said.", "a", speaker="Ana Ruiz", entity="e-ruiz")
    vague = statement("It said the bridge was safe.", "c", speaker="It")
    vague.speaker_kind = "description"
    nobody = statement("The bridge is closed.", "d")
    assert [_ev(s).speaker for s in (named, vague, nobody)] == ["Ana Ruiz", None, None]
    assert _ev(named).text == named.text  # still the exact span


def test_a_member_only_loosely_alike_to_every_other_source_is_marked_loose() -> None:
    from newsfuse.fuse import _evidence
    from newsfuse.render.json import _label, _loose_sources, evidence

    sts = [
        statement(t, s)
        for t, s in [("The quay reopened on Monday.", "a"), ("The quay was reopened Monday.", "b"), ("The union met on Monday.", "c")]
    ]
    for k, st in enumerate(sts):
        st.idx = k
    v = np.zeros((3, 8), dtype=np.float32)
    v[0, 0] = v[1, 0] = 1.0
    v[2, 0], v[2, 1] = 0.4, np.sqrt(1 - 0.16)  # 0.4 alike to both others
    ev = _evidence(sts, v)
    assert [(e.source, e.loose) for e in ev] == [("a", False), ("b", False), ("c", True)]
    assert [e.text for e in ev] == [s.text for s in sts]  # still the exact spans
    assert evidence(ev[2])["loose"] is True and "loose" not in evidence(ev[0])
    fact = Fact("f1", sts[0].text, ev, ["a", "b", "c"], 3, "corroborated")
    assert _loose_sources(fact) == 1
    assert _label(3, 3, 1) == "3 sources say (1 only loosely alike)"
    assert _label(3, 2, 1) == "3 sources say (2 independent; 1 only loosely alike)"
    assert _label(3, 2) == "3 sources say (2 independent)" and _label(1, 1) == "1 source says"
    assert not any(e.loose for e in _evidence(sts[:1], v))  # a single source is alike to no other


def test_a_disagreement_card_shows_each_sentence_once() -> None:
    from newsfuse.fuse import _outermost
    from newsfuse.model import Evidence

    whole = Evidence("x", "a", 0, 60, "Ruiz said 40 firefighters fought the blaze for six hours.")
    clause = Evidence("x", "a", 10, 56, "40 firefighters fought the blaze for six hours")
    other = Evidence("y", "b", 10, 56, "40 firefighters fought the blaze for six hours")
    assert _outermost([clause, whole, other]) == [whole, other]  # the clause is in its sentence; another source's stays
    assert _outermost([whole, whole]) == [whole]


def test_a_fact_within_another_of_the_same_sources_is_left_out_unless_disputed_or_of_fewer_sources() -> None:
    from newsfuse.fuse import _not_within_others

    a = statement("Every crane will be examined before work resumes, Sandoval said.", "a")
    b = statement("Every crane will be examined before work resumes, the spokesman said.", "b")
    c = statement("The cranes will all be checked, officials said.", "c")
    qa, qb = clause_of(a, "Every crane", 101), clause_of(b, "Every crane", 102)

    def fact(fid: str, sts: list[Statement]) -> Fact:
        return Fact(fid, sts[0].text, [], sorted({s.source for s in sts}), 2, "corroborated")

    wide, words = fact("f-wide", [a, b]), fact("f-words", [qa, qb])
    members = {"f-wide": [a, b], "f-words": [qa, qb]}
    assert [f.id for f in _not_within_others([wide, words], members, set())] == ["f-wide"]
    assert [f.id for f in _not_within_others([wide, words], members, {"f-words"})] == ["f-wide", "f-words"]  # a disagreement's place
    wider = fact("f-wide", [a, b, c])  # three sources say the sentence, two of them these words: who says them is news
    members["f-wide"] = [a, b, c]
    assert [f.id for f in _not_within_others([wider, words], members, set())] == ["f-wide", "f-words"]


def test_a_disputes_evidence_cut_at_a_semicolon_shows_its_whole_sentence() -> None:
    text = "Officials say 12 people died and 40 were hurt; 9 of the injured are in a serious condition. Rain fell."
    a = make_article(text, "a")
    a.set_spans("sentences", [Span(0, text.index(" Rain"), "sentence", "t@1"), Span(text.index("Rain"), len(text), "sentence", "t@1")])
    half = Evidence.of(a, 0, text.index(";"))
    assert _whole_sentence(half, a).text == text[: text.index(" Rain")]
    second = Evidence.of(a, text.index("9 of"), text.index(" Rain"))
    assert _whole_sentence(second, a).text == text[: text.index(" Rain")]
    rain = Evidence.of(a, text.index("Rain"), len(text))
    assert _whole_sentence(rain, a) == rain  # a sentence of its own stays as it is


def test_a_disputes_evidence_that_is_the_second_of_two_joined_clauses_shows_its_whole_sentence() -> None:
    text = "Two more people were missing and 11 were injured, according to the Riverton fire service. Rain fell."
    a = make_article(text, "a")
    a.set_spans("sentences", [Span(0, text.index(" Rain"), "sentence", "t@1"), Span(text.index("Rain"), len(text), "sentence", "t@1")])
    second = Evidence.of(a, text.index("11 were"), text.index(" Rain"))
    assert _whole_sentence(second, a).text == text[: text.index(" Rain")]
    first = Evidence.of(a, 0, text.index(" and 11"))
    assert _whole_sentence(first, a) == first  # the first clause reads alone


def test_the_same_sentence_word_for_word_on_both_sides_is_no_dispute() -> None:
    from newsfuse.fuse import _same_words_both_sides
    from newsfuse.model import Discrepancy, Variant

    said = "A replacement aircraft would fly them on later on Friday."
    wire = Evidence("x", "wire", 0, len(said), said)
    reprint = Evidence("y", "reprint", 0, len(said), said)
    other = Evidence("z", "other", 0, 20, "They flew on Saturday")
    copied = Discrepancy(
        "d1", "date", "disputed: date", [Variant("2026-10-16", ["wire"], [wire]), Variant("2026-10-23", ["reprint"], [reprint])]
    )
    real = Discrepancy("d2", "date", "disputed: date", [Variant("2026-10-16", ["wire"], [wire]), Variant("2026-10-17", ["other"], [other])])
    assert _same_words_both_sides(copied) and not _same_words_both_sides(real)


def test_a_claim_held_as_an_allegation_shows_who_alleges_it() -> None:
    text = "The Riverton union alleged that the alarm on the loading-bay door had been faulty for weeks. Rain fell."
    a = make_article(text, "a")
    a.set_spans("sentences", [Span(0, text.index(" Rain"), "sentence", "t@1"), Span(text.index("Rain"), len(text), "sentence", "t@1")])
    claim = Evidence.of(a, text.index("the alarm"), text.index(" Rain") - 1)
    assert _whole_sentence(claim, a) == claim  # any other dispute shows the clause it is about
    assert _whole_sentence(claim, a, always=True).text == text[: text.index(" Rain")]
