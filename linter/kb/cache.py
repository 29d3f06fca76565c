"""A parse cache for knowledge-base files: the loaded document kept on disk between runs.

A one-plan lint reads its pinned architecture, the standards and the catalog entries it
names: about fifteen YAML files, a tenth of a pre-commit run. They rarely change, so the
loaded ``Document`` (text, data, spans) of each is kept in ``$REFARCH_CACHE_DIR``, else
``$XDG_CACHE_HOME/refarch``, else ``~/.cache/refarch``, and used while the file's size and
BLAKE2b digest are unchanged (much as Python keeps bytecode): a checksum that cannot be forged
(CRC-32 can, with four bytes in a comment), so an edited file is never served stale. Entries are
``marshal`` data (plain values only: reading one never runs code), one per file, in a
directory per format and Python version. Set ``REFARCH_NO_CACHE=1`` to parse every time.
A cache that cannot be read or written is ignored; errors are never cached.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from linter.core import yamlio
from linter.core.digest import digest
from linter.core.errors import InputError
from linter.core.yamlio import Document, Span

FORMAT = 3
_new_tuple = tuple.__new__  # a Span without the named tuple's Python-level constructor


def cache_dir() -> Path | None:
    """Where entries are kept, or None when caching is off."""
    if os.environ.get("REFARCH_NO_CACHE"):
        return None
    base = os.environ.get("REFARCH_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = os.path.join(xdg, "refarch") if xdg else os.path.expanduser("~/.cache/refarch")
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return Path(base) / f"parse-v{FORMAT}-py{version}"


def _entry(directory: Path, real: str) -> Path:
    name = os.path.basename(real)
    return directory / f"{zlib.crc32(real.encode('utf-8', 'surrogateescape')):08x}-{name}.bin"


def load(
    path: str, check: Callable[[Document], None] | None = None, check_key: str = ""
) -> Document:
    """``yamlio.load(path)``, from the cache when the file has not changed.

    ``check`` (which raises to reject the document) runs unless the entry records that it
    passed under ``check_key`` (say, the schema's checksum): a passing verdict is cached
    with the document, a failing one never is.
    """
    directory = cache_dir()
    if directory is None:
        plain = yamlio.load(path)
        if check is not None:
            check(plain)
        return plain
    real = os.path.realpath(path)
    try:
        raw = yamlio.read_bytes(real)  # a regular file within the limit: never waits on a FIFO
    except InputError:
        return yamlio.load(path)  # it reports the problem, under the name given
    # The content's digest, not the modification time: a file rewritten within the clock's
    # granularity keeps its time. Reading and hashing a KB file costs little; parsing it does.
    key = (FORMAT, real, len(raw), digest(raw))
    entry = _entry(directory, real)
    doc: Document | None = None
    passed: list[str] = []
    try:
        with open(entry, "rb") as fh:
            stored = marshal.loads(fh.read())
        if tuple(stored[:4]) == key:
            doc, passed = _document(path, stored[4:8]), list(stored[8])
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        pass  # missing, unreadable or from another format: parse
    fresh = doc is None
    if doc is None:
        doc = yamlio.load(path)
    if check is not None and check_key not in passed:
        try:
            check(doc)
        except BaseException:
            if fresh:  # keep the parse, not the verdict
                _store(entry, (*key, *_parts(doc), passed))
            raise
        passed = [*passed[-3:], check_key]  # the last few schema versions it passed
        fresh = True
    if fresh:
        _store(entry, (*key, *_parts(doc), passed))
    return doc


def _parts(doc: Document) -> tuple[Any, ...]:
    return (
        doc.text,
        doc.data,
        [(p, tuple(s)) for p, s in doc.spans.items()],
        [(p, tuple(s)) for p, s in doc.key_spans.items()],
    )


def _document(path: str, parts: Any) -> Document:
    text, data, spans, key_spans = parts
    return Document(
        path=path,
        data=data,
        text=text,
        spans={p: _new_tuple(Span, s) for p, s in spans},
        key_spans={p: _new_tuple(Span, s) for p, s in key_spans},
    )


def _store(entry: Path, value: tuple[Any, ...]) -> None:
    tmp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            marshal.dump(value, fh)
        os.replace(tmp, entry)  # readers see the old entry or the new one, never half
    except BaseException as exc:  # a signal too: never leave the temporary file
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if not isinstance(exc, (OSError, ValueError)):  # ValueError: marshal cannot write it
            raise
