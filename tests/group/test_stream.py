"""Articles into a store, one by one: stories, copies, idempotence, restore (model-free: a stand-in embedder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.group.stream import Grouper, independent_count, summaries
from newsfuse.ingest import load
from newsfuse.settings import Settings
from newsfuse.store import Link
from newsfuse.store.sqlite import SqliteStore
from tests.group.corpus import fake_embed, write_stream


@pytest.fixture
def stream(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "in"
    return folder, write_stream(folder)


def _grouper(db: Path) -> Grouper:
    return Grouper(SqliteStore(db), Settings(), embed=fake_embed)


def test_stream_groups_events_and_links_the_reprint(tmp_path: Path, stream: tuple[Path, dict[str, str]]) -> None:
    folder, labels = stream
    g = _grouper(tmp_path / "s.db")
    placed = g.add(load([folder]).articles)
    assert all(not p.skipped for p in placed)
    found = summaries(g.store)
    groups = sorted(sorted(labels[src] for src in s.sources) for s in found)
    assert groups == [["flood"] * 5, ["match"] * 3, ["merger"] * 3]
    flood = next(s for s in found if len(s.sources) == 5)
    assert flood.independent_sources == 4  # the reprint is not an independent report
    assert flood.first_published == "2025-04-02" and flood.last_published == "2025-04-03"
    reprint = placed[-1]
    assert [(lk.kind, lk.similarity) for lk in reprint.links] == [("exact", 1.0)]
    assert g.store.integrity() == []


def test_adding_again_changes_nothing(tmp_path: Path, stream: tuple[Path, dict[str, str]]) -> None:
    folder, _ = stream
    db = tmp_path / "s.db"
    g = _grouper(db)
    g.add(load([folder]).articles)
    before = [(s.id, s.articles) for s in g.store.stories()]
    g.store.close()
    g = _grouper(db)  # a new process: state restored from the store
    again = g.add(load([folder]).articles)
    assert all(p.skipped for p in again)
    assert [(s.id, s.articles) for s in g.store.stories()] == before
    assert g.store.count_articles() == 11


def test_same_input_alone_is_recognised(tmp_path: Path, stream: tuple[Path, dict[str, str]]) -> None:
    folder, _ = stream
    g = _grouper(tmp_path / "s.db")
    g.add(load([folder]).articles)
    one = sorted(folder.glob("*.txt"))[4]
    assert all(p.skipped for p in g.add(load([one]).articles))


def test_restored_store_continues_like_an_uninterrupted_run(tmp_path: Path, stream: tuple[Path, dict[str, str]]) -> None:
    folder, _ = stream
    arts = load([folder]).articles
    whole = _grouper(tmp_path / "whole.db")
    whole.add(arts)
    half = _grouper(tmp_path / "half.db")
    half.add(arts[:5])
    half.store.close()
    half = _grouper(tmp_path / "half.db")
    half.add(arts[5:])
    assert [(s.id, s.articles) for s in half.store.stories()] == [(s.id, s.articles) for s in whole.store.stories()]


def test_articles_moved_between_stories_are_stored_and_restored(tmp_path: Path, stream: tuple[Path, dict[str, str]]) -> None:
    """An exchange (members changing sides between two near stories) is written with the article that caused it."""
    from newsfuse.group.cluster import Exchange

    folder, _ = stream
    arts = load([folder]).articles
    g = _grouper(tmp_path / "s.db")
    g.add(arts[:6])
    c = g.clusterer
    first, second = sorted(c.stories.values(), key=lambda s: s.seq)[:2]
    moved = first.members[-1]

    def exchange(s: object) -> Exchange:  # stands in for a real exchange: one member of one story changes sides
        c._set_members(first, [m for m in first.members if m != moved])
        c._set_members(second, [*second.members, moved])
        return Exchange([(moved, second.id, 0.5)])

    c._exchange = exchange  # type: ignore[method-assign,assignment]
    placed = g.add(arts[6:7])
    assert not placed[0].new_story  # it joined a story, so the exchange ran
    assert g.store.story_of(moved) == second.id == c.story_of[moved]
    g.store.close()
    again = _grouper(tmp_path / "s.db")
    assert again.clusterer.story_of == c.story_of
    assert {s.id: s.members for s in again.clusterer.stories.values()} == {s.id: s.members for s in c.stories.values()}


def test_independent_count() -> None:
    links = [Link("b", "a", "exact", 1.0), Link("d", "c", "sentences", 3.0), Link("z", "a", "near", 0.9)]
    assert independent_count(["a", "b", "c", "d", "e"], links) == 3
    # two articles of one publisher are one voice, however differently they are written
    assert independent_count(["a", "b", "c", "d", "e"], links, {"c": "Weston Daily", "e": "weston  daily", "a": None, "b": None}) == 2


def test_an_outlets_second_article_in_a_story_is_not_another_independent_source(
    tmp_path: Path, stream: tuple[Path, dict[str, str]]
) -> None:
    from tests.group.corpus import FLOOD, article_text

    folder, _ = stream
    title, day, outlet, _ = FLOOD[2]
    update = "The army pumps lowered the water in the lower districts of Lindenmoor by Friday, Mayor Ilse Verhoeven said."
    (folder / "99-update.txt").write_text(article_text(f"Update: {title}", day, outlet, update), encoding="utf-8")
    g = _grouper(tmp_path / "s.db")
    g.add(load([folder]).articles)
    flood = next(s for s in summaries(g.store) if len(s.sources) == 6)
    assert flood.independent_sources == 4  # the reprint and the outlet's update are not independent reports


def test_read_pending_with_a_stand_in_pipeline(tmp_path: Path, stream: tuple[Path, dict[str, str]]) -> None:
    from newsfuse.model import Rejected, Span
    from newsfuse.read.pipeline import ReadResult

    folder, _ = stream
    g = _grouper(tmp_path / "s.db")
    g.add(load([folder]).articles)

    class Fake:
        def __init__(self) -> None:
            self.batches: list[int] = []

        def read(self, articles, story_dates=None):  # type: ignore[no-untyped-def]
            self.batches.append(len(articles))
            ok = []
            for a in articles[1:]:
                a.set_spans("sentences", [Span(0, 5, "s", "fake@1")])
                a.stages.append("fake@1")
                ok.append(a)
            return ReadResult(ok, [], [Rejected(articles[0].origin, "boom")])

    fake = Fake()
    failed = g.read_pending(fake)
    assert sum(fake.batches) == 11 and len(failed) == len(fake.batches)
    assert g.store.pending() == []
    assert len(g.store.read_failures()) == len(failed)
    read = [a for s in g.store.stories() for a in g.store.articles_of_story(s.id) if a.stages]
    assert len(read) == 11 - len(failed) and all(a.group("sentences") for a in read)


def test_each_pending_article_is_given_its_own_storys_date(tmp_path: Path) -> None:
    """A batch of pending articles can hold parts of two stories: an undated one is read against its own story's
    date (the median of all its dated articles, read already or not), never the other story's."""
    from datetime import date

    from newsfuse.group.stream import read_pending, story_dates
    from newsfuse.read.pipeline import ReadResult
    from tests.conftest import make_article

    s = SqliteStore(tmp_path / "s.db")
    winter = [make_article(f"Winter report {i} on the ferry strike.", f"w{i}", published=date(2024, 1, 10 + i)) for i in range(3)]
    summer = [make_article(f"Summer report {i} on the festival.", f"s{i}", published=date(2023, 6, 1)) for i in range(2)]
    bare_w, bare_s = make_article("An undated winter report.", "wx"), make_article("An undated summer report.", "sx")
    with s.transaction():
        s.new_story("story-w")
        s.new_story("story-s")
        for a in [*winter, bare_w]:
            s.put_article(a, "k-" + a.source_id)
            s.assign(a.id, "story-w", 1.0)
        for a in [*summer, bare_s]:
            s.put_article(a, "k-" + a.source_id)
            s.assign(a.id, "story-s", 1.0)
    s.put_reading(winter[0], [])  # read already: its date still counts for its story
    loose = make_article("In no story yet.", "loose")
    s.put_article(loose, "k-loose")
    assert story_dates(s, [bare_w.id, bare_s.id, loose.id]) == {bare_w.id: date(2024, 1, 11), bare_s.id: date(2023, 6, 1)}

    seen: dict[str, date] = {}

    class Fake:
        def read(self, articles, story_dates=None):  # type: ignore[no-untyped-def]
            seen.update(story_dates or {})
            return ReadResult(list(articles), [], [])

    read_pending(s, Fake(), batch_size=3, ids=[bare_w.id, bare_s.id])
    assert seen[bare_w.id] == date(2024, 1, 11) and seen[bare_s.id] == date(2023, 6, 1)


