from __future__ import annotations

from newsfuse.group.dedup import NearDuplicateIndex, jaccard, matches, sentence_keys, shared_sentences, signature, text_hash
from tests.group.corpus import FLOOD, MERGER

BODY = FLOOD[0][3]


def test_text_hash_ignores_case_and_punctuation() -> None:
    assert text_hash("The river, rose!") == text_hash("the river rose")
    assert text_hash("the river rose") != text_hash("the rose river")


def test_signature_estimates_jaccard() -> None:
    edited = BODY.replace("about 900", "nearly 1,000").replace("Tuesday", "Wednesday")
    assert jaccard(signature(BODY), signature(BODY)) == 1.0
    assert jaccard(signature(BODY), signature(edited)) > 0.6
    assert jaccard(signature(BODY), signature(MERGER[0][3])) < 0.1


def test_lsh_finds_near_copies_only() -> None:
    idx = NearDuplicateIndex(0.5)
    idx.add("orig", signature(BODY))
    idx.add("other", signature(MERGER[0][3]))
    hits = idx.query(signature(BODY.replace("Tuesday night", "late on Tuesday")))
    assert [h for h, _ in hits] == ["orig"]
    assert idx.query(signature(FLOOD[1][3])) == []  # same event, own words: not a copy


def test_reused_sentences_are_found_quotes_aside() -> None:
    mine = "A new opening line written by this outlet alone today. " + FLOOD[0][3]
    theirs = sentence_keys(FLOOD[0][3])
    hits = [(k, "them", i) for i, k in theirs]
    assert shared_sentences(sentence_keys(mine), hits)["them"] >= 3
    quoted = '"We reached the lower districts by boat and nobody is missing tonight," the mayor said in a statement.'
    assert sentence_keys(quoted) == []  # only quoted words (and too few of the outlet's own)


def test_matches_kinds() -> None:
    idx = NearDuplicateIndex(0.5)
    idx.add("near", signature(BODY))
    found = matches(idx, signature(BODY), "exact", {"partial": 3, "weak": 1}, 2)
    assert [(m.other, m.kind) for m in found] == [("exact", "exact"), ("near", "near"), ("partial", "sentences")]
