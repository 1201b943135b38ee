"""The public API: read articles, and fuse them into a brief."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .ingest import load
from .ingest.ids import UniqueIds
from .model import Article, Brief, Entity, Rejected
from .read.pipeline import Pipeline
from .settings import Settings

_PIPELINES: dict[Settings, Pipeline] = {}


def pipeline(settings: Settings | None = None) -> Pipeline:
    """The reading pipeline for these settings, built once per process (models load once)."""
    settings = settings or Settings.load()
    if settings not in _PIPELINES:
        _PIPELINES[settings] = Pipeline(settings)
    return _PIPELINES[settings]


@dataclass(slots=True)
class Reading:
    """What :func:`read` returns: the read articles, the entities linked across them, and what was refused."""

    articles: list[Article]
    entities: list[Entity]
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)


def read(
    inputs: Iterable[str | Path] | str | Path, settings: Settings | None = None, *, for_brief: bool = False, **overrides: Any
) -> Reading:
    """Ingest and read inputs (files, folders, ``-``). Unreadable inputs are listed in ``rejected``. ``for_brief``:
    an article too long to fuse (``max_fused_chars``) is left unread, for :func:`brief` to leave out: reading it
    would take minutes for nothing."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    settings = settings or Settings.load(overrides)
    batch = load(inputs, settings)
    limit = settings.max_fused_chars if for_brief else None
    kept = [a for a in batch.articles if limit is None or len(a.text) <= limit]
    unread = [a for a in batch.articles if limit is not None and len(a.text) > limit]
    # the story's date is the whole batch's: an undated article is read against it, an unread one's date too
    known = sorted(a.meta.published for a in batch.articles if a.meta.published)
    story = {a.id: statistics.median_low(known) for a in kept} if unread and known else None
    result = pipeline(settings).read(kept, story)
    return Reading(result.articles + unread, result.entities, batch.rejected + result.rejected, batch.warnings)


def read_articles(articles: list[Article], settings: Settings | None = None) -> Reading:
    """Read articles built in memory (tests, other front ends)."""
    result = pipeline(settings).read(articles)
    return Reading(result.articles, result.entities, result.rejected)


def brief(inputs: Iterable[str | Path] | str | Path | Reading, settings: Settings | None = None, **overrides: Any) -> Brief:
    """Read the inputs (or take a :class:`Reading`) and fuse them into one brief."""
    from .fuse import fuse

    settings = settings or Settings.load(overrides)
    reading = inputs if isinstance(inputs, Reading) else read(inputs, settings, for_brief=True)
    kept = [a for a in reading.articles if len(a.text) <= settings.max_fused_chars]
    too_long = [
        Rejected(
            a.origin or a.source_id,
            f"too long to fuse into a brief: {len(a.text):,} characters of text (max_fused_chars = {settings.max_fused_chars:,}); "
            "`newsfuse read` reads it, or raise the setting",
        )
        for a in reading.articles
        if len(a.text) > settings.max_fused_chars
    ]
    ids = {a.source_id for a in kept}
    entities = [replace(e, sources=[s for s in e.sources if s in ids]) for e in reading.entities if set(e.sources) & ids]
    b = fuse(kept, entities, settings)
    b.rejected = list(reading.rejected) + too_long
    b.warnings = list(reading.warnings)
    return b


# ---------------------------------------------------------------- stories from a stream (store and group)


@dataclass(slots=True)
class IngestReport:
    """What :func:`ingest` did: articles stored now, articles already stored, stories started, inputs refused."""

    stored: int = 0
    skipped: int = 0
    new_stories: int = 0  # stories started, by an article that fits no story or by a story split in two
    splits: int = 0
    merges: int = 0
    read: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)


def ingest(
    inputs: Iterable[str | Path] | str | Path,
    settings: Settings | None = None,
    *,
    read_now: bool = True,
    progress: Callable[[str, int], Callable[[int], object]] | None = None,
    on_wait: Callable[[], object] | None = None,
    **overrides: Any,
) -> IngestReport:
    """Store the inputs' articles in the store ``settings.db``, each in its story, then read what is not read yet.

    Each article is committed on its own (article, features, story, links), so an interrupted run loses nothing it
    stored and running it again adds only what is missing. ``read_now=False`` leaves the reading to
    :func:`read_pending`. ``progress(phase, total)`` is called as each phase ("stories", "reading") starts and
    returns a function called with the count of articles done since its last call.
    """
    from .scale import check_spec
    from .store import open_store, writer_lock

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    settings = settings or Settings.load(overrides)
    if read_now:
        check_spec(settings.dask)  # before anything is stored
    batch = load(inputs, settings)
    report = IngestReport(rejected=list(batch.rejected), warnings=list(batch.warnings))
    with writer_lock(settings.db, on_wait):
        _ingest_locked(batch.articles, settings, report, read_now, progress, open_store(settings.db))
    return report


