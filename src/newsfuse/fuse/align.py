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
    statements: Sequence[Statement], vectors: np.ndarray, threshold: float, paraphrase: float, strict: float = 0.84
) -> list[list[int]]:
    """Clusters of statement indexes (each cluster one fact, at most one statement per source)."""
    n = len(statements)
    if n == 0:
        return []
    sims = vectors @ vectors.T
    pairs: list[tuple[float, int, int]] = []
    for i in range(n):
        for j in range(i + 1, n):
            if statements[i].article.id == statements[j].article.id:
                continue
            sim = float(sims[i, j])
            if sim < paraphrase:
                continue
            # lower bar for paraphrase when the reading agrees on who and what
            bar = threshold
            if statements[i].entities & statements[j].entities and len(statements[i].words & statements[j].words) >= 3:
                bar = paraphrase
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
        if good / len(cross) < 0.5:
            continue
        if float(np.mean([sims[a, b] for a, b in cross])) < paraphrase:
            continue
        for k in mj:
            cluster_of[k] = ci
        members[ci] = mi + mj
        del members[cj]
    clusters = merge_by_centroid(list(members.values()), statements, vectors, sims, threshold, strict)
    clusters = fold_overlapping(clusters, statements, sims, threshold, strict)
    return sorted((sorted(m) for m in clusters), key=lambda m: m[0])


def merge_by_centroid(
    clusters: list[list[int]], statements: Sequence[Statement], vectors: np.ndarray, sims: np.ndarray, threshold: float, strict: float
) -> list[list[int]]:
    """Second pass: two clusters from different sources that say the same thing in different words (each member
    paraphrasing the other cluster's members only loosely) merge when their centroids are close and nothing conflicts."""
    work = [list(c) for c in clusters]
    changed = True
    while changed:
        changed = False
        multi = [k for k, c in enumerate(work) if c]
        cents = {k: vectors[work[k]].mean(axis=0) for k in multi}
        for k in cents:
            cents[k] = cents[k] / (np.linalg.norm(cents[k]) + 1e-9)
        best: tuple[float, int, int] | None = None
        for x, a in enumerate(multi):
            for b in multi[x + 1 :]:
                if len(work[a]) + len(work[b]) < 3:
                    continue  # two singletons were already weighed pairwise
                if {statements[i].article.id for i in work[a]} & {statements[i].article.id for i in work[b]}:
                    continue
                sim = float(cents[a] @ cents[b])
                if sim < threshold or (best is not None and sim <= best[0]):
                    continue
                if any(conflict(statements[i], statements[j], float(sims[i, j]), threshold, strict) for i in work[a] for j in work[b]):
                    continue
                best = (sim, a, b)
        if best is not None:
            _, a, b = best
            work[a] += work[b]
            work[b] = []
            changed = True
    return [c for c in work if c]


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
