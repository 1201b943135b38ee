from __future__ import annotations

import pytest

from newsfuse.model import Article, Evidence, Meta, Span, content_id
from tests.conftest import make_article, span


def test_span_rejects_bad_offsets() -> None:
    with pytest.raises(ValueError):
        Span(5, 3, "x", "t@1")


def test_article_id_is_a_content_hash() -> None:
    a = make_article("Some text here.", "s1")
    b = make_article("Some text here.", "s1")
    c = make_article("Other text.", "s1")
    assert a.id == b.id != c.id
    assert a.id == content_id("Some text here.", "s1")


def test_set_spans_sorts_and_checks_bounds() -> None:
    a = make_article("Kirby said it.")
    a.set_spans("mentions", [span(a, "it"), span(a, "Kirby")])
    assert [a.span_text(s) for s in a.group("mentions")] == ["Kirby", "it"]
    with pytest.raises(ValueError):
        a.set_spans("mentions", [Span(0, 99, "x", "t@1")])


def test_evidence_copies_exact_text() -> None:
    a = make_article("One two three.")
    e = Evidence.of(a, 4, 7)
    assert e.text == "two" and e.source == a.source_id


def test_raw_offset_maps_back() -> None:
    a = Article(source_id="s", raw="XXhello world", text="hello world", meta=Meta(), offsets=[(0, 2, 11)])
    assert a.raw[a.raw_offset(6)] == "w"
