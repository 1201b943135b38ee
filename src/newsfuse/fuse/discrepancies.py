"""Typed disagreements between sources: number, hedge, wording (what was counted), date, attribution.

Within a fact, its statements are compared directly. Across facts, counts are compared by *slot* (what is counted,
in which state, over which period): "three cranes collapsed" and "all four cranes that fell" are one slot reported
with two values even when the sentences around them are about different things. A slot comparison across facts only
counts when no source reports both values (a source that gives two numbers is describing two things) and neither the
speakers nor the dates of the two statements conflict, nor the places or people they name, the part of the area they
count ("in Central Aceh district") or whether they tell history ("in September 2009"). A sentence's second count of
another harm is compared too ("killing at least three and injuring dozens"). Numbers about different things are never
a disagreement: scores, records, "a five-time all-star", "one of Egypt's largest providers" count nothing, and two
stated numbers twenty times apart count two things.

Measures (ages, lengths, lengths of time, sums, sizes, numbers in one frame) are compared across the whole story
in :mod:`newsfuse.fuse.measures`; here, the months and years of one past deed, the days of one event, and the times a
fact is told to have happened counted back from the reports ("about two weeks ago" / "about three weeks ago").
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from ..model import Discrepancy, Evidence, Span, Variant
from ..read.entities import fold, same_given_name
from ..read.numbers import Amount
from ..read.speakers import SPEECH_VERBS
from ..read.statements import SUSPICION
from ..read.times import DAYS
from .compare import (
    comparable_times,
    counted_by_act,
    counted_key,
    counted_match,
    dated_events,
    day_dates,
    deed_key,
    guessed_day,
    guessed_weekday,
    period_class,
    quantity_state,
    same_slot,
    severity_apart,
    speakers_conflict,
    surname,
)
from .statements import DESCRIBING, Statement, amount_of, amounts_agree, main_quantity, named_speaker, spaced

PARENT_KINDS = {"attribution", "date"}  # show the whole statement: the speaker or the date may lie outside a clause


def _id(*parts: str) -> str:
    return "d-" + hashlib.sha1("\x00".join(parts).encode()).hexdigest()[:8]


def evidence_for(st: Statement, kind: str) -> Evidence:
    start, end = st.parent if kind in PARENT_KINDS and st.parent is not None else (st.start, st.end)
    if kind == "attribution" and st.speaker_sure and st.speaker_kind == "pronoun":
        # '"We had no choice," he said.': the evidence opens with the sentence that names him, so that the credit
        # can be checked in it
        start = min(start, _naming_start(st))
    return Evidence.of(st.article, start, end, named_speaker(st))


def _naming_start(st: Statement) -> int:
    """Where the sentence before the quotation a statement belongs to starts (the statement's own start when there
    is none)."""
    a = st.article
    first = min([st.start, *(q.start for q in a.group("quotes") if q.start < st.end and st.start < q.end)])
    before = [s for s in a.group("sentences") if s.end <= first]
    opening = a.sentence_of(first)
    if opening is not None:
        before = [s for s in before if s.end <= opening.start]
    return before[-1].start if before else st.start


def variants(groups: dict[str, list[Statement]], kind: str) -> list[Variant]:
    return [
        Variant(value=k, sources=sorted({s.source for s in v}), evidence=[evidence_for(s, kind) for s in v])
        for k, v in sorted(groups.items(), key=lambda kv: (-len({s.source for s in kv[1]}), kv[0]))
    ]


def _surface(s: Statement) -> str:
    q = main_quantity(s)
    assert q is not None
    return s.article.text[q.start : q.end]


def _value(s: Statement) -> float:
    q = main_quantity(s)
    assert q is not None
    return float(q.attrs.get("value") or q.attrs.get("low") or q.attrs.get("high") or 0.0)


def _state(s: Statement) -> frozenset[str]:
    q = main_quantity(s)
    assert q is not None
    return quantity_state(q)


def _same_state(a: Statement, b: Statement) -> bool:
    """Two counts of one state; a count of none covers each of its states ("no one was killed or injured" is also no
    one killed, against "12 people were killed and 20 wounded")."""
    sa, sb = _state(a), _state(b)
    if sa == sb:
        return True
    if severity_apart(sa, sb):
        return False  # "no one was seriously injured" says nothing against "12 injured"
    return bool(sa and sb) and ((_value(a) == 0 and sb < sa) or (_value(b) == 0 and sa < sb))


def compatible_groups(sts: Sequence[Statement], key: Callable[[Statement], Amount]) -> dict[str, list[Statement]]:
    """Group statements whose amounts agree ("over 3,000", "at least 3,000", "more than 3,000") apart from those that
    contradict them ("almost 3,000"); each group is labelled by its surface forms."""
    groups: list[list[Statement]] = []
    for s in sorted(sts, key=lambda s: (key(s).low or 0.0, s.source)):
        for g in groups:
            if all(amounts_agree(key(s), key(t)) for t in g):
                g.append(s)
                break
        else:
            groups.append([s])
    return {" / ".join(dict.fromkeys(_surface(s) for s in g)): g for g in groups}


def count_disagreements(sts: Sequence[Statement], facts: list[str]) -> list[Discrepancy]:
    """Number, hedge and wording disagreements among statements that count one slot ("two more debates" counts
    what is added, never the total, and is left out)."""
    sized = _sized_alike(sts)
    sts = [
        s
        for s in sts
        if not ((q := main_quantity(s)) is not None and (q.attrs.get("increment") or (_not_a_count(s, q) and s.idx not in sized)))
    ]
    out: list[Discrepancy] = []
    with_q = [s for s in sts if main_quantity(s) is not None]
    if len({s.source for s in with_q}) < 2:
        return out
    amount: dict[int, Amount] = {}
    for s in with_q:
        q = main_quantity(s)
        assert q is not None
        amount[s.idx] = amount_of(q)
    # an outlet that gives two counts of the slot tells two things ("on Dec. 17 an official said several hundred",
    # later "more than 3,000"): when another outlet gives one of them, the other, which no other outlet gives, is no
    # side of a disagreement
    # (an outlet's sentence copied word for word by another, a reprint, is still one voice)
    shared = {
        s.idx
        for s in with_q
        if any(t.source != s.source and amounts_agree(amount[s.idx], amount[t.idx]) and spaced(t.text) != spaced(s.text) for t in with_q)
    }
    with_q = [
        s
        for s in with_q
        if s.idx in shared
        or not any(t.source == s.source and t.idx in shared and not amounts_agree(amount[s.idx], amount[t.idx]) for t in with_q)
    ]
    clash = [
        (a, b)
        for i, a in enumerate(with_q)
        for b in with_q[i + 1 :]
        if a.source != b.source
        and not amounts_agree(amount[a.idx], amount[b.idx])
        and not _worlds_apart(amount[a.idx], amount[b.idx])
        and _same_scope(a, b)
        and not (_zero_placed(a, b) or _zero_placed(b, a))
        and not _named_apart(a, b)  # what two named people did
        and _background(a) == _background(b)  # history against this story's count
        and not _other_past(a, b)  # two earlier events: the 2003 quake's toll and February's
        and not (_also_gives(a, b) or _also_gives(b, a))
    ]
    if clash:
        # the sides: the statements that clash, and those that give one of their figures; a count set apart from
        # every rival ("no casualties" from another quake, in another place) is on no side
        involved = {s.idx for pair in clash for s in pair}
        sided = [s for s in with_q if s.idx in involved or any(amounts_agree(amount[s.idx], amount[i]) for i in involved)]
        groups = compatible_groups(sided, lambda s: amount[s.idx])
        if len(groups) > 1:
            # two different stated numbers are a number disagreement ("three" / "four", "about 150" / "about 200");
            # one number hedged apart ("almost 300" / "more than 300"), or only vague amounts against numbers
            # ("hundreds of thousands" / "1.8 million"), a hedge disagreement: the hedges are what do not agree
            kind = "number" if any(_numbers_apart(amount[x.idx], amount[y.idx]) for x, y in clash) else "hedge"
            if all(_told_in_parts(x, y) or _told_in_parts(y, x) or _counted_wider(x, y) or _counted_wider(y, x) for x, y in clash):
                # "nine killed" against "six dead and three missing": one outlet's figure is the others' two counts
                # together, a dispute of what was counted
                out.append(
                    Discrepancy(_id(*facts, "parts"), "wording", "disputed: what was counted", variants(groups, "wording"), list(facts))
                )
            else:
                out.append(Discrepancy(_id(*facts, kind), kind, f"disputed: {kind}", variants(groups, kind), list(facts)))
    # wording: what was counted ("died" vs "killed or wounded"), for the same number
    by_value: dict[float, list[Statement]] = defaultdict(list)
    for s in with_q:
        if amount[s.idx].value is not None:  # a stated number: "dozens" is no figure to count two ways
            by_value[_value(s)].append(s)
    for same in by_value.values():
        classes: dict[frozenset[str], list[Statement]] = defaultdict(list)
        for s in same:
            if _state(s):
                classes[_state(s)].append(s)
        if len(classes) > 1 and len({s.source for ss in classes.values() for s in ss}) > 1:
            by_state: dict[str, list[Statement]] = {}
            for c, ss in classes.items():
                q = main_quantity(ss[0])
                assert q is not None
                label = str(q.attrs.get("state") or "+".join(sorted(c)))
                if label in by_state and q.attrs.get("counted"):
                    label = f"{label} {q.attrs['counted']}"  # "killed people" / "killed casualties": the noun tells them apart
                by_state.setdefault(label, []).extend(ss)
            if len(by_state) < 2:
                continue
            out.append(
                Discrepancy(_id(*facts, "wording"), "wording", "disputed: what was counted", variants(by_state, "wording"), list(facts))
            )
            break
    return out


def _told_in_parts(whole: Statement, part: Statement) -> bool:
    """``whole``'s figure is ``part``'s count and another count of ``part``'s sentence together, of another state:
    "nine miners killed" against "six confirmed dead and three missing", "11 died" against "four killed and seven
    hurt"."""
    q = main_quantity(part)
    if q is None or not _state(part):
        return False
    total, mine = _value(whole), _value(part)
    return any(
        o is not q
        and not o.attrs.get("whole")
        and not o.attrs.get("increment")
        and (v := o.attrs.get("value")) is not None
        and mine + float(v) == total
        and quantity_state(o)
        and quantity_state(o) != _state(part)
        for o in part.quantities
    )


def _counted_wider(x: Statement, y: Statement) -> bool:
    """``x``'s figure is one ``y``'s outlet gives, elsewhere, for a wider count of the same thing: "63 seriously
    injured" against an outlet's "63 injured" and "17 of the injured were seriously hurt" is a dispute of what the 63
    counts, not of the number of the seriously hurt."""
    qy = main_quantity(y)
    mine = _state(x)
    if qy is None or not mine:
        return False
    return any(
        q is not qy
        and q.attrs.get("value") == _value(x)
        and not q.attrs.get("whole")
        and not q.attrs.get("increment")
        and (theirs := quantity_state(q))
        and theirs < mine
        # the same thing ("63 injured" / "17 of the injured"), or people of the harm y's count is of ("63 were hurt")
        and (counted_match(q, qy) or bool(theirs & _state(y)))
        for q in y.article.group("quantities")
    )


# how far apart (a share of the larger) two numbers bounded from either side may be for the hedges to be what
# disagrees: "almost 300" / "more than 320", "just under 52 percent" / "more than 54 percent", "fewer than 15,000" /
# "more than 20,000" (each outlet bounds the figure, and the bounds exclude each other)
HEDGED_NEAR = 0.4


def _numbers_apart(x: Amount, y: Amount) -> bool:
    """Two stated numbers that differ (a ``number`` disagreement), not one figure the outlets bound from either side
    ("almost 300" / "more than 320": a ``hedge`` disagreement, as "almost 3,000" / "more than 3,000"). Two bounds
    from one side ("more than 26,000" / "more than 31,000") are two numbers."""
    u, v = x.value, y.value
    if u is None or v is None or u == v:
        return False

    # (a bare round number is read as reaching a little above itself, but no outlet bounded it: it is no side of a hedge)
    def below(a: Amount) -> bool:  # "almost 300", "fewer than 300"
        return a.hedge != "exact" and (a.low is None or (a.high_open and not a.low_open))

    def above(a: Amount) -> bool:  # "more than 320", "at least 320"
        return a.hedge != "exact" and (a.high is None or (a.low_open and not a.high_open))

    facing = (below(x) and above(y)) or (above(x) and below(y))  # bounds from either side; not "more than" twice
    return not (facing and abs(u - v) <= HEDGED_NEAR * max(abs(u), abs(v)))


def _zero_placed(a: Statement, b: Statement) -> bool:
    """``a`` counts none in a place ``b`` does not name: "there were no reported injuries in Dubai", where the quake
    was felt, says nothing against "50 were injured" on the island it struck."""
    return _value(a) == 0.0 and bool(a.places) and not a.places & b.places


def _named_apart(a: Statement, b: Statement) -> bool:
    """The two statements are about different named people ("Echenique had 11 rebounds", "McDermott grabbed seven"),
    or give a game statistic without both naming one player (:func:`_stat_apart`)."""
    return bool(a.people and b.people and not a.people & b.people) or _stat_apart(a, b)


# what only a player's line in a game counts: every player has one, so two of them are rarely one statistic
GAME_STATS = frozenset(
    {"carry", "rebound", "assist", "touchdown", "yard", "reception", "tackle", "sack", "interception", "steal", "turnover"}
    | {"strikeout", "inning", "three-pointer"}
)


