"""JSON and JSON Lines records: news-please fields and the common aliases.

news-please (one JSON object per article) maps as: ``maintext`` (older: ``text``) -> text, with ``description``
as the text only when there is no body (``text_from = "summary"``), else kept in ``extra["description"]``;
``title``, then ``title_page``, then ``title_rss`` -> title; ``date_publish``, falling back to ``date_modify``
(``extra["date_from"]`` says so) -> published; ``date_download`` -> ``extra["fetched"]``; ``source_domain`` ->
outlet; ``authors`` (a list of names, or of objects with a name, however nested) -> author; ``language``, ``url``;
``filename`` is an id. ``image_url`` and ``localpath`` are ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any
from urllib.parse import unquote

from ..errors import InputError
from ..model import Meta
from ..settings import Settings
from .base import OWN_OUTPUT, RawDoc, own_output, register
from .clean import credit_name
from .dates import parse_date
from .decode import decode
from .ids import file_stem, is_url, sanitize, url_id

TEXT_KEYS = ("maintext", "text", "body", "content", "article", "article_text", "body-paragraphs", "paragraphs", "full_text")
FALLBACK_TEXT_KEYS = ("description", "summary", "abstract")
TITLE_KEYS = ("title", "headline", "title_page", "title_rss")
DATE_KEYS = (
    "date_publish",
    "published",
    "date",
    "pubDate",
    "pub_date",
    "publication_date",
    "published_at",
    "datePublished",
    "date_published",
    "publish_date",
    "time",
)
MODIFIED_KEYS = ("date_modify", "dateModified", "date_modified", "modified", "updated", "updated_at")
FETCHED_KEYS = ("date_download", "fetched", "crawled", "retrieved")
IGNORED_KEYS = ("image_url", "localpath", "top_image", "images")  # read and dropped: not article text or metadata
URL_KEYS = ("url", "link", "source_url", "canonical_url", "uri")
OUTLET_KEYS = (
    "source_domain", "outlet", "publisher", "site_name", "source", "domain", "media", "publication", "sitename", "site",
    "source_name", "newspaper", "website",
)  # fmt: skip
AUTHOR_KEYS = ("authors", "author", "byline")
LANG_KEYS = ("language", "lang")
WIRE_KEYS = ("wire", "credit", "agency")
ID_KEYS = ("id", "filename", "uuid", "doc_id")


def _first(rec: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        v = rec.get(k)
        if v not in (None, "", [], {}):
            return v
    return None


def _flatten(v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return "\n\n".join(_flatten(x) for x in v if _flatten(x).strip())
    if isinstance(v, Mapping):
        return _flatten(_first(v, ("text", "value", "content")) or "")
    return "" if v is None else str(v)


def _names(v: Any) -> list[str]:
    """Author names from a string, a list, or objects with a name, however nested."""
    if isinstance(v, str):
        return [v.strip()] if v.strip() else []
    if isinstance(v, Mapping):
        n = _first(v, ("name", "full_name", "fullname", "display_name", "text", "value"))
        return _names(n) if n is not None else []
    if isinstance(v, list | tuple):
        out: list[str] = []
        for x in v:
            for n in _names(x):
                if n not in out:
                    out.append(n)
        return out
    return []


def _stated(v: Any) -> bool:
    """A field value that could be a date: a non-empty string or a number (not a true/false)."""
    return isinstance(v, str | int | float) and not isinstance(v, bool) and bool(str(v).strip())


def _date_of(rec: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str, date] | None:
    for k in keys:
        v = rec.get(k)
        if _stated(v):
            d = parse_date(str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
            if d is not None:
                return k, d
    return None


def _record_id(rid: Any) -> str:
    """A record's own id, made safe; news-please's ``filename`` (the percent-encoded URL) becomes the URL's id."""
    s = str(rid).strip()
    url = unquote(s)
    if is_url(url):
        return url_id(re.sub(r"\.json$", "", url))
    return sanitize(s)


_JSON_START = re.compile(rb'\{\s*(?:"|\})|\[\s*(?:[\[{"\]]|-?\d|true|false|null)')
_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(v: Any) -> tuple[Any, int]:
    """``v`` with every unpaired surrogate ("\\udc00" in JSON decodes to one; no text can hold it) replaced by U+FFFD,
    and how many there were."""
    if isinstance(v, str):
        out, n = _SURROGATE.subn("\ufffd", v)
        return out, n
    if isinstance(v, Mapping):
        pairs = [(_without_surrogates(k), _without_surrogates(x)) for k, x in v.items()]
        return {k: x for (k, _), (x, _) in pairs}, sum(a + b for (_, a), (_, b) in pairs)
    if isinstance(v, list):
        items = [_without_surrogates(x) for x in v]
        return [x for x, _ in items], sum(n for _, n in items)
    return v, 0


