"""Statements gathered from read articles, with the real model."""

from __future__ import annotations

import pytest

from newsfuse.api import read_articles
from newsfuse.fuse.statements import gather
from tests.conftest import make_article

pytestmark = pytest.mark.models


def test_a_sentence_opening_with_it_continues_the_one_before() -> None:
    text = (
        "The last major quake to hit the region was in February, in the town of Darel. "
        "It killed 530 people and injured more than 1,200, flattening three hamlets. "
        "The new quake on Sunday killed ten people."
    )
    sts = [s for s in gather(read_articles([make_article(text, "a")]).articles) if s.kind == "statement"]
    first, it, new = (next(s for s in sts if s.text.startswith(p)) for p in ("The last", "It killed", "The new"))
    assert it.continues is first
    assert new.continues is None and first.continues is None
