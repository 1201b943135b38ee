"""How a reader sees each source: by its outlet, not by an id made of a file name or a hash."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any


def source_names(sources: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Each source id's display name: its outlet where known ("bbc.co.uk"), numbered in source order when one outlet
    gives several ("nytimes.com 1", "nytimes.com 2"), else the id itself. Should two sources still read alike (an
    outlet named like another source's id), every source is shown by its id."""
    per_outlet = Counter(str(s["outlet"]) for s in sources if s.get("outlet"))
    seen: Counter[str] = Counter()
    out: dict[str, str] = {}
    for s in sources:
        outlet = str(s["outlet"]) if s.get("outlet") else None
        if outlet is None:
            out[s["id"]] = s["id"]
        elif per_outlet[outlet] > 1:
            seen[outlet] += 1
            out[s["id"]] = f"{outlet} {seen[outlet]}"
        else:
            out[s["id"]] = outlet
    if len(set(out.values())) < len(out):
        return {s["id"]: s["id"] for s in sources}
    return out


def listed(names: Mapping[str, str], ids: Sequence[str]) -> str:
    """Sources by name, comma-separated (an id without a name as itself)."""
    return ", ".join(names.get(i, i) for i in ids)


def credits(fact: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """Whom the fact's words are credited to, and by which sources: "Volodymyr Zelenskyy (AP, Reuters); aides
    (washingtonpost.com)", in the order of the fact's speakers. A speaker every source of the fact credits, or that
    no evidence span names (a brief written before spans carried their speaker), is listed without sources."""
    every = set(fact.get("sources") or [])
    parts = []
    for who in fact.get("speakers") or []:
        ids = list(dict.fromkeys(str(e["source"]) for e in fact.get("evidence", []) if e.get("speaker") == who))
        parts.append(f"{who} ({listed(names, ids)})" if ids and set(ids) != every else str(who))
    return "; ".join(parts)


def published(doc: Mapping[str, Any]) -> str | None:
    """When the sources were published, as a reader should see it: "2024-12-20 to 2024-12-28", one day once, and how
    many sources carry a date when some do not ("2024-12-28 (1 of 5 sources dated)"); None when none is dated."""
    story = doc["story"]
    first, last = story.get("first_published"), story.get("last_published")
    if not first:
        return None
    span = first if not last or last == first else f"{first} to {last}"
    dated = sum(1 for s in doc["sources"] if s.get("published"))
    total = len(doc["sources"])
    return span if dated >= total else f"{span} ({dated} of {total} sources dated)"


def date_phrases(entry: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The words that give a timeline entry its date, each once (the first place they are written), so that a
    sentence dated twice shows which of its phrases gives which date; the date itself written out ("1994" for 1994)
    says nothing more and is left out."""
    seen: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for w in entry.get("when") or []:
        words = _trimmed(" ".join(str(w["text"]).split()))
        if words and words != entry.get("date"):
            seen.setdefault(words.lower(), (words, w))
    return list(seen.values())


def _trimmed(words: str) -> str:
    """Date words as a reader should see them, where the entity model cut them loosely: without a trailing "and",
    a possessive or an opened bracket ("Oct. 16 and" -> "Oct. 16", "next Thursday's" -> "next Thursday", "Monday
    (March 16" -> "Monday")."""
    if "(" in words and ")" not in words:
        words = words.split("(", 1)[0]
    words = re.sub(r"(?:['’]s|\s+(?:and|or|to)|[\s,;:–-])+$", "", words.strip())
    return words


def date_words(entry: Mapping[str, Any], most: int = 3) -> str:
    """:func:`date_phrases` quoted and listed ("“the previous day”, “Friday”"); empty when there are none."""
    phrases = date_phrases(entry)
    return ", ".join(f"“{t}”" for t, _ in phrases[:most]) + (", …" if len(phrases) > most else "")


def worded_alike(evidence: Sequence[Mapping[str, Any]]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """Evidence spans grouped by their words (case and spacing aside), in order of first appearance: four outlets
    writing "Transport Minister Ada Holm" are one description with four sources, each span kept for its link."""
    groups: dict[str, tuple[str, list[Mapping[str, Any]]]] = {}
    for e in evidence:
        key = " ".join(str(e["text"]).split()).casefold()
        groups.setdefault(key, (str(e["text"]), []))[1].append(e)
    return list(groups.values())
