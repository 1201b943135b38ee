"""Reading stored articles on Dask workers gives what reading them here gives (real models, a local cluster)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.api import ingest, read_pending, stories, story_brief
from newsfuse.errors import SettingsError
from newsfuse.scale import dask_client
from newsfuse.settings import Settings
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.models


def test_reading_on_dask_workers_matches_reading_here(tmp_path: Path) -> None:
    briefs = []
    for where in ("", "local:2"):
        settings = Settings.load({"db": str(tmp_path / f"store{len(briefs)}.db"), "dask": where, "batch_size": 2})
        ingest([EXAMPLES / "harbor-collapse"], settings, read_now=False)
        assert read_pending(settings) == (5, [])
        (story,) = stories(settings)
        briefs.append(json.dumps(story_brief(story.id, settings), sort_keys=True))
    assert briefs[0] == briefs[1]


def test_a_bad_dask_setting_is_refused_by_name() -> None:
    with pytest.raises(SettingsError, match="dask"), dask_client("local:none"):
        pass
