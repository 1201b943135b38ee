"""Source ids from file names."""

from __future__ import annotations

from newsfuse.ingest.ids import file_stem


def test_file_stems_lose_every_document_extension() -> None:
    assert file_stem("corpus/event_4/4_L.txt.txt") == "4_L"
    assert file_stem("a/b.html.gz") == "b"
    assert file_stem("-") == "stdin"  # standard input
    assert file_stem("seed.001.txt") == "seed.001"  # a dot inside the name stays
    assert file_stem("report.v2") == "report"
