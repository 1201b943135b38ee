"""Content-hash ids: the same story gives the same ids, in whatever order its articles come (real models)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.api import read
from newsfuse.fuse import fuse
from newsfuse.model import Article, Brief
from tests.conftest import EXAMPLES, load_bench

pytestmark = pytest.mark.models


def test_ids_do_not_depend_on_the_order_of_the_articles() -> None:
    reading = read([EXAMPLES / "harbor-collapse"])
    forward = fuse(reading.articles, reading.entities)
    backward = fuse(list(reversed(reading.articles)), reading.entities)

    def facts(b: Brief) -> dict[str, set[tuple[str, int, int]]]:
        return {f.id: {(e.article, e.start, e.end) for e in f.evidence} for f in b.facts}

    assert facts(forward) == facts(backward)
    assert {d.id for d in forward.discrepancies} == {d.id for d in backward.discrepancies}
    assert forward.headline_facts == backward.headline_facts


def test_ties_break_the_same_way_in_any_order_on_a_real_story(tmp_path: Path) -> None:
    """A real story (a BASIL triplet: three outlets, long articles) holds statements equally close to two others; which
    tie wins must not follow the order the articles came in (it did for 23 of 60 gold stories before the statements
    were put in the order of the articles' ids)."""
    bench = load_bench("score_brief")
    name = "basil-005a2961-0c2e-4575-8eec-770ba52a08e0"
    if name not in bench.SETS or not all(p.exists() for p in bench.SETS[name][0]):
        pytest.skip("../shared is not present")
    inputs, expected = bench.SETS[name]
    reading = read(bench.with_urls(inputs, json.loads(expected.read_text()), tmp_path))
    arts = list(reading.articles)

    def facts(order: list[Article]) -> dict[str, set[tuple[str, int, int]]]:
        return {f.id: {(e.article, e.start, e.end) for e in f.evidence} for f in fuse(order, reading.entities).facts}

    assert facts(arts) == facts(arts[::-1]) == facts(arts[1:] + arts[:1])
