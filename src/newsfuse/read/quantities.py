"""Quantities: spaCy's CARDINAL/QUANTITY/MONEY/PERCENT spans (and counts its entity model left untagged) plus hedges,
intervals, what is counted and the period."""

from __future__ import annotations

import re
from typing import Any

from ..model import Article, Span
from .base import Context, doc_text
from .numbers import HEDGES, NUMBER_WORDS, parse_amount

NUMERIC = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
_NUMBER_NOUNS = {"hundreds", "thousands", "millions", "billions", "dozens", "tens", "scores", "dozen", "hundred", "thousand", "million"}
_STATE_DEPS = {"nsubj", "nsubjpass"}


class Quantities:
    name = "quantities"
    version = 61
    requires = ("sentences",)
    assigns = ("quantities",)

    def __call__(self, article: Article, ctx: Context) -> dict[str, list[Span]]:
        doc = ctx.doc
        tag = f"{self.name}@{self.version}"
        out: list[Span] = []
        # a number the model took for a date but that counts ("injuring 80") bounds no other count
        date_ents = [e for e in doc.ents if e.label_ in {"DATE", "TIME"} and not _count_taken_for_a_date(e)]
        for ent in sorted([*doc.ents, *_untagged_counts(doc)], key=lambda e: e.start):
            label = "CARDINAL" if _count_taken_for_a_date(ent) else ent.label_
            if label not in NUMERIC:
                continue
            toks = _after_clock(list(ent))
            if not toks:
                continue
            if _RANK.search(doc_text(doc)[max(0, ent.start_char - 8) : ent.start_char]):
                continue  # "the No. 2 position", "No 10": a rank or a name, not a count
            # a hedge spaCy left outside the entity ("nearly" before it)
            start_i = toks[0].i
            for n in (3, 2, 1):
                if start_i - n >= 0:
                    phrase = doc[start_i - n : start_i].text.lower()
                    if phrase in HEDGES:
                        toks = list(doc[start_i - n : start_i]) + toks
                        break
            scale = _scale_after(toks[-1], label)
            if scale is not None:
                toks.append(scale)
            if doc[toks[-1].i + 1 : toks[-1].i + 4].text.lower() == "and a half":
                toks += list(doc[toks[-1].i + 1 : toks[-1].i + 4])  # "a mile and a half"
            text = doc[toks[0].i : toks[-1].i + 1].text
            amount = parse_amount(_QUOTE_MARKS.sub("", text))  # "$5.6” billion": a quotation closed inside the sum
            if amount is None or _CLOCK.match(doc_text(doc), toks[-1].idx + len(toks[-1].text)):
                continue  # no number, or a time of day ("about 8 p.m.")
            head = _counted_head(ent)
            if head is None and (of := _number_of(_estimated(ent.root))) is not None:
                head = of  # "put the number of homes destroyed at 43": homes, destroyed
            if head is not None and head.i < toks[0].i and toks[0].i > ent.start and head.i >= ent.start:
                head = None  # in the time of day cut off before the quantity ("2:09 a. m.")
            if scale is not None and (head is None or head.i == scale.i):
                # "$5m", "5m people": the scale is part of the number; what is counted is the noun it modifies, if any
                h = scale.head
                head = h if scale.dep_ in {"nummod", "compound", "amod"} and h.i > scale.i and h.pos_ in {"NOUN", "PROPN"} else None
            counted: str | None
            state: str | None
            if head is not None:
                counted, state, state_lemmas = _counted(head)
            else:
                said: tuple[str | None, str | None, list[str]] | None = (
                    _implicit_people(ent.root) or _children_of(ent.root) or _changed_to(ent.root)
                )
                if said is None and label == "CARDINAL" and not {".", "/"} & set(text) and (head := _whole_of(ent.root)) is not None:
                    said = _counted(head)
                counted, state, state_lemmas = said or (None, *_bare_state(ent.root))
            if _population(ent.root, head, state):
                counted, state, state_lemmas = counted or "people", "population", ["population"]
            root = ent.root
            if (
                head is not None
                and (
                    (head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i == root.i)
                    or any(c.lower_ == "of" and any(o.lower_ in _STAND_INS for o in c.children) for c in root.children)
                )
                and root.dep_ in {"dobj", "nsubj", "nsubjpass"}
                and root.head.pos_ in {"VERB", "AUX"}
            ):
                # a part of a whole ("saved 38 of the 47 miners caught underground"): what befell the part is its own
                # verb's, not a clause on the whole's noun ("11 of whom were taken to hospital")
                state, state_lemmas = _verb_state(root.head, head)
            if (condition := _in_condition(root)) is not None:  # "four of them in critical condition": no verb
                state, state_lemmas = doc[condition[0].i : condition[1].head.i + 1].text, [condition[1].lower_]
            whole = head is not None and root.head.i == head.i and root.i != head.i and _partitive_whole(head)
            if whole and not any(c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB" for c in head.children):
                # "six of its eight carriages derailed": the six did, not the eight; but "one of 37 homes destroyed":
                # the participle on the whole's noun is what befell the whole
                state, state_lemmas = None, []
            period = _period(ent, date_ents, head)
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text.rstrip(".") if scale is not None else toks[-1].text)
            nxt = doc[toks[-1].i + 1 : toks[-1].i + 3]
            # "two more debates", "300 additional troops": what is added, not the total ("more than" is a hedge)
            increment = len(nxt) > 0 and nxt[0].lower_ in INCREMENT and not (len(nxt) > 1 and nxt[1].lower_ == "than")
            before = doc[max(0, toks[0].i - 2) : toks[0].i].text.lower()
            # "another four people died", "a further 20,000 joined": added to a count given before
            increment = increment or re.search(r"(?:^|\s)(?:another|a further|an additional|an extra)$", before) is not None
            if increment and _after_other_harm(out, ent, state_lemmas):
                increment = False  # "14 died and 63 more were injured": more people, not more injured
            unit = _unit_in(text) or ("inch" if _inches(doc, s, e) else None)
            if unit is not None:  # "a 170,000-square-foot building": a measure in that unit, not a count of buildings
                counted, state, state_lemmas = unit, None, []
            length = _length(toks, label)
            digits = [t for t in toks if t.like_num]
            area = _area(doc_text(doc), digits[-1].idx + len(digits[-1].text), label) if digits else {}
            if area:  # "more than 4,000 acres": a measure, not a count of acres
                length, counted, state, state_lemmas = area, None, None, []
            out.append(
                Span(
                    s,
                    e,
                    label,
                    tag,
                    {
                        **length,
                        **_bounds(amount),
                        "counted": counted,
                        "counted_span": (head.idx, head.idx + len(head.text)) if head is not None else None,
                        "state": state,
                        "state_lemmas": state_lemmas,
                        "period": period,
                        "scope": _scope(ent.root),
                        "increment": increment,
                        **({"whole": True} if whole else {}),
                    },
                )
            )
        out = _stand_ins_resolved(out, doc_text(doc))
        speeds = _speeds(doc, tag)
        out = [q for q in out if not any(q.start < v.end and v.start < q.end for v in speeds)] + speeds
        out += _none_harmed(doc_text(doc), tag, out)
        return {"quantities": sorted(out, key=lambda q: (q.start, q.end))}


_QUOTE_MARKS = re.compile(r"[\"“”]")
_CLOCK_TIME = re.compile(r"\d{1,2}(?::\d\d)?$")
_MERIDIEM = re.compile(r"(?:[ap]\.?m\.?|o'clock)$", re.I)


def _after_clock(toks: list[Any]) -> list[Any]:
    """The tokens of a quantity after a time of day the model ran into it ("at 2:09 a. m. about 14 miles north"):
    the time is no part of the distance."""
    if not toks or not _CLOCK_TIME.match(toks[0].text):
        return toks
    for k, t in enumerate(toks[1:4], start=1):
        if _MERIDIEM.match(t.text) or (t.text.lower() in {"m", "m."} and toks[k - 1].text.lower() in {"a.", "p."}):
            return toks[k + 1 :]
        if t.text.lower() not in {"a.", "p.", "a", "p"}:
            break
    return toks


