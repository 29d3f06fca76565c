"""``refarch release VERSION``: prepare a KB release in the working tree.

1. ``release.yaml`` names ``VERSION`` with its date, and every architecture at the version
   its file states (the text is edited in place: comments and layout stay).
2. The release consistency checks (REL001-REL005) run on the working tree against the
   previous release; if any fails, ``release.yaml`` is put back as it was and nothing else is
   written.
3. The review packet from the previous release to the working tree (with the plans' impact
   when plan directories are given) is written as the release notes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from linter.core import atomic
from linter.core.errors import UsageError
from linter.core.findings import Finding
from linter.kb.store import KnowledgeBase
from linter.lint.config import Config
from linter.review.history import CALVER, KBHistory
from linter.review.packet import Review, build, check_worktree
from linter.review.revision import WORKTREE_REV

_RELEASE = re.compile(r'^release:\s*"?[^"\n]*"?\s*$', re.M)
_DATE = re.compile(r"^date:\s*\S+\s*$", re.M)


def bump_text(text: str, version: str, date: str, versions: dict[str, str]) -> str:
    """``release.yaml`` naming ``version`` of ``date``, with ``versions`` as the architecture
    map (entries edited in place, new ones appended to the map)."""
    if not _RELEASE.search(text) or not _DATE.search(text):
        raise UsageError("release.yaml has no top-level release: and date: lines to update")
    text = _RELEASE.sub(f'release: "{version}"', text, count=1)
    text = _DATE.sub(f"date: {date}", text, count=1)
    lines = text.split("\n")
    try:
        start = lines.index("architectures:")
    except ValueError as exc:
        raise UsageError("release.yaml has no top-level architectures: map") from exc
    end = start + 1
    seen: set[str] = set()
    while end < len(lines) and (lines[end].startswith("  ") or not lines[end].strip()):
        m = re.match(r"^  ([a-z0-9][a-z0-9.-]*):", lines[end])
        if m and m.group(1) in versions:
            lines[end] = f'  {m.group(1)}: "{versions[m.group(1)]}"'
            seen.add(m.group(1))
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    added = [f'  {a}: "{v}"' for a, v in versions.items() if a not in seen]
    lines[end:end] = added
    return "\n".join(lines)


@dataclass
class Prepared:
    version: str
    previous: str
    release_file: str
    notes_file: str
    refused: list[Finding]
    review: Review | None


def prepare(
    hist: KBHistory,
    kb_dir: Path,
    version: str,
    notes: Path,
    plans: list[str] | None,
    config: Config | None,
    date: dt.date,
) -> Prepared:
    if not CALVER.fullmatch(version):
        raise UsageError(f"release {version!r} is not CalVer YYYY.MM")
    release_file = kb_dir / "release.yaml"
    old = release_file.read_text(encoding="utf-8")
    kb = KnowledgeBase.open(kb_dir)
    prev = [r.release for r in hist.releases() if r.release != version]
    if not prev:
        raise UsageError("no earlier release in the history to release against")
    if version <= prev[-1]:
        raise UsageError(f"release {version} is not after the last release {prev[-1]}")
    versions = {a.id: a.version for a in kb.architectures()}
    new = bump_text(old, version, date.isoformat(), versions)
    atomic.write_text(str(release_file), new)
    try:
        base = hist.release(prev[-1])
        refused = check_worktree(hist, base)
        if refused:
            atomic.write_text(str(release_file), old)
            return Prepared(version, prev[-1], str(release_file), str(notes), refused, None)
        review = build(hist, base, WORKTREE_REV, plans, config)
    except BaseException:
        atomic.write_text(str(release_file), old)
        raise
    return Prepared(version, prev[-1], str(release_file), str(notes), [], review)
