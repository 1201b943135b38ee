"""Entity mentions per article, corrected where the small English model is known to be wrong, and linked across
articles into one :class:`~newsfuse.model.Entity` per referent (spelling variants, short names, titles, possessives).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ..graph import components
from ..model import Article, Entity, Span
from ..wires import wire_name
from .base import Context
from .speakers import INSTITUTION_NOUNS, SPEECH_VERBS

NAMED = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
PLACE_NOUNS = {
    "region",
    "province",
    "oblast",
    "city",
    "town",
    "village",
    "county",
    "district",
    "state",
    "border",
    "area",
    "peninsula",
    "island",
    "valley",
    "port",
    "airport",
    "harbor",
    "harbour",
    "terminal",
}
# last words of a company's name
COMPANY_WORDS = frozenset(
    {"inc", "corp", "corporation", "ltd", "llc", "plc", "co", "gmbh", "holdings", "industries", "systems", "technologies",
     "partners", "lines", "airlines", "airways", "foods", "chemicals", "pharmaceuticals", "energy", "bank", "capital",
     "coatings", "logistics", "solutions", "labs", "enterprises", "construction", "properties", "investments", "insurance",
     "shipping", "steel", "mining", "oil", "gas", "telecom", "communications", "entertainment", "studios", "brands",
     "automotive", "motors", "haulage", "electronics", "software", "networks", "resorts", "hotels", "pharma", "media"}
)  # fmt: skip
VESSEL_NOUNS = frozenset(
    {"ferry", "ship", "vessel", "tanker", "freighter", "yacht", "boat", "liner", "trawler", "submarine", "frigate", "barge", "tug"}
)
LOCAL_BODIES = {"police", "township", "borough", "municipality"}  # a one-word name before these is a place
# US states written as initials after a town ("Old Tappan, N. J."); other initials after a comma are a person's
STATE_INITIALS = frozenset({"N.J.", "N.Y.", "D.C.", "N.C.", "S.C.", "N.H.", "N.M.", "N.D.", "S.D.", "R.I.", "W.Va."})
PLACE_PREPS = {"in", "near", "into", "across", "outside", "around", "from", "toward", "towards", "through", "at"}
TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "president",
    "prime",
    "minister",
    "gen",
    "general",
    "col",
    "colonel",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "king",
    "queen",
    "pope",
    "chancellor",
    "secretary",
    "lt",
    "capt",
    "captain",
    "sgt",
    "adm",
    "admiral",
    "rev",
    "chief",
    "director",
    "leader",
    "speaker",
    "chairman",
    "chairwoman",
    "boss",  # a tabloid's title: "Maritime boss Dagny Ruhl"
    "skipper",
    "chair",
    "commissioner",
    "ambassador",
    "sheriff",
    "undersheriff",
    "deputy",
    "detective",
    "inspector",
    "sergeant",
    "lieutenant",
    "constable",
    "superintendent",
    "marshal",
    "trooper",
    "officer",
}
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx"})  # only ever before a person's name
# titles that may also begin a name the model tags a person ("Alderman Park"): taken off a person's name only
PERSON_TITLES = frozenset(
    {"councillor", "councilor", "cllr", "councilman", "councilwoman", "alderman", "alderwoman", "assemblyman",
     "assemblywoman", "congressman", "congresswoman"}
)  # fmt: skip
# last words of an institution's name: a title before them opens that name ("Justice Department", "Sheriff's Office",
# "General Motors"), never a person's
ORG_HEADS = frozenset(
    {
        "department", "dept", "office", "committee", "commission", "court", "agency", "bureau", "service", "services",
        "council", "ministry", "board", "administration", "party", "university", "college", "school", "institute",
        "association", "foundation", "union", "center", "centre", "corps", "company", "corporation", "group",
        "authority", "division", "unit", "club", "fund", "hospital", "motors", "electric", "assembly", "command",
        "cabinet", "caucus", "conference", "tribunal", "network", "patrol", "force", "forces", "academy", "society",
    }
)  # fmt: skip


def opens_institution(words: Sequence[str]) -> bool:
    """The words after a title name an institution: one word that is an institution's last word, possessive or not
    ("Department", "Department's", "Motors'")."""
    kept = [_POSS.sub("", w) for w in words if w not in {"'s", "’s", "'", "’"}]
    return len(kept) == 1 and fold(kept[0]).rstrip(".") in ORG_HEADS


ROLE_NOUNS = {
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "minister",
    "president",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "chief",
    "director",
    "commander",
    "general",
    "adviser",
    "advisor",
    "ambassador",
    "prosecutor",
    "judge",
    "police",
    "officer",
    "analyst",
    "expert",
    "lawyer",
    "attorney",
    "leader",
    "head",
    "chairman",
    "chairwoman",
    "boss",
    "skipper",
    "chair",
    "ceo",
    "founder",
    "manager",
    "coordinator",
    "representative",
    "envoy",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "candidate",
    "nominee",
    "lawmaker",
    "congressman",
    "congresswoman",
    "speaker",
    "administrator",
    "inspector",
    "engineer",
    "captain",
    "colonel",
    "lieutenant",
    "sheriff",
    "deputy",
    "aide",
    "economist",
    "researcher",
    "professor",
    "scientist",
    "doctor",
    "witness",
    "resident",
    "owner",
    "executive",
    "president-elect",
    "strategist",
    "negotiator",
    "investigator",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "alderman",
    "commissioner",
}
GENDER_TITLES = {
    "mr": "mr",
    "sir": "mr",
    "lord": "mr",
    "king": "mr",
    "prince": "mr",
    "mrs": "ms",
    "ms": "ms",
    "miss": "ms",
    "madam": "ms",
    "dame": "ms",
    "lady": "ms",
    "queen": "ms",
    "princess": "ms",
}
_POSS = re.compile(r"(?:'s|’s|'|’)$")
_THE = re.compile(r"^(?:the|The)\s+")


# familiar forms of English given names: "Mike Thibodeau" and "Michael Thibodeau" are one person
_FORMAL_NAMES: dict[str, tuple[str, ...]] = {
    "michael": ("mike", "mick", "mikey"),
    "william": ("bill", "billy", "will", "willie"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "james": ("jim", "jimmy", "jamie"),
    "joseph": ("joe", "joey"),
    "thomas": ("tom", "tommy"),
    "richard": ("dick", "rick", "ricky", "rich"),
    "daniel": ("dan", "danny"),
    "david": ("dave", "davey"),
    "christopher": ("chris",),
    "christine": ("chris",),
    "steven": ("steve",),
    "stephen": ("steve",),
    "edward": ("ed", "eddie", "ted", "ned"),
    "theodore": ("ted", "teddy"),
    "charles": ("chuck", "charlie"),
    "anthony": ("tony",),
    "andrew": ("andy", "drew"),
    "benjamin": ("ben",),
    "samuel": ("sam",),
    "samantha": ("sam",),
    "matthew": ("matt",),
    "patrick": ("pat",),
    "patricia": ("pat", "patty", "trish"),
    "gerald": ("jerry",),
    "lawrence": ("larry",),
    "elizabeth": ("liz", "beth", "betsy", "betty", "liza"),
    "katherine": ("kate", "kathy", "katie"),
    "catherine": ("kate", "cathy", "katie"),
    "jennifer": ("jen", "jenny"),
    "susan": ("sue", "susie"),
    "margaret": ("peggy", "maggie", "meg"),
    "deborah": ("debbie", "deb"),
    "alexander": ("alex",),
    "alexandra": ("alex",),
    "nicholas": ("nick",),
    "gregory": ("greg",),
    "ronald": ("ron",),
    "donald": ("don",),
    "kenneth": ("ken", "kenny"),
    "jeffrey": ("jeff",),
    "geoffrey": ("geoff", "jeff"),
    "jonathan": ("jon",),
    "john": ("jack", "johnny"),
    "henry": ("hank", "harry"),
    "frederick": ("fred",),
    "francis": ("frank",),
    "peter": ("pete",),
    "timothy": ("tim",),
    "philip": ("phil",),
    "raymond": ("ray",),
    "eugene": ("gene",),
    "walter": ("walt",),
    "vincent": ("vince",),
    "mitchell": ("mitch",),
    "rudolph": ("rudy",),
    "douglas": ("doug",),
    "gregg": ("greg",),
    "randall": ("randy",),
    "terrence": ("terry",),
    "leonard": ("leo", "len", "lenny"),
    "nathaniel": ("nate", "nat"),
    "zachary": ("zach", "zack", "zac"),
    "joshua": ("josh",),
    "jacob": ("jake",),
    "abraham": ("abe",),
    "albert": ("al",),
    "alan": ("al",),
    "allen": ("al",),
    "alfred": ("al", "alf"),
    "barbara": ("barb",),
    "rebecca": ("becky",),
    "victoria": ("vicky",),
    "cynthia": ("cindy",),
    "kimberly": ("kim",),
    "pamela": ("pam",),
    "valerie": ("val",),
    "kathryn": ("kate", "kathy", "katie"),
    "kathleen": ("kate", "kathy", "katie"),
    "katharine": ("kate", "kathy", "katie"),
    "jessica": ("jess",),
    "jacqueline": ("jackie",),
    "theresa": ("terry", "tess"),
    "judith": ("judy",),
    "dorothy": ("dot", "dottie"),
    "frances": ("fran",),
    "eleanor": ("ellie", "nell"),
    "suzanne": ("sue", "suzy"),
    "jeremy": ("jerry",),
}
_NICKNAMES: dict[str, set[str]] = defaultdict(set)
for _formal, _short in _FORMAL_NAMES.items():
    for _n in _short:
        _NICKNAMES[_n].add(_formal)


def same_given_name(a: str, b: str) -> bool:
    """Two given names of one person: the same word, a familiar form of it ("Mike" / "Michael"), or the same word with
    two letters swapped."""
    if same_name_word(a, b):
        return True
    fa, fb = fold(a), fold(b)
    if len(fa) >= 5 and sorted(fa) == sorted(fb) and OSA.distance(fa, fb) == 1:
        return True  # two letters swapped: "Annelise" / "Annelies" (not "Maria" / "Mario": other letters)
    return bool(_NICKNAMES.get(fa, set()) & ({fb} | _NICKNAMES.get(fb, set())) or _NICKNAMES.get(fb, set()) & {fa})


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower case, no diacritics, no dots: the key names are compared by."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[.\u2019']", "", s).lower().strip()


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """Collapse common transliteration variants: Zelensky / Zelenskyy / Zelenskiy, Olexander / Oleksandr."""
    w = fold(word)
    w = re.sub(r"(?:iy|yy|ii|ij|yi|y|i)$", "y", w)
    w = w.replace("ks", "x").replace("kh", "h").replace("ph", "f").replace("w", "v")
    w = w[:1] + w[1:].replace("y", "i")  # Mykhailo / Mykhaylo / Mikhail
    return re.sub(r"(.)\1+", r"\1", w)


@lru_cache(maxsize=262144)
def same_name_word(a: str, b: str) -> bool:
    ka, kb = translit_key(a), translit_key(b)
    if ka == kb:
        return True
    if min(len(ka), len(kb)) < 4:
        return False
    return ka[0] == kb[0] and fuzz.ratio(ka, kb) >= 86


def name_tokens(name: str) -> list[str]:
    toks = [t for t in re.split(r"\s+", name.strip()) if t]
    while toks and fold(toks[0]).rstrip(".") in TITLES and len(toks) > 1 and not opens_institution(toks[1:]):
        toks = toks[1:]
    return toks


class Mentions:
    """Named-entity mentions with corrected labels, trimmed of articles, titles and possessives."""

    name = "mentions"
    version = 20
    requires = ("sentences",)
    assigns = ("mentions",)

    def __call__(self, article: Article, ctx: Context) -> dict[str, list[Span]]:
        doc = ctx.doc
        tag = f"{self.name}@{self.version}"
        out: list[Span] = []
        for ent in doc.ents:
            label = ent.label_
            if label not in NAMED:
                continue
            toks = list(ent)
            titled = False  # a title opened the span: "Chief Superintendent Marcus Abernethy"
            while (
                toks
                and (
                    toks[0].lower_ in {"the", "a", "an"}
                    or fold(toks[0].text).rstrip(".") in TITLES
                    or (label == "PERSON" and fold(toks[0].text).rstrip(".") in PERSON_TITLES)
                )
                and len(toks) > 1
                and not opens_institution([t.text for t in toks[1:]])
            ):
                titled = titled or toks[0].lower_ not in {"the", "a", "an"}
                toks = toks[1:]
            while toks and (toks[-1].tag_ == "POS" or toks[-1].text in {"'s", "’s", "'", "’"}):
                toks = toks[:-1]
            if not toks:
                continue
            if label != "PERSON":  # "DNC Chair Tom Perez" (tagged as a work of art): the person after the title
                k = max((i for i, t in enumerate(toks[:-1]) if fold(t.text).rstrip(".") in TITLES), default=-1)
                if (
                    (k >= 0 or (titled and len(toks) >= 2))
                    and not opens_institution([t.text for t in toks[k + 1 :]])
                    and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks[k + 1 :])
                ):
                    toks, label = toks[k + 1 :], "PERSON"
            nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
            if label == "PERSON" and nxt is not None and nxt.lemma_.lower() in INSTITUTION_NOUNS and toks[-1].head.i == nxt.i:
                toks, label = [*toks, nxt], "ORG"  # "the Trump administration": an institution, not the person
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            surface = article.text[start:end]
            surface2 = _POSS.sub("", surface)
            end -= len(surface) - len(surface2)
            surface = surface2
            if not surface or not any(c.isalpha() for c in surface):
                continue
            label = _correct_label(label, toks, doc)
            if label in _THING_LABELS and _speaking_name(toks):
                label = "PERSON"  # '"…," said Ines Sola' tagged a product: a name that speaks is a person's
            roles = _roles(toks, doc) if label == "PERSON" else []
            attrs: dict[str, Any] = {"text": surface, "roles": roles}
            desc = _described_as(ent, doc) if label in {"PERSON", "ORG"} else None
            if desc:
                attrs["described_as"] = desc
            if label == "PERSON" and (described := _description_span(toks, doc, article.text, start, end, desc)) is not None:
                attrs["described"] = described
            out.append(Span(start, end, label, tag, attrs))
        out += _untagged_speakers(doc, out, tag)
        out.sort(key=lambda m: m.start)
        _fill_local_names(out)
        return {"mentions": out}


_COMPASS = frozenset(
    {"northern", "southern", "eastern", "western", "central", "north-eastern", "north-western", "south-eastern", "south-western",
     "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest", "southeast", "southwest"}
)  # fmt: skip
# who or what a place is the place of: "residents of", "the village of", "the people of"
_DWELLERS = frozenset({"resident", "inhabitant", "villager", "village", "town", "city", "township", "hamlet", "people", "citizen"})
_SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "district", "province", "county", "region", "township", "municipality"})
# words that end places' names and people's too ("Alder Park", "Linda Park"; "Town Hall", "Arsenio Hall"): a place
# only where the text puts something at it
_SURNAME_SITES = frozenset({"park", "hall", "church", "lake", "bridge", "port", "mine", "base", "camp", "tower", "lane"})
_AT_PLACE = frozenset(
    {"in", "at", "near", "to", "from", "outside", "inside", "into", "across", "around", "through", "toward", "towards", "the",
     "on", "along", "down", "off"}
)  # fmt: skip
_THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})  # not FAC: "Alder Park Stadium announced"
# words of a place's or a building's name: no person's name holds them ("Main Street", "Fire Station Nine")
_SITE_WORDS = frozenset(
    {"street", "avenue", "road", "park", "stadium", "station", "museum", "hall", "bridge", "airport", "church", "square",
     "building", "tower", "falls", "creek", "river", "lake", "port", "harbour", "harbor", "plant", "mine", "base", "camp",
     "lane", "boulevard", "terrace", "quay", "wharf", "highway", "motorway"}
)  # fmt: skip
# the last word of a newspaper's or a magazine's name
_MASTHEAD_WORDS = frozenset(
    {"reporter", "times", "post", "journal", "news", "herald", "tribune", "gazette", "daily", "telegraph", "guardian",
     "chronicle", "magazine", "wire", "press", "review", "weekly", "observer", "today", "globe", "star", "mirror", "sun",
     "express", "standard", "independent", "courier", "ledger", "register", "bulletin", "examiner", "inquirer", "monitor",
     "dispatch", "record", "sentinel", "tv", "radio", "online", "digest", "insider", "blog"}
)  # fmt: skip


def _speaking_name(toks: Sequence[Any]) -> bool:
    """Two or three capitalised proper nouns, the subject of a verb of saying ("said Ines Sola", "Ana Ruiz told"),
    not an organisation's name ("Bluewater Lines said", "the Harbour Board said") nor a publication's ("The
    Hollywood Reporter reported", "Valley News said")."""
    head = toks[-1]
    before = head.doc[toks[0].i - 1] if toks[0].i > 0 else None
    return (
        2 <= len(toks) <= 3
        # "The Hollywood Reporter said": a title's, not a person's; "the tanker Alder Spirit reported": a ship's
        and (before is None or (before.lower_ not in {"the", "a", "an"} and before.lower_ not in VESSEL_NOUNS))
        and not any(t.lower_ in _SITE_WORDS | PLACE_NOUNS for t in toks)
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in toks)
        and head.dep_ == "nsubj"
        and head.head.lemma_.lower() in SPEECH_VERBS
        and head.lower_ not in ORG_HEADS | INSTITUTION_NOUNS | _MASTHEAD_WORDS
        and not opens_institution([t.text for t in toks])
    )


