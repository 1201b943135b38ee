"""One self-contained HTML file a reader would rather read than the JSON.

Everything from the articles goes through Jinja2's autoescaping; the only script is ours and it reads offsets from
link targets, never article text, so a hostile article cannot run code in the report. The Content-Security-Policy
allows exactly that one script (by its SHA-256), so even a markup slip could not run an inline handler.

Evidence links are ``#src:<percent-encoded source id>:<utf16 start>:<utf16 end>``: the script wraps that range of
the source's ``.body`` text node in ``<mark class="hl">``. The body is written so that the browser's text node holds
exactly the source text (see :func:`body_text`), so the offsets count the same code units.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .names import credits, date_phrases, listed, published, source_names, worded_alike

# The timeline drawing: an 800-wide SVG, points on an axis from X0 to X1, stacked upwards from the axis.
X0, X1 = 60.0, 740.0
STACK = 16
LABEL_GAP = 70  # px between two date labels, so that they never overlap
BREAK_DAYS = 90  # a gap longer than this between two neighbouring dates is drawn as a break in the axis


def _utf16(text: str, pos: int) -> int:
    """JavaScript counts UTF-16 code units; Python counts code points."""
    return len(text[:pos].encode("utf-16-le", "surrogatepass")) // 2


def body_text(text: str) -> Markup:
    """Escape a source text so that the DOM text node equals it code unit for code unit.

    The HTML parser turns CR LF and lone CR into LF and drops NUL in body text, which would shift every highlight
    after them; character references survive (``&#13;`` stays U+000D; ``&#0;`` becomes U+FFFD, same length).
    """
    return Markup(str(escape(text)).replace("\r", "&#13;").replace("\x00", "&#0;"))


def csp_hash(script: str) -> Markup:
    """The CSP source expression that allows exactly this inline script."""
    return Markup("'sha256-" + base64.b64encode(hashlib.sha256(str(script).encode("utf-8")).digest()).decode("ascii") + "'")


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("newsfuse.render", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["body_text"] = body_text
    env.filters["csp_hash"] = csp_hash
    return env


def _day(d: str) -> date | None:
    try:
        return date.fromisoformat(d if len(d) == 10 else (d + "-01" if len(d) == 7 else d + "-01-01"))
    except ValueError:
        return None


def _timeline_points(doc: dict[str, Any], anchor: Callable[[dict[str, Any]], str] | None = None) -> dict[str, Any]:
    """Lay the dated events out for the SVG.

    Distinct dates are spread evenly along the axis, in order (a linear time scale squeezes a month of news into
    one dot as soon as one event is decades old); a long gap between neighbours is drawn as a break in the axis.
    Events on the same date stack upwards; labels that would overlap the previous one are left out (the list below
    the drawing has every date).
    """
    pts = [(day, t) for t in doc["timeline"] if (day := _day(t["date"])) is not None]
    if not pts:
        return {"points": [], "ticks": [], "breaks": [], "height": 0, "axis": 0}
    keys = sorted({(day, t["date"]) for day, t in pts})
    n = len(keys)
    xs = {k: (X0 + X1) / 2 if n == 1 else X0 + (X1 - X0) * i / (n - 1) for i, k in enumerate(keys)}
    count: dict[tuple[date, str], int] = {}
    for day, t in pts:
        count[(day, t["date"])] = count.get((day, t["date"]), 0) + 1
    tallest = max(count.values())
    axis = 24 + STACK * tallest
    out = []
    level: dict[tuple[date, str], int] = {}
    for day, t in sorted(pts, key=lambda p: (p[0], p[1]["date"])):
        k = (day, t["date"])
        lv = level.get(k, 0)
        level[k] = lv + 1
        ev = t.get("evidence") or []
        out.append(
            {
                "x": round(xs[k], 1),
                "y": axis - 12 - STACK * lv,
                "r": 3 + min(len(t["sources"]), 4),
                "date": t["date"],
                "text": t["text"],
                "n": len(t["sources"]),
                "disputed": t.get("disputed"),
                "href": anchor(own_evidence(t)) if anchor and ev else None,
            }
        )
    ticks: list[dict[str, Any]] = []
    for i, k in enumerate(keys):
        x = round(xs[k], 1)
        if not ticks or x - ticks[-1]["x"] >= LABEL_GAP:
            ticks.append({"x": x, "label": k[1]})
        elif i == n - 1 and len(ticks) > 1:
            ticks[-1] = {"x": x, "label": k[1]}  # the last date rather than the one just before it
    breaks = [{"x": round((xs[a] + xs[b]) / 2, 1)} for a, b in itertools.pairwise(keys) if (b[0] - a[0]).days > BREAK_DAYS]
    return {"points": out, "ticks": ticks, "breaks": breaks, "height": axis + 30, "axis": axis}


def own_evidence(item: dict[str, Any]) -> dict[str, Any]:
    """The evidence span a fact, timeline entry or quote shows as its text (a link must highlight those very words,
    not another source's report of them); the first span when none is that text."""
    ev = item["evidence"]
    return next((e for e in ev if e["text"] == item["text"]), ev[0])


def brief_html(doc: dict[str, Any]) -> str:
    texts = {s["id"]: s["text"] for s in doc["sources"]}

    def anchor(ev: dict[str, Any]) -> str:
        t = texts.get(ev["source"], "")
        sid = quote(ev["source"], safe="", errors="surrogatepass")
        return f"#src:{sid}:{_utf16(t, ev['start'])}:{_utf16(t, ev['end'])}"

    facts = {f["id"]: f for f in doc["facts"]}
    matrix_facts = [f for f in doc["facts"] if len(f["sources"]) > 1 and f.get("kind") not in {"detail", "profile"}]
    details = [f for f in doc["facts"] if f.get("kind") == "detail"]
    people = [f for f in doc["facts"] if f.get("kind") == "profile"]
    names = source_names(doc["sources"])
    tmpl = _env().get_template("brief.html.j2")
    return tmpl.render(
        doc=doc,
        facts=facts,
        headline=[facts[i] for i in doc["story"].get("headline_facts", []) if i in facts],
        matrix_facts=matrix_facts,
        details=details,
        people=people,
        worded_alike=worded_alike,
        anchor=anchor,
        own=own_evidence,
        timeline=_timeline_points(doc, anchor),
        source_ids=[s["id"] for s in doc["sources"]],
        names=names,
        listed=lambda ids: listed(names, ids),
        credits=lambda f: credits(f, names),
        when=published(doc),
        date_phrases=date_phrases,
    )
