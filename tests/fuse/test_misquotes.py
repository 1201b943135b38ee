from __future__ import annotations

from newsfuse.fuse.misquotes import quote_disagreements
from newsfuse.fuse.statements import Statement
from newsfuse.model import Span
from tests.fuse.helpers import statement


def _quoted(text: str, source: str, speaker: str | None = "e-lind") -> Statement:
    """A statement whose article quotes ``text`` between the first pair of curly quotation marks."""
    st = statement(text, source)
    a = st.article
    start, end = text.index("“") + 1, text.index("”")
    if text[end - 1] == ",":
        end -= 1
    attrs = {"direct": True, "entity": speaker, "name": "Mara Lind" if speaker else None}
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