def _stat_apart(a: Statement, b: Statement) -> bool:
    """Both count a game statistic ("226 yards on 22 carries" / "10 yards on nine carries against Oakland", points a
    player scored) and do not both name one player, or name different opponents or parts of the game (one only naming
    one is another game, or a part of it): a pronoun or no name may be anyone's line, in any game. Points scored and a
    margin in points ("cut the lead to 3 points") are two things."""
    qa, qb = main_quantity(a), main_quantity(b)
    if qa is None or qb is None:
        return False
    keys = {counted_key(q.attrs.get("counted")) for q in (qa, qb)}
    stats = keys & GAME_STATS
    scored = _scored(a, qa), _scored(b, qb)
    if keys == {"point"} and scored[0] != scored[1]:
        return True  # "scored 11 points" / "cut the lead to 3 points": a player's points and a margin
    if keys == {"point"}:
        margins = _margin(a, qa), _margin(b, qb)
        if margins[0] != margins[1] or _part_of_points(a, qa) != _part_of_points(b, qb):
            return True  # a lead and a count of points, or "five of his points" (a part of his total) and his total
        if all(margins) and _game_parts(a) != _game_parts(b):
            return True  # "cut the lead to 3 points midway through the second half" / "the lead grew to 9 points"
    if not stats and not all(scored):
        return False
    if _opponents(a) != _opponents(b):
        return True  # "nine carries against Oakland": a line in the game against another side, or in another game
    if _game_parts(a) != _game_parts(b):
        return True  # "scored seven points in the first half" is a part of his 14
    pa, pb = _first_named(a), _first_named(b)
    # a player's line opens with the player: "Artino complemented Echenique by adding six rebounds" is Artino's
    return not a.people & b.people or (pa is not None and pb is not None and pa != pb)


# what a player does with points: "scored 23 points", "had 14 points", "added 11 points" (not an index that "fell 200
# points" nor a lead "cut to 3 points")
_SCORING = frozenset({"score", "have", "add", "get", "finish", "pour", "net", "total", "tally", "chip"})


_SCORED_BEFORE = re.compile(
    r"\b(?:scor(?:e|es|ed|ing)|add(?:s|ed|ing)?|ha(?:s|d|ve|ving)|g[eo]t(?:s|ting)?|finish(?:es|ed|ing)?|pour(?:s|ed|ing)?"
    r"|net(?:s|ted|ting)?|total(?:s|l?ed|l?ing)?|tall(?:y|ies|ied|ying)|chip(?:s|ped|ping)?)\s+(?:in\s+|with\s+)?"
    r"(?:an?\s+|his\s+|her\s+)?(?:(?:career|season|game|team)-high\s+)?$",
    re.I,
)


def _scored(st: Statement, q: Span) -> bool:
    """``q`` counts the points someone scored: its predicate says so, or the words right before it ("Echenique
    scored 11 points, all in the second half", which the reading gave no predicate)."""
    if counted_key(q.attrs.get("counted")) != "point":
        return False
    text = st.article.text
    return bool(set(q.attrs.get("state_lemmas") or ()) & _SCORING) or _SCORED_BEFORE.search(text, max(0, q.start - 40), q.start) is not None


_MARGIN_BEFORE = re.compile(
    r"\b(?:lead|leads|led|leading|margin|deficit|within|advantage|edge|cushion|trail(?:s|ed|ing)?)\b[^.;]{0,30}$", re.I
)
_PART_OF = re.compile(r"\s+of\s+(?:his|her|their|its|the\s+team[’']s|[A-Z][\w’']*[’']s?)\s+(?:\w+\s+)?points\b")


def _margin(st: Statement, q: Span) -> bool:
    """``q`` counts points between two sides ("cut the lead to 3 points", "within two points"), not points scored
    ("Artino led all scorers, scoring 20 points")."""
    return not _scored(st, q) and _MARGIN_BEFORE.search(st.article.text, max(st.start, q.start - 40), q.start) is not None


def _part_of_points(st: Statement, q: Span) -> bool:
    """``q`` is a part of someone's points ("Five of his points came in a 7-0 run")."""
    return _PART_OF.match(st.article.text, q.end) is not None


_AGAINST = re.compile(r"\b(?:against|vs\.?|versus)\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)")


_GAME_PART = re.compile(
    r"\b(?:first|second|third|fourth|final|opening|closing)\s+(?:half|quarter|period|inning|set|round)\b|\bovertime\b", re.I
)


def _game_parts(st: Statement) -> frozenset[str]:
    """The parts of a game a statement names ("in the first half", "overtime")."""
    return frozenset(" ".join(m.group(0).lower().split()) for m in _GAME_PART.finditer(st.text))


def _opponents(st: Statement) -> frozenset[str]:
    """The sides a statement names a game against ("against Oakland", "vs. the Chiefs")."""
    return frozenset(m.group(1).lower().rstrip(".’'-") for m in _AGAINST.finditer(st.text))


def _first_named(st: Statement) -> str | None:
    """The entity of the first person the statement names."""
    named = [
        m
        for m in st.article.group("mentions")
        if m.label == "PERSON" and st.start <= m.start < st.end and m.attrs.get("entity") in st.people
    ]
    return str(min(named, key=lambda m: m.start).attrs["entity"]) if named else None


def _not_a_count(st: Statement, q: Span) -> bool:
    """A number that counts nothing here: a part of a group that names what something is (:func:`picks_one`), a
    score or a record ("a 162-139 record", "fell to 36-3"), or a number made into a describing word ("a five-time
    all-star", "a three-point play", "a two-day visit")."""
    text = st.article.text
    score = _SCORE.match(text, q.start)
    if score is not None and float(score.group(1).replace(",", "")) > float(score.group(2).replace(",", "")):
        return True  # a range runs upwards ("10-15 people"); a score or a record does not
    return picks_one(st, q) or DESCRIBING.match(text, q.end) is not None


_SIZE = re.compile(r"-([a-z]+)\s+(?:[A-Z]{2,}\s+)*([\w-]+)")  # "35-word oath", "five-time NBA All-Defensive honoree"


def _size_of(st: Statement) -> tuple[str, str] | None:
    """The unit and the noun a number made into a describing word sizes: ("word", "oath") for "the 35-word oath"."""
    q = main_quantity(st)
    m = _SIZE.match(st.article.text, q.end) if q is not None else None
    return (m.group(1), m.group(2).lower()) if m is not None else None


def _sized_alike(sts: Sequence[Statement]) -> set[int]:
    """Statements whose number sizes one thing by one unit as another source's does ("the 35-word oath" / "the 38-word
    oath", "a 47-page indictment" / "a 48-page indictment"): a describing word, but one measure of one thing. "A
    five-time All-Defensive honoree" and "a four-time all-star" size two honours."""
    sizes = {st.idx: size for st in sts if (size := _size_of(st)) is not None}
    by_size: dict[tuple[str, str], set[str]] = {}
    for st in sts:
        if st.idx in sizes:
            by_size.setdefault(sizes[st.idx], set()).add(st.source)
    return {idx for idx, size in sizes.items() if len(by_size[size]) >= 2}


_SCORE = re.compile(r"[^\d\s]*(\d[\d,]*)\s*[-–]\s*(\d[\d,]*)\b")  # "162-139", "58-3"


def picks_one(st: Statement, q: Span) -> bool:
    """A part of a group that names what something is ("one of Egypt's largest providers", "Etisalat and LINKdotNET,
    two of Egypt's largest providers"): it describes, it counts nothing. "About 150 of the group's members had
    started crossing" counts those crossing."""
    if _PARTITIVE.match(st.article.text, q.end) is None:
        return False
    return q.attrs.get("value") == 1 or st.article.text[max(0, q.start - 2) : q.start].strip() == ","


