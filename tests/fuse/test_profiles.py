"""Who's who (fuse.profiles) on hand-built articles: the reading's person mentions with their described spans."""

from __future__ import annotations

from newsfuse.fuse.profiles import profiles
from newsfuse.model import Article, Span
from tests.conftest import make_article

PERSONS = {"e-ruiz": "Ana Ruiz", "e-holm": "Erik Holm"}


def _article(text: str, source: str, described: list[tuple[str, str, str]]) -> Article:
    """``described``: (entity, the name as written, the describing words around it as written)."""
    a = make_article(text, source)
    spans = []
    for entity, name, words in described:
        lo = text.index(words)
        start = text.index(name, lo)
        attrs: dict[str, object] = {"entity": entity, "name": PERSONS[entity], "roles": []}
        if words != name:
            attrs["described"] = [lo, lo + len(words)]
        spans.append(Span(start, start + len(name), "PERSON", "test@1", attrs))
    a.set_spans("mentions", spans)
    return a


def test_each_source_describes_a_person_in_its_own_words() -> None:
    a = _article(
        "Former harbour master Ana Ruiz said the quay would close. Ruiz, the former harbour master, said it twice.",
        "a",
        [("e-ruiz", "Ana Ruiz", "Former harbour master Ana Ruiz"), ("e-ruiz", "Ruiz", "Ruiz, the former harbour master")],
    )
    b = _article("Ana Ruiz, who ran the port for a decade, spoke first.", "b", [("e-ruiz", "Ana Ruiz", "Ana Ruiz")])
    c = _article("Ms. Ana Ruiz (Ind.-Northport) spoke first.", "c", [("e-ruiz", "Ana Ruiz", "Ana Ruiz (Ind.-Northport)")])
    (p,) = profiles([a, b, c], PERSONS)
    assert p.name == "Ana Ruiz" and p.sources == ["a", "c"]  # b names her without describing her
    assert [e.text for e in p.phrases["a"]] == ["Former harbour master Ana Ruiz", "Ruiz, the former harbour master"]
    for src, art in (("a", a), ("c", c)):  # every phrase is the source's text at its offsets
        assert all(art.text[e.start : e.end] == e.text for e in p.phrases[src])


def test_one_source_or_the_same_words_again_make_no_more() -> None:
    a = _article(
        "Captain Erik Holm spoke. Later Captain Erik Holm spoke again.",
        "a",
        [("e-holm", "Erik Holm", "Captain Erik Holm"), ("e-holm", "Erik Holm", "Later Captain Erik Holm"[6:])],
    )
    assert profiles([a], PERSONS) == []  # described by one source only: no shared profile
    b = _article("Captain Erik Holm agreed.", "b", [("e-holm", "Erik Holm", "Captain Erik Holm")])
    (p,) = profiles([a, b], PERSONS)
    assert [e.text for e in p.phrases["a"]] == ["Captain Erik Holm"]  # the same words twice are one description
    # a person the entity table does not list as a person (an organisation, an unresolved name) has no profile
    assert profiles([a, b], {}) == []
