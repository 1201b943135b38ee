"""What each source alone adds (``only_here`` of the brief JSON)."""

from __future__ import annotations

from newsfuse.model import Article, Brief, Evidence, Fact
from newsfuse.render import brief_json
from tests.conftest import make_article


def test_only_here_leaves_out_what_another_source_tells_otherwise() -> None:
    a = make_article("Ana Ruiz said the pier is unsafe. The cafe will close.", "a")
    b = make_article("Tom Hale said the pier is unsafe.", "b")

    def fact(fid: str, art: Article, text: str, status: str) -> Fact:
        start = art.text.index(text)
        ev = Evidence.of(art, start, start + len(text))
        return Fact(fid, text, [ev], [ev.source], 1, status)

    facts = [
        fact("f1", a, "Ana Ruiz said the pier is unsafe.", "disputed"),  # the others credit the words to someone else
        fact("f2", b, "Tom Hale said the pier is unsafe.", "disputed"),
        fact("f3", a, "The cafe will close.", "single_source"),
    ]
    doc = brief_json(Brief("Pier", [a, b], facts, [], [], [], [], ["f1"]))
    assert {k: v for k, v in doc["only_here"].items() if v} == {"a": ["f3"]}
