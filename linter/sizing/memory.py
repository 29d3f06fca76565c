"""Memory: weights, KV cache and the tensor-parallel sizes that hold them."""

from __future__ import annotations

import math

from linter.kb.specs import BYTES_PER_PARAM, GpuSpec, ModelSpec, SystemSpec

GB = 1e9


def weight_bytes(model: ModelSpec, precision: str) -> float:
    """Weights in memory: total parameters x bytes per parameter (block scales included)."""
    return model.params * BYTES_PER_PARAM[precision]


def weight_bytes_read(model: ModelSpec, precision: str, batch: float) -> float:
    """Weight bytes one decode step reads for ``batch`` sequences.

    Dense: every parameter. MoE: the shared part plus the experts the batch touches; with
    tokens routed uniformly a step touches E x (1 - (1 - k/E)^B) experts per layer, which is
    k at B = 1 (the active parameters) and tends to E (all parameters) for large batches.
    """
    b = BYTES_PER_PARAM[precision]
    if not model.moe or model.expert_params <= 0:
        return float(model.active_params * b)
    e, k = model.experts, model.experts_per_token
    touched = e * (1.0 - (1.0 - k / e) ** float(max(batch, 1.0)))
    return float((model.shared_params + touched * model.expert_params) * b)


def replicated_bytes(model: ModelSpec, precision: str, tp: int, adp: bool | None = None) -> float:
    """Weights a replica of ``tp`` GPUs holds beyond one copy of the model: under
    data-parallel attention (MoE) every GPU past the first keeps its own copy of the shared
    (attention, embedding, shared-expert) weights; the routed experts are split across them.
    ``adp``: whether attention runs data-parallel (None: :func:`attention_data_parallel`)."""
    if not model.moe or tp <= 1 or not attends_data_parallel(model, adp):
        return 0.0
    return (tp - 1) * model.shared_params * BYTES_PER_PARAM[precision]


def replica_weight_bytes(
    model: ModelSpec, precision: str, tp: int, adp: bool | None = None
) -> float:
    """Weights one replica of ``tp`` GPUs holds in memory."""
    return weight_bytes(model, precision) + replicated_bytes(model, precision, tp, adp)


def kv_bytes_per_token_layer(model: ModelSpec, kv_precision: str) -> float:
    """KV cache of one token in one layer: 2 x KV heads x head dim x bytes (MLA: latent + rope)."""
    b = BYTES_PER_PARAM[kv_precision]
    if model.mla_dim:
        return model.mla_dim * b
    return 2 * model.kv_heads * model.head_dim * b


def kv_bytes(model: ModelSpec, kv_precision: str, tokens: float) -> float:
    """KV cache of one sequence of ``tokens`` tokens over all layers.

    Sliding-window layers keep at most ``sliding_window`` tokens; the others keep all.
    """
    per = kv_bytes_per_token_layer(model, kv_precision)
    window_layers = model.sliding_window_layers if model.sliding_window else 0
    full_layers = model.layers - window_layers
    held = full_layers * tokens + window_layers * min(tokens, model.sliding_window)
    return per * held


def attention_data_parallel(model: ModelSpec) -> bool:
    """Whether a replica runs attention data-parallel: MoE and MLA models are served with
    their experts split across the GPUs (expert parallelism) and attention data-parallel,
    each GPU attending to (and scheduling) its own share of the sequences, as TensorRT-LLM's
    MoE serving recipes and vLLM's data-parallel attention do."""
    return bool(model.mla_dim) or model.moe


def attends_data_parallel(model: ModelSpec, adp: bool | None) -> bool:
    """``adp`` where a layout is stated, else the model's default."""
    return attention_data_parallel(model) if adp is None else adp


def kv_replication(model: ModelSpec, tp: int, adp: bool | None = None) -> float:
    """How many times the KV cache is stored across a tensor-parallel group, over one copy.

    Under data-parallel attention (``adp``; None: :func:`attention_data_parallel`, which MoE
    and MLA models are served with) each rank holds the cache of its own sequences, so
    nothing is replicated. Under tensor-parallel attention GQA/MHA shard KV heads across
    ranks, and past ``kv_heads`` ranks each head is replicated (tp / kv_heads copies); an MLA
    latent is shared by every head, so each rank holds all of it (tp copies).
    """
    if attends_data_parallel(model, adp) or tp <= 1:
        return 1.0
    if model.mla_dim:
        return float(tp)
    return 1.0 if tp <= model.kv_heads else tp / model.kv_heads


def usable_bytes(gpu: GpuSpec, memory_usable_pct: float) -> float:
    """Memory per GPU the serving stack gives to weights and KV cache (nameplate GB x share)."""
    return gpu.memory_gb * GB * memory_usable_pct / 100.0


def kv_capacity_sequences(
    model: ModelSpec,
    gpu: GpuSpec,
    precision: str,
    kv_precision: str,
    tp: int,
    seq_tokens: int,
    memory_usable_pct: float,
    adp: bool | None = None,
) -> int:
    """Whole sequences of ``seq_tokens`` whose KV cache fits a replica next to its weights
    (``adp``: whether attention runs data-parallel; None: the model's default)."""
    weights = replica_weight_bytes(model, precision, tp, adp)
    free = tp * usable_bytes(gpu, memory_usable_pct) - weights
    per_seq = kv_bytes(model, kv_precision, seq_tokens) * kv_replication(model, tp, adp)
    if free <= 0 or per_seq <= 0:
        return 0
    return int(math.floor(free / per_seq))


def tp_candidates(model: ModelSpec, system: SystemSpec) -> list[int]:
    """Tensor-parallel sizes a replica can use: divisors of the attention heads that fit the
    scale-up (NVLink) domain of the system."""
    limit = max(1, min(system.nvlink_domain, model.attention_heads))
    return [t for t in range(1, limit + 1) if model.attention_heads % t == 0]
