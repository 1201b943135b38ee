from __future__ import annotations

import pytest

from newsfuse.fuse.misquotes import quote_disagreements
from newsfuse.fuse.statements import Statement
from newsfuse.model import Discrepancy, Span
from tests.fuse.helpers import statement


def _quoted(text: str, source: str, speaker: str | None = "e-lind", described: str | None = None) -> Statement:
    """A statement whose article quotes ``text`` between the first pair of curly quotation marks, said by the entity
    ``speaker`` (Mara Lind), by someone ``described`` ("a protester"), or by no one the reading could tell."""
    st = statement(text, source)
    a = st.article
    start, end = text.index("“") + 1, text.index("”")
    if text[end - 1] == ",":
        end -= 1
    attrs = {"direct": True, "entity": speaker, "name": "Mara Lind" if speaker else None, "speaker_text": described}
    a.set_spans("quotes", [Span(start, end, "direct", "test@1", attrs)])
    return st


def test_a_remark_quoted_with_and_without_its_negation() -> None:
    a = _quoted("“To pass this bill in the next couple of weeks would raise the risk that the economy stalls,” Lind said.", "fox")
    b = _quoted(
        "“If they [senators] don't pass this bill in the next couple weeks it will raise the risk that the economy stalls,” Lind said.",
        "hp",
    )
    (d,) = quote_disagreements([a, b])
    assert d.kind == "wording"
    assert d.summary == "disputed: quoted words"
    shown = {v.sources[0]: v.value for v in d.variants}
    assert shown["fox"] in a.text and shown["hp"] in b.text  # copied from the sources
    assert "To pass" in shown["fox"] and "don't pass" in shown["hp"]
    for v in d.variants:
        for e in v.evidence:  # the whole quotation, at its offsets
            assert e.text in {a.text, b.text} or any(e.text == s.text[e.start : e.end] for s in (a, b))


def test_a_remark_quoted_with_two_numbers() -> None:
    a = _quoted("“We will hire 40 new teachers for the schools of the valley next year,” Lind said.", "a")
    b = _quoted("“We will hire 400 new teachers for the schools of the valley next year,” Lind said.", "b")
    (d,) = quote_disagreements([a, b])
    assert sorted(v.value for v in d.variants) == ["hire 40 new", "hire 400 new"]


def test_tidied_translated_or_shortened_quotes_are_no_disagreement() -> None:
    base = "“The plan is a very dangerous thing for the workers of this city and we will fight it,” Lind said."
    for other in [
        "“The plan is a dangerous thing for the workers of this city and we will fight it,” Lind said.",  # intensifier
        "“The plan is a very dangerous thing for the work force of this city and we will oppose it,” Lind said.",  # words
        "“The plan is a very dangerous thing for the workers of this city,” Lind said.",  # an excerpt that stops early
        "“The plan is a very dangerous thing ... and we will fight it,” Lind said.",  # a marked cut
        "“The plan is a very dangerous thing for the workers of this city and we'll fight it,” Lind said.",
    ]:
        assert quote_disagreements([_quoted(base, "a"), _quoted(other, "b")]) == [], other
    # "do not" and "don't", "ten" and "10" are one wording
    x = _quoted("“We do not have ten days to fix the harbour cranes before the storm,” Lind said.", "a")
    y = _quoted("“We don't have 10 days to fix the harbour cranes before the storm,” Lind said.", "b")
    assert quote_disagreements([x, y]) == []


def test_only_one_remark_of_one_speaker_is_compared() -> None:
    a = _quoted("“We will not close the harbour to the ships of the northern fleet this winter,” Lind said.", "a")
    b = _quoted("“We will close the harbour to the ships of the northern fleet this winter,” Ruiz said.", "b", speaker="e-ruiz")
    assert quote_disagreements([a, b]) == []  # two speakers: another rule's matter (attribution)
    c = _quoted("“We will close the harbour to the ships of the northern fleet this winter,” Lind said.", "a")
    assert quote_disagreements([a, c]) == []  # one outlet: not two accounts
    # a long stretch quoted differently is another part of the remark, cut without a mark
    d = _quoted(
        "“We will close the harbour. It is a terrible deal, we never wanted it, never, ever to the ships of the fleet this winter,” Lind said.",
        "b",
    )
    e = _quoted("“We will close the harbour to the ships of the northern fleet this winter and spring,” Lind said.", "c")
    assert quote_disagreements([d, e]) == []


def test_no_quotes_no_disagreement() -> None:
    assert quote_disagreements([statement("The harbour closed on Monday.", "a"), statement("The harbour closed.", "b")]) == []


def _pair(x: str, y: str, speaker_y: str | None = "e-lind") -> list[Discrepancy]:
    return list(quote_disagreements([_quoted(f"“{x},” Lind said.", "a"), _quoted(f"“{y},” Lind said.", "b", speaker=speaker_y)]))


