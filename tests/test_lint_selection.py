"""ruff-style command-line conventions of `refarch lint`: --select / --extend-select / --ignore
(codes, names or prefixes), --exit-zero, --quiet and --statistics."""

from __future__ import annotations

from conftest import FROZEN_PLANS, RunCli

PLAN = str(FROZEN_PLANS / "nvl72-on-air.yaml")  # BPR001, ARC006, CLG001, CLG002 (frozen KB)
# Selection is about rules: each call reports every rule's finding on its own (--no-fold).


def rules(out: str) -> list[str]:
    return [
        line.split(": ", 1)[1].split(" ", 1)[0] for line in out.splitlines() if ".yaml:" in line
    ]


def test_everything_runs_by_default(run_cli: RunCli) -> None:
    assert rules(run_cli("lint", "--no-fold", PLAN)[1]) == ["BPR001", "ARC006", "CLG001", "CLG002"]
    # by default one cause is one finding: BPR001 and CLG001 are notes of CLG002
    assert rules(run_cli("lint", PLAN)[1]) == ["ARC006", "CLG002"]


def test_select_by_prefix_code_or_name(run_cli: RunCli) -> None:
    assert rules(run_cli("lint", "--no-fold", "--select", "CLG", PLAN)[1]) == ["CLG001", "CLG002"]
    out = run_cli(
        "lint", "--no-fold", "--select", "best-practice", "--extend-select", "ARC006", PLAN
    )[1]
    # CLG002 cannot be ignored, so it runs whatever is selected
    assert rules(out) == ["BPR001", "ARC006", "CLG002"]


def test_ignore_and_the_rules_that_cannot_be_ignored(run_cli: RunCli) -> None:
    assert rules(run_cli("lint", "--no-fold", "--ignore", "CLG001,BPR", PLAN)[1]) == [
        "ARC006",
        "CLG002",
    ]
    assert run_cli("lint", "--no-fold", "--ignore", "CLG002", PLAN) == (
        2,
        "",
        "refarch: error: --ignore: CLG002 cannot be ignored\n",
    )
    code, out, err = run_cli("lint", "--no-fold", "--select", "PWX", PLAN)
    assert (code, out) == (2, "")
    assert err.startswith("refarch: error: --select: unknown rule or prefix 'PWX'")


def test_exit_zero_quiet_and_statistics(run_cli: RunCli) -> None:
    code, out, err = run_cli("lint", "--no-fold", "--exit-zero", "--quiet", "--statistics", PLAN)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert not any(line.startswith(("Hot spot", "4 findings")) for line in lines)
    assert lines[-5:] == [
        "",
        "1  ARC006  [scalable-unit-size]  info",
        "1  BPR001  [best-practice]  error",
        "1  CLG001  [rack-heat-over-cooling]  error",
        "1  CLG002  [liquid-cooling-required]  error",
    ]
    missing = str(FROZEN_PLANS / "no-such-plan.yaml")
    assert (
        run_cli("lint", "--no-fold", "--exit-zero", missing)[0] == 2
    )  # an input error is not a finding
