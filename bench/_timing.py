"""Timing by wrapping, shared by the speed benchmarks: wall and CPU seconds per named bucket, a spaCy stand-in that
times ``nlp.pipe`` and a reading stage that times itself. Imported as ``_timing`` (scripts run from bench/)."""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any


class Clock:
    """Wall and CPU seconds accumulated per named bucket."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    def reset(self) -> None:
        self.wall.clear()
        self.cpu.clear()

    def wrap(self, fn: Callable[..., Any], name: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            w, c = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.wall[name] += time.perf_counter() - w
                self.cpu[name] += time.process_time() - c

        return timed


class TimedNLP:
    """Stands in for the spaCy Language object inside the pipeline: times every advance of ``nlp.pipe``."""

    def __init__(self, nlp: Any, clock: Clock, bucket: str) -> None:
        self._real = nlp
        self._clock = clock
        self._bucket = bucket

    def pipe(self, texts: Any, **kwargs: Any) -> Iterator[Any]:
        it = iter(self._real.pipe(texts, **kwargs))
        nxt = self._clock.wrap(lambda: next(it, None), self._bucket)
        while (doc := nxt()) is not None:
            yield doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


class TimedStage:
    """A reading stage with the same name, version, requires and assigns, timed in bucket ``prefix + stage name``."""

    def __init__(self, stage: Any, clock: Clock, prefix: str) -> None:
        self.name, self.version, self.requires, self.assigns = stage.name, stage.version, stage.requires, stage.assigns
        self._call = clock.wrap(stage, f"{prefix}{stage.name}")

    def __call__(self, article: Any, ctx: Any) -> Any:
        return self._call(article, ctx)


def maxrss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def load_line() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"
