"""Who said what, measured on PolNeAR (../shared/corpus/polnear): does newsfuse find the content of each attribution
to a named speaker, and does it give it to the right speaker?

    .venv/bin/python bench/eval_polnear.py [--split dev|test|train] [--limit N] [--stride K] [--examples K]

Prints to stdout only (examples quote the corpus: never copy them into the repository). Definitions:

* One annotator per article: the first ``<article>_<annotator>.ann`` in sorted order (2 of the 84 test articles and
  2 of the 84 dev articles have several annotators).
* Brat offsets are code-point offsets into the raw ``.txt`` (checked: the T-line text equals ``raw[start:end]``;
  T-line texts may hold newlines, so only the offsets are read). newsfuse reads the same file through
  ``newsfuse.ingest.load``; cleaning only deletes, and every cleaned position is mapped back to the raw file with the
  article's offset runs, so all comparisons are in raw-file offsets. Attributions whose source or cue lies in text
  the cleaning removed (headlines moved to the title, datelines) are left out and counted.
* Each article is read on its own (one call of the reading pipeline per article): PolNeAR articles are unrelated
  stories, so linking entities across them would only mix people up.
* Gold = attributions that have a Source, whose source is NAMED and whose cue is a SPEECH cue:
    - named: some token of the source span is inside a spaCy PERSON/ORG/GPE/NORP entity or is tagged NNP/NNPS
      (so "Trump", "the White House", "a Clinton spokesman" are named; "he", "officials", "the campaign" are not);
    - speech cue: the lemma of the cue's head (its first VERB token, else its first AUX token) is in SPEECH_CUES,
      or the cue is "according to". Cognition and stance cues (believe, want, support, show, call ...) are left out.
  The spaCy analysis is the en_core_web_sm parse newsfuse makes of the cleaned text anyway (kept by a passive extra
  stage), so measuring costs no second spaCy pass.
* Found: the best of our quote spans has character-overlap F1 >= 0.5 with the gold content, counting alphanumeric
  characters only (so quote marks, spaces and punctuation at the edges neither help nor hurt). A discontinuous gold
  content is the union of its pieces; likewise a quote of ours split around its cue or continued in the same
  paragraph (``part_of``) is also tried joined to the quote it continues, as PolNeAR annotates ``"A," she said,
  "B."`` as one attribution. Stricter variants: F1 >= 0.8, and a one-to-one matching (each of our quotes matches at
  most one gold attribution, greedily by F1).
* Speaker right (among found): the gold source's head is the token of the source span the parse makes its root
  (the one covering most of the span), widened to the whole name when it lies in a name (PERSON/ORG/GPE/NORP entity
  or proper-noun run; a title before a person's name gives way to the name), or the name in apposition to it ("her
  campaign manager, Robby Mook"). When the head is an office noun (spokesman, campaign, office, aide ...) the name
  it belongs to ("Clinton's campaign", "a spokesman for Trump") is the head name; any other common-noun head ("a
  Trump supporter") has no head name. Our speaker is right when (a) the surname (last name word, folded) of our
  speaker's name (linked, or article-local; unresolved pronouns and descriptions have none) equals that of the gold
  head name, or (b) our speaker mention, when it is in the attribution's own sentence (kind name/role/description),
  overlaps the gold head (its root token or its head name). A lenient variant (any name word of the whole source
  span, or any overlap with the source span) is printed too.
* Precision-ish: of our quotes whose speaker is named in the text (speaker_kind "name"), the share whose content
  (alone or joined with its continuations) matches (F1 >= 0.5) any PolNeAR attribution at all (any cue, any source).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear" / "data"


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
# verbs whose first sense is saying or writing something (the "verbs of saying" of reported speech)
SPEECH_CUES = _words(
    """
    say tell add write ask argue note state tweet claim acknowledge explain announce respond reply suggest report
    insist warn declare admit confirm deny reveal disclose describe question promise vow pledge urge complain accuse
    praise criticize criticise recall remark mention repeat reiterate predict assert contend maintain allege concede
    emphasize emphasise stress observe conclude testify comment boast brag quip joke retort counter proclaim exclaim
    caution assure inform lament muse speculate post email text blog threaten demand recount tout scoff shout yell
    clarify elaborate charge advise
    """
)
OFFICE_HEADS = _words(
    """
    spokesman spokeswoman spokesperson spokespeople spokesmen campaign office aide aides adviser advisers advisor
    team staff staffer spokesperson representative lawyer lawyers attorney attorneys administration government
    press secretary camp surrogate surrogates
    """
)


# ---------------------------------------------------------------- gold


@dataclass(slots=True)
class GoldAttr:
    id: str
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]
    # filled by the analysis
    named: bool = False
    cue_lemma: str = ""
    speech: bool = False
    head: tuple[int, int] | None = None  # raw offsets of the source head (root token or its name)
    head_root: tuple[int, int] | None = None  # raw offsets of the source's root token
    head_name: str | None = None
    source_names: list[str] = field(default_factory=list)
    mapped: bool = True

    @property
    def gold(self) -> bool:
        return self.named and self.speech and self.mapped


@dataclass(slots=True)
class GoldDoc:
    base: str
    path: Path
    annotator: str
    raw: str
    attrs: list[GoldAttr]


_T_LINE = re.compile(r"^(T\d+)\t([\w-]+) ([\d ;]+)\t")


def parse_ann(text: str) -> list[GoldAttr]:
    """Attributions of a brat standoff file (T lines may carry newlines in their text: only offsets are used)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in text.split("\n"):
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = [(int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))]
        elif re.match(r"^E\d+\t", line):
            eid, rest = line.split("\t", 1)
            roles = dict(kv.split(":", 1) for kv in rest.split() if ":" in kv)
            events.append((eid, roles))
    out = []
    for eid, roles in events:
        if "Source" not in roles or "Cue" not in roles:
            continue
        content = [p for key in ("Content", "Content2") if key in roles for p in spans.get(roles[key], [])]
        if not content:
            continue
        out.append(GoldAttr(eid, spans[roles["Source"]], spans[roles["Cue"]], sorted(content)))
    return out


