"""The `refarch-lint` pre-commit hook, installed by pre-commit itself from this repository
(`pre-commit try-repo`) and run on a throwaway git repository whose plan names have spaces."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "kb-plans"  # frozen copies: their findings are asserted
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

ENV = {
    "GIT_AUTHOR_NAME": "Ada Planner",
    "GIT_AUTHOR_EMAIL": "ada@example.invalid",
    "GIT_COMMITTER_NAME": "Ada Planner",
    "GIT_COMMITTER_EMAIL": "ada@example.invalid",
    "GIT_AUTHOR_DATE": "2026-11-26T12:00:00Z",
    "GIT_COMMITTER_DATE": "2026-11-26T12:00:00Z",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "NO_COLOR": "1",
}


def _git(repo: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    if not PRE_COMMIT.exists() or shutil.which("git") is None:
        pytest.fail("pre-commit (test extra) and git are required")
    env = {**os.environ, **ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    env["REFARCH_KB"] = str(ROOT / "tests" / "kb")  # the frozen KB, as conftest.FROZEN_KB
    repo = tmp_path / "infra repo"
    (repo / "plans").mkdir(parents=True)
    shutil.copy(EXAMPLES / "superpod-h100-training.yaml", repo / "plans" / "hall c plan.yaml")
    shutil.copy(EXAMPLES / "nvl72-on-air.yaml", repo / "plans" / "nvl72 on air.yaml")
    (repo / "compose.yaml").write_text("services:\n  web: {image: nginx}\n", encoding="utf-8")
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", "-A", env=env)

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        args = ["--files", *files] if files else ["--all-files"]
        return subprocess.run(
            [str(PRE_COMMIT), "try-repo", str(ROOT), "refarch-lint", *args],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    failing = try_repo()
    out = failing.stdout
    assert failing.returncode == 1, out + failing.stderr
    assert "refarch lint" in out and "Failed" in out
    heads = [line.split(" [", 1)[0] for line in out.splitlines() if line.startswith("plans/")]
    assert heads == [
        "plans/nvl72 on air.yaml:8:12: BPR001",
        "plans/nvl72 on air.yaml:13:1: ARC006",
        "plans/nvl72 on air.yaml:14:9: CLG001",
        "plans/nvl72 on air.yaml:17:17: CLG002",
    ]
    assert "Skipped compose.yaml: not a plan." in out

    passing = try_repo("plans/hall c plan.yaml", "compose.yaml")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "refarch lint" in passing.stdout and "Passed" in passing.stdout
