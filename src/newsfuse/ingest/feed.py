"""RSS and Atom feeds: each item is an article.

An item's text is its full content when the feed carries it (``content:encoded``, Atom ``<content>``), else its
summary, marked ``meta.extra["text_from"] = "summary"``; with ``settings.allow_fetch`` on, an item with only a
summary has its linked page fetched and read instead (``text_from = "page"``). HTML in items becomes plain text.

The feed's own title is the ``outlet``; an item's ``<source>`` (RSS) or ``<atom:source>`` names where it was
reprinted from and is kept as ``meta.extra["origin_source"]`` (and ``origin_url``), so reprints of one origin are
recognised; a wire agency there also sets ``meta.wire``.

Safety: the XML is first parsed with defusedxml, and a feed declaring entities (a DOCTYPE with ``<!ENTITY``: entity
expansion bombs, external entities) is refused before feedparser sees it; feedparser itself never fetches anything.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from ..errors import InputError
from ..model import Meta
from ..settings import Settings
from .base import RawDoc, register
from .clean import wire_name
from .dates import parse_date
from .html import fragment_text, page_doc, paragraphs
from .ids import UniqueIds, file_stem, url_id

FEED_EXTENSIONS = {".rss", ".atom", ".xml", ".rdf"}
_PROLOG = re.compile(r"\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*", re.S | re.I)
_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)([^>]*)")
_ENTITY_DECL = re.compile(rb"<!\s*ENTITY", re.I)
_ENTITY_DECL16 = re.compile("<!\\s*ENTITY", re.I)


def _head_text(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "replace")
    return head.decode("latin-1").lstrip("\ufeffï»¿")


def looks_feed(head: bytes) -> bool:
    """RSS (``<rss``), Atom (``<feed`` with the Atom namespace or none) or RSS 1.0 (``<rdf:RDF``) as the root element."""
    text = _head_text(head[:8192])
    m = _PROLOG.match(text)
    root = _ROOT.match(text, m.end() if m else 0)
    if root:
        local, attrs = root.group(1).rsplit(":", 1)[-1], root.group(2).lower()
        if local in ("rss", "RDF"):
            return local == "rss" or "rdf" in root.group(1).lower()
        return local == "feed" and ("atom" in attrs or "xmlns" not in attrs)
    # no root element within the head: a prolog longer than the head (a big internal DTD subset)
    return text.lstrip().startswith(("<?xml", "<!")) and bool(re.search(r"<(?:!DOCTYPE\s+)?(?:rss|feed|rdf:RDF)\b", text))


def check_xml_safe(name: str, data: bytes) -> None:
    """Refuse XML that declares entities (billion laughs, external entities) or references an external DTD subset."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    reason = "declares XML entities (a DOCTYPE with <!ENTITY>): refused, entity expansion and external entities are unsafe"
    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise InputError(name, reason) from e
    except ParseError:
        # not well-formed: feedparser's lenient parser will try it, but never with entity declarations
        if _ENTITY_DECL.search(data) or (
            data[:2] in (b"\xff\xfe", b"\xfe\xff") and _ENTITY_DECL16.search(data.decode("utf-16", "replace"))
        ):
            raise InputError(name, reason) from None


def _date(entry: Mapping[str, Any]) -> date | None:
    """The item's date as written, in its own time zone, as every other reader takes it ("Sat, 28 Dec 2024 23:30
    -0500" is 28 December); feedparser's parsed value (shifted to UTC: 29 December) only when the text is not a
    date."""
    for key in ("published", "updated", "created", "date"):
        v = entry.get(key)
        if isinstance(v, str) and (d := parse_date(v)):
            return d
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if isinstance(t, time.struct_time):
            try:
                return date(t.tm_year, t.tm_mon, t.tm_mday)
            except ValueError:
                continue
    return None


