"""Catalog entries, typed: accelerators, systems, cooling, network fabrics, models, and the
serving-efficiency sets sizing is calibrated with. Field names are the schema's keys
(``schema/<kind>.schema.json``), so a field is the figure the file writes under that key."""

from __future__ import annotations

import math
from typing import Any

from linter.core.yamlio import Document
from linter.kb.figures import Figure
from linter.kb.model.base import Described, Since, build, figure, optional_flag, records, text
from linter.kb.model.record import Record

# The status vocabulary of releases before 2026.12, read in today's terms.
LEGACY_STATUS = {"available": "shipping", "superseded": "end-of-sale", "end-of-life": "end-of-sale"}


def lifecycle(status: str) -> str:
    """A catalog status in the lifecycle vocabulary (a legacy word mapped to today's)."""
    return LEGACY_STATUS.get(status, status)


class Accelerator(Described):
    vendor: str
    status: str  # announced | sampling | shipping | end-of-sale | withdrawn | cancelled
    status_since: Since
    generation: str
    form_factor: str
    cooling: tuple[str, ...]
    memory_type: str
    scale_up_interconnect: str
    pcie_gen: str
    tdp_w: Figure
    memory_gb: Figure
    memory_bandwidth_tb_s: Figure
    bf16_dense_tflops: Figure
    bf16_sparse_tflops: Figure
    fp16_dense_tflops: Figure
    fp8_dense_tflops: Figure
    fp8_sparse_tflops: Figure
    fp4_dense_tflops: Figure
    fp4_sparse_tflops: Figure
    int8_dense_tops: Figure
    int8_sparse_tops: Figure
    scale_up_bandwidth_gb_s: Figure

    def rate(self, key: str) -> Figure:
        """A compute-rate figure by its key (``fp8_dense_tflops``); ``MISSING`` if unknown."""
        v = getattr(self, key, None)
        return v if isinstance(v, Figure) else Figure.missing()


class System(Described):
    vendor: str
    # A system spanning racks (racks_spanned > 1) is listed in each rack it occupies and
    # charges each its share: max_power_per_rack_kw, else max_power_kw / racks_spanned.
    status: str  # announced | sampling | shipping | end-of-sale | withdrawn | cancelled
    status_since: Since
    accelerator: str  # accelerator id
    form: str
    cooling: str  # air | direct-liquid | hybrid | immersion
    psu_redundancy: str
    gpu_count: Figure
    max_power_kw: Figure
    racks_spanned: Figure
    max_power_per_rack_kw: Figure
    typical_power_kw: Figure
    psu_count: Figure
    psu_required: Figure
    psu_rating_kw: Figure
    power_factor: Figure  # of the PSUs at load, where the vendor publishes it
    height_u: Figure
    weight_kg: Figure
    inlet_temp_min_c: Figure
    inlet_temp_max_c: Figure
    nvlink_domain_gpus: Figure
    water_temp_max_c: Figure
    liquid_heat_fraction_pct: Figure

    @property
    def racks(self) -> int:
        """Racks one system occupies (1 unless the catalog says it spans more)."""
        n = self.racks_spanned.value
        return int(n) if n is not None and n >= 1 else 1

    @property
    def rack_share_key(self) -> str:
        """The figure :attr:`rack_share_kw` comes from (for a finding's related location)."""
        if self.racks > 1 and self.max_power_per_rack_kw.value is not None:
            return "max_power_per_rack_kw"
        return "max_power_kw"

    @property
    def rack_share_kw(self) -> float | None:
        """The maximum power charged to each rack the system occupies."""
        if self.racks == 1:
            return self.max_power_kw.value
        if self.max_power_per_rack_kw.value is not None:
            return self.max_power_per_rack_kw.value
        total = self.max_power_kw.value
        return total / self.racks if total is not None else None


class Cooling(Described):
    vendor: str
    status: str
    mode: str
    variant: str
    requires_facility_water: bool
    rack_kw_max: Figure
    rack_kw_typical: Figure
    residual_air_heat_pct: Figure
    supply_water_temp_max_c: Figure


class Fabric(Described):
    """A network technology (``catalog/networks``)."""

    vendor: str
    status: str
    technology: str
    generation: str
    rdma: bool
    topologies: tuple[str, ...]
    link_speed_gbps: Figure
    switch_radix: Figure


