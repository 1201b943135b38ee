"""The brief as Markdown: built from the contract JSON."""

from __future__ import annotations

from html import escape as html_escape
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsfuse.render.markdown import _q, brief_markdown, reading_markdown


def _doc(**over: Any) -> dict[str, Any]:
    fact = {"id": "f1", "text": "The quay | reopened.", "label": "2 sources say", "sources": ["a", "b"], "status": "corroborated"}
    doc: dict[str, Any] = {
        "story": {"title": "Quay reopens", "headline_facts": ["f1"]},
        "facts": [{**fact, "independent_sources": 2}],
        "discrepancies": [],
        "timeline": [{"date": "2026-03-16", "text": "The quay reopened on Monday.", "sources": ["a"]}],
        "only_here": {},
        "sources": [{"id": "a"}, {"id": "b"}],
    }
    doc.update(over)
    return doc


def test_every_heading_stands_after_a_blank_line() -> None:
    lines = brief_markdown(_doc()).splitlines()
    assert "No disagreements found." in lines
    for k, line in enumerate(lines[1:], start=1):
        if line.startswith("#"):
            assert lines[k - 1] == "", (k, line)


def test_table_cells_escape_pipes() -> None:
    assert "The quay \\| reopened." in brief_markdown(_doc())


def test_article_text_never_becomes_html_in_a_markdown_renderer() -> None:
    hostile = 'Mayor said <script>alert(1)</script> and <img src=x onerror="alert(2)">'
    md = brief_markdown(_doc(story={"title": "<b>Quay</b>", "headline_facts": ["f1"]}, facts=[_doc()["facts"][0] | {"text": hostile}]))
    assert "<script>" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script>alert(1)&lt;/script>" in md


def test_a_code_span_holds_backticks_and_markup_as_they_are() -> None:
    from newsfuse.render.markdown import _code

    assert _code("a `b` <c>") == "``a `b` <c>``" and _code("`x") == "`` `x ``"


def test_shared_details_have_their_own_section_and_stay_out_of_the_fact_table() -> None:
    ev = {"source": "a", "article": "x", "start": 0, "end": 30, "text": "He faces a charge of negligent homicide."}
    detail = {
        "id": "dt-1",
        "text": ev["text"],
        "sources": ["a", "b"],
        "independent_sources": 2,
        "evidence": [ev, {**ev, "source": "b"}],
        "status": "corroborated",
        "label": "2 sources say",
        "kind": "detail",
        "detail": {**ev, "start": 21, "end": 39, "text": "negligent homicide"},
    }
    doc = {"story": {"title": "t", "headline_facts": []}, "sources": [], "facts": [detail], "discrepancies": [], "timeline": []}
    md = brief_markdown(doc)
    assert "## Shared details" in md and "- **negligent homicide** *(2 sources say: a, b)*" in md
    assert "| He faces a charge" not in md
    # each source's own words for it, sources that write alike together
    own = [
        {**ev, "source": src, "text": text} for src, text in (("a", "two steel girders"), ("b", "two girders"), ("c", "Two steel girders"))
    ]
    md = brief_markdown({**doc, "facts": [{**detail, "sources": ["a", "b", "c"], "label": "3 sources say", "phrases": own}]})
    assert "- **two steel girders** (a, c) / **two girders** (b) *(3 sources say)*" in md


def test_a_timeline_entry_says_which_words_give_its_date() -> None:
    entry = {"date": "2026-03-13", "text": "Residents went home on Saturday, a day after the leak was sealed.", "sources": ["a"]}
    md = brief_markdown(_doc(timeline=[{**entry, "when": [{"text": "a day after"}]}]))
    assert "- **2026-03-13** (“a day after”): Residents went home" in md


def test_who_is_who_lists_each_source_s_words_for_a_person() -> None:
    a = {"source": "a", "article": "x", "start": 0, "end": 24, "text": "Harbour master Ana Ruiz"}
    b = {"source": "b", "article": "y", "start": 4, "end": 40, "text": "Ana Ruiz, a former *captain* | pilot"}
    profile = {
        "id": "p-1",
        "text": a["text"],
        "sources": ["a", "b"],
        "independent_sources": 2,
        "evidence": [a, b],
        "status": "corroborated",
        "label": "2 sources say",
        "kind": "profile",
        "subject": "Ana Ruiz",
    }
    doc = {"story": {"title": "t", "headline_facts": []}, "sources": [], "facts": [profile], "discrepancies": [], "timeline": []}
    md = brief_markdown(doc)
    assert "## Who's who" in md
    line = next(x for x in md.splitlines() if x.startswith("- **Ana Ruiz**"))
    assert "Harbour master Ana Ruiz (a)" in line and _q(str(b["text"])) + " (b)" in line  # the source's words, as _q writes them
    assert "| Harbour master" not in md  # not a row of the fact table
    c = {"source": "c", "article": "z", "start": 9, "end": 33, "text": "harbour master  Ana Ruiz"}
    profile["evidence"] = [a, b, c]
    line = next(x for x in brief_markdown(doc).splitlines() if x.startswith("- **Ana Ruiz**"))
    assert line.lower().count("harbour master") == 1 and "Harbour master Ana Ruiz (a, c);" in line  # one description, two say it


