"""Cleaning: find metadata lines and boilerplate in an input's text and cut them out.

Cleaning only deletes. Each cut is a :class:`~newsfuse.model.Removal` with its offsets in the raw text and a reason, so
the cleaned text is the input's own characters and every offset can be mapped back.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from ..model import Article, Meta, Removal
from ..read.times import MONTHS
from ..wires import wire_name
from .base import RawDoc
from .dates import parse_date

# ---------------------------------------------------------------- metadata lines


_SOURCE_TAG = re.compile(r"\[\s*(?:source|via|credit)\s*:\s*([^\]\n]{1,60}?)\s*\]", re.I)
_DATE_LINE = re.compile(
    r"^\s*(?:date|dated|published|posted|updated)\s*[:\s]\s*(?P<date>[^\[\n]{4,60}?)\s*(?:\[\s*(?:source|via|credit)\s*:\s*(?P<src>[^\]\n]+?)\s*\])?\s*$",
    re.I,
)
_KV_LINE = re.compile(
    r"^\s*(?P<key>outlet|source|publisher|publication|site|url|link|title|headline|author|byline|language|lang)\s*:\s*(?P<val>\S.{0,300}?)\s*$",
    re.I,
)
_BY_LINE = re.compile(r"^\s*(?i:by)\s+(?P<val>[A-Z][\w.'’-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.'’-]+){0,6})\s*$")
_DATELINE = re.compile(  # used with .match(text, pos): no ^, which would only match at 0
    r"(?P<place>[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4})"
    r"(?:\s*,\s*(?P<month>[A-Z][a-z]{2,9})\.?(?:\s+(?P<day>\d{1,2}))?(?:,?\s+(?P<year>\d{4}))?)?"
    r"\s*(?:\((?P<wire>[A-Za-z][A-Za-z .-]{0,30})\))?\s*[—–-]{1,2}\s+(?=\S)"
)
# a dateline that opens with the day, then a known wire: "April 29 (UPI) —", "Dec. 17, 2024 (AP) --" (never "May 5
# (see above) -")
_DAY_DATELINE = re.compile(
    r"(?P<month>[A-Z][a-z]{2,9})\.?\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?"
    r"\s*\((?P<wire>[A-Za-z][A-Za-z .-]{0,30})\)\s*[—–-]{1,2}\s+(?=\S)"
)


def _dateline_day(m: re.Match[str], meta: Meta) -> None:
    """The day a dateline gives ("WASHINGTON, April 29 (Reuters) -"): the publication date when it has a year and
    nothing else gave one; else, as month and day, the day of writing (the pipeline finds its year from the story's
    other reports: :func:`newsfuse.read.pipeline.reference_dates`)."""
    month = MONTHS.get((m.group("month") or "").lower())
    if month is None or not m.group("day"):
        return
    try:
        day = date(int(m.group("year") or 2000), month, int(m.group("day")))  # 2000: a leap year admits Feb 29
    except ValueError:
        return
    if m.group("year"):
        if meta.published is None:
            meta.published = day
            meta.extra["published_from"] = "dateline"
    else:
        meta.extra["dateline_day"] = f"{month:02d}-{day.day:02d}"


_WIRE_PAREN = re.compile(r"\s*\((?P<wire>[A-Za-z][A-Za-z .-]{0,30})\)\s*[—–-]{1,2}\s+(?=\S)")
_CONTRIB = re.compile(
    r"^\s*(?:\(?\s*(?P<w1>[A-Z][\w .-]{1,40}?)\s+contributed to this (?:report|story|article)\.?\s*\)?"
    r"|\(?\s*(?:additional )?reporting by [^\n]{2,200}\)?|\(?\s*editing by [^\n]{2,200}\)?"
    r"|\(?\s*writing by [^\n]{2,120}\)?)\s*$",
    re.I,
)


def credit_name(text: str) -> str:
    return wire_name(text) or text.strip().strip(".")


# ---------------------------------------------------------------- boilerplate lines

_BOILER: list[tuple[str, re.Pattern[str]]] = [
    (
        "app or newsletter plea",
        re.compile(
            r"(?:\b(?:download|install|get)\b[^\n]{0,80}\bapp\b|\bcatch all the\b|\bsubscribe\b[^\n]{0,60}"
            r"(?:newsletter|channel|updates)|\bsign up (?:for|to)\b[^\n]{0,60}(?:newsletter|alerts|updates)"
            r"|\bfollow us on\b|\bjoin (?:us|our)\b[^\n]{0,40}(?:telegram|whatsapp|channel))",
            re.I,
        ),
    ),
    ("read-more link", re.compile(r"^\s*(?:read more|read also|also read|see also|more on this|watch)\s*[:|»>-]", re.I)),
    ("related link", re.compile(r"^\s*(?:related|recommended|trending|most read|more from)\s*(?:stories|articles|news)?\s*[:|»>]", re.I)),
    (
        "share line",
        re.compile(
            r"^\s*share(?: this)?(?: (?:article|story|page|post))?(?: (?:on|via))?\s*[:|]?\s*(?:(?:facebook|twitter|x|email|whatsapp|linkedin|reddit|telegram|print|copy link)\W*){1,8}$",
            re.I,
        ),
    ),
    ("share line", re.compile(r"^\s*(?:(?:facebook|twitter|email|whatsapp|linkedin|reddit|telegram|pinterest)\W*){2,8}$", re.I)),
    ("photo caption", re.compile(r"^\s*(?:photo|image|picture|file photo|pictured|video|graphic)\s*(?:credit)?\s*[:(|]", re.I)),
    ("photo caption", re.compile(r"\((?:photo|image|picture)s?\s*(?:by|:|credit)[^)]{0,80}\)\s*$", re.I)),
    ("photo caption", re.compile(r"\s/\s*(?:Getty Images|AFP|Reuters|AP Photo|EPA|Shutterstock)[^\n]{0,40}$")),
    ("scraping artifact", re.compile(r"^\s*(?:first |\w+ )?paragraph \(\w+\) is missing\.?\s*$", re.I)),
    (
        "scraping artifact",
        re.compile(
            r"^\s*(?:advertisement|skip to (?:main )?content|loading\.*|this content is not available[^\n]*"
            r"|sponsored|story continues below(?: advertisement)?|continue reading(?: below)?|\[?ad\]?)\s*$",
            re.I,
        ),
    ),
    # a capitalised label and a short teaser, no sentence: "ON DEADLINE: Live updates and local coverage", "MORE: ..."
    ("promo line", re.compile(r"^\s*[A-Z][A-Z .'&-]{1,24}:\s+[^\n]{1,60}(?<![.!?\"”’)])\s*$")),
    ("copyright line", re.compile(r"^\s*(?:©|\(c\)|copyright)\s*\d{0,4}[^\n]{0,120}$|all rights reserved\.?\s*$", re.I)),
]


def boilerplate_reason(line: str) -> str | None:
    """Why a whole line is boilerplate, or None. Long lines of prose are never boilerplate by these rules."""
    s = line.strip()
    if not s:
        return None
    for reason, pat in _BOILER:
        if pat.search(s):
            # A plea or link inside a long paragraph of reporting is not a footer: keep prose.
            if len(s) > 260 and reason not in {"photo caption"}:
                continue
            if reason == "photo caption" and len(s) > 300:
                continue
            return reason
    return None


# ---------------------------------------------------------------- the cleaner


@dataclass(slots=True)
class _Line:
    start: int
    end: int  # end of content, before the newline
    text: str


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for m in re.finditer(r"[^\n]*(?:\n|$)", text):
        if m.start() == len(text) and m.group() == "":
            break
        body = m.group().rstrip("\n")
        out.append(_Line(m.start(), m.start() + len(body), body))
        pos = m.end()
    del pos
    return out


_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "is", "vs"}


def _title_case(words: Sequence[str]) -> bool:
    big = [w for w in words if w.lower().strip("'\"‘’“”") not in _SMALL_WORDS]
    return bool(big) and sum(1 for w in big if w.lstrip("'\"‘“(")[:1].isupper()) / len(big) >= 0.75


def _is_headline(line: str, next_lines: Sequence[_Line]) -> bool:
    s = line.strip()
    words = s.split()
    if not (2 <= len(words) <= 22) or len(s) > 200:
        return False
    if s.endswith("...") or s.endswith("…") or s[-1] in ",;:":
        return False
    # a sentence ends with a stop; a headline usually does not, unless it is written in Title Case. A closing quote
    # ends a sentence only after a stop ('... he said."'); a headline may end on a quoted word ("... as 'Authentic'")
    unquoted = s.rstrip("\"”’'")
    if unquoted != s:
        if unquoted[-1:] in {".", "!", "?", ","}:
            return False
    elif s[-1] == "." and not (len(words) <= 16 and _title_case(words)):
        return False
    return any(ln.text.strip() for ln in next_lines)


def _removal(raw: str, start: int, end: int, reason: str) -> Removal:
    # Take the line's trailing newline with it so paragraphs stay separated by one blank line at most.
    if end < len(raw) and raw[end] == "\n":
        end += 1
    return Removal(start, end, raw[start:end], reason)


def find_removals(doc: RawDoc, meta: Meta) -> list[Removal]:
    """Metadata lines (for text inputs), boilerplate lines, datelines and wire credits. Fills ``meta`` in passing."""
    raw = doc.text
    lines = _lines(raw)
    cuts: list[Removal] = []
    body_start = 0
    header_cut: set[int] = set()
    if doc.header:
        i = 0
        seen_headline = meta.title is not None
        first_content = True
        body_start = -1
        while i < len(lines) and i < 12:
            ln = lines[i]
            s = ln.text.strip()
            if not s:
                i += 1
                continue
            if _read_meta_line(s, meta, doc.warnings):
                cuts.append(_removal(raw, ln.start, ln.end, "metadata"))
                i += 1
                continue  # metadata lines may come before the headline
            elif first_content and not seen_headline and _is_headline(s, lines[i + 1 : i + 4]):
                meta.title = s
                seen_headline = True
                cuts.append(_removal(raw, ln.start, ln.end, "headline"))
            elif body_start < 0:
                # the body begins; metadata lines may still follow a first paragraph glued to its headline
                body_start = i
            first_content = False
            i += 1
        if body_start < 0:
            body_start = i
        header_cut = {c.start for c in cuts}
    body_paras = 0  # a dateline opens one of the first paragraphs (after a standfirst or a caption at most)
    for ln in lines[body_start:]:
        s = ln.text.strip()
        if not s or (doc.header and ln.start in header_cut):
            continue
        reason = boilerplate_reason(s)
        if reason is None and _CONTRIB.match(s):
            m = _CONTRIB.match(s)
            if m and m.group("w1") and wire_name(m.group("w1")):
                meta.wire = meta.wire or wire_name(m.group("w1"))
            reason = "credit line"
        if reason is None and (m2 := _SOURCE_TAG.fullmatch(s)):
            meta.wire = meta.wire or credit_name(m2.group(1))
            reason = "metadata"
        if reason:
            cuts.append(_removal(raw, ln.start, ln.end, reason))
            continue
        if body_paras < 3:
            body_paras += 1
            lead = ln.text[: len(ln.text) - len(ln.text.lstrip())]
            start = ln.start + len(lead)
            m3 = _DATELINE.match(raw, start, ln.end)
            if m3 and len(m3.group("place").split()) <= 5:
                meta.extra.setdefault("dateline", m3.group("place").strip(" ,"))
                if m3.group("wire"):
                    meta.wire = meta.wire or credit_name(m3.group("wire"))
                _dateline_day(m3, meta)
                cuts.append(Removal(ln.start, m3.end(), raw[ln.start : m3.end()], "dateline"))
                body_paras = 3
                continue
            m5 = _DAY_DATELINE.match(raw, start, ln.end)
            if m5 and m5.group("month").lower() in MONTHS and wire_name(m5.group("wire")) is not None:
                meta.wire = meta.wire or credit_name(m5.group("wire"))
                _dateline_day(m5, meta)
                cuts.append(Removal(ln.start, m5.end(), raw[ln.start : m5.end()], "dateline"))
                body_paras = 3
                continue
            m4 = _WIRE_PAREN.match(raw, start, ln.end)
            if m4:
                meta.wire = meta.wire or credit_name(m4.group("wire"))
                cuts.append(Removal(ln.start, m4.end(), raw[ln.start : m4.end()], "dateline"))
                body_paras = 3
    return cuts


_DATE_KEY = re.compile(r"^\s*(?:date|dated|published|posted|updated)\s*:", re.I)


def _read_meta_line(s: str, meta: Meta, warnings: list[str]) -> bool:
    m = _DATE_LINE.match(s)
    if m:
        d = parse_date(m.group("date"))
        if d is None and _DATE_KEY.match(s):  # "Date: yesterday": a header line all the same, not the body's first
            said = f"the header's {s.strip()[:60]!r} is not a date newsfuse reads: that line is left out"
            if said not in warnings:
                warnings.append(said)
            return True
        if d is None:
            return False
        meta.published = meta.published or d
        if m.group("src"):
            meta.wire = meta.wire or credit_name(m.group("src"))
        return True
    m = _SOURCE_TAG.fullmatch(s)
    if m:
        meta.wire = meta.wire or credit_name(m.group(1))
        return True
    m = _KV_LINE.match(s)
    if m:
        key, val = m.group("key").lower(), m.group("val")
        if key in {"outlet", "source", "publisher", "publication", "site"}:
            meta.outlet = meta.outlet or val
            if wire_name(val):
                meta.wire = meta.wire or wire_name(val)
        elif key in {"url", "link"}:
            meta.url = meta.url or val
        elif key in {"title", "headline"}:
            meta.title = meta.title or val
        elif key in {"author", "byline"}:
            meta.author = meta.author or val
        elif key in {"language", "lang"}:
            meta.language = meta.language or val.lower()
        return True
    m = _BY_LINE.match(s)
    if m:
        meta.author = meta.author or m.group("val")
        return True
    return False


def apply_removals(raw: str, cuts: Iterable[Removal]) -> tuple[str, list[Removal], list[tuple[int, int, int]]]:
    """Delete the cuts from ``raw``; return the cleaned text, the merged cuts and the offset runs.

    Leading/trailing whitespace of the remaining text is also cut, so offsets start at real content.
    """
    merged: list[Removal] = []
    for c in sorted(cuts, key=lambda r: (r.start, -r.end)):
        if merged and c.start < merged[-1].end:
            prev = merged[-1]
            if c.end > prev.end:
                merged[-1] = Removal(prev.start, c.end, raw[prev.start : c.end], prev.reason)
            continue
        merged.append(c)
    pieces: list[str] = []
    offsets: list[tuple[int, int, int]] = []
    pos = 0
    tpos = 0
    for c in [*merged, Removal(len(raw), len(raw), "", "end")]:
        if c.start > pos:
            seg = raw[pos : c.start]
            pieces.append(seg)
            offsets.append((tpos, pos, len(seg)))
            tpos += len(seg)
        pos = max(pos, c.end)
    text = "".join(pieces)
    # trim outer whitespace as deletions too
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    if lead or trail:
        new_offsets = []
        for t0, r0, n in offsets:
            a, b = max(t0, lead), min(t0 + n, len(text) - trail)
            if a < b:
                new_offsets.append((a - lead, r0 + (a - t0), b - a))
        offsets = new_offsets
        text = text[lead : len(text) - trail]
    return text, merged, offsets


_URL_DATE = re.compile(
    r"/(20\d{2}|19\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|-|$)|[/_-](20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)"
)


def date_from_url(url: str) -> date | None:
    """The date many news URLs carry ("/2018/04/30/", "-20180430"), when the page itself gives none."""
    m = _URL_DATE.search(url)
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def outlet_from_url(url: str) -> str | None:
    """The site a URL belongs to, as a reader names it when nothing else does: "www.latimes.com" -> "latimes.com"."""
    url = url.strip()
    if "://" not in url and url.lower().startswith("www."):
        url = "http://" + url
    try:
        host = urlsplit(url).hostname if "://" in url else None
    except ValueError:  # "http://[broken"
        return None
    if not host or "." not in host or host.replace(".", "").isdigit():
        return None
    return host[4:] if host.startswith("www.") else host


def build_article(doc: RawDoc, extra: Iterable[Removal] = ()) -> Article:
    meta = Meta(**{k: getattr(doc.meta, k) for k in doc.meta.__slots__})  # type: ignore[attr-defined]
    meta.extra = dict(doc.meta.extra)
    cuts = find_removals(doc, meta) + list(extra)
    text, merged, offsets = apply_removals(doc.text, cuts)
    if meta.published is None and meta.url:
        meta.published = date_from_url(meta.url)
        if meta.published is not None:
            meta.extra["published_from"] = "url"
    if meta.outlet is None and meta.url and (site := outlet_from_url(meta.url)):
        meta.outlet = site
        meta.extra["outlet_from"] = "url"
    return Article(
        source_id=doc.source_id,
        raw=doc.text,
        text=text,
        meta=meta,
        removed=[r for r in merged if r.text.strip()],
        offsets=offsets,
        origin=doc.origin,
    )


def repeated_lines(docs: Sequence[RawDoc], outlet_of: dict[str, str | None]) -> dict[str, list[Removal]]:
    """Lines that recur in two or more articles of the same outlet near their start or end: outlet boilerplate.

    Returns extra cuts per source id. Wire copy shared by *different* outlets is not boilerplate and stays.
    """
    by_outlet: dict[str, list[RawDoc]] = defaultdict(list)
    for d in docs:
        o = outlet_of.get(d.source_id)
        if o:
            by_outlet[o.lower()].append(d)
    out: dict[str, list[Removal]] = defaultdict(list)
    for group in by_outlet.values():
        if len(group) < 2:
            continue
        edge: dict[str, list[tuple[str, _Line]]] = defaultdict(list)
        for d in group:
            ls = [ln for ln in _lines(d.text) if ln.text.strip()]
            for ln in ls[:3] + ls[-4:]:
                key = re.sub(r"\s+", " ", ln.text.strip().lower())
                if 8 <= len(key) <= 300:
                    edge[key].append((d.source_id, ln))
        counts = Counter({k: len({sid for sid, _ in v}) for k, v in edge.items()})
        for key, n in counts.items():
            if n >= 2:
                for sid, ln in edge[key]:
                    d = next(x for x in group if x.source_id == sid)
                    out[sid].append(_removal(d.text, ln.start, ln.end, "repeated outlet boilerplate"))
    return out
