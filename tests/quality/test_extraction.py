"""Quality gate: article body extraction on the Scrapinghub/Zyte benchmark (../shared, skipped when absent).

Scores newsfuse's HTML wiring (reader + cleaner) on all 181 pages with the bag-of-words token P/R/F1 of
``bench/extraction.py`` (see its docstring for the exact scoring). Measured: per-page mean F1 0.9667 (P 0.9695,
R 0.9730) against 0.9478 for trafilatura alone with its defaults; the gate is that measurement minus 0.005.
Runs in about 20 s.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.conftest import SHARED, load_bench

CORPUS = SHARED / "corpus" / "article_extraction_benchmark"
MEASURED_F1 = 0.9667
FLOOR = MEASURED_F1 - 0.005

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (CORPUS / "ground-truth.json").is_file(), reason="../shared extraction benchmark is not present"),
]


def _bench() -> ModuleType:
    return load_bench("extraction")


def test_scoring_is_bag_of_words() -> None:
    b = _bench()
    assert b.prf("a b b c", "b b d") == pytest.approx((2 / 3, 2 / 4, 2 * (2 / 3) * (2 / 4) / (2 / 3 + 2 / 4)))
    assert b.prf("Same, words!", "same words") == pytest.approx((0.5, 0.5, 0.5))  # case kept, punctuation dropped
    assert b.prf("gold", "") == (0.0, 0.0, 0.0)


def test_extraction_f1_floor() -> None:
    b = _bench()
    pages = b.load_pages(CORPUS)
    assert len(pages) == 181
    s = b.score(pages, b.ours)
    assert s.f1 >= FLOOR, f"extraction F1 {s.f1:.4f} fell below the floor {FLOOR:.4f} (P {s.precision:.4f}, R {s.recall:.4f})"
    assert s.precision >= 0.96 and s.recall >= 0.965
