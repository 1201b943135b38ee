"""The reading pipeline isolates an article whose reading fails and names the stage (real spaCy model)."""

from __future__ import annotations

from typing import Any

import pytest

from newsfuse.model import Article, Span
from newsfuse.read.base import Context
from newsfuse.read.pipeline import Pipeline, default_stages
from tests.conftest import make_article

pytestmark = pytest.mark.models


class Fragile:
    name = "fragile"
    version = 1
    requires = ("sentences",)
    assigns = ("fragile",)

    def __call__(self, article: Article, ctx: Context) -> dict[str, list[Span]]:
        if "boom" in article.text:
            raise ValueError("cannot read this")
        return {"fragile": []}


def test_one_failing_article_is_reported_with_its_stage_and_the_batch_goes_on() -> None:
    stages: list[Any] = [*default_stages()[:1], Fragile(), *default_stages()[1:]]
    good = make_article("The quay reopened on Monday after repairs, the harbour authority said.", "good")
    bad = make_article("The boom of the storm was heard across the harbour on Sunday.", "bad")
    result = Pipeline(stages=stages).read([good, bad])
    assert [a.source_id for a in result.articles] == ["good"]
    (rejected,) = result.rejected
    assert "stage fragile@1" in rejected.reason and "cannot read this" in rejected.reason


def test_a_date_too_far_back_for_the_calendar_is_left_unresolved() -> None:
    a = make_article("The settlement was founded 3000 years ago, archaeologists said.", "t")
    result = Pipeline().read([a])
    assert not result.rejected
    (t,) = [t for t in result.articles[0].group("times") if "ago" in result.articles[0].span_text(t)]
    assert t.attrs["value"] is None


def test_a_text_over_the_parser_limit_is_rejected_alone() -> None:
    pipeline = Pipeline()
    nlp = pipeline.nlp
    limit = nlp.max_length
    nlp.max_length = 200  # the model object is shared: restored below
    try:
        short = make_article("The quay reopened on Monday after repairs, the harbour authority said.", "short")
        long = make_article("The storm closed the quay. " * 20, "long")
        result = pipeline.read([short, long])
    finally:
        nlp.max_length = limit
    assert [a.source_id for a in result.articles] == ["short"]
    (rejected,) = result.rejected
    assert "too long to read" in rejected.reason


def test_an_entity_ends_at_a_line_break() -> None:
    # a headline's last words and the next line's first are no one time: the model tags "10 minutes earlier\nMinutes"
    text = "The clerk had been escorted from the depot 10 minutes earlier\nMinutes after she was suspended, she returned."
    a = Pipeline().read([make_article(text, "lines")]).articles[0]
    times = [a.span_text(t) for t in a.group("times")]
    assert "10 minutes earlier" in times
    assert all("\n" not in t for t in times)
    for t in a.group("times"):
        if a.span_text(t) == "10 minutes earlier":
            assert t.attrs.get("duration") is not None


def test_a_title_that_opens_an_institutions_name_is_kept() -> None:
    # "Justice", "Sheriff" and "General" are titles before a person's name, but the first words of these institutions'
    text = (
        "The Justice Department said the review was over. The Harbor County Sheriff Department said a van was found. "
        "General Motors said it would cut jobs. Judge Amara Okafor said the hearing would resume. Gov. Pell said no more. "
        "The Justice Department's inspector general will lead it. General Motors' shares fell. The Sheriff's Office said "
        "it had no comment."
    )
    a = Pipeline().read([make_article(text, "titles")]).articles[0]
    found = {a.span_text(m): m.label for m in a.group("mentions")}
    assert found.get("Justice Department") == "ORG"
    assert found.get("Harbor County Sheriff Department") == "ORG"
    assert found.get("General Motors") == "ORG"
    assert found.get("Amara Okafor") == "PERSON"
    assert "Department" not in found and "Motors" not in found and "'s Office" not in found
    assert found.get("Sheriff's Office") == "ORG"
    speakers = {q.attrs.get("speaker_text") for q in a.group("quotes")}
    assert {"Justice Department", "Harbor County Sheriff Department"} <= speakers


def test_names_the_model_mistakes_are_corrected_by_where_they_stand() -> None:
    from newsfuse.api import read_articles

    a = "A passenger ferry ran aground off Riverton on Monday. The ferry Kessel Star was travelling to Port Alder."
    b = (
        'Passengers were evacuated near Riverton. "This deal protects every job," said Mayor Ana Ruiz. '
        '"The crew did everything right," said Ines Sola. Bluewater Lines said services would resume.'
    )
    r = read_articles([make_article(a, "a"), make_article(b, "b")])
    kinds = {(e.name, e.type) for e in r.entities}
    assert ("Riverton", "GPE") in kinds and ("Riverton", "PERSON") not in kinds  # one town, as the other report tags it
    assert ("Kessel Star", "PERSON") not in kinds  # a ship after "the ferry"
    # a name that speaks is a person's, tagged as something else or missed by the model; an organisation stays one
    assert {("Ana Ruiz", "PERSON"), ("Ines Sola", "PERSON")} <= kinds
    assert ("Bluewater Lines", "PERSON") not in kinds
    quotes = {q.attrs.get("speaker_text"): q.attrs.get("entity") for q in r.articles[1].group("quotes")}
    assert quotes.get("Ana Ruiz") is not None and quotes.get("Ines Sola") is not None


def test_a_councillor_s_title_is_no_part_of_the_name() -> None:
    from newsfuse.api import read_articles

    r = read_articles(
        [
            make_article("Councillor Tom Hale, who voted against the plan, said the city could not afford the debt.", "a"),
            make_article("Tom Hale voted against the plan, saying the city could not afford the debt.", "b"),
        ]
    )
    assert [(e.name, e.type) for e in r.entities if e.type == "PERSON"] == [("Tom Hale", "PERSON")]


