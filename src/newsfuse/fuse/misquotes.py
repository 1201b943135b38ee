"""One remark quoted with opposite or other numbers: "To pass this bill in the next couple of weeks would materially
increase the risk" in one outlet, "If they [Democrats] don't pass this bill in the next couple weeks it will materially
increase the risk" in another. A direct quotation is where the words themselves are the claim, so two outlets that
quote one remark with and without a negation, or with two numbers, disagree on what was said (``wording``).

Two direct quotations are one remark when they share a long run of words in the same order (:data:`LONGEST_RUN`) and
most of their words (:data:`MATCHED_SHARE`), and are credited to the same speaker or to no rival one. Only a negation
on one side, or another number, makes them disagree. Other differences are left alone, because outlets translate,
tidy and shorten what people say without changing the claim: "has done its job" / "has completed its mission",
"work force" / "workforce", "a very dangerous thing" / "a dangerous thing". Measured on the team's gold (84 sets):
flagging every meaningful word swapped found one more disagreement ("a nuclear bomb" / "nuclear arms") and 38 false
alarms. Also never a disagreement:

- an excerpt that starts later or stops earlier ("... the risk," she said / the whole sentence);
- a cut the outlet marks (an ellipsis) or words it adds in brackets ("If they [Democrats] don't");
- "don't" / "do not", "ten" / "10".

The values shown are the differing words with one word of context on each side, copied from each source.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Discrepancy, Evidence, Span, Variant
from ..read.numbers import WORD_VALUES
from .discrepancies import _id, _merge_pairwise
from .statements import Statement

MIN_WORDS = 6  # the shortest quotation compared
LONGEST_RUN = 5  # words in a row two quotations of one remark share at least
MATCHED_SHARE = 0.7  # share of the shorter quotation's words found in the other, in order
CHANGED_WORDS = 5  # the most words a misquote changes in one place; more is another part of the remark

_TOKEN = re.compile(r"\[[^\]]*\]|\.\.\.|…|[^\W_]+(?:['’][^\W_]+)*", re.U)
_MARKERS = frozenset({"...", "…"})
_NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "without"})
# number words as digits ("ten" / "10"); "a" and "an" stay words
_NUMBER_WORDS = {w: str(int(v)) for w, v in WORD_VALUES.items() if w not in {"a", "an"}}
_CONTRACTIONS = {"won't": ["will", "not"], "can't": ["can", "not"], "shan't": ["shall", "not"]}


@dataclass(slots=True)
class _Word:
    norm: str  # lower-cased, "n't" spelt out, number words as digits; "" for a marker (ellipsis, bracket)
    start: int  # offsets in the article
    end: int


@dataclass(slots=True)
class _Quote:
    article: Article
    span: Span
    source: str
    speaker: str | None
    words: list[_Word]


def _words(article: Article, span: Span) -> list[_Word]:
    out: list[_Word] = []
    for m in _TOKEN.finditer(article.text, span.start, span.end):
        tok = m.group().lower().replace("’", "'")
        a, b = m.start(), m.end()
        if tok in _MARKERS or tok.startswith("["):
            out.append(_Word("", a, b))
            continue
        if tok in _CONTRACTIONS:
            out.extend(_Word(w, a, b) for w in _CONTRACTIONS[tok])
        elif tok.endswith("n't"):
            out.extend([_Word(tok[:-3], a, b), _Word("not", a, b)])
        else:
            out.append(_Word(_NUMBER_WORDS.get(tok, tok), a, b))
    return out


def _quotes(statements: Sequence[Statement]) -> list[_Quote]:
    articles = {st.article.id: st.article for st in statements}
    out = []
    for a in articles.values():
        for q in a.group("quotes"):
            if q.label != "direct":
                continue
            words = _words(a, q)
            if sum(1 for w in words if w.norm) >= MIN_WORDS:
                out.append(_Quote(a, q, a.source_id, q.attrs.get("entity"), words))
    return out


def _numbers(words: list[str]) -> set[str]:
    return {w for w in words if w.isdigit()}


def _significant(xs: list[str], ys: list[str]) -> bool:
    """Two runs of words (one may be empty) differ in what the remark says: a negation on one side only, or another
    number. Other words swapped are left alone: outlets translate, tidy and shorten what people say ("has done its
    job" / "has completed its mission", "work force" / "workforce") without changing the claim."""
    if (_NEGATIONS & set(xs)) != (_NEGATIONS & set(ys)):
        return True
    nx, ny = _numbers(xs), _numbers(ys)
    return bool(nx) and bool(ny) and nx != ny


def _near_marker(words: list[_Word], lo: int, hi: int) -> bool:
    """A cut marked by the outlet at this place: an ellipsis or bracket just before, inside or just after [lo, hi)."""
    return any(not words[k].norm for k in range(max(lo - 1, 0), min(hi + 1, len(words))))


def _differences(x: _Quote, y: _Quote) -> list[tuple[int, int, int, int]] | None:
    """The places (word ranges in x and in y) where two quotations of one remark differ in meaning; None when they
    are not quotations of one remark."""
    a = [w.norm for w in x.words]
    b = [w.norm for w in y.words]
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    blocks = [m for m in sm.get_matching_blocks() if m.size]
    matched = sum(sum(1 for w in a[m.a : m.a + m.size] if w) for m in blocks)
    shorter = min(sum(1 for w in a if w), sum(1 for w in b if w))
    if not blocks or max(m.size for m in blocks) < LONGEST_RUN or matched < MATCHED_SHARE * shorter:
        return None
    ops = sm.get_opcodes()
    first = next(k for k, op in enumerate(ops) if op[0] == "equal")
    last = max(k for k, op in enumerate(ops) if op[0] == "equal")
    out = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        xs, ys = [w for w in a[i1:i2] if w], [w for w in b[j1:j2] if w]
        if max(len(xs), len(ys)) > CHANGED_WORDS:
            continue  # a longer stretch quoted differently is another part of the remark, cut without a mark
        if k < first or k > last:
            # before the first shared word or after the last: one excerpt starts or stops elsewhere, unless both
            # quote something there ("To pass this bill" / "If they don't pass this bill")
            if tag != "replace":
                continue
        elif _near_marker(x.words, i1, i2) or _near_marker(y.words, j1, j2):
            continue
        if _significant(xs, ys):
            out.append((i1, i2, j1, j2))
    return out


def _shown(q: _Quote, lo: int, hi: int) -> str:
    """The differing words with one word of context each side, as the source wrote them."""
    words = [w for w in q.words if w.norm]
    idx = [k for k, w in enumerate(q.words) if w.norm]
    pos_lo = next((p for p, k in enumerate(idx) if k >= lo), len(idx))
    pos_hi = next((p for p, k in enumerate(idx) if k >= hi), len(idx))
    a = words[max(pos_lo - 1, 0)].start
    b = words[min(pos_hi, len(words) - 1)].end
    return q.article.text[a:b]


def quote_disagreements(statements: Sequence[Statement]) -> list[Discrepancy]:
    """Pairs of direct quotations of one remark, in two sources, that differ in meaningful words."""
    quotes = _quotes(statements)
    out: list[Discrepancy] = []
    for k, x in enumerate(quotes):
        for y in quotes[k + 1 :]:
            if x.source == y.source or (x.speaker and y.speaker and x.speaker != y.speaker):
                continue
            if len({w.norm for w in x.words} & {w.norm for w in y.words}) < LONGEST_RUN:
                continue
            diffs = _differences(x, y)
            if not diffs:
                continue
            sx = _shown(x, min(d[0] for d in diffs), max(d[1] for d in diffs))
            sy = _shown(y, min(d[2] for d in diffs), max(d[3] for d in diffs))
            if sx.lower() == sy.lower():
                continue
            out.append(
                Discrepancy(
                    _id(x.article.id, str(x.span.start), y.article.id, str(y.span.start), "quote"),
                    "wording",
                    "disputed: quoted words",
                    [
                        Variant(sx, [x.source], [Evidence.of(x.article, x.span.start, x.span.end)]),
                        Variant(sy, [y.source], [Evidence.of(y.article, y.span.start, y.span.end)]),
                    ],
                )
            )
    return _merge_pairwise(out)
