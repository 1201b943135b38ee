"""Pure comparisons between statements: are two counts about the same thing, do their intervals agree, what kind
of disagreement separates them. No text is read here; only what the reading recorded."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Span
from ..read.entities import fold
from ..read.numbers import intervals_overlap
from ..read.quantities import SEVERITY
from ..read.speakers import SPEECH_VERBS
from ..read.times import TELLINGS, WEEKDAYS
from .statements import Statement, amount_of, main_quantity

_STATE_CLASSES = {
    **dict.fromkeys(SEVERITY, "severe"),  # "seriously injured": the worst cases, a part of the injured
    "die": "death",
    "dying": "death",
    "killing": "death",
    "fatally": "death",
    "fatal": "death",
    "injuring": "injury",
    "wounding": "injury",
    "evacuation": "evacuation",
    "collapsing": "collapse",
    "died": "death",
    "dead": "death",
    "kill": "death",
    "killed": "death",
    "deaths": "death",
    "death": "death",
    "lost": "death",
    "perish": "death",
    "perished": "death",
    "wound": "injury",
    "wounded": "injury",
    "injure": "injury",
    "injured": "injury",
    "hurt": "injury",
    "injuries": "injury",
    "casualties": "death+injury",
    "casualty": "death+injury",
    "evacuate": "evacuation",
    "flee": "evacuation",
    "fled": "evacuation",
    "evacuated": "evacuation",
    "moved": "evacuation",
    "displaced": "evacuation",
    "collapse": "collapse",
    "collapsed": "collapse",
    "fell": "collapse",
    "fallen": "collapse",
    "fall": "collapse",
    "toppled": "collapse",
    "topple": "collapse",
    "crashed": "collapse",
    "destroyed": "collapse",
    "destroy": "collapse",
    "destroying": "collapse",
    "demolish": "collapse",
    "demolished": "collapse",
    "raze": "collapse",
    "razed": "collapse",
    "flatten": "collapse",
    "flattened": "collapse",
    # people taken ill: "sickened more than 400", "400 fell ill", "infected 120"
    "sicken": "illness",
    "sickened": "illness",
    "ill": "illness",
    "infect": "illness",
    "infected": "illness",
    "hospitalize": "hospital",
    "hospitalise": "hospital",
    "hospitalized": "hospital",
    "hospitalised": "hospital",
    "admissions": "hospital",  # "2,300 hospital admissions": people admitted
    "arrest": "arrest",
    "arrested": "arrest",
    "detained": "arrest",
    "missing": "missing",
    # prisoners let go: "free 120 prisoners", "release 120", "an exchange of 180 prisoners"
    "release": "release",
    "released": "release",
    "free": "release",
    "freed": "release",
    "exchange": "release",
    "exchanged": "release",
    "swap": "release",
    "swapped": "release",
    "unaccounted": "missing",
    # people brought out alive: "200 were plucked from the sea", "38 were rescued" (not "rescue" itself, which names the
    # workers too: "300 rescue workers" are no one rescued; nor "pulled": "pull 2,000 troops out of Syria")
    "rescued": "rescue",
    "pluck": "rescue",
    "plucked": "rescue",
    "save": "rescue",
    "saved": "rescue",
    "airlift": "rescue",
    "airlifted": "rescue",
    "winch": "rescue",
    "winched": "rescue",
    "capture": "capture",
    "captured": "capture",
    # shut for a time: "seven schools were closed", "nine schools stayed shut"
    "close": "closure",
    "closed": "closure",
    "shut": "closure",
    "closure": "closure",
    "closures": "closure",
    # who lives in a place: "a population of 120,000", "home to 120,000 people", "200,000 residents"
    "population": "population",
    # a crowd, by what it did: counts of marchers, protesters and rally-goers are one count
    "march": "protest",
    "marched": "protest",
    "marching": "protest",
    "rally": "protest",
    "rallied": "protest",
    "protest": "protest",
    "protested": "protest",
    "demonstrate": "protest",
    "demonstrated": "protest",
    "demonstration": "protest",
    "demonstrations": "protest",
    "crowd": "protest",
    "marchers": "protest",
    "protesters": "protest",
    "demonstrators": "protest",
}
_NOUN_SYNONYMS = {
    "troops": "soldier",
    "troop": "soldier",
    "soldiers": "soldier",
    "soldier": "soldier",
    "personnel": "soldier",
    "forces": "soldier",
    "fighters": "soldier",
    "people": "person",
    "persons": "person",
    "residents": "person",
    "inhabitants": "person",
    # civilians are people, but never soldiers: "20 civilians killed" and "46 soldiers killed" count two things
    "civilians": "civilian",
    "civilian": "civilian",
    "rescuers": "rescuer",
    "workers": "worker",
    "worker": "worker",
    "employees": "worker",
    "staff": "worker",
    # people counted by what they are in the story: one group under several names ("150 of the caravan's members",
    # "200 migrants"); counts of them are told apart by what they did (their predicates), not by the noun
    "members": "person",
    "migrants": "person",
    "refugees": "person",
    "protesters": "person",
    "demonstrators": "person",
    "seekers": "person",
    "admissions": "person",  # "just under 2,300 hospital admissions" / "more than 2,300 people admitted"
    # a crowd by what it came for, and a place's people by where they live
    "fans": "person",
    "supporters": "person",
    "spectators": "person",
    "onlookers": "person",
    "worshippers": "person",
    "pilgrims": "person",
    "mourners": "person",
    "villagers": "person",
    "locals": "person",
    "citizens": "person",
    # a count of more people after a first one: "four people died ... fourteen others were injured"
    "others": "person",
    # firms by any name: "64 supplier companies", "46 firms in the region supply parts", "64 suppliers"
    "companies": "company",
    "firms": "company",
    "firm": "company",
    "businesses": "company",
    "suppliers": "company",
    "arrests": "arrest",
    "apprehensions": "arrest",
    "apprehension": "arrest",
    "earthquake": "quake",
    "earthquakes": "quake",
    "quakes": "quake",
    "tremor": "quake",
    "temblor": "quake",
}


def state_class(state: str | None, counted: str | None, lemmas: Sequence[str] = ()) -> frozenset[str]:
    """What a count counts, as classes: "killed or wounded" -> {death, injury}; "died" -> {death}."""
    out: set[str] = set()
    for w in [*lemmas, *re.findall(r"[a-z]+", f"{state or ''} {counted or ''}".lower())]:
        c = _STATE_CLASSES.get(w)
        if c:
            out.update(c.split("+"))
    if "hospital" in out:
        out.discard("evacuation")  # "moved to hospitals": taken into care, not out of harm's way
    if "illness" in out:
        out.discard("collapse")  # "fell ill"
    return frozenset(out)


def quantity_state(q: Span) -> frozenset[str]:
    """The state classes of a quantity span as the reading recorded it."""
    return state_class(q.attrs.get("state"), q.attrs.get("counted"), q.attrs.get("state_lemmas") or ())


def severity_apart(sa: frozenset[str], sb: frozenset[str]) -> bool:
    """One of two counts' states is of the worst cases only ("seriously injured" against "injured")."""
    return ("severe" in sa) != ("severe" in sb)


