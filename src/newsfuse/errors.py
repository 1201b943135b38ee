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


class StoryAmbiguous(StoryNotFound):
    """A prefix that several stories' ids start with: it names none of them alone."""


class StoryUnreadable(NewsfuseError):
    """A stored story none of whose articles could be read: it has no brief. ``reasons`` are the readings' failures."""

    def __init__(self, story: str, reasons: list[str], hint: str = "") -> None:
        shown = "; ".join(reasons[:3]) + ("; …" if len(reasons) > 3 else "")
        super().__init__(f"no article of story {story} could be read ({shown}){hint}")
        self.story = story
        self.reasons = reasons


class SettingsError(NewsfuseError):
    """A setting has an unknown name or a value of the wrong kind."""
