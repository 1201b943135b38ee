"""Who said what: direct quotes in every quote style, split and multi-sentence quotes, and reported speech
("X said that ...", "according to X", "X told ...", "X added", "X's office said", "X accused Y of ...").

Each quote is a span over its *content* with attrs: ``direct``, ``cue`` (start, end), ``speaker`` (start, end of the
mention or description the text names), ``speaker_kind`` (name, pronoun, role, description, continuation) and, after
linking, ``entity``/``name`` of the resolved speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Span
from .base import Context
from .entities import ROLE_NOUNS, name_tokens, same_name_word
from .speakers import (
    CONTINUATION_VERBS,
    OFFICE_NOUNS,
    PRONOUNS,
    SPEECH_VERBS,
    Candidate,
    content_words,
    resolve_pronoun,
)

OPEN_CLOSE = {"“": "”\"", "«": "»", "„": "“”", "‘": "’", "‹": "›", '"': '"”', "'": "'"}


def quote_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage *including* its marks. Quotes never cross a paragraph break, but a quote
    left open at a paragraph's end closes there (the next paragraph reopens it)."""
    out: list[tuple[int, int]] = []
    for para_start, para in _paragraphs(text):
        i = 0
        n = len(para)
        while i < n:
            c = para[i]
            if c in OPEN_CLOSE and _opens(para, i):
                close = OPEN_CLOSE[c]
                j = i + 1
                while j < n:
                    if para[j] in close and (c not in {"'", "‘"} or _closes_single(para, j)):
                        break
                    j += 1
                if j >= n and c in {"'", "‘"}:
                    i += 1
                    continue
                end = min(j + 1, n)
                if end - i > 2:
                    out.append((para_start + i, para_start + end))
                i = end
                continue
            i += 1
    return out


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for part in text.split("\n"):
        out.append((pos, part))
        pos += len(part) + 1
    return out


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
    extra: dict[str, Any] = field(default_factory=dict)