def _untagged_speakers(doc: Any, found: Sequence[Span], tag: str) -> list[Span]:
    """Persons the entity model missed where they speak ('"…," said Mayor Ana Ruiz'): a name of two or three
    capitalised proper nouns, titles left out, that is the subject of a verb of saying and no mention covers."""
    out: list[Span] = []
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        if any(m.start <= tok.idx < m.end for m in found):
            continue
        toks = [tok]
        while toks[0].i > 0 and (prev := doc[toks[0].i - 1]).pos_ == "PROPN" and prev.dep_ in {"compound", "flat"} and prev.head.i == tok.i:
            toks.insert(0, prev)
        while toks and fold(toks[0].text).rstrip(".") in TITLES:
            toks = toks[1:]
        if toks and _speaking_name(toks):
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            out.append(Span(start, end, "PERSON", tag, {"text": doc.text[start:end], "roles": _roles(toks, doc)}))
    return out


# a party and state in brackets after a name: "Ted Cruz (R-Texas)", "Sen. Jon Tester (D-Mont.)"
_PARTY_STATE = re.compile(r"\s?\((?:[RDI]|Rep|Dem|Ind)\.?\s?[-–]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2}\)")
_DESCRIBING = (TITLES | ROLE_NOUNS) - set(GENDER_TITLES) - {"police"}  # "told police Tom Reyes had a gun"
_TITLE_MODIFIERS = frozenset({"acting", "former", "current", "interim", "incoming", "outgoing", "then"})  # "acting FBI Director"


