"""A small self-written news stream for tests: three made-up events, several outlets each, one wire reprint.

Every text here is invented for the tests (places, people and outlets are fictional).
"""

from __future__ import annotations

from pathlib import Path

FLOOD = [
    (
        "Floodwaters cut off Lindenmoor as the Arvel river bursts its banks",
        "2025-04-02",
        "Dalby Gazette",
        "The Arvel river burst its banks near Lindenmoor on Tuesday night, cutting the town off from the regional highway "
        "and forcing about 900 residents from their homes. Mayor Ilse Verhoeven said rescue crews had reached the lower "
        "districts by boat. Emergency shelters opened in the Lindenmoor sports hall and in two schools. The weather service "
        "said more rain was expected until Thursday.",
    ),
    (
        "Hundreds evacuated in Lindenmoor after Arvel flooding",
        "2025-04-02",
        "Northfield Courier",
        "About 900 people were evacuated from Lindenmoor after the Arvel river flooded overnight, officials said on Wednesday. "
        "Mayor Ilse Verhoeven told reporters that boats had reached the lower districts and that nobody was reported missing. "
        "The regional highway into Lindenmoor remained closed and the sports hall was turned into a shelter.",
    ),
    (
        "Lindenmoor flood: army sends pumps as Arvel keeps rising",
        "2025-04-03",
        "Weston Daily",
        "The army sent heavy pumps to Lindenmoor on Thursday as the Arvel river kept rising for a third day. Mayor Ilse "
        "Verhoeven said the water in the lower districts had reached the first floor of many houses. Around 900 evacuated "
        "residents were staying in shelters, and engineers were checking the dykes north of the town.",
    ),
    (
        "Arvel river floods Lindenmoor; residents flee to shelters",
        "2025-04-02",
        "Coast Wire",
        "Rising water from the Arvel river flooded Lindenmoor overnight and some 900 residents fled to emergency shelters, "
        "local officials said. Mayor Ilse Verhoeven said boat crews were searching the lower districts street by street. "
        "The regional highway was shut and forecasters warned of further heavy rain before the weekend.",
    ),
]

MERGER = [
    (
        "Holtmann Rail agrees to buy Vesta Freight for 2.4 billion",
        "2025-06-10",
        "Market Ledger",
        "Holtmann Rail said on Monday it had agreed to buy the logistics group Vesta Freight for 2.4 billion euros, creating "
        "the largest cargo rail operator in the region. Chief executive Marta Lindqvist said the deal would close by the end "
        "of the year if competition authorities approved it. Vesta Freight shares rose 18 percent in early trading.",
    ),
    (
        "Vesta Freight shares jump on Holtmann takeover deal",
        "2025-06-10",
        "Northfield Courier",
        "Shares in Vesta Freight jumped 18 percent after Holtmann Rail announced a 2.4 billion euro takeover on Monday. "
        "Holtmann chief executive Marta Lindqvist said the combined company would run more than 600 freight trains a day. "
        "Unions at Vesta Freight said they wanted guarantees on jobs before the deal is approved by regulators.",
    ),
    (
        "Unions seek job guarantees in Holtmann-Vesta rail merger",
        "2025-06-12",
        "Weston Daily",
        "Rail unions asked Holtmann Rail for written job guarantees on Wednesday, two days after it agreed to buy Vesta "
        "Freight for 2.4 billion euros. Marta Lindqvist, Holtmann's chief executive, said no depots would close in the first "
        "two years. Competition regulators are expected to review the merger over the summer.",
    ),
]

MATCH = [
    (
        "Orvika United beat Kessling 3-1 to reach the cup final",
        "2025-05-18",
        "Dalby Gazette",
        "Orvika United reached the national cup final on Sunday after beating Kessling 3-1 in a tense semi-final at the "
        "Harrow Park stadium. Striker Tomas Brandt scored twice in the second half and goalkeeper Emil Sorensen saved a "
        "penalty. Coach Hana Petrov said her players had earned the win.",
    ),
    (
        "Brandt double sends Orvika into cup final",
        "2025-05-18",
        "Weston Daily",
        "Two second-half goals from Tomas Brandt gave Orvika United a 3-1 win over Kessling and a place in the cup final. "
        "Emil Sorensen saved a penalty at Harrow Park before Brandt scored his second. Orvika coach Hana Petrov praised the "
        "team's patience after a slow first half.",
    ),
    (
        "Kessling out of the cup after 3-1 defeat to Orvika",
        "2025-05-18",
        "Northfield Courier",
        "Kessling were knocked out of the national cup on Sunday, losing 3-1 to Orvika United at Harrow Park. Tomas Brandt "
        "scored twice for Orvika and Emil Sorensen saved a Kessling penalty. Kessling's manager said his side had wasted "
        "their chances in the first half.",
    ),
]

# a wire story printed word for word by a second outlet (a reprint: one independent source, not two)
REPRINT_OF = 3  # FLOOD[3] is the wire copy; it is reprinted below


def article_text(title: str, date: str, outlet: str, body: str) -> str:
    return f"{title}\nOutlet: {outlet}\nDate: {date}\n\n{body}\n"


def events() -> dict[str, list[tuple[str, str, str, str]]]:
    return {"flood": FLOOD, "merger": MERGER, "match": MATCH}


def write_stream(folder: Path) -> dict[str, str]:
    """Write the stream as text files (interleaved events); returns file stem -> event."""
    folder.mkdir(parents=True, exist_ok=True)
    evs = events()
    order: list[tuple[str, tuple[str, str, str, str]]] = []
    for i in range(max(len(v) for v in evs.values())):
        for name, items in evs.items():
            if i < len(items):
                order.append((name, items[i]))
    title, date, _, body = FLOOD[REPRINT_OF]
    order.append(("flood", (title, date, "Harbour Post", body)))
    labels: dict[str, str] = {}
    for n, (event, (title, date, outlet, body)) in enumerate(order):
        stem = f"{n:02d}-{outlet.lower().replace(' ', '-')}"
        (folder / f"{stem}.txt").write_text(article_text(title, date, outlet, body), encoding="utf-8")
        labels[stem] = event
    return labels


def fake_embed(texts: list[str]):  # type: ignore[no-untyped-def]
    """A model-free stand-in for the sentence embedder: hashed bag of words, unit length (deterministic)."""
    import hashlib
    import re

    import numpy as np

    out = np.zeros((len(texts), 384), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in re.findall(r"[a-z]{3,}", t.lower()):
            h = int.from_bytes(hashlib.md5(w.encode()).digest()[:4], "little")
            out[i, h % 384] += 1.0 if (h >> 16) & 1 else -1.0
        n = np.linalg.norm(out[i])
        if n:
            out[i] /= n
    return out