# "two of the", "30 of its", "one of Egypt's": a part of a group named in full ("thousands of protesters" is a count)
_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|these|those|them|[A-Z][\w-]*['’]s)\b")


STATED_APART = 20.0  # two stated numbers this many times apart count two things (a game's points, a career's)
VAGUE_APART = 100.0  # a vague size this many times from a stated number sizes something else ("Ten" / "tens of thousands")


def _worlds_apart(x: Amount, y: Amount) -> bool:
    """A vague amount and a number orders of magnitude apart, or two stated numbers ``STATED_APART`` times apart
    ("23 points" in a game, "2,129 points" in a career): two things, not one count disputed."""
    if x.value is not None and y.value is not None:
        return bool(x.value and y.value and max(x.value, y.value) / min(x.value, y.value) >= STATED_APART)
    lo, hi = sorted((x, y), key=lambda a: a.low or 0.0)
    return bool(lo.high and hi.low and hi.low / lo.high >= VAGUE_APART)


def _scope(s: Statement) -> object:
    q = main_quantity(s)
    return None if q is None else q.attrs.get("scope")


def _same_scope(a: Statement, b: Statement) -> bool:
    """Two counts of one area: the same part named (or none), or one named as a part by one count and as the place
    of the whole sentence by the other ("killed more than 20 civilians in Dorvik" / "shelled Dorvik on Thursday,
    killing nearly 20 civilians")."""
    sa, sb = _scope(a), _scope(b)
    if sa == sb:
        return True
    if sa is None or sb is None:
        part, other = (str(sb), a) if sa is None else (str(sa), b)
        # the one place the other sentence names ("killed 24 across Alder province, officials in Kestrel district
        # said" names two: Kestrel is not where its count is)
        return len(other.places) <= 1 and re.search(rf"\b{re.escape(part)}\b", other.text, re.I) is not None
    return False


def _also_gives(a: Statement, b: Statement) -> bool:
    """``b`` also states ``a``'s number, for something else in its sentence: "six arrests Wednesday, compared to 47
    the previous night" agrees with "47 arrests overnight"."""
    value, qa = _value(a), main_quantity(a)
    assert qa is not None
    return any(
        q is not main_quantity(b)
        and q.attrs.get("value") == value
        and (not q.attrs.get("counted") or counted_match(q, qa))
        and _states_compatible(q, qa)
        for q in b.quantities
    )


def _states_compatible(q: Span, r: Span) -> bool:
    """Two counts in one state, or in states the reading cannot tell apart: "12 arrested" is not "12 injured", nor
    "four exploded" "four dropped"."""
    sq, sr = quantity_state(q), quantity_state(r)
    if sq and sr:
        return bool(sq & sr)
    lq, lr = set(q.attrs.get("state_lemmas") or ()), set(r.attrs.get("state_lemmas") or ())
    return not (lq and lr) or bool(lq & lr)


DATE_RELATED = 0.95  # the specific similarity two differently dated statements need to be one statement dated twice


def date_disagreement(
    sts: Sequence[Statement],
    facts: list[str],
    related: Callable[[Statement, Statement], bool] | None = None,
    told_alike: Callable[[Statement, Statement], bool] | None = None,
) -> Discrepancy | None:
    """The same statement dated differently: no single day is given by every source that dates it. Days are compared
    with days of the same act (:func:`dated_events`: "said Friday" with "announced Monday", never "confirmed Thursday"
    with "will travel on July 13"), and "since" years with "since" years; ``related`` (when given) must hold for some
    pair of differently dated statements, so that "pleaded guilty on Friday" and "defended him on Monday" are not
    taken for one. For days of saying, ``told_alike`` (when given) may hold instead: one speaker's words told alike
    ("Ana Ruiz said on Monday the pier is unsafe" / "Ruiz warned in an interview Tuesday that the pier is unsafe")."""
    events = {s.idx: dated_events(s) for s in sts}
    guessed = _guessed_weekdays(sts)
    keys = sorted({k for e in events.values() for _, k in e})
    kinds: list[tuple[str, str | None]] = [("since", None)] + [("day", k) for k in keys]
    for kind, key in kinds:
        if kind == "since":
            dated = {s.idx: {d for d in day_dates(s) if d.startswith("since ")} for s in sts}
        else:
            assert key is not None
            tense = key.split(":")[0] + ":"  # a day whose act the reading could not tell goes with any act of its tense
            dated = {s.idx: {d for d, k in events[s.idx] if k in (key, tense)} for s in sts}
        if guessed:
            _snap_guessed_weekdays(sts, dated, guessed)
        per_source: dict[str, set[str]] = defaultdict(set)
        for s in sts:
            per_source[s.source] |= dated[s.idx]
        given = [v for v in per_source.values() if v]
        if len(given) < 2 or set.intersection(*given):
            continue
        apart = [
            (a, b)
            for a in sts
            for b in sts
            if a.source < b.source
            and dated[a.idx]
            and dated[b.idx]
            and not dated[a.idx] & dated[b.idx]
            and (kind == "since" or (could_report(a, b) and could_report(b, a)))
        ]
        if not apart:
            continue
        told = told_alike if key is not None and key.endswith(":stating") else None
        if related is not None and not any(related(a, b) or (told is not None and told(a, b)) for a, b in apart):
            continue
        groups: dict[str, list[Statement]] = defaultdict(list)
        for s in sts:
            for d in sorted(dated[s.idx]):
                groups[d].append(s)
        if len(groups) > 1:
            return Discrepancy(_id(*facts, "date"), "date", "disputed: date", variants(groups, "date"), list(facts))
    return None


def _guessed_weekdays(sts: Sequence[Statement]) -> dict[tuple[int, str], int]:
    """(statement, day) -> weekday, for each day of an undated report told by its weekday (:func:`guessed_weekday`)."""
    return {
        (s.idx, str(t.attrs["value"])): wd
        for s in sts
        for t in s.times
        if t.attrs.get("precision") == "day" and t.attrs.get("value") and (wd := guessed_weekday(t)) is not None
    }


def _snap_guessed_weekdays(sts: Sequence[Statement], dated: dict[int, set[str]], guessed: dict[tuple[int, str], int]) -> None:
    """A weekday of an undated report ("met on Monday"), resolved against the story's dates, is the outlet's weekday
    only, not its week: it takes the nearest day of that weekday another source gives, if any. "Monday" and
    "Monday, March 3" are one day; "Friday" and "Monday, December 23" are two, whatever week "Friday" is put in.
    ``guessed``: :func:`_guessed_weekdays` of ``sts``."""
    for s in sts:
        for value in sorted(dated[s.idx]):
            wd = guessed.get((s.idx, value))
            if wd is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
                continue
            day = date.fromisoformat(value)
            given = {
                date.fromisoformat(v)
                for o in sts
                if o.source != s.source
                for v in dated[o.idx]
                if re.fullmatch(r"\d{4}-\d\d-\d\d", v) and (o.idx, v) not in guessed and date.fromisoformat(v).weekday() == wd
            }
            if given:
                nearest = min(given, key=lambda d: (abs((d - day).days), d))
                dated[s.idx] = (dated[s.idx] - {value}) | {nearest.isoformat()}


TELLING_SIM = 0.75  # meaning similarity of one speaker's words, told by two outlets, to be one telling dated twice


def one_telling(a: Statement, b: Statement, sim: float) -> bool:
    """``a`` and ``b`` report one telling: the same named speaker, words close in meaning (``sim``)."""
    return a.speaker_entity is not None and a.speaker_entity == b.speaker_entity and sim >= TELLING_SIM


# units of a time counted back that days do not date: shorter ones ("15 days ago") resolve to a day, compared as
# days (:func:`date_disagreement`, :func:`day_pairs`)
_BACK_UNITS = frozenset({"week", "month", "year", "decade"})


def _counted_back(st: Statement) -> Span | None:
    """The one past time a statement counts back from its report in weeks, months, years or decades ("moved back
    around six weeks ago"), with an end on each side ("more than two weeks ago" has none); None when it gives none or
    several (a sentence of two such times tells two events). A time in a side clause counts only in the clause cut
    from the sentence ("who took charge about three weeks ago"), not in the sentence it qualifies."""
    backs = [
        t
        for t in st.times
        if isinstance(d := t.attrs.get("duration"), dict)
        and d.get("relation") == "ago"
        and not t.attrs.get("future")
        and (st.kind == "clause" or not t.attrs.get("subordinate"))
    ]
    if len(backs) != 1:
        return None
    d = backs[0].attrs["duration"]
    return backs[0] if d.get("unit") in _BACK_UNITS and d.get("days_high") is not None else None


def _window_back(st: Statement, t: Span) -> tuple[float, float] | None:
    """The days (as day ordinals) a time counted back may fall on, from the report's own publication date (a report
    without one is not compared: its reference would be the reading's guess): a hedged length as its hedge reads
    ("about two weeks"), an unhedged one give or take half its unit ("12 weeks ago")."""
    published = st.article.meta.published
    if published is None:
        return None
    d = t.attrs["duration"]
    half = DAYS[str(d["unit"])] / 2 if d.get("hedge", "exact") == "exact" else 0.0
    ref = float(published.toordinal())
    return ref - float(d["days_high"]) - half, ref - max(float(d["days_low"]) - half, 0.0)


def _overlap(w: tuple[float, float], v: tuple[float, float]) -> bool:
    """Two windows share a stretch of time (windows that only touch, "two" and "three weeks ago", do not)."""
    return w[0] < v[1] and v[0] < w[1]


AGO_SUMMARY = "disputed: number (how long ago)"


def ago_disagreement(sts: Sequence[Statement], facts: list[str]) -> Discrepancy | None:
    """One fact told as happening at two times counted back from the reports: "who took charge about three weeks ago"
    against "took command about two weeks ago", the days each may fall on (from each report's own date) apart.
    Each statement gives one such time; an outlet that also gives a time the other's may be is telling two events
    apart; two statements about different named people are not compared. Each side shows the words its sources use."""
    items = [(s, t, w) for s in sts if (t := _counted_back(s)) is not None and (w := _window_back(s, t)) is not None]
    windows: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for s, _, w in items:
        windows[s.source].append(w)
    for k, (a, _, wa) in enumerate(items):
        for b, _, wb in items[k + 1 :]:
            if a.source == b.source or _overlap(wa, wb) or _named_apart(a, b):
                continue
            if any(_overlap(wb, x) for x in windows[a.source]) or any(_overlap(wa, x) for x in windows[b.source]):
                continue
            sides: tuple[list[tuple[Statement, Span]], list[tuple[Statement, Span]]] = ([], [])
            shown: set[tuple[str, int, int]] = set()  # a clause is shown by its sentence, once
            for s, t, w in items:
                e = evidence_for(s, "date")
                if _overlap(w, wa) != _overlap(w, wb) and (e.article, e.start, e.end) not in shown:
                    shown.add((e.article, e.start, e.end))  # each statement with the side its time agrees with
                    sides[0 if _overlap(w, wa) else 1].append((s, t))
            groups = {" / ".join(dict.fromkeys(s.article.span_text(t) for s, t in side)): [s for s, _ in side] for side in sides}
            # typed as a number, as a length of time is: what the sources give apart is how long ago
            return Discrepancy(_id(*facts, "ago"), "number", AGO_SUMMARY, variants(groups, "date"), list(facts))
    return None


def could_report(st: Statement, other: Statement) -> bool:
    """Could the article of ``st`` have reported what ``other`` dates? Not when ``other`` dates a day already past
    at its own publication but after ``st``'s article was published: a report of Sunday's meeting does not contradict
    a later report of Thursday's, it was written before Thursday."""
    mine, theirs = st.article.meta.published, other.article.meta.published
    if mine is None or theirs is None:
        return True
    days = [d for d in day_dates(other) if not d.startswith("since ")]
    return not any(mine.isoformat() < d <= theirs.isoformat() for d in days)


def attribution_disagreement(sts: Sequence[Statement], facts: list[str]) -> Discrepancy | None:
    """The same words credited to different speakers. Only speakers the sources name count as rivals: a "he said"
    newsfuse resolved itself is its own guess, not the outlet's claim, unless it could mean no one else (the one
    person named in the sentence before: ``speaker_sure``)."""
    credited = [s for s in sts if s.speaker]
    named = [s for s in credited if s.speaker_kind not in {"pronoun", "continuation"} or s.speaker_sure]
    if not any(
        rival_speakers(a, b) and not _two_remarks(a, b) for i, a in enumerate(named) for b in named[i + 1 :] if a.source != b.source
    ):
        return None
    groups: dict[str, list[Statement]] = defaultdict(list)
    for s in credited:
        groups[str(s.speaker)].append(s)
    return Discrepancy(_id(*facts, "attribution"), "attribution", "disputed: attribution", variants(groups, "attribution"), list(facts))


SAME_REMARK_RUN = 5  # words in a row two direct quotations must share to be one remark


def _two_remarks(a: Statement, b: Statement) -> bool:
    """Two direct quotations that share no run of words: two people's own remarks, alike in meaning ("There was a
    smell of burning and then the captain came on" / "Then the captain comes on, cool as you like"), not one remark
    credited to two people."""
    if not (a.direct and b.direct):
        return False
    wa, wb = re.findall(r"\w+", a.text.lower()), re.findall(r"\w+", b.text.lower())
    runs = {tuple(wa[i : i + SAME_REMARK_RUN]) for i in range(len(wa) - SAME_REMARK_RUN + 1)}
    return not any(tuple(wb[i : i + SAME_REMARK_RUN]) in runs for i in range(len(wb) - SAME_REMARK_RUN + 1))


def rival_speakers(a: Statement, b: Statement) -> bool:
    """Two sources credit one statement to rivals (:func:`speakers_conflict`), and not a person against a body: "Lu
    said" and "AMD said", "Kirby" and "the Pentagon" may well be one voice, a person speaking for the body or quoting
    it."""
    if a.source == b.source or not speakers_conflict(a, b):
        return False
    return not (a.speaker_entity and b.speaker_entity and a.speaker_person != b.speaker_person)


NAMESAKE_SIM = 0.6  # the embedding similarity two statements need to be one report of who did something


def namesake_disagreement(sts: Sequence[Statement], facts: list[str], persons: dict[str, str], vectors: np.ndarray) -> Discrepancy | None:
    """One report, two namesakes: the same thing done by "Loretta Sanchez" in one source and by "Linda T. Sánchez" in
    another, where neither source names the other person (so neither outlet tells the two apart: one of them has the
    wrong person). ``persons``: the names of the run's person entities."""
    full = {s.idx: [e for e in sorted(s.entities) if len(persons.get(e, "").split()) >= 2] for s in sts}
    mentioned: dict[str, set[str]] = {}
    for s in sts:
        mentioned.setdefault(s.source, {str(m.attrs.get("entity")) for m in s.article.group("mentions")})
    for a in sts:
        for b in sts:
            if a.source >= b.source or float(vectors[a.idx] @ vectors[b.idx]) < NAMESAKE_SIM:
                continue
            for ea in full[a.idx]:
                for eb in full[b.idx]:
                    na, nb = persons[ea], persons[eb]
                    if ea == eb or surname(na) != surname(nb) or not _other_given_names(na, nb):
                        continue
                    if ea in mentioned[b.source] or eb in mentioned[a.source]:
                        continue  # an outlet that names both people tells them apart
                    if _given_before(b, eb, na) or _given_before(a, ea, nb):
                        continue  # "Ka'Loni Marie Flynn" read as "Marie Flynn": the other's given name, then a middle name
                    groups = {na: [a], nb: [b]}
                    return Discrepancy(
                        _id(*facts, "namesake"), "attribution", "disputed: attribution", variants(groups, "attribution"), list(facts)
                    )
    return None


def _given_before(st: Statement, entity: str, other: str) -> bool:
    """The article of ``st`` writes ``other``'s given name right before a mention of ``entity``: the entity model
    left the first given name out of one full name ("Ka'Loni Marie Flynn" -> "Marie Flynn")."""
    given = fold(other.split()[0]).lower()
    text = st.article.text
    for m in st.article.group("mentions"):
        if m.attrs.get("entity") == entity:
            words = text[max(0, m.start - 40) : m.start].split()
            if words and fold(words[-1]).lower() == given:
                return True
    return False


STANCE_LABELS = {
    None: "stated as fact",
    "alleged": "as an allegation",
    "accused": "as an allegation",
    "tentative": "as tentative",
    "expected": "as still to come",
}
HELD_LABELS = frozenset(v for k, v in STANCE_LABELS.items() if k is not None)  # a claim held at a distance
# a claim credited as someone's accusation: "the union alleged that ...", "according to a complaint filed by ...".
# "said" or "told" credits words; these hold them to be the accuser's, not established ("claimed" is too loose a
# word: "claimed responsibility", "claiming he lied")
_ACCUSING_CUE = re.compile(r"\b(?:alleg\w*|accus\w*)\b")
_ACCUSING_SOURCE = re.compile(r"\b(?:complaints?|lawsuits?|suits?|indictments?|petitions?|allegations?|accusations?|charges)\b", re.I)
# an outlet giving an accusation's content in its own words: "The first is that ...", "The plaintiffs' theory is that"
_CONTENT_OF = re.compile(r"^\W*(?:the|its|their|his|her)\s+(?:[\w'’,-]+\s+){0,5}(?:is|was|are|were)\s+that\b", re.I)


def states_accusation(st: Statement) -> bool:
    """``st`` speaks of an accusation or gives its content ("the complaint", "The first is that ..."): not a claim
    stated in the outlet's own voice, to set against someone's accusation of it."""
    return bool(_ACCUSING_SOURCE.search(st.text) or _CONTENT_OF.match(st.text) or _REPORTS_CHARGE.search(st.text))


def accused(st: Statement) -> bool:
    """``st`` reports someone's accusation: credited with an accusing verb ("alleged", "accused") or to a complaint,
    a lawsuit or an indictment (its own words are not quoted: a direct quote is the accuser's voice either way)."""
    if not st.speaker or st.direct:
        return False
    return bool(_ACCUSING_CUE.search(st.cue) or _ACCUSING_SOURCE.search(st.speaker_written or ""))


def _held(st: Statement) -> str | None:
    """How the outlet holds a claim at a distance: its own marker (``stance``), else "accused" for a claim it credits
    as someone's accusation (:func:`accused`)."""
    return st.stance or ("accused" if accused(st) else None)


# a sentence that reports someone's accusation ("members accused protesters of hurling epithets") states the
# accusation, not the deed: it is no firm side against "protesters allegedly hurled epithets"
_REPORTS_CHARGE = re.compile(r"\b(?:accus|alleg|claim)\w*", re.I)


_QUOTED_WORDS = re.compile(r"[“\"][^“”\"]*[”\"]")


def _mostly_own_words(st: Statement) -> bool:
    """The outlet's own words, not a direct quote: no quotation, or only short pieces of up to three words in scare
    quotes, under a third of the text ("was promised "dirt" on Hillary Clinton"); a predicate inside the marks is
    still not the outlet's (:func:`_says_predicate`)."""
    if st.direct:
        return False
    quoted = _QUOTED_WORDS.findall(st.text)
    if re.search(r"[“”\"]", _QUOTED_WORDS.sub("", st.text)):
        return False  # a quotation opened or closed beyond the statement
    return not quoted or (all(len(q.split()) <= 3 for q in quoted) and sum(map(len, quoted)) < 0.3 * len(st.text))


ACCUSED_SIM = 0.65  # meaning similarity a firm statement needs with someone's accusation to be the same claim
ACCUSED_LOOSE_SIM = 0.5  # less, when meaning and specific words together reach ACCUSED_TOGETHER and both date one
# deed to one time: "bosses were warned
ACCUSED_TOGETHER = 1.4  # in January about a security hole in their remote-access system" / "the union alleged that the
# partnership had been warned in January about a weakness in its remote-access system" (0.52 + 0.91)


def stance_disagreement(
    sts: Sequence[Statement],
    facts: list[str],
    related: Callable[[Statement, Statement], bool] | None = None,
    alike: Callable[[Statement, Statement], float] | None = None,
    specific: Callable[[Statement, Statement], float] | None = None,
) -> Discrepancy | None:
    """One claim stated as fact by one outlet and held at a distance by another.

    - An allegation ("allegedly", "accused of") is the outlet's own doubt: both sides must speak in their own voice (a
      claim credited to a speaker, or quoted, is not the outlet's statement).
    - A claim credited as someone's accusation ("the union alleged that ...", "according to a complaint", :func:`accused`)
      is held at a distance too, set against an outlet stating it in its own voice.
    - A tentative status ("agreements in principle", "for now") is about the thing itself, so two outlets relaying
      one source ("the White House said") disagree on what it said: credited claims count too, unless their speakers
      are rivals. Direct quotes never count: they are the speaker's words (a word or two in scare quotes, "was
      promised "dirt"", is the outlet's own).

    - A step still to come ("is expected to plead guilty") is set only against another outlet's own telling of it as
      done ("later pleaded guilty", :func:`_says_done`), in a report not written days before the other; its sentence
      is firm on every other predicate ("forwarded the emails and is expected to testify").

    ``related`` (when given) must hold for an asserting and a distancing statement: one claim; ``alike`` (their meaning
    similarity, when given) must reach :data:`ACCUSED_SIM` for a claim against an accusation of it, or
    :data:`ACCUSED_LOOSE_SIM` when with ``specific`` (their specific similarity) it reaches :data:`ACCUSED_TOGETHER` and
    both date one deed to one time. A tentative claim
    that states the same predicate about the same two or more named things ("reached agreements with Argentina,
    Australia and Brazil") is one claim too."""
    unquoted = [s for s in sts if _mostly_own_words(s)]

    def firm(s: Statement, lemma: str | None) -> bool:
        return _held(s) is None or (s.stance == "expected" and lemma is not None and s.stance_of != lemma)

    def voiced(s: Statement, other: Statement, stance: str | None) -> bool:
        if stance == "tentative":
            return not speakers_conflict(s, other)
        if stance == "accused":  # the other credits its accuser; this one must state the claim itself, whole
            return not s.speaker and s.kind == "statement" and not states_accusation(s)
        return not s.speaker and not other.speaker

    def one_claim(a: Statement, b: Statement) -> bool:
        if b.stance == "expected" and (not _says_done(a, b.stance_of) or _written_before(b, a) or _background(a)):
            return False  # "is expected to plead guilty" against "pleaded guilty", not "had agreed to plead guilty"
        if not _says_predicate(a, b.stance_of):
            return False
        if b.stance == "alleged" and _SUSPECTED.search(b.unquoted()) and not _same_offence(a, b):
            return False  # "arrested on suspicion of drunk driving" is set against "arrested for drunk driving" only
        if _held(b) == "accused" and alike is not None:
            sim = alike(a, b)
            if specific is not None and sim >= ACCUSED_LOOSE_SIM and sim + specific(a, b) >= ACCUSED_TOGETHER and _same_dated_deed(a, b):
                return True  # much the same specific words and one deed on one date, told a little apart
            if sim < ACCUSED_SIM:
                return False
        if related is None or related(a, b):
            return True
        return b.stance == "tentative" and len(a.entities & b.entities) >= TENTATIVE_SHARED

    pairs = [
        (a, b)
        for a in unquoted
        for b in unquoted
        if firm(a, b.stance_of)
        and not _REPORTS_CHARGE.search(a.text)
        and _held(b) is not None
        and a.source != b.source
        and voiced(a, b, _held(b))
        and one_claim(a, b)
    ]
    if not pairs:
        return None
    held = {id(b) for _, b in pairs}
    own = [
        s
        for s in unquoted
        if (_held(s) is None or (s.stance == "expected" and id(s) not in held))
        and not _REPORTS_CHARGE.search(s.text)
        and (not s.speaker or any(s is a and b.stance == "tentative" for a, b in pairs))
    ]
    marked = [
        s
        for s in unquoted
        if (stance := _held(s)) is not None
        and (stance != "expected" or id(s) in held)
        and (not s.speaker or stance in {"tentative", "accused"})
    ]
    if all(b.stance == "expected" for _, b in pairs):  # what is still to come is set against its telling as done only
        own = list({id(a): a for a, _ in pairs}.values())
        marked = list({id(b): b for _, b in pairs}.values())
    asserting = {s.source for s in own} - {s.source for s in marked}
    distancing = {s.source for s in marked} - {s.source for s in own}
    if not asserting or not distancing:
        return None
    groups: dict[str, list[Statement]] = defaultdict(list)
    for s in own:
        if s.source in asserting:
            groups[STANCE_LABELS[None]].append(s)
    for s in marked:
        if s.source in distancing:
            groups[STANCE_LABELS[_held(s)]].append(s)
    label = " vs ".join(groups)
    return Discrepancy(_id(*facts, "stance"), "wording", f"disputed: {label}", variants(groups, "wording"), list(facts))


TENTATIVE_SHARED = 2  # named things a tentative and a firm claim share, with one predicate, to be one claim


STANCE_PAIR_SIM = 0.65  # meaning similarity of a firm and an alleged statement that the facts may have kept apart


def stance_pairs(statements: Sequence[Statement], vectors: np.ndarray) -> list[Discrepancy]:
    """Allegations and steps still to come against firm statements across the whole story, not only within a fact: a
    fact that gathers several claims of one topic may keep "Flynn is now cooperating" and "who is believed to be
    cooperating" apart. A pair needs both statements in their outlets' own voice, close in meaning (a clause held at a
    distance is also read in its sentence, unless that sentence states the predicate firmly itself), about a named
    thing they share, and the firm one must state the very predicate the other holds at a distance ("cooperate"),
    as done when the other tells it as still to come. One pair per two sentences; pairs that show one sentence with
    one value are one disagreement."""
    out: list[Discrepancy] = []
    seen: set[tuple[str, tuple[int, int], str, tuple[int, int]]] = set()
    firm = [s for s in statements if s.stance in {None, "expected"} and not s.speaker and not s.direct]
    alleged = [s for s in statements if s.stance in {"alleged", "expected"} and len(s.stance_of) >= 3 and not s.speaker and not s.direct]
    whole = {(s.article.id, s.start, s.end): s for s in statements if s.kind == "statement"}
    for b in alleged:
        # a clause held at a distance ("after he allegedly was promised dirt") is read in its sentence too, unless the
        # sentence states the same predicate firmly itself ("visited the plant, a month after he allegedly visited")
        parent = whole.get((b.article.id, *b.parent)) if b.parent is not None else None
        if parent is not None:
            rest = parent.text[: b.start - parent.start] + " " + parent.text[b.end - parent.start :]
            if _predicate_in(rest, b.stance_of):
                parent = None
        for a in firm:
            sim = max(float(vectors[a.idx] @ vectors[x.idx]) for x in (b, parent) if x is not None)
            if a.source == b.source or not a.entities & b.entities or sim < STANCE_PAIR_SIM:
                continue
            key = (a.article.id, a.parent or (a.start, a.end), b.article.id, b.parent or (b.start, b.end))
            if key in seen:
                continue
            d = stance_disagreement([a, b], [f"{a.idx}:{b.idx}"])
            if d is not None:
                seen.add(key)
                out.append(d)
    return _merge_pairwise(out, by_value=True)  # one firm sentence against two outlets' copies of one allegation


def _says_predicate(st: Statement, lemma: str) -> bool:
    """``st`` states, in its own words, the predicate another outlet holds at a distance ("forwarded" for
    "reportedly forwarded"), not only the things around it ("were reportedly furious that the charges were announced"
    / "announced the charges"), nor inside quotation marks ('"pocketed the bribes"' is the filing's word)."""
    if len(lemma) < 3:
        return True
    return _predicate_in(st.unquoted(), lemma)


def _stem(lemma: str) -> str:
    """The part of a lemma its inflections share: "plead", "vot" (voted, voting)."""
    return lemma[:-1] if lemma.endswith("e") else lemma


def _predicate_in(text: str, lemma: str) -> bool:
    stem = _stem(lemma)
    return len(stem) >= 2 and any(w.startswith(stem) for w in re.findall(r"[a-z]+", text.lower()))


_SUSPECTED = re.compile(rf"\b(?:{SUSPICION})\b", re.I)


# the deeds a suspicion is the ground of: custody and discipline ("arrested on suspicion of", "questioned on
# allegations of"), not a vote or a debate "on allegations of misconduct"
_CUSTODY = frozenset({"arrest", "detain", "hold", "book", "jail", "charge", "question", "investigate", "suspend", "fire", "stop", "pull"})
_OFFENCE_END = re.compile(r"[,;.()]|\b(?:in|on|at|after|before|near|from|with|and|a|an|the|last|this|when|while|since|during)\b", re.I)


def _offence(text: str) -> set[str]:
    """The words that name an offence, up to a place, a day or a clause: "drunk driving in Denver" -> drunk, driving."""
    words = re.findall(r"[A-Za-z][A-Za-z-]*", _OFFENCE_END.split(text, maxsplit=1)[0])
    return {w for w in words if len(w) >= 3}


def _same_offence(firm: Statement, suspected: Statement) -> bool:
    """``firm`` states as fact the offence ``suspected`` holds at a distance: the deed is one of custody, and what it
    was "for" names the same offence ("arrested for drunk driving" / "on suspicion of driving under the influence";
    a word in common, or an initialism of the other's words, "DUI"); never "arrested for questioning", nor a
    sentence that denies either."""
    if suspected.stance_of not in _CUSTODY or _DENIED.search(firm.text) or _DENIED.search(suspected.text):
        return False
    said = re.search(rf"\b{re.escape(_stem(suspected.stance_of))}\w*\s+(?:\w+\s+)?for\s+(.*)", firm.text, re.I)
    held = _SUSPECTED.search(suspected.text)
    if said is None or held is None:
        return False
    x, y = _offence(said.group(1)), _offence(suspected.text[held.end() :])

    def initials(words: set[str], text: str) -> set[str]:
        return {w for w in words if w.isupper() and len(w) >= 3} & {"".join(t[0] for t in re.findall(r"[A-Za-z]+", text)).upper()}

    stems = {w.lower()[:5] for w in x if len(w) >= 4} & {w.lower()[:5] for w in y if len(w) >= 4}
    return bool(stems) or bool(initials(x, " ".join(y)) or initials(y, " ".join(x)))


_NEGATION = r"not|never|n't"
_REFUSAL = r"failed to|refused to|declined to"
_DENIED = re.compile(rf"\b(?:{_NEGATION})\b", re.I)


def _says_done(st: Statement, lemma: str) -> bool:
    """``st`` tells the predicate as done, in a regular past form ("pleaded" for "plead", "voted", "admitted",
    "testified"), not negated ("has not voted", "pleaded not guilty") nor as a participle of what is still to come
    ("will be sentenced", "expects the deal to be completed", "was supposed to have voted")."""
    if len(lemma) < 3:
        return False
    forms = {lemma + "d" if lemma.endswith("e") else lemma + "ed", lemma + lemma[-1] + "ed"}
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ied")
    text = st.text.lower()
    for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, sorted(forms))) + r")\b", text):
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 6]
        if not (_TO_COME.search(before) or _NOT_DONE.search(before) or after.startswith(" not ")):
            return True
    return False


