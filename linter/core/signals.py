"""Stopping on SIGINT and SIGTERM: exit 130 or 143 within about a second, with no worker left
running and no temporary file left behind.

The main process turns SIGTERM into :class:`Terminated`, an exception like Python's own
KeyboardInterrupt for SIGINT, so ``finally`` blocks and cleanup handlers run on the way out
(the default SIGTERM action would kill the process on the spot and orphan its workers).
Workers ignore SIGINT (a Ctrl-C reaches the whole process group; the main process stops
them) and leave on SIGTERM: at once when idle, else after the work in hand has unwound.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_TERMINATED = 143  # 128 + SIGTERM


class Terminated(BaseException):
    """SIGTERM arrived. A BaseException, as KeyboardInterrupt is: no ``except Exception``
    swallows it."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated` in the main thread (elsewhere, or
    where signals cannot be set, nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


_busy = False


def _worker_sigterm(signum: int, frame: FrameType | None) -> None:
    if not _busy:  # waiting for work: nothing to unwind
        os._exit(EXIT_TERMINATED)
    raise Terminated


def worker_init() -> None:
    """A forked worker's signal dispositions."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_sigterm)


@contextlib.contextmanager
def worker_busy() -> Iterator[None]:
    """Around a worker's unit of work: SIGTERM unwinds it (closing and removing what it was
    writing), then the worker exits without reporting back."""
    global _busy
    _busy = True
    try:
        yield
    except Terminated:
        os._exit(EXIT_TERMINATED)
    finally:
        _busy = False
