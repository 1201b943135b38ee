"""One remark quoted with opposite or other numbers: "To pass this bill in the next couple of weeks would materially
increase the risk" in one outlet, "If they [Democrats] don't pass this bill in the next couple weeks it will materially
increase the risk" in another. A direct quotation is where the words themselves are the claim, so two outlets that
quote one remark with and without a negation, with two numbers, or with one word of content put for another of
other meaning ("We reject his visit" / "We reject his message"), disagree on what was said (``wording``).

Two direct quotations are one remark when they share a long run of words in the same order (:data:`LONGEST_RUN`) and
most of their words (:data:`MATCHED_SHARE`), and are credited to the same speaker or to no rival one. A negation on
one side, another number, or a single word swapped in an otherwise identical quotation makes them disagree. Other
differences are left alone, because outlets translate, tidy and shorten what people say without changing the claim:
"has done its job" / "has completed its mission", "work force" / "workforce", "a very dangerous thing" / "a
dangerous thing". Measured on the team's gold (84 sets): flagging every meaningful word swapped found one more
disagreement ("a nuclear bomb" / "nuclear arms") and 38 false alarms; flagging only a quotation whose one changed
word of content is a swap for a word of other meaning (its embedding apart, :data:`SWAP_SIM`; not the same word
inflected, spelt or censored another way) found two on 108 sets and none elsewhere, and raised nothing on 36 BASIL
stories without gold. Also never a disagreement:

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
from functools import lru_cache

from ..model import Article, Discrepancy, Evidence, Span, Variant
from ..read.numbers import WORD_VALUES, parse_number
from ..read.speakers import STOP
from .discrepancies import SAME_REMARK_RUN, _id, _merge_pairwise, rival_speakers, variants
from .embed import embedder
from .statements import Statement

MIN_WORDS = 6  # the shortest quotation compared
LONGEST_RUN = SAME_REMARK_RUN  # words in a row two quotations of one remark share at least
MATCHED_SHARE = 0.7  # share of the shorter quotation's words found in the other, in order
CHANGED_SHARE = 0.15  # the most words of content that may differ, against those matched: more is two remarks
SWAP_SIM = 0.3  # two words put for each other in one quotation whose embeddings are closer are one meaning
EDGE_WORDS = 4  # the most words two excerpts may quote differently where one of them starts or stops

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_TOKEN = re.compile(rf"\[[^\]]*\]|\.(?:\s?\.){{2}}|…|{_NUMBER}|[^\W_]+(?:['’][^\W_]+)*", re.U)
_MARKER = re.compile(r"\.(?:\s?\.){2}|…")
_NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "without", "unless"})
_NOT_NEGATING = re.compile(r"\s*(?:[,.!?;:)]|doubt\b|question\b)", re.I)  # "No, we will", "no doubt", "No. 1"
# number words as digits ("ten" / "10"); "a" and "an" stay words
_NUMBER_WORDS = {w: str(int(v)) for w, v in WORD_VALUES.items() if w not in {"a", "an"}}
_CONTRACTIONS = {"won't": ["will", "not"], "can't": ["can", "not"], "shan't": ["shall", "not"], "cannot": ["can", "not"]}


@dataclass(slots=True)
class _Word:
    norm: str  # lower-cased, "n't" spelt out, numbers as digits; "" for a marker (ellipsis, bracket)
    start: int  # offsets in the article
    end: int
    negation: bool = False


@dataclass(slots=True)
class _Quote:
    article: Article
    span: Span
    source: str
    speaker: str | None  # the entity, or the words naming the speaker; None when the reading could not tell
    words: list[_Word]
    vocabulary: frozenset[str]  # the words' normal forms, to pass over pairs that share too few at once


def _words(article: Article, span: Span) -> list[_Word]:
    text = article.text
    out: list[_Word] = []
    for m in _TOKEN.finditer(text, span.start, span.end):
        tok = m.group().lower().replace("’", "'")
        a, b = m.start(), m.end()
        if _MARKER.fullmatch(tok) or tok.startswith("["):
            out.append(_Word("", a, b))
        elif tok[0].isdigit():
            out.append(_Word(tok.replace(",", ""), a, b))
        elif tok in _CONTRACTIONS:
            first, second = _CONTRACTIONS[tok]
            out += [_Word(first, a, b), _Word(second, a, b, negation=True)]
        elif tok.endswith("n't"):
            out += [_Word(tok[:-3], a, b), _Word("not", a, b, negation=True)]
        else:
            negation = tok in _NEGATIONS and not (tok == "no" and _NOT_NEGATING.match(text, b))
            out.append(_Word(_NUMBER_WORDS.get(tok, tok), a, b, negation))
    return out


_QUOTED_PIECE = re.compile(r"[“\"]([^“”\"]+)[”\"]")


def _verbatim(a: Article, q: Span) -> list[Span]:
    """The speaker's own words in a quote: all of a direct one; of reported speech, the pieces it puts in quotation
    marks ('said the flames had travelled up the tower "far faster than we would expect"'), each credited as the quote."""
    if q.label == "direct":
        return [q]
    if not q.attrs.get("partial"):
        return []
    return [Span(m.start(1), m.end(1), "direct", q.stage, q.attrs) for m in _QUOTED_PIECE.finditer(a.text, q.start, q.end)]


def _quotes(statements: Sequence[Statement]) -> list[_Quote]:
    articles = {st.article.id: st.article for st in statements}
    out = []
    for a in articles.values():
        for q in (piece for quote in a.group("quotes") for piece in _verbatim(a, quote)):
            words = _words(a, q)
            if sum(1 for w in words if w.norm) >= MIN_WORDS:
                name = q.attrs.get("entity") or str(q.attrs.get("name") or q.attrs.get("speaker_text") or "").lower() or None
                out.append(_Quote(a, q, a.source_id, name, words, frozenset(w.norm for w in words)))
    return out


def _number(q: _Quote, words: list[_Word]) -> float | None:
    """The value of a run of words that is one number as written ("1,200", "twenty-five", "1.2 million")."""
    if not words:
        return None
    value = parse_number(q.article.text[words[0].start : words[-1].end])
    return None if value is None or value[0] != value[1] else value[0]


def _near_marker(words: list[_Word], lo: int, hi: int) -> bool:
    """A cut marked by the outlet at this place: an ellipsis or bracket just before, inside or just after [lo, hi)."""
    return any(not words[k].norm for k in range(max(lo - 1, 0), min(hi + 1, len(words))))


def _content(words: list[_Word]) -> int:
    """Words of content: not function words, negations or numbers."""
    return sum(1 for w in words if len(w.norm) > 2 and not w.negation and not w.norm[0].isdigit() and w.norm.split("'")[0] not in STOP)


def _other_sentence(q: _Quote, lo: int, hi: int) -> bool:
    """Words [lo, hi) of a quotation and the words next to them span a sentence's end: "Nobody expected the storm. We
    will close ..." quotes another sentence before the shared one."""
    a = q.words[max(lo - 1, 0)].start
    b = q.words[min(hi, len(q.words) - 1)].end
    return bool(re.search(r"[.!?;:]\s", q.article.text[a:b]))


