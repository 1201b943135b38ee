"""The brief as Markdown: built from the contract JSON."""

from __future__ import annotations

from typing import Any

from newsfuse.render.markdown import _q, brief_markdown


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


def test_a_source_without_an_outlet_is_listed_by_its_id_once() -> None:
    doc = _doc(sources=[{"id": "a", "outlet": "Coastal Herald", "published": "2026-03-16"}, {"id": "b"}])
    lines = brief_markdown(doc).splitlines()
    assert "- **Coastal Herald** (`a`) (2026-03-16)" in lines
    assert "- `b`" in lines