def _ingest_locked(
    articles: list[Article],
    settings: Settings,
    report: IngestReport,
    read_now: bool,
    progress: Callable[[str, int], Callable[[int], object]] | None,
    store: Any,
) -> None:
    from .group.stream import Grouper

    try:
        grouper = Grouper(store, settings)
        step = progress("stories", len(articles)) if progress else None
        for p in grouper.add(articles, on_placed=(lambda _p: step(1)) if step else None):
            if p.skipped:
                report.skipped += 1
            else:
                report.stored += 1
                report.new_stories += p.new_story + p.splits
                report.splits += p.splits
                report.merges += len(p.merged)
        if read_now:
            todo = store.pending()
            report.read, failed = _read_pending(store, settings, None, progress("reading", len(todo)) if progress and todo else None, todo)
            report.rejected += failed
    finally:
        store.close()


def pending_count(settings: Settings | None = None) -> int:
    """Stored articles not read yet."""
    from .store import open_store

    settings = settings or Settings.load()
    store = open_store(settings.db)
    try:
        return len(store.pending())
    finally:
        store.close()


def read_pending(
    settings: Settings | None = None,
    limit: int | None = None,
    on_read: Callable[[int], object] | None = None,
    on_wait: Callable[[], object] | None = None,
) -> tuple[int, list[Rejected]]:
    """Read the stored articles that were stored without reading (``ingest --no-read``); (articles read, failures).
    ``on_wait`` is called when another process is writing to the store (this one waits for it)."""
    from .store import open_store, writer_lock

    settings = settings or Settings.load()
    with writer_lock(settings.db, on_wait):
        store = open_store(settings.db)
        try:
            return _read_pending(store, settings, limit, on_read)
        finally:
            store.close()


def _read_pending(
    store: Any, settings: Settings, limit: int | None, on_read: Callable[[int], object] | None, ids: list[str] | None = None
) -> tuple[int, list[Rejected]]:
    from .group.stream import read_pending as run
    from .scale import dask_client

    todo = store.pending(limit) if ids is None else ids
    if not todo:
        return 0, []
    with dask_client(settings.dask) as client:  # None: read here
        # with a client the pipeline only names the settings: its model loads on first use, on the workers
        failed = run(store, pipeline(settings), settings.batch_size, todo, on_read, client)
    return len(todo) - len(failed), failed


def stories(settings: Settings | None = None) -> list[Any]:
    """Every story in the store ``settings.db`` (oldest first), as :class:`~newsfuse.group.stream.StorySummary`."""
    from .group.stream import summaries
    from .store import open_store

    settings = settings or Settings.load()
    store = open_store(settings.db)
    try:
        return summaries(store)
    finally:
        store.close()


def story_brief(story_id: str, settings: Settings | None = None) -> dict[str, Any]:
    """The brief (JSON document, ``newsfuse/brief@1``) of one stored story; cached in the store until it changes.

    Articles of the story not read yet are read first. A merged story's old id gives the story it went into.
    """
    from . import __version__
    from .errors import StoryAmbiguous, StoryNotFound, StoryUnreadable
    from .read.entities import link_entities
    from .read.pipeline import attach_speakers
    from .render import brief_json
    from .store import open_store

    settings = settings or Settings.load()
    store = open_store(settings.db)
    try:
        sid = store.resolve_story(story_id)
        alike = [s.id for s in store.stories() if s.id.startswith(story_id)] if sid is None else []
        if len(alike) == 1:
            sid = alike[0]  # one live story has this prefix (another, merged into some story, does too)
        if sid is None:
            if len(alike) > 1:
                shown = ", ".join(alike[:3]) + (", …" if len(alike) > 3 else "")
                raise StoryAmbiguous(f"{len(alike)} stories start with {story_id!r} ({shown}); give more of the id")
            raise StoryNotFound(f"no story {story_id!r} in {settings.db}; list them with `newsfuse stories --db {settings.db}`")
        ids = store.story_article_ids(sid)
        rows = store.article_rows(ids)
        pending = [r.id for r in rows if r.read_state == "pending"]
        if pending:
            _read_pending(store, settings, None, None, pending)
            rows = store.article_rows(ids)
        key = _brief_key(__version__, settings, [(r.id, r.read_state) for r in rows])
        doc = store.get_brief(sid, key)
        if doc is not None:
            return doc
        articles = store.get_articles([r.id for r in rows if r.read_state == "read"])
        reasons = {aid: reason for aid, _, reason in store.read_failures()}
        if not articles:
            why = [f"{r.source_id}: {reasons.get(r.id) or 'unknown reason'}" for r in rows if r.read_state == "failed"]
            raise StoryUnreadable(sid, why or ["it has no articles"], f"; see `newsfuse stories --db {settings.db}`")
        articles = _once_per_outlet(articles, store.links([a.id for a in articles]))
        unique = UniqueIds()  # two stored inputs of one name ("x/story.txt", "y/story.txt") are two sources
        for a in articles:
            a.source_id = unique(a.source_id)
        entities = link_entities(articles)
        attach_speakers(articles)
        failed = [
            Rejected(r.source_id, f"reading failed: {reasons.get(r.id) or 'unknown reason'}") for r in rows if r.read_state == "failed"
        ]
        doc = brief_json(brief(Reading(articles, entities, failed), settings))
        doc["story"]["id"] = sid
        with store.transaction():
            store.put_brief(sid, key, doc)
        return doc
    finally:
        store.close()


