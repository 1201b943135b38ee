"""Ingest: inputs (files, folders, globs, stdin, URLs) to cleaned :class:`~newsfuse.model.Article` records.

One module per input kind registers a reader: plain text (``text``), JSON / JSON Lines incl. news-please (``jsonl``),
HTML pages (``html``), RSS/Atom feeds (``feed``), WARC archives (``warc``), gzip (``gz``, read again after a capped
decompression); URLs are fetched by ``url`` when ``allow_fetch`` is on. :func:`load` expands the inputs, detects each
one's kind from its first bytes (then its extension), reads it, cleans it and reports every input it could not read
with its reason. Every input is capped in size (``max_input_bytes``; archives, which are streamed, ``max_archive_bytes``).
One bad input, however bad, never stops a batch.
"""

from __future__ import annotations

import functools
import io
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import Article, Rejected
from ..settings import Settings
from . import feed, gz, html, jsonl, url, warc  # noqa: F401  (registers the readers)
from . import text as _text  # noqa: F401  (the plain-text reader, registered last: the fallback)
from .base import OWN_OUTPUT, READERS, RawDoc, Reader, StreamReader
from .clean import build_article, repeated_lines
from .dates import still_to_come
from .ids import UniqueIds, is_url
from .streams import Capped, Replay, over_cap, read_capped

EXTENSIONS = {
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".gz": "gzip",
    ".tgz": "gzip",
}
# Content signals, strongest first: each reader's sniff() decides on the input's first bytes.
SNIFF_ORDER = ("gzip", "warc", "feed", "html", "json")
HEAD = 8192
_GLOB_CHARS = set("*?[")


@dataclass(slots=True)
class Batch:
    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


def expand(inputs: Iterable[str | Path]) -> Iterator[str]:
    """Files named, files under folders (sorted, hidden ones skipped), glob patterns (``*``, ``?``, ``[``; ``**``
    recursive) expanded, URLs as given, or ``-`` for stdin. A pattern matching nothing is passed on as is, so it is
    reported as missing. A file named twice (a folder given twice, a file and its folder) is read once."""
    seen: set[str] = set()
    for name in _expand_all(inputs):
        key = name if name == "-" or is_url(name) else os.path.abspath(name)
        if key in seen and name != "-":
            continue  # a second "-" is reported by the reading
        seen.add(key)
        yield name


def _expand_all(inputs: Iterable[str | Path]) -> Iterator[str]:
    for item in inputs:
        s = str(item)
        if s == "-" or is_url(s):
            yield s
            continue
        try:
            names = list(_expand_one(s))
        except (OSError, ValueError):  # a name too long for the file system, a NUL in it: reading it reports why
            names = [s]
        yield from names


def _expand_one(s: str) -> Iterator[str]:
    p = Path(s)
    if not p.exists() and _GLOB_CHARS & set(s):
        matches = sorted(_glob(s))
        if matches:
            yield from expand(matches)  # hidden ones already left out
            return
    if p.is_dir():
        found = False
        # rglob does not follow links to folders: a link loop cannot trap it. Whatever is not a folder is passed on, a
        # broken link or a pipe too: reading it reports what it is, rather than skipping it without a word
        files = [f for f in sorted(p.rglob("*")) if not f.is_dir() and not any(part.startswith(".") for part in f.relative_to(p).parts)]
        stores = _store_files(files)
        for f in files:
            if f.name.lower() in {"readme.md", "expected.json", "readme.txt", "license"} or f in stores:
                continue
            found = True
            yield str(f)
        if not found:
            yield s  # reading it reports the folder as holding nothing to read
    else:
        yield s


_STORE_SIDECARS = (".lock", "-wal", "-shm", "-journal")


def _store_files(files: list[Path]) -> set[Path]:
    """The SQLite databases among a folder's files (a store kept beside the articles: ``ingest DIR --db DIR/news.db``)
    and the files SQLite and newsfuse keep next to them: no article is in them."""
    from ..store import is_sqlite_file

    stores = {f for f in files if is_sqlite_file(f)}
    return stores | {f.with_name(f.name + suffix) for f in stores for suffix in _STORE_SIDECARS}


def _glob(pattern: str) -> list[str]:
    """Matches of a glob pattern, ``**`` recursive, without following links to folders (``glob.glob`` follows them,
    and a link loop makes it run for ever)."""
    parts = Path(pattern).parts
    k = next((i for i, part in enumerate(parts) if _GLOB_CHARS & set(part)), len(parts))
    root = Path(*parts[:k]) if k else Path(".")
    rest = str(Path(*parts[k:])) if k < len(parts) else ""
    if not rest:
        return [pattern] if root.exists() else []
    # hidden files and folders are skipped, as glob.glob and folder reading skip them
    return [str(m) for m in root.glob(rest) if not any(part.startswith(".") for part in m.relative_to(root).parts)]


