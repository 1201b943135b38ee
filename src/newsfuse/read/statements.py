"""Statements: the units facts are made of.

A ``statement`` is a sentence, split where it carries several claims: at semicolons and between coordinated main
clauses that each have their own subject ("X said Friday, and one soldier has died"). A ``clause`` is a smaller unit
inside a statement that carries a claim of its own: a participle adjunct (", killing four workers"), a coordinated
verb phrase ("and leaving seven others hurt"), a non-restrictive relative clause (", which left four dead"). Clauses
overlap their statement, so one sentence can be evidence for several facts.

Each unit also records its *stance* when the outlet's own words hold the claim at a distance: ``alleged`` ("allegedly",
"accused of", "reportedly", "arrested on suspicion of"), ``tentative`` ("in principle", "a preliminary deal", "for
now") or ``expected`` (a step still to come: "is expected to plead guilty", "is scheduled to vote"), with the marker's
offsets.
Words inside quotation marks are the speaker's, not the outlet's, and never set a stance."""

from __future__ import annotations

import itertools
import re
from typing import Any

from ..model import Article, Span
from .base import Context

MIN_WORDS = 5
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})  # marks a quotation opens with
_LEADING_CC = re.compile(r"(?:and|but|while|yet|whereas)\s+", re.IGNORECASE)

# the ground of an arrest or a questioning, held at a distance: "arrested on suspicion of drunk driving"
SUSPICION = r"(?:on|under) suspicion of|for (?:investigation|suspicion) of|on allegations? of"
STANCE_MARKERS = {
    "alleged": (
        r"allegedly|reportedly|purportedly|supposedly|(?:is|are|was|were|been|being|stands?|stood) accused of|"
        rf"{SUSPICION}|"
        r"(?:is|are|was|were|been|being) suspected of|(?:is|are|was|were) (?:said|believed|thought|understood) to (?:have|be)"
    ),
    "tentative": (
        r"in principle|tentatively|(?:at least )?for now|provisionally|"
        r"(?:preliminary|initial|tentative) (?:agreements?|deals?|accords?|pacts?|understandings?|settlements?)"
    ),
    # a step still to come when the outlet wrote: "is expected to plead guilty", "is scheduled to vote"
    # (present tense only: "was expected to sign" is often an expectation since met or missed; "due to" is a cause)
    "expected": r"(?:is|are|'s|'re) (?:also |still |now |\w+ly )?(?:expected|scheduled|slated|set|poised) to",
}
_STANCE = re.compile("|".join(f"(?P<{k}>\\b(?:{v})\\b)" for k, v in STANCE_MARKERS.items()), re.I)
_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]")
_SIDE = {"relcl", "acl", "advcl", "pcomp", "pobj", "amod", "appos", "csubj"}


