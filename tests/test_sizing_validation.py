"""The serving model against published measurements it was not fitted to (held-out points of
the shipped KB). Each test asserts a band around a cited measurement, never a number the
engine produced; the sources are in the efficiency files (aic-silicon: NVIDIA Dynamo
AIConfigurator silicon_sample.csv @095f58a; nim-bench: NIM 1.8.0 benchmark tables;
trtllm-perf: TensorRT-LLM performance overview @00f3768; mlperf-v51*: MLPerf Inference v5.1
results @965182b; mlperf-v60*, mlperf-v61*: MLPerf Inference v6.0 @ab33b21 and v6.1 @5174fca;
aic-moe, aic-dense, aic-deepseek-b200, aic-minimax, aic-nightly: more rows of the same
AIConfigurator file)."""

from __future__ import annotations

import re
import statistics

import pytest

from linter.kb.store import KnowledgeBase
from linter.sizing.calibration import Check, evaluate


@pytest.fixture(scope="module")
def checks(live_kb: KnowledgeBase) -> dict[str, Check]:
    out: dict[str, Check] = {}
    for eff in live_kb.efficiencies():
        for c in evaluate(live_kb, eff, split="holdout"):
            out[c.point.id] = c
    return out


@pytest.fixture(scope="module")
def every(live_kb: KnowledgeBase) -> dict[str, Check]:
    """Fit and held-out points alike: for ratios whose one side was fitted."""
    return {c.point.id: c for eff in live_kb.efficiencies() for c in evaluate(live_kb, eff)}


def test_interactivity_costs_per_gpu_throughput_on_h200_and_b200(
    checks: dict[str, Check],
) -> None:
    """AIConfigurator, Llama-3.1-70B on H200 and B200 (TensorRT-LLM and vLLM), every held-out
    pair of runs at 4 and 64 sequences in flight: per-GPU throughput at 64 over that at 4 is
    16 x ITL(4) / ITL(64). Published, it is 3.6-11.7x while per-user speed falls from 38-160
    to 9-100 tokens/s: interactivity costs throughput. The model must show that cost (the
    issue measured 1.00-1.09x before) with a median error within the 30 % throughput target
    (measured 16 %). Known misses, reported in ACCURACY.md: a prompt-heavy 8,192/1,024 run at
    TP1 and TRT-LLM TP8 on H200, up to +57 %."""
    gains: list[tuple[str, float, float]] = []
    for pid, lo in checks.items():
        m = re.fullmatch(r"(aic-l70b-(h200|b200)-.*)-c4-itl", pid)
        hi = checks.get(f"{m.group(1)}-c64-itl") if m else None
        if m and hi:
            published = 16 * lo.point.published / hi.point.published
            gains.append((m.group(1), published, 16 * lo.estimate / hi.estimate))
    assert len(gains) == 36
    assert {g[0].split("-")[2] for g in gains} == {"h200", "b200"}
    assert min(p for _, p, _ in gains) >= 3.6  # the published cost is real everywhere
    errors = [e / p - 1 for _, p, e in gains]
    assert all(e >= 3.0 for _, _, e in gains)  # the model charges it everywhere too
    assert statistics.median(abs(e) for e in errors) <= 0.30
    assert max(abs(e) for e in errors) <= 0.60


@pytest.mark.parametrize(("isl", "osl"), [(1000, 1000), (5000, 500)])
def test_moe_against_a_dense_70b_per_gpu(every: dict[str, Check], isl: int, osl: int) -> None:
    """TensorRT-LLM performance overview, H100 SXM, FP8, maximum throughput: Qwen3-235B-A22B
    (22B active) on 8 GPUs gives 14,898 and 3,225 tokens/s against Llama 3.3 70B's 4,205 and
    898 on 2, so per GPU the MoE reaches 0.89-0.90x the dense model, not the 3.2x its active
    parameters suggest. The MoE points are held out; the model's ratio is within the 30 %
    throughput target of the published one."""
    moe = every[f"q235b-h100-tp8-{isl}-{osl}-max-throughput"]
    dense = every[f"l70b-h100-tp2-{isl}-{osl}-max-throughput"]
    assert moe.point.split == "holdout"
    published = (moe.point.published / 8) / (dense.point.published / 2)
    assert 0.88 <= published <= 0.91
    assert moe.estimate / 8 / (dense.estimate / 2) == pytest.approx(published, rel=0.30)


@pytest.mark.xfail(strict=True, reason="short-prompt MoE throughput +58 % over published")
def test_moe_against_a_dense_70b_short_prompts(every: dict[str, Check]) -> None:
    """The same pair at 128 in / 2,048 out: published 0.74x per GPU (19,658 on 8 against
    6,651 on 2). The model gives 1.17x, outside the target; strict, so a fix shows."""
    moe = every["q235b-h100-tp8-128-2048-max-throughput"]
    dense = every["l70b-h100-tp2-128-2048-max-throughput"]
    published = (moe.point.published / 8) / (dense.point.published / 2)
    assert moe.estimate / 8 / (dense.estimate / 2) == pytest.approx(published, rel=0.30)


def test_deepseek_r1_fp4_on_8_b200_under_load(checks: dict[str, Check]) -> None:
    """AIConfigurator, DeepSeek-R1 NVFP4 on 8 x B200 with TensorRT-LLM, 1,024 in / 1,024 out,
    128 sequences in flight: 15.01 ms per output token (67 tokens/s per user). Held out; the
    model used to come out 3.5-4.6x fast on this system. Within the 25 % latency target."""
    c = checks["aic-dsr1-b200-trtllm-fp4-tp8-1024-1024-c128-itl"]
    assert c.point.published == pytest.approx(15.01)
    assert abs(c.error) <= 0.25, (c.point.published, c.estimate)


