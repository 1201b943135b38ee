"""Aligning statements across sources into facts.

Sentence embeddings propose pairs; the reading decides. Two statements join one fact when they are similar enough
*and* compatible. Counts of the same thing that differ only within one reporting (same speaker, close values) stay one
fact and become a discrepancy; counts by different people, of different things or far apart are a *conflict*: such a
pair may never end up in one fact, however the clusters grow. One statement per source per fact; clusters grow
greedily by best pair, with average linkage so chains do not drift.

Meaning alone cannot tell two claims about one topic apart: in a story about a leaked archive, every sentence is about
Iran, files and a deal, and the embedding puts "the files fill 55,000 pages" next to "the deal was based on lies". With
``specific=True`` the similarity also weighs the words and numbers two statements share, by how rare they are in the
story (:func:`shared_specificity`), and two statements sharing :data:`ANCHOR_MIN` rare words or numbers are
candidates whatever their wording. Measured on the team's gold for four real events (``bench/score_brief.py``): pairs
of statements reporting one fact against pairs reporting two, at equal recall, precision rises from 0.37 (embedding
alone, 0.55) to 0.79. A close paraphrase that shares no rare word keeps its meaning similarity less
:data:`PARAPHRASE_MARGIN`. Without specificity (``specific=False``) the grouping is by meaning only: that is what
disagreements are looked for in, since two reports that disagree on a number share fewer specific words than two
that agree.

Two statements of two articles that are each other's closest statement in the other article (as bitext alignment
pairs sentences) are one report at a lower similarity (:data:`MUTUAL_MARGIN`): an outlet that tells a fact tells it
once, in the sentence most like the other outlet's.

One sentence may report several facts. In the fact grouping a statement joins, besides its own fact, every other fact
whose members it would each have been paired with (:func:`add_second_memberships`). A sentence and a clause of it
that thereby gather the same other sources' statements tell one fact twice: it is kept once (:func:`drop_repeats`; about
730 of 14,055 facts over the 155 gold sets, no gold fact lost).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from ..read.speakers import content_words
from .compare import close_values, quantities_agree, quantity_state, same_slot, same_words, speakers_conflict
from .measures import MONEY_RATIO, currency_of, sums
from .statements import Statement, main_quantity

COUNT_BAR = 0.35  # same count of the same thing: wording alone may differ widely
LINK_FRACTION = 1.0  # share of cross pairs that must be acceptable pairs for two clusters to merge
CENTROID_BAR = 0.62  # centroid similarity at which two clusters of different sources merge in the second pass
# and what one pair of their members needs: shared specific words (specific similarity), or a near paraphrase (meaning).
# 0.4 (was 0.1): of 1,275 member pairs a reader judged (tests/quality/gold_pairs), 75 fewer pairs of two different
# things were held in one fact, for 11 pairs of one thing and 11 of 4,518 gold facts lost
CENTROID_PAIR_BAR = 0.4
CENTROID_RAW_BAR = 0.7
# specificity: similarity' = (1 - MIX) * cosine + MIX * (cosine + TOTAL * min(shared, CAP) + TOP * rarest - OFFSET), with
# shared the summed and rarest the highest specificity (scaled IDF, 0..1) of the shared words. The weights are a
# logistic fit on labelled pairs of four gold events, where OFFSET 1.04 put the fitted even odds at the fact threshold
# (0.62); with the whole pipeline (shared memberships included) 0.95 found more facts on each of the six gold events.
SPEC_TOTAL = 0.4
SPEC_TOP = 0.66
SPEC_CAP = 3.0
SPEC_OFFSET = 0.95
SPEC_MIX = 0.7
# the most the specific similarity may fall below the meaning-only one: measured on the fourteen gold events, margins
# of 0.1-0.2 found 71.6-72.8% of the facts, against 71.4% with none (no floor) and 70.1% at 0.05
PARAPHRASE_MARGIN = 0.12
DISTINCT_COUNT = 10  # the smallest count whose agreement makes two people's statements one report
ANCHOR_MIN = 2  # shared rare words or numbers that make two statements candidates whatever their wording
ANCHOR_BAR = 0.2  # the meaning-only similarity such a pair still needs
ANCHOR_RARE = 0.03  # a word is rare when at most this share of the story's sentences (and at least 2) carry it
_NUM = re.compile(r"\d[\d,.]*\d|\d")
# two statements of two articles that are each other's closest statement in the other article (as bitext alignment
# pairs sentences) are one report at a similarity this much below the paraphrase threshold: measured on all 44 gold
# sets, 0.05 (0.5 at the default 0.55) found 68.4% of the facts against 67.3% without (bars 0.47-0.58: 67.0-68.5%),
# exact source sets 53.2% against 51.5%; on four stories held out, 60% against 57%
MUTUAL_MARGIN = 0.05
MUTUAL_CHOICE = 3  # statements an article needs for its closest one to be a choice


class ClosestStatements:
    """Which statement of an article is most similar to a given statement, worked out when asked (a story of many
    short articles has many pairs of articles, few of them ever asked about). A choice means something only among
    alternatives: articles of fewer than :data:`MUTUAL_CHOICE` statements are left out."""

    def __init__(self, statements: Sequence[Statement], sims: np.ndarray) -> None:
        by_art: dict[str, list[int]] = defaultdict(list)
        for k, st in enumerate(statements):
            by_art[st.article.id].append(k)
        self._members = {art: np.array(idx) for art, idx in by_art.items() if len(idx) >= MUTUAL_CHOICE}
        self._article = [st.article.id for st in statements]
        self._sims = sims
        self._cache: dict[tuple[int, str], int] = {}

    def closest(self, i: int, article: str) -> int | None:
        idx = self._members.get(article)
        if idx is None:
            return None
        key = (i, article)
        if key not in self._cache:
            self._cache[key] = int(idx[int(np.argmax(self._sims[i, idx]))])
        return self._cache[key]

    def mutual(self, i: int, j: int) -> bool:
        """``i`` and ``j`` (of two articles) are each other's closest statement in the other's article."""
        return self.closest(i, self._article[j]) == j and self.closest(j, self._article[i]) == i


def anchor_tokens(st: Statement) -> set[str]:
    """Content words and numbers (thousands separators dropped) of a statement. A number inside a date is marked as
    such ("@13" in "Feb. 13"): a day of the month says nothing about a count of 13."""
    out = set(st.words)
    for m in _NUM.finditer(st.text):
        at = st.start + m.start()
        dated = any(t.start <= at < t.end for t in st.times)
        out.add(("@" if dated else "") + m.group().replace(",", ""))
    return out


def _unit(st: Statement) -> tuple[str, tuple[int, int]]:
    """The sentence a statement belongs to: a clause counts with its statement."""
    return (st.article.id, st.parent or (st.start, st.end))


def _sentences_with(statements: Sequence[Statement], toks: Sequence[set[str]]) -> tuple[dict[str, int], int]:
    """How many of the story's sentences carry each word, and how many sentences there are."""
    units: dict[str, set[tuple[str, tuple[int, int]]]] = defaultdict(set)
    for st, t in zip(statements, toks, strict=True):
        for w in t:
            units[w].add(_unit(st))
    return {w: len(u) for w, u in units.items()}, len({_unit(s) for s in statements})