# people counted by the work they came to do: "300 rescue workers" and "more than 300 rescuers" count one crew
_CREWS = frozenset({"workers", "worker", "crews", "crew", "teams", "team", "personnel", "staff", "volunteers"})
_CREW_WORK = {"rescue": "rescuer", "aid": "aid worker", "relief": "aid worker", "emergency": "responder", "medical": "medic"}


def counted_key(counted: str | None) -> str | None:
    if not counted:
        return None
    words = counted.lower().split()
    if not words:
        return None
    head = words[-1]
    if head in {"%", "percent", "pct"} or words[-2:] == ["per", "cent"]:
        return "%"  # "87 per cent", "78%": one share
    if head in _CREWS and len(words) > 1 and words[-2] in _CREW_WORK:
        return _CREW_WORK[words[-2]]  # "rescue workers" are rescuers, not the workers a story counts
    if head in _NOUN_SYNONYMS:
        return _NOUN_SYNONYMS[head]
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"  # "countries" and "country" count one thing
    return head if head.endswith("ss") else head.rstrip("s")


def counted_match(qa: Span, qb: Span) -> bool:
    """Do two quantities count one kind of thing: the same noun, people of one kind, or people and what they did
    ("1.8 million people signed" / "hundreds of thousands of signatures")?"""
    ka, kb = counted_key(qa.attrs.get("counted")), counted_key(qb.attrs.get("counted"))
    if ka == kb or {ka, kb} <= {"soldier", "casualty", "person"} or {ka, kb} <= {"civilian", "casualty", "person"}:
        return True
    return counted_by_act(qa, qb)