def _description_span(toks: Sequence[Any], doc: Any, text: str, start: int, end: int, desc: str | None) -> list[int] | None:
    """The words that say who a person is, with the name: a title or role written before it ("former Arkansas Rep.
    Asa Hutchinson", "Obama's spokesman Jay Carney"), a description set off by commas ("Frank Keating, a former
    governor of Oklahoma"), or a party and state in brackets ("Ted Cruz (R-Texas)"). None when the name stands alone
    or has only a courtesy title ("Mr. Cruz")."""
    lo, hi = start, end
    i, farthest = toks[0].i - 1, None
    while i >= 0 and toks[0].i - i <= 6:
        t = doc[i]
        if t.text in {"-", "–"} and i > 0 and doc[i - 1].is_alpha and doc[i - 1].idx + len(doc[i - 1].text) == t.idx:
            i -= 2  # "then-Attorney General", "ex-Trump aide", "al-Qaeda chief": the word before the hyphen too
            continue
        if t.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"} or not (
            t.pos_ in {"NOUN", "PROPN", "ADJ"} or t.lower_ in {"'s", "’s"} or t.lower_ in _TITLE_MODIFIERS
        ):
            break
        word = fold(t.text).rstrip(".")
        if word in GENDER_TITLES:
            break  # "Mr.": nothing before a courtesy title is the name's ("executive action Mr. Trump")
        if word in _DESCRIBING:
            farthest = i
        elif farthest is None and t.pos_ == "NOUN":
            break  # a common noun between a title and the name is no title ("the executive order Obama signed")
        i -= 1
    if farthest is not None:
        first = i + 1  # the title's own modifiers before it ("former Arkansas", "Republican presidential")
        lo = doc[first if farthest - first <= 3 else farthest].idx
    if desc and _describes(desc):
        if text.startswith(", " + desc, end):
            hi = end + 2 + len(desc)
        elif text.endswith(desc + ", ", 0, start):
            lo = min(lo, start - 2 - len(desc))
    m = _PARTY_STATE.match(text, hi)
    if m is not None:
        hi = m.end()
    return [lo, hi] if (lo, hi) != (start, end) else None


