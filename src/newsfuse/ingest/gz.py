"""gzip-compressed inputs (``.gz``, or any input starting with the gzip magic): decompressed as a stream with a cap,
then read by the reader its content calls for.

A compressed WARC archive streams straight to the WARC reader (capped at ``max_archive_bytes`` uncompressed);
anything else must decompress within ``max_input_bytes``: a gzip bomb is refused at the cap, never expanded whole.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..settings import Settings
from .base import RawDoc, StreamReader, register
from .streams import GZIP_MAGIC, TRUNCATED_GZIP, Gunzip, Replay, bomb, gunzip, read_capped

HEAD = 8192
# Real archives compress 3 to 20 times; zeros compress about 1000 times. Streamed archives may be large (their cap is
# max_archive_bytes), so a bomb is also recognised by its ratio once it has expanded past max_input_bytes.
MAX_RATIO = 100.0


def inner_name(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


class GzipReader:
    kind = "gzip"

    def sniff(self, name: str, head: bytes) -> bool:
        return head[:2] == GZIP_MAGIC

    def read(self, name: str, data: bytes, settings: Settings) -> Iterator[RawDoc | InputError]:
        from . import detect

        inner = gunzip(name, data, settings.max_input_bytes)
        reader = detect(inner_name(name), inner)
        yield from reader.read(name, inner, settings)

    def read_stream(self, name: str, stream: BinaryIO, settings: Settings) -> Iterator[RawDoc | InputError]:
        from . import detect

        archive_cap, cap = settings.max_archive_bytes, settings.max_input_bytes
        gz = Gunzip(stream, archive_cap, bomb(name, archive_cap, "max_archive_bytes"), name, max_ratio=MAX_RATIO, slack=cap + (1 << 20))
        gz.lenient = True  # a cut archive: read every whole record before the cut, then say where it was cut
        big = io.BufferedReader(gz)
        head = big.read(HEAD)
        reader = detect(inner_name(name), head)
        if isinstance(reader, StreamReader) and reader.kind != self.kind:
            complaint: Exception | None = None
            given = 0
            try:
                for item in reader.read_stream(name, io.BufferedReader(Replay(head, big)), settings):
                    given += isinstance(item, RawDoc)
                    yield item
            except Exception as e:
                if not gz.truncated:
                    raise
                complaint = e  # the cut fell inside a record's header: the archive reader's complaint is the cut's doing
            if gz.truncated:
                read = (
                    ("the page before the cut was read" if given == 1 else f"the {given} pages before the cut were read")
                    if given
                    else "no page before the cut could be read"
                )
                raise InputError(name, f"{TRUNCATED_GZIP} ({read})") from complaint
            return
        rest = read_capped(big, max(cap - len(head), 0), bomb(name, cap, "max_input_bytes")) if len(head) == HEAD else b""
        data = head + rest
        if len(data) > cap:
            raise bomb(name, cap, "max_input_bytes")
        if gz.truncated:  # one document cut short: refused, not read as a shorter one
            raise InputError(name, TRUNCATED_GZIP)
        yield from detect(inner_name(name), data).read(name, data, settings)


register(GzipReader())
