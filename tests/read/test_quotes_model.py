"""The quote stage on hand-written sentences with the real spaCy model: the cue patterns, content boundaries and
speakers it must get right."""

from __future__ import annotations

import pytest

from newsfuse.api import read_articles
from newsfuse.model import Article, Span
from tests.conftest import make_article

pytestmark = pytest.mark.models


def _read(text: str) -> Article:
    r = read_articles([make_article(text, source_id="q")])
    assert not r.rejected
    return r.articles[0]


def _names(a: Article) -> dict[str, object]:
    """Each quote's words and the name of its speaker."""
    return {a.span_text(q): q.attrs.get("name") for q in a.group("quotes")}


def _quote(a: Article, start: str) -> Span:
    hits = [q for q in a.group("quotes") if a.span_text(q).startswith(start)]
    assert hits, f"no quote starts with {start!r}: {[a.span_text(q) for q in a.group('quotes')]}"
    return hits[0]


def test_said_with_a_that_clause() -> None:
    a = _read("Mayor Ana Ruiz said on Monday that the new bridge would open to traffic in the spring.")
    q = _quote(a, "the new bridge")
    assert a.span_text(q) == "the new bridge would open to traffic in the spring"
    assert q.attrs["name"] == "Ana Ruiz" and q.attrs["speaker_kind"] == "name" and not q.attrs["direct"]


def test_cue_set_into_the_content() -> None:
    a = _read("The new bridge, Mayor Ana Ruiz said, will open to traffic in the spring.")
    q = _quote(a, "The new bridge")
    assert a.span_text(q).endswith("in the spring")
    assert q.attrs["name"] == "Ana Ruiz"


def test_inverted_cue_after_a_direct_quote() -> None:
    a = _read("“We checked every cable twice before the storm,” said Tom Hale, the chief engineer of the port.")
    q = _quote(a, "We checked every cable")
    assert q.attrs["direct"] and q.attrs["name"] == "Tom Hale"


def test_partial_quote_inside_reported_speech_is_one_quote() -> None:
    a = _read("Ruiz told reporters the repairs were “a matter of weeks” and would cost far less than feared.")
    qs = a.group("quotes")
    assert len(qs) == 1
    q = qs[0]
    assert a.span_text(q).startswith("the repairs were") and a.span_text(q).endswith("than feared")
    assert q.attrs.get("partial") and not q.attrs["direct"]


def test_quote_split_around_its_cue_is_one_chain() -> None:
    a = _read("“The pier is safe for walkers,” Tom Hale said, “and the ferry will run again on Monday morning.”")
    first = _quote(a, "The pier is safe")
    second = _quote(a, "and the ferry")
    assert second.attrs["part_of"] == (first.start, first.end)
    assert first.attrs["name"] == second.attrs["name"] == "Tom Hale"


def test_a_short_opening_its_credit_splits_is_kept_with_its_sentence() -> None:
    a = _read('"Every generator," Tom Hale told the crowd, "saves a hospital ward in winter."')
    first = _quote(a, "Every generator")
    second = _quote(a, "saves a hospital ward")
    assert second.attrs["part_of"] == (first.start, first.end)
    assert first.attrs["name"] == second.attrs["name"] == "Tom Hale"


def test_participle_and_by_saying_take_the_main_subject() -> None:
    a = _read(
        "Tom Hale defended the plan on Monday, saying that the old crane had to go before winter.\n\n"
        "Ana Ruiz surprised the council by saying that the harbor budget was already spent."
    )
    assert _quote(a, "the old crane").attrs["name"] == "Tom Hale"
    assert _quote(a, "the harbor budget").attrs["name"] == "Ana Ruiz"


def test_a_speech_verb_joined_to_the_reported_content_has_the_reporting_subject() -> None:
    # the parser joins "accuses" to "welcomed", inside what the union alleged: the union accuses, not the company
    a = _read(
        "Mayor Ana Ruiz opened the new quay on Monday.\n\n"
        "The dockworkers' union alleged that Kestrel Shipping's management \"ignored every warning\" in 2023 and "
        'accuses it of being a "reckless operator" that put profit before safety.'
    )
    assert "Kestrel" not in str(_quote(a, "it of being").attrs.get("name"))


def test_quoted_words_a_person_calls_something_are_theirs() -> None:
    # not a continuation of the quote before: the sentence names who called the claims a sham
    a = _read(
        '"The quay is safe," Mayor Ana Ruiz said on Monday.\n\n'
        "Tom Hale, the union's lawyer, called the city's claims a \"reckless gamble with the lives of dockworkers.\""
    )
    assert _quote(a, "reckless gamble").attrs["name"] == "Tom Hale"


def test_a_name_in_apposition_to_coordinated_descriptions_is_the_speaker() -> None:
    a = _read(
        "Mayor Ana Ruiz opened the quay.\n\n"
        "Ms. Ruiz's new adviser and her longtime friend, Tom Hale, met the union on Friday and said the "
        "cranes would be replaced."
    )
    assert _quote(a, "the cranes would").attrs["name"] == "Tom Hale"  # not Ruiz, whose adviser he is


def test_whoever_issued_a_statement_is_its_speaker() -> None:
    a = _read(
        "Mayor Ana Ruiz issued a statement on Friday saying the pier would reopen in the spring.\n\n"
        "Tom Hale had his own answer, releasing a statement Monday saying the cranes were safe to use again."
    )
    assert _quote(a, "the pier would reopen").attrs["name"] == "Ana Ruiz"
    assert _quote(a, "the cranes were safe").attrs["name"] == "Tom Hale"


def test_a_written_text_says_what_it_reads() -> None:
    a = _read(
        "Harbor plan delayed\n\nPort director Ana Ruiz spoke on Monday. She urged crews to stay home.\n\n"
        '"Let me be clear," Ruiz\'s statement read. "The pier stays shut."\n\n'
        'Tom Hale read the letter aloud. "Save our pier," the sign read.'
    )
    assert _quote(a, "Let me be clear").attrs["name"] == "Ana Ruiz"
    assert _quote(a, "Save our pier").attrs["speaker_text"] == "the sign"
    assert not any(q.attrs.get("name") == "Tom Hale" for q in a.group("quotes"))  # he reads, he does not say


