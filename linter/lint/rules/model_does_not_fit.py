"""Model does not fit: one replica cannot hold the model's weights and KV cache.

## What it checks

Plans with an inference `workload` on one system model. A replica is at most one NVLink
domain of the system (eight GPUs in a DGX, 72 in an NVL72 rack), using a tensor-parallel size
that divides the model's attention heads. If the weights at the plan's precision, plus the KV
cache of one full sequence (prompt + output tokens), exceed the memory the serving stack can
use on the largest such replica, it is an error that cannot be suppressed.

## Why

A model that does not fit does not start, or fails with out-of-memory errors under the first
long prompt. BF16 Llama 3.1 405B needs 810 GB for its weights alone; eight H100 GPUs have
640 GB.

## Example

```yaml
plan: big-model
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  rear_door: active
racks:
  - id: r01
    systems: [{model: dgx-h100, count: 4}]
workload:
  # expect: SIZ003 11:10
  model: llama-3.1-405b
  precision: bf16
  concurrent_users: 10
  input_tokens: 1000
  output_tokens: 200
  ttft_ms: 5000
  tokens_per_s_per_user: 10
```

## How to fix

Serve a narrower precision (FP8 halves the weights), choose a system with more memory per
GPU or a larger NVLink domain (H200, B200, GB200 NVL72), or a smaller model.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules.base import RuleContext

CODE = "SIZ003"
NAME = "model-does-not-fit"
DEFAULT_SEVERITY = "error"
IGNORABLE = False


def check(ctx: RuleContext) -> Iterator[Finding]:
    s = ctx.facts.sizing
    if s is None or s.refused is None or s.refused.reason != "model-does-not-fit":
        return
    yield ctx.finding(
        ("workload", "model"),
        s.refused.message,
        limit=f"one NVLink domain of {s.system}",
        limit_source=f"refarch size on {s.system}",
        fix="use a narrower precision or a system with more memory per NVLink domain",
        key=ctx.key("workload", s.system),
    )