DSR1_B200_SHAPES = ("1024-1024", "1024-8192", "8192-1024")


def test_deepseek_r1_v3_fp4_on_8_b200_interactive_within_the_published_range(
    checks: dict[str, Check],
) -> None:
    """AIConfigurator, DeepSeek-R1/V3 NVFP4 on 8 x B200 with TensorRT-LLM at tensor parallel 8,
    4 sequences in flight (133-280 tokens/s per user, an interactive SLO), at each of three
    request shapes. The published measurements disagree by version: TensorRT-LLM 1.2.0rc6.post3
    3.574-4.339 ms per output token, 1.2.0rc6.post2 7.071-7.496 ms, 1.6-2.0x apart. The
    model, fitted to neither, lies within that range at every shape (4.8-5.4 ms: +11..+36 %
    against post3, -27..-33 % against post2)."""
    published = {
        "1024-1024": (4.339, 7.189),
        "1024-8192": (3.574, 7.071),
        "8192-1024": (4.307, 7.496),
    }
    for shape in DSR1_B200_SHAPES:
        post3 = checks[f"aic-dsr1-b200-trtllm-fp4-tp8-{shape}-c4-itl"]
        post2 = checks[f"aic-dsv3-b200-trtllm-fp4-tp8-{shape}-c4-trt120rc6post2-itl"]
        assert "1.2.0rc6.post3" in post3.point.software, shape
        assert "1.2.0rc6.post2" in post2.point.software, shape
        assert (post3.point.published, post2.point.published) == published[shape]
        assert post3.point.concurrency == post2.point.concurrency == 4
        assert post3.estimate == post2.estimate  # the same configuration
        assert post3.point.published <= post3.estimate <= post2.point.published, shape


def test_deepseek_r1_v3_fp4_on_b200_every_published_latency(checks: dict[str, Check]) -> None:
    """Every held-out DeepSeek-R1/V3 NVFP4 B200 TensorRT-LLM run with tensor-parallel attention
    (AIConfigurator: TP 4 and 8, expert or tensor parallel experts, 4-256 in flight, four
    TensorRT-LLM versions): 62 inter-token latencies, 3.574-63.35 ms. The median error is
    within the 25 % latency target (measured 19 %; worst +43 %, a 1.2.0rc6.post3 run at TP 8,
    64 in flight)."""
    itl = [
        c for pid, c in checks.items()
        if re.fullmatch(r"aic-ds(r1|v3)-b200-trtllm-fp4-.*-itl", pid)
    ]  # fmt: skip
    assert len(itl) == 62
    assert min(c.point.published for c in itl) == 3.574
    assert max(c.point.published for c in itl) == 63.35
    assert statistics.median(abs(c.error) for c in itl) <= 0.25


@pytest.mark.xfail(strict=True, reason="DeepSeek-R1 ITL +11..+36 % over TRT-LLM 1.2.0rc6.post3")
def test_deepseek_r1_fp4_on_8_b200_interactive_newest_version(checks: dict[str, Check]) -> None:
    """The 1.2.0rc6.post3 runs alone at 4 sequences in flight: 3.57-4.34 ms per token
    (230-280 tokens/s per user). The model gives 4.8-5.4 ms (+11..+36 %); strict, so a fix
    shows."""
    for shape in DSR1_B200_SHAPES:
        pid = f"aic-dsr1-b200-trtllm-fp4-tp8-{shape}-c4-itl"
        assert abs(checks[pid].error) <= 0.25, pid


def test_ttft_rises_sharply_past_the_kv_bound_concurrency(checks: dict[str, Check]) -> None:
    """NIM 1.8.0, Llama 3.3 70B FP8 on 2 x H100, 20,000 in / 2,000 out: TTFT 2.9 s at
    concurrency 5, 124 s at 50 (42.6x) once requests queue for KV-cache slots."""
    c = {n: checks[f"l70b-h100-tp2-20000-2000-c{n}-ttft"] for n in (1, 5, 50, 100, 250)}
    assert c[50].point.published / c[5].point.published == pytest.approx(42.6, abs=0.05)
    assert c[50].estimate / c[5].estimate >= 10  # a sharp rise, not a gentle queue
    for n in (50, 100, 250):  # past the knee: within a factor of two of the published TTFT
        assert 0.5 <= c[n].estimate / c[n].point.published <= 2.0, n
    assert abs(c[1].error) <= 0.25  # and one request alone within the latency target


def test_h200_over_h100_on_a_decode_heavy_70b(checks: dict[str, Check]) -> None:
    """AIConfigurator, vLLM, Llama-3.1-70B FP8 at TP 8, 1,024 in / 8,192 out: H100's
    inter-token latency is 1.16-1.21x H200's; the model's ratio is within 10 % of it."""
    for conc in (4, 16, 64):
        h100 = checks[f"aic-l70b-h100-vllm-fp8-tp8-1024-8192-c{conc}-itl"]
        h200 = checks[f"aic-l70b-h200-vllm-fp8-tp8-1024-8192-c{conc}-itl"]
        published = h100.point.published / h200.point.published
        assert 1.15 <= published <= 1.22
        assert h100.estimate / h200.estimate == pytest.approx(published, rel=0.10), conc


@pytest.mark.parametrize("tp", [1, 8])
def test_a_vllm_small_batch_latency(checks: dict[str, Check], tp: int) -> None:
    """AIConfigurator, vLLM on H200, Llama-3.1-70B FP8, four sequences in flight, 1,024 in /
    8,192 out: the inter-token latency within the 25 % latency target."""
    c = checks[f"aic-l70b-h200-vllm-fp8-tp{tp}-1024-8192-c4-itl"]
    assert c.point.split == "holdout" and c.point.concurrency == 4
    assert abs(c.error) <= 0.25, (c.point.published, c.estimate)


