"""Pure functions for quantities: parse a number phrase, and turn a hedge into an interval.

An interval is ``(low, high, low_open, high_open)`` with ``None`` for an unbounded side. "almost 3,000" is
[2550, 3000) and "more than 3,000" is (3000, inf): they do not overlap, which is what makes them a hedge discrepancy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# hedge phrase -> kind; longest phrases first when matching
HEDGES: dict[str, str] = {
    "more than": "above",
    "over": "above",
    "above": "above",
    "in excess of": "above",
    "upwards of": "above",
    "greater than": "above",
    "north of": "above",
    "exceeding": "above",
    "well over": "above",
    "just over": "above",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "almost": "below_near",
    "nearly": "below_near",
    "close to": "below_near",
    "just under": "below_near",
    "just shy of": "below_near",
    "not quite": "below_near",
    "approaching": "below_near",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "some": "approx",
    "an estimated": "approx",
    "an approximate": "approx",
    "approximate": "approx",
    "estimated": "approx",
    "circa": "approx",
    "or so": "approx",
    "like": "approx",
    "up to": "high_estimate",
    "as many as": "high_estimate",
    "at most": "at_most",
    "no more than": "at_most",
    "as much as": "high_estimate",
    "fewer than": "below",
    "less than": "below",
    "under": "below",
    "below": "below",
}
HIGH_ESTIMATE_LOW = 0.8  # the share of "as many as X" / "up to X" below which a figure tells another count
_HEDGE_RE = re.compile(r"^(?:" + "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True)) + r")\b", re.I)

_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_VAGUE = {
    # vague amounts as intervals (inclusive)
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "millions": (2e6, 9.99e6),
    "tens of millions": (2e7, 9.99e7),
    "a few": (2.0, 5.0),
    "several": (3.0, 9.0),
    "a handful": (2.0, 6.0),
    "a dozen": (12.0, 12.0),
    "a couple": (2.0, 3.0),
}
VAGUE_START = re.compile(r"(?:" + "|".join(sorted(map(re.escape, _VAGUE), key=len, reverse=True)) + r")\b", re.I)
WORD_VALUES = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
# the numbers written as one word ("seven", "forty"), not the article nor "zero" or "dozen"
NUMBER_WORDS = frozenset(w for w in WORD_VALUES if w not in {"a", "an", "zero", "dozen"})


@dataclass(frozen=True, slots=True)
class Amount:
    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    hedge: str = "exact"  # the hedge phrase as written, or "exact"
    value: float | None = None  # the number as stated, before the hedge

    def overlaps(self, other: Amount) -> bool:
        return intervals_overlap(self, other)


def split_hedge(text: str) -> tuple[str | None, str]:
    """("more than", "1,000 soldiers") from "more than 1,000 soldiers". Of stacked hedges ("up to about 300") the
    outer one is kept: it is what bounds the number."""
    t = text.strip()
    m = _HEDGE_RE.match(t)
    if not m:
        return None, t
    hedge, t = m.group(0).lower(), t[m.end() :].strip()
    while (inner := _HEDGE_RE.match(t)) is not None:
        t = t[inner.end() :].strip()
    return hedge, t


_SCALE_WORDS = r"hundred|thousand|million|billion|trillion|dozen|bn|bln|mn|mln|tn|trn|k|m"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a numeral and its scale: "1.5tn", "7.5km" (kilometres: the scale must end a word), "11,000"
_NUMERAL = re.compile(rf"^({_NUM})(?![\d,])\s*(?:({_SCALE_WORDS})\b)?")
_RANGE = re.compile(
    rf"^(?:between\s+({_NUM})\s*(?:({_SCALE_WORDS})\b)?\s*and|({_NUM})\s*(?:({_SCALE_WORDS})\b)?\s*(?:-|–|—|to))"
    rf"\s*({_NUM})\s*(?:({_SCALE_WORDS})\b)?"
)
_SCALE_FACTORS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "dozen": 12}
_FRACTIONS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"}


def _numeral(digits: str, scale: str | None) -> float | None:
    num = float(digits.replace(",", ""))
    if scale:
        num *= _SCALE_FACTORS.get(scale, _SCALES.get(scale, 1))
    return num if math.isfinite(num) else None


_HALF = re.compile(r"^(?:half (?:a|an)|(?P<whole>[a-z]+|\d+) and a half|an? (?P<thing>[a-z]+) and a half)(?: (?P<scale>[a-z]+))?")


def _with_half(t: str) -> float | None:
    """Halves written in words: "half a mile" (0.5), "half a million" (500,000), "two and a half million" (2.5m),
    "a mile and a half" (1.5), "3 and a half" (3.5)."""
    m = _HALF.match(t)
    if m is None:
        return None
    if m.group("thing"):  # "a mile and a half", "a million and a half"
        return 1.5 * _SCALES.get(m.group("thing"), 1)
    whole = m.group("whole")
    base = 0.5 if whole is None else float(whole) + 0.5 if whole.isdigit() else WORD_VALUES.get(whole, 0) + 0.5
    if whole is not None and base == 0.5:
        return None  # "something and a half"
    scale = m.group("scale")
    if whole is None and scale is not None and scale not in _SCALES:  # "half a mile": the unit, not a scale
        return 0.5
    return base * _SCALES.get(scale or "", 1)


def parse_number(text: str) -> tuple[float, float] | None:
    """The value (or vague range) of a number phrase without hedge: "3,000", "1.8 million", "$1.5tn", "a thousand",
    "several hundred", "tens of thousands", "twenty-five", "11,000", "40-50", "between 2,000 and 3,000", "from 500,000
    to 1.6 million". None when it is not a number, or a share rather than a count ("a third", "three-quarters")."""
    t = text.strip().lower().replace("\u2009", " ").replace("\xa0", " ")
    t = re.sub(r"^(?:the|a total of|total of)\s+", "", t)
    t = t.replace("$", "").replace("€", "").replace("£", "")
    t = re.sub(r"^an?\s+[a-z-]+\s+(?=\d)", "", t)  # "a whopping 300", "a record 1.2 million": the figure
    for phrase, rng in sorted(_VAGUE.items(), key=lambda kv: -len(kv[0])):
        if t == phrase or t.startswith(phrase + " "):
            rest = re.sub(r"^of\s+", "", t[len(phrase) :].strip()).split()  # "a couple of dozen"
            k = _SCALES.get(rest[0], 12 if rest[0] == "dozen" else 0) if rest else 0
            if phrase == "several" and k:
                return 2 * k, 9 * k + (k - 1)
            if phrase in {"a few", "a handful", "a couple"} and k:
                return rng[0] * k, rng[1] * k
            return rng
    half = _with_half(t)
    if half is not None:
        return half, half
    r = _RANGE.match(re.sub(r"^from\s+(?=\d)", "", t))
    if r:  # "40-50", "1.5 million to 2 million", "between 2,000 and 3,000", "2 to 3 million"
        first, first_scale = (r.group(1), r.group(2)) if r.group(1) else (r.group(3), r.group(4))
        high = _numeral(r.group(5), r.group(6))
        low = _numeral(first, first_scale or r.group(6))
        if low is not None and high is not None and low > high and not first_scale and _in_full(first):
            low = _numeral(first, None)  # "500,000 to 1.6 million": the low end is written in full
        if low is not None and high is not None and low <= high:
            return low, high
    m = _NUMERAL.match(t)
    if m:
        num = _numeral(m.group(1), m.group(2))
        return None if num is None else (num, num)
    spelled = _spelled_range(t)
    if spelled is not None:
        return spelled
    words = re.findall(r"[a-z]+", t.replace("-", " "))
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for k, w in enumerate(words):
        if w == "and":
            continue
        if w in _FRACTIONS or (w in {"a", "an"} and words[k + 1 : k + 2] and words[k + 1] in _FRACTIONS):
            return None  # "a third", "three-quarters", "one and a half million": a share, not a count
        if w == "dozen" and seen:
            current *= 12  # "two dozen", "three dozen"
        elif w in WORD_VALUES:
            if w in {"a", "an"} and seen:
                break
            # "a four-year term": the article of the phrase, not one plus four
            current = WORD_VALUES[w] if k == 1 and words[0] in {"a", "an"} else current + WORD_VALUES[w]
            seen = True
        elif w in _SCALES and seen:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total += current
                current = 0
        else:
            break
    if seen and words[0] in {"a", "an"} and current == 1 and total == 0 and re.search(r"\d", t):
        return None  # the article before a number in figures it did not reach, not a count of one
    if not seen:
        try:
            from text_to_num import text2num

            v = float(text2num(t, "en"))
            return v, v
        except (ValueError, ImportError):
            return None
    v = total + current
    return v, v


