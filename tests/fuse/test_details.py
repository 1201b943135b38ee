"""Shared details: phrases several sources write, below the level of a sentence (hand-built statements)."""

from __future__ import annotations

from newsfuse.fuse.details import age_details, count_details, phrase_keys, shared_details
from newsfuse.model import Span
from tests.fuse.helpers import statement


def _texts(ds):  # type: ignore[no-untyped-def]
    return [(d.members[0].article.text[d.phrase[0] : d.phrase[1]], d.sources) for d in ds]


def test_keys_are_adjacent_content_words_not_across_punctuation_nor_inside_a_name() -> None:
    st = statement("The driver, Ivo Marsh, was charged with criminally negligent homicide after hitting 13 cars in 2024 10 times.", "a")
    name = st.text.index("Ivo Marsh")
    st.article.spans.setdefault("mentions", []).append(Span(name, name + 9, "PERSON", "test@1", {"entity": "e1"}))
    keys = set(phrase_keys(st))
    assert {"criminally negligent", "negligent homicide"} <= keys
    assert "driver ivo" not in keys  # a comma lies between them
    assert "ivo marsh" not in keys  # one person's name
    assert "13 cars" in keys and "2024 10" not in keys  # two numbers side by side are no phrase


def test_one_as_a_pronoun_or_article_makes_no_phrase() -> None:
    keys = set(phrase_keys(statement("At one point one witness saw two vans and 1 truck.", "a")))
    assert not {k for k in keys if k.startswith("one ") or k.endswith(" one")}
    assert "two vans" in keys and "1 truck" in keys


def test_a_phrase_some_sources_write_is_a_detail_grown_to_what_they_all_write() -> None:
    a = statement("He was charged with criminally negligent homicide and drunk driving.", "a")
    b = statement("Prosecutors added a count of criminally negligent homicide, police said.", "b")
    c = statement("The suspect faces a manslaughter charge over the crash.", "c")
    ds = shared_details([a, b, c], facts=[(["a", "b", "c"], set())])
    assert _texts(ds) == [("criminally negligent homicide", ["a", "b"])]
    assert ds[0].members == [a, b]
    assert [m.article.text[x:y] for m, (x, y) in zip(ds[0].members, ds[0].spans, strict=True)] == ["criminally negligent homicide"] * 2


def test_each_source_is_shown_with_its_own_words_for_a_detail() -> None:
    a = statement("Inspectors found cracks in two steel girders on Monday.", "a")
    b = statement("The two steel girders were welded in 1964, the county said.", "b")
    c = statement("Crews will replace the two steel girders next spring.", "c")
    (d,) = shared_details([a, b, c], facts=[])
    # each source's span is where it writes the phrase, not where the first source does
    assert [m.article.text[x:y] for m, (x, y) in zip(d.members, d.spans, strict=True)] == ["two steel girders"] * 3
    assert len({x for x, _ in d.spans}) == 3


def test_no_detail_where_a_fact_already_says_it_or_the_phrase_is_the_topic() -> None:
    a = statement("The harbour crane collapsed at Berth 7 on Monday.", "a")
    b = statement("A harbour crane toppled onto Berth 7 early on Monday.", "b")
    same = {(s.article.id, s.start, s.end) for s in (a, b)}
    assert shared_details([a, b], facts=[(["a", "b"], same)]) == []  # the fact already says it
    assert len(shared_details([a, b], facts=[(["a", "b"], set())])) == 1  # a fact of these sources about something else
    topic = [statement(f"The harbour crane story, part {k}, with harbour crane words.", s) for k, s in enumerate("aabbb")]
    # "harbour crane" is in every sentence: five sentences for two sources is more than SPREAD per source
    assert shared_details(topic, facts=[]) == []


def test_a_detail_never_ends_or_starts_inside_a_name() -> None:
    def named(text: str, source: str, name: str):  # type: ignore[no-untyped-def]
        st = statement(text, source)
        at = text.index(name)
        st.article.spans.setdefault("mentions", []).append(Span(at, at + len(name), "PERSON", "test@1", {"entity": "e-z"}))
        return st

    # the outlets write the first name alike and spell the surname apart: the phrase stops before the name
    a = named("Ukrainian President Volodymyr Zelenskyy said the losses were heavy.", "a", "Volodymyr Zelenskyy")
    b = named("Ukrainian President Volodymyr Zelensky estimated the toll on Friday.", "b", "Volodymyr Zelensky")
    assert _texts(shared_details([a, b], facts=[])) == [("Ukrainian President", ["a", "b"])]
    # a phrase that is a title and a first name only is no detail at all
    c = named("Speaker John Boehner said budget talks stalled on Monday.", "c", "John Boehner")
    d = named("Budget talks stalled, aides to Speaker John Bohener said.", "d", "John Bohener")
    assert _texts(shared_details([c, d], facts=[])) == [("budget talks stalled", ["c", "d"])]


def test_a_date_is_no_detail() -> None:
    a = statement("The minister resigned last week after the vote.", "a")
    b = statement("Critics said the scandal broke last week in the capital.", "b")
    for st in (a, b):
        at = st.text.index("last week")
        st.times.append(Span(at, at + 9, "time", "test@1", {"expr": "last week", "value": "2026-W10", "precision": "week"}))
    assert shared_details([a, b], facts=[]) == []  # the timeline's business


def _named(text: str, source: str, name: str = "Mara Quist"):  # type: ignore[no-untyped-def]
    st = statement(text, source)
    at = text.index(name)
    st.article.spans.setdefault("mentions", []).append(Span(at, at + len(name), "PERSON", "test@1", {"entity": "e-mq"}))
    return st