def stance_markers(text: str) -> list[tuple[str, int, int]]:
    """The words that hold a claim at a distance, outside quotation marks: (stance, start, end) in ``text``."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    return [(str(m.lastgroup), m.start(), m.end()) for m in _STANCE.finditer(text) if not any(a <= m.start() < b for a, b in quoted)]


def _stance(doc: Any, text: str, a: int, b: int) -> tuple[str, int, int, str] | None:
    """The stance of the unit ``text[a:b]``: a marker on its main claim, not inside a side clause or a phrase
    ("sue Saudi Arabia for its alleged role" holds the role, not the suit, at a distance), with the lemma of the
    predicate it holds at a distance ("reportedly forwarded" -> forward; "were reportedly furious" -> furious)."""
    for stance, m0, m1 in stance_markers(text[a:b]):
        span = doc.char_span(a + m0, a + m1, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root  # "initial agreements": the noun, not its modifier, is what attaches to the claim
        if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"nsubj", "nsubjpass"}:
            continue  # "the initial agreements expired": what the claim is about, not how firm it is
        main = True
        predicate = None
        raised = next((c for c in span.root.children if c.dep_ == "xcomp" and c.i >= span.end - 1), None)
        if raised is not None:  # "is believed to be cooperating": the claim is the complement
            predicate = next((c for c in raised.children if c.dep_ in {"xcomp", "acomp"} and c.pos_ == "VERB"), raised)
        while tok.head.i != tok.i and a <= tok.head.idx < b:
            if tok.dep_ in _SIDE:
                main = False
                break
            tok = tok.head
            if predicate is None and tok.pos_ in {"VERB", "AUX"}:
                predicate = tok
        if main:
            if predicate is not None and predicate.lemma_ == "be":
                predicate = next((c for c in predicate.children if c.dep_ in {"acomp", "attr"}), predicate)
            return stance, a + m0, a + m1, (predicate.lemma_.lower() if predicate is not None else "")
    return None


def clause_cuts(sent: Any) -> list[int]:
    """Token indexes where a new independent clause starts inside a spaCy sentence."""
    cuts: list[int] = []
    root = sent.root
    for c in root.children:
        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
            left = next(iter(c.subtree))
            # the cut goes before the coordinating word (and / but / while) and its comma
            i = left.i
            j = i - 1
            while (
                j > sent.start
                and sent.doc[j].dep_ in {"cc", "punct"}
                and sent.doc[j].text in {",", "and", "but", "while", ";", "yet", "whereas"}
            ):
                j -= 1
            cuts.append(j + 1)
    for t in sent:
        if t.text == ";" and t.i + 1 < sent.end:
            cuts.append(t.i + 1)
        # ", with 1,000 troops killed ...": an absolute phrase that carries a count of its own
        absolute = t.lower_ in {"with", "including"} and t.i > sent.start and sent.doc[t.i - 1].text == ","
        if absolute and any(d.like_num or d.ent_type_ == "CARDINAL" for d in t.subtree) and len(list(t.subtree)) >= 4:
            cuts.append(t.i)
    return sorted(set(cuts))


_CLAUSE_DEPS = {"advcl", "conj", "relcl", "ccomp"}
_ALTERNATIVE = re.compile(r"(?:rather|sooner) than$|instead of$|than$")


_NOT_CLAIMS = frozenset({"if", "unless", "whether", "lest"})


def _finite_claim(verb: Any) -> bool:
    """An adverbial clause with a subject of its own that states something ("when she was struck by a car", "because
    the bridge had failed"), not a condition ("if he wins", "unless they pay")."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and not marks & _NOT_CLAIMS


_FRAME_DEPS = frozenset({"acl", "advcl", "csubj"})  # a noun's complement, a condition, a subject clause


def _subordinate_conjunct(verb: Any) -> bool:
    """A clause joined by "and"/"or" to a subordinate clause, itself opened by "that", "whether" or "if" ("there is no
    indication whether X, or that Y"): it says what the frame says of it, not a claim of its own."""
    marked = any(c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} for c in verb.children)
    return marked and verb.head.dep_ in _FRAME_DEPS


