"""Alignment with hand-built statements and vectors (no model): what specificity and anchors change."""

from __future__ import annotations

import importlib
import itertools
import math
import re
from typing import Any, cast

import numpy as np
import pytest

from newsfuse.fuse.align import ClosestStatements, align, conflict, shared_anchors, shared_specificity
from newsfuse.fuse.statements import Statement
from newsfuse.model import Span
from newsfuse.read.speakers import content_words
from tests.conftest import make_article

from .helpers import clause_of, statement

align_module = importlib.import_module("newsfuse.fuse.align")

# a story about a leaked archive; the filler gives the story its common words
FILLER = [
    ("The archive was taken from a warehouse, officials said.", "f1"),
    ("Officials said the archive would be shared with allies.", "f2"),
    ("The archive shows the programme was larger than admitted, officials said.", "f3"),
    ("Allies said they would study the archive.", "f4"),
    ("The warehouse archive was guarded by a few officials.", "f5"),
]


def _story(extra: list[tuple[str, str]]) -> list[Statement]:
    return [statement(t, s) for t, s in extra + FILLER]


def _vectors(n: int, pairs: dict[tuple[int, int], float]) -> np.ndarray:
    """Unit vectors with the given cosines for pairs of the first three (0-1, 0-2); the rest orthogonal to all."""
    v = np.zeros((n, 384), dtype=np.float32)
    v[0, 0] = 1.0
    c01, c02 = pairs[(0, 1)], pairs[(0, 2)]
    v[1, 0], v[1, 1] = c01, math.sqrt(1 - c01 * c01)
    v[2, 0], v[2, 2] = c02, math.sqrt(1 - c02 * c02)
    for i in range(3, n):
        v[i, 10 + i] = 1.0
    return v


CLAIMS = [
    ("The archive fills 55,000 pages and 183 compact discs, officials said.", "a"),
    ("The archive proves the programme was built on lies, officials said.", "b"),  # same topic, another claim
    ("Experts read through 55,000 pages and 183 discs from the archive.", "c"),  # the first claim, other words
]


def test_rare_shared_words_weigh_more_than_common_ones() -> None:
    sts = _story(CLAIMS)
    total, top = shared_specificity(sts)
    assert total[0, 2] > total[0, 1] and top[0, 2] > top[0, 1]
    assert 0.0 <= float(top.max()) <= 1.0
    anchors = shared_anchors(sts)
    assert anchors.get((0, 2), 0) >= 2  # 55000, 183 (and pages)
    assert anchors.get((0, 1), 0) == 0


def test_names_are_not_specific() -> None:
    sts = _story([("Kestrel said the quay reopened.", "a"), ("Kestrel denied any fault.", "b")])
    for st in sts[:2]:
        st.article.set_spans("mentions", [Span(0, 7, "ORG", "test@1", {"entity": "e-kestrel"})])
    total, _ = shared_specificity(sts)
    assert float(total[0, 1]) == 0.0


def test_one_topic_two_claims_stay_apart_and_one_claim_in_other_words_joins() -> None:
    sts = _story(CLAIMS)
    vec = _vectors(len(sts), {(0, 1): 0.66, (0, 2): 0.5})
    by_meaning = align(sts, vec, 0.62, 0.55, specific=False)
    assert [0, 1] in by_meaning  # meaning alone: the two claims on one topic are one "fact"
    specific = align(sts, vec, 0.62, 0.55)
    assert [0, 2] in specific  # the same figures in other words are one fact
    assert not any({0, 1} <= set(c) for c in specific)


def test_a_sentence_with_two_facts_joins_both() -> None:
    from newsfuse.fuse.align import add_second_memberships

    both = statement("The quay will reopen on Monday and repairs will cost four million dollars, the mayor said.", "a")
    reopen = statement("The quay is to reopen on Monday.", "b")
    cost = statement("Repairs to the quay will cost four million dollars.", "c")
    other = statement("Repairs to the quay will take a year.", "d")
    sts = [both, reopen, cost, other]
    sims = np.full((4, 4), 0.7, dtype=np.float32)
    ok = {(0, 1), (1, 0), (0, 2), (2, 0), (0, 3), (3, 0)}
    out = add_second_memberships([[0, 1], [2], [3]], sts, sims, ok, 0.62, 0.84, every_pair=True)
    # the two-fact sentence also joins the cost (and the duration); nothing else pairs with every member of a fact
    assert out == [[0, 1], [2, 0], [3, 0]]