class Quotes:
    name = "quotes"
    version = 1
    requires = ("sentences", "mentions")
    assigns = ("quotes",)

    def __call__(self, article: Article, ctx: Context) -> dict[str, list[Span]]:
        doc = ctx.doc
        text = article.text
        sents = article.group("sentences")
        sent_starts = [s.start for s in sents]

        def sent_index(pos: int) -> int:
            lo, hi = 0, len(sent_starts) - 1
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if sent_starts[mid] <= pos:
                    lo = mid
                else:
                    hi = mid - 1
            return lo

        quotes: list[_Q] = []
        marks = [(a, b) for a, b in quote_marks(text) if len(text[a + 1 : b - 1].split()) >= 4]
        covered_cues: set[int] = set()
        # 1. direct quotes and their cues
        for a, b in marks:
            cue = _cue_for_span(doc, a, b, sents, sent_index)
            inner_a, inner_b = _strip_marks(text, a, b)
            q = _Q(inner_a, inner_b, True, None, None, sent=sent_index(a))
            if cue is not None:
                q.cue = (cue.idx, cue.idx + len(cue.text))
                q.cue_lemma = cue.lemma_.lower()
                q.subj = _subject(cue)
                covered_cues.add(cue.i)
                if q.subj is None and cue.lower_ == "according":
                    q.subj = _according_pobj(cue)
            quotes.append(q)
        # 2. reported speech: speech verbs with a complement that is not a direct quote already explained
        for tok in doc:
            if tok.i in covered_cues:
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                pobj = _according_pobj(tok)
                if pobj is None:
                    continue
                span = _according_content(doc, tok, pobj)
                if span is None:
                    continue
                q = _Q(span[0], span[1], False, (tok.idx, doc[tok.i + 1].idx + 2), pobj, sent=sent_index(tok.idx), cue_lemma="according")
                quotes.append(q)
                continue
            if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in SPEECH_VERBS:
                continue
            span = _complement(doc, tok)
            if span is None:
                continue
            if any(q.start <= span[0] and span[1] <= q.end for q in quotes if q.direct):
                continue
            subj = _subject(tok)
            if subj is None:
                continue
            sent_span = sents[sent_index(tok.idx)] if sents else None
            if sent_span is not None:
                span = (max(span[0], sent_span.start), min(span[1], sent_span.end))
                if len(text[span[0] : span[1]].split()) < 3:
                    continue
            q = _Q(span[0], span[1], _is_direct(text, span, marks), (tok.idx, tok.idx + len(tok.text)), subj, sent=sent_index(tok.idx), cue_lemma=tok.lemma_.lower())
            quotes.append(q)
        quotes.sort(key=lambda q: (q.start, q.end))
        _dedupe(quotes)
        self._speakers(article, doc, quotes, sent_index)
        tag = f"{self.name}@{self.version}"
        out = []
        for q in quotes:
            if q.speaker_kind == "none" or q.end <= q.start:
                continue
            out.append(
                Span(
                    q.start,
                    q.end,
                    "direct" if q.direct else "reported",
                    tag,
                    {
                        "direct": q.direct,
                        "cue": q.cue,
                        "speaker": q.speaker_span,
                        "speaker_text": q.speaker_text,
                        "speaker_kind": q.speaker_kind,
                        "local_entity": q.entity,
                        "local_name": q.name,
                    },
                )
            )
        return {"quotes": out}

    # ------------------------------------------------------------ speakers
    def _speakers(self, article: Article, doc: Any, quotes: list[_Q], sent_index: Any) -> None:
        text = article.text
        mentions = [m for m in article.group("mentions")]
        persons = [m for m in mentions if m.label == "PERSON"]

        def mention_at(start: int, end: int) -> Span | None:
            for m in mentions:
                if m.start < end and start < m.end:
                    return m
            return None

        def mention_of(tok: Any) -> Span | None:
            """The named mention a subject token heads: the one containing it, else a compound or apposition of it,
            else (for a bare proper noun the model missed) a person of the article with that name."""
            m = mention_at(tok.idx, tok.idx + len(tok.text))
            if m is not None:
                return m
            for c in tok.children:
                if c.dep_ in {"compound", "appos"}:
                    m = mention_at(c.idx, c.idx + len(c.text))
                    if m is not None and m.label == "PERSON":
                        return m
            if tok.text[:1].isupper() and tok.pos_ in {"PROPN", "NOUN", "ADJ", "VERB"}:
                for p in persons:
                    if same_name_word(name_tokens(p.attrs.get("local", p.attrs["text"]))[-1], tok.text):
                        return Span(tok.idx, tok.idx + len(tok.text), "PERSON", p.stage, {**p.attrs, "text": tok.text})
            return None

        # explicit names, possessive offices, role nouns and descriptions first
        for q in quotes:
            s = q.subj
            if s is None:
                continue
            if s.lower_ in PRONOUNS:
                q.speaker_kind = "pronoun"
                q.speaker_span = (s.idx, s.idx + len(s.text))
                q.speaker_text = s.text
                continue
            if s.tag_ in {"WP", "WDT"} and s.head.dep_ == "relcl":
                s = s.head.head  # "Kirby, who indicated ..." -> Kirby
            np = _noun_phrase(s)
            m = mention_of(s)
            if s.lower_ in OFFICE_NOUNS or s.lemma_.lower() in OFFICE_NOUNS:
                poss = [c for c in s.children if c.dep_ == "poss"]
                if poss:
                    pm = mention_at(poss[0].idx, poss[0].idx + len(poss[0].text))
                    if pm is not None:
                        m = pm
            if m is not None and m.label in {"PERSON", "ORG", "GPE", "NORP"}:
                q.speaker_kind = "name"
                q.speaker_span = (m.start, m.end)
                q.speaker_text = text[m.start : m.end]
                q.name = m.attrs.get("local", m.attrs["text"])
                q.entity = "local:" + q.name
                continue
            q.speaker_span = np
            q.speaker_text = text[np[0] : np[1]]
            if s.lemma_.lower() in ROLE_NOUNS and any(c.lower_ in {"the", "this", "that"} for c in s.children):
                q.speaker_kind = "role"
                q.extra["role"] = s.lemma_.lower()
            else:
                q.speaker_kind = "description"
        # role nouns: the most recent person the article gave that role, unless a description introduced it
        for q in quotes:
            if q.speaker_kind != "role":
                continue
            role = q.extra["role"]
            described = [p for p in quotes if p.speaker_kind == "description" and p.start < q.start and p.subj is not None and p.subj.lemma_.lower() == role]
            named = [m for m in persons if m.start < q.start and role in m.attrs.get("roles", [])]
            if described and (not named or described[-1].start > named[-1].start):
                q.speaker_kind = "description"
                q.speaker_text = described[-1].speaker_text
                continue
            if named:
                m = named[-1]
                q.name = m.attrs.get("local", m.attrs["text"])
                q.entity = "local:" + q.name
        # pronouns by salience, in reading order, so a resolved pronoun feeds the next one
        cands: dict[str, Candidate] = {}
        for m in persons:
            key = "local:" + m.attrs.get("local", m.attrs["text"])
            c = cands.setdefault(key, Candidate(key))
            tok = _token_at(doc, m.start)
            w = 2.0 if tok is not None and tok.dep_ in {"nsubj", "nsubjpass"} else 1.0
            if any(q.start <= m.start < q.end for q in quotes):
                w = 0.3
            c.mentions.append((sent_index(m.start), w))
            prev = text[max(0, m.start - 5) : m.start].lower()
            if "mr" in prev:
                c.gender = "m"
            elif "ms" in prev or "mrs" in prev:
                c.gender = "f"
        for q in quotes:
            if q.entity and q.entity in cands:
                cands[q.entity].mentions.append((q.sent, 3.0))
                cands[q.entity].quoted_words |= content_words(text[q.start : q.end])
        previous: str | None = None
        for k, q in enumerate(quotes):
            if q.speaker_kind == "pronoun" and q.entity is None:
                pron = (q.speaker_text or "").lower()
                if PRONOUNS.get(pron) in {"m", "f"}:
                    nxt = None
                    for r in quotes[k + 1 : k + 3]:
                        if r.sent - q.sent > 2:
                            break
                        if r.cue_lemma in CONTINUATION_VERBS and r.entity and r.speaker_kind in {"name", "role"}:
                            nxt = r.entity
                            break
                    ent = resolve_pronoun(pron, q.sent, list(cands.values()), previous, nxt, content_words(text[q.start : q.end]))
                    if ent is not None:
                        q.entity = ent
                        q.name = ent.split(":", 1)[1]
                        g = PRONOUNS[pron]
                        if cands[ent].gender is None:
                            cands[ent].gender = g
                        cands[ent].mentions.append((q.sent, 3.0))
                        cands[ent].quoted_words |= content_words(text[q.start : q.end])
                elif pron in {"it", "they"}:
                    q.speaker_kind = "description"
            if q.cue is None and q.speaker_kind == "none":
                # a direct quote with no cue that follows another quote closely continues that speaker
                p = quotes[k - 1] if k > 0 else None
                same_para = p is not None and "\n" not in text[p.end : q.start]
                speech_like = text[q.start : q.end].rstrip("”\"’' ")[-1:] in {".", "?", "!", ","}
                if p is not None and p.speaker_kind != "none" and 0 <= q.sent - p.sent <= 2 and q.direct and (same_para or speech_like):
                    q.speaker_kind = "continuation"
                    q.speaker_span, q.speaker_text, q.entity, q.name = p.speaker_span, p.speaker_text, p.entity, p.name
            if q.entity:
                previous = q.entity


