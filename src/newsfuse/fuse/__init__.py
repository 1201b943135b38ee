"""Fuse: read articles of one story into a :class:`~newsfuse.model.Brief`.

statements -> embeddings -> facts (align) -> independence -> discrepancies -> status, rank -> timeline. Every piece of
text in the brief is an :class:`~newsfuse.model.Evidence` span copied from a source; labels are templates.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ..model import Article, Brief, Discrepancy, Entity, Evidence, Fact, Quote, TimelineEntry
from ..settings import Settings
from . import discrepancies as disagree
from . import measures
from .align import align, specific_similarity
from .details import age_details, count_details, shared_details
from .independence import derived_links, independent_count, joined, outlet_of, same_outlet_links
from .magnitudes import magnitude_disagreements
from .misquotes import credit_disagreements, quote_disagreements
from .profiles import profiles
from .statements import Statement, gather, named_speaker, spaced


def _id(prefix: str, *parts: str) -> str:
    """A content hash of a set of parts (member spans, a kind): the same members give the same id, in whatever order
    the articles were given."""
    return prefix + hashlib.sha1("\x00".join(sorted(parts)).encode()).hexdigest()[:8]


def _ev(st: Statement) -> Evidence:
    return Evidence.of(st.article, st.start, st.end, named_speaker(st))


# a member whose closest report of the fact from another source is less alike than this may report something else: of
# the members of the labelled stories (tests/quality/gold_pairs), 77% of those under 0.5 had no partner a reader judged
# to report the same fact, against 7% of those at 0.8 or more
LOOSE_MEMBER = 0.5


def _cross_source_sims(sts: Sequence[Statement], vectors: np.ndarray) -> np.ndarray:
    """The meaning similarity of every two of the fact's members, NaN for two of one source."""
    m = vectors[[s.idx for s in sts]]
    same = np.array([[a.source == b.source for b in sts] for a in sts], dtype=bool).reshape(len(sts), len(sts))
    return np.where(same, np.nan, m @ m.T)


def _evidence(sts: Sequence[Statement], vectors: np.ndarray) -> list[Evidence]:
    """The fact's spans, by source, each marked ``loose`` when it is only loosely alike to every other source's."""
    ordered = sorted(sts, key=lambda s: (s.source, s.start))
    sims = _cross_source_sims(ordered, vectors)
    out = []
    for k, s in enumerate(ordered):
        row = sims[k][~np.isnan(sims[k])]
        out.append(replace(_ev(s), loose=True) if row.size and float(row.max()) < LOOSE_MEMBER else _ev(s))
    return out


def _not_within_others(facts: list[Fact], members_of: dict[str, list[Statement]], disputed: set[str]) -> list[Fact]:
    """The facts less those whose every statement lies within a statement of one other fact of the same sources:
    the quoted words of a sentence ("Every crane will be examined") grouped apart from the sentences that carry them,
    which another fact gathers. Such a fact says nothing its wider one does not. One of fewer sources is kept (it says
    who gives that part of the sentence), and so is one a disagreement names: it is where the disagreement is."""
    by_article: dict[str, list[tuple[int, int, Fact]]] = defaultdict(list)
    for f in facts:
        for s in members_of[f.id]:
            by_article[s.article.id].append((s.start, s.end, f))

    def within_one(f: Fact) -> bool:
        holders: set[str] | None = None
        for s in members_of[f.id]:
            wider = {
                g.id
                for lo, hi, g in by_article[s.article.id]
                if g is not f and g.sources == f.sources and lo <= s.start and s.end <= hi and (lo, hi) != (s.start, s.end)
            }
            holders = wider if holders is None else holders & wider
            if not holders:
                return False
        return bool(holders)

    return [f for f in facts if f.id in disputed or not within_one(f)]


