"""Work shared by forked processes: the one CPU policy and the one process pool.

Workers are forked, so they inherit the function and everything it closes over (a loaded
knowledge base, a configuration) without pickling it; only the items and results travel.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from linter.core.signals import worker_busy, worker_init

T = TypeVar("T")
R = TypeVar("R")

# Chunks per process: small enough to balance uneven items, large enough to amortise pickling.
CHUNKS_PER_JOB = 4
# How long a stopped worker gets to unwind (remove its temporary files) before SIGKILL.
STOP_GRACE_S = 0.5

_state: dict[str, Callable[[Any], Any]] = {}


def cpus() -> int:
    """CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def fork_map(fn: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """``[fn(item) for item in items]``, in order, shared by ``jobs`` forked processes (in
    this process when ``jobs`` is 1 or the platform cannot fork). If anything interrupts the
    map (SIGINT, SIGTERM, an error), the workers are stopped before it propagates."""
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1 or not hasattr(os, "fork"):
        return [fn(item) for item in items]
    import multiprocessing  # here: a one-item run does not pay for importing them
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_JOB)))
    chunks = [items[k : k + size] for k in range(0, len(items), size)]
    _state["fn"] = fn
    out: list[R] = []
    pool = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context("fork"), initializer=worker_init
    )
    try:
        for results in pool.map(_run_chunk, chunks):
            out.extend(results)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        _stop(multiprocessing.active_children())
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        _state.clear()
    return out


def _stop(workers: Sequence[Any]) -> None:
    """SIGTERM every worker, then SIGKILL what is still alive after STOP_GRACE_S."""
    for w in workers:
        w.terminate()
    deadline = time.monotonic() + STOP_GRACE_S
    for w in workers:
        w.join(max(0.0, deadline - time.monotonic()))
    for w in workers:
        if w.is_alive():
            w.kill()
            w.join(STOP_GRACE_S)


def _run_chunk(items: Sequence[Any]) -> list[Any]:
    fn = _state["fn"]
    with worker_busy():
        return [fn(item) for item in items]