def _modifies_title(t: Any) -> bool:
    """A word like "acting" that the tagger may take for a verb, before a title ("the acting director"), not a verb
    of its own ("acting on a tip")."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return t.lower_ in _TITLE_MODIFIERS and nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "ADJ"}


def _describes(desc: str) -> bool:
    """An apposition that says who someone is opens as a description does: an article or possessive ("the majority
    leader", "his lawyer", "Obama's spokesman"), a title, role or its modifier ("spokesperson for the council",
    "former governor"); not "for instance", "or any politician" or a verb the tagger took for a noun ("rail against")."""
    first = desc.split()[0].lower()
    return first in _DESCRIPTION_OPENERS or first.endswith(("'s", "’s")) or fold(first).rstrip(".") in _DESCRIBING | _TITLE_MODIFIERS


_DESCRIPTION_OPENERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "one", "another", "also"})


def _correct_label(label: str, toks: Sequence[Any], doc: Any) -> str:
    if label != "ORG" and wire_name(" ".join(t.text for t in toks)) not in {None, "Bloomberg"}:
        return "ORG"  # a news agency ("Yonhap reports"), never a person; Bloomberg may be the man
    last = toks[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    prev = doc[toks[0].i - 1] if toks[0].i > 0 else None
    if label in {"PRODUCT", "ORG", "WORK_OF_ART"}:
        if nxt is not None and nxt.lower_ in PLACE_NOUNS:
            return (
                "GPE" if nxt.lower_ in {"region", "province", "oblast", "city", "town", "village", "county", "district", "state"} else "LOC"
            )
        if label == "PRODUCT" and prev is not None and prev.lower_ in PLACE_PREPS:
            return "GPE"
    if (
        label in {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"}
        and 2 <= len(words := [t for t in toks if t.text != "-"]) <= 3
        and prev is not None
        and prev.lower_ in ROLE_NOUNS
        and prev.text.islower()
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in words)
    ):
        return "PERSON"  # "chief prosecutor Helena Vasquez-Moor": a role written before a name names a person
    if (
        label in {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"}
        and 1 <= len(words := [t for t in toks if t.text != "-"]) <= 3
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in words)
        and not opens_institution([t.text for t in toks])
        and (
            # a title in capitals, not a verb ("will miss Brazil in the final")
            (prev is not None and fold(prev.text).rstrip(".") in COURTESY_TITLES and prev.text[:1].isupper() and prev.pos_ != "VERB")
            or (
                len(words) >= 2
                and toks[-1].dep_ in {"conj", "appos"}
                and toks[-1].head.ent_type_ == "PERSON"
                and toks[-1].lower_ not in COMPANY_WORDS | ORG_HEADS | INSTITUTION_NOUNS | _MASTHEAD_WORDS | _SITE_WORDS
            )
        )
    ):
        # "Dr. Nadia Orlov"; "the two ministers, Olexander Marchuk of Tervalia and Katharina Vell of Morrenland":
        # a courtesy title before a name, or a name set beside a person's, names a person
        return "PERSON"
    if label == "PERSON" and prev is not None and prev.text == "," and "".join(t.text for t in toks) in STATE_INITIALS:
        return "GPE"  # "Old Tappan, N. J.": a state written as initials after its town, not a person's initials
    if (
        label == "PERSON"
        and len(toks) == 1
        and nxt is not None
        and nxt.lower_ in LOCAL_BODIES
        and prev is not None
        and prev.pos_ in {"DET", "ADJ", "NUM", "PROPN"}
    ):
        return "GPE"  # "the Old Tappan police force": a town's own body ("told Alvarez police had ..." names a man)
    if label == "PERSON" and prev is not None and prev.lower_ == "the" and toks[-1].lower_ in _MASTHEAD_WORDS:
        return "ORG"  # "speaking to the Gazette": a newspaper
    if label == "PERSON" and len(toks) > 1 and toks[-1].tag_ == "NNPS":
        return "ORG"  # "(the Federation of Mine and) Quarry Workers": a plural noun ends no one's name
    if label == "PERSON" and nxt is not None and nxt.lower_ in _SETTLEMENT_NOUNS and nxt.text.islower():
        return "GPE"  # "in Suka Makmur village": a place named by what it is
    if label == "PERSON" and prev is not None and prev.lower_ in _COMPASS and prev.text.islower():
        return "GPE"  # "in northern Dravenna": a part of a country, not a person
    if (
        label == "PERSON"
        and prev is not None
        and prev.lower_ == "of"
        and prev.i > 0
        and doc[prev.i - 1].lemma_.lower() in _DWELLERS
        and doc[prev.i - 1].pos_ == "NOUN"
    ):
        return "GPE"  # "residents of Orlic Dol", "the village of Kell": a place people live in
    if (
        label == "PERSON"
        and len(toks) > 1
        and toks[-1].lower_ in _SITE_WORDS
        and (toks[-1].lower_ not in _SURNAME_SITES or (prev is not None and prev.lower_ in _AT_PLACE))
    ):
        return "FAC"  # "Mill Road", "at Alder Park": a place's name ends so ("Linda Park said" names a woman)
    if label == "PERSON" and len(toks) > 1 and toks[-1].lower_.rstrip(".") in COMPANY_WORDS:
        return "ORG"  # "Halvorsen Coatings", "Bluewater Lines": a company's name
    if label == "PERSON" and prev is not None and prev.lower_ in VESSEL_NOUNS and prev.text.islower():
        return "PRODUCT"  # "the ferry Kessel Star": a ship's name, not a person's
    if (
        label == "PERSON"
        and len(toks) == 1
        and prev is not None
        and prev.lower_ in {"near", "off", "outside"}
        and (nxt is None or not _POSS.fullmatch(nxt.text))
    ):
        return "GPE"  # "ran aground off Riverton", "a rally near Dunmore": a place ("found a replacement in Kowalski" may be a man)
    if label == "GPE" and len(toks) == 1 and nxt is not None and nxt.lower_ in {"said", "says", "told", "added", "stated"}:
        return "PERSON" if toks[0].pos_ == "PROPN" and prev is not None and prev.lower_ not in {"the"} else label
    return label


def describe_key(text: str) -> str:
    """How a description is compared: lower case, no leading article, no possessive marks."""
    t = re.sub(r"^(?:the|a|an|this|that)\s+", "", text.strip().lower())
    return re.sub(r"[’']s\b", "", t)


def _possessor(t: Any) -> bool:
    """A token of a name that owns what follows ("Clinton" of "Clinton's campaign chairman")."""
    k = t.i
    while k + 1 < len(t.doc) and t.doc[k + 1].ent_type_ == "PERSON" and t.doc[k + 1].ent_iob_ == "I":
        k += 1
    nxt = t.doc[k + 1] if k + 1 < len(t.doc) else None
    return nxt is not None and nxt.lower_ in {"'s", "’s", "'"}


def _apposed(toks: Sequence[Any], ent: Any) -> bool:
    """The phrase before a name is set beside the name itself ("the acting FBI director, Andrew McCabe"), not around
    a noun of its own ("The report by the inspector general, Michael E. Horowitz": the report is not Horowitz). The
    parser may hang the apposition either way."""
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    if len(heads) != 1:
        return False
    head, root = heads[0], ent.root
    return root.head.i == head.i or head.head.i == root.i


def _described_as(ent: Any, doc: Any) -> str | None:
    """A description the text itself equates with a name, by apposition between commas: "the National Intelligence
    Service, South Korea's spy agency, said" or "South Korea's spy agency, the National Intelligence Service, said".
    Never a guess: a short noun phrase without a verb, set off by commas right next to the name."""

    def ok(toks: Sequence[Any]) -> bool:
        return (
            1 <= len(toks) <= 8
            and any(t.pos_ == "NOUN" for t in toks)
            and not any(
                (t.pos_ in {"VERB", "AUX", "PRON"} and not _modifies_title(t))
                or t.ent_type_ in {"DATE", "CARDINAL"}
                or (t.ent_type_ == "PERSON" and not _possessor(t))  # "Bill Clinton" in a list; not "Clinton's aide"
                for t in toks
            )
            and not toks[0].is_punct
            and toks[0].pos_ != "CCONJ"  # "Lieberman, or any politician, ...": another person, not a description
        )

    sent = ent.sent
    if ent.end < sent.end and doc[ent.end].text == ",":
        j = ent.end + 1
        toks = []

        def final_stop(k: int) -> bool:
            return doc[k].text == "." and all(doc[x].is_space for x in range(k + 1, sent.end))

        while j < sent.end and doc[j].text not in {",", "(", ";", "—", "–"} and not final_stop(j):
            toks.append(doc[j])
            j += 1
        # set off by a second comma, or ending the sentence ("..., and Andrew G. McCabe, the acting director.")
        listed = j + 1 < sent.end and doc[j].text == "," and doc[j + 1].pos_ == "CCONJ"  # "Voss, the paramedics, and"
        if j < sent.end and final_stop(j) and any(t.pos_ == "CCONJ" for t in toks):
            listed = True  # "He thanked Mayor Clara Voss, the firefighters and the paramedics."
        closed = j < sent.end and (doc[j].text == "," or final_stop(j))
        if closed and not listed and ok(toks):
            return doc[toks[0].i : toks[-1].i + 1].text
    if ent.start - 1 > sent.start and doc[ent.start - 1].text == ",":
        i = ent.start - 2
        toks = []
        while i >= sent.start and doc[i].text not in {",", "(", ";", "—", "–"}:
            toks.insert(0, doc[i])
            i -= 1
        after_ok = ent.end < sent.end and doc[ent.end].text == ","
        if after_ok and (i < sent.start or doc[i].text == ",") and ok(toks) and _apposed(toks, ent):
            return doc[toks[0].i : toks[-1].i + 1].text
    return None


# words that make a role someone else's: the vice president, a deputy minister and a former president are not "the
# president" or "the minister" a later sentence speaks of
_OTHER_ROLE = frozenset({"vice", "deputy", "assistant", "former", "ex", "late"})


def _role(t: Any) -> bool:
    """``t`` is a role noun held in full: "President", not the "President" of "Vice President", "vice-president",
    "Former U.S. President" or "Deputy Prime Minister" (any word of its title before it)."""
    if t.lower_ not in ROLE_NOUNS:
        return False
    doc = t.doc
    k = t.i - 1
    while k >= 0 and t.i - k <= 4 and (doc[k].pos_ in {"PROPN", "ADJ", "NOUN"} or doc[k].text in {"-", "."}):
        if doc[k].lower_ in _OTHER_ROLE:
            return False
        k -= 1
    return True


def _roles(toks: Sequence[Any], doc: Any) -> list[str]:
    """Role nouns the text attaches to a person: "spokesperson John Kirby", "John Kirby, spokesperson for ..."."""
    roles: list[str] = []
    i = toks[0].i - 1
    while i >= 0 and i >= toks[0].i - 6:
        t = doc[i]
        if _role(t):
            roles.append(t.lower_)
        title = fold(t.text)
        if title in GENDER_TITLES:
            roles.append(GENDER_TITLES[title])
        if t.pos_ not in {"NOUN", "PROPN", "ADJ"} and t.lower_ not in {"'s", "’s"}:
            break
        i -= 1
    head = toks[-1]
    for child in head.children:
        if child.dep_ == "appos":
            for t in child.subtree:
                if _role(t):
                    roles.append(t.lower_)
    if head.dep_ == "appos" and _role(head.head):
        roles.append(head.head.lower_)
    for t in toks:
        if _role(t):
            roles.append(t.lower_)
    return sorted(set(roles))


def _gender_clash(a: set[str], b: set[str]) -> bool:
    return ("mr" in a and "ms" in b) or ("ms" in a and "mr" in b)


def cmp_tokens(name: str) -> list[str]:
    """Name words for comparison: no titles, hyphens split ("Kim Jong-un" == "Kim Jong Un")."""
    return [w for t in name_tokens(name) for w in t.replace("-", " ").split()]


def abbreviates(short: str, full: str, surname_only: bool = False) -> bool:
    """A one-word mention refers to a full name by its last word (Kirby) or its first (Kim, for surname-first names)."""
    toks = cmp_tokens(full)
    if len(toks) < 2:
        return False
    if "-" in short:  # a double-barrelled surname: "Vasquez-Moor" abbreviates "Helena Vasquez-Moor"
        words = name_tokens(full)
        return len(words) >= 2 and fold(words[-1]) == fold(short)
    return same_name_word(toks[-1], short) or (not surname_only and same_name_word(toks[0], short))


def _fill_local_names(mentions: list[Span]) -> None:
    """Give each short person mention the article's full name it abbreviates ("Kirby" -> "John Kirby"): the most
    recent full name before it that it abbreviates. A short name used before any full name stays short (the run
    decides, see :func:`link_entities`); ``local_gap`` records how far back the full name was."""
    full = [m for m in mentions if m.label == "PERSON" and len(name_tokens(m.attrs["text"])) > 1]
    first_full: dict[str, int] = {}
    first_bare: dict[str, int] = {}
    for m in mentions:
        toks = name_tokens(m.attrs["text"])
        if len(toks) == 1:
            first_bare.setdefault(fold(toks[0]), m.start)
    for k, m in enumerate(mentions):
        text = m.attrs["text"]
        toks = name_tokens(text)
        local = " ".join(toks)
        if len(toks) == 1 and m.label in NAMED:
            before = [f for f in full if f.start < m.start and abbreviates(toks[0], f.attrs["text"], surname_only=True)]
            before = before or [f for f in full if f.start < m.start and abbreviates(toks[0], f.attrs["text"])]
            if before:
                first_full.setdefault(fold(toks[0]), before[0].start)
            if before and first_bare.get(fold(toks[0]), 10**9) < first_full[fold(toks[0])]:
                # the article used the bare name before it named anyone so: a person the reader already knows, not
                # necessarily the one named later ("Trump ... Melania Trump ... Mr. Trump"); only a fitting role decides
                mine = set(m.attrs.get("roles", [])) - {"mr", "ms"}
                before = [f for f in before if mine & set(f.attrs.get("roles", []))]
            if before:
                mine = set(m.attrs.get("roles", []))
                fits = [f for f in before if not _gender_clash(mine, set(f.attrs.get("roles", [])))]
                matching = [f for f in fits if mine & set(f.attrs.get("roles", []))]
                if fits:
                    f = (matching or fits)[-1]
                    local = " ".join(name_tokens(f.attrs["text"]))
                    mentions[k] = replace(m, label="PERSON", attrs={**m.attrs, "local": local, "local_gap": m.start - f.end})
                    continue
        mentions[k] = replace(m, attrs={**m.attrs, "local": local})


# ---------------------------------------------------------------- linking across articles


def _entity_id(kind: str, name: str) -> str:
    return "e-" + hashlib.sha1(f"{kind}:{fold(name)}".encode()).hexdigest()[:10]


def _compatible_persons(a: list[str], b: list[str]) -> bool:
    return _compatible_names(tuple(a), tuple(b))


@lru_cache(maxsize=262144)
def _compatible_names(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    a = [w for t in ta for w in t.replace("-", " ").split()]
    b = [w for t in tb for w in t.replace("-", " ").split()]
    if len(ta) == 1 and len(tb) > 1 and "-" in ta[0]:
        return abbreviates(ta[0], " ".join(tb))
    if len(tb) == 1 and len(ta) > 1 and "-" in tb[0]:
        return abbreviates(tb[0], " ".join(ta))
    if len(a) == 1 or len(b) == 1:
        short, full = (a, b) if len(a) == 1 else (b, a)
        if len(full) == 1:
            return same_name_word(short[0], full[0])
        return abbreviates(short[0], " ".join(full))
    if not same_name_word(a[-1], b[-1]) and not (len(a) > 1 and len(b) > 1 and same_given_name(a[0], b[0]) and _one_slip(a[-1], b[-1])):
        return False  # a surname spelt one letter apart, with the same given name, is one person ("Ruth Calloway" / "Callaway")
    if len(a) > 1 and len(b) > 1:
        initial = fold(a[0])[:1] == fold(b[0])[:1] and (len(fold(a[0])) <= 2 or len(fold(b[0])) <= 2)  # "J. Kirby"
        return same_given_name(a[0], b[0]) or initial
    return True


def _one_slip(a: str, b: str) -> bool:
    """Two spellings of one long name a slip apart: a letter changed, added, dropped or two swapped."""
    fa, fb = fold(a), fold(b)
    return min(len(fa), len(fb)) >= 6 and fa[0] == fb[0] and OSA.distance(fa, fb) <= 1


def _name_like(toks: Sequence[str]) -> bool:
    """Two or three capitalised words, none an acronym: how a person's full name is written."""
    return 2 <= len(toks) <= 3 and all(t[:1].isupper() and not t.isupper() and t.replace("-", "").replace(".", "").isalpha() for t in toks)


