"""A real process really killed (SIGKILL) mid-ingest, then the same command again: nothing lost, nothing twice.

The first run pauses after each stored article (setting ``ingest_pause``) so that the kill lands mid-stream; it is
killed once it has committed a few articles. The second run reads in batches of two and is killed once some reading
has been committed. The third run must finish the job, and the stories must be those of an uninterrupted run.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.group.corpus import write_stream

pytestmark = pytest.mark.models

ROOT = Path(__file__).resolve().parents[2]


def _count(db: Path, where: str = "1") -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute(f"SELECT COUNT(*) FROM articles WHERE {where}").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def _kill_when(cmd: list[str], env: dict[str, str], db: Path, where: str, n: int) -> int:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 180
    try:
        while _count(db, where) < n:
            assert proc.poll() is None, f"finished before it could be killed: {proc.stderr.read().decode() if proc.stderr else ''}"
            assert time.monotonic() < deadline, "no progress"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return _count(db, where)


def _memberships(db: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(db)
    try:
        return sorted(con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    finally:
        con.close()


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    total = len(write_stream(folder))
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "newsfuse", "ingest", str(folder), "--db", str(db), "-q"]
    env = {**os.environ, "NEWSFUSE_BATCH_SIZE": "2"}

    # 1. killed while placing articles in stories
    stored = _kill_when([*cmd, "--no-read"], {**env, "NEWSFUSE_INGEST_PAUSE": "0.5"}, db, "1", 3)
    assert 3 <= stored < total

    # 2. the same command again (now reading too), killed once some reading is committed
    read = _kill_when(cmd, env, db, "read_state = 'read'", 2)
    assert read < total

    # 3. again: it completes
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _count(db) == total and _count(db, "read_state = 'read'") == total
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0] == total
        assert con.execute("SELECT COUNT(DISTINCT input_key) FROM articles").fetchone()[0] == total
    finally:
        con.close()

    # 4. a fourth run adds nothing; the stories are those of an uninterrupted run
    again = subprocess.run([*cmd, "--no-read"], env=env, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert again.returncode == 0 and f"0 articles stored, {total} already stored" in again.stderr
    clean = tmp_path / "clean.db"
    subprocess.run([*cmd[:-3], "--db", str(clean), "--no-read", "-q"], env=env, check=True, cwd=ROOT, timeout=300)
    assert _memberships(db) == _memberships(clean)
