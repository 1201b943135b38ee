"""Statement units and their stance, with the real spaCy model."""

from __future__ import annotations

import pytest

from newsfuse.api import read_articles
from tests.conftest import make_article

pytestmark = pytest.mark.models


def _clauses(text: str, label: str = "clause") -> list[str]:
    """The clause units (or, with ``label="statement"``, the statements) the reading cuts from one article of ``text``."""
    a = read_articles([make_article(text, "q")]).articles[0]
    return [a.span_text(s) for s in a.group("statements") if s.label == label]


def test_a_stance_on_the_main_claim_only() -> None:
    text = (
        "The aide reportedly forwarded State Department emails to a personal account. "
        "The bill lets families sue the port authority for its alleged role in the collapse. "
        '"He allegedly took it," she said. '
        "The countries reached agreements in principle to avoid the tariffs. "
        "The ministry said it had reached initial agreements with three countries to lift the duties. "
        "The initial agreements that the ministry signed last year expired."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {
        a.span_text(s).split()[1]: (s.attrs.get("stance"), s.attrs.get("stance_of"))
        for s in a.group("statements")
        if s.label == "statement"
    }
    assert got == {
        "aide": ("alleged", "forward"),
        "bill": (None, None),
        "allegedly": (None, None),
        "countries": ("tentative", "reach"),
        "ministry": ("tentative", "reach"),  # a preliminary deal is the object of the main claim
        "initial": (None, None),  # the subject of another claim, not the claim held at a distance
    }


def test_a_name_after_a_role_is_a_person_and_one_across_reports() -> None:

    a = make_article(
        "Chief prosecutor Helena Vasquez-Moor told reporters her office would examine the logs. "
        "Vasquez-Moor said no one had been arrested.",
        "a",
    )
    b = make_article("The union's estimate, put forward by Mykhaylo Zaremba, is that the berth stays shut for weeks.", "b")
    c = make_article("Union leader Mykhailo Zaremba said the cranes were old. Mr. Zaremba wants an inquiry.", "c")
    r = read_articles([a, b, c])
    people = {e.name: e for e in r.entities if e.type == "PERSON"}
    assert "Helena Vasquez-Moor" in people and "Vasquez-Moor" in people["Helena Vasquez-Moor"].aliases
    zaremba = [e for e in people.values() if "Zaremba" in e.name]
    assert len(zaremba) == 1 and set(zaremba[0].sources) == {"b", "c"}


def test_a_claim_believed_or_said_to_hold_is_at_a_distance() -> None:
    text = (
        "The former treasurer is believed to be cooperating with the harbour inquiry. "
        "The aide is said to have forwarded the emails to a personal account. "
        "The former treasurer is cooperating with the harbour inquiry."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = [(s.attrs.get("stance"), s.attrs.get("stance_of")) for s in a.group("statements") if s.label == "statement"]
    assert got == [("alleged", "cooperate"), ("alleged", "forward"), (None, None)]


def test_an_arrest_on_suspicion_holds_the_offence_at_a_distance() -> None:
    text = "The receiver was arrested on suspicion of drunk driving on Jan. 6. The receiver was arrested for drunk driving."
    a = read_articles([make_article(text, "q")]).articles[0]
    got = [(s.attrs.get("stance"), s.attrs.get("stance_of")) for s in a.group("statements") if s.label == "statement"]
    assert got == [("alleged", "arrest"), (None, None)]


def test_a_step_still_to_come_is_expected() -> None:
    text = (
        "The harbour master's wife is expected to plead guilty to tax fraud on Wednesday afternoon. "
        "The council is scheduled to vote on the budget next week. "
        "The council expected a long debate over the budget."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = [(s.attrs.get("stance"), s.attrs.get("stance_of")) for s in a.group("statements") if s.label == "statement"]
    assert got == [("expected", "plead"), ("expected", "vote"), (None, None)]  # expecting a thing is no step to come
    other = (
        "The blackout in Dayton was due to a cyberattack on the utility. "  # a cause, not a step to come
        "The governor was expected to sign the water bill on Tuesday. "  # an expectation since met or missed
        "She's widely expected to sign the water bill on Tuesday."
    )
    a = read_articles([make_article(other, "q")]).articles[0]
    got = [(s.attrs.get("stance"), s.attrs.get("stance_of")) for s in a.group("statements") if s.label == "statement"]
    assert got == [(None, None), (None, None), ("expected", "sign")]


def test_the_alternative_not_taken_is_no_clause() -> None:
    text = (
        "Several of the stranded sailors swam ashore rather than wait for the lifeboats to arrive. "
        "The crew abandoned the trawler and waded to the breakwater."
    )
    clauses = _clauses(text)
    assert not any(c.startswith("wait for the lifeboats") for c in clauses)
    assert any(c.startswith("waded to the breakwater") for c in clauses)


def test_two_verbs_joined_by_or_are_one_predicate() -> None:
    text = (
        "At least 40 dock workers have been killed or wounded in the blast at the northern quay. "
        "More than 40 dock workers have been killed and wounded in the northern quay. "
        "Police arrested two crane drivers and charged them with negligence on Monday. "
        "Two officers were injured and taken to hospital. "
        "Two crane drivers were arrested and later released on Monday."
    )
    clauses = _clauses(text)
    assert not any(c.startswith("wounded") for c in clauses)
    # "and" with a deed of its own stays a claim
    assert any(c.startswith("charged them") for c in clauses) and "taken to hospital" in clauses
    assert any(c.startswith("later released") for c in clauses)


def test_a_clause_joined_to_what_a_frame_denies_is_no_claim() -> None:
    text = (
        "So far there is no indication whether the mayor is a suspect in the inquiry, or that the auditors have "
        "uncovered fraud at the harbour board. "
        "Police said the harbour board was closed, and that the auditors had found evidence of fraud."
    )
    clauses = _clauses(text)
    assert not any(c.startswith("the auditors have uncovered fraud") for c in clauses)
    assert "the auditors had found evidence of fraud" in clauses  # what someone said stays a claim of its own


def test_a_finite_adverbial_clause_is_a_claim_and_a_condition_is_not() -> None:
    text = (
        "The courier had just parked his van on Elm Road when he was struck by a delivery truck heading south. "
        "The union will strike next month if the company cuts the night shift."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    clauses = {a.span_text(s): s.attrs["dep"] for s in a.group("statements") if s.label == "clause"}
    assert clauses.get("when he was struck by a delivery truck heading south") == "advcl:finite"
    assert not any("cuts the night shift" in c for c in clauses)


def test_a_state_in_initials_and_a_town_before_its_police_are_places() -> None:
    text = (
        "In 1970, Carl Mott was charged with paying the whole four-man police force of Little Ferry, N. J., to look away. "
        "He had bribed the Ferry police for years."
    )
    r = read_articles([make_article(text, "t")])
    labels = {r.articles[0].span_text(m): m.label for m in r.articles[0].group("mentions")}
    assert labels.get("N. J.") != "PERSON" and labels.get("Ferry") != "PERSON"
    assert labels.get("Carl Mott") == "PERSON"


def test_initials_of_a_person_and_a_man_before_police_stay_people() -> None:
    text = "The second victim, J. M., told the jury she ran. Detectives told Alvarez police had found the car."
    r = read_articles([make_article(text, "t")])
    labels = {r.articles[0].span_text(m): m.label for m in r.articles[0].group("mentions")}
    assert labels.get("J. M.") != "GPE" and labels.get("Alvarez") != "GPE"


def test_a_clause_that_cannot_stand_as_a_sentence_is_marked_a_fragment() -> None:
    text = (
        "Mayor Ines Kovac, who finished second in the harbour poll last spring, opened the new ferry terminal on Monday, "
        "praising the dockworkers who built it. "
        "The harbour board said the ferry would run through the whole winter."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    clauses = {a.span_text(s): bool(s.attrs.get("fragment")) for s in a.group("statements") if s.label == "clause"}
    assert clauses.get("who finished second in the harbour poll last spring") is True
    assert clauses.get("praising the dockworkers who built it") is True
    assert clauses.get("the ferry would run through the whole winter") is False


def test_a_statement_cut_at_and_or_but_starts_at_its_subject() -> None:
    text = (
        "Several workers were hurt in the blast, and at least one worker taken to hospital has died of his injuries. "
        "The union said the cranes were old, but the operator said they were serviced every month. "
        "And the inquiry will report within six months."
    )
    got = _clauses(text, "statement")
    assert "at least one worker taken to hospital has died of his injuries." in got
    assert "the operator said they were serviced every month." in got
    assert "And the inquiry will report within six months." in got  # a sentence's own first word stays
    assert not any(t.split()[0] in {"and", "but"} for t in got)


def test_the_quoted_words_a_statement_opens_with_are_a_clause_however_short_the_credit() -> None:
    text = '"The pier is no longer safe for anyone," Ruiz said. The harbour board met on Tuesday to discuss the pier.'
    clauses = _clauses(text)
    assert "The pier is no longer safe for anyone" in clauses  # another outlet may credit these words to someone else
    assert not any(c.startswith("The harbour board met") for c in clauses)  # a clause barely shorter than its sentence
