"""The command line: thin, calls the API. Errors go to stderr, one line each; the exit status says what happened:
0 all inputs read, 1 some inputs could not be read (the rest were), 2 nothing usable or a usage error."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import NewsfuseError
from .settings import Settings, table

FORMATS_BRIEF = ("json", "md", "html")


def _format_name(value: str) -> str:
    """A format as typed: any case, "markdown" for "md"."""
    low = value.lower()
    return "md" if low == "markdown" else low


def _n(count: int, one: str, many: str | None = None) -> str:
    """A count and its noun: "1 article", "2 articles"."""
    return f"{count} {one if count == 1 else many or one + 's'}"


_ENDINGS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "text"}


def _format_of(args: argparse.Namespace, allowed: Sequence[str], default: str = "json") -> str:
    """The format asked for; without one, the one the output file's name ends in ("-o brief.html"), else ``default``.
    An ending of a format this command does not write ("read -o r.html") is refused rather than filled with another."""
    ending = Path(args.output).suffix.lower() if args.output else ""
    fmt = _ENDINGS.get(ending)
    if args.format:
        if ending and fmt != args.format:  # "--format md -o m.html", "-o x.pdf": written as asked, said once
            print(f"warning: -o {args.output}: writing {args.format} into a file named {ending}", file=sys.stderr)
        return str(args.format)
    if fmt is None:
        if ending:
            print(f"warning: -o {args.output}: {ending} is no format newsfuse writes; writing {default}", file=sys.stderr)
        return default
    if fmt not in allowed:
        raise NewsfuseError(f"-o {args.output}: this command writes {' or '.join(allowed)}, not {fmt}; give --format or another file name")
    return fmt


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    for name in ("db", "dask"):
        if getattr(args, name, None):
            overrides[name] = getattr(args, name)
    if getattr(args, "fetch", False):
        overrides["allow_fetch"] = True
    return Settings.load(overrides)


def _write(text: str, out: str | None) -> None:
    if out:
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as e:
            raise NewsfuseError(f"cannot write {out}: {e.strerror or e}") from e
        print(f"wrote {out}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def _report(rejected: Sequence[Any], warnings: Sequence[tuple[str, str]] = ()) -> None:
    for w_input, w in warnings:
        print(f"warning: {w_input}: {w}", file=sys.stderr)
    for r in rejected:
        print(f"error: {r.input}: {r.reason}", file=sys.stderr)


def cmd_read(args: argparse.Namespace) -> int:
    from .api import read
    from .render import reading_json, reading_markdown

    fmt = _format_of(args, ("json", "md"))  # a file name of another format is refused before anything is read
    r = read(args.paths, _settings(args))
    doc = reading_json(r.articles, r.entities, r.rejected)
    _write(reading_markdown(doc) if fmt == "md" else json.dumps(doc, ensure_ascii=False, indent=2) + "\n", args.output)
    _report(r.rejected, r.warnings)
    if not r.articles:
        return 2
    return 1 if r.rejected else 0


def cmd_brief(args: argparse.Namespace) -> int:
    from .api import brief, read
    from .render import brief_json

    settings = _settings(args)
    fmt = _format_of(args, FORMATS_BRIEF)  # a file name of another format is refused before anything is read
    if getattr(args, "story", None) or not args.paths:
        return _brief_story(args, settings, fmt)
    if getattr(args, "db", None):
        print(
            f"warning: --db {args.db} is not used to brief files (nothing is stored); store them with "
            f"`newsfuse ingest PATH... --db {args.db}`, or brief a stored story with --story ID",
            file=sys.stderr,
        )
    r = read(args.paths, settings, for_brief=True)
    _report(r.rejected, r.warnings)
    if not r.articles:
        print("error: no article could be read; nothing to brief", file=sys.stderr)
        return 2
    _warn_if_several_stories(r.articles, settings)
    b = brief(r, settings)
    _report(b.rejected[len(r.rejected) :])  # articles read but left out of the brief (too long to fuse)
    if not b.articles:
        print("error: no article left to brief", file=sys.stderr)
        return 2
    _write(_render_brief(brief_json(b), fmt), args.output)
    return 1 if b.rejected else 0


def _warn_if_several_stories(articles: Sequence[Any], settings: Settings) -> None:
    """A brief fuses one story: say so when the inputs form several (the brief is still written, as asked)."""
    from .api import group

    if len(articles) < 2:
        return
    found = group(articles, settings)
    if len(found) > 1:
        sizes = ", ".join(str(n) for n in sorted((len(s.articles) for s in found), reverse=True))
        print(
            f"warning: these {len(articles)} articles form {len(found)} stories ({sizes} articles); a brief fuses one story, "
            "so facts of different stories are mixed. See them with `newsfuse cluster PATH...`, or store them with "
            "`newsfuse ingest` and brief one with `newsfuse brief --story ID`",
            file=sys.stderr,
        )


def _render_brief(doc: dict[str, Any], fmt: str) -> str:
    from .render import brief_html, brief_markdown

    if fmt == "json":
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return brief_markdown(doc) if fmt == "md" else brief_html(doc)


def _no_store(settings: Settings) -> bool:
    """True (after saying so) when the store file does not exist: reading commands do not create one."""
    if Path(settings.db).exists():
        return False
    print(f"error: no store at {settings.db}; create it with `newsfuse ingest PATH... --db {settings.db}`", file=sys.stderr)
    return True


def _brief_story(args: argparse.Namespace, settings: Settings, fmt: str) -> int:
    from .api import story_brief

    if args.paths or not getattr(args, "story", None):
        both = "not both" if args.paths else "one of them"
        print(f"error: give either PATH... or --story ID (with --db FILE), {both}", file=sys.stderr)
        return 2
    if _no_store(settings):
        return 2
    doc = story_brief(args.story, settings)
    for r in doc.get("rejected", []):
        print(f"{r['input']}: {r['reason']}", file=sys.stderr)
    if not doc["sources"]:
        print("error: no article left to brief", file=sys.stderr)
        return 2
    _write(_render_brief(doc, fmt), args.output)
    return 1 if doc.get("rejected") else 0


def _bars(quiet: bool) -> Any:
    """Progress bars on a terminal (one per phase); None otherwise."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bars: list[Any] = []

    def start(phase: str, total: int) -> Any:
        for b in bars:
            b.close()
        bars.append(tqdm(total=total, desc=phase, unit="art", file=sys.stderr, leave=False))
        return bars[-1].update

    start.bars = bars  # type: ignore[attr-defined]
    return start


