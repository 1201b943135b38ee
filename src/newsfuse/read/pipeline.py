"""The reading pipeline: stages assembled in order, checked when built, run over batches of articles.

One spaCy pass per article (``nlp.pipe`` over the batch); each stage then computes from the parsed document and
returns spans that the pipeline writes. An article whose reading fails is isolated and reported; the batch goes on.
After the batch, mentions are linked across articles into entities and each quote gets its speaker entity.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from ..errors import PipelineError
from ..model import Article, Entity, Rejected
from ..settings import Settings
from .base import Context, Stage, tag
from .entities import Mentions, describe_key, description_map, fold, link_entities
from .nlp import load_spacy
from .numbers import NUMBER_WORDS
from .quantities import Quantities
from .quotes import Quotes
from .sentences import Sentences, mark_subheads
from .statements import Statements
from .times import MONTHS, WEEKDAYS, Times


def default_stages() -> list[Stage]:
    return [Sentences(), Statements(), Mentions(), Quotes(), Quantities(), Times()]


@dataclass(slots=True)
class ReadResult:
    articles: list[Article]
    entities: list[Entity]
    rejected: list[Rejected] = field(default_factory=list)


class Pipeline:
    def __init__(self, settings: Settings | None = None, stages: Sequence[Stage] | None = None) -> None:
        self.settings = settings or Settings.load()
        self.stages = list(stages) if stages is not None else default_stages()
        have: set[str] = set()
        for st in self.stages:
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise PipelineError(f"stage {tag(st)} needs {', '.join(missing)}, which no earlier stage assigns")
            have.update(st.assigns)
        self._nlp = None

    @property
    def nlp(self):  # type: ignore[no-untyped-def]
        if self._nlp is None:
            self._nlp = load_spacy(self.settings.spacy_model)
        return self._nlp

    def _parse(self, articles: Sequence[Article], rejected: list[Rejected]) -> Iterator[Any]:
        """The parsed documents, streamed in batches; when the parser fails inside a batch, the rest one article at a
        time (None for an article it cannot parse, reported in ``rejected``)."""
        done = 0
        try:
            docs = (mark_subheads(self.nlp.make_doc(a.text)) for a in articles)
            for doc in self.nlp.pipe(docs, batch_size=self.settings.batch_size):
                yield doc
                done += 1
        except Exception:
            yield from _parse_each(self.nlp, articles[done:], rejected)

    def read(self, articles: Sequence[Article], story_dates: Mapping[str, date] | None = None) -> ReadResult:
        """Read every article (in place) and link entities across them. ``story_dates`` gives, by article id, the
        date of the story an article belongs to when the batch is not one whole story (reading from a store); an
        undated article is read against it. Without it, the batch is taken to be the story."""
        refs = reference_dates(articles, story_dates)
        ok: list[Article] = []
        rejected: list[Rejected] = []
        limit = self.nlp.max_length
        for a in articles:
            if len(a.text) > limit:
                rejected.append(
                    Rejected(a.origin or a.source_id, f"too long to read: {len(a.text)} characters (the parser's limit is {limit})")
                )
        readable = [a for a in articles if len(a.text) <= limit]
        for a, doc in zip(readable, self._parse(readable, rejected), strict=True):
            if doc is None:
                continue
            entities_within_lines(doc)
            numbers_named_otherwise(doc)
            ref, basis = refs[a.id]
            ctx = Context(doc=doc, reference=ref, reference_basis=basis)
            current = "start"
            try:
                for st in self.stages:
                    current = tag(st)
                    produced = st(a, ctx)
                    for group, spans in produced.items():
                        a.set_spans(group, spans)
                    a.stages.append(tag(st))
            except Exception as e:  # isolate the article, keep the batch
                rejected.append(
                    Rejected(
                        a.origin or a.source_id,
                        f"reading failed in stage {current}: {type(e).__name__}: {e}",
                    )
                )
                continue
            if a.meta.title is None:
                heads = [sp for sp in a.group("sentences")[:1] if sp.label == "headline"]
                if heads:  # a headline glued to the first paragraph, split off by the sentences stage
                    a.meta.title = a.span_text(heads[0])
            if basis != "published":
                a.meta.extra["reference_date"] = ref.isoformat() if ref else None
                a.meta.extra["reference_basis"] = basis
            ok.append(a)
        entities = link_entities(ok)
        attach_speakers(ok)
        return ReadResult(ok, entities, rejected)


def entities_within_lines(doc: Any) -> None:
    """Cut the model's entities at line breaks: a headline's last words and the next line's first are no one name,
    date or count ("escorted out 10 minutes earlier" + a line opening "Minutes after ..."). The longest part is kept
    (the first of equals); an entity with no words left is dropped."""
    from spacy.tokens import Span as SpacySpan

    ents = []
    changed = False
    for ent in doc.ents:
        a, b = ent.start, ent.end
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1  # a line break the model took into a name at its edge (a subheading's last word, cut off)
        if (a, b) != (ent.start, ent.end):
            changed = True
            if a == b:
                continue
            ent = SpacySpan(doc, a, b, label=ent.label_)
        if "\n" not in ent.text.strip():
            ents.append(ent)
            continue
        changed = True
        parts: list[list[Any]] = [[]]
        for t in ent:
            if "\n" in t.text or "\n" in t.whitespace_:
                if t.text.strip():
                    parts[-1].append(t)
                parts.append([])
            else:
                parts[-1].append(t)
        words = [p for p in parts if any(c.isalnum() for t in p for c in t.text)]
        if words:
            best = max(words, key=len)
            ents.append(SpacySpan(doc, best[0].i, best[-1].i + 1, label=ent.label_))
    if changed:
        doc.ents = ents


_PER_CENT = re.compile(r".*\d\s*(?:per\s*cent|percent|%)", re.I)


def numbers_named_otherwise(doc: Any) -> None:
    """Numbers the model labelled wrongly: a number word in capitals it took for a name ("TWELVE people", tagged ORG)
    is a CARDINAL, read like any other count; a share it took for a sum or a count ("87 per cent", tagged MONEY) is a
    PERCENT."""
    from spacy.tokens import Span as SpacySpan

    def label(e: Any) -> str:
        if len(e) == 1 and e[0].is_upper and e[0].lower_ in NUMBER_WORDS:
            return "CARDINAL"
        if e.label_ in {"MONEY", "CARDINAL", "QUANTITY"} and _PER_CENT.fullmatch(e.text):
            return "PERCENT"
        return str(e.label_)

    ents = list(doc.ents)
    if any(label(e) != e.label_ for e in ents):
        doc.ents = [e if label(e) == e.label_ else SpacySpan(doc, e.start, e.end, label=label(e)) for e in ents]


def _parse_each(nlp: Any, articles: Sequence[Article], rejected: list[Rejected]) -> Iterator[Any]:
    """One text at a time, so that the parser failing on one article fails that article only."""
    for a in articles:
        try:
            yield nlp(mark_subheads(nlp.make_doc(a.text)))
        except Exception as e:  # the parser's own error on one odd text
            rejected.append(Rejected(a.origin or a.source_id, f"reading failed in the parser: {type(e).__name__}: {e}"))
            yield None


DATELINE_REACH = 45  # days from the story's date within which a dateline's month and day take its year


def reference_dates(articles: Sequence[Article], story_dates: Mapping[str, date] | None = None) -> dict[str, tuple[date | None, str]]:
    """Each article's reference date: its own publication date; else the day its dateline gives ("April 29 (UPI) —",
    marked "dateline"), in the year that puts it nearest its story's date; else that date (marked "story"). The story's
    date is ``story_dates[article id]`` when they are given (a batch from a store may hold several stories: an article
    whose story has no date has none, never a neighbour's), else the median of the batch's dates."""
    known = sorted(a.meta.published for a in articles if a.meta.published)
    batch = statistics.median_low(known) if known else None
    # a batch with no date at all (pasted texts): the days its texts pin down ("Tuesday, March 10" in a story that
    # names 2026), each article read against them as if written a few days after (:func:`text_anchor`)
    pinned = text_anchor([a.text for a in articles]) if batch is None and story_dates is None else None
    out: dict[str, tuple[date | None, str]] = {}
    for a in articles:
        if a.meta.published:
            out[a.id] = (a.meta.published, "published")
            continue
        story = batch if story_dates is None else story_dates.get(a.id)  # given: an article's own story's date or none
        day = _dateline_in(str(a.meta.extra.get("dateline_day") or ""), story)
        if day is None and story is None and pinned is not None:
            out[a.id] = (pinned, "text")
            continue
        out[a.id] = (day, "dateline") if day else (story, "story" if story else "none")
    return out


_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b\.?"
)  # a month's whole name or its abbreviation: not "3 separate blasts"
_WEEKDAY = "(" + "|".join(WEEKDAYS) + ")"
# a weekday written with the month and day it falls on: "Tuesday, March 10", "Monday (December 23)", "Thursday 3 September"
_WEEKDAY_DATE = re.compile(
    rf"\b{_WEEKDAY},?\s*\(?\s*(?:{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH})", re.I
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_YEAR_AFTER = re.compile(r",?\s*(19[5-9]\d|20\d\d)\b")  # the year written right after a month and day
TEXT_ANCHOR_AFTER = 3  # days after the latest pinned day an undated batch is read as written
TEXT_ANCHOR_YEARS = 3  # years either side of one the texts name in which a weekday may pin its date (a story of 2026
# that names only 2024, a past year); within that a date falls on a given weekday once or twice
TEXT_ANCHOR_SPREAD = 7  # pinned days further than this after the middle one are plans, not the story's days


def _weekday_date(m: re.Match[str]) -> tuple[int, int, int]:
    """The weekday (Monday 0), month and day a :data:`_WEEKDAY_DATE` match gives."""
    return WEEKDAYS.index(m.group(1).lower()), MONTHS[(m.group(2) or m.group(5)).lower()], int(m.group(3) or m.group(4))


def text_anchor(texts: Sequence[str]) -> date | None:
    """The day a batch of undated texts reads as written on: each weekday written with its month and day ("Tuesday,
    March 10") pins that day to a year, among those the texts name (and the few years around them), in which it falls
    on that weekday (when several fit: the one nearest a weekday date written with its year, "Wednesday, October 15,
    2025", if any; else the one fewest mentions of years come after, then the one nearest the year named most); the
    latest pinned day (not a plan far beyond the others) plus :data:`TEXT_ANCHOR_AFTER`
    days, so that "Wednesday" after a Tuesday, March 10 is March 11. None when nothing is pinned."""
    named = [int(y) for t in texts for y in _YEAR.findall(t)]
    if not named:
        return None
    # of several fits (March 10 was a Tuesday in 1959 and in 2026), the one nearest the year named most (the latest of
    # those named as often), after the fewest years named
    usual = max(set(named), key=lambda y: (named.count(y), y))
    candidates = {y + d for y in set(named) for d in range(-TEXT_ANCHOR_YEARS, TEXT_ANCHOR_YEARS + 1)}
    pinned: set[date] = set()
    found = [m for t in texts for m in _WEEKDAY_DATE.finditer(t)]
    # a weekday date with its year written ("Wednesday, October 15, 2025"): that day, and the year the others are read in
    written: set[date] = set()
    for m in found:
        weekday, month, day = _weekday_date(m)
        year = _YEAR_AFTER.match(m.string, m.end())
        if year is None:
            continue
        try:
            d = date(int(year.group(1)), month, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            written.add(d)
    for m in found:
        weekday, month, day = _weekday_date(m)
        fits = []
        for y in sorted(candidates):
            try:
                d = date(y, month, day)
            except ValueError:
                continue
            if d.weekday() == weekday:
                fits.append(d)
        if fits and written:
            pinned.add(min(fits, key=lambda d: (min(abs((d - w).days) for w in written), d)))  # near a day in full
        elif fits:
            # a story names years mostly before its own ("the 2023 agreement", "the last strike, in 2011"): the fit
            # fewest named years come after, then the one nearest the year named most
            pinned.add(min(fits, key=lambda d: (sum(y > d.year for y in named), abs(d.year - usual), -d.year)))
    if not pinned:
        return None
    days = sorted(pinned)
    middle = statistics.median_low(days)
    latest = max(d for d in days if (d - middle).days <= TEXT_ANCHOR_SPREAD)
    return latest + timedelta(days=TEXT_ANCHOR_AFTER)


def _dateline_in(month_day: str, story: date | None) -> date | None:
    """A dateline's "MM-DD" in the year nearest ``story`` (None without a story date, or when it is far from it)."""
    parts = month_day.split("-")
    if story is None or len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None  # no year to give it, or no month and day (a record written by something else)
    month, day = int(parts[0]), int(parts[1])
    options = []
    for year in (story.year - 1, story.year, story.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue  # February 29 of a year that has none
    best = min(options, key=lambda d: abs((d - story).days), default=None)
    return best if best is not None and abs((best - story).days) <= DATELINE_REACH else None


def attach_speakers(articles: Sequence[Article]) -> None:
    """Map each quote's article-local speaker name to the run's entity (via the linked mentions)."""
    described = description_map(articles)
    written: dict[str, set[tuple[str, str]]] = defaultdict(set)  # a name as written anywhere in the run -> entities
    for a in articles:
        for m in a.group("mentions"):
            if "entity" in m.attrs:
                written[fold(str(m.attrs.get("text", "")))].add((m.attrs["entity"], m.attrs["name"]))
    for a in articles:
        by_local: dict[str, tuple[str, str]] = {}
        for m in a.group("mentions"):
            local = m.attrs.get("local", m.attrs.get("text"))
            if "entity" in m.attrs and local:
                by_local.setdefault(local, (m.attrs["entity"], m.attrs["name"]))
        spans_at = {(m.start, m.end): m for m in a.group("mentions")}
        new = []
        for q in a.group("quotes"):
            ent = name = None
            local = q.attrs.get("local_name")
            sp = q.attrs.get("speaker")
            if q.attrs.get("speaker_kind") == "name" and sp and tuple(sp) in spans_at:
                m = spans_at[tuple(sp)]
                ent, name = m.attrs.get("entity"), m.attrs.get("name")
            elif local and local in by_local:
                ent, name = by_local[local]
            elif q.attrs.get("speaker_kind") == "name" and len(written.get(fold(str(local or "")), ())) == 1:
                # a name the model did not tag here ("Kestrel Point Terminals, known locally as KPT, said") but the
                # run writes the same way elsewhere, always for one entity
                ent, name = next(iter(written[fold(str(local))]))
            elif q.attrs.get("speaker_kind") in {"pronoun", "description"} and local:
                # "they" for a group the article described ("law enforcement officials ... they acknowledged"), the
                # authors of a document ("the letter says" after "90 faculty members sent a letter")
                ent, name = described.get(describe_key(str(local)), (None, local))
            elif q.attrs.get("speaker_kind") == "description" and q.attrs.get("speaker_text"):
                # "South Korea's spy agency said": the entity a text of the run equated with that description
                ent, name = described.get(describe_key(str(q.attrs["speaker_text"])), (None, None))
            if name is None and q.attrs.get("speaker_kind") != "pronoun":
                name = q.attrs.get("speaker_text")  # a description ("early estimates"); an unresolved "she" names no one
            co = [by_local[c][0] for c in q.attrs.get("co_speakers", []) if c in by_local]
            new.append(replace(q, attrs={**q.attrs, "entity": ent, "name": name, "co_entities": co}))
        a.spans["quotes"] = new
