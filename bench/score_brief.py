"""Score newsfuse's brief against expected findings: the demo corpus, the seeds (expectations in tests/quality/),
and print what was missed. Usage: python bench/score_brief.py [examples/harbor-collapse ...]"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from newsfuse.api import brief, read
from newsfuse.quality import score_brief
from newsfuse.render import brief_json

ROOT = Path(__file__).resolve().parents[1]
SETS: dict[str, tuple[list[Path], Path]] = {
    "demo": ([ROOT / "examples" / "harbor-collapse"], ROOT / "examples" / "harbor-collapse" / "expected.json"),
    "seeds": ([ROOT.parent / "shared" / "seeds"], ROOT / "tests" / "quality" / "seeds_expected.json"),
}
# real events with gold written by the team (keywords only; inputs read from ../shared)
for gold in sorted((ROOT / "tests" / "quality" / "gold").glob("*.json")):
    SETS[gold.stem] = ([(ROOT / p).resolve() for p in json.loads(gold.read_text())["inputs"]], gold)


def main(argv: list[str]) -> int:
    names = argv or list(SETS)
    for name in names:
        inputs, exp = SETS.get(name, ([Path(name)], Path(name) / "expected.json"))
        if not all(p.exists() for p in inputs) or not exp.exists():
            print(f"{name}: skipped (inputs or {exp} missing)")
            continue
        t = time.perf_counter()
        r = read(inputs)
        doc = brief_json(brief(r))
        sc = score_brief(doc, json.loads(exp.read_text()))
        print(f"{name}: {sc.report()}  [{time.perf_counter() - t:.1f}s]")
        for m in sc.missed:
            print("   -", m)
        for a in sc.alarms:
            print("   ! false alarm:", a)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
