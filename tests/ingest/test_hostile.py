"""Hostile and broken inputs: each refused cleanly, with a one-line reason, while the rest of the batch is read."""

from __future__ import annotations

import gzip
import struct
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.errors import InputError
from newsfuse.ingest import load, read_docs
from newsfuse.ingest.base import READERS, RawDoc
from newsfuse.ingest.streams import gunzip
from newsfuse.settings import Settings

from .pages import article_html, headline, rss_feed

GB = 1 << 30
MB = 1 << 20

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>leak</title><description>&secret;</description></item></channel></rss>
"""

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<rss version="2.0"><channel><title>x</title><item><title>t</title><description>d</description></item></channel></rss>
"""


def multi_member_bomb(size: int = GB) -> bytes:
    """``size`` bytes of zeros as concatenated gzip members of 1 MiB each: about 1 MB on disk, instant to build."""
    member = gzip.compress(b"\0" * MB, 9)
    return member * (size // MB)


def single_member_bomb(size: int = GB) -> bytes:
    """One valid gzip member of ``size`` zeros, built from identical full-flush deflate blocks (~1 s, mostly CRC)."""
    z = b"\0" * MB
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(z) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(z) + c.flush(zlib.Z_FULL_FLUSH)  # after a full flush every 1 MiB block compresses the same
    last = c.compress(z) + c.flush()
    n = size // MB
    crc = 0
    for _ in range(n):
        crc = zlib.crc32(z, crc)
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + first + block * (n - 2) + last + struct.pack("<II", crc, size & 0xFFFFFFFF)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    p = tmp_path / "good.html"
    p.write_text(article_html(60))
    return p


def _reasons(tmp_path: Path, good: Path, settings: Settings | None = None) -> dict[str, str]:
    b = load([tmp_path], settings)
    assert [a.meta.title for a in b.articles] == [headline(60)], "the good input must still be read"
    assert all("\n" not in r.reason and len(r.reason) < 400 for r in b.rejected)
    return {r.input.rsplit("/", 1)[-1]: r.reason for r in b.rejected}


def test_xml_entity_attacks_are_refused(tmp_path: Path, good: Path) -> None:
    (tmp_path / "laughs.xml").write_bytes(BILLION_LAUGHS)
    (tmp_path / "laughs.txt").write_bytes(BILLION_LAUGHS)  # detected as a feed by content, whatever the name
    (tmp_path / "xxe.rss").write_bytes(XXE)
    (tmp_path / "pe.rss").write_bytes(PARAMETER_ENTITY)
    (tmp_path / "broken-laughs.rss").write_bytes(BILLION_LAUGHS.replace(b"</channel>", b"<unclosed></channel>"))
    t0 = time.monotonic()
    reasons = _reasons(tmp_path, good)
    assert time.monotonic() - t0 < 10
    assert set(reasons) == {"laughs.xml", "laughs.txt", "xxe.rss", "pe.rss", "broken-laughs.rss"}
    assert all("declares XML entities" in r for r in reasons.values())


def test_gzip_bombs_are_refused_unexpanded(tmp_path: Path, good: Path) -> None:
    (tmp_path / "bomb.html.gz").write_bytes(multi_member_bomb())
    (tmp_path / "bomb2.gz").write_bytes(single_member_bomb())
    # archives are streamed under a larger cap: there a bomb is caught by its expansion ratio or, for one endless
    # "line" of zeros, by the WARC line guard, whichever comes first
    warc_head = gzip.compress(b"WARC/1.0\r\n", 9)
    (tmp_path / "bomb.warc.gz").write_bytes(warc_head + multi_member_bomb())
    (tmp_path / "newlines.warc.gz").write_bytes(warc_head + gzip.compress(b"\r\n" * (MB // 2), 9) * 1024)
    t0 = time.monotonic()
    reasons = _reasons(tmp_path, good)
    assert time.monotonic() - t0 < 15  # a full expansion would take far longer (and 1 GB of memory per bomb)
    assert set(reasons) == {"bomb.html.gz", "bomb2.gz", "bomb.warc.gz", "newlines.warc.gz"}
    assert "20 MB cap (a compression bomb?)" in reasons["bomb.html.gz"] and "20 MB cap" in reasons["bomb2.gz"]
    assert "NEWSFUSE_MAX_INPUT_BYTES" in reasons["bomb.html.gz"]
    assert "compression bomb" in reasons["bomb.warc.gz"] or "without a line break" in reasons["bomb.warc.gz"]
    assert (
        reasons["newlines.warc.gz"] == "gzip data expands over 100 times its compressed size (a compression bomb?): refused, not expanded"
    )


def test_gunzip_stops_at_the_cap() -> None:
    with pytest.raises(InputError, match="compression bomb"):
        gunzip("b.gz", multi_member_bomb(64 * MB), cap=MB)
    assert gunzip("ok.gz", gzip.compress(b"abc") + gzip.compress(b"def"), cap=10) == b"abcdef"


def test_oversized_html_refused_by_the_cap(tmp_path: Path, good: Path) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as f:  # sparse: 200 MB long, almost nothing written
        f.write(b"<!DOCTYPE html><html><body><p>")
        f.seek(200_000_000)
        f.write(b"</p></body></html>")
    t0 = time.monotonic()
    reasons = _reasons(tmp_path, good)
    assert time.monotonic() - t0 < 5
    assert reasons == {"huge.html": "200.0 MB is over the 20 MB input cap; raise NEWSFUSE_MAX_INPUT_BYTES to read it"}


def test_binary_with_an_html_name(tmp_path: Path, good: Path) -> None:
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 50)
    (tmp_path / "zeros.htm").write_bytes(b"\0" * 5000)
    reasons = _reasons(tmp_path, good)
    assert set(reasons) == {"photo.html", "zeros.htm"} and all("binary data" in r for r in reasons.values())


def test_invalid_encodings(tmp_path: Path, good: Path) -> None:
    (tmp_path / "noise.html").write_bytes(b"<html><body><p>" + bytes(range(0x80, 0x100)) * 60 + b"</p></body></html>")
    (tmp_path / "bad16.html").write_bytes(b"\xff\xfe" + "<html><body><p>x</p></body></html>".encode("utf-16-le")[:-1])
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "noise.rss").write_bytes(b'<?xml version="1.0" encoding="utf-8"?><rss><channel><title>\xff\xfe\xfa</title></channel></rss>')
    reasons = _reasons(tmp_path, good)
    assert "not valid UTF-8" in reasons["noise.html"]
    assert "utf-16" in reasons["bad16.html"]
    assert "empty" in reasons["empty.html"]
    assert "noise.rss" in reasons


def test_truncated_and_corrupt_gzip(tmp_path: Path, good: Path) -> None:
    data = gzip.compress(article_html(1).encode())
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "corrupt.html.gz").write_bytes(data[:12] + b"\x00garbage" * 20)
    reasons = _reasons(tmp_path, good)
    assert "truncated gzip" in reasons["cut.html.gz"] and "corrupt gzip" in reasons["corrupt.html.gz"]


def test_deeply_nested_html(tmp_path: Path, good: Path) -> None:
    (tmp_path / "deep.html").write_text("<!DOCTYPE html><html><body>" + "<div>" * 50_000 + "x" + "</div>" * 50_000 + "</body></html>")
    reasons = _reasons(tmp_path, good)
    assert set(reasons) == {"deep.html"}


def test_a_crashing_reader_stops_only_its_input(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feed = next(r for r in READERS if r.kind == "feed")

    def boom(*a: object) -> None:
        raise RuntimeError("parser exploded\nwith a second line")

    monkeypatch.setattr(type(feed), "read", boom)
    (tmp_path / "f.rss").write_bytes(rss_feed(1))
    reasons = _reasons(tmp_path, good)
    assert reasons == {"f.rss": "could not be read: RuntimeError: parser exploded with a second line"}


def test_missing_and_unreadable_inputs(tmp_path: Path, good: Path) -> None:
    items = list(read_docs([tmp_path / "nope.html", good, tmp_path / "nothing-*.html"], Settings()))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["InputError", "RawDoc", "InputError"]
    assert all(i.reason == "no such file or folder" for i in items if not isinstance(i, RawDoc))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.binary(max_size=2000), min_size=1, max_size=5))