def test_an_untitled_story_is_shown_by_its_first_articles_opening_words(tmp_path: Path) -> None:
    from newsfuse.group.stream import opening_words
    from tests.conftest import make_article

    assert opening_words("The ferry strike ended on Monday. Talks went on all night.") == "The ferry strike ended on Monday."
    long = "Dockworkers in the port walked out " + "again and " * 30 + "stayed out."
    cut = opening_words(long)
    assert cut is not None and cut.endswith("…") and len(cut) <= 121 and long.startswith(cut[:-1])
    assert opening_words("  \n ") is None
    s = SqliteStore(tmp_path / "s.db")
    bare = make_article("The ferry strike ended on Monday.\n\nTalks went on all night in the port offices.", "a")
    titled = make_article("Ferry talks resume\n\nThe unions met again.", "b", title="Ferry talks resume")
    with s.transaction():
        for a, story in ((bare, "s-1"), (titled, "s-2")):
            s.put_article(a, "k-" + a.source_id)
            s.new_story(story)
            s.assign(a.id, story, 1.0)
    shown = {x.id: (x.title, x.excerpt, x.shown) for x in summaries(s)}
    assert shown["s-1"] == (None, "The ferry strike ended on Monday.", "“The ferry strike ended on Monday.”")
    assert shown["s-2"] == ("Ferry talks resume", None, "Ferry talks resume")


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_opening_words_are_the_texts_own_words(text: str) -> None:
    from newsfuse.group.stream import EXCERPT_CHARS, opening_words

    got = opening_words(text)
    line = " ".join(text.split())
    assert (got is None) == (not line)
    if got is not None:
        assert line.startswith(got.removesuffix("…").rstrip()) and len(got) <= EXCERPT_CHARS + 1


