"""Who is credited with one remark, read with the real model."""

from __future__ import annotations

import pytest

from newsfuse.api import read_articles
from newsfuse.fuse.discrepancies import attribution_disagreement
from newsfuse.fuse.misquotes import credit_disagreements
from newsfuse.fuse.statements import gather
from tests.conftest import make_article

pytestmark = pytest.mark.models


def _statements(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    return gather(read_articles([make_article(t, s) for s, t in texts.items()]).articles)


def test_one_remark_credited_to_two_people() -> None:
    sts = _statements(
        {
            "a": 'Tom Hale, the plant manager, spoke on Wednesday. "This is the darkest day in the history of this plant," Hale said.',
            "b": 'Riverton Fuels chief Ana Ruiz called it "the darkest day in the history of this plant" and promised a full review.',
        }
    )
    (d,) = credit_disagreements(sts)
    assert d.kind == "attribution"
    assert {v.value: v.sources for v in d.variants} == {"Tom Hale": ["a"], "Ana Ruiz": ["b"]}


def test_one_remark_credited_alike_or_by_an_outlet_to_both_is_no_disagreement() -> None:
    alike = _statements(
        {
            "a": '"This is the darkest day in the history of this plant," Tom Hale said.',
            "b": 'Plant manager Tom Hale called it "the darkest day in the history of this plant".',
        }
    )
    assert credit_disagreements(alike) == []
    both = _statements(
        {
            "a": '"This is the darkest day in the history of this plant," Tom Hale said.',
            "b": 'Ana Ruiz repeated the words of Tom Hale. "This is the darkest day in the history of this plant," Ana Ruiz said. '
            '"This is the darkest day in the history of this plant," Tom Hale had said.',
        }
    )
    assert credit_disagreements(both) == []


def test_a_he_said_that_can_mean_one_person_only_is_the_outlets_credit() -> None:
    sts = _statements(
        {
            "a": "Anton Greve, the director of the water authority, defended the release. "
            '"We had no choice, or we would have been gambling with the dam itself," he said.',
            "b": "Governor Hana Liskova insisted there was no alternative. "
            '"We had no choice, or we would have been gambling with the dam itself," she said.',
        }
    )
    quoted = [s for s in sts if s.kind == "statement" and "no choice" in s.text]
    assert {s.speaker for s in quoted} == {"Anton Greve", "Hana Liskova"} and all(s.speaker_sure for s in quoted)
    d = attribution_disagreement(quoted, ["f"])
    assert d is not None and {v.value for v in d.variants} == {"Anton Greve", "Hana Liskova"}
    # the evidence opens with the sentence that names the speaker, so that the credit can be checked in it
    for v in d.variants:
        (e,) = v.evidence
        assert e.text.startswith(("Anton Greve", "Governor Hana Liskova")) and e.text.endswith("said.")


def test_a_he_said_after_two_people_is_a_guess() -> None:
    sts = _statements({"a": 'Tom Hale and Maria Lopez met on Monday. "It went well, and we will meet again in the spring," she said.'})
    (quoted,) = [s for s in sts if s.kind == "statement" and "went well" in s.text]
    assert not quoted.speaker_sure


def test_a_remark_quoted_in_part_inside_reported_speech_credited_to_another() -> None:
    sts = _statements(
        {
            "a": '"The fire travelled up the outside of the building far faster than we would expect," Chief Fire Officer '
            "Tom Hale told reporters at the scene.",
            "b": 'Deputy chief fire officer Marta Ostrander said the flames had travelled up the outside of the tower "far faster '
            'than we would expect" on Tuesday.',
        }
    )
    (d,) = credit_disagreements(sts)
    assert {v.value: v.sources for v in d.variants} == {"Tom Hale": ["a"], "Marta Ostrander": ["b"]}


def test_a_remark_credited_to_a_named_person_and_to_someone_the_outlet_will_not_name() -> None:
    quote = '"This did not come out of nowhere. We warned the ministry about the overcrowding for two years,"'
    sts = _statements(
        {
            "a": f"Union chairman Tom Hale said the riot at Riverton jail had been building. {quote} Hale said.",
            "b": f"A veteran guard, who asked not to be named, said the riot had been coming. {quote} the guard said.",
        }
    )
    (d,) = credit_disagreements(sts)
    assert {v.value: v.sources for v in d.variants} == {"Tom Hale": ["a"], "the guard": ["b"]}
    assert any("the guard said" in e.text for v in d.variants for e in v.evidence)  # the sentence that credits it
    # a described speaker the outlet does not keep back ("a guard said") may be the named person: no disagreement
    plain = _statements(
        {
            "a": f"Union chairman Tom Hale said the riot at Riverton jail had been building. {quote} Hale said.",
            "b": f"A veteran guard said the riot had been coming. {quote} the guard said.",
        }
    )
    assert credit_disagreements(plain) == []