def test_one_description_in_the_html_has_a_badge_linking_each_source_s_span() -> None:
    from newsfuse.render import brief_html

    a = {"source": "a", "article": "x", "start": 0, "end": 23, "text": "Harbour master Ana Ruiz"}
    c = {"source": "c", "article": "z", "start": 9, "end": 32, "text": "Harbour master Ana Ruiz"}
    profile = {"id": "p-1", "text": a["text"], "sources": ["a", "c"], "independent_sources": 2, "evidence": [a, c]}
    profile |= {"status": "corroborated", "label": "2 sources say", "kind": "profile", "subject": "Ana Ruiz"}
    sources = [{"id": s, "text": "x" * 9 + "Harbour master Ana Ruiz said.", "outlet": s.upper()} for s in ("a", "c")]
    doc = {"schema": "newsfuse/brief@1", "story": {"title": "t", "headline_facts": []}, "sources": sources, "facts": [profile]}
    doc |= {"discrepancies": [], "timeline": [], "only_here": {}}
    html = brief_html(doc)
    item = html[html.index('<li id="fact-p-1">') :]
    item = item[: item.index("</li>")]
    assert item.count(">Harbour master Ana Ruiz</a>") == 1
    assert 'href="#src:a:0:23" title="a">A</a>' in item and 'href="#src:c:9:32" title="c">C</a>' in item


def test_a_source_without_an_outlet_is_listed_by_its_id_once() -> None:
    doc = _doc(sources=[{"id": "a", "outlet": "Coastal Herald", "published": "2026-03-16"}, {"id": "b"}])
    lines = brief_markdown(doc).splitlines()
    assert "- **Coastal Herald** (`a`) (2026-03-16)" in lines
    assert "- `b`" in lines


HOSTILE = "<script>alert(1)</script> Gates [tap here](javascript:alert(1)) shut `now` *twice* ![x](y) | pipe"


def _rendered(md: str) -> str:
    """The HTML a CommonMark renderer (with GitHub's tables and strikethrough) makes of ``md``."""
    markdown_it = pytest.importorskip("markdown_it")
    return str(markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md))


def test_link_code_and_emphasis_marks_in_a_headline_stay_text() -> None:
    md = brief_markdown(_doc(story={"title": HOSTILE, "headline_facts": ["f1"]}, sources=[{"id": "a", "title": HOSTILE}, {"id": "b"}]))
    want = "&lt;script>alert(1)&lt;/script> Gates \\[tap here\\](javascript:alert(1)) shut \\`now\\` \\*twice\\* !\\[x\\](y) \\| pipe"
    assert f"# {want}" in md.splitlines()  # the title
    assert f"- `a` — {want}" in md.splitlines()  # and the Sources list
    assert "](javascript" not in md.replace("\\](", "")


