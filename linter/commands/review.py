"""refarch review [--from A] [--to B] [--plans DIR...] [--format md|json]
refarch review --check [--from A] [--format sarif]"""

from __future__ import annotations

import argparse
import os
from typing import Any

from linter.commands.common import (
    add_calibration_age_argument,
    add_format_argument,
    add_repo_argument,
    dump_json,
)
from linter.core.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from linter.core.findings import Finding
from linter.lint import config as config_mod
from linter.review.impact import find_plans
from linter.review.packet import build, check_worktree
from linter.review.ranges import WORKTREE, open_history, review_range
from linter.review.render import markdown, review_json

NAME = "review"
HELP = "the monthly review packet: changes, classification, release consistency, plan impact"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from",
        dest="base",
        metavar="A",
        help="a KB release (2026.10), commit, tag or branch (default: the release before --to; "
        "with --check: HEAD)",
    )
    p.add_argument(
        "--to",
        dest="head",
        metavar="B",
        default=WORKTREE,
        help="a KB release, commit, tag, branch or 'worktree' (default: worktree)",
    )
    p.add_argument(
        "--plans",
        nargs="+",
        metavar="DIR",
        help="lint the plans in these directories against both KBs",
    )
    p.add_argument("--config", metavar="FILE", help="linter configuration for --plans")
    add_format_argument(
        p,
        ("md", "json", "sarif"),
        default="md",
        help="md or json: the packet; sarif (with --check): the release findings as SARIF 2.1.0",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when the working tree changes an architecture without a new version "
        "and a recorded reason",
    )
    p.add_argument(
        "--each-release",
        action="store_true",
        help="also check release consistency between every pair of releases in the range",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=min(os.cpu_count() or 1, 4),
        metavar="N",
        help="processes sharing --each-release on long histories (default: CPUs, at most 4)",
    )
    add_calibration_age_argument(p)
    add_repo_argument(p)


def run(args: argparse.Namespace, io: Any) -> int:
    hist = open_history(args.repo, getattr(args, "kb", None))
    try:
        hist.repo.require_commits()
        if args.format == "sarif" and not args.check:
            raise UsageError("--format sarif goes with --check (the release consistency findings)")
        if args.check:
            base = hist.release(args.base) if args.base else hist.revision("HEAD")
            found = check_worktree(hist, base)
            if args.format == "sarif":
                io.out.write(_sarif(found))
                return EXIT_FINDINGS if found else EXIT_OK
            for f in found:
                io.out.write(f"{f.file}:{f.line}:{f.column}: {f.rule} [{f.name}] {f.message}\n")
            if not found:
                io.err.write(f"release consistency: ok (working tree against {base.short})\n")
            return EXIT_FINDINGS if found else EXIT_OK
        base, head = review_range(hist, args.base, args.head)
        plans = find_plans(args.plans) if args.plans else None
        cfg = None
        if plans is not None:
            cfg = config_mod.load(args.config) if args.config else config_mod.discover()
        review = build(
            hist, base, head, plans, cfg, args.each_release, args.jobs, args.calibration_max_age
        )
        if args.format == "json":
            io.out.write(dump_json(review_json(review)))
        else:
            io.out.write(markdown(review))
        return EXIT_FINDINGS if review.consistency else EXIT_OK
    finally:
        hist.repo.close()


def _sarif(found: list[Finding]) -> str:
    """The release findings through the lint's SARIF reporter, one report per file."""
    from linter.lint.config import Config
    from linter.lint.reporters import sarif
    from linter.lint.result import FileReport, LintResult

    by_file: dict[str, list[Finding]] = {}
    for f in found:
        by_file.setdefault(f.file, []).append(f)
    files = [FileReport(path=path, findings=fs) for path, fs in by_file.items()]
    return sarif.render(LintResult(files, [], Config()))
