"""Sentences: spaCy's, never across a paragraph break, with glued headlines split off and a quotation's credit kept."""

from __future__ import annotations

import itertools
import re
from typing import Any

from ..model import Article, Span
from .base import Context
from .entities import ROLE_NOUNS

_PARA_END = re.compile(r"[\"”’')\]]*[ \t\r]*(?:\n|$)")  # CRLF texts too
# a quotation ending in "!" or "?" (or a full stop) closes spaCy's sentence, but the credit after it belongs to it:
# '"We are not going to pay a single cent!" Mr. Calderón told CNBC.' is one sentence
_QUOTE_END = re.compile(r"[!?.,][\"”’']$")
_CREDIT_TAIL = re.compile(
    r"(?:(?:(?:Mr|Ms|Mrs|Dr|Sen|Rep|Gov|Gen)\.\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}?[A-Z][\w’'-]+|[Hh]e|[Ss]he|[Tt]hey"
    r"|(?:[Tt]he|[Aa]n?)(?:\s+[\w’'-]+){1,3})"  # who: a name, a pronoun or a short description
    r"\s+(?:(?:said|says|added|wrote|tweeted|continued|declared|insisted|replied|explained)"
    r"(?:\s+(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}|reporters|him|her|them|us|me))?"  # to whom: "wrote Ryan"
    r"|(?:told|asked)(?:\s+(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}|reporters|him|her|them|us|me"
    r"|(?:the|a|an)(?:\s+[\w’'-]+){1,3}))?)"  # "told CNBC", "asked the witness"
    r"(?:\s+(?:in|at|on|to|during|after|before|from|while|with|via|for)\b[^.!?\"“”]{0,80}|,[^.!?\"“”]{0,80})?[.!]"
)
# a sentence the parser cut before its end, inside a paragraph: it stops on a word or a comma, with no closing
# punctuation ("Port director Ana Ruiz says no matter what emergency action | Mayor Tom Hale takes ...")
_UNFINISHED = re.compile(r"[\w,]$")
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative"})
_FUNCTION_WORDS = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as"}


def glued_headline_end(tokens: list[Any]) -> int | None:
    """Index of the first token of the body when a headline was glued to it without punctuation, else None.

    "Troops suffer heavy losses in war North Korean forces fighting ... have faced ..." splits before "North":
    a short headline-like run (no punctuation but hyphens, present tense or no finite verb) at a paragraph start,
    ending in a lower-case content word, followed by a capitalised word that starts a new entity and a long clause.
    """
    n = len(tokens)
    for i in range(2, min(n - 8, 18)):
        left, right = tokens[i - 1], tokens[i]
        if not (left.is_alpha and left.text.islower() and left.tag_ in {"NN", "NNS"} and left.lower_ not in _FUNCTION_WORDS):
            continue
        if not (right.text[:1].isupper() and right.is_alpha):
            continue
        if right.ent_iob_ == "I":  # continues an entity begun on the left
            continue
        if left.lower_ in ROLE_NOUNS and (right.ent_type_ == "PERSON" or right.pos_ == "PROPN"):
            continue  # "spokesman John Kirby", "Fire chief Ana Ruiz said" (a name the model did not tag)
        if tokens[0].tag_ in {"IN", "VBG", "TO"}:  # "According to ...": a clause, not a headline
            continue
        head = tokens[:i]
        if any(t.is_punct and t.text not in {"-", "–", "'", "’", ":", "|"} for t in head) or head[-1].is_punct:
            continue  # a kicker ("Crane disaster: prosecutor opens case") may carry a colon
        if any(t.tag_ in {"VBD", "MD", "VBN"} or t.pos_ == "AUX" for t in head):  # headlines: present tense, no auxiliaries
            continue
        tail = tokens[i:]
        if not any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in tail) or len(tail) < 8:
            continue
        inside = {t.i for t in head}
        if (
            any(t.dep_ in {"relcl", "acl"} and t.head.i in inside for t in tail)
            or (left.dep_ in {"nsubj", "nsubjpass"} and left.head.i not in inside)
            or any(t.head.i not in inside and t.dep_ in _ARGUMENTS for t in head)
        ):
            # "The reason the clerk was dismissed has not been made public": the run is the body's subject; "says no
            # matter what emergency action Mayor Tom Hale takes": a word of the run is the body's argument
            continue
        return i
    return None


# a sentence never starts with a bare numeral other than a year (style books spell it out): the split before one is the
# parser's, at a point it took for a full stop ("walked back to the gate armed with his. 38 revolver, which he keeps in a locker")
_NUMERAL_START = re.compile(r"(?!(?:1[6-9]|20)\d\d\b)\d[\d,]*\s+[A-Za-z]")


# a credit by a long title and name ("Harbor County Port Authority Director Ana Ruiz said.")
_NAMED_CREDIT = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,8}(?:said|says|added|wrote|tweeted|told reporters)\.")


