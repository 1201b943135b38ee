"""Score a brief (contract JSON) against expected findings, for quality gates and benchmarks.

Expected findings use the layout of ``examples/*/expected.json``. Evidence is given per source either as an exact
fragment of the source's text or as a list of keywords that must all occur in the same statement (so expectations
about publishers' articles need not copy their sentences).

Definitions (printed with every score):
- each expected fact is compared with the brief fact that matches it best: the one in whose evidence the expected
  evidence of the most expected sources occurs, then the one whose sources overlap the expected ones most. The fact is
  *found* when that brief fact's sources are exactly the expected sources (``found_exact``) or overlap them with
  Jaccard >= 0.75 (``found_loose``). A brief fact that gathers the evidence of several expected facts is the best
  match of each of them, and its extra sources count against every one. A loosely found fact is also found
  *strictly* (``found_strict``) when, for at least three quarters of the expected sources it shares, the brief fact's
  own span from that source holds that source's expected evidence: the source is counted for the right sentence,
  not for another one of the same topic;
- its *speaker is right* when the brief fact's speakers include the expected speaker (any alias) or both are empty;
- a disagreement is *found* when a brief discrepancy of the same kind has, for at least two expected variants, a variant
  whose evidence matches that variant's evidence; brief discrepancies matching no expected one are *false alarms*.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Evid = Mapping[str, Any]


def _matches(text: str, want: str | Sequence[str]) -> bool:
    low = text.lower()
    if isinstance(want, str):
        return want.lower() in low
    return all(w.lower() in low for w in want)


def _evidence_hits(evidence: Sequence[Mapping[str, Any]], expected: Mapping[str, str | Sequence[str]]) -> set[str]:
    """Expected sources whose expected fragment occurs in some evidence span of that source."""
    hits = set()
    for src, want in expected.items():
        if any(e["source"] == src and _matches(e["text"], want) for e in evidence):
            hits.add(src)
    return hits


@dataclass
class Score:
    facts: int = 0
    found_exact: int = 0
    found_loose: int = 0
    found_strict: int = 0
    speaker_right: int = 0
    with_speaker: int = 0
    discrepancies: int = 0
    discrepancies_found: int = 0
    false_alarms: int = 0
    dates_expected: int = 0
    dates_found: int = 0
    missed: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    def ratios(self) -> dict[str, float]:
        def r(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "facts_exact": r(self.found_exact, self.facts),
            "facts_loose": r(self.found_loose, self.facts),
            "facts_strict": r(self.found_strict, self.facts),
            "speakers": r(self.speaker_right, self.with_speaker),
            "discrepancies": r(self.discrepancies_found, self.discrepancies),
            "dates": r(self.dates_found, self.dates_expected),
        }

    def report(self) -> str:
        r = self.ratios()
        return (
            f"facts: {self.found_exact}/{self.facts} with exact source sets ({r['facts_exact']:.0%}), "
            f"{self.found_loose}/{self.facts} with Jaccard>=0.75 ({r['facts_loose']:.0%}), "
            f"{self.found_strict} of them by the expected spans ({r['facts_strict']:.0%}); "
            f"speakers right: {self.speaker_right}/{self.with_speaker} ({r['speakers']:.0%}); "
            f"disagreements: {self.discrepancies_found}/{self.discrepancies} found, {self.false_alarms} false alarms; "
            f"timeline dates: {self.dates_found}/{self.dates_expected}"
        )


def _aliases(expected: Mapping[str, Any]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in expected.get("entities", []):
        names = {e["name"].lower(), *(a.lower() for a in e.get("aliases", []))}
        out[e["name"].lower()] = names
    return out


def score_brief(doc: Mapping[str, Any], expected: Mapping[str, Any]) -> Score:
    sc = Score()
    aliases = _aliases(expected)
    for f in expected.get("facts", []):
        sc.facts += 1
        want_sources = set(f["sources"])
        ev = f.get("evidence", {})
        best: tuple[float, Mapping[str, Any], set[str]] | None = None
        for g in doc["facts"]:
            hits = _evidence_hits(g["evidence"], ev)
            if not hits:
                continue
            have = set(g["sources"])
            jac = len(have & want_sources) / len(have | want_sources)
            key = len(hits) + jac
            if best is None or key > best[0]:
                best = (key, g, hits)
        label = f.get("summary") or f.get("id", "?")
        if best is None:
            sc.missed.append(f"fact not found: {label}")
            continue
        _, g, hits = best
        have = set(g["sources"])
        jac = len(have & want_sources) / len(have | want_sources)
        if have == want_sources:
            sc.found_exact += 1
        if jac >= 0.75:
            sc.found_loose += 1
            shared = have & want_sources & set(ev)
            if shared and len(hits & shared) >= 0.75 * len(shared):
                sc.found_strict += 1
        else:
            sc.missed.append(f"fact sources differ: {label}: expected {sorted(want_sources)}, got {sorted(have)}")
        spk = f.get("speaker")
        if jac >= 0.75:
            sc.with_speaker += 1
            got = {s.lower() for s in g.get("speakers", [])}
            if not spk:
                ok = True  # the outlet's own reporting: any speaker list is acceptable but none expected
            else:
                names = aliases.get(spk.lower(), {spk.lower()})
                ok = bool(got & names) or any(n in s or s in n for n in names for s in got)
            sc.speaker_right += ok
            if not ok:
                sc.missed.append(f"speaker: {label}: expected {spk}, got {sorted(got)}")
    used: set[str] = set()
    for d in expected.get("discrepancies", []):
        sc.discrepancies += 1
        found = None
        for g in doc["discrepancies"]:
            if g["kind"] != d["kind"]:
                continue
            matched = 0
            for v in d["variants"]:
                if any(_evidence_hits(gv["evidence"], v.get("evidence", {})) for gv in g["variants"]):
                    matched += 1
            if matched >= 2:
                found = g
                break
        if found is not None:
            sc.discrepancies_found += 1
            used.add(found["id"])
        else:
            sc.missed.append(f"disagreement not found: {d['kind']}: {d.get('summary', '')}")
    for g in doc["discrepancies"]:
        if g["id"] not in used:
            sc.false_alarms += 1
            sc.alarms.append(f"{g['kind']}: " + " | ".join(f"{v['value']} ({','.join(v['sources'])})" for v in g["variants"]))
    have_dates = {t["date"] for t in doc["timeline"]}
    for t in expected.get("timeline", []):
        sc.dates_expected += 1
        if t["date"] in have_dates:
            sc.dates_found += 1
        else:
            sc.missed.append(f"timeline date missing: {t['date']} {t.get('summary', '')}")
    return sc


@dataclass
class ReadingScore:
    """How the per-article reading matches expected quotes, quantities and dates (``newsfuse read`` JSON)."""

    quotes: int = 0
    quotes_found: int = 0
    speakers_right: int = 0
    quantities: int = 0
    quantities_found: int = 0
    quantities_right: int = 0
    dates: int = 0
    dates_found: int = 0
    dates_right: int = 0
    missed: list[str] = field(default_factory=list)

    def ratios(self) -> dict[str, float]:
        def r(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "quotes_found": r(self.quotes_found, self.quotes),
            "speakers": r(self.speakers_right, self.quotes_found),
            "quantities_found": r(self.quantities_found, self.quantities),
            "quantities_right": r(self.quantities_right, self.quantities_found),
            "dates_found": r(self.dates_found, self.dates),
            "dates_right": r(self.dates_right, self.dates_found),
        }

    def report(self) -> str:
        r = self.ratios()
        return (
            f"quotes: {self.quotes_found}/{self.quotes} found ({r['quotes_found']:.0%}), speaker right for {self.speakers_right} "
            f"({r['speakers']:.0%}); quantities: {self.quantities_found}/{self.quantities} found, interval and hedge right for "
            f"{self.quantities_right} ({r['quantities_right']:.0%}); dates: {self.dates_found}/{self.dates} found, resolved right "
            f"for {self.dates_right} ({r['dates_right']:.0%})"
        )


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(1.0, 0.16 * abs(b))


def score_reading(doc: Mapping[str, Any], expected: Mapping[str, Any]) -> ReadingScore:
    """Expected quotes are found when a quote of that source contains the expected fragment (or the fragment contains
    it, for quotes our reading cuts shorter); quantities when a quantity of that source has the expected surface text
    (the interval must then agree within the hedge's slack: "almost 300" may be [255, 300) or [270, 300)); dates when a
    time expression of that source overlaps the expected one, and they are right when the resolved value is equal."""
    arts = {a["id"]: a for a in doc["articles"]}
    aliases = _aliases(expected)
    sc = ReadingScore()
    for q in expected.get("quotes", []):
        sc.quotes += 1
        a = arts.get(q["source"])
        frag = q["contains"].lower()
        hits = [x for x in (a or {}).get("quotes", []) if frag in x["text"].lower() or (len(x["text"]) > 15 and x["text"].lower() in frag)]
        if not hits:
            sc.missed.append(f"quote not found: {q['source']}: {q['contains']}")
            continue
        sc.quotes_found += 1
        names = aliases.get(q["speaker"].lower(), {q["speaker"].lower()})
        if any((h.get("speaker") or "").lower() in names or any(n in (h.get("speaker") or "").lower() for n in names) for h in hits):
            sc.speakers_right += 1
        else:
            sc.missed.append(f"speaker: {q['source']}: {q['contains']}: expected {q['speaker']}, got {[h.get('speaker') for h in hits]}")
    for q in expected.get("quantities", []):
        sc.quantities += 1
        a = arts.get(q["source"])
        hits = [
            x for x in (a or {}).get("quantities", []) if q["text"].lower() in x["text"].lower() or x["text"].lower() in q["text"].lower()
        ]
        if not hits:
            sc.missed.append(f"quantity not found: {q['source']}: {q['text']}")
            continue
        sc.quantities_found += 1
        if any(_close(h.get("low"), q.get("low")) and _close(h.get("high"), q.get("high")) for h in hits):
            sc.quantities_right += 1
        else:
            sc.missed.append(
                f"quantity interval: {q['source']}: {q['text']}: expected [{q.get('low')}, {q.get('high')}], got {[(h.get('low'), h.get('high')) for h in hits]}"
            )
    for d in expected.get("dates", []):
        sc.dates += 1
        a = arts.get(d["source"])
        want = d["text"].lower()
        hits = [t for t in (a or {}).get("times", []) if t["text"].lower() in want or want in t["text"].lower()]
        if not hits:
            sc.missed.append(f"date not found: {d['source']}: {d['text']}")
            continue
        sc.dates_found += 1
        if any(t.get("value") == d["date"] for t in hits):
            sc.dates_right += 1
        else:
            sc.missed.append(f"date value: {d['source']}: {d['text']}: expected {d['date']}, got {[t.get('value') for t in hits]}")
    return sc


@dataclass
class PairScore:
    """How a brief groups pairs of evidence spans whose sameness a reader judged (``tests/quality/gold_pairs``).

    A labelled pair is two spans of two sources, judged to report one fact or two different things. The brief keeps
    a pair *together* when one of its facts holds both exact spans; *precision* is the share of pairs kept together
    that report one fact. Labels are keyed by offsets, so spans the reading cuts differently are *unmatched*."""

    labelled: int = 0
    unmatched: int = 0  # a span of the pair is in no fact of the brief
    together_same: int = 0
    together_other: int = 0  # two different things held in one fact: what a reader would call a wrong member
    apart_same: int = 0  # one fact split over two facts
    apart_other: int = 0
    wrong: list[str] = field(default_factory=list)

    def precision(self) -> float:
        together = self.together_same + self.together_other
        return self.together_same / together if together else 1.0

    def report(self) -> str:
        return (
            f"pairs: {self.labelled} labelled, {self.unmatched} unmatched; kept together {self.together_same} of one fact"
            f" + {self.together_other} of two (precision {self.precision():.2f}); apart {self.apart_same} of one fact"
            f" + {self.apart_other} of two"
        )


def score_pairs(doc: Mapping[str, Any], labelled: Sequence[Mapping[str, Any]]) -> PairScore:
    """Score a brief against labelled pairs: ``{"a": [source, start, end], "b": [...], "same": bool}``."""
    sc = PairScore()
    facts_of: dict[tuple[str, int, int], set[str]] = {}
    for f in doc["facts"]:
        if f.get("kind", "fact") != "fact":
            continue
        for e in f["evidence"]:
            facts_of.setdefault((e["source"], e["start"], e["end"]), set()).add(f["id"])
    by_source: dict[str, list[tuple[int, int, set[str]]]] = {}
    for (src, lo, hi), fids in facts_of.items():
        by_source.setdefault(src, []).append((lo, hi, fids))

    def facts_holding(span: tuple[str, int, int]) -> set[str] | None:
        """The facts of the span, or else of the shortest evidence span holding it (a clause the brief shows in its
        sentence, its own fact left out as saying nothing more)."""
        if span in facts_of:
            return facts_of[span]
        src, lo, hi = span
        holding = [(h - s, fids) for s, h, fids in by_source.get(src, []) if s <= lo and hi <= h]
        return min(holding, key=lambda x: x[0])[1] if holding else None

    for p in labelled:
        sc.labelled += 1
        a, b = ((str(p[k][0]), int(p[k][1]), int(p[k][2])) for k in ("a", "b"))
        fa, fb = facts_holding(a), facts_holding(b)
        if not fa or not fb:
            sc.unmatched += 1
        elif fa & fb:
            if p["same"]:
                sc.together_same += 1
            else:
                sc.together_other += 1
                sc.wrong.append(f"{a} + {b}")
        elif p["same"]:
            sc.apart_same += 1
        else:
            sc.apart_other += 1
    return sc