def record_to_doc(rec: Mapping[str, Any], name: str, index: int | None) -> RawDoc:
    where = name if index is None else f"{name}#{index + 1}"
    raw = _first(rec, TEXT_KEYS)
    if isinstance(raw, (bool, int, float)):  # {"text": 5}: a value, not an article
        key = next(k for k in TEXT_KEYS if rec.get(k) is raw)
        what = "true or false" if isinstance(raw, bool) else "a number"
        raise InputError(where, f"the record's {key!r} is {what} ({json.dumps(raw)}), not article text")
    text = _flatten(raw)
    fallback = False
    if not text.strip():
        text = _flatten(_first(rec, FALLBACK_TEXT_KEYS))
        fallback = True
    if not text.strip():
        raise InputError(where, f"record has no article text (looked for {', '.join(TEXT_KEYS[:5])}, ...)")
    meta = Meta(kind="json")
    title = _first(rec, TITLE_KEYS)
    meta.title = _flatten(title).strip() or None if title else None
    found = _date_of(rec, DATE_KEYS) or _date_of(rec, MODIFIED_KEYS)
    warnings: list[str] = []
    if found is None or found[0] in MODIFIED_KEYS:  # a publication date given but not read: said, not dropped silently
        given = next(((k, rec[k]) for k in DATE_KEYS if _stated(rec.get(k))), None)
        if given is not None:
            instead = f"; {found[0]} used instead" if found else ""
            warnings.append(f"{given[0]} {str(given[1])[:40]!r} is not a date newsfuse reads: left out{instead}")
    if found:
        meta.published = found[1]
        if found[0] in MODIFIED_KEYS:
            meta.extra["date_from"] = found[0]
    fetched = _first(rec, FETCHED_KEYS)
    if isinstance(fetched, str):
        meta.extra["fetched"] = fetched
    url = _first(rec, URL_KEYS)
    meta.url = str(url) if url else None
    outlet = _first(rec, OUTLET_KEYS)
    if isinstance(outlet, Mapping):
        outlet = _first(outlet, ("name", "title", "domain"))
    meta.outlet = str(outlet) if outlet else None
    meta.author = ", ".join(_names(_first(rec, AUTHOR_KEYS))) or None
    lang = _first(rec, LANG_KEYS)
    meta.language = str(lang) if lang else None
    wire = _first(rec, WIRE_KEYS)
    if wire and str(wire).strip().lower() not in {"none", "na", "n/a", "null"}:
        meta.wire = credit_name(str(wire))
    if fallback:
        meta.extra["text_from"] = "summary"
    else:
        desc = _flatten(_first(rec, FALLBACK_TEXT_KEYS)).strip()
        if desc and desc not in text:
            meta.extra["description"] = desc
    rid = _first(rec, ID_KEYS)
    stem = file_stem(name)
    sid = _record_id(rid) if rid is not None and index is not None else (stem if index is None else f"{stem}-{index + 1}")
    return RawDoc(source_id=sid, text=text, meta=meta, origin=where, warnings=warnings)


class JsonReader:
    kind = "json"

    def sniff(self, name: str, head: bytes) -> bool:
        """A JSON object or array: ``{"``, ``{}``, ``[{``, ``[]`` (whitespace allowed), not text that opens with a
        bracket ("[Source: Reuters] The bridge ...")."""
        return _JSON_START.match(head.lstrip(b"\xef\xbb\xbf \t\r\n")) is not None

    def read(self, name: str, data: bytes, settings: Settings) -> Iterator[RawDoc | InputError]:
        if own_output(data):
            yield InputError(name, OWN_OUTPUT)
            return
        text, _ = decode(name, data)
        body = text.strip()
        records: list[tuple[int | None, Any]] = []
        try:
            obj = json.loads(body)
            if isinstance(obj, list):
                records = list(enumerate(obj))
            elif isinstance(obj, Mapping) and isinstance(obj.get("articles"), list):
                records = list(enumerate(obj["articles"]))
            else:
                records = [(None, obj)]
        except json.JSONDecodeError as e:
            lines = [ln for ln in body.splitlines() if ln.strip()]
            if len(lines) < 2:
                raise InputError(name, f"malformed JSON ({e.msg.removesuffix(' at')}) at line {e.lineno} column {e.colno}") from e
            for n, ln in enumerate(lines):
                try:
                    records.append((n, json.loads(ln)))
                except json.JSONDecodeError as e2:
                    records.append(
                        (n, InputError(f"{name}#{n + 1}", f"malformed JSON line ({e2.msg.removesuffix(' at')}) at column {e2.colno}"))
                    )
        for i, rec in records:
            if isinstance(rec, InputError):
                yield rec
            elif not isinstance(rec, Mapping):
                yield InputError(name if i is None else f"{name}#{i + 1}", "JSON record is not an object")
            else:
                rec, bad = _without_surrogates(rec)
                try:
                    doc = record_to_doc(rec, name, i)
                except InputError as e:
                    yield e
                    continue
                if bad:
                    doc.warnings.append(f"{bad} unpaired surrogate escape(s) (\\udXXX, not Unicode text) read as U+FFFD")
                yield doc


register(JsonReader())