def test_an_article_before_a_plural_speaker_belongs_to_another_noun() -> None:
    a = _read(
        "The port closed the quay in exchange for a promised safety review enraged dockers, who said the deal was a betrayal. "
        "It sent inspectors in at once, a move harbour pilots say is aimed at reopening by spring. "
        "A few officials said the plan was sound. An official's aides said the review was late."
    )
    assert _quote(a, "the deal was").attrs["speaker_text"] == "dockers"
    assert _quote(a, "is aimed at").attrs["speaker_text"] == "harbour pilots"
    assert _quote(a, "the plan was sound").attrs["speaker_text"] == "A few officials"
    assert _quote(a, "the review was late").attrs["speaker_text"] == "An official's aides"


def test_a_speech_verb_set_before_its_speaker_inside_the_clause() -> None:
    a = _read(
        "Harbor news\n\nThe decision, said Mayor Ana Ruiz, was final. "
        "Her comments, said Tom Hale, the port spokesman, are consistent with the plan. "
        "The pier will reopen, said Hale, who runs the port. "
        "The levy, said Hale, the port spokesman, is “fully in line with the plan.”"
    )
    assert _quote(a, "The decision").attrs["name"] == "Ana Ruiz"
    q = _quote(a, "Her comments")
    assert a.span_text(q).endswith("are consistent with the plan") and q.attrs["name"] == "Tom Hale"
    assert _quote(a, "The pier will reopen").attrs["name"] == "Tom Hale"
    assert _quote(a, "The levy").attrs["name"] == "Tom Hale"  # a quoted predicate after the speaker's apposition
    assert not any(q.attrs.get("speaker_text") == "Her comments" for q in a.group("quotes"))


def test_a_member_named_by_party_is_the_person_of_that_party_named_before() -> None:
    a = _read(
        "Senate news\n\nSen. Tom Hale (R-Ariz.) spoke on Monday about the bill with Sen. Ana Ruiz (D-Texas). "
        "The Arizona Republican said the bill was dead. Ruiz disagreed. The Texas Democrat said the bill would pass. "
        "The Republican Party said it would fight the bill."
    )
    assert _quote(a, "the bill was dead").attrs["name"] == "Tom Hale"
    assert _quote(a, "the bill would pass").attrs["name"] == "Ana Ruiz"
    assert _quote(a, "it would fight").attrs["name"] == "Republican Party"


def test_what_the_new_speaker_rules_leave_alone() -> None:
    a = _read(
        "Port news\n\nThe port board met on Monday. “We will not back down,” Monday's statement said. "
        "A few residents said the plan was unfair. An estimated 300 residents said the plan was late. "
        "A few dozen workers told reporters the yard would close. The merger, confirmed Wednesday, is worth $4 billion. "
        "The plan, said Ruiz, “is dead and will stay dead.” The letter reads well, but the tone is wrong, critics said."
    )
    assert _quote(a, "We will not back down").attrs["name"] != "Monday"  # a day owns no statement
    assert _quote(a, "the plan was unfair").attrs["speaker_text"] == "A few residents"
    assert _quote(a, "the plan was late").attrs["speaker_text"] == "An estimated 300 residents"
    assert _quote(a, "the yard would close").attrs["speaker_text"] == "A few dozen workers"
    assert not any("merger" in a.span_text(q) for q in a.group("quotes"))  # a participle and a day, no speaker
    dead = _quote(a, "is dead and will stay dead")
    assert dead.attrs["direct"] and dead.attrs["name"] == "Ruiz"
    assert [q.attrs["speaker_text"] for q in a.group("quotes") if "tone is wrong" in a.span_text(q)] == ["critics"]


def test_a_party_description_takes_the_state_into_account() -> None:
    a = _read(
        "Senate news\n\nSenator Ana Ruiz (D-Texas) met Senator Tom Hale (D-Ohio) on Tuesday. "
        "“We need a deal,” the Ohio Democrat said. Sen. Joe Pell (D-W.Va.) agreed. "
        "“The bill will pass,” the West Virginia Democrat said.\n\n"
        "Rep. Mara Lind, a critic of Republican policies, spoke later. “We need a vote,” the Arizona Democrat said."
    )
    assert _quote(a, "We need a deal").attrs["name"] == "Tom Hale"
    assert _quote(a, "The bill will pass").attrs["name"] == "Joe Pell"
    assert _quote(a, "We need a vote").attrs["name"] == "Mara Lind"  # "a critic of Republican policies" is no party


def test_a_role_as_subject_keeps_its_person_in_mind_for_a_later_pronoun() -> None:
    a = _read(
        "Port news\n\n"
        '"We are here to help anyone who asks," lawyer Mara Lind told reporters during a break from workshops at three '
        'sites, where about 20 lawyers gave free advice. "That is what good lawyers are for."\n\n'
        "Mayor Tom Hale and members of his staff have been tracking the strike, calling it a threat to the port since "
        "it started March 25 in the northern yard. They have promised a swift response. And the mayor has been "
        "critical of the strike's slow spread to the docks. And he has written about it in strong, critical language.\n\n"
        '"The port has the power not to let these large "wildcat" walkouts spread. It must stop them at the gates, '
        'which it can do because its rules work," he wrote earlier this month.'
    )
    # "the mayor has been critical" keeps Hale in mind: the lawyer quoted last is not who "he" is
    assert _quote(a, "The port has the power").attrs["name"] == "Tom Hale"


def test_a_party_description_goes_to_who_just_spoke() -> None:
    a = _read(
        "Council news\n\nMayor Ana Ruiz spoke at length on Monday. Ruiz praised the port. Ruiz visited the docks and "
        "the new quay. Council leader Tom Hale said the levy was fair. The Ohio Republican said the vote would come soon."
    )
    assert _quote(a, "the vote would come soon").attrs["name"] == "Tom Hale"  # not the more often named mayor


def test_a_past_tense_the_tagger_takes_for_a_participle() -> None:
    a = _read('Tom Hale tweeted Friday evening that the inquiry "can be good" because the port could now show its records.')
    assert _quote(a, "the inquiry").attrs["name"] == "Tom Hale"


def test_what_a_relative_clause_asks_is_its_noun() -> None:
    a = _read(
        "The inspector has two dozen questions he wants to ask the mayor to learn more about the contracts. "
        "It was the third time the union said it had met the mayor."
    )
    assert [a.span_text(q) for q in a.group("quotes")] == ["it had met the mayor"]


