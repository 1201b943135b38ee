"""Score newsfuse's brief against expected findings: the demo corpus, the seeds and the team's gold for real events
(expectations in tests/quality/), and print what was missed.

Usage: python bench/score_brief.py [--no-urls] [--cache DIR] [--jobs N] [--json OUT] [--compare OLD] [SET or folder ...]

NewsWCL50's texts carry no metadata: its ``urls.tsv`` holds each article's URL, with the publication date in most.
By default each text is given the ``URL:`` line a crawler's record would carry (in a temporary copy), so dates resolve
as they would in use; ``--no-urls`` scores the bare texts."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import functools
import hashlib
import importlib.util
import json
import multiprocessing
import pickle
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsfuse.api import Reading, brief, read
from newsfuse.ingest.ids import file_stem
from newsfuse.quality import PairScore, Score, score_brief, score_pairs
from newsfuse.render import brief_json

ROOT = Path(__file__).resolve().parents[1]
SETS: dict[str, tuple[list[Path], Path]] = {
    "demo": ([ROOT / "examples" / "harbor-collapse"], ROOT / "examples" / "harbor-collapse" / "expected.json"),
    "seeds": ([ROOT.parent / "shared" / "seeds"], ROOT / "tests" / "quality" / "seeds_expected.json"),
}
# invented five-outlet stories with their expectations, written blind by the team (tests/quality/fiction)
for _folder in sorted((ROOT / "tests" / "quality" / "fiction").glob("*/expected.json")):
    SETS[f"fiction-{_folder.parent.name}"] = ([_folder.parent], _folder)
# real events with gold written by the team (keywords only; inputs read from ../shared)
REAL: list[str] = []
for gold in sorted((ROOT / "tests" / "quality" / "gold").glob("*.json")):
    SETS[gold.stem] = ([(ROOT / p).resolve() for p in json.loads(gold.read_text())["inputs"]], gold)
    REAL.append(gold.stem)


def with_urls(inputs: Sequence[Path], expected: Mapping[str, Any], folder: Path) -> list[Path]:
    """The inputs of a gold set as newsfuse would be given them. NewsWCL50's texts: copies in ``folder``, each opening
    with its URL line from the corpus's ``urls.tsv`` (same file names, so the same source ids). ECB+'s tokenised XML:
    one JSON record per document (text rebuilt from the tokens, with its URL, headline and date line as metadata;
    the file stem as id), as ``bench/eval_clustering.py`` reads them. Other sets, or a corpus without its table, as
    given."""
    if expected.get("corpus") == "ecbplus":
        return [_ecb_json(p, folder) for p in inputs]
    table = ROOT.parent / "shared" / "corpus" / "newswcl50" / "urls.tsv"
    if expected.get("corpus") != "newswcl50" or not table.exists():
        return list(inputs)
    with table.open(encoding="utf-8", newline="") as fh:
        urls = {f"{row['Event ID']}_{row['Outlet']}": row["URL"] for row in csv.DictReader(fh, delimiter="\t")}
    out = []
    for p in inputs:
        url = urls.get(file_stem(p.name))  # the source id newsfuse gives it ("4_L.txt.txt" -> 4_L)
        if url is None:
            out.append(p)
            continue
        copy = folder / p.name
        copy.write_bytes(f"URL: {url}\n\n".encode() + p.read_bytes())
        out.append(copy)
    return out


@functools.cache
def _clustering_bench() -> Any:
    """``bench/eval_clustering.py``, loaded once: its ECB+ reader rebuilds a document's text from the tokens."""
    spec = importlib.util.spec_from_file_location("bench_eval_clustering", Path(__file__).resolve().parent / "eval_clustering.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ecb_json(path: Path, folder: Path) -> Path:
    rec, _ = _clustering_bench().ecb_record(path)
    out = folder / f"{path.stem}.json"
    out.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    return out


@functools.cache
def _reading_code() -> bytes:
    """The code that ingests and reads, as this run found it first: an edit made while the run goes on (whose
    processes have the code loaded already) does not file their readings under the edited code's key."""
    code = ROOT / "src" / "newsfuse"
    files = sorted([*code.glob("*.py"), *(code / "ingest").glob("*.py"), *(code / "read").glob("*.py")])
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).digest()


def _reading_key(inputs: Sequence[Path], bare: bool) -> str:
    """What a cached reading depends on: the input bytes and the code that ingests and reads them."""
    h = hashlib.sha256(b"bare" if bare else b"urls")
    h.update(_reading_code())
    for p in inputs:
        for f in sorted(p.rglob("*")) if p.is_dir() else [p]:
            if f.is_file():
                h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:16]