_WORD_RANGE = re.compile(r"(between\s+)?([a-z0-9, -]+)")
_RANGE_JOINT = re.compile(r"\s+(?:to|or)\s+")
_BETWEEN_JOINT = re.compile(r"\s+and\s+")
_RANGE_SCALES = {**_SCALES, "dozen": 12}


def _spelled_range(t: str) -> tuple[float, float] | None:
    """A range written with a word: "two to three", "six or seven", "five to 10", "between two and three", "twenty to
    thirty thousand", "four to five hundred thousand" and "a hundred to two hundred thousand" (the scale words that end
    the second bound, larger than any of the first's, are the first's too), "between two hundred and fifty and three
    hundred" (split at the last "and" that leaves two numbers). None unless both bounds are single numbers, the first
    the lower."""
    m = _WORD_RANGE.fullmatch(t)
    if m is None:
        return None
    joints = list((_BETWEEN_JOINT if m.group(1) else _RANGE_JOINT).finditer(m.group(2)))
    for j in reversed(joints):
        first, second = m.group(2)[: j.start()], m.group(2)[j.end() :]
        words = second.split()
        k = len(words)
        while k > 0 and words[k - 1] in _RANGE_SCALES:
            k -= 1
        own = max((_RANGE_SCALES[w] for w in first.split() if w in _RANGE_SCALES), default=1)
        carried = [w for w in words[k:] if _RANGE_SCALES[w] > own]  # "a hundred to two hundred thousand"
        first = " ".join([first, *carried])
        low, high = parse_number(first), parse_number(second)
        if low is not None and high is not None and low[0] == low[1] and high[0] == high[1] and low[0] < high[0]:
            return low[0], high[0]
    return None


