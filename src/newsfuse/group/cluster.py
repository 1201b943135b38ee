"""Incremental story clustering: each arriving article joins the best story or starts a new one.

An article and a story are compared as *profiles* (one article is a story of one):

- ``embed``: cosine of the lead embedding and the story's mean lead embedding;
- ``terms``: cosine of TF-IDF vectors (sublinear counts, IDF over every article seen so far);
- ``names``: the same over the words of capitalised names (people, places, organisations);
- the score is ``topic ** (1 - w_names) * names ** w_names`` with ``topic`` the weighted mean of ``embed`` and
  ``terms``: two events of one kind share words, rarely the names;
- time: the score is multiplied by a decay of the gap between the article's date and the story's date range
  (no decay within ``grace_days``, then ``exp(-(gap - grace) / scale)``; a year apart keeps ~0.38 of the score:
  follow-ups months later share the names, other events of the kind do not). An undated side is not decayed.

The article joins the best-scoring story at or above ``threshold``; otherwise it starts a story. The story it joined
is then compared, as a whole, with its nearest stories: when two stories' profiles score at least ``merge_threshold``
(the joining article was the bridge) they merge into the older one, and the merged story looks again.

Repair: the first reports of a second event of one kind often join the story of the first (nothing else scores
higher yet). So the grown story is examined for a split (:meth:`Clusterer._split`, at sizes given by
:func:`split_due`): its members are parted in two by their article-to-article scores, and when the two halves'
names are less alike than ``split_names`` and the halves would not merge as stories, the half without the earliest
article becomes a story of its own. Nothing is recomputed for unaffected stories, so the cost per article is one
matrix-vector product over story centroids, a few dictionary comparisons and, at most, the pairwise scores of the
members of the one story that grew (bounded by ``split_max``).

Two more repairs, both local: *absorb* (:meth:`Clusterer._mergeable`): a story of at most ``absorb_size`` articles
merges from ``absorb_threshold`` into the story it scores best against (a short report that came before its story
had grown); *exchange* (:meth:`Clusterer._exchange`): the latest members of the story the article ended in and of its
nearest story go to the one of the two they fit better (a bounded k-means step), so the first reports of a second
event that joined the first event's story go back once a story of their own exists.

Decisions depend only on the features and the order of arrival; ties go to the older story (the one whose earliest
article came first). The membership the decisions leave is all a restore needs: articles moved by a split or an
exchange are stored in their new story, and a story rebuilt from its members in arrival order is the story the live
run had.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .features import Features

DIM = 384


@dataclass(frozen=True, slots=True)
class Params:
    threshold: float = 0.25
    merge_threshold: float = 0.45
    w_embed: float = 0.3
    w_terms: float = 0.5
    w_names: float = 0.4  # exponent of the name similarity in the geometric mean
    grace_days: float = 7.0
    scale_days: float = 365.0
    candidates: int = 24
    split_names: float = 0.36  # a story splits in two when its halves' names are less alike than this (and would not merge)
    split_min: int = 4  # stories smaller than this are never split; each half keeps at least two articles
    split_max: int = 200  # stories larger are not examined (the cost per article stays bounded)
    absorb_size: int = 2  # a story of at most this many articles merges into the story it fits best ...
    absorb_threshold: float = 0.28  # ... when they score at least this
    exchange_members: int = 16  # the latest members of the grown story and of its nearest story may change sides ...
    exchange_min: float = 0.2  # ... when the two stories score at least this (0 members: no exchange)

    def __post_init__(self) -> None:
        if not 0 < self.threshold < 1 or not 0 < self.merge_threshold <= 1 or not 0 < self.absorb_threshold <= 1:
            raise ValueError(f"thresholds must be within (0, 1): {self.threshold}, {self.merge_threshold}, {self.absorb_threshold}")


@dataclass(slots=True)
class Profile:
    """What is compared: one article, or the sum over a story's articles."""

    vec: np.ndarray  # float64 sum of unit vectors
    terms: dict[str, float]
    names: dict[str, float]
    first: date | None
    last: date | None
    n: int = 1
    _cache: tuple[int, Weighted, Weighted, np.ndarray] | None = None  # (epoch, terms, names, unit vector)

    def weighted(self, freq: DocFreq) -> tuple[Weighted, Weighted, np.ndarray]:
        if self._cache is None or self._cache[0] != freq.epoch:
            self._cache = (freq.epoch, freq.weights(self.terms, "terms"), freq.weights(self.names, "names"), _unit(self.vec))
        return self._cache[1], self._cache[2], self._cache[3]

    @classmethod
    def of(cls, f: Features) -> Profile:
        return cls(np.asarray(f.vector, dtype=np.float64).copy(), dict(f.terms), dict(f.names), f.published, f.published)

    def add(self, f: Features) -> None:
        self._cache = None
        self.vec += np.asarray(f.vector, dtype=np.float64)
        for k, v in f.terms.items():
            self.terms[k] = self.terms.get(k, 0.0) + v
        for k, v in f.names.items():
            self.names[k] = self.names.get(k, 0.0) + v
        if f.published:
            self.first = min(self.first, f.published) if self.first else f.published
            self.last = max(self.last, f.published) if self.last else f.published
        self.n += 1


