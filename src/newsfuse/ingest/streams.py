"""Byte streams for inputs: capped reads, streamed gzip with an output cap, and a head put back in front of a stream.

Every read here is bounded: a reader never holds more than its cap, and a gzip stream stops expanding at its cap
(a gzip bomb is refused after ``cap`` bytes, never expanded in full).
"""

from __future__ import annotations

import io
import zlib
from typing import Protocol

from ..errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 16


class Readable(Protocol):
    """Anything with ``read(n)``: files, stdin's buffer, the streams here, a warcio payload stream."""

    def read(self, size: int = -1, /) -> bytes | None: ...


_UNITS = ((1e9, "GB"), (1e6, "MB"), (1e3, "KB"))


def mb(n: int) -> str:
    """``n`` bytes for messages, in a unit that fits: 20 MB, 1.5 MB, 10 KB, 800 bytes."""
    for scale, unit in _UNITS:
        if n >= scale:
            v = n / scale
            return f"{v:.0f} {unit}" if v >= 10 or v == int(v) else f"{v:.1f} {unit}"
    return "1 byte" if n == 1 else f"{n} bytes"


def over_by(size: int, cap: int) -> str:
    """How big an input over ``cap`` bytes is, for messages, so that it reads as more than the cap: "200.0 MB" over
    20 MB, "600.0 KB" over 10 KB, and in bytes when one decimal would not show the difference ("10,001 bytes" over
    10 KB)."""
    for scale, unit in _UNITS:
        if size >= scale:
            if round(size / scale, 1) > cap / scale:
                return f"{size / scale:.1f} {unit}"
            break
    return f"{size:,} bytes"


def over_cap(name: str, cap: int, setting: str, what: str = "input", size: int | None = None) -> InputError:
    """The one message for an input over a size cap, naming the setting that raises it."""
    env = "NEWSFUSE_" + setting.upper()
    shown, got = mb(cap), "over"
    if size is not None:
        got = f"{over_by(size, cap)} is over"
        if not _reads_larger(got.removesuffix(" is over"), shown):
            got, shown = f"{size:,} bytes is over", f"{cap:,}-byte"  # rounded, the two would not read as more and less
    return InputError(name, f"{got} the {shown} {what} cap; raise {env} to read it")


def _reads_larger(size: str, cap: str) -> bool:
    """Whether "10.7 KB" reads as more than "11 KB" (it does not): compared as shown, in the same unit."""
    (a, unit_a), (b, unit_b) = size.split(" ", 1), cap.split(" ", 1)
    if unit_a != unit_b:
        return True  # over_by only steps down a unit when the cap's is smaller
    try:
        return float(a.replace(",", "")) > float(b.replace(",", ""))
    except ValueError:
        return True