def test_corrections_leave_people_places_ships_and_streets_as_they_are() -> None:
    from newsfuse.api import read_articles

    def kinds(*texts: str) -> set[tuple[str, str]]:
        return {(e.name, e.type) for e in read_articles([make_article(t, f"s{i}") for i, t in enumerate(texts)]).entities}

    # a surname the model once takes for a place stays the person the run names as often
    assert ("Marsh", "PERSON") in kinds(
        '"We will rebuild the pier," said Marsh, the harbour master.', "Workers said they had lost faith in Marsh."
    )
    assert ("Kowalski", "PERSON") in kinds("The club found a replacement in Kowalski, who joined on Monday.")
    found = kinds(
        "The tanker Alder Spirit reported a fire in its engine room.",
        "Alder Park Stadium announced a delay.",
        "Main Street said nothing.",
        "The Bishop Museum in Riverton reopened.",
    )
    assert not {n for n, t in found if t == "PERSON"} & {"Alder Spirit", "Alder Park Stadium", "Main Street"}
    assert any(n == "Bishop Museum" for n, _ in found)  # a title word opening a museum's name is kept


def test_speakers_the_model_missed_are_persons_and_streets_and_companies_are_not() -> None:
    from newsfuse.api import read_articles

    text = (
        "Around 60 firefighters battled the flames, according to fire chief Ana Ruiz. "
        '"We will find out who let this happen," Ruiz told reporters at the scene. '
        "Residents of Mill Road were moved out. Halvorsen Coatings, which owns the plant, declined to comment."
    )
    r = read_articles([make_article(text, "a")])
    kinds = {(e.name, e.type) for e in r.entities}
    assert ("Ana Ruiz", "PERSON") in kinds
    assert ("Mill Road", "PERSON") not in kinds and ("Halvorsen Coatings", "PERSON") not in kinds
    quote = next(q for q in r.articles[0].group("quotes") if q.attrs.get("direct"))
    assert quote.attrs.get("name") == "Ana Ruiz" and quote.attrs.get("entity") is not None  # "Ruiz" is that chief


def test_a_courtesy_title_or_a_person_beside_makes_a_name_a_persons() -> None:
    from newsfuse.api import read_articles

    a = read_articles(
        [
            make_article(
                "Only on Tuesday did the two foreign ministers, Olexander Marchuk of Tervalia and Katharina Vell of Morrenland, "
                'meet. "Exchanges are cheap," said Dr. Nadia Orlov of the Vassenberg Institute. '
                "Tom Hale met Linda Park on Monday. In Suka Makmur village a landslide struck. Crowds gathered at Alder Park.",
                "a",
            )
        ]
    ).articles[0]
    labels = {a.span_text(m): m.label for m in a.group("mentions")}
    assert labels["Katharina Vell"] == labels["Nadia Orlov"] == labels["Linda Park"] == "PERSON"
    assert labels["Suka Makmur"] == "GPE" and labels["Alder Park"] == "FAC"


def test_a_verb_before_a_name_or_a_company_beside_a_person_stays_as_tagged() -> None:
    from newsfuse.api import read_articles

    a = read_articles(
        [
            make_article(
                "The team will miss Brazil in the final, coach Ana Ruiz said. The lawsuit names Tom Hale and Brightwater Energy.", "a"
            )
        ]
    ).articles[0]
    labels = {a.span_text(m): m.label for m in a.group("mentions")}
    assert labels.get("Brazil") != "PERSON" and labels.get("Brightwater Energy") != "PERSON"


def test_a_company_named_in_full_once_and_by_its_first_word_after_is_one_company() -> None:
    from newsfuse.api import read_articles

    text = (
        "Carmaker Riverton Automotive will close its Alder plant. Riverton said the decision was painful. "
        "Union leader Ana Ruiz said Riverton had broken its word."
    )
    r = read_articles([make_article(text, "a")])
    companies = [e for e in r.entities if "Riverton" in e.name]
    assert len(companies) == 1 and companies[0].type == "ORG" and companies[0].name.endswith("Riverton Automotive")


def test_a_town_tagged_a_building_once_is_the_town() -> None:
    from newsfuse.model import Span
    from newsfuse.read.entities import link_entities

    text = "Residents of the river town of Riverton were told. Schools in Riverton closed. Riverton, a town, waits."
    a = make_article(text, "a")
    at = [i for i in range(len(text)) if text.startswith("Riverton", i)]
    labels = ["FAC", "GPE", "GPE"]
    a.spans["mentions"] = [Span(i, i + 8, lbl, "test@1", {"text": "Riverton"}) for i, lbl in zip(at, labels, strict=True)]
    assert {(e.name, e.type) for e in link_entities([a])} == {("Riverton", "GPE")}


def test_a_title_before_a_name_a_street_a_region_and_a_place_people_live_in() -> None:
    from newsfuse.api import read_articles

    text = (
        "A coach left a mountain road in northern Dravenna on Sunday. Residents of Orlic Dol heard the crash. "
        "Fans queued on Castlegate Lane for an hour. "
        '"We acted in seconds," said Chief Superintendent Tom Hale of Riverton Police. The wife of Tom Hale was there. '
        "Nathan Lane, an actor, said he saw it."
    )
    a = read_articles([make_article(text, "a")]).articles[0]
    labels = {a.span_text(m): m.label for m in a.group("mentions")}
    assert labels["Dravenna"] == labels["Orlic Dol"] == "GPE" and labels["Castlegate Lane"] == "FAC"
    assert labels["Tom Hale"] == labels["Nathan Lane"] == "PERSON"