@dataclass(frozen=True, slots=True)
class Split:
    """Articles moved out of ``story`` into a new story ``into`` (with each one's score there)."""

    story: str
    into: str
    moved: list[tuple[str, float]]


@dataclass(frozen=True, slots=True)
class Exchange:
    """Articles that changed sides between two near stories (each with its score in the story it went to)."""

    moved: list[tuple[str, str, float]]  # (article, story it went to, score there)


Change = tuple[str, str] | Split | Exchange


@dataclass(slots=True)
class Decision:
    """Where one article went: its story, whether that story is new, its score there, and what changed around it.

    ``changes`` lists, in the order they happened, merges ``(merged story, story it went into)``, splits and
    exchanges.
    """

    story: str
    new: bool
    score: float
    changes: list[Change] = field(default_factory=list)

    @property
    def merged(self) -> list[tuple[str, str]]:
        return [c for c in self.changes if isinstance(c, tuple)]

    @property
    def splits(self) -> list[Split]:
        return [c for c in self.changes if isinstance(c, Split)]

    @property
    def exchanges(self) -> list[Exchange]:
        return [c for c in self.changes if isinstance(c, Exchange)]


def gap_days(a_first: date | None, a_last: date | None, b_first: date | None, b_last: date | None) -> float | None:
    """Days between two date ranges (0 when they overlap); None when either is undated."""
    if not (a_first and a_last and b_first and b_last):
        return None
    if a_last < b_first:
        return float((b_first - a_last).days)
    if b_last < a_first:
        return float((a_first - b_last).days)
    return 0.0


def time_factor(gap: float | None, grace: float, scale: float) -> float:
    if gap is None or gap <= grace:
        return 1.0
    return math.exp(-(gap - grace) / scale)


class DocFreq:
    """Document frequencies of terms and names over every article seen so far.

    IDF is read from a snapshot taken when the count of articles passes fixed marks (each ~10% more), so cached
    story vectors stay valid between marks and the values depend only on how many articles came before, never on
    when a vector was computed: a store restored after a crash computes exactly what an uninterrupted run did.
    """

    def __init__(self) -> None:
        self.n = 0
        self.terms: dict[str, int] = defaultdict(int)
        self.names: dict[str, int] = defaultdict(int)
        self.epoch = 0
        self._snap_n = 0
        self._snap_terms: dict[str, int] = {}
        self._snap_names: dict[str, int] = {}
        self._next = 1

    def add(self, f: Features) -> None:
        self.n += 1
        for k in f.terms:
            self.terms[k] += 1
        for k in f.names:
            self.names[k] += 1
        if self.n >= self._next:
            self._snap_n, self._snap_terms, self._snap_names = self.n, dict(self.terms), dict(self.names)
            self.epoch += 1
            self._next = max(self.n + 1, math.ceil(self.n * 1.1))

    def idf(self, kind: str, k: str) -> float:
        df = self._snap_terms if kind == "terms" else self._snap_names
        return math.log((self._snap_n + 1) / (df.get(k, 0) + 1)) + 1.0

    def weights(self, counts: Mapping[str, float], kind: str) -> Weighted:
        w = {k: (1.0 + math.log(max(v, 1.0))) * self.idf(kind, k) for k, v in counts.items() if v > 0}
        return Weighted(w, math.sqrt(sum(v * v for v in w.values())))


@dataclass(frozen=True, slots=True)
class Weighted:
    """A sparse TF-IDF vector with its norm."""

    w: dict[str, float]
    norm: float


def cosine(a: Weighted, b: Weighted) -> float:
    if not a.norm or not b.norm:
        return 0.0
    x, y = (a.w, b.w) if len(a.w) <= len(b.w) else (b.w, a.w)
    dot = sum(v * y[k] for k, v in x.items() if k in y)
    return dot / (a.norm * b.norm)


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


