"""The example plans: one clean, the others each showing their class of problem, exactly.

Findings are asserted to the line and column, so they are checked on frozen copies of
examples/plans (tests/kb-plans/) against the frozen KB: the examples may follow the live KB
from release to release without changing these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FROZEN_PLANS, ROOT, RunCli

from linter.kb.store import KnowledgeBase
from linter.lint.engine import lint_file

EXAMPLES = FROZEN_PLANS
LIVE_EXAMPLES = ROOT / "examples" / "plans"

EXPECTED: dict[str, list[tuple[str, int, int, str]]] = {
    "superpod-h100-training.yaml": [],
    "ab-feeds-overloaded.yaml": [
        ("PWR002", 21, 9, "error"),
    ],
    "fabric-shortcuts.yaml": [
        ("ARC005", 26, 1, "error"),
        ("ARC004", 30, 23, "error"),  # with BPR001 at 30:23 as its note (one cause)
        ("FRG004", 31, 29, "warning"),
        ("ARC008", 32, 52, "error"),
    ],
    "legacy-5kw-hall-dgx-h100.yaml": [
        ("ARC006", 18, 1, "info"),
        ("PWR002", 19, 9, "error"),
        ("DEN001", 21, 16, "warning"),
        ("PWR001", 21, 16, "error"),
        ("PWR005", 23, 17, "warning"),
        ("ARC003", 23, 34, "warning"),
        ("ARC007", 30, 14, "warning"),
    ],
    "nvl72-on-air.yaml": [  # BPR001 8:12 and CLG001 14:9 are notes of CLG002 (one cause)
        ("ARC006", 13, 1, "info"),
        ("CLG002", 17, 17, "error"),
    ],
    "gb300-power-capped.yaml": [
        ("PWR009", 18, 19, "warning"),
        ("CLG008", 27, 9, "info"),
    ],
    "liquid-loop-undersized-cdu.yaml": [
        ("CLG007", 12, 20, "error"),
        ("CLG001", 19, 9, "warning"),
        ("CLG008", 19, 9, "info"),
    ],
    "outdated-pin.yaml": [
        ("ARC001", 5, 12, "error"),
    ],
    "training-slow-restore.yaml": [
        ("RCV001", 36, 12, "error"),
        ("ARC007", 41, 14, "warning"),
    ],
    "training-2048-nodes.yaml": [
        ("ARC006", 19, 1, "warning"),
        ("RCV004", 26, 12, "warning"),
        ("RCV002", 32, 28, "warning"),
        ("RCV003", 34, 23, "error"),
        ("ARC007", 41, 14, "warning"),
    ],
}


@pytest.mark.parametrize("where", [EXAMPLES, LIVE_EXAMPLES], ids=["frozen", "live"])
def test_every_example_is_listed(where: Path) -> None:
    assert sorted(p.name for p in where.glob("*.yaml")) == sorted(EXPECTED)
    for p in where.glob("*.yaml"):
        first = p.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/plan.schema.json"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings(name: str, kb: KnowledgeBase) -> None:
    got = [(f.rule, f.line, f.column, f.severity) for f in lint_file(str(EXAMPLES / name), kb)]
    assert got == EXPECTED[name]


def test_legacy_hall_numbers(kb: KnowledgeBase) -> None:
    dgx = kb.system("dgx-h100")
    assert dgx is not None
    kw = dgx.max_power_kw.value
    findings = {f.rule: f for f in lint_file(str(EXAMPLES / "legacy-5kw-hall-dgx-h100.yaml"), kb)}
    pwr = findings["PWR001"]
    assert pwr.arithmetic == f"1 x {kw:g} kW = {kw:g} kW > 5 kW budget"
    assert pwr.fix == f"remove 1 dgx-h100 per rack or raise the budget to at least {kw:g} kW"
    assert pwr.key == "PWR001:legacy-hall-dgx-h100:racks:b07"
    # a KB file under the working directory (the checkout) is named relative to it
    assert [r.file for r in pwr.related] == ["tests/kb/catalog/systems/dgx-h100.yaml"]
    assert pwr.related[0].line == dgx.doc.span(("max_power_kw",)).line


def test_clean_example_cli(run_cli: RunCli, kb: KnowledgeBase) -> None:
    dgx = kb.system("dgx-h100")
    assert dgx is not None
    rack_kw = 4 * (dgx.max_power_kw.value or 0)
    headroom = round((46 - rack_kw) / 46 * 100, 1)
    code, out, err = run_cli("lint", str(EXAMPLES / "superpod-h100-training.yaml"))
    assert (code, err) == (0, "")
    assert out == (
        f"Hot spot of superpod-h100-training: rack group su1 (8 racks) power: {rack_kw:g} of 46 kW "
        f"({headroom:g} % headroom).\n"
        # 32 DGX H100 less 1 spare, checkpointing 6 TB at 62 GB/s (the Young/Daly optimum)
        "Goodput of superpod-h100-training: 98.4 % at the Young/Daly 198.9 min checkpoints; "
        "248 GPUs interrupted every 204.3 h.\n"
        f"Energy of superpod-h100-training: {8 * rack_kw * 1.35 * 8760 / 1000:,.0f} MWh a year "
        f"({8 * rack_kw:g} kW x 100 % x PUE 1.35 (the plan's facility.pue) x 8760 h).\n"
        "No findings in 1 plan.\n"
    )


def test_power_capped_numbers(kb: KnowledgeBase) -> None:
    """Nameplate against capped, the oversubscription ratio and what trips (the README's
    worked example)."""
    findings = lint_file(str(EXAMPLES / "gb300-power-capped.yaml"), kb)
    (cap,) = [f for f in findings if f.rule == "PWR009"]
    assert cap.message == (
        "if the power cap (NVIDIA Domain Power Service GB300-Med node policy (18 x 3.2 kW per "
        "rack)) fails, the plan draws 1136 kW at nameplate, 1.51x the 750 kW hall budget"
    )
    assert cap.arithmetic == "nameplate 1136 kW / hall budget 750 kW = 1.51x oversubscribed"
    assert not [f for f in findings if f.rule == "PWR004"]  # capped: 8 x 57.6 = 460.8 kW


def test_training_at_llama3_scale(kb: KnowledgeBase) -> None:
    """2,048 DGX H100 checkpointing every six hours: what a user sees (the issue's example)."""
    by_rule = {f.rule: f for f in lint_file(str(EXAMPLES / "training-2048-nodes.yaml"), kb)}
    assert by_rule["RCV002"].message == (
        "checkpoints every 360 min, 18.6 times too rarely: the Young/Daly optimum for 16,320 "
        "GPUs is 19.3 min; goodput 30.8 % against 85.3 % at the optimum"
    )
    assert by_rule["RCV002"].fix == "set checkpoint_interval_min: 19"
    assert by_rule["RCV003"].message == (
        "expected goodput 30.8 % at its checkpoint interval (360 min), below the 90 % target: "
        "16,320 GPUs are interrupted every 3.1 h"
    )
    assert by_rule["RCV003"].fix.startswith("checkpoint every 19 min (85.3 %); ")
    assert by_rule["RCV003"].fix.endswith("; or a target of at most 85 %")
    assert by_rule["RCV004"].message == (
        "8 spare systems for 12 node failures expected during one 48 h repair of 16,320 GPUs"
    )


def test_live_outdated_pin_names_what_changed(live_kb: KnowledgeBase) -> None:
    """The live example pins 2026.11 of an architecture 2026.12 changed: ARC002 says what
    changed (later releases add to the list, so only its start is asserted)."""
    findings = lint_file(str(LIVE_EXAMPLES / "outdated-pin.yaml"), live_kb)
    assert [(f.rule, f.line, f.column) for f in findings] == [("ARC002", 6, 12)]
    assert findings[0].message.startswith(
        "hgx-h200-air-inference@2026.11 is older than the current "
    )
    assert "changed since: 2026.12 The rear-door rack profile names the door it needs" in (
        findings[0].message
    )


def test_psu_fix_names_a_feed_count_only_where_one_exists(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    """4+2 supplies ride through a feed loss on three feeds; 5+1 supplies would need six,
    which no facility builds, so the fix says so and offers capping instead (PWR005)."""
    fixes = {}
    for model in ("dgx-h100", "dgx-b200"):
        plan = tmp_path / f"{model}.yaml"
        plan.write_text(
            f"plan: lab\nreference: dgx-superpod-b200@2026.11\nfacility:\n  cooling: air\n"
            f"  power: {{feeds: 2}}\nracks:\n  - id: r01\n"
            f"    systems: [{{model: {model}, count: 1}}]\n",
            encoding="utf-8",
        )
        (pwr,) = [f for f in lint_file(str(plan), kb) if f.rule == "PWR005"]
        fixes[model] = pwr.fix
    assert fixes == {
        "dgx-h100": "feed dgx-h100 from 3 feeds, or document reduced performance on feed loss",
        "dgx-b200": "no A/B or A/B/C feed layout keeps dgx-b200 at full power on feed loss"
        " (its 5+1 supplies would need 6 feeds): cap its power to what 3 supplies deliver,"
        " or document reduced performance on feed loss",
    }


def test_cooling_numbers_agree(run_cli: RunCli) -> None:
    """CLG001's limit, its fix and the hot-spot line name the same kW: the error is measured
    against the published ceiling (41 kW) and so is the hot spot, each saying which it is."""
    plan = str(EXAMPLES / "nvl72-on-air.yaml")
    code, out, _ = run_cli("lint", "--no-source", "--no-fold", plan)
    assert code == 1
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if " CLG001 " in line)
    assert lines[i + 1] == (
        "    error: 1 x 132 kW = 132 kW > 41 kW (limit: cooling air-contained rack_kw_max)"
    )
    assert (
        "Hot spot of nvl72-pilot-air: rack nvl01 air-contained capacity (published ceiling):"
        " 132 of 41 kW (over by 222 %)." in lines
    )


def test_one_cause_one_finding(run_cli: RunCli) -> None:
    """An air-cooled NVL72 is one mistake: CLG002 names it, and the best practice it breaks
    (BPR001) and the heat air cannot remove (CLG001) are its notes, at their own lines."""
    code, out, _ = run_cli("lint", "--no-source", str(EXAMPLES / "nvl72-on-air.yaml"))
    assert code == 1
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if " CLG002 " in line)
    assert lines[i + 3 : i + 5] == [
        "    also 8:12: BPR001 [best-practice] Direct liquid cooling is mandatory"
        " (dgx-superpod-gb200.liquid): facility.cooling = air",
        "    also 14:9: CLG001 [rack-heat-over-cooling] rack nvl01 gives off 132 kW of heat,"
        " above the published ceiling of air cooling (air-contained) (planning figure 20 kW,"
        " published up to 41 kW)",
    ]
    assert lines[-1] == "2 findings (1 error, 1 info) in 1 of 1 plan."
