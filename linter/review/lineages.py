"""``refarch history``: each architecture's versions from git history, as text and JSON."""

from __future__ import annotations

import difflib
from typing import Any

from linter.core.errors import GitError
from linter.review.history import KBHistory
from linter.review.revision import Lineage, VersionRecord


def select(hist: KBHistory, arch: str | None = None) -> list[Lineage]:
    """Every architecture's lineage, or the one of ``arch`` (GitError, with the nearest names,
    if the history has no such architecture)."""
    lineages = hist.lineages()
    if not arch:
        return lineages
    lin = hist.lineage(arch)
    if lin is None:
        near = difflib.get_close_matches(arch, [n for x in lineages for n in x.names])
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        raise GitError(f"architecture {arch!r} not found in the history of {hist.ref_dir}{hint}")
    return [lin]


def record_json(r: VersionRecord) -> dict[str, Any]:
    c = r.rev.commit
    return {
        "version": r.version,
        "id": r.arch,
        "path": r.path,
        "commit": c.sha if c else None,
        "date": c.date if c else None,
        "author": c.author if c else None,
        "uncommitted": r.rev.is_worktree,
        "modified_without_bump": r.modified,
        "summary": r.summary,
        "why": r.why,
    }


def lineage_json(lin: Lineage) -> dict[str, Any]:
    """One architecture's history as ``refarch history --format json`` prints it."""
    return {
        "id": lin.id,
        "names": lin.names,
        "renames": [
            {"from": a, "to": b, "commit": rev.commit.sha if rev.commit else None}
            for a, b, rev in lin.renames
        ],
        "removed": (lin.removed.commit.sha if lin.removed.commit else "worktree")
        if lin.removed
        else None,
        "versions": [record_json(r) for r in reversed(lin.versions)],
    }


def lineage_text(lin: Lineage) -> list[str]:
    """One architecture's history as ``refarch history`` prints it, newest version first."""
    gone = f" (removed in {lin.removed.short})" if lin.removed else ""
    out = [f"{lin.id}{gone}"]
    for r in reversed(lin.versions):
        if r.rev.is_worktree:
            state = (
                "modified, not committed (version not bumped)" if r.modified else "not committed"
            )
            out.append(f"  {r.version}  worktree  {state}")
        else:
            c = r.rev.commit
            assert c is not None
            out.append(f"  {r.version}  {c.short}  {c.day}  {c.author}  {r.summary}".rstrip())
        if r.why and not r.modified:
            out.append(f"           why: {r.why}")
        if r.arch != lin.id:
            out.append(f"           (as {r.arch})")
    for a, b, rev in reversed(lin.renames):
        out.append(f"  renamed {a} -> {b} in {rev.short}")
    return out