_YEARISH = re.compile(r"1[5-9]\d\d|20\d\d")
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})*|\d+|[A-Za-z]+")  # "six", "40", "1,500"; not "02:15" nor "1.5"


def _number_word_as_adjective(t: Any) -> bool:
    """A number word modifying a noun that the tagger read as an adjective: in capitals (a tabloid's "SIXTEEN
    people"), or opening a sentence ("Eleven people were injured", tagged JJ or NNP)."""
    return bool(t.lower_ in NUMBER_WORDS and t.dep_ in {"amod", "nummod"} and (t.is_upper or t.is_title))


def _subject_number(t: Any) -> bool:
    """A number word alone as the subject of a verb, which the tagger took for a noun ("Eleven were taken to the
    infirmary" opening a sentence): a count of people, read by :func:`_implicit_people`. Not "one" (a pronoun as
    often as a number)."""
    return (
        t.lower_ in NUMBER_WORDS
        and t.lower_ != "one"
        and t.tag_ in {"NNS", "NN", "CD"}
        and t.dep_ in {"nsubj", "nsubjpass"}
        and not t.ent_type_
        and not any(c.dep_ in {"prep", "det", "amod", "compound"} for c in t.children)
        and t.head.pos_ in {"VERB", "AUX"}
    )


def _untagged_counts(doc: Any) -> list[Any]:
    """Numbers the entity model left untagged that the parser reads as counting a plural noun in the same line ("an
    additional six engines"): CARDINAL spans of their own, so they are read like the tagged ones. Not a piece of a
    number or range the model did tag or split ("250 000", "six to seven"), a year or a time of day, nor a span of
    time ("two decades ago"). A number word in capitals, which the tagger takes for an adjective, counts too."""
    from spacy.tokens import Span as DocSpan

    out = []
    for t in doc:
        head = t.head
        if _subject_number(t):
            out.append(DocSpan(doc, t.i, t.i + 1, label="CARDINAL"))
            continue
        if not (
            ((t.tag_ == "CD" and t.dep_ == "nummod") or _number_word_as_adjective(t))
            and not t.ent_type_
            and head.tag_ == "NNS"
            and head.i > t.i
        ):
            continue
        if not _PLAIN_NUMBER.fullmatch(t.text) or _YEARISH.fullmatch(t.text) or head.lemma_.lower() in _TIME_NOUNS:
            continue
        if any(x.like_num or x.ent_type_ for x in doc[max(0, t.i - 2) : t.i]) or any(x.like_num for x in doc[t.i + 1 : head.i]):
            continue  # part of a longer number or a range
        if "\n" in doc_text(doc)[t.idx : head.idx] or t.sent != head.sent:
            continue  # a dateline's number and the first noun of the next line
        out.append(DocSpan(doc, t.i, t.i + 1, label="CARDINAL"))
    return out + _untagged_shares(doc)


def _untagged_shares(doc: Any) -> list[Any]:
    """Shares the model left untagged ("Turnout was just under 52 percent", "a little under 52 per cent"): a plain
    number before "percent" or "per cent", read as a PERCENT like a tagged one."""
    from spacy.tokens import Span as DocSpan

    out = []
    for t in doc:
        if t.ent_type_ or t.tag_ != "CD" or not _PLAIN_NUMBER.fullmatch(t.text) or t.i + 1 >= len(doc):
            continue
        nxt = doc[t.i + 1]
        if nxt.lower_ == "percent" and not nxt.ent_type_:
            out.append(DocSpan(doc, t.i, t.i + 2, label="PERCENT"))
        elif nxt.lower_ == "per" and t.i + 2 < len(doc) and doc[t.i + 2].lower_ == "cent" and not doc[t.i + 2].ent_type_:
            out.append(DocSpan(doc, t.i, t.i + 3, label="PERCENT"))
    return out


_UNIT_IN = re.compile(
    r"\d[\d,.]*\s*-\s*((?:square|cubic)-)?(foot|feet|inch|yard|mile|metre|meter|kilometre|kilometer|km|acre|hectare|"
    r"ton|tonne|pound|kilogram|kg|litre|liter|gallon|storey|story|hour|minute|day|week|month|year)s?\b",
    re.I,
)


_INCH_MARK = re.compile(r"[\"″](?=\s+[a-z])")  # '15" models', '13″ screen': inches written with a mark


def _inches(doc: Any, start: int, end: int) -> bool:
    """The number [start, end) is followed by an inch mark ('15" models'; '13″ screen', the prime kept in the
    number's token), not by the quotation mark closing a quote it stands in ('needed "just 3" wins'): no quotation
    is open before it in its sentence."""
    text = doc_text(doc)
    if text[start:end].endswith("″"):
        return True
    if not (text[end - 1 : end].isdigit() and _INCH_MARK.match(text, end)):
        return False
    sent = doc.char_span(start, end, alignment_mode="expand")
    opened = text[sent.sent.start_char : start] if sent is not None else ""
    return opened.count('"') % 2 == 0 and opened.count("“") <= opened.count("”")


def _unit_in(text: str) -> str | None:
    """The unit written into a number with a hyphen ("170,000-square-foot", "15,800-square-metre", "30-year"), if any."""
    m = _UNIT_IN.search(text)
    return None if m is None else (m.group(1) or "") + m.group(2).lower()


# lengths in metres, by the unit's spelling: "150 meters", "200ft", "about 200m", "2 km"
METRES = {
    "m": 1.0, "metre": 1.0, "meter": 1.0, "metres": 1.0, "meters": 1.0,
    "km": 1000.0, "kilometre": 1000.0, "kilometer": 1000.0, "kilometres": 1000.0, "kilometers": 1000.0,
    "ft": 0.3048, "foot": 0.3048, "feet": 0.3048,
    "yard": 0.9144, "yards": 0.9144, "yd": 0.9144,
    "mile": 1609.344, "miles": 1609.344, "mi": 1609.344,
}  # fmt: skip


def _length(toks: list[Any], label: str) -> dict[str, Any]:
    """A length: the unit at the end of the number or right after it, its size in metres, and the verb it measures
    ("falling 150 meters" -> fall; "fell about 200ft" -> fall). Empty when the number is no length. "m" written apart
    from a number ("5 m people") is only a length when no noun follows it."""
    last = toks[-1]
    doc = last.doc
    unit = next((t for t in reversed(toks) if t.lower_.rstrip(".") in METRES), None)  # "150 meters", "a mile and a half"
    if unit is None and last.i + 1 < len(doc) and doc[last.i + 1].lower_.rstrip(".") in METRES:
        unit = doc[last.i + 1]
    if unit is None or label in {"MONEY", "PERCENT"} or (unit.i > last.i and last.whitespace_ and unit.lower_ == "m"):
        return {}
    if any(t.lower_ in {"square", "cubic", "sq"} for t in doc[max(0, unit.i - 2) : unit.i]):
        return {}  # an area or a volume
    after = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
    if unit.lower_ == "m" and after is not None and after.pos_ in {"NOUN", "PROPN"}:
        return {}  # "5m people": millions
    verb = _verb_of(unit.head if unit.head.i != unit.i else unit)  # "200m" may be tagged a verb itself
    key = unit.lower_.rstrip(".")
    anchor = unit
    while anchor.dep_ in {"appos", "npadvmod", "conj"} and anchor.head.lower_.rstrip(".") in METRES and anchor.head.i != anchor.i:
        anchor = anchor.head  # "10 kilometers (six miles)": the conversion measures what the first length does
    prep = anchor.head
    # "at a depth of 10 km": what the length is of
    dimension = prep.head.lemma_.lower() if prep.lower_ == "of" and prep.head.pos_ == "NOUN" else None
    place = _FROM_PLACE.match(doc_text(doc), unit.idx + len(unit.text))
    if place is not None:  # "900 kilometers (560 miles) north of Port Alder": a distance from a named place
        measures: str | None = "from " + " ".join(place.group(1).lower().split())
    else:
        measures = verb.lemma_.lower() if verb is not None else None
    return {
        "unit": key,
        "metres": METRES[key],
        "measures": measures,
        "dimension": dimension,
        "subject": _subject_of(verb),
    }