_TO_COME = re.compile(
    r"\b(?:to|will|would|shall|could|may|might|should|must|can|won't|wouldn't|going to)(?: not)?(?: \w+ly)? (?:be|have)(?: \w+ly)?\s+$"
)
_NOT_DONE = re.compile(rf"\b(?:{_NEGATION}|yet to|{_REFUSAL})(?: \w+){{0,2}}\s+$")


def _written_before(early: Statement, late: Statement) -> bool:
    """``early``'s report was published a day or more before ``late``'s: a plan it gives may since have been carried
    out, so it does not contradict a later telling of it as done."""
    mine, theirs = early.article.meta.published, late.article.meta.published
    return mine is not None and theirs is not None and mine < theirs


def _name_words(name: str) -> set[str]:
    return {fold(w) for w in (w.strip("\"“”‘’'()[]") for w in name.split()) if w}


def _other_given_names(a: str, b: str) -> bool:
    """Two full names with one surname that cannot be one person written twice: neither holds the other's words
    ("Todd Jones" in "Byron Todd Jones", "John Roberts" in "John G. Roberts Jr.", "Lucky Luciano" in 'Charles "Lucky"
    Luciano': a nickname's quotation marks are no part of it) and the first names differ."""
    wa, wb = _name_words(a), _name_words(b)
    if wa <= wb or wb <= wa:
        return False
    # any given name of one that is a spelling of one of the other's: a title the entity took in ("Skipper Hendrik
    # Solvang" / "Henrik Solvang") hides no second person
    return not any(same_given_name(x, y) for x in a.split()[:-1] for y in b.split()[:-1])


