"""Who said what: direct quotes in every quote style, split and multi-sentence quotes, and reported speech
("X said that ...", "..., X said.", "A, X said, B", "as X reported, ...", "according to X", "X told ...", "X added",
"X's office said", "X accused Y of ...", "X was quoted as saying ...").

Each quote is a span over its *content* with attrs: ``direct``, ``cue`` (start, end), ``speaker`` (start, end of the
mention or description the text names), ``speaker_kind`` (name, pronoun, role, description, continuation) and, after
linking, ``entity``/``name`` of the resolved speaker. A quote that continues an earlier one in the same paragraph
(``"A," she said. "B."``) carries ``part_of`` (start, end of the quote it continues); reported speech that embeds a
partial direct quote is one quote over the whole clause (``partial``: true).

Every lookup goes through :class:`_Index` (character -> token, character -> mention, position -> sentence), so the
stage is linear in the article plus the parse subtrees it reads.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Span
from .base import Context, doc_text
from .entities import ROLE_NOUNS, TITLES, fold, name_tokens, same_name_word
from .speakers import (
    CHARACTERIZING_VERBS,
    CONTINUATION_VERBS,
    CORE_SPEECH_VERBS,
    HOST_VERBS,
    INSTITUTION_NOUNS,
    OBJECT_CONTENT_VERBS,
    OFFICE_NOUNS,
    PRONOUNS,
    Candidate,
    content_words,
    cue_rank,
    is_dateline_word,
    resolve_pronoun,
    speech_lemma,
)

# a courtesy title right before a name: "Mr. Smith", "Mrs Clinton", "Ms. Jones" (not "problems. " or "Mrs." read as "Mr")
_TITLE_BEFORE = re.compile(r"\b(mrs|mr|ms|miss)\.?\s+$", re.I)

OPEN_CLOSE = {"“": '”"', "«": "»", "„": "“”", "‘": "’", "‹": "›", '"': '"”', "'": "'"}
_CLOSING = "”»“’›\"'"
_HEADS = {"VERB", "AUX"}
_NAMED = {"PERSON", "ORG", "GPE", "NORP"}
_CONTENT_PREPS = {"of", "for", "against", "over", "with", "about"}  # "accused Y of Z", "warned against Z"
_DASHES = {"—", "–", "―", "-", "--"}
# what may stand between a description and the name set beside it: "top Democrat, Sen. Dianne Feinstein"
_APPOSED = re.compile(r",\s*(?:(?:[A-Z][a-z]{1,4}\.|Senator|Representative|Governor|Judge|General)\s+)?")


CARRIED_PARAGRAPHS = 4  # how many paragraphs a quote left open may run on to a closing mark with no opening one


def quote_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage *including* its marks, in order and never overlapping. Quotes never cross
    a paragraph break, but a quote left open at a paragraph's end closes there (the next paragraph reopens it). A
    paragraph soon after such an open quote that has a closing mark and no opening one is quoted from its start up to
    the mark, and the unmarked paragraphs between are quoted too (writers often drop the reopening marks). Two
    apostrophes (``''like this''``, a common typewriter style) are one mark."""
    out: list[tuple[int, int]] = []
    carried = 0  # paragraphs (with text) since the last quote met ran on past its paragraph's end without closing
    between: list[tuple[int, int]] = []  # paragraphs without any mark since then: the quote's middle, if it closes
    paragraphs = _paragraphs(text)
    for p_index, (para_start, para) in enumerate(paragraphs):
        if carried and para.strip():
            carried = carried + 1 if carried < CARRIED_PARAGRAPHS else 0
        i = 0
        n = len(para)
        first = len(out)
        while i < n:
            c = para[i]
            if carried and len(out) == first and _dangling_close(para, i):
                # a quote run over paragraphs, this one without its opening mark ("... status quo," Labrador said):
                # the paragraph up to the mark is the quote's end, not an opening mark of "Labrador said"; the
                # paragraphs between without marks are its middle
                start = len(para) - len(para.lstrip())
                if i - start > 1:
                    out[first:first] = between
                    out.append((para_start + start, para_start + i + 1))
                carried = 0
                i += 1
                continue
            if para.startswith("''", i) and _opens_double_apostrophe(para, i):
                j = para.find("''", i + 2)
                end = n if j < 0 else j + 2
                if end - i > 4:
                    out.append((para_start + i, para_start + end))
                i = end
                continue
            if c in OPEN_CLOSE and _opens(para, i):
                close = OPEN_CLOSE[c]
                j = i + 1
                while j < n:
                    if para[j] in close and (c not in {"'", "‘"} or _closes_single(para, j)):
                        inner = _nested_straight(para, i, j) if c == '"' else None
                        if inner is not None:  # '"... these large "wildcat" walkouts ...," he wrote'
                            j = inner + 1
                            continue
                        break
                    j += 1
                if j >= n and c in {"'", "‘"}:
                    i += 1
                    continue
                end = min(j + 1, n)
                unclosed = _CLOSING_CUE.search(para, i + 1, end) if j >= n and not _run_goes_on(paragraphs, p_index) else None
                if unclosed is not None:
                    # the closing mark left out before the cue ("outrageous comments, Graham said."): the quote ends
                    # at its punctuation and the cue stays outside it
                    end = unclosed.start(1) + 1
                if end - i > 2:
                    out.append((para_start + i, para_start + end))
                    # a quote left open may run on; not a sign left open ("a sign reading “Closed for the season")
                    carried = 1 if j >= n and unclosed is None and speech_like(para[i:end]) else 0
                i = end
                continue
            i += 1
        if len(out) > first or not carried:
            between = []
        elif para.strip() and carried > 1:  # not the paragraph that opened the quote
            lead = len(para) - len(para.lstrip())
            between.append((para_start + lead, para_start + len(para.rstrip())))
    return out


def _nested_straight(para: str, i: int, j: int) -> int | None:
    """A straight double quote at ``j`` inside one opened at ``i`` that opens a quotation of its own (a space before,
    a letter after: 'the power to stop these "wildcat" walkouts'): where that inner quotation closes, when a
    mark is left after it to close the outer one; else None (the mark at ``j`` closes the quote)."""
    if para[j] != '"' or j == 0 or not para[j - 1].isspace() or j + 1 >= len(para) or not para[j + 1].isalnum():
        return None
    k = para.find('"', j + 1)
    if k < 0 or para[k - 1].isspace() or para.find('"', k + 1) < 0:
        return None
    return k


# a cue at the very end of a paragraph whose quote was never closed: ", Graham said.", ", said Sen. Graham, the
# senator from South Carolina.", ", she said."
_MARKS = '"\u201c\u201d'
_NAME_WORDS = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*"
_CLOSING_CUE = re.compile(
    rf"([,!?])\s+(?:{_NAME_WORDS}\s+(?:said|says|added)|(?:said|says|added)\s+{_NAME_WORDS}|(?:he|she|they)\s+(?:said|says|added))(?:,\s+(?:(?:the|a|an|his|her|their|its)\s|[A-Z])(?:(?!\band\b)[^,{_MARKS}]){{0,80}})?\.?\s*$"
)


# a quote that opens on someone in the third person is about them, not by them ("He never complained, not once.")
_ABOUT_SOMEONE = re.compile(r"\W*(?:he|she|his|her|him)\b", re.I)
# verbs of not speaking: "Mr. Hale declined to comment.", "refused to answer"
_NO_COMMENT = frozenset({"decline", "refuse", "fail", "ignore", "avoid"})


def _not_said(verb: Any) -> bool:
    """A speech verb of what was not said: negated ("would not say whether", "did not tell them that") or the
    infinitive of a refusal ("declined to say how long", "refused to say who"). The sentence is still credited to
    its speaker ("Police did not say how the women were killed" is the police's), but it quotes nothing."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _NO_COMMENT


_OWN_CUE = re.compile(r"[,.!?]?[”\"]\s+[^“”\"]{0,60}?\b(?:said|says|added|told|asked|wrote)\b")


def _run_goes_on(paragraphs: list[tuple[int, str]], k: int) -> bool:
    """The next paragraph with text reopens the quote or closes it ("... the next spring," Ms. Park said): the quote of
    paragraph ``k`` runs on, so a cue at its end ("Never give up, she said.") is inside the speaker's own story."""
    nxt = next((p for _, p in paragraphs[k + 1 :] if p.strip()), "").strip()
    if not nxt:
        return False
    if nxt[0] in OPEN_CLOSE:
        # reopened: the run goes on when that paragraph names its own speaker ("... my whole life," Mr. Lee said); a
        # reopened quote without a cue is the speaker named at the cue here going on ("..., Graham said." / "He's ...")
        return _OWN_CUE.search(nxt) is not None
    return any(_dangling_close(nxt, i) for i in range(len(nxt)) if nxt[i] in {'"', "”"} and not any(c in OPEN_CLOSE for c in nxt[:i]))


def _continues(q: _Q, speaker_of: _Q) -> None:
    """``q`` continues the words of ``speaker_of``'s speaker (a quote with no cue of its own)."""
    q.speaker_kind = "continuation"
    q.speaker_span, q.speaker_text = speaker_of.speaker_span, speaker_of.speaker_text
    q.entity, q.name = speaker_of.entity, speaker_of.name


def _dangling_close(para: str, i: int) -> bool:
    """A closing double mark where no quote is open: right after the quoted words' last punctuation or letter (not a
    digit: ``55" televisions`` is a measure) and followed by a space or the paragraph's end (``status quo," Labrador
    said``)."""
    if para[i] not in {'"', "”"} or i == 0 or para[i - 1].isspace() or para[i - 1].isdigit():
        return False
    return i + 1 >= len(para) or para[i + 1].isspace() or para[i + 1] in _DASHES


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for part in text.split("\n"):
        out.append((pos, part))
        pos += len(part) + 1
    return out


def _opens_double_apostrophe(s: str, i: int) -> bool:
    prev = s[i - 1] if i > 0 else " "
    nxt = s[i + 2] if i + 2 < len(s) else " "
    return not prev.isalnum() and not nxt.isspace()


def _opens(s: str, i: int) -> bool:
    c = s[i]
    prev = s[i - 1] if i > 0 else " "
    nxt = s[i + 1] if i + 1 < len(s) else " "
    if c in {"'", "‘"}:
        return not prev.isalnum() and nxt.isalpha()
    if c == '"':
        return not prev.isalnum() or prev in "([—–-"
    if c == "’":
        return False
    return not nxt.isspace()


def _closes_single(s: str, j: int) -> bool:
    nxt = s[j + 1] if j + 1 < len(s) else " "
    return not nxt.isalpha()


def strip_marks(text: str, a: int, b: int) -> tuple[int, int]:
    """The inside of a quoted passage ``text[a:b]``: without its marks, edge spaces and a trailing comma. A quote that
    ends a run over paragraphs may start without a mark."""
    if text.startswith("''", a):
        a += 2
    elif text[a : a + 1] in OPEN_CLOSE and (text[a] not in {"'", "‘"} or _opens(text, a)):
        a += 1  # not the apostrophe of "'90s" at the start of a quote that ends a run
    if b - 1 > a and text[b - 1] in _CLOSING:
        b -= 2 if b - 2 > a and text[b - 2 : b] == "''" else 1
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    return a, b


def speech_like(inner: str) -> bool:
    """Does a quoted passage read like something said (ends like an utterance), rather than a quoted term?"""
    s = inner.rstrip("”\"’' ")
    return s[-1:] in {".", "?", "!", ",", "…"} if s else False


_LOWER_VERBS = {"is", "are", "was", "were", "has", "have", "had", "will"}
_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "is"}


def looks_like_title(inner: str) -> bool:
    """A quoted name of a show, book or slogan ("State of the Union"): short, title case, no closing punctuation."""
    words = inner.rstrip(".").split()  # a full stop may close a title ("his memoir, “A Harbor Life.”")
    if not 1 <= len(words) <= 10 or speech_like(inner.rstrip(".")):
        return False
    if inner.rstrip().endswith(".") and any(w in _LOWER_VERBS for w in words[1:]):
        return False  # "Peter Capaldi is in the Tardis.": a sentence; a title would write "Is"
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w[:1].isupper() for w in content) >= 0.8 * len(content)


@dataclass(slots=True)
class _Q:
    start: int
    end: int
    direct: bool
    cue: tuple[int, int] | None
    subj: Any  # spaCy token of the speaker, or None
    speaker_span: tuple[int, int] | None = None
    speaker_kind: str = "none"
    speaker_text: str | None = None
    entity: str | None = None
    name: str | None = None
    sent: int = 0
    cue_lemma: str = ""
    part_of: tuple[int, int] | None = None
    partial: bool = False
    marked: bool = False  # found from its quote marks (not from a verb's complement)
    extra: dict[str, Any] = field(default_factory=dict)