# areas in hectares, by the unit's spelling: "more than 4,000 acres", "1,600 hectares", "12 square miles"
HECTARES = {"acre": 0.40468564224, "hectare": 1.0, "ha": 1.0, "square mile": 258.9988110336, "square kilometre": 100.0, "square kilometer": 100.0, "sq km": 100.0, "km2": 100.0}  # fmt: skip
_AREA = re.compile(r"\s*(acres?|hectares?|ha|square\s+(?:mile|kilomet(?:re|er))s?|sq\.?\s*km|km2)\b", re.I)


def _area(text: str, end: int, label: str) -> dict[str, Any]:
    """An area: the unit right after the number ending at ``end`` (or at the end of the number's own words), its size
    in hectares. Empty when the number is no area."""
    if label in {"MONEY", "PERCENT"}:
        return {}
    m = _AREA.match(text, end)
    if m is None:
        return {}
    spelt = " ".join(m.group(1).lower().replace(".", "").split())
    key = "sq km" if spelt.replace(" ", "") == "sqkm" else spelt.rstrip("s") if spelt not in {"ha"} else spelt
    return {"unit": key, "hectares": HECTARES[key]} if key in HECTARES else {}


# speeds in km/h, by the unit's spelling: "30km/h", "less than 25 km/h", "90 mph", "about 12 knots"
KMH = {"km/h": 1.0, "kmh": 1.0, "kph": 1.0, "kilometre": 1.0, "kilometer": 1.0, "mph": 1.609344, "mile": 1.609344, "knot": 1.852, "m/s": 3.6, "metre": 3.6, "meter": 3.6}  # fmt: skip
_HEDGE_WORDS = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_SPEED = re.compile(
    r"(?:\b(" + _HEDGE_WORDS + r")\s+)?(?<![\w.,])(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*"
    r"(km/h|kmh|kph|mph|knots?|m/s|(?:kilomet(?:re|er)|mile)s?\s+(?:per|an|a)\s+hour|met(?:re|er)s?\s+(?:per|a)\s+second)\b",
    re.I,
)


def _bounds(amount: Any) -> dict[str, Any]:
    """A quantity's interval, hedge and stated number, as its span records them."""
    return {
        "low": amount.low,
        "high": amount.high,
        "low_open": amount.low_open,
        "high_open": amount.high_open,
        "hedge": amount.hedge,
        "value": amount.value,
    }


def _speeds(doc: Any, tag: str) -> list[Span]:
    """Speeds, which the entity model reads as a count of "km/h" or a length in kilometres, or leaves out ("less than
    25 km/h"): one QUANTITY each with its hedge, in km/h (``kmh``: the unit's size in km/h), and the verb it measures
    ("was travelling at more than 30 kilometres per hour" -> travel) or the noun it is "of" ("gusts of 100 km/h" ->
    gust). Not lengths: a speed has no ``metres``."""
    text = doc_text(doc)
    out = []
    for m in _SPEED.finditer(text):
        amount = parse_amount(text[m.start() : m.end(2)])
        if amount is None:
            continue
        spelt = m.group(3).lower()
        key = spelt.split()[0].rstrip("s") if " " in spelt else spelt.rstrip("s") if spelt.startswith("knot") else spelt
        number = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        verb = _verb_of(number.root) if number is not None else None
        of = number.root if number is not None else None
        for _ in range(3):  # "gusts of just under 100 km/h": a speed of gusts (the unit may hold the number)
            if of is None or of.lower_ == "of" or of.head.i == of.i:
                break
            of = of.head
        if of is not None and of.lower_ == "of" and of.head.pos_ == "NOUN":
            verb = of.head
        attrs: dict[str, Any] = {
            "unit": "km/h",
            "kmh": KMH[key],
            "measures": verb.lemma_.lower() if verb is not None else None,
            **_bounds(amount),
            "counted": None,
            "counted_span": None,
            "state": None,
            "state_lemmas": [],
            "period": None,
            "scope": None,
            "increment": False,
        }
        out.append(Span(m.start(), m.end(), "QUANTITY", tag, attrs))
    return out


_POINTS = r"(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?(?:ern)?"
# after a length: its conversion, a point of the compass, and the named place it is measured from
# ("two miles of Interstate 5" is a stretch of a road, not a distance from it: "of" needs a point of the compass)
_NOT_PLACE = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)"
_FROM_PLACE = re.compile(
    r"\.?\)?\s*(?:\([^()]{0,40}\)\s*)?(?:away\s+)?(?:(?:(?:due\s+)?" + _POINTS + r"\s+of)|from)\s+(?:the\s+)?"
    r"(" + _NOT_PLACE + r"[A-Z][\w'’-]*(?:\s+" + _NOT_PLACE + r"[A-Z][\w'’-]*){0,3})"
)


def _subject_of(verb: Any) -> list[tuple[int, int]]:
    """Character spans of the proper nouns naming who or what a verb is about: in its own subject, or that of the
    clause it hangs from ("Tallis died after he slipped and fell 60ft" -> Tallis), leaving out what the subject's
    own phrases mention ("the day after Tallis's death, Sandoval ..." is about Sandoval)."""
    v = verb
    for _ in range(6):
        if v is None:
            return []
        subj = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            keep, todo = [], [subj]
            while todo:
                t = todo.pop()
                keep.append(t)
                todo += [c for c in t.children if c.dep_ not in {"prep", "relcl", "acl", "poss", "advcl"}]
            return sorted((t.idx, t.idx + len(t.text)) for t in keep if t.pos_ == "PROPN")
        if v.dep_ not in {"advcl", "xcomp", "conj", "pcomp", "acl", "relcl", "pobj", "prep"} or v.head.i == v.i:
            return []
        v = v.head
    return []


_SCALE_SUFFIXES = frozenset({"k", "m", "mn", "mln", "bn", "bln", "tn", "trn"})
_SIZED = frozenset({"high", "tall", "long", "wide", "deep", "away", "thick", "across", "square", "above", "below"})


def _scale_after(last: Any, label: str) -> Any:
    """The scale word spaCy left outside a number ("$5" + "m", "5" + "m people"): a sum of money takes it, written
    together or apart ("$5 m."); a bare number only written together and counting something ("5m people"), since
    "5m high" or "5 m" are metres."""
    nxt = last.nbor() if last.i + 1 < len(last.doc) else None
    if nxt is None or nxt.lower_.rstrip(".") not in _SCALE_SUFFIXES:
        return None
    if label == "MONEY":
        return nxt
    after = nxt.nbor() if nxt.i + 1 < len(nxt.doc) else None
    attached = not last.whitespace_ and nxt.lower_ in _SCALE_SUFFIXES
    if attached and after is not None and after.tag_ == "NNS" and after.lower_ not in _SIZED:
        return nxt
    return None


_CLOCK = re.compile(r"\s*(?:[ap]\.?\s?m\b\.?|o'clock\b)", re.I)
_RANK = re.compile(r"(?:\bNo\.?|\bNos\.|#|\bNumber)\s*$")
INCREMENT = frozenset({"more", "additional", "further", "extra", "new", "other"})
# measures, not things counted: "2,500 miles", "half a ton"
UNITS = frozenset(
    {
        "mile",
        "kilometre",
        "kilometer",
        "km",
        "metre",
        "meter",
        "foot",
        "feet",
        "inch",
        "yard",
        "acre",
        "hectare",
        "ton",
        "tonne",
        "pound",
        "kilogram",
        "kg",
        "gram",
        "ounce",
        "litre",
        "liter",
        "gallon",
        "barrel",
        "degree",
        "percent",
        "hour",
        "minute",
        "second",
        "day",
        "week",
        "month",
        "year",
        "decade",
        "century",
    }
)


