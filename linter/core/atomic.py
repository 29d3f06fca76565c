"""Writing the files refarch is asked to write (``--output``, ``--write-baseline``) atomically.

The text goes to a temporary file in the target's own directory, is flushed to disk, and
then replaces the target with one ``os.replace``: a reader sees the old file or the new
one, never half of either, and a run interrupted at any point leaves the old file intact.
A symbolic link is written through (its target is replaced, the link stays); the new file
keeps the old one's permissions, or gets the usual ones (0666 less the umask).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from linter.core.errors import InputError, Location

TMP_PREFIX = ".refarch-"
TMP_SUFFIX = ".tmp"


def _mode(target: str) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text(path: str, text: str) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8), atomically; InputError on failure."""
    target = os.path.realpath(path)
    if os.path.isdir(target):
        raise InputError("is a directory, not a file", Location(path))
    directory = os.path.dirname(target) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=TMP_SUFFIX, dir=directory)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", Location(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode(target))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write: {exc.strerror or exc}", Location(path)) from None
        raise
