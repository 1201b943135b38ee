"""RSS and Atom feeds: items to articles, content vs summary, outlet and origin, bad items, a round trip."""

from __future__ import annotations

import html
import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsfuse.errors import InputError
from newsfuse.ingest import load
from newsfuse.ingest.base import RawDoc
from newsfuse.ingest.feed import FeedReader
from newsfuse.settings import Settings

from .pages import atom_feed, body_paragraphs, headline, rss_feed


def _docs(data: bytes, name: str = "feed.xml", s: Settings | None = None) -> list[RawDoc | InputError]:
    return list(FeedReader().read(name, data, s or Settings()))


def test_rss_items_with_full_content() -> None:
    docs = _docs(rss_feed(3))
    assert all(isinstance(d, RawDoc) for d in docs) and len(docs) == 3
    d = docs[1]
    assert isinstance(d, RawDoc)
    assert d.text == "\n\n".join(body_paragraphs(1))  # HTML to text, the script dropped
    assert "alert" not in d.text and "text_from" not in d.meta.extra
    m = d.meta
    assert (m.kind, m.title, m.url, m.author, m.language) == (
        "feed",
        headline(1),
        "https://courier.example/news/story-1",
        "Ada Quill",
        "en",
    )
    assert m.published is not None and m.published.isoformat() == "2024-03-06"
    assert m.outlet == "The Tarnby Courier" and m.extra["feed_title"] == "The Tarnby Courier"
    assert m.extra["origin_source"] == "Nordic Wire Service" and m.extra["origin_url"] == "https://wire.example/rss"
    assert d.source_id == "courier.example-news-story-1" and d.origin == "feed.xml#2"


def test_rss_summary_only_is_marked() -> None:
    docs = _docs(rss_feed(2, full=False, source=None))
    assert len(docs) == 2
    for i, d in enumerate(docs):
        assert isinstance(d, RawDoc)
        assert d.meta.extra["text_from"] == "summary" and d.text == body_paragraphs(i)[0]
        assert "origin_source" not in d.meta.extra


def test_atom_entries() -> None:
    docs = _docs(atom_feed(2), "gazette.atom")
    assert len(docs) == 2
    d = docs[0]
    assert isinstance(d, RawDoc)
    assert d.text == "\n\n".join(body_paragraphs(10))
    assert (d.meta.title, d.meta.author, d.meta.outlet, d.meta.url) == (
        headline(10),
        "Bo Lindgren",
        "Oskvik Gazette",
        "https://gazette.example/a/0",
    )
    assert d.meta.published is not None and d.meta.published.isoformat() == "2024-03-15"


def test_reprints_of_one_origin_are_recognised(tmp_path: Path) -> None:
    """Two outlets' feeds carrying items from one origin: each keeps its outlet, both name the origin (and the wire)."""
    (tmp_path / "a.rss").write_bytes(rss_feed(1, source="Reuters", title="Tarnby Courier"))
    (tmp_path / "b.rss").write_bytes(rss_feed(1, source="Reuters", title="Oskvik Post").replace(b"story-0", b"other-0"))
    docs = [d for d in _docs((tmp_path / "a.rss").read_bytes()) + _docs((tmp_path / "b.rss").read_bytes()) if isinstance(d, RawDoc)]
    assert [d.meta.outlet for d in docs] == ["Tarnby Courier", "Oskvik Post"]
    assert {d.meta.extra["origin_source"] for d in docs} == {"Reuters"}
    assert {d.meta.wire for d in docs} == {"Reuters"}


def test_bad_item_reported_rest_read(tmp_path: Path) -> None:
    feed = rss_feed(3).replace(
        b"<item><title>" + html.escape(headline(1)).encode(), b"<item><title>empty one</title></item><item><title>x", 1
    )
    feed = re.sub(
        rb"<item><title>empty one</title></item><item><title>x.*?</item>",
        b"<item><title>empty one</title></item>",
        feed,
        count=1,
        flags=re.S,
    )
    p = tmp_path / "courier.rss"
    p.write_bytes(feed)
    b = load([p])
    assert [a.meta.title for a in b.articles] == [headline(0), headline(2)]
    assert (
        len(b.rejected) == 1 and b.rejected[0].input.endswith("courier.rss#2") and "neither content nor a summary" in b.rejected[0].reason
    )


def test_feed_without_items_and_malformed_feed(tmp_path: Path) -> None:
    (tmp_path / "empty.rss").write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    (tmp_path / "broken.rss").write_bytes(b"<rss><channel><title>x</title><item><")
    b = load([tmp_path])
    reasons = {r.input.rsplit("/", 1)[-1]: r.reason for r in b.rejected}
    assert reasons["empty.rss"] == "feed has no items"
    # feedparser salvages what it can: here one empty item, refused as such
    assert reasons["broken.rss#1"] == "feed item has neither content nor a summary"


def test_rdf_feed() -> None:
    rdf = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
        '<channel rdf:about="https://post.example/"><title>Oskvik Post</title></channel>'
        f'<item rdf:about="https://post.example/1"><title>{headline(20)}</title><link>https://post.example/1</link>'
        f"<description>{html.escape(body_paragraphs(20)[0])}</description></item></rdf:RDF>"
    ).encode()
    docs = _docs(rdf, "post.rdf")
    assert len(docs) == 1 and isinstance(docs[0], RawDoc)
    assert docs[0].meta.outlet == "Oskvik Post" and docs[0].text == body_paragraphs(20)[0]


