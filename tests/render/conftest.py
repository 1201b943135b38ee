"""Fixtures for the HTML tests: a small hand-written story with one hostile article, fused by the real pipeline.

The articles are fictional. One of them (the "forum" source) carries script payloads in its headline, outlet line
and body, has a file name that needs percent-encoding in a link, and puts non-BMP characters (emoji, a mathematical
letter) before spans that get highlighted, so that UTF-16 offsets differ from Python's code-point offsets. Another is
saved with CR LF line ends, which the HTML parser would otherwise fold into LF and so shift every highlight.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">'
PAYLOAD_SVG = '"><svg onload=window.__pwned=1>'
PAYLOAD_ALERT = "<script>alert('pwned')</script>"
PAYLOAD_JS_LINK = "javascript:window.__pwned=1"
HOSTILE_FILE = "03-forum 100% <b>"  # a file name with a space, a percent sign and markup (its stem may become the id)

ARTICLES: dict[str, str] = {
    "01-lakeside-gazette.txt": """Bridge closed after barge strikes pier in Millbrook
Outlet: Lakeside Gazette
Date: 2025-09-04

A grain barge struck the central pier of the Millbrook river bridge on Wednesday evening, forcing the county to close the bridge to all traffic.

County engineer Harriet Osei said divers found a crack about two metres long in the pier. "We will not reopen the bridge until every bolt has been checked," Osei said.

Nobody was hurt, but about 6,000 drivers a day will have to take a 20-kilometre detour through Ashby, the county said.

The barge, the Marta Kell, was carrying 1,200 tonnes of wheat to the port of Dunmore.
""",
    "02-river-times.txt": """Millbrook bridge shut as barge hits pier
Outlet: River Times
Date: 2025-09-05

The Millbrook river bridge was closed on Wednesday night after a barge loaded with grain hit one of its piers.

Divers sent down by the county found a crack about three metres long in the pier, county engineer Harriet Osei said.

Kell Shipping, which operates the barge, said its crew had lost steering in a strong current. Roughly 6,000 drivers a day will now have to take a 20-kilometre detour through Ashby.

The bridge was built in 1961 and was last inspected in March.
""".replace("\n", "\r\n"),
    f"{HOSTILE_FILE}.txt": f"""{PAYLOAD_SVG} Bridge {PAYLOAD_SCRIPT} closed 🚧
Outlet: Forum {PAYLOAD_IMG}
Date: 2025-09-05

🚧🌉 Locals 😀 posted photos all night. A grain barge struck the central pier of the Millbrook river bridge on Wednesday evening, and the county closed the bridge to all traffic.

One reader wrote {PAYLOAD_SCRIPT} under the photos, and another posted {PAYLOAD_IMG} and a link to {PAYLOAD_JS_LINK} that did nothing.

Someone else tried {PAYLOAD_ALERT} and {PAYLOAD_SVG} in a comment about the detour.

𝒜 local shop owner 🛶, Dev Patel, said the barge operator, Kell Shipping, had already sent two tugs to the bridge.
""",
}


@dataclass(frozen=True)
class Rendered:
    doc: dict[str, Any]
    html: str
    path: Path

    @property
    def hostile_index(self) -> int:
        """Where the hostile article is among the sources (found by its text, whatever id ingest gave it)."""
        return next(i for i, s in enumerate(self.doc["sources"]) if "Locals" in s["text"] and PAYLOAD_SCRIPT in s["text"])

    @property
    def hostile_id(self) -> str:
        return str(self.doc["sources"][self.hostile_index]["id"])


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real headless Chromium (skipped when /usr/bin/chromium or playwright is missing)")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def utf16_slice(text: str, start: int, end: int) -> str:
    """text[start:end] with start and end counted in UTF-16 code units, as a browser's Range counts them."""
    units = text.encode("utf-16-le", "surrogatepass")
    return units[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")


def expected_href(doc: dict[str, Any], ev: dict[str, Any]) -> str:
    """The link a reader clicks for this evidence, worked out independently of the renderer."""
    text = next(s["text"] for s in doc["sources"] if s["id"] == ev["source"])
    start, end = utf16_len(text[: ev["start"]]), utf16_len(text[: ev["end"]])
    return f"#src:{quote(ev['source'], safe='')}:{start}:{end}"


def decode_href(href: str) -> tuple[str, int, int]:
    """(source id, utf16 start, utf16 end) of an evidence link; raises ValueError for anything else."""
    if not href.startswith("#src:"):
        raise ValueError(href)
    sid, start, end = href[len("#src:") :].rsplit(":", 2)
    return unquote(sid, errors="strict"), int(start), int(end)


def all_evidence(doc: dict[str, Any], date_words: bool = True) -> list[dict[str, Any]]:
    """Every exact span the brief cites; ``date_words``: with the words that give timeline entries their dates
    (linked once per phrase in the report, not once per source)."""
    out: list[dict[str, Any]] = []
    for f in doc["facts"]:
        out += f["evidence"] + ([f["detail"]] if f.get("detail") else []) + f.get("phrases", [])
    for d in doc["discrepancies"]:
        for v in d["variants"]:
            out += v["evidence"]
    for q in doc["quotes"]:
        out += q["evidence"]
    for t in doc["timeline"]:
        out += t["evidence"] + (t.get("when", []) if date_words else [])
    return out


@pytest.fixture(scope="session")
def hostile_brief(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The story above, read and fused by the real pipeline and rendered to HTML (the models load once)."""
    from newsfuse.api import brief
    from newsfuse.render import brief_html, brief_json

    root = tmp_path_factory.mktemp("hostile-story")
    folder = root / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    doc = brief_json(brief(folder))
    assert not doc["rejected"], doc["rejected"]
    html = brief_html(doc)
    path = root / "brief.html"
    path.write_text(html, encoding="utf-8")
    return Rendered(doc, html, path)
