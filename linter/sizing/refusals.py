"""Why a workload cannot be sized, with the arithmetic: inputs out of range, a model that does
not fit, targets below the physical floor, and targets the calibrated factors cannot meet."""

from __future__ import annotations

from typing import NoReturn

from linter.core.errors import RefarchError
from linter.kb.specs import GpuSpec, ModelSpec, SizingInputError
from linter.sizing.memory import GB, weight_bytes_read
from linter.sizing.perf import TERA, Factors, Replica
from linter.sizing.workload import Workload


class SizingRefused(RefarchError):
    """The workload cannot be served as asked; the message says why, with the numbers."""

    def __init__(self, message: str, reason: str, target: str = "") -> None:
        super().__init__(message)
        self.reason = reason  # model-does-not-fit | below-physical-floor | target-not-met
        self.target = target  # the target that cannot be met: ttft | speed | ""


# The plan schema's bounds (workload.concurrent_users, input_tokens, output_tokens): beyond
# them the arithmetic leaves the range of a float.
_MAXIMA = {"users": 100_000_000, "input_tokens": 10_000_000, "output_tokens": 10_000_000}


def check_workload(w: Workload) -> None:
    for name in ("users", "input_tokens", "output_tokens"):
        if getattr(w, name) < 1:
            raise SizingInputError(f"{name.replace('_', ' ')} must be at least 1")
        if getattr(w, name) > _MAXIMA[name]:
            raise SizingInputError(f"{name.replace('_', ' ')} must be at most {_MAXIMA[name]:,}")
    if not (w.ttft_ms > 0 and w.tokens_per_s > 0):
        raise SizingInputError("the TTFT and per-user speed targets must be positive")


def refuse_unfit(
    model_id: str,
    w: Workload,
    sys_id: str,
    gpu_id: str,
    weights: float,
    kv_one: float,
    tmax: int,
    per_gpu: float,
    f: Factors,
    mem_gb: float,
) -> NoReturn:
    raise SizingRefused(
        f"{model_id} at {w.precision} does not fit one replica on {sys_id}: it needs "
        f"{weights / GB:,.0f} GB of weights plus {kv_one / GB:,.1f} GB of KV cache for one "
        f"{w.input_tokens + w.output_tokens}-token sequence, but the largest replica is "
        f"{tmax} x {gpu_id} (the NVLink domain, a divisor of the attention heads) with "
        f"{tmax * per_gpu / GB:,.0f} GB usable ({f.memory_usable_pct:g} % of {mem_gb:g} GB "
        "per GPU; the rest holds activations and runtime buffers). Use a narrower precision "
        "or a system with a larger NVLink domain.",
        "model-does-not-fit",
    )


def check_floors(
    model: ModelSpec,
    gpu: GpuSpec,
    precision: str,
    kvp: str,
    tmax: int,
    w: Workload,
    f: Factors,
) -> None:
    """Refuse targets no hardware of this kind can meet, even at 100 % of its peaks."""
    ideal = Factors(f.id, f.memory_usable_pct, 100.0, 100.0)
    r = Replica(model, gpu, precision, kvp, tmax, w.input_tokens, w.output_tokens, ideal)
    flops = w.input_tokens * (
        2 * model.active_params + r.attention_flops_per_token(w.input_tokens / 2)
    )
    floor_ms = (flops / (tmax * gpu.peak_tflops(precision) * TERA)) * 1000
    if w.ttft_ms < floor_ms:
        raise SizingRefused(
            f"a time to first token of {w.ttft_ms:g} ms is below the physical floor of "
            f"{floor_ms:,.1f} ms: one {w.input_tokens}-token prefill of {w.model} is "
            f"{flops / TERA:,.0f} TFLOP, and {tmax} x {gpu.id} (the largest replica) peak at "
            f"{tmax * gpu.peak_tflops(precision):,.0f} dense {precision} TFLOPS, with no queueing "
            "and no overhead. Shorten the prompt or relax the target.",
            "below-physical-floor",
            "ttft",
        )
    read = weight_bytes_read(model, precision, 1)
    step = read / (tmax * gpu.bandwidth_tb_s * TERA)
    if w.tokens_per_s > 1 / step:
        raise SizingRefused(
            f"{w.tokens_per_s:g} tokens/s per user is above the physical ceiling of "
            f"{1 / step:,.0f} tokens/s: each token reads {read / GB:,.1f} GB "
            f"of weights, and {tmax} x {gpu.id} (the largest replica) read at most "
            f"{tmax * gpu.bandwidth_tb_s:,.1f} TB/s. Relax the target or use a narrower precision.",
            "below-physical-floor",
            "speed",
        )


def refuse_targets(
    model: ModelSpec,
    sys_id: str,
    w: Workload,
    tps: list[int],
    gpu: GpuSpec,
    precision: str,
    kvp: str,
    f: Factors,
) -> NoReturn:
    t = max(tps)
    op = Replica.serving(model, gpu, precision, kvp, t, w, f).operate(1)
    raise SizingRefused(
        f"no replica of {model.id} on {sys_id} meets the targets even with one user: at "
        f"tensor parallel {t} it gives a time to first token of {op.ttft_s * 1000:,.0f} ms "
        f"(target {w.ttft_ms:g}) and {op.tokens_per_s_per_user:,.1f} tokens/s per user "
        f"(target {w.tokens_per_s:g}) with the {f.id} efficiency factors "
        f"({f.flops_pct:g} % of peak FLOPS, {f.decode_bandwidth_pct:g} % of memory bandwidth).",
        "target-not-met",
        "ttft" if op.ttft_s * 1000 > w.ttft_ms else "speed",
    )