def within(
    fact_id: str,
    sts: Sequence[Statement],
    related: Callable[[Statement, Statement], bool] | None = None,
    told_alike: Callable[[Statement, Statement], bool] | None = None,
) -> list[Discrepancy]:
    """Disagreements among the statements of one fact (``related``, ``told_alike``: see :func:`date_disagreement`)."""
    if len({s.source for s in sts}) < 2:
        return []
    out: list[Discrepancy] = []
    with_q = [s for s in sts if main_quantity(s) is not None]
    # a further count of another thing in a statement of this group, bounded on one side, is compared too, for its
    # hedge only: "... and that more than 7,000 jobs could be at risk" / "nearly 7,000 jobs ... depend on the plant"
    # (further counts of unbounded figures are many and various: "121 RBIs last season" / "averaged 100 RBIs")
    views = [v for s in with_q for v in other_counts(s, any_thing=True) if _one_sided(v)]
    view_ids = {id(v) for v in views}
    with_q += views
    # one fact may count two things ("six children killed" in a mosque, "at least five people killed" in all): each
    # thing's counts are compared among themselves
    slots: list[list[Statement]] = []
    for s in with_q:
        home = next(
            (
                g
                for g in slots
                if (slot_key(g[0]) == slot_key(s) or same_slot(g[0], s)) and all(x.idx != s.idx for x in g)  # a view, not with itself
            ),
            None,
        )
        if home is None:
            slots.append([s])
        else:
            home.append(s)
    for group in slots:
        if len({s.source for s in group}) >= 2:
            found = count_disagreements(group, [fact_id])
            out += [d for d in found if d.kind == "hedge"] if any(id(s) in view_ids for s in group) else found
    for d in (
        date_disagreement(sts, [fact_id], related, told_alike),
        attribution_disagreement(sts, [fact_id]),
        unit_disagreement(with_q, [fact_id], classified=False),
    ):
        if d is not None:
            out.append(d)
    return out


# what a count of people may be told in instead: "6,000 residents" and "6,000 households evacuated" count two things,
# as do "3.8 million customers" and "3.8 million accounts"
_HOUSEHOLDS = frozenset(
    {"household", "households", "home", "homes", "family", "families", "house", "houses", "dwelling", "dwellings", "cabin", "cabins",
     "apartment", "apartments", "flat", "flats"}
)  # fmt: skip
_ACCOUNTS = frozenset({"account", "accounts", "profile", "profiles", "file", "files"})
# people by what they are to the story, each a count of persons ("1,400 voters" / "1,400 households")
_PEOPLE = frozenset(
    {
        "voter",
        "customer",
        "client",
        "passenger",
        "patient",
        "resident",
        "inhabitant",
        "villager",
        "citizen",
        "tenant",
        "student",
        "pupil",
        "employee",
        "user",
        "subscriber",
        "member",
    }
)


def _unit(s: Statement) -> str | None:
    """What a count of people counts: ``person`` (people, residents, voters, customers ...), ``household``
    (households, homes, families, cabins), ``account`` (accounts, profiles, files), or None for anything else."""
    q = main_quantity(s)
    assert q is not None
    counted = str(q.attrs.get("counted") or "").lower().split()
    if not counted:
        return None
    if counted[-1] in _HOUSEHOLDS:
        return "household"
    if counted[-1] in _ACCOUNTS:
        return "account"
    key = counted_key(q.attrs.get("counted"))
    return "person" if key in {"person", "civilian", "worker"} or key in _PEOPLE else None


def unit_disagreement(sts: Sequence[Statement], facts: list[str], classified: bool = True) -> Discrepancy | None:
    """One figure of one state told in people by one outlet and in households (or accounts) by another ("about 2,400
    residents" / "2,400 households" evacuated): a ``wording`` disagreement on what was counted. Statements of one fact
    (``classified`` False) need no state the reading can class: "a notice covering 8,500 households" and "8,500
    people have been warned" tell one thing."""
    units: dict[str, list[Statement]] = defaultdict(list)
    for s in sts:
        if main_quantity(s) is not None and (u := _unit(s)) is not None and (_state(s) or not classified):
            units[u].append(s)
    if len(units) < 2:
        return None
    pairs = [
        (a, b)
        for a in units["person"]
        for unit in ("household", "account")
        for b in units[unit]
        if a.source != b.source
        and _value(a) == _value(b)
        and _state(a) == _state(b)
        # the same figure of the same state: one count, though one outlet names where and the other does not
        and (_same_scope(a, b) or None in (_scope(a), _scope(b)))
        and not _named_apart(a, b)
    ]
    if not pairs:
        return None
    groups: dict[str, list[Statement]] = defaultdict(list)
    for a, b in pairs:
        for x in (a, b):
            q = main_quantity(x)
            assert q is not None
            if x not in groups[str(q.attrs.get("counted"))]:
                groups[str(q.attrs.get("counted"))].append(x)
    return Discrepancy(_id(*facts, "unit"), "wording", "disputed: what was counted", variants(groups, "wording"), list(facts))


ABOARD_SIM = 0.4  # meaning similarity two statements giving one figure for people and for passengers need


