"""Configuration (.refarch.yaml, [tool.refarch]) and baselines, end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import RunCli

from linter.core.errors import ConfigError
from linter.lint import config

PLAN = """\
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  rear_door: active
  power: {feeds: 1}
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


def rules_of(out: str) -> list[str]:
    return [
        line.split()[1]
        for line in out.splitlines()
        if ": " in line and "[" in line and not line.startswith((" ", "Energy of "))
    ]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "lab.yaml").write_text(PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults(repo: Path, run_cli: RunCli) -> None:
    code, out, _ = run_cli("lint", "plans/lab.yaml")
    assert code == 1
    assert rules_of(out) == ["BPR001", "FRG001", "PWR001"]


def test_refarch_yaml_severity_disable_margin(repo: Path, run_cli: RunCli) -> None:
    (repo / ".refarch.yaml").write_text(
        "severity: {rack-power-over-budget: warning, FRG001: info}\n"
        "disable: [best-practice]\n"
        "margin_pct: 0\n",
        encoding="utf-8",
    )
    code, out, _ = run_cli("lint", "plans/lab.yaml")
    assert code == 0
    assert rules_of(out) == ["FRG001", "PWR001"]
    assert "    info: " in out and "    warning: " in out


def test_pyproject_fail_on_and_per_file_ignores(repo: Path, run_cli: RunCli) -> None:
    (repo / "pyproject.toml").write_text(
        "[tool.refarch]\n"
        'fail_on = "warning"\n'
        'severity = {PWR001 = "off"}\n'
        'per_file_ignores = {"plans/*.yaml" = ["best-practice"]}\n',
        encoding="utf-8",
    )
    code, out, _ = run_cli("lint", "plans/lab.yaml")
    assert (code, rules_of(out)) == (1, ["FRG001"])
    assert run_cli("lint", "--fail-on", "error", "plans/lab.yaml")[0] == 0


def test_config_found_from_a_subdirectory(
    repo: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / ".refarch.yaml").write_text("disable: [PWR001, BPR001, FRG001]\n", encoding="utf-8")
    monkeypatch.chdir(repo / "plans")
    assert run_cli("lint", "lab.yaml")[0] == 0


def test_explicit_config_file(repo: Path, run_cli: RunCli) -> None:
    (repo / "strict.yaml").write_text("fail_on: info\n", encoding="utf-8")
    (repo / ".refarch.yaml").write_text("disable: [PWR001, BPR001]\n", encoding="utf-8")
    assert run_cli("lint", "plans/lab.yaml")[0] == 0
    assert run_cli("lint", "--config", "strict.yaml", "plans/lab.yaml")[0] == 1


@pytest.mark.parametrize(
    "text, message",
    [
        ("disable: [PWR001, no-such-rule]\n", ":1:19: disable: unknown rule 'no-such-rule'"),
        (
            "severity: {PWR001: fatal}\n",
            ":1:20: $.severity.PWR001: 'fatal' is not one of error, warning, info, off",
        ),
        ("margin_pct: -1\n", ":1:13: $.margin_pct: -1 is less than the minimum of 0"),
        (
            "severity:\n  rack-power-over-budgte: off\n",
            ":2:3: severity: unknown rule 'rack-power-over-budgte' (did you mean "
            "rack-power-over-budget, row-power-over-budget, hall-power-over-budget?)",
        ),
        ("a: [\n", ":2:1: YAML syntax error: did not find expected node content"),
    ],
)
def test_config_errors_exit_2(repo: Path, run_cli: RunCli, text: str, message: str) -> None:
    (repo / ".refarch.yaml").write_text(text, encoding="utf-8")
    code, out, err = run_cli("lint", "plans/lab.yaml")
    assert (code, out) == (2, "")
    assert err == f"refarch: error: {(repo / '.refarch.yaml').resolve()}{message}\n"


def test_config_library() -> None:
    cfg = config.from_mapping({"severity": {"single-pdu": "off"}, "margin_pct": 5})
    assert not cfg.enabled("FRG002") and cfg.enabled("FRG001") and cfg.margin_pct == 5
    with pytest.raises(ConfigError):
        config.from_mapping({"unknown_key": 1})


def test_baseline_adopts_existing_findings(repo: Path, run_cli: RunCli) -> None:
    code, out, err = run_cli("lint", "--write-baseline", "baseline.json", "plans/lab.yaml")
    assert (code, out, err) == (0, "", "wrote 3 findings to baseline.json\n")
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert [e["key"] for e in data["findings"]] == [
        "BPR001:lab:best_practices:dgx-superpod-h100.dual-feed",
        "FRG001:lab:facility:power:feeds",
        "PWR001:lab:racks:r01",
    ]
    code, out, _ = run_cli("lint", "--baseline", "baseline.json", "plans/lab.yaml")
    assert code == 0
    assert out.endswith("No findings in 1 plan; 0 suppressed, 3 baselined.\n")
    # moving lines does not resurrect a baselined finding; a new rack's finding is new
    plan = repo / "plans" / "lab.yaml"
    text = "# moved down\n" + plan.read_text(encoding="utf-8").replace(
        "spares:", "  - {id: r02, budget_kw: 10, systems: [{model: dgx-h100, count: 2}]}\nspares:"
    )
    plan.write_text(text, encoding="utf-8")
    code, out, _ = run_cli("lint", "--baseline", "baseline.json", "plans/lab.yaml")
    assert code == 1
    assert rules_of(out) == ["ARC006", "PWR001"]
    assert "rack r02 draws" in out and "rack group r01" not in out
    assert "; 0 suppressed, 3 baselined.\n" in out


@pytest.mark.parametrize(
    "text", ["not json", '{"format": "other"}', '{"format": "refarch-baseline", "version": 9}']
)
def test_bad_baseline_exit_2(repo: Path, run_cli: RunCli, text: str) -> None:
    (repo / "b.json").write_text(text, encoding="utf-8")
    code, out, err = run_cli("lint", "--baseline", "b.json", "plans/lab.yaml")
    assert (code, out) == (2, "")
    assert err.startswith("refarch: error: b.json")


def test_config_error_type() -> None:
    with pytest.raises(ConfigError, match="no \\[tool.refarch\\] table"):
        config.load(str(Path(__file__).resolve().parent.parent / "pyproject.toml"))


def test_the_docs_name_exactly_the_rules_that_cannot_be_suppressed() -> None:
    """linting.md's "Cannot be suppressed" list of power and cooling rules is the registry's."""
    import re

    from conftest import ROOT

    from linter.lint import registry

    text = (ROOT / "site_src" / "docs" / "linting.md").read_text(encoding="utf-8")
    section = text[text.index("* **Cannot be suppressed**") : text.index("* **Can be suppressed**")]
    documented = set(re.findall(r"\b(?:PWR|CLG)\d{3}\b", section))
    fixed = {
        c.code for c in registry.codes() if c.code.startswith(("PWR", "CLG")) and not c.ignorable
    }
    assert documented == fixed == {"PWR002", "PWR006", "CLG002", "CLG004", "CLG007"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "margin_pct: 10\nfial-on: warning\n",
            ":2:1: $.fial-on: unknown key 'fial-on' (did you mean fail_on?) (allowed: disable,"
            " fail_on, margin_pct, per_file_ignores, severity, temperature_margin_k)",
        ),
        (
            "margin_pct: 10\nignore: [PWR005]\n",
            ":2:1: $.ignore: unknown key 'ignore' (did you mean disable?) (allowed: disable,"
            " fail_on, margin_pct, per_file_ignores, severity, temperature_margin_k)",
        ),
        (
            "margin_pct: 10\nfail_on: warnin\n",
            ":2:10: $.fail_on: 'warnin' is not one of error, warning, info (did you mean warning?)",
        ),
    ],
)
def test_config_typos_name_their_line_and_the_word_meant(
    tmp_path: Path, text: str, message: str
) -> None:
    cfg = tmp_path / ".refarch.yaml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        config.load(str(cfg))
    assert str(caught.value) == f"{cfg}{message}"