class _Index:
    """Constant-time lookups over one article: token at a character, mention at a character, sentence of a position."""

    def __init__(self, doc: Any, text: str, sents: Sequence[Span], mentions: Sequence[Span]) -> None:
        self.doc = doc
        self.text = text
        self.sents = list(sents)
        self.sent_starts = [s.start for s in self.sents]
        n = len(text)
        tok = [-1] * (n + 1)
        for t in doc:
            for p in range(t.idx, min(n, t.idx + len(t.text))):
                tok[p] = t.i
        self._tok = tok
        self.mentions = list(mentions)
        men = [-1] * (n + 1)
        for k, m in enumerate(self.mentions):
            for p in range(m.start, min(n, m.end)):
                if men[p] < 0:
                    men[p] = k
        self._men = men

    def token_at(self, pos: int) -> Any:
        if 0 <= pos < len(self._tok) and self._tok[pos] >= 0:
            return self.doc[self._tok[pos]]
        return None

    def tokens(self, a: int, b: int) -> Any:
        """The tokens overlapping characters [a, b)."""
        span = self.doc.char_span(a, b, alignment_mode="expand") if b > a else None
        return span if span is not None else []

    def mention_at(self, a: int, b: int) -> Span | None:
        for p in range(max(0, a), min(b, len(self._men))):
            if self._men[p] >= 0:
                return self.mentions[self._men[p]]
        return None

    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def sent_bounds(self, k: int) -> tuple[int, int]:
        if not self.sents:
            return 0, len(self.text)
        s = self.sents[min(k, len(self.sents) - 1)]
        return s.start, s.end


