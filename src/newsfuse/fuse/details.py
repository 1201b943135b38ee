"""Shared details: specific phrases that several sources report, below the level of a whole sentence.

A sentence often carries several facts ("X, 61, was crossing the road when a blue 2015 Honda van
driving south hit her"), and the fact grouping puts it with the one its meaning is closest to. The outlets that also
name the car, or the charge of "criminally negligent homicide", are then nowhere counted together. A *detail* is such
a phrase: two or more consecutive content words or numbers that at least two sources write, each in few of its
sentences (a phrase every other sentence repeats is the story's topic, not a detail).

A detail is kept unless a fact already has its sources with its very sentences (then the fact says it), or an
earlier detail has the same sources: it says who reports this particular thing. Its evidence is, per source, the
first sentence that writes the phrase; the phrase itself is copied with its offsets from one of them, and each
source's own words for it are kept with theirs (an age or a count is written differently by each). Details are
facts of kind ``detail``: they never rank as headline facts, carry no date to the timeline and take no part in
disagreements. Measured on the team's gold (26 events), about one detail in seven is the best match of a gold fact,
against one multi-source fact in four.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Span
from ..read.speakers import STOP
from .compare import counted_key, quantity_state
from .discrepancies import picks_one
from .measures import age_mentions
from .statements import Statement

SPREAD = 1.5  # sentences per source, on average, that may write a phrase for it to be a detail rather than a topic
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]+|\d[\d,.]*\d|\d")


@dataclass(slots=True)
class Detail:
    phrase: tuple[int, int]  # offsets of the phrase in the first member's article
    members: list[Statement]  # one statement per source, sorted by source
    spans: list[tuple[int, int]]  # each member's own words for it, offsets in its article ("two girders" beside
    # "two steel girders", "Roughly 12,000 vehicles" beside "About 12,000 vehicles")

    @property
    def sources(self) -> list[str]:
        return [s.source for s in self.members]


def _tokens(st: Statement) -> list[tuple[str, int, int, bool]]:
    """(normalised word, start, end, content) for each word or number of a statement; offsets in its article."""
    out = []
    for m in _TOKEN.finditer(st.text):
        w = m.group().lower().replace(",", "")
        # "one" is mostly a pronoun or an article ("one of them", "at one point"), not a count a detail would share
        content = w[0].isdigit() or (len(w) > 2 and w not in STOP and w != "one")
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]  # "terminals" and "terminal" are one word to a phrase
        out.append((w, st.start + m.start(), st.start + m.end(), content))
    return out


def phrase_keys(st: Statement) -> dict[str, tuple[int, int]]:
    """Pairs of content tokens written next to each other (nothing but a space between them), with their offsets.
    Not two numbers ("13 2024" is a date), nor words of one person's name: who is named is the entities' business."""
    toks = _tokens(st)
    text = st.article.text
    people = [m for m in st.article.group("mentions") if m.label == "PERSON" and st.start <= m.start < st.end]
    out: dict[str, tuple[int, int]] = {}
    for (w1, s1, e1, c1), (w2, s2, e2, c2) in itertools.pairwise(toks):
        if not (c1 and c2) or (w1[0].isdigit() and w2[0].isdigit()) or text[e1:s2].strip():
            continue
        if any(m.start <= s1 and e2 <= m.end for m in people):
            continue
        out.setdefault(f"{w1} {w2}", (s1, e2))
    return out


def _merged(spans: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """The longest run of overlapping or adjoining spans ("criminally negligent" + "negligent homicide")."""
    runs: list[list[int]] = []
    for a, b in sorted(spans):
        if runs and a <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    best = max(runs, key=lambda r: r[1] - r[0])
    return best[0], best[1]


SpanKey = tuple[str, int, int]  # article id, start, end


def shared_details(statements: Sequence[Statement], facts: Iterable[tuple[Sequence[str], set[SpanKey]]]) -> list[Detail]:
    """Details of a story (see the module docstring). ``facts``: the sources and the evidence spans of its facts."""
    sentences = [s for s in statements if s.kind == "statement"]
    keys = {s.idx: phrase_keys(s) for s in sentences}
    holders: dict[str, list[Statement]] = defaultdict(list)
    for s in sentences:
        for k in keys[s.idx]:
            holders[k].append(s)
    held: dict[frozenset[str], list[set[SpanKey]]] = defaultdict(list)
    for fact_sources, fact_spans in facts:
        held[frozenset(fact_sources)].append(fact_spans)
    taken: set[frozenset[str]] = set()
    by_members: dict[tuple[int, ...], list[str]] = {}
    for k in sorted(holders):
        hs = holders[k]
        first: dict[str, Statement] = {}
        for s in sorted(hs, key=lambda s: (s.source, s.start)):
            first.setdefault(s.source, s)
        if len(first) < 2 or len(hs) > SPREAD * len(first):
            continue
        by_members.setdefault(tuple(sorted(s.idx for s in first.values())), []).append(k)
    by_idx = {s.idx: s for s in sentences}
    groups = [(sorted((by_idx[i] for i in ids), key=lambda s: (s.source, s.start)), ks) for ids, ks in by_members.items()]
    # widest first, then in an order that does not depend on the order the articles came in
    groups.sort(key=lambda g: (-len(g[0]), [(s.source, s.start) for s in g[0]], g[1]))
    out: list[Detail] = []
    for members, ks in groups:
        sources = frozenset(s.source for s in members)
        spans = {(m.article.id, m.start, m.end) for m in members}
        if sources in taken or any(spans <= h for h in held[sources]):
            continue  # an earlier detail has these sources, or a fact has them with these very sentences
        rep = members[0]
        phrase = _widened(_merged(keys[rep.idx][k] for k in ks), members)
        if phrase is None:
            continue
        if any(t.start <= phrase[0] and phrase[1] <= t.end for t in rep.times):
            continue  # a date ("last week", "April 21"): the timeline's business
        taken.add(sources)
        out.append(Detail(phrase, members, [phrase] + [_own_words(m, rep, phrase, keys[m.idx], ks) for m in members[1:]]))
    return out


def _own_words(
    member: Statement, rep: Statement, phrase: tuple[int, int], keys: Mapping[str, tuple[int, int]], ks: list[str]
) -> tuple[int, int]:
    """Where ``member`` writes the phrase ``rep`` writes at ``phrase``: the same words (case and a plural "s" aside),
    else the first of the shared word pairs it writes (the pairs of a phrase may stand apart in another outlet's
    sentence)."""
    want = [t[0] for t in _tokens(rep) if phrase[0] <= t[1] and t[2] <= phrase[1]]
    toks = _tokens(member)
    for i in range(len(toks) - len(want) + 1):
        if [t[0] for t in toks[i : i + len(want)]] == want:
            return toks[i][1], toks[i + len(want) - 1][2]
    return next(keys[k] for k in ks if k in keys)


def _widened(span: tuple[int, int], members: Sequence[Statement]) -> tuple[int, int] | None:
    """The phrase grown word by word, on either side, while every member writes the same next word right there
    ("criminally negligent" -> "criminally negligent homicide")."""
    rep = members[0]
    toks = _tokens(rep)
    words = [t[0] for t in toks]
    lo = next(i for i, t in enumerate(toks) if t[1] == span[0])
    hi = next(i for i, t in enumerate(toks) if t[2] == span[1]) + 1
    others = [[t[0] for t in _tokens(m)] for m in members[1:]]

    def written(lo: int, hi: int) -> bool:
        want = words[lo:hi]
        return all(any(ws[i : i + len(want)] == want for i in range(len(ws))) for ws in others)

    text = rep.article.text
    while hi < len(toks) and not text[toks[hi - 1][2] : toks[hi][1]].strip() and written(lo, hi + 1):
        hi += 1
    while lo > 0 and not text[toks[lo - 1][2] : toks[lo][1]].strip() and written(lo - 1, hi):
        lo -= 1
    # never end inside a person's name ("Ukrainian President Volodymyr" where the outlets spell Zelenskyy apart); a
    # phrase may start at a surname ("Brown's death" of "Michael Brown's death")
    names = [m for m in rep.article.group("mentions") if m.label == "PERSON" and rep.start <= m.start < rep.end]
    while hi > lo and any(m.start < toks[hi - 1][2] < m.end for m in names):
        hi -= 1
    while hi > lo and not toks[hi - 1][3]:  # never end or start on "the" or "of": the key's own words are content words
        hi -= 1
    while lo < hi and not toks[lo][3]:
        lo += 1
    if hi - lo < 2:
        return None  # the key itself cut a name ("President Volodymyr"): no phrase of two words is left
    return toks[lo][1], toks[hi - 1][2]


def age_details(
    statements: Sequence[Statement], persons: dict[str, str], facts: Iterable[tuple[Sequence[str], set[SpanKey]]]
) -> list[Detail]:
    """A person's age as a detail: the sources that give one named person one age, however each writes it ("Rana
    Holt, 44," / "the 44-year-old Holt" / "Holt (44)"), which a phrase cannot gather. Kept on a shared detail's terms
    (:func:`_kept`); the phrase is the name with its age."""
    found: dict[tuple[str, int], dict[str, tuple[Statement, tuple[int, int]]]] = defaultdict(dict)
    for ent, age, st, span in sorted(age_mentions(statements, persons), key=lambda m: (m[2].source, m[2].start, m[3])):
        found[(ent, age)].setdefault(st.source, (st, span))
    return _kept(found, facts)


COUNT_REACH = 40  # characters a counted noun may lie after its number to be shown with it
BARE_COUNT_MIN = 2  # a count with no predicate ("three bank employees") is a detail from two up; "one official" says little


def count_details(statements: Sequence[Statement], facts: Iterable[tuple[Sequence[str], set[SpanKey]]]) -> list[Detail]:
    """A count as a detail: the sources that give one number for one thing, however each words the rest ("Ten people
    were killed" / "killing 10 people and injuring 80"): the same value, the same counted noun (or none), the same
    kind of state (killed, injured, ...) and a hedge on the same side (:func:`_below`). The sentence that carries a
    count is often grouped with another of its claims, so the outlets that agree on the figure are nowhere counted
    together. Not a count of what is added ("another four"), one picked from a group ("one of the dead"), nor "one"
    of a noun with no predicate ("one official"). Kept on a shared detail's terms (:func:`_kept`); the phrase is the
    count with what it counts. Whether two counts of one thing disagree is the disagreements' business, not this."""
    found: dict[tuple[float, str], dict[str, tuple[Statement, tuple[int, int]]]] = defaultdict(dict)
    for st in sorted((s for s in statements if s.kind == "statement"), key=lambda s: (s.source, s.start)):
        for q in st.quantities:
            value = q.attrs.get("value")
            noun, state = counted_key(q.attrs.get("counted")), "+".join(sorted(quantity_state(q)))
            if value is None or not (noun or state) or q.attrs.get("increment") or picks_one(st, q):
                continue  # "another 4 died" adds to a count; "one of the dead" picks one
            if not state and float(value) < BARE_COUNT_MIN:
                continue  # "one official said" / "one official was suspended": no shared claim
            noun_span = q.attrs.get("counted_span")
            end = noun_span[1] if noun_span and q.end <= noun_span[0] <= q.end + COUNT_REACH else _state_after(st, q)
            found[(float(value), f"{noun}|{state}|{_below(q)}")].setdefault(st.source, (st, (q.start, end)))
    return _kept(found, facts)


def _state_after(st: Statement, q: Span) -> int:
    """Where a count with no noun after it ends when shown: with the word of its state right after it ("seven
    injured" of "four dockworkers dead and seven injured"), not as a bare "seven"."""
    state = q.attrs.get("state")
    if state:
        m = re.match(rf"\s+{re.escape(str(state))}\b", st.article.text[q.end : q.end + COUNT_REACH])
        if m is not None:
            return q.end + m.end()
    return q.end


def _below(q: Span) -> bool:
    """The count's hedge puts the truth below its number ("almost 3,000", "up to 80", "fewer than 20"). Such a count
    and one at or above the number ("more than 3,000") are one number with hedges that may disagree: never one detail.
    A count at its number and one above it ("1,000" / "more than 1,000") are one claim told with more or less care."""
    a = q.attrs
    high = a.get("high")
    return high is not None and (bool(a.get("high_open")) or (a.get("low") in (0, 0.0) and high == a.get("value")))


def _kept(
    found: Mapping[Any, dict[str, tuple[Statement, tuple[int, int]]]], facts: Iterable[tuple[Sequence[str], set[SpanKey]]]
) -> list[Detail]:
    """Details from what each source says first of a thing (source -> its sentence and the phrase there): those of two
    sources or more that no fact already holds with these very sentences. The phrase shown is the first source's."""
    held = [(frozenset(srcs), spans) for srcs, spans in facts]
    out = []
    for _key, by_source in sorted(found.items()):
        if len(by_source) < 2:
            continue
        members = [by_source[src][0] for src in sorted(by_source)]
        spans = {(m.article.id, m.start, m.end) for m in members}
        if any(srcs == frozenset(by_source) and spans <= h for srcs, h in held):
            continue
        out.append(Detail(by_source[min(by_source)][1], members, [by_source[src][1] for src in sorted(by_source)]))
    return out
