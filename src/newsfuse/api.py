"""The public API: read articles, and fuse them into a brief."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ingest import load
from .model import Article, Brief, Entity, Rejected
from .read.pipeline import Pipeline
from .settings import Settings

_PIPELINES: dict[Settings, Pipeline] = {}


def pipeline(settings: Settings | None = None) -> Pipeline:
    """The reading pipeline for these settings, built once per process (models load once)."""
    settings = settings or Settings.load()
    if settings not in _PIPELINES:
        _PIPELINES[settings] = Pipeline(settings)
    return _PIPELINES[settings]


@dataclass(slots=True)
class Reading:
    """What :func:`read` returns: the read articles, the entities linked across them, and what was refused."""

    articles: list[Article]
    entities: list[Entity]
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)


def read(inputs: Iterable[str | Path] | str | Path, settings: Settings | None = None, **overrides: Any) -> Reading:
    """Ingest and read inputs (files, folders, ``-``). Unreadable inputs are listed in ``rejected``."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    settings = settings or Settings.load(overrides)
    batch = load(inputs, settings)
    result = pipeline(settings).read(batch.articles)
    return Reading(result.articles, result.entities, batch.rejected + result.rejected, batch.warnings)


def read_articles(articles: list[Article], settings: Settings | None = None) -> Reading:
    """Read articles built in memory (tests, other front ends)."""
    result = pipeline(settings).read(articles)
    return Reading(result.articles, result.entities, result.rejected)


def brief(inputs: Iterable[str | Path] | str | Path | Reading, settings: Settings | None = None, **overrides: Any) -> Brief:
    """Read the inputs (or take a :class:`Reading`) and fuse them into one brief."""
    from .fuse import fuse

    settings = settings or Settings.load(overrides)
    reading = inputs if isinstance(inputs, Reading) else read(inputs, settings)
    b = fuse(reading.articles, reading.entities, settings)
    b.rejected = list(reading.rejected)
    return b
