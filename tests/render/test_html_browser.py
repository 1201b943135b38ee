"""The HTML brief in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

It renders, every evidence link highlights exactly the evidence text in its source (also after emoji and CR LF), and
an article full of script payloads runs nothing. Skipped when /usr/bin/chromium or playwright is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    PAYLOAD_ALERT,
    PAYLOAD_IMG,
    PAYLOAD_JS_LINK,
    PAYLOAD_SCRIPT,
    PAYLOAD_SVG,
    Rendered,
    all_evidence,
    decode_href,
    expected_href,
    utf16_slice,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SECTIONS = ["headline", "disagreements", "matrix", "timeline", "only", "quotes", "sources"]

pytestmark = [pytest.mark.browser, pytest.mark.models]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium chromium-driver)", allow_module_level=True)
try:
    from playwright import sync_api
except ImportError as e:  # not installed, or a broken install (its greenlet or driver missing)
    pytest.skip(f"playwright is not importable ({e}); pip install -e '.[dev]'", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page with everything a reader would not see recorded: console errors, page errors, dialogs, requests."""

    def __init__(self, page: Any, url: str) -> None:
        self.page = page
        self.url = url
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("dialog", self._dialog)
        page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, d: Any) -> None:
        self.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    def mark(self) -> dict[str, Any] | None:
        """The highlight now on the page: its text, its source, how many there are, and whether it is in view."""
        return self.page.evaluate(
            """() => {
                const m = document.querySelectorAll("mark.hl");
                if (!m.length) return null;
                const r = m[0].getBoundingClientRect();
                return {count: m.length, text: m[0].textContent, source: m[0].closest(".body").getAttribute("data-source"),
                        inView: r.bottom > 0 && r.top < window.innerHeight && r.height > 0};
            }"""
        )

    def assert_quiet(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert self.page.evaluate("typeof window.__pwned") == "undefined"
        assert {u.split("#", 1)[0] for u in self.requests} <= {self.url}, f"the page fetched something: {self.requests}"


@pytest.fixture
def page(browser: Any, hostile_brief: Rendered) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    url = hostile_brief.path.as_uri()
    w = Watched(pg, url)
    pg.goto(url)
    pg.wait_for_load_state("load")
    try:
        yield w
    finally:
        context.close()


def _facts(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in doc["facts"]}


def _text_of(doc: dict[str, Any], sid: str) -> str:
    return next(s["text"] for s in doc["sources"] if s["id"] == sid)


def test_page_renders(page: Watched, hostile_brief: Rendered) -> None:
    doc = hostile_brief.doc
    pg = page.page
    assert pg.title() == f"{doc['story']['title']} · newsfuse brief"
    assert pg.locator("header h1").inner_text() == doc["story"]["title"]
    for sid in SECTIONS:
        section = pg.locator(f"section#{sid}")
        assert section.count() == 1, sid
        assert section.locator("h2").is_visible(), sid
        assert pg.locator(f"nav a[href='#{sid}']").count() == 1, sid
    assert pg.locator("#headline .fact").count() == len(doc["story"]["headline_facts"]) > 0
    assert pg.locator("#sources article.source").count() == len(doc["sources"])
    assert pg.locator("#matrix tbody tr").count() == sum(
        len(f["sources"]) > 1 and f.get("kind") not in {"detail", "profile"} for f in doc["facts"]
    )
    assert pg.locator("#details li").count() == sum(f.get("kind") == "detail" for f in doc["facts"])
    assert pg.locator("#timeline li").count() == len(doc["timeline"])
    if doc["timeline"]:
        assert pg.locator("#timeline svg circle").count() == len(doc["timeline"])
    assert pg.evaluate("document.scripts.length") == 1
    size = pg.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert size[0] <= size[1], "the page scrolls sideways"
    shot = Path(os.environ.get("NEWSFUSE_SCREENSHOT_DIR", hostile_brief.path.parent)) / "brief-full.png"
    pg.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.assert_quiet()


def test_fact_link_jumps_to_highlighted_evidence(page: Watched, hostile_brief: Rendered) -> None:
    doc = hostile_brief.doc
    first = _facts(doc)[doc["story"]["headline_facts"][0]]
    ev = next(e for e in first["evidence"] if e["text"] == first["text"])  # the words shown are the words highlighted
    link = page.page.locator("#headline .fact").first.locator("p.text a")
    assert link.get_attribute("href") == expected_href(doc, ev)
    pg = page.page
    assert page.mark() is None
    link.click()
    pg.wait_for_selector("mark.hl")
    m = page.mark()
    assert m == {"count": 1, "text": ev["text"], "source": ev["source"], "inView": True}
    # Clicking the same link again (no hashchange) still brings the evidence back into view.
    pg.evaluate("window.scrollTo(0, 0)")
    before = page.mark()
    assert before is not None and not before["inView"]
    link.click()
    pg.wait_for_function(
        "() => { const r = document.querySelector('mark.hl').getBoundingClientRect(); return r.top > 0 && r.bottom < innerHeight; }"
    )
    assert page.mark() == m
    page.assert_quiet()


def test_highlight_after_emoji_is_exact(page: Watched, hostile_brief: Rendered) -> None:
    """A fact whose evidence sits after emoji in the hostile article: the UTF-16 offsets select exactly its words."""
    doc = hostile_brief.doc
    hostile = hostile_brief.hostile_id
    text = _text_of(doc, hostile)
    after_emoji = [
        f for f in doc["facts"] if f["evidence"][0]["source"] == hostile and any(ord(c) > 0xFFFF for c in text[: f["evidence"][0]["start"]])
    ]
    assert after_emoji, "the pipeline found no fact after the emoji in the hostile article"
    pg = page.page
    for f in after_emoji:
        ev = f["evidence"][0]
        href = expected_href(doc, ev)
        link = pg.locator(f'a[href="{href}"]').first
        assert link.count() == 1, f"no link to {ev['text']!r}"
        link.click()
        # the jump may still be scrolling when the mark appears: wait until it is in view (or time out)
        pg.wait_for_function(
            "h => { const m = document.querySelector('mark.hl'); if (location.hash !== h || m === null) return false;"
            " const r = m.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.height > 0; }",
            arg=href,
        )
        assert page.mark() == {"count": 1, "text": ev["text"], "source": hostile, "inView": True}
    page.assert_quiet()


def test_every_evidence_link_highlights_its_evidence(page: Watched, hostile_brief: Rendered) -> None:
    """All links (facts, disagreements, matrix, timeline, only-here, quotes), including into the CR LF article."""
    doc = hostile_brief.doc
    pg = page.page
    hrefs: list[str] = pg.eval_on_selector_all("a[href^='#src:']", "els => [...new Set(els.map(e => e.getAttribute('href')))]")
    assert set(hrefs) >= {expected_href(doc, ev) for ev in all_evidence(doc, date_words=False)}
    seen_crlf = False
    for href in hrefs:
        sid, start, end = decode_href(href)
        text = _text_of(doc, sid)
        want = utf16_slice(text, start, end)
        seen_crlf |= "\r\n" in text[: text.find(want)]
        pg.evaluate("h => { location.hash = h; }", href)
        pg.wait_for_function("h => location.hash === h", arg=href)
        m = page.mark()
        assert m is not None, f"{href} highlights nothing"
        assert (m["count"], m["text"], m["source"]) == (1, want, sid), href
    if any("\r\n" in s["text"] for s in doc["sources"]):  # ingest keeps the input's CR LF today
        assert seen_crlf, "no link pointed past a CR LF"
    pg.evaluate("() => { location.hash = '#sources'; }")
    pg.wait_for_function("() => location.hash === '#sources'")
    assert page.mark() is None, "a stale highlight stays after leaving the evidence"
    page.assert_quiet()


def test_hostile_article_runs_nothing(page: Watched, hostile_brief: Rendered) -> None:
    pg = page.page
    pg.wait_for_timeout(300)  # give an onerror or onload handler the time to fire, if there were one
    page.assert_quiet()
    found = pg.evaluate(
        """() => {
            const all = [...document.querySelectorAll("*")];
            return {
                handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).map(e => e.outerHTML.slice(0, 80)),
                img: document.querySelectorAll("img, iframe, object, embed").length,
                svgOnload: document.querySelectorAll("svg[onload]").length,
                jsLinks: [...document.querySelectorAll("a")].filter(a => /^\\s*javascript:/i.test(a.getAttribute("href") || "")).length,
                scripts: document.scripts.length,
            };
        }"""
    )
    assert found == {"handlers": [], "img": 0, "svgOnload": 0, "jsLinks": 0, "scripts": 1}
    title = pg.locator("#sources article.source").nth(hostile_brief.hostile_index)
    assert title.locator(".body").get_attribute("data-source") == hostile_brief.hostile_id
    heading = title.locator("h3").inner_text()
    assert PAYLOAD_SVG in heading and PAYLOAD_SCRIPT in heading
    assert PAYLOAD_IMG in title.locator(".meta").inner_text()
    body = title.locator(".body").inner_text()
    for payload in (PAYLOAD_SCRIPT, PAYLOAD_IMG, PAYLOAD_SVG, PAYLOAD_ALERT, PAYLOAD_JS_LINK):
        assert payload in body, f"{payload!r} is not shown as text"
    assert title.locator(".body").evaluate("e => e.childNodes.length === 1 && e.firstChild.nodeType === Node.TEXT_NODE")
    # Clicking every link on the page (the hostile article's included, each source's words folded under a fact too)
    # still runs nothing.
    pg.evaluate("() => document.querySelectorAll('main details').forEach(d => { d.open = true; })")
    for a in pg.locator("main a[href^='#src:']").all():
        a.click()
    page.assert_quiet()


def test_layout_for_a_reader(page: Watched, hostile_brief: Rendered, tmp_path: Path) -> None:
    """Screenshots a person can look at (kept under NEWSFUSE_SCREENSHOT_DIR when set), with basic layout checks."""
    pg = page.page
    nav = pg.locator("nav").bounding_box()
    assert nav is not None
    nav_h = nav["height"]
    for sid in SECTIONS:
        pg.locator(f"nav a[href='#{sid}']").click()
        pg.wait_for_function("s => location.hash === '#' + s", arg=sid)
        box = pg.locator(f"section#{sid} h2").bounding_box()
        assert box is not None and box["y"] >= nav_h - 1, f"the {sid} heading hides under the sticky nav"
    header = pg.locator("header h1").bounding_box()
    main = pg.locator("main h2").first.bounding_box()
    assert header is not None and main is not None and abs(header["x"] - main["x"]) < 2, "header and content columns are not aligned"
    out = Path(os.environ.get("NEWSFUSE_SCREENSHOT_DIR", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    pg.goto(page.url + expected_href(hostile_brief.doc, hostile_brief.doc["facts"][0]["evidence"][0]))
    pg.wait_for_selector("mark.hl")
    pg.screenshot(path=str(out / "brief-highlight.png"))
    pg.set_viewport_size({"width": 390, "height": 844})
    pg.evaluate("window.scrollTo(0, 0)")
    pg.screenshot(path=str(out / "brief-phone.png"))
    size = pg.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert size[0] <= size[1] + 1, "the page scrolls sideways on a phone"
    page.assert_quiet()