def test_a_second_member_of_a_larger_fact_need_pair_with_all_but_one() -> None:
    from newsfuse.fuse.align import add_second_memberships

    texts = [
        ("The quay will reopen on Monday, the harbour authority said.", "a"),
        ("The harbour authority said the quay reopens on Monday.", "b"),
        ("The northern quay is to reopen Monday after repairs.", "c"),
        ("The quay reopens Monday and the ferries return, and the repairs cost four million dollars.", "d"),
        ("Repairs to the quay cost four million dollars.", "e"),
    ]
    sts = [statement(t, s) for t, s in texts]
    for i, st in enumerate(sts):
        st.idx = i
    sims = np.full((5, 5), 0.7, dtype=np.float32)
    ok = {(0, 1), (0, 2), (1, 2), (3, 0), (3, 1), (3, 4)}  # d pairs with two of the three reopening reports
    ok |= {(j, i) for i, j in ok}
    out = add_second_memberships([[0, 1, 2], [3, 4]], sts, sims, ok, 0.62, 0.84, every_pair=True)
    assert sorted(out[0]) == [0, 1, 2, 3]
    # of a fact of two, every member: d pairs with a, not with c
    out = add_second_memberships([[0, 2], [3, 4]], sts, sims, ok, 0.62, 0.84, every_pair=True)
    assert 3 not in out[0]


def test_second_members_never_bring_two_rival_counts_into_one_fact() -> None:
    from newsfuse.fuse.align import add_second_memberships

    storm = statement("A storm hit the container terminal and brought down its gantries overnight.", "a")
    three = statement("3 cranes collapsed at the container terminal.", "b", count="3", counted="cranes", state="collapsed")
    four = statement("4 cranes collapsed at the container terminal.", "c", count="4", counted="cranes", state="collapsed")
    sts = [storm, three, four]
    sims = np.full((3, 3), 0.7, dtype=np.float32)
    ok = {(0, 1), (1, 0), (0, 2), (2, 0)}  # each count pairs with the storm sentence, not with the other count
    out = add_second_memberships([[0], [1], [2]], sts, sims, ok, 0.62, 0.84, every_pair=True)
    assert [0, 1, 2] not in out and sorted(out[0]) in ([0, 1], [0, 2])


def test_two_clusters_that_take_each_other_in_are_one_fact() -> None:
    from newsfuse.fuse.align import add_second_memberships

    sts = [
        statement(t, s)
        for t, s in [
            ("The damage was put at $85 million.", "a"),
            ("The terminal was wrecked.", "b"),
            ("Repairs will cost $85 million.", "c"),
        ]
    ]
    sims = np.full((3, 3), 0.7, dtype=np.float32)
    ok = {(i, j) for i in range(3) for j in range(3) if i != j}
    out = add_second_memberships([[0], [1, 2]], sts, sims, ok, 0.62, 0.84, every_pair=True)
    assert [sorted(c) for c in out] == [[0, 1, 2]]


def test_a_fact_told_twice_by_a_sentence_and_its_clause_is_kept_once() -> None:
    from newsfuse.fuse.align import drop_repeats

    said = statement("The quay will reopen on Monday, the harbour master said after the storm.", "a")
    words = clause_of(said, "The quay", 1)  # "The quay will reopen on Monday, the harbour master said after the storm"
    b = statement("The harbour master said the quay would reopen on Monday.", "b")
    c = statement("The quay reopens on Monday, according to the harbour master.", "c")
    d = statement("Ferries return to the quay on Monday.", "d")
    b_words = clause_of(b, "the quay", 5)  # "the quay would reopen on Monday"
    sts = [said, words, b, c, d, b_words]
    for i, st in enumerate(sts):
        st.idx = i
    # the clause's fact and the sentence's fact gather the same two other outlets: one fact, kept with the sentence
    assert drop_repeats([[1, 2, 3], [0, 2, 3]], sts) == [[0, 2, 3]]
    # a fact that another outlet alone tells apart is no repeat, nor one that differs from the other in two members
    assert len(drop_repeats([[1, 2, 3], [0, 2, 4]], sts)) == 2
    assert len(drop_repeats([[1, 2, 3], [0, 5, 3]], sts)) == 2


def test_what_one_person_said_takes_second_members_only_credited_to_them() -> None:
    from newsfuse.fuse.align import add_second_memberships

    said_a = statement("The quay will reopen on Monday, the mayor said.", "a", speaker="the mayor", entity="e-mayor")
    said_b = statement("The mayor said the quay would reopen on Monday.", "b", speaker="the mayor", entity="e-mayor")
    narrated = statement("The quay reopens on Monday after the storm, and the ferries return.", "c")
    credited = statement(
        "The quay reopens on Monday and ferries return, the mayor told reporters.", "d", speaker="the mayor", entity="e-mayor"
    )
    sts = [said_a, said_b, narrated, credited]
    sims = np.full((4, 4), 0.7, dtype=np.float32)
    ok = {(i, j) for i in range(4) for j in range(4) if i != j}
    out = add_second_memberships([[0, 1], [2], [3]], sts, sims, ok, 0.62, 0.84, every_pair=True)
    # the sentence in the outlet's own voice reports the reopening, not that the mayor announced it
    assert sorted(out[0]) == [0, 1, 3]


