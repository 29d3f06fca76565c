"""The throughput-interactivity curve: tokens/s per GPU against tokens/s per user.

For one model, precision, request shape and system: every tensor-parallel size that holds a
replica, at batch sizes spread evenly on a log scale from one sequence to what the KV cache
holds, each run through the same step model as ``refarch size``. The curve is the frontier of
those points: no other point gives more tokens/s per GPU at as many tokens/s per user.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from linter.kb.specs import check_precision, default_kv_precision, load_model, load_system
from linter.kb.store import KnowledgeBase
from linter.sizing.calibration import factors_for
from linter.sizing.memory import kv_capacity_sequences, tp_candidates
from linter.sizing.perf import Replica


@dataclass(frozen=True)
class CurvePoint:
    tensor_parallel: int
    batch: int  # sequences in flight per replica
    tokens_per_s_per_user: float
    tokens_per_s_per_gpu: float
    ttft_mean_ms: float


@dataclass(frozen=True)
class Curve:
    system: str
    efficiency: str
    evaluated: int  # operating points computed
    frontier: tuple[CurvePoint, ...]  # by tokens/s per user, descending


def batches(capacity: int, points: int) -> list[int]:
    """Up to ``points`` batch sizes from 1 to ``capacity``, evenly spread on a log scale."""
    if capacity < 1 or points < 1:
        return []
    if points == 1 or capacity == 1:
        return [capacity]
    step = math.log(capacity) / (points - 1)
    return sorted({max(1, min(capacity, round(math.exp(i * step)))) for i in range(points)})


def frontier(cands: list[CurvePoint]) -> tuple[CurvePoint, ...]:
    """The points no other point beats on both tokens/s per user and tokens/s per GPU."""
    out: list[CurvePoint] = []
    best = -1.0
    for p in sorted(cands, key=lambda p: (-p.tokens_per_s_per_user, -p.tokens_per_s_per_gpu)):
        if p.tokens_per_s_per_gpu > best + 1e-9:
            out.append(p)
            best = p.tokens_per_s_per_gpu
    return tuple(out)


def curve(
    kb: KnowledgeBase,
    model_id: str,
    precision: str,
    system_id: str,
    input_tokens: int,
    output_tokens: int,
    stack: str,
    points: int = 40,
    kv_precision: str | None = None,
    output_cv: float = 0.0,
) -> Curve:
    model, system = load_model(kb, model_id), load_system(kb, system_id)
    gpu, precision = system.gpu, check_precision(precision)
    kvp = kv_precision or default_kv_precision(precision)
    f = factors_for(kb, gpu.generation, stack)
    cands: list[CurvePoint] = []
    for tp in tp_candidates(model, system):
        seq = input_tokens + output_tokens
        cap = kv_capacity_sequences(model, gpu, precision, kvp, tp, seq, f.memory_usable_pct)
        replica = Replica(
            model, gpu, precision, kvp, tp, input_tokens, output_tokens, f, output_cv=output_cv
        )
        for b in batches(cap, points):
            op = replica.operate(b)
            if not math.isfinite(op.ttft_s):
                continue
            cands.append(
                CurvePoint(
                    tensor_parallel=tp,
                    batch=b,
                    tokens_per_s_per_user=op.tokens_per_s_per_user,
                    tokens_per_s_per_gpu=op.output_tokens_per_s / tp,
                    ttft_mean_ms=op.ttft_mean_s * 1000.0,
                )
            )
    return Curve(system.id, f.id, len(cands), frontier(cands))


def curve_json(c: Curve) -> dict[str, object]:
    return {
        "system": c.system,
        "efficiency": c.efficiency,
        "evaluated": c.evaluated,
        "frontier": [
            {
                "tensor_parallel": p.tensor_parallel,
                "batch": p.batch,
                "tokens_per_s_per_user": round(p.tokens_per_s_per_user, 2),
                "tokens_per_s_per_gpu": round(p.tokens_per_s_per_gpu, 1),
                "ttft_mean_ms": round(p.ttft_mean_ms, 1),
            }
            for p in c.frontier
        ],
    }


def curve_text(c: Curve) -> str:
    head = (
        f"{c.system} ({c.efficiency}): {len(c.frontier)} frontier points of "
        f"{c.evaluated} evaluated\n"
        "  tok/s/user  tok/s/GPU   TP  batch  mean TTFT ms\n"
    )
    rows = "".join(
        f"  {p.tokens_per_s_per_user:>10,.1f}  {p.tokens_per_s_per_gpu:>9,.0f}  "
        f"{p.tensor_parallel:>3}  {p.batch:>5}  {p.ttft_mean_ms:>12,.0f}\n"
        for p in c.frontier
    )
    return head + rows
