"""News agencies: the names a wire credit or a mention of an agency may take."""

from __future__ import annotations

import re

WIRES = {
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "upi": "UPI",
    "dpa": "dpa",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "ani": "ANI",
    "pti": "PTI",
    "ians": "IANS",
    "efe": "EFE",
    "ansa": "ANSA",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "tass": "TASS",
}


def wire_name(text: str) -> str | None:
    """The canonical agency for a credit such as "Reuters", "The Associated Press" or "AP"; None if not an agency."""
    key = re.sub(r"\s+", " ", text.strip().strip(".").lower())
    return WIRES.get(key)