def read_bytes(name: str, settings: Settings, cap: int | None = None) -> bytes:
    """All bytes of a file (or stdin for ``-``), refused with a clear reason over ``cap`` (default ``max_input_bytes``)."""
    cap = settings.max_input_bytes if cap is None else cap
    setting = "max_input_bytes" if cap == settings.max_input_bytes else "max_archive_bytes"
    if name == "-":
        return read_capped(sys.stdin.buffer, cap, over_cap(name, cap, setting))
    p = Path(name)
    if not p.exists():
        raise InputError(name, "no such file or folder")
    size = p.stat().st_size
    if size > cap:
        raise over_cap(name, cap, setting, size=size)
    try:
        with p.open("rb") as f:
            return read_capped(f, cap, over_cap(name, cap, setting))
    except OSError as e:
        raise InputError(name, f"cannot read: {e.strerror}") from e


def detect(name: str, data: bytes, content_type: str | None = None) -> Reader:
    """The reader for an input, from its content first: gzip magic, ``WARC/1.``, an RSS/Atom/RDF root, an HTML
    doctype or root, JSON; then its extension (or a served ``content_type``); plain text last. JSON in a file named
    as text (``.txt``, ``.md``) stays text."""
    head = data[:HEAD]
    ext = Path(name.split("?", 1)[0].split("#", 1)[0]).suffix.lower()
    by_kind = {r.kind: r for r in READERS}
    for kind in SNIFF_ORDER:
        r = by_kind.get(kind)
        if r is not None and r.sniff(name, head):
            if kind == "json" and EXTENSIONS.get(ext) == "text":
                continue
            return r
    if ext in EXTENSIONS:
        return by_kind[EXTENSIONS[ext]]
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype:
        if "html" in ctype:
            return by_kind["html"]
        if any(t in ctype for t in ("rss", "atom", "xml")):
            return by_kind["feed"]
        if "json" in ctype:
            return by_kind["json"]
        if "warc" in ctype:
            return by_kind["warc"]
    return by_kind["text"]


def _read_input(name: str, settings: Settings, fetcher: url.Fetcher) -> Iterator[RawDoc | InputError]:
    """The articles of one input: sniff its head, then stream it to an archive reader or read it whole (capped)."""
    if is_url(name):
        yield from url.read_url(name, settings, fetcher)
        return
    stream: BinaryIO
    if name == "-":
        stream = sys.stdin.buffer
        size = None
    else:
        p = Path(name)
        if not p.exists():
            raise InputError(name, "a link to a file that does not exist" if p.is_symlink() else "no such file or folder")
        if p.is_dir():
            raise InputError(name, "a folder with no files to read in it (hidden files, README, LICENSE and expected.json are skipped)")
        if not p.is_file():
            raise InputError(name, "not a regular file")
        size = p.stat().st_size
        try:
            stream = p.open("rb")
        except OSError as e:
            raise InputError(name, f"cannot read: {e.strerror}") from e
    try:
        head = stream.read(HEAD)
        reader = detect(name, head)
        if isinstance(reader, StreamReader):
            cap = settings.max_archive_bytes
            if size is not None and size > cap:
                raise over_cap(name, cap, "max_archive_bytes", "archive", size=size)
            body = Capped(stream, max(cap - len(head), 0), over_cap(name, cap, "max_archive_bytes", "archive"))
            items = reader.read_stream(name, io.BufferedReader(Replay(head, body)), settings)
        else:
            cap = settings.max_input_bytes
            if size is not None and size > cap:
                raise over_cap(name, cap, "max_input_bytes", size=size)
            data = (
                head + read_capped(stream, max(cap - len(head), 0), over_cap(name, cap, "max_input_bytes")) if len(head) == HEAD else head
            )
            if len(data) > cap:
                raise over_cap(name, cap, "max_input_bytes")
            items = reader.read(name, data, settings)
        produced = False
        for item in items:
            produced = True
            yield item
        if not produced:
            raise InputError(name, f"no article found in this {reader.kind} input")
    finally:
        if name != "-":
            stream.close()


def read_docs(inputs: Iterable[str | Path], settings: Settings) -> Iterator[RawDoc | InputError]:
    """Every input's articles, and an :class:`InputError` with its reason for each input (or part) not read.

    One input failing, however it fails, never stops the others."""
    fetcher = url.Fetcher(settings)
    stdin_read = False
    try:
        for name in expand(inputs):
            if name == "-":
                if stdin_read:
                    yield InputError(name, "standard input given twice: it is read once, at its first '-'")
                    continue
                stdin_read = True
            try:
                yield from _read_input(name, settings, fetcher)
            except InputError as e:
                yield e
            except RecursionError:
                yield InputError(name, "nested too deeply to read")
            except MemoryError:
                yield InputError(name, "too large to read in memory")
            except Exception as e:  # a reader's bug or a library's crash on hostile input stops this input only
                yield InputError(name, f"could not be read: {type(e).__name__}: {e}".replace("\n", " ")[:300])
    finally:
        fetcher.close()


