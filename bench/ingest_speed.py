"""Ingest speed on a few hundred real articles: how many per second get their story, and how many are fully read.

Models are loaded before the clocks start. Story assignment (features, one lead embedding, near-duplicate search,
clustering, one SQLite transaction per article) is timed apart from the spaCy reading that runs behind it.

    python bench/ingest_speed.py            # BASIL (300 articles) and NewsWCL50 (50)
    python bench/ingest_speed.py --limit 100
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=350, help="articles to use (default 350)")
    args = ap.parse_args(argv)

    import eval_clustering as ev

    from newsfuse.api import pipeline
    from newsfuse.fuse.embed import embedder
    from newsfuse.group.stream import Grouper, read_pending
    from newsfuse.ingest import load
    from newsfuse.settings import Settings
    from newsfuse.store.sqlite import SqliteStore

    if not ev.BASIL.is_dir():
        print("../shared is not present; nothing to measure", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        path = ev.write_jsonl([r for r, _ in ev.basil_records()], tmp / "basil.jsonl")
        settings = Settings.load({"db": str(tmp / "speed.db")})
        t0 = time.perf_counter()
        articles = load([path, ev.NEWSWCL], settings).articles[: args.limit]
        t_load = time.perf_counter() - t0
        words = sum(len(a.text.split()) for a in articles)

        t0 = time.perf_counter()
        embedder()
        nlp = pipeline(settings).nlp
        t_models = time.perf_counter() - t0
        nlp("Warm up.")

        store = SqliteStore(settings.db)
        grouper = Grouper(store, settings)
        t0 = time.perf_counter()
        placed = grouper.add(articles)
        t_assign = time.perf_counter() - t0

        t0 = time.perf_counter()
        failed = read_pending(store, pipeline(settings), settings.batch_size)
        t_read = time.perf_counter() - t0
        stories = len(store.stories())
        store.close()

    n = len(placed)
    print(f"articles: {n} ({words / n:.0f} words on average); ingest (load and clean) {t_load:.1f}s; models loaded in {t_models:.1f}s")
    print(f"story assigned: {n / t_assign:.1f} articles/s ({t_assign:.1f}s, {stories} stories)")
    print(f"fully read:     {(n - len(failed)) / t_read:.1f} articles/s ({t_read:.1f}s, {len(failed)} failed)")
    print(f"end to end:     {n / (t_assign + t_read):.1f} articles/s after model load")
    return 0


if __name__ == "__main__":
    sys.exit(main())