class Quotes:
    name = "quotes"
    version = 50
    requires: tuple[str, ...] = ("sentences", "mentions")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, article: Article, ctx: Context) -> dict[str, list[Span]]:
        doc = ctx.doc
        text = article.text
        ix = _Index(doc, text, article.group("sentences"), article.group("mentions"))
        quotes: list[_Q] = []
        all_marks = quote_marks(text)
        in_long_quote = [False] * (len(text) + 1)  # inside a quotation of four words or more
        for a, b in all_marks:
            if len(text[a:b].split()) >= 4:
                for p in range(a, b):
                    in_long_quote[p] = True
        # 1. direct quotes and their cues
        for k, (a, b) in enumerate(all_marks):
            inner_a, inner_b = strip_marks(text, a, b)
            words = len(text[inner_a:inner_b].split())
            if words == 0:
                continue
            found = _cue_for_quote(ix, a, b)
            # a short quote is a quote only when it reads as an utterance and a speech verb takes it, or when it opens
            # a sentence its credit splits ('"Every generator," he told the crowd, "saves a ward."'); a title only
            # when a speech verb takes it
            takes = found is not None and found[1]
            if words < 4 and (not takes or not speech_like(text[a:b])) and not _split_by_credit(text, all_marks, k):
                continue
            if not takes and looks_like_title(text[inner_a:inner_b]):
                continue
            q = _Q(inner_a, inner_b, True, None, None, sent=ix.sent_index(a), marked=True)
            if found is not None:
                cue = found[0]
                q.cue = (cue.idx, cue.idx + len(cue.text))
                q.cue_lemma = _cue_lemma(cue) or _naming(cue, a, b) or ""
                q.subj = (
                    _according_pobj(cue) if q.cue_lemma == "according" else _subject(cue, (a, b), ix.sent_bounds(ix.sent_index(cue.idx)))
                )
                if q.cue_lemma == "according":
                    q.cue = (cue.idx, cue.doc[cue.i + 1].idx + len(cue.doc[cue.i + 1].text))
            quotes.append(q)
        # 2. reported speech: speech verbs (outside direct quotes) with a complement, or set into their content
        for tok in doc:
            if in_long_quote[tok.idx]:
                continue  # a verb inside a quotation is the speaker's own words
            lemma = _cue_lemma(tok)
            if lemma is None and tok.pos_ == "VERB" and tok.lemma_.lower() in CHARACTERIZING_VERBS:
                lemma = tok.lemma_.lower()  # "derided the plan as nonsense": speech only through its "as" (_complement)
            if lemma is None:
                if tok.lemma_.lower() in _VOICING:  # "voiced fears that ...": the sentence is looked up only then
                    sent = ix.sent_index(tok.idx)
                    bounds = ix.sent_bounds(sent)
                    attitude = _attitude_content(tok, bounds)
                    if attitude is not None and (subj := _subject(tok, None, bounds)) is not None:
                        cue_end = attitude[2].idx + len(attitude[2].text)  # the cue runs to the noun: "voiced fears"
                        quotes.append(
                            _Q(attitude[0], attitude[1], False, (tok.idx, cue_end), subj, sent=sent, cue_lemma=tok.lemma_.lower())
                        )
                continue
            if lemma == "according":
                pobj = _according_pobj(tok)
                if pobj is None:
                    continue
                span = _according_content(tok, pobj, ix.sent_bounds(ix.sent_index(tok.idx)))
                if span is None:
                    continue
                cue_end = doc[tok.i + 1].idx + len(doc[tok.i + 1].text)
                quotes.append(_Q(span[0], span[1], False, (tok.idx, cue_end), pobj, sent=ix.sent_index(tok.idx), cue_lemma="according"))
                continue
            if _passive(tok):
                continue  # "asked about it", "was told that": the subject is who was spoken to
            if _object_relative(tok):
                continue  # "the questions he wants to ask Trump": what is asked is the noun, not a clause
            if _THAT_SAID.search(text, max(0, tok.idx - 12), tok.idx + len(tok.text) + 1):
                continue  # "That said, the Colts won": a turn of phrase, nobody speaks
            bounds = ix.sent_bounds(ix.sent_index(tok.idx))
            aside = _inverted_aside(tok, lemma, bounds)
            if aside is not None:  # "The decision, said Mayor Ana Ruiz, was final."
                (a, b), who = aside
                quotes.append(
                    _Q(
                        a,
                        b,
                        _is_direct((a, b), all_marks),
                        (tok.idx, tok.idx + len(tok.text)),
                        who,
                        sent=ix.sent_index(tok.idx),
                        cue_lemma=lemma,
                    )
                )
                continue
            span = _complement(tok, lemma, bounds)
            if span is None:
                span = _host_clause(tok, bounds)
            if span is None:
                continue
            subj = _subject(tok, None, bounds)
            if subj is None:
                continue
            if len(text[span[0] : span[1]].split()) < 3:
                continue
            quotes.append(
                _Q(
                    span[0],
                    span[1],
                    _is_direct(span, all_marks),
                    (tok.idx, tok.idx + len(tok.text)),
                    subj,
                    sent=ix.sent_index(tok.idx),
                    cue_lemma=lemma,
                    # "declined to say how long it might take": the speaker's, but nothing they said
                    extra={"unsaid": True} if _not_said(tok) else {},
                )
            )
        quotes.sort(key=lambda q: (q.start, q.end))
        _merge(quotes, text)
        self._speakers(article, ix, quotes)
        tag = f"{self.name}@{self.version}"
        out = []
        for q in quotes:
            if q.speaker_kind == "none" or q.end <= q.start:
                continue
            attrs: dict[str, Any] = {
                "direct": q.direct,
                "cue": q.cue,
                "speaker": q.speaker_span,
                "speaker_text": q.speaker_text,
                "speaker_kind": q.speaker_kind,
                "local_entity": q.entity,
                "local_name": q.name,
            }
            if q.part_of is not None:
                attrs["part_of"] = q.part_of
            if q.extra.get("co"):
                attrs["co_speakers"] = list(q.extra["co"])
            if q.partial:
                attrs["partial"] = True
            if q.extra.get("unsaid"):
                attrs["unsaid"] = True
            if q.extra.get("sure"):
                attrs["sure"] = True  # a "he said" that can mean one person only: the outlet's own credit
            out.append(Span(q.start, q.end, "direct" if q.direct else "reported", tag, attrs))
        return {"quotes": out}

    # ------------------------------------------------------------ speakers
    def _speakers(self, article: Article, ix: _Index, quotes: list[_Q]) -> None:
        text = article.text
        persons = [m for m in ix.mentions if m.label == "PERSON"]
        by_last: dict[str, Span] = {}
        for p in persons:
            toks = name_tokens(p.attrs.get("local", p.attrs["text"]))
            if toks:
                by_last.setdefault(toks[-1].lower(), p)

        def office_holder(tok: Any, owner: Span) -> Span | None:
            """The person the article names as ``owner``'s spokesman, lawyer or aide (the office ``tok``): a name
            with that office and owner in its description ("Strzok attorney Aitan Goelman", "Aitan Goelman,
            Strzok's attorney,"), the latest before ``tok``, else the first after it."""
            office = tok.lemma_.lower()
            if office not in PERSON_OFFICES:
                return None
            last = (name_tokens(owner.attrs.get("local", owner.attrs["text"])) or [""])[-1].lower().rstrip("s")
            found = []
            for p in persons:
                if p.attrs.get("local") == owner.attrs.get("local"):
                    continue
                lo, hi = p.attrs.get("described") or (p.start, p.end)
                around = text[lo:hi]
                if text.startswith(",", p.end):  # an apposition the description missed: "Aitan Goelman, Strzok's attorney,"
                    around += " " + text[p.end + 1 : p.end + 60].split(",")[0]
                words = {w.rstrip("s") for w in re.findall(r"[a-z]+", around.lower())}  # "Strzok's", "attorneys"
                if last and last in words and office.rstrip("s") in words:
                    found.append(p)
            before = [p for p in found if p.start < tok.idx]
            return before[-1] if before else (found[0] if found else None)

        def mention_of(tok: Any) -> Span | None:
            """The named mention a subject token heads: the one containing it, else a named apposition ("the senator,
            Ted Cruz,"), else the owner of an office noun ("Clinton's campaign", "a spokesman for Trump"), else (for a
            bare proper noun the model missed) a person of the article with that name."""
            m = ix.mention_at(tok.idx, tok.idx + len(tok.text))
            if m is not None and m.label == "NORP":
                # "the panel's top Democrat, Sen. Dianne Feinstein": the party names the person set beside it
                return apposed_person(tok) or m
            if m is not None:
                return m
            # "Trump's new lawyer and his longtime confidant, Rudolph Giuliani,": the name may hang off the last of
            # the coordinated descriptions
            for c in [x for d in [tok, *(k for k in tok.children if k.dep_ == "conj")] for x in d.children]:
                if c.dep_ == "appos":
                    m = ix.mention_at(c.idx, c.idx + len(c.text))
                    if m is not None and m.label == "PERSON":
                        return m
            if tok.lower_ in OFFICE_NOUNS or tok.lemma_.lower() in OFFICE_NOUNS:
                owners = [c for c in tok.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")]
                for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}):
                    owners.extend(cc for cc in prep.children if cc.dep_ == "pobj")
                for o in owners:
                    m = ix.mention_at(o.idx, o.idx + len(o.text))
                    if m is not None:
                        # "Strzok's attorney said": the attorney the article names ("Aitan Goelman, Strzok's
                        # attorney"), else the client, for whom the attorney speaks
                        return office_holder(tok, m) or m
            if tok.text[:1].isupper() and tok.pos_ in {"PROPN", "NOUN", "ADJ", "VERB"}:
                p = by_last.get(tok.text.lower())
                if p is None:
                    p = next((p for p in persons if same_name_word(name_tokens(p.attrs.get("local", p.attrs["text"]))[-1], tok.text)), None)
                if p is not None:
                    return Span(tok.idx, tok.idx + len(tok.text), "PERSON", p.stage, {**p.attrs, "text": tok.text})
            return None

        def apposed_person(tok: Any) -> Span | None:
            """A person named in apposition right after ``tok``: parsed as such, or (the parser often hangs it
            elsewhere) following it after a comma, with or without a title."""
            for c in tok.children:
                if c.dep_ == "appos":
                    m = ix.mention_at(c.idx, c.idx + len(c.text))
                    if m is not None and m.label == "PERSON":
                        return m
            gap = _APPOSED.match(text, tok.idx + len(tok.text))
            if gap is None:
                return None
            m = ix.mention_at(gap.end(), gap.end() + 1)
            if m is None or m.label != "PERSON" or m.start != gap.end() or text.startswith(("'s", "’s"), m.end):
                return None  # "a Democrat, Sen. Feinstein's chief aide": the aide speaks
            return m

        # explicit names, possessive offices, role nouns and descriptions first
        unnamed: dict[str, Candidate] = {}  # speakers named by proper nouns the entity model did not tag
        for q in quotes:
            s = q.subj
            if s is None:
                continue
            if s.lower_ in PRONOUNS:
                q.speaker_kind = "pronoun"
                q.speaker_span = (s.idx, s.idx + len(s.text))
                q.speaker_text = s.text
                continue
            if _aged(s) and not _introduced(s, text):
                # "the 43-year-old said": someone named before, found as a pronoun is (gender unknown)
                q.speaker_kind = "pronoun"
                lo, hi = _noun_phrase(s)
                if text[max(0, lo - 4) : lo].lower() == "the ":  # its article, when the parse hung it on the verb
                    lo -= 4
                q.speaker_span = (lo, hi)
                q.speaker_text = text[lo:hi]
                q.extra["anaphor"] = True
                continue
            if (party := _party_member(s)) is not None and not _introduced(s, text):
                # "the Ohio Republican said": a member of a party named before, found as a pronoun is, among
                # the people not set in the other party
                q.speaker_kind = "pronoun"
                q.speaker_span = _noun_phrase(s)
                q.speaker_text = text[q.speaker_span[0] : q.speaker_span[1]]
                q.extra["anaphor"] = True
                q.extra["party"] = party
                continue
            if s.tag_ in {"WP", "WDT"} and s.head.dep_ == "relcl":
                s = s.head.head  # "Kirby, who indicated ..." -> Kirby
            np = _noun_phrase(s)
            m = mention_of(s)
            if m is not None and m.label == "PERSON" and s.lemma_.lower() in INSTITUTION_NOUNS and not (m.start <= s.idx < m.end):
                # "the Trump administration said": the institution speaks, not the person it is named after
                inst = text[np[0] : np[1]]
                inst = re.sub(r"^(?:the|a|an)\s+", "", inst, flags=re.I)
                q.speaker_kind = "name"
                q.speaker_span = np
                q.speaker_text = text[np[0] : np[1]]
                q.name = inst
                q.entity = "local:" + inst
                continue
            if m is not None and m.label in _NAMED:
                q.speaker_kind = "name"
                q.speaker_span = (m.start, m.end)
                q.speaker_text = text[m.start : m.end]
                q.name = m.attrs.get("local", m.attrs["text"])
                q.entity = "local:" + q.name
                continue
            proper = _proper_name(s)
            if proper is not None:  # a name the entity model missed ("Mayor Ana Ruiz said")
                q.speaker_kind = "name"
                q.speaker_span = proper
                q.speaker_text = q.name = text[proper[0] : proper[1]]
                q.entity = "local:" + q.name
                unnamed.setdefault(q.entity, Candidate(q.entity))
                continue
            q.speaker_span = np
            q.speaker_text = text[np[0] : np[1]]
            org = _organisation_for(s, q.start, ix.mentions)
            if org is not None:  # "the union said" after "the Port Alder Dockworkers' Union"
                q.speaker_kind = "name"
                q.name = org.attrs.get("local", org.attrs["text"])
                q.entity = "local:" + q.name
                continue
            if s.lemma_.lower() in ROLE_NOUNS and any(c.lower_ in {"the", "this", "that"} or c.dep_ == "poss" for c in s.children):
                # "the president", "South Sudan's president": the person the article gave that role
                q.speaker_kind = "role"
                q.extra["role"] = s.lemma_.lower()
                owner = next((c for c in s.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS), None)
                if owner is not None:  # whose role: only a person named with that owner near the name holds it
                    q.extra["owner"] = text[owner.left_edge.idx : owner.idx + len(owner.text)]
            else:
                q.speaker_kind = "description"
        # role nouns: the most recent person the article gave that role, unless a description introduced it
        last_described: dict[str, _Q] = {}
        named_by_role: dict[str, list[Span]] = {}
        for m in persons:
            for role in m.attrs.get("roles", []):
                named_by_role.setdefault(role, []).append(m)
        for q in quotes:
            if q.speaker_kind == "description" and q.subj is not None:
                last_described[q.subj.lemma_.lower()] = q
            if q.speaker_kind != "role":
                continue
            role = q.extra["role"]
            described = last_described.get(role)
            named = [m for m in named_by_role.get(role, []) if m.start < q.start]
            if "owner" in q.extra:  # "South Sudan's president": "South Sudan President Salva Kiir", not Sudan's
                named = [m for m in named if _owned_by(text, m, q.extra["owner"])]
                if not named:  # no such person named: a description ("the port's accident investigator")
                    q.speaker_kind = "description"
                    continue
            if described is not None and described is not q and (not named or described.start > named[-1].start):
                q.speaker_kind = "description"
                q.speaker_text = described.speaker_text
                continue
            if named:
                m = named[-1]
                q.name = m.attrs.get("local", m.attrs["text"])
                q.entity = "local:" + q.name
        # a document speaks for whoever wrote it: "the letter says" after "nearly 90 faculty members sent a letter"
        for q in quotes:
            if q.speaker_kind == "description" and q.subj is not None and q.subj.lemma_.lower() in DOCUMENT_NOUNS:
                author = _document_author(q.subj, ix)
                if author is not None:
                    q.name, q.entity = author
        # pronouns by salience, in reading order, so a resolved pronoun feeds the next one
        quoted_at = [False] * (len(text) + 1)
        for q in quotes:
            for pos in range(q.start, q.end):
                quoted_at[pos] = True
        cands: dict[str, Candidate] = {}
        parties: dict[str, Side] = {}  # a person's party and state, where the text sets them beside their name
        for m in persons:
            key = "local:" + m.attrs.get("local", m.attrs["text"])
            c = cands.setdefault(key, Candidate(key))
            if (side := party_of(text, m)) is not None:
                parties.setdefault(key, side)
            tok = ix.token_at(m.end - 1)  # the name's head: "Maren" in "Governor Piet Maren described"
            # the subject, or a name set beside it ("One Democrat, Representative Stephen F. Lynch, raised ...")
            subject = tok is not None and (
                tok.dep_ in {"nsubj", "nsubjpass"} or (tok.dep_ == "appos" and tok.head.dep_ in {"nsubj", "nsubjpass"})
            )
            w = SUBJECT_WEIGHT if subject else 1.0
            if tok is not None and (tok.dep_ == "nsubj" or (tok.dep_ == "appos" and tok.head.dep_ == "nsubj")):
                c.acting.add(ix.sent_index(m.start))  # "Greve defended the decision"; not "Hale was charged"
            if quoted_at[m.start]:
                w = QUOTED_WEIGHT
            c.mention(ix.sent_index(m.start), w, m.start)
            title = _TITLE_BEFORE.search(text, max(0, m.start - 6), m.start)
            if title is not None:
                c.gender = "m" if title.group(1).lower() == "mr" else "f"
        # "the president has been critical": the subject is the person the article last gave that role, and counts
        # as a mention of them when a later "he said" is weighed
        for t in ix.doc:
            role = t.lower_
            if t.dep_ not in {"nsubj", "nsubjpass"} or role not in ROLE_NOUNS or quoted_at[t.idx] or t.ent_type_:
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) or any(c.dep_ == "poss" for c in t.children):
                continue
            named = [m for m in named_by_role.get(role, []) if m.start < t.idx]
            if named:
                key = "local:" + named[-1].attrs.get("local", named[-1].attrs["text"])
                cands.setdefault(key, Candidate(key)).mention(ix.sent_index(t.idx), 2.0, t.idx)
        for key, cand in unnamed.items():
            cands.setdefault(key, cand)
        for q in quotes:
            if q.entity and q.entity in cands:
                cands[q.entity].mention(q.sent, 3.0, q.start)
                cands[q.entity].quoted_words |= content_words(text[q.start : q.end])
        # words that tie a pronoun's quote to what a candidate said: only those few sentences of the article use
        # ("expendable"), not the story's own vocabulary ("Russian", "troops"), which everyone quoted shares
        sentence_count: dict[str, int] = {}  # counted when the first pronoun needs it

        def rare(words: set[str]) -> set[str]:
            if not sentence_count:
                for sent in article.group("sentences"):
                    for word in content_words(text[sent.start : sent.end]):
                        sentence_count[word] = sentence_count.get(word, 0) + 1
            busy = max(2, len(article.group("sentences")) // 10)
            return {x for x in words if sentence_count.get(x, 0) <= busy}

        def runs_on(k: int) -> bool:
            """Quote ``k`` is left open and the next quote, in a later paragraph, closes it: one run of quotes."""
            if k + 1 >= len(quotes):
                return False
            q, r = quotes[k], quotes[k + 1]
            between = text[q.end : r.start]
            return (
                q.direct
                and r.direct
                and "\n" in between
                and between[: between.index("\n")].strip(" ,\t\r") == ""  # left open: no closing mark of its own
                and between.strip(_CLOSING + " \t\r\n") == ""
            )

        def introducer(k: int) -> Span | None:
            """The person who is the active subject of the sentence right before quote ``k`` (which has no cue), when
            that sentence quotes nothing itself and says something of that person (not "declined to comment"), the
            quote is not about them ("He never complained"), it does not run on to a paragraph naming its speaker,
            and no person's direct quote comes just before (a narrative sentence between does not change who
            speaks: "“We will win,” Ruiz said. Hale leads in every poll. “The polls are wrong.”")."""
            q = quotes[k]
            pq = quotes[k - 1] if k > 0 else None
            if q.sent < 1 or runs_on(k) or _ABOUT_SOMEONE.match(text, q.start):
                return None
            if pq is not None and pq.direct and pq.speaker_kind in {"name", "role", "pronoun"} and q.sent - pq.sent <= 3:
                return None
            lo, hi = ix.sent_bounds(q.sent - 1)
            if hi > q.start or any(quoted_at[p] for p in range(lo, hi)):
                return None
            root = next((t for t in ix.tokens(lo, hi) if t.dep_ == "ROOT"), None)
            if root is None or any(c.dep_ == "neg" for c in root.children) or root.lemma_.lower() in _NO_COMMENT:
                return None
            subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
            m = mention_of(subj) if subj is not None else None
            return m if m is not None and m.label == "PERSON" else None

        def group_antecedent(k: int, pron: str) -> _Q | None:
            """Who "they" or "it" is when a quote of an earlier sentence ends at most one sentence before: that
            quote's speaker, when it is a group ("Republicans", "law enforcement officials", a plural description)
            for "they", or an organisation or a thing that speaks ("the American Bar Association", "the statement")
            for "it". A person, a country, or a nearer speaker that does not fit is someone else: no antecedent."""
            q = quotes[k]
            for pq in reversed(quotes[:k]):
                if pq.start >= q.start or pq.speaker_kind == "none":
                    continue
                if ix.sent_index(pq.start) >= q.sent:
                    return None  # "according to the Post, it does not name Trump": "it" is what the Post reported on
                if ix.sent_index(max(pq.start, pq.end - 1)) < q.sent - 1:
                    return None
                return pq if _fits_pronoun(pq, pron, ix) else None
            return None

        previous: str | None = None
        previous_at = -1
        for k, q in enumerate(quotes):
            if q.speaker_kind == "pronoun" and q.entity is None:
                pron = (q.speaker_text or "").lower()
                if PRONOUNS.get(pron) in {"m", "f"} or q.extra.get("anaphor"):
                    nxt = None
                    for r in quotes[k + 1 : k + 3]:
                        if r.sent - q.sent > 2:
                            break
                        if r.cue_lemma in CONTINUATION_VERBS and r.entity and r.speaker_kind in {"name", "role"}:
                            nxt = r.entity
                            break
                    # "he said at an event with Mr. Sandoval", "she told Smith": never the person the cue itself names
                    named_by_cue = _cue_objects(q, ix)
                    pool = [c for c in cands.values() if c.entity not in named_by_cue]
                    if "party" in q.extra:
                        # "the Ohio Democrat": no one set in another party or state; of those, who spoke in the last
                        # two sentences ("Port director Ana Ruiz says ... Mayor Tom Hale ... The Ohio
                        # Republican says"), else the first subject of the latest of the last three that has one,
                        # else anyone they name
                        pool = [c for c in pool if c.entity not in parties or parties[c.entity].fits(q.extra["party"])]
                        last = [c for c in pool if c.entity == previous and q.sent - previous_at <= 2]
                        near = [c for c in pool if any(q.sent - 3 <= s < q.sent for s, _ in c.mentions)]
                        pool = last or _first_subject(near, q.sent - 3, q.sent) or near or pool
                    words = rare(content_words(text[q.start : q.end]))
                    lo, hi = ix.sent_bounds(q.sent - 1) if q.sent >= 1 else (0, 0)
                    narrative = hi > lo and hi <= q.start and not any(quoted_at[p] for p in range(lo, hi))
                    ent = resolve_pronoun(
                        pron,
                        q.sent,
                        pool,
                        previous,
                        nxt,
                        words,
                        previous_at=previous_at,
                        narrative_before=narrative,
                        before=q.speaker_span[0] if q.speaker_span else None,
                    )
                    if ent is not None:
                        q.entity = ent
                        q.name = ent.split(":", 1)[1]
                        # no gender is learnt from a guess: a wrong one ("he" for Ocasio-Cortez) would bar the right
                        # person from every later "she"; only a courtesy title sets one. A pronoun that can mean no
                        # one else (:func:`_sole_before`) makes the resolution the outlet's own claim, and leaves a
                        # soft cue for later pronouns (``heard_as``: writers slip)
                        at = q.speaker_span[0] if q.speaker_span else q.start
                        # someone else spoke in the sentence before ("..., said the official"): not the only one there
                        other_voice = any(r.sent == q.sent - 1 and r.speaker_kind != "none" and r.entity != ent for r in quotes)
                        g_of = PRONOUNS.get(pron)
                        heard = cands[ent].heard_as
                        if (
                            g_of
                            and not other_voice
                            and not (heard and g_of in {"m", "f"} and heard != g_of)  # "she" for one heard as "he": a guess
                            and _sole_before(cands.values(), q.sent, at) is cands[ent]
                        ):
                            q.extra["sure"] = True
                            if g_of in {"m", "f"} and cands[ent].heard_as is None:
                                cands[ent].heard_as = g_of
                        cands[ent].mention(q.sent, 3.0, q.start)
                        cands[ent].quoted_words |= content_words(text[q.start : q.end])
                    elif q.extra.get("anaphor"):
                        q.speaker_kind = "description"  # no one fits: "the 43-year-old" as written
                elif pron in {"it", "they"}:
                    ante = group_antecedent(k, pron)
                    if ante is None:
                        q.speaker_kind = "description"
                    else:  # "Republicans have argued that ... They add that ...": the group spoke just before
                        q.name = ante.name or ante.speaker_text
                        q.entity = ante.entity
            if q.cue is None and q.speaker_kind == "none":
                # a direct quote with no cue that follows another quote closely continues that speaker
                pq = quotes[k - 1] if k > 0 else None
                same_para = pq is not None and "\n" not in text[pq.end : q.start]
                intro = introducer(k) if q.direct and (pq is None or pq.sent < q.sent - 1) else None
                if intro is not None:
                    # "Mr. Schiff had many questions of his own. "You might think ..."": the person the sentence right
                    # before presents, not the speaker of a quote further back
                    q.speaker_kind = "name"
                    q.speaker_span = (intro.start, intro.end)
                    q.speaker_text = text[intro.start : intro.end]
                    q.name = intro.attrs.get("local", intro.attrs["text"])
                    q.entity = "local:" + q.name
                elif (
                    pq is not None
                    and pq.speaker_kind != "none"
                    # counted from where the quote before ends: '"What is this? A circus?" he said.' is two sentences
                    and 0 <= q.sent - ix.sent_index(max(pq.start, pq.end - 1)) <= 2
                    and q.direct
                    and (same_para or speech_like(text[q.start : q.end]))
                ):
                    _continues(q, pq)
                    if same_para and pq.direct:
                        q.part_of = pq.part_of or (pq.start, pq.end)
            if q.entity:
                previous = q.entity
                previous_at = q.sent
        # a quote run over paragraphs names its speaker in the last one ('... status quo," Labrador said'): the
        # paragraphs before it, quoted with nothing else between, are that speaker's too
        for k in range(len(quotes) - 2, -1, -1):
            q, r = quotes[k], quotes[k + 1]
            if q.cue is None and q.speaker_kind == "none" and r.speaker_kind != "none" and runs_on(k):
                _continues(q, r)
        for q in quotes:  # "X, Y and Z said in a joint statement": every one of them is credited
            if q.speaker_kind == "continuation" or q.speaker_span is None or not q.name:
                continue
            span_toks: list[Any] = list(ix.tokens(*q.speaker_span))
            tok = next((x for x in span_toks if not (q.speaker_span[0] <= x.head.idx < q.speaker_span[1]) or x.head.i == x.i), None)
            co = []
            for c in _coordinated(tok) if tok is not None else ():
                m = ix.mention_at(c.idx, c.idx + len(c.text))
                if m is not None and m.label in _NAMED:
                    name = m.attrs.get("local", m.attrs["text"])
                    if name != q.name and name not in co:
                        co.append(name)
            if co:
                q.extra["co"] = co
        for q in quotes:  # "'... the President said "the guy has issues",' Comey wrote": the President is credited too
            if not q.direct or not q.name:
                continue
            for t in ix.tokens(q.start, q.end):
                v = t
                while v.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in v.children) and v.head.i != v.i:
                    v = v.head  # "the President pointed ... and said": the first verb's subject
                subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
                if subj is None or not (q.start <= subj.idx < q.end) or speech_lemma(t.lower_, t.lemma_, t.pos_, t.tag_) is None:
                    continue
                m = mention_of(subj)
                inner = m.attrs.get("local", m.attrs["text"]) if m is not None and m.label == "PERSON" else None
                if inner is None and subj.lemma_.lower() in ROLE_NOUNS and any(c.lower_ == "the" for c in subj.children):
                    named = [p for p in named_by_role.get(subj.lemma_.lower(), []) if p.start < q.start]
                    inner = named[-1].attrs.get("local", named[-1].attrs["text"]) if named else None
                if inner and inner != q.name and inner not in q.extra.get("co", []):
                    q.extra["co"] = [*q.extra.get("co", []), inner]
        for k, q in enumerate(quotes):
            if q.speaker_kind == "continuation" and k > 0 and "co" in quotes[k - 1].extra:
                q.extra["co"] = quotes[k - 1].extra["co"]