@dataclass(slots=True)
class _Story:
    id: str
    seq: int
    members: list[str]
    profile: Profile
    row: int


class Clusterer:
    """The in-memory state of story assignment: story profiles, document frequencies, a centroid matrix."""

    def __init__(self, params: Params | None = None) -> None:
        self.params = params or Params()
        self.freq = DocFreq()
        self.features: dict[str, Features] = {}
        self.order: dict[str, int] = {}  # article id -> arrival number
        self.story_of: dict[str, str] = {}
        self.stories: dict[str, _Story] = {}
        self._mat = np.zeros((64, DIM), dtype=np.float32)
        self._live = np.zeros(64, dtype=bool)
        self._row_story: list[str] = []
        self._by_name: dict[str, set[str]] = defaultdict(set)

    # ------------------------------------------------------------------ state

    def _new_row(self, story_id: str) -> int:
        row = len(self._row_story)
        if row >= len(self._mat):
            self._mat = np.concatenate([self._mat, np.zeros_like(self._mat)])
            self._live = np.concatenate([self._live, np.zeros_like(self._live)])
        self._row_story.append(story_id)
        self._live[row] = True
        return row

    def _refresh(self, s: _Story) -> None:
        self._mat[s.row] = _unit(s.profile.vec).astype(np.float32)
        for k in s.profile.names:
            self._by_name[k].add(s.id)

    def _start(self, story_id: str, article_id: str) -> _Story:
        # a story ranks by its earliest article: the same whether it was built live or restored from the store
        s = _Story(story_id, self.order[article_id], [article_id], Profile.of(self.features[article_id]), self._new_row(story_id))
        self.stories[story_id] = s
        self.story_of[article_id] = story_id
        self._refresh(s)
        return s

    def _join(self, s: _Story, article_id: str) -> None:
        s.members.append(article_id)
        s.profile.add(self.features[article_id])
        self.story_of[article_id] = s.id
        self._refresh(s)

    def _profile(self, members: list[str]) -> Profile:
        """The profile of articles summed in arrival order, as a restore from the store would."""
        prof = Profile.of(self.features[members[0]])
        for m in members[1:]:
            prof.add(self.features[m])
        return prof

    def _set_members(self, s: _Story, members: list[str]) -> None:
        for k in s.profile.names:
            self._by_name[k].discard(s.id)
        members = sorted(members, key=self.order.__getitem__)
        s.members, s.profile, s.seq = members, self._profile(members), self.order[members[0]]
        for m in members:
            self.story_of[m] = s.id
        self._refresh(s)

    def _merge(self, src: _Story, dst: _Story) -> None:
        self._live[src.row] = False
        for k in src.profile.names:
            self._by_name[k].discard(src.id)
        del self.stories[src.id]
        self._set_members(dst, dst.members + src.members)

    def restore(self, article_id: str, features: Features, story_id: str) -> None:
        """Put back an article already assigned (stored), in arrival order: no decision is made."""
        self._remember(article_id, features)
        s = self.stories.get(story_id)
        if s is None:
            self._start(story_id, article_id)
        else:
            self._join(s, article_id)

    def _remember(self, article_id: str, features: Features) -> None:
        self.features[article_id] = features
        self.order[article_id] = len(self.order)
        self.freq.add(features)

    # ------------------------------------------------------------------ scoring

    def score(self, a: Profile, b: Profile) -> float:
        p = self.params
        at, an, av = a.weighted(self.freq)
        bt, bn, bv = b.weighted(self.freq)
        e = max(float(av @ bv), 0.0)
        t = cosine(at, bt)
        topic = (p.w_embed * e + p.w_terms * t) / (p.w_embed + p.w_terms)
        # names count as a factor, not a summand: a sibling event (same kind, other people and places) shares the
        # vocabulary but not the names. Without names on one side, the topic similarity alone decides.
        base = topic ** (1.0 - p.w_names) * max(cosine(an, bn), 0.0) ** p.w_names if an.w and bn.w else topic
        return base * time_factor(gap_days(a.first, a.last, b.first, b.last), p.grace_days, p.scale_days)

    def candidates(self, prof: Profile) -> list[_Story]:
        """Stories worth scoring: the nearest by embedding, and those sharing one of the article's rarest names."""
        n = len(self._row_story)
        if not n:
            return []
        sims = self._mat[:n] @ _unit(prof.vec).astype(np.float32)
        sims[~self._live[:n]] = -np.inf
        k = min(self.params.candidates, int(self._live[:n].sum()))
        rows = np.argsort(-sims, kind="stable")[:k]
        out = {self._row_story[int(r)] for r in rows}
        rare = sorted(prof.names, key=lambda w: (self.freq.names.get(w, 0), w))[:3]
        for w in rare:
            if self.freq.names.get(w, 0) <= max(3, self.freq.n // 50):
                out |= self._by_name.get(w, set())
        return sorted((self.stories[s] for s in out if s in self.stories), key=lambda s: s.seq)

    # ------------------------------------------------------------------ the decision

    def assign(self, article_id: str, features: Features, new_story_id: str) -> Decision:
        """Place one article; ``new_story_id`` names the story it starts if it joins none.

        ``new_story_id`` is unused so far: it also names the story split off the one the article joined, if any.
        """
        if article_id in self.story_of:
            return Decision(self.story_of[article_id], False, 1.0)
        self._remember(article_id, features)
        prof = Profile.of(features)
        scored = [(self.score(prof, s.profile), s) for s in self.candidates(prof)]
        scored.sort(key=lambda x: (-x[0], x[1].seq))
        if not scored or scored[0][0] < self.params.threshold:
            self._start(new_story_id, article_id)
            return Decision(new_story_id, True, scored[0][0] if scored else 0.0)
        best_score, best = scored[0]
        self._join(best, article_id)
        changes: list[Change] = []
        grown = self._merge_around(best, changes)
        if split_due(len(grown.members)):
            split = self._split(grown, new_story_id)
            if split is not None:
                changes.append(split)
                self._merge_around(self.stories[split.into], changes)
        exchange = self._exchange(self.stories[self.story_of[article_id]])
        if exchange is not None:
            changes.append(exchange)
            best_score = next((sc for m, _, sc in exchange.moved if m == article_id), best_score)
        return Decision(self.story_of[article_id], False, best_score, changes)

    def _without(self, s: _Story, m: str) -> Profile:
        """The profile of story ``s`` without its member ``m`` (what ``m`` is compared with, itself left out)."""
        f = self.features[m]
        vec = s.profile.vec - np.asarray(f.vector, dtype=np.float64)
        prof = Profile(vec, dict(s.profile.terms), dict(s.profile.names), None, None, s.profile.n - 1)
        for counts, own in ((prof.terms, f.terms), (prof.names, f.names)):
            for k, v in own.items():
                left = counts.get(k, 0.0) - v
                if left > 1e-9:
                    counts[k] = left
                else:
                    counts.pop(k, None)
        days = [d for x in s.members if x != m and (d := self.features[x].published) is not None]
        if days:
            prof.first, prof.last = min(days), max(days)
        return prof

    def _exchange(self, s: _Story) -> Exchange | None:
        """Let the latest members of ``s`` and of its nearest story go to the one of the two they fit better.

        A bounded k-means step between two stories: each of the last ``exchange_members`` members of either story
        is scored against its own story without itself and against the other story; it moves when the other
        scores higher. When the first report of a second event joined the story of the first, and a story of the
        second exists (a split, a later start), its reports go back to it. Nothing moves when a story would be
        left empty (a merge decides that).
        """
        p = self.params
        if p.exchange_members <= 0:
            return None
        near: tuple[float, _Story] | None = None
        for o in self.candidates(s.profile):
            if o.id != s.id:
                sc = self.score(s.profile, o.profile)
                if sc >= p.exchange_min and (near is None or sc > near[0]):
                    near = (sc, o)
        if near is None:
            return None
        n = near[1]
        out: dict[str, list[str]] = {s.id: [], n.id: []}
        for src, dst in ((s, n), (n, s)):
            if len(src.members) < 2:
                continue
            for m in src.members[-p.exchange_members :]:
                pm = Profile.of(self.features[m])
                if self.score(pm, dst.profile) > self.score(pm, self._without(src, m)):
                    out[src.id].append(m)
        if not (out[s.id] or out[n.id]) or len(out[s.id]) == len(s.members) or len(out[n.id]) == len(n.members):
            return None
        self._set_members(s, [x for x in s.members if x not in out[s.id]] + out[n.id])
        self._set_members(n, [x for x in n.members if x not in out[n.id]] + out[s.id])
        moved = [(m, dst.id) for src, dst in ((s, n), (n, s)) for m in out[src.id]]
        return Exchange([(m, d, self.score(Profile.of(self.features[m]), self.stories[d].profile)) for m, d in moved])

    def _merge_around(self, s: _Story, changes: list[Change]) -> _Story:
        """Merge ``s`` with the first near story it may merge with (:meth:`_mergeable`), and look again; the result."""
        cur = s
        while True:
            pair = next((o for o in self.candidates(cur.profile) if o.id != cur.id and self._mergeable(cur, o)), None)
            if pair is None:
                return cur
            src, dst = (pair, cur) if cur.seq < pair.seq else (cur, pair)
            self._merge(src, dst)
            changes.append((src.id, dst.id))
            cur = dst

    def _mergeable(self, a: _Story, b: _Story) -> bool:
        """Two stories merge when they score at least the merge threshold; a small one (``absorb_size`` articles at
        most: a lone report that came before its story had grown) also at ``absorb_threshold``, when the other is
        the story it fits best."""
        p = self.params
        sc = self.score(a.profile, b.profile)
        if sc >= p.merge_threshold:
            return True
        small, big = (a, b) if len(a.members) <= len(b.members) else (b, a)
        if len(small.members) > p.absorb_size or sc < p.absorb_threshold:
            return False
        # the small story goes only into the story it fits best
        return all(o.id in (small.id, big.id) or self.score(small.profile, o.profile) <= sc for o in self.candidates(small.profile))

    def _split(self, s: _Story, new_id: str) -> Split | None:
        """Split ``s`` in two when its members form two groups that would not be merged as stories.

        The groups: article-to-article scores, two seeds (the least typical member and the member least like it),
        then each member goes to the group it is more like on average (itself left out), until nothing moves.
        The group holding the earliest article keeps the story; the other becomes story ``new_id``.
        """
        p = self.params
        ms = s.members
        n = len(ms)
        if n < p.split_min or n > p.split_max:
            return None
        profs = [Profile.of(self.features[m]) for m in ms]
        sim = np.zeros((n, n))
        for i in range(n):
            for j in range(i + 1, n):
                sim[i, j] = sim[j, i] = self.score(profs[i], profs[j])
        x = int(np.argmin(sim.sum(axis=1)))
        row = sim[x].copy()
        row[x] = np.inf
        y = int(np.argmin(row))
        in_a = sim[:, x] > sim[:, y]
        in_a[x], in_a[y] = True, False
        for _ in range(10):
            na, nb = int(in_a.sum()), n - int(in_a.sum())
            to_a, to_b = sim[:, in_a].sum(axis=1), sim[:, ~in_a].sum(axis=1)
            mean_a = to_a / np.maximum(na - in_a, 1)
            mean_b = to_b / np.maximum(nb - ~in_a, 1)
            nxt = mean_a > mean_b
            nxt[in_a & (na == 1)] = True  # a group of one keeps its member
            nxt[~in_a & (nb == 1)] = False
            if (nxt == in_a).all():
                break
            in_a = nxt
        a = [m for m, k in zip(ms, in_a, strict=True) if k]
        b = [m for m, k in zip(ms, in_a, strict=True) if not k]
        if min(len(a), len(b)) < 2:
            return None
        pa, pb = self._profile(a), self._profile(b)
        if cosine(pa.weighted(self.freq)[1], pb.weighted(self.freq)[1]) >= p.split_names:
            return None
        sc = self.score(pa, pb)
        if sc >= p.merge_threshold or (min(len(a), len(b)) <= p.absorb_size and sc >= p.absorb_threshold):
            return None  # the halves would merge again
        keep, off = (a, b) if ms[0] in a else (b, a)
        self._set_members(s, keep)
        new = self._start(new_id, off[0])
        self._set_members(new, off)
        return Split(s.id, new_id, [(m, self.score(Profile.of(self.features[m]), new.profile)) for m in off])

    def assign_all(self, items: Iterable[tuple[str, Features]]) -> dict[str, str]:
        """Assign a sequence of articles (no store); returns article id -> final story id."""
        for aid, f in items:
            self.assign(aid, f, story_id_for(aid))
        return dict(self.story_of)


def split_due(n: int) -> bool:
    """Whether a story of ``n`` articles is examined for a split when it grows: always while small, then at marks
    about 10% apart, so the cost per article stays bounded (a function of the size alone, for restore)."""
    if n <= 16:
        return True
    mark = 16
    while mark < n:
        mark = math.ceil(mark * 1.1)
    return mark == n


def story_id_for(article_id: str) -> str:
    """A story is named after the article that started it."""
    return "s-" + article_id