def shared_anchors(statements: Sequence[Statement]) -> dict[tuple[int, int], int]:
    """For pairs (i < j) of statements from different sources: how many rare words or numbers they share."""
    toks = [anchor_tokens(st) for st in statements]
    df, n_units = _sentences_with(statements, toks)
    holders: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(toks):
        for w in t:
            holders[w].append(i)
    limit = max(2, int(ANCHOR_RARE * n_units))
    out: dict[tuple[int, int], int] = {}
    for w, idx in holders.items():
        if df[w] > limit:
            continue
        for x in idx:
            for y in idx:
                if x < y and statements[x].article.id != statements[y].article.id:
                    out[(x, y)] = out.get((x, y), 0) + 1
    return out


def name_words(statements: Sequence[Statement]) -> set[str]:
    """Lower-cased words of the names the story mentions (people, places, organisations)."""
    out: set[str] = set()
    for a in {s.article.id: s.article for s in statements}.values():
        for m in a.group("mentions"):
            out |= content_words(a.text[m.start : m.end])
    return out


def shared_specificity(statements: Sequence[Statement]) -> tuple[np.ndarray, np.ndarray]:
    """For every pair of statements: the summed and the highest specificity of the words and numbers they share.

    A word's specificity is its IDF over the story's sentences (a clause counts with its sentence), scaled to [0, 1]
    by the IDF of a word said once: "deal" or "nuclear", in every other sentence of a story about them, weigh little;
    "55,000" or "English" weigh much. Names are left out: in a short story an actor's name is rare, yet it comes with
    every claim about that actor. Two sentences about one topic share the first kind, two reports of one fact the
    second."""
    n = len(statements)
    names = name_words(statements)
    toks = [anchor_tokens(s) - names for s in statements]
    df, n_units = _sentences_with(statements, toks)
    scale = math.log(max(n_units, 2))
    words = sorted(df)
    vocab = {w: k for k, w in enumerate(words)}
    idf = np.array([math.log(n_units / df[w]) / scale for w in words], dtype=np.float32)
    b = np.zeros((n, len(words)), dtype=np.float32)
    for i, t in enumerate(toks):
        b[i, [vocab[w] for w in t]] = 1.0
    total = (b * idf) @ b.T
    top = np.zeros((n, n), dtype=np.float32)
    for k in np.argsort(idf, kind="stable"):  # ascending: each shared word overwrites with a higher value
        idx = np.flatnonzero(b[:, k])
        if len(idx) > 1:
            top[np.ix_(idx, idx)] = idf[k]
    return total, top


