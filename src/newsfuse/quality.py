"""Score a brief (contract JSON) against expected findings, for quality gates and benchmarks.

Expected findings use the layout of ``examples/*/expected.json``. Evidence is given per source either as an exact
fragment of the source's text or as a list of keywords that must all occur in the same statement (so expectations
about publishers' articles need not copy their sentences).

Definitions (printed with every score):
- a fact is *found* when some brief fact's evidence matches the expected evidence of every expected source, and the
  brief fact's sources are exactly the expected sources (``found_exact``) or overlap them with Jaccard >= 0.75
  (``found_loose``);
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
            "speakers": r(self.speaker_right, self.with_speaker),
            "discrepancies": r(self.discrepancies_found, self.discrepancies),
            "dates": r(self.dates_found, self.dates_expected),
        }

    def report(self) -> str:
        r = self.ratios()
        return (
            f"facts: {self.found_exact}/{self.facts} with exact source sets ({r['facts_exact']:.0%}), "
            f"{self.found_loose}/{self.facts} with Jaccard>=0.75 ({r['facts_loose']:.0%}); "
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
        best: tuple[float, Mapping[str, Any]] | None = None
        for g in doc["facts"]:
            hits = _evidence_hits(g["evidence"], ev)
            if not hits:
                continue
            have = set(g["sources"])
            jac = len(have & want_sources) / len(have | want_sources)
            key = len(hits) + jac
            if best is None or key > best[0]:
                best = (key, g)
        label = f.get("summary") or f.get("id", "?")
        if best is None:
            sc.missed.append(f"fact not found: {label}")
            continue
        g = best[1]
        have = set(g["sources"])
        jac = len(have & want_sources) / len(have | want_sources)
        if have == want_sources:
            sc.found_exact += 1
        if jac >= 0.75:
            sc.found_loose += 1
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
