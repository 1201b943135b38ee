from __future__ import annotations

from datetime import date

from newsfuse.fuse.magnitudes import magnitude_disagreements, magnitude_of
from newsfuse.fuse.statements import Statement
from newsfuse.model import Span
from tests.fuse.helpers import statement

DAY = date(2005, 11, 28)


def _st(text: str, source: str, *, when: str | None = None, precision: str = "month", places: set[str] | None = None) -> Statement:
    st = statement(text, source)
    st.article.meta.published = DAY
    if when is not None:
        st.times.append(Span(0, 1, "time", "test@1", {"expr": "x", "value": when, "precision": precision}))
    st.places = places or set()
    return st


def test_the_ways_outlets_write_a_magnitude() -> None:
    for text, value in [
        ("A magnitude-5.9 earthquake struck the island on Sunday.", 5.9),
        ("The U.S. Geological Survey put the magnitude at 6.1.", 6.1),
        ("The quake had a magnitude of 5.9, the center said.", 5.9),
        ("The 6.1-magnitude quake struck the island.", 6.1),
        ("It shook the coast at about 6.0 on the Richter scale.", 6.0),
        ("A magnitude 6 quake struck the island.", 6.0),
    ]:
        r = magnitude_of(_st(text, "a"))
        assert r is not None and r.value == value, text
        assert r.surface in text
    assert magnitude_of(_st("Port Alder said magnitude-5.9; the survey called it a magnitude-6.1 tremor.", "a")) is None  # two
    assert magnitude_of(_st("The quake struck at a depth of 10 km near the island.", "a")) is None


def test_one_quake_measured_differently_is_one_number_disagreement() -> None:
    sts = [
        _st("A magnitude-5.9 earthquake struck the island on Sunday.", "a"),
        _st("The U.S. Geological Survey put the magnitude at 6.1.", "b"),
        _st("The tremor rocked Kestrel Point at about 6.0 on the Richter scale.", "c"),
        _st("Officials said the 5.9-magnitude quake flattened seven villages.", "d"),
    ]
    (d,) = magnitude_disagreements(sts)
    assert d.kind == "number"
    assert {v.value: v.sources for v in d.variants} == {
        "magnitude-5.9 / 5.9-magnitude": ["a", "d"],
        "magnitude at 6.1": ["b"],
        "6.0 on the Richter": ["c"],
    }
    for v in d.variants:
        for e in v.evidence:
            assert e.text in {s.text for s in sts}


def test_other_quakes_are_left_out() -> None:
    now = _st("A magnitude-5.9 earthquake struck the island on Sunday.", "a", places={"e-qeshm"})
    for other in [
        _st("In February a 6.4-magnitude quake hit the village of Harrow Ford.", "b", when="2005-02"),  # months before
        _st("Last year a 6.2-magnitude quake rocked the coast.", "b", when="2004", precision="year"),
        _st("A series of aftershocks of magnitude 5.5 hit the island.", "b"),
        _st("A magnitude-6.0 tremor can do serious harm to old homes.", "b"),
        _st("A tremor measuring 3.8 on the Richter scale shook the coast on Monday.", "b"),  # too far apart to be one quake
        _st("A 6.1-magnitude quake shook the town of Zarand.", "b", places={"e-zarand"}),  # another place
    ]:
        assert magnitude_disagreements([now, other]) == [], other.text
    # one outlet giving both values, and no other outlet: no disagreement between sources
    both = _st("The U.S. Geological Survey put the magnitude at 6.1.", "a")
    assert magnitude_disagreements([now, both]) == []
