"""Name comparison used by entity linking: transliterations, familiar given names, namesakes."""

from __future__ import annotations

import pytest

from newsfuse.read.entities import _compatible_names, name_tokens, same_given_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mike", "Michael"),
        ("Bill", "William"),
        ("Ted", "Theodore"),
        ("Ted", "Edward"),
        ("Liz", "Elizabeth"),
        ("Zack", "Zachary"),
        ("Katie", "Kathryn"),
        ("Jackie", "Jacqueline"),
        ("Annelise", "Annelies"),  # two letters swapped: one name misspelt
    ],
)
def test_familiar_given_names(a: str, b: str) -> None:
    assert same_given_name(a, b) and same_given_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"), [("Bill", "Bob"), ("Linda", "Loretta"), ("Christine", "Christopher"), ("Michael", "Mitchell"), ("Maria", "Mario")]
)
def test_other_given_names(a: str, b: str) -> None:
    assert not same_given_name(a, b)


def test_one_person_under_a_familiar_name() -> None:
    assert _compatible_names(("Mike", "Thibodeau"), ("Michael", "Thibodeau"))
    assert _compatible_names(("Volodymyr", "Zelenskyy"), ("Volodymyr", "Zelensky"))


def test_a_surname_spelt_a_letter_apart_with_the_same_given_name_is_one_person() -> None:
    assert _compatible_names(("Ruth", "Calloway"), ("Ruth", "Callaway"))
    assert _compatible_names(("Ilse", "Brandvold"), ("Ilse", "Brandvoldt"))
    assert not _compatible_names(("Ruth", "Calloway"), ("Anna", "Callaway"))  # another given name: another person
    assert not _compatible_names(("Tom", "Hale"), ("Tom", "Hall"))  # short names a letter apart are other names


def test_namesakes_stay_apart() -> None:
    assert not _compatible_names(("Loretta", "Sanchez"), ("Linda", "T.", "Sanchez"))


def test_transliterations_of_one_name() -> None:
    from newsfuse.read.entities import same_name_word

    assert same_name_word("Mykhailo", "Mykhaylo") and same_name_word("Mykhailo", "Mikhail")
    assert same_name_word("Zelensky", "Zelenskyy") and same_name_word("Zelenskiy", "Zelensky")
    assert not same_name_word("Mykhailo", "Mykola")


def test_a_double_barrelled_surname_alone() -> None:
    assert _compatible_names(("Vasquez-Moor",), ("Helena", "Vasquez-Moor"))
    assert not _compatible_names(("Vasquez-Moor",), ("Helena", "Moor"))


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Justice Department", ["Justice", "Department"]),
        ("General Motors", ["General", "Motors"]),
        ("Justice Department's", ["Justice", "Department's"]),
        ("Justice Ruth Bader Ginsburg", ["Ruth", "Bader", "Ginsburg"]),
        ("Sheriff Lopez", ["Lopez"]),
    ],
)
def test_a_title_is_dropped_from_a_name_but_not_from_an_institutions(name: str, tokens: list[str]) -> None:
    assert name_tokens(name) == tokens
