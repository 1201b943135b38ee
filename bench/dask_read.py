"""Reading stored articles here against reading them on Dask workers: articles/s and the ratio. A benchmark that
prints figures, never a test.

    .venv/bin/python bench/dask_read.py                   # BASIL's 300 articles (demo corpus when ../shared is absent)
    .venv/bin/python bench/dask_read.py --workers 4 --corpus ../shared/corpus/newswcl50/1-raw-articles

Each side gets its own fresh store, filled by ``ingest --no-read`` (untimed), then ``read-pending`` is timed: in this
process (model load included), and with ``dask=local:N`` (cluster start and one model load per worker included,
then shown apart from the reading itself). On a machine with few cores the workers compete with each other and with
this process; the gain shows with more cores or a real cluster (``dask=tcp://...``).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from newsfuse.api import ingest, read_pending
from newsfuse.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def _basil_texts() -> list[Path]:
    return sorted((ROOT.parent / "shared" / "corpus" / "basil" / "articles").glob("*/*.json"))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--corpus", help="a folder of inputs (default: BASIL's articles, else the demo corpus)")
    p.add_argument("--workers", type=int, default=max(1, os.cpu_count() or 1))
    args = p.parse_args()
    inputs: list[Path]
    if args.corpus:
        inputs = [Path(args.corpus)]
    else:
        inputs = _basil_texts() or [ROOT / "examples" / "harbor-collapse"]
    print(f"cpus: {os.cpu_count()}; load average: {os.getloadavg()[0]:.2f}; workers: {args.workers}")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for where in ("", f"local:{args.workers}"):
            settings = Settings.load({"db": str(Path(tmp) / f"{where or 'here'}.db".replace(":", "-")), "dask": where})
            report = ingest(inputs, settings, read_now=False)
            t0 = time.perf_counter()
            n, failed = read_pending(settings)
            wall = time.perf_counter() - t0
            results[where or "here"] = (n, wall)
            label = f"dask {where}" if where else "this process"
            print(f"{label:18} {n} articles ({len(failed)} failed, {report.stored} stored) in {wall:.1f} s: {n / wall:.2f} articles/s")
    (n1, w1), (n2, w2) = results.values()
    print(f"ratio dask/here (throughput, start-up included): {(n2 / w2) / (n1 / w1):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