def load(inputs: Iterable[str | Path], settings: Settings | None = None) -> Batch:
    """Read and clean every input; unreadable ones go to ``rejected`` with their reason."""
    settings = settings or Settings.load()
    batch = Batch()
    docs: list[RawDoc] = []
    for item in read_docs(inputs, settings):
        if isinstance(item, InputError) and item.reason == OWN_OUTPUT:
            batch.warnings.append((item.input, item.reason))  # left out on purpose: nothing failed
        elif isinstance(item, InputError):
            batch.rejected.append(Rejected(item.input, item.reason))
        else:
            docs.append(item)
    # one batch, one id per source: "a.txt" in two folders, or "a.txt" next to "a-2.txt", must not share an id (the
    # cleaning below and every span of the brief are keyed by it)
    unique = UniqueIds()
    for d in docs:
        d.source_id = unique(d.source_id)
    # first pass gives each doc its outlet (from metadata lines), the second cuts lines an outlet repeats
    first: list[Article] = []
    built: list[RawDoc] = []
    for d in docs:
        try:
            first.append(build_article(d))
            built.append(d)
        except Exception as e:  # a cleaner's bug on one odd text stops that input only
            batch.rejected.append(Rejected(d.origin, f"could not be cleaned: {type(e).__name__}: {e}".replace("\n", " ")[:300]))
        batch.warnings.extend((d.origin, w) for w in d.warnings)  # the reader's, and the cleaner's (a header's date)
    docs = built
    # one outlet's article read twice (its page and its feed item, a WARC holding two captures) is read once: left in,
    # every line of it would recur in that outlet and be cut as boilerplate from both copies
    copies = _copies(docs, [a.meta.outlet for a in first])
    for i, j in copies.items():
        batch.warnings.append((docs[i].origin, f"same article as {docs[j].origin} (same outlet): read once"))
    docs = [d for i, d in enumerate(docs) if i not in copies]
    first = [a for i, a in enumerate(first) if i not in copies]
    extra = repeated_lines(docs, {a.source_id: a.meta.outlet for a in first})
    seen: dict[str, str] = {}
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
        if a.meta.published is not None and still_to_come(a.meta.published):
            batch.warnings.append((d.origin, f"dated {a.meta.published.isoformat()}, a date still to come: left undated"))
            a.meta.published = None
        if not a.meta.language:
            a.meta.language = _language(a.text)
        if a.meta.language and not a.meta.language.lower().startswith("en") and _surely_not_english(a.text):
            batch.warnings.append(
                (
                    d.origin,
                    f"the text reads as language {a.meta.language!r}: it is read with the English model, so its names, numbers and dates may be wrong",
                )
            )
        batch.articles.append(a)
    return batch


def _copies(docs: list[RawDoc], outlets: list[str | None], share: float = 0.8) -> dict[int, int]:
    """Docs that repeat an earlier doc of the same outlet, ``index -> index of the earlier doc``: at least ``share``
    of the longer one's lines (of 20 characters or more) are the same. Lines found in many docs (boilerplate) are no
    evidence and are skipped, which also keeps this linear in the number of docs."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    lines_of: list[set[str]] = []
    out: dict[int, int] = {}
    for i, d in enumerate(docs):
        keys = {re.sub(r"\s+", " ", ln.strip().lower()) for ln in d.text.splitlines() if len(ln.strip()) >= 20}
        lines_of.append(keys)
        outlet = (outlets[i] or "").strip().lower()
        if not outlet or not keys:
            continue
        counts: Counter[int] = Counter()
        for k in keys:
            hits = index.get((outlet, k), ())
            if len(hits) <= 20:
                counts.update(hits)
        for j, n in counts.most_common(3):
            if n >= share * max(len(keys), len(lines_of[j])):
                out[i] = j
                break
        else:
            for k in keys:
                index[(outlet, k)].append(i)
    return out


SURE_LANGUAGE = 0.9  # how sure the language identifier must be that a text is in another language to say so
SURE_LANGUAGE_CHARS = 200  # and the text this long at least: a headline-length line is often misread


def _surely_not_english(text: str) -> bool:
    """The identifier is sure (:data:`SURE_LANGUAGE`) that a text long enough is in a language other than English."""
    if len(text) < SURE_LANGUAGE_CHARS:
        return False
    lang, p = _identify(text[:2000])
    return lang != "en" and p >= SURE_LANGUAGE


@functools.lru_cache(maxsize=64)
def _identify(head: str) -> tuple[str, float]:
    """The language of a text's opening and how sure the identifier is (a probability): one pass per text, whether it
    names the article's language or decides a warning."""
    return _identifier().classify(head)  # type: ignore[no-any-return]


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _language(text: str) -> str | None:
    return str(_identify(text[:2000])[0])


__all__ = ["Batch", "RawDoc", "detect", "expand", "load", "read_bytes", "read_docs"]
