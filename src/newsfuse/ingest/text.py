"""Plain-text articles: a headline line, metadata lines, then the body."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..model import Meta
from ..settings import Settings
from .base import RawDoc, register
from .decode import decode


class TextReader:
    kind = "text"

    def sniff(self, name: str, head: bytes) -> bool:
        return True  # the fallback: anything that decodes as text

    def read(self, name: str, data: bytes, settings: Settings) -> Iterator[RawDoc | InputError]:
        text, enc = decode(name, data)
        doc = RawDoc(source_id=_stem(name), text=text, meta=Meta(kind=self.kind), origin=name, header=True)
        if enc not in {"utf-8", "utf-8-sig", "ascii"}:
            doc.warnings.append(f"not UTF-8: decoded as {enc}")
            doc.meta.extra["encoding"] = enc
        yield doc


def _stem(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    for ext in (".gz",):
        if base.lower().endswith(ext):
            base = base[: -len(ext)]
    return base.rsplit(".", 1)[0] if "." in base else base


register(TextReader())