def fuse(articles: Sequence[Article], entities: Sequence[Entity], settings: Settings | None = None) -> Brief:
    settings = settings or Settings.load()
    # statements in the order of the articles' content-hash ids: ties among equally close statements (wire copies)
    # break the same way whatever order the articles came in, so the facts and their ids do not depend on it
    statements = gather(sorted(articles, key=lambda a: a.id))
    vectors = _embed(statements)
    args = (statements, vectors, settings.fact_threshold, settings.paraphrase_threshold)
    specific = specific_similarity(statements, vectors @ vectors.T) if statements else np.zeros((0, 0))
    clusters = align(*args, lexical_weight=settings.lexical_weight, specific_sims=specific)
    # disagreements are looked for among statements grouped by meaning only: two reports that differ on a number share
    # fewer specific words than two that agree, so the fact grouping would part them
    slots = align(*args, lexical_weight=settings.lexical_weight, specific=False)
    derived = derived_links(statements, settings.copy_min_shared)
    # what counts once: sources reusing each other's text, and one outlet's several articles
    links = joined(derived, same_outlet_links({a.source_id: outlet_of(a) for a in articles}))
    centroid = vectors.mean(axis=0) if len(vectors) else np.zeros(384)
    facts: list[Fact] = []
    members_of: dict[str, list[Statement]] = {}
    for cl in _useful(clusters, statements):
        sts = [statements[i] for i in cl]
        rep = _representatives(sts, vectors[cl])[0]
        fid = _id("f-", *(f"{s.article.id}:{s.start}:{s.end}" for s in sts))
        sources = sorted({s.source for s in sts})
        speakers = _fact_speakers(sts, rep)
        fact = Fact(
            id=fid,
            text=rep.text,
            evidence=_evidence(sts, vectors),
            sources=sources,
            independent_sources=independent_count(sources, links),
            status="corroborated",
            speakers=speakers,
        )
        fact.status = "corroborated" if fact.independent_sources >= 2 else "single_source"
        mean = vectors[cl].mean(axis=0)
        fact.score = _score(
            fact, float(mean @ centroid / (np.linalg.norm(mean) * np.linalg.norm(centroid) + 1e-9)), _cohesion(sts, vectors)
        )
        facts.append(fact)
        members_of[fid] = sts
    persons = {e.id: e.name for e in entities if e.type == "PERSON"}
    discrepancies = _disagreements(slots, statements, vectors, specific, members_of, persons)
    disagree.complete_counts(discrepancies, statements, vectors)
    disagree.complete_dates(discrepancies, statements, vectors)
    disputed = {fid for d in discrepancies for fid in d.facts}
    for fact in facts:
        if fact.id in disputed:
            fact.status = "disputed"
    facts = _not_within_others(facts, members_of, disputed)
    facts.sort(key=lambda f: (-f.score, f.id))
    _distinct_texts(facts, members_of, vectors)
    _shown_speaker_first(facts, members_of)
    headline = _headlines(facts, members_of, vectors, settings.headline_facts)
    timeline = build_timeline(facts, members_of, [d for d in discrepancies if d.kind == "date"])
    facts += _details(statements, facts, links, persons)
    facts += _profiles(articles, persons, links)
    return Brief(
        title=_title(articles, facts),
        articles=list(articles),
        facts=facts,
        discrepancies=discrepancies,
        quotes=collect_quotes(articles),
        entities=list(entities),
        timeline=timeline,
        headline_facts=headline,
        derived_from=derived,
    )


def _profiles(articles: Sequence[Article], persons: dict[str, str], links: dict[str, list[tuple[str, int]]]) -> list[Fact]:
    """How the sources describe each person (:mod:`.profiles`), as facts of their own kind after the details."""
    out = []
    for p in profiles(articles, persons):
        evidence = [e for src in p.sources for e in p.phrases[src]]
        n = independent_count(p.sources, links)
        out.append(
            Fact(
                id=_id("p-", p.entity, *(f"{e.article}:{e.start}:{e.end}" for e in evidence)),
                text=evidence[0].text,
                evidence=evidence,
                sources=p.sources,
                independent_sources=n,
                status="corroborated" if n >= 2 else "single_source",
                kind="profile",
                subject=p.name,
            )
        )
    return out


