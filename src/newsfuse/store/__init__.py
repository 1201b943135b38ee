"""Storage of articles, their readings, stories, near-duplicate links and cached briefs.

One small interface, :class:`Store`; :class:`~newsfuse.store.sqlite.SqliteStore` is the embedded default (one file).
A server database can follow by implementing the same methods. The schema is documented in ``docs/store.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..group.features import Features
from ..model import Article, Entity


@dataclass(slots=True)
class StoredFeatures:
    """One article's row in the features table, in arrival order."""

    article_id: str
    seq: int
    features: Features
    signature: np.ndarray
    text_hash: str
    story_id: str | None


@dataclass(frozen=True, slots=True)
class Link:
    """``article`` repeats ``other`` (stored earlier): exact copy, near-copy or reused sentences."""

    article: str
    other: str
    kind: str
    similarity: float


@dataclass(slots=True)
class StoryRow:
    id: str
    seq: int
    articles: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """What listing a story needs of an article, without loading its text."""

    id: str
    seq: int
    source_id: str
    title: str | None
    outlet: str | None
    published: str | None
    read_state: str
    publisher: str | None = None  # who published it: an aggregator item's origin, else the outlet


class Store(Protocol):
    """What the rest of newsfuse needs of a store. Writes happen inside :meth:`transaction`."""

    path: str

    def close(self) -> None: ...

    def transaction(self) -> AbstractContextManager[None]: ...

    # articles
    def has_article(self, article_id: str) -> bool: ...

    def has_input(self, input_key: str) -> bool: ...

    def put_article(self, article: Article, input_key: str) -> bool: ...

    def get_article(self, article_id: str) -> Article | None: ...

    def get_articles(self, article_ids: Sequence[str]) -> list[Article]: ...

    def article_rows(self, article_ids: Collection[str] | None = None) -> list[ArticleRow]: ...

    def count_articles(self) -> int: ...

    def openings(self, article_ids: Collection[str], chars: int) -> dict[str, str]: ...

    def pending(self, limit: int | None = None) -> list[str]: ...

    def put_reading(self, article: Article, entities: Sequence[Entity]) -> None: ...

    def put_read_failure(self, article_id: str, reason: str) -> None: ...

    def read_failures(self) -> list[tuple[str, str, str]]: ...

    # features for assignment and near-duplicates
    def put_features(self, article_id: str, features: Features, signature: np.ndarray, text_hash: str) -> None: ...

    def iter_features(self) -> Iterator[StoredFeatures]: ...

    def find_text_hash(self, text_hash: str) -> str | None: ...

    def put_sentence_keys(self, article_id: str, keys: Sequence[tuple[int, int]]) -> None: ...

    def sentence_hits(self, keys: Collection[int]) -> list[tuple[int, str, int]]: ...

    # stories
    def new_story(self, story_id: str) -> None: ...

    def assign(self, article_id: str, story_id: str, score: float) -> None: ...

    def merge_stories(self, src: str, dst: str) -> None: ...

    def story_of(self, article_id: str) -> str | None: ...

    def resolve_story(self, story_id: str) -> str | None: ...

    def stories(self) -> list[StoryRow]: ...

    def story_article_ids(self, story_id: str) -> list[str]: ...

    def articles_of_story(self, story_id: str) -> list[Article]: ...

    # near-duplicate links
    def put_link(self, link: Link) -> None: ...

    def links(self, article_ids: Collection[str]) -> list[Link]: ...

    # entities
    def entities_of(self, article_ids: Collection[str]) -> list[Entity]: ...

    # briefs
    def get_brief(self, story_id: str, key: str) -> dict[str, Any] | None: ...

    def put_brief(self, story_id: str, key: str, doc: dict[str, Any]) -> None: ...

    # checks
    def integrity(self) -> list[str]: ...


@contextmanager
def writer_lock(path: str, on_wait: Callable[[], object] | None = None) -> Iterator[None]:
    """One writer at a time per store: a second ``ingest`` on the same file waits here until the first is done, then
    loads the stories as they are (each process keeps its story clustering in memory, so two at once would each place
    articles without seeing the other's). SQLite alone keeps every transaction whole, not this. ``:memory:`` and
    systems without ``fcntl`` take no lock. ``on_wait`` is called when the lock is held by another process."""
    if path == ":memory:":
        yield
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    refuse_non_store(path)  # before the lock file is made: a refused path leaves nothing behind
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(f"{path}.lock", "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()  # say why nothing happens yet
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


SQLITE_HEADER = b"SQLite format 3\x00"


def is_sqlite_file(path: str | Path) -> bool:
    """The file opens with SQLite's header (a newsfuse store, or another program's database). Only a regular file is
    opened: opening a named pipe would wait for a writer."""
    try:
        if not Path(path).is_file():
            return False
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def refuse_non_store(path: str) -> None:
    """Raise :class:`~newsfuse.store.sqlite.StoreError` when ``path`` is a file with content that is no SQLite
    database (an article given as ``--db`` by mistake): it is never written to, nor is a lock file made beside it."""
    from .sqlite import StoreError

    p = Path(path)
    if path != ":memory:" and p.is_file() and p.stat().st_size > 0 and not is_sqlite_file(p):
        raise StoreError(f"{path} is not a newsfuse store (not an SQLite file); pass another --db")


def open_store(path: str) -> Store:
    """The store at ``path`` (an SQLite file, created when missing; ``:memory:`` for a throwaway one)."""
    from .sqlite import SqliteStore

    return SqliteStore(path)


__all__ = ["ArticleRow", "Link", "Store", "StoredFeatures", "StoryRow", "is_sqlite_file", "open_store", "refuse_non_store", "writer_lock"]
