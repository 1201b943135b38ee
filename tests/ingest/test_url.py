"""URL inputs against a local http.server on 127.0.0.1 (a free port, started per test): never any other address."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsfuse.cli import _settings, build_parser
from newsfuse.ingest import load
from newsfuse.ingest.url import FETCH_OFF, USER_AGENT
from newsfuse.settings import Settings

from .pages import article_html, body_paragraphs, headline, rss_feed

Route = tuple[int, dict[str, str], bytes]


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, str]] = field(default_factory=list)  # (path, user agent)
    delay: float = 0.0
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [p for p, _ in self.log]


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            s.log.append((self.path, self.headers.get("User-Agent", "")))
            if s.delay and self.path != "/robots.txt":
                time.sleep(s.delay)
            status, headers, body = s.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not here"))
            try:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    t.start()
    try:
        yield s
    finally:
        server.shutdown()
        server.server_close()
        t.join(5)


def html_route(i: int) -> Route:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, article_html(i).encode()


FETCH = Settings(allow_fetch=True, fetch_timeout=5.0)


def test_without_fetch_a_url_is_refused_and_nothing_is_requested(site: Site) -> None:
    site.routes["/a"] = html_route(1)
    b = load([site.url("/a")])
    assert not b.articles and b.rejected[0].reason == FETCH_OFF and "--fetch" in FETCH_OFF
    assert site.log == []


def test_fetch_a_page(site: Site) -> None:
    site.routes["/news/story-one.html"] = html_route(3)
    b = load([site.url("/news/story-one.html")], FETCH)
    assert not b.rejected and len(b.articles) == 1
    a = b.articles[0]
    assert a.text == "\n\n".join(body_paragraphs(3)) and a.meta.title == headline(3)
    assert a.meta.url == site.url("/news/story-one.html") and a.source_id == "127.0.0.1-news-story-one"
    assert site.paths() == ["/robots.txt", "/news/story-one.html"]
    assert {ua for _, ua in site.log} == {USER_AGENT} and USER_AGENT.startswith("newsfuse/")


def test_robots_txt_is_honoured(site: Site) -> None:
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: newsfuse\nDisallow: /private/\n")
    site.routes["/private/a"] = html_route(1)
    site.routes["/public/b"] = html_route(2)
    b = load([site.url("/private/a"), site.url("/public/b")], FETCH)
    assert [a.meta.title for a in b.articles] == [headline(2)]
    assert "robots.txt" in b.rejected[0].reason and "does not allow newsfuse" in b.rejected[0].reason
    assert "/private/a" not in site.paths() and site.paths().count("/robots.txt") == 1  # cached per site


def test_robots_server_error_means_no_fetch(site: Site) -> None:
    site.routes["/robots.txt"] = (503, {}, b"down")
    site.routes["/a"] = html_route(1)
    b = load([site.url("/a")], FETCH)
    assert "robots.txt" in b.rejected[0].reason and "503" in b.rejected[0].reason and "/a" not in site.paths()


def test_redirects_followed_within_the_bound(site: Site) -> None:
    site.routes["/old"] = (301, {"Location": "/mid"}, b"")
    site.routes["/mid"] = (302, {"Location": site.url("/new")}, b"")
    site.routes["/new"] = html_route(4)
    b = load([site.url("/old")], FETCH)
    assert len(b.articles) == 1 and b.articles[0].meta.url == site.url("/new")


def test_redirect_loop_is_cut(site: Site) -> None:
    site.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    b = load([site.url("/loop")], Settings(allow_fetch=True, fetch_max_redirects=3))
    assert "more than 3 redirects" in b.rejected[0].reason
    assert site.paths().count("/loop") == 4


def test_http_errors_and_size_caps(site: Site) -> None:
    site.routes["/big"] = (200, {"Content-Type": "text/html"}, b"<html><body>" + b"<p>x</p>" * 40_000 + b"</body></html>")
    bomb = gzip.compress(b" " * 30_000_000, 9)  # 30 MB of spaces in ~30 kB, served as Content-Encoding: gzip
    site.routes["/bomb"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb)
    b = load([site.url("/gone"), site.url("/big"), site.url("/bomb")], Settings(allow_fetch=True, max_input_bytes=100_000))
    reasons = [r.reason for r in b.rejected]
    assert reasons[0].startswith("HTTP 404")
    assert "input cap" in reasons[1] and "NEWSFUSE_MAX_INPUT_BYTES" in reasons[1]
    assert "input cap (decoded)" in reasons[2]


def test_timeout(site: Site) -> None:
    site.routes["/slow"] = html_route(1)
    site.delay = 2.0
    t0 = time.monotonic()
    b = load([site.url("/slow")], Settings(allow_fetch=True, fetch_timeout=0.3))
    assert "timed out after 0.3 s" in b.rejected[0].reason and time.monotonic() - t0 < 2.0


def test_feed_summaries_fetch_their_pages(site: Site) -> None:
    feed = rss_feed(2, full=False, source=None).replace(b"https://courier.example", site.base.encode())
    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed)
    site.routes["/news/story-0"] = html_route(0)  # story-1 is missing: its summary is kept, with a warning
    off = load([site.url("/feed.xml")], Settings(allow_fetch=True)).articles
    assert len(off) == 2
    assert [a.meta.extra["text_from"] for a in off] == ["page", "summary"]
    assert off[0].text == "\n\n".join(body_paragraphs(0)) and off[1].text == body_paragraphs(1)[0]


def test_feed_summaries_stay_summaries_without_fetch(tmp_path: object, site: Site) -> None:
    from pathlib import Path

    p = Path(str(tmp_path)) / "f.rss"
    p.write_bytes(rss_feed(1, full=False).replace(b"https://courier.example", site.base.encode()))
    b = load([p])
    assert b.articles[0].meta.extra["text_from"] == "summary" and site.log == []


def test_cli_fetch_flag() -> None:
    for cmd in ("read", "brief"):
        assert _settings(build_parser().parse_args([cmd, "--fetch", "https://example.invalid/a"])).allow_fetch
        assert not _settings(build_parser().parse_args([cmd, "https://example.invalid/a"])).allow_fetch
