"""refarch validate [PATH...]"""

from __future__ import annotations

import argparse
from typing import Any

from linter.commands.common import (
    add_verbose_argument,
    dump_json,
    input_error_dict,
    open_kb,
    say_kb,
)
from linter.core.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from linter.core.text import plural
from linter.kb.validate import validate_kb, validate_paths

NAME = "validate"
HELP = "check KB files and plans against their schemas and cross-references"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or directories (default: the KB)"
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_verbose_argument(p)


def run(args: argparse.Namespace, io: Any) -> int:
    kb = open_kb(args)
    say_kb(args, kb, io)
    skipped: list[str] = []
    if args.paths:
        findings, errors = validate_paths(args.paths, kb, skipped)
    else:
        findings, errors = validate_kb(kb)
    if args.format == "json":
        io.out.write(
            dump_json(
                {
                    "kb": kb.identity(),
                    "findings": [f.to_dict() for f in findings],
                    "errors": [input_error_dict(e) for e in errors],
                    "skipped": skipped,
                }
            )
        )
    else:
        for f in findings:
            io.out.write(
                f"{f.file}:{f.line}:{f.column}: {f.rule} [{f.name}] {f.path}: {f.message}\n"
            )
        for e in errors:
            io.err.write(f"refarch: error: {e}\n")
        if args.verbose:
            for path in skipped:
                io.err.write(f"refarch: skipped {path}: not a refarch file\n")
        if not findings and not errors:
            note = (
                f" ({plural(len(skipped), 'file')} skipped: not refarch files)" if skipped else ""
            )
            io.err.write(f"valid{note}\n")
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings else EXIT_OK
