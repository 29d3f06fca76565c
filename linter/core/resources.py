"""Where the knowledge base and the schemas live, installed or in a source checkout."""

from __future__ import annotations

import os
from pathlib import Path

# linter/core/resources.py -> the package root, linter/
_PKG = Path(__file__).resolve().parent.parent


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
