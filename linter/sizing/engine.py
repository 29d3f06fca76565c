"""`size()` and `compare()`: from model, users and targets to GPUs, racks, kW and cooling."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from linter.core.errors import RefarchError
from linter.kb.specs import (
    BYTES_PER_PARAM,
    SCALE_NOTE,
    SizingInputError,
    check_precision,
    default_kv_precision,
    load_model,
    load_system,
)
from linter.kb.store import KnowledgeBase
from linter.sizing import facility
from linter.sizing.calibration import DEFAULT_STACK, factors_for
from linter.sizing.memory import (
    GB,
    kv_bytes,
    kv_capacity_sequences,
    tp_candidates,
    usable_bytes,
    weight_bytes,
    weight_bytes_read,
)
from linter.sizing.perf import TERA, Factors, OperatingPoint, Replica


class SizingRefused(RefarchError):
    """The workload cannot be served as asked; the message says why, with the numbers."""

    def __init__(self, message: str, reason: str, target: str = "") -> None:
        super().__init__(message)
        self.reason = reason  # model-does-not-fit | below-physical-floor | target-not-met
        self.target = target  # the target that cannot be met: ttft | speed | ""


@dataclass(frozen=True)
class Workload:
    model: str
    precision: str
    users: int
    input_tokens: int
    output_tokens: int
    ttft_ms: float
    tokens_per_s: float  # per user
    kv_precision: str | None = None


@dataclass(frozen=True)
class Options:
    stack: str = DEFAULT_STACK
    pue: float | None = None
    architecture: str | None = None
    tensor_parallel: int | None = None


@dataclass(frozen=True)
class SizingResult:
    model: str
    system: str
    accelerator: str
    precision: str
    kv_precision: str
    efficiency: str
    tensor_parallel: int
    min_tensor_parallel: int
    replicas: int
    sequences_per_replica: int
    max_sequences_per_replica: int
    gpus: int
    gpus_installed: int
    systems: int
    systems_per_rack: int
    racks: int
    rack_kw: float
    it_kw: float
    pue: float
    facility_kw: float
    heat_kw: float
    heat_btu_h: float
    cooling: str
    cooling_id: str
    ttft_ms: float
    itl_ms: float
    tokens_per_s_per_user: float
    output_tokens_per_s: float
    bottleneck: str
    weights_gb: float
    kv_gb_per_sequence: float
    kv_capacity_sequences: int
    assumptions: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class _Fit:
    tp: int
    capacity: int
    best: int  # most sequences per replica meeting every target
    limit: str  # what stops one more sequence: kv-cache | bandwidth | compute
    replicas: int
    op: OperatingPoint


def _meets(op: OperatingPoint, w: Workload) -> bool:
    return op.tokens_per_s_per_user >= w.tokens_per_s and op.ttft_s * 1000 <= w.ttft_ms


def _most_sequences(replica: Replica, capacity: int, w: Workload) -> int:
    """Largest batch in [1, capacity] meeting the targets (latency grows with batch), or 0."""
    if capacity < 1 or not _meets(replica.operate(1), w):
        return 0
    lo, hi = 1, capacity
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if _meets(replica.operate(mid), w) else (lo, mid - 1)
    return lo


def _limit(replica: Replica, best: int, capacity: int, w: Workload) -> str:
    if best >= capacity:
        return "kv-cache"
    nxt = replica.operate(best + 1)
    if nxt.ttft_s * 1000 > w.ttft_ms and nxt.tokens_per_s_per_user >= w.tokens_per_s:
        return "compute"  # prefill (and its queue) is compute bound
    return nxt.bound


def _refuse_unfit(
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
) -> None:
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


def size(
    kb: KnowledgeBase, w: Workload, system_id: str, options: Options | None = None
) -> SizingResult:
    """Size one deployment of workload ``w`` on ``system_id`` (see the package docstring)."""
    opts = options or Options()
    _check_workload(w)
    model, system = load_model(kb, w.model), load_system(kb, system_id)
    gpu, precision = system.gpu, check_precision(w.precision)
    kvp = (
        check_precision(w.kv_precision, "KV precision")
        if w.kv_precision
        else default_kv_precision(precision)
    )
    f = factors_for(kb, gpu.generation, opts.stack)
    seq = w.input_tokens + w.output_tokens
    cands = tp_candidates(model, system)
    if opts.tensor_parallel is not None and opts.tensor_parallel not in cands:
        raise SizingInputError(
            f"tensor parallel {opts.tensor_parallel} is not one of {cands} "
            f"(divisors of {model.attention_heads} heads within the "
            f"{system.nvlink_domain}-GPU NVLink domain of {system.id})"
        )
    caps = {
        t: kv_capacity_sequences(model, gpu, precision, kvp, t, seq, f.memory_usable_pct)
        for t in cands
    }
    fitting = [t for t in cands if caps[t] >= 1]
    if not fitting:
        _refuse_unfit(
            model.id,
            w,
            system.id,
            gpu.id,
            weight_bytes(model, precision),
            kv_bytes(model, kvp, seq),
            max(cands),
            usable_bytes(gpu, f.memory_usable_pct),
            f,
            gpu.memory_gb,
        )
    _check_floors(model, gpu, precision, kvp, max(cands), w, f)
    tps = [opts.tensor_parallel] if opts.tensor_parallel is not None else fitting
    fits: list[_Fit] = []
    for t in tps:
        replica = Replica(model, gpu, precision, kvp, t, w.input_tokens, w.output_tokens, f)
        best = _most_sequences(replica, caps[t], w)
        if best:
            replicas = math.ceil(w.users / best)
            op = replica.operate(math.ceil(w.users / replicas))
            fits.append(_Fit(t, caps[t], best, _limit(replica, best, caps[t], w), replicas, op))
    if not fits:
        _refuse_targets(model.id, system.id, w, tps, caps, gpu, precision, kvp, f, model)
    chosen = min(fits, key=lambda x: (x.replicas * x.tp, x.tp))
    return _result(kb, w, opts, system, chosen, min(fitting), f, kvp, model)


# The plan schema's bounds (workload.concurrent_users, input_tokens, output_tokens): beyond
# them the arithmetic leaves the range of a float.
_MAXIMA = {"users": 100_000_000, "input_tokens": 10_000_000, "output_tokens": 10_000_000}


def _check_workload(w: Workload) -> None:
    for name in ("users", "input_tokens", "output_tokens"):
        if getattr(w, name) < 1:
            raise SizingInputError(f"{name.replace('_', ' ')} must be at least 1")
        if getattr(w, name) > _MAXIMA[name]:
            raise SizingInputError(f"{name.replace('_', ' ')} must be at most {_MAXIMA[name]:,}")
    if not (w.ttft_ms > 0 and w.tokens_per_s > 0):
        raise SizingInputError("the TTFT and per-user speed targets must be positive")


def _check_floors(
    model: Any, gpu: Any, precision: str, kvp: str, tmax: int, w: Workload, f: Factors
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


def _refuse_targets(
    model_id: str,
    sys_id: str,
    w: Workload,
    tps: list[int],
    caps: dict[int, int],
    gpu: Any,
    precision: str,
    kvp: str,
    f: Factors,
    model: Any,
) -> None:
    t = max(tps)
    op = Replica(model, gpu, precision, kvp, t, w.input_tokens, w.output_tokens, f).operate(1)
    raise SizingRefused(
        f"no replica of {model_id} on {sys_id} meets the targets even with one user: at "
        f"tensor parallel {t} it gives a time to first token of {op.ttft_s * 1000:,.0f} ms "
        f"(target {w.ttft_ms:g}) and {op.tokens_per_s_per_user:,.1f} tokens/s per user "
        f"(target {w.tokens_per_s:g}) with the {f.id} efficiency factors "
        f"({f.flops_pct:g} % of peak FLOPS, {f.decode_bandwidth_pct:g} % of memory bandwidth).",
        "target-not-met",
        "ttft" if op.ttft_s * 1000 > w.ttft_ms else "speed",
    )


def _result(
    kb: KnowledgeBase,
    w: Workload,
    opts: Options,
    system: Any,
    c: _Fit,
    tp_min: int,
    f: Factors,
    kvp: str,
    model: Any,
) -> SizingResult:
    gpu = system.gpu
    if system.max_power_kw is None:
        raise SizingInputError(f"system {system.id!r} has no max_power_kw figure: IT power unknown")
    gpus = c.replicas * c.tp
    if c.tp <= system.gpu_count:
        systems = math.ceil(c.replicas / (system.gpu_count // c.tp))
    else:
        systems = c.replicas * math.ceil(c.tp / system.gpu_count)
    profile = facility.rack_profile(kb, system.id, opts.architecture)
    racks = math.ceil(systems / profile.systems_per_rack)
    rack_kw = min(systems, profile.systems_per_rack) * system.max_power_kw
    it_kw = systems * system.max_power_kw
    pue, pue_source = (opts.pue, "--pue") if opts.pue is not None else facility.default_pue(kb)
    cool = facility.required_cooling(kb, system, rack_kw)
    users_per_replica = math.ceil(w.users / c.replicas)
    bottleneck = "memory" if c.replicas == 1 and c.tp == tp_min else c.limit
    assumptions: dict[str, Any] = {
        "efficiency": f.id,
        "memory_usable_pct": f.memory_usable_pct,
        "decode_bandwidth_pct": f.decode_bandwidth_pct,
        "flops_pct": f.flops_pct,
        "bytes_per_param": BYTES_PER_PARAM[w.precision],
        "kv_precision": kvp,
        "kv_capacity_per_sequence_tokens": w.input_tokens + w.output_tokens,
        "arrivals": "Poisson (M/D/1 prefill queue); concurrent users = sequences in flight",
        "pue": pue,
        "pue_source": pue_source,
        "rack_profile": f"{profile.architecture}:{profile.profile}"
        if profile.architecture
        else "none found: one system per rack",
        "system_power": f"{system.id}.max_power_kw = {system.max_power_kw:g} kW (system maximum)",
        "tensor_parallel_choice": "fewest GPUs among the TP sizes that fit, then the smaller TP",
    }
    if w.precision in SCALE_NOTE:
        assumptions["quantisation_scales"] = SCALE_NOTE[w.precision]
    return SizingResult(
        model=w.model,
        system=system.id,
        accelerator=gpu.id,
        precision=w.precision,
        kv_precision=kvp,
        efficiency=f.id,
        tensor_parallel=c.tp,
        min_tensor_parallel=tp_min,
        replicas=c.replicas,
        sequences_per_replica=users_per_replica,
        max_sequences_per_replica=c.best,
        gpus=gpus,
        gpus_installed=systems * system.gpu_count,
        systems=systems,
        systems_per_rack=profile.systems_per_rack,
        racks=racks,
        rack_kw=round(rack_kw, 3),
        it_kw=round(it_kw, 3),
        pue=pue,
        facility_kw=round(it_kw * pue, 3),
        heat_kw=round(it_kw, 3),
        heat_btu_h=round(facility.btu_per_hour(it_kw), 1),
        cooling=cool.mode or "none",
        cooling_id=cool.id,
        ttft_ms=round(c.op.ttft_s * 1000, 1),
        itl_ms=round(c.op.itl_s * 1000, 2),
        tokens_per_s_per_user=round(c.op.tokens_per_s_per_user, 2),
        output_tokens_per_s=round(c.op.output_tokens_per_s * c.replicas, 1),
        bottleneck=bottleneck,
        weights_gb=round(weight_bytes(model, w.precision) / GB, 2),
        kv_gb_per_sequence=round(kv_bytes(model, kvp, w.input_tokens + w.output_tokens) / GB, 4),
        kv_capacity_sequences=c.capacity,
        assumptions=assumptions,
    )


def compare(
    kb: KnowledgeBase, w: Workload, system_ids: list[str], options: Options | None = None
) -> list[tuple[str, SizingResult | RefarchError]]:
    """One sizing per system for the same workload; a system that cannot serve it carries
    the error that says why (unknown ids still raise)."""
    out: list[tuple[str, SizingResult | RefarchError]] = []
    for sid in system_ids:
        load_system(kb, sid)
        try:
            out.append((sid, size(kb, w, sid, options)))
        except (SizingRefused, SizingInputError) as exc:
            out.append((sid, exc))
    return out