def _cut_short(text: str, prev: Span, s: int, e: int) -> bool:
    """The sentence ``prev`` stops without end punctuation where the parser cut it, inside a paragraph, and the next
    (``text[s:e]``) goes on with it; a bare credit ("New York City's police chief said.") after a sentence that lost
    its comma stays a sentence of its own, whose speech verb credits the one before."""
    return (
        _UNFINISHED.search(text, prev.start, prev.end) is not None
        and "\n" not in text[prev.end : s]
        and not (_CREDIT_TAIL.fullmatch(text[s:e]) or _NAMED_CREDIT.fullmatch(text[s:e]))
    )


def credits_quote_before(before: str, text: str) -> bool:
    """``text`` only credits the quotation that ends ``before`` ("he asked.", "Mr. Fox wrote."): no new claim."""
    return bool(_QUOTE_END.search(before)) and bool(_CREDIT_TAIL.fullmatch(text))


def is_subhead(line: str) -> bool:
    """A short paragraph of its own without final punctuation: a subheading, not a sentence. A closing bracket after
    the punctuation ends a sentence too ("(The mogul puts the price tag at $8 billion.)")."""
    core = line.strip().rstrip(")]").strip("\"'“”‘’").rstrip(")]")
    return 0 < len(core.split()) <= 12 and core[-1:] not in {".", "!", "?", ":", ";", ","}


# a line ending in a verb of saying credits the paragraph below ("Jennifer Jacobs of Bloomberg News tweeted")
_CREDIT_LINE = re.compile(r"\b(?:said|says|tweeted|tweets|wrote|writes|added|adds|posted|posts|stated|states|told \w+)\W*$")


def mark_subheads(doc: Any) -> Any:
    """Before parsing: a subheading on a line of its own (:func:`is_subhead`) ends where its line ends, so the parser
    never takes it for the subject of the paragraph below ("Brave rescuers pull girl, 9, from twisted wreckage" over
    "FOURTEEN people have died ..."). Only a line that opens a paragraph and is followed by one that starts a sentence
    (a capital, a digit or a quotation mark) is cut: a paragraph broken inside a sentence stays whole."""
    start = 0
    n = len(doc)
    while start < n:
        end = start
        while end < n and "\n" not in doc[end].text and "\n" not in doc[end].whitespace_:
            end += 1
        if end >= n:
            break
        nxt = end if "\n" in doc[end].text else end + 1
        while nxt < n and doc[nxt].is_space:
            nxt += 1
        opens = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
        line = doc[start:end] if "\n" in doc[end].text else doc[start : end + 1]
        if (
            nxt < n
            and opens
            and line.text.strip()
            and is_subhead(line.text)
            and not _CREDIT_LINE.search(line.text)
            and (doc[nxt].text[:1].isupper() or doc[nxt].text[:1].isdigit() or doc[nxt].text[:1] in "\"“‘'")
        ):
            doc[nxt].is_sent_start = True
        start = nxt
    return doc


class Sentences:
    name = "sentences"
    version = 11
    requires: tuple[str, ...] = ()
    assigns = ("sentences",)

    def __call__(self, article: Article, ctx: Context) -> dict[str, list[Span]]:
        text = article.text
        out: list[Span] = []
        tag = f"{self.name}@{self.version}"
        para_start = True
        for sent in ctx.doc.sents:
            # split at newlines: a paragraph break always ends a sentence
            pieces: list[list[Any]] = [[]]
            for tok in sent:
                if "\n" in tok.text or (tok.is_space and "\n" in tok.whitespace_):
                    pieces.append([])
                    continue
                pieces[-1].append(tok)
                if "\n" in tok.whitespace_:
                    pieces.append([])
            for toks in pieces:
                toks = [t for t in toks if not t.is_space]
                if not toks:
                    para_start = True
                    continue
                starts = [0]
                if para_start:
                    cut = glued_headline_end(toks)
                    if cut is not None:
                        starts.append(cut)
                starts.append(len(toks))
                if all(t.is_punct for t in toks) and out and "\n" not in text[out[-1].end : toks[0].idx]:
                    # a stray closing quote or bracket spaCy split off: it ends the previous sentence
                    prev = out.pop()
                    out.append(Span(prev.start, toks[-1].idx + len(toks[-1].text), prev.label, tag))
                    continue
                s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                if (
                    not para_start
                    and out
                    and out[-1].label == "sentence"
                    and (
                        credits_quote_before(text[out[-1].start : out[-1].end], text[s:e])
                        or _NUMERAL_START.match(text, s) is not None
                        or _cut_short(text, out[-1], s, e)
                    )
                ):
                    prev = out.pop()
                    out.append(Span(prev.start, e, prev.label, tag))
                    para_start = bool(_PARA_END.match(text, e))
                    continue
                ends_para = bool(_PARA_END.match(text, toks[-1].idx + len(toks[-1].text)))
                for a, b in itertools.pairwise(starts):
                    part = toks[a:b]
                    s, e = part[0].idx, part[-1].idx + len(part[-1].text)
                    label = "headline" if (len(starts) > 2 and a == 0) else "sentence"
                    if para_start and ends_para and is_subhead(text[s:e]):
                        label = "headline"
                    out.append(Span(s, e, label, tag))
                para_start = bool(_PARA_END.match(text, toks[-1].idx + len(toks[-1].text)))
        return {"sentences": out}