_NAME_WORDS = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}")


def _speakers_as_mentions(arts: Sequence[Article]) -> None:
    """Persons the quotes found by name where the entity model tagged nothing ('"…," Ruiz told reporters',
    "according to fire chief Ana Ruiz"): added to the mentions as persons, so that they are linked and credited.
    One or more capitalised words, none of an organisation's, a place's or a publication's name; a lone word only
    when the run names a person with it as a surname ("Ruiz" after "Ana Ruiz")."""
    found: list[tuple[Article, int, int, str]] = []
    for a in arts:
        ms = a.group("mentions")
        for q in a.group("quotes"):
            sp, text = q.attrs.get("speaker"), str(q.attrs.get("speaker_text") or "")
            if q.attrs.get("speaker_kind") != "name" or not sp or not _NAME_WORDS.fullmatch(text):
                continue
            lo, hi = int(sp[0]), int(sp[1])
            if a.text[lo:hi] != text or any(m.start < hi and lo < m.end for m in ms):
                continue
            words = {w.lower() for w in text.split()}
            if (
                words & (ORG_HEADS | INSTITUTION_NOUNS | _SITE_WORDS | _MASTHEAD_WORDS | PLACE_NOUNS)
                or fold(text.split()[0]).rstrip(".") in TITLES
            ):
                continue
            found.append((a, lo, hi, text))
    surnames = {
        fold(m.attrs["text"].split()[-1]) for a in arts for m in a.group("mentions") if m.label == "PERSON" and " " in m.attrs["text"]
    }
    surnames |= {fold(text.split()[-1]) for *_, text in found if " " in text}
    for a, lo, hi, text in found:
        if " " not in text and fold(text) not in surnames:
            continue  # a lone word no person of the run is called by
        a.spans["mentions"] = sorted(
            [*a.group("mentions"), Span(lo, hi, "PERSON", "quotes@speakers", {"text": text, "roles": []})], key=lambda m: m.start
        )
    for a in {id(a): a for a, *_ in found}.values():
        _fill_local_names(a.spans["mentions"])