def load_split(split: str, limit: int | None = None, stride: int = 1) -> list[GoldDoc]:
    base_dir = POLNEAR / split
    docs: list[GoldDoc] = []
    anns: dict[str, list[Path]] = defaultdict(list)
    for p in sorted((base_dir / "attributions").glob("*.ann")):
        article, _annotator = p.stem.rsplit("_", 1)
        anns[article].append(p)
    for txt in sorted((base_dir / "text").glob("*.txt"))[::stride]:
        if txt.stem not in anns:
            continue
        ann = sorted(anns[txt.stem])[0]
        raw = txt.read_text(encoding="utf-8")
        attrs = parse_ann(ann.read_text(encoding="utf-8"))
        docs.append(GoldDoc(txt.stem, txt, ann.stem.rsplit("_", 1)[1], raw, attrs))
        if limit and len(docs) >= limit:
            break
    return docs


# ---------------------------------------------------------------- reading


class KeepDoc:
    """A passive last stage that keeps each article's spaCy parse for the gold analysis (writes no spans)."""

    name = "keepdoc"
    version = 1
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.docs: dict[str, Any] = {}

    def __call__(self, article: Any, ctx: Any) -> dict[str, list[Any]]:
        self.docs[article.id] = ctx.doc
        return {}


@dataclass(slots=True)
class Read:
    article: Any
    doc: Any
    c2r: list[int]  # cleaned position -> raw position
    r2c: list[int]  # raw position -> cleaned position, -1 where cleaning removed the character