def specific_similarity(statements: Sequence[Statement], semantic: np.ndarray) -> np.ndarray:
    """Meaning and shared specific words together, on the scale of the cosine thresholds (see the module docstring)."""
    total, top = shared_specificity(statements)
    adjusted = semantic + SPEC_TOTAL * np.minimum(total, SPEC_CAP) + SPEC_TOP * top - SPEC_OFFSET
    return np.asarray((1 - SPEC_MIX) * semantic + SPEC_MIX * adjusted, dtype=np.float32)


def lexical_similarity(statements: Sequence[Statement]) -> np.ndarray:
    """Cosine of IDF-weighted content words, the IDF taken over the story's statements: words every report uses
    ("harbour", "cranes") weigh little, the specific ones ("ammonia", "Berth 7") much."""
    n = len(statements)
    df: dict[str, int] = {}
    for s in statements:
        for w in s.words:
            df[w] = df.get(w, 0) + 1
    vocab = {w: k for k, w in enumerate(sorted(df))}
    m = np.zeros((n, len(vocab)), dtype=np.float32)
    for i, s in enumerate(statements):
        for w in s.words:
            m[i, vocab[w]] = np.log((n + 1) / (df[w] + 0.5))
    m /= np.clip(np.linalg.norm(m, axis=1, keepdims=True), 1e-9, None)
    return m @ m.T


def blend(semantic: np.ndarray, lexical: np.ndarray, weight: float) -> np.ndarray:
    """Meaning and specific words together: paraphrases score on the first, topical neighbours fall on the second."""
    if weight <= 0:
        return semantic
    return (1 - weight) * semantic + weight * lexical


