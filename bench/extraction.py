"""Article body extraction quality: newsfuse's HTML reader against a gold standard, and against trafilatura alone.

Data: ``../shared/corpus/article_extraction_benchmark`` (the Scrapinghub/Zyte article extraction benchmark): 181
gzipped real article pages in ``html/<sha256>.html.gz`` and ``ground-truth.json`` mapping each hash to
``{"url", "articleBody"}``, the human-checked body text. Without ``../shared`` the script says so and exits 0.

What is compared, per page:

* **ours**: the page's bytes through newsfuse's own wiring: :func:`newsfuse.ingest.html.page_doc` (charset
  handling, trafilatura with newsfuse's options, paragraphs, headline dropped from the body) and then the cleaner
  (:func:`newsfuse.ingest.clean.build_article`), i.e. the text the reading stages get. A page newsfuse refuses
  ("no article body found") scores 0.
* **trafilatura alone**: ``trafilatura.extract(html_bytes)`` with its default settings.

Scoring (exactly): both texts are tokenised with ``re.findall(r"\\w+", text)`` (Unicode word characters, case kept,
punctuation dropped). With ``G`` and ``P`` the multisets (bags) of gold and predicted tokens, the overlap is
``tp = |G ∩ P|`` (each token counted ``min(count in G, count in P)`` times); precision ``= tp / |P|``, recall
``= tp / |G|``, F1 ``= 2PR / (P + R)``; an empty prediction has precision, recall and F1 0 (an empty gold body,
which the benchmark does not have, would score recall 0 as well). The figures printed are the means over pages of
the per-page P, R and F1 (macro average), as in the benchmark's usual token-overlap scoring, and ours / trafilatura
as a ratio of each.

Usage: ``python bench/extraction.py [--corpus DIR] [--limit N] [--worst K] [--raw]``. ``--raw`` scores the reader's
text before cleaning as well.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "article_extraction_benchmark"
_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def prf(gold: str, pred: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of ``pred`` against ``gold`` (see the module docstring)."""
    g, p = Counter(tokens(gold)), Counter(tokens(pred))
    tp = sum((g & p).values())
    n_p, n_g = sum(p.values()), sum(g.values())
    precision = tp / n_p if n_p else 0.0
    recall = tp / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True, slots=True)
class Page:
    key: str
    url: str
    gold: str
    html: bytes


def load_pages(corpus: Path = CORPUS, limit: int | None = None) -> list[Page]:
    """The benchmark's pages in a fixed order (sorted by hash); the first ``limit`` of them when given."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    return [
        Page(k, truth[k].get("url", ""), truth[k].get("articleBody", ""), gzip.decompress((corpus / "html" / f"{k}.html.gz").read_bytes()))
        for k in keys
    ]


def ours(page: Page, cleaned: bool = True) -> str:
    """newsfuse's text for one page ('' when the reader refuses it)."""
    from newsfuse.errors import InputError
    from newsfuse.ingest.clean import build_article
    from newsfuse.ingest.html import page_doc
    from newsfuse.settings import Settings

    try:
        doc = page_doc(f"{page.key}.html", page.html, Settings())
    except InputError:
        return ""
    return build_article(doc).text if cleaned else doc.text


def trafilatura_alone(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html) or ""


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    per_page: tuple[tuple[str, float, float, float], ...]
    seconds: float

    def ratio(self, other: Score) -> tuple[float, float, float]:
        return tuple(
            a / b if b else float("nan") for a, b in ((self.precision, other.precision), (self.recall, other.recall), (self.f1, other.f1))
        )  # type: ignore[return-value]


def score(pages: Sequence[Page], extract: Callable[[Page], str]) -> Score:
    t0 = time.perf_counter()
    rows = tuple((p.key, *prf(p.gold, extract(p))) for p in pages)
    n = len(rows) or 1
    return Score(
        sum(r[1] for r in rows) / n,
        sum(r[2] for r in rows) / n,
        sum(r[3] for r in rows) / n,
        rows,
        time.perf_counter() - t0,
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="score only the first N pages (sorted by hash)")
    ap.add_argument("--worst", type=int, default=0, help="list the K pages where ours scores lowest")
    ap.add_argument("--raw", action="store_true", help="also score the reader's text before cleaning")
    args = ap.parse_args(argv)
    if not (args.corpus / "ground-truth.json").is_file():
        print(f"skipped: the extraction benchmark is not at {args.corpus} (../shared absent)")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    pages = load_pages(args.corpus, args.limit)
    results = [("newsfuse", score(pages, ours))]
    if args.raw:
        results.append(("newsfuse, before cleaning", score(pages, lambda p: ours(p, cleaned=False))))
    base = score(pages, trafilatura_alone)
    results.append(("trafilatura alone (defaults)", base))
    print(f"{len(pages)} pages; per-page mean token precision / recall / F1 (bag of words)")
    for label, s in results:
        print(f"  {label:30} P {s.precision:.4f}  R {s.recall:.4f}  F1 {s.f1:.4f}   ({s.seconds:.1f} s)")
    rp, rr, rf = results[0][1].ratio(base)
    print(f"  newsfuse / trafilatura alone   P {rp:.4f}  R {rr:.4f}  F1 {rf:.4f}")
    if args.worst:
        print(f"worst {args.worst} pages (ours): key P R F1")
        for key, p, r, f in sorted(results[0][1].per_page, key=lambda x: x[3])[: args.worst]:
            print(f"  {key[:16]} {p:.3f} {r:.3f} {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