# RSS titles are HTML to feedparser: "<A", "<?", "<!" open a tag, a processing instruction or a declaration, which its
# sanitiser drops as markup; a title holding an entity reference ("&lt;", "&amp;") is taken for double-escaped markup
# (as real feeds mean it) and unescaped; and feedparser repairs what looks like UTF-8 read as Latin-1 ("Âª" becomes
# "ª"). Text of these kinds is not round-tripped; the rest must be, exactly ("&lt" without its semicolon included).
_TEXT = (
    st.text(alphabet=st.characters(categories=("L", "N"), include_characters=" .,;:!?'\"&<>-"), min_size=1, max_size=50)
    .map(lambda s: re.sub(r"\s+", " ", s).strip())
    .filter(lambda s: not re.search(r"<[^\s\d.,;:'\"&<>-]", s))
    .filter(lambda s: not re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", s, re.I))
    .filter(lambda s: not re.search("[\u00c2-\u00f4][\u0080-\u00bf]", s))
)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(_TEXT.filter(bool), st.lists(_TEXT.filter(bool), min_size=1, max_size=4)), min_size=1, max_size=4))
@example([("&lt", ["0"])])  # a title that reads as an entity when taken for markup
def test_rss_round_trip(items: list[tuple[str, list[str]]]) -> None:
    """Titles and paragraphs written into an RSS feed (escaped HTML content) read back exactly."""
    xml = "".join(
        f"<item><title>{html.escape(t)}</title><link>https://x.example/{k}</link><description>{html.escape(''.join(f'<p>{html.escape(p)}</p>' for p in ps))}</description></item>"
        for k, (t, ps) in enumerate(items)
    )
    data = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Round Trip</title>{xml}</channel></rss>'.encode()
    docs = _docs(data)
    assert [(d.meta.title, d.text) for d in docs if isinstance(d, RawDoc)] == [(t, "\n\n".join(ps)) for t, ps in items]


def test_one_outlets_article_as_page_and_feed_item_is_read_once(tmp_path: Path) -> None:
    """Without this, every line of the two copies would recur in one outlet and be cut as its boilerplate."""
    from .pages import article_html

    (tmp_path / "a-page.html").write_text(article_html(0))
    (tmp_path / "b-feed.rss").write_bytes(rss_feed(2))  # item 1 is the page's article, item 2 another one
    b = load([tmp_path])
    assert [a.meta.kind for a in b.articles] == ["html", "feed"] and not b.rejected
    assert b.articles[0].text == "\n\n".join(body_paragraphs(0)) and b.articles[1].text == "\n\n".join(body_paragraphs(1))
    assert [w for _, w in b.warnings] == [f"same article as {tmp_path / 'a-page.html'} (same outlet): read once"]


def test_an_item_date_is_the_day_it_was_written_in_its_own_time_zone() -> None:
    items = "".join(
        f"<item><title>{t}</title><link>https://x.example/{k}</link><pubDate>{d}</pubDate>"
        f"<description>{html.escape(body_paragraphs(20 + k)[0])}</description></item>"
        for k, (t, d) in enumerate(
            (("Late in New York", "Sat, 28 Dec 2024 23:30:00 -0500"), ("Early in Athens", "Sat, 28 Dec 2024 01:00:00 +0200"))
        )
    )
    data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>TZ News</title>{items}</channel></rss>'.encode()
    assert [str(d.meta.published) for d in _docs(data) if isinstance(d, RawDoc)] == ["2024-12-28", "2024-12-28"]


def test_titles_escaped_twice_are_read_as_markup_and_others_as_written() -> None:
    def titles(raw: str) -> tuple[str | None, str | None]:
        data = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{raw}</title><item><title>{raw}</title>'
            f"<link>https://x.example/1</link><description>{html.escape(body_paragraphs(20)[0])}</description></item></channel></rss>"
        ).encode()
        (doc,) = _docs(data)
        assert isinstance(doc, RawDoc)
        return doc.meta.title, doc.meta.outlet

    assert titles("It&amp;#8217;s here") == ("It\u2019s here", "It\u2019s here")
    assert titles("&lt;b&gt;Port&lt;/b&gt; news") == ("Port news", "Port news")
    assert titles("Tom &amp;amp; Jerry") == ("Tom & Jerry", "Tom & Jerry")
    assert titles("AT&amp;T and R&amp;lt D") == ("AT&T and R&lt D", "AT&T and R&lt D")  # no complete reference


def test_an_item_date_newsfuse_cannot_read_is_named_in_a_warning(tmp_path: Path) -> None:
    feed = rss_feed(2).replace(b"<pubDate>", b"<pubDate>sometime next week</pubDate><x>", 1).replace(b"GMT</pubDate>", b"GMT</x>", 1)
    p = tmp_path / "feed.xml"
    p.write_bytes(feed)
    b = load([p])
    dates = [a.meta.published for a in b.articles]
    assert dates[0] is None and dates[1] is not None
    said = [w for _, w in b.warnings]
    assert said == ["the item's date 'sometime next week' is not a date newsfuse reads: left undated"]
