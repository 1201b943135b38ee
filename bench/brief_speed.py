"""Brief speed and memory, split by stage. A benchmark that prints figures, never a test that fails on timings.

    .venv/bin/python bench/brief_speed.py                   # seeds and the 10-article story, 3 repetitions
    .venv/bin/python bench/brief_speed.py --story ten --repeat 5
    .venv/bin/python bench/brief_speed.py --story seeds --profile   # + cProfile of one brief, our code only

Stories:

* ``seeds``: ../shared/seeds, the five reports of one event the project started from (~1,900 words). Target: a brief
  in <= 3 s once the models are loaded.
* ``ten``: a real 10-article story, not a padded one. NewsWCL50 has only 5 articles per event and BASIL 3, and
  duplicating the demo corpus under new ids would only measure the same five texts twice (and make every statement
  a verbatim copy, which is not how alignment is exercised). ECB+ sub-topic 29-ecbplus is one event reported by 13
  outlets (the Colts beat the Chiefs 20-13 and clinch a playoff berth, 23 Dec 2012): the benchmark takes its first
  ten documents by number (29_1 ... 29_10, ~6,400 words, 148 to 904 words each; several are AP wire copies, as
  in real coverage). The ECB+ XML (tokenised) is turned back into JSON records (url, date from the url, headline,
  text) by :func:`ecb_record`, written to a temporary JSONL file and ingested by newsfuse's own ``load`` (timed).
  Target: <= 6 s once the models are loaded.
* ``demo``: examples/harbor-collapse (5 articles); the fallback when ../shared is absent, and the warm-up story.

Each story is measured in its own fresh subprocess: load the spaCy pipeline and the embedder (timed, reported apart),
brief the demo story once as a warm-up (lazy initialisations in our code), then ``--repeat`` timed briefs of the
story. One brief = ingest (``newsfuse.ingest.load``) + reading (``read_articles``) + fusion (``newsfuse.api.brief``)
+ rendering (``brief_json`` then ``json.dumps`` and ``brief_html``, what ``newsfuse brief --format json|html`` does).
Stages are timed by wrapping functions from this script (nothing is added to the product): the spaCy pass (each
advance of ``nlp.pipe``), every reading stage, entity linking, speaker attachment, statement gathering, sentence
embeddings, alignment, independence, discrepancies, timeline, quotes, rendering. The first timed brief is shown
apart from the best and the median; the stage table shows medians. "Outside parse + embeddings" is the share of the
brief spent anywhere but the spaCy pass and the embedding model (tokenizer + ONNX run + pooling). Peak memory is
``ru_maxrss`` of the subprocess (models included), target <= 2 GB.

The machine may be shared: the load average is printed; wall time and process CPU time (all threads) are both shown.
"""

from __future__ import annotations

import argparse
import html
import importlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _timing import Clock, TimedNLP, TimedStage, load_line, maxrss_mb

T_START = time.time()

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "examples" / "harbor-collapse"
MARK = "@@RESULT "
TARGETS_S = {"seeds": 3.0, "ten": 6.0, "demo": 3.0}
MEMORY_TARGET_MB = 2048.0
TEN_TOPIC, TEN_COUNT = "29", 10


# ---------------------------------------------------------------- timing by wrapping


def instrument(clock: Clock) -> None:
    """Wrap the product's functions where they are looked up at call time (module globals)."""
    from newsfuse.api import pipeline

    pl = pipeline()
    pl._nlp = TimedNLP(pl.nlp, clock, "spaCy parse")  # type: ignore[assignment]  # the pipeline types it as loaded lazily
    pl.stages = [TimedStage(s, clock, "read: stage ") for s in pl.stages]
    rp = importlib.import_module("newsfuse.read.pipeline")  # newsfuse.read is also a function: import by name
    fz = importlib.import_module("newsfuse.fuse")
    dz = importlib.import_module("newsfuse.fuse.discrepancies")
    _wrap_attr(rp, "link_entities", clock, "read: link_entities")
    _wrap_attr(rp, "attach_speakers", clock, "read: attach_speakers")
    for name, bucket in (
        ("gather", "fuse: statements (gather)"),
        ("_embed", "embeddings"),
        ("align", "fuse: alignment"),
        ("derived_links", "fuse: independence"),
        ("build_timeline", "fuse: timeline"),
        ("collect_quotes", "fuse: quotes"),
    ):
        _wrap_attr(fz, name, clock, bucket)
    for name in ("within", "across", "dedupe"):
        _wrap_attr(dz, name, clock, "fuse: discrepancies")


