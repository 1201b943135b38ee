"""Statements gathered from read articles, with what the reading found inside each: speaker, quantities, dates,
entities. Fusion works on these records and never re-reads the text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Article, Span
from ..read.entities import ROLE_NOUNS
from ..read.numbers import HEDGES, Amount
from ..read.speakers import content_words

_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]|‘[^‘’]*’")


@dataclass(slots=True)
class Statement:
    idx: int
    article: Article
    start: int
    end: int
    text: str
    speaker: str | None = None  # entity name or description
    speaker_entity: str | None = None
    speaker_kind: str = "none"
    speaker_sure: bool = False  # a pronoun speaker ("he said") that can mean one person only: the outlet's own credit
    speaker_person: bool = False  # the speaker is a person (not an organisation or a description)
    speaker_written: str | None = None  # the speaker as the text writes it ("the letter", for its authors)
    speaker_bodies: set[str] = field(default_factory=set)  # organisations a person speaker is described with
    cue: str = ""  # the words that credit the speaker, in lower case ("alleged", "according to")
    credited: set[str] = field(default_factory=set)  # every entity the statement credits (nested: "X told Y, according to Z")
    direct: bool = False
    quantities: list[Span] = field(default_factory=list)
    times: list[Span] = field(default_factory=list)
    entities: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # the entities among them that are places (GPE, LOC, FAC)
    people: set[str] = field(default_factory=set)  # the people it is about: named persons other than whoever it credits
    words: set[str] = field(default_factory=set)
    kind: str = "statement"  # or "clause": a claim inside a statement (overlaps it)
    fragment: bool = False  # a clause that cannot stand as a sentence ("who placed second", "reaffirming the motto")
    parent: tuple[int, int] | None = None
    core: str = ""  # the statement without side clauses of its own: what its main claim is, for embedding
    main: Span | None = None  # the count the statement is about: the first quantity that counts something
    stance: str | None = None  # "alleged", "tentative" or "expected" when the outlet holds the claim at a distance (read.statements)
    stance_of: str = ""  # the lemma of the predicate the stance is on ("forward" in "reportedly forwarded")
    continues: Statement | None = None  # the statement before, when this one opens with "It" and dates nothing itself

    @property
    def source(self) -> str:
        return self.article.source_id

    def unquoted(self) -> str:
        """The statement with quoted words blanked: what an outlet wrote itself. Words inside a direct quote that runs
        over several sentences are blanked too, though this sentence holds neither of its quotation marks."""
        text = self.text
        for q in self.article.group("quotes"):
            if q.attrs.get("direct") and q.start < self.end and self.start < q.end:
                lo, hi = max(q.start, self.start) - self.start, min(q.end, self.end) - self.start
                text = text[:lo] + " " * (hi - lo) + text[hi:]
        return _QUOTED.sub(" ", text)


# a speaker that is only a pronoun or quantifier ("it", "its", "some", "others"), or a relative clause's "whose ..."
_VAGUE_SPEAKER = re.compile(
    r"^(?:(?:it|its|they|them|their|he|him|his|she|her|we|our|you|your|i|me|my|some|someone|one|others?|many|which|that"
    r"|this|these|those|s)$|whose\b)",
    re.I,
)


def named_speaker(st: Statement) -> str | None:
    """Whom ``st`` credits, when a reader can name it: an entity ("Mike Pompeo", "NYPD"), or a description of who
    spoke ("prosecutors", "a police spokeswoman", "the lawsuit"); not a pronoun or quantifier the reading could not
    resolve ("it", "some", "others")."""
    if not st.speaker:
        return None
    if st.speaker_entity or (st.speaker_kind == "description" and not _VAGUE_SPEAKER.match(st.speaker)):
        return st.speaker
    return None


def spaced(text: str) -> str:
    """The words of a text with single spaces between them: two outlets' sentences that are word for word the same
    compare equal however their lines were broken."""
    return " ".join(text.split())


def amount_of(q: Span) -> Amount:
    a = q.attrs
    low, high = a["low"], a["high"]
    if a.get("hedge") == "exact" and low is not None and low == high and low >= 100 and low % 100 == 0:
        # a bare round number is itself approximate ("1,000 killed" does not contradict "more than 1,000")
        return Amount(low, high * 11 / 10, high_open=True, hedge="exact", value=low)  # exact: 50,000 × 1.1 is above 55,000 in floats
    return Amount(low, high, a.get("low_open", False), a.get("high_open", False), a.get("hedge", "exact"), a.get("value"))


BOUND_RATIO = 1.1  # two minimums ("more than 26,000", "more than 31,000") this far apart give two different tallies
_BOUNDS = {"above": "min", "at_least": "min", "at_most": "max", "high_estimate": "max", "below": "max"}


def _step(value: float) -> float:
    """The unit a stated number is rounded to: 1,000 for "12,000", 100 for "12,400", 0.1 for "4.5"."""
    value = float(f"{value:.12g}")  # "4.1 million" is 4099999.9999999995 in floats
    step = 1.0
    while value >= step * 10 and (value / (step * 10)).is_integer():
        step *= 10
    while step > 0.001 and not round(value / step, 6).is_integer():
        step /= 10
    return step


def _rounded_apart(x: Amount, y: Amount) -> bool:
    """Two figures, both approximate or both bare, that the coarser's rounding does not join: more than half its
    step apart. "About 12,000" and "about 13,000" are two estimates, however much their intervals overlap, as
    "12,000" and "13,000" are two counts; "about 20,000" and "about 21,000" may be one figure rounded to one digit
    or to two, and "about 20,000" and "about 26,000" are not. A hedge holds a bare figure near it ("about $3.6
    billion" / "$3.5 billion")."""
    if x.value is None or y.value is None or x.value <= 0 or y.value <= 0:
        return False
    kinds = {"exact" if a.hedge.lower() == "exact" else HEDGES.get(a.hedge.lower()) for a in (x, y)}
    if kinds not in ({"exact"}, {"approx"}):
        return False
    return abs(x.value - y.value) > max(_step(x.value), _step(y.value)) / 2 * (1 + 1e-9)


def amounts_agree(x: Amount, y: Amount) -> bool:
    """Two amounts can be one figure: their intervals overlap, they are not two round figures a step apart
    (:func:`_rounded_apart`), and they are not two minimums (or two maximums) of different stated numbers. "More
    than 200" agrees with "249"; "at least 10 killed" and "at least 24 killed" are two tallies, whatever their
    intervals allow."""
    if not x.overlaps(y) or _rounded_apart(x, y):
        return False
    kx, ky = _BOUNDS.get(HEDGES.get(x.hedge.lower(), "")), _BOUNDS.get(HEDGES.get(y.hedge.lower(), ""))
    if kx is None or kx != ky or not x.value or not y.value:
        return True
    return max(x.value, y.value) / min(x.value, y.value) <= BOUND_RATIO


def _role_described(speaker: str) -> bool:
    """A speaker described by what a person is ("a witness", "the company's spokesman"), not named."""
    words = re.findall(r"[a-z][a-z-]+", speaker.lower())
    return bool(words) and words[-1] in ROLE_NOUNS


def affiliations(articles: Sequence[Article]) -> dict[str, set[str]]:
    """The organisations any text names in a person's description ("Microsoft spokesman Dustin Childs", "John
    Kirby, the Pentagon's press secretary"): person entity -> organisation entities."""
    out: dict[str, set[str]] = {}
    for a in articles:
        orgs = [m for m in a.group("mentions") if m.label == "ORG" and "entity" in m.attrs]
        for m in a.group("mentions"):
            described = m.attrs.get("described")
            if m.label != "PERSON" or "entity" not in m.attrs or not described:
                continue
            lo, hi = described
            named = {str(o.attrs["entity"]) for o in orgs if lo <= o.start and o.end <= hi}
            if named:
                out.setdefault(str(m.attrs["entity"]), set()).update(named)
    return out


MIN_WORDS = 4  # the shortest statement a fact is made of
MIN_QUOTED_WORDS = 3  # the shortest a named speaker's direct quote may be ("It's very unfair.")


def _named_direct_quote(s: Span, quotes: Sequence[Span]) -> bool:
    """The statement lies inside one direct quote credited to a named speaker."""
    return any(q.attrs.get("direct") and q.attrs.get("entity") and q.start <= s.start + 1 and s.end <= q.end + 2 for q in quotes)


def gather(articles: Sequence[Article]) -> list[Statement]:
    out: list[Statement] = []
    member_of = affiliations(articles)
    for a in articles:
        quotes = a.group("quotes")
        labels = {str(m.attrs.get("entity")): m.label for m in a.group("mentions")}
        # where the hurt are treated is no place the event happened: "14 taken to St. Brendan's Medical Center" and "16
        # rushed to hospital in Port Halvard" count one thing
        wards = {str(m.attrs.get("entity")) for m in a.group("mentions") if _care_place(a.text, m.start, m.end)}
        for s in a.group("statements"):
            if s.label == "headline":
                continue
            text = a.text[s.start : s.end]
            if len(text.split()) < MIN_WORDS and not (len(text.split()) >= MIN_QUOTED_WORDS and _named_direct_quote(s, quotes)):
                continue  # too short to be a claim, unless a named person's own words ("He is egocentric," Fox said)
            st = Statement(
                len(out), a, s.start, s.end, text, kind=s.label, stance=s.attrs.get("stance"), stance_of=str(s.attrs.get("stance_of", ""))
            )
            if s.label == "clause":
                st.parent = tuple(s.attrs["statement"])  # type: ignore[assignment]
                st.fragment = bool(s.attrs.get("fragment"))
            best: tuple[int, int, int] = (0, 0, -len(a.text) - 1)
            for q in quotes:
                ov = min(q.end, s.end) - max(q.start, s.start)
                cue = q.attrs.get("cue")
                cue_in = cue is not None and s.start <= cue[0] < s.end
                if ov <= 0 or not (ov >= 0.4 * (s.end - s.start) or cue_in) or not q.attrs.get("name"):
                    continue
                if q.attrs.get("entity"):
                    st.credited.add(str(q.attrs["entity"]))
                st.credited.update(str(e) for e in q.attrs.get("co_entities", []))  # joint statements
                # a person who spoke outranks the outlet or report that relayed it ("X told reporters, according to CNN");
                # a person described by a role ("a witness told police that Simpson bragged ...") is a person too, so
                # the quote that covers more of the statement wins, and of two that cover as much the tighter one
                person = labels.get(str(q.attrs.get("entity")), "") == "PERSON"
                described = not q.attrs.get("entity") and _role_described(str(q.attrs.get("speaker_text") or ""))
                rank = (int(person or described), ov, q.start - q.end)
                if rank > best:
                    best = rank
                    st.speaker = q.attrs.get("name")
                    st.speaker_entity = q.attrs.get("entity")
                    st.speaker_kind = q.attrs.get("speaker_kind", "none")
                    st.speaker_sure = bool(q.attrs.get("sure"))
                    st.speaker_person = person
                    st.speaker_written = q.attrs.get("speaker_text")
                    st.cue = a.text[cue[0] : cue[1]].lower() if cue else ""
                    st.speaker_bodies = member_of.get(str(q.attrs.get("entity")), set())
                    st.direct = bool(q.attrs.get("direct"))
            st.quantities = [q for q in a.group("quantities") if s.start <= q.start and q.end <= s.end]
            side = _side_clauses(a, s)
            st.main = _main_count(a.text, side, st.quantities)
            st.times = [t for t in a.group("times") if s.start <= t.start and t.end <= s.end]
            inside = [m for m in a.group("mentions") if s.start <= m.start < s.end and "entity" in m.attrs and m.label != "NORP"]
            st.entities = {m.attrs["entity"] for m in inside}
            # a place that only says whose officials spoke ("according to Marrow County officials") is not where it happened
            st.places = {
                m.attrs["entity"]
                for m in inside
                if labels.get(m.attrs["entity"]) in {"GPE", "LOC", "FAC"} and not _AFFILIATION.match(a.text, m.end)
            } - wards
            st.people = {e for e in st.entities if labels.get(e) == "PERSON"} - st.credited - {st.speaker_entity}
            st.words = content_words(text)
            st.core = _core(a, s, text, side)
            out.append(st)
        _link_continuations([x for x in out if x.article is a])
    return out


# a place name before the people who speak for it: "Marrow County officials", "Riverton police said"
_AFFILIATION = re.compile(
    r"(?:['’]s)?[ \t]+(?:officials?|authorities|police|spokes(?:man|woman|person)|government|council|officers?|prosecutors?)\b"
)
_CARE_WORDS = r"(?:Hospital|Medical Cent(?:er|re)|Clinic|Infirmary)\b"
_CARE_PLACE = re.compile(rf"\b{_CARE_WORDS}", re.I)
_CARE_AFTER = re.compile(rf"(?:['’]s)?(?:[ \t]+(?:St\.|[A-Z][\w'’-]*))*?[ \t]+{_CARE_WORDS}")  # within one sentence


def _care_place(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` is a hospital's, or the head of one the tagger split ("St. Brendan" of "St. Brendan's
    Regional Medical Center")."""
    return bool(_CARE_PLACE.search(text, start, end) or _CARE_AFTER.match(text, end))


_PERSON_PRONOUN = re.compile(r"^[\"“‘'\s]*(?:he|she|his|her)\b", re.I)
_CONTINUES = re.compile(r"^[\"“‘'\s]*(?:it|they)\b", re.I)


def _link_continuations(sts: Sequence[Statement]) -> None:
    """A statement opening with "It" or "They" that dates nothing itself continues the one before it ("The last
    major quake hit Zarand in February. It killed 612 people."); one opening with "He" or "She" that names nobody is
    about the people of the one before it. Its clauses take both from it."""
    whole = sorted((s for s in sts if s.kind == "statement"), key=lambda s: s.start)
    for prev, st in itertools.pairwise(whole):
        if not st.times and _CONTINUES.match(st.text):
            st.continues = prev
        if not st.people and _PERSON_PRONOUN.match(st.text):
            # "He finished with 14 points" after a sentence naming two people is about one of them, which the reading
            # cannot tell: someone unknown, about whom nothing is compared with a named person
            st.people = set(prev.people) if len(prev.people) <= 1 else {f"unresolved:{st.article.id}:{st.start}"}
    by_span = {(s.start, s.end): s for s in whole}
    for st in sts:
        parent = by_span.get(st.parent) if st.parent else None
        if parent is None:
            continue
        if not st.people:
            st.people = set(parent.people)
        if parent.continues is not None and not st.times:
            st.continues = parent.continues


SIDE_CLAUSES = {"relcl", "advcl", "conj"}


def _side_clauses(a: Article, s: Span) -> list[tuple[int, int]]:
    """Where a statement's side clauses (non-restrictive relatives, participle adjuncts, coordinated verb phrases),
    which are units of their own, lie."""
    if s.label != "statement":
        return []
    return sorted(
        (c.start, c.end)
        for c in a.group("statements")
        if c.label == "clause" and c.attrs.get("statement") == (s.start, s.end) and c.attrs.get("dep") in SIDE_CLAUSES
    )


def _core(a: Article, s: Span, text: str, cut: Sequence[tuple[int, int]]) -> str:
    """A statement's text minus the side clauses it carries (``cut``: :func:`_side_clauses`)."""
    if not cut:
        return text
    keep, pos = [], s.start
    for c0, c1 in cut:
        if c0 >= pos:
            keep.append(a.text[pos:c0])
            pos = c1
    keep.append(a.text[pos : s.end])
    core = re.sub(r"\s+([,.;:])", r"\1", " ".join(" ".join(keep).split()))
    core = re.sub(r"([,;:])(?:[,;:.])+", lambda m: m.group(0)[-1], core)
    return core if len(core.split()) >= 4 else text


def _main_count(text: str, side: Sequence[tuple[int, int]], quantities: Sequence[Span]) -> Span | None:
    """The count a statement is about: the first count of its main clause that is no describing word. In "The filing,
    which runs to 46 pages, came after X was declared the winner by 312 votes" it is the votes (the pages are a side
    clause's), in "left X ahead of the two-term incumbent by 213 votes" the votes too ("two-term" sizes a word), in
    "the two sides agreed to free 120 prisoners" the prisoners (a group named by its known size refers to it); a
    statement that counts only in a side clause counts there ("The storm, which killed 12, hit on Monday"), as does
    one whose main clause counts only a part of a count before ("... killing 11, 17 of them children"). ``side``:
    where the statement's side clauses lie (:func:`_side_clauses`)."""
    # a part of a count told before ("killing 11 and injuring 63 others, 17 of them seriously") is what a statement
    # is about only when it counts nothing else
    stated = [q for q in quantities if DESCRIBING.match(text, q.end) is None and not q.attrs.get("of_them")]
    main = [q for q in stated if not any(c0 <= q.start and q.end <= c1 for c0, c1 in side)]
    # "the two delegations agreed to release 120 prisoners": a group named by its known size refers, the prisoners count
    unreferred = [q for q in main if _REFERS.search(text, max(0, q.start - 8), q.start) is None]
    return first_count(unreferred) or first_count(main) or first_count(stated) or first_count(quantities)


DESCRIBING = re.compile(r"-[a-z]")  # a number made into a describing word: "two-term", "46-page", "five-time"
_REFERS = re.compile(r"\b(?:the|these|those)\s+$", re.I)


def main_quantity(st: Statement) -> Span | None:
    """The count a statement is about (set by :func:`gather`)."""
    return st.main


MEASURES = frozenset({"magnitude", "strength", "scale", "percent", "per cent", "degree", "degrees", "point", "points"})


def first_count(quantities: Sequence[Span]) -> Span | None:
    """The first quantity that counts something, a count of things before a measure, a part before its whole: in "a
    6.1 magnitude quake hit, leaving 24 dead" the statement counts the dead, in "saved 38 of the 47 miners" the saved."""
    counts = [q for q in quantities if q.attrs.get("counted")]
    parts = [q for q in counts if not q.attrs.get("whole")] or counts  # "six of its eight carriages": the six
    return next((q for q in parts if not _measure(q)), parts[0] if parts else None)


# what an index or a rate does by points ("the Dow fell 200 points"): a reading of a scale, not points someone scored
_MOVES = frozenset(
    {
        "fall",
        "rise",
        "drop",
        "gain",
        "climb",
        "lose",
        "jump",
        "slip",
        "tumble",
        "plunge",
        "surge",
        "decline",
        "sink",
        "slide",
        "soar",
        "close",
    }
)


def _measure(q: Span) -> bool:
    words = str(q.attrs.get("counted") or "").lower().replace("-", " ").split()
    value = q.attrs.get("value")
    if (
        words in (["point"], ["points"])
        and value is not None
        and float(value).is_integer()
        and not set(q.attrs.get("state_lemmas") or ()) & _MOVES
    ):
        return False  # "now has 2,029 points in 106 games": points a player scored are a count, not a scale's reading
    return q.label in {"PERCENT", "QUANTITY"} or bool(words and (words[-1] in MEASURES or "magnitude" in words))