def test_one_negation_written_two_ways_is_no_disagreement() -> None:
    tail = "the harbour to the ships of the northern fleet this winter"
    for x, y in [
        (f"We cannot close {tail}", f"We can't close {tail}"),
        (f"We never said we would close {tail}", f"We did not say we would close {tail}"),
        (f"We have no plans to close {tail}", f"We do not have plans to close {tail}"),
        (f"We will close {tail}, no doubt", f"We will close {tail}, believe me"),
        (f"No, no, we will close {tail}", f"Look, we will close {tail}"),
        (f"Our No. 1 job is to close {tail}", f"Our top job is to close {tail}"),
        (f"We will close it unless the storm eases, and keep {tail}", f"We will close it if the storm does not ease, and keep {tail}"),
        (f"Nobody expected the storm. We will close {tail}", f"Tomorrow we will close {tail}"),
        (f"We will . . . close {tail}", f"We will not close {tail}"),  # a spaced ellipsis is a marked cut
    ]:
        assert _pair(x, y) == [], (x, y)


def test_one_number_written_two_ways_is_no_disagreement_and_two_numbers_are() -> None:
    tail = "new teachers for the schools of the valley next year"
    for x, y in [
        ("1,200", "1200"),
        ("twenty-five", "25"),
        ("one hundred", "100"),
        ("5.50 million", "5.5 million"),
        ("1.2 million", "1,200,000"),
    ]:
        assert _pair(f"We will hire {x} {tail}", f"We will hire {y} {tail}") == [], (x, y)
    for x, y in [("5.5", "5"), ("1,500", "500")]:
        assert len(_pair(f"We will hire {x} {tail}", f"We will hire {y} {tail}")) == 1, (x, y)
    # two remarks of one speaker, a year apart, are no misquote
    assert _pair(f"We will hire 40 {tail}", "We hired 30 new teachers for the schools of the valley last year") == []


def test_a_described_speaker_is_a_rival_of_a_named_one() -> None:
    a = _quoted("“We will close the harbour to the ships of the fleet this winter,” Lind said.", "a")
    text = "“They will not close the harbour to the ships of the fleet this winter,” a protester said."
    assert quote_disagreements([a, _quoted(text, "b", speaker=None, described="a protester")]) == []
    # no speaker the reading could tell: maybe the same remark
    assert len(quote_disagreements([a, _quoted(text, "b", speaker=None)])) == 1


@pytest.mark.models  # words of other meaning are told by their embeddings
def test_one_word_put_for_another_of_other_meaning() -> None:
    tail = "the mayor of the valley and his plan for the harbour"
    (d,) = _pair(f"We do not like {tail}. We reject his visit", f"We do not like {tail}. We reject his message")
    assert sorted(v.value for v in d.variants) == ["his message", "his visit"]
    assert d.kind == "wording"
    # the word at the end of both quotations, after an article dropped: "closer to a nuclear bomb" / "to nuclear arms"
    (e,) = _pair(
        "Every day that passes the northern fleet gets closer and closer to a nuclear bomb",
        "Every day that passes the northern fleet gets closer and closer to nuclear arms",
    )
    assert {v.value for v in e.variants} == {"nuclear bomb", "nuclear arms"}


@pytest.mark.models
def test_one_word_written_another_way_is_no_disagreement() -> None:
    head = "We will not pay for the new harbour wall and the mayor knows it, because"
    for x, y in [
        ("we realized the cost", "we realised the cost"),  # spelling
        ("you need not sit in the pew every week", "you need not sit in the pews every week"),  # inflection
        ("he has run his business", "he is running his business"),
        ("the angry shareholders know it", "the angry stockholders know it"),  # a word of like meaning
        ("our kids know it too", "our children know it too"),
    ]:
        assert _pair(f"{head} {x}", f"{head} {y}") == [], (x, y)
    # a word the outlet censored is no other word
    assert (
        _pair("I am not going to pay for that fucking wall on the river", "I am not going to pay for that f***ing wall on the river") == []
    )
    # two words changed are a tidied or translated remark (the module's rule for paraphrase)
    assert _pair(f"{head} the wall is a terrible deal", f"{head} the dam is an awful deal") == []


@pytest.mark.models
def test_review_cases_of_words_written_or_said_another_way() -> None:
    tail = "cannot hide from us anywhere in the region, and we will find them"
    # a name spelt two ways, or a name put for a pronoun
    assert _pair(f"This strike shows that al-Qaida {tail}", f"This strike shows that al-Qaeda {tail}") == []
    assert (
        _pair("I told Smith that the families of this valley deserve better", "I told him that the families of this valley deserve better")
        == []
    )
    # fillers of talk, and the word that opens one outlet's quotation
    assert (
        _pair("We asked the council, like, twice for a new harbour wall", "We asked the council, you know, twice for a new harbour wall")
        == []
    )
    assert (
        _pair("Today the government has failed the families of this valley", "Again the government has failed the families of this valley")
        == []
    )
    # words a translation may use for each other
    for u, v in [("help", "assist"), ("strong", "firm"), ("deal", "agreement"), ("brutal", "vicious")]:
        assert (
            _pair(f"We will {u} the families of this valley in every way", f"We will {v} the families of this valley in every way") == []
        ), (u, v)


@pytest.mark.models
def test_a_source_that_quotes_both_remarks_splits_nothing() -> None:
    x = "We will not rest until every family in this city is safe again"
    y = "We will not rest until every child in this city is safe again"
    a1, a2 = _quoted(f"“{x},” Lind said.", "a"), _quoted(f"“{y},” Lind said.", "a")
    b = _quoted(f"“{y},” Lind said.", "b")
    assert quote_disagreements([a1, a2, b]) == []
