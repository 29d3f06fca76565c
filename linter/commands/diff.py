"""refarch diff ARCH@A ARCH@B [--format text|md|json]

Exits 1 when there are semantic differences (the architecture's or those reaching it through
the catalog) and 0 when there are none, like ``git diff --exit-code``; 2 on a usage or git
error."""

from __future__ import annotations

import argparse
from typing import Any

from linter.commands.common import add_format_argument, add_repo_argument, dump_json
from linter.core.errors import EXIT_FINDINGS, EXIT_OK
from linter.review.archdiff import arch_diff
from linter.review.ranges import open_history
from linter.review.render import diff_markdown, diff_text

NAME = "diff"
HELP = "semantic diff of an architecture between two versions, revisions or the working tree"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "old", metavar="ARCH@A", help="A: a version (2026.10), commit, tag, branch or 'worktree'"
    )
    p.add_argument("new", metavar="ARCH@B", help="B: the same kinds as A")
    add_format_argument(p, ("text", "md", "json"))
    add_repo_argument(p)


def run(args: argparse.Namespace, io: Any) -> int:
    hist = open_history(args.repo, getattr(args, "kb", None))
    try:
        d = arch_diff(hist, args.old, args.new)
        if args.format == "json":
            io.out.write(dump_json(d.to_dict()))
        elif args.format == "md":
            io.out.write(diff_markdown(d.title, d.changes, d.catalog))
        else:
            io.out.write(diff_text(d.title, d.changes, d.catalog))
        return EXIT_FINDINGS if d.changes or d.catalog else EXIT_OK
    finally:
        hist.repo.close()
