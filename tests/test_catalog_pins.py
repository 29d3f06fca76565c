"""A pin freezes the catalog figures behind it: a catalog change that reaches an architecture
(a racked system, a figure its derived figures read) needs a new architecture version (REL005),
and ``refarch diff`` shows it. Real git repositories, built in temporary directories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FROZEN_KB, RunCli
from kbrepo import Arch, KBRepo, server

C10 = ("2026.10", "2026-10-01", "First version.", "Baseline.")
C11 = ("2026.11", "2026-11-01", "Test server maximum raised.", "Vendor revised its figure.")


def derived(a: Arch, kw: float) -> str:
    """``a`` with the rack profile's and the facility's maximum derived from the racked
    server's maximum power."""
    formula = f'{{value: {kw:g}, derived: "4 * test-server.max_power_kw"}}'
    text = a.text()
    for key in ("max_kw", "rack_kw_max"):
        fixed = f"  {key}: {{value: 32, source: fixture}}\n"
        assert text.count(fixed) == 1
        text = text.replace(fixed, f"  {key}: {formula}\n")
    return text


def released(tmp_path: Path) -> KBRepo:
    repo = KBRepo(tmp_path / "kb")
    repo.write("catalog/systems/test-server.yaml", server(8))
    repo.write("reference/pod-a.yaml", derived(Arch("pod-a", "2026.10", [C10]), 32))
    repo.release("2026.10", "2026-10-01", {"pod-a": "2026.10"})
    repo.commit("KB 2026.10", "2026-10-01")
    return repo


def test_a_catalog_change_under_a_pinned_version_fails_review(
    tmp_path: Path, run_cli: RunCli
) -> None:
    repo = released(tmp_path)
    repo.write("catalog/systems/test-server.yaml", server(10.5))
    code, out, err = run_cli("review", "--check", cwd=repo.root)
    assert (code, err) == (1, "")
    assert out.splitlines()[0] == (
        "architectures/reference/pod-a.yaml:6:10: REL005 [catalog-change-without-version-bump] "
        "catalog figures this architecture uses changed since 2026.10 (test-server.max_power_kw "
        "8 -> 10.5; rack_profiles[compute].max_kw = 4 * test-server.max_power_kw 32 -> 42; "
        "facility.rack_kw_max = 4 * test-server.max_power_kw 32 -> 42) but the version is still "
        "2026.10: plans pinned to pod-a@2026.10 would be checked against other figures; bump "
        f"`version` and add a `changes` entry saying why [{repo.short()} -> worktree]"
    )


def test_the_diff_of_a_pinned_version_shows_what_came_through_the_catalog(
    tmp_path: Path, run_cli: RunCli
) -> None:
    repo = released(tmp_path)
    repo.write("catalog/systems/test-server.yaml", server(10.5))
    code, out, err = run_cli("diff", "pod-a@2026.10", "pod-a@worktree", cwd=repo.root)
    assert (code, err) == (1, "")  # differences, like git diff --exit-code
    assert out == (
        f"pod-a@2026.10 ({repo.short()}, 2026-10-01) -> pod-a@2026.10 (worktree)\n"
        "  through the catalog (the entries this architecture names, and its derived figures):\n"
        "  breaking  limit-tightened  test-server.max_power_kw: 8 kW -> 10.5 kW (+31 %)\n"
        "  breaking  limit-tightened  rack_profiles[compute].max_kw = 4 * "
        "test-server.max_power_kw: 32 kW -> 42 kW (+31 %)\n"
        "  breaking  limit-tightened  facility.rack_kw_max = 4 * test-server.max_power_kw: "
        "32 kW -> 42 kW (+31 %)\n"
    )
    code, out, _ = run_cli(
        "diff", "pod-a@2026.10", "pod-a@worktree", "--format", "json", cwd=repo.root
    )
    doc = json.loads(out)
    assert (doc["counts"], doc["changes"]) == ({"breaking": 3, "warning": 0, "info": 0}, [])
    assert [(c["check"], c["description"]) for c in doc["catalog_changes"]] == [
        ("limit-tightened", "test-server.max_power_kw: 8 kW -> 10.5 kW (+31 %)"),
        (
            "limit-tightened",
            "rack_profiles[compute].max_kw = 4 * test-server.max_power_kw: 32 kW -> 42 kW (+31 %)",
        ),
        (
            "limit-tightened",
            "facility.rack_kw_max = 4 * test-server.max_power_kw: 32 kW -> 42 kW (+31 %)",
        ),
    ]


def test_a_new_version_with_its_changes_entry_carries_the_catalog_change(
    tmp_path: Path, run_cli: RunCli
) -> None:
    repo = released(tmp_path)
    repo.write("catalog/systems/test-server.yaml", server(10.5))
    repo.write("reference/pod-a.yaml", derived(Arch("pod-a", "2026.11", [C10, C11]), 42))
    repo.release("2026.11", "2026-11-01", {"pod-a": "2026.11"})
    assert run_cli("review", "--check", cwd=repo.root)[0] == 0
    # Text and sources of a racked system are provenance, and its lifecycle is LIF001's news:
    # neither asks for a new version.
    repo.commit("KB 2026.11", "2026-11-01")
    repo.write(
        "catalog/systems/test-server.yaml",
        server(10.5)
        .replace("A fictional server.", "A fictional server, revised.")
        .replace("status: shipping", "status: end-of-sale"),
    )
    code, out, err = run_cli("review", "--check", cwd=repo.root)
    assert (code, err) == (0, f"release consistency: ok (working tree against {repo.short()})\n")


def test_validate_in_a_checkout_reads_that_checkout_and_says_so(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = released(tmp_path)
    repo.write("catalog/systems/test-server.yaml", server(10.5))
    monkeypatch.delenv("REFARCH_KB")
    sub = repo.root / "architectures" / "reference"
    code, out, err = run_cli("validate", "--verbose", "reference/pod-a.yaml", cwd=sub.parent)
    assert (code, err) == (1, "refarch: knowledge base . (release 2026.10, checkout)\n")
    assert out.splitlines()[:2] == [
        "reference/pod-a.yaml:19:21: VAL006 [derived-mismatch] $.rack_profiles[0].max_kw.value: "
        "value 32.0 differs from 4 * test-server.max_power_kw = 42",
        "reference/pod-a.yaml:22:24: VAL006 [derived-mismatch] $.facility.rack_kw_max.value: "
        "value 32.0 differs from 4 * test-server.max_power_kw = 42",
    ]
    code, out, _ = run_cli("validate", "--format", "json", "architectures", cwd=repo.root)
    assert json.loads(out)["kb"] == {
        "path": "architectures",
        "release": "2026.10",
        "origin": "checkout",
    }
    # --kb and $REFARCH_KB still come first
    code, _, err = run_cli("--kb", str(FROZEN_KB), "validate", "-v", "architectures/release.yaml")
    kb = FROZEN_KB.resolve()
    assert (code, err) == (0, f"refarch: knowledge base {kb} (release 2026.11, --kb)\nvalid\n")
