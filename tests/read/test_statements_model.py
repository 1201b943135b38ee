"""Statement units and their stance, with the real spaCy model."""

from __future__ import annotations

import pytest

from newsfuse.api import read_articles
from tests.conftest import make_article

pytestmark = pytest.mark.models


def test_a_stance_on_the_main_claim_only() -> None:
    text = (
        "The aide reportedly forwarded State Department emails to a personal account. "
        "The bill lets victims sue Saudi Arabia for its alleged role in the attacks. "
        '"He allegedly took it," she said. '
        "The countries reached agreements in principle to avoid the tariffs."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(s).split()[1]: s.attrs.get("stance") for s in a.group("statements") if s.label == "statement"}
    assert got == {"aide": "alleged", "bill": None, "allegedly": None, "countries": "tentative"}
