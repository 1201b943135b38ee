"""The pure quote helpers: quote marks in every style, their insides, utterances and titles (no model)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.read.quotes import OPEN_CLOSE, looks_like_title, quote_marks, speech_like, strip_marks


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in quote_marks(text)]


def test_curly_straight_and_guillemet_quotes() -> None:
    text = '“The pier is closed,” the mayor said. "We will rebuild," she added, citing «a long winter».'
    assert _quoted(text) == ["“The pier is closed,”", '"We will rebuild,"', "«a long winter»"]


def test_single_quotes_skip_apostrophes() -> None:
    text = "The captain's log read 'the tide won't wait for anyone' before the storm."
    assert _quoted(text) == ["'the tide won't wait for anyone'"]


def test_double_apostrophe_quotes_are_one_mark() -> None:
    text = "''We can't open the ferry yet,'' Ms. Ruiz said, calling it ''a matter of days.''"
    assert _quoted(text) == ["''We can't open the ferry yet,''", "''a matter of days.''"]


def test_a_quote_left_open_closes_at_the_paragraph_end() -> None:
    text = "“The first warning came at noon.\n“The second came at dusk,” he said."
    spans = quote_marks(text)
    assert [text[a:b] for a, b in spans] == ["“The first warning came at noon.", "“The second came at dusk,”"]
    assert all("\n" not in text[a:b] for a, b in spans)


def test_straight_quotes_inside_straight_quotes_nest() -> None:
    def marks(t: str) -> list[str]:
        return [t[a:b] for a, b in quote_marks(t)]

    text = '"The port can refuse these large "convoys" of trucks. It must stop them," the mayor wrote.'
    assert marks(text) == ['"The port can refuse these large "convoys" of trucks. It must stop them,"']
    assert marks('"We will win," he said. "The polls are wrong."') == ['"We will win,"', '"The polls are wrong."']
    # no mark left to close the outer quote: the inner opening mark closes it, as before
    assert marks('"We will win, he said. "The polls are wrong."') == ['"We will win, he said. "']


def test_strip_marks_gives_the_inside() -> None:
    text = "“The pier is closed,” she said."
    a, b = quote_marks(text)[0]
    assert text[slice(*strip_marks(text, a, b))] == "The pier is closed"
    text2 = "''Not yet.'' he said"
    a, b = quote_marks(text2)[0]
    assert text2[slice(*strip_marks(text2, a, b))] == "Not yet."


def test_speech_like_and_titles() -> None:
    assert speech_like("“We will rebuild,”") and speech_like("Is it safe?") and not speech_like("a long winter")
    assert looks_like_title("Harbor Lights at Midnight")
    assert not looks_like_title("the harbor lights went dark at midnight")
    assert looks_like_title("A Harbor Life.")  # a title may close the sentence
    assert not looks_like_title("We will rebuild it.")
    assert not looks_like_title("Will It Hold?")  # asked
    assert not looks_like_title("Peter Capaldi is in the Tardis.")  # a sentence of names: its verb is in lower case
    assert looks_like_title("Winter Is Coming")


_ALPHABET = st.sampled_from([*"ab ,.'\"“”‘’«»\n", "''"])


@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_quote_marks_spans_are_in_range_ordered_and_disjoint(text: str) -> None:
    spans = quote_marks(text)
    for a, b in spans:
        assert 0 <= a < b <= len(text)
        assert "\n" not in text[a:b]
    for (_, b1), (a2, _) in itertools.pairwise(spans):
        assert b1 <= a2


@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_strip_marks_stays_inside_its_quote(text: str) -> None:
    for a, b in quote_marks(text):
        ia, ib = strip_marks(text, a, b)
        assert a <= ia <= ib <= b
        # only the end of a quote run over paragraphs starts without a mark, at its paragraph's first word
        assert ia > a or (text[a] not in OPEN_CLOSE and (a == 0 or text[a - 1] == "\n" or text[a - 1].isspace()))


def test_a_quote_run_over_paragraphs_ends_where_its_closing_mark_is() -> None:
    text = (
        "The mayor spoke late.\n\n“We will rebuild the pier.\n\nIt is our town.\n\n"
        'And we will do it by spring," Ruiz said in a statement.\n\nHe also said "the ferry is safe."'
    )
    got = [text[a:b] for a, b in quote_marks(text)]
    assert got == ["“We will rebuild the pier.", "It is our town.", 'And we will do it by spring,"', '"the ferry is safe."']
    # a closing mark long after any open quote, or with no quote open before it, stays what it was
    dashed = "“We will rebuild the pier.\n\nAnd it is ours,”—Ruiz said."
    assert [dashed[a:b] for a, b in quote_marks(dashed)] == ["“We will rebuild the pier.", "And it is ours,”"]
    lone = 'He left," she said.'
    assert [lone[a:b] for a, b in quote_marks(lone)] == ['" she said.']
    far = '“We will rebuild.\n\nA.\n\nB.\n\nC.\n\nD.\n\nE," Ruiz said.'
    assert 'E,"' not in [far[a:b] for a, b in quote_marks(far)]


def test_no_quote_run_from_a_measure_or_a_sign_left_open() -> None:
    # an inch mark after a digit closes nothing; a sign left open ("Closed for the season") is no quote run on
    text = (
        "The shop window carried a sign reading “Closed for the winter season\n\n"
        "Mayor Ana Ruiz said the harbor would reopen by spring.\n\n"
        'The new store on the pier sells 55" televisions, the owner said.'
    )
    assert [text[a:b] for a, b in quote_marks(text)] == ["“Closed for the winter season"]
    text = '“We will rebuild the pier.\n\nThe store sells 55" televisions, the owner said.'
    assert [text[a:b] for a, b in quote_marks(text)] == ["“We will rebuild the pier."]


def test_a_state_written_in_full_abbreviated_or_by_postal_code() -> None:
    from newsfuse.read.quotes import same_state

    for a, b in [("Ariz.", "Arizona"), ("N.Y.", "New York"), ("W.Va.", "West Virginia"), ("TX", "Texas"), ("NY", "New York")]:
        assert same_state(a, b) and same_state(b, a)
    for a, b in [("Ohio", "Texas"), ("Texas", "Tennessee"), ("N.Y.", "New Jersey")]:
        assert not same_state(a, b)
