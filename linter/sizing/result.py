"""A sizing's answer: the result record and its assembly from the chosen fit (systems, racks,
power, cooling and the assumptions behind them)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from linter.kb.pue import default_pue
from linter.kb.specs import BYTES_PER_PARAM, SCALE_NOTE, ModelSpec, SizingInputError, SystemSpec
from linter.kb.store import KnowledgeBase
from linter.sizing import facility
from linter.sizing.memory import GB, kv_bytes, weight_bytes
from linter.sizing.perf import Factors
from linter.sizing.search import Fit
from linter.sizing.workload import Options, Workload


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
    ttft_ms: float  # at ttft_percentile (the mean when that is None)
    ttft_percentile: float | None
    ttft_mean_ms: float
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

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SizingResult:
        """The result :meth:`to_dict` gave (keys added beside its fields are ignored)."""
        return cls(**{f.name: d[f.name] for f in fields(cls)})


def systems_for(replicas: int, tp: int, gpus_per_system: int) -> int:
    """Systems that host ``replicas`` replicas of ``tp`` GPUs: whole replicas per system, or
    whole systems per replica when one spans several."""
    if tp <= gpus_per_system:
        return math.ceil(replicas / (gpus_per_system // tp))
    return replicas * math.ceil(tp / gpus_per_system)


def assemble(
    kb: KnowledgeBase,
    w: Workload,
    opts: Options,
    system: SystemSpec,
    c: Fit,
    tp_min: int,
    f: Factors,
    kvp: str,
    model: ModelSpec,
) -> SizingResult:
    """The result of sizing ``w`` on ``system`` with the chosen fit ``c``."""
    gpu = system.gpu
    if system.max_power_kw is None:
        entry = kb.system(system.id)
        raise SizingInputError(
            f"system {system.id!r} has no max_power_kw figure: IT power unknown",
            entry.location() if entry is not None else None,
        )
    gpus = c.replicas * c.tp
    systems = systems_for(c.replicas, c.tp, system.gpu_count)
    profile = facility.rack_profile(kb, system.id, opts.architecture)
    racks = math.ceil(systems / profile.systems_per_rack)
    rack_kw = min(systems, profile.systems_per_rack) * system.max_power_kw
    it_kw = systems * system.max_power_kw
    pue, pue_source = (opts.pue, "--pue") if opts.pue is not None else default_pue(kb)
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
        ttft_percentile=w.ttft_percentile,
        ttft_mean_ms=round(c.op.ttft_mean_s * 1000, 1),
        itl_ms=round(c.op.itl_s * 1000, 2),
        tokens_per_s_per_user=round(c.op.tokens_per_s_per_user, 2),
        output_tokens_per_s=round(c.op.output_tokens_per_s * c.replicas, 1),
        bottleneck=bottleneck,
        weights_gb=round(weight_bytes(model, w.precision) / GB, 2),
        kv_gb_per_sequence=round(kv_bytes(model, kvp, w.input_tokens + w.output_tokens) / GB, 4),
        kv_capacity_sequences=c.capacity,
        assumptions=assumptions,
    )
