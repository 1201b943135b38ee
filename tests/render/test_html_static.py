"""The HTML brief without a browser: nothing from an article becomes markup, and every evidence link is a real range.

Each check runs on a hand-built contract document (no models, fast) and on the hostile story fused by the real
pipeline (tests/render/conftest.py).
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from newsfuse.render import brief_html
from newsfuse.render.html import BREAK_DAYS, LABEL_GAP, _timeline_points

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
    utf16_len,
    utf16_slice,
)

# Every element the template writes. Anything else in the page came from an article and means escaping failed.
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "nav", "a", "main", "section", "h2", "h3",
    "div", "span", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "svg", "line", "g", "rect", "text",
    "circle", "ol", "ul", "li", "strong", "bdi", "article", "details", "summary", "footer", "script",
}  # fmt: skip


class Scan(HTMLParser):
    """Start tags, attributes, scripts, and the text of each source body, as an HTML parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.bodies: dict[str, str] = {}
        self._in_script = False
        self._body: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag == "div" and a.get("class") == "body":
            self._body = a.get("data-source") or ""
            self.bodies[self._body] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if tag == "div":
            self._body = None

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        if self._body is not None:
            self.bodies[self._body] += data


def _ev(text: str, source: str, needle: str) -> dict[str, Any]:
    start = text.index(needle)
    return {"source": source, "text": needle, "start": start, "end": start + len(needle)}


def synthetic_doc() -> dict[str, Any]:
    """A contract document written by hand: CR LF, emoji before spans, payloads in every field, awkward source ids."""
    a_id, b_id = "a:b 100%", "<b>"
    a = (
        "🚧 Ferry 😀 hit the quay at dawn, the harbour office said.\r\n\r\n"
        f"A comment read {PAYLOAD_SCRIPT} and {PAYLOAD_IMG}.\r\n"
        f"Another linked {PAYLOAD_JS_LINK} and {PAYLOAD_SVG}.\r\n"
        "𝒜 witness said 12 people were hurt."
    )
    b = "The ferry hit the quay early on Monday, the harbour office said. Nine people were hurt.\rThe quay opened in 1961."
    f1 = [_ev(a, a_id, "hit the quay at dawn"), _ev(b, b_id, "The ferry hit the quay early on Monday")]
    f2 = [_ev(a, a_id, f"A comment read {PAYLOAD_SCRIPT} and {PAYLOAD_IMG}.")]
    f3 = [_ev(a, a_id, "𝒜 witness said 12 people were hurt.")]
    f4 = [_ev(b, b_id, "Nine people were hurt.")]
    f5 = [_ev(b, b_id, "The quay opened in 1961.")]
    facts = [
        {"id": "f1", "text": "The ferry hit the quay", "sources": [a_id, b_id], "independent_sources": 2, "speakers": [], "evidence": f1, "status": "corroborated", "label": "2 sources say"},
        {"id": "f2", "text": f2[0]["text"], "sources": [a_id], "independent_sources": 1, "speakers": [PAYLOAD_SVG], "evidence": f2, "status": "single_source", "label": "1 source says"},
        {"id": "f3", "text": f3[0]["text"], "sources": [a_id], "independent_sources": 1, "speakers": [], "evidence": f3, "status": "disputed", "label": "1 source says"},
        {"id": "f4", "text": f4[0]["text"], "sources": [b_id], "independent_sources": 1, "speakers": [], "evidence": f4, "status": "disputed", "label": "1 source says"},
        {"id": "f5", "text": f5[0]["text"], "sources": [b_id], "independent_sources": 1, "speakers": [], "evidence": f5, "status": "single_source", "label": "1 source says"},
        # a shared detail whose phrase is a payload: it is shown and linked like any other span
        {"id": "dt-1", "text": f2[0]["text"], "sources": [a_id, b_id], "independent_sources": 2, "speakers": [], "evidence": f2 + f4, "status": "corroborated", "label": "2 sources say", "kind": "detail", "detail": _ev(a, a_id, PAYLOAD_IMG)},
        # how two sources describe someone whose name (an entity name, from the text) is a payload
        {"id": "p-1", "text": f2[0]["text"], "sources": [a_id, b_id], "independent_sources": 2, "speakers": [], "evidence": f2 + f4, "status": "corroborated", "label": "2 sources say", "kind": "profile", "subject": PAYLOAD_SVG},
    ]  # fmt: skip
    return {
        "schema": "newsfuse/brief@1",
        "story": {
            "title": f"Ferry {PAYLOAD_SCRIPT} hits quay",
            "first_published": "2025-01-06",
            "last_published": "2025-01-07",
            "headline_facts": ["f1", "f2", "f3"],
        },
        "sources": [
            {
                "id": a_id,
                "text": a,
                "title": f"{PAYLOAD_SVG} title",
                "outlet": PAYLOAD_IMG,
                "published": "2025-01-06",
                "wire": None,
                "removed": [PAYLOAD_ALERT],
                "derived_from": [],
            },
            {
                "id": b_id,
                "text": b,
                "title": "Ferry hits quay",
                "outlet": "Harbour News",
                "published": "2025-01-07",
                "wire": None,
                "removed": [],
                "derived_from": [],
            },
        ],
        "facts": facts,
        "discrepancies": [
            {
                "id": "d1",
                "facts": ["f3", "f4"],
                "kind": "count",
                "summary": f"disputed: {PAYLOAD_IMG}",
                "variants": [
                    {"value": "12", "sources": [a_id], "evidence": f3},
                    {"value": PAYLOAD_SCRIPT, "sources": [b_id], "evidence": f4},
                ],
            }
        ],
        "quotes": [
            {
                "speaker": PAYLOAD_ALERT,
                "speaker_entity": None,
                "text": f2[0]["text"],
                "direct": True,
                "sources": [a_id],
                "evidence": f2,
                "cues": [],
            }
        ],
        "entities": [],
        "timeline": [
            {
                "date": "1961",
                "precision": "year",
                "text": f5[0]["text"],
                "facts": ["f5"],
                "sources": [b_id],
                "evidence": f5,
                "disputed": False,
            },
            {
                "date": "2025-01-06",
                "precision": "day",
                "text": "The ferry hit the quay",
                "facts": ["f1"],
                "sources": [a_id, b_id],
                "evidence": f1,
                "disputed": True,
            },
            {
                "date": "2025-01-06",
                "precision": "day",
                "text": PAYLOAD_SCRIPT,
                "facts": ["f2"],
                "sources": [a_id],
                "evidence": f2,
                "disputed": False,
            },
        ],
        "only_here": {a_id: ["f2", "f3"], b_id: ["f4", "f5"]},
        "rejected": [],
    }


