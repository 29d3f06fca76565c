"""refarch rules: every code refarch reports, by family: validation, the lint rules, release
consistency and the review's change checks, with name, default severity (or level) and
whether a suppression comment may silence it."""

from __future__ import annotations

import argparse
import json
from typing import Any

from linter.commands.common import add_format_argument
from linter.lint.registry import FAMILIES, codes

NAME = "rules"
HELP = "list every code: validation checks, lint rules, release and change checks"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_format_argument(p, ("text", "json"))


def rows() -> list[dict[str, Any]]:
    """One row per code, in the registry's order (by family, then code)."""
    return [
        {
            "code": c.code,
            "name": c.name,
            "family": c.family,
            "severity": c.severity,
            "ignorable": c.ignorable,
            "summary": c.summary,
        }
        for c in codes()
    ]


def run(args: argparse.Namespace, io: Any) -> int:
    data = rows()
    if args.format == "json":
        io.out.write(json.dumps(data, indent=2) + "\n")
        return 0
    width = max(len(r["name"]) for r in data if r["code"] != r["name"])
    change_width = max(len(r["code"]) for r in data if r["code"] == r["name"])
    family = None
    for r in data:
        if r["family"] != family:
            io.out.write(f"{'' if family is None else chr(10)}{FAMILIES[r['family']]}:\n")
            family = r["family"]
        if r["code"] == r["name"]:  # a change check: its id is its code, its level its severity
            io.out.write(f"  {r['code']:<{change_width}}  {r['severity']:<8}  {r['summary']}\n")
            continue
        flag = "" if r["ignorable"] else " (not ignorable)"
        io.out.write(
            f"  {r['code']}  {r['name']:<{width}}  {r['severity']:<7}  {r['summary']}{flag}\n"
        )
    return 0
