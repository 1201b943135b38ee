"""Aligning statements across sources into facts.

Sentence embeddings propose pairs; the reading decides. Two statements join one fact when they are similar enough
*and* compatible: counts of the same thing that differ only within one reporting (same speaker, close values) stay
one fact and become a discrepancy; counts by different people or of different things stay apart. One statement per
source per fact; clusters grow greedily by best pair, with average linkage so chains do not drift.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .compare import close_values, quantities_agree, same_slot, speakers_conflict
from .statements import Statement, main_quantity


def pair_score(a: Statement, b: Statement, sim: float, threshold: float, strict: float) -> float | None:
    """Similarity adjusted by what the reading knows, or None when the two must not be one fact."""
    score = sim
    shared = len(a.entities & b.entities)
    union = len(a.entities | b.entities) or 1
    score += 0.08 * shared / union
    qa, qb = main_quantity(a), main_quantity(b)
    if qa is not None and qb is not None:
        if not same_slot(a, b):
            if sim < strict:
                return None
        elif not quantities_agree(a, b):
            # one count reported differently, or two different counts?
            if speakers_conflict(a, b) or not close_values(a, b, ratio=1.25):
                return None
        elif not close_values(a, b, ratio=2.0) and sim < strict:
            return None  # "at least one" and "a thousand" overlap as intervals but are not one count
        else:
            score += 0.06
    elif (qa is None) != (qb is None):
        score -= 0.03
    if speakers_conflict(a, b):
        # the same words or the same count credited to two people (or to a person and to "estimates"): one fact with
        # an attribution discrepancy, only when near-identical or when the counts agree
        counts_agree = qa is not None and qb is not None and same_slot(a, b) and quantities_agree(a, b)
        if sim < strict and not (counts_agree and sim >= threshold + 0.1):
            return None
    elif a.speaker_entity and a.speaker_entity == b.speaker_entity:
        score += 0.05
    return score if score >= threshold else None


def align(statements: Sequence[Statement], vectors: np.ndarray, threshold: float, paraphrase: float, strict: float = 0.84) -> list[list[int]]:
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
        # average linkage over compatible pairs: most cross pairs must themselves be acceptable
        cross = [(a, b) for a in mi for b in mj]
        good = sum(1 for a, b in cross if (a, b) in ok_pair)
        if good / len(cross) < 0.5:
            continue
        avg = float(np.mean([sims[a, b] for a, b in cross]))
        if avg < paraphrase:
            continue
        for k in mj:
            cluster_of[k] = ci
        members[ci] = mi + mj
        del members[cj]
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
