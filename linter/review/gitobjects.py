"""Git's objects as refarch reads them: checked revisions, commits, log entries and tree
entries, and the parsers of ``git log`` and tree object output. No git process here; the
:class:`~linter.review.git.Repository` runs git and hands its output to these parsers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.core.errors import GitError, UsageError

WORKTREE = "worktree"
UNSHALLOW_HINT = "fetch the full history with `git fetch --unshallow`"

_REV = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/~^@{}+-]{0,199}")
_SHA = re.compile(r"[0-9a-f]{40}")


def check_revision(rev: str) -> str:
    """Return ``rev`` if it is a plain revision (commit, tag, branch, ``HEAD~2``), else raise.

    Anything starting with ``-`` is refused, so that no user string can be read as an option.
    """
    if rev.startswith("-"):
        raise UsageError(f"invalid revision {rev!r}: a revision may not start with '-'")
    if not _REV.fullmatch(rev) or ".." in rev or "@{-" in rev:
        raise UsageError(
            f"invalid revision {rev!r}: expected a commit, tag or branch name "
            "(letters, digits and . _ / ~ ^ @ { } + -), not a range or a path"
        )
    return rev


@dataclass(frozen=True)
class Commit:
    sha: str
    author: str
    email: str
    date: str  # author date, ISO 8601
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def day(self) -> str:
        return self.date[:10]


@dataclass(frozen=True)
class PathChange:
    """One file changed by a commit (``git log --raw``): A, M, D, T, or R/C with old_path."""

    status: str
    path: str
    blob: str | None  # None when deleted
    old_path: str | None = None
    old_blob: str | None = None


@dataclass(frozen=True)
class LogEntry:
    commit: Commit
    changes: tuple[PathChange, ...]


@dataclass(frozen=True)
class TreeEntry:
    mode: str
    name: str
    sha: str

    @property
    def is_tree(self) -> bool:
        return self.mode == "40000"

    @property
    def is_blob(self) -> bool:
        return self.mode in ("100644", "100755")


def parse_log(raw: str) -> list[LogEntry]:
    entries: list[LogEntry] = []
    for chunk in raw.split("\x1e")[1:]:
        header, _, body = chunk.partition("\x00")
        sha, author, email, date, subject = (header.split("\x1f") + [""] * 5)[:5]
        tokens = body.lstrip("\n").split("\x00")
        changes: list[PathChange] = []
        i = 0
        while i < len(tokens):
            meta = tokens[i]
            if not meta.startswith(":"):
                i += 1
                continue
            parts = meta[1:].split()
            old_blob, new_blob, status = parts[2], parts[3], parts[4][:1]
            if status in ("R", "C"):
                old_path, path = tokens[i + 1], tokens[i + 2]
                i += 3
            else:
                old_path, path = None, tokens[i + 1]
                i += 2
            changes.append(
                PathChange(
                    status=status,
                    path=path,
                    blob=None if status == "D" else new_blob,
                    old_path=old_path,
                    old_blob=None if set(old_blob) == {"0"} else old_blob,
                )
            )
        entries.append(LogEntry(Commit(sha, author, email, date, subject), tuple(changes)))
    return entries


def text(value: str | bytes) -> str:
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)


def full_sha(value: str) -> str:
    if not _SHA.fullmatch(value):
        raise GitError(f"internal: expected a full commit id, got {value!r}")
    return value


def iso_date(epoch: str, tz: str) -> str:
    from datetime import datetime, timedelta, timezone

    sign = -1 if tz.startswith("-") else 1
    offset = timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * sign
    return datetime.fromtimestamp(int(epoch), timezone(offset)).isoformat()


def parse_tree(data: bytes) -> list[TreeEntry]:
    entries: list[TreeEntry] = []
    i = 0
    while i < len(data):
        space = data.index(b" ", i)
        nul = data.index(b"\x00", space)
        mode = data[i:space].decode()
        name = data[space + 1 : nul].decode("utf-8", "surrogateescape")
        entries.append(TreeEntry(mode, name, data[nul + 1 : nul + 21].hex()))
        i = nul + 21
    return entries
