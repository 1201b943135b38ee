"""Articles arriving one by one: store each, link its near-duplicates, give it a story; read it later.

:class:`Grouper` holds the in-memory side (the clusterer's story profiles and the near-duplicate LSH index), rebuilt
from the store when it opens, and writes every decision to the store in one transaction per article. Killing the
process loses at most the article being placed; running the same command again skips what is stored (same article
id, or same input) and goes on.

Assignment needs only cheap features and one embedding of the lead; the spaCy reading is separate
(:meth:`Grouper.read_pending`) and can run right after, later, or in another process.
"""

from __future__ import annotations

import hashlib
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from ..fuse.independence import same_outlet_links
from ..graph import component_count
from ..model import Article, Rejected
from ..settings import Settings
from ..store import Link, Store
from .cluster import Clusterer, Decision, Exchange, Params, Split, story_id_for
from .dedup import NearDuplicateIndex, matches, sentence_keys, shared_sentences, signature, text_hash
from .features import Features, default_embed, featurize

Embed = Callable[[list[str]], np.ndarray]


def params_of(settings: Settings) -> Params:
    return Params(
        threshold=settings.group_threshold,
        merge_threshold=settings.group_merge_threshold,
        scale_days=settings.group_time_scale_days,
        split_names=settings.group_split_names,
        absorb_size=settings.group_absorb_size,
        absorb_threshold=settings.group_absorb_threshold,
        exchange_members=settings.group_exchange_members,
        exchange_min=settings.group_exchange_min,
    )


def input_key(article: Article) -> str:
    """The same input read again (whatever cleaning the rest of its batch caused) has the same key: its URL, or its
    source id without the "-2" a batch adds to tell two inputs of one name apart, and its raw text."""
    h = hashlib.sha256()
    h.update((article.meta.url or re.sub(r"-\d+$", "", article.source_id)).encode("utf-8"))
    h.update(b"\x00")
    h.update(article.raw.encode("utf-8"))
    return h.hexdigest()[:24]


@dataclass(slots=True)
class Placed:
    """What happened to one arriving article."""

    article: str
    source: str
    story: str | None  # None when it was already stored
    new_story: bool = False
    score: float = 0.0
    links: list[Link] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)
    splits: int = 0  # stories split off another when it arrived (each a new story)

    @property
    def skipped(self) -> bool:
        return self.story is None


class Grouper:
    def __init__(self, store: Store, settings: Settings | None = None, embed: Embed | None = None) -> None:
        self.store = store
        self.settings = settings or Settings.load()
        self.embed = embed or default_embed
        self.clusterer = Clusterer(params_of(self.settings))
        self.near = NearDuplicateIndex(self.settings.near_duplicate_threshold)
        for sf in store.iter_features():
            if sf.story_id is None:  # cannot happen: features and membership are written in one transaction
                continue
            self.clusterer.restore(sf.article_id, sf.features, sf.story_id)
            self.near.add(sf.article_id, sf.signature)

    # ------------------------------------------------------------------ assignment

    def is_stored(self, article: Article) -> bool:
        return self.store.has_article(article.id) or self.store.has_input(input_key(article))

    def add(self, articles: Sequence[Article], chunk: int = 8, on_placed: Callable[[Placed], object] | None = None) -> list[Placed]:
        """Place each article not stored yet, in order; ``chunk`` articles share one embedding call."""
        out: list[Placed] = []
        for i in range(0, len(articles), chunk):
            part = list(articles[i : i + chunk])
            new = [a for a in part if not self.is_stored(a)]
            feats = dict(zip([a.id for a in new], featurize(new, self.embed), strict=True)) if new else {}
            for a in part:
                if a.id not in feats or self.is_stored(a):  # stored meanwhile (the same article twice in one batch)
                    placed = Placed(a.id, a.source_id, None)
                else:
                    placed = self._place(a, feats[a.id])
                out.append(placed)
                if on_placed:
                    on_placed(placed)
        return out

    def _place(self, a: Article, f: Features) -> Placed:
        sig = signature(a.text)
        th = text_hash(a.text)
        keys = sentence_keys(a.text)
        exact = self.store.find_text_hash(th)
        reused = shared_sentences(keys, self.store.sentence_hits([k for _, k in keys])) if keys else {}
        found = matches(self.near, sig, exact, reused, self.settings.copy_min_shared)
        links = [Link(a.id, m.other, m.kind, m.similarity) for m in found]
        copy = next((m for m in found if m.kind in ("exact", "near")), None)
        if copy is not None:
            # a reprint or near-copy belongs to the story of what it copies
            story = self.clusterer.story_of[copy.other]
            self.clusterer.restore(a.id, f, story)
            decision = Decision(story, False, copy.similarity)
        else:
            decision = self.clusterer.assign(a.id, f, story_id_for(a.id))
        with self.store.transaction():
            self.store.put_article(a, input_key(a))
            self.store.put_features(a.id, f, sig, th)
            self.store.put_sentence_keys(a.id, keys)
            if decision.new:
                self.store.new_story(decision.story)
            for change in decision.changes:  # in the order they happened; the article's own row comes last
                if isinstance(change, Split):
                    self.store.new_story(change.into)
                    for moved, score in change.moved:
                        self.store.assign(moved, change.into, score)
                elif isinstance(change, Exchange):
                    for moved, story, score in change.moved:
                        self.store.assign(moved, story, score)
                else:
                    self.store.merge_stories(*change)
            self.store.assign(a.id, decision.story, decision.score)
            for link in links:
                self.store.put_link(link)
        self.near.add(a.id, sig)
        if self.settings.ingest_pause > 0:
            time.sleep(self.settings.ingest_pause)
        return Placed(a.id, a.source_id, decision.story, decision.new, decision.score, links, decision.merged, len(decision.splits))

    # ------------------------------------------------------------------ reading, behind

    def read_pending(self, pipeline: Any, on_read: Callable[[int], object] | None = None) -> list[Rejected]:
        """Read stored articles that have not been read, story by story, one transaction per batch."""
        return read_pending(self.store, pipeline, self.settings.batch_size, None, on_read)