def test_gunzip_round_trip(parts: list[bytes]) -> None:
    """Concatenated gzip members decompress to the concatenated parts, under a cap just large enough."""
    data = b"".join(gzip.compress(p) for p in parts)
    whole = b"".join(parts)
    assert gunzip("x.gz", data, cap=len(whole)) == whole
    if whole:
        with pytest.raises(InputError, match="cap"):
            gunzip("x.gz", data, cap=len(whole) - 1)


def test_archives_newsfuse_does_not_unpack_are_named(tmp_path: Path) -> None:
    import bz2
    import gzip
    import io
    import tarfile
    import zipfile

    from newsfuse.ingest import load

    text = b"The ferry strike ended on Monday after talks.\n"
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as z:
        z.writestr("a.txt", text)
    (tmp_path / "b.txt.bz2").write_bytes(bz2.compress(text))
    packed = io.BytesIO()
    with tarfile.open(fileobj=packed, mode="w") as t:
        info = tarfile.TarInfo("c.txt")
        info.size = len(text)
        t.addfile(info, io.BytesIO(text))
    (tmp_path / "c.tar.gz").write_bytes(gzip.compress(packed.getvalue()))
    reasons = {Path(r.input).name: r.reason for r in load([tmp_path]).rejected}
    assert reasons["a.zip"].startswith("a zip archive: not read")
    assert reasons["b.txt.bz2"].startswith("a bzip2 archive")
    assert reasons["c.tar.gz"].startswith("a tar archive")  # unpacked from its .gz, a tar is still no text
