"""newsfuse's own outputs written among its inputs ("-o stories/brief.md") are left out when read again: read back,
a brief would be one more source seeming to corroborate every fact it repeats."""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.ingest import load
from newsfuse.ingest.base import OWN_OUTPUT
from newsfuse.render import brief_html, brief_markdown

BRIEF = {
    "schema": "newsfuse/brief@1",
    "story": {"title": "Ferry strike ends", "headline_facts": []},
    "sources": [],
    "facts": [],
    "discrepancies": [],
    "timeline": [],
    "only_here": {},
}
ARTICLE = "Ferry strike ends\n\nThe ferry strike ended on Monday after two days of talks in the port.\n"


def test_every_output_kind_is_left_out_with_a_warning_and_the_articles_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "brief.html").write_text(brief_html(BRIEF), encoding="utf-8")
    (tmp_path / "brief.md").write_text(brief_markdown(BRIEF), encoding="utf-8")
    (tmp_path / "brief.json").write_text(json.dumps(BRIEF, indent=2), encoding="utf-8")
    reading = {"schema": "newsfuse/reading@1", "articles": [{"id": "a", "text": ARTICLE}], "entities": [], "rejected": []}
    (tmp_path / "reading.json").write_text(json.dumps(reading), encoding="utf-8")
    b = load([tmp_path])
    assert [a.source_id for a in b.articles] == ["a"] and b.rejected == []
    left = {Path(i).name for i, w in b.warnings if w == OWN_OUTPUT}
    assert left == {"brief.html", "brief.md", "brief.json", "reading.json"}


def test_an_article_that_mentions_newsfuse_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE + 'The tool wrote <meta name="generator" content="newsfuse"> in a page.\n')
    (tmp_path / "b.json").write_text(json.dumps({"maintext": ARTICLE, "note": "schema newsfuse/brief@1"}))
    b = load([tmp_path])
    assert sorted(a.source_id for a in b.articles) == ["a", "b"]