def _differences(x: _Quote, y: _Quote) -> list[tuple[int, int, int, int]] | None:
    """The places (word ranges in x and in y) where two quotations of one remark differ in what it says: the
    negations, when one quotation has more of them than the other, and numbers of other values. None when they are
    not quotations of one remark."""
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
    kept: list[tuple[int, int, int, int]] = []  # the differences inside the remark
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        wide = max(sum(1 for w in a[i1:i2] if w), sum(1 for w in b[j1:j2] if w))
        if k < first or k > last:
            # where one quotation starts or stops: another excerpt, unless both quote a few words there ("To pass
            # this bill" / "If they [Democrats] don't pass this bill")
            if tag == "replace" and wide <= EDGE_WORDS and not (_other_sentence(x, i1, i2) or _other_sentence(y, j1, j2)):
                kept.append((i1, i2, j1, j2))
        elif not (_near_marker(x.words, i1, i2) or _near_marker(y.words, j1, j2)):
            kept.append((i1, i2, j1, j2))
    changed = sum(max(_content(x.words[i1:i2]), _content(y.words[j1:j2])) for i1, i2, j1, j2 in kept)
    if changed > max(1, CHANGED_SHARE * matched):
        return None  # "we will hire 40 teachers next year" / "we hired 30 teachers last year": two remarks

    def negations(words: list[_Word]) -> int:
        return sum(1 for w in words if w.negation)

    out = []
    if changed == 1:
        # not where one quotation starts ("Today the government failed" / "Again the government failed"): an
        # outlet's lead-in, which the quotation marks may hold
        swap = [d for d in kept if d[0] > 0 and d[2] > 0 and _swapped_word(x, x.words[d[0] : d[1]], y, y.words[d[2] : d[3]])]
        if swap:
            return swap
    polarity = sum(negations(x.words[i1:i2]) for i1, i2, _, _ in kept) != sum(negations(y.words[j1:j2]) for _, _, j1, j2 in kept)
    for i1, i2, j1, j2 in kept:
        if polarity and negations(x.words[i1:i2]) != negations(y.words[j1:j2]):
            out.append((i1, i2, j1, j2))
            continue
        vx, vy = _number(x, x.words[i1:i2]), _number(y, y.words[j1:j2])
        if vx is not None and vy is not None and vx != vy:
            out.append((i1, i2, j1, j2))
    return out


