"""Which sources reuse each other's text (wire copy, syndication, rewrites) and so count once.

Reuse is measured on what the outlets wrote themselves: quoted words are blanked first, because two outlets quoting
the same speaker is not copying. Statements sharing most of their word 4-grams are shared sentences; sources sharing
``min_shared`` of them are derived from each other. A wire credit is recorded but proves nothing by itself. Two
articles of one outlet (two items of its feed, a page and its update) are one voice: they count once too
(:func:`same_outlet_links`), though neither is derived from the other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..graph import component_count
from ..model import Article
from .statements import Statement


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


REUSED_RUN = 8  # word 4-grams two statements must share to be one sentence reused: a run of eleven words or more


def shared_sentences(
    statements: Sequence[Statement], min_overlap: float = 0.5, min_shingles: int = 5, min_common: int = REUSED_RUN
) -> dict[tuple[str, str], int]:
    """Count of reused (non-quoted) statements per ordered source pair (a, b) with a < b: statements that share most
    of their word 4-grams, and at least ``min_common`` of them. A short plain sentence two reporters may both write
    ("The fire was put out by 4 a.m.", "Ruiz said about 60 firefighters fought the blaze") is no proof of copying."""
    sh = [shingles(s.unquoted()) for s in statements]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, s in enumerate(sh):
        for g in s:
            index[g].append(i)
    reused: dict[tuple[str, str], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for i, si in enumerate(sh):
        if len(si) < min_shingles:
            continue
        cand: dict[int, int] = defaultdict(int)
        for g in si:
            for j in index[g]:
                if j > i:
                    cand[j] += 1
        for j, inter in cand.items():
            sj = sh[j]
            if statements[i].source == statements[j].source or len(sj) < min_shingles:
                continue
            if inter >= min_common and inter / min(len(si), len(sj)) >= min_overlap:
                x, y = (i, j) if statements[i].source < statements[j].source else (j, i)
                mine, theirs = reused[(statements[x].source, statements[y].source)]
                mine.add(x)
                theirs.add(y)
    # statements, not pairs: one sentence that the other source prints twice (a standfirst repeated in the body) is one
    return {k: min(len(mine), len(theirs)) for k, (mine, theirs) in reused.items()}


def derived_links(statements: Sequence[Statement], min_shared: int) -> dict[str, list[tuple[str, int]]]:
    """Sources sharing at least ``min_shared`` reused sentences (whole statements only: a clause is part of its
    sentence and must not count twice)."""
    whole = [s for s in statements if s.kind == "statement"]
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (a, b), n in sorted(shared_sentences(whole).items()):
        if n >= min_shared:
            out[a].append((b, n))
            out[b].append((a, n))
    return dict(out)


def independent_count(sources: Iterable[str], links: dict[str, list[tuple[str, int]]]) -> int:
    """Connected components of the sources under the derived-from relation."""
    srcs = set(sources)
    return component_count(srcs, ((s, t) for s in srcs for t, _ in links.get(s, [])))


def outlet_of(article: Article) -> str | None:
    """Who published an article: the origin an aggregator's feed names for the item (its ``<source>``), else the
    outlet (a feed names itself the outlet of every item it carries)."""
    return article.meta.extra.get("origin_source") or article.meta.outlet


def same_outlet_links(outlets: dict[str, str | None]) -> dict[str, list[tuple[str, int]]]:
    """Links between the sources (source id -> its outlet, None when unknown) that one outlet published, in the form
    :func:`independent_count` reads: one outlet's articles count once, however many say a thing."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for source, outlet in sorted(outlets.items()):
        key = " ".join((outlet or "").casefold().split())
        if key:
            by_outlet[key].append(source)
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for group in by_outlet.values():
        for a in group:
            out[a] += [(b, 0) for b in group if b != a]
    return dict(out)


def joined(*link_sets: dict[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
    """Several sets of links as one."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for links in link_sets:
        for source, targets in links.items():
            out[source] += targets
    return dict(out)
