"""Statements: the units facts are made of. A sentence, split where it carries several claims: at semicolons and
between coordinated main clauses that each have their own subject ("X said Friday, and one soldier has died")."""

from __future__ import annotations

from typing import Any

from ..model import Article, Span
from .base import Context

MIN_WORDS = 5


def clause_cuts(sent: Any) -> list[int]:
    """Token indexes where a new independent clause starts inside a spaCy sentence."""
    cuts: list[int] = []
    root = sent.root
    for c in root.children:
        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
            left = [t for t in c.subtree][0]
            # the cut goes before the coordinating word (and / but / while) and its comma
            i = left.i
            j = i - 1
            while j > sent.start and sent.doc[j].dep_ in {"cc", "punct"} and sent.doc[j].text in {",", "and", "but", "while", ";", "yet", "whereas"}:
                j -= 1
            cuts.append(j + 1)
    for t in sent:
        if t.text == ";" and t.i + 1 < sent.end:
            cuts.append(t.i + 1)
        # ", with 1,000 troops killed ...": an absolute phrase that carries a count of its own
        if t.lower_ in {"with", "including"} and t.i > sent.start and sent.doc[t.i - 1].text == ",":
            if any(d.like_num or d.ent_type_ == "CARDINAL" for d in t.subtree) and len(list(t.subtree)) >= 4:
                cuts.append(t.i)
    return sorted(set(cuts))


class Statements:
    name = "statements"
    version = 1
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
            for a, b in zip(bounds, bounds[1:], strict=False):
                seg = article.text[a:b]
                a2 = a + len(seg) - len(seg.lstrip(" ,;"))
                b2 = b - (len(seg) - len(seg.rstrip(" ,;")))
                if b2 > a2:
                    pieces.append((a2, b2))
            # never leave a fragment too short to be a claim: merge it back
            merged: list[tuple[int, int]] = []
            for a, b in pieces:
                if merged and len(article.text[a:b].split()) < MIN_WORDS:
                    merged[-1] = (merged[-1][0], b)
                elif merged and len(article.text[merged[-1][0] : merged[-1][1]].split()) < MIN_WORDS:
                    merged[-1] = (merged[-1][0], b)
                else:
                    merged.append((a, b))
            for a, b in merged:
                out.append(Span(a, b, "headline" if s.label == "headline" else "statement", tag, {"sentence": (s.start, s.end)}))
        return {"statements": out}
