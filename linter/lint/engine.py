"""The lint engine: validate a plan, run the rules, stamp severities, apply suppressions.

Library entry points (they never print or exit):

* ``lint_file(path, kb, config=None) -> list[Finding]`` lints one plan (raises InputError when
  the file cannot be read or parsed);
* ``lint_doc(doc, kb, config) -> FileReport`` does the same for a loaded document and also
  returns what was suppressed and the plan's hot spot;
* ``lint_paths(paths, kb, config, baseline) -> LintResult`` lints many files for the CLI,
  collecting unreadable ones as errors instead of stopping.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from linter.core import yamlio
from linter.core.errors import InputError
from linter.core.findings import Finding
from linter.core.yamlio import Document
from linter.kb.store import KnowledgeBase
from linter.kb.validate import CHECKS, validate_doc
from linter.lint import baseline as baseline_mod
from linter.lint import headroom, plan, suppress
from linter.lint.config import Config
from linter.lint.result import FileReport, LintResult
from linter.lint.rules import PLAN_RULES, SUPPRESSION_RULES, Rule, RuleContext, lookup


def _ignorable(code: str) -> bool:
    rule = lookup(code)
    return rule is not None and rule.IGNORABLE


def _resolve(token: str) -> str | None:
    rule = lookup(token)
    if rule is not None:
        return rule.CODE
    for code, (name, _) in CHECKS.items():
        if token.upper() == code or token == name:
            return code
    return None


def _string_test(doc: Document) -> Callable[[int, int], bool]:
    """Whether a 1-based position lies inside a string that spans several lines (the
    strings are listed on the first question: most plans have no suppression comment)."""
    ranges: list[tuple[tuple[int, int], tuple[int, int]]] | None = None

    def test(line: int, col: int) -> bool:
        nonlocal ranges
        if ranges is None:
            ranges = []
            for path, value in yamlio.walk(doc.data):
                span = doc.spans.get(path)
                if isinstance(value, str) and span is not None and span.end_line > span.line:
                    ranges.append(((span.line, span.column), (span.end_line, span.end_column)))
        return any(a <= (line, col) < b for a, b in ranges)

    return test


def _run(rules: tuple[Rule, ...], ctx: RuleContext, config: Config) -> list[Finding]:
    out: list[Finding] = []
    for rule in rules:
        if not config.enabled(rule.CODE) or config.ignored(ctx.doc.path, rule.CODE):
            continue
        bound = ctx.bind(rule)
        out.extend(rule.check(bound))
    return out


def _stamp(findings: list[Finding], config: Config, path: str) -> list[Finding]:
    out = []
    for f in findings:
        if not config.enabled(f.rule) or config.ignored(path, f.rule):
            continue
        sev = config.stamp(f.rule, f.severity)
        out.append(f if sev == f.severity else f.with_severity(sev))
    return out


def lint_doc(
    doc: Document, kb: KnowledgeBase, config: Config | None = None, today: dt.date | None = None
) -> FileReport:
    """Lint one loaded document (units are normalised in place)."""
    config = config or Config()
    report = FileReport(path=doc.path)
    if not plan.is_plan(doc):
        report.skipped = "not a plan"
        return report
    problems = validate_doc(doc, "plan", kb)
    if problems:
        report.findings = sorted(_stamp(problems, config, doc.path), key=Finding.sort_key)
        return report
    view = plan.from_data(doc.data)
    report.plan_id = view.id
    ctx = RuleContext(
        doc=doc,
        plan=view,
        kb=kb,
        arch=kb.architecture(view.arch_id),
        margin_pct=config.margin_pct,
    )
    found = _stamp(_run(PLAN_RULES, ctx, config), config, doc.path)
    sups = suppress.parse(doc.text, _resolve, _string_test(doc))
    kept, silenced = suppress.apply(found, sups, _ignorable, today or dt.date.today())
    for s in sups:  # a suppression of a rule that did not run is not "unused"
        s.used |= {c for c in s.codes if not config.enabled(c) or config.ignored(doc.path, c)}
    sup_ctx = replace(ctx, suppressions=tuple(sups))
    kept += _stamp(_run(SUPPRESSION_RULES, sup_ctx, config), config, doc.path)
    report.findings = sorted(kept, key=Finding.sort_key)
    report.suppressed = silenced
    report.hot_spot = headroom.hot_spot(view, kb)
    return report


def lint_file(path: str, kb: KnowledgeBase, config: Config | None = None) -> list[Finding]:
    """Findings for one plan file; raises InputError when it cannot be read or parsed."""
    return lint_doc(plan.load(path), kb, config).findings


def lint_paths(
    paths: list[str],
    kb: KnowledgeBase,
    config: Config | None = None,
    baseline: Counter[str] | None = None,
    today: dt.date | None = None,
) -> LintResult:
    """Lint many files; unreadable ones become errors, the rest are still linted."""
    config = config or Config()
    result = LintResult(files=[], errors=[], config=config)
    for path in paths:
        try:
            doc = plan.load(path)
        except InputError as exc:
            result.errors.append(exc)
            continue
        try:
            report = lint_doc(doc, kb, config, today)
        except InputError as exc:  # a KB entry the plan needs cannot be read or is invalid
            result.errors.append(exc)
            continue
        if baseline is not None:
            report.findings, report.baselined = baseline_mod.apply(report.findings, baseline)
        result.files.append(report)
    return result
