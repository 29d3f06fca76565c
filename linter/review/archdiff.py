"""``refarch diff``: the classified semantic diff of one architecture between two revisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from linter.review.catalog_inputs import catalog_changes
from linter.review.classify import Classified, classify_all
from linter.review.diff import diff
from linter.review.history import KBHistory, version_of
from linter.review.render import level_counts
from linter.review.revision import Revision


@dataclass(frozen=True)
class Side:
    """One end of a diff: the architecture id, its revision, file and version."""

    arch: str
    rev: Revision
    path: str
    version: str

    @property
    def label(self) -> str:
        when = f", {self.rev.day}" if self.rev.day else ""
        return f"{self.arch}@{self.version or '?'} ({self.rev.short}{when})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.arch,
            "version": self.version,
            "path": self.path,
            "commit": self.rev.commit.sha if self.rev.commit else None,
        }


@dataclass(frozen=True)
class ArchDiff:
    old: Side
    new: Side
    changes: list[Classified]
    catalog: list[Classified]  # reaching it through the catalog entries it names

    @property
    def title(self) -> str:
        return f"{self.old.label} -> {self.new.label}"

    def to_dict(self) -> dict[str, Any]:
        """The document ``refarch diff --format json`` prints."""
        return {
            "from": self.old.to_dict(),
            "to": self.new.to_dict(),
            "counts": level_counts(self.changes + self.catalog),
            "changes": [c.to_dict() for c in self.changes],
            "catalog_changes": [c.to_dict() for c in self.catalog],
        }


def arch_diff(hist: KBHistory, old: str, new: str) -> ArchDiff:
    """The diff of ``ARCH@A`` to ``ARCH@B`` (a version, commit, tag, branch or worktree)."""
    a_id, a_rev, a_path = hist.arch_at(old)
    b_id, b_rev, b_path = hist.arch_at(new)
    od, nd = hist.doc(a_rev, a_path), hist.doc(b_rev, b_path)
    changes = classify_all(diff(od.data, nd.data), "architecture", od.data, nd.data)
    return ArchDiff(
        Side(a_id, a_rev, a_path, version_of(od)),
        Side(b_id, b_rev, b_path, version_of(nd)),
        changes,
        catalog_changes(hist, a_rev, b_rev, od.data, nd.data),
    )