@pytest.fixture(params=["hand-built", pytest.param("pipeline", marks=pytest.mark.models)])
def rendered(request: pytest.FixtureRequest) -> Rendered:
    if request.param == "pipeline":
        r: Rendered = request.getfixturevalue("hostile_brief")
        return r
    doc = synthetic_doc()
    html = brief_html(doc)
    return Rendered(doc, html, request.getfixturevalue("tmp_path") / "brief.html")


def _scan(html: str) -> Scan:
    s = Scan()
    s.feed(html)
    s.close()
    return s


def test_no_script_but_ours(rendered: Rendered) -> None:
    html = rendered.html
    assert len(re.findall(r"<\s*script", html, re.I)) == 1, "an article's <script> reached the page unescaped"
    scan = _scan(html)
    assert [t for t, _ in scan.tags].count("script") == 1
    assert len(scan.scripts) == 1 and "location.hash" in scan.scripts[0]
    assert {t for t, _ in scan.tags} <= TEMPLATE_TAGS
    for tag, attrs in scan.tags:
        assert not [k for k in attrs if k.startswith("on")], f"event handler on <{tag}>: {attrs}"
        assert "src" not in attrs, f"<{tag}> loads something: {attrs}"
        href = attrs.get("href")
        assert href is None or href.startswith("#"), f"<{tag}> links outside the page: {href}"