def same_count(a: Statement, b: Statement) -> bool:
    """The same number of the same thing in a compatible state over the same period."""
    qa, qb = main_quantity(a), main_quantity(b)
    if qa is None or qb is None or not same_slot(a, b) or not quantities_agree(a, b):
        return False
    va, vb = qa.attrs.get("value"), qb.attrs.get("value")
    if va is None or va != vb:
        return False
    sa, sb = quantity_state(qa), quantity_state(qb)
    return sa == sb or not sa or not sb


def _figures(st: Statement) -> set[tuple[str, object]]:
    return {(q.label, q.attrs.get("value")) for q in st.quantities if q.label in {"MONEY", "PERCENT"} and q.attrs.get("value")}


def same_figure(a: Statement, b: Statement) -> bool:
    """Both give the very same sums or shares, and no other ("damage put at $85 million"): one figure, whoever it is
    credited to. A sentence that also weighs a second sum is about something else."""
    fa = _figures(a)
    return bool(fa) and fa == _figures(b)


SAME_WORDS_SIM = 0.8  # meaning similarity of mostly the same words that two speakers are credited with: one fact


def sums_apart(a: Statement, b: Statement) -> bool:
    """Each statement gives one sum of money, in one currency, and the two are further apart than
    :data:`~.measures.MONEY_RATIO` ("damage put at $5 million" / "damage put at $50 million"): whatever the rest of
    their words, they do not report one figure, and a fact holding both would credit each outlet with the other's
    sum."""
    ta, tb = _currency_sums(a), _currency_sums(b)
    if len(ta) != 1 or len(tb) != 1 or ta[0][0] != tb[0][0]:
        return False  # a sentence of several sums may tell one of them as the other's
    (_, va), (_, vb) = ta[0], tb[0]
    return va is not None and vb is not None and max(va, vb) / min(va, vb) > MONEY_RATIO


def _currency_sums(st: Statement) -> list[tuple[str, float | None]]:
    """Every sum of money the statement writes, with its currency (None for one that cannot be compared): also one
    added to another ("another $600 million") and a rate, which :func:`~.measures.sums` leaves out, for a statement
    that also writes such a sum gives more than one."""
    held = {id(q) for q in sums(st)}
    out: list[tuple[str, float | None]] = []
    for q in st.quantities:
        if q.label != "MONEY" or not q.attrs.get("value"):
            continue
        currency = currency_of(st, q)
        out.append((currency or "?", float(q.attrs["value"]) if id(q) in held and currency is not None else None))
    return out


def conflict(a: Statement, b: Statement, sim: float, threshold: float, strict: float) -> bool:
    """True when the reading says the two statements cannot be one fact."""
    if sums_apart(a, b):
        return True
    qa, qb = main_quantity(a), main_quantity(b)
    if qa is not None and qb is not None and same_slot(a, b):
        if not quantities_agree(a, b):
            if speakers_conflict(a, b) or not close_values(a, b, ratio=1.25):
                return True
        elif not close_values(a, b, ratio=2.0) and sim < strict:
            return True  # "at least one" and "a thousand" overlap as intervals but are not one count
    if speakers_conflict(a, b):
        # the same words or the same count credited to two people (or to a person and to "estimates") is one fact
        # with an attribution discrepancy only when near-identical in meaning and words, or when the counts agree
        counts_agree = (
            qa is not None
            and qb is not None
            and same_slot(a, b)
            and quantities_agree(a, b)
            and close_values(a, b)
            and (qa.attrs.get("value") or 0) >= DISTINCT_COUNT  # "one bomb" landed in many different accounts
        )
        if not (counts_agree or same_figure(a, b)) and (sim < min(strict, SAME_WORDS_SIM) or not same_words(a, b)):
            return True
    return False


