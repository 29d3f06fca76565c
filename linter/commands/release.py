"""refarch release VERSION [--date D] [--notes FILE] [--plans DIR...]"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from linter.commands.common import add_repo_argument
from linter.core import atomic
from linter.core.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from linter.lint import config as config_mod
from linter.review.impact import find_plans
from linter.review.ranges import open_history
from linter.review.release_prep import prepare
from linter.review.render import markdown

NAME = "release"
HELP = "prepare a KB release: bump release.yaml, check it, write the review as release notes"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("version", metavar="VERSION", help="the new release, CalVer YYYY.MM")
    p.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="the release date (default: today)",
    )
    p.add_argument(
        "--notes",
        metavar="FILE",
        help="where to write the release notes (default: releases/VERSION.md in the KB directory)",
    )
    p.add_argument(
        "--plans",
        nargs="+",
        metavar="DIR",
        help="lint the plans in these directories against both releases for the notes' impact",
    )
    p.add_argument("--config", metavar="FILE", help="linter configuration for --plans")
    add_repo_argument(p)


def run(args: argparse.Namespace, io: Any) -> int:
    hist = open_history(args.repo, getattr(args, "kb", None))
    try:
        hist.repo.require_commits()
        root = Path(hist.repo.root)
        kb_dir = root / hist.prefix if hist.prefix else root
        notes = Path(args.notes) if args.notes else kb_dir / "releases" / f"{args.version}.md"
        plans = find_plans(args.plans) if args.plans else None
        cfg = None
        if plans is not None:
            cfg = config_mod.load(args.config) if args.config else config_mod.discover()
        done = prepare(hist, kb_dir, args.version, notes, plans, cfg, args.date or dt.date.today())
        if done.refused:
            for f in done.refused:
                io.out.write(f"{f.file}:{f.line}:{f.column}: {f.rule} [{f.name}] {f.message}\n")
            io.err.write(
                f"release {args.version} refused: {len(done.refused)} release consistency "
                f"finding(s) against {done.previous}; release.yaml is unchanged\n"
            )
            return EXIT_FINDINGS
        assert done.review is not None
        notes.parent.mkdir(parents=True, exist_ok=True)
        text = markdown(done.review)
        atomic.write_text(str(notes), text)
        r = done.review
        io.out.write(f"release {args.version} (after {done.previous}): {done.release_file}\n")
        for e in [*r.architectures, *r.catalog]:
            if not e.changes:
                continue
            io.out.write(f"  {e.kind} {e.id}: {len(e.changes)} change(s)\n")
            for c in e.changes:
                io.out.write(f"    {c.level:<8}  {c.check}  {c.change.describe()}\n")
        io.out.write(f"release notes: {notes}\n")
        return EXIT_OK
    except (OSError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    finally:
        hist.repo.close()