def test_sglang_dense_latency_at_tensor_parallel_sizes_the_fit_never_saw(
    checks: dict[str, Check],
) -> None:
    """AIConfigurator, SGLang 0.5.6.post2 on H200, Llama-3.1-8B-Instruct FP8 at TP 4 and 8
    (the fit saw TP 1 and 2), input 1,000-8,000 and output 100-2,000 tokens at 48-512
    sequences in flight: 22.8-34.3 ms per output token. Held out; the inter-token latency's
    median error is within 10 % and its worst (TP 8, 1,000 in / 2,000 out at 512 in flight,
    -26 %) within 30 %."""
    itl = {
        k: c for k, c in checks.items() if re.fullmatch(r"aic-l8b-h200-sglang-fp8-tp[48]-.*-itl", k)
    }
    assert len(itl) == 18
    assert itl["aic-l8b-h200-sglang-fp8-tp4-1000-100-c352-itl"].point.published == 33.21
    assert itl["aic-l8b-h200-sglang-fp8-tp8-1000-500-c512-itl"].point.published == 22.79
    assert all(c.point.split == "holdout" for c in itl.values())
    errors = [abs(c.error) for c in itl.values()]
    assert statistics.median(errors) <= 0.10
    assert max(errors) <= 0.30


MLPERF_CDNA3_HELD_OUT = ("dell-mi300x", "gigacomputing-mi325x", "asustek-mi325x",
                         "mitac-mi325x", "quanta-mi325x", "vultr-mi325x")  # fmt: skip


def _interactive_over_server(
    checks: dict[str, Check], system: str, run: str = "mlperf51-"
) -> tuple[float, float]:
    """Per-GPU throughput of a system's MLPerf Interactive run over its Server run, published
    and estimated (same GPUs, so the per-GPU ratio is the system ratio); ``run`` is the ids'
    prefix before the system (the round)."""
    server = checks[f"{run}{system}-server-throughput"]
    interactive = checks[f"{run}{system}-interactive-throughput"]
    published = interactive.point.published / server.point.published
    return published, interactive.estimate / server.estimate


def test_mlperf_interactivity_cost_on_mi300x_and_mi325x_held_out_systems(
    checks: dict[str, Check],
) -> None:
    """MLPerf Inference v5.1, Llama 2 70B FP8 with vLLM on eight MI300X or MI325X, built and
    run by six submitters other than AMD (whose own runs are the fit): the Interactive
    scenario (~35 ms per token, 28-29 tokens/s per user) serves 0.34-0.59x the Server
    scenario's throughput (~145 ms per token). The model charges that cost within 20 % on
    every system, and every held-out throughput is within the 30 % target (measured: worst
    +20 %, Dell MI300X Server)."""
    for system in MLPERF_CDNA3_HELD_OUT:
        published, estimated = _interactive_over_server(checks, system)
        assert 0.34 <= published <= 0.60, system
        assert estimated == pytest.approx(published, rel=0.20), system
    held = [
        c for pid, c in checks.items() if pid.startswith("mlperf51-") and "mi3" in pid
        and "mixtral" not in pid
    ]  # fmt: skip
    assert len(held) == 18
    assert all(abs(c.error) <= 0.30 for c in held), [(c.point.id, c.error) for c in held]


MLPERF_CDNA4_HELD_OUT = tuple(
    f"mlperf60-{s}" for s in ("dell", "gigacomputing", "hpe", "oracle", "supermicro")
) + tuple(f"mlperf61-{s}" for s in ("amd", "dell", "hpe", "mitac", "oracle", "supermicro"))


def test_mlperf_on_mi355x_held_out_systems_and_a_later_release(checks: dict[str, Check]) -> None:
    """MLPerf Inference v6.0 and v6.1, Llama 2 70B in MXFP4 with vLLM on eight MI355X, one
    replica per GPU: cdna4-vllm is fitted to AMD's three v6.0 runs alone. Held out: five other
    submitters' v6.0 systems and six submitters' v6.1 runs (AMD's included) on a later vLLM
    and ROCm release (0.22, 7.2): Offline 99,870-106,500 tokens/s, Server 95,540-104,500,
    Interactive 70,420-74,390. The Interactive scenario (~32-35 ms per token) serves
    0.70-0.75x the Server one (~126-161 ms); the model charges that cost within 10 % on every
    system, and every held-out throughput is within 10 % (measured: worst -8.0 %, MiTAC's
    v6.1 Interactive run)."""
    for system in MLPERF_CDNA4_HELD_OUT:
        published, estimated = _interactive_over_server(checks, f"{system}-mi355x", run="")
        assert 0.70 <= published <= 0.75, system
        assert estimated == pytest.approx(published, rel=0.10)
    held = [c for c in checks.values() if c.point.accelerator == "mi355x"]
    assert len(held) == 33
    assert {c.point.model for c in held} == {"llama-2-70b"}
    assert all(abs(c.error) <= 0.10 for c in held), [(c.point.id, c.error) for c in held]