def _strip_marks(text: str, a: int, b: int) -> tuple[int, int]:
    a += 1
    if b - 1 > a and text[b - 1] in "”»“’›\"'":
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    return a, b


def _token_at(doc: Any, pos: int) -> Any:
    for t in doc:
        if t.idx <= pos < t.idx + len(t.text):
            return t
        if t.idx > pos:
            return None
    return None


def _subject(verb: Any) -> Any:
    """The speaker token of a speech verb, following participle and conjunct chains ("..., adding that")."""
    v = verb
    for _ in range(4):
        for c in v.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.dep_ != "nsubjpass" or (c.dep_ == "nsubj"):
                return c
        for c in v.children:
            if c.dep_ == "agent":
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        return cc
        if v.dep_ in {"advcl", "conj", "xcomp", "acl"} and v.head is not v:
            v = v.head
            continue
        if v.dep_ == "ROOT" and v.tag_ == "VBG":
            return None
        break
    # the parser missed the subject ("on Friday Zelenskyy said"): a name or pronoun right before the verb
    if verb.i > 0:
        prev = verb.doc[verb.i - 1]
        if prev.pos_ in {"PROPN", "PRON"} and prev.lower_ not in {"it", "that", "this", "which", "what"}:
            return prev
    return None


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


def _according_content(doc: Any, tok: Any, pobj: Any) -> tuple[int, int] | None:
    """The sentence minus the "according to X" phrase: the longer side."""
    sent = tok.sent
    phrase = list(pobj.subtree) + [tok, doc[tok.i + 1]]
    lo = min(t.i for t in phrase)
    hi = max(t.i for t in phrase)
    left = [t for t in sent if t.i < lo and not t.is_space]
    right = [t for t in sent if t.i > hi and not t.is_space]
    side = right if len(right) >= len(left) else left
    side = _trim_punct(side)
    if len(side) < 3:
        return None
    return side[0].idx, side[-1].idx + len(side[-1].text)