def _fact_speakers(sts: Sequence[Statement], rep: Statement) -> list[str]:
    """Who a fact's statements credit, as a reader should see them: the speaker of the sentence shown first, then the
    most often credited (a clause grouped in from another sentence brings its speaker last)."""
    credited = Counter(str(s.speaker) for s in sts if s.speaker and _named_speaker(s))
    return sorted(credited, key=lambda name: (name != rep.speaker, -credited[name], name))


def _shown_speaker_first(facts: Sequence[Fact], members_of: dict[str, list[Statement]]) -> None:
    """Order each fact's speakers again once its shown sentence is final (:func:`_distinct_texts` may change it)."""
    for fact in facts:
        shown = next((s for s in members_of[fact.id] if s.text == fact.text), None)
        if shown is not None:
            fact.speakers = _fact_speakers(members_of[fact.id], shown)


def _named_speaker(st: Statement) -> bool:
    """``st`` credits someone a reader can name (:func:`~newsfuse.fuse.statements.named_speaker`)."""
    return named_speaker(st) is not None


def _details(
    statements: Sequence[Statement], facts: Sequence[Fact], links: dict[str, list[tuple[str, int]]], persons: dict[str, str]
) -> list[Fact]:
    """Shared details (:mod:`.details`), ages and counts as facts of their own kind, after the facts, the most widely
    reported first."""
    out = []
    held = [(f.sources, {(e.article, e.start, e.end) for e in f.evidence}) for f in facts]
    shown: list[dict[str, tuple[str, int, int]]] = []  # each kept detail's words, by source

    def said_already(words: dict[str, tuple[str, int, int]]) -> bool:
        """A detail already kept has the same sources, and each writes this one within or across its words ("four
        dockworkers" of "left four dockworkers dead and seven injured"). One of fewer sources is kept: it says who
        gives this particular wording or count."""
        return any(
            kept.keys() == words.keys()
            and all(kept[src][0] == art and lo < kept[src][2] and kept[src][1] < hi for src, (art, lo, hi) in words.items())
            for kept in shown
        )

    for d in shared_details(statements, held) + age_details(statements, persons, held) + count_details(statements, held):
        sources = d.sources
        rep = d.members[0]
        words = {m.source: (m.article.id, *span) for m, span in zip(d.members, d.spans, strict=True)}
        if said_already(words):
            continue
        shown.append(words)
        n = independent_count(sources, links)
        out.append(
            Fact(
                # the phrase too: a count and a phrase of the same sentences are two details
                id=_id("dt-", f"{rep.article.id}@{d.phrase[0]}:{d.phrase[1]}", *(f"{s.article.id}:{s.start}:{s.end}" for s in d.members)),
                text=rep.text,
                evidence=[_ev(s) for s in d.members],
                sources=sources,
                independent_sources=n,
                status="corroborated" if n >= 2 else "single_source",
                speakers=sorted({s.speaker for s in d.members if s.speaker and _named_speaker(s)}),
                kind="detail",
                detail=Evidence.of(rep.article, *d.phrase),
                phrases=[Evidence.of(m.article, *span) for m, span in zip(d.members, d.spans, strict=True)],
            )
        )
    out.sort(key=lambda f: (-f.independent_sources, -len(f.sources)))  # the most widely reported first (a stable sort)
    return out


