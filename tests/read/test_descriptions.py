"""A description equated with a name by apposition names the speaker elsewhere in the run (real model)."""

from __future__ import annotations

import pytest

from newsfuse.api import read

pytestmark = pytest.mark.models


def test_apposition_names_a_described_speaker(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(
        "The Harbour Safety Board, the port's accident investigator, said on Friday that two cranes had failed inspections.\n"
    )
    (tmp_path / "b.txt").write_text(
        "The port's accident investigator said two cranes had failed their last inspections before the storm.\n"
    )
    (tmp_path / "c.txt").write_text("A union official said two cranes had failed their inspections, according to local radio on Friday.\n")
    r = read([tmp_path])
    b = next(a for a in r.articles if a.source_id == "b")
    speakers = [q.attrs["name"] for q in b.group("quotes")]
    assert "Harbour Safety Board" in speakers
    board = next(e for e in r.entities if e.name == "Harbour Safety Board")
    assert "the port's accident investigator" in board.aliases


@pytest.mark.parametrize(
    ("text", "name", "described"),
    [
        (
            "The report was written by former Arkansas Rep. Asa Hutchinson, who led the task force.",
            "Asa Hutchinson",
            "former Arkansas Rep. Asa Hutchinson",
        ),
        ("Sen. Ted Cruz (R-Texas) said he would not back him.", "Ted Cruz", "Sen. Ted Cruz (R-Texas)"),
        (
            "Frank Keating, a former governor of Oklahoma, was also interviewed.",
            "Frank Keating",
            "Frank Keating, a former governor of Oklahoma",
        ),
        ("Trump met current acting FBI Director Andrew McCabe on Wednesday.", "Andrew McCabe", "current acting FBI Director Andrew McCabe"),
        (
            "He also met Richard A. McFeely, a former official, and Andrew G. McCabe, the acting director.",
            "Andrew G. McCabe",
            "Andrew G. McCabe, the acting director",
        ),
        ("On Tuesday Mr. Cruz and Obama's spokesman Jay Carney spoke.", "Jay Carney", "Obama's spokesman Jay Carney"),
        # a courtesy title, or another person after a comma, says nothing of who one is
        ("On Tuesday Mr. Cruz and Obama's spokesman Jay Carney spoke.", "Cruz", None),
        ("No one wants Lieberman, or any politician, to run the bureau.", "Lieberman", None),
        ("Some, such as Senate Majority Leader McConnell, for instance, disagreed.", "McConnell", "Senate Majority Leader McConnell"),
        ("Under the executive action Mr. Trump signed, agents may act.", "Trump", None),
        ("Critics of the plan, including Lindqvist, rail routinely against it.", "Lindqvist", None),
        # from a review: a hyphen keeps the words before it; a list, a verb phrase or the object of "told" are none
        ("The memo was written by then-Attorney General Jeff Sessions last year.", "Jeff Sessions", "then-Attorney General Jeff Sessions"),
        ("Officials say al-Qaeda chief Ayman al-Zawahri is hiding.", "Ayman al-Zawahri", "al-Qaeda chief Ayman al-Zawahri"),
        ("He thanked Mayor Clara Voss, the firefighters and the paramedics.", "Clara Voss", "Mayor Clara Voss"),
        ("He thanked Clara Voss, the paramedics, and the nurses.", "Clara Voss", None),
        ("Witnesses told police Tom Reyes had a gun in his car.", "Tom Reyes", None),
        ("Dan Cole, acting on a tip from a neighbour, called.", "Dan Cole", None),
        # a description before the name is set beside the name, not around a noun of its own
        ("A former Oklahoma governor, Frank Keating, led the panel.", "Frank Keating", "A former Oklahoma governor, Frank Keating"),
        ("The report by the inspector general, Michael E. Horowitz, found no bias.", "Michael E. Horowitz", None),
        # a name that owns the description is part of it; a name of its own is another person
        (
            "Mayor Ruiz's chief of staff, John Podesta, said the emails were stolen.",
            "John Podesta",
            "Mayor Ruiz's chief of staff, John Podesta",
        ),
        ("He thanked Clara Voss, Bill Clinton, and the nurses.", "Clara Voss", None),
    ],
)
def test_the_words_that_say_who_a_person_is(text: str, name: str, described: str | None) -> None:
    from newsfuse.api import read_articles
    from tests.conftest import make_article

    a = read_articles([make_article(text, "d")]).articles[0]
    (m,) = [m for m in a.group("mentions") if a.span_text(m) == name]
    got = m.attrs.get("described")
    assert (a.text[got[0] : got[1]] if got else None) == described