@pytest.mark.parametrize("submitter", ["dell-mi300x", "gigacomputing-mi325x", "mitac-mi325x"])
@pytest.mark.parametrize("scenario", ["offline", "server", "interactive"])
def test_mlperf_mi355x_over_the_same_submitters_mi300x_or_mi325x(
    checks: dict[str, Check], submitter: str, scenario: str
) -> None:
    """The same submitter's eight-GPU system one CDNA generation apart, Llama 2 70B with vLLM:
    MI355X (MXFP4, MLPerf v6.0 for Dell and GigaComputing, v6.1 for MiTAC) over MI300X or
    MI325X (FP8, v5.1). Published, the newer system serves 2.91-8.35x the older one's tokens/s
    (the most, 8.35x, in Dell's Interactive scenario, where MI300X holds 32 ms per token with
    few sequences). Every point on both sides is held out of its set's fit (each set is fitted
    to AMD's own runs); the model's ratio is within 25 % of the published one on every pair
    (measured: -14..+13 %)."""
    old = checks[f"mlperf51-{submitter}-{scenario}-throughput"]
    company = submitter.split("-")[0]
    new = (
        checks.get(f"mlperf60-{company}-mi355x-{scenario}-throughput")
        or checks[f"mlperf61-{company}-mi355x-{scenario}-throughput"]
    )
    assert (old.point.precision, new.point.precision) == ("fp8", "mxfp4")
    assert old.point.gpus == new.point.gpus == 8
    published = new.point.published / old.point.published
    assert 2.9 <= published <= 8.4
    assert new.estimate / old.estimate == pytest.approx(published, rel=0.25)


def _b300(checks: dict[str, Check]) -> list[Check]:
    """The held-out MLPerf v6.x runs on B300 (the SGLang and vLLM sets' B300 points are
    AIConfigurator's, not MLPerf)."""
    return [
        c
        for pid, c in checks.items()
        if c.point.accelerator == "b300" and pid.startswith("mlperf6")
    ]


def test_mlperf_offline_and_server_on_b300_partner_systems(checks: dict[str, Check]) -> None:
    """MLPerf Inference v6.0 and v6.1, NVFP4 with TensorRT-LLM on eight B300, one replica per
    GPU: blackwell-ultra-trtllm is fitted to NVIDIA's own v6.0 Llama 2 70B and Llama 3.1 8B
    Offline and Server runs. Held out: ASUSTeK's, Cisco's, Dell's and GigaComputing's v6.0
    systems and Cisco's v6.1 Llama 3.1 8B runs (Llama 2 70B 102,200-115,700 tokens/s, Llama
    3.1 8B 141,500-173,900). Every Offline and Server run is within 15 % (measured: -10.0..
    +6.8 %, the low end Cisco's v6.1 Llama 3.1 8B Server run), and so are both Llama 3.1 8B
    Interactive runs (+4.7 and +6.6 %)."""
    held = [c for c in _b300(checks) if "interactive" not in c.point.id or "-l8b-" in c.point.id]
    assert len(held) == 16
    assert {c.point.model for c in held} == {"llama-2-70b", "llama-3.1-8b"}
    assert all(abs(c.error) <= 0.15 for c in held), [(c.point.id, c.error) for c in held]


@pytest.mark.xfail(strict=True, reason="B300 Llama 2 70B Interactive +25..+32 %")
def test_mlperf_llama_2_70b_interactive_on_b300(checks: dict[str, Check]) -> None:
    """Dell's and GigaComputing's v6.0 Llama 2 70B Interactive runs on eight B300 (70,720 and
    65,460 tokens/s at 29-32 ms per token) are over-estimated by +25 and +32 %, as NVIDIA's
    B200 Interactive run is by blackwell-trtllm: the fit's Llama 2 70B Server run (124 ms per
    token) does not show what a 40 ms bound costs. Strict, so a fix shows."""
    interactive = [
        c for c in _b300(checks) if "interactive" in c.point.id and "-l8b-" not in c.point.id
    ]
    assert len(interactive) == 2
    assert all(abs(c.error) <= 0.20 for c in interactive)


def _minimax_itl(checks: dict[str, Check], gpu: str) -> dict[str, Check]:
    """The held-out MiniMax-M2.5 inter-token latencies on one GPU (AIConfigurator's rows)."""
    return {k: c for k, c in checks.items() if re.fullmatch(rf"aic-mm25-{gpu}-vllm-.*-itl", k)}


def test_minimax_latency_on_b300_with_vllm_at_a_prompt_length_the_fit_never_saw(
    checks: dict[str, Check],
) -> None:
    """AIConfigurator, MiniMax-M2.5 (FP8 and NVFP4) on B300 with vLLM, tensor parallel 1-8:
    blackwell-ultra-vllm is fitted to the 1024/1024 shape on vLLM 0.19.0. Held out: the
    8192/1024 shape at 4-512 in flight (5.668-94.15 ms per token) and every run of the earlier
    nightly build (both shapes). The inter-token latency's median error is within 15 %
    (measured 12 %) and its worst within 50 % (measured +46 %, 8192-token prompts at 512 in
    flight)."""
    itl = _minimax_itl(checks, "b300")
    assert len(itl) == 56
    assert itl["aic-mm25-b300-vllm-fp8-tp4-8192-1024-c512-itl"].point.published == 94.15
    assert itl["aic-mm25-b300-vllm-fp4-tp8-8192-1024-c4-itl"].point.published == 5.668
    assert itl["aic-mm25-b300-vllm-nightly-fp8-tp2-1024-1024-c4-itl"].point.published == 9.245
    assert all(c.point.split == "holdout" for c in itl.values())
    errors = [abs(c.error) for c in itl.values()]
    assert statistics.median(errors) <= 0.15
    assert max(errors) <= 0.50


