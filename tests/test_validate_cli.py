"""`refarch validate` end to end: exit codes, text and JSON output, bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FROZEN_KB, RunCli

FIX = Path(__file__).parent / "fixtures" / "schemas"


def test_valid_plan_exits_0(run_cli: RunCli) -> None:
    code, out, err = run_cli("validate", str(FIX / "plan/valid/units.yaml"))
    assert (code, out, err) == (0, "", "valid\n")


def test_findings_exit_1_with_file_line_col(run_cli: RunCli) -> None:
    path = str(FIX / "plan/invalid/extra-key.yaml")
    code, out, err = run_cli("validate", path)
    assert code == 1
    assert out == (
        f"{path}:6:3: VAL001 [schema-violation] $.facility.colling: unexpected key 'colling' "
        "(allowed: ashrae_class, cdu_capacity_kw, cdus, cooling, hall_budget_kw, inlet_temp_c, "
        "name, power, power_policy, pue, pue_justification, rear_door, row_budget_kw, "
        "water_class, water_temp_c)\n"
    )


def test_json_output(run_cli: RunCli) -> None:
    path = str(FIX / "plan/invalid/kva.yaml")
    code, out, _ = run_cli("validate", "--format", "json", path)
    assert code == 1
    data = json.loads(out)
    assert data["errors"] == []
    (f,) = data["findings"]
    assert (f["rule"], f["name"], f["line"], f["column"], f["path"]) == (
        "VAL002",
        "bad-quantity",
        8,
        16,
        "$.racks[0].budget_kw",
    )


def test_missing_file_and_directory_walk(run_cli: RunCli, tmp_path: Path) -> None:
    code, out, err = run_cli("validate", str(tmp_path / "missing.yaml"))
    assert code == 2
    assert err == f"refarch: error: {tmp_path}/missing.yaml: no such file or directory\n"
    code, out, err = run_cli("validate", str(FIX / "plan/valid"))
    assert (code, err) == (0, "valid\n")


def test_yaml_that_is_not_refarch_is_skipped(run_cli: RunCli, tmp_path: Path) -> None:
    """A pre-commit hook passes every YAML file: a CI config or a manifest is skipped, not
    VAL009 (it used to fail the refarch-validate hook on .pre-commit-config.yaml itself)."""
    p = tmp_path / ".pre-commit-config.yaml"
    p.write_text("repos:\n  - repo: local\n    hooks: []\n")
    k8s = tmp_path / "deploy.yaml"
    k8s.write_text("apiVersion: apps/v1\nkind: Deployment\n")
    assert run_cli("validate", str(p), str(k8s)) == (
        0,
        "",
        "valid (2 files skipped: not refarch files)\n",
    )
    code, out, err = run_cli("validate", "--verbose", str(p))
    assert code == 0 and f"refarch: skipped {p}: not a refarch file\n" in err


def test_unknown_kind_inside_the_kb(run_cli: RunCli, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(FROZEN_KB, kb)
    p = kb / "other.yaml"
    p.write_text("hello: world\n")
    code, out, _ = run_cli("--kb", str(kb), "validate", str(p))
    assert code == 1
    assert out.startswith(f"{p}:1:1: VAL009 [unknown-kind] $: unknown file kind")


def test_usage_error_exit_2(run_cli: RunCli) -> None:
    code, out, err = run_cli("validate", "--format", "xml")
    assert code == 2
    assert "invalid choice: 'xml'" in err and "Traceback" not in err


def test_bad_inputs_exit_2_without_traceback(tmp_path: Path) -> None:
    cases = {
        "binary.yaml": b"\x00\x01\x02\x03",
        "empty.yaml": b"",
        "two.yaml": b"plan: a\n---\nplan: b\n",
        "bomb.yaml": (
            "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9)
            )
        ).encode(),
        "deep.yaml": b"a: " + b"[" * 100_000 + b"]" * 100_000,
        "big.yaml": b"a: " + b"x" * (20 * 1024 * 1024),
        "dup.yaml": b"plan: a\nplan: b\n",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
    env = {**os.environ, "NO_COLOR": "1"}
    for name in cases:
        r = subprocess.run(
            [sys.executable, "-m", "linter", "validate", str(tmp_path / name)],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert r.returncode == 2, (name, r.stderr)
        assert "Traceback" not in r.stderr
        assert r.stderr.startswith(f"refarch: error: {tmp_path / name}"), r.stderr


def _extra_key(tmp_path: Path) -> tuple[str, str]:
    """A plan with one VAL001 finding at 6:3, and an unrelated YAML file, in ``tmp_path``."""
    shutil.copy(FIX / "plan/invalid/extra-key.yaml", tmp_path / "plan.yaml")
    (tmp_path / "ci.yaml").write_text("jobs: {build: {}}\n", encoding="utf-8")
    return "plan.yaml", "ci.yaml"


def test_validate_github_format(run_cli: RunCli, tmp_path: Path) -> None:
    code, out, err = run_cli("validate", "--format", "github", *_extra_key(tmp_path), cwd=tmp_path)
    assert (code, err) == (1, "")
    assert out.startswith(
        "::error file=plan.yaml,line=6,col=3,endLine=6,endColumn=10,"
        "title=VAL001 [schema-violation]::unexpected key 'colling' (allowed: "
    )
    assert out.count("::error ") == 1


def test_validate_sarif_format(run_cli: RunCli, tmp_path: Path) -> None:
    from jsonschema import Draft4Validator

    schema = json.loads((FIX.parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    code, out, _ = run_cli("validate", "--format", "sarif", *_extra_key(tmp_path), cwd=tmp_path)
    assert code == 1
    sarif = json.loads(out)
    Draft4Validator(schema).validate(sarif)
    (result,) = sarif["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("VAL001", "error")
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "plan.yaml"
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (6, 3)


def test_validate_junit_and_gitlab_formats(run_cli: RunCli, tmp_path: Path) -> None:
    from xml.etree import ElementTree as ET

    code, out, _ = run_cli("validate", "--format", "junit", *_extra_key(tmp_path), cwd=tmp_path)
    assert code == 1
    root = ET.fromstring(out)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"plan.yaml"}  # a file that is not a refarch file is no test
    assert suites["plan.yaml"].get("failures") == "1"
    code, out, _ = run_cli("validate", "--format", "gitlab", *_extra_key(tmp_path), cwd=tmp_path)
    (issue,) = json.loads(out)
    assert (issue["check_name"], issue["severity"]) == ("schema-violation", "major")
    assert issue["location"] == {"path": "plan.yaml", "lines": {"begin": 6, "end": 6}}


def test_json_alias_everywhere(run_cli: RunCli, tmp_path: Path) -> None:
    """``--json`` is ``--format json`` for every command that has a json format."""
    plan = str(FIX / "plan/valid/units.yaml")
    for argv in (
        ("validate", plan),
        ("lint", plan),
        ("rules",),
        ("stats",),
        ("show", "dgx-h100"),
    ):
        assert run_cli(*argv, "--json")[:2] == run_cli(*argv, "--format", "json")[:2], argv
        json.loads(run_cli(*argv, "--json")[1])


def test_a_per_rack_figure_in_megawatts_is_a_warning(run_cli: RunCli, tmp_path: Path) -> None:
    """budget_kw: 30 MW is read as 30,000 kW per rack, and said so (VAL011, a warning)."""
    text = (FIX / "plan/valid/units.yaml").read_text(encoding="utf-8")
    assert "budget_kw: 40000 W" in text
    plan = tmp_path / "mw.yaml"
    plan.write_text(text.replace("budget_kw: 40000 W", "budget_kw: 30 MW"), encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "budget_kw: 40000 W" in t)
    code, out, err = run_cli("validate", str(plan))
    assert (code, err) == (0, "valid (1 warning)\n")
    assert out == (
        f"{plan}:{line}:16: VAL011 [unit-magnitude] $.racks[0].budget_kw: budget_kw: 30 MW is"
        " 30000 kW per rack\n"
    )
    code, out, _ = run_cli("lint", "--no-source", "--quiet", str(plan))
    assert code == 1  # the rules ran too (a warning does not stop them): ARC005 errors
    lines = out.splitlines()
    i = next(n for n, t in enumerate(lines) if " VAL011 " in t)
    assert lines[i + 1 : i + 3] == [
        "    warning: 30 MW = 30 x 1000 kW = 30000 kW",
        "    fix: if 30 kW was meant, write budget_kw: 30",
    ]


def test_keys_a_point_may_not_hold_together_are_named(run_cli: RunCli, tmp_path: Path) -> None:
    """A calibration point with both a closed-loop concurrency and the latencies of a
    throughput run: VAL001 names the two keys and the fix, at the point's line and column."""
    kb = Path(shutil.copytree(FROZEN_KB, tmp_path / "kb"))
    path = kb / "catalog" / "efficiency" / "hopper-trtllm.yaml"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(
        text + "  - {id: both, source: nim-bench, model: llama-3.1-70b, precision: fp8, "
        "accelerator: h100-sxm, tensor_parallel: 1, input_tokens: 2, output_tokens: 3, "
        "concurrency: 4, slo: {ttft_ms: 1, ttft_statistic: p99, itl_ms: 2}, "
        "metric: output_tokens_per_s, published: {value: 1, source: nim-bench}}\n",
        encoding="utf-8",
    )
    line = text.count("\n") + 1
    code, out, _ = run_cli("validate", "--format", "json", str(path))
    assert code == 1
    [finding] = json.loads(out)["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("VAL001", line, 5)
    assert finding["message"] == "concurrency and slo cannot be given together"
    assert finding["path"] == "$.calibration[29]"
    assert finding["fix"] == "keep one of: concurrency, slo"
