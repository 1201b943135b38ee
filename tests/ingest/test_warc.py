"""WARC archives: every HTML response an article, the rest skipped, streamed (never read whole), capped."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest import load
from newsfuse.ingest.base import RawDoc
from newsfuse.ingest.warc import WarcReader
from newsfuse.settings import Settings

from .pages import body_paragraphs, headline, warc_bytes

N_PAGES = 300


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    p.write_bytes(warc_bytes(N_PAGES))
    return p


def test_a_crawl_of_hundreds_of_pages(crawl: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # streamed: the whole-bytes entry point is never used for a file, and the per-input cap does not apply to it
    def whole(*a: object) -> None:
        raise AssertionError("a WARC file must be streamed, not read whole")

    monkeypatch.setattr(WarcReader, "read", whole)
    assert crawl.stat().st_size > 200_000
    b = load([crawl], Settings(max_input_bytes=200_000))
    ids = [a.source_id for a in b.articles]
    # every 2xx HTML response: the pages, and the page stored twice under one URI (a unique id); requests, the
    # metadata record, the PNG and the 404 are skipped; the front page has no article body
    assert len(ids) == N_PAGES + 1 and len(set(ids)) == len(ids)
    assert ids[:2] == ["courier.example-news-2024-story-0", "courier.example-news-2024-story-1"]
    assert ids[-1] == "courier.example-news-2024-story-0-2"
    assert [(r.input.rsplit("#", 1)[-1], r.reason.split(" (")[0]) for r in b.rejected] == [
        ("https://courier.example/", "no article body found in this HTML page")
    ]
    a = b.articles[17]
    assert a.text == "\n\n".join(body_paragraphs(17)) and a.meta.title == headline(17)
    assert a.meta.url == "https://courier.example/news/2024/story-17.html" and a.meta.kind == "html"
    assert a.meta.extra["archive"] == str(crawl) and "fetched" in a.meta.extra
    assert a.origin == f"{crawl}#https://courier.example/news/2024/story-17.html"


def test_uncompressed_warc(tmp_path: Path) -> None:
    p = tmp_path / "small.warc"
    p.write_bytes(warc_bytes(3, gzip=False, extras=False))
    b = load([p])
    assert [a.meta.title for a in b.articles] == [headline(i) for i in range(3)] and not b.rejected


def test_archive_cap(crawl: Path) -> None:
    b = load([crawl], Settings(max_archive_bytes=100_000))
    assert not b.articles
    assert "archive cap" in b.rejected[0].reason and "NEWSFUSE_MAX_ARCHIVE_BYTES" in b.rejected[0].reason


def test_archive_cap_counts_uncompressed_bytes(crawl: Path) -> None:
    """Under the cap compressed but over it uncompressed: the pages read before the cap are kept, then it stops.

    (warcio reads in 256 kB blocks, so an error shows up to a block before the record it is in.)"""
    import gzip

    plain = len(gzip.decompress(crawl.read_bytes()))
    cap = (crawl.stat().st_size + plain) // 2
    assert crawl.stat().st_size < cap < plain
    b = load([crawl], Settings(max_archive_bytes=cap))
    assert 0 < len(b.articles) < N_PAGES
    assert len(b.rejected) == 1 and "NEWSFUSE_MAX_ARCHIVE_BYTES" in b.rejected[0].reason


def test_page_over_the_input_cap_is_skipped(tmp_path: Path) -> None:
    p = tmp_path / "w.warc"
    p.write_bytes(warc_bytes(3, gzip=False, extras=False))
    docs = list(WarcReader().read(str(p), p.read_bytes(), Settings(max_input_bytes=1_000)))
    assert all(isinstance(d, InputError) and "page cap" in d.reason for d in docs) and len(docs) == 3


def test_truncated_archive_keeps_what_was_read(crawl: Path, tmp_path: Path) -> None:
    data = crawl.read_bytes()
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: len(data) * 2 // 3])
    b = load([p])
    assert 50 <= len(b.articles) < N_PAGES
    # every whole record before the cut is read (none lost in a read-ahead buffer), the cut one and the cut reported
    last = int(b.articles[-1].meta.url.rsplit("-", 1)[1].split(".")[0])  # type: ignore[union-attr]
    assert len(b.articles) == last + 1
    reasons = [r.reason for r in b.rejected]
    assert reasons[-1].startswith("truncated gzip data: the compressed stream ends early")
    assert reasons[-1].endswith(f"(the {len(b.articles)} pages before the cut were read)")
    assert all(r.startswith("truncated") for r in reasons)


def test_an_archive_cut_before_its_first_page_says_none_was_read(crawl: Path, tmp_path: Path) -> None:
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(crawl.read_bytes()[:300])
    b = load([p])
    assert not b.articles and b.rejected[-1].reason.endswith("(no page before the cut could be read)")


def test_no_html_records(tmp_path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    w = WARCWriter(out, gzip=False)
    w.write_record(w.create_warc_record("https://x.example/", "metadata", payload=io.BytesIO(b"k: v"), warc_content_type="text/plain"))
    p = tmp_path / "meta.warc"
    p.write_bytes(out.getvalue())
    b = load([p])
    assert not b.articles and "no HTML response records" in b.rejected[0].reason


def test_warc_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(warc_bytes(4, extras=False))))
    b = load(["-"])
    assert len(b.articles) == 4 and b.articles[0].origin == "-#https://courier.example/news/2024/story-0.html"


def test_bytes_entry_point() -> None:
    docs = list(WarcReader().read("mem.warc", warc_bytes(2, gzip=False, extras=False), Settings()))
    assert [d.source_id for d in docs if isinstance(d, RawDoc)] == [
        "courier.example-news-2024-story-0",
        "courier.example-news-2024-story-1",
    ]


def test_a_record_the_archive_cuts_short_is_reported_not_read_as_a_shorter_page(tmp_path: Path) -> None:
    data = warc_bytes(3, gzip=False, extras=False)
    p = tmp_path / "cut.warc"
    p.write_bytes(data[: len(data) - 300])  # the archive ends inside the last page's body
    b = load([p])
    assert [a.meta.title for a in b.articles] == [headline(0), headline(1)]
    (r,) = b.rejected
    assert "truncated record" in r.reason


@pytest.mark.parametrize("cut", [0.31, 0.5, 0.62, 0.77, 0.9])
def test_wherever_a_gzip_archive_is_cut_the_cut_is_what_is_reported(crawl: Path, tmp_path: Path, cut: float) -> None:
    data = crawl.read_bytes()
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: int(len(data) * cut)])
    b = load([p])
    assert b.articles and b.rejected[-1].reason.startswith("truncated gzip data")
    assert all(r.reason.startswith("truncated") for r in b.rejected)


def test_an_archive_of_error_pages_only_says_so(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    w = WARCWriter(out, gzip=False)
    for uri, status in (("https://x.example/a", "404 Not Found"), ("https://x.example/b", "503 Service Unavailable")):
        headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(b"<html><body>gone</body></html>"), http_headers=headers))
    p = tmp_path / "errors.warc"
    p.write_bytes(out.getvalue())
    (reason,) = [r.reason for r in load([p]).rejected]
    assert reason == "no HTML response records in this WARC archive (2 records; 2 error responses skipped (HTTP 404, 503))"
