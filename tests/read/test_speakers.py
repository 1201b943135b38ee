"""The pure speaker helpers: speech cues, cue ranks, datelines, pronoun resolution by salience (no model)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.read.speakers import (
    Candidate,
    content_words,
    cue_rank,
    is_dateline_word,
    is_pronoun,
    resolve_pronoun,
    salience,
    speech_lemma,
)


def test_speech_lemma_from_verbs_and_mistagged_forms() -> None:
    assert speech_lemma("said", "say", "VERB") == "say"
    assert speech_lemma("insisted", "insist", "VERB") == "insist"
    assert speech_lemma("says", "says", "PROPN", "NNP") == "say"  # "Mayor Says Bridge Is Safe" tagged as a name
    assert speech_lemma("told", "tell", "ADJ") == "tell"
    for form, lemma in (("posited", "posit"), ("opined", "opine"), ("averred", "aver"), ("intoned", "intone")):
        assert speech_lemma(form, lemma, "VERB") == lemma  # less common verbs of saying
    assert speech_lemma("walked", "walk", "VERB") is None
    assert speech_lemma("statement", "statement", "NOUN") is None
    assert speech_lemma("say", "say", "NOUN") is None  # only inflected forms are trusted against the tagger


def test_cue_rank_prefers_saying_over_evidence() -> None:
    assert cue_rank("say") == 0 and cue_rank("according") == 0
    assert cue_rank("promise") == 1
    assert cue_rank("find") == 2 and cue_rank("show") == 2
    assert cue_rank("say") < cue_rank("urge") < cue_rank("indicate")


def test_dateline_words() -> None:
    assert is_dateline_word("HARBORVILLE")
    assert is_dateline_word("ST. AUGUSTA")
    assert not is_dateline_word("EU")  # too short to tell from an acronym
    assert not is_dateline_word("Harborville")


def test_pronouns_and_content_words() -> None:
    assert is_pronoun("She") and is_pronoun("they") and not is_pronoun("mayor")
    assert content_words("The mayor said the bridge would reopen on Friday") == {"mayor", "bridge", "reopen", "friday"}


def test_salience_decays_with_distance() -> None:
    c = Candidate("local:Ana Ruiz", mentions=[(0, 2.0), (3, 1.0)])
    assert salience(c, 3) > salience(c, 6) > 0
    assert salience(c, 0) == 2.0  # later mentions do not count before they happen


def test_pronoun_goes_to_the_most_salient_person_of_its_gender() -> None:
    ana = Candidate("local:Ana Ruiz", mentions=[(0, 2.0)], gender="f")
    tom = Candidate("local:Tom Hale", mentions=[(1, 2.0)], gender="m")
    assert resolve_pronoun("she", 2, [ana, tom], None, None, set()) == "local:Ana Ruiz"
    assert resolve_pronoun("he", 2, [ana, tom], None, None, set()) == "local:Tom Hale"


def test_pronoun_follows_the_previous_speaker_and_a_following_continuation() -> None:
    ana = Candidate("local:Ana Ruiz", mentions=[(0, 1.0)])
    eva = Candidate("local:Eva Lind", mentions=[(2, 2.0)])
    assert resolve_pronoun("she", 3, [ana, eva], None, None, set()) == "local:Eva Lind"
    assert resolve_pronoun("she", 3, [ana, eva], "local:Ana Ruiz", None, set()) == "local:Ana Ruiz"
    # "she said ... , Ruiz added": the one who adds spoke just before
    assert resolve_pronoun("she", 3, [ana, eva], None, "local:Ana Ruiz", set()) == "local:Ana Ruiz"


def test_pronoun_prefers_who_said_the_same_thing_elsewhere() -> None:
    ana = Candidate("local:Ana Ruiz", mentions=[(0, 1.0)], quoted_words={"ferry", "timetable", "winter"})
    eva = Candidate("local:Eva Lind", mentions=[(1, 1.0)])
    words = content_words("the winter ferry timetable will change")
    assert resolve_pronoun("she", 2, [ana, eva], None, None, words) == "local:Ana Ruiz"


def test_no_candidate_no_resolution() -> None:
    assert resolve_pronoun("he", 4, [], None, None, set()) is None
    far = Candidate("local:Ana Ruiz", mentions=[(9, 1.0)], gender="f")
    assert resolve_pronoun("he", 2, [far], None, None, set()) is None


@given(st.lists(st.tuples(st.integers(0, 30), st.floats(0.1, 5.0)), max_size=8), st.integers(0, 40))
def test_salience_is_never_negative(mentions: list[tuple[int, float]], at: int) -> None:
    assert salience(Candidate("local:X", mentions=mentions), at) >= 0.0


def test_a_person_a_quoteless_sentence_introduces_outweighs_the_speaker_before() -> None:
    # "“We will win,” Ruiz said. ... Lind, the former mayor, has also rejected the plan. “It is a waste,” she said."
    ana = Candidate("local:Ana Ruiz", mentions=[(0, 2.0), (1, 3.0), (2, 3.0)], gender="f")
    eva = Candidate("local:Eva Lind", mentions=[(3, 2.0)], gender="f")
    assert resolve_pronoun("she", 4, [ana, eva], "local:Ana Ruiz", None, set(), previous_at=2) == "local:Ana Ruiz"
    assert resolve_pronoun("she", 4, [ana, eva], "local:Ana Ruiz", None, set(), previous_at=2, narrative_before=True) == "local:Eva Lind"


def test_a_name_later_in_the_pronouns_own_sentence_does_not_count_yet() -> None:
    # '"Former mayor Lind, who now attacks me, once invited me," he said, referring to when Lind said ...'
    lind = Candidate("local:Eva Lind", gender="m")
    lind.mention(3, 3.0, 10)  # quoted two sentences before
    lind.mention(5, 2.0, 140)  # named after the pronoun, in its sentence
    hale = Candidate("local:Tom Hale", gender="m")
    hale.mention(4, 2.0, 60)
    assert salience(lind, 5) > salience(lind, 5, before=100)
    assert salience(lind, 5, before=100) == pytest.approx(3.0 * 0.6**2)
    assert resolve_pronoun("he", 5, [lind, hale], None, None, set(), before=100, narrative_before=True) == "local:Tom Hale"