def counted_by_act(qa: Span, qb: Span) -> bool:
    """One count is of people by what they did, the other of that act ("1.8 million people signed" / "received
    hundreds of thousands of signatures"): one thing under two predicates."""
    ka, kb = counted_key(qa.attrs.get("counted")), counted_key(qb.attrs.get("counted"))
    return _acts(qa, kb) or _acts(qb, ka)


def _acts(q: Span, key: str | None) -> bool:
    """``q`` counts people by what they did, and ``key`` names that act: sign -> signature, vote -> vote."""
    if not key or counted_key(q.attrs.get("counted")) != "person":
        return False
    stems = [lemma[:-1] if lemma.endswith("e") else lemma for lemma in q.attrs.get("state_lemmas") or ()]
    return any(len(stem) >= 3 and key.startswith(stem) and key != "person" for stem in stems)


_MONTH_WORDS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")


_MONTH_NAME = "(" + "|".join(_MONTH_WORDS) + ")"
_MONTH_RANGE = re.compile(
    rf"(?:(?:between|from)\s+)?{_MONTH_NAME}(?:,?\s+(\d{{4}}))?\s*(?:and|to|through|until|-|–)\s*{_MONTH_NAME}(?:,?\s+(\d{{4}}))?"
)
HALF_YEAR = 6  # months (both ends counted) a range of months must span to count as a year's count


def _months_spanned(period: str) -> int | None:
    """How many months a range of months spans, both ends counted ("between February and December 2017": 11;
    "from November to January": 3), or None when ``period`` is no such range."""
    m = _MONTH_RANGE.search(period)
    if m is None:
        return None
    m1, m2 = _MONTH_WORDS.index(m.group(1)) + 1, _MONTH_WORDS.index(m.group(3)) + 1
    y2 = int(m.group(4)) if m.group(4) else int(m.group(2)) if m.group(2) else 0
    y1 = int(m.group(2)) if m.group(2) else y2 - (m1 > m2)
    return (y2 * 12 + m2) - (y1 * 12 + m1) + 1


_A_YEAR = re.compile(r"(?:(?:in|during|for|over|throughout)\s+)?(?:19|20)\d\d")


def period_class(period: str | None) -> str | None:
    """The span of time a count covers, coarsely: week, day, month, year, years, total; None when not stated."""
    if not period:
        return None
    p = period.lower()
    if "week" in p:
        return "week"
    if "every day" in p or "daily" in p or "a day" in p or "per day" in p:
        return "day"
    spanned = _months_spanned(p)
    if spanned is not None and spanned > 18:
        return "years"  # "from January 2015 to February 2017": no one year's count
    if spanned is not None and spanned >= HALF_YEAR:
        return "year"  # "between February and December 2017": most of a year
    if "month" in p or any(m in p for m in _MONTH_WORDS):
        return "month"
    if "year" in p or _A_YEAR.fullmatch(p):
        return "year"  # "last year", "in 2025"
    if any(k in p for k in ("so far", "to date", "since", "total", "in all")):
        return "total"
    return None