def _counted_head(ent: Any) -> Any:
    """The noun a number counts: "3,000 [Pyongyang] soldiers" -> soldiers."""
    root = ent.root
    if root.dep_ in {"nummod", "quantmod", "amod", "compound"} and root.head.pos_ in {"NOUN", "PROPN"}:
        return root.head
    if root.pos_ == "NOUN" and root.lemma_.lower() not in UNITS and any(c.dep_ == "nummod" and c.i < root.i for c in root.children):
        return root  # the entity holds the noun it counts: "[about 200 migrants]"
    for t in ent:
        if t.dep_ == "nummod" and t.head.i > ent.end - 1 and t.head.pos_ in {"NOUN", "PROPN"}:
            return t.head
    if root.lemma_.lower() in UNITS:
        return None  # "half a ton of files", "three miles of road": a measure, not a count of what follows "of"
    # "hundreds of thousands of people", "dozens of workers": the noun after "of", past the number's own words
    for t in [root, *ent]:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i >= ent.end - 1:
                for cc in c.children:
                    if cc.dep_ == "pobj" and cc.i >= ent.end and cc.pos_ in {"NOUN", "PROPN"}:
                        return cc
    if root.dep_ in {"pobj", "dobj", "nsubj", "nsubjpass", "attr"} and root.pos_ == "NUM":
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        return _antecedent(cc) if cc.lower_ in _STAND_INS else cc
    return None


_STAND_INS = frozenset({"whom", "which", "them", "those"})


def _antecedent(pronoun: Any) -> Any:
    """The noun a pronoun after "of" stands for: "Forty-seven people were injured, 11 of whom were taken to hospital"
    -> people; "took 12 samples from the stall, and five of them tested positive" -> samples: the nearest noun before
    it in its sentence that a number counts, else the nearest noun (within a few words); else the pronoun itself."""
    of = pronoun.head
    start = min(t.i for t in of.head.subtree) if of.head.i < pronoun.i else of.i
    before = list(reversed(pronoun.doc[pronoun.sent.start : start]))
    counted = next((t for t in before if t.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "nummod" for c in t.children)), None)
    if counted is not None:
        return counted
    # not where things went ("31 were taken to hospital, four of them ..."): the pronoun stays, and the count
    # before it tells what it stands for (see :func:`_stand_ins_resolved`)
    return next((t for t in before[:8] if t.pos_ in {"NOUN", "PROPN"} and not _place_of(t)), pronoun)


_WHERE = frozenset({"to", "in", "into", "at", "from", "on", "onto", "inside", "outside"})


def _place_of(t: Any) -> bool:
    """A noun telling where something went or was ("to hospital", "in the tunnel")."""
    return bool(t.dep_ == "pobj" and t.head.lower_ in _WHERE)


def _stand_ins_resolved(found: list[Span], text: str) -> list[Span]:
    """Counts of a pronoun ("Six of them were in critical condition", "Of those taken to hospital, four remain ...")
    count what the count before them counted, in the same sentence or the one before (no further than
    :data:`_STAND_IN_REACH` characters): "Forty people were hurt. Six of them ..." counts people. Marked ``of_them``:
    a part of a count told before, which a statement is about only when it gives no other count."""
    out = []
    for q in found:
        counted = str(q.attrs.get("counted") or "").lower()
        if counted in _STAND_INS | {"these"} or (not counted and _OF_THEM.match(text, q.end)):
            before = [
                r
                for r in found
                if r.end <= q.start
                and q.start - r.start <= _STAND_IN_REACH
                and str(r.attrs.get("counted") or "").lower() not in _STAND_INS | {"these", ""}
                and r.label == "CARDINAL"
                and not r.attrs.get("unit")
                and text.count(".", r.end, q.start) <= 1
            ]
            if before:
                q = Span(q.start, q.end, q.label, q.stage, {**q.attrs, "counted": before[-1].attrs["counted"], "of_them": True})
        out.append(q)
    return out


_STAND_IN_REACH = 400
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\b", re.I)


def _whole_of(num: Any) -> Any:
    """The noun a whole number is "of": "a staff of more than 350", "a crowd of about 100" (not a death toll, a record or
    a capacity: those name the number, not what it counts; nor a mother of 12, see ``_children_of``, nor a town of
    12,000, who live there, see ``_population``)."""
    prep = num.head
    if num.dep_ == "pobj" and num.pos_ == "NUM" and prep.lower_ == "of" and prep.dep_ == "prep":
        noun = prep.head
        if noun.pos_ == "NOUN" and noun.i < prep.i and noun.lemma_.lower() not in UNITS | _NUMBER_NAMES | _SETTLEMENTS:
            return noun
    return None


# nouns that name the number itself, not the things it counts: "a death toll of 30", "his record of 2,106"
_NUMBER_NAMES = frozenset(
    [
        "toll",
        "total",
        "record",
        "mark",
        "tally",
        "count",
        "number",
        "average",
        "score",
        "sum",
        "margin",
        "rate",
        "high",
        "low",
        "peak",
        "maximum",
        "minimum",
        "figure",
        "estimate",
        "level",
        "amount",
        "value",
        "size",
        "age",
        "population",
        "magnitude",
        "force",
        "strength",
        "reading",
        "rating",
        "ratio",
        "index",
        "vote",
        "price",
        "cost",
        "fine",
        "budget",
        "salary",
        "temperature",
        "speed",
        "height",
        "depth",
        "length",
        "distance",
        "capacity",
        "sentence",
        "output",
        "pace",
        "wait",
    ]
)


_ESTIMATE_VERBS = frozenset({"put", "estimate", "place", "number", "peg"})


