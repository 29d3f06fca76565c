"""Each sizing formula against hand-computed values, and the refusals."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from linter.kb.specs import SizingInputError, load_gpu, load_model, load_system
from linter.kb.store import KnowledgeBase
from linter.sizing import Options, SizingRefused, Workload, compare, size
from linter.sizing.memory import (
    kv_bytes,
    kv_capacity_sequences,
    kv_replication,
    replicated_bytes,
    tp_candidates,
    weight_bytes,
    weight_bytes_read,
)
from linter.sizing.perf import Factors, Replica, queue_wait_s

W = Workload("llama-3.3-70b", "fp8", 1000, 5000, 500, 1000, 17)


def test_weights_are_params_times_bytes_with_block_scales(kb: KnowledgeBase) -> None:
    l70 = load_model(kb, "llama-3.3-70b")
    assert weight_bytes(l70, "fp8") == 70e9
    assert weight_bytes(l70, "bf16") == 140e9
    assert weight_bytes(l70, "fp4") == 70e9 * (16 * 0.5 + 1) / 16  # one FP8 scale per 16
    assert weight_bytes(load_model(kb, "llama-3.1-405b"), "bf16") == 810e9
    oss = load_model(kb, "gpt-oss-120b")
    assert weight_bytes(oss, "mxfp4") == 117e9 * 17 / 32  # one E8M0 scale per 32


def test_kv_cache_gqa_mla_and_sliding_window(kb: KnowledgeBase) -> None:
    # GQA: 2 x 8 KV heads x 128 dims x 1 byte x 80 layers per token.
    assert kv_bytes(load_model(kb, "llama-3.3-70b"), "fp8", 5500) == 2 * 8 * 128 * 80 * 5500
    assert kv_bytes(load_model(kb, "llama-3.3-70b"), "bf16", 1) == 2 * 8 * 128 * 2 * 80
    # MLA: (kv_lora_rank 512 + qk_rope_head_dim 64) x 61 layers.
    assert kv_bytes(load_model(kb, "deepseek-v3"), "fp8", 1000) == (512 + 64) * 61 * 1000
    # 18 full layers keep 1000 tokens, 18 sliding layers keep the 128-token window.
    oss = load_model(kb, "gpt-oss-120b")
    assert kv_bytes(oss, "fp8", 1000) == 2 * 8 * 64 * (18 * 1000 + 18 * 128)


def test_moe_reads_active_weights_at_batch_one_and_all_at_large_batch(kb: KnowledgeBase) -> None:
    ds = load_model(kb, "deepseek-v3")
    assert weight_bytes_read(ds, "fp8", 1) == pytest.approx(37e9, rel=1e-12)
    assert weight_bytes_read(ds, "fp8", 10_000) == pytest.approx(671e9, rel=1e-9)
    dense = load_model(kb, "llama-3.3-70b")
    assert weight_bytes_read(dense, "fp8", 64) == 70e9


def test_tensor_parallel_candidates_and_kv_capacity(kb: KnowledgeBase) -> None:
    l70 = load_model(kb, "llama-3.3-70b")
    assert tp_candidates(l70, load_system(kb, "dgx-h100")) == [1, 2, 4, 8]
    assert tp_candidates(l70, load_system(kb, "gb200-nvl72")) == [1, 2, 4, 8, 16, 32, 64]
    assert kv_replication(l70, 8) == 1.0 and kv_replication(l70, 16) == 2.0
    h100 = load_gpu(kb, "h100-sxm")
    # (2 x 80 GB x 80 % - 70 GB) / (163,840 B x 5,500 tokens) = 64.36
    assert kv_capacity_sequences(l70, h100, "fp8", "fp8", 2, 5500, 80) == 64
    assert kv_capacity_sequences(l70, h100, "fp8", "fp8", 1, 5500, 80) == 0


def test_a_measured_attention_layout_overrides_the_default(kb: KnowledgeBase) -> None:
    """MoE and MLA models are sized with data-parallel attention (no KV copies, every GPU
    keeping the shared weights); a point measured with tensor-parallel attention is estimated
    that way: an MLA latent is read by every head, so each of t ranks holds all of it, and
    GQA heads are copied past the KV-head count."""
    ds, mix = load_model(kb, "deepseek-v3"), load_model(kb, "mixtral-8x7b")
    assert kv_replication(ds, 8) == 1.0  # the default: data-parallel attention
    assert kv_replication(ds, 8, adp=False) == 8.0
    assert kv_replication(mix, 8) == 1.0 and kv_replication(mix, 16, adp=False) == 2.0
    assert kv_replication(ds, 1, adp=False) == 1.0
    # shared (non-expert) weights: 7 extra copies under data-parallel attention, none under TP
    shared = ds.shared_params * 1.0  # FP8, one byte per parameter
    assert replicated_bytes(ds, "fp8", 8) == pytest.approx(7 * shared, rel=1e-12)
    assert replicated_bytes(ds, "fp8", 8, adp=False) == 0.0
    h200 = load_gpu(kb, "h200-sxm")
    dp = kv_capacity_sequences(ds, h200, "fp8", "fp8", 8, 9216, 90)
    tp = kv_capacity_sequences(ds, h200, "fp8", "fp8", 8, 9216, 90, adp=False)
    per_seq = 576 * ds.layers * 9216  # latent + rope dims x layers x tokens, one byte each
    free_dp = 8 * 141e9 * 0.9 - 671e9 - 7 * shared
    assert dp == int(free_dp // per_seq)
    assert tp == int((8 * 141e9 * 0.9 - 671e9) // (8 * per_seq))


def test_prefill_and_decode_step_times(kb: KnowledgeBase) -> None:
    l70, h100 = load_model(kb, "llama-3.3-70b"), load_gpu(kb, "h100-sxm")
    f = Factors("t", 80, 66, 51)
    r = Replica(l70, h100, "fp8", "fp8", 2, 5000, 500, f)
    flops = 2 * 1979e12 * 0.51
    linear = 5000 * 2 * 70e9 / flops
    attention = 5000 * (4 * 64 * 128 * 80 * 2500) / flops
    allreduce = 5000 * 80 * 2 * 8192 * 2 * 2 * (1 / 2) / 450e9
    assert r.prefill_s() == pytest.approx(linear + attention + allreduce, rel=1e-12)
    bw = 2 * 3.35e12 * 0.66
    # One sequence: weights read once, KV at the mean context 5000 + 250, and the decode
    # token's attention against that context.
    step1 = 70e9 / bw + 163840 * 5250 / bw + 4 * 64 * 128 * 80 * 5250 / flops
    step1 += (5000 / 500) * 2 * 70e9 / flops + (1 / 500) * 5000 * 4 * 64 * 128 * 80 * 2500 / flops
    step1 += (1 + 10) * 80 * 2 * 8192 * 2 * 2 * 0.5 / 450e9
    assert r.step_s(1) == pytest.approx(step1, rel=1e-12)
    op = r.operate(1)
    rate = 1 / (r.prefill_s() + 500 * op.step_s)
    rho = rate * r.prefill_s()
    assert op.ttft_s == pytest.approx(r.prefill_s() * (1 + rho / (2 * (1 - rho))), rel=1e-12)
    assert op.tokens_per_s_per_user == pytest.approx(1 / step1, rel=1e-12)


def test_step_overhead_and_allreduce_latency(kb: KnowledgeBase) -> None:
    """The step and all-reduce terms: a fixed cost per step, and per all-reduce (two per
    layer) a latency plus the volume over the achieved share of the link (alpha-beta)."""
    l70, h100 = load_model(kb, "llama-3.3-70b"), load_gpu(kb, "h100-sxm")
    plain = Replica(l70, h100, "fp8", "fp8", 4, 1000, 1000, Factors("t", 80, 66, 51))
    f = Factors("t", 80, 66, 51, step_overhead_ms=2.5, allreduce_latency_us=20,
                allreduce_bandwidth_pct=50)  # fmt: skip
    r = Replica(l70, h100, "fp8", "fp8", 4, 1000, 1000, f)
    tokens = 8 + 8 * 1000 / 1000  # 8 decode tokens and 8 prompt tokens per step
    volume = tokens * 80 * 2 * 8192 * 2 * 2 * (3 / 4)
    comm = volume / (450e9 * 0.5) + 80 * 2 * 20e-6
    assert r.allreduce_s(tokens) == pytest.approx(comm, rel=1e-12)
    extra = 2.5e-3 + comm - volume / 450e9
    assert r.step_s(8) - plain.step_s(8) == pytest.approx(extra, rel=1e-9)
    prefill_extra = 2.5e-3 + 1000 * 80 * 2 * 8192 * 2 * 2 * (3 / 4) / 450e9 + 80 * 2 * 20e-6
    assert r.prefill_s() - plain.prefill_s() == pytest.approx(prefill_extra, rel=1e-9)
    tp1 = Replica(l70, h100, "fp8", "fp8", 1, 1000, 1000, f)
    assert tp1.allreduce_s(100) == 0.0  # no all-reduce without tensor parallelism


def test_a_cost_per_layer_scales_with_the_model_depth(kb: KnowledgeBase) -> None:
    """A set's fixed cost per layer (layer_overhead_us) adds layers x that to every step and
    every prefill: 80 x 60 us = 4.8 ms for an 80-layer 70B, 32 x 60 us = 1.92 ms for the
    32-layer Llama 3.1 8B, beside any cost per step."""
    h100 = load_gpu(kb, "h100-sxm")
    for model_id, layers in (("llama-3.3-70b", 80), ("llama-3.1-8b", 32)):
        model = load_model(kb, model_id)
        assert model.layers == layers
        plain = Replica(model, h100, "fp8", "fp8", 1, 1000, 1000, Factors("t", 80, 66, 51))
        f = Factors("t", 80, 66, 51, step_overhead_ms=1.0, layer_overhead_us=60)
        r = replace(plain, factors=f)
        extra = 1e-3 + layers * 60e-6
        assert r.overhead_s == pytest.approx(extra, rel=1e-12)
        assert r.step_s(16) - plain.step_s(16) == pytest.approx(extra, rel=1e-9)
        assert r.prefill_s() - plain.prefill_s() == pytest.approx(extra, rel=1e-9)


def test_a_smooth_roofline_charges_the_overlap_near_the_ridge(kb: KnowledgeBase) -> None:
    """With a roofline exponent p, the weight read r and the matrix multiplies m of a decode
    step take (r^p + m^p)^(1/p) instead of the slower of the two: at the ridge (r = m) that
    is 2^(1/p) x r, 1.587x at p = 1.5; far from it, it tends to the slower one. Nothing else
    in the step changes."""
    l70, h100 = load_model(kb, "llama-3.3-70b"), load_gpu(kb, "h100-sxm")
    sharp = Replica(l70, h100, "fp8", "fp8", 1, 1000, 1000, Factors("t", 80, 66, 51))
    smooth = replace(sharp, factors=Factors("t", 80, 66, 51, roofline_exponent=1.5))
    assert sharp.roofline(2.0, 3.0) == 3.0
    assert smooth.roofline(2.0, 2.0) == pytest.approx(2.0 * 2 ** (1 / 1.5), rel=1e-12)
    assert smooth.roofline(2.0, 3.0) == pytest.approx((2**1.5 + 3**1.5) ** (2 / 3), rel=1e-12)
    assert smooth.roofline(1e-6, 3.0) == pytest.approx(3.0, rel=1e-8)
    for batch in (1, 64, 512):
        r, m = sharp.weights_s(batch), sharp.gemm_s(batch)
        gap = (r**1.5 + m**1.5) ** (2 / 3) - max(r, m)
        assert smooth.step_s(batch) - sharp.step_s(batch) == pytest.approx(gap, rel=1e-9)


def test_a_spread_of_output_lengths_lengthens_the_context_a_step_reads(kb: KnowledgeBase) -> None:
    """Sequences in flight are drawn in proportion to their length: with output lengths of
    coefficient of variation cv their output so far averages O (1 + cv^2) / 2, so at
    cv = 1.25 (MLPerf's DeepSeek-R1 set) a 804 / 3,736 workload's decode reads a context of
    804 + 3,736 x 2.5625 / 2 = 5,590.75 tokens instead of 2,672; the KV reads and decode
    attention grow with it, the weights and prefill do not."""
    l70, h100 = load_model(kb, "llama-3.3-70b"), load_gpu(kb, "h100-sxm")
    f = Factors("t", 80, 66, 51)
    fixed = Replica(l70, h100, "fp8", "fp8", 4, 804, 3736, f)
    spread = replace(fixed, output_cv=1.25)
    assert fixed.decode_context == 2672.0
    assert spread.decode_context == pytest.approx(5590.75, rel=1e-12)
    ratio = 5590.75 / 2672
    assert spread.kv_s(64) / fixed.kv_s(64) == pytest.approx(ratio, rel=1e-12)
    assert spread.decode_attention_s(64) / fixed.decode_attention_s(64) == pytest.approx(
        ratio, rel=1e-12
    )
    assert (spread.weights_s(64), spread.prefill_s()) == (fixed.weights_s(64), fixed.prefill_s())
    assert spread.step_s(64) > fixed.step_s(64)


def test_request_overhead_adds_to_ttft_only(kb: KnowledgeBase) -> None:
    """A set's fixed time per request (ingress, tokenisation, admission) adds to every TTFT,
    mean and percentile alike, and leaves the step, the prefill and the request rate alone."""
    l70, h100 = load_model(kb, "llama-3.3-70b"), load_gpu(kb, "h100-sxm")
    base = Factors("t", 80, 66, 51, step_overhead_ms=2.5)
    plain = Replica(l70, h100, "fp8", "fp8", 4, 1000, 1000, base, 99.0)
    slow = Replica(l70, h100, "fp8", "fp8", 4, 1000, 1000,
                   replace(base, request_overhead_ms=240), 99.0)  # fmt: skip
    a, b = plain.operate(64), slow.operate(64)
    assert b.ttft_s - a.ttft_s == pytest.approx(0.240, rel=1e-12)
    assert b.ttft_mean_s - a.ttft_mean_s == pytest.approx(0.240, rel=1e-12)
    assert (b.step_s, b.prefill_s, b.requests_per_s) == (a.step_s, a.prefill_s, a.requests_per_s)


def test_a_p99_ttft_target_needs_replicas_run_at_low_prefill_load(kb: KnowledgeBase) -> None:
    """TTFT P99 <= 1 s on 5,000-token prompts (the default percentile): the M/D/1 tail
    approximation keeps prefill load low, so TP8 replicas and 176 GPUs, where the same mean
    target needs 48."""
    r = size(kb, W, "dgx-h100")
    assert (r.tensor_parallel, r.replicas, r.gpus, r.systems) == (8, 22, 176, 22)
    assert r.ttft_percentile == 99 and r.ttft_ms <= 1000 < r.ttft_ms * 1.02
    assert r.ttft_mean_ms == pytest.approx(273.2, abs=0.05)


def test_queue_wait_percentiles() -> None:
    s = 0.4
    assert queue_wait_s(s, 0.5, None) == pytest.approx(0.5 * 0.4 / (2 * 0.5))  # M/D/1 mean
    theta = s / (2 * (1 - 0.5))
    assert queue_wait_s(s, 0.5, 99) == pytest.approx(theta * math.log(0.5 / 0.01))
    assert queue_wait_s(s, 0.5, 50) == 0.0  # half the prompts do not wait at rho 0.5
    assert queue_wait_s(s, 0.05, 90) == 0.0  # below rho = 0.1 the P90 prompt does not wait
    assert queue_wait_s(s, 1.0, None) == math.inf


def test_size_dgx_h100_reference_workload(kb: KnowledgeBase) -> None:
    r = size(kb, replace(W, ttft_percentile=None), "dgx-h100")
    # 5,250-token decode contexts: each decode token's attention adds a tenth to its FLOPs,
    # so TP2 replicas (24 x 2 = 48 GPUs) now beat TP4 ones; both fill 6 DGX H100.
    assert (r.tensor_parallel, r.min_tensor_parallel, r.replicas, r.gpus) == (2, 2, 24, 48)
    assert (r.systems, r.systems_per_rack, r.racks) == (6, 4, 2)
    assert r.it_kw == 61.2  # 6 x dgx-h100.max_power_kw 10.2, not 44 x 700 W TDP
    assert r.pue == 1.58 and r.facility_kw == pytest.approx(96.696)
    assert r.heat_btu_h == pytest.approx(61200 * 3600 / 1055.05585262, abs=0.05)
    assert (r.cooling, r.cooling_id) == ("rear-door", "rear-door-active")  # 40.8 kW per rack
    assert r.bottleneck == "compute"
    assert r.ttft_ms <= 1000 and r.tokens_per_s_per_user >= 17
    assert r.assumptions["rack_profile"] == "dgx-superpod-h100:compute"


def test_pue_option_and_liquid_cooling(kb: KnowledgeBase) -> None:
    r = size(kb, W, "gb200-nvl72", Options(pue=1.2))
    assert r.systems == 1 and r.it_kw == 132 and r.facility_kw == pytest.approx(158.4)
    assert (r.cooling, r.cooling_id) == ("direct-liquid", "direct-liquid-cdu")


def test_few_users_are_memory_bound(kb: KnowledgeBase) -> None:
    r = size(kb, Workload("llama-3.3-70b", "fp8", 5, 1000, 200, 2000, 20), "dgx-h100")
    assert (r.replicas, r.tensor_parallel, r.bottleneck) == (1, 2, "memory")


def test_refuses_bf16_405b_on_one_h100_node(kb: KnowledgeBase) -> None:
    w = Workload("llama-3.1-405b", "bf16", 10, 1000, 100, 5000, 10)
    with pytest.raises(SizingRefused) as exc:
        size(kb, w, "dgx-h100")
    assert exc.value.reason == "model-does-not-fit"
    assert "needs 810 GB of weights" in exc.value.message
    assert "8 x h100-sxm" in exc.value.message and "512 GB usable" in exc.value.message


def test_refuses_targets_below_the_physical_floor(kb: KnowledgeBase) -> None:
    with pytest.raises(SizingRefused) as exc:
        size(kb, Workload("llama-3.3-70b", "fp8", 10, 5000, 500, 10, 17), "dgx-h100")
    # 5000 x (2 x 70e9 + 4 x 64 x 128 x 80 x 2500) FLOPs over 8 x 1979 TFLOPS = 46.3 ms.
    assert exc.value.reason == "below-physical-floor" and exc.value.target == "ttft"
    assert "physical floor of 46.3 ms" in exc.value.message
    with pytest.raises(SizingRefused) as exc:
        size(kb, Workload("llama-3.3-70b", "fp8", 10, 500, 500, 1000, 500), "dgx-h100")
    # 70 GB per token over 8 x 3.35 TB/s: at most 383 tokens/s.
    assert exc.value.target == "speed" and "ceiling of 383 tokens/s" in exc.value.message


def test_refuses_targets_the_factors_cannot_meet(kb: KnowledgeBase) -> None:
    with pytest.raises(SizingRefused) as exc:
        size(kb, Workload("llama-3.3-70b", "fp8", 10, 500, 500, 1000, 300), "dgx-h100")
    assert exc.value.reason == "target-not-met" and exc.value.target == "speed"


def test_unknown_ids_list_close_matches(kb: KnowledgeBase) -> None:
    with pytest.raises(SizingInputError, match="did you mean llama-3.3-70b"):
        size(kb, Workload("llama-3.3-70", "fp8", 1, 1, 1, 1000, 1), "dgx-h100")
    with pytest.raises(SizingInputError, match="did you mean dgx-h100"):
        size(kb, W, "dgx-h10")
    with pytest.raises(SizingInputError) as refused:
        size(kb, W, "amd-mi300x-platform")
    assert str(refused.value) == (
        "cannot size throughput and latency on CDNA 3 accelerators served with TensorRT-LLM: the"
        " knowledge base has no published measurements of that combination to calibrate the"
        " serving model against, and refarch does not guess; throughput and latency can be"
        " sized for: Blackwell with TensorRT-LLM, Hopper with TensorRT-LLM"
    )


def test_compare_keeps_refusals_per_system(kb: KnowledgeBase) -> None:
    w = Workload("llama-3.1-405b", "bf16", 100, 1000, 200, 5000, 10)
    rows = dict(compare(kb, w, ["dgx-h100", "dgx-h200"]))
    assert isinstance(rows["dgx-h100"], SizingRefused)
    assert getattr(rows["dgx-h200"], "systems", 0) >= 1


def test_curve_batches_and_frontier() -> None:
    from linter.sizing.curve import CurvePoint, batches, frontier

    assert batches(1000, 4) == [1, 10, 100, 1000]
    assert batches(5, 40) == [1, 2, 3, 4, 5]
    assert batches(0, 10) == [] and batches(7, 1) == [7]
    pts = [
        CurvePoint(1, 1, 100.0, 10.0, 1.0),
        CurvePoint(1, 8, 80.0, 60.0, 1.0),
        CurvePoint(2, 8, 90.0, 50.0, 1.0),
        CurvePoint(2, 64, 30.0, 55.0, 1.0),  # slower and less per GPU than (1, 8): dominated
        CurvePoint(1, 64, 20.0, 300.0, 1.0),
    ]
    assert [(p.tensor_parallel, p.batch) for p in frontier(pts)] == [
        (1, 1),
        (2, 8),
        (1, 8),
        (1, 64),
    ]