def link_entities(articles: Iterable[Article]) -> list[Entity]:
    """Resolve mentions across articles to entities; rewrites each mention's attrs with its ``entity`` id."""
    arts = list(articles)
    _speakers_as_mentions(arts)
    person_names: list[list[str]] = []
    for a in arts:
        for m in a.group("mentions"):
            if m.label == "PERSON":
                toks = name_tokens(m.attrs.get("local", m.attrs["text"]))
                if len(toks) > 1 and toks not in person_names:
                    person_names.append(toks)
    # cluster full person names; compatible full names share the first letter of their surname's key: compare within
    # those buckets only
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, toks in enumerate(person_names):
        buckets[translit_key(cmp_tokens(" ".join(toks))[-1])[:1]].append(i)
    links = [
        (i, j)
        for bucket in buckets.values()
        for x, i in enumerate(bucket)
        for j in bucket[x + 1 :]
        if _compatible_persons(person_names[i], person_names[j])
    ]
    person_keys = [[person_names[i] for i in group] for group in components(range(len(person_names)), links)]

    full_mentions: Counter[int] = Counter()
    profile: dict[int, set[str]] = defaultdict(set)  # titles and roles the text gives each person
    for a in arts:
        for m in a.group("mentions"):
            toks = name_tokens(m.attrs.get("local", m.attrs["text"]))
            if m.label == "PERSON" and len(toks) > 1:
                written = len(name_tokens(m.attrs["text"])) > 1
                for k, names in enumerate(person_keys):
                    if toks in names:
                        full_mentions[k] += written  # full names as written: resolved short ones would echo a guess
                        if written or m.attrs.get("local_gap", 10**6) < 300:
                            profile[k].update(m.attrs.get("roles", []))

    memo: dict[tuple[tuple[str, ...], tuple[str, ...]], int | None] = {}

    def person_cluster(toks: list[str], roles: Sequence[str] = ()) -> int | None:
        key = (tuple(toks), tuple(sorted(roles)))
        if key not in memo:
            memo[key] = _person_cluster(toks, roles)
        return memo[key]

    by_letter: dict[str, set[int]] = defaultdict(set)  # first letter of a first or last name's key -> clusters
    for k, names in enumerate(person_keys):
        for n in names:
            words = cmp_tokens(" ".join(n))
            by_letter[translit_key(words[0])[:1]].add(k)
            by_letter[translit_key(words[-1])[:1]].add(k)

    def _person_cluster(toks: list[str], roles: Sequence[str] = ()) -> int | None:
        words = cmp_tokens(" ".join(toks)) or toks
        near = sorted(by_letter.get(translit_key(words[0])[:1], set()) | by_letter.get(translit_key(words[-1])[:1], set()))
        hits = [k for k in near if any(_compatible_persons(toks, n) for n in person_keys[k])]
        if len(toks) == 1:
            # a bare word is a surname first (Trump), a surname-first family name only failing that (Kim)
            by_last = [k for k in hits if any(abbreviates(toks[0], " ".join(n), surname_only=True) for n in person_keys[k])]
            hits = by_last or hits
        if len(hits) == 1:
            return hits[0]
        if len(toks) == 1 and hits:
            # a bare surname several people share (Donald / Melania Trump): the one whose titles and roles fit
            # ("President Trump", "Mrs. Trump"), else the one the run names far more often (3:2), else undecided
            mine = set(roles)
            fits = [k for k in hits if not _gender_clash(mine, profile[k])] or hits
            matching = [k for k in fits if mine & profile[k] - {"mr", "ms"}]
            if len(matching) == 1:
                return matching[0]
            ranked = sorted(fits, key=lambda k: -full_mentions[k])
            if len(ranked) == 1 or full_mentions[ranked[0]] >= 1.5 * max(1, full_mentions[ranked[1]]):
                return ranked[0]
        return None

    # a one-word name the model tags a place in some report is that place where it tags it a person ("off Riverton")
    tagged: dict[str, Counter[str]] = defaultdict(Counter)
    for a in arts:
        for m in a.group("mentions"):
            tagged[fold(_THE.sub("", m.attrs["text"]))]["place" if m.label in {"GPE", "LOC"} else m.label] += 1
    # a word tagged a place more often than a person ("Riverton"), not a surname the model once took for a place
    places = {k for k, c in tagged.items() if c["place"] > c["PERSON"]}
    # assign a key to every mention
    keyed: dict[str, list[tuple[Article, int, str, str]]] = defaultdict(list)  # key -> (article, index, surface, label)
    for a in arts:
        for idx, m in enumerate(a.group("mentions")):
            surface = m.attrs["text"]
            label = m.label
            toks = name_tokens(m.attrs.get("local", surface))
            key: str | None = None
            if label in NAMED:
                roles = m.attrs.get("roles", [])
                c = person_cluster(toks, roles) if toks else None
                bare = name_tokens(surface)
                if len(bare) == 1 and len(toks) > 1 and m.attrs.get("local_gap", 0) > 600:
                    # a surname far from the full name it was resolved to: weigh it as a bare surname
                    d = person_cluster(bare, roles)
                    if d is not None:
                        c = d
                if c is not None and (label == "PERSON" or len(toks) == 1 or _name_like(toks)):
                    # a full name the run gives a person elsewhere is that person, whatever the model tagged here
                    # ("put forward by Mykhaylo Zaremba" tagged ORG, "Mykhailo Zaremba" a person in the other reports)
                    key, label = f"PERSON#{c}", "PERSON"
            if key is None and label in {"PERSON", "FAC"} and len(name_tokens(surface)) == 1 and fold(_THE.sub("", surface)) in places:
                label = "GPE"  # (a one-word name tagged a building here, "the river town of Brackwater", is the town too)
            if key is None:
                if label == "PERSON":
                    key = "PERSON:" + translit_key(toks[-1]) if len(toks) == 1 else "PERSON:" + " ".join(fold(t) for t in toks)
                else:
                    # a place tagged GPE here and LOC there is one place; a ship FAC here and PRODUCT there one thing
                    kind = "GPE" if label in {"GPE", "LOC"} else "FAC" if label in {"FAC", "PRODUCT"} else label
                    key = f"{kind}:{fold(_THE.sub('', surface))}"
            keyed[key].append((a, idx, surface, label))
    _join_company_short_names(keyed)
    entities: list[Entity] = []
    assign: dict[tuple[str, int], tuple[str, str]] = {}
    for _key, items in keyed.items():
        labels = Counter(lbl for _, _, _, lbl in items)
        kind = (
            "PERSON"
            if "PERSON" in labels and any(lbl == "PERSON" for _, _, _, lbl in items) and _key.startswith("PERSON")
            else labels.most_common(1)[0][0]
        )
        forms = Counter(s for _, _, s, _ in items)
        # a person by full name; a company by its name in full, when the run writes it ("Solvane Automotive")
        full = (
            [f for f in forms if len(name_tokens(f)) > 1]
            if kind == "PERSON"
            else [f for f in forms if len(words := f.split()) > 1 and words[-1].lower().rstrip(".") in COMPANY_WORDS]
        )
        pool = full or list(forms)
        name = max(pool, key=lambda f: (forms[f], len(f), f))
        if kind == "PERSON":
            name = " ".join(name_tokens(name))
        ent = Entity(
            id=_entity_id(kind, name),
            name=name,
            type=kind,
            aliases=sorted(forms),
            sources=sorted({a.source_id for a, _, _, _ in items}),
            mentions=len(items),
        )
        entities.append(ent)
        for a, idx, _, _ in items:
            assign[(a.id, idx)] = (ent.id, ent.name)
    for a in arts:
        ms = a.group("mentions")
        a.spans["mentions"] = [
            replace(m, attrs={**m.attrs, "entity": assign[(a.id, i)][0], "name": assign[(a.id, i)][1]}) for i, m in enumerate(ms)
        ]
        ents_by_id = {e.id: e for e in entities}
        for i, m in enumerate(a.spans["mentions"]):
            e = ents_by_id[m.attrs["entity"]]
            if e.type == "PERSON" and m.label != "PERSON":
                a.spans["mentions"][i] = replace(m, label="PERSON")
            elif e.type == "ORG" and m.label == "PERSON" and e.name.split()[-1].lower().rstrip(".") in COMPANY_WORDS:
                a.spans["mentions"][i] = replace(m, label="ORG")  # "Solvane said": the company named in full elsewhere
    entities.sort(key=lambda e: (-e.mentions, e.name))
    by_id = {e.id: e for e in entities}
    unique = description_map(arts)
    for a in arts:
        for m in a.group("mentions"):
            desc = m.attrs.get("described_as")
            if desc and describe_key(desc) in unique:
                e = by_id[unique[describe_key(desc)][0]]
                e.aliases = sorted({*e.aliases, desc})
    return entities


