"""The embedded store: one SQLite file in WAL mode with foreign keys on; the schema version is ``PRAGMA user_version``.

Every write runs inside :meth:`SqliteStore.transaction` (``BEGIN IMMEDIATE`` ... ``COMMIT``). In WAL mode a committed
transaction survives the process being killed at any moment; what was not committed is rolled back when the file is
next opened. See ``docs/store.md`` for the tables.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NewsfuseError
from ..group.features import Features
from ..model import Article, Entity
from . import ArticleRow, Link, StoredFeatures, StoryRow
from .codec import (
    decode_value,
    encode_value,
    meta_from_json,
    meta_to_json,
    removed_from_json,
    removed_to_json,
    spans_from_json,
    spans_to_json,
)

SCHEMA_V1 = """
CREATE TABLE articles (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    input_key  TEXT NOT NULL,
    source_id  TEXT NOT NULL,
    origin     TEXT NOT NULL,
    title      TEXT,
    outlet     TEXT,
    url        TEXT,
    published  TEXT,
    raw        TEXT NOT NULL,
    text       TEXT NOT NULL,
    meta       TEXT NOT NULL,
    removed    TEXT NOT NULL,
    offsets    TEXT NOT NULL,
    reading    TEXT,
    read_state TEXT NOT NULL DEFAULT 'pending' CHECK (read_state IN ('pending', 'read', 'failed')),
    read_error TEXT,
    added_at   TEXT NOT NULL
);
CREATE INDEX articles_input_key ON articles(input_key);
CREATE INDEX articles_read_state ON articles(read_state);

CREATE TABLE features (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    vector     BLOB NOT NULL,
    terms      TEXT NOT NULL,
    names      TEXT NOT NULL,
    published  TEXT,
    lead       TEXT NOT NULL,
    signature  BLOB NOT NULL,
    text_hash  TEXT NOT NULL
);
CREATE INDEX features_text_hash ON features(text_hash);

CREATE TABLE sentence_keys (
    key        INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL
);
CREATE INDEX sentence_keys_key ON sentence_keys(key);
CREATE INDEX sentence_keys_article ON sentence_keys(article_id);

CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    merged_into TEXT REFERENCES stories(id),
    created_at  TEXT NOT NULL
);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL REFERENCES stories(id),
    score      REAL NOT NULL
);
CREATE INDEX story_articles_story ON story_articles(story_id);

CREATE TABLE links (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    other_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('exact', 'near', 'sentences')),
    similarity REAL NOT NULL,
    PRIMARY KEY (article_id, other_id)
);
CREATE INDEX links_other ON links(other_id);

CREATE TABLE entities (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    type    TEXT NOT NULL,
    aliases TEXT NOT NULL
);

CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id);

CREATE TABLE briefs (
    story_id   TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    doc        TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    """Statements run one by one, inside the caller's transaction (``executescript`` would commit first)."""

    def run(db: sqlite3.Connection) -> None:
        for stmt in sql.split(";"):
            if stmt.strip():
                db.execute(stmt)

    return run


# Each migration takes the schema from version i to i + 1, in one transaction with the user_version bump; add new
# ones at the end, never edit old ones.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(SCHEMA_V1),
]
VERSION = len(MIGRATIONS)


