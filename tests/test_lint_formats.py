"""Every output format, end to end: SARIF against the official 2.1.0 schema, JSON, JUnit,
GitHub workflow commands and GitLab code quality."""

from __future__ import annotations

import json
import os
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import FROZEN_PLANS, RunCli
from jsonschema import Draft4Validator

from linter.kb.store import KnowledgeBase
from linter.kb.validate import CHECKS
from linter.lint.rules import RULES

SARIF_SCHEMA = Path(__file__).resolve().parent / "fixtures" / "sarif-schema-2.1.0.json"

PLAN = """\
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  rear_door: active
  power: {feeds: 2, voltage_v: 415, phases: 3, breaker_a: 60, pdus_per_rack: 4}
racks:
  - id: r01
    count: 8
    budget_kw: 42
    systems: [{model: dgx-h100, count: 4}]
spares: {systems: 1}
network:
  compute: {fabric: infiniband-ndr}
  storage: {fabric: infiniband-ndr}
"""


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    d = tmp_path / "my plans"
    d.mkdir()
    p = d / "hall b.yaml"
    p.write_text(PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return "my plans/hall b.yaml"


def test_sarif_is_valid_and_points_at_the_kb(plan: str, run_cli: RunCli, kb: KnowledgeBase) -> None:
    code, out, err = run_cli("lint", "--format", "sarif", plan)
    assert (code, err) == (0, "")
    doc = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(doc), key=str)
    assert errors == []
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(CHECKS) + [r.CODE for r in RULES] + [
        "REL001",
        "REL002",
        "REL003",
        "REL004",
        "REL005",
    ]
    # which knowledge base the plans were checked against (the frozen KB, by $REFARCH_KB)
    assert run["properties"]["kb"] == {
        "path": str(kb.root.resolve()),
        "release": kb.release_version,
        "origin": "$REFARCH_KB",
    }
    val = next(r for r in rules if r["id"] == "VAL001")
    assert val["helpUri"] == "https://refarch.dev/rules/schema-violation/"
    pwr = next(r for r in rules if r["id"] == "PWR001")
    assert pwr["helpUri"] == "https://refarch.dev/rules/rack-power-over-budget/"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("PWR001", "warning"),
        ("PWR005", "warning"),
    ]
    first = results[0]
    assert rules[first["ruleIndex"]]["id"] == "PWR001"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "my%20plans/hall%20b.yaml"
    assert loc["region"]["startLine"] == 10 and loc["region"]["startColumn"] == 16
    assert len(first["partialFingerprints"]["refarchKey/v1"]) == 32
    dgx = kb.system("dgx-h100")
    assert dgx is not None
    related = first["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == Path(os.path.abspath(dgx.path)).as_uri()
    assert related["region"]["startLine"] == dgx.doc.span(("max_power_kw",)).line


def test_sarif_fingerprint_ignores_line_moves(plan: str, run_cli: RunCli) -> None:
    first = json.loads(run_cli("lint", "--format", "sarif", plan)[1])["runs"][0]["results"][0]
    p = Path(plan)
    p.write_text(
        "# a comment pushes everything down\n" + p.read_text(encoding="utf-8"), encoding="utf-8"
    )
    moved = json.loads(run_cli("lint", "--format", "sarif", plan)[1])["runs"][0]["results"][0]
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == 11
    assert moved["partialFingerprints"] == first["partialFingerprints"]


def test_json(plan: str, run_cli: RunCli) -> None:
    code, out, _ = run_cli("lint", "--format", "json", "--fail-on", "warning", plan)
    doc = json.loads(out)
    assert code == 1 and doc["exit_code"] == 1 and doc["fail_on"] == "warning"
    f = doc["findings"][0]
    assert (f["rule"], f["name"], f["severity"], f["line"], f["column"], f["path"]) == (
        "PWR001",
        "rack-power-over-budget",
        "warning",
        10,
        16,
        "$.racks[0].budget_kw",
    )
    assert f["key"] == "PWR001:lab:racks:r01"
    assert f["limit"] == "42 kW" and f["limit_source"] == "plan lab racks[0].budget_kw"
    assert doc["files"][0]["plan"] == "lab" and doc["files"][0]["hot_spot"]["unit"] == "kW"


def test_junit(plan: str, run_cli: RunCli) -> None:
    out = run_cli("lint", "--format", "junit", "--fail-on", "warning", plan)[1]
    root = ET.fromstring(out.split("\n", 1)[1])
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "2", "0")
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == plan
    names = [c.get("name") for c in suite.findall("testcase")]
    # no line:column in the name, so a case keeps its CI history when lines move
    assert names == [
        "PWR001 [rack-power-over-budget] $.racks[0].budget_kw",
        "PWR005 [psu-redundancy-on-feed-loss] $.racks[0].systems[0].model",
    ]
    assert {c.get("classname") for c in suite.findall("testcase")} == {
        plan.removesuffix(".yaml").replace("/", ".")
    }
    assert float(suite.get("time") or "-1") >= 0 and float(root.get("time") or "-1") >= 0
    # below the failure level a finding is a skipped case: visible, not failing
    out = run_cli("lint", "--format", "junit", plan)[1]
    root = ET.fromstring(out.split("\n", 1)[1])
    assert root.get("failures") == "0" and len(root.findall(".//system-out")) == 2
    skipped = [s.get("message") for s in root.findall(".//skipped")]
    assert len(skipped) == 2 and all(m.startswith("warning: ") for m in skipped)
    assert root.find("testsuite").get("skipped") == "2"  # type: ignore[union-attr]


