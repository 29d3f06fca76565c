"""`refarch size --emit-plan`: the sizing as a plan that `refarch lint` accepts."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import RunCli

from linter.core import yamlio
from linter.kb.store import KnowledgeBase

WORKLOAD = (
    "size", "--model", "llama-3.3-70b", "--precision", "fp8", "--users", "200",
    "--input-tokens", "1024", "--output-tokens", "512", "--ttft-ms", "2000",
    "--tokens-per-s", "20",
)  # fmt: skip


def _with_factors(kb: KnowledgeBase) -> list[str]:
    generations = {e.generation for e in kb.efficiencies()}
    return sorted(
        s.id
        for s in kb.systems()
        if (a := kb.accelerator(s.accelerator)) is not None and a.generation in generations
    )


def test_every_system_with_factors_emits_a_plan_lint_accepts(
    kb: KnowledgeBase, run_cli: RunCli, tmp_path: Path
) -> None:
    emitted, refused = [], []
    for system in _with_factors(kb):
        path = tmp_path / f"{system}.yaml"
        code, out, err = run_cli(*WORKLOAD, "--system", system, "--emit-plan", str(path))
        if code == 2:
            assert not path.exists()
            unracked = "no reference architecture in the KB has a rack profile of " + system
            refused.append((system, "no architecture" if unracked in err else err.strip()))
            continue
        assert code == 0, err
        assert out.endswith(f"wrote the plan to {path}: check it with `refarch lint {path}`\n")
        code, out, _ = run_cli("lint", "--format", "json", str(path))
        findings = json.loads(out)["findings"]
        assert [f["rule"] for f in findings if f["severity"] == "error"] == [], system
        assert code == 0, system
        emitted.append(system)
    assert emitted == ["dgx-b200", "dgx-h100", "gb200-nvl72", "hgx-h200-8gpu"]
    # Systems no reference architecture racks (the plan could pin none), and one the KB has
    # no maximum power for (sizing itself refuses it).
    assert refused == [
        ("dgx-h200", "no architecture"), ("gb200-nvl36x2", "no architecture"),
        ("hgx-b200-8gpu", "no architecture"), ("hgx-h100-8gpu", "no architecture"),
        ("pcie-rtx-pro-server", "refarch: error: system 'pcie-rtx-pro-server' has no "
         "max_power_kw figure: IT power unknown"),
    ]  # fmt: skip


def test_the_plan_holds_the_sizing(kb: KnowledgeBase, run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "Hall C plan.yaml"
    code, out, _ = run_cli(*WORKLOAD, "--system", "gb200-nvl72", "--json", "--emit-plan", str(path))
    assert code == 0
    sized = json.loads(out)
    assert sized["plan_file"] == str(path)
    plan = yamlio.load(str(path)).data
    assert plan["plan"] == "hall-c-plan"
    assert plan["reference"] == "dgx-superpod-gb200@2026.11"
    racked = sum(g.get("count", 1) * s["count"] for g in plan["racks"] for s in g["systems"])
    assert racked == sized["systems"] + plan["spares"]["systems"]
    assert plan["spares"] == {"systems": 1}  # one scalable unit of 8 racks: one spare
    assert plan["facility"]["cooling"] == "direct-liquid" and plan["facility"]["cdus"] == 2
    assert plan["facility"]["power"]["redundancy"] == "2N"  # the architecture's
    assert plan["workload"] == {
        "type": "inference", "model": "llama-3.3-70b", "precision": "fp8",
        "concurrent_users": 200, "input_tokens": 1024, "output_tokens": 512, "ttft_ms": 2000,
        "ttft_percentile": 99, "tokens_per_s_per_user": 20,
    }  # fmt: skip
    assert plan["network"]["compute"]["fabric"] == "infiniband-ndr"


def test_feeds_keep_every_system_powered_with_one_feed_lost(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = tmp_path / "h100.yaml"
    assert run_cli(*WORKLOAD, "--system", "dgx-h100", "--emit-plan", str(path))[0] == 0
    # dgx-h100: six supplies, four needed: with three feeds one lost feed takes two.
    assert yamlio.load(str(path)).data["facility"]["power"]["feeds"] == 3


def test_never_overwrites_and_sizes_one_system(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("keep me\n", encoding="utf-8")
    code, _, err = run_cli(*WORKLOAD, "--system", "dgx-h100", "--emit-plan", str(path))
    assert code == 2 and f"--emit-plan: {path} exists; refarch never overwrites a plan" in err
    assert path.read_text(encoding="utf-8") == "keep me\n"
    code, _, err = run_cli(*WORKLOAD, "--compare", "dgx-h100,dgx-b200", "--emit-plan", "x.yaml")
    assert code == 2 and "--emit-plan sizes one system" in err


def test_every_system_and_stack_of_the_shipped_kb_emits_a_plan_lint_accepts(
    live_kb: KnowledgeBase, run_cli: RunCli, tmp_path: Path
) -> None:
    """The same walk over the shipped KB, every serving stack it has factors for (the frozen
    one above has TensorRT-LLM only): each system either emits a plan `refarch lint` accepts
    with no error, or is refused because no reference architecture racks it."""
    kb_arg = ("--kb", str(live_kb.root))
    emitted: set[tuple[str, str]] = set()
    for stack in sorted({e.stack for e in live_kb.efficiencies()}):
        gens = {e.generation for e in live_kb.efficiencies() if e.stack == stack}
        for s in live_kb.systems():
            a = live_kb.accelerator(s.accelerator)
            if a is None or a.generation not in gens or s.max_power_kw.value is None:
                continue
            path = tmp_path / f"{s.id}-{stack}.yaml"
            argv = (*kb_arg, *WORKLOAD, "--system", s.id, "--stack", stack)
            code, _, err = run_cli(*argv, "--emit-plan", str(path))
            if code == 2 and "no reference architecture in the KB has a rack profile" in err:
                continue
            assert code == 0, (s.id, stack, err)
            code, out, _ = run_cli(*kb_arg, "lint", "--format", "json", str(path))
            errors = [f["rule"] for f in json.loads(out)["findings"] if f["severity"] == "error"]
            assert (errors, code) == ([], 0), (s.id, stack)
            emitted.add((s.id, stack))
    blackwell_ultra = {(s, "sglang") for s in ("dgx-b300-ac", "dgx-b300-busbar", "gb300-nvl72")}
    assert blackwell_ultra <= emitted
    assert ("amd-mi300x-platform", "vllm") in emitted  # CDNA 3 (cdna3-vllm)
    assert {st for _, st in emitted} == {"sglang", "trtllm", "vllm"}
