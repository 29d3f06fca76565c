"""refarch history [ARCH] [--format text|json]"""

from __future__ import annotations

import argparse
import difflib
from typing import Any

from linter.commands.common import add_repo_argument, dump_json
from linter.core.errors import EXIT_OK, GitError
from linter.review.packet import notes
from linter.review.ranges import open_history
from linter.review.revision import Lineage, VersionRecord

NAME = "history"
HELP = "versions of each architecture from git history (renames followed)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("arch", nargs="?", metavar="ARCH", help="one architecture (default: all)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_repo_argument(p)


def _record(r: VersionRecord) -> dict[str, Any]:
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


def _lineage(lin: Lineage) -> dict[str, Any]:
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
        "versions": [_record(r) for r in reversed(lin.versions)],
    }


def _text(lin: Lineage) -> list[str]:
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


def run(args: argparse.Namespace, io: Any) -> int:
    hist = open_history(args.repo, getattr(args, "kb", None))
    try:
        hist.repo.require_commits()
        lineages = hist.lineages()
        if args.arch:
            lin = hist.lineage(args.arch)
            if lin is None:
                near = difflib.get_close_matches(args.arch, [n for x in lineages for n in x.names])
                hint = f" (did you mean {', '.join(near)}?)" if near else ""
                raise GitError(
                    f"architecture {args.arch!r} not found in the history of {hist.ref_dir}{hint}"
                )
            lineages = [lin]
        caveats = notes(hist)
        if args.format == "json":
            io.out.write(
                dump_json({"architectures": [_lineage(x) for x in lineages], "notes": caveats})
            )
        else:
            for i, lin in enumerate(lineages):
                io.out.write(("\n" if i else "") + "\n".join(_text(lin)) + "\n")
            if not lineages:
                io.err.write(f"no architectures in the history of {hist.ref_dir}\n")
            for n in caveats:
                io.err.write(f"refarch: note: {n}\n")
        return EXIT_OK
    finally:
        hist.repo.close()