def _owned_by(text: str, person: Span, owner: str) -> bool:
    """The article names ``person`` with ``owner`` right at the name ("South Sudan President Salva Kiir", "Salva Kiir,
    South Sudan's president"), and not as part of a longer name ("Sudan" in "South Sudan")."""
    before = text[max(0, person.start - 30) : person.start]
    after = re.split(r"[.!?]\s", text[person.end : person.end + 30], maxsplit=1)[0]
    for part in (before, after):
        for m in re.finditer(r"(?<![\w-])" + re.escape(owner) + r"(?![\w-])", part):
            prev = part[: m.start()].split()
            if not (prev and prev[-1][:1].isupper() and prev[-1].isalpha()):
                return True
    return False


def _cue_objects(q: _Q, ix: _Index) -> set[str]:
    """Candidate keys of the people named among the speech verb's own objects and adjuncts (a participle's too: "he
    said, shaking hands with Cole"), outside the quote and outside clauses with a subject of their own that hang on
    the verb ("criticizing rumors ... even though they came from LePage himself": LePage is no one he spoke to)."""
    verb = ix.token_at(q.cue[0]) if q.cue else None
    if verb is None:
        return set()
    out = set()
    own: list[Any] = []
    stack = list(verb.children)
    while stack:
        t = stack.pop()
        clause = t.dep_ in _OTHER_CLAUSES or (t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"})
        if clause and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in t.children):
            continue  # a clause with a subject of its own; "..., shaking hands with Cole" is still the speaker's deed
        own.append(t)
        stack.extend(t.children)
    for t in own:
        if q.start <= t.idx < q.end or t.dep_ not in {"pobj", "dobj", "dative", "iobj"}:
            continue
        m = ix.mention_at(t.idx, t.idx + len(t.text))
        if m is not None and m.label == "PERSON":
            out.add("local:" + m.attrs.get("local", m.attrs["text"]))
    return out


_OTHER_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "acl", "csubj", "parataxis"})


def _coordinated(tok: Any) -> list[Any]:
    """Tokens coordinated with a speaker ("Goodlatte, Gowdy and Nunes said"; the parser may hang a list on an
    apposition), in text order."""
    out, stack, seen = [], [tok], {tok.i}
    while stack:
        t = stack.pop()
        for c in [*t.conjuncts, *(c for c in t.children if c.dep_ in {"conj", "appos"})]:
            if c.i not in seen:
                seen.add(c.i)
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


# documents that "say" what their authors wrote
DOCUMENT_NOUNS = frozenset(
    {"letter", "statement", "lawsuit", "suit", "complaint", "memo", "memorandum", "filing", "petition", "release", "cable"}
)
_AUTHORING = frozenset({"send", "write", "issue", "release", "file", "sign", "submit", "deliver", "draft", "bring", "lodge", "publish"})
_AUTHOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _document_author(tok: Any, ix: _Index) -> tuple[str, str | None] | None:
    """Who wrote the document a speaker token names, as (name, local entity or None): read off the token itself
    ("a statement from the Texas Department of Criminal Justice", "Kraft's statement") or, for "the statement",
    "this letter", off the latest earlier mention of that kind of document ("Kraft said in a statement", "a group
    of nearly 90 professors has sent Ryan a letter", "a letter signed by nearly 90 faculty members"). None when
    that mention names no author: the text does not say whose it is."""
    noun = tok.lemma_.lower()
    own = _author_of(tok)
    if own is None and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children):
        earlier = [t for t in tok.doc[: tok.i] if t.lemma_.lower() == noun and t.pos_ == "NOUN"]
        own = _author_of(earlier[-1]) if earlier else None
    if own is None:
        return None
    m = ix.mention_at(own.idx, own.idx + len(own.text))
    if m is not None and m.label in _AUTHOR_LABELS:
        name = str(m.attrs.get("local", m.attrs["text"]))
        return name, "local:" + name
    if (
        own.pos_ == "PROPN"
        and own.dep_ == "poss"
        and own.ent_type_ not in {"DATE", "TIME"}  # "Monday's statement" is no one's
        and (name_at := _proper_name(own)) is not None
    ):
        name = re.sub(r"\s*['’]s?$", "", ix.text[name_at[0] : name_at[1]])  # a name the tagger left untagged
        words = name.split()
        fuller = [
            m
            for m in ix.mentions
            if m.label == "PERSON"
            and m.end <= own.idx
            and len(name_tokens(m.attrs["text"])) > len(words)
            and all(any(same_name_word(w, x) for x in name_tokens(m.attrs["text"])) for w in words)
        ]
        if fuller:  # "Ruiz's statement" after "Port director Ana Ruiz"
            name = str(fuller[-1].attrs.get("local", fuller[-1].attrs["text"]))
        return name, "local:" + name
    if own.pos_ != "NOUN" or own.lower_ in PRONOUNS:
        return None
    a, b = _noun_phrase(own)
    return re.sub(r"\s*['’]s?$", "", ix.text[a:b]), None  # "the women's lawsuit": the women


def _author_of(doc: Any) -> Any:
    """The token naming who wrote the document token ``doc``, or None."""
    for c in doc.children:
        if c.dep_ == "poss" and c.lower_ not in PRONOUNS:
            return c  # "Kraft's statement"
        if c.dep_ == "prep" and c.lower_ in {"from", "by"}:
            return next((o for o in c.children if o.dep_ == "pobj"), None)  # "a statement from the department"
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "a letter signed by 90 priests", "released Tuesday and signed by"
            for v in (c, *(k for k in c.children if k.dep_ == "conj" and k.tag_ == "VBN")):
                agent = next((g for g in v.children if g.dep_ == "agent" or (g.dep_ == "prep" and g.lower_ == "by")), None)
                if agent is not None and v.lemma_.lower() in _AUTHORING:
                    return next((o for o in agent.children if o.dep_ == "pobj"), None)
    head = doc.head
    if doc.dep_ == "dobj" and head.lemma_.lower() in _AUTHORING:  # "the group sent a letter", "the states filed a suit"
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    if doc.dep_ == "pobj" and head.lower_ == "in" and _cue_lemma(head.head) is not None:  # "Kraft said in a statement"
        return next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    return None


# offices held by one person who speaks for another ("Strzok's attorney", "Ryan's spokesman")
PERSON_OFFICES = frozenset({"spokesperson", "spokesman", "spokeswoman", "lawyer", "attorney", "aide", "representative"})

_GROUP_LABELS = {"they": frozenset({"NORP", "ORG"}), "it": frozenset({"ORG"})}


SUBJECT_WEIGHT = 2.0  # a candidate's mention as the subject of its sentence
QUOTED_WEIGHT = 0.3  # a mention inside quoted words: the speaker talks about them, they are rarely the speaker


