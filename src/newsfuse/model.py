"""The records every stage shares.

One central record, :class:`Article`, carries the input as read, the cleaned text (the input's own characters, only
deletions), metadata, the passages removed while cleaning, and named groups of :class:`Span` over the cleaned text.
Cross-article objects (:class:`Entity`, :class:`Fact`, :class:`Discrepancy`) refer to spans by
:class:`Evidence` (article id, start, end) and never own text except for display.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

SPAN_GROUPS = ("sentences", "statements", "mentions", "quotes", "quantities", "times")


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character range ``[start, end)`` of an article's cleaned text, made by one stage."""

    start: int
    end: int
    label: str
    stage: str
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True, slots=True)
class Removal:
    """A passage cut from the raw input while cleaning: ``raw[start:end] == text``."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(slots=True)
class Meta:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    wire: str | None = None
    language: str | None = None
    author: str | None = None
    kind: str | None = None  # input kind that produced it: text, json, html, ...
    extra: dict[str, Any] = field(default_factory=dict)

    def fields(self) -> dict[str, Any]:
        """The named metadata as plain JSON values (the date as ISO text); ``extra`` is left to the caller."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "wire": self.wire,
            "language": self.language,
            "author": self.author,
            "kind": self.kind,
        }


def content_id(text: str, source: str = "") -> str:
    """A stable id from the cleaned text and where it came from: re-ingesting the same input gives the same id."""
    h = hashlib.sha256()
    h.update(source.encode("utf-8"))
    h.update(b"\x00")
    h.update(text.encode("utf-8"))
    return h.hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One report, annotated in place by the reading stages.

    ``text`` is ``raw`` with the ``removed`` passages deleted; ``offsets`` maps text positions back to raw positions
    as a list of ``(text_start, raw_start, length)`` runs.
    """

    source_id: str
    raw: str
    text: str
    meta: Meta
    removed: list[Removal] = field(default_factory=list)
    offsets: list[tuple[int, int, int]] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)
    origin: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text, self.meta.url or self.source_id)

    def span_text(self, span: Span | tuple[int, int]) -> str:
        if isinstance(span, Span):
            return self.text[span.start : span.end]
        return self.text[span[0] : span[1]]

    def group(self, name: str) -> list[Span]:
        return self.spans.get(name, [])

    def set_spans(self, name: str, spans: Iterable[Span]) -> None:
        items = sorted(spans, key=lambda s: (s.start, s.end))
        n = len(self.text)
        for s in items:
            if s.end > n:
                raise ValueError(f"span {s.start}..{s.end} past the end of article {self.source_id} ({n} chars)")
        self.spans[name] = items

    def sentence_of(self, pos: int) -> Span | None:
        for s in self.group("sentences"):
            if s.start <= pos < s.end:
                return s
        return None

    def covering(self, name: str, start: int, end: int) -> Iterator[Span]:
        for s in self.group(name):
            if s.start < end and start < s.end:
                yield s

    def raw_offset(self, pos: int) -> int:
        """Position in ``raw`` of the cleaned-text position ``pos``."""
        for t0, r0, length in self.offsets:
            if t0 <= pos < t0 + length:
                return r0 + (pos - t0)
        if self.offsets:
            t0, r0, length = self.offsets[-1]
            return r0 + length
        return pos


@dataclass(frozen=True, slots=True)
class Evidence:
    """An exact span of one article's cleaned text."""

    article: str  # Article.id
    source: str  # Article.source_id (what reports show)
    start: int
    end: int
    text: str
    speaker: str | None = None  # whom this source credits these words to, when it names someone
    loose: bool = False  # only loosely alike to every other source's report of the fact: it may say something else

    @classmethod
    def of(cls, article: Article, start: int, end: int, speaker: str | None = None) -> Evidence:
        return cls(article.id, article.source_id, start, end, article.text[start:end], speaker)


@dataclass(slots=True)
class Entity:
    """One real-world referent with every surface form used for it across the run."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    mentions: int = 0


@dataclass(slots=True)
class Quote:
    """Who said what, as read in one article (direct or reported)."""

    source: str
    speaker: str  # canonical entity name, or the surface description when unresolved
    speaker_entity: str | None
    content: Evidence
    cue: str
    direct: bool


@dataclass(slots=True)
class Fact:
    id: str
    text: str
    evidence: list[Evidence]
    sources: list[str]
    independent_sources: int
    status: str
    speakers: list[str] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    score: float = 0.0
    kind: str = "fact"  # or "detail": a phrase several sources write (fuse.details); "profile": how they describe a person
    detail: Evidence | None = None  # for a detail: the phrase, copied from the first evidence span's article
    phrases: list[Evidence] = field(default_factory=list)  # for a detail: each source's own words for it, one per source
    subject: str | None = None  # for a profile: the person described (an entity name)


@dataclass(slots=True)
class Variant:
    value: str
    sources: list[str]
    evidence: list[Evidence]


@dataclass(slots=True)
class Discrepancy:
    id: str
    kind: str
    summary: str
    variants: list[Variant]
    facts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TimelineEntry:
    date: str
    precision: str
    text: str
    sources: list[str]
    facts: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    disputed: bool = False
    when: list[Evidence] = field(default_factory=list)  # the words that give the date ("the previous day")


@dataclass(slots=True)
class Rejected:
    """An input that could not be read, and why."""

    input: str
    reason: str


@dataclass(slots=True)
class Brief:
    title: str
    articles: list[Article]
    facts: list[Fact]
    discrepancies: list[Discrepancy]
    quotes: list[Quote]
    entities: list[Entity]
    timeline: list[TimelineEntry]
    headline_facts: list[str]
    derived_from: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (input, what to know): read, but with a caveat
