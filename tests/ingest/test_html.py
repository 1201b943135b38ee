"""HTML pages: body, metadata, refusals, charsets, and the text helpers (with round trips)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.errors import InputError
from newsfuse.ingest import load
from newsfuse.ingest.html import decode_html, fragment_text, page_doc, paragraphs
from newsfuse.ingest.ids import UniqueIds, sanitize, url_id
from newsfuse.settings import Settings

from .pages import article_html, body_paragraphs, front_page_html, headline


def test_page_body_is_the_article_only_with_its_metadata() -> None:
    doc = page_doc("pages/story.html", article_html(7).encode(), Settings())
    assert doc.text == "\n\n".join(body_paragraphs(7))  # paragraphs separated by blank lines, nothing else
    for chrome in ("Home", "Most read", "Fishing quotas", "Copyright", "Privacy", "By Ada Quill"):
        assert chrome not in doc.text
    m = doc.meta
    assert (m.kind, m.title, m.author, m.outlet, m.language) == ("html", headline(7), "Ada Quill", "The Tarnby Courier", "en")
    assert m.published is not None and m.published.isoformat() == "2024-03-12"
    assert m.extra["description"] == "A short summary of report 7."
    assert doc.source_id == "story" and doc.origin == "pages/story.html" and not doc.header


def test_wire_byline_sets_wire() -> None:
    doc = page_doc("w.html", article_html(3, author="Associated Press").encode(), Settings())
    assert doc.meta.wire == "AP"


def test_page_without_body_is_refused_with_that_reason(tmp_path: Path) -> None:
    (tmp_path / "front.html").write_text(front_page_html())
    (tmp_path / "story.html").write_text(article_html(2))
    b = load([tmp_path])
    assert [a.source_id for a in b.articles] == ["story"]
    assert len(b.rejected) == 1 and "no article body found" in b.rejected[0].reason


def test_folder_of_pages(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"p{i}.htm").write_text(article_html(40 + i, site="Oskvik Post"))
    b = load([tmp_path])
    assert [a.source_id for a in b.articles] == [f"p{i}" for i in range(6)]
    assert all(a.meta.outlet == "Oskvik Post" and a.meta.kind == "html" for a in b.articles)
    assert not b.rejected
    # cleaned text is still the whole body: nothing of the article was cut as boilerplate
    assert b.articles[0].text == "\n\n".join(body_paragraphs(40))


def test_declared_legacy_charset_is_used() -> None:
    page = article_html(5, charset="windows-1252").replace("deputy mayor", "café owner and deputy mayor")
    doc = page_doc("x.html", page.encode("cp1252"), Settings())
    assert "café owner" in doc.text and doc.meta.extra["encoding"] == "cp1252"


def test_wrong_declared_charset_falls_back_to_detection() -> None:
    page = article_html(5, charset="utf-8").replace("deputy mayor", "Ærø ferry captain")
    text, enc = decode_html("x.html", page.encode("latin-1"))
    assert "Ærø ferry captain" in text and enc != "utf-8"


def test_undecodable_page_is_refused() -> None:
    data = b"<html><body><p>" + bytes(range(0x80, 0x100)) * 40 + b"</p></body></html>"
    try:
        page_doc("bad.html", data, Settings())
    except InputError as e:
        assert "UTF-8" in e.reason
    else:  # pragma: no cover
        raise AssertionError("expected a refusal")


def test_fragment_text_drops_scripts_and_keeps_blocks() -> None:
    frag = "<div><p>First  line\nof one paragraph.</p><script>var x = 1;</script><style>p{}</style><ul><li>one</li><li>two</li></ul>tail<br>after</div>"
    assert fragment_text(frag) == "First line of one paragraph.\n\none\n\ntwo\n\ntail\n\nafter"
    assert fragment_text("Plain &amp; simple") == "Plain & simple"
    assert fragment_text("") == ""


_WORDS = st.text(alphabet=st.characters(categories=("L", "N"), include_characters=" .,;:!?'\"()-&<>"), min_size=1, max_size=60)
_PARA = _WORDS.map(lambda s: re.sub(r"\s+", " ", s).strip()).filter(bool)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PARA, min_size=1, max_size=6))
def test_fragment_text_round_trip(paras: list[str]) -> None:
    """Paragraphs written as escaped <p> elements come back exactly, separated by blank lines."""
    frag = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    assert fragment_text(frag) == "\n\n".join(paras)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_paragraphs_is_idempotent(text: str) -> None:
    once = paragraphs(text)
    assert paragraphs(once) == once
    assert "\n\n\n" not in once and once == once.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_ids_are_safe(text: str) -> None:
    for ident in (sanitize(text), url_id("https://www.example.com/" + text)):
        assert re.fullmatch(r"[A-Za-z0-9._-]{1,80}", ident)


@given(st.lists(st.sampled_from(["a", "a-2", "b", "a-3", "b-2"]), max_size=20))
def test_unique_ids_never_repeat(bases: list[str]) -> None:
    ids = UniqueIds()
    out = [ids(b) for b in bases]
    assert len(set(out)) == len(out)


def test_url_id_reads_well() -> None:
    assert url_id("https://www.example.com/news/2024/bridge-closed.html?x=1") == "example.com-news-2024-bridge-closed"
    assert url_id("https://example.com/") == "example.com"
    assert url_id("https://example.com/story/index.html") == "example.com-story"


def test_a_page_published_tomorrow_in_its_time_zone_keeps_its_date() -> None:
    from datetime import date, timedelta

    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    page = article_html(7).replace("2024-03-12T08:30:00+01:00", f"{tomorrow}T01:00:00+05:00").replace(">2024-03-12<", f">{tomorrow}<")
    page = page.replace('datetime="2024-03-12"', f'datetime="{tomorrow}"')
    doc = page_doc("pages/story.html", page.encode(), Settings())
    assert doc.meta.published is not None and doc.meta.published.isoformat() == tomorrow  # not another date of the page


def test_a_page_dated_years_ahead_is_left_undated_with_a_warning() -> None:
    page = article_html(7).replace("2024-03-12T08:30:00+01:00", "2031-03-12T08:30:00+01:00").replace(">2024-03-12<", ">2031-03-12<")
    page = page.replace('datetime="2024-03-12"', 'datetime="2031-03-12"')
    doc = page_doc("pages/story.html", page.encode(), Settings())
    assert doc.meta.published is None
    assert doc.warnings == ["the page says it was published on 2031-03-12, a date still to come: left undated"]
    assert page_doc("pages/story.html", article_html(7).encode(), Settings()).warnings == []  # a page dated in the past says nothing


def test_a_declared_date_is_found_in_any_attribute_order_and_quoting() -> None:
    from newsfuse.ingest.html import declared_future_date

    assert str(declared_future_date('<meta content="May 4, 2032" itemprop="datePublished">')) == "2032-05-04"
    assert str(declared_future_date("<meta name=pubdate content='2029-01-01'>")) == "2029-01-01"
    assert str(declared_future_date('<script type="application/ld+json">{"datePublished": "2030-02-03T10:00Z"}</script>')) == "2030-02-03"
    assert declared_future_date('<meta name="date" content="2024-02-03"><meta name="viewport" content="2099-01-01">') is None


def test_a_page_with_only_a_copyright_year_is_left_undated_with_a_warning() -> None:
    page = re.sub(r"<meta[^>]*2024-03-12[^>]*>|<time[^>]*>[^<]*</time>", "", article_html(7))
    assert "Copyright 2024" in page and "2024-03-12" not in page
    doc = page_doc("pages/story.html", page.encode(), Settings())
    assert doc.meta.published is None  # not 2024-01-01, which htmldate reads from the copyright line
    assert doc.warnings == ["no publication date found (only the copyright year 2024): left undated"]
    new_year = page.replace("</title>", "</title><meta property='article:published_time' content='2024-01-01T09:00:00Z'>")
    dated = page_doc("pages/story.html", new_year.encode(), Settings())
    assert str(dated.meta.published) == "2024-01-01" and dated.warnings == []  # a page published on 1 January keeps it


def test_copyright_lines_of_every_form_and_a_real_new_year_s_date() -> None:
    from datetime import date

    from newsfuse.ingest.html import copyright_guess, declared_future_date

    jan1 = date(2024, 1, 1)
    for line in ("© 2024 Riverton Gazette", "(c) 2024 Riverton Gazette", "Copyright Riverton Gazette 2024", "&copy; 2019-2024"):
        assert copyright_guess(f"<footer>{line}</footer>", jan1), line
    for real in ("Published Jan 01, 2024", "01 January 2024", "2024-01-01T09:00"):
        assert not copyright_guess(f"<p>{real}</p><footer>© 2024</footer>", jan1), real
    # a page's own past date wins over a later date an item it carries declares
    mixed = '<meta property="article:published_time" content="2024-03-05"><script>{"datePublished": "2031-05-01"}</script>'
    assert declared_future_date(mixed) is None