class Model(Described):
    vendor: str
    status: str
    family: str
    architecture: str  # dense | moe
    attention: str  # mha | gqa | mla | ...
    hf_repo: str
    native_precision: str
    params_b: Figure
    active_params_b: Figure
    layers: Figure
    hidden_size: Figure
    attention_heads: Figure
    kv_heads: Figure
    head_dim: Figure
    intermediate_size: Figure
    vocab_size: Figure
    context_length: Figure
    experts: Figure
    experts_per_token: Figure
    shared_experts: Figure
    first_dense_layers: Figure
    moe_intermediate_size: Figure
    kv_lora_rank: Figure
    qk_rope_head_dim: Figure
    sliding_window: Figure
    sliding_window_layers: Figure


class Slo(Record):
    """The latencies a throughput measurement held (its TTFT statistic, mean time per token)."""

    ttft_ms: float
    ttft_statistic: str  # mean | median | p90 | p99
    itl_ms: float


def _slo(node: object) -> Slo | None:
    if not isinstance(node, dict):
        return None
    return Slo(
        ttft_ms=float(node.get("ttft_ms") or 0.0),
        ttft_statistic=text(node, "ttft_statistic"),
        itl_ms=float(node.get("itl_ms") or 0.0),
    )


class CalibrationPoint(Record):
    """A published serving measurement an efficiency set is fitted to or checked against."""

    at: tuple[str | int, ...]
    id: str
    source: str
    model: str
    precision: str
    accelerator: str
    tensor_parallel: int
    input_tokens: int
    output_tokens: int
    concurrency: int | None  # closed loop: requests in flight
    metric: str  # ttft_ms | itl_ms | output_tokens_per_s
    published: float  # the published figure's value (NaN when the file has none)
    split: str  # fit (the factors were fitted to it) | holdout (kept out of the fit)
    software: str
    statistic: str
    gpus: int = 0  # accelerators measured (0: not stated, one replica)
    slo: Slo | None = None  # a throughput measured within these latencies
    attention_data_parallel: bool | None = None  # the measured layout (None: model default)
    output_tokens_cv: float = 0.0  # spread of the output lengths: sd / mean (0: all equal)

    @property
    def replicas(self) -> int:
        """Replicas the measured system ran: gpus / tensor_parallel, or one."""
        return self.gpus // self.tensor_parallel if self.gpus else 1


def _number(node: dict[str, Any], key: str) -> float:
    """``node[key]`` when it is a number (not a boolean), else 0."""
    v = node.get(key)
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else 0.0


def _int(node: dict[str, Any], key: str) -> int:
    return int(_number(node, key))


class Efficiency(Described):
    """One serving stack's efficiency factors on one accelerator generation."""

    generation: str
    stack: str
    memory_usable_pct: Figure
    decode_bandwidth_pct: Figure
    flops_pct: Figure
    step_overhead_ms: Figure
    layer_overhead_us: Figure
    sequence_overhead_us: Figure
    request_overhead_ms: Figure
    moe_flops_pct: Figure
    allreduce_latency_us: Figure
    allreduce_bandwidth_pct: Figure
    roofline_exponent: Figure
    calibration: tuple[CalibrationPoint, ...]


def _point(i: int, p: dict[str, Any]) -> CalibrationPoint:
    conc = p.get("concurrency")
    return CalibrationPoint(
        at=("calibration", i),
        id=text(p, "id"),
        source=text(p, "source"),
        model=text(p, "model"),
        precision=text(p, "precision"),
        accelerator=text(p, "accelerator"),
        tensor_parallel=_int(p, "tensor_parallel"),
        gpus=_int(p, "gpus"),
        input_tokens=_int(p, "input_tokens"),
        output_tokens=_int(p, "output_tokens"),
        output_tokens_cv=_number(p, "output_tokens_cv"),
        concurrency=int(conc) if isinstance(conc, int) and not isinstance(conc, bool) else None,
        slo=_slo(p.get("slo")),
        attention_data_parallel=optional_flag(p, "attention_data_parallel"),
        metric=text(p, "metric"),
        published=figure(p, "published").value or math.nan,
        split=text(p, "split", "fit"),
        software=text(p, "software"),
        statistic=text(p, "statistic"),
    )


def parse(kind: str, id_: str, doc: Document) -> Described:
    """The typed entry of a catalog file of ``kind``."""
    data = doc.data
    if kind == "efficiency":
        points = tuple(_point(i, p) for i, p in records(data, "calibration"))
        return build(Efficiency, data, id=id_, kind=kind, doc=doc, calibration=points)
    return build(CATALOG_TYPES[kind], data, id=id_, kind=kind, doc=doc)


CATALOG_TYPES: dict[str, type[Described]] = {
    "accelerator": Accelerator,
    "system": System,
    "cooling": Cooling,
    "network": Fabric,
    "model": Model,
    "efficiency": Efficiency,
}
