"""Sizing: GPUs, systems, racks, power and cooling from model, users and targets.

# The method

Inputs: a model (`catalog/models`), a weight precision, a system (`catalog/systems`), the
number of concurrent users (sequences in flight; or a request rate R, turned into users by
Little's law, users = ceil(R x (TTFT target + O / speed))), prompt tokens *I*, output tokens
*O*, a time to first token (TTFT) target on a percentile (P99 by default, or P50, P90 or the
mean) and a per-user generation speed (tokens/s, or 1000 / ITL ms).
Every hardware and model number comes from the knowledge base; the efficiency factors come
from `catalog/efficiency/<generation>-<stack>.yaml`, one set per accelerator generation and
serving stack, fitted once to the published measurements listed in that file.

## Memory

- weights = P x b, with P the total parameters (MoE too) and b the bytes per parameter
  including block scales: BF16 2, FP8 1, NVFP4 (16 x 0.5 + 1) / 16 = 0.5625,
  MXFP4 (32 x 0.5 + 1) / 32 = 0.53125, INT4 group-128 (128 x 4 + 20) / 1024.
- KV cache per token and layer = 2 x KV heads x head dim x b_kv; with MLA it is
  (kv_lora_rank + qk_rope_head_dim) x b_kv. A sequence of n tokens holds
  KV = per-layer x (full layers x n + sliding-window layers x min(n, window)).
  The KV cache is FP8 when the weights are 8-bit or narrower, else BF16.
- usable memory per GPU = nameplate GB x memory_usable_pct (the rest is headroom for
  activations and runtime buffers). With tensor parallelism t a replica holds
  t x usable - weights of KV cache; GQA heads are replicated once t exceeds the KV heads.
- MoE and MLA models are served with attention data parallelism: each GPU of a replica holds
  the KV of its own B / t sequences (no replication across GPUs), and every GPU keeps the
  shared, non-expert weights, so a replica holds (t - 1) x shared bytes on top of the weights.
  A calibration point measured with tensor-parallel attention (attention_data_parallel:
  false) is estimated that way: no extra shared copies, but every GPU holds the whole MLA
  latent cache (t copies) and GQA heads are copied past the KV-head count.
- t runs over the divisors of the attention heads that fit the system's NVLink domain. A
  replica that cannot hold its weights plus the KV of one full sequence (I + O tokens) at the
  largest t is refused (BF16 Llama 3.1 405B on 8 x H100: 810 GB of weights, 608 GB usable).

## Time

With A the active parameters, F = t x dense peak x flops_pct,
B_w = t x memory bandwidth x decode_bandwidth_pct, o the set's fixed cost per step
(step_overhead_ms, plus layer_overhead_us per layer of the model) and q its cost per
sequence per step (sequence_overhead_us; each 0 when
the set leaves it out). For a MoE model the 2A FLOPs per token split into the shared part
at flops_pct and the routed experts at moe_flops_pct (their GEMMs are small and many). B'
is the sequences one GPU schedules: B, or B / t under attention data parallelism:

- prefill of one prompt s = o + I x (2A + attention(I / 2)) / F + all-reduce(I), where
  attention(c) = 4 x heads x head dim x c per layer (capped at the window on sliding-window
  layers) and all-reduce(n) = 2 x layers x (alpha + n x hidden x 2 bytes x 2 (t - 1) / t over
  half the bidirectional NVLink bandwidth x allreduce_bandwidth_pct), alpha being the set's
  allreduce_latency_us (alpha-beta; no all-reduce at t = 1).
- a decode step with B sequences (in-flight batching: each step also carries the B x I / O
  prompt tokens that arrive per step in steady state):
  step = o + B' x q + roof(weights read / B_w, B x 2A / F) + B x attention(c) / F
         + prompt tokens x 2A / F + B x KV(c) / B_w + prompt attention / F
         + all-reduce(B + prompt tokens),
  c = I + O x (1 + cv^2) / 2 being the mean context of a sequence in flight: with output
  lengths that spread (cv = their standard deviation / mean, --output-tokens-cv, a plan's
  workload.output_tokens_cv; 0 by default) a sequence in flight is drawn in proportion to
  its length, so its output so far averages E[O^2] / (2 E[O]).
  roof(r, m) is the slower of the two (max(r, m), full overlap), or (r^p + m^p)^(1/p) for a
  set that states a roofline exponent p (roofline_exponent; its fit points tell it apart from
  full overlap): near the ridge the read and the multiplies overlap less. Decode is
  bandwidth bound while the first term is the weight read; MoE reads the shared
  weights plus E x (1 - (1 - k / E)^B) experts per layer (k at B = 1: bandwidth follows the
  active parameters, memory the total), and under attention data parallelism each of the t
  GPUs reads its own copy of the shared weights.
- ITL = step, tokens/s per user = 1 / step. Requests arrive at lambda = B / (s + O x step)
  (Little's law); prefill keeps the tensor cores busy rho = lambda x s of the time, and a
  prompt waits for the ones ahead of it (M/D/1: independent users, Poisson arrivals): the
  mean wait is rho x theta with theta = s / (2 (1 - rho)), and the p-th percentile
  theta x ln(rho / (1 - p)) (0 when rho <= 1 - p), the exponential tail of the heavy-traffic
  approximation. TTFT = r + s + that wait, r being the set's fixed time per request before
  its first token (request_overhead_ms: ingress, tokenisation, admission; 0 when the set
  leaves it out).

## From replicas to the facility

- sequences per replica = the largest B that fits the KV cache and meets both targets; the
  tensor-parallel size is the one that needs the fewest GPUs (ties: the smaller), never below
  the smallest that fits; replicas = ceil(users / B); GPUs = replicas x t.
- systems = ceil(replicas / (GPUs per system / t)); racks = ceil(systems / systems per rack)
  with the densest rack profile of an architecture using that system (one per rack if none).
- IT kW = systems x the system's max_power_kw (never GPU TDP); facility kW = IT kW x PUE
  (default: the latest survey average in `standards/pue.yaml`); heat = IT kW, also in BTU/h.
- cooling = the cooling-catalog option with the smallest rack_kw_max (its default) that takes
  one full rack and suits the system (air-cooled systems: air or rear-door; liquid or hybrid
  systems: direct-liquid or immersion).
- bottleneck: memory (one replica at the smallest fitting size serves everyone: the weights
  set the size), kv-cache (the cache is full before a latency target binds), bandwidth or
  compute (what dominates the step at which a target stops being met; a TTFT limit is compute).
- at the measured error (`shortfall`): where the set's held-out points include throughputs,
  the largest over-estimate e among them (the answer's model's own where there are some)
  gives replicas' = ceil(replicas x (1 + e)), counted into GPUs, systems, racks and kW as
  above: what the answer takes if each replica serves only estimate / (1 + e).

## Refusals

A TTFT shorter than one prefill at 100 % of the dense peak of the largest replica, or a
per-user speed above one weight read per token at 100 % of its memory bandwidth, is below the
physical floor and refused with the arithmetic. Targets above the floor that the calibrated
factors cannot meet are refused with the best TTFT and speed one user would get.
"""

from __future__ import annotations

from linter.sizing.engine import Options, SizingRefused, SizingResult, Workload, compare, size

__all__ = ["Options", "SizingRefused", "SizingResult", "Workload", "compare", "size"]
