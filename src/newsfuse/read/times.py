"""Time expressions resolved against the article's publication date (its reference date).

:func:`resolve` is pure: an expression, the reference date and the last day-precise date the text mentioned give an
ISO date (or month, or year) with its precision, or None when the text does not fix one. Nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dateutil.easter import easter

from ..model import Article, Span
from .base import Context
from .numbers import HEDGES, VAGUE_START, parse_amount, parse_number, split_hedge
from .speakers import SPEECH_VERBS

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DECADE_AFTER = re.compile(r"['’]?s\b")  # what follows a decade's first year: "the 1930's", "the 1960s"
_WD = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# hedges a time counted back may carry ("about two weeks ago", "nearly three months ago")
# ("more than two months ago", "less than a week ago" bound the time on one side only: they stay unresolved)
_HEDGE = r"(?:about|around|roughly|some|nearly|almost|approximately)"


# verbs that lend their day to the deed named by their object: "paid a visit on Thursday", "used her first visit, on
# Thursday, to ...", "held talks on Friday", "made a statement on Monday"
_SUPPORT_VERBS = frozenset({"use", "make", "pay", "hold", "have", "give", "deliver", "conduct", "stage"})
# verbs whose day is the day of the document or decision they carry: "issued a detention order", "obtained a
# possession order", "was granted an injunction", "the order was served"
_ISSUING_VERBS = frozenset({"issue", "serve", "obtain", "secure", "grant", "win", "receive", "award"})


def _supported_deed(verb: Any) -> Any:
    """The token naming what a dated verb's day is the day of: the verb itself, or the noun a support verb carries
    ("paid a visit" -> visit); None without a verb."""
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in _SUPPORT_VERBS | _ISSUING_VERBS:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is None and lemma in _ISSUING_VERBS:  # "the detention order was served on Sunday"
            obj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and not c.ent_type_), None)
        if obj is not None and (lemma in _SUPPORT_VERBS or obj.lemma_.lower() in _DOCUMENTS):
            return obj
    return verb


# what an issuing verb's day is the day of: "issued a detention order on Sunday" dates the order ("ordered the ship to
# stay on Monday" dates it too); not "won the match", "received a call", "served a six-month sentence"
_DOCUMENTS = frozenset(
    {"order", "warrant", "injunction", "licence", "license", "permit", "notice", "summons", "subpoena", "ruling", "verdict",
     "judgment", "judgement", "decree", "ban", "fine", "penalty", "contract", "approval", "permission", "visa",
     "award", "grant", "patent", "indictment", "writ", "directive", "ultimatum", "exemption", "waiver", "pardon", "bail"}
)  # fmt: skip


def _told_also(verb: Any, root: Any) -> list[str]:
    """Other words for the deed a dated verb tells, which another outlet may date it by: the noun a participle
    describes ("its offer, tabled on Friday": the offer, as in "made its final offer last Thursday"), and a participle
    after the date that says what the deed did ("slapped a ban on the stand on Monday, suspending its certificate")."""
    out = []
    reduced = not any(c.dep_ in _CLAUSE_PARTS for c in verb.children)  # not "a statement that he was fired Friday"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN" and reduced:
        out.append(verb.head.lemma_.lower())
    out += [
        c.lemma_.lower()
        for c in verb.children
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > root.i and c.lemma_.lower() not in SPEECH_VERBS  # not "…, claiming"
    ]
    # the gathering it happened at: "apologised at a news conference on Monday" / "broke his silence at a briefing"
    out += [
        o.lemma_.lower()
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "at"
        for o in c.children
        if o.dep_ == "pobj" and o.lemma_.lower() in _GATHERINGS
    ]
    if verb.lemma_.lower() in SPEECH_VERBS:
        # what was reported: "had reported fresh cracks in the road on Sunday" dates the cracks, as "reported cracking
        # in the road on Monday" does (a gerund the day hangs on)
        out += [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return out


_GATHERINGS = frozenset({"conference", "briefing", "meeting", "hearing", "summit", "rally", "ceremony", "session", "vigil", "funeral"})
_CLAUSE_PARTS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl"})


@dataclass(frozen=True, slots=True)
class When:
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, week, month, year
    day: date | None = None  # first day of the period


def _day(d: date) -> When:
    return When(d.isoformat(), "day", d)


def _week(d: date) -> When:
    monday = d - timedelta(days=d.weekday())
    return When(monday.isoformat(), "week", monday)


def _month(y: int, m: int) -> When:
    return When(f"{y:04d}-{m:02d}", "month", date(y, m, 1))


def _year(y: int) -> When:
    return When(f"{y:04d}", "year", date(y, 1, 1))


FUTURE_WEIGHT = 2  # a date ahead of the reference counts this many times its distance when choosing its year


def _month_day(
    base: date, month: int, day: int, year: int | None, weekday: int | None, future: bool = False, past: bool = False
) -> When | None:
    def ok(y: int) -> date | None:
        try:
            return date(y, month, day)
        except ValueError:
            return None

    return _yearly(base, ok, year, weekday, future, past)


def _yearly(
    base: date, day_in: Callable[[int], date | None], year: int | None, weekday: int | None, future: bool, past: bool
) -> When | None:
    """The day a yearly date (``day_in(year)``: a month and day, a holiday) falls on: in ``year`` when stated, else the
    one the reference date means (see :func:`_resolve`)."""
    if year is not None:
        d = day_in(year)
        return _day(d) if d else None
    cands = [d for y in (base.year - 1, base.year, base.year + 1) if (d := day_in(y))]
    if weekday is not None:
        # the weekday tells the year apart near a year's turn; one that fits only a year away is a slip of the writer's
        matching = [d for d in cands if d.weekday() == weekday and abs((d - base).days) <= 183]
        if matching:
            return _day(min(matching, key=lambda d: abs((d - base).days)))
    if future:  # "will travel to Britain on July 13": the next such day
        coming = [d for d in cands if d >= base]
        if coming:
            return _day(min(coming))
    if past:  # "signed it on June 1": the latest such day up to the reference (a day's slack for time zones)
        before = [d for d in cands if d <= base + timedelta(days=1)]
        if before:
            return _day(max(before))
    # the nearest such day, and news reports the past: a day ahead counts twice its distance ("until June 1" on 30
    # April is this June 1, "July 13" on 26 April this July, "December 17" on 5 January last December)
    return _day(min(cands, key=lambda d: (d - base).days * FUTURE_WEIGHT if d > base else (base - d).days)) if cands else None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 Monday) of a month; ``n`` = -1 the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date | None]:
    return lambda y: date(y, month, day)


# holidays by name (lower case, no apostrophes, without the word "day"): the day each falls on in a year. US holidays
# are the ones the US press names without a country; "Independence Day" and "Election Day" are left out (every country
# has its own), and so is Canada's Thanksgiving
HOLIDAYS: dict[str, Callable[[int], date | None]] = {
    "new years": _fixed(1, 1),
    "new years eve": _fixed(12, 31),
    "christmas": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "boxing": _fixed(12, 26),
    "valentines": _fixed(2, 14),
    "st. patricks": _fixed(3, 17),
    "st patricks": _fixed(3, 17),
    "saint patricks": _fixed(3, 17),
    "halloween": _fixed(10, 31),
    "veterans": _fixed(11, 11),
    "fourth of july": _fixed(7, 4),
    "july fourth": _fixed(7, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),
    "labor": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial": lambda y: _nth_weekday(y, 5, 0, -1),
    "mothers": lambda y: _nth_weekday(y, 5, 6, 2),
    "fathers": lambda y: _nth_weekday(y, 6, 6, 3),
    "martin luther king": lambda y: _nth_weekday(y, 1, 0, 3),
    "martin luther king jr.": lambda y: _nth_weekday(y, 1, 0, 3),
    "mlk": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents": lambda y: _nth_weekday(y, 2, 0, 3),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "good friday": lambda y: easter(y) - timedelta(days=2),
}
# names that are a holiday only with "Day" after them ("Labor Day", not "labor"; "Christmas" alone is one)
_NEEDS_DAY = frozenset(
    {
        "boxing",
        "valentines",
        "st. patricks",
        "st patricks",
        "saint patricks",
        "veterans",
        "labor",
        "memorial",
        "mothers",
        "fathers",
        "martin luther king",
        "martin luther king jr.",
        "mlk",
        "presidents",
    }
)
_HOLIDAY_NAMES = "|".join(sorted((re.escape(k) for k in HOLIDAYS), key=len, reverse=True))
_HOLIDAY = re.compile(
    rf"(?:the )?(?P<name>{_HOLIDAY_NAMES})(?P<day> day)?(?: (?:morning|afternoon|evening|night))?"
    r"(?P<weekend>(?: holiday)? weekend)?(?:,? (?P<year>\d{4}))?"
)


def _holiday(t: str) -> re.Match[str] | None:
    """The match of a holiday's name (lower case, apostrophes dropped) written as a date, or None."""
    m = _HOLIDAY.fullmatch(t)
    return m if m is not None and (m.group("day") or m.group("name") not in _NEEDS_DAY) else None


