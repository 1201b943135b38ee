"""Precision check for disagreements on stories without gold: print every disagreement newsfuse raises on random
BASIL events and on NewsWCL50 events, for a person to judge right or wrong (the README quotes the last judgement).

    python bench/disagreement_sample.py                        # 30 BASIL events (seed 0) + NewsWCL50 0, 1, 3, 4, 6, 8
    python bench/disagreement_sample.py --basil 40 --seed 5 --wcl ""

Events with team gold (tests/quality/gold) are left out: they are scored by bench/score_brief.py, false alarms
included. Since the fourth session every NewsWCL50 event has gold, so only BASIL events remain here.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from newsfuse.api import brief, read
from newsfuse.render import brief_json

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def samples(n_basil: int, seed: int, wcl: list[str]) -> dict[str, list[Path]]:
    gold = {json.loads(p.read_text())["inputs"][0] for p in (ROOT / "tests" / "quality" / "gold").glob("*.json")}
    gold_events = {Path(g).name.rsplit("_", 1)[0] for g in gold} | {Path(g).parent.name for g in gold}
    out: dict[str, list[Path]] = {}
    for e in wcl:
        folder = CORPUS / "newswcl50" / "1-raw-articles" / f"event_{e}"
        if folder.is_dir() and folder.name not in gold_events:
            out[f"newswcl50 {folder.name}"] = sorted(folder.glob("*.txt"))
    events: dict[str, list[Path]] = defaultdict(list)
    for f in sorted((CORPUS / "basil" / "articles").glob("*/*.json")):
        events[f.stem.rsplit("_", 1)[0]].append(f)
    keys = [k for k in sorted(events) if k not in gold_events]
    for k in random.Random(seed).sample(keys, min(n_basil, len(keys))):
        out[f"basil {k[:8]}"] = events[k]
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--basil", type=int, default=30, help="random BASIL events (default 30)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--wcl", default="0,1,3,4,6,8", help="NewsWCL50 event numbers, comma-separated")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not present")
        return 0
    stories = samples(args.basil, args.seed, [e for e in args.wcl.split(",") if e.strip()])
    raised = 0
    for name, files in stories.items():
        doc = brief_json(brief(read(files)))
        raised += len(doc["discrepancies"])
        for d in doc["discrepancies"]:
            print(f"== {name}: {d['summary']}")
            for v in d["variants"]:
                print(f"     {v['value'][:40]!s:40} {','.join(s[-4:] for s in v['sources'])} | {v['evidence'][0]['text'][:160]}")
    print(f"{raised} disagreements raised on {len(stories)} stories")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