def read_docs(docs: Sequence[GoldDoc]) -> tuple[dict[str, Read], list[str]]:
    from newsfuse.ingest import load
    from newsfuse.read.pipeline import Pipeline, default_stages
    from newsfuse.settings import Settings

    keeper = KeepDoc()
    pipe = Pipeline(Settings.load(), stages=[*default_stages(), keeper])
    batch = load([d.path for d in docs])
    rejected = [r.input for r in batch.rejected]
    out: dict[str, Read] = {}
    for a in batch.articles:
        result = pipe.read([a])
        if not result.articles:
            rejected.append(a.origin)
            continue
        art = result.articles[0]
        c2r = [0] * len(art.text)
        r2c = [-1] * (len(art.raw) + 1)
        for t0, r0, length in art.offsets:
            for k in range(length):
                c2r[t0 + k] = r0 + k
                r2c[r0 + k] = t0 + k
        out[Path(art.origin).stem] = Read(art, keeper.docs.pop(art.id), c2r, r2c)
    return out, rejected


# ---------------------------------------------------------------- gold analysis on the parse


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"(?:'s|’s|'|’)$", "", s.strip())
    return re.sub(r"[.\u2019']", "", s).lower()


def surname(name: str | None) -> str | None:
    if not name:
        return None
    words = [w for w in re.split(r"[\s]+", name.strip()) if w and any(c.isalnum() for c in w)]
    while words and fold(words[-1]) in {"jr", "sr", "ii", "iii", "iv"} and len(words) > 1:
        words.pop()
    return fold(words[-1]) if words else None