def _swapped_word(x: _Quote, xs: list[_Word], y: _Quote, ys: list[_Word]) -> bool:
    """One word of content put for another of other meaning ("We reject his visit" / "We reject his message", "a
    nuclear bomb" / "nuclear arms"), not the same word spelt, inflected or censored another way ("realized" /
    "realised", "pew" / "pews", "Momma" / "Mama", "f***ing"), nor a word of like meaning ("shareholders" /
    "stockholders"): the two words' embeddings are apart (:data:`SWAP_SIM`)."""
    cx = [w for w in xs if _content([w])]
    cy = [w for w in ys if _content([w])]
    if len(cx) != 1 or len(cy) != 1:
        return False
    if "*" in _around(x, cx[0]) + _around(y, cy[0]):
        return False
    if _capitalised(x, cx[0]) or _capitalised(y, cy[0]):
        return False  # a name spelt two ways ("al-Qaida" / "al-Qaeda", "Qaddafi" / "Gaddafi"), or put for a pronoun
    u, v = cx[0].norm, cy[0].norm
    if u in _FILLERS or v in _FILLERS or u[: min(4, len(u), len(v))] == v[: min(4, len(u), len(v))]:
        return False
    return _word_similarity(u, v) < SWAP_SIM


# words of talk that carry no claim ("..., like, twice" / "..., you know, twice")
_FILLERS = frozenset({"like", "know", "mean", "well", "just", "really", "actually", "okay", "yeah", "yes", "look", "listen"})


def _capitalised(q: _Quote, w: _Word) -> bool:
    return q.article.text[w.start : w.start + 1].isupper()


def _around(q: _Quote, w: _Word) -> str:
    """The word and the characters next to it, where a censored word hides its letters ("f***ing")."""
    return q.article.text[max(w.start - 4, 0) : w.end + 4]


@lru_cache(maxsize=4096)
def _word_similarity(u: str, v: str) -> float:
    vecs = embedder().embed([u, v])
    return float(vecs[0] @ vecs[1])


def _said(q: _Quote) -> tuple[str, ...]:
    return tuple(w.norm for w in q.words if w.norm)


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
    said: dict[str, set[tuple[str, ...]]] = {}  # each source's quotations, as words: a source quoting both is not split
    for q in quotes:
        said.setdefault(q.source, set()).add(_said(q))
    out: list[Discrepancy] = []
    for k, x in enumerate(quotes):
        for y in quotes[k + 1 :]:
            if x.source == y.source or (x.speaker and y.speaker and x.speaker != y.speaker):
                continue
            if _said(y) in said[x.source] or _said(x) in said[y.source]:
                continue  # "every family" and "every child": one source has both remarks, another one of them
            if len(x.vocabulary & y.vocabulary) < LONGEST_RUN:
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
    return _merge_pairwise(out, by_value=True)