@pytest.mark.xfail(strict=True, reason="long-prompt ITL cost of MiniMax on B300 +24..+48 %")
def test_minimax_long_prompt_itl_cost_on_b300_at_128_in_flight_and_more(
    every: dict[str, Check],
) -> None:
    """What an 8,192-token prompt costs each output token against a 1,024-token one, same
    precision, tensor-parallel size and load (vLLM 0.19.0 on B300): published 1.70-2.60x at
    128-512 in flight. Estimated 2.33-3.84x (+24..+48 %). A likely cause: the set's one FLOPs
    share (12 %, fitted where decode's grouped GEMMs see few tokens per expert) also prices
    the prompt chunks each step carries, whose many tokens per expert run closer to peak; a
    tile model of that fits worse (the method page has the numbers). Strict, so a fix
    shows."""
    ratios = []
    for k, c in every.items():
        m = re.fullmatch(r"aic-mm25-b300-vllm-(fp[48]-tp\d)-8192-1024-c(\d+)-itl", k)
        if m and int(m.group(2)) >= 128:
            short = every[k.replace("-8192-1024-", "-1024-1024-")]
            published = c.point.published / short.point.published
            ratios.append(c.estimate / short.estimate / published - 1)
    assert len(ratios) == 9
    assert all(abs(r) <= 0.25 for r in ratios), ratios


def test_minimax_latency_on_b200_with_vllm_a_model_the_fit_never_saw(
    checks: dict[str, Check],
) -> None:
    """AIConfigurator, MiniMax-M2.5 (FP8 and NVFP4) on B200 with vLLM 0.17.0, 0.19.0 and a
    nightly build, tensor parallel 1-8, 4-512 in flight: blackwell-vllm is fitted to dense
    Llama-3.1-70B only. The inter-token latency's median error is within 10 % (measured 7 %);
    its worst is -43 %."""
    itl = _minimax_itl(checks, "b200")
    assert len(itl) == 117
    assert itl["aic-mm25-b200-vllm-v019-fp8-tp2-1024-1024-c4-itl"].point.published == 9.371
    assert all(c.point.split == "holdout" for c in itl.values())
    assert statistics.median(abs(c.error) for c in itl.values()) <= 0.10


@pytest.mark.xfail(strict=True, reason="MiniMax-M2.5 on H200 with vLLM: ITL median -35 %")
def test_minimax_latency_on_h200_with_vllm_a_model_the_fit_never_saw(
    checks: dict[str, Check],
) -> None:
    """The same model on H200 (FP8, vLLM 0.16.0 and 0.18.0, tensor parallel 4 and 8, 4-128 in
    flight): hopper-vllm, fitted to dense Llama-3.1-70B, under-estimates every inter-token
    latency (-17..-52 %, median -35 %), as it does Qwen3-235B-A22B's. Strict, so a fix
    shows."""
    itl = _minimax_itl(checks, "h200")
    assert len(itl) == 33
    assert statistics.median(abs(c.error) for c in itl.values()) <= 0.25


@pytest.mark.parametrize("system", ["dell-h200", "nvidia-b200", "nvidia-gb200x4"])
def test_mlperf_offline_and_server_on_h200_b200_and_gb200(
    checks: dict[str, Check], system: str
) -> None:
    """MLPerf Inference v5.1, Llama 2 70B with TensorRT-LLM, one replica per GPU (Dell XE9680,
    eight H200, FP8: 35,320 and 33,240 tokens/s; NVIDIA, eight B200, NVFP4: 101,500 and
    99,120; NVIDIA, four GB200, NVFP4: 51,740 and 49,360): held out of sets fitted to other
    sources, each within 20 % (measured -15..-2 %, the low end B200 Offline)."""
    for scenario in ("offline", "server"):
        c = checks[f"mlperf51-{system}-{scenario}-throughput"]
        assert c.point.split == "holdout" and c.point.replicas == c.point.gpus in (4, 8)
        assert abs(c.error) <= 0.20, (c.point.id, c.point.published, c.estimate)


@pytest.mark.parametrize(
    "system",
    [
        "dell-h200",
        pytest.param(
            "nvidia-b200",
            marks=pytest.mark.xfail(strict=True, reason="B200 charges 0.89x against 0.60x"),
        ),
    ],
)
def test_mlperf_interactivity_cost_on_h200_and_b200(checks: dict[str, Check], system: str) -> None:
    """The same systems' Interactive runs serve 0.66x (H200) and 0.60x (B200) their Server
    throughput. With hopper-trtllm's smooth roofline (the weight read and the matrix
    multiplies overlap less near the ridge, where the Interactive batch of ~100 sequences per
    H200 sits) the model charges 0.74x on H200, within 20 %. blackwell-trtllm, whose fit
    points keep the sharp roofline, charges almost nothing on B200 (0.89x); strict, so a fix
    shows."""
    published, estimated = _interactive_over_server(checks, system)
    assert 0.59 <= published <= 0.67
    assert estimated == pytest.approx(published, rel=0.20)


def test_mlperf_mixtral_on_mi300x_and_mi325x_a_model_the_cdna3_fit_never_saw(
    checks: dict[str, Check],
) -> None:
    """MLPerf Inference v5.1, Mixtral 8x7B FP8 with vLLM on eight MI300X or MI325X (AMD and
    six other submitters; Offline 53,020-70,040 tokens/s, Server 47,800-59,780): cdna3-vllm
    is fitted to Llama 2 70B alone, so every Mixtral point is a mixture of experts it never
    saw. Each is within 25 % (measured: worst +21 %, MI300X Offline)."""
    mixtral = [
        c for pid, c in checks.items() if pid.startswith("mlperf51-mixtral-") and "mi3" in pid
    ]
    assert len(mixtral) == 16
    assert {c.point.model for c in mixtral} == {"mixtral-8x7b"}
    assert all(abs(c.error) <= 0.25 for c in mixtral), [(c.point.id, c.error) for c in mixtral]


MLPERF_CDNA3_SYSTEMS = ("amd-mi300x", "amd-mi325x") + MLPERF_CDNA3_HELD_OUT


