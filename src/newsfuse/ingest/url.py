"""URLs as inputs: fetched with httpx only when ``settings.allow_fetch`` is on (``--fetch``).

Every fetch is bounded: a timeout (``fetch_timeout``), a size cap on the decoded body (``max_input_bytes``, so a
compressed response cannot expand past it), at most ``fetch_max_redirects`` redirects (each hop checked again), http
and https only, a user agent that says who is asking, and robots.txt honoured (``urllib.robotparser``; a site whose
robots.txt cannot be read because of a server error is not fetched, as RFC 9309 asks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from .. import __version__
from ..errors import InputError
from ..settings import Settings
from .base import RawDoc
from .streams import mb, over_cap

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"newsfuse/{__version__} (+https://example.invalid/newsfuse)"
ROBOTS_CAP = 512_000  # RFC 9309: parse at least the first 500 KiB
FETCH_OFF = "is a URL and fetching is off; pass --fetch (or set NEWSFUSE_ALLOW_FETCH=1) to download it"
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.5"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str

    @property
    def charset(self) -> str | None:
        m = re.search(r"charset\s*=\s*\"?([\w.:-]+)", self.content_type, re.I)
        return m.group(1) if m else None


class Fetcher:
    """One HTTP client and one robots.txt cache for a batch; use as a context manager or call :meth:`close`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._client: httpx.Client | None = None
        self._robots: dict[str, RobotFileParser] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                timeout=httpx.Timeout(self.settings.fetch_timeout),
                follow_redirects=False,
                max_redirects=self.settings.fetch_max_redirects,
                headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
            )
        return self._client

    def get(self, url: str, name: str | None = None) -> Fetched:
        """Fetch ``url``; :class:`InputError` (reported as ``name``, default the URL) for anything that stops it."""
        import httpx

        name = name or url
        if not self.settings.allow_fetch:
            raise InputError(name, FETCH_OFF)
        current = url
        try:
            for _ in range(self.settings.fetch_max_redirects + 1):
                _check_scheme(name, current)
                self._check_robots(name, current)
                with self.client.stream("GET", current) as r:
                    if r.is_redirect:
                        loc = r.headers.get("location")
                        if not loc:
                            raise InputError(name, f"HTTP {r.status_code} redirect without a Location from {current}")
                        current = urljoin(current, loc.strip())
                        continue
                    if r.status_code >= 400:
                        raise InputError(name, f"HTTP {r.status_code} {r.reason_phrase} from {current}")
                    return Fetched(str(r.url), _body(name, r, self.settings.max_input_bytes), r.headers.get("content-type", ""))
            raise InputError(name, f"more than {self.settings.fetch_max_redirects} redirects; stopped at {current}")
        except httpx.TimeoutException as e:
            raise InputError(name, f"timed out after {self.settings.fetch_timeout:g} s fetching {current}") from e
        except httpx.HTTPError as e:
            raise InputError(name, f"could not fetch {current}: {type(e).__name__}: {e}".replace("\n", " ")) from e

    def _check_robots(self, name: str, url: str) -> None:
        import httpx

        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rp = self._robots.get(origin)
        if rp is None:
            rp = RobotFileParser(origin + "/robots.txt")
            try:
                with self.client.stream("GET", origin + "/robots.txt", follow_redirects=True) as r:
                    if r.status_code in (401, 403):
                        rp.disallow_all = True  # type: ignore[attr-defined]
                    elif 400 <= r.status_code < 500:
                        rp.allow_all = True  # type: ignore[attr-defined]
                    elif r.status_code >= 500:
                        raise InputError(name, f"robots.txt of {origin} answered HTTP {r.status_code}; not fetching until it can be read")
                    else:
                        text = _body(name, r, ROBOTS_CAP, truncate=True).decode("utf-8", "replace")
                        rp.parse(text.splitlines())
            except httpx.TimeoutException as e:
                raise InputError(name, f"timed out after {self.settings.fetch_timeout:g} s fetching {origin}/robots.txt") from e
            except httpx.HTTPError as e:
                raise InputError(name, f"could not fetch {origin}/robots.txt: {type(e).__name__}: {e}".replace("\n", " ")) from e
            self._robots[origin] = rp
        if not rp.can_fetch(USER_AGENT, url):
            raise InputError(name, f"robots.txt of {origin} does not allow newsfuse to fetch {url}")


def _check_scheme(name: str, url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(name, f"only http and https URLs are fetched, not {scheme or 'a relative URL'}: {url}")


def _body(name: str, r: Any, cap: int, truncate: bool = False) -> bytes:
    """The decoded body of a streamed response, refusing it (or cutting it, for robots.txt) past ``cap`` bytes."""
    declared = r.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap and not truncate and "content-encoding" not in r.headers:
        raise over_cap(name, cap, "max_input_bytes", size=int(declared))
    buf = bytearray()
    for chunk in r.iter_bytes():
        buf += chunk
        if len(buf) > cap:
            if truncate:
                return bytes(buf[:cap])
            raise InputError(name, f"over the {mb(cap)} input cap (decoded); raise NEWSFUSE_MAX_INPUT_BYTES to read it")
    return bytes(buf)


def read_url(name: str, settings: Settings, fetcher: Fetcher) -> Iterator[RawDoc | InputError]:
    """The articles of one URL input: the page (or feed, JSON, WARC ...) it serves, read by the reader for its kind."""
    fetched = fetcher.get(name)
    from . import detect
    from .html import page_doc

    reader = detect(fetched.url, fetched.data, content_type=fetched.content_type)
    if reader.kind == "html":
        doc = page_doc(name, fetched.data, settings, url=fetched.url, charset=fetched.charset)
        doc.meta.extra.setdefault("fetched_from", fetched.url)
        yield doc
        return
    for item in reader.read(name, fetched.data, settings):
        if isinstance(item, RawDoc):
            item.meta.extra.setdefault("fetched_from", fetched.url)
        yield item