def _reading(name: str, inputs: Sequence[Path], exp: Path, bare: bool, cache: Path | None) -> Reading:
    """The set's reading; with ``cache``, kept there (a pickle per set) until the inputs or the reading code change."""
    stored = cache / f"{Path(name).name}-{_reading_key(inputs, bare)}.pickle" if cache else None
    if stored is not None and stored.exists():
        return pickle.loads(stored.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:  # read() has the texts in memory once it returns
        r = read(inputs if bare else with_urls(inputs, json.loads(exp.read_text()), Path(tmp)), for_brief=True)
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(pickle.dumps(r))
    return r


def score_set(name: str, bare: bool, cache: Path | None) -> dict[str, Any] | None:
    """One set's score and the lines to print about it (None when its inputs are absent)."""
    inputs, exp = SETS.get(name, ([Path(name)], Path(name) / "expected.json"))
    if not all(p.exists() for p in inputs) or not exp.exists():
        return None
    t = time.perf_counter()
    doc = brief_json(brief(_reading(name, inputs, exp, bare, cache)))
    expected = json.loads(exp.read_text())
    sc = score_brief(doc, expected)
    lines = [f"{name}: {sc.report()}  [{time.perf_counter() - t:.1f}s]"]
    lines += [f"   - {m}" for m in sc.missed] + [f"   ! false alarm: {a}" for a in sc.alarms]
    out: dict[str, Any] = {"name": name, "score": dataclasses.asdict(sc), "corpus": expected.get("corpus", "?")}
    labelled = ROOT / "tests" / "quality" / "gold_pairs" / f"{name}.json"
    if labelled.exists():
        ps = score_pairs(doc, json.loads(labelled.read_text())["pairs"])
        lines.append(f"    {ps.report()}")
        out["pairs"] = dataclasses.asdict(ps)
    out["lines"] = lines
    return out


def _score_one(job: tuple[str, bool, Path | None]) -> dict[str, Any] | None:
    return score_set(*job)


def _compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """What changed set by set between two ``--json`` files: expectations found or lost, false alarms raised or gone."""
    lines = []
    for name in sorted(set(old) & set(new)):
        a, b = old[name]["score"], new[name]["score"]
        gained = [m for m in a["missed"] if m not in b["missed"]]
        lost = [m for m in b["missed"] if m not in a["missed"]]
        raised = [x for x in b["alarms"] if x not in a["alarms"]]
        gone = [x for x in a["alarms"] if x not in b["alarms"]]
        for label, items in (("+ found", gained), ("- lost", lost), ("! new false alarm", raised), ("  alarm gone", gone)):
            lines += [f"{name}: {label}: {item}" for item in items]
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", help="set names (default: all) or folders holding texts and expected.json")
    parser.add_argument("--no-urls", action="store_true", help="score NewsWCL50's bare texts")
    parser.add_argument("--cache", type=Path, help="keep each set's reading here until the inputs or reading code change")
    parser.add_argument("--jobs", type=int, default=1, help="sets scored in parallel (each process loads the models)")
    parser.add_argument("--json", type=Path, help="write every set's score here")
    parser.add_argument("--compare", type=Path, help="an earlier --json file: print what was found, lost, raised")
    parser.add_argument("-q", "--quiet", action="store_true", help="only the summary lines")
    args = parser.parse_args(argv)
    bare = args.no_urls
    names = args.sets or list(SETS)
    jobs = [(n, bare, args.cache) for n in names]
    if args.cache is not None:
        importlib.import_module("newsfuse.fuse")  # the code as it is now, in every process, with the key it is kept under
        importlib.import_module("newsfuse.read.pipeline")
        _reading_code()
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = pool.map(_score_one, jobs, chunksize=1)
    else:
        results = [_score_one(j) for j in jobs]
    real: list[tuple[str, Score]] = []
    pairs: list[PairScore] = []
    done: dict[str, Any] = {}
    for name, res in zip(names, results, strict=True):
        if res is None:
            print(f"{name}: skipped (inputs or expected findings missing)")
            continue
        done[name] = res
        if not args.quiet:
            print("\n".join(res["lines"]))
        if "pairs" in res:
            pairs.append(PairScore(**res["pairs"]))
        if name in REAL:
            real.append((res["corpus"], Score(**res["score"])))
    groups = {"real events": [sc for _, sc in real]}
    for corpus in sorted({c for c, _ in real}):
        groups[f"  {corpus}"] = [sc for c, sc in real if c == corpus]
    invented = [Score(**r["score"]) for n, r in done.items() if n.startswith("fiction-")]
    if invented:
        groups["invented stories (tests/quality/fiction)"] = invented
    for label, scs in groups.items() if done else ():
        if not scs:
            continue
        facts = sum(sc.ratios()["facts_loose"] for sc in scs) / len(scs)
        strict = sum(sc.ratios()["facts_strict"] for sc in scs) / len(scs)
        found, total = sum(sc.discrepancies_found for sc in scs), sum(sc.discrepancies for sc in scs)
        alarms = sum(sc.false_alarms for sc in scs)
        print(
            f"{label} ({len(scs)}, {'bare texts' if bare else 'with URLs'}): facts (Jaccard>=0.75) mean {facts:.1%}"
            f" ({strict:.0%} by the expected spans); "
            f"disagreements {found}/{total} ({found / max(total, 1):.0%}); false alarms {alarms}; "
            f"timeline dates {sum(sc.dates_found for sc in scs)}/{sum(sc.dates_expected for sc in scs)}"
        )
    if pairs:
        right, wrong = sum(p.together_same for p in pairs), sum(p.together_other for p in pairs)
        print(
            f"labelled member pairs ({len(pairs)} stories): {right + wrong} held in one fact, {wrong} of them two different"
            f" things (precision {right / max(right + wrong, 1):.0%}); {sum(p.apart_same for p in pairs)} pairs of one"
            f" fact split apart; {sum(p.unmatched for p in pairs)} unmatched"
        )
    if args.compare:
        print("\n".join(_compare(json.loads(args.compare.read_text()), done)) or "no change in what was found")
    if args.json:
        args.json.write_text(json.dumps(done, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