def _disagreements(
    slots: list[list[int]],
    statements: Sequence[Statement],
    vectors: np.ndarray,
    specific: np.ndarray,
    members_of: dict[str, list[Statement]],
    persons: dict[str, str],
) -> list[Discrepancy]:
    """Disagreements within and across the meaning-only groups (counts, dates, credited words) and within the facts
    (who did it, and how firmly each outlet states it: matters of specific words, which the facts group by), each
    then pointed at the facts holding its evidence (the same sentence, or a clause of it)."""
    slot_members: dict[str, list[Statement]] = {}
    for cl in _useful(slots, statements):
        sts = [statements[i] for i in cl]
        slot_members[_id("g-", *(f"{s.article.id}:{s.start}:{s.end}" for s in sts))] = sts

    def related(a: Statement, b: Statement) -> bool:
        return bool(specific[a.idx, b.idx] >= disagree.DATE_RELATED)

    def told_alike(a: Statement, b: Statement) -> bool:
        return disagree.one_telling(a, b, float(vectors[a.idx] @ vectors[b.idx]))

    clauses: dict[tuple[str, int, int], list[Statement]] = defaultdict(list)
    for st in statements:
        if st.kind == "clause" and st.parent:
            clauses[(st.article.id, *st.parent)].append(st)
    found: list[Discrepancy] = []
    for gid, sts in slot_members.items():
        found += disagree.within(gid, sts, related, told_alike)
    for fid, sts in members_of.items():
        for d in (
            disagree.namesake_disagreement(sts, [fid], persons, vectors),
            disagree.stance_disagreement(
                sts,
                [fid],
                related,
                alike=lambda a, b: float(vectors[a.idx] @ vectors[b.idx]),
                specific=lambda a, b: float(specific[a.idx, b.idx]),
            ),
            disagree.ago_disagreement(sts, [fid]),
            # a fact the slots split (a sentence told in other words: "apologised at a news conference on Monday" /
            # "broke his silence at a packed briefing on Tuesday, April 14")
            disagree.date_disagreement(sts, [fid], related, told_alike),
        ):
            if d is not None:
                found.append(d)
    found += disagree.stance_pairs(statements, vectors)
    found += measures.age_disagreements(statements, persons)
    found += measures.length_disagreements(statements, vectors, persons)
    found += disagree.month_disagreements(statements, vectors, specific)
    found += disagree.year_span_disagreements(statements, vectors, persons)
    found += disagree.day_pairs(statements, vectors, specific)
    found += disagree.aboard_disagreements(statements, vectors)
    found += measures.duration_disagreements(statements, vectors, specific)
    found += measures.money_disagreements(statements, vectors, specific)
    found += measures.sized_disagreements(statements, vectors, specific)
    found += measures.framed_disagreements(statements, vectors, specific)
    found += measures.facing_hedges(statements, vectors, specific)
    found += magnitude_disagreements(statements)
    found += quote_disagreements(statements)
    found += credit_disagreements(statements)
    found = disagree.dedupe(
        found
        + disagree.across(list(slot_members), slot_members, vectors, specific=lambda a, b: float(specific[a.idx, b.idx]), clauses=clauses)
    )
    holders: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # article id -> (start, end, fact id)
    for fid, sts in members_of.items():
        for st in sts:
            holders[st.article.id].append((st.start, st.end, fid))
    articles = {st.article.id: st.article for st in statements}
    out = []
    for d in found:
        if _same_words_both_sides(d):
            continue
        held = any(v.value in disagree.HELD_LABELS for v in d.variants)  # a claim's stance shows in its framing verb
        for v in d.variants:
            v.evidence = _outermost([_whole_sentence(e, articles[e.article], always=held) for e in v.evidence])
        facts: set[str] = set()
        for v in d.variants:
            for e in v.evidence:
                facts |= {fid for a, b, fid in holders[e.article] if a < e.end and e.start < b}
        d.facts = sorted(facts)
        d.id = _id("d-", d.kind, *(f"{e.article}:{e.start}:{e.end}" for v in d.variants for e in v.evidence))
        out.append(d)
    return out


def _same_words_both_sides(d: Discrepancy) -> bool:
    """Two sides shown by the same sentence word for word (a wire story's "later on Friday" and its reprint's, read
    against two publication dates): the words cannot disagree, only their reading did."""
    if len(d.variants) != 2:
        return False
    a, b = ({spaced(e.text) for e in v.evidence} for v in d.variants)
    return bool(a & b)


