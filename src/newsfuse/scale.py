"""Scaling out the reading with Dask (distributed): the one engine newsfuse uses beyond one process.

Story assignment stays in the process that owns the store (it is sequential by nature: each article joins the stories
the ones before it made); the reading, which is most of the work (a spaCy parse per article), runs behind it and is
what scales. The setting ``dask`` says where it runs:

- ``""`` (the default): in this process;
- ``"local"`` or ``"local:N"``: a local cluster of N worker processes (default: one per CPU), started for the run;
- a scheduler address (``"tcp://10.0.0.5:8786"``): a running cluster, whose workers have newsfuse installed.

Each worker loads the reading pipeline once and reads whole batches; the store is written by the calling process only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .errors import NewsfuseError, SettingsError


@contextmanager
def dask_client(spec: str) -> Iterator[Any]:
    """A Dask client for ``spec`` (see the module docstring), closed (and a local cluster stopped) afterwards; None
    for the empty spec."""
    if not spec:
        yield None
        return
    from distributed import Client, LocalCluster

    if spec == "local" or spec.startswith("local:"):
        n = _workers(spec)
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
        return
    try:
        client = Client(spec, timeout="20s")
    except (OSError, TimeoutError) as e:
        raise NewsfuseError(f"cannot reach the Dask scheduler at {spec}: {e}") from e
    try:
        yield client
    finally:
        client.close()


def _workers(spec: str) -> int:
    if spec == "local":
        return max(1, os.cpu_count() or 1)
    n = spec.split(":", 1)[1]
    if not n.isdigit() or int(n) < 1:
        raise SettingsError(f"setting dask: {spec!r}: give local, local:N (N workers) or a scheduler address")
    return int(n)