def test_github(plan: str, run_cli: RunCli) -> None:
    out = run_cli("lint", "--format", "github", plan)[1]
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        "::warning file=my plans/hall b.yaml,line=10,col=16,endLine=10,endColumn=18,"
        "title=PWR001 [rack-power-over-budget]::rack group r01 (8 racks) draws "
    )
    assert "%0A" in lines[0] and "\n" not in lines[0]


def test_gitlab(plan: str, run_cli: RunCli) -> None:
    issues = json.loads(run_cli("lint", "--format", "gitlab", plan)[1])
    assert [i["check_name"] for i in issues] == [
        "rack-power-over-budget",
        "psu-redundancy-on-feed-loss",
    ]
    assert issues[0]["severity"] == "minor"
    assert issues[0]["location"] == {"path": plan, "lines": {"begin": 10, "end": 10}}
    assert len({i["fingerprint"] for i in issues}) == 2


def test_gitlab_physical_errors_are_critical(run_cli: RunCli) -> None:
    """An error that breaks a power or cooling limit is critical; other errors stay major."""
    plan = str(FROZEN_PLANS / "nvl72-on-air.yaml")
    issues = json.loads(run_cli("lint", "--no-fold", "--format", "gitlab", plan)[1])
    got = [(i["description"].split(" ", 1)[0], i["severity"]) for i in issues]
    assert got == [
        ("BPR001", "major"),  # an error, but a best practice: major
        ("ARC006", "info"),
        ("CLG001", "critical"),
        ("CLG002", "critical"),
    ]


def test_input_errors_in_machine_formats(tmp_path: Path, run_cli: RunCli) -> None:
    missing = str(tmp_path / "nope.yaml")
    code, out, _ = run_cli("lint", "--format", "sarif", missing)
    assert code == 2
    inv = json.loads(out)["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"][0]["message"]["text"] == "no such file or directory"
    code, out, _ = run_cli("lint", "--format", "json", missing)
    assert json.loads(out)["errors"] == [
        {"file": missing, "line": 0, "column": 0, "message": "no such file or directory"}
    ]


def test_sarif_carries_a_release_finding_with_its_help_uri(tmp_path: Path) -> None:
    from linter.core.findings import Finding
    from linter.lint.config import Config
    from linter.lint.reporters import sarif
    from linter.lint.result import FileReport, LintResult

    rel = Finding(
        file="architectures/reference/pod-a.yaml",
        line=12,
        column=5,
        end_line=12,
        end_column=9,
        path="$.rack_profiles",
        rule="REL001",
        name="content-changed-without-version-bump",
        severity="error",
        message="pod-a changed but is still at 2026.11",
        key="REL001:pod-a",
    )
    result = LintResult([FileReport(path=rel.file, findings=[rel])], [], Config())
    doc = json.loads(sarif.render(result))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert sorted(Draft4Validator(schema).iter_errors(doc), key=str) == []
    run = doc["runs"][0]
    (res,) = run["results"]
    rule = run["tool"]["driver"]["rules"][res["ruleIndex"]]
    assert (res["ruleId"], rule["id"], rule["name"]) == (
        "REL001",
        "REL001",
        "content-changed-without-version-bump",
    )
    assert rule["helpUri"] == "https://refarch.dev/rules/content-changed-without-version-bump/"
    assert rule["help"]["markdown"].startswith(
        "An architecture's content changed but its version did not."
    )


def test_related_locations_are_never_machine_paths(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The KB shipped with refarch is named by its published YAML on the site, in JSON and
    SARIF alike, not by a path into site-packages or a checkout elsewhere on the machine."""
    monkeypatch.delenv("REFARCH_KB", raising=False)
    plan = tmp_path / "hall.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    url = "https://refarch.dev/kb/catalog/systems/dgx-h100.yaml"
    code, out, _ = run_cli("lint", "--format", "json", "hall.yaml", cwd=tmp_path)
    assert code == 0
    (pwr,) = [f for f in json.loads(out)["findings"] if f["rule"] == "PWR001"]
    assert [r["file"] for r in pwr["related"]] == [url]
    code, out, _ = run_cli("lint", "--format", "sarif", "hall.yaml", cwd=tmp_path)
    (result,) = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "PWR001"]
    related = result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]
    assert related == {"uri": url}