def test_csp_allows_exactly_our_script(rendered: Rendered) -> None:
    scan = _scan(rendered.html)
    csp = [a.get("content") or "" for t, a in scan.tags if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(csp) == 1
    digest = base64.b64encode(hashlib.sha256(scan.scripts[0].encode("utf-8")).digest()).decode()
    directives = dict(d.strip().split(" ", 1) for d in csp[0].split(";") if d.strip())
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == f"'sha256-{digest}'", (
        "no 'unsafe-inline': inline handlers must not run even if markup slipped through"
    )


def test_hostile_strings_are_escaped_text(rendered: Rendered) -> None:
    html = rendered.html
    for payload in (PAYLOAD_SCRIPT, PAYLOAD_IMG, PAYLOAD_SVG, PAYLOAD_ALERT):
        texts = [s["text"] for s in rendered.doc["sources"]] + [s.get("title") or "" for s in rendered.doc["sources"]]
        if not any(payload in t for t in texts):
            continue
        assert payload not in html
        escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;")
        assert escaped in html, f"{payload!r} is not shown as text"


def test_evidence_hrefs_decode_to_valid_ranges(rendered: Rendered) -> None:
    doc = rendered.doc
    texts = {s["id"]: s["text"] for s in doc["sources"]}
    evidence = all_evidence(doc)
    for ev in evidence:
        assert texts[ev["source"]][ev["start"] : ev["end"]] == ev["text"], "contract: sources[source].text[start:end] == text"
    wanted = {(ev["source"], ev["text"]) for ev in evidence}
    hrefs = [a["href"] for t, a in _scan(rendered.html).tags if t == "a" and (a.get("href") or "").startswith("#src:")]
    assert hrefs
    for href in hrefs:
        assert href is not None
        assert re.fullmatch(r"#src:[A-Za-z0-9_.~%-]+:\d+:\d+", href), f"{href}: the source id must be percent-encoded"
        sid, start, end = decode_href(href)
        assert sid in texts, href
        assert 0 <= start < end <= utf16_len(texts[sid]), href
        assert (sid, utf16_slice(texts[sid], start, end)) in wanted, f"{href} does not point at any evidence"
    for f in doc["facts"]:
        assert expected_href(doc, f["evidence"][0]) in hrefs


def test_utf16_offsets_differ_where_they_must(rendered: Rendered) -> None:
    """The fixtures put non-BMP characters before highlighted spans: offsets there must be UTF-16, not code points."""
    doc = rendered.doc
    texts = {s["id"]: s["text"] for s in doc["sources"]}
    cited = all_evidence(doc, date_words=False)  # (date words are linked once per phrase, not per source)
    shifted = [ev for ev in cited if any(ord(c) > 0xFFFF for c in texts[ev["source"]][: ev["start"]])]
    assert shifted, "the fixture should have evidence after an emoji"
    for ev in shifted:
        href = expected_href(doc, ev)
        assert href in rendered.html
        assert not href.endswith(f":{ev['start']}:{ev['end']}")


def test_source_bodies_survive_html_parsing(rendered: Rendered) -> None:
    """The browser's text node must equal the source text: CR is written as &#13; (the parser folds a literal CR)."""
    scan = _scan(rendered.html)
    for s in rendered.doc["sources"]:
        assert scan.bodies[s["id"]] == s["text"]
    for raw in re.findall(r'<div class="body"[^>]*>(.*?)</div>', rendered.html, re.S):
        assert "\r" not in raw and "\x00" not in raw
    if any("\r" in s["text"] for s in rendered.doc["sources"]):  # both fixtures have CR LF; the hand-built one a lone CR too
        assert "&#13;" in rendered.html


def test_timeline_layout_is_readable() -> None:
    doc = synthetic_doc()
    doc["timeline"] += [
        {"date": d, "precision": "day", "text": f"event {i}", "facts": [], "sources": ["<b>"], "evidence": [], "disputed": False}
        for i, d in enumerate(
            ["2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05", "2025-01-07", "2025-01-08", "2025-01-08", "2025-01-08", "2025-01-08"]
        )
    ]
    t = _timeline_points(doc)
    xs = [tick["x"] for tick in t["ticks"]]
    assert xs == sorted(xs) and all(b - a >= LABEL_GAP for a, b in itertools.pairwise(xs)), "date labels overlap"
    assert t["ticks"][0]["label"] == "1961" and t["ticks"][-1]["label"] == "2025-01-08"
    for p in t["points"]:
        assert p["y"] - p["r"] >= 0 and p["y"] + p["r"] <= t["axis"], "a point is cut off or below the axis"
        assert p["x"] - p["r"] >= 0 and p["x"] + p["r"] <= 800
    assert len(t["breaks"]) == 1, f"one break for the {BREAK_DAYS}+ day gap between 1961 and 2025"
    assert t["breaks"][0]["x"] < min(p["x"] for p in t["points"] if p["date"] != "1961")
    assert _timeline_points({"timeline": []})["points"] == []


def test_shared_details_have_their_section_and_stay_out_of_the_matrix() -> None:
    doc = synthetic_doc()
    html = brief_html(doc)
    section = html[html.index('<section id="details">') : html.index('<section id="timeline"')]
    assert "&lt;img src=x onerror=" in section  # the phrase, escaped, linking to its span
    matrix = html[html.index('<section id="matrix">') : html.index('<section id="details">')]
    assert "dt-1" not in matrix and 'id="fact-dt-1"' in section
    assert "5 facts · 1 shared detail ·" in html


def test_timeline_entries_link_the_words_that_give_their_dates(rendered: Rendered) -> None:
    from newsfuse.render.names import date_phrases

    doc = rendered.doc
    if not any("when" in t for t in doc["timeline"]):
        pytest.skip("a hand-built brief without date words")
    phrases = [w for t in doc["timeline"] for _, w in date_phrases(t)]
    assert phrases, "the fixture dates its events in words"
    for w in phrases:
        assert f'<a class="who" href="{expected_href(doc, dict(w))}">' in rendered.html


def test_who_is_who_has_its_section_and_stays_out_of_the_matrix() -> None:
    html = brief_html(synthetic_doc())
    section = html[html.index('<section id="people">') : html.index('<section id="timeline"')]
    assert 'id="fact-p-1"' in section and "&lt;svg onload" in section and PAYLOAD_SVG not in section  # the name, escaped
    assert section.count('href="#src:') == 4  # each description and its source badge link to the span
    matrix = html[html.index('<section id="matrix">') : html.index('<section id="details">')]
    assert "p-1" not in matrix
    assert "5 facts · 1 shared detail ·" in html and '<a href="#people">' in html


def test_a_brief_of_one_source_says_no_fact_has_two_instead_of_an_empty_table() -> None:
    doc = synthetic_doc()
    doc["facts"] = [f for f in doc["facts"] if len(f["sources"]) == 1]
    doc["story"]["headline_facts"] = [f["id"] for f in doc["facts"]]
    html = brief_html(doc)
    matrix = html[html.index('<section id="matrix">') : html.index("</section>", html.index('<section id="matrix">'))]
    assert "No fact is reported by two or more sources." in matrix and "<table" not in matrix