def _sole_before(cands: Iterable[Candidate], sent: int, at: int) -> Candidate | None:
    """The one person named (or already heard, by a resolved "he said") in the sentence before ``sent`` or earlier in
    ``sent`` itself, before offset ``at``, when that person is the subject of an active verb there: a pronoun can only mean them
    ("Anton Greve defended the decision. "We had no choice," he said."). None when there are several, or none, or
    the one named is no subject ("in Suka Makmur", a village the model took for a person). A name inside the quoted
    words themselves is what the speaker talks about ("The Falkenrinne was checked ...," he said), not a rival."""

    def here(c: Candidate) -> list[float]:
        return [
            w
            for (s, w), pos in zip(c.mentions, c.positions(), strict=True)
            if (s == sent - 1 or (s == sent and (pos < 0 or pos < at))) and w != QUOTED_WEIGHT
        ]

    near = [(c, weights) for c in cands if (weights := here(c))]
    if len(near) != 1:
        return None
    c, weights = near[0]
    # named there as the subject (2.0), not only heard by an earlier resolution (3.0), which may itself be wrong, and
    # doing something ("Greve defended the decision"), not undergoing it ("Hale was charged with arson")
    return c if SUBJECT_WEIGHT in weights and (sent - 1 in c.acting or sent in c.acting) else None


def _fits_pronoun(q: _Q, pron: str, ix: _Index) -> bool:
    """Whether quote ``q``'s speaker can be what a later "they" or "it" speaker stands for."""
    if q.speaker_kind == "pronoun":  # a chain: "They said ... They also said ..."
        return (q.speaker_text or "").lower() == pron and q.name is not None
    if q.speaker_kind not in {"name", "description"} or q.speaker_span is None or q.subj is None:
        return False
    m = ix.mention_at(*q.speaker_span)
    if m is not None:
        return m.label in _GROUP_LABELS[pron]
    head = q.subj
    if pron == "they":  # "law enforcement officials", "prosecutors", "some sheriffs in bordering states"
        return bool(head.tag_ in {"NNS", "NNPS"})
    noun = head.lemma_.lower()
    if noun in ROLE_NOUNS or (noun in OFFICE_NOUNS and noun not in INSTITUTION_NOUNS):
        return False  # "the spokesman said ... it": a person is not "it"
    return bool(head.tag_ in {"NN", "NNP"})


# ---------------------------------------------------------------- cues


ORG_NOUNS = frozenset(
    [
        "company",
        "firm",
        "agency",
        "authority",
        "ministry",
        "department",
        "union",
        "council",
        "court",
        "committee",
        "commission",
        "board",
        "government",
        "police",
        "party",
        "campaign",
        "group",
        "organisation",
        "organization",
        "operator",
        "airline",
        "bank",
        "school",
        "hospital",
        "club",
        "team",
        "newspaper",
        "network",
        "broadcaster",
        "regulator",
        "watchdog",
        "institute",
        "university",
        "foundation",
    ]
)
_ANY_ORG = frozenset({"company", "firm", "operator", "organisation", "organization", "group"})


def _organisation_for(subj: Any, at: int, mentions: Sequence[Span], window: int = 1500) -> Span | None:
    """The organisation a definite noun like "the union" or "the company" stands for: the most recent organisation
    named before it whose name contains that noun ("the union" -> "Port Alder Dockworkers' Union"); for generic nouns
    ("the company", "the firm"), the most recent organisation named at all. None when the text names none."""
    noun = subj.lemma_.lower()
    if noun not in ORG_NOUNS or not any(c.lower_ in {"the", "this", "that"} for c in subj.children):
        return None
    if any(c.dep_ in {"poss", "compound", "amod"} for c in subj.children):
        return None  # "the city's police", "the transport ministry": a description of its own
    orgs = [m for m in mentions if m.label == "ORG" and at - window <= m.start < subj.idx]
    named = [m for m in orgs if noun in {w.lower().strip(".,'’") for w in m.attrs["text"].split()}]
    if named:
        return named[-1]
    if noun not in _ANY_ORG:
        return None
    # "the company": the most recent organisation whose name does not say it is some other kind ("... Union"); in its
    # own sentence, one named as a thing rather than one that only names a product ("AMD plans to offer systems that
    # use AMD's Opteron chips, the company said": AMD)
    plain = [m for m in orgs if not {w.lower().strip(".,'’") for w in m.attrs["text"].split()} & (ORG_NOUNS - {noun})]
    here = [m for m in plain if m.start >= subj.sent.start_char and not _modifier(subj.doc, m)]
    return here[-1] if here else plain[-1] if plain else None


def _modifier(doc: Any, m: Span) -> bool:
    """The name ``m`` only modifies the noun after it ("Opteron chips", "the Apple store")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "compound" and span.root.head.i > span.root.i


def _cue_lemma(tok: Any) -> str | None:
    """The speech lemma a token cues ("according" for "according to"), or None."""
    if tok.lower_ == "according":
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return "according" if nxt is not None and nxt.lower_ == "to" else None
    if tok.lemma_.lower() == "call" and tok.pos_ == "VERB":
        # "called on Trump to abandon the decision": urged him to; not "called him a liar", "called the police"
        kids = list(tok.children)
        on = any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} for c in kids)
        return "urge" if on and any(c.dep_ == "xcomp" and _infinitive(c) for c in kids) else None
    if tok.lower_ in {"read", "reads"} and _text_reads(tok):  # the tagger may take "read" for a noun
        return "say"  # "'We will not back down,' Ruiz's statement read": a written text says what it reads
    return speech_lemma(tok.lower_, tok.lemma_.lower(), tok.pos_, tok.tag_)


def _text_reads(verb: Any) -> bool:
    """``read`` with a written text as its subject and no object: "the letter read", not "she read the letter"."""
    kids = list(verb.children)
    if any(c.dep_ in {"dobj", "obj", "advmod", "acomp", "oprd"} for c in kids):
        return False  # "the letter reads well", "read more like a threat"
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _READ_BY for c in kids)


def _cue_for_quote(ix: _Index, a: int, b: int) -> tuple[Any, bool] | None:
    """The speech verb outside the quoted passage [a, b) that introduces it, and whether the verb takes the passage
    itself as what it says. Looked for in the sentences the passage spans, then in a short "X said." sentence right
    after it and in an "X said:" sentence right before it."""
    text = ix.text
    si, sj = ix.sent_index(a), ix.sent_index(max(a, b - 1))
    lo, _ = ix.sent_bounds(si)
    _, hi = ix.sent_bounds(sj)
    regions: list[tuple[int, int, int]] = [(lo, hi, 0)]  # (start, end, 0 same sentence / 1 next / -1 previous)
    if ix.sents and sj + 1 < len(ix.sents):
        n_lo, n_hi = ix.sent_bounds(sj + 1)
        between = text[max(b, hi) : n_lo]
        if "\n" not in between and n_lo >= b and text[n_lo : n_lo + 1] not in OPEN_CLOSE:
            regions.append((n_lo, n_hi, 1))
    if si > 0:
        # "X said:" before the quote, or a sentence the parser cut at a comma ("..., tweeting at him, | "...")
        p_lo, p_hi = ix.sent_bounds(si - 1)
        tail = text[p_lo:p_hi].rstrip()
        if (tail.endswith(":") and text.count("\n", p_hi, a) <= 2) or (tail.endswith(",") and "\n" not in text[p_hi:a]):
            regions.append((p_lo, p_hi, -1))
    cands: list[tuple[tuple[int, int, int, int], Any, bool]] = []
    for r_lo, r_hi, where in regions:
        toks = ix.tokens(r_lo, r_hi)
        rank = abs(where)
        for t in toks:
            if a <= t.idx < b:
                continue
            lemma = _cue_lemma(t) or _naming(t, a, b)
            if lemma is None:
                continue
            before = _right_before(t, a)
            takes = before or _takes_quote(t, a, b) or _naming(t, a, b) is not None
            # a verb in a neighbouring sentence: only a bare "X said." after the quote or "X said:" before it (its own
            # complement, if any, is the quote)
            near = t.i - toks[0].i <= 8 if where == 1 else toks[-1].i - t.i <= 8
            if rank == 1 and (not near or (_complement(t, lemma, (r_lo, r_hi)) is not None and not takes)):
                continue
            dist = a - (t.idx + len(t.text)) if t.idx < a else t.idx - b
            cands.append(((0 if before else 1 if takes else 2, rank, cue_rank(lemma), dist), t, takes))
    if not cands:
        return None
    cands.sort(key=lambda c: c[0])
    for _, t, takes in cands:
        if _cue_lemma(t) == "according" or _subject(t, (a, b), ix.sent_bounds(ix.sent_index(t.idx))) is not None:
            return t, takes
    return cands[0][1], cands[0][2]


_BEFORE_QUOTE = {"ADP", "DET", "NUM", "PUNCT", "ADV", "PROPN", "NOUN"}


def _right_before(t: Any, a: int) -> bool:
    """The speech verb ``t`` stands right before the quote opening at ``a``, with at most a few words of time or manner
    between ("who said in December 2015 "..."", "said Monday: "...""): it says the quote, however the parser hung it.
    A date's or a manner's words only: no verb, pronoun or name of someone else between."""
    doc = t.doc
    between = [x for x in doc[t.i + 1 : t.i + 8] if x.idx < a]
    if t.idx >= a or len(between) > 5 or (between and between[-1].idx + len(between[-1].text) < a - 2):
        return False
    return all(x.pos_ in _BEFORE_QUOTE and (x.pos_ not in {"PROPN", "NOUN"} or x.ent_type_ in {"DATE", "TIME"}) for x in between)


# verbs that quote words as the name they give something: "called the allegations a 'sham lawsuit'"
NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "term"})


def _naming(t: Any, a: int, b: int) -> str | None:
    """A naming verb whose object complement is the quoted passage [a, b): its lemma, else None."""
    lemma = t.lemma_.lower()
    if t.pos_ != "VERB" or lemma not in NAMING_VERBS:
        return None
    for c in t.children:
        if c.dep_ in {"oprd", "dobj", "attr"} and a <= c.idx < b:
            return lemma
        # "called the possible nomination “shocking”": the parser often hangs the complement on the object, after it
        if c.dep_ == "dobj" and any(d.i > c.i and a <= d.idx < b and d.dep_ in {"amod", "appos", "acl"} for d in c.children):
            return lemma
    return None


def _takes_quote(t: Any, a: int, b: int) -> bool:
    """Does the verb take the quoted passage [a, b) as its complement (or hang off it, as in ``"...," she said``)?"""
    for c in t.children:
        if c.dep_ in {"ccomp", "parataxis", "xcomp", "dobj", "advcl", "conj", "oprd"} and a <= c.idx < b:
            return True
    h = t.head
    return h != t and a <= h.idx < b


def _name_right_before(verb: Any, ok: Callable[[Any], bool]) -> Any:
    """A person's name that ends right before a finite verb, a parenthesis ("(R-Texas)") between them allowed: the
    verb's subject, whatever the parser attached the name to. Not across "and" or a comma ("X praised Y, then
    said ..." has no name right before "said")."""
    doc = verb.doc
    i = verb.i - 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < 0 or doc[i].ent_type_ != "PERSON" or doc[i].pos_ != "PROPN" or not ok(doc[i]):
        return None
    return doc[i]


# verbs whose passive subject is the speaker of a participle of saying hung on them ("X was quoted as saying")
_REPORTING_PASSIVES = frozenset({"quote", "show", "hear", "see", "film", "record", "catch", "overhear", "tape", "videotape", "capture"})


def _reports_saying(passive: Any, verb: Any) -> bool:
    """``verb`` is a participle of saying that completes a passive reporting verb right above it: "X is shown saying",
    "X was heard telling", "X was quoted as saying". Not when the passive has an object ("jurors were shown footage of
    X saying": the jurors saw it), another act or person comes between ("captured on tape quoting Ruiz as saying"),
    or the saying hangs elsewhere ("the crowd was heard booing X for saying"); and only verbs of saying proper
    ("recorded praising Hale for saying ...": the praise would hide Hale's own words)."""
    if verb.tag_ != "VBG" or verb.lemma_.lower() not in CORE_SPEECH_VERBS or passive.lemma_.lower() not in _REPORTING_PASSIVES:
        return False
    deps = {c.dep_ for c in passive.children}
    if not deps & {"nsubjpass", "auxpass"} or "dobj" in deps:
        return False
    if any(t.pos_ == "VERB" or t.ent_type_ == "PERSON" or t.dep_ == "dobj" for t in verb.doc[passive.i + 1 : verb.i]):
        return False
    if verb.head.i == passive.i:
        return bool(verb.dep_ in {"xcomp", "advcl", "ccomp", "dep"})
    return bool(verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.i == passive.i)