class StoreError(NewsfuseError):
    """The store file cannot be used as it is."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


class SqliteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0, check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the store {self.path}: {e}; check the path and its permissions") from e
        self._lock = threading.RLock()
        self._depth = 0
        try:
            self._refuse_foreign()
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")  # durable against a killed process; WAL keeps it consistent
            self._migrate()
        except sqlite3.OperationalError as e:
            self.db.close()
            if "locked" in str(e) or "busy" in str(e):
                raise StoreError(f"the store {self.path} is busy (another process holds it): {e}; try again") from e
            raise StoreError(f"cannot open the store {self.path}: {e}") from e
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise StoreError(f"{self.path} is not a newsfuse store (not an SQLite file: {e}); pass another --db") from e
        except StoreError:
            self.db.close()
            raise

    # ------------------------------------------------------------------ plumbing

    def _refuse_foreign(self) -> None:
        """An SQLite file of another program (tables, but no newsfuse schema version) is never written to."""
        # tables first: a newsfuse process creating the store commits its tables and its version together, so a
        # table seen here comes with its version when that is read next
        tables = self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall()
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        if version == 0 and tables:
            raise StoreError(f"{self.path} is an SQLite database of another program, not a newsfuse store; pass another --db")

    def _migrate(self) -> None:
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        if version > VERSION:
            raise StoreError(f"{self.path} has schema version {version}, newer than this newsfuse ({VERSION}); upgrade newsfuse")
        while version < VERSION:
            with self.transaction():
                # read again under the write lock: another process may have migrated the store meanwhile
                version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
                if version >= VERSION:
                    break
                MIGRATIONS[version](self.db)
                version += 1
                self.db.execute(f"PRAGMA user_version = {version}")

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write; nested calls join the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self.db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self.db.execute("ROLLBACK")
                raise
            self._depth = 0
            self.db.execute("COMMIT")

    def _q(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        return self.db.execute(sql, args).fetchall()

    @staticmethod
    def _in(items: Collection[Any]) -> str:
        return ",".join("?" * len(items))

    def _chunks(self, items: Collection[Any], n: int = 500) -> Iterator[list[Any]]:
        seq = list(items)
        for i in range(0, len(seq), n):
            yield seq[i : i + n]

    # ------------------------------------------------------------------ articles

    def has_article(self, article_id: str) -> bool:
        return bool(self._q("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def has_input(self, input_key: str) -> bool:
        return bool(self._q("SELECT 1 FROM articles WHERE input_key = ? LIMIT 1", (input_key,)))

    def put_article(self, article: Article, input_key: str) -> bool:
        """Store the article (and its reading, if it has one); False when its id is already stored."""
        m = article.meta
        with self.transaction():
            cur = self.db.execute(
                "INSERT OR IGNORE INTO articles (id, input_key, source_id, origin, title, outlet, url, published, raw, text, meta, removed,"
                " offsets, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    input_key,
                    article.source_id,
                    article.origin,
                    m.title,
                    m.outlet,
                    m.url,
                    m.published.isoformat() if m.published else None,
                    article.raw,
                    article.text,
                    _json(meta_to_json(m)),
                    _json(removed_to_json(article.removed)),
                    _json([list(o) for o in article.offsets]),
                    _now(),
                ),
            )
            if cur.rowcount and article.stages:
                self.put_reading(article, [])
            return bool(cur.rowcount)

    def _article(self, row: Sequence[Any]) -> Article:
        id_, source_id, origin, raw, text, meta, removed, offsets, reading = row
        r = json.loads(reading) if reading else {}
        return Article(
            source_id=source_id,
            raw=raw,
            text=text,
            meta=meta_from_json(json.loads(meta)),
            removed=removed_from_json(json.loads(removed)),
            offsets=[(int(a), int(b), int(c)) for a, b, c in json.loads(offsets)],
            spans=spans_from_json(r.get("spans", {})),
            stages=list(r.get("stages", [])),
            origin=origin,
            id=id_,
        )

    _COLS = "id, source_id, origin, raw, text, meta, removed, offsets, reading"

    def get_article(self, article_id: str) -> Article | None:
        rows = self._q(f"SELECT {self._COLS} FROM articles WHERE id = ?", (article_id,))
        return self._article(rows[0]) if rows else None

    def get_articles(self, article_ids: Sequence[str]) -> list[Article]:
        """The articles, in the order asked (missing ones left out)."""
        found: dict[str, Article] = {}
        for chunk in self._chunks(article_ids):
            for row in self._q(f"SELECT {self._COLS} FROM articles WHERE id IN ({self._in(chunk)})", chunk):
                found[row[0]] = self._article(row)
        return [found[i] for i in article_ids if i in found]

    def article_rows(self, article_ids: Collection[str] | None = None) -> list[ArticleRow]:
        sql = (
            "SELECT id, seq, source_id, title, outlet, published, read_state,"
            " COALESCE(json_extract(meta, '$.extra.origin_source'), outlet) FROM articles"
        )
        if article_ids is None:
            return [ArticleRow(*r) for r in self._q(sql + " ORDER BY seq")]
        out: list[ArticleRow] = []
        for chunk in self._chunks(article_ids):
            out += [ArticleRow(*r) for r in self._q(sql + f" WHERE id IN ({self._in(chunk)})", chunk)]
        return sorted(out, key=lambda r: r.seq)

    def openings(self, article_ids: Collection[str], chars: int) -> dict[str, str]:
        """The first ``chars`` characters of each article's text (without loading the whole text)."""
        out: dict[str, str] = {}
        for chunk in self._chunks(article_ids):
            rows = self._q(f"SELECT id, substr(text, 1, ?) FROM articles WHERE id IN ({self._in(chunk)})", (int(chars), *chunk))
            out.update({r[0]: r[1] for r in rows})
        return out

    def count_articles(self) -> int:
        return int(self._q("SELECT COUNT(*) FROM articles")[0][0])

    def pending(self, limit: int | None = None) -> list[str]:
        """Ids of articles not read yet, story by story (oldest story first), in arrival order within a story."""
        sql = (
            "SELECT a.id FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id LEFT JOIN stories s ON s.id = sa.story_id"
            " WHERE a.read_state = 'pending' ORDER BY COALESCE(s.seq, 1e18), a.seq"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self._q(sql)]

    def put_reading(self, article: Article, entities: Sequence[Entity]) -> None:
        """The article's spans and stages (its reading), the metadata reading added (a title found in the text, the
        date its dates were resolved against), and the entities its mentions are linked to."""
        reading = _json({"spans": spans_to_json(article.spans), "stages": list(article.stages)})
        with self.transaction():
            self.db.execute(
                "UPDATE articles SET reading = ?, meta = ?, title = ?, read_state = 'read', read_error = NULL WHERE id = ?",
                (reading, _json(meta_to_json(article.meta)), article.meta.title, article.id),
            )
            counts: dict[str, int] = {}
            for m in article.group("mentions"):
                e = m.attrs.get("entity")
                if e:
                    counts[str(e)] = counts.get(str(e), 0) + 1
            by_id = {e.id: e for e in entities}
            self.db.execute("DELETE FROM article_entities WHERE article_id = ?", (article.id,))
            for eid, n in sorted(counts.items()):
                e = by_id.get(eid)
                if e is None:
                    continue
                old = self._q("SELECT aliases FROM entities WHERE id = ?", (eid,))
                aliases = sorted(set(e.aliases) | set(json.loads(old[0][0]) if old else []))
                self.db.execute(
                    "INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(id) DO UPDATE SET aliases = excluded.aliases",
                    (eid, e.name, e.type, _json(aliases)),
                )
                self.db.execute("INSERT INTO article_entities (article_id, entity_id, mentions) VALUES (?, ?, ?)", (article.id, eid, n))

    def put_read_failure(self, article_id: str, reason: str) -> None:
        with self.transaction():
            self.db.execute("UPDATE articles SET read_state = 'failed', read_error = ? WHERE id = ?", (reason, article_id))

    def read_failures(self) -> list[tuple[str, str, str]]:
        """(article id, origin, reason) of articles whose reading failed."""
        return [tuple(r) for r in self._q("SELECT id, origin, read_error FROM articles WHERE read_state = 'failed' ORDER BY seq")]

    # ------------------------------------------------------------------ features

    def put_features(self, article_id: str, features: Features, signature: np.ndarray, text_hash: str) -> None:
        f = features
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO features (article_id, vector, terms, names, published, lead, signature, text_hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    np.asarray(f.vector, dtype=np.float32).tobytes(),
                    _json(f.terms),
                    _json(f.names),
                    f.published.isoformat() if f.published else None,
                    f.lead,
                    np.asarray(signature, dtype=np.uint64).tobytes(),
                    text_hash,
                ),
            )

    def iter_features(self) -> Iterator[StoredFeatures]:
        sql = (
            "SELECT f.article_id, a.seq, f.vector, f.terms, f.names, f.published, f.lead, f.signature, f.text_hash, sa.story_id"
            " FROM features f JOIN articles a ON a.id = f.article_id LEFT JOIN story_articles sa ON sa.article_id = f.article_id"
            " ORDER BY a.seq"
        )
        for aid, seq, vec, terms, names, pub, lead, sig, th, story in self.db.execute(sql):
            feats = Features(
                vector=np.frombuffer(vec, dtype=np.float32).copy(),
                terms=json.loads(terms),
                names=json.loads(names),
                published=date.fromisoformat(pub) if pub else None,
                lead=lead,
            )
            yield StoredFeatures(aid, int(seq), feats, np.frombuffer(sig, dtype=np.uint64).copy(), th, story)

    def find_text_hash(self, text_hash: str) -> str | None:
        rows = self._q(
            "SELECT f.article_id FROM features f JOIN articles a ON a.id = f.article_id WHERE f.text_hash = ? ORDER BY a.seq LIMIT 1",
            (text_hash,),
        )
        return rows[0][0] if rows else None

    def put_sentence_keys(self, article_id: str, keys: Sequence[tuple[int, int]]) -> None:
        with self.transaction():
            self.db.executemany(
                "INSERT INTO sentence_keys (key, article_id, sentence) VALUES (?, ?, ?)", [(k, article_id, i) for i, k in keys]
            )

    def sentence_hits(self, keys: Collection[int]) -> list[tuple[int, str, int]]:
        out: list[tuple[int, str, int]] = []
        for chunk in self._chunks(sorted(set(keys))):
            out += [
                (int(k), str(a), int(s))
                for k, a, s in self._q(f"SELECT key, article_id, sentence FROM sentence_keys WHERE key IN ({self._in(chunk)})", chunk)
            ]
        return out

    # ------------------------------------------------------------------ stories

    def new_story(self, story_id: str) -> None:
        with self.transaction():
            seq = int(self._q("SELECT COALESCE(MAX(seq), 0) + 1 FROM stories")[0][0])
            self.db.execute("INSERT INTO stories (id, seq, created_at) VALUES (?, ?, ?)", (story_id, seq, _now()))

    def assign(self, article_id: str, story_id: str, score: float) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO story_articles (article_id, story_id, score) VALUES (?, ?, ?)"
                " ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, score = excluded.score",
                (article_id, story_id, float(score)),
            )

    def merge_stories(self, src: str, dst: str) -> None:
        """Move every article of ``src`` into ``dst``; ``src`` stays as a pointer so old ids still resolve."""
        with self.transaction():
            self.db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (dst, src))
            self.db.execute("UPDATE stories SET merged_into = ? WHERE id = ? OR merged_into = ?", (dst, src, src))
            self.db.execute("DELETE FROM briefs WHERE story_id IN (?, ?)", (src, dst))

    def story_of(self, article_id: str) -> str | None:
        rows = self._q("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,))
        return rows[0][0] if rows else None

    def resolve_story(self, story_id: str) -> str | None:
        """The live story an id names: itself, or the story it was merged into. A unique prefix of an id also works."""
        rows = self._q("SELECT id, merged_into FROM stories WHERE id = ?", (story_id,))
        if not rows:
            rows = self._q("SELECT id, merged_into FROM stories WHERE substr(id, 1, length(?)) = ? LIMIT 2", (story_id, story_id))
            if len(rows) != 1:
                return None
        sid, merged = rows[0]
        return str(merged or sid)

    def stories(self) -> list[StoryRow]:
        """Live stories (oldest first) with their articles in arrival order."""
        out: dict[str, StoryRow] = {}
        for sid, sseq in self._q("SELECT id, seq FROM stories WHERE merged_into IS NULL ORDER BY seq"):
            out[sid] = StoryRow(sid, int(sseq))
        sql = "SELECT sa.story_id, sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id ORDER BY a.seq"
        for sid, aid in self._q(sql):
            if sid in out:
                out[sid].articles.append(aid)
        return [s for s in out.values() if s.articles]

    def story_article_ids(self, story_id: str) -> list[str]:
        sql = "SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.seq"
        return [r[0] for r in self._q(sql, (story_id,))]

    def articles_of_story(self, story_id: str) -> list[Article]:
        return self.get_articles(self.story_article_ids(story_id))

    # ------------------------------------------------------------------ links

    def put_link(self, link: Link) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO links (article_id, other_id, kind, similarity) VALUES (?, ?, ?, ?)",
                (link.article, link.other, link.kind, float(link.similarity)),
            )

    def links(self, article_ids: Collection[str]) -> list[Link]:
        """Links with at least one end among the articles."""
        out: set[Link] = set()
        for chunk in self._chunks(article_ids):
            q = self._in(chunk)
            for r in self._q(
                f"SELECT article_id, other_id, kind, similarity FROM links WHERE article_id IN ({q}) OR other_id IN ({q})", chunk + chunk
            ):
                out.add(Link(*r))
        return sorted(out, key=lambda x: (x.article, x.other))

    # ------------------------------------------------------------------ entities

    def entities_of(self, article_ids: Collection[str]) -> list[Entity]:
        found: dict[str, Entity] = {}
        for chunk in self._chunks(article_ids):
            sql = (
                "SELECT e.id, e.name, e.type, e.aliases, a.source_id, ae.mentions FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
                f" JOIN articles a ON a.id = ae.article_id WHERE ae.article_id IN ({self._in(chunk)}) ORDER BY a.seq"
            )
            for eid, name, type_, aliases, src, n in self._q(sql, chunk):
                e = found.setdefault(eid, Entity(eid, name, type_, json.loads(aliases)))
                if src not in e.sources:
                    e.sources.append(src)
                e.mentions += int(n)
        return sorted(found.values(), key=lambda e: (-e.mentions, e.name))

    # ------------------------------------------------------------------ briefs

    def get_brief(self, story_id: str, key: str) -> dict[str, Any] | None:
        rows = self._q("SELECT doc FROM briefs WHERE story_id = ? AND key = ?", (story_id, key))
        return decode_value(json.loads(rows[0][0])) if rows else None

    def put_brief(self, story_id: str, key: str, doc: dict[str, Any]) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO briefs (story_id, key, doc, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(story_id) DO UPDATE SET key = excluded.key, doc = excluded.doc, created_at = excluded.created_at",
                (story_id, key, _json(encode_value(doc)), _now()),
            )

    # ------------------------------------------------------------------ checks

    def integrity(self) -> list[str]:
        """Problems found (empty when sound): SQLite's own check, foreign keys, articles in no story."""
        problems = [r[0] for r in self._q("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in self._q("PRAGMA foreign_key_check")]
        n = self._q("SELECT COUNT(*) FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE sa.article_id IS NULL")[0][0]
        if n:
            problems.append(f"{n} articles in no story")
        return problems