@pytest.mark.parametrize("scenario", ["offline", "server"])
def test_mlperf_mixtral_against_a_dense_70b_on_mi300x_and_mi325x(
    checks: dict[str, Check], every: dict[str, Check], scenario: str
) -> None:
    """MLPerf Inference v5.1, the same eight-GPU MI300X or MI325X system with vLLM, FP8: Mixtral
    8x7B (12.9B active parameters) against Llama 2 70B. Published, Mixtral serves 1.79-2.08x
    the dense model's tokens/s, not the 5.4x of the active parameters (70B / 12.9B), over
    eight systems of AMD and six other submitters. Every Mixtral run is held out (AMD's Llama
    2 70B runs are the fit); the model's ratio is within 15 % of the published one on every
    system
    (measured: -2..+13 %)."""
    for system in MLPERF_CDNA3_SYSTEMS:
        moe = checks[f"mlperf51-mixtral-{system}-{scenario}-throughput"]
        dense = every[f"mlperf51-{system}-{scenario}-throughput"]
        assert moe.point.gpus == dense.point.gpus == 8
        assert (moe.point.model, dense.point.model) == ("mixtral-8x7b", "llama-2-70b")
        published = moe.point.published / dense.point.published
        assert 1.78 <= published <= 2.09, system
        assert moe.estimate / dense.estimate == pytest.approx(published, rel=0.15), system


@pytest.mark.xfail(strict=True, reason="Mixtral 8x7B on H200 with TensorRT-LLM -45..-46 %")
def test_mlperf_mixtral_on_h200(checks: dict[str, Check]) -> None:
    """MLPerf Inference v5.1, Mixtral 8x7B FP8 on eight H200 with TensorRT-LLM, one replica per
    GPU (ASUSTeK, HPE: 61,370-62,110 tokens/s Offline, 59,990-60,960 Server). hopper-trtllm's
    expert-GEMM share (21 %) is fitted to Qwen3-235B-A22B at tensor parallel 8 (128 experts,
    8 per token: a few tokens per expert per step); Mixtral's 8 experts, 2 per token, each see
    hundreds at TP 1, and the model comes out about half the published throughput: against
    HPE's Llama 2 70B runs on the same system it gives 1.02-1.03x where 1.78-1.84x was published.
    Strict, so a fix shows."""
    mixtral = [
        c for pid, c in checks.items() if pid.startswith("mlperf51-mixtral-") and "h200" in pid
    ]
    assert len(mixtral) == 4
    assert all(abs(c.error) <= 0.30 for c in mixtral), [(c.point.id, c.error) for c in mixtral]


def test_mlperf_llama_3_1_8b_on_h200(checks: dict[str, Check]) -> None:
    """MLPerf Inference v5.1, Llama 3.1 8B (CNN/DailyMail: 871-token prompts on average, 128
    tokens out) with TensorRT-LLM, one replica per GPU: HPE's eight H200 (FP8: 66,040 Offline,
    64,910 Server, 53,480 Interactive tokens/s). Held out; every scenario within 25 %
    (measured -5, -5 and -20 %). NVIDIA's B200 runs of the same model are blackwell-trtllm's
    second dense depth, so they are fitted, not checked."""
    for scenario in ("offline", "server", "interactive"):
        c = checks[f"mlperf51-l8b-hpe-h200-{scenario}-throughput"]
        assert c.point.model == "llama-3.1-8b" and c.point.input_tokens == 871
        assert abs(c.error) <= 0.25, (c.point.id, c.point.published, c.estimate)
    assert not any(pid.startswith("mlperf51-l8b-nvidia-b200") for pid in checks)


def _gpt_oss_itl(checks: dict[str, Check], accelerator: str, stack: str) -> list[Check]:
    return [
        c for c in checks.values()
        if c.point.model == "gpt-oss-120b" and c.point.accelerator == accelerator
        and c.point.metric == "itl_ms" and f"-{stack}-" in c.point.id
    ]  # fmt: skip


def test_gpt_oss_120b_latency_on_h200_with_tensorrt_llm_a_model_no_fit_saw(
    checks: dict[str, Check],
) -> None:
    """AIConfigurator, gpt-oss-120b (MXFP4, a mixture of experts no set is fitted to) on H200
    with TensorRT-LLM, TP 1-8, closed loops of 4-64 at 1024/1024, 1024/8192 and 8192/1024:
    60 inter-token latencies, published 4.2-30.6 ms. Median error within 15 % (measured 11 %)."""
    itl = _gpt_oss_itl(checks, "h200-sxm", "trtllm")
    assert len(itl) == 60
    assert statistics.median(abs(c.error) for c in itl) <= 0.15


@pytest.mark.parametrize(
    "stack",
    [
        pytest.param(
            "vllm", marks=pytest.mark.xfail(strict=True, reason="gpt-oss-120b on B200, vLLM: +43 %")
        ),
        "trtllm",
    ],
)
def test_gpt_oss_120b_latency_on_b200(checks: dict[str, Check], stack: str) -> None:
    """The same model on B200 (vLLM 0.15.1, TensorRT-LLM 1.2.0rc2): published 2.3-4.0 ms per
    token at four in flight. blackwell-trtllm's fixed cost is per layer (its fit points span
    two depths), so this 36-layer model pays 36/80 of a 70B's: median error within the 25 %
    latency target (measured 12 %). blackwell-vllm's, fitted to one depth, is per step and
    exceeds the whole measured step of this model with 5.1B active parameters (median
    +43 %); strict, so a fix shows."""
    itl = _gpt_oss_itl(checks, "b200", stack)
    assert len(itl) in (66, 74)
    assert statistics.median(abs(c.error) for c in itl) <= 0.25