def _subject(verb: Any, outside: tuple[int, int] | None, bounds: tuple[int, int]) -> Any:
    """The speaker token of a speech verb, following participle and conjunct chains ("..., adding that"): never a
    word inside the quoted passage ``outside`` nor outside the verb's sentence ``bounds`` (the parser sometimes runs
    a sentence across a paragraph break)."""

    def ok(t: Any) -> bool:
        if not bounds[0] <= t.idx < bounds[1] or (t.ent_type_ in {"DATE", "TIME"} and not _aged(t)):
            return False
        if outside is not None and outside[0] <= t.idx < outside[1]:
            return False
        return not (t.pos_ == "PROPN" and is_dateline_word(t.text) and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in _DASHES)

    def own(v: Any, deps: tuple[str, ...] = ("nsubj",)) -> Any:
        # a participle has no subject of its own after it: that is its complement's subject, misattached
        subjects = [c for c in v.children if c.dep_ in deps and ok(c) and not (v.tag_ == "VBG" and c.i > v.i)]
        if subjects:  # two subjects is a parse of "Voters, Clinton said, ...": the speaker is the nearer one
            return min(subjects, key=lambda c: abs(c.i - v.i))
        return None

    def in_bounds(t: Any) -> bool:
        return bool(bounds[0] <= t.idx < bounds[1])

    found = own(verb)
    if found is None:  # "the 29-year-old said", its age parsed as an adjective of the verb
        found = next((c for c in verb.children if _aged(c) and c.dep_ == "amod" and ok(c)), None)
    if found is not None and found.tag_ in {"WDT", "WP"}:  # "intelligence which he claimed shows ...": the noun
        rel = next((t for t in [verb, *verb.ancestors] if t.dep_ == "relcl"), None)
        found = rel.head if rel is not None and rel.head.pos_ in {"NOUN", "PROPN"} and ok(rel.head) else None
        among = found.head if found is not None and found.dep_ == "pobj" else None
        if among is not None and among.lower_ == "among" and among.head.lemma_ == "be":
            # "Royce was among the many people who called on Trump to ...": Royce
            found = next((c for c in among.head.children if c.dep_ == "nsubj" and ok(c)), found)
    if outside is not None and verb.idx >= outside[1]:
        after = _named_after(verb, outside[1], ok)
        if found is None or (after is not None and found.i > verb.i and after.ent_type_ == "PERSON" and found.ent_type_ != "PERSON"):
            found = after
    if found is not None:
        return found
    for c in verb.children:
        if c.dep_ == "agent":  # "it was announced by the ministry"
            for cc in c.children:
                if cc.dep_ == "pobj" and ok(cc):
                    return cc
        if c.dep_ == "nsubjpass" and verb.lemma_.lower() == "quote" and ok(c):  # "X was quoted as saying"
            return c
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "... and she has been charged with murder": a passive verb's subject is who it was done to
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"} and ok(verb.head):
        noun = verb.head
        if noun.lemma_.lower() in _ISSUED and noun.dep_ == "dobj":
            issuer = own(noun.head)  # "the mayor issued a statement saying ...": the mayor, not the statement
            if issuer is not None:
                return issuer
        return noun  # "voters saying they want ..."
    if verb.dep_ == "ROOT" and verb.tag_ == "VBG":
        return None
    if _root_noun_speaks(verb):
        # "A setback for the union, the airline, which ..., announced": the noun set beside another before the verb
        named = [t for t in verb.head.subtree if t.dep_ == "appos" and t.i < verb.i and ok(t)]
        if named or ok(verb.head):
            return named[-1] if named else verb.head
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and (spliced := _name_right_before(verb, ok)) is not None:
        return spliced  # "X expressed admiration, Sen. Y (R-Texas) speculated that ...": a comma splice, Y speaks
    # up the chain of clauses the verb hangs off ("..., adding that", "by saying that", "wants to say"); a
    # participle the parser hung inside another verb's complement belongs to the main clause, so a complement
    # clause met on the way is passed over
    v = verb
    participle = False
    for _ in range(6):
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            participle = True
            nxt = v.head.head
        elif v.dep_ in {"advcl", "conj", "xcomp", "acl"} or (participle and v.dep_ == "ccomp") or (v.dep_ == "dep" and v.tag_ == "VBG"):
            participle = participle or (v.tag_ == "VBG" and v.dep_ in {"advcl", "conj"})
            nxt = v.head
            if v.dep_ == "conj" and _speech(v) and not _speech(nxt) and nxt.dep_ == "ccomp" and _speech(nxt.head):
                # "the lawsuit alleged that the campaign welcomed help and accuses it of ...": a speech verb the parser
                # joined to a verb of the reported content goes with the verb that reports it
                nxt = nxt.head
        else:
            break
        if nxt == v or not in_bounds(nxt):
            break
        shared = v.dep_ == "conj"  # "X was joined by Y and joked": the first verb's subject, passive or not
        if v.dep_ == "xcomp" and nxt.lemma_.lower() in _MOVED_TO_SPEAK:
            # "the scandal prompted the mayor to hint that ...", "aides persuaded Ruiz to say": whoever was moved to
            # speak, the object, not the subject ("used the occasion to announce" is the subject's)
            moved = next((c for c in nxt.children if c.dep_ == "dobj" and c.i < v.i and ok(c) and _can_speak(c)), None)
            if moved is not None:
                return moved
        v = nxt
        if participle and v.dep_ == "ccomp" and v.head != v and in_bounds(v.head):
            continue
        # "X was quoted as saying", "X is shown saying", "X was heard saying": the passive subject of a verb that
        # reports the saying is the one who spoke
        heard = _reports_saying(v, verb)
        found = own(v, ("nsubj", "nsubjpass") if shared or heard else ("nsubj",))
        if found is not None and found.tag_ == "WDT" and v.dep_ == "relcl" and _purpose(verb):
            # "Republicans seized on snippets that became public to suggest ...": the parser hangs the purpose on the
            # relative clause; whoever does the main clause's deed is the one suggesting, not the snippets (a "who"
            # clause states its own people's purpose: "Ruiz, who traveled to Boston to argue ...")
            found = next((own(a) for a in v.head.ancestors if a.pos_ in _HEADS and in_bounds(a)), None)
        if found is not None:
            return found
    doc = verb.doc
    if outside is not None:
        # inverted after a quote: "..., said Cruz" / "..., says the spokesman"
        for c in verb.rights:
            if c.dep_ in {"dobj", "attr", "npadvmod", "appos", "dative", "oprd", "nsubjpass"} and c.pos_ in {"PROPN", "NOUN"} and ok(c):
                return c
            break
    # the parser missed the subject ("on Friday Zelenskyy said", "Mrs. Clinton often says"): a name or pronoun just
    # before the verb, over adverbs and auxiliaries
    i = verb.i - 1
    while i >= 0 and verb.i - i <= 4 and doc[i].pos_ in {"ADV", "AUX", "PART"} and ok(doc[i]):
        i -= 1
    if i >= 0:
        prev = doc[i]
        # "Herbert Flynn of Fort Coffee said": Flynn, the noun the place hangs on (not "Friday" of "on Friday Zelenskyy")
        while prev.dep_ == "pobj" and prev.head.dep_ == "prep" and prev.head.head.pos_ in {"PROPN", "NOUN"} and prev.head.head.i < prev.i:
            prev = prev.head.head
        if prev.pos_ in {"PROPN", "PRON"} and prev.lower_ not in {"it", "that", "this", "which", "what", "who"} and ok(prev):
            return prev
    return None


