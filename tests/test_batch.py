"""Linting many plans in forked workers gives exactly what one process gives."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import FROZEN_PLANS, RunCli

from linter.kb.store import KnowledgeBase
from linter.lint import baseline, batch
from linter.lint.config import Config
from linter.lint.engine import lint_paths
from linter.lint.result import LintResult

EXAMPLES = sorted(FROZEN_PLANS.glob("*.yaml"))


def _tree(tmp_path: Path, copies: int) -> list[str]:
    tmp_path.mkdir(exist_ok=True)
    paths = []
    for i in range(copies):
        for src in EXAMPLES:
            dst = tmp_path / f"{i:02d}-{src.name}"
            shutil.copyfile(src, dst)
            paths.append(str(dst))
    broken = tmp_path / "05-broken.yaml"
    broken.write_text("plan: x\nracks: [\n", encoding="utf-8")
    other = tmp_path / "06-not-a-plan.yaml"
    other.write_text("name: something else\n", encoding="utf-8")
    return [*paths[:30], str(broken), str(other), *paths[30:]]


def _summary(result: LintResult) -> tuple[object, ...]:
    return (
        [
            (r.path, r.plan_id, r.skipped, r.findings, r.suppressed, r.baselined, r.hot_spot)
            for r in result.files
        ],  # fmt: skip
        [str(e) for e in result.errors],
        result.exit_code,
    )


def test_forked_workers_match_one_process(tmp_path: Path, kb: KnowledgeBase) -> None:
    paths = _tree(tmp_path, 6)
    one = lint_paths(paths, kb, Config())
    assert len(one.files) == len(paths) - 1 and len(one.errors) == 1
    assert "05-broken.yaml:3:1: YAML syntax error" in str(one.errors[0])
    for jobs in (2, 3):
        assert _summary(batch.lint_many(paths, kb, Config(), jobs=jobs)) == _summary(one)


def test_the_baseline_is_one_budget_across_workers(tmp_path: Path, kb: KnowledgeBase) -> None:
    paths = _tree(tmp_path / "plans", 4)
    findings = lint_paths(paths[:10], kb, Config()).findings
    assert findings
    recorded = tmp_path / "baseline.json"
    recorded.write_text(baseline.dumps(findings), encoding="utf-8")
    known = baseline.load(str(recorded))
    one = lint_paths(paths, kb, Config(), Counter(known))
    many = batch.lint_many(paths, kb, Config(), Counter(known), jobs=2)
    assert _summary(many) == _summary(one)
    assert sum(len(r.baselined) for r in many.files) == len(findings)


def test_default_jobs_follow_the_file_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "cpus", lambda: 2)
    assert [batch.default_jobs(n) for n in (1, 499, 500, 10_000)] == [1, 1, 2, 2]
    monkeypatch.setattr(batch, "cpus", lambda: 8)
    assert batch.default_jobs(1000) == 1000 // batch.MIN_FILES_PER_JOB


def test_cli_jobs(tmp_path: Path, run_cli: RunCli) -> None:
    paths = _tree(tmp_path, 3)
    code1, out1, err1 = run_cli("lint", *paths, "--format", "json", "--jobs", "1")
    code2, out2, err2 = run_cli("lint", *paths, "--format", "json", "--jobs", "2")
    assert (code2, out2, err2) == (code1, out1, err1) and code1 == 2
    code, out, err = run_cli("lint", *paths, "--jobs", "0")
    assert (code, out) == (2, "")
    assert err == "refarch: error: --jobs must be at least 1, not 0\n"