def test_deepseek_v3_latency_on_h200_with_sglang_measured_with_tensor_parallel_attention(
    checks: dict[str, Check],
) -> None:
    """AIConfigurator, DeepSeek-V3 FP8 on 8 x H200 with SGLang 0.5.9, 8,192 in / 1,024 out,
    4-64 in flight, tensor-parallel attention (attention_dp_size 1): 11.27-50.24 ms per
    output token. Held out. Estimated with the layout the runs used (each GPU holds the
    whole MLA latent cache; the shared weights split across the GPUs), every point is within
    the 25 % latency target; it missed by up to +56 % while the estimate assumed
    data-parallel attention."""
    ids = [f"aic-dsv3-h200-sglang-fp8-tp8-8192-1024-c{n}-itl" for n in (4, 8, 16, 32, 64)]
    published = [checks[i].point.published for i in ids]
    assert published == [11.27, 14.37, 20.41, 31.97, 50.24]
    assert all(checks[i].point.attention_data_parallel is False for i in ids)
    for i in ids:
        assert abs(checks[i].error) <= 0.25, (i, checks[i].estimate)


DSR1_SUBMITTERS = ("nvidia", "dell-xe9680l", "dell-xe9685l", "gigacomputing", "google")


def test_mlperf_deepseek_r1_offline_on_b200_in_the_layout_refarch_sizes(
    checks: dict[str, Check],
) -> None:
    """MLPerf Inference v5.1, DeepSeek-R1 NVFP4 on 8 x B200 with TensorRT-LLM, attention
    data-parallel with 8-way expert parallelism: the layout `refarch size` assumes for MoE and
    MLA models. Five submitters (NVIDIA, two Dell systems, GigaComputing, Google), Offline
    30,490-33,380 output tokens/s. Held out. The dataset's outputs spread widely (coefficient
    of variation 1.25, up to 32,768 tokens), so the sequences in flight are the long ones
    and each step reads 2.1x the context of equal lengths; with that, every Offline run is
    within the 30 % throughput target (measured +10..+21 %)."""
    offline = [checks[f"mlperf51-dsr1-{sub}-b200-offline-throughput"] for sub in DSR1_SUBMITTERS]
    assert checks["mlperf51-dsr1-nvidia-b200-offline-throughput"].point.published == 33380
    assert all(c.point.output_tokens_cv == 1.25 for c in offline)
    for c in offline:
        assert abs(c.error) <= 0.30, (c.point.id, c.error)


@pytest.mark.xfail(strict=True, reason="DeepSeek-R1 on 8 x B200, MLPerf Server: +92..+156 %")
def test_mlperf_deepseek_r1_server_on_b200_in_the_layout_refarch_sizes(
    checks: dict[str, Check],
) -> None:
    """The same systems' Server runs: 13,910-18,590 output tokens/s within their 1.6-1.8 s P99
    TTFT and 58-66 ms per output token. The model over-estimates them by 92-156 % (it fits
    some 2,400 sequences within 66 ms where the run held about 1,230): it does not model the
    expert all-to-all, the stalls of unchunked prefill, or load imbalance across the
    data-parallel ranks. Strict, so a fix shows; ACCURACY.md reports it."""
    assert checks["mlperf51-dsr1-nvidia-b200-server-throughput"].point.published == 18590
    for sub in DSR1_SUBMITTERS:
        c = checks[f"mlperf51-dsr1-{sub}-b200-server-throughput"]
        assert abs(c.error) <= 0.30, (c.point.id, c.error)


def _held(checks: dict[str, Check], prefix: str, metric: str) -> list[Check]:
    return [c for pid, c in checks.items() if pid.startswith(prefix) and pid.endswith(metric)]


def test_qwen3_235b_latency_on_h100_with_tensorrt_llm_expert_parallel(
    checks: dict[str, Check],
) -> None:
    """AIConfigurator, Qwen3-235B-A22B FP8 on 4 or 8 x H100 with TensorRT-LLM 1.0.0rc3, experts
    split by expert parallelism, prompts of 128-1,024 and outputs of 128-512 tokens at 4-128 in
    flight: 126 inter-token latencies, published 11.43-70.62 ms. hopper-trtllm's expert-GEMM
    share is fitted to this model's maximum-throughput runs only; on these latency-bound
    closed loops it never saw, the median error is within 10 % (measured 9 %) and 114 of the
    126 points are within the 25 % latency target (worst -40 %)."""
    itl = _held(checks, "aic-q235b-h100-trtllm-", "-itl")
    assert len(itl) == 126
    assert checks["aic-q235b-h100-trtllm-fp8-tp8-ep-512-512-c4-itl"].point.published == 11.51
    assert statistics.median(abs(c.error) for c in itl) <= 0.10
    assert sum(abs(c.error) <= 0.25 for c in itl) >= 110
    assert all(abs(c.error) <= 0.45 for c in itl)


def test_deepseek_r1_latency_on_8_h200_with_tensorrt_llm(checks: dict[str, Check]) -> None:
    """AIConfigurator, DeepSeek-R1 FP8 on 8 x H200 with TensorRT-LLM, tensor-parallel attention
    with the experts split by expert or tensor parallelism, 1024/1024, 1024/8192 and
    8192/1024 at 4-128 in flight: 30 inter-token latencies, published 7.1-48.3 ms. Held out
    (no Hopper TensorRT-LLM fit reads DeepSeek): median error within the 25 % latency target
    (measured 23 %), worst +39 %."""
    itl = _held(checks, "aic-dsr1-h200-trtllm-", "-itl")
    assert len(itl) == 30
    assert all(c.point.attention_data_parallel is False for c in itl)
    assert statistics.median(abs(c.error) for c in itl) <= 0.25
    assert all(abs(c.error) <= 0.40 for c in itl)


