"""Calibration freshness in `refarch stats` and `refarch review`: each efficiency set's newest
retrieval date among the sources its points cite, aged against a date and a limit."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from conftest import FROZEN_KB, RunCli
from kbrepo import three_releases

from linter.kb.freshness import calibration_freshness
from linter.kb.store import KnowledgeBase


def test_sets_age_from_their_newest_cited_source() -> None:
    kb = KnowledgeBase.open(FROZEN_KB)
    fresh = calibration_freshness(kb, dt.date(2027, 6, 30), 200)
    assert [(f.id, f.calibrated, f.age_days, f.points, f.stale) for f in fresh] == [
        ("blackwell-trtllm", "2026-11-26", 216, 12, True),
        ("hopper-trtllm", "2026-11-26", 216, 29, True),
    ]
    assert not any(f.stale for f in calibration_freshness(kb, dt.date(2027, 6, 30), 216))


def test_stats_flags_stale_sets(run_cli: RunCli) -> None:
    code, out, err = run_cli("stats", "--as-of", "2027-06-30", "--calibration-max-age", "200")
    assert (code, err) == (0, "")
    assert out.splitlines()[-3:] == [
        "calibration: 2 efficiency sets, 2 calibrated more than 200 days ago",
        "  stale calibration: blackwell-trtllm: calibrated 2026-11-26 (216 days ago), 12 points",
        "  stale calibration: hopper-trtllm: calibrated 2026-11-26 (216 days ago), 29 points",
    ]
    code, out, _ = run_cli("stats", "--as-of", "2026-12-01", "--json")
    doc = json.loads(out)["calibration"]
    assert doc["max_age_days"] == 180 and [s["age_days"] for s in doc["sets"]] == [5, 5]
    assert run_cli("stats", "--calibration-max-age", "-1")[0] == 2


def test_review_reports_freshness_at_the_release(tmp_path: Path, run_cli: RunCli) -> None:
    repo = three_releases(tmp_path / "kb")
    target = repo.root / "architectures" / "catalog" / "efficiency"
    target.mkdir(parents=True)
    shutil.copy(FROZEN_KB / "catalog" / "efficiency" / "hopper-trtllm.yaml", target)
    repo.commit("KB 2026.11: calibration", "2026-11-02")
    code, out, err = run_cli(
        "review", "--from", "2026.10", "--to", "2026.11", "--format", "json",
        "--calibration-max-age", "0", cwd=repo.root,
    )  # fmt: skip
    assert code == 0, err
    sets = json.loads(out)["calibration"]["sets"]
    # aged against the release date (2026-11-01): retrieved after it counts as 0 days
    assert [(s["id"], s["calibrated"], s["age_days"], s["stale"]) for s in sets] == [
        ("hopper-trtllm", "2026-11-26", 0, False)
    ]
    code, out, _ = run_cli("review", "--from", "2026.10", "--to", "2026.11", cwd=repo.root)
    assert "## Calibration freshness" in out
    assert "| `hopper-trtllm` | 2026-11-26 | 0 days | 29 | not stated |  |" in out
