"""What an input reader produces and the registry of readers (one module per input kind)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol, runtime_checkable

from ..errors import InputError
from ..model import Meta
from ..settings import Settings

# What newsfuse writes carries a mark, so that an output written among its inputs ("-o stories/brief.md") is never
# read back as one more source, which would seem to corroborate every fact it repeats.
HTML_MARK = b'<meta name="generator" content="newsfuse">'  # in the head of every HTML report
MARKDOWN_MARK = "<!-- written by newsfuse -->"  # the last line of every Markdown output (a renderer shows nothing)
OWN_OUTPUT = "a newsfuse output, not an article: left out"


def own_output(data: bytes) -> bool:
    """Whether the bytes are an output of newsfuse: an HTML report, a Markdown brief or reading, or JSON of one of
    its schemas ("newsfuse/brief@1", "newsfuse/reading@1", "newsfuse/stories@1")."""
    head = data[:4096]
    opening = head.lstrip()[:16].lower()
    if opening.startswith((b"<!doctype html", b"<html")) and HTML_MARK in head:
        return True
    if data.rstrip().endswith(MARKDOWN_MARK.encode()):
        return True
    return re.match(rb'\s*\{\s*"schema"\s*:\s*"newsfuse/', head) is not None


@dataclass(slots=True)
class RawDoc:
    """One article's text as an input reader found it, before cleaning.

    ``header`` asks the cleaner to read leading metadata lines (headline, ``date ...``, ``By ...``); readers whose
    format carries metadata in fields (JSON, HTML) leave it off.
    """

    source_id: str
    text: str
    meta: Meta
    origin: str
    header: bool = False
    warnings: list[str] = field(default_factory=list)


class Reader(Protocol):
    kind: str

    def sniff(self, name: str, head: bytes) -> bool:
        """True when the first bytes (and the name) look like this kind of input."""
        ...

    def read(self, name: str, data: bytes, settings: Settings) -> Iterator[RawDoc | InputError]:
        """Yield the articles of one input, and an InputError for each part that cannot be read.

        Raise InputError when nothing of the input can be read.
        """
        ...


@runtime_checkable
class StreamReader(Reader, Protocol):
    """A reader of inputs too large to hold in memory (archives): it is handed a stream instead of the bytes.

    ``read_docs`` calls :meth:`read_stream` for such a reader, with the input's size checked against the
    ``max_archive_bytes`` cap rather than ``max_input_bytes``; :meth:`read` is still used for bytes already in memory.
    """

    def read_stream(self, name: str, stream: BinaryIO, settings: Settings) -> Iterator[RawDoc | InputError]:
        """Like :meth:`read`, reading ``stream`` (positioned at the input's first byte) incrementally."""
        ...


READERS: list[Reader] = []


def register(reader: Reader) -> Reader:
    READERS.append(reader)
    return reader
