"""refarch stats"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from linter.commands.common import (
    add_calibration_age_argument,
    add_format_argument,
    dump_json,
    open_kb,
)
from linter.core.errors import EXIT_OK, UsageError
from linter.kb.freshness import calibration_freshness
from linter.kb.provenance import stats

NAME = "stats"
HELP = "knowledge-base coverage and provenance health"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_format_argument(p, ("text", "json"))
    p.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="date to age sources against (default: today)"
    )
    add_calibration_age_argument(p)


def run(args: argparse.Namespace, io: Any) -> int:
    try:
        today = dt.date.fromisoformat(args.as_of) if args.as_of else dt.date.today()
    except ValueError:
        raise UsageError(f"--as-of {args.as_of!r} is not a date YYYY-MM-DD") from None
    kb = open_kb(args, checked=True)
    s = stats(kb, today)
    fresh = calibration_freshness(kb, today, args.calibration_max_age)
    s["calibration"] = {
        "max_age_days": args.calibration_max_age,
        "sets": [f.to_dict() for f in fresh],
    }
    if args.format == "json":
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
    stale = [f for f in fresh if f.stale]
    io.out.write(
        f"calibration: {len(fresh)} efficiency sets, {len(stale)} calibrated more than "
        f"{args.calibration_max_age} days ago\n"
    )
    for f in stale:
        io.out.write(f"  stale calibration: {f.describe()}\n")
    return EXIT_OK