def _root_noun_speaks(verb: Any) -> bool:
    """The parser made the subject the sentence's root and hung the speech verb on it after a side clause: "CNN,
    which has enlisted Griffin for a decade, announced on Wednesday that ..." (``announced`` an ``acl`` of ``CNN``).
    A sentence has a verb at its root, so a noun root with a finite speech verb after a comma, taking a clause,
    is that verb's subject ("the report released Tuesday" has no comma nor clause; "voters saying" is a participle)."""
    head = verb.head
    return bool(
        verb.dep_ == "acl"
        and verb.tag_ in {"VBD", "VBN"}
        and head.dep_ == "ROOT"
        and head.pos_ in {"NOUN", "PROPN"}
        and head.i < verb.i
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _aged(t: Any) -> bool:
    """``t`` ends a person named by their age: "the 43-year-old said" (the entity model tags "43-year-old" a date)."""
    if t.lower_ != "old" or t.i < 2 or t.doc[t.i - 2].lower_ not in {"year", "years"}:
        return False
    # the parser may hang it on the verb as an adjective: "“...,” the 29-year-old said"
    return t.dep_ in {"nsubj", "nsubjpass"} or (t.dep_ == "amod" and t.head.pos_ == "VERB" and t.i < t.head.i)


_PARTIES = {"republican": "R", "democrat": "D"}
_STATE = r"(?:[A-Z]\.\s?[A-Z][a-z]?\.|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\.?|[A-Z]{2}\b)"  # "N.Y.", "Ariz.", "New York", "TX"
# a party and state set beside a name: "Jeff Flake (R-Ariz.)", "Ana Ruiz, a Texas Democrat", "Tom Hale of Ohio",
# "Tom Hale, the freshman Republican from Ohio"; not "a critic of Republican policies" nor "the Republican
# candidate's opponent"
_PARTY_AFTER = re.compile(
    rf"\s*(?:\((?P<letter>[RDI])\s?[-–.,]\s?(?P<st1>{_STATE})?\)"
    rf"|,\s+(?:a|an|the)\s+(?:(?:freshman|veteran|former|longtime|conservative|moderate|liberal|centrist|progressive)\s+)?"
    rf"(?P<st2>{_STATE}\s+)??(?P<word>Republican|Democrat)(?=\s*(?:[,.;:)]|$|\s+(?:who|from|of|in|and|representing)\b))"
    rf"(?:\s+(?:from|of)\s+(?P<st3>{_STATE}))?"
    rf"|\s+of\s+(?P<st4>{_STATE})\b)"
)


@dataclass(frozen=True)
class Side:
    """A politician's party ("R", "D") and home state as a text sets them beside a name, or None where it does not."""

    party: str | None
    state: str | None

    def fits(self, other: Side) -> bool:
        """No clash: the same party and a compatible state where both are known."""
        if self.party and other.party and self.party != other.party:
            return False
        return not (self.state and other.state and not same_state(self.state, other.state))


def same_state(a: str, b: str) -> bool:
    """Two ways to write one state: in full, abbreviated AP style ("Ariz.", "N.Y.", "W.Va.") or by postal code
    ("AZ"): each abbreviated part starts the matching word, or a postal code's letters appear in order in the name
    with the same first letter."""
    x, y = sorted((a.lower().rstrip("."), b.lower().rstrip(".")), key=len)
    if x == y:
        return True
    parts, words = [p for p in re.split(r"[.\s]+", x) if p], y.split()
    if len(parts) == 1 and len(words) == 2 and len(parts[0]) == 2:
        parts = list(parts[0])  # "NY", "WV"
    return len(parts) == len(words) and all(_abbreviates(p, w) for p, w in zip(parts, words, strict=True))


def _abbreviates(part: str, word: str) -> bool:
    """``part`` abbreviates ``word``: the same first letter, and its letters in order in the word ("ariz", "va", "tx")."""
    if not part or part[0] != word[:1]:
        return False
    rest = iter(word[1:])
    return all(ch in rest for ch in part[1:])


def _first_subject(cands: Sequence[Candidate], lo: int, hi: int) -> list[Candidate]:
    """Of the candidates, the one named first as a subject (weight 2) in the latest sentence of [lo, hi) that has such
    a subject: "Port director Ana Ruiz says no matter what action Mayor Tom Hale takes" gives Ruiz."""
    best: tuple[int, int, Candidate] | None = None
    for c in cands:
        for (sent, w), at in zip(c.mentions, c.offsets or [-1] * len(c.mentions), strict=False):
            if lo <= sent < hi and w >= 2.0 and (best is None or (sent, -at) > (best[0], -best[1])):
                best = (sent, at, c)
    return [best[2]] if best is not None else []


def _party_member(tok: Any) -> Side | None:
    """The party (and state, if named) of "the Arizona Republican", "the freshman Democrat": a person named before
    by their party (the singular noun after "the", no name of its own); None for anything else."""
    party = _PARTIES.get(tok.lower_)
    if party is None or not tok.text[:1].isupper() or tok.tag_ not in {"NNP", "NN"}:
        return None
    kids = list(tok.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(c.ent_type_ == "PERSON" for c in tok.subtree):
        return None
    place = [c for c in kids if c.i < tok.i and c.ent_type_ in {"GPE", "LOC"}]
    state = " ".join(t.text for t in tok.doc[place[0].left_edge.i : place[-1].i + 1]) if place else None
    return Side(party, state)


def party_of(text: str, m: Span) -> Side | None:
    """The party and state the words right after a person's name give them, else None."""
    hit = _PARTY_AFTER.match(text, m.end, m.end + 80)
    if hit is None:
        return None
    letter = hit.group("letter")
    party = letter if letter in {"R", "D"} else _PARTIES[hit.group("word").lower()] if hit.group("word") else None
    state = next((hit.group(g).strip() for g in ("st1", "st2", "st3", "st4") if hit.group(g)), None)
    return Side(party, state)


def _introduced(tok: Any, text: str) -> bool:
    """The noun phrase of ``tok`` is followed by what presents someone new: "the 29-year-old, a nurse from Leeds",
    "the 29-year-old who works nights"."""
    if any(c.dep_ in {"appos", "relcl", "acl"} for c in tok.children):
        return True
    end = _noun_phrase(tok)[1]
    return re.match(r"\s*,\s*(?:a|an|the|who|whose|which)\b", text[end : end + 12]) is not None


def _purpose(verb: Any) -> bool:
    """An infinitive of purpose: "(in order) to suggest", hung on another verb as an adverbial clause."""
    return bool(verb.dep_ == "advcl" and verb.tag_ == "VB" and _infinitive(verb))


def _speech(t: Any) -> bool:
    return speech_lemma(t.lower_, t.lemma_.lower(), t.pos_, t.tag_) is not None


# verbs that move their object to do what their infinitive says: "prompted the mayor to hint that ..." (not "dared
# the governor to deny", "pressed the company to concede": the object has not spoken)
_MOVED_TO_SPEAK = frozenset({"prompt", "lead", "cause", "force", "persuade", "convince", "get", "drive", "spur", "compel"})


def _can_speak(t: Any) -> bool:
    """``t`` names someone who can speak: a person, a group or a body, a pronoun for one, or a role or an office."""
    if t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or (t.pos_ == "PROPN" and not t.ent_type_):
        return True  # (a name the entity model left untagged: "led Ana Ruiz to suggest")
    if t.tag_ == "PRP":
        return t.lower_ != "it"
    return t.lower_ in ROLE_NOUNS or t.lower_ in OFFICE_NOUNS or t.lemma_.lower() in ROLE_NOUNS


# what someone issues that then "says" something: its speaker is whoever issued it
_ISSUED = frozenset({"statement", "letter", "tweet", "post", "memo", "release", "note", "message", "email", "notice"})
_READ_BY = DOCUMENT_NOUNS | _ISSUED | {"sign", "headline", "caption", "banner", "placard", "inscription"}  # "the letter read"


def _named_after(verb: Any, quote_end: int, ok: Any) -> Any:
    """The speaker of an inverted cue right after a quote (``"...," said Air Force Lt. Ann Lee, who ...``): the head
    of the noun phrase that follows the verb, read off the words rather than the parse, which often goes wrong here."""
    doc = verb.doc
    between = doc.char_span(quote_end, verb.idx, alignment_mode="expand") if verb.idx > quote_end else []
    if between is None or any(not (t.is_punct or t.is_space) for t in between):
        return None
    head = None
    for t in doc[verb.i + 1 : verb.i + 14]:
        if t.pos_ in {"PROPN", "NOUN"}:
            head = t
        elif t.pos_ in {"DET", "ADJ", "NUM"} or t.tag_ in {"HYPH", "POS"} or (t.text == "." and head is not None):
            continue
        else:
            break
    return head if head is not None and ok(head) and head.lower_ not in PRONOUNS else None


def _according_pobj(tok: Any) -> Any:
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        for c in doc[tok.i + 1].children:
            if c.dep_ == "pobj":
                return c
    for c in tok.children:
        if c.dep_ == "prep":
            for cc in c.children:
                if cc.dep_ == "pobj":
                    return cc
    return None


def _according_content(tok: Any, pobj: Any, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence (the article's: ``bounds``, which never run across a paragraph as spaCy's may) minus the
    "according to X" phrase: the longer side."""
    doc = tok.doc
    phrase = [*pobj.subtree, tok, doc[tok.i + 1]]
    lo = min(t.i for t in phrase)
    hi = max(t.i for t in phrase)
    sent = [t for t in tok.sent if bounds[0] <= t.idx and t.idx + len(t.text) <= bounds[1]]
    left = [t for t in sent if t.i < lo and not t.is_space]
    right = [t for t in sent if t.i > hi and not t.is_space]
    side = right if len(right) >= len(left) else left
    side = _trim(side)
    if len(side) < 3:
        return None
    return side[0].idx, side[-1].idx + len(side[-1].text)


def _trim(toks: Sequence[Any]) -> list[Any]:
    """Without edge punctuation (quote marks excepted), a leading complementizer or conjunction, and trailing
    material set off by a dash or semicolon after the clause."""
    out = list(toks)
    while out and (_edge_punct(out[0], "“\"‘'`") or (out[0].lower_ in {"that", "whether", "and", "but"} and out[0].dep_ in {"mark", "cc"})):
        out = out[1:]
    while out and (_edge_punct(out[-1], "”\"’'") or out[-1].pos_ == "CCONJ"):
        out = out[:-1]
    if out and out[-1].text in "”\"’'" and len(out) > 1 and out[-2].text == ",":
        out = [*out[:-2], out[-1]]
    return out


def _edge_punct(t: Any, keep: str) -> bool:
    return bool(t.is_space or (t.is_punct and t.text not in keep))


# what "as" names that is no judgement: a role ("dismissed him as head coach"), a purpose ("as part of", "as a
# precaution"), a comparison ("such as", "the same hill as", "as well as")
_AS_NO_JUDGEMENT = frozenset({"part", "precaution", "result", "way", "means", "coach", "starter", "manager", "chairman"})


def _names_as(t: Any) -> bool:
    """``t`` is an "as" that names what something is judged to be ("dismissed the charges as a witch hunt")."""
    if t.dep_ != "prep" or t.lower_ != "as":
        return False
    before = {w.lower_ for w in t.doc[max(0, t.i - 3) : t.i]}
    after = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    if before & {"such", "same", "so"} or after == "well":
        return False
    pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return True  # "as "total nonsense"": the parser may leave the object unattached
    noun = pobj.lemma_.lower()
    return noun not in _AS_NO_JUDGEMENT and noun not in ROLE_NOUNS and pobj.text not in TITLES


def _topic_asked(lemma: str, prep: Any) -> bool:
    """ "Asked by Schieffer about his claims that ...": what a question is about is no claim of the one who asks."""
    return lemma == "ask" and prep.lower_ == "about"


def _cut_tail(toks: list[Any], root: Any) -> list[Any]:
    """Stop at a dash or semicolon after the clause's verb: what follows is the writer's aside, not the content."""
    for k, t in enumerate(toks):
        spaced_hyphen = t.text == "-" and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)
        if t.i > root.i and (t.text in {"—", "–", "―", "--", ";"} or spaced_hyphen) and k >= 3:
            return toks[:k]
    return toks


def _complement(verb: Any, lemma: str, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The reported content of a speech verb: its clausal complement within the verb's sentence (after the verb
    when it has one on each side: the one before is then a quotation of its own); for "accuse Y of Z", "urge Y to
    Z", "told Y to Z" the object and what follows it. Another speech verb's clause inside ("..., telling reporters
    that ...") is that verb's content, not this one's."""

    def inside(t: Any) -> bool:
        return bool(bounds[0] <= t.idx < bounds[1])

    if lemma in CHARACTERIZING_VERBS:
        # "derided the reading as total nonsense": the object and what it is called, or nothing
        # (the parser may hang "as" inside the object: "derided what he called the "ritualistic reading" as nonsense")
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "ccomp"} and c.i > verb.i and inside(c)), None)
        if obj is None:
            return None
        named_as = next((c for c in verb.children if _names_as(c) and c.i > obj.i and inside(c)), None)
        within = obj.dep_ == "ccomp" and any(_names_as(t) and t.head.pos_ in {"NOUN", "PROPN"} for t in obj.subtree)
        if named_as is None and not within:
            return None
        comp = [obj] if named_as is None else [obj, named_as]
    else:
        comp = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and inside(c)]
        if lemma == "find":
            # a finding is a clause of its own ("found that most drivers slow down", "found he had been speeding"),
            # not what was come upon or how it seemed: "found the driver hiding in a shed", "may find it hard to"
            comp = [c for c in comp if _finite(c)]
    if not comp and lemma in OBJECT_CONTENT_VERBS:
        comp = [
            c
            for c in verb.children
            if c.i > verb.i
            and inside(c)
            and (c.dep_ in {"dobj", "xcomp"} or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and not _topic_asked(lemma, c)))
        ]
        # "accused Kestrel Point Terminals of putting ...": the parser may hang the preposition on the object
        on_object = any(
            g.dep_ == "prep" and g.lower_ in _CONTENT_PREPS and any(x.dep_ == "pcomp" for x in g.children)
            for c in comp
            if c.dep_ == "dobj"
            for g in c.children
        )
        if not (on_object or any(c.dep_ == "prep" or (c.dep_ == "xcomp" and _infinitive(c)) for c in comp)):
            return None
        comp = [c for c in comp if c.dep_ != "xcomp" or _infinitive(c)]
    if not comp:
        comp = [
            c
            for c in verb.children
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and inside(c) and lemma in {"promise", "vow", "pledge", "threaten"}
        ]
    if not comp:
        return None
    if any(c.i > verb.i for c in comp) and any(c.i < verb.i for c in comp):
        comp = [c for c in comp if c.i > verb.i]
    root = comp[0]
    if (
        root.dep_ == "ccomp"
        and root.i > verb.i
        and root.pos_ in _HEADS
        and not _has_subject(root)
        and root.i == min(t.i for t in root.subtree)
    ):
        return None  # "an article that Carson said was written": the subject was moved out of the clause
    drop: set[int] = set()
    for c in comp:
        for t in c.subtree:
            if t == c or t.i in drop or _cue_lemma(t) is None:
                continue
            # another attribution inside: "..., telling reporters that ...", "..., which he said were ...", "...,
            # the footage showed" (a clause reported *as* this speaker's words, a ccomp, stays)
            relative = t.dep_ == "relcl" and any(d.tag_ in {"WDT", "WP"} and d.dep_ != "nsubj" for d in t.children) and _has_subject(t)
            relative = relative or (
                t.dep_ == "relcl" and any(d.tag_ in {"WDT", "WP"} for d in t.subtree if d.i < t.i) and _has_subject(t) and t.tag_ != "VB"
            )
            aside = t.dep_ == "parataxis" and _has_subject(t) and t.tag_ != "VBG" and t.i == max(d.i for d in c.subtree if d.pos_ in _HEADS)
            if (t.dep_ in {"advcl", "conj"} and t.tag_ == "VBG") or relative or aside:
                drop.update(d.i for d in t.subtree)
    toks = sorted({t for c in comp for t in c.subtree if t.i not in drop and inside(t)}, key=lambda t: t.i)
    toks = _cut_tail(toks, root)
    toks = _trim(toks)
    if len(toks) < 3:
        return None
    return _closed(doc_text(verb.doc), toks[0].idx, toks[-1].idx + len(toks[-1].text))


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(clause: Any) -> bool:
    """A clause with a tense of its own ("that they slow down", "he had been speeding"), not a small clause ("the
    driver hiding", "it hard", "the accounts to be in order")."""
    if clause.tag_ in _FINITE_TAGS or any(c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} for c in clause.children):
        return True
    if clause.tag_ == "VB" and any(c.dep_ == "nsubj" for c in clause.children) and not any(c.lower_ == "to" for c in clause.children):
        return True  # a plural present the tagger took for a base form: "found most drivers slow down"
    auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    auxes += [g for c in auxes for g in c.children if g.dep_ in {"aux", "auxpass"}]  # "had" may hang on "been"
    return any(c.tag_ in _FINITE_TAGS for c in auxes)


