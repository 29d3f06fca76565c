"""``file:line:col: CODE [name] message``, the arithmetic and fix below it, then a summary."""

from __future__ import annotations

from collections import Counter

from linter.core.findings import Finding
from linter.core.text import one_line, plural
from linter.lint.cost import Line
from linter.lint.result import LintResult

_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _c(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def source_lines(text: str, column: int, end_column: int, color: bool = False) -> list[str]:
    """The plan line a finding points at, with a caret under the span (the line escaped)."""
    shown = one_line(text.expandtabs(1))
    width = max(1, end_column - column) if end_column > column else 1
    caret = " " * (column - 1) + "^" * width
    return [f"    | {shown}", f"    | {_c(caret, '1;31', color)}"]


def finding_lines(f: Finding, color: bool = False) -> list[str]:
    """The finding's lines; what it quotes (file names, plan and KB text) is escaped before
    any colour is added, so no control sequence but refarch's own reaches the terminal."""
    head = (
        f"{_c(f'{one_line(f.file)}:{f.line}:{f.column}:', '1', color)} "
        f"{_c(f.rule, '1;' + _COLORS.get(f.severity, '0'), color)} [{f.name}] "
        f"{one_line(f.message)}"
    )
    detail = _c(f.severity, _COLORS.get(f.severity, "0"), color)
    if not f.arithmetic and not f.limit_source:  # a validation finding: no arithmetic to show
        return [head, f"    {detail}, fix: {one_line(f.fix)}" if f.fix else f"    {detail}"]
    if f.arithmetic:
        detail += f": {one_line(f.arithmetic)}"
    if f.limit_source:
        detail += f" (limit: {one_line(f.limit_source)})"
    lines = [head, f"    {detail}"]
    if f.fix:
        lines.append(f"    fix: {one_line(f.fix)}")
    for r in f.related:  # findings of the same cause, folded into this one
        if r.file == f.file:
            lines.append(f"    also {r.line}:{r.column}: {one_line(r.message)}")
    return lines


HOT_SPOT_LINES = 10  # a batch of thousands of plans still ends with its verdict in view


def summary(result: LintResult) -> list[str]:
    """The closing lines: the hot spots (tightest first, at most HOT_SPOT_LINES), the skipped
    files, then the verdict, last, so ``tail -1`` of any run shows it. None when nothing could
    be linted and errors say why (a "No findings in 0 plans." before them reads as a pass)."""
    findings = result.findings
    if not result.files and result.errors:
        return []
    by_sev = Counter(f.severity for f in findings)
    linted = [r for r in result.files if not r.skipped]
    with_findings = sum(1 for r in linted if r.findings)
    parts = ", ".join(plural(by_sev[s], s) for s in ("error", "warning", "info") if by_sev[s])
    if findings:
        line = f"{plural(len(findings), 'finding')} ({parts}) in {with_findings} of "
        line += plural(len(linted), "plan")
    else:
        line = f"No findings in {plural(len(linted), 'plan')}"
    suppressed = sum(len(r.suppressed) for r in result.files)
    baselined = sum(len(r.baselined) for r in result.files)
    if suppressed or baselined:
        line += f"; {suppressed} suppressed, {baselined} baselined"
    out = []
    spots = [r for r in linted if r.hot_spot is not None]
    spots.sort(key=lambda r: r.hot_spot.pct if r.hot_spot else 0.0)
    for r in spots[:HOT_SPOT_LINES]:
        assert r.hot_spot is not None
        where = one_line(r.plan_id or r.path)
        out.append(f"Hot spot of {where}: {one_line(r.hot_spot.describe())}.")
        if r.goodput is not None:
            out.append(f"Goodput of {where}: {r.goodput.describe()}.")
        if r.energy:
            out.append(f"Energy of {where}: {_energy_text(r.energy)}.")
    if len(spots) > HOT_SPOT_LINES:
        rest = len(spots) - HOT_SPOT_LINES
        out.append(f"... and {plural(rest, 'more hot spot')} (--format json lists every plan's).")
    skipped = [r for r in result.files if r.skipped]
    for r in skipped[:HOT_SPOT_LINES]:
        out.append(f"Skipped {one_line(r.path)}: {one_line(r.skipped)}.")
    if len(skipped) > HOT_SPOT_LINES:
        out.append(f"... and {plural(len(skipped) - HOT_SPOT_LINES, 'more file')} skipped.")
    return [*out, line + "."]


def _energy_text(lines: list[Line]) -> str:
    """``N MWh a year (formula)`` and, where the plan gives a tariff, ``energy cost ...``;
    the formula shows the utilisation (100 % when the plan states none: an upper bound)."""
    parts = []
    for line in lines:
        value = f"{line.value or 0:,.0f} {line.unit}"
        head = f"{value} a year" if line.name == "annual energy" else f"{line.name} {value}"
        parts.append(f"{head} ({one_line(line.formula)})")
    return "; ".join(parts)


def _with_source(result: LintResult, color: bool, show_source: bool) -> list[str]:
    sources = {(r.path, n): t for r in result.files for n, t in r.source.items()}
    lines: list[str] = []
    for f in result.findings:
        block = finding_lines(f, color)
        text = sources.get((f.file, f.line)) if show_source else None
        if text is not None and f.column > 0:
            end = f.end_column if f.end_line == f.line else len(text) + 1
            block[1:1] = source_lines(text, f.column, end, color)
        lines.extend(block)
    return lines


def findings_only(result: LintResult, color: bool = False, show_source: bool = True) -> str:
    """The findings without the summary and hot-spot lines (``--quiet``)."""
    lines = _with_source(result, color, show_source)
    return "\n".join(lines) + "\n" if lines else ""


def render(result: LintResult, color: bool = False, show_source: bool = True) -> str:
    lines = _with_source(result, color, show_source)
    if lines:
        lines.append("")
    lines.extend(summary(result))
    return "\n".join(lines) + "\n" if lines else ""