def test_voicing_a_fear_or_a_concern_reports_its_content() -> None:
    a = _read(
        "Mayor Ana Ruiz, who has voiced fears that the old pier might not survive the winter, met the engineers. "
        "Tom Hale expressed concern that the repairs would take years. Tom Hale expressed his support for the plan."
    )
    assert _quote(a, "the old pier").attrs["name"] == "Ana Ruiz"
    assert _quote(a, "the repairs would take").attrs["name"] == "Tom Hale"
    assert len(a.group("quotes")) == 2


def test_according_to() -> None:
    a = _read("The pier will reopen to the public in May, according to the port authority.")
    q = _quote(a, "The pier will reopen")
    assert a.span_text(q) == "The pier will reopen to the public in May"
    assert q.attrs["speaker_text"] == "the port authority"


def test_a_quoted_title_is_not_a_quote() -> None:
    a = _read("Tom Hale appeared on “Morning Harbor Report With Jane Doe” and spoke about the ferry.")
    assert not [q for q in a.group("quotes") if "Morning Harbor" in a.span_text(q)]


def test_pronoun_speaker_resolved_to_the_person_just_named() -> None:
    a = _read(
        "Harbor master Tom Hale inspected the damaged pier on Tuesday.\n\n"
        "“The pilings held, but the deck will have to be replaced,” he said."
    )
    q = _quote(a, "The pilings held")
    assert q.attrs["speaker_kind"] == "pronoun" and q.attrs["name"] == "Tom Hale"


def test_the_union_said_names_the_union() -> None:
    from newsfuse.api import read_articles
    from tests.conftest import make_article

    text = (
        "The Riverside Transit Workers' Union held a meeting on Monday. "
        "Drivers will strike next week unless wages rise, the union said. "
        "Greenline Buses Inc., which runs most routes, did not comment. The company said later that talks would continue."
    )
    r = read_articles([make_article(text, "u")])
    speakers = {r.articles[0].span_text(q)[:20]: q.attrs["name"] for q in r.articles[0].group("quotes")}
    assert any(v == "Riverside Transit Workers' Union" for v in speakers.values()), speakers
    assert any(v == "Greenline Buses Inc." for v in speakers.values()), speakers


def test_a_news_agency_is_never_a_person() -> None:
    a = _read("Yonhap reports that the northern port will reopen to fishing boats next month.")
    yonhap = [m for m in a.group("mentions") if a.span_text(m) == "Yonhap"]
    assert yonhap and all(m.label == "ORG" for m in yonhap)


def test_an_administration_named_after_a_person_is_an_institution() -> None:
    a = _read("The Harlow administration said on Monday that the port levy would be delayed by a month.")
    q = _quote(a, "the port levy")
    assert q.attrs["name"] == "Harlow administration"
    m = next(m for m in a.group("mentions") if a.span_text(m).startswith("Harlow"))
    assert (a.span_text(m), m.label) == ("Harlow administration", "ORG")


def test_a_joint_statement_credits_every_signatory() -> None:
    a = _read("Chairman Bob Harlan, Ted Ogawa and Nina Petrov said in a joint statement that the audit was incomplete.")
    q = _quote(a, "the audit")
    assert q.attrs["name"] == "Bob Harlan"
    assert q.attrs["co_speakers"] == ["Ted Ogawa", "Nina Petrov"]
    assert len(q.attrs["co_entities"]) == 2


def test_he_is_never_the_person_the_cue_itself_names() -> None:
    a = _read(
        "Mr. Harlan was coy about the deadline. Aides said he hoped to resist Mr. Ogawa's requests.\n\n"
        '"Nobody knows what I will do on the 12th," he said in an appearance with Mr. Ogawa.'
    )
    q = _quote(a, "Nobody knows")
    assert q.attrs["name"] == "Harlan"


def test_a_person_named_in_a_clause_on_the_cue_may_be_he() -> None:
    # "even though they came from Harlan himself" hangs on the cue, but Harlan is no one he spoke to
    a = _read(
        "Governor Tom Harlan hinted on Tuesday that he may resign, weeks after he called Rep. Dan Ogawa a liar.\n\n"
        "He walked back his remarks later that day, criticizing “rumors” that he was going to resign, even though "
        "they came directly from Harlan himself."
    )
    q = _quote(a, "he was going to resign")
    assert q.attrs["name"] == "Tom Harlan"


def test_what_a_question_is_about_is_no_claim_of_the_one_who_asks() -> None:
    a = _read(
        "Senator Rick Harlan appeared on a Sunday show. Asked by Bob Kiefer about his claims that the new tests lead to "
        'more closures, Harlan insisted that this was "a fact."'
    )
    assert not [q for q in a.group("quotes") if a.span_text(q).startswith("about his claims")]
    assert all(q.attrs["name"] == "Rick Harlan" for q in a.group("quotes"))


def test_a_thing_named_as_something_is_said() -> None:
    a = _read(
        'Rep. Dan Ogawa spoke outside. Ogawa derided what he called the "ritualistic reading" as "total nonsense". '
        "Senator Lena Harlan attacked the delay as unreasonable obstruction. Rebels attacked the village with rockets on "
        "Monday. Troops attacked the convoy as it crossed the bridge. The court dismissed the case on Monday."
    )
    got = {a.span_text(q): q.attrs["name"] for q in a.group("quotes")}
    assert got == {
        'what he called the "ritualistic reading" as "total nonsense"': "Dan Ogawa",
        "the delay as unreasonable obstruction": "Lena Harlan",
    }


def test_a_deed_is_no_speech_and_as_names_no_role_purpose_or_likeness() -> None:
    for text in (
        'Villagers fled. "They came at night and burned every house." Rebel leader Ali Sharif attacked the village again.',
        '"We lost everything in one night." Arsenal dismissed Mark Hale on Monday.',
        "The Chicago Bears dismissed Dan Ruiz as head coach after the loss to Detroit.",
        "The Army attacked the convoy as part of a wider offensive in the north.",
        "General Omar Haddad attacked the bridge as a precaution against a counterattack.",
        "Rebel commander Ali Sharif attacked towns such as Homs and Hama in the spring.",
        "General Omar Haddad attacked the same hill as last year with heavy artillery.",
    ):
        a = _read(text)
        assert [a.span_text(q) for q in a.group("quotes")] == [], text
    a = _read('Senator Lena Harlan dismissed the charges as "a politically motivated witch hunt."')
    assert 'the charges as "a politically motivated witch hunt."' in [a.span_text(q) for q in a.group("quotes")]


