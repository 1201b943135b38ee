"""Shared fixtures: hand-built Articles (no model) and the location of ../shared (skipped when absent)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

from newsfuse.model import Article, Meta, Span

# CI runs the same examples every time (a failure there must be reproducible); locally hypothesis explores freely.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def load_bench(name: str) -> ModuleType:
    """A script of ``bench/`` as a module (``bench/eval_polnear.py`` -> ``load_bench("eval_polnear")``), registered so
    its dataclasses resolve their module by name."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def make_article(text: str, source_id: str = "a", **meta: object) -> Article:
    return Article(source_id=source_id, raw=text, text=text, meta=Meta(**meta), offsets=[(0, 0, len(text))])  # type: ignore[arg-type]


def span(article: Article, needle: str, label: str = "x", stage: str = "test@1", **attrs: object) -> Span:
    start = article.text.index(needle)
    return Span(start, start + len(needle), label, stage, attrs)


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seeds_reading():  # type: ignore[no-untyped-def]
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    from newsfuse.api import read

    return read([SHARED / "seeds"])
