"""The efficiency factors reproduce their published calibration points, read from the KB."""

from __future__ import annotations

from dataclasses import replace

import pytest

from linter.kb.store import KnowledgeBase
from linter.sizing.calibration import (
    TOLERANCE,
    evaluate,
    factors_of,
    fit,
    fitted,
    neighbours,
    points,
    stages,
)

SETS = ("hopper-trtllm", "blackwell-trtllm")
LIVE_SETS = (
    "hopper-trtllm",
    "blackwell-trtllm",
    "hopper-vllm",
    "blackwell-vllm",
    "hopper-sglang",
    "blackwell-sglang",
    "blackwell-ultra-sglang",
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