# things named after a holiday that are not on its day: "a Christmas tree", "the Labor Day sale", "holiday shopping"
_HOLIDAY_THINGS = frozenset(
    {
        "tree",
        "sale",
        "shopping",
        "shopper",
        "light",
        "decoration",
        "card",
        "gift",
        "present",
        "market",
        "season",
        "holiday",
        "break",
        "rush",
        "travel",
        "spirit",
        "music",
        "song",
        "carol",
        "album",
        "ornament",
        "bonus",
        "stocking",
        "film",
        "movie",
        "candy",
        "costume",
        "egg",
        "bunny",
        "recess",
        "vacation",
        "week",
    }
)


def _weekend_of(d: date) -> date:
    """The Saturday of the long weekend a holiday falls in: before a Monday holiday, after a Thursday or Friday one."""
    if d.weekday() in {3, 4, 5}:
        return d + timedelta(days=5 - d.weekday())
    return d - timedelta(days=(d.weekday() - 5) % 7)


def is_holiday(expr: str) -> bool:
    """A holiday's name, which dates what happened on it ("New Year's Day 2014", which spaCy tags an event)."""
    return _holiday(" ".join(expr.lower().replace("’", "").replace("'", "").split())) is not None


def resolve(
    expr: str, base: date | None, previous: date | None = None, future: bool = False, past: bool = False, nearest: bool = False
) -> When | None:
    """Resolve a time expression (see :func:`_resolve`); a date the calendar cannot hold (a weekday before year 1, from
    a publication date of "0001-01-01") stays unresolved."""
    try:
        return _resolve(expr, base, previous, future, past, nearest)
    except (ValueError, OverflowError):
        return None


_YEAR_AHEAD = r"(?=(?:last|this|next)\s+year\b|\d{4}\b)"
_MONTH_OF = re.compile(rf"\b({_MON})\s+of\s+{_YEAR_AHEAD}")
_PART_OF_YEAR = re.compile(
    r"^(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle|close|turn|summer|spring|fall|autumn|winter"
    rf"|(?:first|second|latter)\s+half)\s+of\s+{_YEAR_AHEAD}"
)


