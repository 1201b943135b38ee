"""Score newsfuse's brief against expected findings: the demo corpus, the seeds and the team's gold for real events
(expectations in tests/quality/), and print what was missed.

Usage: python bench/score_brief.py [--no-urls] [SET or folder ...]

NewsWCL50's texts carry no metadata: its ``urls.tsv`` holds each article's URL, with the publication date in most.
By default each text is given the ``URL:`` line a crawler's record would carry (in a temporary copy), so dates resolve
as they would in use; ``--no-urls`` scores the bare texts."""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsfuse.api import brief, read
from newsfuse.ingest.ids import file_stem
from newsfuse.quality import PairScore, score_brief, score_pairs
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


def main(argv: list[str]) -> int:
    bare = "--no-urls" in argv
    names = [a for a in argv if a != "--no-urls"] or list(SETS)
    real: list[Any] = []
    pairs: list[PairScore] = []
    for name in names:
        inputs, exp = SETS.get(name, ([Path(name)], Path(name) / "expected.json"))
        if not all(p.exists() for p in inputs) or not exp.exists():
            print(f"{name}: skipped (inputs or {exp} missing)")
            continue
        t = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:  # read() has the texts in memory once it returns
            r = read(inputs if bare else with_urls(inputs, json.loads(exp.read_text()), Path(tmp)))
        doc = brief_json(brief(r))
        sc = score_brief(doc, json.loads(exp.read_text()))
        print(f"{name}: {sc.report()}  [{time.perf_counter() - t:.1f}s]")
        for m in sc.missed:
            print("   -", m)
        for a in sc.alarms:
            print("   ! false alarm:", a)
        labelled = ROOT / "tests" / "quality" / "gold_pairs" / f"{name}.json"
        if labelled.exists():
            pairs.append(score_pairs(doc, json.loads(labelled.read_text())["pairs"]))
            print("   ", pairs[-1].report())
        if name in REAL:
            real.append((json.loads(exp.read_text()).get("corpus", "?"), sc))
    groups = {"real events": [sc for _, sc in real]}
    for corpus in sorted({c for c, _ in real}):
        groups[f"  {corpus}"] = [sc for c, sc in real if c == corpus]
    for label, scs in groups.items() if real else ():
        facts = sum(sc.ratios()["facts_loose"] for sc in scs) / len(scs)
        strict = sum(sc.ratios()["facts_strict"] for sc in scs) / len(scs)
        found, total = sum(sc.discrepancies_found for sc in scs), sum(sc.discrepancies for sc in scs)
        alarms = sum(sc.false_alarms for sc in scs)
        print(
            f"{label} ({len(scs)}, {'bare texts' if bare else 'with URLs'}): facts (Jaccard>=0.75) mean {facts:.0%}"
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
