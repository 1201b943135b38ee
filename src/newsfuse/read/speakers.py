"""Pure decisions about speakers: which words cue speech, is this a pronoun or a role noun, and who a pronoun
speaker is by discourse salience. Kept free of spaCy so they are unit-tested on plain values."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


SPEECH_VERBS = _words(
    """
    say tell add state claim announce explain write note insist argue warn stress emphasize emphasise acknowledge admit
    estimate confirm deny report reveal describe accuse urge assert suggest indicate continue remark highlight declare
    predict ask reply respond comment testify tweet post allege concede contend maintain recall observe promise vow
    pledge threaten caution charge complain blame criticize criticise praise boast propose recommend disclose divulge
    inform assure reiterate repeat mention agree affirm counter retort quip joke shout lament signal forecast conclude
    find show tout hint speculate cite question brag exclaim proclaim yell muse scoff email text blog recount clarify
    elaborate advise demand object posit opine aver intone
    """
)
# the verbs whose first sense is saying: preferred over the others when several could introduce one quote
CORE_SPEECH_VERBS = _words(
    """
    say tell add write state claim explain note insist argue warn stress emphasize emphasise acknowledge admit declare
    ask reply respond comment testify tweet post allege concede contend maintain recall remark assert affirm counter
    retort quip joke shout exclaim proclaim yell reiterate repeat continue email text blog conclude posit opine aver
    intone
    """
)
# the verbs that can be set into what they report ("A, X said, B", "as X noted, A")
HOST_VERBS = (CORE_SPEECH_VERBS | {"report", "observe", "predict", "suggest", "announce", "confirm", "acknowledge", "warn"}) - {
    "continue",
    "repeat",
    "ask",
}
# evidence rather than speech: a study "finds", a poll "shows"; the last choice as a quote's cue
WEAK_SPEECH_VERBS = frozenset(
    {"find", "show", "indicate", "suggest", "estimate", "forecast", "signal", "cite", "question", "describe", "predict", "hint"}
)
# verbs whose content is their object and what follows it: "accused Y of Z", "urged Y to Z", "told Y to Z"
OBJECT_CONTENT_VERBS = frozenset(
    {"accuse", "blame", "urge", "warn", "criticize", "criticise", "praise", "charge", "ask", "tell", "caution", "advise"}
)
# verbs that speak only when they name a thing "as" something: "derided the reading as total nonsense", "dismissed
# the charges as a witch hunt" (never "attacked the village"); reported speech only, never the verb of a direct quote
CHARACTERIZING_VERBS = frozenset(
    {"deride", "dismiss", "denounce", "decry", "condemn", "hail", "slam", "blast", "lambaste", "assail", "ridicule", "attack"}
)
# inflected forms of speech verbs that the tagger sometimes takes for nouns or adjectives ("Obama Says ...")
_SPEECH_FORMS = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "tells": "tell",
    "wrote": "write",
    "writes": "write",
    "asks": "ask",
    "asked": "ask",
    "tweeted": "tweet",
    "tweets": "tweet",
    "claims": "claim",
    "warns": "warn",
    "insists": "insist",
    "argues": "argue",
    "explains": "explain",
}
CONTINUATION_VERBS = frozenset({"add", "continue", "go", "reiterate", "repeat", "conclude", "elaborate"})
PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "they": "p",
    "them": "p",
    "it": "n",
    "i": "1",
    "we": "1",
    "you": "2",
}
OFFICE_NOUNS = frozenset(
    {
        "office",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "team",
        "campaign",
        "aides",
        "aide",
        "lawyer",
        "lawyers",
        "attorney",
        "representative",
        "press",
        "secretary",
        "administration",
        "government",
    }
)
# offices that speak as an institution, not as the person they are named after ("the Trump administration said")
INSTITUTION_NOUNS = frozenset({"administration", "government", "campaign", "team", "camp"})
STOP = _words(
    """a an the of in on at to for and or but with by from as is are was were be been being has have had do does did
    that this these those it its he she they them his her their we our you your i me my not no so if than then there
    here who whom which what when where why how said says say will would can could should may might must also just
    very all any some more most other such only over into out up about after before because while mr ms mrs"""
)


def speech_lemma(lower: str, lemma: str, pos: str, tag: str = "") -> str | None:
    """The speech verb a token is, from its lower-cased form, lemma and part of speech; None if it is not one."""
    if pos == "VERB" and lemma in SPEECH_VERBS:
        return lemma
    if pos in {"NOUN", "PROPN", "ADJ", "AUX"} and lower in _SPEECH_FORMS:
        return _SPEECH_FORMS[lower]
    return None


def cue_rank(lemma: str) -> int:
    """0 for a verb of saying proper, 1 for other speech acts, 2 for evidence verbs (find, show, indicate ...)."""
    if lemma in CORE_SPEECH_VERBS or lemma == "according":
        return 0
    return 2 if lemma in WEAK_SPEECH_VERBS else 1


def is_dateline_word(word: str) -> bool:
    """An all-capitals place word as datelines open stories with ("WASHINGTON", "ST. LOUIS"), not an acronym."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def is_pronoun(word: str) -> bool:
    return word.lower() in PRONOUNS


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower()) if w not in STOP}


