"""The serving model against published measurements it was not fitted to (held-out points of
the shipped KB). Each test asserts a band around a cited measurement, never a number the
engine produced; the sources are in the efficiency files (aic-silicon: NVIDIA Dynamo
AIConfigurator silicon_sample.csv @095f58a; nim-bench: NIM 1.8.0 benchmark tables)."""

from __future__ import annotations

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