def pair_score(a: Statement, b: Statement, sim: float, threshold: float, strict: float, raw: float | None = None) -> float | None:
    """Similarity adjusted by what the reading knows, or None when the two must not be one fact. ``raw`` is the
    meaning-only similarity the conflict rules read (``sim`` by default)."""
    if conflict(a, b, sim if raw is None else raw, threshold, strict):
        return None
    score = sim
    shared = len(a.entities & b.entities)
    union = len(a.entities | b.entities) or 1
    score += 0.08 * shared / union
    qa, qb = main_quantity(a), main_quantity(b)
    if qa is not None and qb is not None:
        if same_slot(a, b) and quantities_agree(a, b):
            score += 0.06
            if close_values(a, b, ratio=1.25) and quantity_state(qa) == quantity_state(qb):
                score += 0.08  # the same count of the same thing in the same state: strong evidence of one fact
    elif (qa is None) != (qb is None):
        score -= 0.03
    if a.speaker_entity and a.speaker_entity == b.speaker_entity:
        score += 0.05
    return score if score >= threshold else None


def align(
    statements: Sequence[Statement],
    vectors: np.ndarray,
    threshold: float,
    paraphrase: float,
    strict: float = 0.84,
    lexical_weight: float = 0.0,
    specific: bool = True,
    specific_sims: np.ndarray | None = None,
) -> list[list[int]]:
    """Clusters of statement indexes (each cluster one fact, at most one statement per source).

    ``specific``: weigh the rare words and numbers statements share (see the module docstring); without it, meaning
    alone groups them. The conflict rules always read the meaning-only similarity."""
    n = len(statements)
    if n == 0:
        return []
    raw = vectors @ vectors.T
    spec_only: np.ndarray | None = None
    sims = blend(raw, lexical_similarity(statements) if lexical_weight > 0 else vectors[:0, :0], lexical_weight)
    if specific:  # ``specific_sims``: the same, computed once by the caller (meaning only, without lexical blend)
        sims = specific_sims if specific_sims is not None and lexical_weight <= 0 else specific_similarity(statements, sims)
        # a close paraphrase may share no rare word ("might resume its nuclear activities if the US pulls out" / "would
        # restart their efforts if the US withdrew"): it keeps its meaning similarity, less a margin
        spec_only = sims
        sims = np.maximum(sims, raw - PARAPHRASE_MARGIN)
    anchors = shared_anchors(statements) if specific else {}
    closest = ClosestStatements(statements, sims) if specific else None
    mutual_bar = paraphrase - MUTUAL_MARGIN
    pairs: list[tuple[float, int, int]] = []
    art = np.array([hash(s.article.id) for s in statements])
    lowest = min(paraphrase, COUNT_BAR, ANCHOR_BAR, mutual_bar)
    bar_of: dict[tuple[int, int], float] = {}
    eff: dict[tuple[int, int], float] = {}  # the similarity a pair was accepted on
    ii, jj = np.nonzero(np.triu((sims >= lowest) | (raw >= lowest), k=1) & (art[:, None] != art[None, :]))
    for i, j in zip(ii.tolist(), jj.tolist(), strict=True):
        sim = float(sims[i, j])
        # lower bar for paraphrase when the reading agrees on who and what; lower still for the same count of the
        # same thing ("some 40 containers" / "about 40 containers"), which wording alone hides
        bar = threshold
        if statements[i].entities & statements[j].entities and len(statements[i].words & statements[j].words) >= 3:
            bar = paraphrase
        if closest is not None and mutual_bar <= sim < bar and closest.mutual(i, j):
            bar = mutual_bar
        special = COUNT_BAR if same_count(statements[i], statements[j]) or same_figure(statements[i], statements[j]) else None
        if anchors.get((i, j), 0) >= ANCHOR_MIN:
            special = min(special or 1.0, ANCHOR_BAR)
        if special is not None and float(raw[i, j]) >= special and sim < bar:
            sim, bar = float(raw[i, j]), special
        if sim < bar:
            continue
        sc = pair_score(statements[i], statements[j], sim, bar, strict, float(raw[i, j]))
        if sc is not None:
            pairs.append((sc, i, j))
            bar_of[(i, j)] = bar_of[(j, i)] = bar
            eff[(i, j)] = eff[(j, i)] = sim
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    cluster_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    ok_pair = {(i, j) for _, i, j in pairs} | {(j, i) for _, i, j in pairs}
    for _, i, j in pairs:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        mi, mj = members[ci], members[cj]
        if {statements[k].article.id for k in mi} & {statements[k].article.id for k in mj}:
            continue
        cross = [(a, b) for a in mi for b in mj]
        if any(conflict(statements[a], statements[b], float(raw[a, b]), threshold, strict) for a, b in cross):
            continue
        # average linkage: most cross pairs must themselves be acceptable, and similar on average
        good = sum(1 for a, b in cross if (a, b) in ok_pair)
        if good / len(cross) < LINK_FRACTION:
            continue
        mean = float(np.mean([eff.get((a, b), float(sims[a, b])) for a, b in cross]))
        if mean < min(paraphrase, max(bar_of[p] for p in cross)):
            continue
        for k in mj:
            cluster_of[k] = ci
        members[ci] = mi + mj
        del members[cj]
    clusters = merge_by_centroid(list(members.values()), statements, vectors, raw, threshold, strict, pair_sims=spec_only)
    clusters = fold_overlapping(clusters, statements, raw, threshold, strict)
    clusters = add_second_memberships(clusters, statements, raw, ok_pair, threshold, strict, every_pair=specific)
    clusters = drop_repeats(clusters, statements)
    return sorted((sorted(m) for m in clusters), key=lambda m: m[0])


