"""Architectures through git history: versions per architecture, renames followed.

An architecture is a *lineage*: the file ``reference/ID.yaml`` from the commit that added it,
across ``git mv`` renames (the id is the file stem, so a rename changes the id), until it is
deleted. A new version is recorded at the first commit where ``version`` takes a new value;
an uncommitted change in the working tree is recorded too, marked as such.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from linter.kb.model.release import Change
from linter.review.gitobjects import WORKTREE, Commit, LogEntry


@dataclass(frozen=True)
class Revision:
    """A point of history: a commit, or the working tree (``commit`` is None)."""

    commit: Commit | None
    release: str = ""  # the release this revision was named by, if any

    @property
    def is_worktree(self) -> bool:
        return self.commit is None

    @property
    def short(self) -> str:
        return self.commit.short if self.commit else WORKTREE

    @property
    def day(self) -> str:
        return self.commit.day if self.commit else ""

    @property
    def label(self) -> str:
        return f"{self.release} ({self.short})" if self.release else self.short


WORKTREE_REV = Revision(None)


def stem(path: str) -> str:
    return path.rsplit("/", 1)[-1].removesuffix(".yaml")


@dataclass(frozen=True)
class VersionRecord:
    arch: str  # the id (file stem) the architecture had then
    version: str
    rev: Revision
    path: str
    summary: str = ""
    why: str = ""
    modified: bool = False  # the working tree changed the file without a new version


@dataclass
class Lineage:
    """One architecture through history, across renames."""

    id: str
    names: list[str] = field(default_factory=list)
    versions: list[VersionRecord] = field(default_factory=list)
    renames: list[tuple[str, str, Revision]] = field(default_factory=list)
    removed: Revision | None = None


ReadVersion = Callable[[Revision, str, str], tuple[str, Change | None]]


def follow(
    log: list[LogEntry],
    status: list[tuple[str, str, str]],
    read: ReadVersion,
    is_arch: Callable[[str], bool],
) -> list[Lineage]:
    """Lineages from the first-parent ``log`` (oldest first) and the working tree ``status``;
    ``read(rev, path, blob)`` gives a file's version and its ``changes`` entry."""
    alive: dict[str, Lineage] = {}
    out: list[Lineage] = []

    def record(lin: Lineage, rev: Revision, path: str, blob: str) -> None:
        version, entry = read(rev, path, blob)
        if not version:
            return
        same = bool(lin.versions) and lin.versions[-1].version == version
        if same and not rev.is_worktree:
            return
        summary, why = (entry.summary, entry.why) if entry else ("", "")
        lin.versions.append(VersionRecord(stem(path), version, rev, path, summary, why, same))

    def born(path: str) -> Lineage:
        lin = Lineage(id=stem(path), names=[stem(path)])
        out.append(lin)
        alive[path] = lin
        return lin

    def rename(old: str, new: str, rev: Revision) -> None:
        lin = alive.pop(old)
        lin.renames.append((stem(old), stem(new), rev))
        lin.names.append(stem(new))
        lin.id = stem(new)
        alive[new] = lin

    for entry in log:
        rev = Revision(entry.commit)
        for ch in entry.changes:
            if not is_arch(ch.path):
                continue
            if ch.status == "R" and ch.old_path and ch.old_path in alive:
                rename(ch.old_path, ch.path, rev)
            elif ch.status == "D":
                if ch.path in alive:
                    alive.pop(ch.path).removed = rev
                continue
            record(alive.get(ch.path) or born(ch.path), rev, ch.path, ch.blob or "")
    for code, path, old in status:
        if not is_arch(path):
            continue
        if "D" in code:
            if path in alive:
                alive[path].removed = WORKTREE_REV
            continue
        if old and old in alive and "R" in code:
            rename(old, path, WORKTREE_REV)
        record(alive.get(path) or born(path), WORKTREE_REV, path, "")
    return out
