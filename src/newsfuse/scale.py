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
import threading
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
    client = connect(spec)
    try:
        yield client
    finally:
        client.close()


def check_spec(spec: str) -> None:
    """A :class:`SettingsError` now for a ``dask`` setting that can never work (checked before anything is stored
    or read; whether a scheduler answers is known only when connecting)."""
    if not spec:
        return
    if spec == "local" or spec.startswith("local:"):
        _workers(spec)
        return
    _address(spec)


def _address(spec: str) -> None:
    from distributed.comm import parse_address, parse_host_port

    try:
        scheme, where = parse_address(spec)
        if scheme not in {"tcp", "tls"}:
            raise ValueError(f"a {scheme}:// address is not reachable from another process")
        parse_host_port(where)
    except ValueError as e:
        raise SettingsError(f"setting dask: {spec!r}: {e}; give local, local:N or a scheduler address (tcp://host:8786)") from e


def connect(spec: str, deadline: float = 30.0) -> Any:
    """A client of the scheduler at ``spec`` (``tcp://host:port``, ``tls://...`` or ``host:port``), or a clear error
    within ``deadline`` seconds: a malformed address, a refused connection, or a port that answers but is no Dask
    scheduler (a web server never completes the handshake, and the client's own timeout does not cover that)."""
    from distributed import Client

    _address(spec)
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["client"] = Client(spec, timeout=f"{max(1, int(deadline) - 5)}s")
        except BaseException as e:  # reported below, in the caller's thread
            outcome["error"] = e

    t = threading.Thread(target=run, name="newsfuse-dask-connect", daemon=True)
    t.start()
    t.join(deadline)
    if t.is_alive():
        raise NewsfuseError(f"cannot reach the Dask scheduler at {spec}: no answer in {deadline:.0f} s (is it a Dask scheduler?)")
    if "error" in outcome:
        failure = outcome["error"]
        raise NewsfuseError(f"cannot reach the Dask scheduler at {spec}: {type(failure).__name__}: {failure}") from failure
    client = outcome["client"]
    try:
        client.wait_for_workers(1, timeout=deadline)  # work sent to a cluster without workers would wait for ever
    except (TimeoutError, OSError) as e:
        client.close()
        raise NewsfuseError(f"the Dask scheduler at {spec} has no workers (waited {deadline:.0f} s); start some") from e
    return client


def _workers(spec: str) -> int:
    if spec == "local":
        return max(1, os.cpu_count() or 1)
    n = spec.split(":", 1)[1]
    if not n.isdigit() or int(n) < 1:
        raise SettingsError(f"setting dask: {spec!r}: give local, local:N (N workers) or a scheduler address")
    return int(n)
