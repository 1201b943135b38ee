"""The web app: a store's stories and their briefs in a browser, every page also as JSON, and an HTTP API that fuses
articles posted to it.

    newsfuse serve --db newsfuse.db            # http://127.0.0.1:8001/

Pages (each with a ``.json`` twin, as in datasette):

- ``/`` the stories of the store (``/stories.json``: ``newsfuse/stories@1``, as ``newsfuse stories --format json``);
- ``/stories/{id}`` a story's brief as the self-contained HTML report (``.json``: the contract, ``newsfuse/brief@1``;
  ``.md``: Markdown); a unique prefix of an id works, as on the command line;
- ``POST /brief`` articles in the body (a news-please record, a list of them, ``{"articles": [...]}``, JSON Lines,
  or plain text), the brief back (``?format=json`` by default, ``md`` or ``html``); nothing is stored.

Errors are JSON ``{"error": "..."}`` with the status that says what went wrong: 404 for a story the store does not
hold, 400 for an id prefix several stories start with or a body with no readable article, 413 for a body over ``max_input_bytes``. It binds to 127.0.0.1 by
default: the store is private, and nothing here asks who is calling.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .errors import NewsfuseError, StoryAmbiguous, StoryNotFound, StoryUnreadable
from .settings import Settings

FORMATS = {"json": "application/json", "md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}
_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI app over the store ``settings.db`` (never created here: without it, there are no stories)."""
    from .api import brief, read, stories, stories_json, story_brief
    from .render import brief_html, brief_json, brief_markdown
    from .render.html import _env as templates  # the report's templates, escaping and filters

    # a story's pending articles are read here, in the server process, never on a cluster started per request
    settings = replace(settings or Settings.load(), dask="")
    # the API is described by /openapi.json and by /api, a page of our own: Swagger UI would load its scripts from a
    # CDN, and newsfuse runs offline
    app = FastAPI(title="newsfuse", summary="Many news reports of one event, fused into one account.", docs_url=None, redoc_url=None)
    app.add_middleware(HeadAsGet)

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status)

    def render(doc: dict[str, Any], fmt: str) -> Response:
        if fmt == "json":
            return JSONResponse(doc)
        if fmt == "md":
            return Response(brief_markdown(doc), media_type=FORMATS["md"])
        return HTMLResponse(brief_html(doc))  # carries its own Content-Security-Policy

    had_store = Path(settings.db).exists()  # a store there when the server started, gone later, is trouble (503)

    def story_doc(story_id: str) -> dict[str, Any]:
        gone = StoryNotFound(f"no story {story_id!r}")  # the id asked for, not the message naming the store's path
        if story_id and had_store and not Path(settings.db).exists():
            raise NewsfuseError("the store was removed while the server ran")
        if not story_id or not Path(settings.db).exists():
            raise gone
        try:
            return story_brief(story_id, settings)
        except StoryNotFound as e:
            if settings.db not in str(e):  # "3 stories start with 's-' (...)": it names no path of the server's
                raise
            raise gone from e

    def stored_stories() -> list[Any]:
        if Path(settings.db).exists():
            return stories(settings)
        if had_store:
            raise NewsfuseError("the store was removed while the server ran")
        return []  # no store yet: no stories

    @app.exception_handler(StoryNotFound)
    async def not_found(_request: Request, exc: StoryNotFound) -> JSONResponse:
        return error(404, str(exc))

    @app.exception_handler(StoryAmbiguous)
    async def ambiguous(_request: Request, exc: StoryAmbiguous) -> JSONResponse:
        return error(400, str(exc))  # the id asked for is too short: it names several stories

    @app.exception_handler(StoryUnreadable)
    async def unreadable(_request: Request, exc: StoryUnreadable) -> JSONResponse:
        # the story is there but has no brief: why each article failed, without the hint naming the store's path
        more = "; …" if len(exc.reasons) > 3 else ""
        return error(422, f"no article of story {exc.story} could be read ({'; '.join(exc.reasons[:3])}{more})")

    @app.exception_handler(NewsfuseError)
    async def server_side(_request: Request, exc: NewsfuseError) -> JSONResponse:
        # what the caller sent is answered where it is read (POST /brief: 400); anything else failing is the
        # server's own trouble (a store busy or damaged): 503, without its paths
        return error(503, "the store cannot be read now; try again later")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error(exc.status_code, str(exc.detail))  # unknown routes and methods: the same {"error": ...} shape

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        return error(500, f"internal error ({type(exc).__name__})")

    @app.get("/stories.json", summary="the stories of the store, as newsfuse/stories@1 JSON")
    def stories_page_json() -> JSONResponse:
        return JSONResponse(stories_json(stored_stories(), [], []))

    @app.get("/", response_class=HTMLResponse, summary="the stories of the store, as a page")
    def stories_page() -> HTMLResponse:
        # the store by its file name only: the server's folders are not a visitor's business
        html = templates().get_template("stories.html.j2").render(stories=stored_stories(), db=Path(settings.db).name)
        return HTMLResponse(html, headers={"Content-Security-Policy": _PAGE_CSP})

    @app.get(
        "/stories/{name}",
        summary="a story's brief: ID (the HTML report), ID.json (newsfuse/brief@1) or ID.md",
        responses={
            400: {"description": "several stories' ids start with the prefix given (named in `error`), or a bad format"},
            404: {"description": "no story has this id, or no such page"},
            422: {"description": "no article of the story could be read; why is in `error`"},
        },
    )
    def story_page(name: str, format: str | None = None) -> Response:
        story_id, _, fmt = name.partition(".")
        if fmt and fmt not in FORMATS:
            return error(404, f"no page {name!r}: a story is /stories/ID, /stories/ID.json or /stories/ID.md")
        if format is not None and format not in FORMATS:
            return error(400, f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        if format is not None and fmt and format != fmt:
            return error(400, f"two formats asked for: .{fmt} and ?format={format}")
        return render(story_doc(story_id), fmt or format or "html")  # ?format=md as POST /brief takes it

    @app.get("/api", include_in_schema=False)
    def api_page() -> HTMLResponse:
        from html import escape

        rows = []
        for path, ops in app.openapi()["paths"].items():
            for method, op in ops.items():
                params = ", ".join(escape(str(x["name"])) for x in op.get("parameters", []))
                rows.append(
                    f"<tr><td><code>{escape(method.upper())} {escape(path)}</code></td><td>{escape(op.get('summary', ''))}</td>"
                    f"<td>{params}</td></tr>"
                )
        html = (
            "<!doctype html><html lang=en><meta charset=utf-8><title>newsfuse API</title>"
            "<style>body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em}td{padding:.3em .8em;"
            "border-bottom:1px solid #ddd;vertical-align:top}</style><h1>newsfuse API</h1>"
            "<p>The stories are also JSON (<code>/stories.json</code>), a story's brief also JSON and Markdown "
            '(<code>/stories/ID.json</code>, <code>/stories/ID.md</code>); errors are <code>{"error": "…"}</code>. '
            "The full description: <a href=/openapi.json>/openapi.json</a> (OpenAPI).</p>"
            f"<table><tr><th>route</th><th>what</th><th>parameters</th></tr>{''.join(rows)}</table>"
        )
        return HTMLResponse(html, headers={"Content-Security-Policy": _PAGE_CSP})

    @app.post(
        "/brief",
        summary="the brief of the articles in the body (JSON, JSON Lines or text); nothing is stored",
        responses={
            400: {"description": "no article could be read, or a bad format; the reason is in `error`"},
            413: {"description": "the body is over max_input_bytes"},
            415: {"description": "a form instead of the articles themselves"},
        },
    )
    async def brief_posted(request: Request, format: str = "json") -> Response:
        if format not in FORMATS:
            return error(400, f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind in _FORM_TYPES:  # "curl -F file=@a.txt": the form's wrapping would be read as the article's text
            return error(
                415,
                f"the articles go in the request body itself, not in a form ({kind}): "
                "send the file's bytes, e.g. curl --data-binary @articles.jsonl URL/brief",
            )
        body = await _body(request, settings.max_input_bytes)
        if body is None:
            return error(413, f"the body is over max_input_bytes ({settings.max_input_bytes} bytes)")
        if kind == "application/x-www-form-urlencoded" and _URLENCODED.fullmatch(body):
            fields = parse_qs(body.decode("ascii"), keep_blank_values=True)
            values = sum(len(v) for v in fields.values())
            if values != 1:
                return error(
                    415,
                    f"the body is a form of {values} values ({', '.join(sorted(fields)[:5])}), not one article: send the "
                    "articles themselves, e.g. curl --data-binary @articles.jsonl URL/brief",
                )
            body = next(iter(fields.values()))[0].encode("utf-8")  # "curl --data-urlencode text@a.txt": the one field
        try:
            doc = await run_in_threadpool(fuse_body, body)  # seconds of NLP: off the event loop
        except NewsfuseError as e:
            return error(400, str(e).replace(tempfile.gettempdir(), "…"))
        if doc is None:
            return error(400, "no article could be read: the body is empty or holds no article text")
        read_count = doc.pop("read", 0)  # how many were read: not part of the brief
        if not doc["sources"]:
            reasons = "; ".join(r["reason"] for r in doc.get("rejected", [])) or "empty body"
            what = "no article left to brief" if read_count else "no article could be read"  # read, but too long to fuse
            return error(400, f"{what}: {reasons}")
        return render(doc, format)

    def fuse_body(body: bytes) -> dict[str, Any] | None:
        if not body.strip():
            return None
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / ("request.json" if body.lstrip()[:1] in (b"{", b"[") else "request.txt")
            path.write_bytes(body)
            reading = read([path], settings, for_brief=True)
            doc = brief_json(brief(reading, settings)) if reading.articles else {"sources": [], "rejected": [], "warnings": []}
            if not reading.articles:
                doc["rejected"] = [{"input": r.input, "reason": r.reason} for r in reading.rejected]
            doc["read"] = len(reading.articles)

        def hidden(text: object) -> str:
            return str(text).replace(str(path), "request")  # never the server's temporary path in what goes back

        # every input refused (in reading, or in fusing: too long) and every caveat, with the request for the path
        doc["rejected"] = [{"input": hidden(r["input"]), "reason": hidden(r["reason"])} for r in doc["rejected"]]
        doc["warnings"] = [{"input": hidden(w["input"]), "warning": hidden(w["warning"])} for w in doc["warnings"]]
        return doc

    return app


# a form upload wraps the file in parts ("curl -F file=@a.txt"); "curl --data-binary" sends the bytes themselves (as
# application/x-www-form-urlencoded unless told otherwise), which is what /brief reads
_FORM_TYPES = frozenset({"multipart/form-data"})
# a body that is nothing but url-encoded fields ("text=Three+cranes+topple%0A..."): article text sent as it is holds
# spaces or line breaks, which url-encoding never leaves in
_URLENCODED = re.compile(rb"[A-Za-z_][\w.\-\[\]]*=[\w.~*+%\-!'()]*(?:&[A-Za-z_][\w.\-\[\]]*=[\w.~*+%\-!'()]*)*\s*")


async def _body(request: Request, cap: int) -> bytes | None:
    """The request body, or None once it passes ``cap`` bytes (read in chunks: a huge body is never held whole)."""
    size = request.headers.get("content-length")
    if size is not None and size.isdigit() and int(size) > cap:
        return None
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > cap:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8001, on_ready: Callable[[str], object] | None = None) -> None:
    """Run the app with uvicorn until interrupted. The address is bound first: one that cannot be had (in use, not
    this machine's, no such host) is a :class:`NewsfuseError` before anything is served; ``on_ready`` then gets the
    address served ("http://127.0.0.1:8001/", the real port when 0 asked the system for one)."""
    import uvicorn

    socks = _bind(host, port)
    bound_host, bound_port = socks[0].getsockname()[:2]
    if on_ready is not None:
        on_ready(f"http://{_bracketed(bound_host)}:{bound_port}/")
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning"))
    server.run(sockets=socks)


class HeadAsGet:
    """HEAD answered as GET without its body ("curl -I", link checkers): the same status and headers."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Any) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _bind(host: str, port: int) -> list[Any]:
    """Listening sockets on every address ``host`` names ("localhost": 127.0.0.1 and ::1; "": all of this machine's),
    one port for all (the first's, when 0 asks for any); an address this machine does not have is skipped while
    another binds. Any other failure (the port in use, no such host) is a :class:`NewsfuseError`."""
    import errno
    import socket

    where = f"{_bracketed(host)}:{port}"
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as e:
        raise NewsfuseError(f"cannot serve on {where}: {e.strerror or e}") from e
    socks: list[socket.socket] = []
    seen: set[Any] = set()
    failure: OSError | None = None
    for family, kind, proto, _, addr in infos:
        if addr[0] in seen:
            continue
        seen.add(addr[0])
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)  # IPv4 has its own socket
            if socks:
                addr = (addr[0], socks[0].getsockname()[1], *addr[2:])  # port 0: the port the first one got
            sock.bind(addr)
            sock.listen(128)
            socks.append(sock)
        except OSError as e:
            sock.close()
            if e.errno != errno.EADDRNOTAVAIL:
                for s in socks:
                    s.close()
                raise NewsfuseError(f"cannot serve on {where}: {e.strerror or e}") from e
            failure = failure or e
    if not socks:
        reason = failure.strerror if failure is not None and failure.strerror else "no address to listen on"
        raise NewsfuseError(f"cannot serve on {where}: {reason}")
    return socks


__all__ = ["create_app", "serve"]
