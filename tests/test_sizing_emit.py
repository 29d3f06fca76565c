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
    kb_file = f"{kb.root / 'catalog' / 'systems' / 'pcie-rtx-pro-server.yaml'}:2:1"  # its id
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
        ("pcie-rtx-pro-server", f"refarch: error: {kb_file}: system 'pcie-rtx-pro-server' "
         "has no max_power_kw figure: IT power unknown"),
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
    blackwell_ultra = {
        (s, st)
        for s in ("dgx-b300-ac", "dgx-b300-busbar", "gb300-nvl72")
        for st in ("sglang", "trtllm", "vllm")
    }
    assert blackwell_ultra <= emitted
    assert ("amd-mi300x-platform", "vllm") in emitted  # CDNA 3 (cdna3-vllm)
    assert {st for _, st in emitted} == {"sglang", "trtllm", "vllm"}


def test_a_spread_of_output_lengths_reaches_the_plan_and_its_lint(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """--output-tokens-cv is part of the workload the plan records, and the sizing rules size
    the plan with it: the plan lints with no error, as sized."""
    path = tmp_path / "spread.yaml"
    code, out, err = run_cli(*WORKLOAD, "--system", "dgx-h100", "--output-tokens-cv", "1.25",
                             "--json", "--emit-plan", str(path))  # fmt: skip
    assert code == 0, err
    plan = yamlio.load(str(path)).data
    assert plan["workload"]["output_tokens_cv"] == 1.25
    code, out, _ = run_cli("lint", "--format", "json", str(path))
    assert code == 0
    assert [f["rule"] for f in json.loads(out)["findings"] if f["severity"] == "error"] == []


def test_the_sizing_rules_read_the_plans_spread_of_output_lengths(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A plan sized for equal output lengths is short once its workload says they spread:
    SIZ001 at the users, with the count the spread needs (44 GPUs where 40 are planned)."""
    path = tmp_path / "long-outputs.yaml"
    args = ("size", "--model", "llama-3.3-70b", "--precision", "fp8", "--users", "2000",
            "--input-tokens", "1000", "--output-tokens", "4000", "--ttft-ms", "5000",
            "--tokens-per-s", "30", "--system", "dgx-h100", "--emit-plan", str(path))  # fmt: skip
    assert run_cli(*args)[0] == 0
    assert run_cli("lint", str(path))[0] == 0
    text = path.read_text(encoding="utf-8")
    assert text.count("\n  output_tokens: 4000\n") == 1
    path.write_text(
        text.replace(
            "\n  output_tokens: 4000\n", "\n  output_tokens: 4000\n  output_tokens_cv: 1.25\n"
        ),
        encoding="utf-8",
    )
    code, out, _ = run_cli("lint", "--format", "json", str(path))
    assert code == 1
    siz = [f for f in json.loads(out)["findings"] if f["rule"] == "SIZ001"]
    assert [(f["line"], f["column"]) for f in siz] == [(32, 21)]
    assert siz[0]["message"].startswith(
        "2,000 users need 44 GPUs in 6 dgx-h100 (tensor parallel 4 x 11 replicas of up to 185 "
        "sequences, bottleneck bandwidth); the plan has 5 (40 GPUs)"
    )