def _wrap_attr(module: Any, name: str, clock: Clock, bucket: str) -> None:
    """Wrap ``module.name`` if the product still has it (the code moves; the benchmark should not break on a rename)."""
    fn = getattr(module, name, None)
    if not callable(fn):
        print(f"  note: {module.__name__}.{name} not found; its time is counted in the surrounding total", file=sys.stderr)
        return
    setattr(module, name, clock.wrap(fn, bucket))


# ---------------------------------------------------------------- stories


def detokenize(tokens: Sequence[str]) -> str:
    """ECB+ tokens back to running text (quotes, punctuation, clitics and hyphens re-attached)."""
    s = " ".join(tokens).replace("``", "\u201c").replace("''", "\u201d")
    s = re.sub(r"\s+([.,;:!?%)\]}\u201d])", r"\1", s)
    s = re.sub(r"([(\[{$\u201c])\s+", r"\1", s)
    s = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    s = re.sub(r"(?<=\w) - (?=\w)", "-", s)
    return html.unescape(re.sub(r"(?<=\d)([:.]) (?=\d)", r"\1", s))


def ecb_record(path: Path) -> dict[str, object]:
    """One ``*ecbplus.xml`` document as a JSON record: sentence 0 is the URL, sentence 1 the headline; the date is
    the one in the URL (/2012/12/23/) when there is one, else newsfuse finds what it can in the text."""
    sents: dict[int, list[str]] = defaultdict(list)
    for t in ET.parse(path).getroot().iter("token"):
        sents[int(t.get("sentence", "0"))].append(t.text or "")
    lines = [detokenize(sents[k]) for k in sorted(sents)]
    rec: dict[str, object] = {"id": path.stem, "url": lines[0].replace(" ", ""), "title": lines[1], "text": "\n".join(lines[2:])}
    m = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", str(rec["url"]))
    if m:
        rec["date"] = "-".join(m.groups())
    return rec


def ten_records() -> list[dict[str, object]]:
    folder = SHARED / "corpus" / "ecbplus" / "ECB+_LREC2014" / "ECB+" / TEN_TOPIC
    files = sorted(folder.glob("*ecbplus.xml"), key=lambda p: int(p.stem.split("_")[1].removesuffix("ecbplus")))
    return [ecb_record(f) for f in files[:TEN_COUNT]]


def story_inputs(name: str, tmp: Path) -> list[str]:
    if name == "seeds":
        return [str(SHARED / "seeds")]
    if name == "demo":
        return [str(DEMO)]
    if name == "ten":
        path = tmp / f"ecbplus-{TEN_TOPIC}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in ten_records():
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        return [str(path)]
    raise SystemExit(f"unknown story {name!r}")


# ---------------------------------------------------------------- the worker (one fresh subprocess per story)


def one_brief(inputs: Sequence[str], clock: Clock) -> dict[str, Any]:
    from newsfuse.api import brief, read_articles
    from newsfuse.ingest import load
    from newsfuse.render import brief_html, brief_json
    from newsfuse.settings import Settings

    settings = Settings.load()
    w, c = time.perf_counter(), time.process_time()
    batch = clock.wrap(load, "ingest")(inputs, settings)
    reading = clock.wrap(read_articles, "read total")(batch.articles, settings)
    b = clock.wrap(brief, "fuse total")(reading, settings)
    doc = clock.wrap(brief_json, "render: JSON document")(b)
    clock.wrap(json.dumps, "render: JSON text")(doc, ensure_ascii=False, indent=2)
    clock.wrap(brief_html, "render: HTML")(doc)
    return {
        "wall": time.perf_counter() - w,
        "cpu": time.process_time() - c,
        "articles": len(reading.articles),
        "words": sum(len(a.text.split()) for a in reading.articles),
        "facts": len(b.facts),
        "discrepancies": len(b.discrepancies),
    }


