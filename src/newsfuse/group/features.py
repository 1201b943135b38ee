"""Cheap features for story assignment, computed without the spaCy reading.

- ``lead``: the title and the first sentences, embedded once (all-MiniLM, the embedder ``fuse`` uses);
- ``terms``: content words (title and lead weighted up) for TF-IDF similarity;
- ``names``: words of capitalised phrases (people, places, organisations). Always these, never the reading's
  mentions, so that an article gets the same features whether or not it was read first;
- ``published``: the publication date, when known.

Sentences are split by a small regular expression here, not by spaCy: assignment must not wait for the reading.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np

from ..model import Article

LEAD_SENTENCES = 3
LEAD_WORDS = 50  # the lead is embedded; the small model costs time per token
BODY_WORDS = 600  # terms are counted over the title, the lead and this many more words

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n")
_WORD = re.compile(r"[^\W_][\w'’-]*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*(?:-\d+)?(?![\w])")
_CAP_PHRASE = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+(?:(?:of|de|del|la|le|van|von|al|bin|the|and|for)\s+)?[A-Z][\w'’.-]*)*")

_STOP_WORDS = """
a about above after again against all almost also although am among an and another any are around as at be because
been before being below between both but by can could did do does doing down during each either else ever every few
for from further had has have having he her here hers herself him himself his how however i if in into is it its
itself just least less like made make many may me might more most much must my myself near neither no nor not now of
off often on once one only or other others our ours ourselves out over own per perhaps rather same several she
should since so some such than that the their theirs them themselves then there these they this those though through
thus to too toward towards under until up upon us very via was we were what whatever when where whether which while
who whom whose why will with within without would yet you your yours yourself yourselves said says say saying told
tell according also would new news report reports reported reporting year years day days week weeks month months
time times people percent mr mrs ms dr just still even back well get got go going went come came first last two
three four five six seven eight nine ten monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
today yesterday tomorrow tonight
"""
STOP = frozenset(_STOP_WORDS.split())


@dataclass(slots=True)
class Features:
    """What story assignment knows of one article."""

    vector: np.ndarray  # float32 (384,), unit length
    terms: dict[str, float]
    names: dict[str, float]
    published: date | None = None
    lead: str = ""
    extra: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case, no diacritics, no possessive, plural folded (crude): the key words are compared by."""
    w = unicodedata.normalize("NFKD", word)
    w = "".join(c for c in w if not unicodedata.combining(c)).lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-.")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges by punctuation and blank lines (no model)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if text[start : m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def lead_of(article: Article, n_sentences: int = LEAD_SENTENCES, max_words: int = LEAD_WORDS) -> str:
    """Title and the first sentences, capped at ``max_words`` words."""
    parts: list[str] = []
    if article.meta.title:
        parts.append(article.meta.title.strip().rstrip(".") + ".")
    for s, e in sentences(article.text)[:n_sentences]:
        parts.append(" ".join(article.text[s:e].split()))
    words = " ".join(parts).split()
    return " ".join(words[:max_words])


def content_words(text: str) -> list[str]:
    out = []
    for m in _WORD.finditer(text):
        w = fold(m.group())
        if len(w) >= 3 and w not in STOP and not w.isdigit():
            out.append(w)
    return out


def term_counts(article: Article, lead: str) -> dict[str, float]:
    c: dict[str, float] = defaultdict(float)
    if article.meta.title:
        for w in content_words(article.meta.title):
            c[w] += 2.0
    for w in content_words(lead):
        c[w] += 1.0
    body = " ".join(article.text.split()[:BODY_WORDS])
    for w in content_words(body):
        c[w] += 1.0
    return dict(c)


def capitalised_names(text: str, title: str | None = None) -> dict[str, float]:
    """Words of capitalised phrases and numbers, weighted by where they stand (title 3, lead 2, body 1).

    ``Lindsay Lohan`` gives ``lindsay`` and ``lohan``; ``6.1`` gives ``#6.1``. In the title (often in title case) and
    at the start of a sentence, a capitalised word counts only if the text never writes it in lower case.
    """
    lower_words = {m.group().lower() for m in _WORD.finditer(text) if m.group()[0].islower()}
    sents = sentences(text)
    starts = {s for s, _ in sents}
    lead_end = sents[min(LEAD_SENTENCES, len(sents)) - 1][1] if sents else 0
    c: dict[str, float] = defaultdict(float)
    for src, is_title in ([(title, True)] if title else []) + [(text, False)]:
        for m in _CAP_PHRASE.finditer(src):
            weight = 3.0 if is_title else (2.0 if m.start() < lead_end else 1.0)
            words = [(i, w) for i, w in enumerate(m.group().split()) if w[0].isupper()]
            for i, w in words:
                if (is_title or (i == 0 and m.start() in starts)) and w.lower() in lower_words:
                    continue
                if len(words) == 1 and w.isupper() and len(w) > 5:  # a SHOUTED word, not an acronym
                    continue
                f = fold(w)
                if len(f) >= 2 and f not in STOP:
                    c[f] += weight
        for m in _NUMBER.finditer(src):
            num = m.group().replace(",", "")
            if num not in {"0", "1", "2"}:
                c["#" + num] += 3.0 if is_title else (2.0 if m.start() < lead_end else 1.0)
    return dict(c)


def featurize(articles: Sequence[Article], embed: Callable[[list[str]], np.ndarray]) -> list[Features]:
    """Features of each article; ``embed`` maps texts to unit vectors (one batched call)."""
    leads = [lead_of(a) for a in articles]
    vectors = embed(leads) if articles else np.zeros((0, 384), dtype=np.float32)
    out = []
    for a, lead, v in zip(articles, leads, vectors, strict=True):
        names = capitalised_names(a.text, a.meta.title)
        out.append(Features(np.asarray(v, dtype=np.float32), term_counts(a, lead), names, a.meta.published, lead))
    return out


def default_embed(texts: list[str]) -> np.ndarray:
    from ..fuse.embed import embedder

    return embedder().embed(texts)
