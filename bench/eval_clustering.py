"""Story clustering against gold events: B-cubed precision, recall and F1 on ECB+ and BASIL.

ECB+ (../shared/corpus/ecbplus): each topic holds two events of one kind; the event of a document is its topic plus
its sub-topic (``ecb`` or ``ecbplus``, from the file name). Text is rebuilt from the <token> elements, sentence by
sentence; in ``*ecbplus.xml`` sentence 0 is the URL, sentence 1 the headline and, often, sentence 2 a date line.
The older ``*ecb.xml`` documents carry no date and no headline: they are clustered without.
BASIL (../shared/corpus/basil): the event is the ``triplet-uuid``; only title, date, url, outlet and body are given
to newsfuse (never the annotated event or entities).

Both are converted to JSON Lines in a temporary folder and read by newsfuse's own ingest, then clustered in arrival
order: ``shuffle`` (default; a fixed seed) mixes events like a live stream, ``sorted`` takes files in name order,
``date`` by publication date (undated first).

    python bench/eval_clustering.py                      # both corpora, shuffled
    python bench/eval_clustering.py --order sorted --topics 1,2,3
    python bench/eval_clustering.py --ingest-all /tmp/all.db   # ECB+, BASIL, NewsWCL50, PolNeAR into one store, twice
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ECB = SHARED / "corpus" / "ecbplus" / "ECB+_LREC2014" / "ECB+"
BASIL = SHARED / "corpus" / "basil" / "articles"
NEWSWCL = SHARED / "corpus" / "newswcl50" / "1-raw-articles"
POLNEAR = SHARED / "corpus" / "polnear" / "data"

sys.path.insert(0, str(ROOT / "src"))


# ---------------------------------------------------------------- corpora to JSON records


def detokenize(tokens: Sequence[str]) -> str:
    s = " ".join(tokens)
    s = re.sub(r"(?<![\d,])(\d{1,3}(?: , \d{3})+)\b", lambda m: m.group(1).replace(" , ", ","), s)  # "22 , 000" -> 22,000
    s = s.replace("``", "\u201c").replace("''", "\u201d")
    s = re.sub(r"\s+([.,;:!?%)\]}\u201d])", r"\1", s)
    s = re.sub(r"([(\[{$\u201c])\s+", r"\1", s)
    s = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    s = re.sub(r"(?<=\w) - (?=\w)", "-", s)
    s = re.sub(r"(?<=\d)([:.]) (?=\d)", r"\1", s)
    return html.unescape(s)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_RES = [
    re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}", re.I),
    re.compile(rf"\b\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}", re.I),
    re.compile(r"\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
]


def _date_in(line: str):  # type: ignore[no-untyped-def]
    from newsfuse.ingest.dates import parse_date

    for rx in _DATE_RES:
        m = rx.search(line)
        if m:
            d = parse_date(re.sub(r"\s*/\s*", "/", m.group()))
            if d is not None:
                return d
    return None


def _sentence_like(line: str) -> bool:
    return len(line) > 140 or (line.rstrip().endswith(".") and len(line.split()) > 12)


def ecb_record(path: Path) -> tuple[dict[str, object], str]:
    """One ECB+ document as a JSON record, and its event label."""
    root = ET.parse(path).getroot()
    sents: dict[int, list[str]] = defaultdict(list)
    for t in root.iter("token"):
        sents[int(t.get("sentence", "0"))].append(t.text or "")
    lines = [detokenize(sents[k]) for k in sorted(sents)]
    stem = path.stem
    plus = stem.endswith("ecbplus")
    rec: dict[str, object] = {"id": stem}
    if plus and lines:
        rec["url"] = lines.pop(0).replace(" ", "")
        # the headline and a date line come first, in either order, sometimes with a sub-headline
        head = lines[:3]
        for i, ln in enumerate(head):
            d = _date_in(ln) if len(ln) <= 90 else None
            if d is not None:
                rec["date"] = d.isoformat()
                lines.pop(i)
                break
        if lines and not _sentence_like(lines[0]):
            rec["title"] = lines.pop(0)
    rec["text"] = "\n".join(lines) or str(rec.get("title", ""))  # a few documents are a headline only
    topic = stem.split("_", 1)[0]
    return rec, f"{topic}-{'ecbplus' if plus else 'ecb'}"


def ecb_records(topics: Iterable[str] | None = None) -> list[tuple[dict[str, object], str]]:
    wanted = set(topics) if topics else None
    out = []
    for d in sorted(ECB.iterdir(), key=lambda p: int(p.name) if p.name.isdigit() else 0):
        if d.is_dir() and (wanted is None or d.name in wanted):
            out += [ecb_record(f) for f in sorted(d.glob("*.xml"))]
    return out


def basil_records() -> list[tuple[dict[str, object], str]]:
    out = []
    for f in sorted(BASIL.glob("*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        paras = ["".join(p) if isinstance(p, list) else str(p) for p in d.get("body-paragraphs", [])]
        rec = {
            "id": f.stem,
            "title": d.get("title"),
            "date": d.get("date"),
            "url": d.get("url"),
            "outlet": d.get("source"),
            "text": "\n\n".join(paras),
        }
        out.append((rec, str(d["triplet-uuid"])))
    return out


def write_jsonl(records: Iterable[dict[str, object]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------- scoring


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of a clustering (item -> cluster) against gold (item -> class)."""
    items = sorted(gold)
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_pred[pred[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        c, g = by_pred[pred[i]], by_gold[gold[i]]
        inter = len(c & g)
        p += inter / len(c)
        r += inter / len(g)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---------------------------------------------------------------- clustering a corpus


def load_articles(records: list[tuple[dict[str, object], str]], tmp: Path, name: str):  # type: ignore[no-untyped-def]
    """Ingest the records with newsfuse; returns (articles, gold labels by article id)."""
    from newsfuse.ingest import load
    from newsfuse.settings import Settings

    path = write_jsonl([r for r, _ in records], tmp / f"{name}.jsonl")
    batch = load([path], Settings.load())
    label_of = {str(r["id"]): lab for r, lab in records}
    gold = {a.id: label_of[a.source_id] for a in batch.articles}
    if batch.rejected:
        print(f"  {name}: {len(batch.rejected)} records not read: {batch.rejected[0].reason}", file=sys.stderr)
    return batch.articles, gold


def arrange(articles: list, order: str, seed: int) -> list:  # type: ignore[type-arg]
    arts = list(articles)
    if order == "shuffle":
        random.Random(seed).shuffle(arts)
    elif order == "date":
        arts.sort(key=lambda a: (a.meta.published is not None, a.meta.published or 0, a.source_id))
    return arts


def cluster(articles: list, embed, settings=None) -> dict[str, str]:  # type: ignore[no-untyped-def,type-arg]
    """Story of each article once all are placed, as ``newsfuse ingest`` would leave them in this order (an in-memory
    store): the final stories, after the merges and splits that later arrivals caused."""
    from newsfuse.group.stream import Grouper
    from newsfuse.settings import Settings
    from newsfuse.store.sqlite import SqliteStore

    store = SqliteStore(":memory:")
    try:
        grouper = Grouper(store, settings or Settings.load(), embed=embed)
        placed = {p.article: p.story or "" for p in grouper.add(articles)}
        # the stories at the end, after every later merge and split (not the story each article was first placed in)
        final = {a: s.id for s in store.stories() for a in s.articles}
        return {a: final.get(a, s) for a, s in placed.items()}
    finally:
        store.close()


def cached_embed(articles: list):  # type: ignore[no-untyped-def,type-arg]
    """The embedder, run once over every lead; later calls (one per arrival order) are look-ups."""
    import numpy as np

    from newsfuse.group.features import default_embed, lead_of

    leads = sorted({lead_of(a) for a in articles})
    vectors = dict(zip(leads, default_embed(leads), strict=True))

    def embed(texts: list[str]) -> np.ndarray:
        missing = [t for t in texts if t not in vectors]
        if missing:
            vectors.update(zip(missing, default_embed(missing), strict=True))
        return np.stack([vectors[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)

    return embed


def evaluate(
    name: str,
    records: list[tuple[dict[str, object], str]],
    tmp: Path,
    orders: Sequence[str],
    seed: int,
    settings=None,
    log: Callable[[str], None] = print,
) -> dict[str, tuple[float, float, float]]:  # type: ignore[no-untyped-def]
    articles, gold = load_articles(records, tmp, name)
    t0 = time.perf_counter()
    embed = cached_embed(articles)
    log(f"{name}: {len(articles)} articles, {len(set(gold.values()))} events; lead embeddings in {time.perf_counter() - t0:.1f}s")
    out = {}
    for order in orders:
        t0 = time.perf_counter()
        pred = cluster(arrange(articles, order, seed), embed, settings)
        p, r, f = bcubed(pred, gold)
        out[order] = (p, r, f)
        log(
            f"{name:7} order={order:8} B-cubed P={p:.3f} R={r:.3f} F1={f:.3f}  stories={len(set(pred.values()))}"
            f"  ({len(articles) / (time.perf_counter() - t0):.0f} articles/s placed, embeddings cached)"
        )
    return out


# ---------------------------------------------------------------- everything into one store


def ingest_all(db: Path, tmp: Path, read: bool = True) -> int:
    """ECB+, BASIL, NewsWCL50 and PolNeAR into one store with ``newsfuse ingest``; then again, which must add nothing."""
    ecb = write_jsonl([r for r, _ in ecb_records()], tmp / "ecbplus.jsonl")
    basil = write_jsonl([r for r, _ in basil_records()], tmp / "basil.jsonl")
    polnear = sorted(str(p) for p in POLNEAR.glob("*/text/*.txt"))
    args = [str(ecb), str(basil), str(NEWSWCL), *polnear]
    exe = [sys.executable, "-m", "newsfuse", "ingest", "--db", str(db), "-q", *([] if read else ["--no-read"])]
    status = 0
    for attempt in ("first", "second"):
        t0 = time.perf_counter()
        run = subprocess.run([*exe, *args], capture_output=True, text=True, cwd=ROOT)
        print(
            f"ingest ({attempt} run): exit {run.returncode} in {time.perf_counter() - t0:.0f}s: {run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ''}"
        )
        for line in [ln for ln in run.stderr.splitlines() if ln.startswith("error:")][:5]:
            print("  " + line)
        status = max(status, run.returncode)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=("ecbplus", "basil", "both"), default="both")
    ap.add_argument("--topics", help="ECB+ topics to use, comma-separated (default: all 43)")
    ap.add_argument("--order", default="shuffle", help="comma-separated: shuffle, sorted, date")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--ingest-all", metavar="DB", help="instead: ingest all four corpora into DB twice and report")
    ap.add_argument("--no-read", action="store_true", help="with --ingest-all: place in stories only (reading is the slow part)")
    args = ap.parse_args(argv)
    if not ECB.is_dir():
        print("../shared is not present; nothing to evaluate", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        if args.ingest_all:
            return ingest_all(Path(args.ingest_all), tmp, read=not args.no_read)
        orders = [o.strip() for o in args.order.split(",") if o.strip()]
        if args.corpus in ("ecbplus", "both"):
            evaluate("ECB+", ecb_records(args.topics.split(",") if args.topics else None), tmp, orders, args.seed)
        if args.corpus in ("basil", "both"):
            evaluate("BASIL", basil_records(), tmp, orders, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
