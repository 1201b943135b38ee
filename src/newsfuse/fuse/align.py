"""Aligning statements across sources into facts.

Sentence embeddings propose pairs; the reading decides. Two statements join one fact when they are similar enough
*and* compatible. Counts of the same thing that differ only within one reporting (same speaker, close values) stay one
fact and become a discrepancy; counts by different people, of different things or far apart are a *conflict*: such a
pair may never end up in one fact, however the clusters grow. One statement per source per fact; clusters grow
greedily by best pair, with average linkage so chains do not drift.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .compare import close_values, quantities_agree, quantity_state, same_slot, speakers_conflict
from .statements import Statement, main_quantity

COUNT_BAR = 0.35  # same count of the same thing: wording alone may differ widely
LINK_FRACTION = 1.0  # share of cross pairs that must be acceptable pairs for two clusters to merge
CENTROID_BAR = 0.62  # centroid similarity at which two clusters of different sources merge in the second pass


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


def conflict(a: Statement, b: Statement, sim: float, threshold: float, strict: float) -> bool:
    """True when the reading says the two statements cannot be one fact."""
    qa, qb = main_quantity(a), main_quantity(b)
    if qa is not None and qb is not None and same_slot(a, b):
        if not quantities_agree(a, b):
            if speakers_conflict(a, b) or not close_values(a, b, ratio=1.25):
                return True
        elif not close_values(a, b, ratio=2.0) and sim < strict:
            return True  # "at least one" and "a thousand" overlap as intervals but are not one count
    if speakers_conflict(a, b):
        # the same words or the same count credited to two people (or to a person and to "estimates") is one fact
        # with an attribution discrepancy only when near-identical or when the counts agree
        counts_agree = qa is not None and qb is not None and same_slot(a, b) and quantities_agree(a, b) and close_values(a, b)
        if sim < strict and not counts_agree:
            return True
    return False


def pair_score(a: Statement, b: Statement, sim: float, threshold: float, strict: float) -> float | None:
    """Similarity adjusted by what the reading knows, or None when the two must not be one fact."""
    if conflict(a, b, sim, threshold, strict):
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
) -> list[list[int]]:
    """Clusters of statement indexes (each cluster one fact, at most one statement per source)."""
    n = len(statements)
    if n == 0:
        return []
    sims = blend(vectors @ vectors.T, lexical_similarity(statements), lexical_weight)
    pairs: list[tuple[float, int, int]] = []
    art = np.array([hash(s.article.id) for s in statements])
    lowest = min(paraphrase, COUNT_BAR)
    ii, jj = np.nonzero(np.triu(sims >= lowest, k=1) & (art[:, None] != art[None, :]))
    for i, j in zip(ii.tolist(), jj.tolist(), strict=True):
        sim = float(sims[i, j])
        # lower bar for paraphrase when the reading agrees on who and what; lower still for the same count of the
        # same thing ("some 40 containers" / "about 40 containers"), which wording alone hides
        bar = threshold
        if same_count(statements[i], statements[j]):
            bar = COUNT_BAR
        elif statements[i].entities & statements[j].entities and len(statements[i].words & statements[j].words) >= 3:
            bar = paraphrase
        if sim < bar:
            continue
        sc = pair_score(statements[i], statements[j], sim, bar, strict)
        if sc is not None:
            pairs.append((sc, i, j))
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
        if any(conflict(statements[a], statements[b], float(sims[a, b]), threshold, strict) for a, b in cross):
            continue
        # average linkage: most cross pairs must themselves be acceptable, and similar on average
        good = sum(1 for a, b in cross if (a, b) in ok_pair)
        if good / len(cross) < LINK_FRACTION:
            continue
        mean = float(np.mean([sims[a, b] for a, b in cross]))
        if mean < paraphrase and not (mean >= COUNT_BAR and all(same_count(statements[a], statements[b]) for a, b in cross)):
            continue
        for k in mj:
            cluster_of[k] = ci
        members[ci] = mi + mj
        del members[cj]
    clusters = merge_by_centroid(list(members.values()), statements, vectors, sims, threshold, strict)
    clusters = fold_overlapping(clusters, statements, sims, threshold, strict)
    clusters = add_second_memberships(clusters, statements, sims, ok_pair, threshold, strict)
    return sorted((sorted(m) for m in clusters), key=lambda m: m[0])


def merge_by_centroid(
    clusters: list[list[int]], statements: Sequence[Statement], vectors: np.ndarray, sims: np.ndarray, threshold: float, strict: float
) -> list[list[int]]:
    """Second pass: two clusters from different sources that say the same thing in different words (each member
    paraphrasing the other cluster's members only loosely) merge when their centroids are close and nothing conflicts.
    Best pair first, one merge at a time."""
    work = [list(c) for c in clusters]
    arts = [{statements[i].article.id for i in c} for c in work]
    bar = max(threshold, CENTROID_BAR)
    while True:
        live = [k for k, c in enumerate(work) if c]
        if len(live) < 2:
            break
        cents = np.stack([vectors[work[k]].mean(axis=0) for k in live])
        cents /= np.clip(np.linalg.norm(cents, axis=1, keepdims=True), 1e-9, None)
        cs = np.triu(cents @ cents.T, k=1)
        xs, ys = np.nonzero(cs >= bar)
        order = np.argsort(-cs[xs, ys], kind="stable")
        merged = False
        for o in order:
            a, b = live[xs[o]], live[ys[o]]
            if len(work[a]) + len(work[b]) < 3 or arts[a] & arts[b]:
                continue  # two singletons were already weighed pairwise
            if any(conflict(statements[i], statements[j], float(sims[i, j]), threshold, strict) for i in work[a] for j in work[b]):
                continue
            work[a] += work[b]
            arts[a] |= arts[b]
            work[b], arts[b] = [], set()
            merged = True
            break
        if not merged:
            break
    return [c for c in work if c]


SECOND_BAR = 0.1  # how much more similar than the threshold a sentence must be to join a second fact


def add_second_memberships(
    clusters: list[list[int]],
    statements: Sequence[Statement],
    sims: np.ndarray,
    ok_pair: set[tuple[int, int]],
    threshold: float,
    strict: float,
) -> list[list[int]]:
    """A long sentence often reports several facts ("the mayor said the quay would reopen on Monday and that repairs
    would cost $4 million"). After clustering, a statement also joins another multi-source fact when it matches most of
    that fact's members as well as they match each other, its source is not there yet, and nothing conflicts."""
    if SECOND_BAR >= 1:
        return clusters
    out = [list(c) for c in clusters]
    member_of: dict[int, int] = {i: k for k, c in enumerate(clusters) for i in c}
    for i, st in enumerate(statements):
        if st.kind != "statement" or len(st.text.split()) < 15:
            continue
        for k, c in enumerate(clusters):
            if member_of.get(i) == k or len({statements[j].source for j in c}) < 2:
                continue
            if any(statements[j].article.id == st.article.id for j in out[k]):
                continue
            good = sum(1 for j in c if (i, j) in ok_pair)
            if good < max(2, 0.67 * len(c)):
                continue
            if float(np.mean([sims[i, j] for j in c])) < threshold + SECOND_BAR:
                continue
            if any(conflict(st, statements[j], float(sims[i, j]), threshold, strict) for j in c):
                continue
            out[k].append(i)
    return out


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
    for cl in sorted(clusters, key=lambda c: (-len(c), c[0])):
        target = None
        for k in kept:
            hits = sum(1 for i in cl if any(_overlap(statements[i], statements[j]) for j in k))
            # overlapping units of the same sentences, and saying the same thing (not two claims of one sentence)
            if len(cl) > 1 and hits >= 0.6 * len(cl) and float(np.mean([sims[i, j] for i in cl for j in k])) >= threshold:
                target = k
                break
            # or: a sentence and its clause carry the very same count, so both clusters report that count
            if any(_same_count(statements[i], statements[j]) for i in cl for j in k) and not any(
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
