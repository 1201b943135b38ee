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


# The legacy encodings a web page or a saved text can be in (the WHATWG Encoding Standard), as Python codec names.
# Detection only picks among these: DOS code pages (cp775, cp850 ...) are not in use for news text, however well they
# score on a few accented letters.
WEB_ENCODINGS = frozenset(
    {
        *("cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "gbk", "gb18030", "big5", "euc_jp"),
        *("iso2022_jp", "shift_jis", "euc_kr", "latin-1", "iso8859-1"),
        *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
        *(f"cp{n}" for n in range(1250, 1259)),
    }
)
WEB = frozenset(codecs.lookup(e).name for e in WEB_ENCODINGS)
LATIN1 = {"latin-1", "iso8859-1", "ascii"}  # labels the web reads as windows-1252
MAX_CHAOS = 0.15


def legacy_encoding(data: bytes) -> str | None:
    """The web encoding that explains ``data`` best (it is not UTF-8), or None. Where windows-1252, the most common
    legacy encoding of Western text, explains it as well as the best ("naïve" reads as well in cp1250 as in cp1252
    to a detector), it is chosen."""
    matches = [(codecs.lookup(m.encoding).name, m.chaos) for m in from_bytes(data[:200_000]) if m.chaos <= MAX_CHAOS]
    web = [(("cp1252" if e in LATIN1 else e), c) for e, c in matches if e in WEB]
    if not web:
        return None
    best = min(c for _, c in web)
    if ("cp1252", best) in web:
        return "cp1252"
    chosen = next(e for e, c in web if c == best)
    try:  # curly quotes and dashes only: every Windows code page reads them alike, so say the common one
        if data.decode("cp1252") == data.decode(chosen):
            return "cp1252"
    except (UnicodeDecodeError, LookupError):
        pass
    return chosen


_ARCHIVES = ((b"PK\x03\x04", "zip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"), (b"7z\xbc\xaf\x27\x1c", "7z"), (b"Rar!", "rar"))


def archive_kind(data: bytes) -> str | None:
    """The kind of archive the bytes are (a tar, maybe unpacked from its .gz already; zip, bzip2, xz, 7z, rar)."""
    if data[257:262] == b"ustar":
        return "tar"
    return next((kind for magic, kind in _ARCHIVES if data.startswith(magic)), None)


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 text saved without a byte-order mark (every other byte of its opening
    is NUL, the others are not), else None."""
    head = data[:400]
    if len(head) < 8:
        return None
    half = len(head) // 2
    even = sum(1 for b in head[0::2] if b == 0) / half
    odd = sum(1 for b in head[1::2] if b == 0) / half
    if odd > 0.6 and even < 0.05:
        return "utf-16-le"
    if even > 0.6 and odd < 0.05:
        return "utf-16-be"
    return None


def _mac_lines(text: str) -> str:
    """Text whose lines end in a carriage return alone (old Mac files) with line feeds instead, so its lines (title,
    outlet, date, paragraphs) are seen; other text as it is."""
    return text.replace("\r", "\n") if "\r" in text and "\n" not in text else text


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Raise :class:`InputError` for empty, binary or undecodable data."""
    text, enc = _decode(name, data)
    return _mac_lines(text), enc


def _decode(name: str, data: bytes) -> tuple[str, str]:
    if not data.strip():
        raise InputError(name, "empty input: nothing to read")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(name, f"starts with a {enc} byte-order mark but does not decode as {enc}: {e.reason}") from e
    wide = _bomless_utf16(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            pass
        else:
            if not any(ord(c) < 32 and c not in "\t\n\r\f" for c in text[:2000]):
                return text, wide
    if looks_binary(data):
        packed = archive_kind(data)
        if packed:
            raise InputError(name, f"a {packed} archive: not read (newsfuse reads .gz and WARC archives); unpack it and give its files")
        raise InputError(name, "binary data, not text (NUL or control bytes); give a text, HTML, JSON, feed or WARC file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        legacy = legacy_encoding(data)
        if legacy is None:
            raise InputError(
                name,
                f"not valid UTF-8 (byte {err.start}: {err.reason}) and no other encoding explains it; re-save it as UTF-8",
            ) from err
        try:
            return data.decode(legacy), legacy
        except (UnicodeDecodeError, LookupError) as e:
            raise InputError(name, f"not valid UTF-8 and not valid {legacy} either; re-save it as UTF-8") from e