def test_a_close_paraphrase_sharing_no_rare_word_still_joins() -> None:
    claims = [
        ("Tehran warned it might resume its nuclear activities if Washington quits.", "a"),
        ("The archive proves the programme was built on lies, officials said.", "b"),
        ("Iran would restart atomic work should America withdraw.", "c"),  # the first claim, no word in common
    ]
    sts = _story(claims)
    total, _ = shared_specificity(sts)
    assert float(total[0, 2]) == 0.0
    grouped = align(sts, _vectors(len(sts), {(0, 1): 0.6, (0, 2): 0.8}), 0.62, 0.55)
    assert [0, 2] in grouped  # close in meaning: the missing rare words cost a margin, not the pair
    assert not any({0, 1} <= set(c) for c in grouped)


def test_a_day_of_the_month_is_not_a_count() -> None:
    from newsfuse.fuse.align import anchor_tokens

    fired = statement("The harbor master was fired on Feb. 13, 2017, after the audit.", "a")
    day = fired.text.index("Feb. 13, 2017")
    fired.times = [Span(day, day + len("Feb. 13, 2017"), "time", "test@1", {"expr": "Feb. 13, 2017", "value": "2017-02-13"})]
    charged = statement("Prosecutors charged 13 dockworkers and three companies.", "b")
    assert "13" in anchor_tokens(charged) and "13" not in anchor_tokens(fired)
    assert {"@13", "@2017"} <= anchor_tokens(fired)


def test_only_a_distinctive_count_ties_two_peoples_accounts_together() -> None:
    def account(text: str, source: str, count: str, who: str) -> Statement:
        return statement(text, source, count=count, counted="bomb", speaker=who, entity=f"e-{who}")

    one_a = account("Aid workers told Hale that one bomb fell inside the camp near a school.", "a", "one", "hale")
    one_b = account("According to Moreno, one bomb landed close to a boy but did not go off.", "b", "one", "moreno")
    many_a = account("Hale said 1,200 bombs had fallen on the province since June.", "a", "1,200", "hale")
    many_b = account("Moreno said 1,200 bombs had fallen on the province since June.", "b", "1,200", "moreno")
    # "one bomb" in two people's different accounts is no single report: kept apart, no attribution dispute
    assert conflict(one_a, one_b, 0.7, 0.62, 0.84)
    # the same large count credited to two people is one report credited twice
    assert not conflict(many_a, many_b, 0.7, 0.62, 0.84)


_ids = itertools.count(5000)


def _one_article(texts: list[str], source: str) -> list[Statement]:
    """Statements of one article (one per sentence)."""
    art = make_article(" ".join(texts), source)
    out, at = [], 0
    for t in texts:
        out.append(Statement(next(_ids), art, at, at + len(t), t, core=t, words=content_words(t)))
        at += len(t) + 1
    return out


def test_mutual_best_keeps_only_pairs_that_choose_each_other() -> None:
    sts = _one_article(["One.", "Two.", "Five."], "a") + _one_article(["Three.", "Four.", "Six."], "b")
    sims = np.eye(6, dtype=np.float32)
    for (i, j), c in {(0, 3): 0.5, (0, 4): 0.45, (1, 3): 0.55, (1, 4): 0.3}.items():
        sims[i, j] = sims[j, i] = c
    # 0's closest in b is 3, but 3's closest in a is 1; 4's closest is 0, whose closest is 3
    closest = ClosestStatements(sts, sims)
    assert {(i, j) for i in range(3) for j in range(3, 6) if closest.mutual(i, j)} == {(1, 3)}
    keep = [0, 1, 3, 4, 5]  # "a" keeps two statements: no choice there
    fewer = ClosestStatements([sts[k] for k in keep], sims[np.ix_(keep, keep)])
    assert not any(fewer.mutual(i, j) for i in range(2) for j in range(2, 5))


RECORDER = [
    "Divers recovered the flight recorder from the seabed on Tuesday.",
    "Navy teams brought up the recorder, investigators said.",  # the same fact in other words, one word in common
    "The airline offered condolences to the families.",
    "Flights resumed in the afternoon.",
]


