"""Scoring a brief against labelled pairs of evidence spans (newsfuse.quality.score_pairs)."""

from __future__ import annotations

from typing import Any

from newsfuse.quality import score_pairs


def _ev(source: str, start: int, end: int) -> dict[str, Any]:
    return {"source": source, "start": start, "end": end, "text": "x" * (end - start)}


def test_pairs_kept_together_split_apart_and_unmatched_are_counted() -> None:
    doc = {
        "facts": [
            {"id": "f1", "evidence": [_ev("a", 0, 10), _ev("b", 5, 20), _ev("c", 0, 8)]},
            {"id": "f2", "evidence": [_ev("c", 30, 40)]},
            {"id": "p1", "kind": "profile", "evidence": [_ev("a", 50, 60), _ev("b", 50, 60)]},  # not a fact of claims
        ]
    }
    labels = [
        {"a": ["a", 0, 10], "b": ["b", 5, 20], "same": True},  # together, right
        {"a": ["a", 0, 10], "b": ["c", 0, 8], "same": False},  # together, two different things
        {"a": ["b", 5, 20], "b": ["c", 30, 40], "same": True},  # one fact split in two
        {"a": ["a", 0, 10], "b": ["c", 30, 40], "same": False},  # rightly apart
        {"a": ["a", 0, 11], "b": ["b", 5, 20], "same": True},  # the reading cut the span otherwise
        {"a": ["a", 50, 60], "b": ["b", 50, 60], "same": True},  # only in a profile
    ]
    sc = score_pairs(doc, labels)
    assert (sc.labelled, sc.unmatched) == (6, 2)
    assert (sc.together_same, sc.together_other, sc.apart_same, sc.apart_other) == (1, 1, 1, 1)
    assert sc.precision() == 0.5
    assert sc.wrong == ["('a', 0, 10) + ('c', 0, 8)"]
    assert "precision 0.50" in sc.report()
    assert score_pairs({"facts": []}, []).precision() == 1.0