def _once_per_outlet(articles: list[Article], links: Sequence[Any]) -> list[Article]:
    """The articles less exact copies of an earlier one by the same outlet (one file stored under two names): read
    once, as a batch reads them (:func:`newsfuse.ingest.load`). Copies by two outlets are two sources, one derived."""
    from .fuse.independence import outlet_of

    by_id = {a.id: a for a in articles}
    dropped: set[str] = set()
    for link in links:
        a, b = by_id.get(link.article), by_id.get(link.other)
        if link.kind == "exact" and a is not None and b is not None and b.id not in dropped:
            oa, ob = outlet_of(a), outlet_of(b)
            if oa and ob and " ".join(oa.casefold().split()) == " ".join(ob.casefold().split()):
                dropped.add(a.id)  # the link's article repeats the other, stored earlier
    return [a for a in articles if a.id not in dropped]


def _brief_key(version: str, settings: Settings, members: list[tuple[str, str]]) -> str:
    import hashlib
    import json

    h = hashlib.sha256()
    h.update(json.dumps([version, repr(settings), sorted(members)]).encode("utf-8"))
    return h.hexdigest()[:24]


def cluster(inputs: Iterable[str | Path] | str | Path, settings: Settings | None = None, **overrides: Any) -> dict[str, Any]:
    """Group the inputs into stories without a store (nothing is read by spaCy); ``newsfuse/stories@1`` JSON.

    Every input is in exactly one story; an input that repeats another (read once by ingest) is in its twin's story;
    unreadable inputs are listed under ``rejected``.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    settings = settings or Settings.load(overrides)
    batch = load(inputs, settings)
    doc = stories_json(group(batch.articles, settings), batch.articles, batch.rejected, batch.warnings)
    for s in doc["stories"]:
        s.pop("reading", None)  # grouped only: nothing here is read
    return doc


def group(articles: Sequence[Article], settings: Settings | None = None) -> list[Any]:
    """The stories a batch of articles forms, as the store groups a stream (in memory): ``StorySummary`` records."""
    from .group.stream import Grouper, summaries
    from .store.sqlite import SqliteStore

    store = SqliteStore(":memory:")
    try:
        Grouper(store, settings or Settings.load()).add(list(articles))
        return list(summaries(store))
    finally:
        store.close()


def stories_json(
    found: list[Any], articles: list[Article], rejected: list[Rejected], warnings: Iterable[tuple[str, str]] = ()
) -> dict[str, Any]:
    """Stories as ``newsfuse/stories@1``; inputs read once as a repeat of another input join that one's story."""
    import re

    story_of_origin = {a.origin: s for s in found for a in articles if a.id in s.articles}
    unique = UniqueIds()  # a copy's id as a file's would be, never one another source has ("a" of x/a.txt and y/a.txt)
    for s in found:
        for src in s.sources:
            unique(src)
    for w_input, w in warnings:
        m = re.match(r"same article as (.+?)(?: \(same outlet\))?: read once$", w)
        if m and m.group(1) in story_of_origin:
            s = story_of_origin[m.group(1)]
            s.sources.append(unique(Path(w_input).stem if "#" not in w_input else w_input.rsplit("/", 1)[-1]))
    return {
        "schema": "newsfuse/stories@1",
        "stories": [s.as_json() for s in found],
        "rejected": [{"input": r.input, "reason": r.reason} for r in rejected],
    }