def read_pending(
    store: Store,
    pipeline: Any,
    batch_size: int,
    ids: Sequence[str] | None = None,
    on_read: Callable[[int], object] | None = None,
    client: Any = None,
) -> list[Rejected]:
    """Read the given stored articles (default: every pending one, story by story), one transaction per batch.

    With a Dask ``client`` the batches are read on its workers (each loads the reading pipeline once), a few per
    worker in flight at a time, and written here as they come back; without one, here, one after another. Either way
    the store is written by this process only. Returns the articles whose reading failed; they are marked ``failed``
    in the store and not tried again.
    """
    todo = list(store.pending() if ids is None else ids)
    around = story_dates(store, todo)
    batches = [todo[i : i + batch_size] for i in range(0, len(todo), batch_size)]
    rejected: list[Rejected] = []

    def write(arts: Sequence[Article], result: Any) -> None:
        by_origin = {a.origin or a.source_id: a for a in arts}
        with store.transaction():
            for a in result.articles:
                store.put_reading(a, result.entities)
            for r in result.rejected:
                failed = by_origin.get(r.input)
                if failed is not None:
                    store.put_read_failure(failed.id, r.reason)
        rejected.extend(result.rejected)
        if on_read:
            on_read(len(arts))

    if client is None:
        for batch in batches:
            arts = store.get_articles(batch)
            write(arts, pipeline.read(arts, story_dates=around))
        return rejected
    from distributed import as_completed

    in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
    queue = iter(batches)
    sent: dict[Any, Sequence[Article]] = {}

    def submit() -> Any:
        batch = next(queue, None)
        if batch is None:
            return None
        arts = store.get_articles(batch)
        dates = {a.id: around[a.id] for a in arts if a.id in around}
        future = client.submit(read_batch, arts, pipeline.settings, dates, pure=False)
        sent[future] = arts
        return future

    pending = as_completed([f for f in (submit() for _ in range(in_flight)) if f is not None])
    for future in pending:
        write(sent.pop(future), future.result())
        nxt = submit()
        if nxt is not None:
            pending.add(nxt)
    return rejected


def read_batch(articles: Sequence[Article], settings: Any, dates: Mapping[str, date] | None = None) -> Any:
    """Read a batch of articles on a Dask worker, with the worker's own pipeline (built once per worker process)."""
    from ..api import pipeline

    return pipeline(settings).read(list(articles), story_dates=dates)


