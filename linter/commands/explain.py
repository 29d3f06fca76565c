"""refarch explain RULE: print a rule's page (its docstring), by code or name."""

from __future__ import annotations

import argparse
import difflib
import inspect
from typing import Any

from linter.core.errors import UsageError
from linter.lint.rules import RULES, lookup

NAME = "explain"
HELP = "print the documentation page of a rule (by code or name)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("rule", metavar="RULE", help="rule code (PWR001) or name")


def page(rule: Any) -> str:
    """The page text: the rule's docstring, dedented, exactly as the site renders it."""
    return inspect.cleandoc(rule.__doc__ or "") + "\n"


def run(args: argparse.Namespace, io: Any) -> int:
    rule = lookup(args.rule)
    if rule is None:
        known = [r.CODE for r in RULES] + [r.NAME for r in RULES]
        near = difflib.get_close_matches(args.rule, known, n=3, cutoff=0.5)
        hint = f" (did you mean {', '.join(near)}?)" if near else " (see `refarch rules`)"
        raise UsageError(f"unknown rule {args.rule!r}{hint}")
    io.out.write(page(rule))
    return 0
