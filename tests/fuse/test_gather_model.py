"""Statements gathered from read articles, with the real model."""

from __future__ import annotations

import pytest

from newsfuse.api import read_articles
from newsfuse.fuse.compare import speakers_conflict
from newsfuse.fuse.statements import gather
from tests.conftest import make_article

pytestmark = pytest.mark.models


def test_a_sentence_opening_with_it_continues_the_one_before() -> None:
    text = (
        "The last major quake to hit the region was in February, in the town of Darel. "
        "It killed 530 people and injured more than 1,200, flattening three hamlets. "
        "The new quake on Sunday killed ten people."
    )
    sts = [s for s in gather(read_articles([make_article(text, "a")]).articles) if s.kind == "statement"]
    first, it, new = (next(s for s in sts if s.text.startswith(p)) for p in ("The last", "It killed", "The new"))
    assert it.continues is first
    assert new.continues is None and first.continues is None


def test_he_is_about_the_one_person_named_before_or_about_someone_unknown() -> None:
    one = "Doug Marsh scored early for the Hawks. He finished with 14 points."
    two = "Doug Marsh passed to Ivan Petrov for the lead. He finished with 14 points."
    for text, single in ((one, True), (two, False)):
        sts = [s for s in gather(read_articles([make_article(text, "a")]).articles) if s.kind == "statement"]
        first, he = sts[0], next(s for s in sts if s.text.startswith("He"))
        if single:
            assert he.people == first.people and len(he.people) == 1
        else:
            # one of two people, the reading cannot tell which: it shares no one with either
            assert len(first.people) == 2 and he.people and not he.people & first.people


def test_a_report_of_a_report_is_credited_to_whoever_relays_it() -> None:
    # a described person ("a witness") relaying what a named one said: the whole sentence is the witness's, the
    # relayed words are the named man's
    text = "After the fire, a witness told police that Tom Hale bragged to him that the fire would never be solved."
    sts = gather(read_articles([make_article(text, "a")]).articles)
    whole = next(s for s in sts if s.kind == "statement")
    inner = next(s for s in sts if s.text.startswith("the fire would never"))
    assert whole.speaker == "a witness" and inner.speaker == "Tom Hale"


def test_a_person_described_with_an_organisation_speaks_for_it() -> None:
    # one outlet names the spokesman, another credits the company: one voice, not rival speakers
    a = make_article("Kestrel Foods spokeswoman Maria Olsen said the plant would reopen on Monday.", "a")
    b = make_article("Kestrel Foods said the plant would reopen on Monday.", "b")
    sts = gather(read_articles([a, b]).articles)
    olsen = next(s for s in sts if s.source == "a" and s.kind == "statement")
    company = next(s for s in sts if s.source == "b" and s.kind == "statement")
    assert olsen.speaker_person and company.speaker_entity in olsen.speaker_bodies
    assert not speakers_conflict(olsen, company)
    other = make_article("Port Alder Harbour Authority said the plant would reopen on Monday.", "c")
    sts = gather(read_articles([a, other]).articles)
    authority = next(s for s in sts if s.source == "c" and s.kind == "statement")
    assert speakers_conflict(next(s for s in sts if s.source == "a" and s.kind == "statement"), authority)


def test_a_named_speakers_short_quote_is_a_statement_an_unquoted_fragment_is_not() -> None:
    text = (
        "Former mayor Eva Lind attacked the harbour plan on Monday.\n\n"
        "“The plan is a mistake,” Lind said.\n\n"
        "“Those are not our principles. It is wasteful.”\n\n"
        "Work goes on. The council will vote in June."
    )
    texts = [s.text for s in gather(read_articles([make_article(text, "a")]).articles) if s.kind == "statement"]
    assert any(t.startswith("It is wasteful") for t in texts)
    assert "Work goes on." not in texts


def test_a_hospital_is_no_place_where_the_event_happened() -> None:
    # the model splits "St. Brendan's Regional Medical Center" into a place and a body: neither sets the count apart
    text = "Fourteen people were taken to St. Brendan's Regional Medical Center in Port Halvard after the blast."
    (st,) = [s for s in gather(read_articles([make_article(text, "a")]).articles) if s.kind == "statement"]
    names = {m.attrs.get("entity"): st.article.span_text(m) for m in st.article.group("mentions")}
    assert {names[e] for e in st.places} == {"Port Halvard"}


def test_a_hospital_after_the_end_of_a_sentence_takes_no_place_away() -> None:
    text = "A gas blast killed four people in Riverton Tuesday. Hospital staff treated 12 people."
    (st, _) = [s for s in gather(read_articles([make_article(text, "a")]).articles) if s.kind == "statement"]
    assert st.places  # Riverton is where the blast was


def test_a_place_that_only_says_whose_officials_spoke_is_no_place_of_the_event() -> None:
    text = "Forty homes have been destroyed in Riverton, according to Marrow County officials."
    (st,) = [s for s in gather(read_articles([make_article(text, "a")]).articles) if s.kind == "statement"]
    names = {m.attrs.get("entity"): st.article.span_text(m) for m in st.article.group("mentions")}
    assert {names[e] for e in st.places} == {"Riverton"}


def test_the_count_a_statement_is_about_is_in_its_main_clause_and_no_describing_word() -> None:
    text = (
        "The filing, which runs to 46 pages, came after the commission declared Tom Hale the winner by 312 votes. "
        "The vote left Tom Hale ahead of the two-term incumbent Ana Ruiz by 213 votes. "
        "The two delegations agreed to release 120 prisoners in a first exchange. "
        "The storm, which killed 12 people, hit Riverton on Monday."
    )
    sts = [s for s in gather(read_articles([make_article(text, "a")]).articles) if s.kind == "statement"]
    mains = [st.article.span_text(st.main) if st.main is not None else None for st in sts]
    assert mains == ["312", "213", "120", "12"]
