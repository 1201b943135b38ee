"""Settings from the environment and from keyword arguments: a value of the wrong kind is refused in plain words."""

from __future__ import annotations

import pytest

from newsfuse.errors import SettingsError
from newsfuse.settings import Settings


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("max_input_bytes", "abc", "setting max_input_bytes: 'abc' is not a whole number"),
        ("batch_size", "2.5", "setting batch_size: '2.5' is not a whole number"),
        ("fact_threshold", "high", "setting fact_threshold: 'high' is not a number"),
        ("allow_fetch", "maybe", "setting allow_fetch: 'maybe' is not true or false"),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused_in_words(name: str, value: str, words: str) -> None:
    with pytest.raises(SettingsError) as e:
        Settings.load(env={f"NEWSFUSE_{name.upper()}": value})
    assert str(e.value) == words
    with pytest.raises(SettingsError, match="is not "):
        Settings.load({name: value}, env={})


@pytest.mark.parametrize(
    ("value", "on"), [("1", True), ("yes", True), ("On", True), ("true", True), ("0", False), ("no", False), ("", False)]
)
def test_true_and_false_in_the_environment(value: str, on: bool) -> None:
    assert Settings.load(env={"NEWSFUSE_ALLOW_FETCH": value}).allow_fetch is on


def test_numbers_from_the_environment() -> None:
    s = Settings.load(env={"NEWSFUSE_MAX_INPUT_BYTES": "1000", "NEWSFUSE_FACT_THRESHOLD": "0.7"})
    assert s.max_input_bytes == 1000 and s.fact_threshold == 0.7


def test_a_misspelled_environment_variable_is_named_with_what_it_may_mean() -> None:
    from newsfuse.settings import unknown_environment

    env = {"NEWSFUSE_HEADLINE_FACT": "3", "NEWSFUSE_HEADLINE_FACTS": "4", "NEWSFUSE_ZZZ": "1", "PATH": "/bin"}
    assert unknown_environment(env) == [
        "NEWSFUSE_HEADLINE_FACT names no setting and is ignored; did you mean NEWSFUSE_HEADLINE_FACTS?",
        "NEWSFUSE_ZZZ names no setting and is ignored",
    ]