@dataclass(slots=True)
class Candidate:
    """A person the text could mean by a pronoun, with the evidence the scorer weighs."""

    entity: str
    mentions: list[tuple[int, float]] = field(default_factory=list)  # (sentence index, weight)
    quoted_words: set[str] = field(default_factory=set)  # content words of what they said elsewhere in the article
    gender: str | None = None
    offsets: list[int] = field(default_factory=list)  # where each mention starts in the text, when known
    heard_as: str | None = None  # the pronoun's gender ("m", "f") of a "he said" that could mean only this person
    acting: set[int] = field(default_factory=set)  # sentences where the person is the subject of an active verb

    def mention(self, sentence: int, weight: float, offset: int) -> None:
        self.mentions.append((sentence, weight))
        self.offsets.append(offset)

    def positions(self) -> list[int]:
        """Where each mention starts, or -1 for each when the offsets were not all recorded."""
        return self.offsets if len(self.offsets) == len(self.mentions) else [-1] * len(self.mentions)


def salience(cand: Candidate, at: int, decay: float = 0.6, before: int | None = None) -> float:
    """How present a candidate is at sentence ``at``: its mentions so far, fading with distance; with ``before`` (an
    offset in sentence ``at``), a mention later in that sentence does not count yet ('"…," he said, referring to when
    Fox said …': Fox is named after the pronoun)."""
    return sum(
        w * decay ** max(0, at - s)
        for (s, w), pos in zip(cand.mentions, cand.positions(), strict=True)
        if s < at or (s == at and (before is None or pos < 0 or pos < before))
    )


HEARD_AS_OTHER = 3.0  # how much less likely a person is meant by "she" after a sure "he" (a soft cue: writers slip)
SUBJECT_BEFORE_NARRATIVE = 3.0  # a person a sentence without quotes introduces usually speaks in the next one


def resolve_pronoun(
    pronoun: str,
    at: int,
    candidates: Sequence[Candidate],
    previous_speaker: str | None,
    next_continuation_speaker: str | None,
    quote_words: set[str],
    previous_at: int | None = None,
    narrative_before: bool = False,
    before: int | None = None,
) -> str | None:
    """Who a pronoun speaker at sentence ``at`` is: salience, speaker continuity (fading with the sentences since the
    previous quote), the subject of the sentence just before (who the text is about now; more so when that sentence
    quotes nothing, ``narrative_before``: "Calderón has also dismissed the idea. “We will not pay,” he said."), a
    following "X added" (which presupposes X spoke just before) and overlap with what each candidate said elsewhere.
    ``before``: where the pronoun is, so that names later in its own sentence do not count (:func:`salience`)."""
    g = PRONOUNS.get(pronoun.lower())
    best: tuple[float, str] | None = None
    gap = 0 if previous_at is None or previous_at < 0 else max(0, at - previous_at - 1)
    for c in candidates:
        if g in {"m", "f"} and c.gender and c.gender != g:
            continue
        score = salience(c, at, before=before)
        if score <= 0 and c.entity not in {previous_speaker, next_continuation_speaker}:
            continue
        if c.entity == previous_speaker:
            score += 2.0 * 0.5**gap
        if any(s == at - 1 and w >= 2.0 for s, w in c.mentions):
            score += SUBJECT_BEFORE_NARRATIVE if narrative_before else 1.0  # the subject of the previous sentence
        if c.entity == next_continuation_speaker:
            score += 3.0
        if g in {"m", "f"} and c.heard_as and c.heard_as != g:
            score -= HEARD_AS_OTHER  # once "he" where no one else could be meant: "she" is likely someone else
        shared = len(quote_words & c.quoted_words)
        if shared >= 2:
            score += min(3.0, 0.6 * shared)
        if best is None or score > best[0]:
            best = (score, c.entity)
    return best[1] if best else None
