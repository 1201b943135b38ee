"""Bytes to text: BOMs, UTF-8, legacy encodings detected, binary refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def looks_binary(data: bytes) -> bool:
    """True for data that no text encoding explains: NUL bytes or many control bytes."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return control / len(sample) > 0.05


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Raise :class:`InputError` for empty, binary or undecodable data."""
    if not data.strip():
        raise InputError(name, "empty input: nothing to read")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(name, f"starts with a {enc} byte-order mark but does not decode as {enc}: {e.reason}") from e
    if looks_binary(data):
        raise InputError(name, "binary data, not text (NUL or control bytes); give a text, HTML, JSON, feed or WARC file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        best = from_bytes(data[:200_000]).best()
        if best is None or best.encoding in {"utf_8", "ascii"} or best.chaos > 0.15:
            raise InputError(
                name,
                f"not valid UTF-8 (byte {err.start}: {err.reason}) and no other encoding explains it; re-save it as UTF-8",
            ) from err
        enc = best.encoding
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError) as e:
            raise InputError(name, f"not valid UTF-8 and not valid {enc} either; re-save it as UTF-8") from e
