"""`refarch init`: a starting plan from an architecture's rack profiles, which lints with no
error, never written over an existing file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import LIVE_KB, RunCli

from linter.kb.store import KnowledgeBase


def _architectures(kb: KnowledgeBase) -> list[str]:
    return [a.id for a in kb.architectures() if any(p.contents for p in a.rack_profiles)]


def test_every_architecture_starts_a_plan_that_lints_clean(
    run_cli: RunCli, live_kb: KnowledgeBase, tmp_path: Path
) -> None:
    """Of the KB that ships (an architecture cannot fail its own blueprint, which the KB's
    own test holds; init writes that blueprint)."""
    kb = live_kb
    for arch_id in _architectures(kb):
        path = tmp_path / f"{arch_id} plan.yaml"
        code, out, err = run_cli("--kb", str(LIVE_KB), "init", "--architecture", arch_id, str(path))
        if code == 2:  # an envelope-only architecture: no profile holds a catalog system
            assert "has no rack profile holding a catalog system" in err, err
            continue
        assert (code, out) == (0, ""), err
        assert err.startswith(f"wrote {path} (")
        text = path.read_text(encoding="utf-8")
        assert text.startswith(
            "# yaml-language-server: $schema=https://refarch.dev/schema/plan.schema.json\n"
            f"# A starting plan for {kb.architecture(arch_id).ref},"  # type: ignore[union-attr]
        )
        code, out, _ = run_cli("--kb", str(LIVE_KB), "lint", "--format", "json", str(path))
        report = json.loads(out)
        errors = [f for f in report["findings"] if f["severity"] == "error"]
        assert (code, errors) == (0, []), arch_id
        assert report["findings"] == [] or report["findings"][0]["file"] == str(path)


def test_profile_filter_stdout_and_refusals(run_cli: RunCli, tmp_path: Path) -> None:
    code, out, _ = run_cli(
        "init", "--architecture", "dgx-superpod-h100", "--profile", "compute-half-density"
    )
    assert code == 0
    assert "plan: dgx-superpod-h100-plan\n" in out
    assert "- id: compute-half-density\n" in out and "- id: compute\n" not in out
    existing = tmp_path / "plan.yaml"
    existing.write_text("keep me\n", encoding="utf-8")
    assert run_cli("init", "--architecture", "dgx-superpod-h100", str(existing)) == (
        2,
        "",
        f"refarch: error: {existing} exists; refarch never overwrites a plan\n",
    )
    assert existing.read_text(encoding="utf-8") == "keep me\n"
    code, _, err = run_cli("init", "--architecture", "dgx-superpod-h10")
    assert code == 2
    assert err.startswith(
        "refarch: error: unknown architecture 'dgx-superpod-h10' (did you mean dgx-superpod-h100"
    )
    code, _, err = run_cli("init", "--architecture", "dgx-superpod-h100", "--profile", "dense")
    assert (code, err) == (
        2,
        "refarch: error: dgx-superpod-h100 has no rack profile 'dense' (its profiles: compute,"
        " compute-half-density)\n",
    )


@pytest.mark.parametrize("arch_id", ["dgx-superpod-gb200"])
def test_liquid_architecture_gets_cdus(run_cli: RunCli, arch_id: str) -> None:
    code, out, _ = run_cli("init", "--architecture", arch_id)
    assert code == 0
    assert "  cooling: direct-liquid\n" in out and "  cdus: 2\n" in out
