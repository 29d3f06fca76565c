"""The efficiency factors reproduce their published calibration points, read from the KB."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import FROZEN_KB, RunCli

from linter.kb.model import CalibrationPoint, Slo
from linter.kb.specs import load_gpu, load_model
from linter.kb.store import KnowledgeBase
from linter.sizing.calibration import (
    TOLERANCE,
    estimate,
    evaluate,
    factors_of,
    fit,
    fitted,
    neighbours,
    points,
    stages,
)
from linter.sizing.memory import kv_capacity_sequences

SETS = ("hopper-trtllm", "blackwell-trtllm")
LIVE_SETS = (
    "hopper-trtllm",
    "blackwell-trtllm",
    "hopper-vllm",
    "blackwell-vllm",
    "hopper-sglang",
    "blackwell-sglang",
    "blackwell-ultra-sglang",
    "blackwell-ultra-trtllm",
    "blackwell-ultra-vllm",
    "cdna3-vllm",
    "cdna4-vllm",
)


@pytest.mark.parametrize("eff", SETS)
def test_every_point_is_within_tolerance(kb: KnowledgeBase, eff: str) -> None:
    entry = kb.efficiency(eff)
    assert entry is not None
    checks = evaluate(kb, entry, split="fit")
    assert len(checks) == len(entry.doc.data["calibration"]) >= 12  # the frozen KB: all fit
    out = [(c.point.id, round(c.error * 100, 1)) for c in checks if not c.ok]
    assert out == []


@pytest.mark.parametrize("eff", SETS)
def test_points_cite_a_source_of_the_file_and_match_the_generation(
    kb: KnowledgeBase, eff: str
) -> None:
    entry = kb.efficiency(eff)
    assert entry is not None
    sources = {s.id: s for s in entry.sources}
    for p in points(entry):
        assert p.source in sources and sources[p.source].retrieved == "2026-11-26"
        assert p.source != "fit"
        gpu = kb.accelerator(p.accelerator)
        assert gpu is not None and gpu.generation == entry.generation
        assert kb.has("model", p.model)
        assert p.metric in TOLERANCE


@pytest.mark.parametrize("eff", LIVE_SETS)
def test_stored_factors_are_a_local_optimum_of_the_fit(live_kb: KnowledgeBase, eff: str) -> None:
    """No factor set one grid step away scores better on the fit points of its stage (dense
    factors on the dense points, the MoE factor on the MoE points): the shipped file holds the
    fit, not a tweak (the fit moves only the factors the file states)."""
    entry = live_kb.efficiency(eff)
    assert entry is not None
    stored = factors_of(entry)
    moved = []
    for names, total in stages(live_kb, entry):
        here = total(stored)
        moved += [n for n in neighbours(stored, 1, names) if total(n) < here - 1e-12]
    assert moved == []
    assert sum(len(names) for names, _ in stages(live_kb, entry)) == len(fitted(entry))
    assert fit(live_kb, entry) == stored


def test_published_values_are_the_cited_ones(kb: KnowledgeBase) -> None:
    """Spot checks against the source tables (NIM 1.8.0 and the TensorRT-LLM overview)."""
    h = {p.id: p.published for p in points(kb.efficiency("hopper-trtllm"))}
    assert h["l70b-h100-tp2-5000-500-c1-ttft"] == 406.77
    assert h["l70b-h100-tp2-5000-500-c50-itl"] == 59.73
    assert h["l8b-h100-tp1-1000-1000-c100-itl"] == 10.04
    assert h["l405b-h100-tp8-1000-1000-max-throughput"] == 2919
    b = {p.id: p.published for p in points(kb.efficiency("blackwell-trtllm"))}
    assert b["l70b-b200-tp1-5000-500-max-throughput"] == 1459
    assert b["l405b-gb200-tp4-128-2048-max-throughput"] == 8151


def test_a_wrong_factor_breaks_the_calibration(kb: KnowledgeBase) -> None:
    """The check can fail: halving the FLOPs share throws TTFT out of tolerance."""
    entry = kb.efficiency("hopper-trtllm")
    assert entry is not None
    f = factors_of(entry)
    bad = type(f)(f.id, f.memory_usable_pct, f.decode_bandwidth_pct, f.flops_pct / 2)
    failing = {c.point.id for c in evaluate(kb, entry, bad) if not c.ok}
    assert "l70b-h100-tp2-5000-500-c1-ttft" in failing


@pytest.mark.parametrize(
    ("eff", "moe_stage"), [("hopper-sglang", True), ("blackwell-sglang", False)]
)
def test_request_overhead_is_fitted_on_small_closed_loops_alone(
    live_kb: KnowledgeBase, eff: str, moe_stage: bool
) -> None:
    """The fixed time per request has a stage of its own over the TTFT of closed loops of 2-4
    requests; the step stages never read those points, so moving it leaves their scores
    unchanged. A set whose fit points are all MoE (blackwell-sglang) has no MoE stage."""
    entry = live_kb.efficiency(eff)
    assert entry is not None
    runs = stages(live_kb, entry)
    names = [n for n, _ in runs]
    assert names[-1] == ("request_overhead_ms",)
    assert (("moe_flops_pct",) in names) is moe_stage
    assert len(runs) == (3 if moe_stage else 2)
    stored = factors_of(entry)
    moved = replace(stored, request_overhead_ms=stored.request_overhead_ms + 50)
    for _, total in runs[:-1]:
        assert total(moved) == total(stored)
    assert runs[-1][1](moved) > runs[-1][1](stored)
    read = [c.point for c in evaluate(live_kb, entry, split="fit") if c.fitted]
    ttft = sorted({p.concurrency for p in read if p.metric == "ttft_ms"}, key=str)
    assert ttft == [4]  # of the TTFTs only the smallest closed loops, c = 4


def _system_point(**values: Any) -> CalibrationPoint:
    """A maximum-throughput point of Llama 3.1 70B FP8 on H200 (the frozen KB), as MLPerf's
    Offline scenario measures one; ``values`` override its fields."""
    fields: dict[str, Any] = dict(
        at=(), id="p", source="s", model="llama-3.1-70b", precision="fp8",
        accelerator="h200-sxm", tensor_parallel=1, input_tokens=222, output_tokens=300,
        concurrency=None, metric="output_tokens_per_s", published=1.0, split="holdout",
        software="", statistic="mean",
    )  # fmt: skip
    fields.update(values)
    return CalibrationPoint(**fields)


def test_a_system_of_replicas_adds_their_throughput(kb: KnowledgeBase) -> None:
    """gpus / tensor_parallel replicas each serve the point's workload: eight GPUs at TP 1 are
    eight replicas, at TP 2 four; no gpus is one replica."""
    entry = kb.efficiency("hopper-trtllm")
    assert entry is not None
    f = factors_of(entry)
    one = estimate(kb, _system_point(), f)
    assert one > 0
    assert estimate(kb, _system_point(gpus=8), f) == pytest.approx(8 * one, rel=1e-12)
    pair = estimate(kb, _system_point(tensor_parallel=2), f)
    assert estimate(kb, _system_point(tensor_parallel=2, gpus=8), f) == pytest.approx(4 * pair)


def test_a_throughput_within_latencies_is_the_most_the_replica_serves_within_them(
    kb: KnowledgeBase,
) -> None:
    """A point measured within latency bounds (slo: MLPerf's Server and Interactive runs) is
    estimated as the throughput at the largest batch whose P99 TTFT and mean ITL hold them:
    unbounded, the batch the KV cache holds (a closed loop of that many); bounded below one
    sequence's step, nothing; in between, more throughput the looser the ITL bound."""
    entry = kb.efficiency("hopper-trtllm")
    assert entry is not None
    f = factors_of(entry)

    def within(itl_ms: float, ttft_ms: float = 1e9, statistic: str = "p99") -> float:
        return estimate(
            kb, _system_point(slo=Slo(ttft_ms=ttft_ms, ttft_statistic=statistic, itl_ms=itl_ms)), f
        )

    full = estimate(kb, _system_point(), f)
    model, gpu = load_model(kb, "llama-3.1-70b"), load_gpu(kb, "h200-sxm")
    held = kv_capacity_sequences(model, gpu, "fp8", "fp8", 1, 522, f.memory_usable_pct)
    assert held > 100
    assert within(1e9) == estimate(kb, _system_point(concurrency=held), f)
    assert within(1.0) == 0.0
    tight, loose = within(25.0), within(60.0)
    assert 0 < tight < loose < full
    bounded = within(60.0, ttft_ms=100.0)  # a P99 TTFT bound that binds
    assert 0 < bounded < loose
    assert within(60.0, ttft_ms=100.0, statistic="mean") > bounded  # the mean is the lower


@pytest.mark.parametrize(
    ("fields", "key", "message"),
    [
        (
            "tensor_parallel: 2, gpus: 3, metric: output_tokens_per_s",
            "gpus",
            "calibration point 'odd': 3 GPUs do not split into replicas of tensor_parallel 2",
        ),
        (
            "tensor_parallel: 1, slo: {ttft_ms: 400, ttft_statistic: p99, itl_ms: 30}, "
            "metric: itl_ms",
            "slo",
            "calibration point 'odd': latency bounds (slo) qualify a throughput, not itl_ms",
        ),
    ],
)
def test_a_point_the_engine_cannot_estimate_is_refused_with_its_line(
    tmp_path: Path, run_cli: RunCli, fields: str, key: str, message: str
) -> None:
    """gpus must be a multiple of tensor_parallel, and latency bounds qualify a throughput
    only: otherwise `refarch size --calibration` exits 2 naming the file, line and column of
    the offending value, with no traceback."""
    kb = Path(shutil.copytree(FROZEN_KB, tmp_path / "kb"))
    path = kb / "catalog" / "efficiency" / "hopper-trtllm.yaml"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    line = (
        "  - {id: odd, source: nim-bench, model: llama-3.1-70b, precision: fp8, "
        f"accelerator: h100-sxm, {fields}, input_tokens: 222, output_tokens: 300, "
        "published: {value: 1000, source: nim-bench}, split: holdout}\n"
    )
    path.write_text(text + line, encoding="utf-8")
    code, out, err = run_cli("--kb", str(kb), "size", "--calibration")
    assert code == 2 and out == ""
    column = line.index(f"{key}: ") + len(key) + 3  # the key's value
    assert f"hopper-trtllm.yaml:{text.count(chr(10)) + 1}:{column}: " in err, err
    assert message in err
    assert "Traceback" not in err


def test_a_roofline_exponent_below_one_is_refused_with_its_line(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """Below 1 the smooth roofline would take longer than the weight read and the multiplies
    run one after the other: `refarch size --calibration` exits 2 naming the file, line and
    column of the value, with no traceback."""
    kb = Path(shutil.copytree(FROZEN_KB, tmp_path / "kb"))
    path = kb / "catalog" / "efficiency" / "hopper-trtllm.yaml"
    text = path.read_text(encoding="utf-8")
    block = "roofline_exponent:\n  value: 0.5\n  source: fit\n"
    head, tail = text.split("calibration:\n", 1)
    path.write_text(head + block + "calibration:\n" + tail, encoding="utf-8")
    code, out, err = run_cli("--kb", str(kb), "size", "--calibration")
    assert code == 2 and out == ""
    line = head.count("\n") + 2  # the value line of the block
    assert f"hopper-trtllm.yaml:{line}:10: " in err, err
    assert "roofline_exponent 0.5 is below 1" in err
    assert "Traceback" not in err
