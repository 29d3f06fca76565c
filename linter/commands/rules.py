"""refarch rules: every check with its code, name, default severity and whether it can be
suppressed."""

from __future__ import annotations

import argparse
import json
from typing import Any

from linter.kb.validate import CHECKS
from linter.lint.rules import RULES, summary

NAME = "rules"
HELP = "list the lint rules and validation checks"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")


def rows() -> list[dict[str, Any]]:
    """One row per check: validation checks first, then the lint rules by code."""
    out = [
        {"code": code, "name": name, "severity": "error", "ignorable": False, "summary": summary}
        for code, (name, summary) in sorted(CHECKS.items())
    ]
    for r in RULES:
        title = summary(r)
        out.append(
            {
                "code": r.CODE,
                "name": r.NAME,
                "severity": r.DEFAULT_SEVERITY,
                "ignorable": r.IGNORABLE,
                "summary": title,
            }
        )
    return out


def run(args: argparse.Namespace, io: Any) -> int:
    data = rows()
    if args.json:
        io.out.write(json.dumps(data, indent=2) + "\n")
        return 0
    width = max(len(r["name"]) for r in data)
    for r in data:
        flag = "" if r["ignorable"] else " (not ignorable)"
        io.out.write(
            f"{r['code']}  {r['name']:<{width}}  {r['severity']:<7}  {r['summary']}{flag}\n"
        )
    return 0