def _close_bars(start: Any) -> None:
    for b in getattr(start, "bars", []):
        b.close()


def _waiting(settings: Settings) -> Callable[[], object]:
    return lambda: print(f"waiting: another newsfuse process is writing to {settings.db}", file=sys.stderr)


def cmd_ingest(args: argparse.Namespace) -> int:
    import time

    from .api import ingest

    settings = _settings(args)
    t0 = time.perf_counter()
    bars = _bars(args.quiet)
    try:
        rep = ingest(args.paths, settings, read_now=not args.no_read, progress=bars, on_wait=_waiting(settings))
    finally:
        _close_bars(bars)
    _report(rep.rejected, rep.warnings)
    print(
        f"{_n(rep.stored, 'article')} stored, {rep.skipped} already stored, {_n(rep.new_stories, 'new story', 'new stories')}"
        + (f" ({rep.splits} split off another)" if rep.splits else "")
        + f", {_n(rep.merges, 'story merge')}; "
        + (f"{rep.read} read" if not args.no_read else "reading deferred (newsfuse read-pending)")
        + f"; {len(rep.rejected)} failed; {time.perf_counter() - t0:.1f}s; store {settings.db}",
        file=sys.stderr,
    )
    if rep.rejected and not (rep.stored or rep.skipped):
        return 2
    return 1 if rep.rejected else 0


def cmd_read_pending(args: argparse.Namespace) -> int:
    from .api import pending_count, read_pending

    settings = _settings(args)
    if _no_store(settings):
        return 2
    bars = _bars(args.quiet)
    try:
        n, failed = read_pending(settings, on_read=bars("reading", pending_count(settings)) if bars else None, on_wait=_waiting(settings))
    finally:
        _close_bars(bars)
    _report(failed)
    print(f"{_n(n, 'article')} read, {len(failed)} failed; store {settings.db}", file=sys.stderr)
    return 1 if failed else 0


def cmd_stories(args: argparse.Namespace) -> int:
    from .api import stories, stories_json

    settings = _settings(args)
    if _no_store(settings):
        return 2
    found = stories(settings)
    if _format_of(args, ("text", "json"), "text") == "json":
        doc = stories_json(found, [], [])
        _write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", args.output)
        return 0
    lines = []
    for s in found:
        dates = f"{s.first_published or '?'} .. {s.last_published or '?'}"
        state = f"  [{s.failed} of {len(s.articles)} could not be read]" if s.failed else ""
        lines.append(f"{s.id}  {dates}  {_n(len(s.sources), 'source')}, {s.independent_sources} independent{state}  {s.shown}")
        lines += [f"    {src}" for src in s.sources] if args.verbose else []
    _write("\n".join(lines) + ("\n" if lines else ""), args.output)
    return 0


def cmd_cluster(args: argparse.Namespace) -> int:
    from .api import cluster
    from .group.stream import shown_name

    fmt = _format_of(args, ("json", "text"))
    doc = cluster(args.paths, _settings(args))
    if fmt == "json":
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(f"{s['id']}  {shown_name(s['title'], s.get('excerpt'))}: {', '.join(s['sources'])}\n" for s in doc["stories"])
    _write(text, args.output)
    _report([argparse.Namespace(**r) for r in doc["rejected"]])
    if not doc["stories"]:
        return 2
    return 1 if doc["rejected"] else 0