def test_a_person_the_speaker_is_with_is_not_he() -> None:
    a = _read(
        "Governor Tom Baker flew to the flooded town on Monday. Mayor Jim Cole met him at the airport. "
        '"This is a tragedy for every family here," he said, shaking hands with Cole.'
    )
    assert _quote(a, "This is a tragedy").attrs["name"] == "Tom Baker"


def test_words_a_quote_itself_credits_to_someone_else() -> None:
    a = _read(
        "Governor Lena Harlan met the auditor in May. “At lunch, the Governor leaned back and said ‘the budget is a fiction,’” Ogawa wrote."
    )
    q = _quote(a, "At lunch")
    assert q.attrs["name"] == "Ogawa"
    assert q.attrs["co_speakers"] == ["Lena Harlan"]


def test_accused_of_with_the_preposition_on_the_object() -> None:

    text = (
        "Union leader Mykhaylo Zaremba spoke. Zaremba, who heads the Port Alder Dockworkers' Union, accused Kestrel "
        "Point Terminals of putting cargo volumes ahead of crane maintenance. The mayor praised the members of the team."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): q.attrs.get("name") for q in a.group("quotes")}
    assert got == {"Kestrel Point Terminals of putting cargo volumes ahead of crane maintenance": "Mykhaylo Zaremba"}


def test_a_speaker_the_model_missed_here_is_the_entity_the_run_writes_so() -> None:
    from newsfuse.read.pipeline import attach_speakers

    a = make_article("Kestrel Point Terminals, known locally as KPT, said its cranes had been serviced.", "a")
    b = make_article("Kestrel Point Terminals said it was cooperating.", "b")
    a.spans["mentions"] = []
    b.spans["mentions"] = [
        Span(0, 23, "ORG", "test@1", {"text": "Kestrel Point Terminals", "entity": "e-kpt", "name": "Kestrel Point Terminals"})
    ]
    a.spans["quotes"] = [
        Span(
            50,
            80,
            "quote",
            "test@1",
            {
                "speaker_kind": "name",
                "speaker_text": "Kestrel Point Terminals",
                "local_name": "Kestrel Point Terminals",
                "speaker": (0, 23),
            },
        )
    ]
    attach_speakers([a, b])
    assert a.group("quotes")[0].attrs["entity"] == "e-kpt"


def test_a_pronoun_is_not_tied_to_a_speaker_by_the_story_s_common_words() -> None:
    text = (
        "Northern troops fighting for the harbour army have suffered heavy losses, officials said.\n\n"
        "The northern troops were sent to the harbour front in October.\n\n"
        "Spokesman Tomas Brandt said harbour commanders treated the northern troops as expendable.\n\n"
        "Many northern troops lack winter gear, according to the harbour ministry.\n\n"
        "In his nightly address, Governor Piet Maren described the losses of the northern troops as grave. "
        "He criticized harbour commanders for failing to protect the northern troops."
    )
    a = _read(text)
    last = max(a.group("quotes"), key=lambda q: q.start)
    assert a.span_text(last).startswith("harbour commanders for failing")
    assert last.attrs["name"] == "Piet Maren"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Mrs. Clinton spoke first. "We will not give up on this fight," she said.', "Clinton"),
        ('The firm faced many problems. John Smith resigned on Friday. "We failed our workers badly," he said.', "John Smith"),
    ],
)
def test_a_courtesy_title_gives_gender_only_when_it_is_one(text: str, speaker: str) -> None:
    # "Mrs." is not "Mr", and the "ms" ending "problems. " is no title
    a = _read(text)
    assert _quote(a, "We").attrs["name"] == speaker


def test_according_to_credits_only_its_own_paragraph() -> None:
    a = _read("Smoke rose over the port for hours\nAccording to police the blaze was set deliberately")
    (q,) = [q for q in a.group("quotes") if q.attrs.get("name") == "police"]
    assert a.span_text(q) == "the blaze was set deliberately"


def test_a_name_right_before_a_spliced_speech_verb_is_its_speaker() -> None:
    a = _read(
        "Sen. Owen Tallis (R-Ore.) voiced deep respect for the retired judge, "
        "Sen. John Cornyn (R-Texas) speculated that the nominee could get 100 confirmation votes."
    )
    assert _quote(a, "the nominee").attrs["name"] == "John Cornyn"
    b = _read("The mayor thanked Governor Ana Ruiz and said the bridge would reopen in May.")
    assert _quote(b, "the bridge").attrs["name"] == "The mayor"  # "and": the first verb's subject


def test_an_office_with_its_owner_is_the_person_named_with_both() -> None:
    a = _read(
        "Valdoria President Ines Marlow toured the flooded valley on Monday. "
        "Norland's president, Tomas Brandt, offered rescue teams. "
        "Valdoria's president said on Tuesday that nine villages had been evacuated. "
        "Estmark's president said the border would stay open."
    )
    assert _quote(a, "nine villages").attrs["name"] == "Ines Marlow"  # not Brandt, the last president named
    assert _quote(a, "the border").attrs.get("entity") is None  # no president of Estmark was named


def test_a_police_rank_before_a_name_is_a_title() -> None:
    one = make_article('"He knew he would be caught," Undersheriff James Gage said of the driver.', source_id="a")
    two = make_article('"He knew he would be caught," James Gage said of the driver.', source_id="b")
    r = read_articles([one, two])
    q1, q2 = (_quote(a, "He knew") for a in r.articles)
    assert q1.attrs["name"] == "James Gage" and q1.attrs["entity"] == q2.attrs["entity"]


def test_the_subject_of_a_passive_verb_is_not_its_speaker() -> None:
    # "charged with" is a speech cue ("charged Y with Z"); in the passive its subject is who was charged
    a = _read("Deputies found Ana Ruiz while she hid in a shed and she has been charged with two thefts.")
    assert all(q.attrs.get("speaker_text") != "she" for q in a.group("quotes"))


