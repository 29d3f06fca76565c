"""Error types. Core code raises these; only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass

from linter.core.text import one_line

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


@dataclass(frozen=True)
class Location:
    """A 1-based position in a file."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        """``file:line:col`` for messages, the file name escaped (:func:`one_line`)."""
        if self.line:
            return f"{one_line(self.file)}:{self.line}:{self.column}"
        return one_line(self.file)


class RefarchError(Exception):
    """Base of every error refarch reports on purpose (exit code 2)."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is not None:
            return f"{self.location}: {self.message}"
        return self.message

    def __reduce__(self) -> tuple[type[RefarchError], tuple[str, Location | None]]:
        # Pickled with its location, so an error found in a worker process keeps it.
        return (type(self), (self.message, self.location))


class InputError(RefarchError):
    """A file cannot be read or parsed (not a finding: the file is not a document at all)."""


class UsageError(RefarchError):
    """The command line is wrong."""


class ConfigError(RefarchError):
    """The linter configuration is wrong."""


class UnitError(RefarchError):
    """A quantity has an unknown unit or the wrong dimension."""


class GitError(RefarchError):
    """A git repository cannot be read the way it was asked."""