def story_dates(store: Store, article_ids: Sequence[str]) -> dict[str, date]:
    """The date of each article's story (the median of its dated articles, all of them, read or not), for the
    articles that are in a story with a date: a batch of pending articles can hold parts of several stories, and an
    undated article is read against its own story's date, never a neighbour's."""
    members: dict[str, list[str]] = {}
    for aid in article_ids:
        story = store.story_of(aid)
        if story is not None:
            members.setdefault(story, []).append(aid)
    out: dict[str, date] = {}
    for story, ids in members.items():
        known = sorted(d for r in store.article_rows(store.story_article_ids(story)) if (d := _day(r.published)))
        if known:
            mid = statistics.median_low(known)
            out.update(dict.fromkeys(ids, mid))
    return out


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# ---------------------------------------------------------------- stories as summaries


@dataclass(slots=True)
class StorySummary:
    id: str
    title: str | None
    sources: list[str]
    articles: list[str]
    independent_sources: int
    first_published: str | None
    last_published: str | None
    read: int
    failed: int = 0  # articles whose reading failed (a story with none read has no brief)
    excerpt: str | None = None  # an untitled story's first words, copied from its first article

    @property
    def shown(self) -> str:
        return shown_name(self.title, self.excerpt)

    @property
    def pending(self) -> int:
        return len(self.articles) - self.read - self.failed

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "sources": self.sources,
            "articles": self.articles,
            "independent_sources": self.independent_sources,
            "first_published": self.first_published,
            "last_published": self.last_published,
            "reading": {"read": self.read, "pending": self.pending, "failed": self.failed},
            **({"excerpt": self.excerpt} if self.excerpt else {}),
        }


def independent_count(members: Iterable[str], links: Iterable[Link], publishers: Mapping[str, str | None] | None = None) -> int:
    """Connected components of a story's articles under the copy links (exact, near, reused sentences) and, given
    each article's publisher, under one publisher: two items of one feed are one voice, as in a brief."""
    pairs = [(link.article, link.other) for link in links]
    pairs += [(a, b) for a, others in same_outlet_links(dict(publishers or {})).items() for b, _ in others]
    return component_count(set(members), pairs)


EXCERPT_CHARS = 120


def shown_name(title: str | None, excerpt: str | None) -> str:
    """What names a story in a listing: its title, else its excerpt in quotes, else "(untitled)"."""
    return title or (f"“{excerpt}”" if excerpt else "(untitled)")


def opening_words(text: str, most: int = EXCERPT_CHARS) -> str | None:
    """A text's first sentence, or its first words up to ``most`` characters and an ellipsis: what names a story that
    has no title (copied, never made up)."""
    line = " ".join(text.split())
    if not line:
        return None
    end = next((m.end() for m in re.finditer(r"[.!?](?=\s|$)", line) if m.end() <= most), None)
    if end is not None and end >= 20:
        return line[:end]
    if len(line) <= most:
        return line
    cut = line.rfind(" ", 0, most)
    return line[: cut if cut > 0 else most].rstrip(",;:-–— ") + "…"


def summaries(store: Store) -> list[StorySummary]:
    """Every live story, oldest first."""
    stories = store.stories()
    all_ids = [a for s in stories for a in s.articles]
    rows = {r.id: r for r in store.article_rows(all_ids)}
    links = store.links(all_ids)
    members = {s.id: [rows[a] for a in s.articles if a in rows] for s in stories}
    untitled = [arts[0].id for arts in members.values() if arts and not any(r.title for r in arts)]
    opened = store.openings(untitled, EXCERPT_CHARS * 4)  # an untitled story is shown by its first article's opening
    by_article: dict[str, list[Link]] = {}
    for link in links:
        by_article.setdefault(link.article, []).append(link)
    out = []
    for s in stories:
        arts = members[s.id]
        # a story is named by the articles its brief can read: one that failed may be of another story altogether
        titles = Counter(r.title for r in arts if r.title and r.read_state != "failed") or Counter(r.title for r in arts if r.title)
        dates = sorted(r.published for r in arts if r.published)
        story_links = [lk for a in s.articles for lk in by_article.get(a, [])]
        out.append(
            StorySummary(
                id=s.id,
                title=titles.most_common(1)[0][0] if titles else None,
                sources=[r.source_id for r in arts],
                articles=[r.id for r in arts],
                independent_sources=independent_count(s.articles, story_links, {r.id: r.publisher for r in arts}),
                first_published=dates[0] if dates else None,
                last_published=dates[-1] if dates else None,
                read=sum(1 for r in arts if r.read_state == "read"),
                failed=sum(1 for r in arts if r.read_state == "failed"),
                excerpt=opening_words(opened[arts[0].id]) if arts and arts[0].id in opened else None,
            )
        )
    return out
