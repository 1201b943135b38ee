"""Content-hash ids: the same story gives the same ids, in whatever order its articles come (real models)."""

from __future__ import annotations

import pytest

from newsfuse.api import read
from newsfuse.fuse import fuse
from newsfuse.model import Brief
from tests.conftest import EXAMPLES

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
