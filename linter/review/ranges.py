"""Opening a KB's git history and choosing the two revisions a review compares.

``refarch history``, ``diff`` and ``review`` and the docs site's release pages all start here.
"""

from __future__ import annotations

from pathlib import Path

from linter.core.errors import UsageError
from linter.review.git import open_repository
from linter.review.history import KBHistory, open_kb_history
from linter.review.packet import release_name
from linter.review.revision import WORKTREE_REV, Revision

WORKTREE = "worktree"  # the ``--to``/``--from`` word for the working tree


def open_history(repo_dir: str | Path, kb_dir: str | Path | None = None) -> KBHistory:
    """The KB history of the git repository holding ``repo_dir``; the KB is ``kb_dir``
    (default: ``architectures/`` of the repository). Close it with ``hist.repo.close()``."""
    return open_kb_history(open_repository(repo_dir), kb_dir)


def previous_release(hist: KBHistory, head: Revision) -> Revision:
    """The last revision of the release before ``head``'s; UsageError if there is none."""
    pos = hist.position(head)
    name = release_name(hist, head)
    earlier = [
        r for r in hist.releases() if pos is not None and r.position < pos and r.release != name
    ]
    if not earlier:
        raise UsageError("no earlier release found in history: pass --from")
    return earlier[-1].last


def review_range(hist: KBHistory, base: str | None, head: str) -> tuple[Revision, Revision]:
    """The revisions of ``--from base`` (default: the release before ``head``) and ``--to
    head`` (a release, commit, tag, branch or ``worktree``), oldest first."""
    head_rev = WORKTREE_REV if head == WORKTREE else hist.release(head)
    base_rev = hist.release(base) if base else previous_release(hist, head_rev)
    pa, pb = hist.position(base_rev), hist.position(head_rev)
    if pa is not None and pb is not None and pa > pb:
        raise UsageError(f"--from {base} comes after --to {head} in history")
    return base_rev, head_rev