def cmd_settings(args: argparse.Namespace) -> int:
    s = Settings.load()
    rows = table()
    width = max(len(name) for name, _, _ in rows)
    for name, default, help_ in rows:
        print(f"{name:{width}} {getattr(s, name)!s:28} {help_}  (default {default}; env NEWSFUSE_{name.upper()})")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .store.sqlite import SqliteStore
    from .web import serve

    settings = _settings(args)
    if _no_store(settings):
        return 2
    SqliteStore(settings.db).close()  # a file that is no newsfuse store is refused now, not on every page (StoreError)
    serve(settings, args.host, args.port, lambda at: print(f"newsfuse: serving {settings.db} on {at} (Ctrl-C stops)", file=sys.stderr))
    return 0


def _port(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (0 to 65535)")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsfuse", description="Many news reports of one event, fused into one account a reader can trust.")
    p.add_argument("--version", action="version", version=f"newsfuse {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser(
        "read", help="show what was read from each article (metadata, removed passages, entities, quotes, quantities, dates)"
    )
    r.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
    r.add_argument("--format", type=_format_name, choices=("json", "md"), help="json or md (default: by the -o file's ending, else json)")
    r.add_argument("-o", "--output", help="write here instead of stdout")
    r.add_argument("--fetch", action="store_true", help="allow http(s) URLs as inputs: fetch them (robots.txt honoured)")
    r.set_defaults(func=cmd_read)

    b = sub.add_parser("brief", help="fuse the articles of one story into a brief")
    b.add_argument("paths", nargs="*", help="files, folders, or - for stdin (or --story ID with --db FILE)")
    b.add_argument("--db", help="the store (with --story)")
    b.add_argument("--story", help="brief of this stored story (an id from `newsfuse stories`)")
    b.add_argument(
        "--format",
        type=_format_name,
        choices=FORMATS_BRIEF,
        help="json, md (markdown) or html (default: by the -o file's ending, else json)",
    )
    b.add_argument("-o", "--output", help="write here instead of stdout")
    b.add_argument("--fetch", action="store_true", help="allow http(s) URLs as inputs: fetch them (robots.txt honoured)")
    b.set_defaults(func=cmd_brief)

    i = sub.add_parser("ingest", help="store articles, each in its story (and read them); re-running adds only what is missing")
    i.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
    i.add_argument("--db", help="the store (an SQLite file; default: setting db)")
    i.add_argument("--no-read", action="store_true", help="assign stories only; read later with `newsfuse read-pending`")
    i.add_argument("--dask", metavar="WHERE", help="read on Dask workers: local, local:N or a scheduler address (setting dask)")
    i.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    i.add_argument("--fetch", action="store_true", help="allow http(s) URLs as inputs: fetch them (robots.txt honoured)")
    i.set_defaults(func=cmd_ingest)

    rp = sub.add_parser("read-pending", help="read the stored articles not read yet (after `ingest --no-read`)")
    rp.add_argument("--db", help="the store")
    rp.add_argument("--dask", metavar="WHERE", help="read on Dask workers: local, local:N or a scheduler address (setting dask)")
    rp.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    rp.set_defaults(func=cmd_read_pending)

    st = sub.add_parser("stories", help="list the stories of a store")
    st.add_argument("--db", help="the store")
    st.add_argument("--format", choices=("text", "json"), help="text or json (default: by the -o file's ending, else text)")
    st.add_argument("-v", "--verbose", action="store_true", help="text: list each story's sources")
    st.add_argument("-o", "--output", help="write here instead of stdout")
    st.set_defaults(func=cmd_stories)

    c = sub.add_parser("cluster", help="group inputs into stories without a store (newsfuse/stories@1 JSON)")
    c.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
    c.add_argument("--format", choices=("json", "text"), help="json or text (default: by the -o file's ending, else json)")
    c.add_argument("-o", "--output", help="write here instead of stdout")
    c.add_argument("--fetch", action="store_true", help="allow http(s) URLs as inputs: fetch them (robots.txt honoured)")
    c.set_defaults(func=cmd_cluster)

    w = sub.add_parser("serve", help="the web app over a store: its stories and briefs, every page also as JSON, and an HTTP API")
    w.add_argument("--db", help="the store")
    w.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    w.add_argument("--port", type=_port, default=8001, help="port to listen on (default 8001; 0: any free one)")
    w.set_defaults(func=cmd_serve)

    s = sub.add_parser("settings", help="list the settings with their values")
    s.set_defaults(func=cmd_settings)
    return p


def _refuse_output_over_input(args: argparse.Namespace) -> None:
    """``-o`` naming one of the inputs (``brief DIR -o DIR/a.txt``) would replace an article with the output: refused
    before anything is read."""
    out, paths = getattr(args, "output", None), getattr(args, "paths", None)
    if not out or not paths:
        return
    from .ingest import expand

    target = Path(out).resolve()
    for name in expand(paths):
        if name != "-" and Path(name).resolve() == target:
            raise NewsfuseError(f"-o {out} is one of the inputs: writing there would replace it; choose another file")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .settings import unknown_environment

    for said in unknown_environment():
        print(f"warning: environment variable {said}", file=sys.stderr)
    try:
        _refuse_output_over_input(args)
        return int(args.func(args))
    except NewsfuseError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
