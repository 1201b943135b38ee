"""Detection from content (not only the extension), .gz inputs, globs, folders and stdin."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.ingest import detect, expand, load
from newsfuse.ingest.base import READERS

from .pages import article_html, atom_feed, headline, rss_feed, warc_bytes

BODY = "The ferry between Oskvik and Tarnby resumed service on Friday after a two-day strike by deckhands, the operator said."

RDF = b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>'


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("page.txt", article_html(1).encode(), "html"),  # content wins over a text extension
        ("page", b"\n  <html><head><title>t</title></head><body></body></html>", "html"),
        ("x.dat", b"\xef\xbb\xbf<!doctype html><p>hi", "html"),
        (
            "x.xml",
            b'<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="s.xsl"?>\n<!-- c -->\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"></html>',
            "html",
        ),
        ("feed.txt", rss_feed(1), "feed"),
        ("feed", atom_feed(1), "feed"),
        ("news.rdf.bin", RDF, "feed"),
        ("crawl.bin", warc_bytes(1, gzip=False, extras=False), "warc"),
        ("crawl.warc", warc_bytes(1, extras=False), "gzip"),
        ("data.bin", json.dumps({"text": BODY}).encode(), "json"),
        ("notes.txt", json.dumps({"text": BODY}).encode(), "text"),  # JSON in a text file stays text
        ("page.html", b"\x89PNG\r\n\x1a\n\x00\x00", "html"),  # nothing recognised: the extension decides
        ("feed.rss", b"not really a feed", "feed"),
        ("story", BODY.encode(), "text"),
    ],
)
def test_detect_from_content(name: str, data: bytes, kind: str) -> None:
    assert detect(name, data).kind == kind


def test_detect_uses_a_served_content_type() -> None:
    assert detect("https://x.example/a", b"just words", content_type="text/html; charset=utf-8").kind == "html"
    assert detect("https://x.example/a", b"just words", content_type="application/rss+xml").kind == "feed"
    assert detect("https://x.example/a", b"just words").kind == "text"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["a.html", "a.txt", "a.json", "a.rss", "a.warc", "a.gz", "a", "a.md"]))
def test_detect_never_fails(data: bytes, name: str) -> None:
    assert detect(name, data) in READERS


def test_gz_inputs_of_every_kind(tmp_path: Path) -> None:
    (tmp_path / "story.html.gz").write_bytes(gzip.compress(article_html(70).encode()))
    (tmp_path / "feed.rss.gz").write_bytes(gzip.compress(rss_feed(1, title="Feed Desk").replace(b"story-0", b"feed-0")))
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes(2, extras=False))
    (tmp_path / "records.jsonl.gz").write_bytes(
        gzip.compress(b"\n".join(json.dumps({"text": f"{BODY} ({k})", "id": f"r{k}"}).encode() for k in range(2)))
    )
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    b = load([tmp_path])
    assert not b.rejected
    kinds = sorted((a.meta.kind or "", a.source_id) for a in b.articles)
    assert kinds == [
        ("feed", "courier.example-news-feed-0"),
        ("html", "courier.example-news-2024-story-0"),
        ("html", "courier.example-news-2024-story-1"),
        ("html", "story"),
        ("json", "r0"),
        ("json", "r1"),
        ("text", "note"),
    ]


def test_a_store_kept_in_the_folder_read_is_left_out(tmp_path: Path) -> None:
    import sqlite3

    (tmp_path / "a.txt").write_text("x")
    sqlite3.connect(tmp_path / "news.db").execute("CREATE TABLE t (x)").connection.close()
    for side in ("news.db.lock", "news.db-wal", "other.lock"):
        (tmp_path / side).write_text("")
    # the database and the files kept beside it hold no article; a file that only looks like one is read
    assert list(expand([tmp_path])) == [str(tmp_path / p) for p in ("a.txt", "other.lock")]


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes and symbolic links as on POSIX")
def test_a_broken_link_and_a_pipe_in_a_folder_are_reported_not_skipped_nor_waited_on(tmp_path: Path) -> None:
    import os

    (tmp_path / "a.txt").write_text("The Riverton bridge reopened on Monday after two years of repairs and a long dispute.\n")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    batch = load([tmp_path])
    assert [a.source_id for a in batch.articles] == ["a"]
    reasons = {Path(r.input).name: r.reason for r in batch.rejected}
    assert reasons == {"gone.txt": "a link to a file that does not exist", "pipe.txt": "not a regular file"}


def test_globs_folders_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for p in ("a.html", "b.html", "c.txt", "sub/d.html", ".hidden.html", ".git/e.html"):
        (tmp_path / p).write_text("x")
    assert list(expand([str(tmp_path / "*.html")])) == [str(tmp_path / "a.html"), str(tmp_path / "b.html")]
    assert list(expand([str(tmp_path / "**" / "*.html")])) == [str(tmp_path / p) for p in ("a.html", "b.html", "sub/d.html")]
    assert list(expand([str(tmp_path / "[ab].html")])) == [str(tmp_path / "a.html"), str(tmp_path / "b.html")]
    assert list(expand([str(tmp_path / "?.txt")])) == [str(tmp_path / "c.txt")]
    assert list(expand([tmp_path])) == [str(tmp_path / p) for p in ("a.html", "b.html", "c.txt", "sub/d.html")]
    assert list(expand([str(tmp_path / "none-*.html"), "-", "https://x.example/a?b=1"])) == [
        str(tmp_path / "none-*.html"),
        "-",
        "https://x.example/a?b=1",
    ]


def test_literal_name_with_glob_characters(tmp_path: Path) -> None:
    p = tmp_path / "odd[1].html"
    p.write_text(article_html(71))
    assert list(expand([str(p)])) == [str(p)]
    assert load([p]).articles[0].meta.title == headline(71)


def test_mixed_folder(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(article_html(72))
    (tmp_path / "feed.xml").write_bytes(atom_feed(1))
    (tmp_path / "crawl.warc").write_bytes(warc_bytes(1, gzip=False, extras=False).replace(b"story-0", b"story-x"))
    (tmp_path / "note.txt").write_text(f"Ferry strike ends\n\n{BODY}\n")
    b = load([tmp_path])
    assert not b.rejected
    assert sorted(a.meta.kind or "" for a in b.articles) == ["feed", "html", "html", "text"]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (article_html(73).encode(), "html"),
        (rss_feed(1), "feed"),
        (gzip.compress(article_html(74).encode()), "html"),
        (BODY.encode(), "text"),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, kind: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    b = load(["-"])
    assert not b.rejected and [a.meta.kind for a in b.articles] == [kind]


def test_stdin_given_twice_is_read_once_and_the_second_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BODY.encode())))
    b = load(["-", "-"])
    assert len(b.articles) == 1 and [r.reason for r in b.rejected] == ["standard input given twice: it is read once, at its first '-'"]


def test_stdin_over_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsfuse.settings import Settings

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article_html(75).encode())))
    b = load(["-"], Settings(max_input_bytes=1000))
    assert "input cap" in b.rejected[0].reason


def test_html_mentioning_feeds_is_html() -> None:
    page = b'<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"><script>var t = "<rss><feed>";</script></head><body><p>x</p></body></html>'
    assert detect("page", page).kind == "html"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'<?xml version="1.0"?><atom:feed xmlns:atom="http://www.w3.org/2005/Atom"></atom:feed>', "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://example.com/other"></feed>', "text"),
        (b'<?xml version="1.0"?><!DOCTYPE rss [' + b'<!ENTITY e "x">' * 1000 + b"]><rss/>", "feed"),
        (b'<?xml version="1.0"?><sitemap/>', "text"),
    ],
)
def test_feed_roots(head: bytes, kind: str) -> None:
    assert detect("input", head).kind == kind


def test_a_link_loop_under_a_recursive_glob_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("x")
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "loop").symlink_to(tmp_path / "sub", target_is_directory=True)
    assert list(expand([str(tmp_path / "**" / "*.txt")])) == [str(tmp_path / "sub" / "one.txt")]


def test_a_name_too_long_for_the_file_system_is_reported_not_raised(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(f"Ferry strike ends\n\n{BODY}\n")
    b = load([str(tmp_path / ("a" * 300 + ".txt")), good])
    assert len(b.articles) == 1 and len(b.rejected) == 1


def test_text_that_opens_with_a_bracket_is_text_not_json() -> None:
    assert detect("-", b"[Source: Reuters] The bridge over the sound was closed on Friday.").kind == "text"
    assert detect("-", b'  [ {"text": "x"} ]').kind == "json" and detect("-", b'{"text": "x"}').kind == "json"


def test_a_text_in_another_language_is_read_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(
        "Die Brücke über den Fluss wurde am Dienstag gesperrt, nachdem Prüfer Risse in zwei Stahlträgern gefunden hatten. "
        "Der Bürgermeister sagte, man könne kein Risiko eingehen. Die Reparatur soll sechs Wochen dauern und "
        "etwa zwei Millionen Euro kosten, sagte der Ingenieur des Landkreises.",
        encoding="utf-8",
    )
    batch = load([tmp_path / "de.txt"])
    assert len(batch.articles) == 1 and batch.articles[0].meta.language == "de"
    assert any("read with the English model" in w for _, w in batch.warnings)
    (tmp_path / "en.txt").write_text("Mayor Tobias Fenn: Larkspur Bridge reopens June 12, 2026.", encoding="utf-8")
    assert not load([tmp_path / "en.txt"]).warnings  # a line too short to be sure of its language says nothing


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    for p in ("a.txt", "b.txt"):
        (tmp_path / p).write_text("x")
    got = list(expand([tmp_path, str(tmp_path / "a.txt"), tmp_path, "-", "-"]))
    assert got == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-", "-"]  # stdin twice is the reading's to report