def _estimated(tok: Any) -> Any:
    """What a figure ``tok`` was an estimate of: "police put the march at 30,000 (people)" -> march; else None."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "at":
        return None
    verb = tok.head.head
    for _ in range(6):  # "put the number of homes destroyed by the fire at 43": "at" may hang on the participle
        if (verb.lemma_.lower() in _ESTIMATE_VERBS and verb.pos_ == "VERB") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.lemma_.lower() not in _ESTIMATE_VERBS or verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


_GATHERINGS = frozenset({"crowd", "attendance", "turnout", "audience", "gathering", "rally", "march", "protest", "demonstration"})
_HARMED = {"dead": "kill", "killed": "kill", "injured": "injure", "wounded": "wound", "hurt": "hurt", "missing": "miss"}
_UNACCOUNTED = {**_HARMED, "unaccounted": "miss"}  # what a bare number "is" or "remains": "40 remain unaccounted for"
_HARM_VERBS = frozenset(
    # and people brought out alive: "more than 200 were plucked from the sea", "12 were pulled from the rubble"
    {"kill", "injure", "wound", "hurt", "evacuate", "displace", "rescue", "arrest", "detain", "pluck", "pull", "save", "airlift", "winch"}
)
_TOLL_VERBS = {"bring", "rise", "climb", "reach", "jump", "stand", "put", "raise", "increase", "hit", "push"}


def _implicit_people(num: Any) -> tuple[str, str, list[str]] | None:
    """People counted without the word: "leaving 24 dead, 200 injured" (the state follows the number), "the
    death toll rose to 11", "bringing the death toll to 11", "a death toll of 11" (a toll counts the dead)."""
    nxt = num.nbor() if num.i + 1 < len(num.doc) else None
    if nxt is not None and nxt.lower_ in _HARMED and nxt.pos_ in {"ADJ", "VERB", "NOUN"}:
        return "people", nxt.text, [_HARMED[nxt.lower_]]
    if num.dep_ == "dobj" and num.head.lemma_.lower() in _HARM_VERBS:  # "killing 12", "injuring dozens"
        return "people", num.head.text, [num.head.lemma_.lower()]
    if (
        (num.dep_ == "nsubjpass" or (num.dep_ == "nsubj" and num.head.tag_ in {"VBD", "VBN"}))
        and num.head.lemma_.lower() in _HOSPITAL_VERBS
        and (ward := _to_hospital(num.head)) is not None
    ):
        # "eight were taken to hospital"; "and 14 rushed to hospital", the "were" left out
        return "people", num.doc[num.head.i : ward.i + 1].text, ["hospitalize"]
    if num.dep_ == "nsubjpass" and num.head.lemma_.lower() in _HARM_VERBS:  # "50 were injured", "12 were arrested"
        degree = next((c for c in num.head.children if c.dep_ == "advmod" and c.lower_ in SEVERITY), None)
        said = num.head.text if degree is None else f"{degree.text} {num.head.text}"  # "63 were seriously injured"
        return "people", said, [num.head.lemma_.lower()]
    if num.dep_ == "nsubj" and num.head.lemma_.lower() == "die":  # "at least 40 died"
        return "people", num.head.text, ["die"]
    if num.dep_ == "nsubj" and num.head.lower_ == "missing":  # "close to 40 are still missing"
        return "people", num.head.text, ["miss"]
    if num.dep_ == "nsubj" and num.head.lemma_.lower() in {"be", "remain"}:  # "nearly 40 remain unaccounted for"
        state = next((c for c in num.head.children if c.dep_ == "acomp" and c.lower_ in _UNACCOUNTED), None)
        if state is not None:
            return "people", state.text, [_UNACCOUNTED[state.lower_]]
    thing = _estimated(num)  # "estimated the crowd at 70"; not "put the cost at 300"
    if thing is not None and thing.lemma_.lower() in _GATHERINGS:
        return "people", thing.text, [thing.lemma_.lower()]
    t = num
    for _ in range(3):  # up from the number through "to", "at", "of" to the verb or noun a toll hangs on
        if t.head.i == t.i:
            break
        t = t.head
        if t.lemma_.lower() == "toll" or (
            t.lemma_.lower() in _TOLL_VERBS
            and any(c.lemma_.lower() == "toll" and c.dep_ in {"nsubj", "dobj", "nsubjpass"} for c in t.children)
        ):
            return "people", "killed", ["kill"]
        if t.pos_ not in {"ADP", "NUM"} and t.lemma_.lower() not in _TOLL_VERBS:
            break
    return None


_BARE_COUNT = re.compile(r"(?:between\s+)?\d{1,3}(?:,\d{3})*(?:\s*(?:and|to|-|–)\s*\d{1,3}(?:,\d{3})*)?", re.I)
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "time", "season"})


def _count_taken_for_a_date(ent: Any) -> bool:
    """A number the model tagged as a date though it counts: the subject or object of a verb ("injuring 80"), the
    number of a noun that is no time ("Between 60 and 100 rioters", however the parser hangs "Between"), or the size
    put on a gathering or a number of things ("estimated the crowd at 70", "put the number of homes lost at 43")."""
    if ent.label_ != "DATE" or _BARE_COUNT.fullmatch(ent.text.strip()) is None:
        return False
    for tok in ent:
        head = tok.head
        if not tok.like_num or ent.start <= head.i < ent.end:
            continue  # the words around the number, or a number whose head is in the entity ("100" in "60 and 100")
        if tok.dep_ in {"dobj", "nsubj", "nsubjpass"}:
            return bool(head.pos_ == "VERB")
        if tok.dep_ in {"nummod", "quantmod"}:
            return bool(head.pos_ == "NOUN" and head.lemma_.lower() not in _TIME_NOUNS)
        gathering = _estimated(tok)
        return gathering is not None and (gathering.lemma_.lower() in _GATHERINGS or _number_of(gathering) is not None)
    return False