def aboard_disagreements(statements: Sequence[Statement], vectors: np.ndarray) -> list[Discrepancy]:
    """One figure told as everyone aboard by one outlet and as the passengers by another ("212 people, 198 passengers
    and 14 crew" / "212 passengers plus crew"), in a story that counts a crew: a ``wording`` disagreement on what was
    counted. Each side holds the statements giving that figure for its noun; an outlet giving both is on neither."""
    if not any("crew" in str(q.attrs.get("counted") or "").lower() for st in statements for q in st.quantities):
        return []
    sides: dict[float, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    for st in statements:
        if st.kind != "statement":
            continue
        for q in st.quantities:
            key, value = counted_key(q.attrs.get("counted")), q.attrs.get("value")
            if key in {"person", "passenger"} and value and value >= 10 and q.attrs.get("hedge") == "exact":
                sides[float(value)][key].append(st)
    out = []
    for value, by_key in sides.items():
        people, passengers = by_key.get("person", []), by_key.get("passenger", [])
        both = {s.source for s in people} & {s.source for s in passengers}
        people = [s for s in people if s.source not in both]
        passengers = [s for s in passengers if s.source not in both]
        if not any(float(vectors[a.idx] @ vectors[b.idx]) >= ABOARD_SIM for a in people for b in passengers):
            continue
        groups = {"people": people, "passengers": passengers}
        out.append(Discrepancy(_id("aboard", str(value)), "wording", "disputed: what was counted", variants(groups, "wording"), []))
    return out


def slot_key(s: Statement) -> tuple[str | None, frozenset[str]]:
    q = main_quantity(s)
    assert q is not None
    return counted_key(q.attrs.get("counted")), _state(s)


def across(
    fact_ids: Sequence[str],
    members: dict[str, list[Statement]],
    vectors: np.ndarray,
    min_sim: float = 0.4,
    specific: Callable[[Statement, Statement], float] | None = None,
    clauses: Mapping[tuple[str, int, int], Sequence[Statement]] | None = None,
) -> list[Discrepancy]:
    """Count disagreements between facts that count the same slot (see the module docstring). ``specific`` (when
    given) is the specific similarity of two statements: a count whose state the reading cannot classify must share
    specific words with the other ("four states have legalized" and "headed for at least 40 different states" count
    states, not one slot). ``clauses`` (when given): the clauses of each statement (article id, start, end); a count
    of a classified state ("rushed to hospital") is as alike in meaning to another of that state as the closer of its
    sentence and the clause holding it ("three workers were killed and 16 people were rushed to hospital": the clause
    of the 16)."""
    out: list[Discrepancy] = []

    def pieces(s: Statement) -> list[Statement]:
        q = main_quantity(s)
        held = clauses.get((s.article.id, s.start, s.end), ()) if clauses is not None and q is not None else ()
        return [s, *(c for c in held if q is not None and c.start <= q.start and q.end <= c.end)]

    members = {fid: [*members[fid], *(v for s in members[fid] for v in other_counts(s))] for fid in fact_ids}
    counted: list[tuple[str, Statement]] = []
    for fid in fact_ids:
        for s in members[fid]:
            q = main_quantity(s)
            if q is not None and q.attrs.get("counted") and not q.attrs.get("increment") and not _not_a_count(s, q):
                counted.append((fid, s))
    by_source: dict[str, list[Statement]] = defaultdict(list)
    for _, s in counted:
        by_source[s.source].append(s)
    lone = _lone_counts(counted)
    seen: set[tuple[str, str, frozenset[str]]] = set()  # fact pairs compared, per state counted
    for i, (fa, a) in enumerate(counted):
        for fb, b in counted[i + 1 :]:
            if fa == fb or (fa, fb, _state(a)) in seen:
                continue
            qa, qb = main_quantity(a), main_quantity(b)
            assert qa is not None and qb is not None
            # one figure told in people and in households is compared for what it counts
            units_apart = {_unit(a), _unit(b)} in ({"person", "household"}, {"person", "account"})
            if not counted_match(qa, qb) and not units_apart:
                continue
            pa, pb = _period(qa.attrs.get("period")), _period(qb.attrs.get("period"))
            if pa != pb and not ((pa is None or pb is None) and specific is not None and specific(a, b) >= PERIOD_SPECIFIC):
                # across facts, a count over a stated period is only compared with one over the same period, or with
                # a count that states none when the two say much the same specific things
                continue
            if a.places and b.places and not a.places & b.places:
                continue  # counts of what happened in two named places
            if _named_apart(a, b):
                continue  # counts of what two named people did
            if not _same_scope(a, b):
                continue  # "10 killed in Central Aceh district" counts a part of what "24 killed" counts
            if _background(a) != _background(b) or _other_past(a, b):
                continue  # "in September 2009 a quake killed more than 1,000" is history, not this story's count
            if _one_source_gives_both(a, b, members[fa], members[fb]):
                continue  # one source gives both: two different things, not a disagreement
            if speakers_conflict(a, b) or (day_dates(a) and day_dates(b) and not day_dates(a) & day_dates(b)):
                continue
            # one figure given as people by one outlet and as households by another ("about 18,000 residents were told
            # not to drink the water" / "the ban covers about 18,000 households"): the figure itself ties them
            one_figure = units_apart and _value(a) == _value(b) and _value(a) >= ONE_FIGURE_LEAST
            # a clause alone says little: its likeness counts only for two counts of one classified state, or for one
            # figure told in two units
            by_pieces = (bool(_state(a)) and _state(a) == _state(b)) or one_figure
            sim = max(
                float(vectors[x.idx] @ vectors[y.idx]) for x in (pieces(a) if by_pieces else [a]) for y in (pieces(b) if by_pieces else [b])
            )
            same_state = _same_state(a, b)
            disagree = not amounts_agree(amount_of(qa), amount_of(qb))
            if disagree and amount_of(qa).value is None and amount_of(qb).value is None:
                continue  # "thousands" against "hundreds of thousands" in two facts: vague sizes of two scopes, no count
            if disagree and (_outlet_also_gives(a, b, by_source) or _outlet_also_gives(b, a, by_source)):
                continue  # "on Dec. 17 an official said several hundred", later "more than 3,000": an earlier count
            # the same uncommon number of the same thing (11 workers) needs less context than a round one (1,000)
            distinctive = _value(a) == _value(b) and _value(a) % 10 != 0 and bool(_state(a) & _state(b))
            # a count whose state the reading cannot classify ("files obtained") needs more shared context
            bar = min_sim - 0.15 if distinctive else (min_sim if _state(a) or _state(b) else min_sim + UNCLASSIFIED_MARGIN)
            if one_figure:
                bar = min(bar, min_sim)
            if same_state and _state(a) and 0.0 in (_value(a), _value(b)):
                bar = min_sim - ZERO_MARGIN  # "no one was killed or injured" and "12 killed and 20 wounded" share few words
            # an uncommon thing each outlet counts once, over one stated period ("a dozen safety violations last year" /
            # "inspectors recorded 17 violations in 2025"): one tally, however differently the sentences tell it
            tally = a.idx in lone and b.idx in lone and pa is not None and pa == pb
            if tally:
                bar = min(bar, min_sim - LONE_MARGIN)
            if sim < bar:
                continue
            la, lb = set(qa.attrs.get("state_lemmas") or ()), set(qb.attrs.get("state_lemmas") or ())
            if not (_state(a) or _state(b)) and not tally:
                if la and lb and not la & lb and not counted_by_act(qa, qb) and not one_figure:
                    continue  # "two states filed", "four states have legalized": two predicates
                if specific is not None and specific(a, b) < UNCLASSIFIED_SPECIFIC:
                    continue
            if units_apart:
                ds = [d] if (d := unit_disagreement([a, b], [fa, fb], classified=not one_figure)) is not None else []
            elif same_state and disagree:
                ds = count_disagreements(
                    [
                        x
                        for x in members[fa] + members[fb]
                        if (qx := main_quantity(x)) is not None and counted_match(qx, qa) and _same_state(x, a)
                    ],
                    [fa, fb],
                )
            elif not same_state and _value(a) == _value(b) and not disagree and _state(a) & _state(b):
                ds = [d for d in count_disagreements([a, b], [fa, fb]) if d.kind == "wording"]
            else:
                continue
            ds = [d for d in ds if not any(_covers(o, d) for o in out)]
            if ds:
                seen.add((fa, fb, _state(a)))
                out.extend(ds)
    return out


LONE_MARGIN = 0.15  # how much less alike in meaning two outlets' only counts of an uncommon thing over one period may be
# what many counts of a story count: no uncommon thing, whatever the story
_COMMON_COUNTED = frozenset({"person", "people", "time", "year", "day", "hour", "week", "month", "minute", "%", "casualty"})


def _lone_counts(counted: Sequence[tuple[str, Statement]]) -> set[int]:
    """The statements whose count is its outlet's only count of what it counts (two or more outlets count it, no
    outlet more than once) when that is no common thing (people, days): one tally, however it is told."""
    outlets: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # thing -> outlet -> values
    holders: dict[str, list[Statement]] = defaultdict(list)
    for _, s in counted:
        q = main_quantity(s)
        assert q is not None
        key = counted_key(q.attrs.get("counted"))
        if key and key not in _COMMON_COUNTED:
            outlets[key][s.source].add(spaced(s.article.text[q.start : q.end]).lower())
            holders[key].append(s)
    return {s.idx for key, by in outlets.items() if len(by) >= 2 and all(len(values) == 1 for values in by.values()) for s in holders[key]}


ONE_FIGURE_LEAST = 100  # the smallest figure that ties a count of people to one of households by itself ("three")


def _outlet_also_gives(a: Statement, b: Statement, by_source: Mapping[str, Sequence[Statement]]) -> bool:
    """``a``'s outlet also gives ``b``'s count of the same thing, on another day it names: its two counts are a tally
    at two times ("on Dec. 17 an official said several hundred", "on Monday he said more than 3,000"), and ``a``'s
    earlier or later figure is no side against ``b``'s. Counts an outlet gives without dating them apart stay sides
    (an outlet may contradict itself)."""
    qa, qb = main_quantity(a), main_quantity(b)
    assert qa is not None and qb is not None
    days = day_dates(a)
    return bool(days) and any(
        x.idx != a.idx
        and (qx := main_quantity(x)) is not None
        and counted_match(qx, qa)
        and _states_compatible(qx, qa)
        and qx.attrs.get("scope") == qa.attrs.get("scope")
        and amounts_agree(amount_of(qx), amount_of(qb))
        and (other := day_dates(x))
        and not other & days
        for x in by_source.get(a.source, ())
    )


def _one_sided(st: Statement) -> bool:
    """The statement's main count is bounded on one side only ("more than 7,000", "nearly 7,000")."""
    q = main_quantity(st)
    return bool(q is not None and q.attrs.get("hedge", "exact") != "exact" and (q.attrs.get("low_open") or q.attrs.get("high_open")))


def other_counts(st: Statement, any_thing: bool = False) -> list[Statement]:
    """The statement once more for each further count of another state it gives: "killing at least three people and
    injuring dozens more" also counts the injured; and for each tally of another thing over a stated period (with
    ``any_thing``, of another thing at all: "64 firms depend on the plant, and more than 7,000 jobs could be at
    risk"). Each view has that count as its main one."""
    main = main_quantity(st)
    if main is None:
        return []
    seen = {_state(st)}
    things = {counted_key(main.attrs.get("counted"))}
    out = []
    for q in st.quantities:
        if q is main or not q.attrs.get("counted") or q.attrs.get("increment") or q.attrs.get("whole"):
            continue  # nor the whole a part is counted from ("six of its eight carriages")
        state = quantity_state(q)
        if state:
            if state in seen:
                continue
            seen.add(state)
        else:
            # a tally of another thing over a stated period ("launched 40 rockets in 12 trials from March to October"):
            # comparable with another outlet's tally of it over that period ("more than ten rocket trials this year"),
            # though the reading cannot class what befell it
            thing = counted_key(q.attrs.get("counted"))
            if thing in things or (_period(q.attrs.get("period")) is None and not any_thing):
                continue
            things.add(thing)
        out.append(replace(st, main=q))
    return out


def _one_source_gives_both(a: Statement, b: Statement, group_a: Sequence[Statement], group_b: Sequence[Statement]) -> bool:
    """A source of the two groups describes two things. For counts that disagree: it counts ``a``'s thing with two
    values that do not agree ("about 150 had begun crossing" and, later, "some 200 were waiting"; "almost four dozen
    questions" and "in one question"), so the slot holds two things; a source that is in both groups with one value,
    or with no count of that thing, says nothing about two things. For the same count in two states (what was
    counted): it gives the figure in both groups."""
    qa, qb = main_quantity(a), main_quantity(b)
    assert qa is not None and qb is not None
    if amounts_agree(amount_of(qa), amount_of(qb)):

        def giving(group: Sequence[Statement]) -> set[str]:  # the sources that give the figure in this group
            return {s.source for s in group if (m := main_quantity(s)) is not None and amounts_agree(amount_of(m), amount_of(qa))}

        return bool(giving(group_a) & giving(group_b))
    values: dict[str, list[tuple[Amount, str | None]]] = defaultdict(list)
    for s in [*group_a, *group_b]:
        q = main_quantity(s)
        if q is not None and counted_match(q, qa) and _states_compatible(q, qa):
            values[s.source].append((amount_of(q), s.speaker_entity or s.speaker))
    # an outlet giving two values credited to two different speakers reports their disagreement ("a local official
    # said 12 were killed", "an activist said there were no casualties"): it does not tell two things apart
    return any(
        not amounts_agree(x, y) and (sx == sy or sx is None or sy is None)
        for v in values.values()
        for i, (x, sx) in enumerate(v)
        for y, sy in v[i + 1 :]
    )


BACKGROUND_YEARS = 2


def _background(st: Statement) -> bool:
    """The statement dates what it reports two years or more before its article: history told as background ("in
    September 2009 a quake killed more than 1,000"). Last year's events are often the story itself ("a petition
    signed by 1.8 million people last year")."""
    ref = st.article.meta.published or _reference(st)
    if ref is None:
        return False
    # a clause is dated by its sentence too ("In 2007, four robbers ... had escaped with 11m euros")
    times = st.times if st.parent is None else [t for t in st.article.group("times") if st.parent[0] <= t.start and t.end <= st.parent[1]]
    years = event_years(times)
    if years and max(years) <= ref.year - BACKGROUND_YEARS:
        return True
    if _dated_before(st, ref, CONTINUED_DAYS, main_only=True):
        return True
    prev = st.continues
    return prev is not None and (_background(prev) or _dated_before(prev, ref, CONTINUED_DAYS))


def event_years(times: Sequence[Span]) -> set[int]:
    """The years resolved times date an event in; "the 2016 election" names a thing, it does not date the sentence."""
    return {
        int(str(t.attrs["value"])[:4]) for t in times if str(t.attrs.get("value") or "")[:4].isdigit() and not t.attrs.get("attributive")
    }


def _other_past(a: Statement, b: Statement) -> bool:
    """Both statements tell history, of different years: two earlier events ("the Bam quake of December 2003 killed
    more than 26,000"; "in February a quake hit Zarand. It killed 612"). A statement's years include those of the one
    it continues."""
    if not (_background(a) and _background(b)):
        return False
    ya, yb = (event_years([*st.times, *(st.continues.times if st.continues is not None else [])]) for st in (a, b))
    return bool(ya and yb and not ya & yb)


CONTINUED_DAYS = 60  # "In February a quake hit Zarand. It killed 612": a continued sentence this far back is history


def _dated_before(st: Statement, ref: date, days: int, main_only: bool = False) -> bool:
    """``st`` names a month or a day at least ``days`` before ``ref`` (``main_only``: one that dates the sentence's own
    event, not a subordinate clause's, nor the start of a span: "since fighting began in June", nor the range a tally
    covers: "12 trials between March and October 2019")."""
    q = main_quantity(st) if main_only else None
    period = str(q.attrs.get("period") or "") if q is not None else ""
    for t in st.times:
        if main_only and (t.attrs.get("subordinate") or str(t.attrs.get("expr", "")).lower().startswith(("since", "from"))):
            continue
        if period.lower().startswith(("between", "from")) and st.article.span_text(t) in period:
            continue  # the range a tally covers ("12 trials between March and October 2019") dates no event
        if t.attrs.get("precision") in {"day", "month"}:
            try:
                when = date.fromisoformat((str(t.attrs["value"]) + "-01")[:10])
            except ValueError:
                continue
            if (ref - when).days >= days:
                return True
    return False


def _reference(st: Statement) -> date | None:
    value = st.article.meta.extra.get("reference_date")
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


UNCLASSIFIED_MARGIN = 0.1
ZERO_MARGIN = 0.15  # how much less alike in meaning a count of zero and a toll of the same harm may be
UNCLASSIFIED_SPECIFIC = 0.3
PERIOD_SPECIFIC = 0.5


def _period(p: str | None) -> str | None:
    c = period_class(p)
    return None if c == "total" else c  # "in total", "so far": what an unqualified count means anyway


def _about_when(d: Discrepancy) -> bool:
    """The disagreement is about when (how long ago), not about an amount, though typed as a number: it neither shows
    nor joins a dispute of a count in the same sentences. (Measures of an amount, "disputed: number (sum of money)",
    are one dispute with a plain count of it.)"""
    return d.summary == AGO_SUMMARY


def _covers(a: Discrepancy, b: Discrepancy) -> bool:
    """``a`` already shows ``b``: same kind, both or neither about when (a dispute of how long ago a crash was does not show one of its
    death toll, though their sentences are the same), every piece of b's evidence is in a, and b's values are a's or
    the two are told alike (a dispute of a fire chief's age is not shown by one of how long the fire burned, though
    both sentences are the same; the injured beside the dead). Evidence overlapping a's counts as a's: the same words
    found once in a clause and once in its whole sentence are one finding."""
    if a.kind != b.kind or _about_when(a) != _about_when(b):
        return False
    have: dict[str, list[tuple[int, int]]] = {}
    for v in a.variants:
        for e in v.evidence:
            have.setdefault(e.article, []).append((e.start, e.end))
    # a piece of evidence shown again as its clause or its whole sentence is the same words
    if not all(any(s < e.end and e.start < t for s, t in have.get(e.article, ())) for v in b.variants for e in v.evidence):
        return False
    values = {x for v in a.variants for x in _values(v)}
    # a summary that names what is disputed ("disputed: number (age of Ana Ruiz)") tells one dispute; a bare "disputed:
    # number" may be of another count in the same sentences (seven against nine injured beside four against five dead)
    return (a.summary == b.summary and "(" in a.summary) or all(_values(v) <= values for v in b.variants)


def _values(v: Variant) -> set[str]:
    return {x.lower() for x in v.value.split(" / ")}


def _spans(v: Variant) -> set[tuple[str, int, int]]:
    return {(e.article, e.start, e.end) for e in v.evidence}


def _same_dispute(a: Discrepancy, b: Discrepancy) -> bool:
    """Two number or hedge disagreements sharing a variant: one dispute found twice ("24" against "five", each time
    from other sentences), or found in pieces; two attribution disagreements crediting the same outlets' words to the
    same people (the sentences of one quotation)."""
    if a.kind == b.kind == "attribution":
        return {(v.value, tuple(v.sources)) for v in a.variants} == {(v.value, tuple(v.sources)) for v in b.variants}
    if a.kind == b.kind == "wording" and a.summary == b.summary:
        # what one outlet's figure counts, disputed by two others in two ways ("63 seriously injured" against "63 hurt"
        # and against "17 of the injured were seriously hurt"): one dispute, its side shown by the same words
        return any(_same_words(x, y) for x in a.variants for y in b.variants)
    if not {a.kind, b.kind} <= {"number", "hedge"} or _about_when(a) != _about_when(b):
        return False  # a count found apart in two ways ("dozens" / "more than 200", "around 30" / "more than 200") is one
    # one variant found again (the same value from the same outlet: "at least three" against "at least one" and
    # against "24") makes one dispute, with every variant of both
    return any(_values(x) & _values(y) and set(x.sources) & set(y.sources) for x in a.variants for y in b.variants)


def _same_words(x: Variant, y: Variant) -> bool:
    """Two variants shown by overlapping words of the same outlets."""
    return set(x.sources) == set(y.sources) and all(
        any(e.article == f.article and e.start < f.end and f.start < e.end for f in y.evidence) for e in x.evidence
    )


def _merge_into(home: Discrepancy, d: Discrepancy) -> None:
    if home.kind == "hedge" and d.kind == "number":  # two stated numbers among the variants: a number disagreement
        home.kind, home.summary = d.kind, d.summary
    first: dict[str, int] = {}  # each value -> the first of home's variants that holds it
    for i, h in enumerate(home.variants):
        for x in _values(h):
            first.setdefault(x, i)
    for v in d.variants:
        values = _values(v)
        at = min((first[x] for x in values if x in first), default=None)
        if at is None and home.kind == "wording":
            at = next((i for i, h in enumerate(home.variants) if _same_words(h, v)), None)
            if at is not None:
                continue  # the same words, shown already under the value the first finding gave them
        if at is None:
            first.update({x: len(home.variants) for x in values})
            home.variants.append(v)
            continue
        same = home.variants[at]
        have = _spans(same)
        for e in v.evidence:
            if (e.article, e.start, e.end) not in have:
                same.evidence.append(e)
                have.add((e.article, e.start, e.end))
        same.sources = sorted(set(same.sources) | set(v.sources))
        forms: dict[str, str] = {}
        for form in [*same.value.split(" / "), *v.value.split(" / ")]:
            forms.setdefault(form.lower(), form)
        same.value = " / ".join(forms.values())
        for x in values:
            first.setdefault(x, at)
    home.facts = sorted(set(home.facts) | set(d.facts))


def dedupe(ds: list[Discrepancy]) -> list[Discrepancy]:
    """Drop a disagreement another one of the same kind already shows in full; merge one found twice."""
    out: list[Discrepancy] = []
    for d in sorted(ds, key=lambda d: -sum(len(v.evidence) for v in d.variants)):
        if any(_covers(o, d) for o in out):
            continue
        home = next((o for o in out if _same_dispute(o, d)), None)
        if home is None:
            out.append(d)
        else:
            _merge_into(home, d)
    return [d for d in out if not _explained_by_what_was_counted(d, out)]


def _evidence_set(v: Variant) -> frozenset[tuple[str, int, int]]:
    return frozenset((e.article, e.start, e.end) for e in v.evidence)


def _explained_by_what_was_counted(d: Discrepancy, found: Sequence[Discrepancy]) -> bool:
    """A number disagreement one of whose sides is, word for word, a side of a dispute of what a figure counts ("A
    total of 31 people were injured" against "58 injured" and against "31 taken to hospital"): the outlet gave the
    others' figure for another thing, which that dispute shows; that its figure differs is no second finding. The
    shared side's figure must be the one the other dispute is about (in every sentence it shows): "Eleven were killed
    and 63 injured" may be a side of "63 injured" / "63 seriously injured" and of "Eleven" / "FOURTEEN" dead."""
    if d.kind != "number":
        return False
    sides = {_evidence_set(v): v.value for v in d.variants}
    return any(
        w.kind == "wording"
        and w.summary == "disputed: what was counted"
        and any(
            _evidence_set(v) in sides and all(sides[_evidence_set(v)] in e.text for wv in w.variants for e in wv.evidence)
            for v in w.variants
        )
        for w in found
    )


def _pair(a: Statement, shown_a: str, at_a: int, b: Statement, shown_b: str, at_b: int, tag: str, kind: str, summary: str) -> Discrepancy:
    """One disagreement between two statements, each shown by the value it gives (the same value shown twice is one
    variant with both sources); ``at_a`` and ``at_b`` place the values, for the id."""
    groups = {shown_a: [a]}
    groups.setdefault(shown_b, []).append(b)
    return Discrepancy(_id(a.article.id, str(at_a), b.article.id, str(at_b), tag), kind, summary, variants(groups, kind))


# ---------------------------------------------------------------- days of one event

DAY_PAIR_SIM = 0.62  # meaning similarity two statements need to be one event that two outlets date to two days
DAY_PAIR_GAP = 7  # days further apart than this date two events
DAY_PAIR_SPECIFIC = 0.6  # and the specific words they share, as for months


def _deed_days(st: Statement) -> list[Span]:
    """The days a statement gives its deeds, wherever the parse hangs them ("with betting on him suspended on
    Friday"), each on its own predicate ("removed late on Thursday and downloaded on Friday"); not a day that is the
    edge of a span or a deadline ("delayed the vote until Wednesday", "must bid by Friday"), but the day a deed was
    held off until ("did not get through until yesterday morning": it got through then)."""
    periods = {q.attrs.get("period") for q in st.quantities}
    out = []
    for t in st.times:
        if t.attrs.get("precision") != "day" or not t.attrs.get("value") or t.attrs.get("attributive") or t.attrs.get("expr") in periods:
            continue
        before = st.article.text[st.start : t.start]
        if _EDGE_BEFORE.search(before) and not _HELD_OFF_UNTIL.search(before):
            continue
        out.append(t)
    return out


_SPAN_OPENERS = r"since|from|until|till|through|between"
_EDGE_BEFORE = re.compile(rf"(?:^|\s)(?:{_SPAN_OPENERS}|by|before|after|ahead of)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
# a deed done again, or another of its kind ("arrested a third man", "attacked again", "more snow"): a second event
_AGAIN = re.compile(r"\b(?:again|another|more|further|second|third|fourth|fifth|renewed|fresh)\b", re.I)
_NOT_DONE_AT_ALL = re.compile(rf"\b(?:{_NEGATION}|{_REFUSAL})\b", re.I)
_HELD_OFF_UNTIL = re.compile(rf"\b(?:{_NEGATION})\b[^.;]*\b(?:until|till)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_NOT_UNTIL = re.compile(rf"\b(?:{_NEGATION})\b[^.;]*\b(?:until|till)\b", re.I)  # done, but late: no denial
# a one-day gap near midnight or across time zones is one moment told twice
_AROUND_MIDNIGHT = re.compile(r"\b(?i:late|early|overnight|night|midnight|local time)\b|\b(?:[A-Z][SD]T|GMT|UTC)\b")


def _counts_agree(a: Statement, b: Statement) -> bool:
    """When both give numbers, some number of one agrees with one of the other ("fell 5 percent" / "fell 3 percent"
    are two days' falls)."""
    qa = [amount_of(q) for q in a.quantities if q.attrs.get("low") is not None]
    qb = [amount_of(q) for q in b.quantities if q.attrs.get("low") is not None]
    return not qa or not qb or any(amounts_agree(x, y) for x in qa for y in qb)


def _iso_day(t: Span) -> date:
    return date.fromisoformat(str(t.attrs["value"])[:10])


def day_pairs(statements: Sequence[Statement], vectors: np.ndarray, specific: np.ndarray) -> list[Discrepancy]:
    """One deed dated to two days by two outlets: two statements close in meaning and sharing specific words
    (``specific``: see :func:`~newsfuse.fuse.align.specific_similarity`) that each give one day to the same telling
    predicate, both of an outcome or both of a plan, days the other outlet could have reported and at most a week
    apart, with no rival speakers, people or places, no count that differs, neither history, a deed denied ("did not
    vote") nor one done again ("arrested a third man"), and no outlet giving both days. The facts may keep such
    statements apart, and a fact's own dates are compared act by act (:func:`date_disagreement`), which misses a
    day the parser hung on a side phrase ("with betting on him suspended on Friday"). A weekday an undated report
    gives ("on Wednesday") is compared by its weekday only (:func:`_days_apart`)."""
    dated = [
        (st, t)
        for st in statements
        if (st.kind == "statement" or not st.fragment)  # a clause that reads alone: "(said) he would meet them on Friday"
        and not _AGAIN.search(st.text)
        and not (_NOT_DONE_AT_ALL.search(st.text) and not _NOT_UNTIL.search(st.text))
        for t in _deed_days(st)
        if not guessed_day(t) or guessed_weekday(t) is not None
    ]
    out: list[Discrepancy] = []
    if not dated:
        return out
    # every day an outlet's statements give each deed: an outlet giving both days to one deed tells two events apart
    days_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for st in statements:
        days_of[st.source] |= {
            (str(t.attrs["value"]), deed)
            for t in st.times
            if t.attrs.get("precision") == "day" and t.attrs.get("value")
            for deed in _deeds(t)
        }
    idx = [st.idx for st, _ in dated]
    close = vectors[idx] @ vectors[idx].T >= DAY_PAIR_SIM
    for k, j in zip(*np.nonzero(np.triu(close, 1)), strict=True):
        (a, ta), (b, tb) = dated[k], dated[j]
        if a.source == b.source or ta.attrs["value"] == tb.attrs["value"] or bool(ta.attrs.get("future")) != bool(tb.attrs.get("future")):
            continue
        shared = _deeds(ta) & _deeds(tb)
        if not shared:
            continue  # the days of one telling act ("suspended on Friday" / "suspending betting yesterday")
        if not (could_report(a, b) and could_report(b, a)) or speakers_conflict(a, b) or _named_apart(a, b):
            continue
        if a.places and b.places and not (a.places <= b.places or b.places <= a.places):
            continue  # "West Papua province" and "Aceh province": two places, both in Indonesia
        gap = _days_apart(ta, tb)
        if gap is None or _background(a) or _background(b) or gap > DAY_PAIR_GAP:
            continue  # days weeks apart date two events
        if gap == 1 and (_AROUND_MIDNIGHT.search(a.text) or _AROUND_MIDNIGHT.search(b.text)):
            continue  # "late on Sunday" / "early on Monday local time"
        if float(specific[a.idx, b.idx]) < DAY_PAIR_SPECIFIC or not _counts_agree(a, b):
            continue
        if any(
            (str(tb.attrs["value"]), deed) in days_of[a.source] or (str(ta.attrs["value"]), deed) in days_of[b.source] for deed in shared
        ):
            continue  # an outlet that gives both days to the deed tells two events apart (a day for another is no bar)
        out.append(_pair(a, str(ta.attrs["value"]), ta.start, b, str(tb.attrs["value"]), tb.start, "day", "date", "disputed: date"))
    return _merge_pairwise(out)


def _same_dated_deed(a: Statement, b: Statement) -> bool:
    """Both statements date one deed to one time ("were warned in January" / "had been warned in January")."""

    def told(t: Span) -> set[str]:  # every word for the deed, a verb of saying too ("were warned in January")
        return {deed_key(v) for v in [t.attrs.get("verb"), *t.attrs.get("also", ())] if v}

    return any(
        t.attrs.get("value") and t.attrs.get("value") == u.attrs.get("value") and told(t) & told(u) for t in a.times for u in b.times
    )


def _deeds(t: Span) -> set[str]:
    """What a dated day is the day of, in every word the reading has for it (:func:`~newsfuse.fuse.compare.deed_key`):
    its verb and the other words for its deed ("slapped a ban on Monday, suspending its certificate": the ban and the
    suspending), not a light verb that tells no deed ("took", "got")."""
    return {deed_key(v) for v in [t.attrs.get("verb"), *t.attrs.get("also", ())] if v and v not in _LIGHT_VERBS}


def _days_apart(ta: Span, tb: Span) -> int | None:
    """How many days apart two dated days are. A weekday an undated report gives ("on Wednesday") is the outlet's
    weekday only, its week the reading's guess: it is as far from the other day as the nearest day of that weekday
    (None when the two weekdays are the same: "Wednesday" and "Wednesday, September 10" may be one day)."""
    ga, gb = guessed_weekday(ta), guessed_weekday(tb)
    if ga is None and gb is None:
        return abs((_iso_day(ta) - _iso_day(tb)).days)
    wa = ga if ga is not None else _iso_day(ta).weekday()
    wb = gb if gb is not None else _iso_day(tb).weekday()
    return None if wa == wb else min((wa - wb) % 7, (wb - wa) % 7)


# ---------------------------------------------------------------- months and years

MONTH_SIM = 0.55  # meaning similarity two statements need to be one event dated to two months (or years)
MONTH_SPECIFIC = 0.6  # and specific similarity: the rare words they share ("Banda Aceh", "aggravated sexual assault")
_SPAN_WORDS = re.compile(r"\b(?:ago|this month|last month|earlier|later)\b", re.I)
_SPAN_BEFORE = re.compile(rf"(?:^|\s)(?:{_SPAN_OPENERS})\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_STATED_YEAR = re.compile(r"\b\d{4}\b|\b(?:last|this|next)\b", re.I)  # "in June 1998", "April last year", "last December"
_YEAR_WORDS = re.compile(r"^(?:(?:in|of)\s+)?(?:\d{4}|last year|next year)$", re.I)  # "1957", "in 1970", "last year"
_LEVEL = {"year": 4, "month": 7, "day": 10}  # characters of an ISO value at each precision


@dataclass(frozen=True)
class _Dated:
    """A year, month or day a statement dates its event to (see :func:`_dated`)."""

    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    stated: bool  # the year is the source's: written out, or told relatively ("April last year", "last December")
    future: bool  # a plan ("will open in September"), not an outcome
    verb: str = ""  # the predicate the date is on ("sell" in "sold the field in 1957")
    expr: str = ""  # the words that give it, lower-cased ("last year")

    @property
    def precision(self) -> int:
        return len(self.value)


def _dated(st: Statement) -> set[_Dated]:
    """The months and years a statement dates its event to, written as a month ("in June 1998", "April last year",
    "last December") or a year ("in 1957", "last year"), and the days of a statement that dates something else to a
    month or a year: not a month counted back ("six months ago"), the edge of a span ("from October through
    December"), a thing's name ("the January 2017 report", "a 1970 police-bribery case") or the month of this report
    ("earlier this month")."""
    out = set()
    for t in st.times:
        prec, expr = t.attrs.get("precision"), str(t.attrs.get("expr", ""))
        if prec not in _LEVEL or t.attrs.get("attributive") or not t.attrs.get("value"):
            continue
        if _SPAN_WORDS.search(expr) or _SPAN_BEFORE.search(st.article.text[st.start : t.start]):
            continue
        if prec == "year" and not _YEAR_WORDS.match(expr.strip()):
            continue  # "this year", "the 1930's": too loose to set against another outlet's year
        stated = prec == "year" or _STATED_YEAR.search(expr) is not None  # "June 27" alone: its year is the reading's guess
        out.add(_Dated(str(t.attrs["value"]), stated, bool(t.attrs.get("future")), str(t.attrs.get("verb") or ""), expr.lower().strip()))
    return out


# predicates that tell nothing about which deed is dated: being, having, and saying (an outlet says things on many days)
_LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "take"}) | SPEECH_VERBS


def _one_deed(a: _Dated, b: _Dated) -> bool:
    """Two dates of one past deed: the same predicate, a telling one ("sold", "pleaded"; not "was", "had" or "said").
    A plan dated twice is often two steps of it ("available to business customers on April 29", "to consumers in
    June")."""
    return bool(a.verb and a.verb == b.verb and a.verb not in _LIGHT_VERBS and not a.future and not b.future)


def _dates_otherwise(st: Statement, mine: _Dated, other: _Dated) -> bool:
    """``st`` dates ``mine`` to one deed and the deed ``other`` dates by another time of its own ("indicted in March
    2024 and suspended a month later" against "suspended in April 2024"): two deeds, not one dated twice."""
    return bool(
        other.verb
        and other.verb != mine.verb
        and other.verb not in _LIGHT_VERBS
        and any(t.attrs.get("verb") == other.verb and st.article.text[t.start : t.end].lower() != mine.expr for t in st.times)
    )


def month_disagreements(statements: Sequence[Statement], vectors: np.ndarray, specific: np.ndarray) -> list[Discrepancy]:
    """One earlier event dated to two months or two years: "an 8.6-magnitude quake off Banda Aceh last April"
    against "a May 2012 quake of magnitude 8.7 off Banda Aceh"; "sold the oil field for $30 million in 1957" against
    "in 1967". The statements must be close in meaning, share specific words (``specific``: see
    :func:`~newsfuse.fuse.align.specific_similarity`; a marriage record of January 2004 and a recording of August 2006
    in one trial are close in meaning only), be about the same named people and both tell an outcome or both a plan.
    Two dates of different precision (a day and a month, a month and a year), and two years, are compared at the
    coarser precision, and only when they date one past deed (:func:`_one_deed`: "pleaded guilty on June 27, 1973" /
    "pleaded guilty in July 1973"): without it a day set against a month found no disagreement and four false
    alarms. Days against days are :func:`date_disagreement`'s. Never compared: two years one of which the reading
    had to guess ("in March" / "in 2012"), nor the same words ("last year" in reports of two years). An outlet that
    names the other's month or year anywhere is telling two events apart ("South Sudan split off in July after voting
    in a January referendum"), so it is left out; where a year is the reading's guess ("in June"), naming the month
    is enough."""
    items = [(st, m) for st in statements for m in sorted(_dated(st), key=lambda m: (m.value, m.expr, m.verb))]
    dated_of: dict[str, list[_Dated]] = defaultdict(list)
    for st, m in items:
        dated_of[st.source].append(m)

    def names(source: str, m: _Dated, level: int) -> bool:
        """The outlet names ``m`` at ``level``: the same month or year, of the same year unless a year is the
        reading's guess."""
        v = m.value[:level]
        return any(
            x.precision >= level
            and (x.value[:level] == v or (level == 7 == x.precision and x.value[5:7] == v[5:] and not (x.stated and m.stated)))
            for x in dated_of[source]
        )

    out: list[Discrepancy] = []
    idx = [st.idx for st, _ in items]
    close = (vectors[idx] @ vectors[idx].T >= MONTH_SIM) if items else np.zeros((0, 0), dtype=bool)
    for k, j in zip(*np.nonzero(np.triu(close, 1)), strict=True):
        (a, ma), (b, mb) = items[k], items[j]
        level = min(ma.precision, mb.precision)
        if a.source == b.source or level == _LEVEL["day"] or ma.future != mb.future or ma.expr == mb.expr:
            continue  # the same words ("last year") resolve apart only by the reports' own dates
        va, vb = ma.value[:level], mb.value[:level]
        if va == vb or ((ma.precision != mb.precision or level == 4) and not _one_deed(ma, mb)):
            continue
        if _dates_otherwise(a, ma, mb) or _dates_otherwise(b, mb, ma):
            continue  # "indicted in March 2024 and suspended a month later" / "suspended in April 2024"
        if names(b.source, ma, level) or names(a.source, mb, level):
            continue
        if va[:4] != vb[:4] and (level == 4 or va[5:] == vb[5:]) and not (ma.stated and mb.stated):
            continue  # "in June" / "in June 2012", "in March" / "in 2012": which year is the reading's guess
        if float(specific[a.idx, b.idx]) < MONTH_SPECIFIC or _named_apart(a, b):
            continue
        out.append(_pair(a, va, a.start, b, vb, b.start, "month", "date", "disputed: date"))
    return _merge_pairwise(out)


# ---------------------------------------------------------------- spans of years

_YEAR = r"1[6-9]\d\d|20\d\d"
# "from 1967 to 1979", "between 2009 and 2012", "1967-1979", "(1967–79)": a span of years written out
_YEAR_SPAN = re.compile(
    rf"\b(?:(?:from|between)\s+({_YEAR})\s*(?:to|through|until|till|and|-|–|—)\s*({_YEAR})|({_YEAR})\s*[-–]\s*({_YEAR}|\d\d))\b"
)
YEAR_SPAN_SIM = 0.55  # meaning similarity two statements need to be one span of years reported twice
YEAR_SPAN_SHIFT = 2  # years one span may be shifted from the other, its length kept within as much, to be one span


def _year_spans(st: Statement) -> list[tuple[int, int, int, int]]:
    """The spans of years a statement writes out, as (first year, last year, start, end of the words shown: "1967 to
    1979")."""
    out = []
    for m in _YEAR_SPAN.finditer(st.text):
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        start, end = int(first), int(last) if len(last) == 4 else int(first[:2] + last)
        if end > start:
            at = m.start(1) if m.group(1) else m.start(3)
            out.append((start, end, st.start + at, st.start + m.end()))
    return out


def year_span_disagreements(statements: Sequence[Statement], vectors: np.ndarray, persons: dict[str, str]) -> list[Discrepancy]:
    """One span of years reported two ways: "Edward Brooke, who served from 1967 to 1979" against "Edward Brooke
    held the seat from 1966 to 1978". The two statements name the same person and are close in meaning, and one span
    is the other shifted by a year or two, its length kept within as much. A span inside another ("chaired the
    committee from 1971 to 1977" in "served from 1967 to 1979"), one sharing an end ("taught from 1985 to 2002",
    "president from 1990 to 2002") or one next to another ("from 1990 to 1998" in the House, "from 1999 to 2005" in
    the Senate) is another span. An outlet that gives the other's span too is telling two apart."""
    items = [(st, span) for st in statements if st.kind == "statement" for span in _year_spans(st)]
    given: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for st, (first, last, _, _) in items:
        given[st.source].add((first, last))
    out: list[Discrepancy] = []
    for k, (a, sa) in enumerate(items):
        for b, sb in items[k + 1 :]:
            if a.source == b.source or sa[:2] == sb[:2] or not (a.entities & b.entities & persons.keys()):
                continue
            shift_start, shift_end = sb[0] - sa[0], sb[1] - sa[1]
            shifted = shift_start * shift_end > 0  # both ends moved the same way: neither span holds the other
            if not shifted or max(abs(shift_start), abs(shift_end)) > YEAR_SPAN_SHIFT:
                continue
            if float(vectors[a.idx] @ vectors[b.idx]) < YEAR_SPAN_SIM or _named_apart(a, b):
                continue
            if sb[:2] in given[a.source] or sa[:2] in given[b.source]:
                continue
            text_a, text_b = a.article.text[sa[2] : sa[3]], b.article.text[sb[2] : sb[3]]
            out.append(_pair(a, text_a, sa[2], b, text_b, sb[2], "years", "date", "disputed: date"))
    return _merge_pairwise(out)


# ---------------------------------------------------------------- every source of a count's side

_CountKey = tuple[object, ...]


def _count_key(q: Span) -> _CountKey | None:
    """What makes two counts one figure of one thing: the same interval, hedges and all ("three", "about 100,000";
    "more than 100,000" is another claim), the counted noun, the kind of state and the period ("every day")."""
    a = q.attrs
    noun, state = counted_key(a.get("counted")), quantity_state(q)
    if a.get("value") is None or not (noun or state) or a.get("increment"):
        return None
    return a.get("low"), a.get("high"), bool(a.get("low_open")), bool(a.get("high_open")), noun, state, _period(a.get("period"))


_DETERMINERS = frozenset({"the", "a", "an", "of", "its", "their", "his", "her", "those", "these"})
COMPLETE_SIM = 0.45  # meaning similarity a statement needs with a side's to join it with the same figure


def _counted_words(q: Span) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", fold(str(q.attrs.get("counted") or ""))) if w not in _DETERMINERS}


def complete_counts(ds: Sequence[Discrepancy], statements: Sequence[Statement], vectors: np.ndarray) -> None:
    """A count disagreement found between two statements shows each side with every outlet that gives that side's
    figure of that thing ("Three cranes collapsed" and "the collapse of three cranes" against "all four cranes that
    fell"), so a reader sees who says what. The figure must be the same count (interval, noun, state, period), of
    the same things (one counted phrase inside the other: "cranes" and "ship-to-shore cranes", not "Russian soldiers"
    and "North Korean soldiers"), in a sentence close in meaning to the side's, of the same named people and places
    (not "in an unrelated incident, four people were killed in a house fire in Brackwater"). An outlet already on one side, or
    giving both figures, is added to none; a side the reading cannot tie to one count is left as found."""
    by_span = {(st.article.id, st.start, st.end): st for st in statements}
    keyed: dict[_CountKey, list[tuple[Statement, Span]]] = defaultdict(list)
    for st in statements:
        if st.kind == "statement" and not _background(st):
            for q in st.quantities:
                key = _count_key(q)
                if key is not None and not picks_one(st, q):
                    keyed[key].append((st, q))

    def joins(st: Statement, q: Span, side: list[tuple[Statement, Span]]) -> bool:
        words = _counted_words(q)
        return any(
            (words <= _counted_words(r) or _counted_words(r) <= words)
            and float(vectors[st.idx] @ vectors[s0.idx]) >= COMPLETE_SIM
            and not _named_apart(st, s0)
            and not (st.places and s0.places and not st.places & s0.places)
            for s0, r in side
        )

    for d in ds:
        if d.kind not in {"number", "hedge"}:
            continue
        sides = [_side(v, by_span) for v in d.variants]
        keys = [side[0] for side in sides if side is not None]
        if len(keys) < len(sides) or len(set(keys)) < len(keys):
            continue
        taken = {src for v in d.variants for src in v.sources}
        found: dict[int, dict[str, Statement]] = defaultdict(dict)
        owners: dict[str, set[int]] = defaultdict(set)
        for i, side in enumerate(sides):
            assert side is not None
            for st, q in keyed[side[0]]:
                if st.source not in taken and joins(st, q, side[1]):
                    owners[st.source].add(i)
                    found[i].setdefault(st.source, st)
        _join_sides(d, found, owners)


def _join_sides(d: Discrepancy, found: dict[int, dict[str, Statement]], owners: dict[str, set[int]]) -> None:
    """Add to each side of ``d`` the outlets found giving its value (``found[side]``: outlet -> statement), but not an
    outlet found on two sides (``owners``): giving both values, it is on no side."""
    for i, v in enumerate(d.variants):
        fresh = {src: st for src, st in found[i].items() if owners[src] == {i}}
        v.evidence += [evidence_for(st, d.kind) for st in fresh.values()]
        v.sources = sorted(set(v.sources) | set(fresh))


def complete_dates(ds: Sequence[Discrepancy], statements: Sequence[Statement], vectors: np.ndarray) -> None:
    """A date disagreement found between some statements shows each side with every outlet that gives that side's
    date to the same deed ("The dam was built in 1961" beside "The dam, built in 1961," against "built in 1965"): the
    same resolved value on the same verb, in a sentence close in meaning to the side's, of the same named people.
    An outlet already on a side, or giving both dates, is added to none."""
    by_span = {(st.article.id, st.start, st.end): st for st in statements}
    for d in ds:
        if d.kind != "date":
            continue
        taken = {src for v in d.variants for src in v.sources}
        found: dict[int, dict[str, Statement]] = defaultdict(dict)
        owners: dict[str, set[int]] = defaultdict(set)
        for i, v in enumerate(d.variants):
            side = [st for e in v.evidence if (st := by_span.get((e.article, e.start, e.end))) is not None]
            verbs = {t.attrs.get("verb") for st in side for t in st.times if str(t.attrs.get("value")) == v.value}
            if not side or not verbs or None in verbs:
                continue
            for st in statements:
                if st.kind != "statement" or st.source in taken:
                    continue  # history too: a year a thing was built is the side's date however far back
                if not any(str(t.attrs.get("value")) == v.value and t.attrs.get("verb") in verbs for t in comparable_times(st)):
                    continue
                if any(float(vectors[st.idx] @ vectors[s0.idx]) >= COMPLETE_SIM and not _named_apart(st, s0) for s0 in side):
                    owners[st.source].add(i)
                    found[i].setdefault(st.source, st)
        _join_sides(d, found, owners)


def _side(v: Variant, by_span: dict[tuple[str, int, int], Statement]) -> tuple[_CountKey, list[tuple[Statement, Span]]] | None:
    """The one count a side of a disagreement shows (its figures as written, "At least five / 140" being two ways of
    one side) with the statements and quantities that give it, or None when its statements give none or several."""
    shown = set(v.value.split(" / "))
    keys: set[_CountKey | None] = set()
    given: list[tuple[Statement, Span]] = []
    for e in v.evidence:
        st = by_span.get((e.article, e.start, e.end))
        if st is not None:
            for q in st.quantities:
                if st.article.text[q.start : q.end] in shown:
                    keys.add(_count_key(q))
                    given.append((st, q))
    key = next(iter(keys)) if len(keys) == 1 else None
    return (key, given) if key is not None else None


def _merge_pairwise(ds: list[Discrepancy], by_value: bool = False) -> list[Discrepancy]:
    """Pairwise disagreements (of lengths, lengths of time, sums, sizes, months, days, stances) that share evidence
    are one disagreement with every variant; ``by_value``: only when the shared evidence shows the same value (a
    sentence that is firm on one claim and an allegation's other side on another joins nothing)."""
    merged: list[Discrepancy] = []
    home_of: dict[tuple[object, ...], int] = {}  # evidence span (and value) -> the merged disagreement holding it
    for d in ds:
        keys: set[tuple[object, ...]] = {(v.value, *k) if by_value else k for v in d.variants for k in _spans(v)}
        at = min((home_of[k] for k in keys if k in home_of), default=None)
        if at is None:
            at = len(merged)
            merged.append(d)
        else:
            _merge_into(merged[at], d)
        home_of.update({k: at for k in keys if k not in home_of})
    return merged
