"""Article to and from JSON, losslessly: what the store keeps and what it gives back are equal records.

JSON has no tuples and no dates, and span attributes use both (``quotes.cue`` is a ``(start, end)`` tuple), so those
are tagged: a tuple is ``{"$t": [...]}``, a date ``{"$d": "2024-12-28"}``, a datetime ``{"$dt": "..."}``; a mapping
whose own key starts with ``$`` is wrapped as ``{"$m": {...}}`` so it cannot be mistaken for a tag. Everything else
is plain JSON. ``article_from_json(article_to_json(a)) == a`` for every article whose attributes hold JSON values,
tuples, dates and mappings with string keys.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ..model import Article, Meta, Removal, Span

VERSION = 1


def encode_value(v: Any) -> Any:
    """A Python value as JSON-ready data, tagging what JSON cannot say."""
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, tuple):
        return {"$t": [encode_value(x) for x in v]}
    if isinstance(v, list):
        return [encode_value(x) for x in v]
    if isinstance(v, datetime):
        return {"$dt": v.isoformat()}
    if isinstance(v, date):
        return {"$d": v.isoformat()}
    if isinstance(v, Mapping):
        if not all(isinstance(k, str) for k in v):
            raise TypeError(f"mapping keys must be strings to store them: {list(v)[:3]!r}")
        body = {k: encode_value(x) for k, x in v.items()}
        return {"$m": body} if any(k.startswith("$") for k in v) else body
    raise TypeError(f"cannot store a value of type {type(v).__name__}: {v!r:.80}")


def decode_value(v: Any) -> Any:
    """The inverse of :func:`encode_value`."""
    if isinstance(v, list):
        return [decode_value(x) for x in v]
    if isinstance(v, dict):
        if len(v) == 1:
            ((k, x),) = v.items()
            if k == "$t":
                return tuple(decode_value(y) for y in x)
            if k == "$d":
                return date.fromisoformat(x)
            if k == "$dt":
                return datetime.fromisoformat(x)
            if k == "$m":
                return {kk: decode_value(xx) for kk, xx in x.items()}
        return {k: decode_value(x) for k, x in v.items()}
    return v


def meta_to_json(m: Meta) -> dict[str, Any]:
    return {**m.fields(), "extra": encode_value(m.extra)}


def meta_from_json(d: Mapping[str, Any]) -> Meta:
    return Meta(
        title=d.get("title"),
        outlet=d.get("outlet"),
        url=d.get("url"),
        published=date.fromisoformat(d["published"]) if d.get("published") else None,
        wire=d.get("wire"),
        language=d.get("language"),
        author=d.get("author"),
        kind=d.get("kind"),
        extra=decode_value(d.get("extra") or {}),
    )


def spans_to_json(spans: Mapping[str, list[Span]]) -> dict[str, Any]:
    return {g: [[s.start, s.end, s.label, s.stage, encode_value(dict(s.attrs))] for s in items] for g, items in spans.items()}


def spans_from_json(d: Mapping[str, Any]) -> dict[str, list[Span]]:
    return {g: [Span(int(s), int(e), str(lab), str(st), decode_value(at)) for s, e, lab, st, at in items] for g, items in d.items()}


def removed_to_json(removed: list[Removal]) -> list[list[Any]]:
    return [[r.start, r.end, r.text, r.reason] for r in removed]


def removed_from_json(items: list[list[Any]]) -> list[Removal]:
    return [Removal(int(s), int(e), str(t), str(r)) for s, e, t, r in items]


def article_to_json(a: Article) -> dict[str, Any]:
    """The whole article (input, cleaned text, metadata, removed passages, reading) as JSON-ready data."""
    return {
        "v": VERSION,
        "id": a.id,
        "source_id": a.source_id,
        "origin": a.origin,
        "raw": a.raw,
        "text": a.text,
        "meta": meta_to_json(a.meta),
        "removed": removed_to_json(a.removed),
        "offsets": [list(o) for o in a.offsets],
        "spans": spans_to_json(a.spans),
        "stages": list(a.stages),
    }


def article_from_json(d: Mapping[str, Any]) -> Article:
    if d.get("v", VERSION) != VERSION:
        raise ValueError(f"article record version {d.get('v')} is not {VERSION}; upgrade newsfuse to read it")
    return Article(
        source_id=d["source_id"],
        raw=d["raw"],
        text=d["text"],
        meta=meta_from_json(d["meta"]),
        removed=removed_from_json(d.get("removed", [])),
        offsets=[(int(t), int(r), int(n)) for t, r, n in d.get("offsets", [])],
        spans=spans_from_json(d.get("spans", {})),
        stages=list(d.get("stages", [])),
        origin=d.get("origin", ""),
        id=d["id"],
    )


def dumps(a: Article) -> str:
    return json.dumps(article_to_json(a), ensure_ascii=False, separators=(",", ":"))


def loads(s: str) -> Article:
    return article_from_json(json.loads(s))
