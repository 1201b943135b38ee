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


def test_what_only_a_wire_story_and_its_reprint_say_is_what_each_adds() -> None:
    wire = make_article("Police closed Route 9 for six hours while crews worked on Mill Road.", "wire")
    reprint = make_article("Police closed Route 9 for six hours while crews worked on Mill Road.", "reprint")
    other = make_article("Police closed Route 9 for six hours.", "other")
    ev = [Evidence.of(x, 0, len(x.text)) for x in (wire, reprint, other)]
    facts = [
        Fact("f1", wire.text, ev[:2], ["reprint", "wire"], 1, "single_source"),  # one voice: the reprint copies the wire
        Fact("f2", wire.text, ev, ["other", "reprint", "wire"], 2, "corroborated"),
        Fact("d1", wire.text, ev[:2], ["reprint", "wire"], 1, "single_source", kind="detail"),  # a detail is no fact
    ]
    doc = brief_json(Brief("Route 9", [wire, reprint, other], facts, [], [], [], [], ["f1"]))
    assert {k: v for k, v in doc["only_here"].items() if v} == {"reprint": ["f1"], "wire": ["f1"]}
