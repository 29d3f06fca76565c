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
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from linter.core import yamlio
from linter.core.errors import InputError, RefarchError
from linter.core.findings import Finding
from linter.core.parallel import fork_map
from linter.core.yamlio import Document
from linter.kb import validate
from linter.kb.store import KnowledgeBase
from linter.kb.versions import known_versions
from linter.lint import baseline as baseline_mod
from linter.lint import causes, cost, goodput, headroom, plan, suppress
from linter.lint.config import Config, ignorable
from linter.lint.facts import Facts
from linter.lint.result import FileReport, LintResult
from linter.lint.rules import PLAN_RULES, SUPPRESSION_RULES, Rule, RuleContext


def _ignorable(code: str) -> bool:
    """What a suppression comment may silence: a known code that is ignorable."""
    return ignorable(code, unknown=False)


def _resolve(token: str) -> str | None:
    # The registry is read only for plans with suppression comments: most plans have none.
    from linter.lint import registry

    return registry.resolve(token)


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


def _run(rules: tuple[Rule, ...], ctx: RuleContext, runs: Callable[[str], bool]) -> list[Finding]:
    out: list[Finding] = []
    for rule in rules:
        if runs(rule.CODE):
            out.extend(rule.check(ctx.bind(rule)))
    return out


PIN_RULE = "ARC001"  # the unknown pinned version; the other rules wait for a valid pin


def _split(rules: tuple[Rule, ...], code: str) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    return (
        tuple(r for r in rules if code == r.CODE),
        tuple(r for r in rules if code != r.CODE),
    )


def _stamp(findings: list[Finding], config: Config) -> list[Finding]:
    """The findings with the configured severity of their rule."""
    out = []
    for f in findings:
        sev = config.stamp(f.rule, f.severity)
        out.append(f if sev == f.severity else f.with_severity(sev))
    return out


def lint_doc(
    doc: Document, kb: KnowledgeBase, config: Config | None = None, today: dt.date | None = None
) -> FileReport:
    """Lint one loaded document; ``doc`` is not modified.

    The pipeline: normalise and validate (a new document and its problems), build the plan
    view, run the plan rules over shared facts, apply the suppression comments (a frozen
    outcome), fold findings of one cause into one (:mod:`linter.lint.causes`), run the
    suppression rules over that outcome. The baseline is applied by
    :func:`lint_paths`, once per run.
    """
    config = config or Config()
    if not plan.is_plan(doc):
        return FileReport(path=doc.path, skipped="not a plan")

    def runs(code: str) -> bool:
        return config.enabled(code) and not config.ignored(doc.path, code)

    doc, problems = validate.check(doc, "plan", kb)
    problems = _stamp([f for f in problems if runs(f.rule)], config)
    if validate.blocking(problems):  # the rules read a valid plan (a TODO reads as absent)
        return FileReport(
            path=doc.path,
            findings=sorted(problems, key=Finding.sort_key),
            source=_source_lines(doc, problems),
        )
    view = plan.from_data(doc.data)
    facts = Facts(view, kb)
    arch = kb.architecture(view.arch_id)
    ctx = RuleContext(
        doc=doc,
        plan=view,
        kb=kb,
        arch=arch,
        facts=facts,
        margin_pct=config.margin_pct,
        margin_k=config.temperature_margin_k,
    )
    if arch is not None and view.version and view.version not in known_versions(kb, arch):
        # ARC001 reports the pin; every other rule runs as for a plan with no architecture,
        # so nothing is measured against a version the plan did not pin (no cascade).
        pin, rest = _split(PLAN_RULES, PIN_RULE)
        found = _run(pin, ctx, runs) + _run(rest, replace(ctx, arch=None), runs)
    else:
        found = _run(PLAN_RULES, ctx, runs)
    found = problems + _stamp(found, config)
    outcome = suppress.apply(
        found,
        suppress.parse(doc.text, _resolve, _string_test(doc)),
        _ignorable,
        today or dt.date.today(),
        not_run=lambda code: not runs(code),
    )
    on_suppressions = replace(ctx, suppressions=outcome.suppressions)
    kept = [
        *(causes.fold(outcome.kept) if config.fold_causes else outcome.kept),
        *_stamp(_run(SUPPRESSION_RULES, on_suppressions, runs), config),
    ]
    return FileReport(
        path=doc.path,
        findings=sorted(kept, key=Finding.sort_key),
        suppressed=list(outcome.silenced),
        plan_id=view.id,
        hot_spot=headroom.hot_spot(facts),
        goodput=goodput.outlook(facts.goodput),
        energy=_energy(view, kb, facts),
        source=_source_lines(doc, kept),
    )


def _energy(view: plan.Plan, kb: KnowledgeBase, facts: Facts) -> list[cost.Line]:
    """A year of energy (``refarch cost`` with the plan's own figures: at system maximum power
    unless it states a utilisation) and its cost where the plan gives a tariff; nothing when
    no rack's power is known or the KB gives no PUE to multiply by."""
    if not any(facts.load(g).known for g in view.racks):
        return []
    try:
        lines = cost.energy(view, kb, facts, cost.plan_inputs(view)).lines
    except RefarchError:  # no standards/pue.yaml (or no average in it) and no plan PUE
        return []
    return [line for line in lines if line.name in ("annual energy", "energy cost")]


def _source_lines(doc: Document, findings: list[Finding]) -> dict[int, str]:
    """The text of each line a finding points at (the text report shows it), no more."""
    wanted = {f.line for f in findings if f.file == doc.path and f.line > 0}
    if not wanted:
        return {}
    lines = doc.text.splitlines()
    return {n: lines[n - 1] for n in sorted(wanted) if n <= len(lines)}


def lint_file(path: str, kb: KnowledgeBase, config: Config | None = None) -> list[Finding]:
    """Findings for one plan file; raises InputError when it cannot be read or parsed."""
    return lint_doc(plan.load(path), kb, config).findings


def lint_paths(
    paths: list[str],
    kb: KnowledgeBase,
    config: Config | None = None,
    baseline: Counter[str] | None = None,
    today: dt.date | None = None,
    jobs: int = 1,
) -> LintResult:
    """Lint many files, shared by ``jobs`` forked processes; unreadable ones become errors,
    the rest are still linted. The baseline, a budget shared by all files, is applied here
    in file order."""
    config = config or Config()

    def one(path: str) -> FileReport | InputError:
        start = time.perf_counter()
        try:
            report = lint_doc(plan.load(path), kb, config, today)
        except InputError as exc:  # unreadable, or a KB entry the plan needs is invalid
            return exc
        report.seconds = time.perf_counter() - start
        return report

    result = LintResult(files=[], errors=[], config=config)
    for outcome in fork_map(one, paths, jobs):
        if isinstance(outcome, InputError):
            result.errors.append(outcome)
            continue
        if baseline is not None:
            outcome.findings, outcome.baselined = baseline_mod.apply(outcome.findings, baseline)
        result.files.append(outcome)
    return result