def _number_of(noun: Any) -> Any:
    """The thing a number names the number of: "the number of homes destroyed" -> homes; "the death toll" -> None."""
    if noun is None or noun.lemma_.lower() not in _NUMBER_NAMES:
        return None
    return next(
        (o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"),
        None,
    )


_SETTLEMENTS = frozenset({"city", "town", "village", "island", "country", "nation", "state", "province", "region", "district"})
_DWELLERS = frozenset({"people", "person", "resident", "inhabitant", "citizen", "soul"})


def _population(num: Any, head: Any, state: str | None) -> bool:
    """The number counts who lives in a place: "a population of 120,000", "home to 120,000 people", "has about
    200,000 residents", "a city of 500,000 people"; not what else a place holds ("a village of 300 homes") nor
    residents who underwent something ("12 residents were evacuated", "among the dead were 12 residents")."""
    noun = head.lemma_.lower() if head is not None else None
    if noun is not None and noun not in _DWELLERS:
        return False
    if state is not None and state.lower() not in _SETTLEMENTS:
        return False  # what the residents underwent; "a city of 500,000 people" reads the city as their state
    for t in (num, head):
        if t is None or t.dep_ != "pobj":
            continue
        prep, owner = t.head, t.head.head
        if prep.lower_ == "of" and owner.lemma_.lower() in {"population", *_SETTLEMENTS} and owner.i < prep.i:
            return True
        if prep.lower_ == "to" and owner.lower_ == "home":
            return True
    # "has about 200,000 residents"
    return noun in {"resident", "inhabitant"} and head.dep_ == "dobj" and head.head.lemma_.lower() == "have"


_PARENTS = frozenset({"mother", "father", "parent", "mum", "mom", "dad", "grandmother", "grandfather", "grandparent"})


_CHANGE_VERBS = frozenset(
    {"fall", "drop", "decline", "sink", "plunge", "dip", "shrink", "rise", "climb", "grow", "jump", "soar", "swell", "increase", "decrease"}
)


def _changed_to(num: Any) -> tuple[str, None, list[str]] | None:
    """What a number is the new level of: "apprehensions have fallen to 400,000" counts apprehensions, "membership
    grew to 1,200" membership. The change is no state of the things counted (fallen apprehensions did not collapse).
    Not a toll ("the death toll rose to 11": :func:`_implicit_people`), nor a number the change is by ("fell by
    20")."""
    prep = num.head
    if num.dep_ != "pobj" or prep.lower_ != "to" or prep.head.lemma_.lower() not in _CHANGE_VERBS:
        return None
    verb = prep.head
    subject = next((c for c in verb.children if c.dep_ in _STATE_DEPS), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"} or subject.lemma_.lower() == "toll":
        return None
    counted, _, _ = _counted(subject)
    return counted, None, []


def _children_of(num: Any) -> tuple[str, None, list[str]] | None:
    """A parent described by the number of their children: "a mother of 12", "the father of three"."""
    prep = num.head
    if num.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _PARENTS and prep.head.i < prep.i:
        return "children", None, []
    return None


def _bare_state(num: Any) -> tuple[str | None, list[str]]:
    """What a number that counts no written noun underwent: "and 12 arrested", "of which four exploded". The thing is
    left unsaid, the act is not: it tells this count from another in the sentence."""
    verb = next((c for c in num.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    if verb is None and num.dep_ in _STATE_DEPS and num.head.pos_ == "VERB":
        verb = num.head
    if verb is None:
        return None, []
    return verb.text, [verb.lemma_.lower()]


# adverbs of degree that make a count of harm a count of its worst cases ("seriously injured", "badly damaged")
SEVERITY = frozenset({"seriously", "critically", "severely", "gravely", "badly", "serious", "critical", "severe", "grave"})


def _counted(head: Any) -> tuple[str, str | None, list[str]]:
    """The counted noun phrase, its state as written and the state's lemmas:
    ("North Korean soldiers", "killed or wounded", ["kill", "wound"])."""
    mods = [
        c for c in head.lefts if c.dep_ in {"amod", "compound"} and c.ent_type_ not in {"CARDINAL"} and not _number_word_as_adjective(c)
    ]
    words: list[Any] = []
    for m in mods:
        words.extend(t for t in m.subtree if t.dep_ != "punct")
    words.append(head)
    words.sort(key=lambda t: t.i)
    counted = " ".join(t.text for t in words)
    verb = None
    for c in head.children:  # "soldiers killed ...", "cranes that fell ..."
        if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB":
            verb = c
            break
    if verb is None and head.dep_ in _STATE_DEPS | {"dobj"} and head.head.pos_ in {"VERB", "AUX"}:
        verb = head.head  # "11 workers died", "which killed or injured 11 workers"
    if verb is None and head.dep_ == "pobj" and head.head.lower_ == "of":
        number = head.head.head  # "hundreds of participants made their way": the number is the subject
        if (
            (number.like_num or number.lower_ in _NUMBER_NOUNS or number.lower_ == "all")
            and number.dep_ in _STATE_DEPS | {"dobj"}
            and number.head.pos_ == "VERB"
        ):
            verb = number.head
    if verb is None and head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.pos_ == "VERB":
        verb = head.head.head  # "a petition signed by 1.8 million people"
    whole = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if (
        verb is None
        and whole is not None
        and whole.lemma_.lower() in _NUMBER_NAMES
        and whole.dep_ in _STATE_DEPS | {"dobj"}
        and whole.head.pos_ in {"VERB", "AUX"}
    ):
        verb = whole.head  # "a total of 31 people were injured": what befell them is the verb of "total"
    if (
        verb is None
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.pos_ == "NOUN"
        and not head.head.head.like_num
        and head.head.head.lower_ not in _NUMBER_NOUNS
    ):
        noun = head.head.head  # "the collapse of three cranes"
        return counted, noun.text, [noun.lemma_.lower()]
    if (
        verb is not None
        and verb.dep_ == "conj"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ == "dobj" and c.i != head.i for c in verb.head.children)  # "killed two and injured 11"
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)  # "the storm killed two and floods hurt 11"
        and not any(c.dep_ == "auxpass" for c in verb.head.children)  # "was hurt in September and missed 10 games"
    ):
        # "(the collapse) killed or injured 11 workers": the object hangs on the last conjunct, the subject both share
        verb = verb.head
    thing = _estimated(head) if verb is None else None
    if thing is not None:  # "police put the march at 30,000 people": what was estimated is the state
        return counted, thing.text, [thing.lemma_.lower()]
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return counted, None, []
    return (counted, *_verb_state(verb, head))


_LINKING_VERBS = frozenset({"remain", "stay", "go", "become"})  # "remained closed", "stayed shut", "went missing"


def _verb_state(verb: Any, head: Any) -> tuple[str | None, list[str]]:
    """What a verb says befell the counted noun ``head``: the state as written and its lemmas ("rushed to hospital",
    ["hospitalize"]; "killed or wounded", ["kill", "wound"])."""
    if verb.lemma_.lower() == "take" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(x.lower_ == "streets" for x in c.children) for c in verb.children
    ):
        return "took to the streets", ["protest"]  # a march, by its idiom
    if verb.lemma_.lower() in _CARRY_VERBS and head.lemma_.lower() not in _NOT_RESCUED and (away := _to_safety(verb)) is not None:
        # "taken ashore", "brought to safety": carried out of danger, an evacuation
        way = f"{away.head.text} {away.text}" if away.dep_ == "pobj" else away.text  # "to safety", "ashore"
        return f"{verb.text} {way}", ["evacuate"]
    if verb.lemma_.lower() in _KILLING_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(o.dep_ == "pobj" and o.lower_ == "death" for o in c.children) for c in verb.children
    ):
        return f"{verb.text} to death", [verb.lemma_.lower(), "die"]  # "shot to death one person": killed
    if (fled := _made_to_leave(verb)) is not None:
        # "forced 2,400 residents to leave their homes", "ordered 2,400 households to evacuate": evacuated
        return f"{verb.text} to {fled}", ["evacuate"]
    if verb.lemma_.lower() in _MAKING_VERBS and (home := _out_of_home(verb)) is not None:
        return f"{verb.text} out of {home}", ["evacuate"]  # "ordered 1,700 residents out of their homes"
    if verb.lemma_.lower() in _COVERING_VERBS and _under_evacuation_order(verb):
        return f"evacuation orders {verb.text}", ["evacuate"]  # "evacuation orders covered 1,700 homes"
    if verb.lemma_.lower() in _HOSPITAL_VERBS and (ward := _to_hospital(verb)) is not None:
        # "rushed to hospital", "treated in hospitals", "admitted to St. Mary's Hospital": taken into care, one count
        return head.doc[verb.i : ward.i + 1].text, ["hospitalize"]
    parts = [verb]
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in {"VERB", "ADJ"} and not _own_object(c, head):
            parts.append(c)
        if c.dep_ in {"acomp", "attr", "oprd"} and c.pos_ in {"ADJ", "NOUN"}:
            parts.append(c)
        elif verb.lemma_ in _LINKING_VERBS and c.dep_ == "advcl" and c.i == verb.i + 1 and c.tag_ in {"VBN", "VBG", "JJ"}:
            parts.append(c)  # "stayed shut", "went missing", parsed as an adverbial clause
    for c in head.rights:  # "left four dockworkers dead"
        if c.dep_ in {"amod", "oprd", "acomp"} and c.pos_ == "ADJ":
            parts.append(c)
    if verb.lemma_ in {"be", "have", "leave"} | _LINKING_VERBS and len(parts) > 1:
        parts = parts[1:]  # the state is the complement: "were dead", "left ... injured"
    elif verb.lemma_ in {"be", "remain"} and (condition := _in_condition(verb)) is not None:
        prep, degree = condition
        return verb.doc[prep.i : degree.head.i + 1].text, [degree.lower_]  # "in critical condition": the worst hurt
    elif verb.lemma_ in {"be", "have"}:
        return None, []
    parts.sort(key=lambda t: t.i)
    lo, hi = parts[0].i, parts[-1].i
    between = [t for t in head.doc[lo : hi + 1] if t not in parts]
    if all(t.dep_ in {"cc", "punct", "advmod", "preconj"} for t in between):
        state = head.doc[lo : hi + 1].text
    else:
        state = " and ".join(p.text for p in parts)
    # "30 people seriously injured" counts the worst hurt, a part of "200 injured": the degree is part of the state
    degree = next((c for p in parts for c in p.children if c.dep_ == "advmod" and c.lower_ in SEVERITY), None)
    if degree is not None and not lo <= degree.i <= hi:
        state = f"{degree.text} {state}" if degree.i < lo else f"{state} {degree.text}"
    return state, [p.lemma_.lower() for p in parts]


