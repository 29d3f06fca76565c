"""Rule pages: metadata, fixed headings, examples that run, and `refarch explain` / `rules`."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from conftest import RunCli
from lint_support import expectations, history_kb

from linter.core import yamlio
from linter.core.findings import SEVERITIES
from linter.kb.store import KnowledgeBase
from linter.kb.validate import CHECKS
from linter.lint.engine import lint_doc
from linter.lint.rules import PLAN_RULES, RULES, SUPPRESSION_RULES, lookup, summary

HEADINGS = ["## What it checks", "## Why", "## Example", "## How to fix"]
KB_DIR = Path(__file__).resolve().parent.parent / "architectures"


def _examples(rule: object) -> list[str]:
    doc = inspect.cleandoc(rule.__doc__ or "")
    section = doc.split("## Example", 1)[1].split("## How to fix", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)


@pytest.fixture(scope="module")
def kb_with_history(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return history_kb(tmp_path_factory.mktemp("kb"), KB_DIR)


def test_registry_is_sorted_unique_and_complete() -> None:
    codes = [r.CODE for r in RULES]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert len({r.NAME for r in RULES}) == len(RULES)
    assert set(RULES) == set(PLAN_RULES) | set(SUPPRESSION_RULES)
    assert not set(codes) & set(CHECKS)
    modules = {
        p.stem for p in (Path(__file__).parent.parent / "linter" / "lint" / "rules").glob("*.py")
    }
    rule_modules = {m for m in modules if not m.startswith("_") and m != "base"}
    assert rule_modules == {r.NAME.replace("-", "_") for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_rule_metadata_and_headings(rule: object) -> None:
    assert re.fullmatch(r"[A-Z]{3}[0-9]{3}", rule.CODE)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.NAME)
    assert rule.DEFAULT_SEVERITY in SEVERITIES
    assert isinstance(rule.IGNORABLE, bool)
    assert rule.__name__ == f"linter.lint.rules.{rule.NAME.replace('-', '_')}"
    doc = inspect.cleandoc(rule.__doc__ or "")
    positions = [doc.find(h + "\n") for h in HEADINGS]
    assert all(p > 0 for p in positions), f"{rule.CODE} lacks a heading"
    assert positions == sorted(positions)
    assert summary(rule) and "\n" not in summary(rule)
    assert len(_examples(rule)) >= 1, f"{rule.CODE} has no yaml example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_docstring_examples_produce_exactly_their_findings(
    rule: object, kb_with_history: KnowledgeBase
) -> None:
    for i, block in enumerate(_examples(rule)):
        doc = yamlio.loads(block, f"<{rule.CODE} example {i}>")
        report = lint_doc(doc, kb_with_history)
        assert not [f for f in report.findings if f.rule.startswith("VAL")]
        got = sorted((f.rule, f.line, f.column) for f in report.findings if f.rule == rule.CODE)
        want = [(c, line, col) for c, line, col, _ in expectations(block)]
        assert want, f"{rule.CODE} example {i} names no finding"
        assert got == want


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_explain_prints_the_docstring(rule: object, run_cli: RunCli) -> None:
    page = inspect.cleandoc(rule.__doc__ or "") + "\n"
    assert run_cli("explain", rule.CODE) == (0, page, "")
    assert run_cli("explain", rule.NAME) == (0, page, "")
    assert run_cli("explain", rule.CODE.lower()) == (0, page, "")


def test_explain_unknown_rule_suggests(run_cli: RunCli) -> None:
    code, out, err = run_cli("explain", "rack-power-over-budgte")
    assert (code, out) == (2, "")
    assert err == (
        "refarch: error: unknown rule 'rack-power-over-budgte' "
        "(did you mean rack-power-over-budget, row-power-over-budget, "
        "hall-power-over-budget?)\n"
    )


def test_rules_lists_every_check(run_cli: RunCli) -> None:
    code, out, err = run_cli("rules")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == len(CHECKS) + len(RULES)
    assert [line.split()[0] for line in lines] == sorted(CHECKS) + [r.CODE for r in RULES]
    pwr002 = next(line for line in lines if line.startswith("PWR002"))
    assert pwr002.split()[:3] == ["PWR002", "feed-overload-on-failover", "error"]
    assert pwr002.endswith("(not ignorable)")
    assert lookup("PWR001") is lookup("rack-power-over-budget")


def test_rules_json(run_cli: RunCli) -> None:
    import json

    code, out, _ = run_cli("rules", "--json")
    rows = json.loads(out)
    row = next(r for r in rows if r["code"] == "CLG002")
    assert row == {
        "code": "CLG002",
        "name": "liquid-cooling-required",
        "severity": "error",
        "ignorable": False,
        "summary": summary(lookup("CLG002")),
    }
