"""What a count counts, with the real spaCy model."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from newsfuse.api import read_articles
from tests.conftest import make_article

pytestmark = pytest.mark.models


def test_a_count_whose_noun_is_inside_the_entity() -> None:
    # the model tags "about 300 migrants" as one QUANTITY here, the noun inside it
    text = "After traveling 1,800 miles through Chile, about 300 migrants from Peru prepared to walk together as a group."
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): q.attrs.get("counted") for q in a.group("quantities")}
    assert got.get("1,800 miles", "missing") is None  # a distance, not a count of things
    assert got.get("about 300 migrants") == "migrants"


def test_a_time_of_day_run_into_a_distance_and_a_quotation_closed_inside_a_sum() -> None:
    text = "The quake struck at 2:09 a. m. about 14 miles north of Healdsburg. “We want $5.6” billion, he said."
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): (q.attrs.get("value"), q.attrs.get("counted")) for q in a.group("quantities")}
    assert got["about 14 miles"][0] == 14.0 and got["about 14 miles"][1] != "a. m."
    assert got["$5.6” billion"][0] == 5.6e9
    # a counted noun before the number stays when no time of day was cut off
    b = read_articles([make_article("I have five candidates, plus two, she said of the race.", "q")]).articles[0]
    assert [q.attrs.get("counted") for q in b.group("quantities")] == ["candidates", "candidates"]


def test_a_count_of_what_is_added_is_marked() -> None:
    text = "More than 300 medics arrived, and 200 additional medics will follow; there are two more convoys to come."
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): q.attrs.get("increment") for q in a.group("quantities")}
    assert got == {"More than 300": False, "200": True, "two": True}


def test_people_counted_by_what_they_did() -> None:
    text = "A letter signed by more than 2.3 million people asked the council to drop the harbour plan."
    a = read_articles([make_article(text, "q")]).articles[0]
    q = next(q for q in a.group("quantities") if a.span_text(q) == "more than 2.3 million")
    assert q.attrs["counted"] == "people" and q.attrs["state_lemmas"] == ["sign"]


def test_a_coordinated_predicate_with_its_own_subject_is_not_counted() -> None:
    text = (
        "Police say two people have been killed and another wounded in a shooting at the bakery. "
        "Medics said 1,000 soldiers were killed or wounded last week."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): q.attrs["state_lemmas"] for q in a.group("quantities")}
    assert got["two"] == ["kill"]  # "another wounded" is a count of its own
    assert got["1,000"] == ["kill", "wound"]


def test_a_rank_is_not_a_count_and_a_vague_subject_keeps_its_predicate() -> None:
    text = "Hoyer was re-elected to the No. 2 position. But hundreds of participants made their way to the border."
    a = read_articles([make_article(text, "t")]).articles[0]
    got = [(a.span_text(q), q.attrs["counted"], q.attrs["state_lemmas"]) for q in a.group("quantities")]
    assert got == [("hundreds", "participants", ["make"])]


def test_a_scale_written_after_the_number_is_part_of_it() -> None:
    text = "The firm lost $5m last year and about 5m people cancelled. The wall is 5m high. Repairs cost $2 m."
    a = read_articles([make_article(text, "s")]).articles[0]
    got = {a.span_text(q): (q.attrs["value"], q.attrs["counted"]) for q in a.group("quantities")}
    assert got["5m"] == (5e6, None)  # the money: spaCy's entity stops before the "m"
    assert got["about 5m"] == (5e6, "people")
    assert got["2 m"] == (2e6, None)  # the sentence's full stop is not part of it
    assert ("5", 5.0) in {(k, v[0]) for k, v in got.items()}  # five metres high stays five


def _quantities(text: str) -> dict[str, Mapping[str, Any]]:
    a = read_articles([make_article(text, "q")]).articles[0]
    return {a.span_text(q): q.attrs for q in a.group("quantities")}


def test_the_dead_and_a_toll_count_people() -> None:
    got = _quantities(
        "The storm hit the coast, leaving 24 dead and over 200 injured. "
        "Floods killed six children, bringing the confirmed death toll to 11. The team won 17 games."
    )
    assert (got["24"]["counted"], got["24"]["state_lemmas"]) == ("people", ["kill"])
    assert (got["over 200"]["counted"], got["over 200"]["state_lemmas"]) == ("people", ["injure"])
    assert (got["11"]["counted"], got["11"]["state_lemmas"]) == ("people", ["kill"])
    assert got["17"]["counted"] == "games"  # a number before its own noun keeps it


def test_what_a_bare_number_underwent_and_what_is_added_before_it() -> None:
    got = _quantities(
        "Officers said 18 people had been hurt in the clashes and 12 arrested for carrying knives. Another four people died in hospital."
    )
    assert got["12"]["counted"] is None and got["12"]["state_lemmas"] == ["arrest"]  # not the 18 injured
    assert got["four"]["increment"] is True  # "another four": added to an earlier count


def test_a_count_the_entity_model_left_untagged_is_read() -> None:
    got = _quantities(
        "When they got there they called in an additional six pumps, a ladder truck and a command unit. "
        "In 1998 storms, crews rescued 40 people."
    )
    assert got["six"]["counted"] == "additional pumps" and got["six"]["increment"] is True
    # a dateline's time is no count of the next line's noun, nor a piece of a number or a span of time
    for text, wrong in {
        "Edited time: March 14, 2026 03:20\nPolice intervened after the protest.": "03:20",
        "Updated: 19 Mar 2026 11:25 GMT+02:00\nRobbers drove into the shop.": "11:25",
        "Some 250 000 people marched.": "000",
        "She joined the society nearly two decades ago.": "nearly two",
    }.items():
        assert wrong not in _quantities(text), text


def test_a_measure_written_into_a_number_and_a_part_of_the_area() -> None:
    got = _quantities(
        "The 170,000-square-foot plant closed. In neighbouring Lakeland district, 10 people were killed. "
        "At least 24 people were killed in the province."
    )
    assert got["170,000-square-foot"]["counted"] == "square-foot"  # a size, not a count of plants
    assert got["10"]["scope"] == "Lakeland"  # part of the area: not the province's toll
    assert got["At least 24"]["scope"] is None


def test_a_crowd_counted_by_its_march() -> None:
    got = _quantities("Organisers said as many as 25,000 people took to the streets. Officers put the march at roughly 35,000 people.")
    assert got["as many as 25,000"]["state_lemmas"] == ["protest"]  # "took to the streets"
    assert got["roughly 35,000"]["state_lemmas"] == ["march"]  # what the officers put at 35,000


def test_people_harmed_as_the_object_of_the_act() -> None:
    got = _quantities("The storm wrecked houses, killing at least seven people and injuring dozens. Officers arrested 12 on Tuesday.")
    assert (got["dozens"]["counted"], got["dozens"]["state_lemmas"]) == ("people", ["injure"])
    assert (got["12"]["counted"], got["12"]["state_lemmas"]) == ("people", ["arrest"])


def _lengths(text: str) -> dict[str, Mapping[str, Any]]:
    a = read_articles([make_article(text, "q")]).articles[0]
    return {a.span_text(q): q.attrs for q in a.group("quantities") if q.attrs.get("metres")}


def test_lengths_in_metric_and_imperial_units_with_the_act_they_measure() -> None:
    text = (
        "The guide Tom Arlen died after falling 150 meters from the ridge. "
        "A second walker slipped and fell about 200ft. Rescuers said he fell about 200m down an icy gully."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = [(a.span_text(q), q.attrs["unit"], q.attrs["metres"], q.attrs["measures"]) for q in a.group("quantities")]
    assert got == [("150 meters", "meters", 1.0, "fall"), ("about 200", "ft", 0.3048, "fall"), ("about 200", "m", 1.0, "fall")]


def test_areas_and_millions_are_no_lengths() -> None:
    got = _lengths("The 15,800-square-metre depot employs 5m people across the region.")
    assert got == {}


def test_a_length_knows_what_it_is_of_and_whom_it_is_about() -> None:
    text = "The tremor began at a depth of 10 kilometers (six miles). Ann Brook was killed after slipping and falling 40 feet."
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): q.attrs for q in a.group("quantities") if q.attrs.get("metres")}
    assert got["six miles"]["dimension"] == "depth"  # the conversion measures what the first length does
    assert [a.text[x:y] for x, y in got["40 feet"]["subject"]] == ["Ann", "Brook"]


def test_halves_and_measures_of_things() -> None:
    text = "She lived a mile and a half away. The minister showed half a ton of files to the cameras."
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): q.attrs for q in a.group("quantities")}
    assert got["a mile and a half"]["value"] == 1.5 and got["a mile and a half"]["unit"] == "mile"
    assert got["half a ton"]["counted"] is None  # a weight of files, not a count of them


def test_no_one_harmed_is_a_count_of_zero() -> None:
    text = (
        "Rescuers said no one was killed or injured as the river rose. The navy said the storm caused no casualties. "
        "Nobody was hurt when the roof fell. A spokesman said there were no dead or wounded. No one knows why."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    zero = {a.span_text(q): q.attrs["state"] for q in a.group("quantities") if q.attrs.get("value") == 0}
    assert zero == {
        "no one was killed or injured": "killed or injured",
        "no casualties": "casualties",
        "Nobody was hurt": "hurt",
        "no dead or wounded": "dead or wounded",
    }
    assert all(
        q.attrs["counted"] == "people" and q.attrs["low"] == q.attrs["high"] == 0
        for q in a.group("quantities")
        if q.attrs.get("value") == 0
    )


def test_a_parent_counted_by_their_children() -> None:
    text = "Ms Horton, a mother of 12, was hit by a stray bullet. The father of three said he saw it."
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): q.attrs.get("counted") for q in a.group("quantities")}
    assert got == {"12": "children", "three": "children"}


def test_the_whole_a_number_is_of() -> None:
    text = (
        "Based in Leeds with nine depots and a technical staff of more than 350, the firm was sold. "
        "Its record of 2,106 stood for years. The arena has a capacity of 50,000 seats. It lies in a town of 12,000."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): (q.attrs.get("counted"), q.attrs.get("state")) for q in a.group("quantities")}
    assert got["more than 350"] == ("technical staff", None)
    # a record or a capacity names the number itself, not what it counts
    assert got["2,106"] == (None, None)
    assert got["50,000"][0] == "seats"
    assert got["12,000"] == ("people", "population")  # who live in the town


def test_a_count_the_model_took_for_a_date() -> None:
    text = "The quake destroyed seven villages, killing 10 people and injuring 80."
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): (q.attrs.get("counted"), q.attrs.get("state_lemmas")) for q in a.group("quantities")}
    assert got.get("80") == ("people", ["injure"])


def test_who_lives_in_a_place_is_one_count() -> None:
    texts = {
        "The quake struck the island, home to 120,000 people.": "120,000",
        "Port Alder, which has about 200,000 residents, lies on the coast.": "about 200,000",
        "The harbour is a customs-free zone with a population of more than 140,000.": "more than 140,000",
        "Kestrel Point, a town of 500,000 people, was shaken too.": "500,000",
    }
    for text, number in texts.items():
        a = read_articles([make_article(text, "q")]).articles[0]
        q = next(q for q in a.group("quantities") if a.span_text(q) == number)
        assert q.attrs["state"] == "population", text
    a = read_articles([make_article("About 2,000 residents were evacuated.", "q")]).articles[0]
    assert a.group("quantities")[0].attrs["state"] == "evacuated"  # what residents underwent, not how many live there


def test_a_range_taken_for_a_date_a_time_of_day_and_an_estimated_crowd() -> None:
    def got(text: str) -> dict[str, Any]:
        a = read_articles([make_article(text, "q")]).articles[0]
        return {a.span_text(q): (q.attrs.get("counted"), q.attrs.get("state")) for q in a.group("quantities")}

    assert got("Between 60 and 100 rioters gathered around the square.") == {"Between 60 and 100": ("rioters", "gathered")}
    assert got("From about 9 p. m., nearly 100 dockers marched towards the harbour gates.") == {"nearly 100": ("dockers", "marched")}
    assert got("Radio Alder estimated the crowd at 70") == {"70": ("people", "crowd")}
    # the same after another sentence, where the model tags both as dates and the parser hangs "Between" on the verb
    riot = "A vigil became a riot tonight after young men started throwing bottles at officers.\n"
    assert got(riot + "Between 60 and 100 rioters gathered near Mill Lane and Quay St. in Port Alder.") == {
        "Between 60 and 100": ("rioters", None)
    }
    assert got("Stones were thrown at officers.\nRadio Alder estimated the crowd at 70 while the Courier says a crowd looted a kiosk.") == {
        "70": ("people", "crowd")
    }


def test_a_passive_verb_does_not_share_the_next_verbs_object() -> None:
    a = read_articles([make_article("Moss was hurt in the opening game in September and missed 10 games.", "q")]).articles[0]
    assert [(a.span_text(q), q.attrs.get("state")) for q in a.group("quantities")] == [("10", "missed")]


def test_what_is_no_population_no_crowd_and_no_distance_from_a_place() -> None:
    def got(text: str) -> list[tuple[str, Any, Any, Any]]:
        a = read_articles([make_article(text, "q")]).articles[0]
        return [(a.span_text(q), q.attrs.get("counted"), q.attrs.get("state"), q.attrs.get("measures")) for q in a.group("quantities")]

    assert got("Officials put the cost at 300.")[0][1:3] == (None, None)
    assert all(state != "population" for _, _, state, _ in got("Among the dead were 12 residents and three tourists."))
    assert all(state != "population" for _, _, state, _ in got("The fire destroyed a village of 300 homes."))
    assert got("Two miles of Interstate 5 were closed.")[0][3] != "from interstate"  # a stretch of road
    assert got("A bomb exploded 60 miles north of Baghdad Monday.")[0][3] == "from baghdad"


def test_inches_written_with_a_mark_are_a_measure_not_a_count() -> None:
    text = 'The 14" models ship with 16 GB of memory, and the shop sold 40 tablets.'
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): q.attrs.get("counted") for q in a.group("quantities")}
    assert got.get("14") == "inch" and got.get("40") == "tablets"
    # a quotation that closes after a number's words is no inch mark
    text = 'The minister said "half a ton" of files were seized.'
    a = read_articles([make_article(text, "q")]).articles[0]
    assert all(q.attrs.get("counted") != "inch" for q in a.group("quantities"))


def test_a_quote_closing_after_a_number_and_a_prime_inside_it() -> None:
    a = read_articles([make_article('The coach said they needed "just 3" wins to stay up.', "q")]).articles[0]
    assert all(q.attrs.get("counted") != "inch" for q in a.group("quantities"))
    a = read_articles([make_article("Buyers can pick the 13″ screen or a larger one.", "q")]).articles[0]
    assert [q.attrs.get("counted") for q in a.group("quantities")] == ["inch"]


def test_a_count_taken_for_a_date_bounds_no_other_count() -> None:
    # the model tags "80" a date; it counts the injured and is no period of the dead
    q = _quantities(
        "A powerful earthquake hit southern Iran on Sunday, causing major destruction in seven villages and killing 10 people and injuring 80."
    )
    assert q["10"]["period"] is None and q["80"]["state_lemmas"] == ["injure"]


def test_a_new_level_counts_the_subject_of_the_change() -> None:
    q = _quantities("Border apprehensions have fallen in recent years, to 400,000 in the last fiscal year. Membership grew to 1,200.")
    assert (q["400,000"]["counted"], q["400,000"]["state"]) == ("Border apprehensions", None)  # fallen, not collapsed
    assert q["1,200"]["counted"] == "Membership"
    toll = _quantities("The death toll rose to 11.")
    assert (toll["11"]["counted"], toll["11"]["state_lemmas"]) == ("people", ["kill"])


def test_the_period_of_a_count_is_the_whole_range_of_dates() -> None:
    # spaCy tags each end of the range as its own date; the nearest end alone would make it a count of February
    q = _quantities("In total, the navy fired 23 flares during 16 drills between February and December 2017, a tally shows.")
    assert q["16"]["period"] == "between February and December 2017"


def test_two_verbs_with_one_subject_share_the_count_they_govern() -> None:
    def states(text: str) -> dict[str, Any]:
        a = read_articles([make_article(text, "q")]).articles[0]
        return {a.span_text(q): q.attrs.get("state") for q in a.group("quantities") if q.attrs.get("counted")}

    # the subject ("the collapse", "which") belongs to both verbs: both are the state of what the count counts
    assert states("The collapse killed or injured 11 workers.") == {"11": "killed or injured"}
    assert states("The alarm came before the collapse, which killed or injured 11 workers.") == {"11": "killed or injured"}
    # a first verb with its own object, or a second with its own subject, is another predicate
    assert states("The blast killed two people and injured 11 workers.") == {"two": "killed", "11": "injured"}
    assert states("The storm killed two people and floods injured 11 workers.") == {"two": "killed", "11": "injured"}


def test_a_bare_number_that_suffered_the_act_counts_people() -> None:
    got = _quantities("The governor said 50 were injured. At least 40 died in the floods. The team said 17 were sold.")
    assert (got["50"]["counted"], got["50"]["state_lemmas"]) == ("people", ["injure"])
    assert (got["At least 40"]["counted"], got["At least 40"]["state_lemmas"]) == ("people", ["die"])
    assert got["17"]["counted"] is None  # what was sold is not said


def test_a_place_set_before_the_first_clause_scopes_every_count() -> None:
    got = _quantities(
        "In neighbouring Lakeland district, 10 people were killed, 140 were injured and 900 homes were damaged, an official said."
    )
    assert {got[n]["scope"] for n in ("10", "140", "900")} == {"Lakeland"}
    assert _quantities("In a statement, the agency said 140 were injured.")["140"]["scope"] is None


def test_a_part_of_the_area_is_named_by_its_own_words_not_a_clause_about_it() -> None:
    got = _quantities(
        "Police said more than 50 people gathered in the Alder district of Kestrel, where a teenager, Tom Hale, was shot on Saturday."
    )
    assert got["more than 50"]["scope"] == "Alder Kestrel"


def test_a_degree_of_harm_is_part_of_what_is_counted() -> None:
    got = _quantities("Around 30 people were seriously injured. Over 200 people were injured.")
    assert (got["Around 30"]["state"], got["Over 200"]["state"]) == ("seriously injured", "injured")


def test_people_carried_out_of_danger_are_evacuated() -> None:
    got = _quantities("Almost 300 passengers were taken ashore by lifeboat. Crews brought 40 people to safety. 12 men took the bus.")
    assert (got["Almost 300"]["state"], got["Almost 300"]["state_lemmas"]) == ("taken ashore", ["evacuate"])
    assert (got["40"]["state"], got["40"]["state_lemmas"]) == ("brought to safety", ["evacuate"])
    assert got["12"]["state_lemmas"] != ["evacuate"]  # taking a bus takes no one to safety
    more = _quantities("Four bodies were brought ashore. Rescuers took 40 passengers to the shore.")
    assert more["Four"]["state_lemmas"] != ["evacuate"]  # the dead are recovered, not evacuated
    assert (more["40"]["state"], more["40"]["state_lemmas"]) == ("took to shore", ["evacuate"])


def test_a_number_word_in_capitals_counts() -> None:
    # a tabloid's opening: the tagger reads "SIXTEEN" as an adjective
    got = _quantities("SIXTEEN people have been killed in the Riverton floods. NINE firefighters were hurt.")
    assert (got["SIXTEEN"]["value"], got["SIXTEEN"]["counted"], got["SIXTEEN"]["state"]) == (16.0, "people", "killed")
    assert (got["NINE"]["value"], got["NINE"]["counted"]) == (9.0, "firefighters")


def test_people_taken_to_hospital_are_one_count() -> None:
    got = _quantities(
        "Fourteen people were taken to hospitals after the blast. Tom Hale said 16 people were rushed to hospital. "
        "Nine were hospitalized with burns. Twelve residents were admitted to St. Mary's Hospital. Police took four men to the station."
    )
    for k in ("Fourteen", "16", "Twelve"):
        assert got[k]["state_lemmas"] == ["hospitalize"], k
    assert got["Fourteen"]["state"] == "taken to hospitals"
    assert got["four"]["state_lemmas"] != ["hospitalize"]  # a police station is no hospital


def test_a_bare_number_still_missing_counts_people() -> None:
    got = _quantities("Fourteen people are dead, and close to 40 are still missing. At least 14 died and nearly 40 remain unaccounted for.")
    assert (got["close to 40"]["counted"], got["close to 40"]["state"]) == ("people", "missing")
    assert (got["nearly 40"]["counted"], got["nearly 40"]["state"]) == ("people", "unaccounted")


def test_put_to_death_is_a_death() -> None:
    got = _quantities("A gunman shot to death one person and injured two others. Two men were beaten to death.")
    assert (got["one"]["state"], got["one"]["state_lemmas"]) == ("shot to death", ["shoot", "die"])


def test_a_shelter_is_no_hospital() -> None:
    got = _quantities("About 300 evacuees were taken to the Riverton Convention Center. Eight were taken to the Harbor Medical Center.")
    assert got["About 300"]["state_lemmas"] != ["hospitalize"]
    assert got["Eight"]["state_lemmas"] == ["hospitalize"]


def test_people_made_to_leave_their_homes_are_evacuated() -> None:
    got = _quantities(
        "The blast forced about 2,400 residents to leave their homes. Officials ordered 2,400 households to evacuate. "
        "Some 6,000 people have been forced to flee. The company told 40 workers to leave the site."
    )
    assert (got["about 2,400"]["state"], got["about 2,400"]["state_lemmas"]) == ("forced to leave their homes", ["evacuate"])
    assert got["2,400"]["state_lemmas"] == got["Some 6,000"]["state_lemmas"] == ["evacuate"]
    assert got["40"]["state_lemmas"] != ["evacuate"]  # leaving a site is no evacuation


def test_a_part_and_its_whole() -> None:
    got = _quantities("Six of its eight carriages derailed. Rescuers saved 38 of the 47 miners caught underground.")
    assert (got["Six"]["state"], got["eight"]["state"], got["eight"].get("whole")) == ("derailed", None, True)
    assert (got["38"]["counted"], got["38"]["state"], got["47"].get("whole")) == ("miners", "saved", True)


def test_a_whole_named_before_its_part() -> None:
    got = _quantities("Of the 47 miners who were working underground when the shaft collapsed, 38 have now been rescued.")
    assert got["47"].get("whole") and got["38"]["state"] == "rescued"


def test_what_is_not_a_death_a_stay_in_hospital_an_evacuation_or_a_whole() -> None:
    got = _quantities(
        "A court sentenced three men to death. Twenty people were treated in hospital. "
        "Police told 50 protesters to leave the area. All of the 40 passengers were killed."
    )
    assert "die" not in got["three"]["state_lemmas"]  # a sentence, not a killing
    assert got["Twenty"]["state_lemmas"] != ["hospitalize"]  # treated is not admitted
    assert got["50"]["state_lemmas"] != ["evacuate"]
    assert not got["40"].get("whole") and got["40"]["state"] == "killed"  # "all of" the 40: the 40 themselves


def test_more_people_of_another_harm_are_no_increment_and_keep_their_degree() -> None:
    got = _quantities(
        "Fourteen people have died and 63 more were seriously injured. Three people died on Monday and two more died on Tuesday."
    )
    assert not got["63"]["increment"] and got["63"]["state"] == "seriously injured"
    assert got["two"]["increment"]  # more of the dead


def test_a_part_told_by_a_relative_pronoun_counts_its_antecedent_with_its_own_verb() -> None:
    got = _quantities(
        "Thirty people were hurt at the fair, nine of whom were taken to hospital. Three of the five boats, two of which sank, were seized."
    )
    assert (got["nine"]["counted"], got["nine"]["state_lemmas"]) == ("people", ["hospitalize"])
    assert (got["two"]["counted"], got["two"]["state"]) == ("boats", "sank")
    got = _quantities("Inspectors took 12 samples from the stall and the trailer, and five of them tested positive.")
    assert (got["five"]["counted"], got["five"]["state"]) == ("samples", "tested positive")  # the counted noun, not the nearest


def test_a_number_word_alone_as_a_subject_counts_people() -> None:
    got = _quantities("Eleven were taken to Riverton General Infirmary.")
    assert (got["Eleven"]["counted"], got["Eleven"]["state_lemmas"]) == ("people", ["hospitalize"])


def test_a_coordinated_clause_with_its_own_subject_has_its_own_period() -> None:
    got = _quantities("Fourteen fans were rushed to hospital and 47 were hurt in total when the crowd surged.")
    assert got["Fourteen"]["period"] is None and got["47"]["period"] == "in total"


def test_a_number_the_parser_hangs_on_a_coordinated_verb_is_its_own_count() -> None:
    got = _quantities("Twenty-three people were killed and about 150 injured.")
    assert got["Twenty-three"]["state"] == "killed" and got["about 150"]["state"] == "injured"


def test_a_participle_on_the_whole_is_what_befell_the_whole() -> None:
    got = _quantities("Hers is one of 37 homes destroyed by the fire.")
    assert got["37"].get("whole") and got["37"]["state"] == "destroyed"


def test_a_share_in_per_cent_is_a_percent() -> None:
    from newsfuse.api import read_articles as read

    a = read([make_article("Members voted 87 per cent in favour of strike action in a ballot last month.", "q")]).articles[0]
    (q,) = a.group("quantities")
    assert q.label == "PERCENT" and q.attrs["value"] == 87.0


def test_people_ordered_out_of_their_homes_and_homes_under_evacuation_orders_are_evacuated() -> None:
    got = _quantities(
        "The sheriff ordered some 1,500 residents of Riverton out of their homes on Sunday. "
        "Evacuation orders issued Sunday evening covered about 1,700 homes. The new rules cover 300 homes."
    )
    assert got["some 1,500"]["state_lemmas"] == got["about 1,700"]["state_lemmas"] == ["evacuate"]
    assert got["300"]["state_lemmas"] != ["evacuate"]


def test_a_part_of_the_day_is_no_period_of_a_count() -> None:
    from newsfuse.read.quantities import is_period

    assert not is_period("evening") and not is_period("the morning")
    assert is_period("the last week") and is_period("so far")


def test_a_part_in_critical_condition_counts_the_worst_hurt() -> None:
    got = _quantities("Six of the injured were in critical condition. The 12 patients were in stable condition.")
    assert (got["Six"]["state"], got["Six"]["state_lemmas"]) == ("in critical condition", ["critical"])
    assert got["12"]["state"] is None  # a stable condition is no degree of harm


def test_a_number_word_opening_a_sentence_counts_and_linking_verbs_carry_the_state() -> None:
    got = _quantities(
        "The storm hit Riverton on Tuesday.\n\nEleven people were injured, three of them seriously. "
        "Nine schools in the town stayed shut on Wednesday. Three hikers went missing on Sunday."
    )
    assert (got["Eleven"]["value"], got["Eleven"]["counted"], got["Eleven"]["state_lemmas"]) == (11.0, "people", ["injure"])
    assert got["Nine"]["state_lemmas"] == ["shut"] and got["Nine"].get("scope") is None  # "the town" is the story's own
    assert got["Three"]["state"] == "missing"


def test_people_rushed_to_hospital_the_were_left_out_are_taken_into_care() -> None:
    got = _quantities("Four people were killed and 14 rushed to hospital after the fire.")
    assert got["14"]["counted"] == "people" and got["14"]["state_lemmas"] == ["hospitalize"]


def test_a_share_the_model_left_untagged_is_read_with_its_hedge() -> None:
    got = _quantities("Turnout was just under 52 percent, the commission said. Turnout was more than 54 percent.")
    assert (got["just under 52 percent"]["hedge"], got["just under 52 percent"]["high"]) == ("just under", 52.0)
    assert got["more than 54 percent"]["low"] == 54.0


def test_a_period_inside_an_apposition_is_not_the_counts() -> None:
    got = _quantities(
        "The commission declared Ana Ruiz the winner by 312 votes, the narrowest margin in a mayoral race in almost four decades."
    )
    assert got["312"]["counted"] == "votes" and got["312"].get("period") is None
    # a count inside the apposition keeps the period of its own words
    got = _quantities("The Riverton club signed two goalkeepers, part of a spree of over 20 player signings last year.")
    assert got["over 20"]["period"] == "last year"


def test_a_bare_number_brought_out_alive_counts_people() -> None:
    got = _quantities("More than 200 were plucked from the sea by lifeboat crews. Twelve were pulled from the rubble in Riverton.")
    assert (got["More than 200"]["counted"], got["More than 200"]["state_lemmas"]) == ("people", ["pluck"])
    assert (got["Twelve"]["counted"], got["Twelve"]["state_lemmas"]) == ("people", ["pull"])


def test_speeds_are_read_with_their_hedges_in_kmh() -> None:
    # the model reads "30km/h" as a count of an organisation "km/h" and leaves "less than 25 km/h" out
    text = (
        "Ana Ruiz said the tram was doing more than 30km/h when it hit the barrier. Tom Hale said it was travelling at "
        "less than 25 km/h. A witness put it at about 20 miles per hour, and the ferry at 12 knots."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): q.attrs for q in a.group("quantities") if q.attrs.get("unit") == "km/h"}
    assert set(got) == {"more than 30km/h", "less than 25 km/h", "about 20 miles per hour", "12 knots"}
    assert got["more than 30km/h"]["hedge"] == "more than" and got["more than 30km/h"]["kmh"] == 1.0
    assert got["less than 25 km/h"]["measures"] == "travel" and got["less than 25 km/h"]["high"] == 25.0
    assert got["about 20 miles per hour"]["kmh"] == pytest.approx(1.609344)
    assert all("metres" not in q and q["counted"] is None for q in got.values())  # a speed is no length nor a count
    gusts = read_articles([make_article("Winds were sustained at 70 km/h, with gusts of just under 100 km/h.", "q")]).articles[0]
    assert [q.attrs["measures"] for q in gusts.group("quantities")] == ["sustain", "gust"]  # a speed "of" a thing
    assert not [q for q in a.group("quantities") if a.span_text(q) in {"more than 30", "about 20 miles"}]


def test_a_count_of_them_counts_what_the_count_before_it_counted() -> None:
    text = (
        "Forty people were hurt in the Riverton crash. Six of them were in critical condition, Ana Ruiz said. "
        "Of the injured, 31 were taken to hospital, four of them in critical condition, Tom Hale told reporters."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): (q.attrs.get("counted"), q.attrs.get("state_lemmas")) for q in a.group("quantities")}
    assert got["Six"] == ("people", ["critical"])
    assert got["four"] == ("people", ["critical"])  # "to hospital" is where they went


def test_a_total_of_people_takes_the_verb_of_the_total() -> None:
    text = "A total of 31 people were injured in the Riverton tram crash, Ana Ruiz said."
    a = read_articles([make_article(text, "q")]).articles[0]
    q = next(q for q in a.group("quantities") if a.span_text(q) == "31")
    assert q.attrs["counted"] == "people" and q.attrs["state_lemmas"] == ["injure"]


def test_patients_transferred_or_moved_to_hospitals_are_one_count_of_people_taken_into_care() -> None:
    from newsfuse.fuse.compare import quantity_state

    text = (
        "Twelve critically ill patients were transferred to other hospitals over the weekend. "
        "Nine critically ill patients have been moved to hospitals outside the Riverton valley."
    )
    a = read_articles([make_article(text, "q")]).articles[0]
    states = {a.span_text(q): quantity_state(q) for q in a.group("quantities")}
    assert "hospital" in states["Twelve"] and "hospital" in states["Nine"] and "evacuation" not in states["Nine"]


def test_a_season_describing_a_thing_bounds_no_count() -> None:
    text = "Nearly 400 passengers on the Riverton ferry have been struck down by the winter vomiting bug. 300 fell ill last winter."
    a = read_articles([make_article(text, "q")]).articles[0]
    periods = {a.span_text(q): q.attrs.get("period") for q in a.group("quantities")}
    assert periods["Nearly 400"] is None and periods["300"] == "last winter"


def test_a_number_put_on_a_number_of_things_counts_those_things() -> None:
    # the model tags the 43 as a date, and "at" hangs on the participle
    text = "A damage assessment released late Wednesday put the number of homes destroyed by the Riverton fire at 43, most of them on Alder Lane."
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): (q.attrs.get("counted"), q.attrs.get("state")) for q in a.group("quantities")}
    assert got["43"] == ("homes", "destroyed")


def test_areas_are_measures_in_hectares_not_counts_of_acres() -> None:
    text = "The Riverton fire had burned more than 4,000 acres by Wednesday. It covered 1,600 hectares, or about 6 square miles."
    a = read_articles([make_article(text, "q")]).articles[0]
    got = {a.span_text(q): (q.attrs.get("unit"), q.attrs.get("hectares"), q.attrs.get("counted")) for q in a.group("quantities")}
    assert got["more than 4,000 acres"] == ("acre", pytest.approx(0.40468564224), None)
    assert got["1,600"] == ("hectare", 1.0, None) and got["about 6 square miles"][:2] == ("square mile", pytest.approx(258.9988110336))
