"""refarch stats"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from linter.commands.common import dump_json, open_kb
from linter.core.errors import EXIT_OK, UsageError
from linter.kb.provenance import stats

NAME = "stats"
HELP = "knowledge-base coverage and provenance health"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="date to age sources against (default: today)"
    )


def run(args: argparse.Namespace, io: Any) -> int:
    try:
        today = dt.date.fromisoformat(args.as_of) if args.as_of else dt.date.today()
    except ValueError:
        raise UsageError(f"--as-of {args.as_of!r} is not a date YYYY-MM-DD") from None
    s = stats(open_kb(args, checked=True), today)
    if args.json:
        io.out.write(dump_json(s))
        return EXIT_OK
    io.out.write(f"knowledge base release {s['release']} (as of {s['as_of']})\n")
    for kind, n in s["counts"].items():
        io.out.write(f"  {kind:<13} {n}\n")
    io.out.write(
        f"figures {s['figures']} (derived {s['derived']}), unsourced {s['unsourced']}, "
        f"older than 12 months {s['older_than_12_months']}, conflicts recorded {s['conflicts']}\n"
    )
    for u in s["unsourced_figures"]:
        io.out.write(f"  unsourced: {u}\n")
    return EXIT_OK
