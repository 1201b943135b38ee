"""Sources are shown by their outlet, numbered when one outlet gives several, by their id when none is known."""

from __future__ import annotations

import re
from typing import Any

from newsfuse.render import brief_html, brief_markdown
from newsfuse.render.names import credits, source_names


def _two_source_doc(speakers: list[str], evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """A brief of one fact that two outlets report, "Hello"."""
    return {
        "story": {"title": "T", "headline_facts": ["f1"]},
        "sources": [
            {"id": "s-1", "outlet": "example.org", "title": "One", "text": "Hello world"},
            {"id": "s-2", "outlet": "example.net", "title": "Two", "text": "Hello there"},
        ],
        "facts": [
            {
                "id": "f1",
                "text": "Hello",
                "sources": ["s-1", "s-2"],
                "independent_sources": 2,
                "speakers": speakers,
                "evidence": evidence,
                "status": "corroborated",
                "label": "2 sources say",
            }
        ],
        "discrepancies": [],
        "timeline": [],
        "only_here": {},
        "quotes": [],
    }


def test_outlets_name_sources_and_repeated_outlets_are_numbered() -> None:
    sources: list[dict[str, str | None]] = [
        {"id": "a1", "outlet": "bbc.co.uk"},
        {"id": "b7", "outlet": "nytimes.com"},
        {"id": "c3", "outlet": None},
        {"id": "d9", "outlet": "nytimes.com"},
    ]
    assert source_names(sources) == {"a1": "bbc.co.uk", "b7": "nytimes.com 1", "c3": "c3", "d9": "nytimes.com 2"}


def test_names_that_would_read_alike_fall_back_to_ids() -> None:
    sources: list[dict[str, str | None]] = [{"id": "x", "outlet": "y"}, {"id": "y", "outlet": None}]
    assert source_names(sources) == {"x": "x", "y": "y"}


def test_markdown_names_outlets_and_keeps_ids_in_the_source_list() -> None:
    ev = {"source": "s-1", "start": 0, "end": 5, "text": "Hello"}
    doc = _two_source_doc([], [ev, {**ev, "source": "s-2"}])
    md = brief_markdown(doc)
    assert "*(2 sources say: example.org, example.net; corroborated)*" in md
    assert "- **example.org** (`s-1`) — One" in md


def test_html_badges_show_outlets_with_the_id_in_their_title() -> None:
    ev = {"source": "s-1", "start": 0, "end": 5, "text": "Hello"}
    doc = {
        "story": {"title": "T", "headline_facts": ["f1"]},
        "sources": [{"id": "s-1", "outlet": "example.org", "title": "One", "text": "Hello world"}],
        "facts": [
            {
                "id": "f1",
                "text": "Hello",
                "sources": ["s-1"],
                "independent_sources": 1,
                "speakers": [],
                "evidence": [ev],
                "status": "single_source",
                "label": "1 source says",
            }
        ],
        "discrepancies": [],
        "timeline": [],
        "only_here": {"s-1": ["f1"]},
        "quotes": [],
    }
    page = brief_html(doc)
    assert re.search(r'<a class="badge" href="#src:s-1:0:5" title="s-1: Hello">example\.org</a>', page)
    assert '<h3 title="s-1">example.org</h3>' in page  # "only here", by outlet


def test_when_the_sources_were_published_says_how_many_are_dated() -> None:
    from newsfuse.render.names import published

    def doc(first: str | None, last: str | None, dates: list[str | None]) -> dict:  # type: ignore[type-arg]
        return {"story": {"first_published": first, "last_published": last}, "sources": [{"published": d} for d in dates]}

    assert published(doc("2024-12-20", "2024-12-28", ["2024-12-20", "2024-12-28"])) == "2024-12-20 to 2024-12-28"
    assert published(doc("2024-12-28", "2024-12-28", ["2024-12-28", "2024-12-28"])) == "2024-12-28"
    assert published(doc("2024-12-28", "2024-12-28", [None, "2024-12-28", None])) == "2024-12-28 (1 of 3 sources dated)"
    assert published(doc(None, None, [None])) is None


def test_a_timeline_entry_shows_the_words_that_give_its_date_once_each() -> None:
    from newsfuse.render.names import date_words

    entry = {"date": "2026-03-13", "when": [{"text": "the previous day"}, {"text": "The previous  day"}, {"text": "Friday"}]}
    assert date_words(entry) == "“the previous day”, “Friday”"
    assert date_words({"date": "1994", "when": [{"text": "1994"}]}) == ""
    assert date_words({"date": "1994"}) == ""
    # as the entity model cut them loosely: a trailing "and", a possessive, an opened bracket
    loose = [{"text": "Oct. 16 and"}, {"text": "next Thursday's"}, {"text": "Monday (March 16"}]
    assert date_words({"date": "2026-03-16", "when": loose}) == "“Oct. 16”, “next Thursday”, “Monday”"


def test_speakers_are_shown_with_the_sources_that_credit_them_when_sources_differ() -> None:
    names = {"s-1": "example.org", "s-2": "example.net", "s-3": "example.com"}
    ev = {"start": 0, "end": 5, "text": "Hello"}
    fact: dict[str, Any] = {
        "sources": ["s-1", "s-2", "s-3"],
        "speakers": ["Ana Ruiz", "aides"],
        "evidence": [
            {**ev, "source": "s-1", "speaker": "Ana Ruiz"},
            {**ev, "source": "s-2", "speaker": "Ana Ruiz"},
            {**ev, "source": "s-3", "speaker": "aides"},
        ],
    }
    assert credits(fact, names) == "Ana Ruiz (example.org, example.net); aides (example.com)"
    for e in fact["evidence"]:
        e["speaker"] = "Ana Ruiz"
    fact["speakers"] = ["Ana Ruiz"]
    assert credits(fact, names) == "Ana Ruiz"  # every source credits her: no list
    for e in fact["evidence"]:
        del e["speaker"]
    assert credits(fact, names) == "Ana Ruiz"  # a brief whose spans carry no speaker


def test_markdown_and_html_say_which_source_credits_whom() -> None:
    ev = {"start": 0, "end": 5, "text": "Hello"}
    doc = _two_source_doc(["Ana Ruiz"], [{**ev, "source": "s-1", "speaker": "Ana Ruiz"}, {**ev, "source": "s-2", "loose": True}])
    assert "corroborated — said by Ana Ruiz (example.org))*" in brief_markdown(doc)
    page = brief_html(doc)
    assert "said by Ana Ruiz (example.org)" in page
    assert 'title="s-1: Hello (said by Ana Ruiz)"' in page
    # each source's own words for the fact, one click away, to judge whether each really reports it
    says = page.split('<details class="says">', 1)[1].split("</details>", 1)[0]
    assert "How each source says it" in says
    assert re.search(r'<a href="#src:s-1:0:5">Hello</a> <span class="who">\(example\.org, credited to Ana Ruiz\)</span>', says)
    assert re.search(r'<a href="#src:s-2:0:5">Hello</a> <span class="who">\(example\.net; only loosely alike to the others\)</span>', says)
    assert re.search(r'<a class="badge loose" href="#src:s-2:0:5" title="s-2: Hello \(only loosely alike[^"]*">example\.net</a>', page)
    assert '<a class="badge" href="#src:s-1:0:5"' in page
