"""Size caps as a message says them: in a unit that fits the number, so that a small cap never reads as 0.0 MB."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest import load
from newsfuse.ingest.streams import mb, over_by, over_cap
from newsfuse.ingest.url import _body
from newsfuse.settings import Settings


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "1 byte"),
        (800, "800 bytes"),
        (1000, "1 KB"),
        (1500, "1.5 KB"),
        (10_000, "10 KB"),
        (20_000_000, "20 MB"),
        (4_000_000_000, "4 GB"),
    ],
)
def test_a_cap_is_shown_in_a_unit_that_fits(n: int, words: str) -> None:
    assert mb(n) == words


def test_a_size_over_the_cap_reads_as_more_than_it() -> None:
    assert over_by(200_000_000, 20_000_000) == "200.0 MB"
    assert over_by(600_000, 10_000) == "600.0 KB"
    assert over_by(10_001, 10_000) == "10,001 bytes"  # one decimal would show 10.0 KB over a 10 KB cap
    assert over_cap("x", 1000, "max_input_bytes", size=2500).reason == (
        "2.5 KB is over the 1 KB input cap; raise NEWSFUSE_MAX_INPUT_BYTES to read it"
    )


def test_a_small_file_over_a_small_cap(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("A short note about the harbour. " * 50)  # 1,600 bytes
    b = load([tmp_path / "note.txt"], Settings(max_input_bytes=1000))
    assert b.rejected[0].reason == "1.6 KB is over the 1 KB input cap; raise NEWSFUSE_MAX_INPUT_BYTES to read it"


class _Response:
    """What ``_body`` reads of an httpx response: its headers and its body in chunks."""

    def __init__(self, headers: dict[str, str], body: bytes = b"") -> None:
        self.headers = headers
        self.body = body

    def iter_bytes(self) -> Any:
        yield self.body


def test_a_fetched_page_over_a_small_cap() -> None:
    with pytest.raises(InputError) as e:
        _body("http://example.test/a.html", _Response({"content-length": "612000"}), 10_000)
    assert e.value.reason == "612.0 KB is over the 10 KB input cap; raise NEWSFUSE_MAX_INPUT_BYTES to read it"
    with pytest.raises(InputError) as e:
        _body("http://example.test/a.html", _Response({"content-encoding": "gzip"}, b"x" * 20_000), 10_000)
    assert e.value.reason == "over the 10 KB input cap (decoded); raise NEWSFUSE_MAX_INPUT_BYTES to read it"


def test_a_size_and_a_cap_that_round_alike_are_given_in_bytes() -> None:
    from newsfuse.ingest.streams import over_cap

    e = over_cap("x", 10_600, "max_input_bytes", size=10_700)  # "10.7 KB" over "11 KB" would read backwards
    assert "10,700 bytes is over the 10,600-byte input cap" in e.reason
