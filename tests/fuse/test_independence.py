from __future__ import annotations

from newsfuse.fuse.independence import derived_links, independent_count, joined, outlet_of, same_outlet_links, shared_sentences
from tests.fuse.helpers import statement

WIRE = [
    "The harbour authority closed the northern quay on Sunday after engineers found cracks in two crane bases.",
    "Officials said repairs to the quay would take at least three weeks and cost several million dollars.",
]


def test_copied_sentences_make_sources_dependent() -> None:
    sts = [statement(t, "wire") for t in WIRE] + [statement(t, "reprint") for t in WIRE]
    sts.append(statement("A local paper wrote something entirely different about the weather on the coast today.", "other"))
    links = derived_links(sts, min_shared=2)
    assert {s for s, _ in links["reprint"]} == {"wire"}
    assert "other" not in links
    assert independent_count(["wire", "reprint", "other"], links) == 2


def test_identical_quotes_are_not_copying() -> None:
    quote = '"We will rebuild the quay and we will do it quickly and safely for everyone," the mayor said.'
    other = '"We will rebuild the quay and we will do it quickly and safely for everyone," she told reporters.'
    sts = [statement(quote, "a"), statement(other, "b"), statement(quote, "a2"), statement(other, "b2")]
    assert shared_sentences(sts[:2]) == {}


def test_one_sentence_printed_twice_is_one_reused_sentence() -> None:
    lede = "Three ship-to-shore cranes collapsed at the Kestrel Point terminal late on Thursday as the storm hit."
    sts = [
        statement(lede, "a"),
        statement("The harbour master said the quay would stay closed until the cranes were inspected.", "a"),
        statement(lede, "b"),  # a standfirst ...
        statement(lede, "b"),  # ... repeated in the body
        statement("Union leaders called for an independent inquiry into the terminal's safety record.", "b"),
    ]
    assert shared_sentences(sts) == {("a", "b"): 1}
    assert independent_count(["a", "b"], derived_links(sts, min_shared=2)) == 2


def test_one_outlets_articles_count_once() -> None:
    outlets = {"feed-1": "Valley Wire", "feed-2": "valley  wire", "gazette": "Orrin Gazette", "x": None, "y": None}
    same = same_outlet_links(outlets)
    assert independent_count(["feed-1", "feed-2"], same) == 1  # two items of one feed: one voice
    assert independent_count(["feed-1", "gazette"], same) == 2
    assert independent_count(["x", "y"], same) == 2  # an unknown outlet is no outlet in common
    copied = {"gazette": [("x", 3)], "x": [("gazette", 3)]}
    assert independent_count(["feed-1", "feed-2", "gazette", "x"], joined(copied, same)) == 2


def test_an_aggregators_items_count_by_their_own_origin() -> None:
    from tests.conftest import make_article

    one = make_article("The Larkspur ferry will stop running on Friday after its hull failed an inspection.", "a")
    two = make_article("Inspectors found the Larkspur ferry's hull unsafe; the service halts on Friday.", "b")
    for art, origin in ((one, "Riverside Gazette"), (two, "Hillcrest Tribune")):
        art.meta.outlet = "Regional Headlines Digest"  # the feed's own name, on every item
        art.meta.extra["origin_source"] = origin
    assert independent_count(["a", "b"], same_outlet_links({a.source_id: outlet_of(a) for a in (one, two)})) == 2
    del two.meta.extra["origin_source"], one.meta.extra["origin_source"]
    assert independent_count(["a", "b"], same_outlet_links({a.source_id: outlet_of(a) for a in (one, two)})) == 1


def test_short_plain_sentences_two_reporters_may_both_write_are_no_copying() -> None:
    short = ["The fire was out by 4 a.m. on Wednesday.", "Police closed the road for six hours."]
    told = ("Ana Ruiz said about 60 firefighters fought the blaze.", "About 60 firefighters fought the blaze, fire chief Ana Ruiz said.")
    sts = [statement(t, "a") for t in short] + [statement(t, "b") for t in short]
    sts += [statement(told[0], "a"), statement(told[1], "b")]
    assert shared_sentences(sts) == {}  # a run of eleven words or more makes a reused sentence
    assert independent_count(["a", "b"], derived_links(sts, min_shared=2)) == 2


def test_sentences_inside_one_long_quotation_are_not_copying() -> None:
    from newsfuse.model import Span

    said = '"We will rebuild the quay and we will do it quickly and safely. Nobody who works here should ever fear for their life again," the mayor said.'
    sts = []
    for src in ("a", "b"):
        whole = statement(said, src)
        q0, q1 = said.index('"') + 1, said.rindex('"') - 1
        whole.article.spans["quotes"] = [Span(q0, q1, "quote", "test@1", {"direct": True})]
        cut = said.index("Nobody")
        # the reading's two sentences: the second holds neither quotation mark
        first = statement(said[:cut].strip(), src)
        first.article = whole.article
        second = statement(said[cut:], src)
        second.article, second.start, second.end = whole.article, cut, len(said)
        sts += [first, second]
    assert shared_sentences(sts) == {}
