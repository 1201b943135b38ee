"""The SQLite store: schema, transactions, idempotent writes, stories, links, briefs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from newsfuse.group.features import Features
from newsfuse.model import Entity
from newsfuse.store import Link, open_store
from newsfuse.store.sqlite import VERSION, SqliteStore, StoreError
from tests.conftest import make_article, span


def _features(seed: int = 0) -> Features:
    v = np.random.default_rng(seed).normal(size=384).astype(np.float32)
    return Features(v / np.linalg.norm(v), {"flood": 2.0}, {"arvel": 1.0}, None, "lead")


def _put(store: SqliteStore, text: str, sid: str, story: str, new: bool = True) -> str:
    a = make_article(text, sid)
    with store.transaction():
        assert store.put_article(a, "key-" + sid)
        store.put_features(a.id, _features(len(sid)), np.arange(128, dtype=np.uint64), "h-" + sid)
        if new:
            store.new_story(story)
        store.assign(a.id, story, 0.5)
    return a.id


def test_new_store_has_the_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    s = SqliteStore(tmp_path / "n.db")
    assert s.schema_version == VERSION
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    s.close()
    s = SqliteStore(tmp_path / "n.db")  # opening again migrates nothing
    assert s.schema_version == VERSION


def test_foreign_keys_refuse_a_member_of_no_story(tmp_path: Path) -> None:
    s = SqliteStore(tmp_path / "n.db")
    a = make_article("Some text long enough to be an article.", "x")
    s.put_article(a, "k")
    with pytest.raises(sqlite3.IntegrityError):
        s.assign(a.id, "s-missing", 1.0)


def test_article_round_trip_and_idempotent_put(tmp_path: Path) -> None:
    s = open_store(str(tmp_path / "n.db"))
    a = make_article("Mayor Ilse Verhoeven said boats reached the lower districts.", "gazette", title="Flood")
    a.removed = []
    assert s.put_article(a, "k1")
    assert not s.put_article(a, "k1")
    assert s.count_articles() == 1
    back = s.get_article(a.id)
    assert back == a
    assert s.has_input("k1") and not s.has_input("k2")


def test_reading_is_stored_with_entities(tmp_path: Path) -> None:
    s = SqliteStore(tmp_path / "n.db")
    a = make_article("Ilse Verhoeven said the river rose.", "g")
    s.put_article(a, "k")
    assert s.pending() == [a.id]
    a.set_spans("mentions", [span(a, "Ilse Verhoeven", "PERSON", entity="e-1", name="Ilse Verhoeven")])
    a.stages.append("mentions@1")
    s.put_reading(a, [Entity("e-1", "Ilse Verhoeven", "PERSON", ["Ilse Verhoeven", "Verhoeven"])])
    assert s.pending() == []
    back = s.get_article(a.id)
    assert back is not None and back.group("mentions") == a.group("mentions") and back.stages == ["mentions@1"]
    ents = s.entities_of([a.id])
    assert [(e.id, e.sources, e.mentions) for e in ents] == [("e-1", ["g"], 1)]


def test_reading_keeps_what_it_added_to_the_metadata(tmp_path: Path) -> None:
    s = SqliteStore(tmp_path / "n.db")
    a = make_article("Flood closes the bridge\nThe river rose on Sunday.", "g")
    s.put_article(a, "k")
    a.meta.title = "Flood closes the bridge"  # found in the text by reading
    a.meta.extra["reference_date"] = "2024-05-12"
    a.meta.extra["reference_basis"] = "story"
    a.stages.append("sentences@1")
    s.put_reading(a, [])
    back = s.get_article(a.id)
    assert back is not None and back.meta == a.meta
    assert [r.title for r in s.article_rows([a.id])] == ["Flood closes the bridge"]


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    s = SqliteStore(tmp_path / "n.db")
    a = make_article("An article that will not be committed at all.", "x")
    with pytest.raises(RuntimeError), s.transaction():
        s.put_article(a, "k")
        raise RuntimeError("killed")
    assert s.count_articles() == 0


def test_merge_moves_members_and_old_id_resolves(tmp_path: Path) -> None:
    s = SqliteStore(tmp_path / "n.db")
    a = _put(s, "First report of the flood in the river town.", "a", "s-a")
    b = _put(s, "Second report of something that looked different.", "b", "s-b")
    c = _put(s, "A third report joining the second story here.", "c", "s-b", new=False)
    s.put_brief("s-a", "k", {"schema": "x"})
    with s.transaction():
        s.merge_stories("s-b", "s-a")
    assert [st.id for st in s.stories()] == ["s-a"]
    assert s.stories()[0].articles == [a, b, c]
    assert s.resolve_story("s-b") == "s-a"
    assert s.resolve_story("s-") is None  # ambiguous prefix
    assert s.get_brief("s-a", "k") is None  # a changed story's cached brief is dropped
    assert s.integrity() == []


def test_links_and_briefs(tmp_path: Path) -> None:
    s = SqliteStore(tmp_path / "n.db")
    a = _put(s, "The wire story as first printed by the agency.", "a", "s-a")
    b = _put(s, "The wire story as reprinted by another paper.", "b", "s-a", new=False)
    s.put_link(Link(b, a, "exact", 1.0))
    s.put_link(Link(b, a, "exact", 1.0))
    assert s.links([a]) == [Link(b, a, "exact", 1.0)]
    s.put_brief("s-a", "k1", {"facts": [{"start": 1}], "t": (1, 2)})
    assert s.get_brief("s-a", "k1") == {"facts": [{"start": 1}], "t": (1, 2)}
    assert s.get_brief("s-a", "k2") is None


def test_features_come_back_in_arrival_order(tmp_path: Path) -> None:
    s = SqliteStore(tmp_path / "n.db")
    ids = [_put(s, f"Report number {i} on the same long running story.", f"r{i}", "s-1", new=i == 0) for i in range(3)]
    got = list(s.iter_features())
    assert [g.article_id for g in got] == ids
    assert all(g.story_id == "s-1" for g in got)
    assert np.allclose(got[0].features.vector, _features(2).vector)
    assert got[0].signature.dtype == np.uint64 and list(got[0].signature[:3]) == [0, 1, 2]
    assert s.find_text_hash("h-r1") == ids[1]


def test_sentence_keys(tmp_path: Path) -> None:
    s = SqliteStore(tmp_path / "n.db")
    a = _put(s, "An article with two long sentences in it for the test.", "a", "s-a")
    s.put_sentence_keys(a, [(0, 11), (0, 12), (1, -5)])
    assert sorted(s.sentence_hits([11, -5, 99])) == [(-5, a, 1), (11, a, 0)]


def test_not_a_store_and_a_newer_schema_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all, just some bytes" * 100)
    with pytest.raises(StoreError, match="not a newsfuse store"):
        SqliteStore(bad)
    newer = tmp_path / "newer.db"
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        SqliteStore(newer)


def test_a_database_of_another_program_is_never_written(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE notes (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="another program"):
        SqliteStore(other)
    db = sqlite3.connect(other)
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["notes"] and db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    db.close()


def test_a_story_prefix_is_a_prefix_not_a_pattern(tmp_path: Path) -> None:
    s = SqliteStore(tmp_path / "s.db")
    _put(s, "The quay reopened on Monday after the storm, officials said.", "a", "s-abc")
    assert s.resolve_story("s-a") == "s-abc"
    assert s.resolve_story("%") is None and s.resolve_story("s_a") is None and s.resolve_story("S-A") is None


def test_one_writer_at_a_time_per_store(tmp_path: Path) -> None:
    import fcntl

    from newsfuse.store import writer_lock

    db = str(tmp_path / "s.db")
    with writer_lock(db), open(db + ".lock", "a") as other, pytest.raises(BlockingIOError):  # a second ingest would wait here
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    with open(db + ".lock", "a") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released when the first is done


def test_a_writer_that_must_wait_is_told(tmp_path: Path) -> None:
    import threading
    import time

    from newsfuse.store import writer_lock

    db = str(tmp_path / "s.db")
    held, told = threading.Event(), []

    def first() -> None:
        with writer_lock(db):
            held.set()
            time.sleep(0.5)

    t = threading.Thread(target=first)
    t.start()
    held.wait()
    with writer_lock(db, on_wait=lambda: told.append("waiting")):
        pass
    t.join()
    assert told == ["waiting"]