def _tokens(doc: Any, r: Read, parts: Iterable[tuple[int, int]]) -> list[Any]:
    toks: dict[int, Any] = {}
    for a, b in parts:
        cs = [r.r2c[p] for p in range(a, b) if r.r2c[p] >= 0]
        if not cs:
            continue
        span = doc.char_span(min(cs), max(cs) + 1, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if not t.is_space:
                toks[t.i] = t
    return [toks[i] for i in sorted(toks)]


def _is_name(t: Any) -> bool:
    return t.ent_type_ in NAMED_LABELS or t.tag_ in PROPER_TAGS


def _name_span(t: Any, allowed: set[int]) -> tuple[int, int]:
    """Token range [lo, hi] of the name a name token is in: its entity, else the run of proper nouns around it."""
    doc = t.doc
    if t.ent_type_ in NAMED_LABELS:
        lo = t.i
        while lo > 0 and doc[lo].ent_iob_ == "I" and lo - 1 in allowed:
            lo -= 1
        hi = t.i
        while hi + 1 < len(doc) and doc[hi + 1].ent_iob_ == "I" and hi + 1 in allowed:
            hi += 1
        return lo, hi
    lo = hi = t.i
    while lo - 1 in allowed and doc[lo - 1].tag_ in PROPER_TAGS:
        lo -= 1
    while hi + 1 in allowed and doc[hi + 1].tag_ in PROPER_TAGS:
        hi += 1
    return lo, hi


def analyse(g: GoldAttr, r: Read) -> None:
    doc = r.doc
    stoks = _tokens(doc, r, g.source)
    ctoks = _tokens(doc, r, g.cue)
    if not stoks or not ctoks:
        g.mapped = False
        return
    g.named = any(_is_name(t) for t in stoks)
    if ctoks[0].lower_ == "according":
        g.cue_lemma = "according"
    else:
        verbs = [t for t in ctoks if t.pos_ == "VERB"] or [t for t in ctoks if t.pos_ == "AUX"]
        g.cue_lemma = verbs[0].lemma_.lower() if verbs else ctoks[0].lower_
    g.speech = g.cue_lemma in SPEECH_CUES or g.cue_lemma == "according"
    ids = {t.i for t in stoks}
    roots = [t for t in stoks if t.head.i not in ids or t.head.i == t.i]
    # the root that spans most of the source ("But a source familiar with ..." -> source), through "by" of a passive
    root = max(roots, key=lambda t: (sum(1 for d in t.subtree if d.i in ids), -t.i))
    if root.pos_ == "ADP":
        root = next((c for c in root.children if c.dep_ == "pobj" and c.i in ids), root)
    names: list[tuple[int, int]] = []
    seen: set[int] = set()
    for t in stoks:
        if _is_name(t) and t.i not in seen:
            lo, hi = _name_span(t, ids)
            seen.update(range(lo, hi + 1))
            names.append((lo, hi))
    g.source_names = [doc[lo : hi + 1].text for lo, hi in names]
    g.head_root = (r.c2r[root.idx], r.c2r[root.idx + len(root.text) - 1] + 1)
    head_tok: tuple[int, int] = (root.i, root.i)
    head_name: tuple[int, int] | None = None
    appos = [c for c in root.children if c.dep_ == "appos" and c.i in ids and c.ent_type_ in {"PERSON", "ORG"}]
    if root.ent_type_ != "PERSON" and root.tag_ in PROPER_TAGS:  # a title before the name ("UMWA Director ... Phil Smith")
        people = [c for c in root.children if c.dep_ in {"appos", "compound", "npadvmod"} and c.i in ids and c.ent_type_ == "PERSON"]
        root = people[0] if people else root
    if _is_name(root):
        head_name = _name_span(root, ids)
        head_tok = head_name
    elif appos:  # "her campaign manager, Robby Mook,"
        head_name = _name_span(appos[0], ids)
        head_tok = head_name
    elif root.lemma_.lower() in OFFICE_HEADS or root.lower_ in OFFICE_HEADS:
        for t in root.subtree:
            if t.i in ids and _is_name(t):
                head_name = _name_span(t, ids)
                break
    if head_name is not None:
        g.head_name = doc[head_name[0] : head_name[1] + 1].text
    a = doc[head_tok[0]].idx
    b = doc[head_tok[1]].idx + len(doc[head_tok[1]].text)
    g.head = (r.c2r[a], r.c2r[b - 1] + 1)


# ---------------------------------------------------------------- matching


def alnum_set(text: str, parts: Iterable[tuple[int, int]]) -> set[int]:
    return {p for a, b in parts for p in range(a, b) if text[p].isalnum()}


def f1(ours: set[int], gold: set[int]) -> float:
    inter = len(ours & gold)
    if not inter:
        return 0.0
    p = inter / len(ours)
    rec = inter / len(gold)
    return 2 * p * rec / (p + rec)


@dataclass(slots=True)
class Ours:
    span: Any  # the quote Span
    chars: set[int]  # raw positions of its alphanumeric characters
    speaker_raw: tuple[int, int] | None
    name: str | None
    kind: str
    union: bool = False  # a quote joined with its continuations (a candidate for recall only)
    chain: set[int] = field(default_factory=set)  # the characters of the whole chain the quote belongs to


def our_quotes(r: Read) -> list[Ours]:
    """Our quotes, plus one candidate per quote split around its cue or continued in the same paragraph (quotes
    carrying ``part_of`` joined to the quote they continue): PolNeAR annotates ``"A," she said, "B."`` as one
    attribution with content A + B."""
    a = r.article
    out = []
    for q in a.group("quotes"):
        chars = {r.c2r[p] for p in range(q.start, q.end) if a.text[p].isalnum()}
        sp = q.attrs.get("speaker")
        sp_raw = (r.c2r[sp[0]], r.c2r[max(sp[0], sp[1] - 1)] + 1) if sp and sp[1] > sp[0] else None
        # the linked name, or the article-local one; an unresolved description or pronoun has no name
        name = q.attrs.get("name") if q.attrs.get("entity") else q.attrs.get("local_name")
        out.append(Ours(q, chars, sp_raw, name, q.attrs.get("speaker_kind", "none")))
    heads = {(o.span.start, o.span.end): o for o in out}
    chains: dict[tuple[int, int], set[int]] = {}
    for o in out:
        part_of = o.span.attrs.get("part_of")
        if part_of and tuple(part_of) in heads:
            chains.setdefault(tuple(part_of), set(heads[tuple(part_of)].chars)).update(o.chars)
    for o in out:
        part_of = o.span.attrs.get("part_of")
        key = tuple(part_of) if part_of and tuple(part_of) in chains else (o.span.start, o.span.end)
        o.chain = chains.get(key, o.chars)
    for key, chars in chains.items():
        h = heads[key]
        out.append(Ours(h.span, chars, h.speaker_raw, h.name, h.kind, union=True, chain=chars))
    return out


def speaker_right(g: GoldAttr, o: Ours, lenient: bool = False) -> bool:
    sn = surname(o.name)
    in_sentence = o.kind in {"name", "role", "description"}
    if lenient:
        if sn and any(sn == fold(w) for n in g.source_names for w in n.split()):
            return True
        return bool(in_sentence and o.speaker_raw and any(o.speaker_raw[0] < b and a < o.speaker_raw[1] for a, b in g.source))
    if sn and g.head_name and sn == surname(g.head_name):
        return True
    return bool(
        in_sentence and o.speaker_raw and any(h and o.speaker_raw[0] < h[1] and h[0] < o.speaker_raw[1] for h in (g.head, g.head_root))
    )


@dataclass
class Result:
    split: str
    articles: int = 0
    gold: int = 0
    found: int = 0
    found_strict: int = 0
    found_1to1: int = 0
    speaker_ok: int = 0
    speaker_ok_lenient: int = 0
    speaker_ok_1to1: int = 0
    ours_named: int = 0
    ours_named_match: int = 0
    ours_all: int = 0
    ours_all_match: int = 0
    excluded: Counter[str] = field(default_factory=Counter)
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    seconds: float = 0.0

    @property
    def found_rate(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.found if self.found else 0.0


def _snip(text: str, a: int, b: int, n: int = 160) -> str:
    s = " ".join(text[a:b].split())
    return s if len(s) <= n else s[: n - 1] + "…"


def evaluate(split: str = "test", limit: int | None = None, stride: int = 1) -> Result:
    t0 = time.time()
    docs = load_split(split, limit, stride)
    reads, rejected = read_docs(docs)
    res = Result(split, articles=len(docs))
    for d in docs:
        r = reads.get(d.base)
        if r is None:
            res.excluded["article rejected by newsfuse"] += len(d.attrs)
            for _ in d.attrs:
                res.errors["missed: article rejected"].append(d.base)
            continue
        for g in d.attrs:
            analyse(g, r)
        ours = our_quotes(r)
        gold = [g for g in d.attrs if g.gold]
        for g in d.attrs:
            if not g.mapped:
                res.excluded["source or cue removed by cleaning"] += 1
            elif not g.named:
                res.excluded["source not named"] += 1
            elif not g.speech:
                res.excluded["cue not a speech cue"] += 1
        gsets = {g.id: alnum_set(d.raw, g.content) for g in d.attrs}
        all_sets = [gsets[g.id] for g in d.attrs if gsets[g.id]]
        # precision-ish
        for o in ours:
            if o.union:
                continue
            hit = any(f1(o.chars, s) >= 0.5 or f1(o.chain, s) >= 0.5 for s in all_sets)
            res.ours_all += 1
            res.ours_all_match += hit
            if o.kind == "name":
                res.ours_named += 1
                res.ours_named_match += hit
                if not hit:
                    sp = _snip(r.article.text, *o.span.attrs["speaker"])
                    res.errors["unmatched: our named-speaker quote matches no attribution"].append(
                        f"{d.base[:40]}@{o.span.start}\n      ours: [{sp}] «{_snip(r.article.text, o.span.start, o.span.end)}»"
                    )
        # recall and speakers
        pairs: list[tuple[float, int, str]] = []
        for g in gold:
            gs = gsets[g.id]
            if not gs:
                continue
            res.gold += 1
            scored = sorted(((f1(o.chars, gs), k) for k, o in enumerate(ours)), reverse=True)
            best_f, best_k = scored[0] if scored else (0.0, -1)
            pairs.extend((f, k, g.id) for f, k in scored if f >= 0.5)
            a, b = g.content[0][0], g.content[-1][1]
            where = f"{d.base[:40]}@{a}"
            ctx = f"{where}\n      gold: [{_snip(d.raw, *g.source[0])}] {g.cue_lemma}: «{_snip(d.raw, a, b)}»"
            if best_f >= 0.5:
                o = ours[best_k]
                res.found += 1
                res.found_strict += best_f >= 0.8
                ok = speaker_right(g, o)
                res.speaker_ok += ok
                res.speaker_ok_lenient += speaker_right(g, o, lenient=True)
                if not ok:
                    said_by = _snip(r.article.text, *o.span.attrs["speaker"]) if o.span.attrs.get("speaker") else None
                    res.errors[f"speaker wrong: ours {o.kind}"].append(
                        f"{ctx}\n      ours: speaker [{said_by}] name={o.name!r}; gold head name={g.head_name!r}"
                    )
                continue
            overlapping = [(len(o.chars & gs), k) for k, o in enumerate(ours) if o.chars & gs]
            direct = any(c in d.raw[a : a + 2] for c in "“\"‘'") or any(c in d.raw[b - 2 : b] for c in "”\"’'")
            kind = "direct" if direct else "reported"
            if not overlapping:
                cat = f"missed: no quote overlaps ({kind}, cue {g.cue_lemma if g.cue_lemma in {'say', 'according', 'tell'} else 'other'})"
                res.errors[cat].append(ctx)
            else:
                _, k = max(overlapping)
                o = ours[k]
                inter = len(o.chars & gs)
                too = "ours too long" if inter / len(o.chars) < inter / len(gs) else "ours too short"
                qa, qb = o.span.start, o.span.end
                res.errors[f"missed: boundaries ({kind}, {too})"].append(
                    f"{ctx}\n      ours: «{_snip(r.article.text, qa, qb)}» F1={best_f:.2f}"
                )
        # one-to-one variant
        used_o: set[int] = set()
        used_g: set[str] = set()
        by_id = {g.id: g for g in gold}
        for _f, k, gid in sorted(pairs, reverse=True):
            if k in used_o or gid in used_g:
                continue
            used_o.add(k)
            used_g.add(gid)
            res.found_1to1 += 1
            res.speaker_ok_1to1 += speaker_right(by_id[gid], ours[k])
    for name in rejected:
        res.errors["missed: article rejected"].append(name)
    res.seconds = time.time() - t0
    return res


def report(res: Result, examples: int = 3, out: Any = sys.stdout) -> None:
    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "  n/a"

    w = out.write
    w(f"PolNeAR {res.split}: {res.articles} articles, read and scored in {res.seconds:.1f} s\n")
    w(f"gold attributions (named source, speech cue): {res.gold}\n")
    w(f"  excluded: {dict(res.excluded)}\n")
    w(f"content found (F1 >= 0.5):             {pct(res.found, res.gold)}\n")
    w(f"  strict (F1 >= 0.8):                  {pct(res.found_strict, res.gold)}\n")
    w(f"  one-to-one (F1 >= 0.5):              {pct(res.found_1to1, res.gold)}\n")
    w(f"speaker right, among found:            {pct(res.speaker_ok, res.found)}\n")
    w(f"  lenient (any name / source overlap): {pct(res.speaker_ok_lenient, res.found)}\n")
    w(f"  one-to-one:                          {pct(res.speaker_ok_1to1, res.found_1to1)}\n")
    w(f"found with the right speaker:          {pct(res.speaker_ok, res.gold)}\n")
    w(f"precision-ish: our named-speaker quotes matching a PolNeAR attribution: {pct(res.ours_named_match, res.ours_named)}\n")
    w(f"               all our quotes matching a PolNeAR attribution:          {pct(res.ours_all_match, res.ours_all)}\n")
    w("errors by category:\n")
    for cat, items in sorted(res.errors.items(), key=lambda kv: -len(kv[1])):
        w(f"  {len(items):4d}  {cat}\n")
        for item in items[:examples]:
            w(f"        - {item}\n")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "train"], default="dev")
    ap.add_argument("--limit", type=int, default=None, help="first N articles (sorted by name)")
    ap.add_argument("--stride", type=int, default=1, help="every Nth article (sorted by name), for quick runs on train")
    ap.add_argument("--examples", type=int, default=3, help="examples printed per error category")
    args = ap.parse_args(argv)
    if not (POLNEAR / args.split / "text").is_dir():
        print(f"skipped: {POLNEAR} is not present (PolNeAR comes with ../shared)")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    res = evaluate(args.split, args.limit, args.stride)
    report(res, args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
