"""refarch diff ARCH@A ARCH@B [--format text|md|json]"""

from __future__ import annotations

import argparse
from typing import Any

from linter.commands.common import add_repo_argument, dump_json
from linter.core.errors import EXIT_OK
from linter.review.classify import classify_all
from linter.review.diff import diff
from linter.review.history import version_of
from linter.review.ranges import open_history
from linter.review.render import diff_markdown, diff_text, level_counts
from linter.review.revision import Revision

NAME = "diff"
HELP = "semantic diff of an architecture between two versions, revisions or the working tree"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "old", metavar="ARCH@A", help="A: a version (2026.10), commit, tag, branch or 'worktree'"
    )
    p.add_argument("new", metavar="ARCH@B", help="B: the same kinds as A")
    p.add_argument("--format", choices=("text", "md", "json"), default="text")
    add_repo_argument(p)


def _side(arch: str, rev: Revision, version: str) -> str:
    when = f", {rev.day}" if rev.day else ""
    return f"{arch}@{version or '?'} ({rev.short}{when})"


def run(args: argparse.Namespace, io: Any) -> int:
    hist = open_history(args.repo, getattr(args, "kb", None))
    try:
        a_id, a_rev, a_path = hist.arch_at(args.old)
        b_id, b_rev, b_path = hist.arch_at(args.new)
        od, nd = hist.doc(a_rev, a_path), hist.doc(b_rev, b_path)
        changes = classify_all(diff(od.data, nd.data), "architecture", od.data, nd.data)
        title = f"{_side(a_id, a_rev, version_of(od))} -> {_side(b_id, b_rev, version_of(nd))}"
        if args.format == "json":
            io.out.write(
                dump_json(
                    {
                        "from": {
                            "id": a_id,
                            "version": version_of(od),
                            "path": a_path,
                            "commit": a_rev.commit.sha if a_rev.commit else None,
                        },
                        "to": {
                            "id": b_id,
                            "version": version_of(nd),
                            "path": b_path,
                            "commit": b_rev.commit.sha if b_rev.commit else None,
                        },
                        "counts": level_counts(changes),
                        "changes": [c.to_dict() for c in changes],
                    }
                )
            )
        elif args.format == "md":
            io.out.write(diff_markdown(title, changes))
        else:
            io.out.write(diff_text(title, changes))
        return EXIT_OK
    finally:
        hist.repo.close()