def _closed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with the closing mark of a quotation it opens ('as "total nonsense' -> 'as "total nonsense"'): the
    parser hangs the mark on the sentence, not on the words it closes."""
    inner = text[start:end]
    if not (inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1):
        return start, end
    if end < len(text) and text[end] in '”"':
        return start, end + 1
    if end + 1 < len(text) and text[end] in ".,!?" and text[end + 1] in '”"':
        return start, end + 2  # 'as "a witch hunt."': the American order, the stop inside the marks
    return start, end


_THAT_SAID = re.compile(r"\b(?:that|this) (?:being )?said,", re.I)  # "That said, ...": a discourse marker
_VOICING = frozenset({"voice", "express", "raise"})
_ATTITUDES = frozenset(
    {"concern", "fear", "hope", "doubt", "worry", "belief", "confidence", "optimism", "frustration", "skepticism", "scepticism"}
)


def _attitude_content(verb: Any, bounds: tuple[int, int]) -> tuple[int, int, Any] | None:
    """ "voiced fears that X", "expressed concern that X", "raised doubts that X": a speech act whose content hangs
    on the noun; the content's offsets and the noun, or None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _VOICING or _passive(verb):
        return None
    for noun in verb.children:
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in _ATTITUDES:
            continue
        for clause in noun.children:
            if clause.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                toks = _trim([t for t in clause.subtree if bounds[0] <= t.idx < bounds[1] and not (t.dep_ == "mark" and t.head == clause)])
                if len(toks) >= 3:
                    return toks[0].idx, toks[-1].idx + len(toks[-1].text), noun
    return None


def _passive(v: Any) -> bool:
    """A passive use of a speech verb without its agent ("was asked", "told by aides" has one)."""
    if v.tag_ != "VBN" or any(c.dep_ == "agent" for c in v.children) or v.lemma_.lower() == "quote":
        return False
    if any(c.dep_ == "nsubj" for c in v.children) and not any(c.dep_ == "auxpass" for c in v.children):
        return False  # "Trump tweeted Friday that ...", a past tense the tagger took for a participle
    if _root_noun_speaks(v):
        return False  # "CNN, which ..., announced that": a past tense hung on a noun the parser made the root
    return not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in v.children)


_WH = {"who", "which", "that", "whom", "whose"}


def _object_relative(v: Any) -> bool:
    """The verb (or the verb it is the infinitive of: "wants to ask") heads a relative clause whose own subject is not
    the relative word, and takes no clause of its own: the noun it modifies is what is said or asked ("the questions
    he wants to ask Trump"; not "the third time the group said it had met")."""
    if any(c.dep_ == "ccomp" for c in v.children):
        return False
    t = v
    for _ in range(3):
        if t.dep_ == "relcl":
            subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
            return bool(subj) and all(c.lower_ not in _WH for c in subj)
        if t.dep_ != "xcomp" or t.head == t:
            return False
        t = t.head
    return False


def _infinitive(v: Any) -> bool:
    """A "to" clause ("urged them to leave"), not a participle ("asked, shaking his head")."""
    return bool(v.pos_ in _HEADS and any(c.tag_ == "TO" for c in v.children))


def _has_subject(v: Any) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"} for c in v.children)


def _cut_head(toks: list[Any], root: Any) -> list[Any]:
    """Start after a semicolon before the clause's verb: "X said A; B, analysts say" reports B, not X's words."""
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if t.i < root.i and t.text == ";":
            return toks[k + 1 :]
    return toks


def _host_clause(verb: Any, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """Content for a speech verb set into what it reports: "A, X said, B", "A, X said." or "As X reported, A"; the
    clause the verb hangs off, without the verb's own words."""
    if any(c.dep_ in {"ccomp", "dobj"} for c in verb.children):
        return None
    if verb.dep_ not in {"parataxis", "advcl", "ccomp"} or _cue_lemma(verb) not in HOST_VERBS or verb.lower_ in {"read", "reads"}:
        return None
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    # "..., first reported by the Ledger": a participle with its agent after the clause credits it as "as" does
    credited_after = not marks and verb.tag_ == "VBN" and verb.i > verb.head.i and any(c.dep_ == "agent" for c in verb.children)
    if verb.dep_ == "advcl" and marks != ["as"] and not credited_after:
        return None
    own = {t.i for t in verb.subtree}
    if len(own) > 14:
        return None
    host = verb.head
    if host == verb or host.pos_ not in _HEADS:
        return None
    toks = [t for t in host.subtree if t.i not in own and bounds[0] <= t.idx < bounds[1]]
    after = [t for t in toks if t.i > verb.i and not t.is_punct]
    if after and after[0].pos_ == "CCONJ" and any(t.i < verb.i for t in toks):
        toks = [t for t in toks if t.i < verb.i]  # "A," she said, and the crowd left: what follows is the writer's
    toks = _cut_head(_cut_tail(toks, host), host)
    toks = _trim(toks)
    if len(toks) < 4:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


_QUOTE_CHARS = frozenset('"“”«»„‘’‹›')


def _inverted_aside(verb: Any, lemma: str, bounds: tuple[int, int]) -> tuple[tuple[int, int], Any] | None:
    """A speech verb set between commas before its speaker, inside the clause it reports: "The decision, said Mayor
    Ana Ruiz, was final", "Her comments, said Tom Hale, the port spokesman, are consistent with the plan". The parser
    makes the clause's subject the verb's; the content is the whole clause (as for "A, X said, B") and the speaker the
    name after the verb. None unless a subject without a verb comes before the first comma and a verb follows the
    last."""
    doc = verb.doc
    if lemma not in HOST_VERBS or verb.tag_ not in {"VBD", "VBZ"} or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    k = verb.i + 1
    while k < len(doc) and fold(doc[k].text).rstrip(".") in TITLES and doc[k].text[:1].isupper():
        k += 1
    name = k
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and doc[k].ent_type_ not in {"DATE", "TIME"}:
        k += 1
    if k == name or k >= len(doc) or doc[k].text != ",":
        return None
    who = doc[k - 1]
    close = k
    if not any(t.tag_ in _FINITE_TAGS for t in doc[k + 1 : min(len(doc), k + 3)]):  # an apposition: ", the port spokesman,"
        close = next((j for j in range(k + 1, min(len(doc), k + 16)) if doc[j].text == ","), -1)
        if close < 0 or any(t.tag_ in _FINITE_TAGS for t in doc[k + 1 : close]):
            return None
    toks = [t for t in doc if bounds[0] <= t.idx < bounds[1] and not t.is_space]
    if close + 1 < len(doc) and doc[close + 1].text in _QUOTE_CHARS:
        return None  # 'The plan, said Ruiz, “is dead.”': the quote marks say what is his
    before = [t for t in toks if t.i < verb.i - 1]
    after = [t for t in toks if t.i > close]
    if not before or any(t.tag_ in _FINITE_TAGS or t.text == "," for t in before) or not any(t.tag_ in _FINITE_TAGS for t in after[:6]):
        return None
    toks = _trim([t for t in toks if t.i <= after[-1].i])
    if len(toks) < 4:
        return None
    return (toks[0].idx, toks[-1].idx + len(toks[-1].text)), who


def _is_direct(span: tuple[int, int], marks: Sequence[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(marks, (span[0] + 1, sys.maxsize)) - 1
    if k >= 0:
        a, b = marks[k]
        return a <= span[0] + 1 and span[1] - 1 <= b
    return False


def _proper_name(tok: Any) -> tuple[int, int] | None:
    """The span of the proper name a subject token ends ("Mayor Ana Ruiz" -> "Ana Ruiz"), titles left out; None
    when the token is not a capitalised proper noun."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.lower_ in PRONOUNS or is_dateline_word(tok.text):
        return None
    first = tok
    while first.i > 0:
        prev = tok.doc[first.i - 1]
        if prev.pos_ == "PROPN" and prev.head.i in {tok.i, first.i} and prev.dep_ in {"compound", "flat"} and prev.whitespace_:
            first = prev
            continue
        break
    while first.i < tok.i and fold(first.text).rstrip(".") in TITLES:
        first = tok.doc[first.i + 1]
    return first.idx, tok.idx + len(tok.text)


_HYPHENATED = re.compile(r"(?:-[^\W_]+)+")
_HYPHEN_HEAD = re.compile(r"(?:\b(?:an?|the|his|her|its|their|our|this|that)\s+)?\b(?:[^\W_]+-)+$", re.I)


_PHRASE_BREAKS = {",", ";", "—", "–", "--"}
# nouns that size a plural after "a": "a few dozen workers", "a lot of", "a number of"
_QUANTITY_NOUNS = frozenset({"dozen", "hundred", "thousand", "million", "billion", "score", "couple", "lot", "number", "handful", "total"})


def _noun_phrase(tok: Any) -> tuple[int, int]:
    """The subject's noun phrase without relative clauses, appositions and clauses hanging off it."""
    drop: set[int] = set()
    for c in tok.children:
        if c.dep_ in {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"} and c.i > tok.i:
            drop.update(t.i for t in c.subtree)
    toks = [t for t in tok.subtree if t.i not in drop and not t.is_space]
    det = next((t for t in toks if t.i < tok.i and t.dep_ == "det" and t.lower_ in {"a", "an"} and t.head.dep_ != "poss"), None)
    between = [t for t in toks if det is not None and det.i < t.i < tok.i]
    if (
        tok.tag_ in {"NNS", "NNPS"}
        and any(t.tag_ == "NN" for t in between)
        and not any(t.tag_ == "CD" or t.like_num or t.lower_ in _QUANTITY_NOUNS for t in between)
    ):
        # "a" before a plural head opens another noun the parser ran into this one ("a move harbour pilots
        # say", "a promised safety review enraged dockers, who ..."): the head and a noun or adjective right before it
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        keep = before is not None and before.pos_ in {"NOUN", "PROPN", "ADJ"} and not before.tag_.startswith("VB")
        toks = [t for t in toks if t.i >= tok.i - (1 if keep else 0)]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if len(toks) > 15:  # "a few of the most hardline Republicans, such as ... and ...": up to the first comma after the head
        cut = next((k for k, t in enumerate(toks) if t.i > tok.i and t.text in _PHRASE_BREAKS), len(toks))
        toks = toks[:cut]
        if len(toks) > 15:  # no comma: its first fifteen words, up to the last noun from the head on
            nouns = [k for k, t in enumerate(toks[:15]) if t.i >= tok.i and t.pos_ in {"NOUN", "PROPN"}]
            toks = toks[: nouns[-1] + 1] if nouns else toks
    if not toks or len(toks) > 15:
        start, end = tok.idx, tok.idx + len(tok.text)
    else:
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc_text(tok.doc)
    rest = _HYPHENATED.match(text, end)  # a word the parser cut at its hyphen ("an e" of "an e-mail", "worker" of
    head = _HYPHEN_HEAD.search(text, max(0, start - 40), start)  # "a co-worker")
    return head.start() if head else start, rest.end() if rest else end


def _words(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def _split_by_credit(text: str, marks: Sequence[tuple[int, int]], k: int) -> bool:
    """The quotation ``marks[k]`` is the opening of a sentence its credit splits: it ends on a comma, a short credit
    ending on a comma follows on the same line, and the next quotation goes on in lower case ('"Every generator,"
    Zelenskyy told the crowd, "saves a hospital ward."')."""
    if k + 1 >= len(marks):
        return False
    (a, b), (c, _) = marks[k], marks[k + 1]
    between = text[b:c]
    return (
        text[a:b].rstrip("\"”’'").endswith(",")
        and 0 < len(between) <= 80
        and "\n" not in between
        and between.rstrip().endswith(",")
        and text[c + 1 : c + 2].islower()
    )


def _merge(quotes: list[_Q], text: str) -> None:
    """One quote per cue and passage. Reported speech that embeds a partial direct quote of the same cue ("she said
    the plan was "a disaster" for farmers") is kept whole and the fragment dropped; when the direct quote is all the
    reported clause says, the direct quote stays."""
    drop: set[int] = set()
    by_cue: dict[tuple[int, int], list[int]] = {}
    for k, q in enumerate(quotes):
        if q.cue is not None:
            by_cue.setdefault(q.cue, []).append(k)
    for ks in by_cue.values():
        if len(ks) < 2:
            continue
        reported = [k for k in ks if not quotes[k].marked]
        direct = [k for k in ks if quotes[k].marked]
        for r in reported:
            rq = quotes[r]
            inside = [d for d in direct if quotes[d].start < rq.end and rq.start < quotes[d].end]
            if not inside:
                continue
            covered = all(rq.start <= quotes[d].start + 1 and quotes[d].end - 1 <= rq.end for d in inside)
            extra = _words(text, rq.start, rq.end) - sum(_words(text, quotes[d].start, quotes[d].end) for d in inside)
            if covered and extra >= 3:
                drop.update(inside)
                rq.partial = True
                rq.direct = False
            else:
                drop.add(r)
        # a quote split around its cue ("A," she said, "B."): the later pieces are part of the first
        kept = [k for k in direct if k not in drop]
        for k in kept[1:]:
            first = quotes[kept[0]]
            if quotes[k].sent - first.sent <= 1 and "\n" not in text[first.end : quotes[k].start]:
                quotes[k].part_of = (first.start, first.end)
    quotes[:] = [q for k, q in enumerate(quotes) if k not in drop]