def worker(story: str, repeat: int, profile: bool, top: int) -> None:
    t_main = time.time()
    from newsfuse.api import pipeline
    from newsfuse.fuse.embed import embedder

    t_imports = time.time() - t_main
    t0 = time.perf_counter()
    if pipeline().nlp is None:  # the property loads the model
        raise SystemExit("no spaCy pipeline")
    t_spacy = time.perf_counter() - t0
    t0 = time.perf_counter()
    embedder()
    t_embed = time.perf_counter() - t0
    loaded_mb = maxrss_mb()
    with tempfile.TemporaryDirectory() as td:
        inputs = story_inputs(story, Path(td))
        clock = Clock()
        instrument(clock)
        one_brief([str(DEMO)], clock)  # warm-up on another story
        t_first_brief = time.time() - T_START
        runs = []
        for _ in range(repeat):
            clock.reset()
            r = one_brief(inputs, clock)
            r["stages_wall"], r["stages_cpu"] = dict(clock.wall), dict(clock.cpu)
            runs.append(r)
        prof = profile_brief(inputs, top) if profile else None
    print(
        MARK
        + json.dumps(
            {
                "imports_s": t_imports,
                "spacy_load_s": t_spacy,
                "embedder_load_s": t_embed,
                "start_to_first_brief_s": t_first_brief,
                "loaded_mb": loaded_mb,
                "peak_mb": maxrss_mb(),
                "runs": runs,
                "profile": prof,
            }
        ),
        flush=True,
    )


def profile_brief(inputs: Sequence[str], top: int) -> str:
    """cProfile of one more brief (still instrumented: the wrappers show up as bench/brief_speed.py:timed and are
    filtered out); rows of our own code (src/newsfuse) only, by own time and by cumulative time."""
    import cProfile
    import io
    import pstats

    pr = cProfile.Profile()
    pr.enable()
    one_brief(inputs, Clock())
    pr.disable()
    out = io.StringIO()
    st = pstats.Stats(pr, stream=out)
    st.sort_stats("tottime").print_stats(r"src/newsfuse", top)
    st.sort_stats("cumulative").print_stats(r"src/newsfuse", top)
    text = out.getvalue()
    return text.replace(str(ROOT / "src") + "/", "")


# ---------------------------------------------------------------- the parent


ORDER = [
    "ingest",
    "spaCy parse",
    "read: stage sentences",
    "read: stage statements",
    "read: stage mentions",
    "read: stage quotes",
    "read: stage quantities",
    "read: stage times",
    "read: link_entities",
    "read: attach_speakers",
    "read: (loop, span writing)",
    "fuse: statements (gather)",
    "embeddings",
    "fuse: alignment",
    "fuse: independence",
    "fuse: discrepancies",
    "fuse: timeline",
    "fuse: quotes",
    "fuse: (facts, scores, headline)",
    "render: JSON document",
    "render: JSON text",
    "render: HTML",
]
READ_PARTS = [k for k in ORDER if k.startswith("read:") and "(" not in k] + ["spaCy parse"]
FUSE_PARTS = [k for k in ORDER if k.startswith("fuse:") and "(" not in k] + ["embeddings"]


def with_rest(stages: dict[str, float]) -> dict[str, float]:
    s = dict(stages)
    s["read: (loop, span writing)"] = s.get("read total", 0.0) - sum(s.get(k, 0.0) for k in READ_PARTS)
    s["fuse: (facts, scores, headline)"] = s.get("fuse total", 0.0) - sum(s.get(k, 0.0) for k in FUSE_PARTS)
    return s