def test_that_said_is_no_speech_and_a_relative_pronoun_is_no_speaker() -> None:
    a = _read("That said, the Hawks won the rebounding battle by twelve.")
    assert a.group("quotes") == []
    a = _read("Ruiz unveiled new figures on Monday which she claimed show the bridge is safe for heavy trucks.")
    assert all(str(q.attrs.get("name")).lower() not in {"which", "that"} for q in a.group("quotes"))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A co-worker said the bridge was unsafe.", "A co-worker"),  # the parser cuts the noun at its hyphen
        ("His e-mail warned that the bridge was unsafe.", "His e-mail"),
    ],
)
def test_a_described_speaker_keeps_its_hyphenated_word_whole(text: str, speaker: str) -> None:
    a = _read(text)
    q = _quote(a, "the bridge")
    assert q.attrs["speaker_text"] == speaker and q.attrs["speaker_kind"] == "description"
    s, e = q.attrs["speaker"]
    assert a.text[s:e] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs the name on the main verb; the party noun is only how the outlet describes her
        "The harbor chief is expected to testify before the Senate Commerce Committee, according to the panel's top "
        "Democrat, Sen. Ana Ruiz of Oregon.",
        "The committee's top Republican, Sen. Ana Ruiz, said the harbor bill was dead.",
    ],
)
def test_a_party_noun_with_a_name_beside_it_is_that_person(text: str) -> None:
    a = _read(text)
    q = next(q for q in a.group("quotes") if "harbor" in a.span_text(q))
    assert q.attrs["name"] == "Ana Ruiz"


def test_a_purpose_hung_on_a_relative_clause_is_the_main_subjects() -> None:
    a = _read(
        "The port released the logs after Republicans seized on excerpts of the logs that became public on Friday "
        "to suggest that the harbor master had ignored the warnings."
    )
    q = _quote(a, "the harbor master")
    assert q.attrs["speaker_text"] == "Republicans"


@pytest.mark.parametrize("vice", ["Vice President", "vice-president", "former President"])
def test_the_president_is_not_the_vice_president(vice: str) -> None:
    a = _read(
        "President Ana Ruiz unveiled the harbor plan on Monday. "
        f"{vice} Tom Hale, who wrote it, stood beside her. "
        '"We will rebuild the pier by spring," said the president.'
    )
    assert _quote(a, "We will rebuild").attrs["name"] == "Ana Ruiz"


def test_the_company_is_not_a_product_name_before_a_noun() -> None:
    a = _read(
        "Harbor Systems said it would buy Quaymark. "
        "But Harbor Systems plans to also sell cranes that use its Tidewell Quaymark motors in the spring, the company said."
    )
    assert _quote(a, "Harbor Systems plans").attrs["name"] == "Harbor Systems"


def test_a_speaker_found_before_the_verb_is_the_noun_a_place_hangs_on() -> None:
    # "father | Tom ..." reads as a headline glued to its sentence, which leaves the verb without its parsed subject
    a = _read('Ruiz\'s father Tom Ruiz of Fort Alder said later, "I am glad it is over. She deserved better."')
    assert _quote(a, "I am glad").attrs["name"] == "Tom Ruiz"


def test_the_company_may_be_named_only_before_a_noun_in_its_own_quote() -> None:
    a = _read(
        '"I heard the crash and I ran," a worker told the Associated Press. '
        '"This is a sad day for the Harbor Systems family," the company said in a statement.'
    )
    assert _quote(a, "This is a sad day").attrs["name"] == "Harbor Systems"


def test_a_quote_run_over_paragraphs_is_said_by_whoever_its_last_paragraph_names() -> None:
    a = _read(
        "The mayor spoke late on Monday.\n\n"
        "“I was stunned when the pier fell last week.\n\n"
        "Ana is a good friend and I have great respect for her.\n\n"
        'But the message from the storm is clear -- we need a change," Tom Hale said in a statement.\n\n'
        "He also said that he would run for the harbor board."
    )
    for start in ("I was stunned", "Ana is a good friend", "But the message", "he would run"):
        assert _quote(a, start).attrs["name"] == "Tom Hale"


def test_calling_on_someone_to_act_is_urging_and_among_those_who_is_the_person() -> None:
    a = _read("Rep. Tom Hale was among the many people who called on the mayor to abandon his harbor decision.")
    q = _quote(a, "to abandon")
    assert q.attrs["name"] == "Tom Hale" and a.span_text(q) == "to abandon his harbor decision"
    for text in ("Ruiz called the harbor plan a costly disaster for everyone.", "Ruiz called for an independent inquiry into the pier."):
        assert _read(text).group("quotes") == []


def test_review_cases_of_speakers() -> None:
    # a closed question before an answer is no run of one speaker's quote
    a = _read("“Are you going to run for governor again next year?”\n\n“No, I am done with campaigns for good,” Tom Hale said.")
    assert all(not a.span_text(q).startswith("Are you") for q in a.group("quotes"))
    # a "who" clause states its own people's purpose
    a = _read("Protesters heckled Ana Ruiz, who traveled to Boston to argue that the new tax would hurt small businesses.")
    assert _quote(a, "the new tax").attrs["name"] == "Ana Ruiz"
    # the person a possessive names is not the speaker
    a = _read("A Democrat, Sen. Ana Ruiz's chief aide, said the harbor bill “will not pass in its current form this year.”")
    assert _quote(a, "the harbor bill").attrs.get("name") != "Ana Ruiz"
    # a long described speaker without a comma keeps its head noun
    a = _read(
        "A few of the most hardline House Republicans from rural districts in the South and the Midwest said the harbor "
        "bill “would fail in the Senate this year.”"
    )
    assert _quote(a, "the harbor bill").attrs["speaker_text"].startswith("A few of the most hardline House Republicans")


def test_a_former_or_deputy_title_gives_no_role() -> None:
    a = _read('President Ana Ruiz spoke first. Former U.S. President Tom Hale spoke next. "We must act," the president said.')
    assert _quote(a, "We must act").attrs["name"] == "Ana Ruiz"


def test_a_speech_verb_right_before_a_quote_says_it_however_the_parser_hung_it() -> None:
    a = _read(
        "Tom Hale, who said in March 2015 \"the one reason I wouldn't walk through parts of Port Alder is the real chance "
        'of running into Ana Ruiz", tweeted the news about the now-mayor\'s visit was "great".'
    )
    assert _quote(a, "the one reason").attrs["name"] == "Tom Hale"