def test_a_story_is_named_by_an_article_its_brief_can_read(tmp_path: Path, stream: tuple[Path, dict[str, str]]) -> None:
    folder, _ = stream
    g = _grouper(tmp_path / "s.db")
    g.add(load([folder]).articles)
    flood = next(s for s in summaries(g.store) if len(s.sources) == 5)
    named = [r for r in g.store.article_rows(flood.articles) if r.title == flood.title]  # the reprint repeats its title
    for r in named:
        g.store.put_read_failure(r.id, "reading failed in stage quotes@1: ValueError: boom")
    renamed = next(s for s in summaries(g.store) if s.id == flood.id)
    assert renamed.title is not None and renamed.title != flood.title


def test_stories_split_off_another_are_counted_as_new_stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsfuse import api
    from newsfuse.group.stream import Placed

    def add(self, articles, on_placed=None):  # type: ignore[no-untyped-def]
        return [Placed("a1", "a", "s-1", new_story=True), Placed("a2", "b", "s-1", splits=1), Placed("a3", "c", "s-1")]

    monkeypatch.setattr(Grouper, "add", add)  # three articles placed, one of them splitting its story
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The Riverton bridge reopened on Monday after two years of repairs.\n", encoding="utf-8")
    rep = api.ingest([tmp_path / "in"], Settings.load({"db": str(tmp_path / "s.db")}), read_now=False)
    assert (rep.new_stories, rep.splits, rep.stored) == (2, 1, 3)
