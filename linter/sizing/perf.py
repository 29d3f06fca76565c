"""Time: prefill, decode steps and the operating point of one replica at a given batch."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from linter.kb.specs import GpuSpec, ModelSpec
from linter.sizing.memory import (
    attends_data_parallel,
    kv_bytes,
    kv_replication,
    replicated_bytes,
    weight_bytes_read,
)

if TYPE_CHECKING:
    from linter.sizing.workload import Workload

TERA = 1e12


@dataclass(frozen=True)
class Factors:
    """Efficiency factors of one accelerator generation and serving stack.

    The three shares are percent of a published peak. The step, request and communication
    terms are costs no peak gives: a fixed time per scheduler step (sampling, batch
    bookkeeping) and per layer in each step (kernel launches), a fixed time per request
    before its first token (ingress, tokenisation, admission) and the latency and achieved
    bandwidth of a tensor-parallel all-reduce. A set that does not state them leaves them
    out (0 ms, 0 us, 100 %). The roofline exponent p says how a decode step's weight read and
    its matrix multiplies overlap (:meth:`Replica.roofline`); a set that does not state it
    has them overlap fully (the step takes the slower of the two).
    """

    id: str
    memory_usable_pct: float
    decode_bandwidth_pct: float
    flops_pct: float
    step_overhead_ms: float = 0.0
    layer_overhead_us: float = 0.0
    sequence_overhead_us: float = 0.0
    request_overhead_ms: float = 0.0
    moe_flops_pct: float | None = None  # None: expert GEMMs run at flops_pct
    allreduce_latency_us: float = 0.0
    allreduce_bandwidth_pct: float = 100.0
    roofline_exponent: float | None = None  # None: the slower of read and multiply


@dataclass(frozen=True)
class Replica:
    """One model replica: ``tp`` GPUs joined by tensor parallelism, serving one workload."""

    model: ModelSpec
    gpu: GpuSpec
    precision: str
    kv_precision: str
    tp: int
    input_tokens: int
    output_tokens: int
    factors: Factors
    ttft_percentile: float | None = None  # None: the mean TTFT; else 50, 90, 99
    attention_dp: bool | None = None  # None: the model's default (attention_data_parallel)
    output_cv: float = 0.0  # spread of the output lengths, sd / mean (0: all output_tokens)

    @classmethod
    def serving(
        cls,
        model: ModelSpec,
        gpu: GpuSpec,
        precision: str,
        kv_precision: str,
        tp: int,
        w: Workload,
        factors: Factors,
    ) -> Replica:
        """A replica of ``tp`` GPUs serving workload ``w``: its request shape, the percentile
        its TTFT target bounds and the spread of its output lengths."""
        return cls(
            model, gpu, precision, kv_precision, tp, w.input_tokens, w.output_tokens, factors,
            w.ttft_percentile, output_cv=w.output_tokens_cv,
        )  # fmt: skip

    @property
    def data_parallel_attention(self) -> bool:
        """Whether attention runs data-parallel across the replica's GPUs."""
        return attends_data_parallel(self.model, self.attention_dp)

    # --- FLOPs --------------------------------------------------------------------------
    def attention_flops_per_token(self, context: float) -> float:
        """Score and value products of one token against ``context`` earlier tokens:
        4 x heads x head dim x context per layer (sliding-window layers see at most the window)."""
        m = self.model
        dim = m.mla_dim or m.head_dim
        window_layers = m.sliding_window_layers if m.sliding_window else 0
        ctx = (m.layers - window_layers) * context
        ctx += window_layers * min(context, m.sliding_window)
        return 4 * m.attention_heads * dim * ctx

    def _rate(self, precision: str, pct: float) -> float:
        """Sustained FLOP/s of the replica at ``precision`` and ``pct`` % of peak."""
        return self.tp * self.gpu.peak_tflops(precision) * TERA * pct / 100.0

    def prefill_s(self, flops_pct: float | None = None) -> float:
        """One request's prefill: I x 2 x active params (at the weight precision) plus causal
        attention, I x attention(I / 2) (at the KV precision), over the sustained FLOP rate."""
        pct = self.factors.flops_pct if flops_pct is None else flops_pct
        n = self.input_tokens
        linear = self.linear_s(n, pct)
        attn = n * self.attention_flops_per_token(n / 2) / self._rate(self.kv_precision, pct)
        return self.overhead_s + linear + attn + self.allreduce_s(n)

    def linear_s(self, tokens: float, pct: float) -> float:
        """Matrix multiplies of ``tokens`` tokens: 2 x active params FLOPs each, the shared
        part at ``pct`` % of peak and, for MoE, the k routed experts' part at the set's
        expert-GEMM share (grouped GEMMs over few tokens per expert run further from peak)."""
        m, rate = self.model, self._rate(self.precision, pct)
        moe_pct = self.factors.moe_flops_pct
        if not m.moe or moe_pct is None or m.expert_params <= 0:
            return tokens * 2 * m.active_params / rate
        routed = m.experts_per_token * m.expert_params
        expert_rate = self._rate(self.precision, moe_pct * pct / self.factors.flops_pct)
        return tokens * 2 * ((m.active_params - routed) / rate + routed / expert_rate)

    @property
    def overhead_s(self) -> float:
        """The fixed cost of one scheduler step: the set's cost per step plus its cost per
        layer (kernels are launched layer by layer) times the model's layers."""
        f = self.factors
        return f.step_overhead_ms / 1000.0 + self.model.layers * f.layer_overhead_us * 1e-6

    def allreduce_s(self, tokens: float) -> float:
        """Tensor-parallel all-reduces, two per layer (alpha-beta): each costs the stack's
        all-reduce latency plus tokens x hidden x 2 bytes (BF16 activations), of which a ring
        sends 2 (t - 1) / t over each GPU's link, one way at half the published bidirectional
        scale-up bandwidth times the achieved share."""
        if self.tp == 1 or self.gpu.scale_up_gb_s <= 0:
            return 0.0
        m, f = self.model, self.factors
        volume = tokens * m.layers * 2 * m.hidden_size * 2 * 2 * (self.tp - 1) / self.tp
        link = self.gpu.scale_up_gb_s / 2 * 1e9 * f.allreduce_bandwidth_pct / 100.0
        return volume / link + m.layers * 2 * f.allreduce_latency_us * 1e-6

    # --- decode -------------------------------------------------------------------------
    @property
    def decode_context(self) -> float:
        """Mean context of a sequence in a decode step: the prompt plus its output so far.

        With every request generating O tokens that is half the output. With lengths that
        spread (coefficient of variation cv), a sequence in flight is drawn in proportion to
        its length, since a long one stays in flight longer: its output so far averages
        E[O^2] / (2 E[O]) = O (1 + cv^2) / 2."""
        return self.input_tokens + self.output_tokens * (1 + self.output_cv**2) / 2

    def _bandwidth(self) -> float:
        pct = self.factors.decode_bandwidth_pct
        return self.tp * self.gpu.bandwidth_tb_s * TERA * pct / 100.0

    def weights_s(self, batch: float) -> float:
        """Reading the weights once (MoE: the experts the batch touches; under data-parallel
        attention every GPU reads its own copy of the shared weights)."""
        read = weight_bytes_read(self.model, self.precision, batch)
        read += replicated_bytes(self.model, self.precision, self.tp, self.data_parallel_attention)
        return read / self._bandwidth()

    def kv_s(self, batch: float) -> float:
        """Reading every sequence's KV cache at the mean decode context."""
        kv = kv_bytes(self.model, self.kv_precision, self.decode_context)
        copies = kv_replication(self.model, self.tp, self.data_parallel_attention)
        return batch * kv * copies / self._bandwidth()

    def gemm_s(self, tokens: float) -> float:
        """Matrix multiplies of ``tokens`` tokens, 2 x active params FLOPs each."""
        return self.linear_s(tokens, self.factors.flops_pct)

    def decode_attention_s(self, batch: float) -> float:
        """Attention of ``batch`` decode tokens against the mean decode context (for MLA the
        latent dimension, which makes it large)."""
        flops = batch * self.attention_flops_per_token(self.decode_context)
        return flops / self._rate(self.kv_precision, self.factors.flops_pct)

    def prompt_attention_s(self, batch: float) -> float:
        """Causal attention of the B / O prompts that arrive per step."""
        n = self.input_tokens
        flops = batch / self.output_tokens * n * self.attention_flops_per_token(n / 2)
        return flops / self._rate(self.kv_precision, self.factors.flops_pct)

    def step_s(self, batch: float) -> float:
        """One mixed step (in-flight batching with chunked prefill): the weights are read once
        while the tensor cores multiply every token of the step, so that part is their
        roofline (:meth:`roofline`); attention, KV reads and the prompts that arrive per step
        (B x I / O tokens in steady state) run in their own kernels and add, as do the fixed
        step cost and the all-reduces, and so does the stack's time per sequence in flight (its
        scheduling, sampling and bookkeeping grow with the batch)."""
        prompt_tokens = batch * self.input_tokens / self.output_tokens
        decode = self.roofline(self.weights_s(batch), self.gemm_s(batch))
        decode += self.decode_attention_s(batch)
        prompts = self.gemm_s(prompt_tokens) + self.prompt_attention_s(batch)
        comm = self.allreduce_s(batch + prompt_tokens)
        per_sequence = self.scheduled(batch) * self.factors.sequence_overhead_us * 1e-6
        return self.overhead_s + per_sequence + decode + prompts + self.kv_s(batch) + comm

    def roofline(self, read_s: float, multiply_s: float) -> float:
        """The time of a weight read and the matrix multiplies it feeds, run together: the
        slower of the two (full overlap, the sharp roofline), or with the set's roofline
        exponent p the smooth one, (read^p + multiply^p)^(1/p): near the ridge, where both
        take about as long, they overlap less (2^(1/p) x either at the ridge), and far from
        it the slower one dominates as before."""
        p = self.factors.roofline_exponent
        if p is None:
            return max(read_s, multiply_s)
        return float((read_s**p + multiply_s**p) ** (1.0 / p))

    def scheduled(self, batch: float) -> float:
        """Sequences one GPU's scheduler handles per step: all ``batch`` under tensor
        parallelism, its share under data-parallel attention."""
        return batch / self.tp if self.data_parallel_attention else batch

    def bound(self, batch: float) -> str:
        """What dominates a step: "bandwidth" (weights + KV reads) or "compute"."""
        memory = self.weights_s(batch) + self.kv_s(batch)
        tokens = batch * (1 + self.input_tokens / self.output_tokens)
        compute = (
            self.gemm_s(tokens) + self.prompt_attention_s(batch) + self.decode_attention_s(batch)
        )
        return "bandwidth" if memory >= compute else "compute"

    # --- operating point ----------------------------------------------------------------
    def operate(self, batch: int) -> OperatingPoint:
        """Steady state with ``batch`` sequences in flight and Poisson arrivals.

        Each in-flight sequence gets one token per step, so ITL = step. A request stays
        TTFT + O x ITL, so Little's law gives the request rate lambda = B / (s + O x step),
        with s the prefill of one prompt alone. Prefill keeps the tensor cores busy
        rho = lambda x s of the time, and a prompt waits for the prompts ahead of it (M/D/1,
        :func:`queue_wait_s`): TTFT = the stack's fixed time per request + s + that wait, its
        mean or the replica's percentile.
        """
        s = self.prefill_s()
        step = self.step_s(batch)
        rate = batch / (s + self.output_tokens * step)
        rho = rate * s
        fixed = self.factors.request_overhead_ms / 1000.0
        ttft = fixed + s + queue_wait_s(s, rho, self.ttft_percentile)
        mean = fixed + s + queue_wait_s(s, rho, None)
        return OperatingPoint(
            batch=batch,
            prefill_s=s,
            step_s=step,
            bound=self.bound(batch),
            prefill_share=rho,
            itl_s=step,
            ttft_s=ttft,
            ttft_mean_s=mean,
            requests_per_s=rate,
            output_tokens_per_s=rate * self.output_tokens,
        )

    def most_sequences(self, capacity: int, ok: Callable[[OperatingPoint], bool]) -> int:
        """Largest batch in [1, ``capacity``] whose operating point is ``ok`` (a latency bound:
        latency grows with the batch), by bisection; 0 when one sequence is not."""
        if capacity < 1 or not ok(self.operate(1)):
            return 0
        lo, hi = 1, capacity
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if ok(self.operate(mid)) else (lo, mid - 1)
        return lo


def queue_wait_s(s: float, rho: float, percentile: float | None) -> float:
    """The wait before a prompt's prefill ``s`` at prefill load ``rho`` (M/D/1).

    The mean is rho s / (2 (1 - rho)). A percentile p comes from the exponential tail of the
    heavy-traffic approximation, P(W > t) = rho exp(-t / theta) with theta = s / (2 (1 - rho))
    (which keeps the mean): W_p = theta ln(rho / (1 - p/100)) when rho > 1 - p/100, else 0.
    Either grows without bound as rho nears 1: the replica is saturated.
    """
    if rho >= 1.0:
        return float("inf")
    theta = s / (2.0 * (1.0 - rho))
    if percentile is None:
        return rho * theta
    tail = 1.0 - percentile / 100.0
    return theta * math.log(rho / tail) if rho > tail else 0.0


@dataclass(frozen=True)
class OperatingPoint:
    batch: int
    prefill_s: float
    step_s: float
    bound: str
    prefill_share: float
    itl_s: float
    ttft_s: float  # at the replica's TTFT percentile (the mean when it has none)
    ttft_mean_s: float
    requests_per_s: float
    output_tokens_per_s: float

    @property
    def tokens_per_s_per_user(self) -> float:
        return 1.0 / self.itl_s
