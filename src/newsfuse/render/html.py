"""One self-contained HTML file a reader would rather read than the JSON.

Everything from the articles goes through Jinja2's autoescaping; the only script is ours and it reads offsets from
link targets, never article text, so a hostile article cannot run code in the report.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


def _utf16(text: str, pos: int) -> int:
    """JavaScript counts UTF-16 code units; Python counts code points."""
    return len(text[:pos].encode("utf-16-le")) // 2


def _env() -> Environment:
    env = Environment(loader=PackageLoader("newsfuse.render", "templates"), autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    return env


def _timeline_points(doc: dict[str, Any]) -> dict[str, Any]:
    pts = []
    for t in doc["timeline"]:
        d = t["date"]
        try:
            day = date.fromisoformat(d if len(d) == 10 else (d + "-01" if len(d) == 7 else d + "-01-01"))
        except ValueError:
            continue
        pts.append((day, t))
    if not pts:
        return {"points": [], "ticks": []}
    lo = min(p[0] for p in pts).toordinal()
    hi = max(p[0] for p in pts).toordinal()
    span = max(hi - lo, 1)
    out = []
    stack: dict[int, int] = {}
    for day, t in pts:
        x = 40 + 720 * (day.toordinal() - lo) / span
        k = stack.get(round(x), 0)
        stack[round(x)] = k + 1
        out.append({"x": round(x, 1), "y": 70 - 14 * k, "date": t["date"], "text": t["text"], "n": len(t["sources"]), "disputed": t.get("disputed")})
    ticks = sorted({(p["x"], p["date"]) for p in out})
    return {"points": out, "ticks": [{"x": x, "label": lbl} for x, lbl in ticks]}


def brief_html(doc: dict[str, Any]) -> str:
    texts = {s["id"]: s["text"] for s in doc["sources"]}

    def anchor(ev: dict[str, Any]) -> str:
        t = texts.get(ev["source"], "")
        return f"#src:{ev['source']}:{_utf16(t, ev['start'])}:{_utf16(t, ev['end'])}"

    facts = {f["id"]: f for f in doc["facts"]}
    matrix_facts = [f for f in doc["facts"] if len(f["sources"]) > 1]
    tmpl = _env().get_template("brief.html.j2")
    return tmpl.render(
        doc=doc,
        facts=facts,
        headline=[facts[i] for i in doc["story"].get("headline_facts", []) if i in facts],
        matrix_facts=matrix_facts,
        anchor=anchor,
        timeline=_timeline_points(doc),
        source_ids=[s["id"] for s in doc["sources"]],
    )
