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
    briefs: list[str] = []
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


@pytest.mark.parametrize("spec", ["foo", "tcp://", "inproc://x"])
def test_a_malformed_scheduler_address_is_refused_by_name(spec: str) -> None:
    from newsfuse.scale import connect

    with pytest.raises(SettingsError, match="dask"):
        connect(spec)


def test_a_port_that_is_no_scheduler_is_a_clear_error_within_the_deadline() -> None:
    import socket
    import time

    from newsfuse.errors import NewsfuseError
    from newsfuse.scale import connect

    with socket.socket() as server:  # accepts, never answers: what a web server does to Dask's handshake
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        t0 = time.monotonic()
        with pytest.raises(NewsfuseError, match="cannot reach the Dask scheduler"):
            connect(f"tcp://127.0.0.1:{port}", deadline=3)
        assert time.monotonic() - t0 < 10


def test_a_scheduler_without_workers_is_a_clear_error_and_one_with_workers_connects() -> None:
    from distributed import LocalCluster

    from newsfuse.errors import NewsfuseError
    from newsfuse.scale import connect

    empty = LocalCluster(n_workers=0, processes=False, protocol="tcp://", dashboard_address=None)
    try:
        with pytest.raises(NewsfuseError, match="no workers"):
            connect(empty.scheduler_address, deadline=2)
    finally:
        empty.close()
    with LocalCluster(n_workers=1, processes=False, protocol="tcp://", dashboard_address=None) as one:
        client = connect(one.scheduler_address, deadline=20)
        try:
            assert len(client.scheduler_info()["workers"]) == 1
        finally:
            client.close()
