"""refarch validate [PATH...]"""

from __future__ import annotations

import argparse
from typing import Any

from linter.commands.common import (
    add_format_argument,
    add_verbose_argument,
    dump_json,
    input_error_dict,
    open_kb,
    say_kb,
)
from linter.core.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, InputError
from linter.core.findings import Finding
from linter.core.text import plural
from linter.kb.store import KnowledgeBase
from linter.kb.validate import validate_kb, validate_paths

NAME = "validate"
HELP = "check KB files and plans against their schemas and cross-references"
# text and json are validate's own; the others are lint's reporters over the same findings.
FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or directories (default: the KB)"
    )
    add_format_argument(p, FORMATS)
    add_verbose_argument(p)


def run(args: argparse.Namespace, io: Any) -> int:
    kb = open_kb(args)
    say_kb(args, kb, io)
    skipped: list[str] = []
    checked: list[str] = []
    if args.paths:
        findings, errors = validate_paths(args.paths, kb, skipped, checked)
    else:
        findings, errors = validate_kb(kb, checked)
    # Warnings (VAL011) are reported but do not fail, as lint's default --fail-on error.
    failing = any(f.severity == "error" for f in findings)
    if args.format not in ("text", "json"):
        io.out.write(_report(args.format, kb, findings, errors, checked, skipped))
    elif args.format == "json":
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
        if not failing and not errors:
            notes = [plural(len(findings), "warning")] if findings else []
            if skipped:
                notes.append(f"{plural(len(skipped), 'file')} skipped: not refarch files")
            note = f" ({'; '.join(notes)})" if notes else ""
            io.err.write(f"valid{note}\n")
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_OK


def _report(
    fmt: str,
    kb: KnowledgeBase,
    findings: list[Finding],
    errors: list[InputError],
    checked: list[str],
    skipped: list[str],
) -> str:
    """The validation findings through lint's reporter ``fmt``: one file report per file
    checked (with its findings) and per file skipped, as lint reports a run."""
    from linter.lint.config import Config
    from linter.lint.reporters import REPORTER_BY_NAME
    from linter.lint.result import FileReport, LintResult

    by_file: dict[str, list[Finding]] = {path: [] for path in checked}
    for f in findings:
        by_file.setdefault(f.file, []).append(f)
    files = [FileReport(path, findings=found) for path, found in by_file.items()]
    files += [FileReport(path, skipped="not a refarch file") for path in skipped]
    result = LintResult(files, errors, Config(), kb.identity())
    return REPORTER_BY_NAME[fmt](result, False)
