"""refarch history [ARCH] [--format text|json]"""

from __future__ import annotations

import argparse
from typing import Any

from linter.commands.common import add_format_argument, add_repo_argument, dump_json
from linter.core.errors import EXIT_OK
from linter.review.lineages import lineage_json, lineage_text, select
from linter.review.packet import notes
from linter.review.ranges import open_history

NAME = "history"
HELP = "versions of each architecture from git history (renames followed)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("arch", nargs="?", metavar="ARCH", help="one architecture (default: all)")
    add_format_argument(p, ("text", "json"))
    add_repo_argument(p)


def run(args: argparse.Namespace, io: Any) -> int:
    hist = open_history(args.repo, getattr(args, "kb", None))
    try:
        hist.repo.require_commits()
        lineages = select(hist, args.arch)
        caveats = notes(hist)
        if args.format == "json":
            io.out.write(
                dump_json({"architectures": [lineage_json(x) for x in lineages], "notes": caveats})
            )
        else:
            for i, lin in enumerate(lineages):
                io.out.write(("\n" if i else "") + "\n".join(lineage_text(lin)) + "\n")
            if not lineages:
                io.err.write(f"no architectures in the history of {hist.ref_dir}\n")
            for n in caveats:
                io.err.write(f"refarch: note: {n}\n")
        return EXIT_OK
    finally:
        hist.repo.close()