def merge_by_centroid(
    clusters: list[list[int]],
    statements: Sequence[Statement],
    vectors: np.ndarray,
    sims: np.ndarray,
    threshold: float,
    strict: float,
    pair_sims: np.ndarray | None = None,
) -> list[list[int]]:
    """Second pass: two clusters from different sources that say the same thing in different words (each member
    paraphrasing the other cluster's members only loosely) merge when their centroids are close and nothing conflicts.
    Best pair first, one merge at a time. With ``pair_sims`` (specific similarity), some pair of members must also
    share specific words or be a near paraphrase: centroids of loose neighbours on one topic drift together ("agreed
    to give up the weapons", "hoped to discuss disarmament", "could be sincere in giving them up")."""
    work = [list(c) for c in clusters]
    arts = [{statements[i].article.id for i in c} for c in work]
    bar = max(threshold, CENTROID_BAR)
    if len(work) < 2:
        return work
    sums = np.stack([vectors[c].sum(axis=0) for c in work]).astype(np.float64)
    cents = sums / np.clip(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9, None)
    cs = np.triu(cents @ cents.T, k=1)
    rejected: set[tuple[int, int]] = set()  # pairs weighed and refused, until one of the two changes
    while True:
        xs, ys = np.nonzero(cs >= bar)
        order = np.argsort(-cs[xs, ys], kind="stable")
        merged = None
        for o in order:
            a, b = int(xs[o]), int(ys[o])
            if (a, b) in rejected:
                continue
            if len(work[a]) + len(work[b]) < 3 or arts[a] & arts[b]:  # two singletons were already weighed pairwise
                rejected.add((a, b))
                continue
            if any(conflict(statements[i], statements[j], float(sims[i, j]), threshold, strict) for i in work[a] for j in work[b]):
                rejected.add((a, b))
                continue
            cross = np.ix_(work[a], work[b])
            if pair_sims is not None and float(pair_sims[cross].max()) < CENTROID_PAIR_BAR and float(sims[cross].max()) < CENTROID_RAW_BAR:
                rejected.add((a, b))
                continue
            merged = (a, b)
            break
        if merged is None:
            break
        a, b = merged
        work[a] += work[b]
        arts[a] |= arts[b]
        work[b], arts[b] = [], set()
        sums[a] += sums[b]
        cents[a] = sums[a] / max(float(np.linalg.norm(sums[a])), 1e-9)
        cs[b, :] = cs[:, b] = -np.inf
        row = cents @ cents[a]
        live = np.array([bool(c) for c in work])
        row[~live] = -np.inf
        cs[a, a + 1 :] = row[a + 1 :]
        cs[:a, a] = row[:a]
        rejected = {p for p in rejected if a not in p and b not in p}
    return [c for c in work if c]