_MARKUP = re.compile(r"<[a-z/!?]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.I)


def _title(title: str) -> str:
    """A feed's or an item's title as text. Feeds often escape a title twice ("It&amp;#8217;s", "&lt;b&gt;"), so one
    with a tag or a complete character reference is read as markup; other text is kept as written ("AT&T", "R&lt D":
    an ampersand that starts no complete reference is no markup)."""
    return fragment_text(title) if _MARKUP.search(title) else " ".join(title.split())


def _text_of(detail: Mapping[str, Any] | None, value: str) -> str:
    ctype = str((detail or {}).get("type") or "text/html").lower()
    return fragment_text(value) if "html" in ctype else paragraphs(value)


def _content(entry: Mapping[str, Any]) -> str:
    best = ""
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        text = _text_of(c, value) if value.strip() else ""
        if len(text) > len(best):
            best = text
    return best


def _author(entry: Mapping[str, Any]) -> str | None:
    names: list[str] = []
    for a in entry.get("authors") or []:
        n = (a.get("name") or a.get("email") or "").strip() if isinstance(a, Mapping) else str(a).strip()
        if n and n not in names:
            names.append(n)
    if not names and entry.get("author"):
        names.append(str(entry["author"]).strip())
    return ", ".join(names) or None


class FeedReader:
    kind = "feed"

    def sniff(self, name: str, head: bytes) -> bool:
        return looks_feed(head)

    def read(self, name: str, data: bytes, settings: Settings) -> Iterator[RawDoc | InputError]:
        import feedparser

        if not data.strip():
            raise InputError(name, "empty input: nothing to read")
        check_xml_safe(name, data)
        parsed = feedparser.parse(io.BytesIO(data))  # bytes in a stream: feedparser never treats them as a URL or path
        entries = parsed.get("entries") or []
        if not entries:
            if parsed.get("bozo"):
                raise InputError(name, f"malformed feed: {parsed.get('bozo_exception')}".replace("\n", " "))
            raise InputError(name, "feed has no items")
        info = parsed.get("feed") or {}
        feed_title = _title(str(info.get("title") or "")) or None
        lang = str(info.get("language") or "")[:2].lower() or None
        ids = UniqueIds()
        fetcher = None
        try:
            for i, entry in enumerate(entries):
                where = f"{name}#{i + 1}"
                try:
                    doc = self._entry(entry, where, feed_title, lang, ids, name, i)
                except InputError as e:
                    yield e
                    continue
                if doc.meta.extra.get("text_from") == "summary" and settings.allow_fetch and doc.meta.url:
                    from .url import Fetcher

                    fetcher = fetcher or Fetcher(settings)
                    self._fetch_page(doc, fetcher, settings)
                yield doc
        finally:
            if fetcher is not None:
                fetcher.close()

    def _entry(
        self, entry: Mapping[str, Any], where: str, feed_title: str | None, lang: str | None, ids: UniqueIds, name: str, i: int
    ) -> RawDoc:
        meta = Meta(kind="feed")
        text = _content(entry)
        if not text:
            summary = str(entry.get("summary") or "")
            text = _text_of(entry.get("summary_detail"), summary) if summary.strip() else ""
            if text:
                meta.extra["text_from"] = "summary"
        if not text:
            raise InputError(where, "feed item has neither content nor a summary")
        meta.title = _title(str(entry.get("title") or "")) or None
        link = str(entry.get("link") or "").strip()
        meta.url = link or None
        meta.published = _date(entry)
        meta.author = _author(entry)
        meta.outlet = feed_title
        meta.language = lang
        if feed_title:
            meta.extra["feed_title"] = feed_title
        src = entry.get("source")
        if isinstance(src, Mapping):
            origin = str(src.get("title") or "").strip()
            if origin:
                meta.extra["origin_source"] = origin
                meta.outlet = meta.outlet or origin
                if wire_name(origin):
                    meta.wire = wire_name(origin)
            href = str(src.get("href") or src.get("url") or "").strip()
            if href:
                meta.extra["origin_url"] = href
        if meta.author and not meta.wire and wire_name(meta.author):
            meta.wire = wire_name(meta.author)
        sid = ids(url_id(link) if link else f"{file_stem(name)}-{i + 1}")
        doc = RawDoc(source_id=sid, text=text, meta=meta, origin=where)
        written = next((str(entry.get(k)) for k in ("published", "updated", "created", "date") if entry.get(k)), None)
        if meta.published is None and written:  # "<pubDate>sometime next week</pubDate>": said, not silently dropped
            doc.warnings.append(f"the item's date {written[:60]!r} is not a date newsfuse reads: left undated")
        return doc

    @staticmethod
    def _fetch_page(doc: RawDoc, fetcher: Any, settings: Settings) -> None:
        """Replace a summary by the linked page's body; on failure keep the summary with a warning."""
        try:
            fetched = fetcher.get(doc.meta.url, name=doc.origin)
            page = page_doc(doc.origin, fetched.data, settings, url=fetched.url, charset=fetched.charset)
        except InputError as e:
            doc.warnings.append(f"kept the feed summary: linked page not read ({e.reason})")
            return
        doc.text = page.text
        doc.meta.extra["text_from"] = "page"
        for k in ("title", "author", "published", "language"):
            if getattr(doc.meta, k) is None:
                setattr(doc.meta, k, getattr(page.meta, k))


register(FeedReader())