def same_slot(a: Statement, b: Statement) -> bool:
    """Do two statements count the same kind of thing over the same period (so different values are a
    disagreement, not two facts)?"""
    qa, qb = main_quantity(a), main_quantity(b)
    if qa is None or qb is None or qa.attrs.get("increment") or qb.attrs.get("increment"):
        return False  # "two more debates" counts what is added, not the total
    if not counted_match(qa, qb) or severity_apart(quantity_state(qa), quantity_state(qb)):
        return False  # (the worst hurt are a part of the hurt: "30 seriously injured" is no other count of "200 injured")
    pa, pb = period_class(qa.attrs.get("period")), period_class(qb.attrs.get("period"))
    return pa is None or pb is None or pa == pb


def quantities_agree(a: Statement, b: Statement) -> bool:
    qa, qb = main_quantity(a), main_quantity(b)
    if qa is None or qb is None:
        return True
    return intervals_overlap(amount_of(qa), amount_of(qb))


def close_values(a: Statement, b: Statement, ratio: float = 1.25) -> bool:
    """The stated numbers (before hedges) are within a factor: "almost 3,000" vs "more than 3,000"."""
    qa, qb = main_quantity(a), main_quantity(b)
    if qa is None or qb is None:
        return True
    va = qa.attrs.get("value") or qa.attrs.get("low") or qa.attrs.get("high")
    vb = qb.attrs.get("value") or qb.attrs.get("low") or qb.attrs.get("high")
    if not va or not vb:
        return True
    return max(va, vb) / min(va, vb) <= ratio


IMPERSONAL = frozenset(
    {
        "estimates",
        "estimate",
        "reports",
        "report",
        "data",
        "figures",
        "analysis",
        "statistics",
        "records",
        "documents",
        "study",
        "survey",
        "polls",
        "poll",
        "assessment",
        "assessments",
        "calculations",
        "count",
        "tally",
        "lawsuit",
        "suit",
        "complaint",
        "filing",
        "indictment",
        "memo",
        "memos",
        "letter",
        "letters",
    }
)


def impersonal(speaker: str) -> bool:
    """A source that is not a person or body: "recent estimates", "reports", "preliminary data"."""
    words = speaker.lower().split()
    return any(w in IMPERSONAL for w in words[:3])


SAME_WORDS = 0.5  # content-word Jaccard at which two statements say the same words


def same_words(a: Statement, b: Statement) -> bool:
    """The two statements use mostly the same words: what an attribution disagreement is about ("the same words
    credited to different people"), as opposed to two people saying similar things in their own words."""
    union = a.words | b.words
    return bool(union) and len(a.words & b.words) / len(union) >= SAME_WORDS


def speakers_conflict(a: Statement, b: Statement) -> bool:
    """Both statements say who said them, and not the same one. A disagreement needs a person on one side: two
    different people, or a person against an impersonal source ("estimates"). A vague personal description
    ("officials") may be the named person, and an outlet or report that relays someone ("according to CNN") is a
    conduit, not a rival speaker: no conflict."""
    if not a.speaker or not b.speaker:
        return False
    if a.speaker_entity and b.speaker_entity:
        if a.speaker_entity == b.speaker_entity or a.speaker_entity in b.credited or b.speaker_entity in a.credited:
            return False
        if namesakes_known(a, b) or _reads_document(a, b) or _reads_document(b, a):
            return False
        if a.speaker_entity in b.speaker_bodies or b.speaker_entity in a.speaker_bodies:
            return False  # "Microsoft said" and "Microsoft spokesman Dustin Childs said": one voice
        return a.speaker_person or b.speaker_person
    if bool(a.speaker_entity) != bool(b.speaker_entity):
        named, other = (a, b) if a.speaker_entity else (b, a)
        desc = str(other.speaker)
        return named.speaker_person and impersonal(desc) and not _relays(named, desc) and not _own_document(named, other)
    return False


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _relays(st: Statement, desc: str) -> bool:
    """The person's own sentence names the impersonal source: they relay it ("Reading from letters signed by every
    member, Mr. Conaway added ..." and "the letter stated")."""
    kinds = {_singular(w) for w in desc.lower().split()[:3] if w in IMPERSONAL}
    return bool(kinds & {_singular(w) for w in re.findall(r"[a-z]+", st.text.lower())})


