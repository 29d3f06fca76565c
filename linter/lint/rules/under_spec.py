"""Under-spec: the plan's GPUs cannot serve its workload at the latency it asks for.

## What it checks

Plans with an inference `workload` (model, precision, concurrent users, prompt and output
tokens, a time-to-first-token target and a per-user speed as `tokens_per_s_per_user` or
`itl_ms`) on one system model. The sizing engine (`refarch size`, with the calibrated
efficiency factors of the system's GPU generation) works out how many GPUs and systems the
workload needs; fewer systems in the racks than that is an error, with the numbers. A target
that no number of these systems can meet (below the physical floor, or beyond what the
calibrated factors allow even for one user) is reported here too, at that target.

## Why

An under-sized inference cluster does not degrade gracefully: queues grow without bound,
time to first token climbs from milliseconds to minutes, and requests time out. Adding GPUs
after the racks, power and cooling are built is the expensive way to find out.

## Example

```yaml
plan: chat-hall
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  rear_door: active
racks:
  - id: r01
    systems: [{model: dgx-h100, count: 4}]
workload:
  model: llama-3.3-70b
  precision: fp8
  # expect: SIZ001 13:21
  concurrent_users: 1000
  input_tokens: 5000
  output_tokens: 500
  ttft_ms: 1000
  tokens_per_s_per_user: 17
```

## How to fix

Add the systems the message names (`refarch size` prints the whole layout: tensor parallel,
replicas, racks, kW and cooling), relax the latency targets, shorten prompts, or serve a
narrower precision.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules._sizing import target_path, users_served
from linter.lint.rules.base import RuleContext

CODE = "SIZ001"
NAME = "under-spec"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    s = ctx.facts.sizing
    if s is None:
        return
    if s.refused is not None:
        if s.refused.reason == "model-does-not-fit":
            return  # model-does-not-fit reports it
        yield ctx.finding(
            target_path(ctx, s.refused),
            s.refused.message,
            limit=s.refused.reason,
            limit_source=f"refarch size on {s.system}",
            fix="relax the target, shorten the prompt or choose a faster system",
        )
        return
    r = s.result
    if r is None or s.systems_in_plan >= r.systems:
        return
    served = users_served(s)
    yield ctx.finding(
        ("workload", "concurrent_users"),
        f"{s.workload.users:,} users need {r.gpus} GPUs in {r.systems} {s.system} "
        f"(tensor parallel {r.tensor_parallel} x {r.replicas} replicas of up to "
        f"{r.max_sequences_per_replica} sequences, bottleneck {r.bottleneck}); the plan has "
        f"{s.systems_in_plan} ({s.gpus_in_plan} GPUs), enough for about {served:,} users at "
        f"TTFT <= {s.workload.ttft_ms:g} ms and {s.workload.tokens_per_s:g} tokens/s each",
        limit=f"{r.systems} systems",
        limit_source=f"refarch size with {r.efficiency} efficiency factors",
        arithmetic=f"ceil({s.workload.users} users / {r.max_sequences_per_replica} per replica) "
        f"= {r.replicas} replicas x TP {r.tensor_parallel} = {r.gpus} GPUs -> {r.systems} "
        f"systems > {s.systems_in_plan}",
        fix=f"add {r.systems - s.systems_in_plan} {s.system} ({r.it_kw:g} kW IT in total "
        f"for {r.systems}) or lower the workload",
        key=ctx.key("workload", s.system),
    )