@pytest.mark.xfail(strict=True, reason="Qwen3-235B-A22B on H200 with vLLM: ITL -29..-65 %")
def test_qwen3_235b_latency_on_h200_with_vllm(checks: dict[str, Check]) -> None:
    """AIConfigurator, Qwen3-235B-A22B FP8 on 2 or 4 x H200 with vLLM 0.12.0, 1,000-8,000 in,
    100-2,000 out, 4-48 in flight: 51.4-58.7 ms per output token on 2 GPUs and 33.7-46.0 on
    4, nearly flat in the batch, where the model's expert reads grow with the experts the
    batch touches. hopper-vllm is fitted to Llama-3.1-70B alone and states no MoE factor; the
    model is 29-65 % fast on every point (median 45 %), an under-estimate of the GPUs needed.
    Strict, so a fix shows."""
    itl = _held(checks, "aic-q235b-h200-vllm-", "-itl")
    assert len(itl) == 32
    assert statistics.median(abs(c.error) for c in itl) <= 0.25


@pytest.mark.xfail(strict=True, reason="TensorRT-LLM's ~170 ms first-token floor: -77..-89 %")
def test_a_tensorrt_llm_first_token_floor_on_h100(checks: dict[str, Check]) -> None:
    """The Qwen3-235B-A22B H100 runs at four in flight publish a TTFT of 168.9-175.4 ms
    whatever the prompt (512 or 1,024 tokens) and the GPU count: a fixed cost per request.
    hopper-trtllm's TTFT fit points (NIM 1.8.0, one request at a time) show none, so the set
    states no request_overhead_ms and the model gives 19-41 ms. Strict, so a fix shows."""
    ttft = _held(checks, "aic-q235b-h100-trtllm-", "-c4-ttft")
    assert len(ttft) == 12
    published = [c.point.published for c in ttft]
    assert max(published) / min(published) <= 1.04  # a floor, not a prefill
    assert all(abs(c.error) <= 0.25 for c in ttft)


@pytest.mark.xfail(strict=True, reason="Llama-3.1-8B on H200 with vLLM: ITL +7..+147 %")
def test_llama_3_1_8b_latency_on_h200_with_vllm_a_depth_the_fit_never_saw(
    checks: dict[str, Check],
) -> None:
    """AIConfigurator, Llama-3.1-8B-Instruct FP8 on H200 with vLLM 0.12.0, TP 1-8, 1,000-8,000
    in, 100-2,000 out, 16-128 in flight: 7.46-23.81 ms per output token. hopper-vllm is
    fitted to Llama-3.1-70B alone; its cost per sequence per step (73.5 us) alone comes to
    8.2 ms of the 11.25 ms measured at 112 in flight on one GPU, so the model is 7-147 % slow
    (median 63 %): an over-estimate of the GPUs a small model needs. Strict, so a fix shows."""
    itl = _held(checks, "aic-l8b-h200-vllm-", "-itl")
    assert len(itl) == 21
    assert checks["aic-l8b-h200-vllm-fp8-tp1-1000-100-c112-itl"].point.published == 11.25
    assert statistics.median(abs(c.error) for c in itl) <= 0.25


def _partners(checks: dict[str, Check], interactive: bool) -> list[Check]:
    partners = [c for c in checks.values() if c.point.source == "mlperf-v51-partners"]
    return [c for c in partners if ("-interactive-" in c.point.id) is interactive]


def test_mlperf_llama_2_70b_offline_and_server_on_every_partner_system(
    checks: dict[str, Check],
) -> None:
    """MLPerf Inference v5.1, Llama 2 70B with TensorRT-LLM on the other submitters' single-node
    H200, H200 NVL, B200 and GB200 systems (ASUSTeK, Azure, Cisco, Dell, Dell/Broadcom,
    GigaComputing, Google, HPE, Lenovo, Nebius, Quanta): 37 Offline and Server runs, each
    with the precision and tensor parallelism its configuration file states. Held out of
    sets fitted to other sources. Median error within 10 % (measured 7 %), every run within
    the 30 % throughput target (measured -16..+10 %)."""
    runs = _partners(checks, interactive=False)
    assert len(runs) == 37
    assert {c.point.accelerator for c in runs} == {"h200-sxm", "h200-nvl", "b200", "gb200-gpu"}
    assert statistics.median(abs(c.error) for c in runs) <= 0.10
    assert all(abs(c.error) <= 0.30 for c in runs), [(c.point.id, c.error) for c in runs]


def test_mlperf_interactive_runs_on_every_partner_h200_sxm_system(
    checks: dict[str, Check],
) -> None:
    """The Interactive runs (450 ms TTFT, 40 ms per token) of the partner systems with eight
    H200 SXM (Cisco, Google, HPE, Nebius): each within 20 % (measured +4..+17 %)."""
    runs = [c for c in _partners(checks, interactive=True) if c.point.accelerator == "h200-sxm"]
    assert len(runs) == 4
    assert all(abs(c.error) <= 0.20 for c in runs), [(c.point.id, c.error) for c in runs]


@pytest.mark.xfail(strict=True, reason="MLPerf Interactive on H200 NVL and B200: +12..+47 %")
def test_mlperf_interactive_runs_on_the_other_partner_systems(checks: dict[str, Check]) -> None:
    """The other six Interactive runs: H200 NVL (Dell, Quanta) +25 and +42 %, B200 (Dell,
    GigaComputing, Nebius, Google) +12..+47 %, all over-estimates; ACCURACY.md reports them
    and `refarch size` re-counts its answer at the largest of its set. Strict, so a fix
    shows."""
    runs = [c for c in _partners(checks, interactive=True) if c.point.accelerator != "h200-sxm"]
    assert len(runs) == 6
    assert all(abs(c.error) <= 0.30 for c in runs), [(c.point.id, c.error) for c in runs]
