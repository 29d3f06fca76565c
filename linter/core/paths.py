"""The one walk from command-line paths to the YAML files they name."""

from __future__ import annotations

from pathlib import Path

from linter.core.errors import InputError, Location


def expand_paths(paths: list[str], errors: list[InputError]) -> list[str]:
    """The files named by ``paths``: files as given, directories walked for ``*.yaml`` and
    ``*.yml`` (sorted). What cannot be read is appended to ``errors`` and skipped."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            try:  # entries can vanish or be unreadable while the directory is walked
                out.extend(
                    str(f)
                    for f in sorted(path.rglob("*"))
                    if f.suffix in (".yaml", ".yml") and f.is_file()
                )
            except OSError as exc:
                errors.append(
                    InputError(f"cannot read directory: {exc.strerror or exc}", Location(p))
                )
        elif path.is_file():
            out.append(p)
        elif path.is_symlink() and not path.exists():
            errors.append(InputError("broken symbolic link", Location(p)))
        elif path.exists():  # a device, FIFO or socket: reading it could block or never end
            errors.append(InputError("not a regular file", Location(p)))
        else:
            errors.append(InputError("no such file or directory", Location(p)))
    return out