class Replay(io.RawIOBase):
    """``head`` (bytes already read for sniffing) followed by the rest of ``rest``."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            n = min(len(b), self._head.nbytes)
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b)) or b""
        if not data:
            return 0
        b[: len(data)] = data
        return len(data)


class _Guarded(io.RawIOBase):
    """A pass-through stream that lets :meth:`_check` refuse each chunk before it is handed on."""

    def __init__(self, raw: Readable, error: InputError) -> None:
        self._raw = raw
        self._error = error

    def readable(self) -> bool:
        return True

    def _check(self, data: bytes) -> bool:
        raise NotImplementedError

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(b)) or b""
        if not data:
            return 0
        if not self._check(data):
            raise self._error
        b[: len(data)] = data
        return len(data)


class Capped(_Guarded):
    """A stream that raises :class:`InputError` once more than ``cap`` bytes were read from it."""

    def __init__(self, raw: Readable, cap: int, error: InputError) -> None:
        super().__init__(raw, error)
        self._left = cap

    def _check(self, data: bytes) -> bool:
        self._left -= len(data)
        return self._left >= 0


TRUNCATED_GZIP = "truncated gzip data: the compressed stream ends early"


class Gunzip(io.RawIOBase):
    """Streamed decompression of one or more concatenated gzip members, stopping at ``cap`` output bytes.

    Past the cap it raises ``error``; with ``max_ratio``, output growing past ``max_ratio`` times the compressed bytes
    read (after the first ``slack`` bytes) is refused as a compression bomb too, long before a large cap is reached.
    A corrupt stream raises an :class:`InputError` naming ``name``.
    """

    def __init__(
        self, raw: Readable, cap: int, error: InputError, name: str, max_ratio: float | None = None, slack: int = 16_000_000
    ) -> None:
        self._raw = raw
        self._cap = cap
        self._error = error
        self._name = name
        self._ratio = max_ratio
        self._slack = slack
        self._in = 0
        self._d = zlib.decompressobj(wbits=31)
        self._pending = b""  # decompressed, not yet returned
        self._out = 0
        self._eof = False
        self._started = False
        # a reader of records (WARC) sets this: a stream cut short then ends where it ends, with ``truncated`` set, so
        # that every whole record before the cut is still read; the reader reports the cut afterwards
        self.lenient = False
        self.truncated = False

    def readable(self) -> bool:
        return True

    def _fill(self, want: int) -> None:
        while not self._pending and not self._eof:
            if self._d.eof:
                rest = self._d.unused_data
                self._d = zlib.decompressobj(wbits=31)
                if not rest:
                    rest = self._raw.read(CHUNK) or b""
                    self._in += len(rest)
                    if not rest:
                        self._eof = True
                        return
                if rest.strip(b"\x00") == b"":  # zero padding after the last member
                    self._eof = True
                    return
                chunk = rest
            else:
                chunk = self._d.unconsumed_tail
                if not chunk:
                    chunk = self._raw.read(CHUNK) or b""
                    self._in += len(chunk)
                if not chunk:
                    if self._started and not self._d.eof:
                        if not self.lenient:
                            raise InputError(self._name, TRUNCATED_GZIP)
                        self.truncated = True
                    self._eof = True
                    return
            self._started = True
            try:
                # bounded output per call: a small compressed chunk of zeros must not expand in one go
                out = self._d.decompress(chunk, max(want, CHUNK))
            except zlib.error as e:
                raise InputError(self._name, f"corrupt gzip data: {e}") from e
            self._out += len(out)
            if self._out > self._cap:
                raise self._error
            if self._ratio and self._out > self._slack and self._out > self._ratio * self._in:
                raise InputError(
                    self._name,
                    f"gzip data expands over {self._ratio:.0f} times its compressed size (a compression bomb?): refused, not expanded",
                )
            self._pending = out

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        self._fill(len(b))
        if not self._pending:
            return 0
        n = min(len(b), len(self._pending))
        b[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def bomb(name: str, cap: int, setting: str) -> InputError:
    env = "NEWSFUSE_" + setting.upper()
    return InputError(
        name, f"gzip data expands past the {mb(cap)} cap (a compression bomb?): refused, not expanded; raise {env} if it is real"
    )


class LineGuard(_Guarded):
    """Raises ``error`` when more than ``limit`` bytes pass without a line break.

    Line-oriented parsers (warcio's header reader) buffer a whole line before looking at it, some with quadratic
    copying: a huge "line" would take them minutes or all memory. Real records never come near the limit."""

    def __init__(self, raw: Readable, limit: int, error: InputError) -> None:
        super().__init__(raw, error)
        self._limit = limit
        self._run = 0

    def _check(self, data: bytes) -> bool:
        nl = data.rfind(b"\n")
        self._run = self._run + len(data) if nl < 0 else len(data) - nl - 1
        return self._run <= self._limit


def read_capped(stream: Readable, cap: int, error: InputError) -> bytes:
    """All of ``stream``, or ``error`` raised as soon as it proves longer than ``cap``."""
    buf = bytearray()
    while True:
        chunk = stream.read(min(CHUNK, cap + 1 - len(buf)) or 1) or b""
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > cap:
            raise error


def gunzip(name: str, data: bytes, cap: int, setting: str = "max_input_bytes") -> bytes:
    """Decompress gzip ``data`` (all members), refusing output over ``cap`` without expanding further."""
    err = bomb(name, cap, setting)
    return read_capped(io.BufferedReader(Gunzip(io.BytesIO(data), cap, err, name)), cap, err)