# an outlet keeping its source's name back: "a veteran guard, who asked not to be named"
_ANONYMOUS = re.compile(
    r"\b(?:asked not to be (?:named|identified)|declined to be (?:named|identified)|did not want to be (?:named|identified)|"
    r"(?:on|under) (?:the )?condition of anonymity|spoke anonymously|anonymous)\b",
    re.I,
)
ANONYMOUS_REACH = 300  # characters before a statement where the outlet may say it keeps the speaker's name back


def anonymous(st: Statement) -> bool:
    """``st`` credits someone the outlet describes and will not name ("a veteran guard, who asked not to be named,
    said ..."; "... the guard said" after it)."""
    if st.speaker_kind != "description" or st.speaker_entity or not st.speaker:
        return False
    return _ANONYMOUS.search(st.article.text, max(0, st.start - ANONYMOUS_REACH), st.end) is not None


def credit_disagreements(statements: Sequence[Statement]) -> list[Discrepancy]:
    """One remark, quoted in two sources, credited to two people ('"This is the darkest day in the history of this
    refinery," Haines said' / 'boss Celia Marchetti called it "the darkest day in the history of this refinery"'):
    an ``attribution`` disagreement, however unlike the sentences around the words are. The quotations must be one
    remark (as for :func:`quote_disagreements`), each credited to a speaker its outlet names (or a "he said" that can
    mean one person only) or to someone it will not name (:func:`anonymous`), the two rivals
    (:func:`~newsfuse.fuse.discrepancies.rival_speakers`: not a person against the body they speak for; a named person
    against an unnamed one), and neither outlet may quote the other's speaker saying it too."""
    quotes = _quotes(statements)
    holders: dict[str, list[Statement]] = {}
    for st in statements:
        if st.kind == "statement" and st.speaker:
            holders.setdefault(st.article.id, []).append(st)

    def holder(q: _Quote) -> Statement | None:
        """The statement that credits the quotation: it holds some of it, with the speaker the quotation has; of a
        quotation of several sentences, the one that holds the credit ('..., the guard said.'), which shows who."""
        held = [
            st
            for st in holders.get(q.article.id, ())
            if st.start < q.span.end
            and q.span.start < st.end
            and st.speaker_entity == q.span.attrs.get("entity")
            and (st.speaker_kind == "name" or (st.speaker_kind == "pronoun" and st.speaker_sure) or anonymous(st))
        ]
        cue = q.span.attrs.get("cue")
        return next((st for st in held if cue is not None and st.start <= cue[0] < st.end), held[0] if held else None)

    def rivals(x: Statement, y: Statement) -> bool:
        # a named person against someone the outlet will not name ("a veteran guard, who asked not to be named")
        if anonymous(x) or anonymous(y):
            return (x.speaker_person and anonymous(y)) or (y.speaker_person and anonymous(x))
        return rival_speakers(x, y)

    credited: dict[tuple[str, ...], set[tuple[str, str | None]]] = {}  # each remark's words -> (source, speaker) crediting it
    for q in quotes:
        credited.setdefault(_said(q), set()).add((q.source, q.speaker))
    out: list[Discrepancy] = []
    for k, x in enumerate(quotes):
        for y in quotes[k + 1 :]:
            if x.source == y.source or not x.speaker or not y.speaker or x.speaker == y.speaker:
                continue
            if len(x.vocabulary & y.vocabulary) < LONGEST_RUN or _differences(x, y) is None:
                continue
            sx, sy = holder(x), holder(y)
            if sx is None or sy is None or not rivals(sx, sy):
                continue
            said_by = credited.get(_said(x), set()) | credited.get(_said(y), set())
            if (x.source, y.speaker) in said_by or (y.source, x.speaker) in said_by:
                continue  # an outlet that has both people say it: one repeating the other's words
            groups = {str(sx.speaker): [sx], str(sy.speaker): [sy]}
            out.append(
                Discrepancy(
                    _id(x.article.id, str(x.span.start), y.article.id, str(y.span.start), "credit"),
                    "attribution",
                    "disputed: attribution",
                    variants(groups, "attribution"),
                )
            )
    return _merge_pairwise(out, by_value=True)