def _recorder_vectors(n: int, same: float, other: float) -> np.ndarray:
    v = np.zeros((n, 384), dtype=np.float32)
    for i in range(n):
        v[i, 10 + i] = 1.0
    v[0] = 0
    v[0, 0] = 1.0
    for i, c in ((1, same), (2, other)):
        v[i] = 0
        v[i, 0], v[i, i] = c, math.sqrt(1 - c * c)
    return v


def test_statements_that_are_each_others_closest_join_below_the_paraphrase_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    x = _one_article([RECORDER[0], "The search was called off at dusk.", "Weather slowed the work."], "x")
    sts = [x[0], *_one_article(RECORDER[1:], "y"), *x[1:]] + [statement(t, s) for t, s in FILLER]
    vec = _recorder_vectors(len(sts), same=0.63, other=0.0)
    assert [0, 1] in align(sts, vec, 0.62, 0.55)  # each is the other's closest statement
    monkeypatch.setattr(align_module, "MUTUAL_MARGIN", 0.0)
    assert [0, 1] not in align(sts, vec, 0.62, 0.55)  # the same pair on its similarity alone stays apart
    monkeypatch.undo()
    assert [0, 1] not in align(sts, vec, 0.8, 0.75)  # the bar follows the thresholds set
    closer = _recorder_vectors(len(sts), same=0.63, other=0.66)
    assert not any({0, 1} <= set(c) for c in align(sts, closer, 0.62, 0.55))  # the other article holds a closer one


def test_centroids_merge_only_when_some_pair_shares_specific_words_or_is_a_near_paraphrase() -> None:
    from newsfuse.fuse.align import merge_by_centroid

    sts = [
        statement(t, s)
        for t, s in [
            ("The leader agreed to give up the weapons.", "a"),
            ("The leader could be sincere in giving up his weapons.", "b"),
            ("He hoped to discuss disarmament with the leader.", "c"),
        ]
    ]
    # three statements about one topic whose centroids are close, each pair a loose neighbour in meaning
    v = np.zeros((3, 384), dtype=np.float32)
    v[:, 0] = 0.8
    v[0, 1] = v[1, 1] = 0.6
    v[2, 2] = 0.6
    raw = v @ v.T
    loose = raw - 0.6  # no specific word shared
    assert merge_by_centroid([[0, 1], [2]], sts, v, raw, 0.62, 0.84) == [[0, 1, 2]]  # the centroids alone would merge
    assert merge_by_centroid([[0, 1], [2]], sts, v, raw, 0.62, 0.84, pair_sims=loose) == [[0, 1], [2]]
    shared = loose.copy()
    shared[0, 2] = shared[2, 0] = 0.3  # one pair shares a rare word: not enough
    assert merge_by_centroid([[0, 1], [2]], sts, v, raw, 0.62, 0.84, pair_sims=shared) == [[0, 1], [2]]
    shared[0, 2] = shared[2, 0] = 0.45  # one pair shares rare words
    assert merge_by_centroid([[0, 1], [2]], sts, v, raw, 0.62, 0.84, pair_sims=shared) == [[0, 1, 2]]


def _with_sums(text: str, source: str) -> Statement:
    st = statement(text, source)
    for m in re.finditer(r"[$£](\d+(?:\.\d+)?) million", text):
        value = float(m.group(1)) * 1e6
        st.quantities.append(Span(m.start() + 1, m.end(), "MONEY", "test@1", {"value": value, "low": value, "high": value}))
    return st


def test_two_sums_far_apart_are_never_one_fact() -> None:
    five = _with_sums("Damage at the depot was put at $5 million.", "a")
    fifty = _with_sums("Damage at the depot is put at $50 million, the owner said.", "b")
    near = _with_sums("Damage at the depot is put at $5.5 million, the owner said.", "b")
    pounds = _with_sums("Damage at the depot is put at £50 million.", "b")
    both = _with_sums("The depot lost $5 million in stock and $50 million in trade.", "b")
    assert conflict(five, fifty, 0.95, 0.62, 0.84)  # however alike the words: the sums tell two figures
    assert not conflict(five, near, 0.95, 0.62, 0.84)  # one figure told two ways: a disagreement to show, in one fact
    assert not conflict(five, pounds, 0.95, 0.62, 0.84)  # another currency: the sums are not compared
    assert not conflict(five, both, 0.95, 0.62, 0.84)  # a sentence of several sums may hold the other's
    added = _with_sums("The depot lost $50 million in trade and another $5 million in stock.", "b")
    cast(dict[str, Any], added.quantities[1].attrs)["increment"] = True  # left out of the sums compared, still written
    assert not conflict(five, added, 0.95, 0.62, 0.84)
