"""Render a brief or a reading: JSON (the contract), Markdown, HTML. Renderers never compute; they format."""

from __future__ import annotations

from .html import brief_html
from .json import brief_json, reading_json
from .markdown import brief_markdown, reading_markdown

__all__ = ["brief_html", "brief_json", "brief_markdown", "reading_json", "reading_markdown"]
