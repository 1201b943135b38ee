"""Hand-built statements for fuse tests (no model)."""

from __future__ import annotations

from typing import Any

from newsfuse.fuse.statements import Statement, first_count
from newsfuse.model import Span
from newsfuse.read.numbers import parse_amount
from newsfuse.read.speakers import content_words
from tests.conftest import make_article

_n = iter(range(10**6))


def statement(
    text: str,
    source: str,
    count: str | None = None,
    counted: str | None = None,
    state: str | None = None,
    period: str | None = None,
    speaker: str | None = None,
    entity: str | None = None,
    person: bool = True,
    dates: list[str] | None = None,
) -> Statement:
    a = make_article(text, source)
    st = Statement(next(_n), a, 0, len(text), text, core=text, words=content_words(text))
    if count is not None:
        amt = parse_amount(count)
        assert amt is not None
        start = text.index(count)
        attrs: dict[str, Any] = {
            "low": amt.low,
            "high": amt.high,
            "low_open": amt.low_open,
            "high_open": amt.high_open,
            "hedge": amt.hedge,
            "value": amt.value,
            "counted": counted,
            "state": state,
            "state_lemmas": [],
            "period": period,
        }
        st.quantities = [Span(start, start + len(count), "CARDINAL", "test@1", attrs)]
        st.main = first_count(st.quantities)
    for d in dates or []:
        st.times.append(Span(0, 1, "time", "test@1", {"expr": "x", "value": d, "precision": "day", "basis": "published"}))
    st.speaker, st.speaker_entity, st.speaker_person = speaker, entity, person and entity is not None
    if entity:
        st.credited.add(entity)
    return st


def clause_of(whole: Statement, opening: str, idx: int) -> Statement:
    """The clause of a one-sentence statement from the words ``opening`` to the sentence's last word (its full stop
    left out), as the reading cuts one: kind "clause", parent the sentence."""
    at = whole.text.index(opening)
    end = len(whole.text) - 1
    return Statement(idx, whole.article, at, end, whole.text[at:end], kind="clause", parent=(0, len(whole.text)))
