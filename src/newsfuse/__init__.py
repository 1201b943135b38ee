"""newsfuse: many news reports of one event, fused into one account a reader can trust."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import brief, read

__all__ = ["__version__", "brief", "read"]