def _trim_punct(toks: Sequence[Any]) -> list[Any]:
    out = list(toks)
    while out and out[0].is_punct and out[0].text not in "“\"‘'":
        out = out[1:]
    while out and (out[-1].is_punct and out[-1].text not in "”\"’'" or out[-1].is_space):
        out = out[:-1]
    if out and out[-1].text in "”\"’'" and len(out) > 1 and out[-2].text == ",":
        out = out[:-2] + [out[-1]]
    return out


def _complement(doc: Any, verb: Any) -> tuple[int, int] | None:
    """The reported content of a speech verb: its clausal complement, or for "accuse Y of Z" the object and
    prepositional phrase."""
    comp = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"}]
    if not comp and verb.lemma_.lower() in {"accuse", "blame", "urge", "warn", "criticize", "criticise", "praise", "charge"}:
        comp = [c for c in verb.children if c.dep_ in {"dobj", "prep", "xcomp"}]
        if not any(c.dep_ in {"prep", "xcomp"} for c in comp):
            return None
    if not comp:
        comp = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and verb.lemma_.lower() in {"promise", "vow", "pledge", "threaten"}]
    if not comp:
        return None
    toks: list[Any] = []
    for c in comp:
        toks.extend(t for t in c.subtree)
    toks = sorted(set(toks), key=lambda t: t.i)
    # keep the run on one side of the verb that holds the first complement
    if toks and toks[0].i < verb.i < toks[-1].i:
        first = comp[0]
        toks = [t for t in toks if (t.i < verb.i) == (first.i < verb.i)]
    while toks and (toks[0].dep_ == "mark" and toks[0].lower_ in {"that", "whether", "if"} or toks[0].is_punct and toks[0].text not in "“\"‘"):
        toks = toks[1:]
    toks = _trim_punct(toks)
    if len(toks) < 3:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _is_direct(text: str, span: tuple[int, int], marks: Sequence[tuple[int, int]]) -> bool:
    for a, b in marks:
        if a <= span[0] + 1 and span[1] - 1 <= b:
            return True
    return False


def _cue_for_span(doc: Any, a: int, b: int, sents: Sequence[Span], sent_index: Any) -> Any:
    """The speech verb outside a quote that introduces it, in the sentence where the quote ends or starts."""
    cands = []
    lo = sents[sent_index(a)].start if sents else 0
    hi = sents[sent_index(max(a, b - 1))].end if sents else len(doc.text)
    for t in doc:
        if t.idx < lo:
            continue
        if t.idx >= hi:
            break
        if a <= t.idx < b:
            continue
        is_cue = t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in SPEECH_VERBS
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            is_cue = True
        if is_cue:
            dist = a - (t.idx + len(t.text)) if t.idx < a else t.idx - b
            # a verb whose complement reaches into the quote is the quote's own cue
            inside = any(a <= d.idx < b for d in t.subtree if d.dep_ in {"ccomp", "parataxis"} or d.head is t)
            cands.append((0 if inside else 1, dist, t))
    if not cands:
        return None
    cands.sort(key=lambda x: (x[0], x[1]))
    best = cands[0][2]
    if _subject(best) is None and best.lower_ != "according":
        for _, _, t in cands[1:]:
            if _subject(t) is not None:
                return t
    return best


def _noun_phrase(tok: Any) -> tuple[int, int]:
    """The subject's noun phrase without relative clauses, appositions and clauses hanging off it."""
    drop: set[int] = set()
    for c in tok.children:
        if c.dep_ in {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"} and c.i > tok.i:
            drop.update(t.i for t in c.subtree)
    toks = [t for t in tok.subtree if t.i not in drop and not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if not toks or len(toks) > 15:
        return tok.idx, tok.idx + len(tok.text)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _dedupe(quotes: list[_Q]) -> None:
    """Drop reported-speech spans that repeat a direct quote with the same cue."""
    keep: list[_Q] = []
    for q in quotes:
        dup = next((p for p in keep if p.cue == q.cue and q.cue is not None and (p.start < q.end and q.start < p.end)), None)
        if dup is not None:
            if q.direct and not dup.direct:
                keep[keep.index(dup)] = q
            continue
        keep.append(q)
    quotes[:] = keep