def _join_company_short_names(keyed: dict[str, list[tuple[Article, int, str, str]]]) -> None:
    """A company named in full once ("Solvane Automotive") and by its first word after ("Solvane said"): the short
    name's mentions join the full name's, when exactly one company name in the run has that word before its last."""
    full: dict[str, list[str]] = defaultdict(list)
    for key in keyed:
        kind, _, name = key.partition(":")
        words = name.split()
        if kind == "ORG" and len(words) in {2, 3} and words[-1].rstrip(".") in COMPANY_WORDS:
            full[words[-2]].append(key)  # "Solvane Automotive"; "Carmaker Solvane Automotive", a title run in
    for key in list(keyed):
        kind, _, name = key.partition(":")
        if kind in {"ORG", "PERSON"} and len(name.split()) == 1 and len(full.get(name, [])) == 1:
            keyed[full[name][0]].extend((a, idx, surface, "ORG") for a, idx, surface, _ in keyed.pop(key))


def description_map(articles: Iterable[Article]) -> dict[str, tuple[str, str]]:
    """Descriptions the run's texts equate with exactly one entity by apposition: describe_key -> (entity id, name)."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a in articles:
        for m in a.group("mentions"):
            if m.attrs.get("described_as") and m.attrs.get("entity"):
                found[describe_key(m.attrs["described_as"])].add((m.attrs["entity"], m.attrs["name"]))
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
