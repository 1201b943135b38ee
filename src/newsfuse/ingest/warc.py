"""WARC web archives (plain or gzip): every HTML response record is an article.

The archive is streamed with warcio, one record at a time, never read whole: its size is capped by
``max_archive_bytes`` (counted uncompressed) and each page by ``max_input_bytes``. Request, metadata, revisit and
non-HTML records, and responses other than 2xx, are skipped. Each article's ``source_id`` comes from the record's
target URI (sanitized, unique within the archive); a page without an article body is reported and the rest goes on.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..settings import Settings
from .base import RawDoc, register
from .html import page_doc
from .ids import UniqueIds, file_stem, url_id
from .streams import LineGuard, mb, over_cap, read_capped

HTML_TYPES = ("text/html", "application/xhtml+xml")
BLOCK = 1 << 18  # warcio's read size: larger than its default, so its line reader stays fast on long lines


def looks_warc(head: bytes) -> bool:
    return head.lstrip(b"\r\n")[:7] in (b"WARC/1.", b"WARC/0.")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            return v.strip().strip("\"'")
    return None


class WarcReader:
    kind = "warc"

    def sniff(self, name: str, head: bytes) -> bool:
        return looks_warc(head)

    def read(self, name: str, data: bytes, settings: Settings) -> Iterator[RawDoc | InputError]:
        yield from self.read_stream(name, io.BytesIO(data), settings)

    def read_stream(self, name: str, stream: BinaryIO, settings: Settings) -> Iterator[RawDoc | InputError]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        ids = UniqueIds()
        seen = {"records": 0, "html": 0}
        errors: list[str] = []  # HTTP statuses of the error responses skipped
        limit = max(settings.max_input_bytes, 1_000_000)
        guarded = io.BufferedReader(
            LineGuard(stream, limit, InputError(name, f"not a readable WARC archive: over {mb(limit)} without a line break")), BLOCK
        )
        try:
            for rec in ArchiveIterator(guarded, block_size=BLOCK):
                seen["records"] += 1
                if rec.rec_type not in ("response", "resource"):
                    continue
                uri = (rec.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
                if rec.rec_type == "response":
                    if rec.http_headers is None:
                        continue
                    status = str(rec.http_headers.get_statuscode() or "")
                    if not status.startswith("2"):
                        if status[:1] in {"4", "5"}:  # an error page: no article, but said if nothing else is read
                            errors.append(status)
                        continue
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = rec.rec_headers.get_header("Content-Type") or ""
                if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                    continue
                seen["html"] += 1
                where = f"{name}#{uri}" if uri else f"{name}#record-{seen['records']}"
                try:
                    data = read_capped(
                        rec.content_stream(), settings.max_input_bytes, over_cap(where, settings.max_input_bytes, "max_input_bytes", "page")
                    )
                    missing = getattr(rec.raw_stream, "limit", 0) or 0
                    if missing > 0:  # the archive ends inside this record: its page is cut short
                        yield InputError(where, f"truncated record: the archive ends {missing} bytes before this record does")
                        continue
                    sid = ids(url_id(uri) if uri else f"{file_stem(name)}-{seen['records']}")
                    doc = page_doc(where, data, settings, url=uri or None, charset=_charset(ctype), source_id=sid)
                except InputError as e:
                    if e.input != where:  # the archive itself failed (truncated, over its cap): stop here
                        raise
                    yield e
                    continue
                except (ValueError, LookupError, RecursionError) as e:  # one page a parser chokes on: that page only
                    yield InputError(where, f"could not be read: {type(e).__name__}: {e}".replace("\n", " ")[:300])
                    continue
                doc.meta.extra["archive"] = name
                fetched = rec.rec_headers.get_header("WARC-Date")
                if fetched:
                    doc.meta.extra["fetched"] = fetched
                yield doc
        except ArchiveLoadFailed as e:
            raise InputError(name, f"not a readable WARC archive after {seen['records']} records: {e}".replace("\n", " ")) from e
        except (AttributeError, ValueError) as e:  # warcio on a record header cut short (no target URI, no length)
            raise InputError(
                name, f"not a readable WARC archive after {seen['records']} records: a record header is malformed or cut short"
            ) from e
        if not seen["html"]:
            said = f"; {len(errors)} error responses skipped (HTTP {', '.join(sorted(set(errors)))})" if errors else ""
            raise InputError(name, f"no HTML response records in this WARC archive ({seen['records']} records{said})")


register(WarcReader())
