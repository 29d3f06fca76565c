"""refarch release: a real git repository (temporary) with a fictional KB, released once by
hand and then by the command."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, RunCli
from kbrepo import Arch, KBRepo, server

C10 = ("2026.10", "2026-10-01", "First version.", "Baseline.")
C12 = ("2026.12", "2026-12-01", "Rack power raised to 40.8 kW.", "The server maximum was revised.")


def _repo(tmp_path: Path) -> KBRepo:
    repo = KBRepo(tmp_path / "kb")
    repo.write("catalog/systems/test-server.yaml", server(8))
    repo.arch(Arch("pod-a", "2026.10", [C10]))
    repo.arch(Arch("pod-b", "2026.10", [C10], max_kw=16, count=2))
    repo.release("2026.10", "2026-10-01", {"pod-a": "2026.10", "pod-b": "2026.10"})
    repo.commit("KB 2026.10", "2026-10-01")
    repo.release("2026.11", "2026-11-01", {"pod-a": "2026.10", "pod-b": "2026.10"})
    repo.commit("KB 2026.11", "2026-11-01")
    return repo


def test_release_bumps_the_manifest_and_writes_the_notes(tmp_path: Path, run_cli: RunCli) -> None:
    repo = _repo(tmp_path)
    repo.arch(Arch("pod-a", "2026.12", [C12, C10], max_kw=40.8))
    manifest = repo.root / "architectures" / "release.yaml"
    before = manifest.read_text(encoding="utf-8")
    code, out, err = run_cli("release", "2026.12", "--date", "2026-12-03", cwd=repo.root)
    assert (code, err) == (0, "")
    after = manifest.read_text(encoding="utf-8")
    assert after == before.replace('release: "2026.11"', 'release: "2026.12"').replace(
        "date: 2026-11-01", "date: 2026-12-03"
    ).replace('pod-a: "2026.10"', 'pod-a: "2026.12"')
    notes = repo.root / "architectures" / "releases" / "2026.12.md"
    assert out.splitlines()[0] == f"release 2026.12 (after 2026.11): {manifest}"
    assert out.splitlines()[1:4] == [
        "  architecture pod-a: 4 change(s)",
        "    breaking  limit-tightened  rack_profiles[compute].max_kw: 32 kW -> 40.8 kW (+28 %)",
        "    breaking  limit-tightened  facility.rack_kw_max: 32 kW -> 40.8 kW (+28 %)",
    ]
    assert out.splitlines()[-1] == f"release notes: {notes}"
    text = notes.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# Knowledge-base review 2026.11 -> 2026.12"
    assert "| `pod-a` | changed | 2026.10 -> 2026.12 | 2 | 0 | 2 |" in text.splitlines()
    # the review now reads 2026.12 as the working tree's release
    code, out, _ = run_cli("review", "--check", "--from", "2026.11", cwd=repo.root)
    assert code == 0


def test_release_refuses_a_change_without_a_version_and_writes_nothing(
    tmp_path: Path, run_cli: RunCli
) -> None:
    repo = _repo(tmp_path)
    repo.arch(Arch("pod-a", "2026.10", [C10], max_kw=40.8))  # changed, not bumped
    manifest = repo.root / "architectures" / "release.yaml"
    before = manifest.read_text(encoding="utf-8")
    code, out, err = run_cli("release", "2026.12", cwd=repo.root)
    assert code == 1
    assert "REL001 [content-changed-without-version-bump]" in out
    assert err == (
        "release 2026.12 refused: 1 release consistency finding(s) against 2026.11; "
        "release.yaml is unchanged\n"
    )
    assert manifest.read_text(encoding="utf-8") == before
    assert not (repo.root / "architectures" / "releases").exists()


def test_release_must_come_after_the_last_one(tmp_path: Path, run_cli: RunCli) -> None:
    repo = _repo(tmp_path)
    code, _, err = run_cli("release", "2026.09", cwd=repo.root)
    assert code == 2
    assert "release 2026.09 is not after the last release 2026.11" in err
    code, _, err = run_cli("release", "2026.13", cwd=repo.root)
    assert code == 2
    assert "release '2026.13' is not CalVer YYYY.MM" in err


def test_the_shipped_kb_is_in_step_with_its_release(run_cli: RunCli) -> None:
    """What the kb-review workflow checks on a pull request, on this repository's own history:
    every architecture that changed since the previous release (itself or through the catalog
    entries it names) has a new version and a recorded reason, and release.yaml lists each at
    the version its file states (REL001-REL005). A KB edit committed without its bump fails
    here (from the first release, each release against the one before, up to the working
    tree), before a plan pinned to the old version is checked against new figures."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: no release history to check against")
    code, out, err = run_cli(
        "review", "--check", "--from", "2026.11", "--to", "worktree", "--each-release", cwd=ROOT
    )
    assert (code, out) == (0, ""), out + err
    assert err.startswith("release consistency: ok"), err