def _reads_document(named: Statement, other: Statement) -> bool:
    """The person reads out the document the other statement credits to its authors ("Reading from a letter signed
    by every Republican, Mr. Conaway added" and "the Republicans' letter concluded"): one text, not two voices."""
    head = str(other.speaker_written or "").split()[-1:]  # "letter" of "the Republicans' letter"
    return named.speaker_person and not other.speaker_person and bool(head) and impersonal(head[0]) and _relays(named, head[0])


def _own_document(named: Statement, other: Statement) -> bool:
    """The document is the person's own: its statement names them ("The letter, signed by Senator Ana Ruiz, said",
    "Ruiz's letter to the governor said")."""
    if named.speaker_entity in other.entities or named.speaker_entity in other.credited:
        return True
    last = surname(str(named.speaker))
    return bool(last) and last in {fold(re.sub(r"['’]s$", "", w)) for w in re.findall(r"[^\W\d_][\w'’-]*", str(other.speaker))}


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def surname(name: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", fold(name)) if w not in _SUFFIXES]
    return words[-1] if words else ""


def namesakes_known(a: Statement, b: Statement) -> bool:
    """The two speakers share a surname and one outlet names both people: its "Mr. Trump said" may be either of
    them, so which one it means is the reading's guess ("Donald Trump" / "Donald Trump Jr."), not the outlet's claim."""
    if not (a.speaker and b.speaker and surname(a.speaker) and surname(a.speaker) == surname(b.speaker)):
        return False
    return any(other.speaker_entity in {m.attrs.get("entity") for m in st.article.group("mentions")} for st, other in ((a, b), (b, a)))


# verbs that date a statement or a decision made by speaking: "said on Friday" and "ordered on Monday" date one act
_STATING = SPEECH_VERBS | TELLINGS | {"order"}  # a day of saying hangs on its verb, or on a telling ("in an interview Tuesday")


def dated_events(st: Statement) -> set[tuple[str, str]]:
    """The statement's day dates (see :func:`day_dates`), each with what it is the day of: whether that is still to
    come, and the act: saying (any speech verb: "said Friday", "announced Monday") or the verb itself ("imposed on
    March 23"; a deed told in other words is one act: "recovered on Friday", "removed late on Thursday"; so is a deed
    the reading tells by more than its verb: "its offer, tabled on Friday" and "made its offer last Thursday"). "Confirmed
    Thursday" and "will travel on July 13" date two things; "announced on March 8" and "imposed on March 23" too."""
    out = set()
    for t in comparable_times(st):
        if t.attrs.get("precision") != "day":
            continue
        tense = "future" if t.attrs.get("future") else "past"
        for verb in [t.attrs.get("verb"), *t.attrs.get("also", ())]:
            act = "stating" if verb in _STATING else deed_key(str(verb or ""))
            out.add((str(t.attrs["value"]), f"{tense}:{act}"))
    return out


_ACT_SUFFIXES = ("ation", "ment", "ing", "ion", "ate", "e")


def act_stem(lemma: str) -> str:
    """A deed's word without the ending that makes it a noun or a verb, so that a day "set for sentencing" and "will
    be sentenced on" date one deed (``sentenc``), as do "the vote" and "voting" (``vot``)."""
    for _ in range(2):  # "announcement" -> "announce" -> "announc"
        suffix = next((x for x in _ACT_SUFFIXES if lemma.endswith(x) and len(lemma) - len(x) >= 3), None)
        if suffix is None:
            break
        lemma = lemma[: -len(suffix)]
    return lemma


# verbs that tell one deed in other words: a fire "started" or "ignited", recorders "recovered" or "removed"
_DEEDS = {
    **dict.fromkeys(("start", "begin", "ignite", "erupt", "spark"), "start"),
    **dict.fromkeys(("recover", "retrieve", "remove", "extract"), "recover"),
    **dict.fromkeys(("announce", "unveil", "disclose", "reveal"), "announce"),
    **dict.fromkeys(("arrest", "detain"), "arrest"),
    **dict.fromkeys(("launch", "open"), "launch"),  # an inquiry "launched" or "opened"
    **dict.fromkeys(("detect", "discover", "spot", "notice"), "detect"),  # an intrusion "detected", transfers "spotted"
    **dict.fromkeys(("strike", "hit", "jolt"), "strike"),  # a quake "struck", a storm "hit"
    **dict.fromkeys(("crash", "collide"), "crash"),
    **dict.fromkeys(("rescue", "pluck", "airlift", "winch"), "rescue"),
    **dict.fromkeys(("release", "free"), "release"),
    **dict.fromkeys(("sentence", "jail", "imprison"), "sentence"),
    **dict.fromkeys(("approve", "adopt", "ratify"), "approve"),
    **dict.fromkeys(("resign", "quit"), "resign"),
    **dict.fromkeys(("file", "lodge"), "file"),  # a complaint "filed" or "lodged"
    **dict.fromkeys(("table", "propose", "present", "submit"), "propose"),  # an offer "tabled" or "presented"
    **dict.fromkeys(("visit", "tour"), "visit"),
    **dict.fromkeys(
        ("conference", "briefing"), "briefing"
    ),  # "a news conference" / "a packed briefing"  # a minister "visited the site" or "toured the wing"
    **dict.fromkeys(("apologise", "apologize"), "apologise"),
}


def deed_key(verb: str) -> str:
    """What a dated verb's deed is called, for telling whether two outlets date one deed: its group of verbs that
    tell it in other words (:data:`_DEEDS`), else its stem (:func:`act_stem`)."""
    lemma = verb.lower()
    return _DEEDS.get(lemma) or act_stem(lemma)


def guessed_day(t: Span) -> bool:
    """A day told relative to the report ("yesterday", "Friday") in an article that gives no date of its own (resolved
    against the story's dates): the day is the reading's guess, not the outlet's claim."""
    return t.attrs.get("basis") not in {"published", "dateline"} and not re.search(r"\d", str(t.attrs.get("expr", "")))


def comparable_times(st: Statement) -> list[Span]:
    """Resolved times that date the statement's own claim: not a count's period, not a subordinate clause's day, not
    a day the reading guessed (:func:`guessed_day`) unless it was told by its weekday, which the outlet did say."""
    periods = {q.attrs.get("period") for q in st.quantities}
    return [
        t
        for t in st.times
        if t.attrs.get("value")
        and t.attrs.get("expr") not in periods
        and not t.attrs.get("subordinate")
        and not t.attrs.get("attributive")
        and not (t.attrs.get("precision") == "day" and guessed_day(t) and guessed_weekday(t) is None)
    ]


def guessed_weekday(t: Span) -> int | None:
    """The weekday a guessed day (:func:`guessed_day`) was told by ("Friday"): the one thing of it the outlet said."""
    if not guessed_day(t):
        return None
    expr = str(t.attrs.get("expr", "")).lower()
    return next((k for k, name in enumerate(WEEKDAYS) if name in expr), None)


def day_dates(st: Statement) -> set[str]:
    """The dates a statement gives that can contradict another source's: day-precise ones, and the year a state began
    ("since 2002"); not the period of a count ("in the last week"), nor years of other events in the sentence, nor the
    day of a subordinate clause ("told the Post after the summary was released Sunday")."""
    out = set()
    for t in comparable_times(st):
        prec = t.attrs.get("precision")
        if prec == "day":
            out.add(str(t.attrs["value"]))
        elif prec == "year" and re.fullmatch(r"\d{4}", str(t.attrs.get("expr")).strip()):
            before = st.article.text[max(0, t.start - 6) : t.start].lower()
            if before.endswith("since "):  # when a state began ("has led them since 2002"): sources can contradict
                out.add(f"since {t.attrs['value']}")
    return out
