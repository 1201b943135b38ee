"""Integration: the real models on the five seed reports (read from ../shared, skipped when absent)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.models, pytest.mark.shared]


def _article(reading, prefix: str):  # type: ignore[no-untyped-def]
    return next(a for a in reading.articles if a.source_id.startswith(prefix))


def test_reuters_seed_metadata(seeds_reading) -> None:  # type: ignore[no-untyped-def]
    a = _article(seeds_reading, "003_")
    assert a.meta.published is not None and a.meta.published.isoformat() == "2024-12-28"
    assert a.meta.wire == "Reuters"
    assert "date 2024-12-28" not in a.text


def test_publisher_footer_removed(seeds_reading) -> None:  # type: ignore[no-untyped-def]
    a = _article(seeds_reading, "004_")
    assert "Download The Mint News App" not in a.text
    assert any("Download The Mint News App" in r.text for r in a.removed)


def test_one_entity_for_all_zelensky_spellings(seeds_reading) -> None:  # type: ignore[no-untyped-def]
    hits = [
        e
        for e in seeds_reading.entities
        if any(x.startswith("Zelensk") or x.endswith(("Zelensky", "Zelenskyy", "Zelenskiy")) for x in e.aliases)
    ]
    assert len(hits) == 1
    aliases = set(hits[0].aliases)
    assert {"Zelensky", "Zelenskyy", "Zelenskiy"} <= {w for a in aliases for w in a.split()}
    assert hits[0].type == "PERSON"


def test_kursk_is_a_place(seeds_reading) -> None:  # type: ignore[no-untyped-def]
    kursk = [e for e in seeds_reading.entities if e.name == "Kursk"]
    assert kursk and kursk[0].type in {"GPE", "LOC"}


def test_human_wave_sentence_is_kirbys(seeds_reading) -> None:  # type: ignore[no-untyped-def]
    a = _article(seeds_reading, "000_")
    q = [q for q in a.group("quotes") if "expendable" in a.span_text(q) and "human wave" in a.span_text(q)]
    assert q, "the 'human wave ... expendable ... he said' sentence is not read as a quote"
    assert q[0].attrs["name"] == "John Kirby"


def test_spokesperson_added_is_kirby(seeds_reading) -> None:  # type: ignore[no-untyped-def]
    a = _article(seeds_reading, "000_")
    q = [q for q in a.group("quotes") if a.span_text(q).startswith("We now assess")]
    assert q and q[0].attrs["name"] == "John Kirby"


def test_quantities_keep_hedges(seeds_reading) -> None:  # type: ignore[no-untyped-def]
    a = _article(seeds_reading, "000_")
    q = {a.span_text(q): q.attrs for q in a.group("quantities")}
    assert q["almost 3,000"]["hedge"] == "almost" and q["almost 3,000"]["high"] == 3000 and q["almost 3,000"]["high_open"]
    assert q["more than 1,000"]["low"] == 1000 and q["more than 1,000"]["low_open"]
    assert "killed" in (q["more than 1,000"]["state"] or "")


def test_dates_resolved(seeds_reading) -> None:  # type: ignore[no-untyped-def]
    values = {t.attrs["value"] for a in seeds_reading.articles for t in a.group("times")}
    assert {"2024-12-17", "2024-12-23", "2024-12-27"} <= values


def test_glued_headline_split(seeds_reading) -> None:  # type: ignore[no-untyped-def]
    a = _article(seeds_reading, "002_")
    heads = [a.span_text(s) for s in a.group("sentences") if s.label == "headline"]
    assert heads and heads[0].endswith("war")