def hedge_interval(hedge: str | None, low: float, high: float) -> Amount:
    kind = HEDGES.get(hedge.lower(), "approx") if hedge else "exact"
    value = low if low == high else None
    if kind == "exact":
        return Amount(low, high, hedge="exact", value=value)
    if kind == "above":  # of a vague amount, above its lowest reading: "over several hundred" is more than 200
        return Amount(low, None, low_open=True, hedge=hedge or "", value=value)
    if kind == "at_least":
        return Amount(low, None, hedge=hedge or "", value=value)
    if kind == "below_near":
        return Amount(low * 0.85, high, high_open=True, hedge=hedge or "", value=value)
    if kind == "at_most":
        return Amount(0.0, high, hedge=hedge or "", value=value)
    if kind == "high_estimate":  # "as many as 80 were wounded" reports a figure near 80, at its highest: not 50
        return Amount(low * HIGH_ESTIMATE_LOW, high, hedge=hedge or "", value=value)
    if kind == "below":
        return Amount(0.0, high, high_open=True, hedge=hedge or "", value=value)
    return Amount(low * 0.9, high * 1.1, hedge=hedge or "", value=value)  # approx


def _in_full(digits: str) -> bool:
    """A numeral written out to its units ("500,000", "2500"), which takes no scale from a number after it (unlike
    the 1.5 of "1.5 to 2 million")."""
    return "," in digits or float(digits) >= 1000


def parse_amount(text: str) -> Amount | None:
    hedge, rest = split_hedge(text)
    rng = parse_number(rest)
    if rng is None:
        return None
    return hedge_interval(hedge, rng[0], rng[1])


def intervals_overlap(a: Amount, b: Amount) -> bool:
    """True when some value satisfies both amounts (open ends respected)."""
    lo_a = -math.inf if a.low is None else a.low
    hi_a = math.inf if a.high is None else a.high
    lo_b = -math.inf if b.low is None else b.low
    hi_b = math.inf if b.high is None else b.high
    lo, lo_open = (lo_a, a.low_open) if lo_a > lo_b else (lo_b, b.low_open) if lo_b > lo_a else (lo_a, a.low_open or b.low_open)
    hi, hi_open = (hi_a, a.high_open) if hi_a < hi_b else (hi_b, b.high_open) if hi_b < hi_a else (hi_a, a.high_open or b.high_open)
    if lo < hi:
        return True
    return lo == hi and not lo_open and not hi_open