# how a clause that cannot stand as a sentence starts: a relative or question word ("who placed second", "how long
# it would last"), a verb or participle ("reaffirming the motto", "walked off wearing"), "to", a preposition
_OPENS_FRAGMENT = frozenset({"WDT", "WP", "WP$", "WRB", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "TO", "IN"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


# where or when a deed happened: all a second participle may add and still be one predicate with the first
_WHERE_OR_WHEN = frozenset({"in", "at", "near", "on", "during", "across", "inside", "outside"})


def _alternative_verb(verb: Any) -> bool:
    """A verb that makes one predicate with the verb before it, not a claim of its own: joined by "or" and without a
    subject of its own ("were killed or wounded", "arrested or detained"), or a participle joined by "and" to a
    participle, with nothing of its own but where or when ("have been killed and wounded in Kursk"). "Arrested and
    charged with theft", "injured and taken to hospital", "arrested and later released" tell two deeds."""
    head = verb.head
    cc = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < verb.i]
    if not cc or any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    if cc[-1].lower_ in {"or", "nor"}:
        return True
    return verb.tag_ == head.tag_ == "VBN" and all(
        c.dep_ in {"punct", "npadvmod"} or (c.dep_ == "prep" and c.lower_ in _WHERE_OR_WHEN) for c in verb.children
    )


def reads_alone(span: Any) -> bool:
    """A clause reads as a sentence of its own: it has a subject of its own, and it does not open with a relative or
    question word, a verb, "to" or a preposition (after a leading "and", "but" or "that")."""
    toks = [t for t in span if not (t.is_punct or t.is_space or t.dep_ in {"cc", "mark"})]
    if not toks or toks[0].tag_ in _OPENS_FRAGMENT:
        return False
    return any(t.dep_ in _SUBJECTS and span.start <= t.head.i < span.end for t in toks)


def clause_units(sent: Any, min_words: int = 3) -> list[tuple[int, int, str]]:
    """Token ranges [start, end) of claim-bearing clauses inside a sentence, with the dependency that attaches them
    (see the module docstring)."""
    out: list[tuple[int, int, str]] = []
    for t in sent:
        if t.pos_ not in {"VERB", "AUX"} or t.dep_ not in _CLAUSE_DEPS or t.i == sent.root.i:
            continue
        sub = [x for x in t.subtree if not x.is_space]
        if not sub:
            continue
        lo, hi = sub[0].i, sub[-1].i + 1
        first = sent.doc[lo]
        if t.dep_ == "advcl" and t.tag_ != "VBG" and not _finite_claim(t):
            continue  # "after meeting ...", "if he wins": circumstances or conditions, not claims
        if t.dep_ == "relcl" and not (lo > sent.start and sent.doc[lo - 1].text == "," and first.lower_ in {"which", "who", "where"}):
            continue  # only non-restrictive relative clauses carry claims of their own
        if t.dep_ == "ccomp" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
            continue
        if t.dep_ == "conj" and _ALTERNATIVE.match(sent.doc[max(lo - 2, sent.start) : lo].text.lower()):
            continue  # "taken their own lives rather than surrender": the road not taken is no claim
        if t.dep_ == "conj" and _alternative_verb(t):
            continue  # "have been killed or wounded in Kursk": one claim with two verbs, not a second claim
        if t.dep_ == "conj" and _subordinate_conjunct(t):
            continue  # "no indication whether he is a suspect, or that auditors found fraud": what the frame denies
        while lo < hi and (sent.doc[lo].is_punct or sent.doc[lo].dep_ in {"cc", "mark"}):
            lo += 1
        while hi > lo and sent.doc[hi - 1].is_punct:
            hi -= 1
        if hi - lo >= min_words and (lo, hi) != (sent.start, sent.end):
            # a finite adverbial clause ("when she was struck by a car") is a claim of its own, and also part of
            # what its sentence says
            out.append((lo, hi, "advcl:finite" if t.dep_ == "advcl" and t.tag_ != "VBG" else t.dep_))
    return out


class Statements:
    name = "statements"
    version = 13
    requires = ("sentences",)
    assigns = ("statements",)

    def __call__(self, article: Article, ctx: Context) -> dict[str, list[Span]]:
        doc = ctx.doc
        tag = f"{self.name}@{self.version}"
        out: list[Span] = []
        sents = article.group("sentences")
        spacy_sents = list(doc.sents)
        k = 0
        for s in sents:
            while k < len(spacy_sents) and spacy_sents[k].end_char <= s.start:
                k += 1
            cuts_pos: list[int] = []
            if k < len(spacy_sents):
                ss = spacy_sents[k]
                if ss.start_char <= s.start and s.end <= ss.end_char + 1:
                    cuts_pos = [doc[i].idx for i in clause_cuts(ss) if s.start < doc[i].idx < s.end]
            bounds = [s.start, *cuts_pos, s.end]
            pieces = []
            for a, b in itertools.pairwise(bounds):
                seg = article.text[a:b]
                a2 = a + len(seg) - len(seg.lstrip(" ,;"))
                b2 = b - (len(seg) - len(seg.rstrip(" ,;")))
                if b2 > a2:
                    pieces.append((a2, b2))
            # never leave a fragment too short to be a claim: merge it back
            merged: list[tuple[int, int]] = []
            for a, b in pieces:
                short = len(article.text[a:b].split()) < MIN_WORDS
                if merged and (short or len(article.text[merged[-1][0] : merged[-1][1]].split()) < MIN_WORDS):
                    merged[-1] = (merged[-1][0], b)
                else:
                    merged.append((a, b))
            for a, b in merged:
                if a != s.start and (m := _LEADING_CC.match(article.text, a, b)):
                    a = m.end()  # "..., and at least one soldier has died": the piece starts at its subject
                attrs: dict[str, Any] = {"sentence": (s.start, s.end)}
                stance = _stance(doc, article.text, a, b)
                if stance is not None:
                    attrs.update(stance=stance[0], marker=(stance[1], stance[2]), stance_of=stance[3])
                out.append(Span(a, b, "headline" if s.label == "headline" else "statement", tag, attrs))
                if s.label == "headline" or k >= len(spacy_sents):
                    continue
                ss = spacy_sents[k]
                for lo, hi, dep in clause_units(ss):
                    ca, cb = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
                    words, whole = len(article.text[ca:cb].split()), len(article.text[a:b].split())
                    # a clause a few words shorter than its statement repeats it, unless it is the quoted words a
                    # statement opens with ('"It is a miracle nobody died," Voss said.'): those another outlet may
                    # credit to someone else
                    opened = article.text[a:ca].strip() in _OPENING_QUOTES
                    if a <= ca and cb <= b and (ca, cb) != (a, b) and (words < whole - 2 or (opened and words < whole)):
                        cattrs: dict[str, Any] = {"sentence": (s.start, s.end), "statement": (a, b), "dep": dep}
                        if not reads_alone(doc[lo:hi]):
                            cattrs["fragment"] = True
                        stance = _stance(doc, article.text, ca, cb)
                        if stance is not None:
                            cattrs.update(stance=stance[0], marker=(stance[1], stance[2]), stance_of=stance[3])
                        out.append(Span(ca, cb, "clause", tag, cattrs))
        return {"statements": out}
