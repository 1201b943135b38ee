"""What a reading stage is: a small named, versioned step that reads a parsed article and returns spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from ..model import Article, Span


@dataclass(slots=True)
class Context:
    """Per-article state shared between stages during one read (never stored)."""

    doc: Any  # spacy.tokens.Doc
    reference: date | None = None  # the date relative expressions resolve against
    reference_basis: str = "none"  # "published", "dateline", "story", "text" (see pipeline.reference_dates) or "none"
    scratch: dict[str, Any] = field(default_factory=dict)


def doc_text(doc: Any) -> str:
    """The text of a parsed document. spaCy's ``Doc.text`` joins every token on each access, so a lookup per token
    or per entity made reading quadratic in the article's length (``bench/long_article.py``: 11.2 s for 100 KB, 3.7 s
    with the text kept once per doc)."""
    text = doc.user_data.get("newsfuse_text")
    if text is None:
        text = doc.user_data["newsfuse_text"] = doc.text
    return str(text)


class Stage(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def version(self) -> int: ...

    @property
    def requires(self) -> tuple[str, ...]:
        """Span groups that earlier stages must have assigned."""
        ...

    @property
    def assigns(self) -> tuple[str, ...]:
        """Span groups this stage returns."""
        ...

    def __call__(self, article: Article, ctx: Context) -> dict[str, list[Span]]:
        """Compute; return new spans per group. The pipeline writes them (a stage writes nothing itself)."""
        ...


def tag(stage: Stage) -> str:
    return f"{stage.name}@{stage.version}"