SECOND_BAR = 0.1  # meaning only: how much more similar than the threshold a sentence must be to join a second fact
# members of a fact from which a second member need pair with all but one: on the 153 gold sets 3 found 71.3% of the
# facts (+14; pair precision 52.2% against 52.4%), 4 71.2% (+7, precision unchanged), every member 71.0%
SECOND_ALL_BUT_ONE = 3


def add_second_memberships(
    clusters: list[list[int]],
    statements: Sequence[Statement],
    sims: np.ndarray,
    ok_pair: set[tuple[int, int]],
    threshold: float,
    strict: float,
    every_pair: bool = False,
) -> list[list[int]]:
    """A sentence often reports several facts ("the mayor said the quay would reopen on Monday and that repairs would
    cost $4 million"), but the first pass gives each statement one fact. Afterwards a statement also joins another fact
    when its source is not there yet, nothing conflicts, and either (``every_pair``, the fact grouping) it would have
    been paired with each of that fact's members in the first pass, or with all but one of a fact of
    :data:`SECOND_ALL_BUT_ONE` or more (and, when they all credit one speaker, credits that speaker too), or (the
    meaning-only grouping) it is a long sentence that pairs with most members of a multi-source fact, as similar to
    them as they are to each other."""
    out = [list(c) for c in clusters]
    partners: dict[int, set[int]] = defaultdict(set)
    for i, j in ok_pair:
        partners[i].add(j)
    for k, c in enumerate(clusters):
        have = {statements[j].article.id for j in c}
        if every_pair:
            paired = Counter(i for j in c for i in partners[j])
            # with every member; of three or more, all but one will do (one outlet's telling may be worded apart)
            need = len(c) - 1 if len(c) >= SECOND_ALL_BUT_ONE else len(c)
            cands = {i for i, n in paired.items() if n >= need} - set(c)
            speakers = {statements[j].speaker_entity for j in c}
            if len(c) >= 2 and len(speakers) == 1 and None not in speakers:
                # what one person said ("the test site has done its job, Kim said"): a sentence joins it as a second
                # fact only when credited to that person too, not when it reports the matter in its own voice
                cands = {i for i in cands if statements[i].speaker_entity in speakers}
        elif len({statements[j].source for j in c}) >= 2:
            cands = {
                i
                for i in set().union(*(partners[j] for j in c)) - set(c)
                if statements[i].kind == "statement"
                and len(statements[i].text.split()) >= 15
                and sum(1 for j in c if (i, j) in ok_pair) >= max(2, 0.67 * len(c))
                and float(np.mean([sims[i, j] for j in c])) >= threshold + SECOND_BAR
            }
        else:
            continue
        for i in sorted(cands):
            st = statements[i]
            if st.article.id in have or any(conflict(st, statements[j], float(sims[i, j]), threshold, strict) for j in out[k]):
                continue  # checked against the members added before it too: two rival counts never join one fact
            out[k].append(i)
            have.add(st.article.id)
    # a statement that joined a cluster which joined it back gives one cluster twice: keep it once
    unique: dict[frozenset[int], list[int]] = {}
    for cl in out:
        unique.setdefault(frozenset(cl), cl)
    return list(unique.values())


def _same_count(a: Statement, b: Statement) -> bool:
    if not _overlap(a, b):
        return False
    qa, qb = main_quantity(a), main_quantity(b)
    return qa is not None and qb is not None and (qa.start, qa.end) == (qb.start, qb.end)


def _overlap(a: Statement, b: Statement) -> bool:
    return a.article.id == b.article.id and a.start < b.end and b.start < a.end


