"""GitHub Actions workflow commands: ``::error file=...,line=...::message`` annotations."""

from __future__ import annotations

from linter.lint.result import LintResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult, color: bool = False) -> str:
    lines = []
    for f in result.findings:
        props = ",".join(
            [
                f"file={_prop(f.file)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={max(f.end_line, f.line)}",
                f"endColumn={f.end_column}",
                f"title={_prop(f'{f.rule} [{f.name}]')}",
            ]
        )
        text = f.message
        if f.arithmetic:
            text += f"\n{f.arithmetic}"
        if f.fix:
            text += f"\nfix: {f.fix}"
        lines.append(f"::{_LEVEL.get(f.severity, 'notice')} {props}::{_data(text)}")
    for e in result.errors:
        where = f" file={_prop(e.location.file)}" if e.location else ""
        if e.location and e.location.line:
            where += f",line={e.location.line}"
        lines.append(f"::error{where}::{_data(e.message)}")
    return "".join(line + "\n" for line in lines)
