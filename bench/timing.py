"""Timing shared by the benchmarks: the best of several runs, as noise only adds time."""

import time
from collections.abc import Callable


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)
