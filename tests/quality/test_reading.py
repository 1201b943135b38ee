"""Quality gate on the per-article reading: quotes with speakers, quantities with hedges, dates, scored against the
demo corpus's expected findings (newsfuse.quality.score_reading). Floors are today's figures minus a little."""

from __future__ import annotations

import json

import pytest

from newsfuse.api import read
from newsfuse.quality import score_reading
from newsfuse.render import reading_json
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.models

FLOORS = {
    "quotes_found": 0.88,
    "speakers": 0.87,
    "quantities_found": 0.8,
    "quantities_right": 0.88,
    "dates_found": 0.95,
    "dates_right": 0.85,
}


def test_demo_reading_floors() -> None:
    folder = EXAMPLES / "harbor-collapse"
    r = read([folder])
    sc = score_reading(reading_json(r.articles, r.entities, r.rejected), json.loads((folder / "expected.json").read_text()))
    ratios = sc.ratios()
    detail = sc.report() + "\n" + "\n".join(sc.missed)
    for key, floor in FLOORS.items():
        assert ratios[key] >= floor, f"{key} {ratios[key]:.2f} < {floor}\n{detail}"
