"""Reading time against an article's length: the reading must stay linear. A benchmark that prints figures, never a
test that fails on timings.

    .venv/bin/python bench/long_article.py              # 25, 50, 100 and 200 KB
    .venv/bin/python bench/long_article.py --sizes 50 400

The article is the bundled demo corpus's text (written by the team), its paragraphs repeated up to each size, read as
one article after the model is loaded. Printed: seconds, seconds per 100 KB, and the growth of the time per KB from the
smallest size to each larger one (1.0 for a linear reading). spaCy's ``Doc.text``, rebuilt on each access and read
once per speech verb and per number, made it grow with the length: before the fifteenth session 100 KB took 11.2 s
(growth 2.18 from 25 KB); with the text kept once per document 3.7 s (growth 1.12), and 200 KB 7.7 s (1.16).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from _timing import load_line

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "harbor-collapse"


def demo_paragraphs() -> list[str]:
    """Paragraphs of the demo corpus's texts (their first line, the title, left out)."""
    from newsfuse.ingest import load

    batch = load(sorted(str(p) for p in DEMO.glob("*.txt")))
    paras: list[str] = []
    for a in batch.articles:
        paras += [p.strip() for p in a.text.split("\n") if len(p.split()) >= 8]
    return paras


def article_of(paras: Sequence[str], kb: int) -> str:
    out: list[str] = []
    size = 0
    k = 0
    while size < kb * 1000:
        p = paras[k % len(paras)]
        out.append(p)
        size += len(p) + 2
        k += 1
    return "\n\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200], help="article sizes in KB")
    args = ap.parse_args(argv)
    from newsfuse.api import read_articles
    from newsfuse.model import Article, Meta

    def article(text: str, name: str) -> Article:
        return Article(source_id=name, raw=text, text=text, meta=Meta(), offsets=[(0, 0, len(text))])

    paras = demo_paragraphs()
    read_articles([article(article_of(paras, 2), "warm")])  # load the models
    print(f"long_article: {len(paras)} demo paragraphs repeated   [{load_line()}]")
    base: float | None = None
    for kb in sorted(args.sizes):
        text = article_of(paras, kb)
        t0 = time.perf_counter()
        r = read_articles([article(text, f"long{kb}")])
        s = time.perf_counter() - t0
        per_kb = s / (len(text) / 1000)
        base = base or per_kb
        quotes = len(r.articles[0].group("quotes")) if r.articles else 0
        print(f"  {len(text) / 1000:6.0f} KB  {s:7.2f} s  {per_kb * 100:6.2f} s per 100 KB  growth {per_kb / base:4.2f}  ({quotes} quotes)")
    print(f"  target: growth near 1.0 (linear)   [{load_line()}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
