"""One error hierarchy. Every message says what went wrong and what to do about it."""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base of every error newsfuse raises on purpose."""


class InputError(NewsfuseError):
    """An input could not be read: the batch reports it and goes on."""

    def __init__(self, input: str, reason: str) -> None:
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


class ModelError(NewsfuseError):
    """A model package is missing or broken."""


class PipelineError(NewsfuseError):
    """The reading pipeline was assembled wrongly (a stage needs what no earlier stage assigns)."""


class StoryNotFound(NewsfuseError):
    """A story id (or prefix) that names no story of the store."""


class SettingsError(NewsfuseError):
    """A setting has an unknown name or a value of the wrong kind."""
