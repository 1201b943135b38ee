"""The command line: thin, calls the API. Errors go to stderr, one line each; the exit status says what happened:
0 all inputs read, 1 some inputs could not be read (the rest were), 2 nothing usable or a usage error."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import NewsfuseError
from .settings import Settings, table

FORMATS_BRIEF = ("json", "md", "html")


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    for name in ("db",):
        if getattr(args, name, None):
            overrides[name] = getattr(args, name)
    return Settings.load(overrides)


def _write(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
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

    r = read(args.paths, _settings(args))
    doc = reading_json(r.articles, r.entities, r.rejected)
    _write(reading_markdown(doc) if args.format == "md" else json.dumps(doc, ensure_ascii=False, indent=2) + "\n", args.output)
    _report(r.rejected, r.warnings)
    if not r.articles:
        return 2
    return 1 if r.rejected else 0


def cmd_brief(args: argparse.Namespace) -> int:
    from .api import brief, read
    from .render import brief_html, brief_json, brief_markdown

    settings = _settings(args)
    r = read(args.paths, settings)
    _report(r.rejected, r.warnings)
    if not r.articles:
        print("error: no article could be read; nothing to brief", file=sys.stderr)
        return 2
    b = brief(r, settings)
    doc = brief_json(b)
    if args.format == "json":
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    elif args.format == "md":
        text = brief_markdown(doc)
    else:
        text = brief_html(doc)
    _write(text, args.output)
    return 1 if r.rejected else 0


def cmd_settings(args: argparse.Namespace) -> int:
    s = Settings.load()
    for name, default, help_ in table():
        print(f"{name:22} {getattr(s, name)!s:28} {help_}  (default {default}; env NEWSFUSE_{name.upper()})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsfuse", description="Many news reports of one event, fused into one account a reader can trust.")
    p.add_argument("--version", action="version", version=f"newsfuse {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("read", help="show what was read from each article (metadata, removed passages, entities, quotes, quantities, dates)")
    r.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
    r.add_argument("--format", choices=("json", "md"), default="json")
    r.add_argument("-o", "--output", help="write here instead of stdout")
    r.set_defaults(func=cmd_read)

    b = sub.add_parser("brief", help="fuse the articles of one story into a brief")
    b.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
    b.add_argument("--format", choices=FORMATS_BRIEF, default="json")
    b.add_argument("-o", "--output", help="write here instead of stdout")
    b.set_defaults(func=cmd_brief)

    s = sub.add_parser("settings", help="list the settings with their values")
    s.set_defaults(func=cmd_settings)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except NewsfuseError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
