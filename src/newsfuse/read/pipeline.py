"""The reading pipeline: stages assembled in order, checked when built, run over batches of articles.

One spaCy pass per article (``nlp.pipe`` over the batch); each stage then computes from the parsed document and
returns spans that the pipeline writes. An article whose reading fails is isolated and reported; the batch goes on.
After the batch, mentions are linked across articles into entities and each quote gets its speaker entity.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ..errors import PipelineError
from ..model import Article, Entity, Rejected
from ..settings import Settings
from .base import Context, Stage, tag
from .entities import Mentions, describe_key, description_map, fold, link_entities
from .nlp import load_spacy
from .quantities import Quantities
from .quotes import Quotes
from .sentences import Sentences
from .statements import Statements
from .times import Times


def default_stages() -> list[Stage]:
    return [Sentences(), Statements(), Mentions(), Quotes(), Quantities(), Times()]


@dataclass(slots=True)
class ReadResult:
    articles: list[Article]
    entities: list[Entity]
    rejected: list[Rejected] = field(default_factory=list)


class Pipeline:
    def __init__(self, settings: Settings | None = None, stages: Sequence[Stage] | None = None) -> None:
        self.settings = settings or Settings.load()
        self.stages = list(stages) if stages is not None else default_stages()
        have: set[str] = set()
        for st in self.stages:
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise PipelineError(f"stage {tag(st)} needs {', '.join(missing)}, which no earlier stage assigns")
            have.update(st.assigns)
        self._nlp = None

    @property
    def nlp(self):  # type: ignore[no-untyped-def]
        if self._nlp is None:
            self._nlp = load_spacy(self.settings.spacy_model)
        return self._nlp

    def read(self, articles: Sequence[Article]) -> ReadResult:
        """Read every article (in place) and link entities across them."""
        refs = reference_dates(articles)
        ok: list[Article] = []
        rejected: list[Rejected] = []
        texts = (a.text for a in articles)
        for a, doc in zip(articles, self.nlp.pipe(texts, batch_size=self.settings.batch_size), strict=True):
            ref, basis = refs[a.id]
            ctx = Context(doc=doc, reference=ref, reference_basis=basis)
            current = "start"
            try:
                for st in self.stages:
                    current = tag(st)
                    produced = st(a, ctx)
                    for group, spans in produced.items():
                        a.set_spans(group, spans)
                    a.stages.append(tag(st))
            except Exception as e:  # isolate the article, keep the batch
                rejected.append(
                    Rejected(
                        a.origin or a.source_id,
                        f"reading failed in stage {current}: {type(e).__name__}: {e}",
                    )
                )
                continue
            if a.meta.title is None:
                heads = [sp for sp in a.group("sentences")[:1] if sp.label == "headline"]
                if heads:  # a headline glued to the first paragraph, split off by the sentences stage
                    a.meta.title = a.span_text(heads[0])
            if basis != "published":
                a.meta.extra["reference_date"] = ref.isoformat() if ref else None
                a.meta.extra["reference_basis"] = basis
            ok.append(a)
        entities = link_entities(ok)
        attach_speakers(ok)
        return ReadResult(ok, entities, rejected)


def reference_dates(articles: Sequence[Article]) -> dict[str, tuple[date | None, str]]:
    """Each article's reference date: its own publication date, else the median of the batch's (marked "story")."""
    known = sorted(a.meta.published for a in articles if a.meta.published)
    story = known[(len(known) - 1) // 2] if known else None
    if known:
        story = statistics.median_low(known)
    return {a.id: ((a.meta.published, "published") if a.meta.published else (story, "story" if story else "none")) for a in articles}


def attach_speakers(articles: Sequence[Article]) -> None:
    """Map each quote's article-local speaker name to the run's entity (via the linked mentions)."""
    described = description_map(articles)
    written: dict[str, set[tuple[str, str]]] = defaultdict(set)  # a name as written anywhere in the run -> entities
    for a in articles:
        for m in a.group("mentions"):
            if "entity" in m.attrs:
                written[fold(str(m.attrs.get("text", "")))].add((m.attrs["entity"], m.attrs["name"]))
    for a in articles:
        by_local: dict[str, tuple[str, str]] = {}
        for m in a.group("mentions"):
            local = m.attrs.get("local", m.attrs.get("text"))
            if "entity" in m.attrs and local:
                by_local.setdefault(local, (m.attrs["entity"], m.attrs["name"]))
        spans_at = {(m.start, m.end): m for m in a.group("mentions")}
        new = []
        for q in a.group("quotes"):
            ent = name = None
            local = q.attrs.get("local_name")
            sp = q.attrs.get("speaker")
            if q.attrs.get("speaker_kind") == "name" and sp and tuple(sp) in spans_at:
                m = spans_at[tuple(sp)]
                ent, name = m.attrs.get("entity"), m.attrs.get("name")
            elif local and local in by_local:
                ent, name = by_local[local]
            elif q.attrs.get("speaker_kind") == "name" and len(written.get(fold(str(local or "")), ())) == 1:
                # a name the model did not tag here ("Kestrel Point Terminals, known locally as KPT, said") but the
                # run writes the same way elsewhere, always for one entity
                ent, name = next(iter(written[fold(str(local))]))
            elif q.attrs.get("speaker_kind") == "description" and q.attrs.get("speaker_text"):
                # "South Korea's spy agency said": the entity a text of the run equated with that description
                ent, name = described.get(describe_key(str(q.attrs["speaker_text"])), (None, None))
            if name is None and q.attrs.get("speaker_kind") != "pronoun":
                name = q.attrs.get("speaker_text")  # a description ("early estimates"); an unresolved "she" names no one
            co = [by_local[c][0] for c in q.attrs.get("co_speakers", []) if c in by_local]
            new.append(replace(q, attrs={**q.attrs, "entity": ent, "name": name, "co_entities": co}))
        a.spans["quotes"] = new
