"""refarch lint PLAN... [--format F] [--output FILE] [--config FILE] [--baseline FILE]
[--write-baseline FILE] [--fail-on SEVERITY]"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from linter.commands.common import add_format_argument, add_verbose_argument, open_kb, say_kb
from linter.core import yamlio
from linter.core.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, InputError, UsageError
from linter.core.paths import expand_paths
from linter.core.text import escape_controls
from linter.kb.store import KnowledgeBase
from linter.lint import baseline, config
from linter.lint.batch import MIN_FILES_PER_JOB, lint_many
from linter.lint.engine import lint_doc
from linter.lint.reporters import REPORTER_BY_NAME
from linter.lint.result import LintResult

NAME = "lint"
HELP = "check deployment plans against their pinned architecture, physics and best practices"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "plans", nargs="+", metavar="PLAN", help="plan files or directories; - reads standard input"
    )
    p.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the file name findings give the plan read from standard input (default: -)",
    )
    add_format_argument(p, tuple(REPORTER_BY_NAME))
    p.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument(
        "--config",
        metavar="FILE",
        help=".refarch.yaml or pyproject.toml (default: nearest one found)",
    )
    p.add_argument("--baseline", metavar="FILE", help="ignore the findings recorded in FILE")
    p.add_argument(
        "--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0"
    )
    p.add_argument(
        "--allow-empty",
        action="store_true",
        help="exit 0 when the paths hold no plan file (default: exit 2, a wrong path in CI "
        "must not pass)",
    )
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="lowest severity that fails the run (default: error, or the config's)",
    )
    p.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="run only these rules: codes, names or code prefixes, comma-separated (PWR,CLG002);"
        " rules that cannot be ignored always run",
    )
    p.add_argument(
        "--extend-select",
        action="append",
        metavar="RULES",
        help="add rules to --select (or to the configuration's selection)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="do not run these rules (codes, names or prefixes); not for rules that cannot be "
        "ignored",
    )
    p.add_argument(
        "--no-fold",
        action="store_true",
        help="report every rule's finding on its own, not one finding per cause with the "
        "others as notes",
    )
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings (2 stays 2)")
    p.add_argument(
        "-q", "--quiet", action="store_true", help="text: the findings only, no summary lines"
    )
    p.add_argument(
        "--no-source",
        action="store_true",
        help="text: do not show the plan line (and a caret) under each finding",
    )
    p.add_argument(
        "--statistics",
        action="store_true",
        help="text: after the report, the number of findings per rule",
    )
    p.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help=f"processes linting in parallel (default: one per {MIN_FILES_PER_JOB} files, "
        "at most one per CPU)",
    )
    add_verbose_argument(p)


def _read_stdin(args: argparse.Namespace) -> tuple[str, str | None]:
    """The name and text of the plan on standard input when ``-`` is among the plans (read
    once, within the size limit of a plan file), else ``(name, None)``."""
    name = args.stdin_filename or "-"
    count = args.plans.count("-")
    if count == 0:
        if args.stdin_filename:
            raise UsageError("--stdin-filename names the plan read from standard input: add -")
        return name, None
    if count > 1:
        raise UsageError("standard input (-) can be read once")
    raw = sys.stdin.buffer.read(yamlio.MAX_BYTES + 1)
    return name, yamlio.decode(raw, name)


def _lint_stdin(
    result: LintResult, name: str, text: str, kb: KnowledgeBase, known: Counter[str] | None
) -> None:
    """Lint the plan read from standard input into ``result``, first, as lint_paths would."""
    try:
        report = lint_doc(yamlio.loads(text, name), kb, result.config)
    except InputError as exc:
        result.errors.insert(0, exc)
        return
    if known is not None:
        report.findings, report.baselined = baseline.apply(report.findings, known)
    result.files.insert(0, report)


def _selection(cfg: config.Config, args: argparse.Namespace) -> config.Config:
    """The configuration with --select, --extend-select and --ignore applied."""
    select = cfg.select
    if args.select:
        select = config.expand(args.select, "--select")
    if args.extend_select:
        extra = config.expand(args.extend_select, "--extend-select")
        select = None if select is None else select | extra
    disable = cfg.disable
    if args.ignore:
        ignored = config.expand(args.ignore, "--ignore")
        fixed = sorted(c for c in ignored if not config.ignorable(c))
        if fixed:
            raise UsageError(f"--ignore: {', '.join(fixed)} cannot be ignored")
        disable = disable | ignored
    return replace(cfg, select=select, disable=disable)


def _statistics(findings: list[Any]) -> str:
    """``  3  PWR001  [rack-power-over-budget]  error`` per rule, most frequent first."""
    counts: dict[tuple[str, str, str], int] = {}
    for f in findings:
        key = (f.rule, f.name, f.severity)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    return "".join(f"{n:>{width}}  {r}  [{name}]  {sev}\n" for (r, name, sev), n in rows)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _inside(path: str, directory: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(directory))
    except ValueError:
        return False
    return True


def _refuse_clobbering(args: argparse.Namespace, config_file: str, kb_root: Path) -> None:
    """Exit 2 before anything is read further when --output or --write-baseline names a file
    the run reads: the baseline in use, the configuration, or anything in the KB."""
    read = [(args.baseline, "the baseline in use"), (config_file, "the configuration in use")]
    for out, flag in ((args.output, "--output"), (args.write_baseline, "--write-baseline")):
        if not out:
            continue
        for path, what in read:
            if path and _same_file(out, path):
                hint = (
                    " (to refresh a baseline, run --write-baseline without --baseline)"
                    if flag == "--write-baseline" and what.startswith("the baseline")
                    else ""
                )
                raise UsageError(
                    f"{flag} {out} is {what}; refarch never overwrites a file it reads{hint}"
                )
        if _inside(out, kb_root):
            raise UsageError(
                f"{flag} {out} is inside the knowledge base ({kb_root}) the lint reads; "
                "refarch never overwrites a file it reads"
            )


def _write(path: str, text: str) -> None:
    from linter.core import atomic  # tempfile and friends: only when a file is written

    atomic.write_text(path, text)


def run(args: argparse.Namespace, io: Any) -> int:
    cfg = config.load(args.config) if args.config else config.discover()
    if args.fail_on:
        cfg = replace(cfg, fail_on=args.fail_on)
    cfg = _selection(cfg, args)
    if args.no_fold:
        cfg = replace(cfg, fold_causes=False)
    errors: list[InputError] = []
    stdin_name, stdin_text = _read_stdin(args)
    paths = expand_paths([p for p in args.plans if p != "-"], errors)
    if not paths and stdin_text is None and not errors and not args.allow_empty:
        raise UsageError(
            f"no plan files in {' '.join(args.plans)}: nothing to lint (a directory is searched "
            "for *.yaml and *.yml; pass --allow-empty to accept an empty set)"
        )
    for out in (args.output, args.write_baseline):
        if out and any(_same_file(out, p) for p in paths):
            raise UsageError(f"{out} is one of the plans being linted; refarch never modifies them")
    known = baseline.load(args.baseline) if args.baseline else None
    kb = open_kb(args, checked=True)
    say_kb(args, kb, io)
    _refuse_clobbering(args, cfg.source, kb.root)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    result = lint_many(paths, kb, cfg, known, args.jobs)
    result.errors[:0] = errors
    if stdin_text is not None:
        _lint_stdin(result, stdin_name, stdin_text, kb, known)
    result.kb = kb.identity()
    if args.write_baseline:
        _write(args.write_baseline, baseline.dumps(result.findings))
        for e in result.errors:
            io.err.write(f"refarch: error: {e}\n")
        io.err.write(f"wrote {len(result.findings)} findings to {args.write_baseline}\n")
        return EXIT_ERROR if result.errors else EXIT_OK
    to_terminal = args.format == "text" and not args.output
    color = to_terminal and io.color
    if args.format == "text":
        from linter.lint.reporters import text as text_reporter  # the one format with options

        write = text_reporter.findings_only if args.quiet else text_reporter.render
        report = write(result, color, not args.no_source)
        if args.statistics and result.findings:
            report += ("\n" if report else "") + _statistics(result.findings)
    else:
        report = REPORTER_BY_NAME[args.format](result, color)
    if args.output:
        _write(args.output, escape_controls(report))
    elif to_terminal and io.color:  # the reporter escaped what it quotes; the colour is ours
        (io.raw_out or io.out).write(report)
    else:
        io.out.write(report)
    # A GitLab code quality report has no place for a file that could not be read.
    if args.format in ("text", "gitlab") or args.output:
        for e in result.errors:
            io.err.write(f"refarch: error: {e}\n")
    if args.exit_zero and result.exit_code == EXIT_FINDINGS:
        return EXIT_OK
    return result.exit_code
