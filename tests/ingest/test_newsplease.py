"""news-please records (JSON and JSON Lines): every field mapped or deliberately ignored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.ingest import load
from newsfuse.ingest.jsonl import record_to_doc

from .pages import body_paragraphs, headline


def np_record(i: int, **over: Any) -> dict[str, Any]:
    """A record shaped like news-please's output (all its fields), with invented content."""
    rec: dict[str, Any] = {
        "authors": ["Ada Quill", "Bo Lindgren"],
        "date_download": "2024-03-06 11:02:13",
        "date_modify": "2024-03-06 09:00:00",
        "date_publish": "2024-03-05 08:30:00",
        "description": f"Summary of report {i}.",
        "filename": f"https%3A%2F%2Fcourier.example%2Fnews%2Fstory-{i}.json",
        "image_url": f"https://courier.example/img/{i}.jpg",
        "language": "en",
        "localpath": None,
        "maintext": "\n\n".join(body_paragraphs(i)),
        "source_domain": "courier.example",
        "text": None,
        "title": headline(i),
        "title_page": f"{headline(i)} | The Tarnby Courier",
        "title_rss": None,
        "url": f"https://courier.example/news/story-{i}",
    }
    rec.update(over)
    return rec


def test_full_record() -> None:
    d = record_to_doc(np_record(1), "np.json", None)
    m = d.meta
    assert d.text == "\n\n".join(body_paragraphs(1)) and d.source_id == "np"
    assert (m.title, m.outlet, m.author, m.language, m.url) == (
        headline(1),
        "courier.example",
        "Ada Quill, Bo Lindgren",
        "en",
        "https://courier.example/news/story-1",
    )
    assert m.published is not None and m.published.isoformat() == "2024-03-05" and "date_from" not in m.extra
    assert m.extra["description"] == "Summary of report 1." and m.extra["fetched"] == "2024-03-06 11:02:13"
    assert "text_from" not in m.extra
    assert not any("img" in str(v) for v in m.extra.values())  # image_url ignored


def test_fallbacks() -> None:
    rec = np_record(
        2,
        title=None,
        title_page=None,
        title_rss="RSS headline",
        date_publish=None,
        authors=[{"name": "Cy Ng"}, ["Di Ho", {"full_name": "Cy Ng"}]],
    )
    m = record_to_doc(rec, "np.json", 0).meta
    assert m.title == "RSS headline" and m.author == "Cy Ng, Di Ho"
    assert m.published is not None and m.published.isoformat() == "2024-03-06" and m.extra["date_from"] == "date_modify"
    m2 = record_to_doc(np_record(3, title="", title_rss="ignored"), "np.json", 0).meta
    assert m2.title == f"{headline(3)} | The Tarnby Courier"  # title_page before title_rss


def test_description_when_there_is_no_body() -> None:
    d = record_to_doc(np_record(4, maintext=None), "np.json", 0)
    assert d.text == "Summary of report 4." and d.meta.extra["text_from"] == "summary"


def test_unparseable_publish_date_falls_back() -> None:
    m = record_to_doc(np_record(5, date_publish="sometime"), "np.json", 0).meta
    assert m.published is not None and m.published.isoformat() == "2024-03-06"


def test_jsonl_file(tmp_path: Path) -> None:
    p = tmp_path / "crawl.jsonl"
    lines = [json.dumps(np_record(i)) for i in range(3)] + ["{oops", json.dumps(np_record(9, maintext=None, description=None))]
    p.write_text("\n".join(lines) + "\n")
    b = load([p])
    assert [a.source_id for a in b.articles] == [f"courier.example-news-story-{i}" for i in range(3)]
    assert [a.meta.outlet for a in b.articles] == ["courier.example"] * 3
    assert [r.input.rsplit("/", 1)[-1] for r in b.rejected] == ["crawl.jsonl#4", "crawl.jsonl#5"]
    assert "malformed JSON line" in b.rejected[0].reason and "no article text" in b.rejected[1].reason


_NAME = st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12)


@settings(max_examples=50, deadline=None)
@given(st.lists(_NAME, min_size=1, max_size=5, unique=True), st.text(min_size=1, max_size=80).filter(lambda s: s.strip() == s and s))
def test_record_round_trip(authors: list[str], title: str) -> None:
    """A record written as JSON and read back keeps its title and its authors, in order."""
    rec = json.loads(json.dumps(np_record(6, authors=authors, title=title)))
    m = record_to_doc(rec, "x.json", 0).meta
    assert m.title == title and m.author == ", ".join(authors)


def test_the_outlet_under_other_common_names() -> None:
    for key in ("site", "source_name", "newspaper", "website"):
        rec = {"title": "Bridge reopens", "text": "The Riverton bridge reopened on Monday after repairs.", key: "Valley Post"}
        assert record_to_doc(rec, "r.json", 0).meta.outlet == "Valley Post"
