"""`refarch lint` end to end: text output, exit codes, errors, files never modified."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from pathlib import Path

import pytest
from conftest import FROZEN_PLANS, RunCli

from linter.cli import IO, main
from linter.kb.store import KnowledgeBase

OVER = """\
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  rear_door: active
racks:
  - id: r01
    count: 8
    budget_kw: 40
    systems: [{model: dgx-h100, count: 4}]
spares: {systems: 1}
network:
  compute: {fabric: infiniband-ndr}
  storage: {fabric: infiniband-ndr}
"""

WARN_ONLY = OVER.replace("budget_kw: 40", "budget_kw: 44")
CLEAN = OVER.replace("budget_kw: 40", "budget_kw: 50")


def write(tmp: Path, name: str, text: str) -> str:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return str(p)


@pytest.fixture
def dgx_kw(kb: KnowledgeBase) -> float:
    entry = kb.system("dgx-h100")
    assert entry is not None and entry.max_power_kw.value is not None
    return float(entry.max_power_kw.value or 0)


def test_text_output_and_exit_1(tmp_path: Path, run_cli: RunCli, dgx_kw: float) -> None:
    plan = write(tmp_path, "lab.yaml", OVER)
    code, out, err = run_cli("lint", plan)
    rack = round(4 * dgx_kw, 2)
    assert (code, err) == (1, "")
    assert out == (
        f"{plan}:9:16: PWR001 [rack-power-over-budget] rack group r01 (8 racks) draws "
        f"{rack:g} kW per rack at system maximum power, over its 40 kW budget\n"
        "    |     budget_kw: 40\n"  # the plan's line, and a caret under the value
        "    |                ^^\n"
        f"    error: 4 x {dgx_kw:g} kW = {rack:g} kW > 40 kW budget (limit: plan lab "
        "racks[0].budget_kw)\n"
        f"    fix: remove 1 dgx-h100 per rack or raise the budget to at least {rack:g} kW\n"
        "\n"
        f"Hot spot of lab: rack group r01 (8 racks) power: {rack:g} of 40 kW (over by "
        f"{round((rack - 40) / 40 * 100, 1):g} %).\n"
        # a year at nameplate x the KB's latest survey PUE (the plan states none)
        f"Energy of lab: {8 * rack * 1.58 * 8760 / 1000:,.0f} MWh a year ({8 * rack:g} kW x "
        "100 % x PUE 1.58 (pue.averages[6] (survey average 2023)) x 8760 h).\n"
        "1 finding (1 error) in 1 of 1 plan.\n"  # the verdict last: tail -1 shows it
    )
    # --no-source: the finding without the plan line
    assert "    |" not in run_cli("lint", "--no-source", plan)[1]


def test_warnings_pass_unless_fail_on_warning(tmp_path: Path, run_cli: RunCli) -> None:
    plan = write(tmp_path, "lab.yaml", WARN_ONLY)
    code, out, _ = run_cli("lint", plan)
    assert code == 0
    assert "PWR001 [rack-power-over-budget]" in out and "    warning: " in out
    assert run_cli("lint", "--fail-on", "warning", plan)[0] == 1
    assert run_cli("lint", "--fail-on", "error", write(tmp_path, "ok.yaml", CLEAN))[0] == 0


def test_color_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    plan = write(tmp_path, "lab.yaml", OVER)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = io.StringIO()
    assert main(["lint", plan], IO(out, io.StringIO())) == 1
    assert "\x1b[1;31mPWR001\x1b[0m" in out.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    main(["lint", plan], IO(out, io.StringIO()))
    assert "\x1b[" not in out.getvalue()


def test_missing_and_broken_files_exit_2_but_others_are_linted(
    tmp_path: Path, run_cli: RunCli
) -> None:
    good = write(tmp_path, "lab.yaml", OVER)
    broken = write(tmp_path, "broken.yaml", "plan: [unclosed\n")
    missing = str(tmp_path / "missing.yaml")
    code, out, err = run_cli("lint", good, broken, missing)
    assert code == 2
    assert "PWR001 [rack-power-over-budget]" in out
    assert err == (
        f"refarch: error: {missing}: no such file or directory\n"
        f"refarch: error: {broken}:1:7: YAML syntax error: did not find expected ',' or ']' "
        "while parsing a flow sequence\n"
    )


def test_schema_errors_are_reported_and_rules_skipped(tmp_path: Path, run_cli: RunCli) -> None:
    bad = OVER.replace("budget_kw: 40", "budget_kw: 40 kVA")
    plan = write(tmp_path, "lab.yaml", bad)
    code, out, _ = run_cli("lint", plan)
    assert code == 1
    assert out.splitlines()[0] == (
        f"{plan}:9:16: VAL002 [bad-quantity] '40 kVA' is apparent power (kVA) but kW (power) is "
        "expected (kVA is apparent power: multiply by the power factor to get kW)"
    )
    assert "PWR001" not in out


def test_non_plan_yaml_is_skipped(tmp_path: Path, run_cli: RunCli) -> None:
    other = write(tmp_path, "compose.yaml", "services:\n  web: {image: nginx}\n")
    code, out, err = run_cli("lint", other)
    assert (code, err) == (0, "")
    assert out == f"Skipped {other}: not a plan.\nNo findings in 0 plans.\n"


def test_plans_are_never_modified(tmp_path: Path, run_cli: RunCli) -> None:
    text = OVER.replace("budget_kw: 40", 'budget_kw: "40 kW"')
    plan = write(tmp_path, "lab.yaml", text)
    before = hashlib.sha256(Path(plan).read_bytes()).hexdigest()
    for fmt in ("text", "json", "sarif", "junit", "github", "gitlab"):
        run_cli("lint", "--format", fmt, plan)
    run_cli("lint", "--write-baseline", str(tmp_path / "b.json"), plan)
    assert hashlib.sha256(Path(plan).read_bytes()).hexdigest() == before
    code, _, err = run_cli("lint", "--output", plan, plan)
    assert code == 2
    assert err == (
        f"refarch: error: {plan} is one of the plans being linted; refarch never modifies them\n"
    )
    assert hashlib.sha256(Path(plan).read_bytes()).hexdigest() == before


def test_output_file_and_directory_argument(tmp_path: Path, run_cli: RunCli) -> None:
    d = tmp_path / "plans with spaces"
    d.mkdir()
    write(d, "a plan.yaml", OVER)
    write(d, "b plan.yml", CLEAN)
    out_file = tmp_path / "report.json"
    code, out, err = run_cli("lint", "--format", "json", "--output", str(out_file), str(d))
    assert (code, out, err) == (1, "", "")
    report = json.loads(out_file.read_text(encoding="utf-8"))
    assert [f["file"] for f in report["files"]] == [str(d / "a plan.yaml"), str(d / "b plan.yml")]
    assert [f["rule"] for f in report["findings"]] == ["PWR001"]


def test_usage_errors(run_cli: RunCli) -> None:
    code, out, err = run_cli("lint")
    assert (code, out) == (2, "")
    # one "refarch: error:" prefix, and the help to read
    assert (
        err
        == "refarch: error: the following arguments are required: PLAN (see refarch lint --help)\n"
    )
    assert run_cli("lint", "--format", "xml", "x.yaml")[0] == 2


def test_input_errors_alone_print_no_summary(tmp_path: Path, run_cli: RunCli) -> None:
    """'No findings in 0 plans.' before the errors read as a pass; only the errors print."""
    bad = tmp_path / "tab.yaml"
    bad.write_text("plan: x\n\treference: y\n", encoding="utf-8")
    code, out, err = run_cli("lint", str(bad))
    assert (code, out) == (2, "")
    assert err.startswith(f"refarch: error: {bad}:2:1: YAML syntax error")


def test_term_dumb_is_not_coloured(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert IO(Tty(), Tty()).color is True
    monkeypatch.setenv("TERM", "dumb")
    assert IO(Tty(), Tty()).color is False
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert IO(Tty(), Tty()).color is True


def test_a_batch_ends_with_its_verdict(tmp_path: Path, run_cli: RunCli) -> None:
    """Twelve plans: ten hot-spot lines, tightest first, a count of the rest, then the
    verdict as the last line."""
    budgets = [57 - i for i in range(12)]  # 46 kW is the tightest, 57 kW the loosest
    paths = [
        write(tmp_path, f"p{i:02d}.yaml", OVER.replace("budget_kw: 40", f"budget_kw: {b}"))
        for i, b in enumerate(budgets)
    ]
    code, out, _ = run_cli("lint", *paths)
    lines = out.splitlines()
    assert lines[-1] == "No findings in 12 plans."
    assert lines[-2] == "... and 2 more hot spots (--format json lists every plan's)."
    spots = [line for line in lines if line.startswith("Hot spot of ")]
    assert len(spots) == 10 and "of 46 kW" in spots[0] and "of 55 kW" in spots[-1]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_plan_with_stdin_filename(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, (FROZEN_PLANS / "nvl72-on-air.yaml").read_bytes())
    code, out, err = run_cli(
        "lint", "-", "--stdin-filename", "plans/air.yaml", "--no-source", "--quiet", "--no-fold"
    )
    assert (code, err) == (1, "")
    heads = [line.split(" [")[0] for line in out.splitlines() if not line.startswith(" ")]
    assert heads == [
        "plans/air.yaml:8:12: BPR001",
        "plans/air.yaml:13:1: ARC006",
        "plans/air.yaml:14:9: CLG001",
        "plans/air.yaml:17:17: CLG002",
    ]


def test_stdin_errors(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"a: [\n")
    assert run_cli("lint", "-") == (
        2,
        "",
        "refarch: error: -:2:1: YAML syntax error: did not find expected node content\n",
    )
    assert run_cli("lint", "-", "-")[0::2] == (
        2,
        "refarch: error: standard input (-) can be read once\n",
    )
    plan = str(FROZEN_PLANS / "superpod-h100-training.yaml")
    assert run_cli("lint", plan, "--stdin-filename", "x.yaml")[0::2] == (
        2,
        "refarch: error: --stdin-filename names the plan read from standard input: add -\n",
    )


def test_validation_findings_carry_a_fix(run_cli: RunCli, tmp_path: Path) -> None:
    """A VAL finding prints its severity and its fix on one line (no empty detail line): a
    missing reference names the format and the architectures to pin, a typo the key meant."""
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "plan: p\nfacility:\n  colling: air\n  cooling: air\nracks: []\n", encoding="utf-8"
    )
    code, out, _ = run_cli("lint", "--no-source", str(plan))
    assert code == 1
    lines = out.splitlines()
    assert lines[:6] == [
        f"{plan}:1:1: VAL001 [schema-violation] the plan pins no reference architecture"
        " (reference: ARCH-ID@YYYY.MM)",
        "    error, fix: add reference: ARCH-ID@YYYY.MM, one of amd-mi300x-cluster@2026.11,"
        " amd-mi355x-cluster@2026.11, dgx-superpod-b200@2026.11, dgx-superpod-b300@2026.11,"
        " dgx-superpod-b300-xdr@2026.11, dgx-superpod-gb200@2026.11,"
        " dgx-superpod-h100@2026.11, enterprise-pcie-inference@2026.11,"
        " gaudi3-cluster@2026.11, gb300-nvl72-rack-scale@2026.11,"
        " hgx-h200-air-inference@2026.11, legacy-hall-retrofit@2026.11",
        f"{plan}:3:3: VAL001 [schema-violation] unexpected key 'colling' (allowed: ashrae_class,"
        " cdu_capacity_kw, cdus, cooling, hall_budget_kw, inlet_temp_c, name, power,"
        " power_policy, pue, pue_justification, rear_door, row_budget_kw, water_class,"
        " water_temp_c)",
        "    error, fix: rename 'colling' to 'cooling'",
        f"{plan}:5:8: VAL001 [schema-violation] [] should be non-empty",
        "    error, fix: give at least 1 item",
    ]


def test_summary_energy_cost_from_the_plans_own_figures(tmp_path: Path, run_cli: RunCli) -> None:
    """A plan with `costs` gets its energy at its utilisation, and what that costs."""
    plan = write(
        tmp_path,
        "costed.yaml",
        CLEAN + "costs: {currency: EUR, tariff_per_kwh: 0.2, utilisation_pct: 60}\n",
    )
    code, out, _ = run_cli("lint", plan)
    line = next(x for x in out.splitlines() if x.startswith("Energy of "))
    kw = 8 * 4 * 10.2  # 8 racks of 4 DGX H100 at the frozen KB's 10.2 kW
    mwh = kw * 0.6 * 1.58 * 8760 / 1000
    assert line == (
        f"Energy of lab: {mwh:,.0f} MWh a year ({kw:g} kW x 60 % x PUE 1.58 (pue.averages[6] "
        f"(survey average 2023)) x 8760 h); energy cost {mwh * 1000 * 0.2:,.0f} EUR "
        f"({mwh:.1f} MWh x 0.2 EUR/kWh)."
    )