def test_the_passive_subject_of_a_verb_that_reports_the_saying_speaks() -> None:
    for text in [
        "“Every day that passes, the harbor gets closer to ruin,” Mayor Ana Ruiz is shown saying in the advertisement.",
        "“Every day that passes, the harbor gets closer to ruin,” Mayor Ana Ruiz was heard saying on the tape.",
        "“Every day that passes, the harbor gets closer to ruin,” Mayor Ana Ruiz was quoted as saying.",
    ]:
        assert _quote(_read(text), "Every day").attrs["name"] == "Ana Ruiz", text
    # a passive subject of another verb is who it was done to, not who said anything
    a = _read("Tom Hale was seen leaving the harbor office. “The cranes are safe,” said Ana Ruiz, the port director.")
    assert _quote(a, "The cranes").attrs["name"] == "Ana Ruiz"
    # who was shown something, or whose act comes between, is not the one whose saying it was (review cases)
    for text in [
        "Jurors were shown footage of Tom Hale saying “we will close the harbour this winter.”",
        "The crowd was heard booing Tom Hale for saying “we will close the harbour this winter.”",
        "Ana Ruiz was captured on tape quoting Tom Hale as saying “we will close the harbour this winter.”",
        "Ana Ruiz was recorded praising Tom Hale for saying “we will close the harbour this winter.”",
    ]:
        a = _read(text)
        assert all(q.attrs.get("name") not in {"Jurors", "The crowd", "Ana Ruiz"} for q in a.group("quotes")), text


def test_objecting_that_reports_speech_and_objecting_to_does_not() -> None:
    a = _read("Ana Ruiz sent officials an e-mail, objecting that the harbour plan could be “abused” by lawmakers to attack the port.")
    assert _quote(a, "the harbour plan").attrs["name"] == "Ana Ruiz"
    assert _quote(_read("“This plan is simply wrong,” Tom Hale objected."), "This plan").attrs["name"] == "Tom Hale"
    assert _read("Tom Hale objected to the harbour plan on Monday.").group("quotes") == []


def test_a_quote_left_open_before_its_cue_ends_at_the_cue() -> None:
    # the closing mark the writer left out: the cue at the paragraph's end is outside the quote and names the speaker
    a = _read(
        'Tom Hale spoke first. "The cranes are safe," he said.\n\n'
        '"She has made some outrageous claims about the harbour that nobody could verify, Ruiz said.\n\n'
        '"She is acting like a strange figure and it does not help the port."'
    )
    q = _quote(a, "She has made")
    assert a.span_text(q).endswith("verify") and q.attrs["name"] == "Ruiz"
    assert _quote(a, "She is acting").attrs["name"] == "Ruiz"  # the run goes on with the same speaker
    q = _quote(_read("“We will close the harbour this winter, said Ana Ruiz, the port director."), "We will close")
    assert q.attrs["name"] == "Ana Ruiz"


def test_a_quote_without_a_cue_is_said_by_the_person_the_sentence_before_presents() -> None:
    a = _read(
        "The port authority revealed on Thursday that the report ran to more than 300 pages.\n\n"
        "Mr. Tom Hale had many questions of his own.\n\n"
        "“You might think it is fine that the port sought a secret channel with its rivals.”"
    )
    assert _quote(a, "You might think").attrs["name"] == "Tom Hale"
    # a sentence that presents no person leaves the quote to the speaker before it
    a = _read("“We will fight for the harbour,” Ana Ruiz said. The crowd cheered.\n\n“It is over for them and we all know it.”")
    assert _quote(a, "It is over").attrs["name"] == "Ana Ruiz"
    # a passive subject is who something was done to, not who speaks next
    a = _read(
        "“We will fight for the harbour,” Ana Ruiz said. Tom Hale was booed by the crowd.\n\n“It is over for them and we all know it.”"
    )
    assert _quote(a, "It is over").attrs.get("name") != "Tom Hale"


def test_review_cases_of_open_quotes_and_presented_speakers() -> None:
    def speakers(text: str) -> list[object]:
        return [q.attrs.get("name") for q in _read(text).group("quotes") if q.attrs.get("direct")]

    # a cue inside the speaker's own story is no closing cue
    assert "Smith" not in speakers(
        "Ms. Ortiz described the night.\n\n“We waited for hours in the rain. Then the officer came out, Smith said, and told us to go home."
    )
    assert set(
        speakers(
            "Mr. Lee remembered his mother.\n\n“She always told us to work hard. Never give up, she said.\n\n“That stayed with me my whole life,” Mr. Lee said."
        )
    ) == {"Lee"}
    assert set(
        speakers(
            "Ms. Park spoke about her youth.\n\n“We lost everything in the fire that winter, Dad said.\n\nWe started over from nothing the next spring,” Ms. Park said."
        )
    ) == {"Park"}
    # who declined to comment, who a quote is about, or a narrative sentence about someone else does not take the quote
    assert speakers(
        "“The plan is dead,” Ms. Ruiz told reporters.\n\nMr. Hale declined to comment.\n\n“We will start again next year.”"
    ) == ["Ruiz", "Ruiz"]
    assert speakers(
        "“The polls lie,” Ms. Ruiz said on Monday.\n\nMr. Hale leads in every poll.\n\n“The polls are wrong, and we will prove it in November.”"
    ) == ["Ruiz", "Ruiz"]
    assert "Alvarez" not in speakers(
        "Mr. Alvarez worked at the harbor for forty years.\n\n“He never complained about the cold, not once in all those years.”"
    )
    # a run of quotes that names its speaker in its last paragraph stays that speaker's
    assert set(
        speakers(
            "Mr. Hale sat quietly at the back.\n\n“We have waited for years for this day, and we never lost hope.\n\n“Now it is finally here,” Ms. Ruiz said."
        )
    ) == {"Ruiz"}


