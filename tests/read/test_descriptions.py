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