def _in_condition(verb: Any) -> tuple[Any, Any] | None:
    """ "were in critical condition", "remain in a serious condition": the word "in" and the degree, or None."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for o in c.children:
                if o.dep_ == "pobj" and o.lemma_.lower() == "condition":
                    degree = next((a for a in o.children if a.dep_ == "amod" and a.lower_ in SEVERITY), None)
                    return None if degree is None else (c, degree)
    return None


_CARRY_VERBS = frozenset({"take", "bring", "carry", "airlift", "lift", "pull", "get", "help", "move", "winch"})
_SAFE_PLACES = frozenset({"safety", "shore", "land", "shelters", "shelter"})
_NOT_RESCUED = frozenset({"body", "remains", "corpse", "cargo", "container"})  # "Four bodies were brought ashore"


def _to_safety(verb: Any) -> Any:
    """The word that carries people out of danger after a verb of carrying: "ashore", "to safety", "to shore"."""
    for c in verb.children:
        if c.dep_ in {"advmod", "prt", "npadvmod"} and c.lower_ == "ashore":
            return c
        if c.dep_ == "prep" and c.lower_ in {"to", "into"}:
            for o in c.children:
                if o.dep_ == "pobj" and o.lower_ in _SAFE_PLACES:
                    return o
    return None


# not "treat": those treated (and often sent home) are a larger count than those admitted
_HOSPITAL_VERBS = _CARRY_VERBS | {"rush", "send", "admit", "transport", "transfer", "fly", "ferry", "hospitalize", "hospitalise"}
# deeds that kill when done "to death" ("shot to death"; never "sentenced to death", "bored to death")
_KILLING_VERBS = frozenset(
    {"shoot", "stab", "beat", "burn", "crush", "club", "hack", "batter", "trample", "bludgeon", "strangle", "choke", "starve",
     "freeze", "kick", "stone", "maul", "gore", "bleed", "drown"}
)  # fmt: skip
_HOSPITALS = frozenset({"hospital", "hospitals", "clinic", "clinics", "infirmary"})
_CARE = frozenset({"medical", "health", "trauma", "burn", "burns", "cancer"})


def _to_hospital(verb: Any) -> Any:
    """The last word of where a verb of carrying or care takes people: "(rushed) to hospital", "(treated) in two
    hospitals", "(admitted to) St. Brendan's Regional Medical Center"; None when it takes them elsewhere."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"to", "in", "at", "into"}:
            for o in c.children:
                if o.dep_ == "pobj" and (
                    o.lower_ in _HOSPITALS or (o.lower_ in {"center", "centre"} and o.i > 0 and o.nbor(-1).lower_ in _CARE)
                ):
                    return o  # "a medical center", "the regional trauma centre"; not "the convention center"
    return None


_MAKING_VERBS = frozenset({"force", "order", "tell", "urge", "compel", "oblige", "ask", "prompt", "cause", "advise", "instruct"})
_HOMES = frozenset({"home", "homes", "house", "houses", "village", "villages", "town", "city"})


_COVERING_VERBS = frozenset({"cover", "affect", "include", "span"})


def _out_of_home(verb: Any) -> str | None:
    """Where people were sent out of, when it is their homes, anywhere in what the verb governs after it: "ordered
    some 1,700 residents of Dunmore Flat and the western neighborhoods out of their homes" -> "their homes"."""
    end = max(t.i for t in verb.subtree) + 1
    m = _OUT_OF_HOME.search(verb.doc[verb.i : end].text)
    return m.group(1) if m else None


_OUT_OF_HOME = re.compile(r"\bout of ((?:(?:their|his|her|its|the)\s+)?(?:homes?|houses?))\b", re.I)


def _under_evacuation_order(verb: Any) -> bool:
    """The verb tells what evacuation orders covered: their subject ("Evacuation orders ... covered 1,700 homes"), or
    the orders a clause hangs on ("issued evacuation orders covering 1,700 homes")."""
    orders = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.dep_ in {"advcl", "xcomp", "conj"}:
        orders += [c for c in verb.head.children if c.dep_ == "dobj"]
    if verb.dep_ == "acl":
        orders.append(verb.head)
    return any(x.lemma_.lower() in {"order", "evacuation"} and any(t.lemma_.lower() == "evacuation" for t in x.subtree) for x in orders)


def _made_to_leave(verb: Any) -> str | None:
    """What people were made to do when it is to leave their homes ("forced ... to flee", "ordered ... to evacuate",
    "told ... to leave their homes"), as written after "to"; None otherwise."""
    if verb.lemma_.lower() not in _MAKING_VERBS:
        return None
    for x in verb.children:
        if x.dep_ != "xcomp" or x.pos_ != "VERB":
            continue
        lemma = x.lemma_.lower()
        obj = next((o for o in x.children if o.dep_ == "dobj"), None)
        if lemma in {"evacuate", "flee"} or (lemma in {"leave", "abandon", "quit"} and obj is not None and obj.lower_ in _HOMES):
            return x.text if obj is None else f"{x.text} {x.doc[obj.i - 1].text + ' ' if obj.i - 1 > x.i else ''}{obj.text}"
    return None


_HARM_CLASS = {"kill": "death", "die": "death", "dead": "death", "injure": "injury", "wound": "injury", "hurt": "injury", "miss": "missing"}


def _after_other_harm(found: list[Span], ent: Any, lemmas: list[str]) -> bool:
    """The count follows, in its sentence, a count of another harm: "14 people have died and 63 more were injured"
    counts more people, the injured, not more of the dead."""
    sent = ent.sent
    mine = {_HARM_CLASS.get(x) for x in lemmas} - {None}
    before = [q for q in found if sent.start_char <= q.start < ent.start_char]
    if not mine or not before:
        return False
    theirs = {_HARM_CLASS.get(str(x)) for x in before[-1].attrs.get("state_lemmas") or ()} - {None}
    return bool(theirs) and not theirs & mine


def _partitive_whole(head: Any) -> bool:
    """The counted noun is the whole a part is taken from: "six of its eight carriages", "saved 38 of the 47 miners",
    "most of the 300 passengers", "Of the 47 miners underground, 38 have been rescued"."""
    of = head.head
    if head.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return False
    part = of.head
    if part.pos_ in {"VERB", "AUX"} and of.i < part.i:
        # "Of the 47 miners working underground, 38 have been rescued": the part is the verb's subject
        return any(c.dep_ in {"nsubj", "nsubjpass"} and (c.like_num or c.lower_ in _PARTS) for c in part.children)
    return bool(part.like_num or part.lower_ in _PARTS) and part.i < head.i


_PARTS = frozenset({"most", "some", "half", "many", "few", "none", "several", "dozens", "hundreds", "thousands", "majority", "rest"})


def _own_object(verb: Any, head: Any) -> bool:
    """The verb has an object or a subject of its own (not the counted noun): another predicate ("two people were
    killed and another wounded" counts the dead only)."""
    # a number the parser hung on the verb is its own subject too ("23 were killed and about 150 injured")
    return any((c.dep_ in {"dobj", "nsubj", "nsubjpass"} or (c.dep_ == "npadvmod" and c.like_num)) and c.i != head.i for c in verb.children)


_POINT = re.compile(
    r"^(?:on |last |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"^(?:on )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|^\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"^(?:today|yesterday|tonight|tomorrow)$|^\d{4}-\d{2}-\d{2}$|"
    r"^(?:the |that |this |on )?(?:morning|afternoon|evening|night)$",  # a part of the day ("on Sunday evening")
    re.I,
)


def is_period(expr: str) -> bool:
    """A duration that bounds a count ("in the last week", "so far", "in November"), not the day something was said
    nor an age ("31 years old")."""
    e = expr.strip().lower()
    return not _POINT.search(e) and not e.endswith((" old", "of age"))


_RANGE_OPEN = {"between", "from"}
_RANGE_GAP = {"and", "to", "through", "until", "till", "-", "–"}


def _date_range(d: Any, date_ents: list[Any]) -> str | None:
    """The whole range a date is one end of, "between February and December 2017" (spaCy tags each end apart), or
    None."""
    doc = d.doc
    starts = {x.start: x for x in date_ents}
    ends = {x.end: x for x in date_ents}
    # ``d`` is the first end: a gap word and the second end follow; or the second: the first end and a gap word precede
    if d.end < len(doc) and doc[d.end].lower_ in _RANGE_GAP and d.end + 1 in starts:
        first, second = d, starts[d.end + 1]
    elif d.start > 0 and doc[d.start - 1].lower_ in _RANGE_GAP and d.start - 1 in ends:
        first, second = ends[d.start - 1], d
    else:
        return None
    if first.start > 0 and doc[first.start - 1].lower_ in _RANGE_OPEN:
        return str(doc[first.start - 1 : second.end].text)
    return None


