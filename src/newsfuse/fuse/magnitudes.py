"""The magnitude of the story's earthquake as each outlet gives it: "a magnitude-5.9 earthquake", "the USGS put the
magnitude at 6.1", "about 6.0 on the Richter scale". Agencies measure one quake differently and outlets credit
different ones, so a story often carries two or three values; newsfuse shows them as one number disagreement.

Only this story's quake is compared: a sentence about an aftershock, a general rule ("a magnitude-6 quake can cause
severe damage"), history ("in February a 6.4 quake hit Zarand", "last year", "in 2004"), or one giving two values is
left out, and two values are one quake's only when they are close (a quake measured twice differs by a few tenths) and
the sentences name no different places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..graph import components
from ..model import Discrepancy
from .discrepancies import _background, _dated_before, _id, _reference, event_years, variants
from .statements import Statement

_MAGNITUDE = re.compile(
    r"\bmagnitude(?:[- ]|\s+of\s+|\s+at\s+)(\d(?:\.\d)?)(?![\d.]*\d)"  # "magnitude-5.9", "a magnitude of 5.9", "put the magnitude at 6.1"
    r"|\b(\d(?:\.\d)?)[- ]magnitude\b"  # "6.1-magnitude", "5.9 magnitude"
    r"|\b(\d(?:\.\d)?)\s+on\s+the\s+Richter\b",  # "measuring 6.4 on the Richter scale"
    re.I,
)
_NOT_THIS_QUAKE = re.compile(r"\baftershocks?\b|\b(?:can|could|would|may|might)\b", re.I)
SPREAD = 0.5  # two readings of one quake differ by a few tenths; values further apart are two quakes
RECENT_DAYS = 30  # a sentence dating its quake a month or more before the report tells an earlier one


@dataclass(slots=True)
class Reading:
    statement: Statement
    value: float
    surface: str  # the words as the outlet wrote them ("magnitude-5.9")


def magnitude_of(st: Statement) -> Reading | None:
    """The one magnitude a statement gives, or None (none, or two: "Tehran said 5.9; the USGS said 6.1")."""
    found: dict[float, str] = {}
    for m in _MAGNITUDE.finditer(st.text):
        digits = next(g for g in m.groups() if g)
        value = float(digits)
        if 1.0 <= value < 10.0:
            found.setdefault(value, m.group(0))
    if len(found) != 1:
        return None
    ((value, surface),) = found.items()
    return Reading(st, value, surface)


def _this_story(st: Statement) -> bool:
    """The statement may report the story's own quake: not history, not an aftershock, not a general rule."""
    if st.kind != "statement" or _background(st) or _NOT_THIS_QUAKE.search(st.text):
        return False
    ref = st.article.meta.published or _reference(st)
    if ref is None:
        return True
    return not (_dated_before(st, ref, RECENT_DAYS) or _earlier_year(st, ref))


def _earlier_year(st: Statement, ref: date) -> bool:
    """A time of the statement falls in a year before the report's ("last year", "in 2004")."""
    return any(year < ref.year for year in event_years(st.times))


def _same_quake(a: Reading, b: Reading) -> bool:
    pa, pb = a.statement.places, b.statement.places
    return abs(a.value - b.value) <= SPREAD + 1e-9 and not (pa and pb and not pa & pb)


def magnitude_disagreements(statements: Sequence[Statement]) -> list[Discrepancy]:
    """One quake given different magnitudes by different outlets: one number disagreement per quake, with every value
    and the sentences that give it."""
    readings = [r for st in statements if _this_story(st) and (r := magnitude_of(st)) is not None]
    # readings linked when they can be one quake; each linked group is one quake
    links = [(i, j) for i, a in enumerate(readings) for j in range(i + 1, len(readings)) if _same_quake(a, readings[j])]
    quakes = [[readings[i] for i in group] for group in components(range(len(readings)), links)]
    out: list[Discrepancy] = []
    for members in quakes:
        by_value: dict[float, list[Reading]] = {}
        for r in members:
            by_value.setdefault(r.value, []).append(r)
        if len(by_value) < 2:
            continue
        # a disagreement between outlets: not one outlet alone, nor every outlet giving every value
        sources = [frozenset(r.statement.source for r in rs) for rs in by_value.values()]
        if len(set(sources)) < 2 or len(frozenset().union(*sources)) < 2:
            continue
        groups = {" / ".join(dict.fromkeys(r.surface for r in rs)): [r.statement for r in rs] for _, rs in sorted(by_value.items())}
        first = members[0].statement
        out.append(
            Discrepancy(
                _id(first.article.id, str(first.start), "magnitude"), "number", "disputed: number (magnitude)", variants(groups, "number")
            )
        )
    return out