def test_what_a_speaker_would_not_say_is_theirs_but_no_quote() -> None:
    from newsfuse.fuse import collect_quotes

    text = (
        "Harbour spokesman Pieter Sandoval said the quay would stay shut. "
        "Sandoval declined to say how long that might take. Police did not say how the crane fell."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    unsaid = {a.span_text(q): q.attrs.get("name") for q in a.group("quotes") if q.attrs.get("unsaid")}
    assert unsaid == {"how long that might take": "Pieter Sandoval", "how the crane fell": "Police"}
    assert [q.content.text for q in collect_quotes([a])] == ["the quay would stay shut"]


def test_a_speaker_the_parser_made_the_root_after_a_side_clause() -> None:
    # the parser makes "Northwave Radio" the root and "announced" a modifier of it; the station still speaks
    a = _read(
        "Northwave Radio, which has employed Ms. Varga to host its New Year's Eve broadcast alongside Tom Ekland for "
        "the last decade, announced on Wednesday that she would no longer appear on the program."
    )
    q = _quote(a, "she would no longer")
    assert q.attrs["name"] == "Northwave Radio"
    # a judging phrase before the speaker ("A setback for the union, the airline, ...") does not speak
    c = _read(
        "A setback for the union, the airline, which has employed the pilots for a decade, announced on Monday that it would cut 500 jobs."
    )
    assert _quote(c, "it would cut").attrs["name"] == "the airline"
    # a participle without a comma or a clause stays what it is: the plan was announced, it says nothing
    b = _read("The harbour plan announced on Tuesday would close the quay for six weeks, the port authority said.")
    assert {str(q.attrs.get("name")) for q in b.group("quotes")} == {"the port authority"}


def test_a_quote_after_a_two_sentence_quote_continues_its_speaker() -> None:
    # the quote before ends a sentence later than it starts: the distance counts from its end
    text = (
        "Mayor Ana Ruiz rejected the idea that the council should grow.\n\n"
        '"What is this? A circus?" Ruiz said, drawing laughter.\n\n'
        '"The harbour is not a stage.\n\n'
        'The harbour is a place where people work."\n\n'
        "The crowd cheered."
    )
    a = _read(text)
    assert _names(a) == {
        "What is this? A circus?": "Ruiz",
        "The harbour is not a stage.": "Ruiz",
        "The harbour is a place where people work.": "Ruiz",
    }


def test_they_and_it_stand_for_the_group_or_body_that_spoke_just_before() -> None:
    a = _read(
        "Harbour council members have argued that the closure takes little time.\n\n"
        "They add that they have passed 15 motions that the port ignored.\n\n"
        "The hospital said Ana Ruiz was in critical condition. It said she would need further operations."
    )
    names = _names(a)
    assert names["they have passed 15 motions that the port ignored"] == "Harbour council members"
    assert names["she would need further operations"] == "The hospital"


def test_they_and_it_after_a_person_or_far_back_stay_unresolved() -> None:
    # a person is neither "they" nor "it"; a group quoted two sentences back is no longer who the text is about
    a = _read(
        "Senator Mark Hale said the plan was flawed. They said it would fail.\n\n"
        "Harbour officials said the quay would close. The ferry kept running. The tide was high. They said the quay would reopen."
    )
    names = _names(a)
    assert names["it would fail"] == "They"
    assert names["the quay would reopen"] == "They"


def test_a_cue_set_into_a_clause_after_a_semicolon_reports_only_that_clause() -> None:
    a = _read(
        "In response, harbour council members said the port should take up some 16 motions; most would cut fees, "
        "analysts say, but they would not add jobs."
    )
    q = _quote(a, "most would cut fees")
    assert q.attrs["name"] == "analysts"
    assert not any(a.span_text(q).startswith("In response") and q.attrs["name"] == "analysts" for q in a.group("quotes"))


def test_a_document_speaks_for_its_authors() -> None:
    a = _read(
        "A group of nearly 90 professors at Harbour University has sent Mayor Ana Ruiz a letter criticising her budget.\n\n"
        '"We appreciate your willingness to talk," the letter states.\n\n'
        "Kestrel Foods said in a statement that it was cooperating with the police. "
        "The statement said the plant would stay closed until Monday.\n\n"
        "A statement from the Port Alder Harbour Authority said the quay was safe."
    )
    names = _names(a)
    assert names["We appreciate your willingness to talk"] == "A group of nearly 90 professors at Harbour University"
    assert names["the plant would stay closed until Monday"] == "Kestrel Foods"
    assert names["the quay was safe"] == "Port Alder Harbour Authority"
    said = _quote(a, "We appreciate")
    assert said.attrs["speaker_text"] == "the letter"  # as written, for the reader


def test_a_document_with_no_author_named_stays_itself() -> None:
    a = _read("A letter arrived at the harbour office on Monday. The letter says the quay will close.")
    assert _quote(a, "the quay will close").attrs["name"] == "The letter"


def test_a_document_mentioned_after_a_verb_of_no_speech_has_no_author_there() -> None:
    # "comes in a letter": the criticism did not write it; "the women's lawsuit": the women, without the "'s"
    a = _read(
        "The latest criticism comes in a letter from the port's critics.\n\n"
        'A new rebuke comes in a letter. "Your budget reflects the wrong values," says the letter.\n\n'
        "The women's lawsuit says the company paid them less."
    )
    names = _names(a)
    assert names["Your budget reflects the wrong values"] == "the letter"
    assert names["the company paid them less"] == "The women"


def test_an_office_speaks_as_the_person_named_to_it() -> None:
    # "Hale's attorney said": the attorney the article named, else the client the attorney speaks for
    a = _read(
        "John Miller, Hale's attorney, said in a statement that his client had done nothing wrong.\n\n"
        "Hale's attorney, meanwhile, blasted the council on Monday, saying the mayor reversed the decision.\n\n"
        "Senator Mark Hale's spokesman said the emails were private."
    )
    names = _names(a)
    assert names["the mayor reversed the decision"] == "John Miller"
    assert names["the emails were private"] == "Mark Hale"  # no spokesman named: the senator


def test_he_after_a_sentence_that_introduces_another_person_is_that_person() -> None:
    a = _read(
        "Former governor Tomas Varga said the bridge toll was a mistake.\n\n"
        "“Nobody asked the people who cross it every day,” Varga said.\n\n"
        "Martin Kessler, who led the port authority from 2006 to 2012, has also dismissed the toll.\n\n"
        "“We are not going to pay a single cent for such a silly toll,” he said earlier this month."
    )
    assert _quote(a, "We are not going to pay").attrs.get("name") == "Martin Kessler"
    assert _quote(a, "Nobody asked").attrs.get("name") == "Tomas Varga"


def test_he_after_a_sentence_whose_subject_a_name_is_set_beside() -> None:
    a = _read(
        "Representative Jim Halloran, Republican of Ohio, said the paperwork reminded him of the pipeline fight.\n\n"
        "“Man, that sounds like the pipeline all over again,” he said.\n\n"
        "One Democrat, Representative Sam Ortega of Massachusetts, even raised the threat of a special prosecutor.\n\n"
        "“We know where that will lead,” he said."
    )
    assert _quote(a, "We know where").attrs.get("name") == "Sam Ortega"


def test_a_name_after_the_cue_in_the_same_sentence_is_not_the_pronoun() -> None:
    a = _read(
        "“Nobody will pay for that bridge,” former mayor Eva Lind said on Monday.\n\n"
        "Councillor Tom Hale, as is often his way, fired back on the radio.\n\n"
        "“Former mayor Lind, who is railing against my plan today, also backed it last year,” he said, "
        "referring to when Lind said she would fund the bridge."
    )
    assert "Tom Hale" in str(_quote(a, "Former mayor Lind").attrs.get("name"))


def test_a_pronoun_resolved_once_teaches_no_gender() -> None:
    # a "he" the writer (or the reading) got wrong must not bar the person from every later "she"
    a = _read(
        "Kim Adair, the union's chair, spoke to the council on Monday.\n\n"
        "“The plan is a waste of money,” he said.\n\n"
        "The council will vote on the plan in June.\n\n"
        "“We will fight it in every ward,” she said."
    )
    assert "Kim Adair" in str(_quote(a, "We will fight it").attrs.get("name"))


def test_a_finding_is_a_clause_of_its_own_not_what_was_come_upon() -> None:
    found = _read(
        "The panel found the driver had been speeding. Investigators found that the brakes were worn. "
        "A study found most drivers slow down near schools."
    )
    assert _names(found) == {
        "the driver had been speeding": "The panel",
        "the brakes were worn": "Investigators",
        "most drivers slow down near schools": "A study",
    }
    for text in (
        "Deputies found the driver hiding in a shed.",  # a discovery, told by the outlet
        "Voters may find it hard to forgive him.",
        "The jury found the driver guilty of manslaughter.",
        "She found herself stuck in traffic on the bridge.",
    ):
        assert _read(text).group("quotes") == [], text


def test_whoever_was_moved_to_speak_is_the_speaker() -> None:
    a = _read("The defeat led Ana Ruiz to suggest that the plan was dead. Aides persuaded Tom Hale to say that the bridge would open.")
    assert _names(a) == {"the plan was dead": "Ana Ruiz", "the bridge would open": "Tom Hale"}


def test_a_means_or_a_dare_is_not_moved_to_speak() -> None:
    a = _read("Ana Ruiz used the occasion to announce that the plant would close.")
    assert _names(a) == {"the plant would close": "Ana Ruiz"}
    dared = _read("Republicans dared Governor Tom Hale to deny that he had met the lobbyist.")
    assert "Tom Hale" not in _names(dared).values()  # dared to deny: he has not denied it


def test_a_trailing_reported_by_credits_the_clause_it_follows() -> None:
    a = _read("The mayor also moved the city's funds to a private account, first reported by the Ledger.")
    assert _names(a) == {"The mayor also moved the city's funds to a private account": "Ledger"}
    assert _read("The bill, reported by the committee last week, passed the Senate on Tuesday.").group("quotes") == []


def test_someone_named_by_their_age_is_who_the_text_is_about() -> None:
    # the entity model tags "43-year-old" a date; the subject still speaks, and is the person named before
    a = _read(
        "Governor Piet Maren toured the harbour on Tuesday.\n\n"
        "“The crews have done remarkable work,” Maren said.\n\n"
        '“It takes years to build what we may need at a moment’s notice," the 43-year-old said.'
    )
    q = _quote(a, "It takes years")
    assert q.attrs["name"] == "Piet Maren" and q.attrs["speaker_text"] == "the 43-year-old"
    alone = _read('“It takes years to build what we may need," the 43-year-old said.')
    q = _quote(alone, "It takes years")
    assert q.attrs["speaker_kind"] == "description" and q.attrs["name"] == "the 43-year-old"


def test_a_quoted_word_the_subject_calls_something() -> None:
    # the parser hangs "shocking" on the object as an adjective; it is what the senator called the nomination
    a = _read("While Sen. Ana Ruiz (D-Maine), in an interview with the Herald, called the possible nomination “shocking.”")
    assert _names(a) == {"shocking.": "Ana Ruiz"}
    assert _names(_read("Ana Ruiz called the “Big Three” automakers to a meeting.")) == {}  # a name, before the noun


def test_someone_presented_by_their_age_is_new_and_an_age_hung_on_the_verb_speaks() -> None:
    new = _read("Governor Piet Maren toured the ward.\n\n“We are exhausted,” said the 29-year-old, a nurse from Leeds.")
    assert _quote(new, "We are exhausted").attrs["name"] != "Piet Maren"  # presented where the age is: someone new
    amod = _read("Governor Piet Maren toured the ward.\n\n“We are exhausted,” the 29-year-old said.")
    q = _quote(amod, "We are exhausted")
    assert q.attrs["name"] == "Piet Maren" and q.attrs["speaker_text"] == "the 29-year-old"


def test_a_he_that_could_mean_one_person_only_is_sure_and_steers_a_later_she() -> None:
    a = _read(
        "Envoy Piet Brenner was careful not to oversell the result. He said the talks had been serious.\n\n"
        "Minister Olga Marchuk's government wants the guns withdrawn first. Katharina Vell wants observers from day one. "
        '"A ceasefire nobody can verify is just a pause to reload," she told reporters.'
    )
    he = _quote(a, "the talks had been serious")
    assert he.attrs.get("name") == "Piet Brenner" and he.attrs.get("sure")
    she = _quote(a, "A ceasefire nobody")
    assert she.attrs.get("name") == "Katharina Vell" and she.attrs.get("sure")


def test_a_he_after_someone_who_underwent_something_or_a_she_after_a_sure_he_is_a_guess() -> None:
    a = _read(
        "Detective Sam Ortiz briefed reporters on Monday. Tom Hale, 34, was charged with arson over the mill fire. "
        '"We believe he acted alone and we are not looking for anyone else," he said.'
    )
    assert not _quote(a, "We believe he acted alone").attrs.get("sure")
    b = _read(
        'Sam Ortiz called the fire brigade. "We got everyone out in time," he said. Dana Ruiz, who lived above the mill, '
        'lost everything. Ortiz helped her out of the building. "I have nothing left," she said.'
    )
    assert _quote(b, "We got everyone out").attrs.get("sure")
    assert not (_quote(b, "I have nothing left").attrs.get("name") == "Sam Ortiz" and _quote(b, "I have nothing left").attrs.get("sure"))


def test_a_name_inside_the_quoted_words_is_no_rival_for_he_said() -> None:
    # "The Riverton pier" names a place the model may take for a person: it lies inside the quote, so the "he"
    # can only mean the director named in the sentence before
    a = _read(
        "Pier director Anselm Treuer defended the decision to keep the walkway open. "
        '"The Falkenrinne walkway was checked by our team at 7:30 this morning and judged safe," he told reporters.'
    )
    q = _quote(a, "The Falkenrinne walkway")
    assert q.attrs.get("name") == "Anselm Treuer" and q.attrs.get("sure")
