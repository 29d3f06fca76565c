"""The facts sizing reads from the knowledge base, as small typed values.

Every number here comes from a KB figure; the only constants are the storage formats of the
number types (bytes per value), which are definitions, not measurements.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.core.errors import InputError
from linter.kb.figures import Figure
from linter.kb.model.base import Described
from linter.kb.store import KnowledgeBase

# Bytes per stored weight, block scales included. Sources (retrieved 2026-11-26):
# - NVFP4: 4-bit E2M1 values with one FP8 (E4M3) scale per 16 values -> (16 * 0.5 + 1) / 16
#   (NVIDIA cuTile tutorial 11, "Inference with NVFP4/MXFP8").
# - MXFP4: 32 E2M1 values share one E8M0 scale -> (32 * 0.5 + 1) / 32 (OCP Microscaling
#   specification, as implemented by float4's MXFP4Block: 17 bytes per 32 values).
# - INT4 weight-only: groups of 128 (torchao Int4WeightOnlyConfig default) with a 16-bit scale
#   and a 4-bit zero point per group -> (128 * 4 + 20) / 128 / 8.
BYTES_PER_PARAM: dict[str, float] = {
    "bf16": 2.0,
    "fp16": 2.0,
    "fp8": 1.0,
    "int8": 1.0,
    "fp4": (16 * 0.5 + 1) / 16,
    "mxfp4": (32 * 0.5 + 1) / 32,
    "int4": (128 * 4 + 20) / 128 / 8,
}
SCALE_NOTE: dict[str, str] = {
    "fp4": "NVFP4: one FP8 scale per 16 values",
    "mxfp4": "MXFP4: one E8M0 scale per 32 values",
    "int4": "INT4 weight-only: 16-bit scale + 4-bit zero point per group of 128",
}
# Tensor-core rate used for a precision's matrix multiplies, in order of preference. Formats
# without their own tensor-core path (weight-only INT4/MXFP4/FP4 on Hopper) are dequantised
# to BF16 for the multiply.
COMPUTE_KEYS: dict[str, tuple[str, ...]] = {
    "bf16": ("bf16_dense_tflops",),
    "fp16": ("fp16_dense_tflops", "bf16_dense_tflops"),
    "fp8": ("fp8_dense_tflops", "bf16_dense_tflops"),
    "int8": ("int8_dense_tops", "bf16_dense_tflops"),
    "fp4": ("fp4_dense_tflops", "bf16_dense_tflops"),
    "mxfp4": ("fp4_dense_tflops", "bf16_dense_tflops"),
    "int4": ("bf16_dense_tflops",),
}
KV_PRECISIONS = ("bf16", "fp16", "fp8")
PRECISIONS = tuple(BYTES_PER_PARAM)


class SizingInputError(InputError):
    """A sizing input names something the KB does not have, or lacks a figure sizing needs."""


@dataclass(frozen=True)
class ModelSpec:
    id: str
    params: float  # total parameters
    active_params: float  # parameters used per token
    layers: int
    attention_heads: int
    kv_heads: int
    head_dim: float
    hidden_size: int
    moe: bool
    experts: int
    experts_per_token: int
    mla_dim: int  # kv_lora_rank + qk_rope_head_dim, 0 if not MLA
    sliding_window: int  # tokens, 0 if none
    sliding_window_layers: int

    @property
    def expert_params(self) -> float:
        """Parameters of one routed expert: (total - active) / (experts - experts_per_token)."""
        if not self.moe or self.experts <= self.experts_per_token:
            return 0.0
        return (self.params - self.active_params) / (self.experts - self.experts_per_token)

    @property
    def shared_params(self) -> float:
        """Parameters every token uses (attention, embeddings, shared experts)."""
        return self.active_params - self.experts_per_token * self.expert_params


@dataclass(frozen=True)
class GpuSpec:
    id: str
    generation: str
    memory_gb: float
    bandwidth_tb_s: float
    scale_up_gb_s: float  # per GPU, bidirectional; 0 when the GPU has no scale-up link
    tflops: dict[str, float]  # precision -> dense peak TFLOPS used for that precision

    def peak_tflops(self, precision: str) -> float:
        return self.tflops[precision]


@dataclass(frozen=True)
class SystemSpec:
    id: str
    gpu: GpuSpec
    gpu_count: int
    max_power_kw: float | None
    nvlink_domain: int
    cooling: str  # air | direct-liquid | hybrid


def _need(entry: Described, key: str, fig: Figure) -> float:
    if fig.value is None:
        raise SizingInputError(
            f"{entry.kind} {entry.id!r} has no {key} figure, which sizing needs", entry.location()
        )
    return fig.value


def _unknown(kb: KnowledgeBase, kind: str, id_: str) -> SizingInputError:
    hint = kb.did_you_mean(kind, id_)
    known = ", ".join(kb.ids(kind))
    return SizingInputError(f"unknown {kind} {id_!r}{hint} (known: {known})")


def load_model(kb: KnowledgeBase, id_: str) -> ModelSpec:
    m = kb.model(id_)
    if m is None:
        raise _unknown(kb, "model", id_)
    heads = int(_need(m, "attention_heads", m.attention_heads))
    params = _need(m, "params_b", m.params_b)
    head_dim = m.head_dim.value
    if head_dim is None:
        head_dim = _need(m, "hidden_size", m.hidden_size) / heads
    moe = m.architecture == "moe"
    mla = int((m.kv_lora_rank.value or 0) + (m.qk_rope_head_dim.value or 0))
    return ModelSpec(
        id=m.id,
        params=params * 1e9,
        active_params=(m.active_params_b.value or params) * 1e9,
        layers=int(_need(m, "layers", m.layers)),
        attention_heads=heads,
        kv_heads=int(_need(m, "kv_heads", m.kv_heads)),
        head_dim=head_dim,
        hidden_size=int(_need(m, "hidden_size", m.hidden_size)),
        moe=moe,
        experts=int(m.experts.value or 0) if moe else 0,
        experts_per_token=int(m.experts_per_token.value or 0) if moe else 0,
        mla_dim=mla if m.attention == "mla" else 0,
        sliding_window=int(m.sliding_window.value or 0),
        sliding_window_layers=int(m.sliding_window_layers.value or 0),
    )


def load_gpu(kb: KnowledgeBase, id_: str) -> GpuSpec:
    a = kb.accelerator(id_)
    if a is None:
        raise _unknown(kb, "accelerator", id_)
    tflops: dict[str, float] = {}
    for precision, keys in COMPUTE_KEYS.items():
        rate = next((v for k in keys if (v := a.rate(k).value) is not None), None)
        if rate is not None:
            tflops[precision] = rate
    if "bf16" not in tflops:
        raise SizingInputError(f"accelerator {id_!r} has no bf16_dense_tflops figure", a.location())
    return GpuSpec(
        id=a.id,
        generation=a.generation,
        memory_gb=_need(a, "memory_gb", a.memory_gb),
        bandwidth_tb_s=_need(a, "memory_bandwidth_tb_s", a.memory_bandwidth_tb_s),
        scale_up_gb_s=a.scale_up_bandwidth_gb_s.value or 0.0,
        tflops=tflops,
    )


def load_system(kb: KnowledgeBase, id_: str) -> SystemSpec:
    s = kb.system(id_)
    if s is None:
        raise _unknown(kb, "system", id_)
    gpu = load_gpu(kb, s.accelerator)
    count = int(_need(s, "gpu_count", s.gpu_count))
    return SystemSpec(
        id=s.id,
        gpu=gpu,
        gpu_count=count,
        max_power_kw=s.max_power_kw.value,
        nvlink_domain=int(s.nvlink_domain_gpus.value or count),
        cooling=s.cooling or "air",
    )


def check_precision(precision: str, what: str = "precision") -> str:
    if precision not in BYTES_PER_PARAM:
        raise SizingInputError(f"unknown {what} {precision!r} (known: {', '.join(PRECISIONS)})")
    return precision


def default_kv_precision(precision: str) -> str:
    """FP8 KV cache with 8-bit or narrower weights (as the FP8/FP4 checkpoints ship), else BF16."""
    return "fp8" if BYTES_PER_PARAM[precision] <= 1.0 else "bf16"
