"""Source ids: short, readable, filesystem- and URL-safe names for the articles of an input."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_GENERIC_LAST = {"index", "index.html", "index.htm", "index.php", "default.aspx", "article", "story", "news"}


def is_url(name: str) -> bool:
    return bool(re.match(r"(?i)https?://[^/\s]", name))


def sanitize(text: str, limit: int = 80) -> str:
    """Letters, digits, ``. _ -`` only; runs of anything else become one ``-``."""
    s = _UNSAFE.sub("-", text).strip("-._")
    if len(s) > limit:
        s = s[:limit].rstrip("-._")
    return s or "doc"


def url_id(url: str) -> str:
    """``https://www.example.com/news/2024/bridge-closed.html?x=1`` -> ``example.com-news-2024-bridge-closed``."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path).strip("/")
    segs = [s for s in path.split("/") if s]
    if segs and segs[-1].lower() in _GENERIC_LAST and len(segs) > 1:
        segs = segs[:-1]
    if segs:
        segs[-1] = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", segs[-1], flags=re.I)
    tail = "-".join(segs)
    if parts.query and not tail:
        tail = parts.query
    raw = f"{host}-{tail}" if tail else host
    if len(raw) > 80:  # keep the host and the end of the path, which usually names the story
        raw = f"{host}-{tail[-(79 - len(host)) :]}" if len(host) < 40 else raw
    return sanitize(raw)


_DOC_EXTENSIONS = (".gz", ".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".xml", ".md", ".warc")


def file_stem(name: str) -> str:
    """A file's name without folders and without its extension(s): ``a/b.html.gz`` -> ``b``, ``4_L.txt.txt`` ->
    ``4_L``; of an unknown extension only the last one goes. Standard input (``-``) is ``stdin``."""
    if name == "-":
        return "stdin"
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stripped = base
    while "." in stripped[1:] and stripped.lower().endswith(_DOC_EXTENSIONS):
        stripped = stripped.rsplit(".", 1)[0]
    if stripped != base:
        return stripped
    return base.rsplit(".", 1)[0] if "." in base else base


def input_id(name: str) -> str:
    """The id of a one-article input: its URL's id or its file stem."""
    return url_id(name) if is_url(name) else file_stem(name)


class UniqueIds:
    """Gives ``base``, then ``base-2``, ``base-3`` ... so ids within one input never collide."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, base: str) -> str:
        n = self._seen.get(base, 0) + 1
        self._seen[base] = n
        if n == 1:
            return base
        candidate = f"{base}-{n}"
        while candidate in self._seen:
            n += 1
            candidate = f"{base}-{n}"
        self._seen[base] = n
        self._seen[candidate] = 1
        return candidate
