"""HTML pages: the article body and its metadata (title, author, site name, publication date) via trafilatura.

The RawDoc text is the extracted plain text, one paragraph per block separated by blank lines; the metadata goes
into :class:`~newsfuse.model.Meta`. A page whose body cannot be found (a front page, a form, a paywall stub) is
refused with that reason. ``bench/extraction.py`` measures the extraction against a gold-standard benchmark.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from ..errors import InputError
from ..model import Meta
from ..settings import Settings
from .base import OWN_OUTPUT, RawDoc, own_output, register
from .clean import wire_name
from .dates import DATE_AHEAD_DAYS, parse_date, still_to_come
from .decode import LATIN1, WEB, decode, looks_binary
from .ids import input_id, is_url

# The trafilatura options used, measured with bench/extraction.py (181 pages, per-page mean bag-of-words F1, through
# this reader and the cleaner): with_metadata alone 0.959, + no comments 0.962, + fast 0.964, + favor_recall 0.962,
# + favor_precision 0.967 (P 0.970, R 0.973), the best, so kept; trafilatura.extract() with its defaults scores 0.948.
# with_metadata also fills Meta and keeps the headline and byline out of the body; comments are not article text.
EXTRACT_OPTIONS: dict[str, Any] = {"with_metadata": True, "favor_precision": True, "include_comments": False}


def _date_params() -> dict[str, Any]:
    """How trafilatura (htmldate) dates a page: its first publication, not its last change, and a date up to
    :data:`DATE_AHEAD_DAYS` ahead of today. With htmldate's own limit of today, a page published at 01:00 tomorrow in
    its time zone was given some other date of the page instead (measured on the extraction benchmark's 181 pages:
    the same dates otherwise)."""
    return {"original_date": True, "extensive_search": True, "max_date": (date.today() + timedelta(days=DATE_AHEAD_DAYS)).isoformat()}


_META_TAG = re.compile(r"<meta\b[^>]{0,600}>", re.I)
_ATTR = re.compile(r"""([a-z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_DATE_KEYS = frozenset({"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date"})
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"<>]{6,40})"')


def declared_future_date(html: str) -> date | None:
    """The publication date the page declares for itself (a ``<meta>`` such as ``article:published_time``, or
    JSON-LD's ``datePublished``) when every one it declares lies beyond :data:`DATE_AHEAD_DAYS` from today:
    htmldate takes no such date, and the page is left undated."""
    head = html[:200000]
    declared = [m.group(1) for m in _LD_DATE.finditer(head)]
    for tag in _META_TAG.finditer(head):
        attrs = {k.lower(): next((v for v in vs if v), "") for k, *vs in _ATTR.findall(tag.group(0))}
        if any(attrs.get(k, "").lower() in _DATE_KEYS for k in ("property", "name", "itemprop")) and attrs.get("content"):
            declared.append(attrs["content"])
    days = [d for value in declared if (d := parse_date(value[:10] if re.match(r"\d{4}-\d\d-\d\d", value) else value))]
    if any(not still_to_come(d) for d in days):
        return None  # a date that can be the page's: a later one is of something else it carries (an event's item)
    return min(days, default=None)


def copyright_guess(html: str, day: date) -> bool:
    """htmldate's last resort on a page that gives no date: the year of its copyright line, as 1 January. A page
    that says "Copyright 2024" and nowhere that day was not published on 1 January 2024."""
    if (day.month, day.day) != (1, 1):
        return False
    y = day.year
    if not re.search(rf"(?:©|&copy;|&#169;|\(c\)|copyright)[^<>\n]{{0,60}}?\b{y}\b", html, re.I):
        return False
    written = (
        rf"{y}[-/.]0?1[-/.]0?1(?!\d)|(?<!\d)0?1[-/.]0?1[-/.]{y}|{y}0101"
        rf"|\bJan(?:uary|\.)?\s+0?1(?:st)?,?\s+{y}|(?<!\d)0?1(?:st)?\s+Jan(?:uary|\.)?,?\s+{y}"
    )
    return not re.search(written, html, re.I)


HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_LANG = re.compile(r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?""", re.I)
_HTML_START = re.compile(rb"\s*(?:<\?[^>]*>\s*|<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
_TAGS = re.compile(rb"<(?:html|head|body|meta|title|div|p|article|script|link|style|span|a)[\s>/]", re.I)

_log_quieted = False


def _quiet_logs() -> None:
    """trafilatura logs a warning for every page it discards; newsfuse reports those pages itself."""
    global _log_quieted
    if not _log_quieted:
        for n in ("trafilatura", "htmldate", "courlan"):
            lg = logging.getLogger(n)
            if lg.level == logging.NOTSET:
                lg.setLevel(logging.CRITICAL)
        _log_quieted = True


def looks_html(name: str, head: bytes) -> bool:
    """A doctype or html/head/body root first, or (for an HTML file name) tags near the start."""
    h = head.lstrip(codecs.BOM_UTF8)
    if _HTML_START.match(h[:4096]):
        return True
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return ext in HTML_EXTENSIONS and bool(_TAGS.search(h[:4096]))


def decode_html(name: str, data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Text of an HTML page: a BOM; the declared charset (HTTP, else ``<meta>``) when it decodes cleanly; UTF-8; a
    detected web encoding; else :func:`~newsfuse.ingest.decode.decode` refuses it with its reason. Binary is refused."""
    if not data.strip() or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(name, data)  # empty inputs refused there, BOMs honoured
    if looks_binary(data):
        raise InputError(name, "binary data, not an HTML page (NUL or control bytes)")
    declared = charset
    if not declared:
        m = _CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii") if m else None
    candidates: list[str] = []
    if declared:
        try:
            enc = codecs.lookup(declared).name
        except LookupError:
            enc = ""
        if enc in LATIN1:
            enc = "cp1252"
        if enc in WEB or enc == "utf-8":  # not "hex", "rot13", "utf-7" or an EBCDIC page: no web page is in those
            candidates.append(enc)
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue  # a wrong declaration: detect instead
    return decode(name, data)  # a detected legacy web encoding, or the refusal with its reason


def paragraphs(text: str) -> str:
    """One paragraph per non-empty line, separated by blank lines, whitespace inside lines collapsed."""
    lines = (re.sub(r"[ \t\u00a0\u2000-\u200b\u3000]+", " ", ln).strip() for ln in text.splitlines())
    return "\n\n".join(ln for ln in lines if ln)


_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section"),
        *("table", "td", "th", "tr", "ul"),
    }
)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): scripts, styles and forms dropped, one paragraph per
    block element, whitespace inside a paragraph collapsed. Text without markup is returned as paragraphs."""
    if "<" not in fragment:
        import html as _html

        return paragraphs(_html.unescape(fragment))
    from lxml import etree
    from lxml import html as lhtml
    from lxml_html_clean import Cleaner

    try:
        root = lhtml.fragment_fromstring(fragment, create_parent="div")
        root = Cleaner(
            scripts=True,
            javascript=True,
            style=True,
            comments=True,
            forms=True,
            embedded=True,
            frames=True,
            meta=True,
            processing_instructions=True,
            page_structure=False,
            links=True,
        ).clean_html(root)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                parts.append("\n")
            if el.text and isinstance(el.tag, str):
                parts.append(re.sub(r"\s+", " ", el.text))
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(re.sub(r"\s+", " ", el.tail))
    return paragraphs("".join(parts))


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def extract_page(name: str, html: str, url: str | None = None) -> tuple[str, Meta]:
    """(body text, metadata) of one page; :class:`InputError` when no article body is found."""
    _quiet_logs()
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, date_extraction_params=_date_params(), **EXTRACT_OPTIONS)
    except Exception as e:  # a parser failure on one page must not stop a batch
        raise InputError(name, f"HTML could not be parsed ({type(e).__name__}: {e})".replace("\n", " ")) from e
    found: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    body = paragraphs(str(found.get("text") or ""))
    if not body:
        raise InputError(name, "no article body found in this HTML page (only navigation, forms or too little text)")

    def field(key: str) -> str | None:
        v = found.get(key)
        return str(v).strip() or None if v else None

    meta = Meta(kind="html")
    meta.title = field("title")
    if meta.title:  # a headline repeated as the body's first paragraph belongs to meta.title only
        first, _, rest = body.partition("\n\n")
        if rest and _norm(first) == _norm(meta.title):
            body = rest
    author = field("author")
    meta.author = ", ".join(a.strip() for a in author.split(";") if a.strip()) if author else None
    meta.outlet = field("sitename") or field("hostname")
    meta.url = field("url") or url
    date = field("date")
    meta.published = parse_date(date) if date else None
    m = _LANG.search(html[:20000])
    if m:
        meta.language = m.group(1).lower()
    for credit in (meta.author, meta.outlet):
        if credit and wire_name(credit):
            meta.wire = wire_name(credit)
            break
    for key in ("description", "hostname"):
        if v := field(key):
            meta.extra[key] = v
    for key in ("categories", "tags"):
        if items := found.get(key):
            meta.extra[key] = [str(x) for x in items]
    return body, meta


def page_doc(
    name: str, data: bytes, settings: Settings, *, url: str | None = None, charset: str | None = None, source_id: str | None = None
) -> RawDoc:
    """One HTML page's bytes to a RawDoc (``name`` is where it came from, for messages and ``origin``)."""
    text, enc = decode_html(name, data, charset)
    if url is None and is_url(name):
        url = name
    body, meta = extract_page(name, text, url)
    doc = RawDoc(source_id=source_id or input_id(url or name), text=body, meta=meta, origin=name)
    if (ahead := declared_future_date(text)) is not None:
        # whatever htmldate fell back on instead (a copyright line's year read as 1 January) dates nothing
        meta.published = None
        doc.warnings.append(f"the page says it was published on {ahead.isoformat()}, a date still to come: left undated")
    elif meta.published is not None and copyright_guess(text, meta.published):
        doc.warnings.append(f"no publication date found (only the copyright year {meta.published.year}): left undated")
        meta.published = None
    if enc.replace("_", "-").lower() not in {"utf-8", "utf-8-sig", "ascii"}:
        doc.meta.extra["encoding"] = enc
    return doc


class HtmlReader:
    kind = "html"

    def sniff(self, name: str, head: bytes) -> bool:
        return looks_html(name, head)

    def read(self, name: str, data: bytes, settings: Settings) -> Iterator[RawDoc | InputError]:
        if own_output(data):
            yield InputError(name, OWN_OUTPUT)
            return
        yield page_doc(name, data, settings)


register(HtmlReader())
