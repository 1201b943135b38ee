"""Sentence bounds: spaCy's, with a quotation's credit kept in its sentence."""

from __future__ import annotations

import pytest

from newsfuse.api import read_articles
from newsfuse.model import Span
from newsfuse.read.sentences import _cut_short, credits_quote_before, is_subhead
from tests.conftest import make_article


@pytest.mark.parametrize(
    ("before", "text"),
    [
        ("“We will not pay a cent for that barrier!”", "Mr. Ortega told the radio station."),
        ('"Which is it, then?"', "the judge asked."),
        ('"Which is it, then?"', "He asked, drawing laughter."),
        ("“Stop lying!”", "Ms. Lind wrote."),
    ],
)
def test_a_credit_after_a_closed_quotation_belongs_to_it(before: str, text: str) -> None:
    assert credits_quote_before(before, text)


@pytest.mark.parametrize(
    ("before", "text"),
    [
        ("The council met on Monday.", "Mr. Ortega said."),  # no quotation to credit
        ("“He asked me for loyalty.”", "I replied that he would always get honesty."),  # a new claim
        ("“We will not pay!”", "Mr. Ortega said the wall would cost billions and nobody wanted it."),  # a claim of its own
        ("“We will not pay!”", "The mayor said. Then he left."),
        ("“We will not pay!”", "He said the plan failed in May."),
    ],
)
def test_a_sentence_that_says_more_than_who_spoke_stands_alone(before: str, text: str) -> None:
    assert not credits_quote_before(before, text)


@pytest.mark.models
def test_the_credit_after_an_exclamation_stays_with_the_quote() -> None:
    text = (
        "The former president spoke to the station this month.\n\n"
        "“We are not going to pay a single peso for such a silly barrier!” Mr. Ortega told the radio station.\n\n"
        '"Which is it?" Judge Marsh asked. The hearing went on.'
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    sents = [a.span_text(s) for s in a.group("sentences")]
    assert "“We are not going to pay a single peso for such a silly barrier!” Mr. Ortega told the radio station." in sents
    assert '"Which is it?" Judge Marsh asked.' in sents
    assert "The hearing went on." in sents


@pytest.mark.parametrize(
    ("line", "subhead"),
    [
        ("(The mogul puts the price tag at around $8 billion.)", False),
        ("(Mr. Varga did not respond to either message.)", False),
        ("Fighting on the border (in pictures)", True),
        ("What happens next", True),
    ],
)
def test_a_sentence_in_brackets_is_no_subheading(line: str, subhead: bool) -> None:
    assert is_subhead(line) is subhead


@pytest.mark.models
def test_no_sentence_starts_with_a_bare_numeral_but_one_may_start_with_a_year() -> None:
    text = (
        "The guard walked back to the gate armed with his. 38 revolver, which he keeps in a locker. "
        "2017 was a hard year for the plant. The plant employs 300 people."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    assert [a.span_text(s) for s in a.group("sentences")] == [
        "The guard walked back to the gate armed with his. 38 revolver, which he keeps in a locker.",
        "2017 was a hard year for the plant.",
        "The plant employs 300 people.",
    ]


@pytest.mark.models
def test_a_paragraph_whose_subject_a_name_follows_is_no_glued_headline() -> None:
    text = (
        "Storm wrecks harbour cranes Harbour officials said on Monday that three cranes had fallen into the water overnight.\n\n"
        "The reason Okafor was suspended had not been made public on Friday and officials said they would not comment on it."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = [(s.label, a.span_text(s)) for s in a.group("sentences")]
    assert got[0] == ("headline", "Storm wrecks harbour cranes")
    assert got[-1] == ("sentence", text.split("\n\n")[1])


@pytest.mark.models
def test_a_role_before_a_name_the_model_did_not_tag_is_no_glued_headline() -> None:
    text = "Fire at plant\n\nA fire broke out on Tuesday night.\n\nFire chief Ana Ruiz said about 60 firefighters fought the blaze."
    a = read_articles([make_article(text, "q")]).articles[0]
    assert [a.span_text(s) for s in a.group("sentences")][-1] == "Fire chief Ana Ruiz said about 60 firefighters fought the blaze."


@pytest.mark.models
def test_a_paragraph_whose_words_the_rest_governs_is_no_glued_headline() -> None:
    text = (
        "Harbor news\n\nPort director Ana Ruiz says no matter what emergency action Mayor Tom Hale takes on the strike, "
        "“his order does not trump the union contract.”"
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = [(s.label, a.span_text(s)) for s in a.group("sentences")]
    assert got[-1] == ("sentence", text.split("\n\n")[1])


@pytest.mark.models
def test_a_crlf_paragraph_break_ends_a_sentence_left_without_punctuation() -> None:
    text = "Port cranes fall in storm, quay shut\r\n\r\nThree cranes fell into the water on Monday and the quay was shut, officials said."
    a = read_articles([make_article(text, "q")]).articles[0]
    assert all("\n" not in a.span_text(s) for s in a.group("sentences"))


def test_a_sentence_cut_short_joins_the_next_but_a_bare_credit_stays_apart() -> None:
    def cut(text: str, at: str) -> bool:
        k = text.index(at)
        return _cut_short(text, Span(0, k - 1, "sentence", "t@1"), k, len(text))

    joined = "Port director Ana Ruiz says no matter what emergency action Mayor Tom Hale takes on the strike."
    assert cut(joined, "Mayor Tom Hale")
    credit = "Regardless, the crews were treating the crane as unsafe Harbor County Port Authority Director Ana Ruiz said."
    assert not cut(credit, "Harbor County")  # a comma lost before the credit: the credit still credits
    assert not cut("The crane was unsafe,\nthe crews said on Monday.", "the crews")  # never across a line


@pytest.mark.models
def test_a_subheading_above_a_paragraph_is_not_parsed_into_it() -> None:
    text = (
        "Brave crews pull boy, 7, from flooded cellar\n\n"
        "TWELVE people have died and 40 more were injured after the river burst its banks near Riverton yesterday."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    twelve = next(q for q in a.group("quantities") if q.attrs.get("value") == 12.0)
    assert twelve.attrs["counted"] == "people"
    assert twelve.attrs["state"] == "died"


@pytest.mark.models
def test_a_credit_line_and_a_paragraph_broken_inside_a_sentence_are_no_subheadings() -> None:
    from newsfuse.read.nlp import load_spacy
    from newsfuse.read.sentences import mark_subheads
    from newsfuse.settings import Settings

    nlp = load_spacy(Settings.load().spacy_model)

    def cuts(text: str) -> list[str]:
        doc = mark_subheads(nlp.make_doc(text))
        return [t.text for t in doc[1:] if t.is_sent_start]

    assert cuts("Flood latest for Riverton\n\nThe river rose overnight.") == ["The"]
    assert cuts('Ana Ruiz of the Riverton Gazette tweeted\n\n"The bridge is closed."') == []
    assert cuts("The council said that\n\nthe bridge would stay shut.") == []
    assert cuts("Mayor Tom Hale spoke.\n\nThe bridge is shut.") == []


@pytest.mark.models
def test_a_tabloid_title_before_a_name_is_no_glued_headline() -> None:
    text = 'The captain survived.\n\nMaritime boss Ana Ruiz vowed: "We are not giving up on anyone while there is still a chance."'
    a = read_articles([make_article(text, "q")]).articles[0]
    assert [a.span_text(s) for s in a.group("sentences")][-1] == text.split("\n\n")[1]
