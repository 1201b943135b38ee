"""Article to JSON and back: the same record, for any article (hypothesis)."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import Article, Meta, Removal, Span
from newsfuse.store.codec import article_from_json, article_to_json, decode_value, dumps, encode_value, loads
from tests.conftest import make_article, span

keys = st.text(min_size=1, max_size=8)
scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.floats(allow_nan=False) | st.text(max_size=20)
values = st.recursive(
    scalars | st.dates(),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=12,
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(min_size=0, max_size=200))
    raw = draw(st.text(max_size=20)) + text
    n = len(text)

    def spans_of(label: str) -> list[Span]:
        out = []
        for _ in range(draw(st.integers(0, 3))):
            a = draw(st.integers(0, n))
            b = draw(st.integers(a, n))
            out.append(Span(a, b, label, draw(st.text(max_size=8)), draw(st.dictionaries(keys, values, max_size=3))))
        return sorted(out, key=lambda s: (s.start, s.end))

    meta = Meta(
        title=draw(st.none() | st.text(max_size=30)),
        outlet=draw(st.none() | st.text(max_size=10)),
        url=draw(st.none() | st.text(max_size=20)),
        published=draw(st.none() | st.dates()),
        wire=draw(st.none() | st.text(max_size=5)),
        language=draw(st.none() | st.sampled_from(["en", "de"])),
        author=draw(st.none() | st.text(max_size=10)),
        kind=draw(st.none() | st.sampled_from(["text", "json", "html"])),
        extra=draw(st.dictionaries(keys, values, max_size=3)),
    )
    groups = draw(st.lists(st.sampled_from(["sentences", "mentions", "quotes", "times"]), unique=True, max_size=3))
    return Article(
        source_id=draw(st.text(min_size=1, max_size=12)),
        raw=raw,
        text=text,
        meta=meta,
        removed=[Removal(0, len(raw) - n, raw[: len(raw) - n], draw(st.text(max_size=10)))],
        offsets=[(0, len(raw) - n, n)],
        spans={g: spans_of(g) for g in groups},
        stages=draw(st.lists(st.text(max_size=10), max_size=4)),
        origin=draw(st.text(max_size=20)),
    )


@settings(max_examples=200, deadline=None)
@given(articles())
def test_article_round_trip(a: Article) -> None:
    back = loads(dumps(a))
    assert back == a
    assert article_from_json(json.loads(json.dumps(article_to_json(a)))) == a


@given(values)
def test_value_round_trip(v: object) -> None:
    assert decode_value(json.loads(json.dumps(encode_value(v)))) == v


def test_tuples_and_dates_keep_their_type() -> None:
    a = make_article("Kirby said it on Monday.", "s1", published=date(2024, 12, 28))
    a.set_spans("quotes", [span(a, "it", cue=(6, 10), speaker=(0, 5), when=date(2024, 12, 27))])
    back = loads(dumps(a))
    q = back.group("quotes")[0]
    assert q.attrs["cue"] == (6, 10) and isinstance(q.attrs["cue"], tuple)
    assert q.attrs["when"] == date(2024, 12, 27)
    assert back.meta.published == date(2024, 12, 28)
    assert back.id == a.id


def test_a_mapping_with_a_dollar_key_is_not_taken_for_a_tag() -> None:
    v = {"$t": [1, 2]}
    assert decode_value(json.loads(json.dumps(encode_value(v)))) == v