def _in_apposition(tok: Any, verb: Any, count: Any) -> bool:
    """On the way up from ``tok`` to ``verb`` lies an apposition that does not hold ``count`` too: ``tok`` belongs to a
    description set beside a noun (", the narrowest margin in almost four decades"), not to the count's own words
    ("missiles, part of a sprint of over 20 tests last year")."""
    t = tok
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ == "appos":
            return not any(x.i == t.i for x in [count, *count.ancestors])
        t = t.head
    return False


def _verb_of(tok: Any) -> Any:
    """The nearest verb at or above a token (the clause it belongs to)."""
    t = tok
    for _ in range(12):
        if t.pos_ in {"VERB", "AUX"}:
            return t
        if t.head == t:
            return None
        t = t.head
    return None


def _clause_verbs(ent: Any, head: Any) -> set[int]:
    """Verbs of the clause a count belongs to: its own clause verb, the counted noun's participle ("soldiers
    killed"), and their coordinated verbs that share the subject ("killed or wounded")."""
    verbs = []
    v = _verb_of(ent.root)
    if v is not None:
        verbs.append(v)
    if head is not None:
        for c in head.children:
            if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB":
                verbs.append(c)

    def subject(x: Any) -> bool:
        return any(c.dep_ in {"nsubj", "nsubjpass"} for c in x.children)

    out: set[int] = set()
    for v in verbs:
        out.add(v.i)
        # a coordinated verb shares the clause when it shares its subject ("killed or wounded"), not when it has one
        # of its own ("14 were rushed to hospital and 47 were hurt in total")
        out.update(c.i for c in v.children if c.dep_ == "conj" and not subject(c))
        if v.dep_ == "conj" and not subject(v):
            out.add(v.head.i)
    return out


SUBAREAS = frozenset(
    {"district", "county", "village", "town", "regency", "subdistrict", "municipality", "neighbourhood", "neighborhood", "suburb"}
)


def _scope(num: Any) -> str | None:
    """The part of the area a count is limited to ("In the nearby Alder district, 10 people were killed", "12 killed
    by a mudslide in Kestrel district"): a partial count, comparable only with counts of the same part.
    Looked for in the count's clause and the clauses coordinated with it ("12 were killed and 70 hurt by a mudslide in
    Kestrel district"), not in clauses it reports or governs."""
    verb = num
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    verbs = [verb]
    while verbs[-1].dep_ == "conj" and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)
    for v in verbs:
        stack = [v]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in {"ccomp", "advcl", "relcl", "parataxis", "xcomp"} and c.pos_ in {"VERB", "AUX"}:
                    continue
                if c.dep_ == "prep" and c.lower_ in {"in", "at"} and (area := _subarea(c)) is not None:
                    return area
                stack.append(c)
    # a place set before the sentence's first clause ("In neighbouring Alder district, 10 people were killed, 140 were
    # injured"): the scene of every count in it, however the parser joined the comma-spliced clauses
    first = num.sent[0]
    if first.lower_ in {"in", "at"} and first.dep_ == "prep" and (area := _subarea(first)) is not None:
        after = max(t.i for t in first.subtree) + 1
        if after < num.i and num.doc[after].text == ",":
            return area
    return None


_WHOLE_PLACES = frozenset({"town", "city"})


def _subarea(prep: Any) -> str | None:
    """The part of the area a preposition's object names ("in Kestrel district" -> Kestrel), or None."""
    for pobj in (x for x in prep.children if x.dep_ == "pobj"):
        # the place's own words, not a clause about it ("in Alder district, where a boy was shot on Saturday")
        # (a name given by a clause stays: "a district known as Alder", "the village called Kestrel Point")
        clauses = [
            x
            for x in pobj.subtree
            if x.i != pobj.i and (x.dep_ in {"relcl", "advcl"} or (x.dep_ == "acl" and x.lemma_.lower() not in {"know", "call", "name"}))
        ]
        inner = {y.i for c in clauses for y in c.subtree}
        sub = [x for x in pobj.subtree if x.i not in inner]
        if any(x.lemma_.lower() in SUBAREAS for x in sub):
            names = [x.text for x in sub if x.pos_ == "PROPN"]
            if not names and pobj.lemma_.lower() in _WHOLE_PLACES and [x.lower_ for x in sub] == ["the", pobj.lower_]:
                return None  # "nine schools in the town": the story's own town, named elsewhere, not a part of it
            return " ".join(names) if names else str(pobj.lemma_.lower())
    return None


def _period(ent: Any, date_ents: list[Any], head: Any = None) -> str | None:
    """A duration in the count's own clause that bounds it ("killed in the last week", "so far"); a date in another
    clause of the sentence ("where forces mounted a raid in August") is not the count's period."""
    sent = ent.sent
    verbs = _clause_verbs(ent, head)
    best = None
    for d in date_ents:
        if not sent.start <= d.start < sent.end or not is_period(d.text):  # (d.sent walks the sentence: slow)
            continue
        if d[-1].dep_ in {"compound", "amod", "nmod"} and d[-1].head.i >= d.end:
            continue  # a word describing a thing, no time: "the winter vomiting bug", "a summer camp"
        v = _verb_of(d.root)
        if v is None or v.i not in verbs or _in_apposition(d.root, v, ent.root):
            continue  # (", the narrowest margin in almost four decades": a period of the apposition's superlative)
        dist = abs(d.start - ent.end) if d.start >= ent.end else abs(ent.start - d.end)
        if best is None or dist < best[0]:
            best = (dist, _date_range(d, date_ents) or d.text)
    if best is not None:
        return best[1]
    for t in sent:
        if (
            t.lower_ in {"so", "to", "in"}
            and t.i + 1 < sent.end
            and f"{t.lower_} {t.nbor().lower_}" in {"so far", "to date", "in total", "in all"}
        ):
            v = _verb_of(t)
            if v is not None and v.i in verbs:
                return f"{t.lower_} {t.nbor().lower_}"
    return None


# "no one was killed or injured", "nobody was hurt", "caused no casualties", "there were no dead or wounded": a count
# of zero, which a toll elsewhere in the story contradicts
_HARM = r"(?:killed|injured|hurt|wounded|harmed|dead|died)"
_NONE_HARMED = re.compile(
    rf"\b(?:no\s+one|nobody|no\s+people|none)\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?(?:(?:reported|immediately\s+reported)\s+)?"
    rf"(?P<state>{_HARM}(?:\s+(?:or|and)\s+{_HARM})?)\b"
    rf"|\bno\s+(?:immediate\s+|reported\s+)?(?P<noun>casualties|deaths|fatalities|injuries|dead(?:\s+or\s+(?:wounded|injured))?)\b",
    re.I,
)
_HARM_LEMMAS = {"killed": "kill", "injured": "injure", "hurt": "hurt", "wounded": "wound", "harmed": "harm", "dead": "die", "died": "die"}


def _none_harmed(text: str, tag: str, found: list[Span]) -> list[Span]:
    """Zero counts of people harmed, which spaCy does not tag as numbers."""
    out = []
    for m in _NONE_HARMED.finditer(text):
        if any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        state = (m.group("state") or m.group("noun")).lower()
        lemmas = [_HARM_LEMMAS[w] for w in re.findall(r"[a-z]+", state) if w in _HARM_LEMMAS]
        out.append(
            Span(
                m.start(),
                m.end(),
                "CARDINAL",
                tag,
                {
                    "low": 0.0,
                    "high": 0.0,
                    "low_open": False,
                    "high_open": False,
                    "hedge": "exact",
                    "value": 0.0,
                    "counted": "people",
                    "counted_span": None,
                    "state": state,
                    "state_lemmas": lemmas,
                    "period": None,
                    "scope": None,
                    "increment": False,
                },
            )
        )
    return out
