"""The lint pipeline is pure: the plan is never modified, shared facts are computed once per
plan, the suppression outcome is frozen and the baseline is applied once."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from linter.core import yamlio
from linter.kb.store import KnowledgeBase
from linter.lint import facts, suppress
from linter.lint.config import Config
from linter.lint.engine import lint_doc, lint_paths

FIXTURES = Path(__file__).resolve().parent / "fixtures"
IDLE = FIXTURES / "over-spec" / "fail" / "idle-racks.yaml"

UNITS = """\
plan: units
reference: dgx-superpod-h100@2026.11
facility: {cooling: air, inlet_temp_c: "77 °F", ashrae_class: A2}
racks:
  - id: r01
    budget_kw: "40000 W"
    systems: [{model: dgx-h100, count: 2}]
"""


def test_lint_doc_leaves_the_document_as_loaded(kb: KnowledgeBase) -> None:
    doc = yamlio.loads(UNITS, "units.yaml")
    before = copy.deepcopy(doc.data)
    report = lint_doc(doc, kb, Config())
    assert doc.data == before
    assert doc.data["racks"][0]["budget_kw"] == "40000 W"
    assert report.plan_id == "units"
    # The rules read the normalised values: no schema error for "40000 W" or "77 °F".
    assert [f.rule for f in report.findings if f.rule.startswith("VAL")] == []
    assert report.hot_spot is not None
    assert (report.hot_spot.resource, report.hot_spot.used, report.hot_spot.limit) == (
        "rack r01 air-contained capacity (planning figure)",
        20.4,
        20.0,
    )


def test_each_rack_load_and_the_sizing_are_computed_once_per_plan(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    import linter.sizing as sizing

    loads: Counter[str] = Counter()
    real_load = facts.rack_load

    def counted_load(group, kb, policy=None):  # type: ignore[no-untyped-def]
        loads[group.id] += 1
        return real_load(group, kb, policy)

    sized = []
    real_size = sizing.size

    def counted_size(*args, **kwargs):  # type: ignore[no-untyped-def]
        sized.append(args[2])
        return real_size(*args, **kwargs)

    monkeypatch.setattr(facts, "rack_load", counted_load)
    monkeypatch.setattr(sizing, "size", counted_size)
    report = lint_doc(yamlio.load(str(IDLE)), kb, Config())
    assert {f.rule for f in report.findings} >= {"SIZ002"}
    assert loads == Counter({"r01": 1})
    assert sized == ["dgx-h100"]


def test_suppressions_are_frozen_and_apply_returns_what_each_did() -> None:
    text = 'a: 1  # refarch: ignore[PWR001] reason="ok"\n'
    (sup,) = suppress.parse(text, lambda t: t)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sup.used = frozenset({"PWR001"})  # type: ignore[misc]
    outcome = suppress.apply(
        [], [sup], lambda code: True, dt.date(2026, 12, 1), not_run=lambda c: c == "PWR001"
    )
    assert outcome.suppressions[0].used == frozenset({"PWR001"})
    assert sup.used == frozenset()


def test_the_baseline_is_a_budget_spent_once_across_processes(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    paths = []
    for k in range(4):
        p = tmp_path / f"idle-{k}.yaml"
        p.write_text(IDLE.read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(str(p))
    first = lint_paths(paths[:1], kb, Config()).findings
    known = Counter(f.key for f in first)
    for jobs in (1, 2):
        result = lint_paths(paths, kb, Config(), Counter(known), jobs=jobs)
        baselined = [len(r.baselined) for r in result.files]
        assert baselined == [len(first), 0, 0, 0], jobs


def test_lint_and_validate_recognise_a_plan_alike(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    racks_only = tmp_path / "racks-only.yaml"
    racks_only.write_text("racks:\n  - id: r01\n    systems: [{model: dgx-h100, count: 1}]\n")
    code, out, _ = run_cli("validate", str(racks_only))
    assert code == 1
    assert f"{racks_only}:1:1: VAL001" in out and "VAL009" not in out
    code, out, _ = run_cli("lint", "--format", "json", str(racks_only))
    assert code == 1 and '"VAL001"' in out
