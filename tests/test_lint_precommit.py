"""The `refarch-lint` pre-commit hook, installed by pre-commit itself from this repository
(`pre-commit try-repo`) and run on a throwaway git repository whose plan names have spaces."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

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
    assert heads == [  # BPR001 and CLG001 are notes of CLG002: one cause, one finding
        "plans/nvl72 on air.yaml:13:1: ARC006",
        "plans/nvl72 on air.yaml:17:17: CLG002",
    ]
    assert "Skipped compose.yaml: not a plan." in out

    passing = try_repo("plans/hall c plan.yaml", "compose.yaml")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "refarch lint" in passing.stdout and "Passed" in passing.stdout


def _tags() -> list[str]:
    out = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True)
    return out.stdout.split()


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def test_readme_rev_is_a_release_tag() -> None:
    """The README's and the docs' ``rev:`` and ``@v...`` name the release tag of this version
    (v<KB release>.<patch>), and that tag exists."""
    from linter.hooks import TAG

    release = yaml.safe_load((ROOT / "architectures" / "release.yaml").read_text("utf-8"))
    assert TAG.startswith(f"v{release['release']}."), (TAG, release["release"])
    for doc in (ROOT / "README.md", ROOT / "site_src" / "docs" / "linting.md"):
        revs = set(re.findall(r"(?:rev: |refarch@)(v[0-9.]+)", doc.read_text("utf-8")))
        assert revs == {TAG}, (doc.name, revs)
    tags = _tags()
    if not tags:
        pytest.skip("this clone has no tags (git fetch --tags)")
    assert TAG in tags, f"tag {TAG} missing: git tag -a {TAG} -m 'refarch {TAG}'"


@pytest.mark.slow
def test_pre_commit_at_the_release_tag(tmp_path: Path) -> None:
    """A scratch infrastructure repository uses both hooks at the README's tag: an unrelated
    YAML file and the pre-commit config are skipped, a warning shows in a passing hook, and
    the hook's environment holds no site or review dependency."""
    from linter.hooks import TAG

    if TAG not in _tags():
        pytest.skip(f"this clone has no tag {TAG} (git fetch --tags)")
    env = {**os.environ, **ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    env["REFARCH_KB"] = str(ROOT / "tests" / "kb")
    repo = tmp_path / "infra"
    (repo / "plans").mkdir(parents=True)
    shutil.copy(EXAMPLES / "gb300-power-capped.yaml", repo / "plans" / "capped.yaml")
    (repo / "compose.yaml").write_text("services:\n  web: {image: nginx}\n", encoding="utf-8")
    config = f"repos:\n  - repo: {ROOT}\n    rev: {TAG}\n    hooks:\n"
    config += "      - id: refarch-lint\n      - id: refarch-validate\n"
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", "-A", env=env)
    run = subprocess.run(
        [str(PRE_COMMIT), "run", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    out = run.stdout
    assert run.returncode == 0, out + run.stderr
    assert re.search(r"^refarch lint\.+Passed$", out, re.M), out
    assert re.search(r"^refarch validate\.+Passed$", out, re.M), out
    assert "plans/capped.yaml:18:19: PWR009 [power-cap-failure]" in out
    assert "Skipped .pre-commit-config.yaml: not a plan." in out
    assert "Skipped compose.yaml: not a plan." in out
    assert "valid (2 files skipped: not refarch files)" in out
    (hook_env,) = (tmp_path / "cache").glob("repo*/py_env-*")
    site = next(hook_env.glob("lib/python*/site-packages"))
    packages = {p.name for p in site.iterdir()}
    assert not packages & {"git", "jinja2", "mkdocs", "material"}, packages
    assert {"linter", "yaml", "jsonschema"} <= packages
    size = _size_mb(hook_env)
    print(f"hook environment: {size:.1f} MB")  # the note and bench/RESULTS.md record it
    assert size < 60, f"the hook environment grew to {size:.1f} MB"
