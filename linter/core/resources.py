"""Where the knowledge base and the schemas live, installed or in a source checkout."""

from __future__ import annotations

import functools
import os
from pathlib import Path

# linter/core/resources.py -> the package root, linter/
_PKG = Path(__file__).resolve().parent.parent
# The documentation site: rule pages at rules/NAME/, schemas at schema/, the KB's YAML at kb/.
SITE_URL = "https://refarch.dev/"


def _data_root() -> Path:
    installed = _PKG / "_data"
    if installed.is_dir():
        return installed
    return _PKG.parent


def schema_dir() -> Path:
    """The directory of the JSON Schemas."""
    return _data_root() / "schema"


def default_kb_dir() -> Path:
    """The knowledge base: $REFARCH_KB if set, else the one shipped with refarch."""
    return locate_kb(None)[0]


def checkout_kb_dir(start: Path | None = None) -> Path | None:
    """The KB of the refarch checkout ``start`` (default: the current directory) is in: the
    nearest directory, up to the top of its git work tree, whose ``architectures/`` holds a
    ``release.yaml`` and a ``catalog/``. None outside a checkout."""
    try:
        here = (start or Path.cwd()).resolve()
    except OSError:  # the current directory was removed
        return None
    for d in (here, *here.parents):
        kb = d / "architectures"
        if (kb / "release.yaml").is_file() and (kb / "catalog").is_dir():
            return kb
        if (d / ".git").exists():
            return None
    return None


def locate_kb(flag: str | None) -> tuple[Path, str]:
    """The KB a command reads and where that choice came from: ``--kb``, then
    ``$REFARCH_KB``, then the checkout the current directory is in, then the KB shipped with
    refarch (``built-in``)."""
    if flag:
        return Path(flag), "--kb"
    env = os.environ.get("REFARCH_KB")
    if env:
        return Path(env), "$REFARCH_KB"
    checkout = checkout_kb_dir()
    if checkout is not None:
        return checkout, "checkout"
    return _data_root() / "architectures", "built-in"


def kb_file_location(kb_root: Path, path: str) -> str:
    """How a finding names a KB file (:func:`_location`, computed once per file: a batch
    names the same few KB files thousands of times, and resolving paths is system calls)."""
    try:
        cwd = os.getcwd()
    except OSError:  # the current directory was removed
        return path
    return _location(str(kb_root), path, cwd)


@functools.lru_cache(maxsize=4096)
def _location(kb_root_text: str, path: str, cwd_text: str) -> str:
    """How a finding names a KB file, never by a path inside site-packages or a machine's
    home: relative to the current directory when the file is under it (a checkout:
    ``architectures/catalog/systems/dgx-h100.yaml``); for the KB shipped with refarch, its
    published YAML on the site (``https://refarch.dev/kb/catalog/systems/dgx-h100.yaml``);
    otherwise the KB directory as the user gave it, joined with the file's place in it."""
    kb_root = Path(kb_root_text)
    try:
        absolute, root, cwd = Path(path).resolve(), kb_root.resolve(), Path(cwd_text).resolve()
    except OSError:
        return path
    if absolute.is_relative_to(cwd):
        return absolute.relative_to(cwd).as_posix()
    if not absolute.is_relative_to(root):
        return path
    rel = absolute.relative_to(root).as_posix()
    if root == (_data_root() / "architectures").resolve():
        return f"{SITE_URL}kb/{rel}"
    return (kb_root / rel).as_posix()
