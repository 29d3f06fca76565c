"""Helpers shared by commands."""

from __future__ import annotations

import argparse
import json
from typing import Any

from linter.core.errors import InputError
from linter.core.resources import locate_kb
from linter.kb.store import KnowledgeBase


def open_kb(args: argparse.Namespace, checked: bool = False) -> KnowledgeBase:
    """The KB of ``--kb``, $REFARCH_KB, the checkout the command runs in, or refarch's own
    (:func:`linter.core.resources.locate_kb`); ``checked``: entries must match their schemas
    (for commands that compute with the figures)."""
    root, origin = locate_kb(getattr(args, "kb", None))
    kb = KnowledgeBase.open(root, checked)
    kb.origin = origin
    return kb


def add_verbose_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="say on stderr which knowledge base (path, release and why that one) was read",
    )


def say_kb(args: argparse.Namespace, kb: KnowledgeBase, io: Any) -> None:
    """With ``--verbose``, the knowledge base the command read, on stderr."""
    if getattr(args, "verbose", False):
        io.err.write(f"refarch: {kb.describe()}\n")


def add_format_argument(
    p: argparse.ArgumentParser, choices: tuple[str, ...], default: str = "text", help: str = ""
) -> None:
    """``--format`` with ``choices``, the one output option of every command; where ``json``
    is a choice, ``--json`` is kept as its alias (``--format json``)."""
    p.add_argument(
        "--format",
        choices=choices,
        default=default,
        help=help or f"output format (default: {default})",
    )
    if "json" in choices:
        p.add_argument(
            "--json",
            dest="format",
            action="store_const",
            const="json",
            help="the same as --format json",
        )


def add_repo_argument(p: argparse.ArgumentParser) -> None:
    """``--repo DIR``, for the commands that read the KB's git history."""
    p.add_argument(
        "--repo",
        metavar="DIR",
        default=".",
        help="the git repository holding the knowledge base (default: the current directory)",
    )


def dump_json(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def input_error_dict(exc: InputError) -> dict[str, Any]:
    loc = exc.location
    return {
        "file": loc.file if loc else "",
        "line": loc.line if loc else 0,
        "column": loc.column if loc else 0,
        "message": exc.message,
    }


def add_calibration_age_argument(p: argparse.ArgumentParser) -> None:
    """``--calibration-max-age DAYS``: when an efficiency set's calibration counts as stale."""
    from linter.kb.freshness import DEFAULT_MAX_AGE_DAYS

    def days(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of days") from None
        if n < 0:
            raise argparse.ArgumentTypeError(f"{text!r}: a number of days cannot be negative")
        return n

    p.add_argument(
        "--calibration-max-age",
        type=days,
        default=DEFAULT_MAX_AGE_DAYS,
        metavar="DAYS",
        help="flag efficiency sets whose measurements were last checked more than DAYS days "
        f"ago (default {DEFAULT_MAX_AGE_DAYS})",
    )
