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
    env = os.environ.get("REFARCH_KB")
    if env:
        return Path(env)
    return _data_root() / "architectures"
