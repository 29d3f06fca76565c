"""The engine as a library: lint_file, huge rack groups, severity stamping, import weight."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from linter.core import yamlio
from linter.core.errors import InputError
from linter.kb.store import KnowledgeBase
from linter.lint.config import Config
from linter.lint.engine import lint_doc, lint_file

ROOT = Path(__file__).resolve().parent.parent

HUGE = """\
plan: huge
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  rear_door: active
  hall_budget_kw: 1000
  row_budget_kw: 500
racks:
  - {id: a, row: r1, count: 1000000, budget_kw: 50, systems: [{model: dgx-h100, count: 4}]}
  - {id: b, row: r1, count: 1000000, budget_kw: 50, systems: [{model: dgx-h100, count: 4}]}
spares: {systems: 1}
network:
  compute: {fabric: infiniband-ndr}
  storage: {fabric: infiniband-ndr}
"""


def test_lint_file_raises_input_error_for_unreadable(tmp_path: Path, kb: KnowledgeBase) -> None:
    with pytest.raises(InputError, match="no such file"):
        lint_file(str(tmp_path / "missing.yaml"), kb)
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"plan: \xff\n")
    with pytest.raises(InputError, match="not valid UTF-8"):
        lint_file(str(bad), kb)


def test_million_rack_groups_are_never_expanded(kb: KnowledgeBase) -> None:
    dgx = kb.system("dgx-h100")
    assert dgx is not None
    rack = 4 * (dgx.max_power_kw.value or 0)
    tracemalloc.start()
    report = lint_doc(yamlio.loads(HUGE, "huge.yaml"), kb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    found = {f.rule: f for f in report.findings}
    total = 2_000_000 * rack
    assert found["PWR004"].arithmetic == (
        f"1000000 x {rack:g} kW + 1000000 x {rack:g} kW = {total:.0f} kW > 1000 kW hall budget"
    )
    assert found["PWR003"].key == "PWR003:huge:rows:r1"
    assert found["ARC006"].message.startswith(f"{8_000_000} dgx-h100 occupy 250000 scalable units")


def test_config_stamps_severity_and_margin(kb: KnowledgeBase) -> None:
    text = HUGE.replace("hall_budget_kw: 1000", "hall_budget_kw: 1e9").replace(
        "  row_budget_kw: 500\n", ""
    )
    doc = yamlio.loads(text, "p.yaml")
    by_rule = {f.rule: f.severity for f in lint_doc(doc, kb).findings}
    assert by_rule.get("PWR001") is None  # 40.8 kW of 50 kW is 18 % headroom
    cfg = Config(margin_pct=20, severity={"PWR001": "info"}, disable=frozenset({"ARC006"}))
    by_rule = {f.rule: f.severity for f in lint_doc(yamlio.loads(text, "p.yaml"), kb, cfg).findings}
    assert by_rule["PWR001"] == "info"
    assert "ARC006" not in by_rule


def test_lint_path_modules_import_no_git_jinja_or_mkdocs() -> None:
    code = (
        "import sys\n"
        "import linter.lint.engine, linter.lint.reporters, linter.lint.config\n"
        "import linter.lint.baseline\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'git', 'jinja2', 'mkdocs'})\n"
        "print(heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out == "[]\n"


def test_a_wrong_pin_does_not_cascade(kb: KnowledgeBase, tmp_path: Path) -> None:
    """A pinned version that does not exist gives ARC001 alone of the architecture's checks
    (no fabric, rack-profile or best-practice findings against a version the plan did not
    pin); the physics rules still run."""
    plan = tmp_path / "pin.yaml"
    plan.write_text(
        "plan: lab\nreference: dgx-superpod-gb200@2026.10\nfacility:\n  cooling: air\n"
        "  power: {feeds: 2}\nracks:\n  - id: r01\n    systems: [{model: dgx-b200, count: 1}]\n",
        encoding="utf-8",
    )
    found = [(f.rule, f.line, f.column) for f in lint_file(str(plan), kb)]
    assert found == [("ARC001", 2, 12), ("FRG005", 6, 1), ("PWR005", 8, 23)]


def test_a_validation_warning_does_not_stop_the_rules(kb: KnowledgeBase, tmp_path: Path) -> None:
    plan = tmp_path / "mw.yaml"
    plan.write_text(
        "plan: lab\nreference: dgx-superpod-b200@2026.11\nfacility:\n  cooling: air\n"
        "  power: {feeds: 2}\nracks:\n  - id: r01\n    budget_kw: 30 MW\n"
        "    systems: [{model: dgx-b200, count: 1}]\n",
        encoding="utf-8",
    )
    found = [(f.rule, f.severity) for f in lint_file(str(plan), kb)]
    assert ("VAL011", "warning") in found and ("PWR005", "warning") in found
