"""Cheap features for story assignment, computed without the spaCy reading.

- ``lead``: the title and the first sentences, embedded once (all-MiniLM, the embedder ``fuse`` uses);
- ``terms``: content words (title and lead weighted up) for TF-IDF similarity;
- ``names``: words of capitalised phrases (people, places, organisations), or the article's linked mentions when it
  has already been read;
- ``published``: the publication date, when known.

Sentences are split by a small regular expression here, not by spaCy: assignment must not wait for the reading.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ..model import Article

LEAD_SENTENCES = 3
LEAD_WORDS = 70  # the lead is embedded; the small model costs time per token
BODY_WORDS = 600  # terms are counted over the title, the lead and this many more words

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n")
_WORD = re.compile(r"[^\W_][\w'’-]*")
_CAP_PHRASE = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+(?:(?:of|de|del|la|le|van|von|al|bin|the|and|for)\s+)?[A-Z][\w'’.-]*)*")

STOP = frozenset(
    """a about above after again against all almost also although am among an and another any are around as at be because
    been before being below between both but by can could did do does doing down during each either else ever every few for
    from further had has have having he her here hers herself him himself his how however i if in into is it its itself just
    least less like made make many may me might more most much must my myself near neither no nor not now of off often on once
    one only or other others our ours ourselves out over own per perhaps rather same several she should since so some such
    than that the their theirs them themselves then there these they this those though through thus to too toward towards
    under until up upon us very via was we were what whatever when where whether which while who whom whose why will with
    within without would yet you your yours yourself yourselves said says say saying told tell according also would new
    news report reports reported reporting year years day days week weeks month months time times people percent mr mrs ms
    dr just still even back well get got go going went come came first last two three four five six seven eight nine ten
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow tonight""".split()
)


@dataclass(slots=True)
class Features:
    """What story assignment knows of one article."""

    vector: np.ndarray  # float32 (384,), unit length
    terms: dict[str, float]
    names: dict[str, float]
    published: date | None = None
    lead: str = ""
    extra: dict[str, float] = field(default_factory=dict)


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
    c: Counter[str] = Counter()
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
    """Words of capitalised phrases: ``Lindsay Lohan`` gives ``lindsay`` and ``lohan``.

    A lone capitalised word opening a sentence counts only if the text never writes it in lower case.
    """
    lower_words = {m.group() for m in _WORD.finditer(text) if m.group()[0].islower()}
    starts = {s for s, _ in sentences(text)}
    c: Counter[str] = Counter()
    for src in ([title] if title else []) + [text]:
        for m in _CAP_PHRASE.finditer(src):
            words = [w for w in m.group().split() if w[0].isupper()]
            if len(words) == 1:
                w0 = words[0]
                at_start = src is text and (m.start() in starts or m.start() == 0)
                if (at_start or src is title) and w0.lower() in lower_words:
                    continue
                if w0.isupper() and len(w0) > 5:  # SHOUTED words, not an acronym
                    continue
            for w in words:
                f = fold(w)
                if len(f) >= 2 and f not in STOP:
                    c[f] += 1.0
    return dict(c)


def mention_names(article: Article) -> dict[str, float] | None:
    """Name words from the reading's mentions, when the article has been read; else None."""
    ms = article.group("mentions")
    if not ms:
        return None
    c: Counter[str] = Counter()
    for m in ms:
        for w in str(m.attrs.get("name") or m.attrs.get("text") or article.span_text(m)).split():
            f = fold(w)
            if len(f) >= 2 and f not in STOP and w[:1].isupper():
                c[f] += 1.0
    return dict(c)


def featurize(articles: Sequence[Article], embed: Callable[[list[str]], np.ndarray]) -> list[Features]:
    """Features of each article; ``embed`` maps texts to unit vectors (one batched call)."""
    leads = [lead_of(a) for a in articles]
    vectors = embed(leads) if articles else np.zeros((0, 384), dtype=np.float32)
    out = []
    for a, lead, v in zip(articles, leads, vectors, strict=True):
        names = mention_names(a)
        if names is None:
            names = capitalised_names(a.text, a.meta.title)
        out.append(Features(np.asarray(v, dtype=np.float32), term_counts(a, lead), names, a.meta.published, lead))
    return out


def default_embed(texts: list[str]) -> np.ndarray:
    from ..fuse.embed import embedder

    return embedder().embed(texts)