def test_every_article_text_in_the_brief_goes_through_the_escaper() -> None:
    """Every field an article (or a file name) supplies carries link, image, code and HTML syntax: none of it may
    come out of a Markdown renderer as a link, an image, code or HTML."""
    h = HOSTILE
    ev = {"source": "a", "article": "x", "start": 0, "end": 5, "text": h, "speaker": h}
    base = {"sources": ["a", "b"], "independent_sources": 2, "evidence": [ev, {**ev, "source": "b"}], "label": "2 sources say"}
    doc = {
        "story": {"title": h, "headline_facts": ["f1"]},
        "facts": [
            {**base, "id": "f1", "text": h, "status": "corroborated", "speakers": [h, "Ana Ruiz"]},
            {**base, "id": "f2", "text": h, "status": "corroborated", "kind": "detail", "detail": ev},
            {**base, "id": "f3", "text": h, "status": "corroborated", "kind": "profile", "subject": h},
            {**base, "id": "f4", "text": h, "status": "single_source", "sources": ["a"], "independent_sources": 1},
        ],
        "discrepancies": [{"summary": h, "variants": [{"value": h, "sources": ["a"], "evidence": [ev]}]}],
        "timeline": [{"date": "2026-03-16", "text": h, "sources": ["a"], "when": [{"text": h}]}],
        "only_here": {"a": ["f4"]},
        "sources": [
            {"id": "a", "outlet": h, "title": h, "published": "2026-03-16", "wire": h},
            {"id": "b", "outlet": "Harbour [News](javascript:x)", "derived_from": [{"source": "a"}]},
        ],
        "rejected": [{"input": h, "reason": h}],
    }
    md = brief_markdown(doc)
    assert "[" not in md.replace("\\[", "") and "`now`" not in md and "<script" not in md
    html = _rendered(md)
    assert "<a " not in html and "<img" not in html and "<script" not in html
    assert "<code>now</code>" not in html and "<em>twice</em>" not in html
    assert "<code>a</code>" in html  # the source id, which is meant to be code


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab1 .#>-+*_`[]()!<&;|\\~:\t\r\n", "&amp;", "&#60;", "javascript:"])).map("".join))
def test_escaped_text_renders_as_exactly_that_text(text: str) -> None:
    """Whatever the article says, a renderer shows its words (on one line), never markup made of them: as a list item,
    a heading or a table cell."""
    words = " ".join(text.split())
    assume(words)
    shown = html_escape(words, quote=False)
    assert _rendered("- " + _q(text)) == f"<ul>\n<li>{shown}</li>\n</ul>\n"
    assert _rendered("# " + _q(text)) == f"<h1>{shown}</h1>\n"
    assert f"<td>{shown}</td>" in _rendered(f"| x |\n|---|\n| {_q(text)} |\n")


def test_ordinary_text_is_left_as_it_is() -> None:
    plain = "The harbour's No. 2 berth (the quay_2 site) reopened at 6:30 a.m. - 40% sooner, AT&T said; 3.5 m of water."
    assert _q(plain) == plain


def test_statuses_are_written_in_words_and_the_json_keeps_its_names() -> None:
    lone = {**_doc()["facts"][0], "id": "f2", "text": "A tug helped.", "label": "2 sources say (1 independent)", "status": "single_source"}
    lone["independent_sources"] = 1
    doc = _doc(facts=[_doc()["facts"][0] | {"status": "disputed"}, lone], story={"title": "t", "headline_facts": ["f1", "f2"]})
    md = brief_markdown(doc)
    assert "- A tug helped. *(2 sources say (1 independent): a, b; not corroborated)*" in md
    assert "| A tug helped. | a, b | 1 | not corroborated |" in md and "; disputed)*" in md
    assert "single_source" not in md and "_source" not in md
    assert doc["facts"][1]["status"] == "single_source"


def test_only_here_is_left_out_when_no_source_has_anything_of_its_own() -> None:
    assert "## Only here" not in brief_markdown(_doc(only_here={})) and "## Only here" not in brief_markdown(_doc(only_here={"a": []}))
    md = brief_markdown(_doc(only_here={"a": ["f1"]}))
    assert "## Only here\n\n### a\n- The quay \\| reopened.\n" in md


def _reading(**over: Any) -> dict[str, Any]:
    article: dict[str, Any] = {"id": "x", "removed": [], "entities": [], "quotes": [], "times": []}
    article["quantities"] = [{"text": "about 40", "hedge": "about", "low": 36.0, "high": None, "counted": "workers", "period": None}]
    return {"articles": [article | over], "rejected": []}


def test_a_reading_never_shows_python_none() -> None:
    md = reading_markdown(_reading(reference_date=None, reference_basis="none"))
    assert "None" not in md
    assert "- no date to resolve relative dates against" in md.splitlines()
    assert "- `about 40` hedge=about [36.0, …] counted=workers" in md.splitlines()


def test_a_quote_whose_speaker_was_not_found_is_listed_as_such() -> None:
    unresolved = {"speaker": None, "speaker_kind": "pronoun", "cue": "added", "direct": True, "text": "We will not pay"}
    md = reading_markdown(_reading(reference_date="2026-03-16", reference_basis="published", quotes=[unresolved]))
    assert "- **speaker unknown** (direct, pronoun, cue: added): We will not pay" in md.splitlines()


def test_a_reading_says_which_date_its_relative_dates_count_from() -> None:
    md = reading_markdown(_reading(reference_date="2026-03-16", reference_basis="story"))
    assert "- dates resolved against: 2026-03-16 (the story's date, as it has none of its own)" in md.splitlines()


def test_one_source_and_no_dated_event_read_as_such() -> None:
    one = {"id": "a", "published": "2026-03-16"}
    story = {"title": "Quay reopens", "headline_facts": [], "first_published": "2026-03-16"}
    lines = brief_markdown(_doc(sources=[one], timeline=[], story=story)).splitlines()
    assert "Published 2026-03-16 · 1 source" in lines
    assert lines[lines.index("## Timeline") + 2] == "No dated events."