def test_one_age_written_three_ways_is_one_detail_of_its_sources() -> None:
    a = _named("Mara Quist, 44, was arrested at the pier on Friday.", "a")
    b = _named("Police held 44-year-old diver Mara Quist overnight.", "b")
    c = _named("The harbour reopened after Mara Quist (44) was taken away.", "c")
    d = _named("Mara Quist, 45, denies the charge.", "d")  # another age: no part of the detail
    e = _named("Mara Quist has hired a lawyer.", "e")
    persons = {"e-mq": "Mara Quist"}
    ds = age_details([a, b, c, d, e], persons, facts=[])
    assert _texts(ds) == [("Mara Quist, 44", ["a", "b", "c"])]
    assert [m.source for m in ds[0].members] == ["a", "b", "c"]
    # a fact that already gathers these sentences says it; one age given by one source is no detail
    assert age_details([a, b, c], persons, facts=[(["a", "b", "c"], {(s.article.id, s.start, s.end) for s in (a, b, c)})]) == []
    assert age_details([a, d], persons, facts=[]) == []


def test_one_count_of_one_thing_is_one_detail_of_its_sources() -> None:
    a = statement("Nine people were killed when the ferry capsized near Oban.", "a", count="Nine", counted="people", state="killed")
    b = statement("The capsizing, blamed on a rogue wave, killed 9 people.", "b", count="9", counted="people", state="killed")
    c = statement("Rescuers said 9 people were missing after dark.", "c", count="9", counted="people", state="missing")
    d = statement("The ferry carried 9 crew and 40 passengers.", "d", count="9", counted="crew")
    a.quantities[0].attrs["counted_span"] = (5, 11)  # type: ignore[index]  # "people", shown with its number
    ds = count_details([a, b, c, d], facts=[])
    assert _texts(ds) == [("Nine people", ["a", "b"])]  # the missing and the crew are other things counted
    assert [m.article.text[x:y] for m, (x, y) in zip(ds[0].members, ds[0].spans, strict=True)] == ["Nine people", "9"]  # each its own words
    same = {(s.article.id, s.start, s.end) for s in (a, b)}
    assert count_details([a, b], facts=[(["a", "b"], same)]) == []  # a fact already says it


def test_counts_added_picked_from_a_group_or_hedged_below_are_apart() -> None:
    a = statement("Four people died in the blaze, firefighters said.", "a", count="Four", counted="people", state="died")
    b = statement("Another 4 people died in the blaze overnight.", "b", count="4", counted="people", state="died")
    c = statement("Almost 4 people died.", "c", count="Almost 4", counted="people", state="died")
    d = statement("The cook was one of the 4 people who died.", "d", count="4", counted="people", state="died")
    b.quantities[0].attrs["increment"] = True  # type: ignore[index]  # as the reading marks "another"
    assert count_details([a, b], facts=[]) == []  # "another 4" adds to a count
    assert count_details([a, c], facts=[]) == []  # "almost 4" is below the number, "four" at it
    e = statement("One official resigned on Monday.", "e", count="One", counted="official")
    f = statement("One official was seen leaving.", "f", count="One", counted="official")
    assert count_details([e, f], facts=[]) == []  # "one official" with no predicate is no shared claim
    assert len(count_details([a, d], facts=[])) == 1  # "one of the 4 people" still gives the four


def test_details_come_most_widely_reported_first() -> None:
    from newsfuse.fuse import _details

    a = statement("Nine people died when the Tern Line ferry sank.", "a", count="Nine", counted="people", state="died")
    b = statement("The Tern Line ferry sank and 9 people died.", "b", count="9", counted="people", state="died")
    c = statement("Officials said 9 people died in the sinking.", "c", count="9", counted="people", state="died")
    details = _details([a, b, c], [], {}, {})
    # the phrases ("Tern Line ferry sank": two sources) are found before the count ("Nine": three), shown after it
    widths = [len(f.sources) for f in details]
    assert widths == sorted(widths, reverse=True) and len(set(widths)) > 1
    assert [f.detail.text for f in details if f.detail is not None].index("Nine") < [
        f.detail.text for f in details if f.detail is not None
    ].index("Tern Line ferry sank")


def test_a_count_with_no_noun_after_it_is_shown_with_its_state() -> None:
    a = statement("The blast left two guards dead and seven injured.", "a", count="seven", counted="people", state="injured")
    b = statement("Two guards died and seven injured were taken to Oban.", "b", count="seven", counted="people", state="injured")
    ds = count_details([a, b], facts=[])
    assert [m.article.text[x:y] for m, (x, y) in zip(ds[0].members, ds[0].spans, strict=True)] == ["seven injured", "seven injured"]


def test_a_detail_within_another_of_the_same_sources_is_not_shown_again() -> None:
    from newsfuse.fuse import _details

    text = "The blast at the Oban depot left four guards dead and seven injured on Tuesday."
    a = statement(text, "a", count="four", counted="guards", state="dead")
    b = statement(text.replace("Tuesday", "Monday night"), "b", count="four", counted="guards", state="dead")
    c = statement("Four guards were hurt in a separate blast at the depot.", "c", count="Four", counted="guards", state="hurt")
    shown = [f.detail.text for f in _details([a, b, c], [], {}, {}) if f.detail is not None]
    # the phrase the two sources share holds their count: the count is not a detail of its own beside it
    assert any("four guards dead and seven injured" in t for t in shown) and "four" not in shown
