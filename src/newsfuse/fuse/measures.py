"""Measures reported differently, compared across the whole story: a person's ages, lengths in metres, lengths of time
in days, sums of money as precise as written (also two sums tied to one named thing), sizes written into a noun ("the
48-page indictment") and any stated number by the words that frame it ("six AK-47 rifles" / "14 AK-47 rifles"). Each
needs the two statements close in meaning and sharing specific words (or one named person or thing), and no outlet
giving both values. The counts of one fact are compared in :mod:`newsfuse.fuse.discrepancies`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..model import Discrepancy, Span
from ..read.entities import fold
from ..read.numbers import NUMBER_WORDS, Amount, parse_number
from .compare import act_stem, counted_key
from .discrepancies import (
    _LIGHT_VERBS,
    _SCORE,
    HEDGED_NEAR,
    STATED_APART,
    _background,
    _id,
    _merge_pairwise,
    _named_apart,
    _not_a_count,
    _numbers_apart,
    _pair,
    variants,
)
from .statements import Statement, amount_of, amounts_agree, spaced

# ---------------------------------------------------------------- ages of named people

# "Raj Chohan, 59, of Queens", "Chohan (59)"; not "Malia and Sasha, aged 16 and 13 respectively"
_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?(\d{1,3})\s*(?=[,;.)]|\s+(?:of|from|who|was|is|died)\b)|\s*\((?:aged\s+)?(\d{1,3})\)")
# "32-year-old Englishman Robert Buckley": the age, then at most two describing words, then the name
_AGE_BEFORE = re.compile(r"\b(\d{1,3})[- ]year[- ]old(?:\s+(?!(?:and|or|of|on|in|at|who|was|is|the|a|an|his|her)\b)[\w'-]+){0,2}\s+$", re.I)
AGE_SPAN_DAYS = 120  # reports further apart than this may give a birthday apart: their ages are not compared


def age_mentions(statements: Sequence[Statement], persons: dict[str, str]) -> list[tuple[str, int, Statement, tuple[int, int]]]:
    """Ages the articles give their named people, written next to the name ("Raj Chohan, 59," / "Chohan (59)" /
    "32-year-old Englishman Robert Buckley"): (person entity, age, statement, offsets of the name with its age)."""
    out = []
    for st in statements:
        if st.kind != "statement":
            continue
        text = st.article.text
        for m in st.article.group("mentions"):
            ent = str(m.attrs.get("entity"))
            if ent not in persons or not (st.start <= m.start and m.end <= st.end):
                continue
            lo = max(st.start, m.start - 60)
            after = _AGE_AFTER.match(text, m.end, st.end)
            before = _AGE_BEFORE.search(text[lo : m.start])
            if after:
                age = next(g for g in after.groups() if g)
                out.append((ent, int(age), st, (m.start, after.end(1) if after.group(1) else after.end())))
            if before:
                out.append((ent, int(before.group(1)), st, (lo + before.start(), m.end)))
    return [o for o in out if 0 < o[1] < 120]


def person_ages(statements: Sequence[Statement], persons: dict[str, str]) -> dict[str, dict[int, list[Statement]]]:
    """person entity -> age -> the statements that give it (see :func:`age_mentions`)."""
    out: dict[str, dict[int, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    for ent, age, st, _ in age_mentions(statements, persons):
        if st not in out[ent][age]:
            out[ent][age].append(st)
    return out


def age_disagreements(statements: Sequence[Statement], persons: dict[str, str]) -> list[Discrepancy]:
    """One person given two ages by reports published close together: a number disagreement ("Robert Buckley, 32"
    against "31-year-old Robert Buckley"). Reports far apart in time are left alone (a birthday may lie between)."""
    out: list[Discrepancy] = []
    for ent, by_age in person_ages(statements, persons).items():
        if len(by_age) < 2:
            continue
        # the report's own date: a reference borrowed from the rest of the story says nothing about when it was written
        dates = [s.article.meta.published for sts in by_age.values() for s in sts]
        known = [d for d in dates if d is not None]
        if len(known) < len(dates) or (max(known) - min(known)).days > AGE_SPAN_DAYS:
            continue  # a report of unknown date may be years later ("Orozco, 27" in 2005, "Orozco, 29" at the 2007 trial)
        groups = {str(age): sts for age, sts in by_age.items()}
        if len({s.source for sts in groups.values() for s in sts}) < 2:
            continue  # one outlet contradicting itself is a typo for its readers, not a disagreement between sources
        vs = variants(groups, "number")
        out.append(Discrepancy(_id(ent, "age"), "number", f"disputed: number (age of {persons[ent]})", vs))
    return out


# ---------------------------------------------------------------- lengths

LENGTH_SIM = 0.55  # meaning similarity two statements need to be one report of a length
LENGTH_SLACK = 0.1  # rounding when a length is converted between units ("200 ft", "about 60 metres")


IMPERIAL = frozenset({"ft", "foot", "feet", "yard", "yards", "yd", "mile", "miles", "mi"})


def _metres(q: Span, slack: float = 0.0) -> tuple[float, float] | None:
    """A length as an interval in metres (its hedge kept), widened by ``slack`` on both sides."""
    a = q.attrs
    if not a.get("metres") or not a.get("measures") or not a.get("low"):
        return None
    f = float(a["metres"])
    low, high = float(a["low"]), float(a.get("high") or a["low"])
    return low * f * (1 - slack), high * f * (1 + slack)


_GAME_WORDS = re.compile(
    r"\b(?:rush(?:ed|es)? for|rushing|passing|carr(?:y|ies)|touchdowns?|drives?|field goals?|punts?|kick(?:s|ed|off)?|quarterback"
    r"|receptions?|receiving|interceptions?|scrimmage|(?:first|second|third|fourth)[- ]down|to go)\b",
    re.I,
)
_YARDS = frozenset({"yard", "yards", "yd", "yds"})


def _yards_gained(st: Statement, q: Span) -> bool:
    """Yards in a game ("226 yards rushing", "a 67-yard drive", "with 90 yards to go"): a player's or a team's
    statistic, not a distance. Reports of one game give many of them, of different players and plays, so they are
    not compared as lengths."""
    return str(q.attrs.get("unit", "")).lower() in _YARDS and _GAME_WORDS.search(st.text) is not None


def _lengths_agree(qa: Span, qb: Span) -> bool:
    """Two lengths overlap in metres; between metric and imperial units with room for the rounding of a conversion."""
    slack = LENGTH_SLACK if (qa.attrs["unit"] in IMPERIAL) != (qb.attrs["unit"] in IMPERIAL) else 0.0
    sa, sb = _metres(qa, slack), _metres(qb, slack)
    return sa is not None and sb is not None and sa[0] <= sb[1] and sb[0] <= sa[1]


def _length_people(st: Statement, q: Span, persons: dict[str, str]) -> set[str]:
    """The named people a length is about: those named in the subject of the verb it measures."""
    names = q.attrs.get("subject") or []
    return {
        str(m.attrs.get("entity"))
        for m in st.article.group("mentions")
        if str(m.attrs.get("entity")) in persons and any(m.start < b and a < m.end for a, b in names)
    }


# verbs that carry a dimension without telling what act it measures: "had a depth of", "occurred ... with a depth of"
_CARRYING = frozenset({"have", "be", "occur", "measure", "register", "record"})


def _measured(q: Span) -> str:
    """What a length measures: the act ("fell 150 meters", "struck at a depth of 10 km"), or only the dimension it names
    when a verb that tells no act carries it ("had a depth of 1.2 miles" / "occurred ... with a depth of 12 miles").
    Two dimensions of two acts ("collapsed over a length of 200 meters" / "has a total length of 1,200 meters") are
    two things."""
    dimension, act = q.attrs.get("dimension"), str(q.attrs["measures"])
    return f"the {dimension}" if dimension and act in _CARRYING else f"{act} {dimension or ''}".strip()


def length_disagreements(statements: Sequence[Statement], vectors: np.ndarray, persons: dict[str, str]) -> list[Discrepancy]:
    """One length reported differently: "falling 150 meters" against "falling about 200ft" (some 60 m), compared in
    metres with room for rounding. The two statements must measure the same thing (see ``_measured``: "a
    depth of", or the act "fall") of the same person (both name them, or neither does) and be close in meaning; neither outlet may give the
    other's length too (an outlet giving both is telling two falls apart). A sentence giving two lengths of one act,
    or telling history, is left out."""
    items = []
    given: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for st in statements:
        if st.kind != "statement" or _background(st):
            continue
        lengths = [q for q in st.quantities if _metres(q) is not None and not _yards_gained(st, q)]
        for q in lengths:
            same_act = [r for r in lengths if _measured(r) == _measured(q)]
            if all(_lengths_agree(q, r) for r in same_act):  # "a depth of 10 km (six miles), 55 km west of": two things
                given[(st.source, _measured(q))].append(q)
                if q is same_act[0]:  # "1,150 kilometers (700 miles)": one length, shown as first written
                    items.append((st, q, _length_people(st, q, persons)))

    def gives(source: str, act: str, q: Span) -> bool:
        return any(_lengths_agree(q, r) for r in given[(source, act)])

    def shown(st: Statement, q: Span) -> str:
        words = st.article.text[q.start : q.end]
        return words if str(q.attrs["unit"]) in words.lower() else f"{words} {q.attrs['unit']}"

    out: list[Discrepancy] = []
    for k, (a, qa, pa) in enumerate(items):
        act = _measured(qa)
        for b, qb, pb in items[k + 1 :]:
            if a.source == b.source or _measured(qb) != act:
                continue
            if bool(pa) != bool(pb) or (pa and not pa & pb):
                continue
            if _lengths_agree(qa, qb) or float(vectors[a.idx] @ vectors[b.idx]) < LENGTH_SIM:
                continue
            if gives(a.source, act, qb) or gives(b.source, act, qa):
                continue
            out.append(_pair(a, shown(a, qa), qa.start, b, shown(b, qb), qb.start, "length", "number", "disputed: number (length)"))
    return _merge_pairwise(out)


# ---------------------------------------------------------------- lengths of time

DURATION_SIM = 0.55  # meaning similarity two statements need to be one report of how long one deed took
DURATION_SAME_DEED_SIM = 0.5  # less, when both lengths are of a deed named by its own word ("deliberated", "of talks")
DURATION_SPECIFIC = 0.6  # and specific similarity (the rare words they share)
DURATION_STRONG = 0.7  # meaning similarity when they hang it on different verbs ("was outside for nine minutes" /
# "returned 10 minutes later")
DURATION_SLACK = 0.1  # rounding between units ("136 days" / "four and a half months")


def _span_of_time(t: Span, slack: float = 0.0) -> Amount:
    """A length of time in days, as an interval with its hedge's open ends; ``slack`` widens it on both sides."""
    d = t.attrs["duration"]
    high = d["days_high"]
    return Amount(
        float(d["days_low"]) * (1 - slack),
        None if high is None else float(high) * (1 + slack),
        bool(d.get("low_open")) and not slack,
        bool(d.get("high_open")) and not slack,
        str(d.get("hedge", "exact")),
    )


def _durations_agree(ta: Span, tb: Span) -> bool:
    """Two lengths of time can be one: they overlap ("almost eight minutes" is under eight), with room for rounding
    when they are written in different units ("136 days" / "four and a half months")."""
    slack = DURATION_SLACK if ta.attrs["duration"]["unit"] != tb.attrs["duration"]["unit"] else 0.0
    return _span_of_time(ta, slack).overlaps(_span_of_time(tb, slack))


def _spans_of_time(st: Statement) -> list[Span]:
    """The lengths of time a statement gives: not ones counted back from the day of writing (those are dates), nor
    the window a change is measured over ("rose 30 percent over the past three years")."""
    return [t for t in st.times if isinstance(t.attrs.get("duration"), dict) and t.attrs["duration"]["relation"] in {"length", "apart"}]


def duration_disagreements(statements: Sequence[Statement], vectors: np.ndarray, specific: np.ndarray) -> list[Discrepancy]:
    """One length of time reported differently: "served four and a half months in prison" against "served five
    months in federal prison"; "was outside for nine minutes before coming back" against "returned 10 minutes
    later". The two statements give one length each, told the same way (a length, or a time between two events),
    are close in meaning, share specific words, are about the same named people and places, and either hang it on
    the same telling verb ("serve"; not "be" or "say") or give it in one unit and are very close in meaning. Neither
    outlet may give the other's length elsewhere (it is telling two spans apart)."""
    items = []
    given: dict[str, list[Span]] = defaultdict(list)
    for st in statements:
        spans = _spans_of_time(st)
        if st.kind == "statement":
            given[st.source] += spans
        if len(spans) == 1:  # a clause too: "she ... was outside for nine minutes before coming back"
            items.append((st, spans[0]))
    out: list[Discrepancy] = []
    idx = [st.idx for st, _ in items]
    near = (vectors[idx] @ vectors[idx].T >= DURATION_SAME_DEED_SIM) if items else np.zeros((0, 0), dtype=bool)
    for k, j in zip(*np.nonzero(np.triu(near, 1)), strict=True):
        (a, ta), (b, tb) = items[k], items[j]
        da, db = ta.attrs["duration"], tb.attrs["duration"]
        if a.source == b.source or da["relation"] != db["relation"] or _durations_agree(ta, tb) or _named_apart(a, b):
            continue
        if float(specific[a.idx, b.idx]) < DURATION_SPECIFIC or (a.places and b.places and not a.places & b.places):
            continue  # "served four years in the Marines" / "two years as mayor"; "in Iraq" / "in Afghanistan"
        va, vb = ta.attrs.get("verb"), tb.attrs.get("verb")
        same_deed = bool(va and va == vb and va not in _LIGHT_VERBS)
        sim = float(vectors[a.idx] @ vectors[b.idx])
        close = da["unit"] == db["unit"] and sim >= DURATION_STRONG
        if not (same_deed or close):
            continue
        if any(_durations_agree(tb, x) for x in given[a.source]) or any(_durations_agree(ta, x) for x in given[b.source]):
            continue
        shown_a, shown_b = a.article.text[ta.start : ta.end], b.article.text[tb.start : tb.end]
        if _bounded_apart(da, db):  # "more than three hours" / "just under three hours": one length, hedged apart
            out.append(_pair(a, shown_a, ta.start, b, shown_b, tb.start, "duration", "hedge", "disputed: hedge"))
        else:
            out.append(_pair(a, shown_a, ta.start, b, shown_b, tb.start, "duration", "number", "disputed: number (length of time)"))
    return _merge_pairwise(out)


def _bounded_apart(da: Mapping[str, Any], db: Mapping[str, Any]) -> bool:
    """Two hedged lengths bounded from either side, near each other (:data:`HEDGED_NEAR`): one only from below, the
    other from above ("more than three hours" against "just under three hours", "less than two hours")."""

    def above(d: Mapping[str, Any]) -> bool:  # "more than three hours": no upper end
        return d.get("hedge", "exact") != "exact" and d.get("days_high") is None and d.get("days_low") is not None

    def below(d: Mapping[str, Any]) -> bool:  # "just under three hours", "less than two hours"
        return d.get("hedge", "exact") != "exact" and bool(d.get("high_open")) and d.get("days_high") is not None

    for lo, hi in ((da, db), (db, da)):
        if above(lo) and below(hi):
            x, y = float(lo["days_low"]), float(hi["days_high"])
            return abs(x - y) <= HEDGED_NEAR * max(abs(x), abs(y))
    return False


# ---------------------------------------------------------------- sums of money

MONEY_SIM = 0.7  # meaning similarity two statements need to be one report of a sum
MONEY_SPECIFIC = 0.6  # and specific similarity (the rare words they share: "military construction")
MONEY_LOOSE_SIM = 0.55  # meaning similarity that will do when the two share many more specific words
MONEY_MANY_SPECIFIC = 1.05  # meaning and specific words together (align.specific_similarity), well above MONEY_SPECIFIC
MONEY_RATIO = 1.5  # two sums further apart than this are two sums, not one reported differently
_CURRENCIES = (
    (re.compile(r"£|\bpounds?\b|\bsterling\b", re.I), "pound"),
    (re.compile(r"€|\beuros?\b", re.I), "euro"),
    (re.compile(r"\$|\bdollars?\b", re.I), "dollar"),
)
# another country's dollars ("A$", "HK$", "5 billion Australian dollars"): not compared (US$ is the dollar)
_OTHER_DOLLARS = re.compile(r"\b(?!US\$)[A-Z]{1,3}\$|\b(?:australian|canadian|hong kong|new zealand|singapore|taiwan)\s+dollars?\b", re.I)
# a rate, not a sum ("$400 million a year", "$45 a share", "$10 each")
_RATE = re.compile(
    r"\s*(?:a|an|per|each)\s+(?:year|month|week|day|hour|share|head|person|barrel|ton|unit)\b|\s*(?:annually|apiece|each)\b", re.I
)
_SHARE_PRICE = re.compile(r"\b(?:shares?|stocks?)\b", re.I)  # share prices move by the hour


def currency_of(st: Statement, q: Span) -> str | None:
    """The currency of a sum, from its words and the sign or word right next to them (the entity model may leave "$"
    out of "$4,272.78"); None for another country's dollars."""
    text = st.article.text[max(st.start, q.start - 3) : q.end] + re.sub(
        r"^(\s+\w+(?:\s+\w+)?).*", r"\1", st.article.text[q.end : q.end + 24], flags=re.S
    )
    if _OTHER_DOLLARS.search(text):
        return None
    return next((name for pattern, name in _CURRENCIES if pattern.search(text)), None)


def sums(st: Statement) -> list[Span]:
    """The sums of money a statement gives that can be set against another outlet's: no addition to another sum
    ("another $2.5 billion"), no rate ("$400 million a year", "$45 a share"), no share price."""
    if _SHARE_PRICE.search(st.text):
        return []
    return [
        q
        for q in st.quantities
        if q.label == "MONEY" and q.attrs.get("value") and not q.attrs.get("increment") and not _RATE.match(st.article.text, q.end)
    ]


_SCALED_DECIMAL = re.compile(r"\d(?:\.(\d+))?\s*(billion|million|trillion|bn|m|tn)\b", re.I)
_SCALE_OF = {"billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "trillion": 1e12, "tn": 1e12}


def _as_written(st: Statement, q: Span) -> Amount:
    """A sum in millions or billions as precise as it is written: "$3.6 billion" is from 3.55 up to (not including)
    3.65 billion, so it is not "$3.5 billion", and "$1.4 billion" holds "$1.375 billion"; "$4 million" holds "$4.3
    million". A sum in dollars and cents is what it says."""
    a = q.attrs
    exact = Amount(a["low"], a["high"], a.get("low_open", False), a.get("high_open", False), a.get("hedge", "exact"), a.get("value"))
    m = _SCALED_DECIMAL.search(st.article.text, q.start, q.end)
    if m is None or a.get("hedge", "exact") != "exact" or not a.get("value"):
        return exact
    half = 0.5 * 10 ** -len(m.group(1) or "") * _SCALE_OF[m.group(2).lower()]
    return Amount(float(a["value"]) - half, float(a["value"]) + half, False, True, "exact", a.get("value"))


_SPENT_ON = re.compile(r"\s*(?:(?!(?:in|of|on|at|for|from|to|by|with|a|an|the)\s)[a-z-]+\s+)?(?:on|at|for)\s+(?:the\s+)?")
MONEY_NAMED_SIM = 0.45  # meaning similarity two statements need when both tie their sum to one named thing
_THING_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
_CAPITALISED = re.compile(r"(?:[A-Z][\w'’]*\s+){0,2}")
NAMED_THING_WORDS = 2  # words of a name two sums must share to be spent on one thing


def _named_thing(st: Statement, q: Span) -> frozenset[str] | None:
    """The words of the named thing a sum is spent on or priced for, when a name follows it ("$5,687.75 on Martha's
    Vineyard Holistic Retreat", "a $466.30 dinner at CityZen"): a place, an organisation, a product, a work."""
    text = st.article.text
    m = _SPENT_ON.match(text, q.end, st.end)
    if m is None:
        return None
    for men in st.article.group("mentions"):
        # the entity model may leave a capitalised word of the name out ("Martha's" of "Vineyard Holistic Retreat")
        if men.label in _THING_LABELS and m.end() <= men.start and _CAPITALISED.fullmatch(text[m.end() : men.start]):
            return frozenset(re.findall(r"[a-z0-9]+", fold(text[m.end() : men.end])))
    return None


def _sum_text(st: Statement, q: Span) -> str:
    """A sum as written, with the currency sign the entity model left outside it ("$" of "$4,272.78")."""
    start = q.start - 1 if q.start > st.start and st.article.text[q.start - 1] in "$£€" else q.start
    return st.article.text[start : q.end]


def _sums_for_named_things(statements: Sequence[Statement]) -> list[tuple[frozenset[str], tuple[Statement, Span, str]]]:
    """The sums the statements tie to a named thing, with the thing's name words: two outlets' sums for one thing
    (the shorter name's words, at least two, all in the longer one) are compared however different their sentences
    (a list of purchases against a sentence of its own)."""
    tied = []
    for st in statements:
        if st.kind != "statement":
            continue
        for q in sums(st):
            thing, currency = _named_thing(st, q), currency_of(st, q)
            if thing is not None and currency is not None and len(thing) >= NAMED_THING_WORDS:
                tied.append((thing, (st, q, currency)))
    return tied


_Sum = tuple[Statement, Span, str]  # a statement, a sum it gives and the sum's currency
MONEY_NEAR_RATIO = 1.1  # two exact sums this close are one figure given two ways more often than two figures
MONEY_NEAR_SIM = 0.55  # meaning similarity two statements need when their sums are that close
MONEY_ROUNDING = 1.01  # sums this close are one sum, rounded
# a sum asked for or foreseen, not settled: set against a settled one it is another figure
_ASKED_FOR = re.compile(
    r"\b(?:sought|seeks?|seeking|demand(?:s|ed|ing)?|request(?:s|ed|ing)?|propos(?:e|es|ed|ing)|ask(?:s|ed|ing)? (?:for|that)"
    r"|call(?:s|ed|ing)? for|insist(?:s|ed|ing)?|originally|initially|expected to cost|estimated)\b",
    re.I,
)
# a look back to another time than the report's ("a year earlier", "the previous quarter")
_EARLIER = re.compile(
    r"\b(?:a year (?:earlier|ago|before)|year-(?:earlier|ago)|(?:the )?(?:previous|prior) (?:year|quarter|month|week))\b", re.I
)


def _near_sums(statements: Sequence[Statement], vectors: np.ndarray) -> list[tuple[_Sum, _Sum, bool]]:
    """Pairs of exact sums in one currency from two outlets that differ by less than a tenth ("$184 million" /
    "$200 million", "$1,099" / "$1,199" for one model): close enough to be one figure reported differently whatever
    else the sentences say, when the sentences are near in meaning. A sentence may give other sums too ("$1,099 for
    the 13-inch version and $1,799 for a 15-inch"). Not when one sum is asked for and the other got ("had sought $27
    million" / "awarded $25 million"), when the two are of other times ("by Friday" / "by Saturday", "a year earlier"),
    or when one is the other rounded ("$39,990" / "$40,000"). Hedged sums are left to the hedge rules ("$250,000" /
    "more than $250,000" overlap)."""
    found = [
        (st, q, currency)
        for st in statements
        if st.kind == "statement" and not _background(st)
        for q in sums(st)
        if q.attrs.get("hedge", "exact") == "exact" and (currency := currency_of(st, q)) is not None
    ]
    out = []
    for k, x in enumerate(found):
        for y in found[k + 1 :]:
            (a, qa, ca), (b, qb, cb) = x, y
            low, high = sorted((float(qa.attrs["value"]), float(qb.attrs["value"])))
            if a.source == b.source or ca != cb or high > MONEY_NEAR_RATIO * low or high <= MONEY_ROUNDING * low:
                continue  # (within a hundredth: "$39,990" / "$40,000", one price rounded)
            if float(vectors[a.idx] @ vectors[b.idx]) < MONEY_NEAR_SIM or _other_times(a, b):
                continue
            if bool(_ASKED_FOR.search(a.text)) != bool(_ASKED_FOR.search(b.text)):
                continue  # "had sought $27 million" / "awarded $25 million": what was asked and what was got
            out.append((x, y, False))
    return out


def _other_times(a: Statement, b: Statement) -> bool:
    """The two statements are of different times: each dates itself and no date is shared ("$52,000 by Friday" /
    "$56,000 by Saturday"), or one looks back ("in the same quarter a year earlier")."""
    ta = {str(t.attrs["value"]) for t in a.times if t.attrs.get("value")}
    tb = {str(t.attrs["value"]) for t in b.times if t.attrs.get("value")}
    return bool(ta and tb and not ta & tb) or bool(_EARLIER.search(a.text)) != bool(_EARLIER.search(b.text))


def money_disagreements(statements: Sequence[Statement], vectors: np.ndarray, specific: np.ndarray) -> list[Discrepancy]:
    """One sum of money reported differently: "divert $3.6 billion from military construction projects" against
    "unlock ... the Defense Department's military construction budget, to the tune of $3.5 billion". Each statement
    gives one sum, in one currency; the two are very close in meaning and in specific words, about the same named
    people and places, and the sums are near (within ``MONEY_RATIO``: a sum five times another is of another thing)
    yet cannot be one figure (hedges kept: "about $3.6 billion" holds $3.5 billion). Two sums two outlets tie to one
    named thing (:func:`_sums_for_named_things`: spent on it, priced at it) need less: sentences close enough in
    meaning, whenever the spending was (an indictment lists purchases of years ago). Neither outlet may give the
    other's sum anywhere (for a named thing: in a sentence naming it), for it is telling two sums apart. Rates, share
    prices and other countries' dollars are left out."""
    items = []
    given: dict[str, list[tuple[Statement, Span]]] = defaultdict(list)
    for st in statements:
        given_sums = sums(st)
        if st.kind == "statement":
            given[st.source] += [(st, q) for q in st.quantities if q.label == "MONEY" and q.attrs.get("value")]
        if len(given_sums) == 1 and len(st.quantities) == 1 and not _background(st):
            q = given_sums[0]
            currency = currency_of(st, q)
            if currency is not None:
                items.append((st, q, currency))

    written: dict[tuple[str, int], Amount] = {}

    def as_written(st: Statement, q: Span) -> Amount:
        key = (st.article.id, q.start)
        if key not in written:
            written[key] = _as_written(st, q)
        return written[key]

    def agree(x: tuple[Statement, Span], y: tuple[Statement, Span]) -> bool:
        # a sum is as precise as it is written: "$3.6 billion" is not "$3.5 billion", however round both look
        return amounts_agree(as_written(*x), as_written(*y))

    out: list[Discrepancy] = []
    idx = [st.idx for st, _, _ in items]
    sims = vectors[idx] @ vectors[idx].T if items else np.zeros((0, 0))
    spec = specific[np.ix_(idx, idx)] if items else np.zeros((0, 0))
    # very close in meaning and sharing specific words, or less close in meaning sharing many more ("Glasshook is
    # demanding a ransom of $25 million" / "Glasshook is demanding a staggering $20 million ransom")
    close = ((sims >= MONEY_SIM) & (spec >= MONEY_SPECIFIC)) | ((sims >= MONEY_LOOSE_SIM) & (spec >= MONEY_MANY_SPECIFIC))
    pairs = [(items[k], items[j], False) for k, j in zip(*np.nonzero(np.triu(close, 1)), strict=True)]
    pairs += _near_sums(statements, vectors)
    tied = _sums_for_named_things(statements)
    by_thing: dict[frozenset[str], list[tuple[Statement, Span, str]]] = defaultdict(list)
    for t, x in tied:
        by_thing[t].append(x)
    things = sorted(by_thing, key=sorted)
    for i, tx in enumerate(things):  # things named alike, then their sums: not every pair of sums
        for ty in things[i:]:
            if tx <= ty or ty <= tx:
                xs, ys = by_thing[tx], by_thing[ty]
                pairs += [
                    (x, y, True)
                    for k, x in enumerate(xs)
                    for y in (xs[k + 1 :] if tx == ty else ys)
                    if x[0].source != y[0].source and float(vectors[x[0].idx] @ vectors[y[0].idx]) >= MONEY_NAMED_SIM
                ]
    thing_of = {(x[0].article.id, x[1].start): t for t, x in tied}
    words_of: dict[int, set[str]] = {}
    naming: dict[frozenset[str], list[tuple[Statement, Span]]] = {}
    agreeing: dict[tuple[frozenset[str], str, int], set[str]] = {}

    def naming_sums(thing: frozenset[str]) -> list[tuple[Statement, Span]]:
        """The sums given in sentences naming ``thing``, but for another thing in the same list ("over $300 at
        Build-A-Bear")."""
        if thing not in naming:
            found = []
            for sums in given.values():
                for st, q in sums:
                    other = thing_of.get((st.article.id, q.start))
                    if other is not None and not (other <= thing or thing <= other):
                        continue
                    if st.idx not in words_of:
                        words_of[st.idx] = set(re.findall(r"[a-z0-9]+", fold(st.text)))
                    if thing <= words_of[st.idx]:
                        found.append((st, q))
            naming[thing] = found
        return naming[thing]

    def sources_agreeing(thing: frozenset[str], st: Statement, q: Span) -> set[str]:
        """The outlets that give, in a sentence naming ``thing``, another sum that can be ``q``."""
        key = (thing, st.article.id, q.start)
        if key not in agreeing:
            agreeing[key] = {x.source for x, r in naming_sums(thing) if r is not q and agree((st, q), (x, r))}
        return agreeing[key]

    for (a, qa, ca), (b, qb, cb), named in pairs:
        if a.source == b.source or ca != cb or agree((a, qa), (b, qb)):
            continue
        va, vb = float(qa.attrs["value"]), float(qb.attrs["value"])
        if max(va, vb) / min(va, vb) > MONEY_RATIO:
            continue
        if not named and (_named_apart(a, b) or (a.places and b.places and not a.places & b.places)):
            continue  # (a sum for one named thing is tied to it, whatever else the sentences name)
        # an outlet that also gives the other's sum (for that thing, when the sums are tied to one) tells two apart
        if named:
            thing = min(thing_of[(a.article.id, qa.start)], thing_of[(b.article.id, qb.start)], key=len)
            if a.source in sources_agreeing(thing, b, qb) or b.source in sources_agreeing(thing, a, qa):
                continue
        elif any(agree((b, qb), x) for x in given[a.source]) or any(agree((a, qa), x) for x in given[b.source]):
            continue
        out.append(
            _pair(a, _sum_text(a, qa), qa.start, b, _sum_text(b, qb), qb.start, "money", "number", "disputed: number (sum of money)")
        )
    return _merge_pairwise(out)


# ---------------------------------------------------------------- sizes written into a noun

_NUMBER_WORD = r"\d{1,3}(?:,\d{3})*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# "the 48-page indictment", "a 12-count indictment", "a 20-story tower": a number made into a word that sizes a thing
_SIZED = re.compile(
    rf"(?<![\d.,])\b({_NUMBER_WORD})-(page|count|story|storey|seat|member|acre|room|bed|lane|megapixel)[- ]([a-z]+)\b", re.I
)
_DEFINITE = re.compile(r"\b(?:the|its|his|her|their|this|that)\s+$", re.I)
SIZED_SIM = 0.5  # meaning similarity two statements need to be about one sized thing
SIZED_SPECIFIC = 0.6  # and specific similarity (the rare words they share)


def _sized(st: Statement) -> list[tuple[tuple[str, str], float, int, int, bool]]:
    """The sizes a statement writes into a noun: ((unit, noun), size, start, end of the words, whether the noun is
    one the reader knows: "the 47-page indictment", not "a four-story building")."""
    out = []
    for m in _SIZED.finditer(st.text):
        if m.group(3).lower() in {"old", "long", "high", "wide", "deep", "tall"}:
            continue
        size = parse_number(m.group(1))
        if size is None or size[0] != size[1]:
            continue
        key = (m.group(2).lower().replace("storey", "story"), m.group(3).lower().rstrip("s"))
        definite = _DEFINITE.search(st.text[max(0, m.start() - 8) : m.start()]) is not None
        out.append((key, size[0], st.start + m.start(), st.start + m.end(), definite))
    return out


def sized_disagreements(statements: Sequence[Statement], vectors: np.ndarray, specific: np.ndarray) -> list[Discrepancy]:
    """One thing sized differently where the size is made part of its name: "the 48-page indictment" against "the
    47-page indictment", "a 12-count indictment" against "an 11-count indictment". The two statements share the
    unit and the noun, at least one of them names a thing the reader knows ("the 47-page indictment"), they are close
    in meaning and share specific words, are about the same named people, and neither outlet writes the other's size
    of that thing anywhere (it is telling two things apart)."""
    items = []
    given: dict[tuple[str, tuple[str, str]], set[float]] = defaultdict(set)
    for st in statements:
        sizes = _sized(st)
        for key, size, *_ in sizes:
            given[(st.source, key)].add(size)
        if len({k for k, *_ in sizes}) == len(sizes):  # one size of each thing in the statement
            items += [(st, key, size, start, end, definite) for key, size, start, end, definite in sizes]
    out: list[Discrepancy] = []
    for k, (a, ka, sa, a0, a1, da) in enumerate(items):
        for b, kb, sb, b0, b1, db in items[k + 1 :]:
            if a.source == b.source or ka != kb or sa == sb or not (da or db) or _named_apart(a, b):
                continue  # (two indefinite ones, "a three-story building" / "a four-story building", may be two)
            if float(vectors[a.idx] @ vectors[b.idx]) < SIZED_SIM or float(specific[a.idx, b.idx]) < SIZED_SPECIFIC:
                continue
            if sb in given[(a.source, ka)] or sa in given[(b.source, kb)]:
                continue
            out.append(_pair(a, a.article.text[a0:a1], a0, b, b.article.text[b0:b1], b0, "sized", "number", "disputed: number"))
    return _merge_pairwise(out)


# ---------------------------------------------------------------- numbers in one frame

FRAMED_SIM = 0.7  # meaning similarity two statements need to give one count in the same words around it
FRAMED_SPECIFIC = 0.6  # and specific similarity (the rare words they share)
# the word after a number ("six AK-47 rifles", "12 weeks ago"), past a describing word made with a hyphen ("12 worst-hit")
_WORD_AFTER = re.compile(r"[\s-]*(?:[a-z]+-)?([A-Za-z][a-z]+)")
# the two words before a number in its own clause ("record of 2,106", "a .38 caliber")
_WORDS_BEFORE = re.compile(r"([A-Za-z]+)[ -]+([A-Za-z]+)[ -]*$")
_OF_AFTER = re.compile(r"\s+of\s")  # "five of Creighton's first eight points": a part of a count named after it
# words that frame no particular count: hedges, function words, and nouns and units every story counts
_FRAMELESS = frozenset(
    {"about", "almost", "nearly", "some", "around", "approximately", "roughly", "more", "than", "least", "over", "under"}
    | {"up", "just", "only", "another", "further", "other", "others", "of", "and", "or", "in", "on", "at", "to", "the"}
    | {"a", "an", "for", "from", "with", "by", "as", "per", "is", "was", "were", "are", "be", "have", "had", "has"}
    | {"percent", "time", "times", "people", "person", "year", "years", "day", "days", "month", "months", "point", "points"}
    | {"after", "before", "since", "while", "when", "where", "which", "that", "this", "these", "those", "then", "also"}
    | {"into", "even", "been", "being", "will", "would", "could", "said", "says", "tonight", "today", "yesterday", "there"}
)


def _frame(st: Statement, q: Span) -> str | None:
    """The word a number is framed by: what it counts ("rifles"), else the word after it, else the last telling word
    before it in its clause ("record" in "the scoring record of 2,106"); None for a word any count may have."""
    text = st.article.text
    after = counted_key(q.attrs.get("counted"))
    if not after and (m := _WORD_AFTER.match(text, q.end)) is not None:
        after = m.group(1).lower().removesuffix("s")
    if after and after not in _FRAMELESS:
        return f"{after}>"
    m = _WORDS_BEFORE.search(text[max(0, q.start - 40) : q.start])
    words = [w.lower() for w in m.groups() if w.lower() not in _FRAMELESS] if m is not None else []
    return f"<{words[-1]}" if words and len(words[-1]) > 3 else None


def _framed_numbers(st: Statement) -> list[tuple[str, Span, float]]:
    """The stated numbers of a statement with their frames: not a clock time, a bare year, a length or a sum (each
    compared on its own terms), a score, a part of a group or anything else that counts nothing here."""
    out = []
    for q in st.quantities:
        value = q.attrs.get("value")
        if (
            value is None
            or q.attrs.get("increment")
            or q.attrs.get("whole")
            or q.attrs.get("metres")
            or ":" in st.article.text[q.start : q.end]
        ):
            continue
        if (1900 <= float(value) <= 2100 and not q.attrs.get("counted")) or currency_of(st, q) is not None:
            continue
        if _not_a_count(st, q) or _OF_AFTER.match(st.article.text, q.end) or _SCORE.match(st.article.text, q.start):
            continue
        if (frame := _frame(st, q)) is not None:
            out.append((frame, q, float(value)))
    return out


def _decimals(x: float) -> int:
    return len(repr(x).partition(".")[2].rstrip("0"))


def _precision_apart(x: float, y: float) -> bool:
    """Two values not to set against each other for how precisely they are written: one rounded from the other (35.72
    / 35.7), or a whole number against a fraction (a magnitude of 2.9 against two aftershocks: two things)."""
    dx, dy = _decimals(x), _decimals(y)
    if (dx == 0) != (dy == 0):
        return True
    fine, coarse = (x, y) if dx > dy else (y, x)
    return dx != dy and round(fine, min(dx, dy)) == coarse


def framed_disagreements(statements: Sequence[Statement], vectors: np.ndarray, specific: np.ndarray) -> list[Discrepancy]:
    """One count given two values in the same words around it, wherever it sits in the sentence: "six AK-47 rifles,
    12 magazines and about 300 rounds" against "14 AK-47 rifles, 31 magazines and 923 rounds", "a .38 caliber
    revolver" against "a .357 caliber revolver". The counts of a fact are compared by its main count
    (:func:`count_disagreements`); here every stated number is, by its frame (:func:`_frame`). The two statements are
    close in meaning and share specific words, neither is history nor dated apart from the other, they are about the
    same named people, each frames that count once, the values are not twenty times apart nor one rounded from the
    other, and no outlet gives both values in that frame anywhere (it is telling two things apart)."""
    given: dict[tuple[str, str], set[float]] = defaultdict(set)
    items: list[tuple[Statement, str, Span, float]] = []
    for st in statements:
        numbers = _framed_numbers(st)
        for frame, _, value in numbers:
            given[(st.article.id, frame)].add(value)
        if _background(st):
            continue
        frames = [frame for frame, *_ in numbers]
        items += [(st, frame, q, value) for frame, q, value in numbers if frames.count(frame) == 1]
    # a number of a clause is also its sentence's: it is compared once, in the shortest statement that gives it
    shortest: dict[tuple[str, int], tuple[Statement, str, Span, float]] = {}
    for item in items:
        key = (item[0].article.id, item[2].start)
        if key not in shortest or item[0].end - item[0].start < shortest[key][0].end - shortest[key][0].start:
            shortest[key] = item
    by_frame: dict[str, list[tuple[Statement, Span, float]]] = defaultdict(list)  # only one frame's counts meet
    for st, frame, q, value in shortest.values():
        by_frame[frame].append((st, q, value))
    out: list[Discrepancy] = []
    for frame, framed in by_frame.items():
        for k, (a, qa, va) in enumerate(framed):
            for b, qb, vb in framed[k + 1 :]:
                out += _framed_pair(frame, a, qa, va, b, qb, vb, given, vectors, specific)
    return _merge_pairwise(out, by_value=True)  # a sentence's other counts are other disagreements


def _framed_pair(
    frame: str,
    a: Statement,
    qa: Span,
    va: float,
    b: Statement,
    qb: Span,
    vb: float,
    given: dict[tuple[str, str], set[float]],
    vectors: np.ndarray,
    specific: np.ndarray,
) -> list[Discrepancy]:
    """The disagreement of two counts in one frame, if they are one count given two values (see
    :func:`framed_disagreements`); ``given`` holds the values each article gives in each frame."""
    if a.source == b.source or not (va and vb) or max(va, vb) / min(va, vb) >= STATED_APART:
        return []
    if _precision_apart(va, vb) or amounts_agree(amount_of(qa), amount_of(qb)) or _named_apart(a, b) or _other_times(a, b):
        return []
    if float(vectors[a.idx] @ vectors[b.idx]) < FRAMED_SIM or float(specific[a.idx, b.idx]) < FRAMED_SPECIFIC:
        return []
    if va != vb and (vb in given[(a.article.id, frame)] or va in given[(b.article.id, frame)]):
        return []
    if va != vb and (any(q.attrs.get("value") == va for q in b.quantities) or any(q.attrs.get("value") == vb for q in a.quantities)):
        return []  # "more than 2,000 buildings damaged, about 300 of them beyond repair" gives the other's 300 as well
    # one number hedged apart ("nearly 100 people" / "more than 100 people"), or two near numbers bounded from either
    # side ("just under 52 percent" / "more than 54 percent"), is a hedge disagreement
    kind = "number" if _numbers_apart(amount_of(qa), amount_of(qb)) else "hedge"
    shown_a, shown_b = a.article.text[qa.start : qa.end], b.article.text[qb.start : qb.end]
    return [_pair(a, shown_a, qa.start, b, shown_b, qb.start, "framed", kind, f"disputed: {kind}")]


# ---------------------------------------------------------------- one measure bounded apart

FACING_SIM = 0.5  # meaning similarity (of the sentences or of the clauses holding them) two bounded measures need
FACING_SPECIFIC = 0.45  # and the specific words they share
FACING_LOOSE_SIM = 0.4  # meaning similarity that will do when the two share many more specific words
FACING_MANY_SPECIFIC = 0.95  # ("snatching five paintings in less than seven minutes" / "It took the thieves more than ten
# minutes to strip the walls of the Overgaard Room")
FACING_SAME_FIGURE_SIM = 0.4  # meaning similarity that will do when both bound the very same figure
FACING_SAME_ACT_SIM = 0.35  # meaning similarity that will do for two lengths or speeds of one act ("covered")
FACING_NEAR = HEDGED_NEAR  # how far apart (a share of the larger) two hedged figures may be to be bounded apart
_BELOW_HEDGES = frozenset({"nearly", "almost", "just under", "close to", "under", "less than", "fewer than", "just short of", "shy of"})
_ABOVE_HEDGES = frozenset({"more than", "over", "at least", "just over", "upwards of", "in excess of", "exceeding", "above"})


def _bounded(hedge: str | None) -> str | None:
    h = (hedge or "").lower()
    return "below" if h in _BELOW_HEDGES else "above" if h in _ABOVE_HEDGES else None


_SIZES = {"metres": "length", "kmh": "speed", "hectares": "area"}  # a measure's size in its base unit, by what it measures


def _scaled(x: Amount, size: float) -> Amount:
    """An amount in a unit ``size`` times the base unit, in the base unit (metres, km/h)."""

    def f(v: float | None) -> float | None:
        return None if v is None else v * size

    return Amount(f(x.low), f(x.high), x.low_open, x.high_open, x.hedge, f(x.value))


def _same_act(qa: Span, qb: Span) -> bool:
    """Two lengths or speeds of one telling act ("covered more than 400 metres of the highway" / "debris covering just
    under 350 metres of the carriageway"; not "was", "had" or "said")."""
    act, other = qa.attrs.get("measures"), qb.attrs.get("measures")
    return bool(act and other and act_stem(str(act)) == act_stem(str(other)) and act not in _LIGHT_VERBS | _CARRYING)


def _measures_bounded(st: Statement) -> list[tuple[tuple[str, ...], Span, Amount, str]]:
    """The measures a statement bounds from one side, by what they measure: a sum in a currency ("more than $150
    million a day"), a length in metres ("nearly 30,000 feet"), a speed in km/h ("less than 25 km/h"), an area in
    hectares ("just under 4,000 acres"), a share ("just under 52 percent"), a length of time
    ("more than an hour"). Counts of things are compared as counts (:func:`count_disagreements`)."""
    out: list[tuple[tuple[str, ...], Span, Amount, str]] = []
    for q in st.quantities:
        side = _bounded(q.attrs.get("hedge"))
        if side is None or q.attrs.get("value") is None:
            continue
        if q.label == "MONEY":
            currency = currency_of(st, q)
            if currency is None:
                continue
            key: tuple[str, ...] = ("money", currency)
        elif q.label == "PERCENT":
            key = ("percent",)
        elif any(q.attrs.get(k) for k in _SIZES):  # "more than 400 metres" / "just under 1,300 feet"; km/h; acres
            kind, size = next((_SIZES[k], q.attrs[k]) for k in _SIZES if q.attrs.get(k))
            out.append(((kind,), q, _scaled(amount_of(q), float(size)), side))
            continue
        elif q.label == "QUANTITY" and q.attrs.get("unit"):
            key = ("unit", str(q.attrs["unit"]))
        else:
            continue
        out.append((key, q, amount_of(q), side))
    for t in st.times:
        d = t.attrs.get("duration")
        side = _bounded((d or {}).get("hedge"))
        if not d or side is None or d.get("relation") not in {"length", "apart"}:  # "for more than three weeks before ..."
            continue
        stated = d.get("days_high") if side == "below" else d.get("days_low")
        if stated is None:
            continue
        low, high = (None, stated) if side == "below" else (stated, None)
        amount = Amount(low, high, low_open=side == "above", high_open=side == "below", hedge=str(d.get("hedge")), value=stated)
        out.append((("duration",), t, amount, side))
    return out


def facing_hedges(statements: Sequence[Statement], vectors: np.ndarray, specific: np.ndarray) -> list[Discrepancy]:
    """One measure two outlets bound from either side so that the bounds exclude each other: "more than $150 million a
    day" against "nearly $150 million a day", "more than 30,000 feet" against "just under 30,000 feet", "delayed by
    more than an hour" against "nearly an hour late", "just under 52 percent" against "more than 54 percent". The
    figures are near (within :data:`FACING_NEAR`), of the same kind (currency, share, length of time; lengths and
    speeds compared in metres and km/h), the statements alike in meaning and specific words (or only a little alike
    when they measure one telling act: "covered more than 400 metres" / "covering just under 350 metres") (their sentences or the clauses that hold the figures), not one
    outlet's words copied by another, about the same named people, neither history nor dated apart."""
    items = [(st, key, q, amt, side) for st in statements if not _background(st) for key, q, amt, side in _measures_bounded(st)]
    best: dict[tuple[str, int, str, int], tuple[float, Statement, Statement]] = {}
    for i, (a, ka, qa, xa, sa) in enumerate(items):
        for b, kb, qb, xb, sb in items[i + 1 :]:
            if a.source == b.source or ka != kb or sa == sb or xa.value is None or xb.value is None:
                continue
            if abs(xa.value - xb.value) > FACING_NEAR * max(abs(xa.value), abs(xb.value)) or amounts_agree(xa, xb):
                continue
            sim, spec = float(vectors[a.idx] @ vectors[b.idx]), float(specific[a.idx, b.idx])
            if ka[0] in {"length", "speed", "area"} and _same_act(qa, qb):
                alike = sim >= FACING_SAME_ACT_SIM  # one act measured: its words tell what is measured
            elif xa.value == xb.value:  # one figure bounded from either side ("more than 4,000 acres" / "just under")
                alike = sim >= FACING_SAME_FIGURE_SIM and spec >= FACING_SPECIFIC
            else:  # alike in meaning, or less alike but sharing many more specific words
                alike = (sim >= FACING_SIM and spec >= FACING_SPECIFIC) or (sim >= FACING_LOOSE_SIM and spec >= FACING_MANY_SPECIFIC)
            if not alike or spaced(a.text) == spaced(b.text):
                continue
            if _named_apart(a, b) or _other_times(a, b):
                continue
            pair = (a.article.id, qa.start, b.article.id, qb.start)
            if pair not in best or sim > best[pair][0]:
                best[pair] = (sim, a, b)
    out = []
    for (_, at_a, _, at_b), (_, a, b) in best.items():
        shown_a, shown_b = a.article.text[at_a : _end(a, at_a)], b.article.text[at_b : _end(b, at_b)]
        out.append(_pair(a, shown_a, at_a, b, shown_b, at_b, "facing", "hedge", "disputed: hedge"))
    return _merge_pairwise(out, by_value=True)


def _end(st: Statement, start: int) -> int:
    """The end of the measure that opens at ``start`` in a statement (a quantity or a length of time)."""
    return next(s.end for s in [*st.quantities, *st.times] if s.start == start)
