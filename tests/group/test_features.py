from __future__ import annotations

from datetime import date

from newsfuse.group.features import capitalised_names, content_words, featurize, fold, lead_of, sentences
from tests.conftest import make_article
from tests.group.corpus import fake_embed


def test_sentences_split_on_punctuation_and_blank_lines() -> None:
    text = "The river rose. Crews came by boat! Was anyone hurt?\n\nA new paragraph without a stop"
    assert [text[s:e] for s, e in sentences(text)] == [
        "The river rose.",
        "Crews came by boat!",
        "Was anyone hurt?",
        "A new paragraph without a stop",
    ]


def test_lead_is_title_and_first_sentences() -> None:
    a = make_article("One. Two. Three. Four.", title="Headline")
    assert lead_of(a) == "Headline. One. Two. Three."


def test_fold_and_content_words() -> None:
    assert fold("Verhoeven's") == "verhoeven"
    assert fold("cities") == "city"
    assert content_words("The floods said to be rising in Lindenmoor") == ["flood", "rising", "lindenmoor"]


def test_names_skip_common_words_at_sentence_start_and_in_title_case() -> None:
    text = "Rescue crews reached Lindenmoor. Mayor Ilse Verhoeven said the rescue went well. They left at 9."
    names = capitalised_names(text, "Rescue Crews Reached Lindenmoor")
    assert {"lindenmoor", "ilse", "verhoeven", "mayor"} <= set(names)
    assert not {"rescue", "crew", "reached", "they"} & set(names)
    assert names["lindenmoor"] > names["verhoeven"]  # in the title: weighted up
    assert "#9" in names


def test_featurize_uses_one_embedding_call() -> None:
    calls: list[int] = []

    def embed(texts: list[str]):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return fake_embed(texts)

    arts = [make_article("Holtmann Rail agreed to buy Vesta Freight.", "a", published=date(2025, 6, 10)), make_article("Orvika won.", "b")]
    feats = featurize(arts, embed)
    assert calls == [2]
    assert feats[0].published == date(2025, 6, 10) and feats[1].published is None
    assert abs(float(feats[0].vector @ feats[0].vector) - 1.0) < 1e-5
    assert "holtmann" in feats[0].names and "freight" in feats[0].terms
