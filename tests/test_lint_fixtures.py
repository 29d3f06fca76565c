"""Every rule's fixtures: failing plans name their exact findings (`# expect: CODE L:C [sev]`),
passing plans produce none of that rule, and both are schema-valid plans."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FROZEN_KB
from lint_support import expectations, history_kb

from linter.kb.store import KnowledgeBase
from linter.lint.config import Config
from linter.lint.engine import lint_doc
from linter.lint.plan import load
from linter.lint.rules import RULES, lookup

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Rules whose fixtures need a KB with more than one published version of an architecture.
NEEDS_HISTORY = {"outdated-reference"}

CASES = sorted(
    p
    for r in RULES
    for p in (FIXTURES / r.NAME).glob("*/*.yaml")
    if p.parent.name in ("pass", "fail")
)


@pytest.fixture(scope="module")
def kb_with_history(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return history_kb(tmp_path_factory.mktemp("kb"), FROZEN_KB)


def test_every_rule_has_passing_and_failing_fixtures() -> None:
    for rule in RULES:
        d = FIXTURES / rule.NAME
        assert list((d / "pass").glob("*.yaml")), f"{rule.NAME} has no passing fixture"
        assert list((d / "fail").glob("*.yaml")), f"{rule.NAME} has no failing fixture"


@pytest.mark.parametrize(
    "path", CASES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.stem}"
)
def test_fixture(path: Path, kb: KnowledgeBase, kb_with_history: KnowledgeBase) -> None:
    rule = lookup(path.parent.parent.name)
    assert rule is not None
    use_kb = kb_with_history if rule.NAME in NEEDS_HISTORY else kb
    doc = load(str(path))
    report = lint_doc(doc, use_kb, Config(fold_causes=False))  # each rule on its own
    assert not [f for f in report.findings if f.rule.startswith("VAL")], report.findings
    got = sorted(
        (f.rule, f.line, f.column, f.severity) for f in report.findings if f.rule == rule.CODE
    )
    want = expectations(doc.text)
    if path.parent.name == "pass":
        assert want == []
        assert got == []
    else:
        assert want, f"{path} names no expected finding"
        assert all(sev is not None for *_, sev in want), "fixtures name the severity too"
        assert got == want