def bench_story(story: str, repeat: int, profile: bool, top: int) -> dict[str, Any]:
    print(f"\n=== {story}   [{load_line()}]")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", story, "--repeat", str(repeat), "--top", str(top)]
    if profile:
        cmd.append("--profile")
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    res = next((json.loads(ln[len(MARK) :]) for ln in proc.stdout.splitlines() if ln.startswith(MARK)), None)
    if res is None:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"worker for {story} failed (exit {proc.returncode})")
    for ln in proc.stderr.splitlines():
        if ln.startswith("  note:"):
            print(ln)
    runs = res["runs"]
    r0 = runs[0]
    target = TARGETS_S[story]
    walls = [r["wall"] for r in runs]
    cpus = [r["cpu"] for r in runs]
    best, med = min(walls), statistics.median(walls)
    print(f"{r0['articles']} articles, {r0['words']} words -> {r0['facts']} facts, {r0['discrepancies']} discrepancies")
    print(
        f"models: newsfuse imports {res['imports_s']:.2f} s, spaCy load {res['spacy_load_s']:.2f} s, embedder load {res['embedder_load_s']:.2f} s; "
        f"process start to the warm-up brief done {res['start_to_first_brief_s']:.1f} s"
    )
    print(
        f"brief after load ({len(runs)} runs): first {walls[0]:.2f} s, best {best:.2f} s, median {med:.2f} s (CPU best {min(cpus):.2f} s, "
        f"median {statistics.median(cpus):.2f} s); target <= {target:.0f} s -> {'OK' if med <= target else 'OVER'}"
    )
    wall = {k: statistics.median(with_rest(r["stages_wall"]).get(k, 0.0) for r in runs) for k in {*ORDER, "read total", "fuse total"}}
    cpu = {k: statistics.median(with_rest(r["stages_cpu"]).get(k, 0.0) for r in runs) for k in {*ORDER, "read total", "fuse total"}}
    total = sum(wall[k] for k in ORDER) or 1e-9
    print(f"  {'stage (median of runs)':34} {'wall s':>7} {'share':>6} {'CPU s':>7}")
    for k in ORDER:
        print(f"  {k:34} {wall[k]:7.3f} {wall[k] / total:6.1%} {cpu[k]:7.3f}")
    print(f"  {'total':34} {total:7.3f} {1:6.1%} {sum(cpu[k] for k in ORDER):7.3f}")
    nlp = wall["spaCy parse"] + wall["embeddings"]
    nlp_cpu = cpu["spaCy parse"] + cpu["embeddings"]
    cpu_total = sum(cpu[k] for k in ORDER) or 1e-9
    outside = 1 - nlp / total
    print(
        f"  outside parse + embeddings: {total - nlp:.3f} s = {outside:.1%} of the brief (CPU: {cpu_total - nlp_cpu:.3f} s = {1 - nlp_cpu / cpu_total:.1%})"
    )
    peak = res["peak_mb"]
    print(
        f"peak memory (ru_maxrss): {peak:.0f} MB (models loaded: {res['loaded_mb']:.0f} MB); target <= {MEMORY_TARGET_MB:.0f} MB -> {'OK' if peak <= MEMORY_TARGET_MB else 'OVER'}"
    )
    if res["profile"]:
        print("\ncProfile of one more brief, src/newsfuse rows only:\n" + res["profile"])
    return {"story": story, "best": best, "median": med, "target": target, "outside": outside, "peak_mb": peak}


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--story", choices=("seeds", "ten", "all", "demo"), default="all")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--profile", action="store_true", help="also cProfile one brief and list our hottest functions")
    p.add_argument("--top", type=int, default=25, help="rows of the profile listing")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        worker(args.worker, max(1, args.repeat), args.profile, args.top)
        return 0
    names = ["seeds", "ten"] if args.story == "all" else [args.story]
    if not SHARED.is_dir() and args.story != "demo":
        print(f"{SHARED} is absent: skipping {', '.join(names)}; measuring the demo story {DEMO.relative_to(ROOT)} instead.")
        names = ["demo"]
    print(f"brief_speed: python {sys.version.split()[0]}, {load_line()}")
    results = [bench_story(n, max(1, args.repeat), args.profile, args.top) for n in names]
    print(f"\nsummary   [{load_line()}]")
    for r in results:
        print(
            f"  {r['story']:6} brief best {r['best']:.2f} s, median {r['median']:.2f} s (<= {r['target']:.0f} s); "
            f"outside parse + embeddings {r['outside']:.0%}; peak {r['peak_mb']:.0f} MB (<= {MEMORY_TARGET_MB:.0f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
