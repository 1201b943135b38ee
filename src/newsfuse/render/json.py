"""The brief as JSON following ``newsfuse/brief@1`` (contract/brief.schema.json), plus the reading of articles."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ..model import Article, Brief, Entity, Evidence, Fact, Rejected

SCHEMA = "newsfuse/brief@1"


def evidence(e: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"source": e.source, "text": e.text, "start": e.start, "end": e.end}
    if e.speaker:
        out["speaker"] = e.speaker  # whom this source credits the words to (an extension of the contract)
    if e.loose:
        out["loose"] = True  # only loosely alike to every other source's report of the fact
    return out


def source(a: Article, derived: dict[str, list[tuple[str, int]]] | None = None) -> dict[str, Any]:
    m = a.meta
    out: dict[str, Any] = {
        "id": a.source_id,
        "text": a.text,
        **m.fields(),
        "removed": [r.text.strip("\n") for r in a.removed],
        "removed_reasons": [r.reason for r in a.removed],
        "derived_from": [{"source": s, "shared_sentences": n} for s, n in (derived or {}).get(a.source_id, [])],
        "article_id": a.id,
    }
    for k in (
        "reference_date",
        "reference_basis",
        "dateline",
        "encoding",
        "text_from",
        "published_from",
        "origin_source",
        "origin_url",
        "feed_title",
        "fetched_from",
    ):
        if k in m.extra:
            out[k] = m.extra[k]
    return out


def entity(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases, "sources": e.sources, "mentions": e.mentions}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _label(n: int, independent: int, loose: int = 0) -> str:
    """The templated support label: "3 sources say (2 independent)", "3 sources say (1 only loosely alike)"."""
    text = "1 source says" if n == 1 else f"{n} sources say"
    notes = ([f"{independent} independent"] if independent != n else []) + ([f"{loose} only loosely alike"] if loose else [])
    return text + (f" ({'; '.join(notes)})" if notes else "")


def _loose_sources(f: Fact) -> int:
    """Sources whose every span in the fact is only loosely alike to the other sources' (``Evidence.loose``)."""
    return len({e.source for e in f.evidence if e.loose} - {e.source for e in f.evidence if not e.loose})


def brief_json(b: Brief) -> dict[str, Any]:
    by_fact = {f.id: f for f in b.facts}
    published = sorted(a.meta.published.isoformat() for a in b.articles if a.meta.published)
    quotes: dict[tuple[str, str, bool], dict[str, Any]] = {}
    for q in b.quotes:
        key = ((q.speaker_entity or q.speaker).lower(), _norm(q.content.text), q.direct)
        item = quotes.setdefault(
            key,
            {
                "speaker": q.speaker,
                "speaker_entity": q.speaker_entity,
                "text": q.content.text,
                "direct": q.direct,
                "sources": [],
                "evidence": [],
                "cues": [],
            },
        )
        if q.source not in item["sources"]:
            item["sources"].append(q.source)
        item["evidence"].append(evidence(q.content))
        if q.cue and q.cue not in item["cues"]:
            item["cues"].append(q.cue)
    only_here: dict[str, list[str]] = defaultdict(list)
    for f in b.facts:
        # a disputed fact of one source is told otherwise by another ("We cannot reopen it," credited by the others
        # to someone else): not what that source alone adds
        if f.status == "disputed":
            continue
        # one voice alone: a source, or sources that copy one another (a wire story and its reprint), each of which
        # then adds it
        if len(f.sources) == 1 or (f.kind == "fact" and f.independent_sources == 1):
            for src in f.sources:
                only_here[src].append(f.id)
    return {
        "schema": SCHEMA,
        "story": {
            "title": b.title,
            "first_published": published[0] if published else None,
            "last_published": published[-1] if published else None,
            "headline_facts": [fid for fid in b.headline_facts if fid in by_fact],
        },
        "sources": [source(a, b.derived_from) for a in b.articles],
        "facts": [
            {
                "id": f.id,
                "text": f.text,
                "sources": f.sources,
                "independent_sources": f.independent_sources,
                "speakers": f.speakers,
                "evidence": [evidence(e) for e in f.evidence],
                "status": f.status,
                "label": _label(len(f.sources), f.independent_sources, _loose_sources(f)),
                "score": round(f.score, 3),
                "kind": f.kind,
                **({"detail": evidence(f.detail)} if f.detail is not None else {}),
                **({"phrases": [evidence(e) for e in f.phrases]} if f.phrases else {}),
                **({"subject": f.subject} if f.subject is not None else {}),
            }
            for f in b.facts
        ],
        "discrepancies": [
            {
                "id": d.id,
                "facts": d.facts,
                "kind": d.kind,
                "summary": d.summary,
                "variants": [{"value": v.value, "sources": v.sources, "evidence": [evidence(e) for e in v.evidence]} for v in d.variants],
            }
            for d in b.discrepancies
        ],
        "quotes": list(quotes.values()),
        "entities": [entity(e) for e in b.entities],
        "timeline": [
            {
                "date": t.date,
                "precision": t.precision,
                "text": t.text,
                "facts": t.facts,
                "sources": t.sources,
                "evidence": [evidence(e) for e in t.evidence],
                "disputed": t.disputed,
                "when": [evidence(e) for e in t.when],
            }
            for t in b.timeline
        ],
        "only_here": dict(only_here),
        "rejected": [{"input": r.input, "reason": r.reason} for r in b.rejected],
        "warnings": [{"input": w_input, "warning": w} for w_input, w in b.warnings],
    }


def reading_json(articles: list[Article], entities: list[Entity], rejected: list[Rejected]) -> dict[str, Any]:
    """Everything read from each article, for inspection (``newsfuse read``)."""
    ents = {e.id: e for e in entities}
    out = []
    for a in articles:
        item = source(a)
        item["stages"] = a.stages
        item["removed"] = [{"text": r.text, "reason": r.reason, "start": r.start, "end": r.end} for r in a.removed]
        item["sentences"] = len(a.group("sentences"))
        item["entities"] = sorted(
            {
                m.attrs["entity"]: {"id": m.attrs["entity"], "name": ents[m.attrs["entity"]].name, "type": ents[m.attrs["entity"]].type}
                for m in a.group("mentions")
                if m.attrs.get("entity") in ents
            }.values(),
            key=lambda e: e["name"],
        )
        item["mentions"] = [
            {"text": a.span_text(m), "start": m.start, "end": m.end, "label": m.label, "entity": m.attrs.get("entity")}
            for m in a.group("mentions")
        ]
        item["quotes"] = [
            {
                "speaker": q.attrs.get("name"),
                "speaker_entity": q.attrs.get("entity"),
                "speaker_kind": q.attrs.get("speaker_kind"),
                "speaker_text": q.attrs.get("speaker_text"),
                "cue": a.text[q.attrs["cue"][0] : q.attrs["cue"][1]] if q.attrs.get("cue") else None,
                "direct": q.attrs.get("direct"),
                "text": a.span_text(q),
                "start": q.start,
                "end": q.end,
            }
            for q in a.group("quotes")
        ]
        item["quantities"] = [
            {"text": a.span_text(q), "start": q.start, "end": q.end, **{k: v for k, v in q.attrs.items() if k != "counted_span"}}
            for q in a.group("quantities")
        ]
        item["times"] = [{"text": a.span_text(t), "start": t.start, "end": t.end, **t.attrs} for t in a.group("times")]
        out.append(item)
    return {
        "schema": "newsfuse/reading@1",
        "articles": out,
        "entities": [entity(e) for e in entities],
        "rejected": [{"input": r.input, "reason": r.reason} for r in rejected],
    }