def _resolve(
    expr: str, base: date | None, previous: date | None = None, future: bool = False, past: bool = False, nearest: bool = False
) -> When | None:
    """Resolve a time expression. ``base`` is the reference date; ``previous`` the last day the text resolved;
    ``future``: the expression dates something still to come ("will vote on Thursday", "will visit on July 13"), so a
    bare weekday, day or month is the next such one (on the reference day itself, that day), not the last one;
    ``past``: it dates something done ("signed it on June 1"), so a day or month without a year is the latest one.
    Neither: the nearest one, a day ahead counting twice its distance; a bare weekday is the last one, or with
    ``nearest`` (the day of an infinitive: "asked the leaders to return on Friday") the nearest one either way."""
    t = " ".join(expr.lower().replace("’", "'").split())
    t = re.sub(r"^(?:on|in|at|by|since|from|until|during|early|late|on the|of)\s+", "", t)
    # "January of last year", "March of 2017": the month of that year; "the end of last year", "the summer of 2016":
    # a part of that year, no finer than the year
    t = _MONTH_OF.sub(lambda m: m.group(1) + " ", t)
    t = _PART_OF_YEAR.sub("", t)
    # explicit ISO
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        try:
            return _day(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            return None
    numeric = _numeric_date(t, base)
    if numeric is not None:
        return numeric
    m = _holiday(t.replace("'", ""))
    if m:  # "New Year's Day 2014", "on Thanksgiving", "Christmas Day morning", "the Labor Day weekend"
        year = int(m.group("year")) if m.group("year") else None
        if base is None and year is None:
            return None
        w = _yearly(base or date(1, 1, 1), HOLIDAYS[m.group("name")], year, None, future, past)
        return _week(_weekend_of(w.day)) if w is not None and w.day is not None and m.group("weekend") else w
    wd_match = re.search(r"\b" + _WD + r"\b", t)
    weekday = WEEKDAYS.index(wd_match.group(1)) if wd_match else None
    # month + day (+ year), with or without a weekday: "Monday (December 23)", "Dec. 17", "17 December 2024"
    m = re.search(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4}))?", t) or None
    if m:
        month = _month_number(m.group(1))
        return (
            _month_day(base or date(1, 1, 1), month, int(m.group(2)), int(m.group(3)) if m.group(3) else None, weekday, future, past)
            if (base or m.group(3))
            else None
        )
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?:,?\s*(\d{4}))?", t)
    if m:
        month = MONTHS[m.group(2)[:3]]
        return (
            _month_day(base or date(1, 1, 1), month, int(m.group(1)), int(m.group(3)) if m.group(3) else None, weekday, future, past)
            if (base or m.group(3))
            else None
        )
    # month (+ year)
    m = re.fullmatch(r"(?:early |mid-?|late |the end of |the start of )?" + _MON + r"(?:,?\s*(\d{4}))?", t)
    if m:
        month = MONTHS[m.group(1)[:3]]
        if m.group(2):
            return _month(int(m.group(2)), month)
        if base is None:
            return None
        if future:  # "will visit in July"
            return _month(base.year if month >= base.month else base.year + 1, month)
        ahead, back = (month - base.month) % 12, (base.month - month) % 12
        forward = ahead > 0 and ahead * FUTURE_WEIGHT < back and not past
        y = base.year + (month < base.month) if forward else base.year - (month > base.month)
        return _month(y, month)
    # "last December", "this past June": the latest such month before the reference month; "this June": this year's
    m = re.fullmatch(r"(last|this past|this) " + _MON, t)
    if m and base is not None:
        month = MONTHS[m.group(2)[:3]]
        if m.group(1) == "this":
            return _month(base.year, month)
        return _month(base.year - (month >= base.month), month)
    # a month of a year told relatively: "April last year", "in March this year"
    m = re.fullmatch(r"(?:early |mid-?|late )?" + _MON + r",? (last|this|next) year", t)
    if m and base is not None:
        return _month(base.year + {"last": -1, "this": 0, "next": 1}[m.group(2)], MONTHS[m.group(1)[:3]])
    m = re.fullmatch(r"(?:the )?(?:year )?(\d{4})", t)
    if m and 1800 <= int(m.group(1)) <= 2200:
        return _year(int(m.group(1)))
    if base is None:
        return None
    if weekday is not None and re.fullmatch(
        r"(?:last |this past |this |next |this coming )?" + _WD + r"(?:'s)?(?: (?:morning|afternoon|evening|night))?", t
    ):
        if t.startswith("next") or t.startswith("this coming"):
            delta = (weekday - base.weekday()) % 7 or 7
            return _day(base + timedelta(days=delta))
        if future and not t.startswith(("last", "this past")):
            return _day(base + timedelta(days=(weekday - base.weekday()) % 7))
        delta = (base.weekday() - weekday) % 7
        if nearest and not t.startswith(("last", "this past")) and (weekday - base.weekday()) % 7 < delta:
            return _day(base + timedelta(days=(weekday - base.weekday()) % 7))
        if t.startswith(("last", "this past")) and delta == 0:
            delta = 7  # "this past Wednesday", written on a Wednesday: a week ago
        return _day(base - timedelta(days=delta))
    simple = {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "last night": -1,
        "yesterday morning": -1,
        "yesterday afternoon": -1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    if t in simple:
        return _day(base + timedelta(days=simple[t]))
    if t in {"the previous day", "the day before", "a day earlier", "the previous night", "the night before"}:
        return _day(previous - timedelta(days=1)) if previous else None
    if t in {"the next day", "the following day", "a day later", "the day after"}:
        return _day(previous + timedelta(days=1)) if previous else None
    # "last week" is the calendar week before; "the past week", "the last month" are spans ending now ("for the past
    # month"): they date nothing
    if re.fullmatch(r"last week|the previous week|a week ago", t):
        return _week(base - timedelta(days=7))
    if t in {"this week", "earlier this week", "later this week"}:
        return _week(base)
    if t in {"next week", "the coming week"}:
        return _week(base + timedelta(days=7))
    if t in {"last weekend", "this past weekend", "over the weekend"}:  # the last weekend before the day of writing
        return _week(base - timedelta(days=(base.weekday() - 5) % 7 or 7))  # its Saturday's week
    if t in {"next weekend", "this weekend"} and base.weekday() < 5:  # written on a weekday: the weekend to come
        return _week(base + timedelta(days=5 - base.weekday()))
    if re.fullmatch(r"last month|the previous month|a month ago", t):
        prev = base.replace(day=1) - timedelta(days=1)
        return _month(prev.year, prev.month)
    if t in {"this month", "earlier this month", "later this month", "the end of the month", "the end of this month"}:
        return _month(base.year, base.month)
    if t in {"next month", "the coming month"}:
        nxt = base.replace(day=28) + timedelta(days=4)
        return _month(nxt.year, nxt.month)
    if t in {"last year", "the previous year", "a year ago"}:
        return _year(base.year - 1)
    if t in {"this year", "earlier this year"}:
        return _year(base.year)
    m = re.fullmatch(r"(" + _HEDGE + r" )?(\w+) (day|week|month|year)s? ago", t)
    if m:
        n = parse_number(m.group(2))
        if n is not None and n[0] == n[1]:
            unit, k = m.group(3), int(n[0])
            if m.group(1) and unit == "day":  # "about ten days ago": that week, no finer
                unit, k = "week", round(n[0] / 7)
            return _ago(base, k, unit)  # "3,000 years ago": outside the calendar, None (see resolve)
    return None


_NUMERIC = re.compile(r"(?:[a-z]+,? )?(\d{1,4})([/.])(\d{1,2})\2(\d{2}|\d{4})")


def _numeric_date(t: str, base: date | None) -> When | None:
    """A date written in figures, with its year: "1/5/17" and "01/05/2017" (month first, as American outlets write
    them), "5.1.2017" (day first, as European ones do), either order when only one can be a date ("23/12/2024"),
    "2017/01/05". Without a year ("9/11") nothing is fixed."""
    m = _NUMERIC.fullmatch(t)
    if m is None:
        return None
    a, b, c = m.group(1), int(m.group(3)), m.group(4)
    if m.group(2) == "." and len(a) <= 2 and b <= 12:
        a, b = str(b), int(a)  # day first
    if len(a) == 4:  # year first
        if len(c) != 2:
            return None
        y, month, day = int(a), b, int(c)
    elif len(a) <= 2:
        first = int(a)
        month, day = (first, b) if first <= 12 else (b, first)
        y = int(c)
        if len(c) == 2:  # "17": the century that puts the year nearest the reference date, never in its future
            if base is None:
                return None
            ref = base.year
            y += (ref // 100) * 100
            if y > ref + 1:
                y -= 100
    else:
        return None
    try:
        return _day(date(y, month, day))
    except ValueError:
        return None


def _ago(base: date, k: int, unit: str) -> When:
    if unit == "day":
        return _day(base - timedelta(days=k))
    if unit == "week":
        return _week(base - timedelta(days=7 * k))
    if unit == "month":
        y, mo = divmod(base.year * 12 + base.month - 1 - k, 12)
        return _month(y, mo + 1)
    return _year(base.year - k)


_NAME_HEADS = {
    "attack",
    "attacks",
    "anniversary",
    "holiday",
    "memorial",
    "commission",
    "law",
    "act",
    "movement",
    "accords",
    "agreement",
    "bill",
    "generation",
    "victims",
    "families",
    "bombing",
    "bombings",
    "massacre",
    "riots",
    "riot",
    "parade",
    "celebrations",
    "hijackers",
    "hijacker",
    "plotters",
    "mastermind",
    "survivors",
    "widow",
    "widows",
    "responders",
    "rioters",
    "insurrection",
    "committee",
}


def is_date_name(ent: Any) -> bool:
    """A date used as part of a name ("the Sept. 11 attacks", "9/11 families", "the July 4 holiday") without a year:
    it names an event and must not be resolved against the publication date (with a year it is an ordinary date)."""
    if re.search(r"\b\d{4}\b", ent.text):
        return False
    root = ent.root
    if root.dep_ in {"compound", "nmod", "amod"} and root.head.lower_ in _NAME_HEADS:
        return True
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and nxt.lower_ in _NAME_HEADS and nxt.pos_ == "NOUN"


_MERGE_GAP = re.compile(r"^\s*[,(]\s*$")
_CALENDAR_DAY = re.compile(rf"\b{_MON}\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}|\b\d{{1,2}}[/.-]\d{{1,2}}\b", re.I)


_FUTURE_AUX = {"will", "'ll", "shall", "would", "’ll"}
# a day the words before it look ahead to ("ahead of Thursday's debate", "in advance of Friday's vote and Saturday's
# poll"): the next such day, unless the verb it hangs on is past ("resigned ahead of Thursday's vote" may be either)
_LOOKS_AHEAD = re.compile(r"\b(?:ahead of|in advance of|in the run-up to|leading up to)\s+(?:the\s+)?(?:[^.;:!?]{0,80}?\band\s+)?$", re.I)
_NEXT = frozenset({"next", "upcoming", "forthcoming"})


def _next_one(root: Any) -> bool:
    """The date (its head token ``root``) is the day of the next one of something: "until the club's next home game on
    22 March", "for the next hearing on Friday". Not a noun the next something merely goes with ("becoming the next
    Doctor suspended on Friday")."""
    if root.dep_ != "pobj" or root.head.lower_ not in {"on", "for"}:
        return False
    noun = root.head.head
    return noun.pos_ == "NOUN" and any(c.lower_ in _NEXT and c.dep_ == "amod" for c in noun.children)


_PREPARED_FOR = re.compile(r"\bprepar(?:e|es|ed|ing)\s+(?:for|to)\b[^.;:!?]{0,60}?\b(?:on|for)\s+$", re.I)
_PLANNED = {"expect", "schedule", "plan", "due", "set", "slate", "poise"}
# nouns of a prospect: what follows "of" after them is still to come ("a one-in-three chance of losing the House in
# November", "the risk of defaulting in August", "hopes of winning on Tuesday")
_PROSPECTS = frozenset({"chance", "odds", "risk", "prospect", "possibility", "likelihood", "threat", "danger", "hope"})


def _date_verb(root: Any) -> Any:
    """The verb the date whose head token is ``root`` modifies, or None."""
    tok = root.head
    while tok.pos_ not in {"VERB", "AUX"}:
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok


# nouns of deeds that carry their own time ("the bombing on Tuesday"), besides those in -ing
EVENT_NOUNS = frozenset(
    {
        "attack",
        "raid",
        "strike",
        "blast",
        "explosion",
        "crash",
        "collapse",
        "fire",
        "arrest",
        "vote",
        "election",
        "meeting",
        "summit",
        "announcement",
        "release",
        "killing",
        "death",
        "murder",
        "assault",
        "protest",
        "riot",
        "quake",
        "earthquake",
        "storm",
        "flood",
    }
)


def _of_event_noun(root: Any) -> bool:
    """The date (its head token ``root``) hangs on a noun of a deed, itself in a prepositional phrase: "(retaliate) for
    the bombing on Tuesday". Not a deed the verb does ("will hold a vote on Thursday": the vote is still to come)."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "NOUN" or prep.head.dep_ != "pobj":
        return False
    noun = prep.head
    return bool(noun.lower_.endswith("ing") and len(noun.text) > 5) or noun.lemma_.lower() in EVENT_NOUNS


def _future(verb: Any) -> bool:
    """The date's verb (:func:`_date_verb`) is of something still to come: "will vote on Thursday", "would meet on
    Friday" (reported plans), "is expected to begin ..., followed by the House on Thursday", "a chance of losing the
    House in November" (a prospect's "of"). From the verb the date modifies, up through infinitive and participle
    complements only: in "after voting to override Wednesday", the vote is past whatever the main clause says."""
    if verb is None:
        return False
    tok = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children) or tok.lemma_.lower() in _PLANNED:
            return True
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _PROSPECTS:
            return True
        non_finite = tok.dep_ == "xcomp" or (
            tok.dep_ == "advcl" and tok.tag_ in {"VB", "VBG", "VBN"} and not any(c.dep_.startswith("nsubj") for c in tok.children)
        )
        if not non_finite or tok.head.i == tok.i:
            return False  # a clause of its own ("after the council voted"): its own tense decides
        tok = tok.head
    return False


# verbs that ask someone to do a thing: what is asked comes after the asking ("asked the leaders to return")
_ASKING = frozenset({"ask", "urge", "invite", "call", "tell", "order", "instruct", "request", "summon", "direct", "press"})


def _infinitive_of_a_plan(verb: Any) -> bool:
    """The date's verb is an infinitive asked of someone ("asked the leaders to return on Friday") or under a verb
    in the present ("is in line to be elected on Thursday", "plans to announce results on Friday") or on a noun ("a
    program to air Tuesday"). Not one under a deed or decision told in the past, whose day the parser may hang on the
    infinitive ("voted to close the pier on Thursday", "decided to fire him on Thursday"), nor one of purpose ("went to
    the store to buy milk on Friday")."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) or verb.head.i == verb.i:
        return False
    governor = verb.head
    if governor.tag_ in {"VBZ", "VBP"} or (verb.dep_ == "acl" and governor.pos_ in {"NOUN", "PROPN"}):
        return True  # or one that describes a thing: "a program to air Tuesday morning"
    asked = any(c.dep_ in {"dobj", "dative"} for c in governor.children)  # someone is asked: "asked the leaders to"
    return verb.dep_ in {"xcomp", "ccomp"} and governor.lemma_.lower() in _ASKING and asked


def _scheduled(verb: Any) -> bool:
    """The date's verb is a present-tense "be" of the main clause: "The vote is on Friday", "The hearings are
    Tuesday": a time set, which may be just before or just after the day of writing: the nearest such day."""
    return verb.lemma_.lower() == "be" and verb.tag_ in {"VBZ", "VBP"} and verb.dep_ == "ROOT"


_OPEN_ENDED = {"until", "till", "through", "by", "before"}  # "postponed until June 1": the date is where it ends


def _past(root: Any, verb: Any) -> bool:
    """The date (its head token ``root``) hangs on a verb in the past ("signed it on June 1", "has met him in July"),
    not on a preposition that looks ahead from it ("postponed until June 1")."""
    if verb is None or (root.dep_ == "pobj" and root.head.lower_ in _OPEN_ENDED):
        return False
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in {"NOUN", "PROPN"}:
        return False  # "Ernst, a candidate in the primary on June 3, announced ...": the noun's date, not the verb's
    for _ in range(3):  # "split off in July after voting in a January referendum": the tense of the finite verb
        # (a gerund only: "decided to hold elections in June" plans June, the decision's tense says nothing)
        if verb.tag_ != "VBG" or verb.dep_ not in {"pcomp", "advcl"} or verb.head.i == verb.i:
            break
        verb = verb.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    deps = {c.dep_ for c in verb.children}
    # "has met him in July", and the passive "were killed in February"; a participle with a subject of its own and no
    # auxiliary is a simple past the tagger took for a participle ("after Lohan rear-ended a truck on June 8")
    return any((c.dep_ == "aux" and c.lemma_.lower() == "have") or (c.dep_ == "auxpass" and c.tag_ == "VBD") for c in verb.children) or (
        "nsubj" in deps and not deps & {"aux", "auxpass"}
    )


_SUBORDINATORS = {"after", "before", "when", "while", "since", "until", "as", "once", "because"}


def _subordinate(verb: Any) -> bool:
    """The date's verb heads a clause that dates something else than the sentence's claim: "Schiff told the Post
    after the summary was released Sunday", "the letter, which was sent on Monday, ..."."""
    if verb is None:
        return False
    tok = verb
    if tok.dep_ in {"relcl", "acl"}:
        return True
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in tok.children)


_ATTRIBUTIVE_DEPS = {"compound", "nummod", "amod", "nmod"}


# nouns of a telling: a day set on one dates the saying ("in an interview Tuesday", "in a statement Friday")
TELLINGS = frozenset({"interview", "statement", "speech", "remark", "address", "conference", "briefing", "tweet", "post", "letter"})
_INTERVIEW = "interview"  # the telling a speaker gives: what is told in it is told in its tense


def _length_of(span: Any) -> str | None:
    """The deed a length of time measures when a noun of it follows: "four days of deliberations" -> "deliberate"
    (the noun's stem, so that it is one deed with "deliberated for three days"), "three years of talks" -> "talk"."""
    if span is None or not len(span):
        return None
    last = span[-1]
    doc = last.doc
    if last.i + 2 >= len(doc) or doc[last.i + 1].lower_ != "of" or doc[last.i + 2].pos_ != "NOUN":
        return None
    noun = doc[last.i + 2]
    lemma = noun.lemma_.lower()
    for suffix, verb_end in (("ation", "ate"), ("ssion", "ss"), ("ction", "ct"), ("ion", "e")):
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 3:
            return lemma[: -len(suffix)] + verb_end
    return lemma


_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century", "season"})  # "planned it for two years"
_SCHEDULING = frozenset({"set", "schedule", "reschedule", "slate", "fix", "book", "plan", "move", "push", "bring"})


def _noun_dated(root: Any) -> Any:
    """The noun a date (its head token ``root``) is set before to describe: "the Thanksgiving address", "Friday's
    vote", "the Tuesday meeting", or right after it: "in an interview Tuesday". It dates that noun's event, not the
    verb above it ("had to apologize Saturday for a post critical of Obama's Thanksgiving address" dates the apology
    to Saturday only; "admitted there is a chance they will lose in an interview Tuesday" dates the interview). None
    for any other date."""
    head = root.head
    if root.dep_ in {"compound", "nmod", "poss"} and head.i != root.i and root.i < head.i and head.pos_ in {"NOUN", "PROPN"}:
        return head if head.ent_type_ not in {"DATE", "TIME"} else None
    if root.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _SCHEDULING and root.lemma_.lower() not in _TIME_UNITS:
        # "set sentencing for June 18", "The hearing is scheduled for Friday": the day of the thing set, not of setting
        return next((c for c in head.head.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN"), None)
    if root.dep_ == "npadvmod" and head.i == root.i - 1 and head.pos_ == "NOUN" and head.ent_type_ not in {"DATE", "TIME"}:
        return head  # right after it: "in an interview Tuesday", "at a news conference Monday"
    return None


def _saying_before(root: Any, verb: Any) -> Any:
    """The verb of saying a date stands right after, before what is said, which the parse hung on the verb of what
    was said instead: "Hale said on Wednesday he would appeal" dates the saying (the appeal has no day), as "said he
    would appeal on Wednesday" dates the appeal. Else ``verb``."""
    if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return verb
    teller = verb.head
    att = root.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root  # "on" of "on Wednesday"
    opening = [c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "mark", "expl"}]
    between = root.doc.text[teller.idx + len(teller.text) : att.idx]  # only space: not 'said: "On Monday we will ...'
    if att.head.i == verb.i and teller.i < att.i and opening and att.i < min(opening) and not between.strip():
        return teller
    return verb


def _telling_before(root: Any, verb: Any) -> Any:
    """A telling right before the date, which the parse hung on the verb instead ("said ... in a statement Friday"):
    the day of that telling. Not when the verb is still to come and not itself told in an interview ("will present
    the plan at a conference Thursday": the conference is the deed's, told by someone else)."""
    before = root.doc[root.i - 1] if root.i > 0 else None
    if root.dep_ != "npadvmod" or before is None or not _set_in_telling(before):
        return None
    return before if before.lemma_.lower() == _INTERVIEW or not _future(verb) else None


def _set_in_telling(noun: Any) -> bool:
    """``noun`` is a telling something is said or done in: "in an interview", "at a news conference", "during his
    speech"; not one a deed is about ("apologized for his remarks Monday" dates the apology)."""
    return bool(
        noun.pos_ == "NOUN" and noun.lemma_.lower() in TELLINGS and noun.dep_ == "pobj" and noun.head.lower_ in {"in", "at", "during"}
    )


def _told_in(noun: Any, verb: Any) -> bool:
    """The date's noun is an interview the verb's deed is told in ("admitted the party will lose ... in an interview
    Tuesday"), which only a telling can be; not an interview the verb tells in ("will speak in an interview Tuesday"),
    nor another telling, which may be the deed's own ("will present the plan at a conference Thursday", "will publish
    its findings in a statement Friday")."""
    return (
        noun is not None
        and verb is not None
        and noun.lemma_.lower() == _INTERVIEW
        and _set_in_telling(noun)
        and verb.lemma_.lower() not in SPEECH_VERBS
    )


def _teller(verb: Any) -> Any:
    """The verb whose content clause holds ``verb`` ("admitted" in "admitted there is a chance they will lose"), up
    through the clause's own links (a relative or noun clause on the way: "a chance that they will lose"), or None
    when ``verb`` is in no content clause."""
    tok = verb
    for _ in range(6):
        if tok is None or tok.head.i == tok.i:
            return None
        if tok.dep_ == "ccomp":
            return tok.head
        tok = tok.head
    return None


# a bare weekday, perhaps early or in the morning: "early Saturday", "early on Saturday", "Saturday morning"
_WEEKDAY_EXPR = re.compile(rf"(?P<early>early\s+(?:on\s+)?)?{_WD}(?P<morning>\s+morning)?", re.I)
_LOCAL_TIME = re.compile(r"\blocal time\b|\(local\)", re.I)


def _ahead_in_local_time(expr: str, sentence: str, day: date, reference: date) -> bool:
    """A weekday told as past that is the day after publication in the clock of where it happened: "announced early
    Saturday", "Saturday morning" or "reported Saturday (local time)" in a report dated Friday in a time zone behind
    (a week back is what "last Saturday" would say). Resolved as past, such a day lands six days before the report."""
    m = _WEEKDAY_EXPR.fullmatch(expr.strip())
    return (
        (reference - day).days == 6
        and m is not None
        and (m.group("early") is not None or m.group("morning") is not None or _LOCAL_TIME.search(sentence) is not None)
    )


def _attributive(expr: str, root: Any) -> bool:
    """A bare year (its head token ``root``) that describes a thing, not when the sentence's event happened: "the 2016
    election", "his 2017 memoir", "ahead of the 2020 race". A day does date the event of its noun ("the Tuesday
    meeting", "Friday's vote"), and so does a year with a month ("a January 2017 report")."""
    head = root.head
    return (
        re.fullmatch(r"\d{4}", expr.strip()) is not None
        and root.dep_ in _ATTRIBUTIVE_DEPS
        and head.i != root.i
        and head.pos_ in {"NOUN", "PROPN"}
        and root.i < head.i
        and head.ent_type_ not in {"DATE", "TIME"}
    )


# a length of time: "nine minutes", "about 10 minutes later", "four and a half months", "more than four years", "a
# four year spell", "the past three years"; its size in days, so that "136 days" and "four and a half months" agree
DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25, "decade": 3652.5}
_UNITS = "|".join(DAYS)
_DURATION = re.compile(
    r"(?P<lead>(?:for|over|in|during|within|after)\s+)?(?P<window>the\s+(?:past|last|previous)\s+)?(?P<n>.+?)[\s-]+"
    rf"(?P<unit>{_UNITS})s?(?:\s+(?P<rel>ago|earlier|later|before|after|old))?",
    re.I,
)
_RELATION_AFTER = re.compile(r"\s*-?(?P<rel>ago|earlier|later|before|after|old|of age)\b", re.I)
_AGE_IN = re.compile(r"-year-old|\byears? old\b", re.I)
_RATE_AFTER = re.compile(r"\s*(?:a|an|per|each|every)\s+(?:second|minute|hour|day|night|week|month|year|time)\b", re.I)
_ADDED = re.compile(r"\b(?:additional|extra|further|another)\b|\bmore\b(?!\s+than)", re.I)  # "two more years"
_ADDED_BEFORE = re.compile(r"\b(?:another|an? additional|additional|an extra|extra|a further|further)\s*$", re.I)
_OPEN_COUNT = re.compile(r"\bor (?:more|less|fewer)\b|\bplus\b|[/½¼¾⅓⅔]", re.I)  # "10 or more", "1 1/2", "2½"
_UNIT_WORD = re.compile(rf"\b(?:{_UNITS})s?\b", re.I)
_WINDOW_BEFORE = re.compile(r"\b(?:over|in|during|within)\s*$", re.I)  # "rose 30 percent over the past three years"
_HEDGE_BEFORE = re.compile(r"(?:^|\s)(" + "|".join(sorted(map(re.escape, HEDGES), key=len, reverse=True)) + r")\s*$", re.I)


def duration(expr: str, after: str = "", before: str = "") -> dict[str, object] | None:
    """The length of time an expression gives: its bounds in days (hedge kept: "almost eight minutes", also when it
    stands just before the expression: "served over 10 years"), the unit as written, and how it is told: "ago"
    (counted back from the day of writing: a date), "apart" (between two events: "10 minutes later", "three days
    after"), "window" (the span a change is measured over: "rose 30 percent over the past three years") or "length"
    ("served five months"). ``after`` and ``before`` are the text around the expression. None for no length of time,
    an age ("31 years old"), a rate ("24 hours a day"), time added to other time ("two more years", "an additional
    two years"), an open count ("10 or more years"), a fraction the reading does not take ("1 1/2 years"), or one given
    only by an article ("a week")."""
    m = _DURATION.fullmatch(" ".join(expr.split()))
    if m is None or _AGE_IN.search(expr) or _RATE_AFTER.match(after) or _OPEN_COUNT.search(expr):
        return None
    n = m.group("n")
    if n.lower() in {"a", "an", "the", "one"} or not re.search(r"\d|[a-z]", n, re.I) or _UNIT_WORD.search(n):
        return None
    if _ADDED.search(n) or _ADDED_BEFORE.search(before):
        return None
    bare = split_hedge(n)[0] is None and not m.group("lead") and not m.group("window")
    hedge_before = _HEDGE_BEFORE.search(before) if bare else None
    amount = parse_amount(f"{hedge_before.group(1)} {n}" if hedge_before else n)
    if amount is None or amount.low is None or VAGUE_START.match(split_hedge(n)[1]):
        return None  # "a few minutes", "several years": no figure to set against another
    rel = m.group("rel")
    if rel is None:
        following = _RELATION_AFTER.match(after)
        rel = following.group("rel") if following else None
    if rel is not None and rel.lower() in {"old", "of age"}:
        return None
    unit = m.group("unit").lower()
    f = DAYS[unit]
    window = m.group("window") is not None and (
        (m.group("lead") or "").strip().lower() in {"over", "in", "during", "within"} or _WINDOW_BEFORE.search(before) is not None
    )
    relation = "ago" if rel and rel.lower() == "ago" else "apart" if rel else "window" if window else "length"
    return {
        "days_low": amount.low * f,
        "days_high": None if amount.high is None else amount.high * f,
        "unit": unit,
        "low_open": amount.low_open,
        "high_open": amount.high_open,
        "hedge": amount.hedge,
        "relation": relation,
    }


# "that year", "later that same year", "July 22 that year": the year is the last one the text wrote out
_THAT_YEAR = re.compile(r"\b(?:(?:later|earlier|early|late)\s+(?:in\s+)?)?(?:that|the same|that same)\s+year\b", re.I)
_WRITTEN_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# the words before a day that point back at a thing of that day: "that same March 3 hearing", "their May 9 dinner"
_BACK_REFERENCE = re.compile(r"\b(?:the|that|this|same|their|his|her|its)\s+$", re.I)
THAT_YEAR_REACH = 600  # characters back a written year may be the one "that year" refers to


_RANGE_GAP = re.compile(r"\s*(?:and|to|through|until|till|-|–)\s*", re.I)
_BARE_MONTH = re.compile(
    r"(?:(?:early|mid-?|late)\s*)?" + _MON + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON, re.I
)
_YEAR_AT_END = re.compile(r"\b(\d{4})\s*$")


def _with_range_year(expr: str, text: str, end: int, following: list[tuple[int, int]]) -> str:
    """The first end of a range (``expr``, ending at ``end``) takes the year written at its other end: "between
    February and December 2017" is February 2017; a month later in the year than the other end's is of the year
    before ("from November to March 2018")."""
    if not following or not _BARE_MONTH.fullmatch(expr.strip()):
        return expr
    s, e = following[0]
    other = text[s:e]
    year = _YEAR_AT_END.search(other)
    if year is None or not _RANGE_GAP.fullmatch(text[end:s]):
        return expr
    y = int(year.group(1))
    mine, theirs = re.search(_MON, expr, re.I), re.search(_MON, other, re.I)
    if mine is not None and theirs is not None and _month_number(mine.group(1)) > _month_number(theirs.group(1)):
        y -= 1
    return f"{expr.strip()} {y}"


_DAY_RANGE = re.compile(
    r"^(?:from\s+|between\s+)?(?P<first>.*?\d.*?)\s*(?:\bto\b|\bthrough\b|\buntil\b|\btill\b|\band\b|-|–)\s*(?P<last>[^-–]*\d[^-–]*)$", re.I
)
RANGE_DAYS = 366  # the longest span of days read as one range ("from October 16 to November 14")


def range_end(expr: str, start: date, base: date | None) -> date | None:
    """The last day of a range of days whose first day is ``start``: "October 16 to November 14", "March 31-April 4",
    "June 3 through June 9", "Oct. 16-18" (the month of the first day). None for a single day or a range that does not
    end after its start within a year."""
    m = _DAY_RANGE.match(expr.strip())
    if m is None:
        return None
    last = m.group("last").strip()
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", last):
        last = f"{start.strftime('%B')} {last} {start.year}"
    elif not re.search(r"\d{4}", last):
        last = f"{last} {start.year}"
    w = resolve(last, base, start)
    if w is None or w.precision != "day" or w.day is None:
        return None
    end = w.day
    if end.month < start.month and end.year == start.year:
        end = date(end.year + 1, end.month, min(end.day, 28) if end.month == 2 else end.day)  # "December 28 to January 3"
    return end if start < end and (end - start).days <= RANGE_DAYS else None


def _month_number(name: str) -> int:
    """The number of a month however written: "Sept", "September", "sep" are 9."""
    return MONTHS[name.lower()[:3]]


# a month and day with or without a year, written out: "April 8, 2012", "Dec. 17", "17 December 2024"
_WRITTEN_DAY = re.compile(
    rf"\b(?:{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+\d{{4}})?)(?![\w-])",
    re.I,
)


def _with_calendar_days(doc: Any, text: str, ents: list[Any]) -> list[Any]:
    """``ents`` with the written calendar days (:data:`_WRITTEN_DAY`) no entity holds whole: each such day replaces
    the entities it overlaps ("2012" of "April 8, 2012"). In text order."""
    covered = [(e.start_char, e.end_char) for e in ents]
    added: list[Any] = []
    for m in _WRITTEN_DAY.finditer(text):
        a, b = m.span()
        month = next(w for w in m.group().split() if w[:1].isalpha() and w.lower() != "of")
        if not month[:1].isupper():
            continue  # "he may 3 times", "march 4 miles": a verb, not a month
        if any(s <= a and b <= e for s, e in covered):
            continue
        span = doc.char_span(a, b, label="DATE", alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        ents = [e for e in ents if e.end_char <= a or e.start_char >= b]
        added.append(span)
    return sorted([*ents, *added], key=lambda e: e.start_char) if added else ents


def _with_weekdays(doc: Any, ents: list[Any]) -> list[Any]:
    """``ents`` with a weekday the model left out of the part of the day after it ("as late as Monday night" tags
    only "night") joined to it."""
    covered = {t.i for e in ents for t in e}
    out = []
    for e in ents:
        prev = doc[e.start - 1] if e.start > 0 else None
        if prev is not None and prev.i not in covered and prev.text[:1].isupper() and prev.lower_ in WEEKDAYS:
            joined = doc.char_span(prev.idx, e.end_char, label=e.label_)
            if joined is not None:
                out.append(joined)
                continue
        out.append(e)
    return out


_QUOTE_MARKS = frozenset("'\"‘’“”")


def _detached_end(text: str, start: int, end: int) -> int:
    """The end of a date the model ran on into a quote mark that opens what follows ("four years ago 'to give her
    kids a better life'"): the mark and the space before it are no part of the date."""
    while end - start > 2 and text[end - 1] in _QUOTE_MARKS and text[end - 2].isspace():
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return end


class Times:
    name = "times"
    version = 41
    requires = ("sentences",)
    assigns = ("times",)

    def __call__(self, article: Article, ctx: Context) -> dict[str, list[Span]]:
        doc = ctx.doc
        text = article.text
        tag = f"{self.name}@{self.version}"
        # a holiday may be tagged an event or a place ("Easter Sunday" as FAC); a calendar day the model left out or
        # cut ("on Easter Sunday, April 8, 2012" gives only "2012") is added from its words
        ents = _with_calendar_days(doc, text, [e for e in doc.ents if e.label_ in {"DATE", "TIME"} or is_holiday(e.text)])
        ents = _with_weekdays(doc, ents)
        spans: list[tuple[int, int]] = []
        names: set[tuple[int, int]] = set()
        for e in ents:
            s, t_end = e.start_char, _detached_end(text, e.start_char, e.end_char)
            if is_date_name(e):
                names.add((s, t_end))
            if spans and _MERGE_GAP.match(text[spans[-1][1] : s]):
                prev = text[spans[-1][0] : spans[-1][1]].lower()
                # "Monday (December 23)", "Friday, Dec. 27": the weekday and its calendar day; not "Friday, three
                # days after the vote" or "Tuesday, the day after": those are two expressions
                if (re.fullmatch(_WD, prev.strip()) or is_holiday(prev)) and _CALENDAR_DAY.search(text[s:t_end]):
                    close = t_end
                    if text[t_end : t_end + 1] == ")" and "(" in text[spans[-1][1] : s]:
                        close = t_end + 1
                    spans[-1] = (spans[-1][0], close)
                    continue
            spans.append((s, t_end))
        out: list[Span] = []
        previous: date | None = None
        written_year: tuple[int, int] | None = None  # (where, year) of the last year written out
        day_years: dict[tuple[int, int], int] = {}  # (month, day) -> the year the article wrote with that day
        last_sent = -1
        for k, (s, e) in enumerate(spans):
            expr = text[s:e]
            sent = article.sentence_of(s)
            sent_start = sent.start if sent else -1
            if sent_start != last_sent and previous is not None and sent_start - last_sent > 400:
                previous = None
            last_sent = sent_start
            span = doc.char_span(s, e, alignment_mode="expand")
            root = span.root if span is not None else None
            verb = _saying_before(root, _date_verb(root)) if root is not None else None
            # what the date is the day of: the noun it describes ("Obama's Thanksgiving address", "Friday's vote"), else
            # the verb it hangs on
            noun = _noun_dated(root) if root is not None else None
            if noun is None and root is not None:
                noun = _telling_before(root, verb)
            # "admitted there is a chance they will lose ... in an interview Tuesday": the parse may hang a telling on
            # the verb of what was told; its day is the day of the telling, in the tense of the verb that tells
            tense = (_teller(verb) if _told_in(noun, verb) else None) or verb
            # "would not retaliate for the bombing of Guffa on Tuesday": the day of a deed told as a noun is not in
            # the tense of the verb above it
            future = _future(tense) and not (root is not None and _of_event_noun(root))
            told_past = root is not None and _past(root, tense)
            if not future and not told_past and _LOOKS_AHEAD.search(text, max(sent_start, s - 120), s):
                future = True  # "she is campaigning ahead of Thursday's debate and Saturday's straw poll": still to come
            if not future and root is not None and _next_one(root):
                # "the stand will stay closed until the club's next home game on 22 March", though the sentence opens
                # with what the council did: the next one of something is still to come
                future, told_past = True, False
            past = not future and told_past
            # the day of an infinitive ("asked the leaders to return on Friday", "in line to be elected on Thursday")
            # comes after what governs it, which may be today: the nearest such day, not the last one
            nearest = verb is not None and not future and not past and (_infinitive_of_a_plan(verb) or _scheduled(verb))
            if not future and _PREPARED_FOR.search(text, max(sent_start, s - 80), s):
                # "groups prepared for a march on Saturday": the day of what is prepared for comes after the
                # preparing, which may be before or after the day of writing: the nearest such day
                past, nearest = False, True
            decade = _DECADE_AFTER.match(text, e) is not None and expr.rstrip()[-1:] == "0"  # "the 1930's": ten years, not one
            said = _with_range_year(expr, text, e, spans[k + 1 : k + 2])
            if _THAT_YEAR.search(said) and written_year is not None and s - written_year[0] <= THAT_YEAR_REACH:
                said = _THAT_YEAR.sub(str(written_year[1]), said)  # "July 22 that year" after "in 2016": July 22, 2016
            if (year := _WRITTEN_YEAR.search(expr)) is not None and (s, e) not in names:
                written_year = (e, int(year.group(1)))
            modifier = False
            last = span[-1] if span is not None and len(span) else None
            if last is not None and last.dep_ in {"compound", "nmod", "amod"} and last.head.i > last.i and is_holiday(expr):
                if last.head.lower_ == "weekend":
                    said += " weekend"  # "over the Labor Day weekend" (the entity stops before "weekend")
                elif last.head.lemma_.lower() in _HOLIDAY_THINGS:
                    modifier = True  # "a Christmas tree", "the Labor Day sale": it dates nothing (a "Christmas special"
                    # or a "Thanksgiving dinner" does: it happens on the day)
            w = (
                None
                if (s, e) in names or decade or modifier
                else resolve(said, ctx.reference, previous, future=future, past=past, nearest=nearest)
            )
            if w is not None and w.precision == "day" and w.day is not None:
                md = (w.day.month, w.day.day)
                if _WRITTEN_YEAR.search(expr) is not None:
                    day_years[md] = w.day.year  # the latest wins: "signed on Feb. 8, 2017 ... renewed on Feb. 8, 2019"
                elif (
                    md in day_years
                    and day_years[md] != w.day.year
                    and not re.search(_WD, expr, re.I)
                    and _BACK_REFERENCE.search(text, max(0, s - 12), s)
                ):
                    # "a March 3, 2015, hearing ... at that same March 3 hearing", "their May 9 dinner": a thing of
                    # the day the article dated before; not "The trial begins March 3" after "born on March 3, 2015"
                    w = _day(date(day_years[md], *md))
            sentence = text[sent.start : sent.end] if sent else text[max(0, s - 200) : e + 200]
            if (
                w is not None
                and w.day is not None
                and ctx.reference is not None
                and _ahead_in_local_time(expr, sentence, w.day, ctx.reference)
            ):
                w = _day(w.day + timedelta(days=7))
            attrs: dict[str, object] = {"expr": expr, "basis": ctx.reference_basis if ctx.reference else "none"}
            deed = noun if noun is not None else _supported_deed(verb)
            attrs["verb"] = deed.lemma_.lower() if deed is not None else None
            if noun is None and verb is not None and root is not None and (also := _told_also(verb, root)):
                attrs["also"] = also
            attrs["future"] = future
            if (s, e) in names:
                attrs["name"] = True  # "the Sept. 11 attacks": a date that names an event, not a time of this story
            if _subordinate(tense):
                attrs["subordinate"] = True
            if root is not None and _attributive(expr, root):
                attrs["attributive"] = True  # "the 2016 election": a date of a thing, not of this sentence's event
            length = duration(expr, text[e : e + 12], text[max(0, s - 25) : s])
            if length is not None:
                attrs["duration"] = length
                if (deed := _length_of(span)) is not None:
                    attrs["verb"] = deed  # "after four days of deliberations": the length of the deliberating
            if w is None:
                attrs.update({"value": None, "precision": None})
            else:
                attrs.update({"value": w.value, "precision": w.precision})
                if w.precision == "day" and w.day is not None:
                    previous = w.day
                    last_day = range_end(expr, w.day, ctx.reference)
                    if last_day is not None:
                        attrs["end"] = last_day.isoformat()
            out.append(Span(s, e, "time", tag, attrs))
        return {"times": out}