def fold_overlapping(
    clusters: list[list[int]], statements: Sequence[Statement], sims: np.ndarray, threshold: float, strict: float
) -> list[list[int]]:
    """A statement and a clause inside it may both have found partners: when most members of a cluster overlap the
    members of a larger cluster, they report one fact twice. Fold the smaller into the larger (new sources only, and
    never a conflicting member)."""
    kept: list[list[int]] = []
    art = np.array([hash(s.article.id) for s in statements])
    start = np.array([s.start for s in statements])
    end = np.array([s.end for s in statements])
    ov = (art[:, None] == art[None, :]) & (start[:, None] < end[None, :]) & (start[None, :] < end[:, None])
    overlapping = [set(np.flatnonzero(row).tolist()) for row in ov]  # statements sharing text with each one
    for cl in sorted(clusters, key=lambda c: (-len(c), c[0])):
        target = None
        near = set().union(*(overlapping[i] for i in cl))
        for k in kept:
            if near.isdisjoint(k):
                continue
            hits = sum(1 for i in cl if not overlapping[i].isdisjoint(k))
            # overlapping units of the same sentences, and saying the same thing (not two claims of one sentence)
            if len(cl) > 1 and hits >= 0.6 * len(cl) and float(sims[np.ix_(cl, k)].mean()) >= threshold:
                target = k
                break
            # or: a sentence and its clause carry the very same count, so both clusters report that count
            if any(_same_count(statements[i], statements[j]) for i in cl for j in k if j in overlapping[i]) and not any(
                conflict(statements[i], statements[j], float(sims[i, j]), threshold, strict) for i in cl for j in k
            ):
                target = k
                break
        if target is None:
            kept.append(list(cl))
            continue
        have = {statements[j].article.id for j in target}
        for i in cl:
            placed = i in target
            if statements[i].article.id in have:
                # the same article twice: keep the whole statement rather than its clause (speaker and date included)
                for pos, j in enumerate(target):
                    if (
                        statements[j].parent == (statements[i].start, statements[i].end)
                        and statements[j].article.id == statements[i].article.id
                    ):
                        others = [x for x in target if x != j]
                        if not any(conflict(statements[i], statements[x], float(sims[i, x]), threshold, strict) for x in others):
                            target[pos] = i
                            placed = True
            elif not any(conflict(statements[i], statements[j], float(sims[i, j]), threshold, strict) for j in target):
                target.append(i)
                have.add(statements[i].article.id)
                placed = True
            if not placed and statements[i].kind == "statement":
                kept.append([i])  # never lose a statement: it stands alone rather than vanish
    return kept


def drop_repeats(clusters: list[list[int]], statements: Sequence[Statement]) -> list[list[int]]:
    """A sentence and a clause of it may each have gathered the same other sources' statements (a quote's words as a
    clause, the sentence with "he said" as a statement, both joined by the sentences of two other outlets): one fact
    told twice. Of two clusters of the same articles that share all members but one, that one overlapping its
    counterpart in the same article, the one with more whole statements (then more text) is kept. Whether the two say
    the same thing is not asked: the other outlets' sentences joined both, and a clause's second fact inside its
    sentence stays that sentence's (on the 155 gold sets no gold fact was lost)."""

    def wholeness(cl: list[int]) -> tuple[int, int]:
        return (sum(1 for i in cl if statements[i].kind == "statement"), sum(statements[i].end - statements[i].start for i in cl))

    kept: list[list[int]] = []
    by_articles: dict[frozenset[str], list[set[int]]] = defaultdict(list)  # only clusters of the same articles compare
    for cl in sorted(clusters, key=wholeness, reverse=True):
        articles = frozenset(statements[i].article.id for i in cl)
        members = set(cl)
        if len(articles) >= 2 and any(
            len(members - k) <= 1 and all(i in k or any(_overlap(statements[i], statements[j]) for j in k) for i in members)
            for k in by_articles[articles]
        ):
            continue
        kept.append(cl)
        by_articles[articles].append(members)
    return kept
