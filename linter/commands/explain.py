"""refarch explain CODE: print the page of any code refarch reports (a lint rule, a VAL, REL
or change check), by code or name."""

from __future__ import annotations

import argparse
import inspect
from typing import Any

from linter.core.errors import UsageError
from linter.core.text import did_you_mean
from linter.lint.registry import codes, lookup

NAME = "explain"
HELP = "print the documentation page of a code (a rule, a VAL, REL or change check)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("rule", metavar="CODE", help="a code (PWR001, VAL001, REL001) or its name")


def run(args: argparse.Namespace, io: Any) -> int:
    found = lookup(args.rule)
    if found is None:
        known = [t for c in codes() for t in dict.fromkeys((c.code, c.name))]
        hint = did_you_mean(args.rule, known, otherwise=" (see `refarch rules`)")
        raise UsageError(f"unknown rule {args.rule!r}{hint}")
    io.out.write(inspect.cleandoc(found.page) + "\n")
    return 0
