"""What a test session must leave alone, and how to tell whether it did.

The real parse cache is where refarch would keep it for the environment pytest started in
(``$REFARCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/refarch``, else ``~/.cache/refarch``),
worked out when this module is first imported: before any fixture replaces HOME.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

SOURCE_TREE = Path(__file__).resolve().parent.parent
REAL_HOME = Path(os.path.expanduser("~"))


def _real_cache() -> Path:
    base = os.environ.get("REFARCH_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = os.path.join(xdg, "refarch") if xdg else str(REAL_HOME / ".cache" / "refarch")
    return Path(base)


REAL_CACHE = _real_cache()


def _real_pip_config() -> Path | None:
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(REAL_HOME / ".config")
    for path in (Path(xdg) / "pip" / "pip.conf", REAL_HOME / ".pip" / "pip.conf"):
        if path.is_file():
            return path
    return None


REAL_PIP_CONFIG = _real_pip_config()

# Written by Python and tools around the tests, never by a test.
_SKIP = {".git", ".venv", ".netbox", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache"}

Snapshot = dict[str, tuple[int, int]] | None


def snapshot(root: Path) -> Snapshot:
    """Every file and directory under ``root``: (size, mtime in ns), (-1, -1) for a
    directory; None when ``root`` does not exist."""
    if not root.is_dir():
        return None
    seen: dict[str, tuple[int, int]] = {}
    for here, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP)
        rel = os.path.relpath(here, root)
        for d in dirs:
            seen[os.path.normpath(os.path.join(rel, d)) + "/"] = (-1, -1)
        for f in files:
            path = os.path.join(here, f)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            seen[os.path.normpath(os.path.join(rel, f))] = (st.st_size, st.st_mtime_ns)
    return seen


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """What differs between two snapshots of one directory, one line per path."""
    if before is None and after is None:
        return []
    if before is None:
        return ["created"] + [f"added {p}" for p in sorted(after or {})]
    if after is None:
        return ["removed"]
    out = [f"added {p}" for p in sorted(after.keys() - before.keys())]
    out += [f"removed {p}" for p in sorted(before.keys() - after.keys())]
    out += [f"changed {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    return out


def cache_writes(cache: Path, before: Snapshot, after: Snapshot, roots: list[Path]) -> list[str]:
    """The entries added to or rewritten in a parse cache between two snapshots that hold a
    file under one of ``roots``: a cache entry records the real path of the file it keeps.

    Entries for other files are left out, so another checkout's test run or a user's own
    `refarch` using the same cache at the same time is not blamed on this session.
    """
    written = [
        c.split(" ", 1)[1] for c in changes(before, after) if c.startswith(("added ", "changed "))
    ]
    out = []
    for rel in written:
        try:
            stored = marshal.loads((cache / rel).read_bytes())
            real = Path(stored[1])
        except (OSError, EOFError, ValueError, TypeError, IndexError):
            continue  # a directory, or not an entry
        if any(real.is_relative_to(r) for r in roots):
            out.append(f"{rel} (for {real})")
    return out
