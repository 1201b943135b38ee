"""Plain-text articles: a headline line, metadata lines, then the body."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..model import Meta
from ..settings import Settings
from .base import OWN_OUTPUT, RawDoc, own_output, register
from .decode import decode
from .ids import file_stem


class TextReader:
    kind = "text"

    def sniff(self, name: str, head: bytes) -> bool:
        return True  # the fallback: anything that decodes as text

    def read(self, name: str, data: bytes, settings: Settings) -> Iterator[RawDoc | InputError]:
        if own_output(data):
            yield InputError(name, OWN_OUTPUT)
            return
        text, enc = decode(name, data)
        doc = RawDoc(source_id=file_stem(name), text=text, meta=Meta(kind=self.kind), origin=name, header=True)
        if enc not in {"utf-8", "utf-8-sig", "ascii"}:
            doc.warnings.append(f"not UTF-8: decoded as {enc}")
            doc.meta.extra["encoding"] = enc
        yield doc


register(TextReader())