_JOINED_BEFORE = re.compile(r"\s(?:and|but)\s+$")


def _whole_sentence(e: Evidence, article: Article, always: bool = False) -> Evidence:
    """A disagreement's evidence that is one half of a sentence cut at a semicolon shows the whole sentence: the half
    after it often says what the figure counts ("63 were hurt; 17 of the injured are in a serious condition"). So
    does the second of two clauses joined by "and" or "but" that the reading made statements of their own ("Two more
    people were missing and 11 were injured, according to the fire service"): the first may hold what the second
    counts on from. ``always``: any part of a sentence shows the whole (a claim held as an allegation: "the union
    alleged that the alarm had been faulty" shows who alleges it, not only what)."""
    text = article.text
    cut = text[e.end : e.end + 2].strip().startswith(";") or text[max(0, e.start - 2) : e.start].strip().endswith(";")
    if not (always or cut or _JOINED_BEFORE.search(text, max(0, e.start - 5), e.start)):
        return e
    for sp in article.group("sentences"):
        if sp.start <= e.start and e.end <= sp.end and (sp.start, sp.end) != (e.start, e.end):
            return Evidence.of(article, sp.start, sp.end, e.speaker)
    return e


def _outermost(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence without a span that another of the same source holds (a clause beside its whole sentence): a card
    shows each sentence once."""
    return [
        e
        for i, e in enumerate(evidence)
        if not any(
            j != i and o.article == e.article and o.start <= e.start and e.end <= o.end and (o.end - o.start > e.end - e.start or j < i)
            for j, o in enumerate(evidence)
        )
    ]


def _useful(clusters: list[list[int]], statements: Sequence[Statement]) -> list[list[int]]:
    """Drop clause units that found no other source (their statement already stands for them), clusters of
    clauses that only repeat a cluster of their own statements, and a lone sentence an article repeats word for word
    (a quoted tweet, a pasted paragraph): its first occurrence stands for it."""
    out = []
    by_unit = {(statements[i].article.id, statements[i].start, statements[i].end): k for k, cl in enumerate(clusters) for i in cl}

    def said(st: Statement) -> tuple[str, str]:
        return st.article.id, spaced(st.text)

    first: dict[tuple[str, str], int] = {}
    for cl in clusters:
        for i in cl:
            first[said(statements[i])] = min(first.get(said(statements[i]), statements[i].start), statements[i].start)
    for cl in clusters:
        sts = [statements[i] for i in cl]
        if len(sts) == 1 and first[said(sts[0])] < sts[0].start:
            continue
        if all(s.kind == "clause" for s in sts):
            if len({s.source for s in sts}) < 2:
                continue
            parents = {by_unit.get((s.article.id, *s.parent)) for s in sts if s.parent}
            if len(parents) == 1 and None not in parents:
                continue
        out.append(cl)
    return out


def _embed(statements: Sequence[Statement]) -> np.ndarray:
    from .embed import embedder

    return embedder().embed([s.core or s.text for s in statements])


def _representatives(sts: Sequence[Statement], vecs: np.ndarray) -> list[Statement]:
    """The members best suited to stand for the fact, best first: whole statements of readable length before clauses,
    clauses that read as sentences before fragments ("who placed second in the poll"), full sentences before
    headlines, sentences that name who they are about before those that start with a pronoun ("He revealed that
    ..."), then the closest to the fact's centroid."""
    if len(sts) == 1:
        return list(sts)
    c = vecs.mean(axis=0)
    sims = vecs @ c

    def key(k: int) -> tuple[int, int, int, int, float]:
        s = sts[k]
        sentence = s.text.rstrip("\"”’' ")[-1:] in {".", "!", "?"}  # not a headline or a fragment
        readable = s.kind == "statement" and 6 <= len(s.text.split()) <= 45
        return (int(readable), int(not s.fragment), int(sentence), int(not _PRONOUN_LED.match(s.text)), float(sims[k]))

    return [sts[k] for k in sorted(range(len(sts)), key=key, reverse=True)]


def _distinct_texts(facts: Sequence[Fact], members_of: dict[str, list[Statement]], vectors: np.ndarray) -> None:
    """A sentence that reports several facts belongs to each of them: in rank order, a fact whose text an earlier fact
    already shows takes its next best member instead, so a reader never sees one sentence for two facts."""
    used: set[str] = set()
    for f in facts:
        if f.text in used:
            sts = members_of[f.id]
            alt = next((s for s in _representatives(sts, vectors[[s.idx for s in sts]]) if s.text not in used), None)
            if alt is not None:
                f.text = alt.text
        used.add(f.text)


HEADLINE_REDUNDANT = 0.8  # a fact whose text is this close in meaning to a headline already chosen says it again
HEADLINE_WITHIN = 0.6  # share of a fact's reports cut from the sentences of one headline's that makes it a repeat


def _headlines(facts: Sequence[Fact], members_of: dict[str, list[Statement]], vectors: np.ndarray, n: int) -> list[str]:
    """The first ``n`` facts in rank order, those of two or more sources first, leaving out a fact whose text says
    again what a headline already chosen says ("the harbour chief met the union leader on Sunday" after "Harbour
    authority head Pieter Sandoval met dockworkers' union leader Owen Tallis"): the facts are apart, but a reader's
    first lines should not repeat themselves (maximal marginal relevance). Nor does a fact whose shown text is cut
    from the same sentence as a headline's (a clause and its sentence, grouped around two of their claims): the reader
    would read that sentence twice, nor one whose reports are mostly cut from the sentences of one headline's (its
    sources told it within what the headline shows). Nor does a fact shown by a clause that cannot stand as a
    sentence."""
    chosen: list[str] = []
    shown: list[np.ndarray] = []  # the chosen texts' vectors
    shown_sts: list[Statement] = []  # the chosen texts' statements
    told: list[list[Statement]] = []  # the chosen facts' members
    for pool in ([f for f in facts if len(f.sources) > 1], facts):
        for f in pool:
            if len(chosen) >= n:
                return chosen
            if f.id in chosen:
                continue
            rep = next((s for s in members_of.get(f.id, []) if s.text == f.text), None)
            if rep is not None and any(float(vectors[rep.idx] @ w) >= HEADLINE_REDUNDANT for w in shown):
                continue
            if rep is not None and any(_same_sentence(rep, x) for x in shown_sts):
                continue
            if rep is not None and rep.fragment:
                continue  # "who placed second in the poll": the fact stays in the list, not among the first lines
            mine = members_of.get(f.id, [])
            if mine and any(sum(1 for s in mine if any(_same_sentence(s, x) for x in t)) >= HEADLINE_WITHIN * len(mine) for t in told):
                continue
            told.append(mine)
            chosen.append(f.id)
            if rep is not None:
                shown.append(vectors[rep.idx])
                shown_sts.append(rep)
    return chosen


def _same_sentence(a: Statement, b: Statement) -> bool:
    """Two statements from one sentence (a clause and its sentence, or two clauses of it)."""
    pa, pb = a.parent or (a.start, a.end), b.parent or (b.start, b.end)
    return a.article.id == b.article.id and pa[0] < pb[1] and pb[0] < pa[1]


# a fact whose least alike reports of two sources are under this meaning similarity may hold a sentence about something
# else: of 1,275 member pairs a reader judged (tests/quality/gold_pairs), 6% of those at 0.8 or more were two different
# things, 31% of those at 0.7-0.8, about 60% below. Ranked by the least alike pair under 0.75 (was the mean under 0.55),
# 47 of the 80 headline facts of the ten labelled stories hold no wrong pair (was 30); on all 153 gold sets the
# headline facts whose members map to no common gold fact fall from 41% to 29%, for 2.8 sources a headline (was 3.2).
# A weight of 40 made it 58 of 80 and 22%, but left widely reported facts out of nearly every headline (2.5 sources)
COHESIVE = 0.75
LOOSENESS_WEIGHT = 20.0  # rank lost per unit of similarity below that


def _cohesion(sts: Sequence[Statement], vectors: np.ndarray) -> float:
    """The meaning similarity of the fact's least alike reports from two different sources (1.0 for a single
    source): one sentence about something else is enough to put its "N sources say" in doubt."""
    sims = _cross_source_sims(sts, vectors)
    return float(np.nanmin(sims)) if not np.isnan(sims).all() else 1.0


def _score(f: Fact, centrality: float, cohesion: float = 1.0) -> float:
    """Independent support first, then all support, attribution and centrality; a fragment that cannot stand on its
    own as a sentence, too short ("who heads the union") or a clause cut from one ("granted exemptions to Canada"),
    is not what a reader should see first. Nor is a fact two of whose reports are loosely alike (``cohesion``): its
    support is in doubt, and the mean of loosely alike sentences of one story lies close to the story's centre."""
    first = next((ch for ch in f.text if ch.isalpha()), "")
    fragment = 1.5 if len(f.text.split()) < 8 or first.islower() else 0.0
    loose = LOOSENESS_WEIGHT * max(0.0, COHESIVE - cohesion)
    return 2.0 * f.independent_sources + 0.5 * len(f.sources) + (0.75 if f.speakers else 0.0) + 2.0 * centrality - fragment - loose


_QUOTE_MARKS = re.compile(r"[\"“”]")
_PRONOUN_LED = re.compile(r"^[\"“‘'\s]*(?:he|she|they|it|we|i|his|her|their|its|this|these|those)\b", re.I)


def _title(articles: Sequence[Article], facts: Sequence[Fact]) -> str:
    """The story's most common article title; without titles, the best-ranked fact that names who it is about, in an
    outlet's own words rather than a quotation (a title says what happened, not what someone said of it)."""
    titles = [a.meta.title for a in articles if a.meta.title]
    if titles:
        return Counter(titles).most_common(1)[0][0]
    named = [f for f in facts if not _PRONOUN_LED.match(f.text)]
    unquoted = [f for f in named if not _QUOTE_MARKS.search(f.text)]
    return (unquoted or named or list(facts))[0].text if facts else "(empty story)"


# ---------------------------------------------------------------- timeline and quotes


def build_timeline(
    facts: Sequence[Fact], members_of: dict[str, list[Statement]], date_disputes: Sequence[Discrepancy]
) -> list[TimelineEntry]:
    """Dated facts in order, each date with the sentences that give it (a range of days at its first and its last
    day). An entry is flagged when one of those sentences is evidence of a date disagreement (not merely when its fact
    is disputed); one sentence dated once is one entry, whichever facts it belongs to. A sentence that gives two dates
    is flagged on the date in dispute only ("said on Friday that … in the Kursk region, where Ukrainian forces mounted a
    raid in August": Friday, not August)."""
    disputed_spans = [(e, _iso_values(d)) for d in date_disputes for v in d.variants for e in v.evidence]

    def disputed(st: Statement, day: str) -> bool:
        return any(_overlaps(e, st) and any(v.startswith(day) or day.startswith(v) for v in values) for e, values in disputed_spans)

    merged: dict[tuple[str, str], TimelineEntry] = {}
    for f in facts:
        by_date: dict[tuple[str, str], list[Statement]] = defaultdict(list)
        words: dict[tuple[str, str], list[Evidence]] = defaultdict(list)  # the words giving each date
        main: set[tuple[str, str]] = set()  # dates some sentence gives its own claim, not a side clause's event
        for s in members_of[f.id]:
            periods = {q.attrs.get("period") for q in s.quantities}
            for t in s.times:
                prec = t.attrs.get("precision")
                if t.attrs.get("attributive"):
                    continue  # "the 2016 election": when a thing was, not when this sentence's event happened
                if t.attrs.get("value") and prec in {"day", "month", "year"} and t.attrs.get("expr") not in periods:
                    if prec == "year" and not any(ch.isdigit() for ch in str(t.attrs.get("expr"))):
                        continue  # "this year", "last year": too coarse to place a fact on a timeline
                    ends = [str(t.attrs["value"])] + ([str(t.attrs["end"])] if t.attrs.get("end") and prec == "day" else [])
                    for day in ends:  # a range of days is on the timeline at both ends ("from October 16 to November 14")
                        by_date[(day, str(prec))].append(s)
                        words[(day, str(prec))].append(Evidence.of(s.article, t.start, t.end))
                        if not t.attrs.get("subordinate"):
                            main.add((day, str(prec)))
        days = {d for d, p in by_date if p == "day"}
        for (d, prec), sts in by_date.items():
            if prec != "day" and days and ((d, prec) in main or prec == "year"):
                # a coarser date of the same fact adds nothing; a side clause's month is another event ("said on Friday
                # that 3,000 were killed in Kursk, where Ukrainian forces mounted a raid in August")
                continue
            # the words that give this date: the fact's own text when it is one of them, else the dating sentence
            # ("announced the tariffs on March 8", not the fact's "announced the tariffs in early March")
            shown = (
                f.text if any(s.text == f.text for s in sts) else min(sts, key=lambda s: (s.kind != "statement", s.source, s.start)).text
            )
            entry = merged.get((d, shown)) or next(
                (  # a clause of a sentence already on this date ("the union had written in February") is that entry
                    e for (day, _), e in merged.items() if day == d and all(any(_overlaps(ev, st) for ev in e.evidence) for st in sts)
                ),
                None,
            )
            if entry is None:
                entry = merged[(d, shown)] = TimelineEntry(date=d, precision=prec, text=shown, sources=[])
            elif len(shown) > len(entry.text) and entry.text in shown:
                entry.text = shown  # the whole sentence rather than its clause
            entry.sources = sorted(set(entry.sources) | {s.source for s in sts})
            entry.facts += [f.id] if f.id not in entry.facts else []
            for st in sts:
                if not any((e.article, e.start, e.end) == (st.article.id, st.start, st.end) for e in entry.evidence):
                    entry.evidence.append(_ev(st))
            for w in words[(d, prec)]:
                if not any((e.article, e.start, e.end) == (w.article, w.start, w.end) for e in entry.when):
                    entry.when.append(w)
            entry.disputed = entry.disputed or any(disputed(s, d) for s in sts)
    out = list(merged.values())
    out.sort(key=lambda e: (e.date, -len(e.sources)))
    return out


_ISO_DATE = re.compile(r"\b\d{4}(?:-\d{2}(?:-\d{2})?)?\b")


def _iso_values(d: Discrepancy) -> set[str]:
    """The dates (years, months, days) a date disagreement's variants give: "2024-12-23", "1967 to 1979"."""
    return {m for v in d.variants for m in _ISO_DATE.findall(v.value)}


def _overlaps(e: Evidence, st: Statement) -> bool:
    return e.article == st.article.id and e.start < st.end and st.start < e.end


def collect_quotes(articles: Sequence[Article]) -> list[Quote]:
    out: list[Quote] = []
    for a in articles:
        for q in a.group("quotes"):
            name = q.attrs.get("name")
            if not name or q.attrs.get("unsaid"):
                continue  # "declined to say how long …": the speaker's sentence, not their words
            cue = q.attrs.get("cue")
            out.append(
                Quote(
                    source=a.source_id,
                    speaker=str(name),
                    speaker_entity=q.attrs.get("entity"),
                    content=Evidence.of(a, q.start, q.end),
                    cue=a.text[cue[0] : cue[1]] if cue else "",
                    direct=bool(q.attrs.get("direct")),
                )
            )
    return out
