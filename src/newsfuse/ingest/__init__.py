"""Ingest: inputs (files, folders, stdin) to cleaned :class:`~newsfuse.model.Article` records.

One module per input kind registers a reader; :func:`load` expands the inputs, detects each one's kind, reads it,
cleans it and reports every input it could not read with its reason. One bad input never stops a batch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Article, Rejected
from ..settings import Settings
from . import jsonl, text  # noqa: F401  (registers the readers)
from .base import READERS, RawDoc, Reader
from .clean import build_article, repeated_lines

EXTENSIONS = {".json": "json", ".jsonl": "json", ".ndjson": "json", ".txt": "text", ".text": "text", ".md": "text"}


@dataclass(slots=True)
class Batch:
    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


def expand(inputs: Iterable[str | Path]) -> Iterator[str]:
    """Files named, files under folders (sorted, hidden ones skipped), or ``-`` for stdin."""
    for item in inputs:
        s = str(item)
        if s == "-":
            yield s
            continue
        p = Path(s)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    if f.name.lower() in {"readme.md", "expected.json", "readme.txt", "license"}:
                        continue
                    yield str(f)
        else:
            yield s


def read_bytes(name: str, settings: Settings) -> bytes:
    cap = settings.max_input_bytes
    if name == "-":
        data = sys.stdin.buffer.read(cap + 1)
    else:
        p = Path(name)
        if not p.exists():
            raise InputError(name, "no such file or folder")
        size = p.stat().st_size
        if size > cap:
            raise InputError(
                name, f"{size / 1e6:.1f} MB is over the {cap / 1e6:.0f} MB input cap; raise NEWSFUSE_MAX_INPUT_BYTES to read it"
            )
        try:
            data = p.read_bytes()
        except OSError as e:
            raise InputError(name, f"cannot read: {e.strerror}") from e
    if len(data) > cap:
        raise InputError(name, f"over the {cap / 1e6:.0f} MB input cap; raise NEWSFUSE_MAX_INPUT_BYTES to read it")
    return data


def detect(name: str, data: bytes) -> Reader:
    """The reader for an input: sniffed from its first bytes, the extension breaking ties; plain text last."""
    head = data[:4096]
    ext = Path(name).suffix.lower()
    by_kind = {r.kind: r for r in READERS}
    if ext in EXTENSIONS and EXTENSIONS[ext] in by_kind and EXTENSIONS[ext] != "text":
        return by_kind[EXTENSIONS[ext]]
    for r in READERS:
        if r.kind != "text" and r.sniff(name, head):
            if ext in EXTENSIONS and EXTENSIONS[ext] == "text" and r.kind == "json":
                continue
            return r
    return by_kind["text"]


def read_docs(inputs: Iterable[str | Path], settings: Settings) -> Iterator[RawDoc | InputError]:
    for name in expand(inputs):
        try:
            data = read_bytes(name, settings)
            reader = detect(name, data)
            produced = False
            for item in reader.read(name, data, settings):
                produced = True
                yield item
            if not produced:
                yield InputError(name, f"no article found in this {reader.kind} input")
        except InputError as e:
            yield e


def load(inputs: Iterable[str | Path], settings: Settings | None = None) -> Batch:
    """Read and clean every input; unreadable ones go to ``rejected`` with their reason."""
    settings = settings or Settings.load()
    batch = Batch()
    docs: list[RawDoc] = []
    for item in read_docs(inputs, settings):
        if isinstance(item, InputError):
            batch.rejected.append(Rejected(item.input, item.reason))
        else:
            docs.append(item)
            batch.warnings.extend((item.origin, w) for w in item.warnings)
    # first pass gives each doc its outlet (from metadata lines), the second cuts lines an outlet repeats
    first = [build_article(d) for d in docs]
    extra = repeated_lines(docs, {a.source_id: a.meta.outlet for a in first})
    seen: dict[str, str] = {}
    used_ids: dict[str, int] = {}
    for d, a in zip(docs, first, strict=True):
        if d.source_id in extra:
            a = build_article(d, extra[d.source_id])
        if len(a.text.strip()) < settings.min_text_chars:
            batch.rejected.append(Rejected(d.origin, f"no article text left after cleaning ({len(a.text.strip())} characters)"))
            continue
        if a.id in seen:
            batch.warnings.append((d.origin, f"same article as {seen[a.id]}: read once"))
            continue
        seen[a.id] = d.origin
        n = used_ids.get(a.source_id, 0)
        used_ids[a.source_id] = n + 1
        if n:
            a.source_id = f"{a.source_id}-{n + 1}"
        if not a.meta.language:
            a.meta.language = _language(a.text)
        batch.articles.append(a)
    return batch


def _language(text: str) -> str | None:
    try:
        import py3langid as langid
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    lang, _ = langid.classify(text[:2000])
    return str(lang)


__all__ = ["Batch", "RawDoc", "load", "expand", "detect", "read_docs"]
