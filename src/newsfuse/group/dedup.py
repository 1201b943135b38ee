"""Reprints, near-copies and reused sentences, by MinHash over word shingles (datasketch).

- exact duplicates: the same words in the same order (case and punctuation aside): one hash;
- near-copies: estimated Jaccard similarity of word 4-shingles at or above ``near_threshold``, candidates found by
  MinHash LSH (128 permutations) over every stored article;
- reused sentences: each sentence of eight words or more, its quoted words blanked (two outlets quoting one speaker is
  not copying), gets a 32-permutation MinHash cut into 8 bands of 4 rows; two sentences sharing 2 band keys are
  taken as one sentence reused (about 90% of pairs at Jaccard 0.8, under 10% at 0.5). Band keys are plain integers,
  kept in the store's ``sentence_keys`` table, so this part needs no index in memory.

An article linked to another by any of these is not an independent report of it.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .features import sentences

NUM_PERM = 128
SHINGLE = 4
SENT_PERM = 32
SENT_BANDS = 8
SENT_ROWS = SENT_PERM // SENT_BANDS
SENT_MIN_WORDS = 8
SENT_MIN_BANDS = 2
SEED = 1
SCHEME = "affine32"  # stored signatures are of this scheme: keep it fixed

_WORDS = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_SENT_PERMS = MinHash(num_perm=SENT_PERM, seed=SEED + 1, scheme=SCHEME).permutations


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


def text_hash(text: str) -> str:
    """Same for two texts with the same words in the same order."""
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()


def shingles(ws: list[str], n: int = SHINGLE) -> list[bytes]:
    if len(ws) < n:
        return [" ".join(ws).encode("utf-8")] if ws else []
    return [" ".join(ws[i : i + n]).encode("utf-8") for i in range(len(ws) - n + 1)]


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint64, ``NUM_PERM`` values) of the text's word 4-shingles."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    sh = shingles(words(text))
    if sh:
        m.update_batch(sh)
    return np.asarray(m.hashvalues, dtype=np.uint64)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def sentence_keys(text: str) -> list[tuple[int, int]]:
    """(sentence number, band key) for each long sentence of the text; quoted words do not count."""
    out: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(sentences(text)):
        ws = words(_QUOTED.sub(" ", text[s:e]))
        if len(ws) < SENT_MIN_WORDS:
            continue
        m = MinHash(num_perm=SENT_PERM, seed=SEED + 1, permutations=_SENT_PERMS, scheme=SCHEME)
        m.update_batch(shingles(ws))
        hv = np.asarray(m.hashvalues, dtype=np.uint64)
        for b in range(SENT_BANDS):
            digest = hashlib.blake2b(bytes([b]) + hv[b * SENT_ROWS : (b + 1) * SENT_ROWS].tobytes(), digest_size=8).digest()
            out.append((i, int.from_bytes(digest, "big", signed=True)))
    return out


def shared_sentences(mine: Iterable[tuple[int, int]], hits: Iterable[tuple[int, str, int]]) -> dict[str, int]:
    """Per other article, how many of my sentences it reuses.

    ``mine``: (my sentence, key); ``hits``: (key, other article, other sentence) for stored keys equal to mine.
    """
    by_key: dict[int, list[int]] = defaultdict(list)
    for i, k in mine:
        by_key[k].append(i)
    bands: dict[tuple[int, str, int], int] = defaultdict(int)
    for k, other, j in hits:
        for i in by_key.get(k, ()):
            bands[(i, other, j)] += 1
    reused: dict[str, set[int]] = defaultdict(set)
    for (i, other, _j), n in bands.items():
        if n >= SENT_MIN_BANDS:
            reused[other].add(i)
    return {o: len(s) for o, s in reused.items()}


@dataclass(frozen=True, slots=True)
class Match:
    other: str
    kind: str  # "exact" | "near" | "sentences"
    similarity: float  # estimated Jaccard, or the count of reused sentences


class NearDuplicateIndex:
    """MinHash LSH over whole articles, in memory; built from stored signatures when a store opens."""

    def __init__(self, threshold: float = 0.5) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=min(max(threshold - 0.1, 0.1), 0.9), num_perm=NUM_PERM)
        self.sigs: dict[str, np.ndarray] = {}
        self.order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.sigs)

    def add(self, article_id: str, sig: np.ndarray) -> None:
        if article_id in self.sigs:
            return
        self.sigs[article_id] = sig
        self.order[article_id] = len(self.order)
        self.lsh.insert(article_id, LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME))

    def query(self, sig: np.ndarray) -> list[tuple[str, float]]:
        """Stored articles at or above the threshold, most similar first (ties: earliest stored first)."""
        cands = self.lsh.query(LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME))
        out = [(c, jaccard(sig, self.sigs[c])) for c in cands]
        return sorted(((c, j) for c, j in out if j >= self.threshold), key=lambda x: (-x[1], self.order[x[0]]))


def matches(
    index: NearDuplicateIndex,
    sig: np.ndarray,
    exact_of: str | None,
    reused: Mapping[str, int],
    min_shared: int,
) -> list[Match]:
    """Links of one arriving article: its exact twin, its near-copies, the articles it shares sentences with."""
    out: dict[str, Match] = {}
    if exact_of:
        out[exact_of] = Match(exact_of, "exact", 1.0)
    for other, j in index.query(sig):
        if other not in out:
            out[other] = Match(other, "near", round(j, 4))
    for other, n in sorted(reused.items()):
        if n >= min_shared and other not in out:
            out[other] = Match(other, "sentences", float(n))
    return list(out.values())
