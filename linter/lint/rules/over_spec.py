"""Over-spec: the plan has more systems than its workload needs, beyond the planning margin.

## What it checks

Plans with an inference `workload` on one system model, sized as in `under-spec`. More
systems in the racks than the workload needs plus the planning margin (`margin` in the
config, 10 % by default) is a warning that names the GPUs and the IT kW it leaves idle.
Spare systems listed under `spares` are not counted.

## Why

Idle GPUs still draw power, take rack space and cooling, and cost money; over-building by a
rack or two is a common result of sizing from GPU memory alone or by rule of thumb.

## Example

```yaml
plan: small-chat
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  rear_door: active
racks:
  - id: r01
    count: 2
    systems: [{model: dgx-h100, count: 4}]
workload:
  model: llama-3.3-70b
  precision: fp8
  # expect: SIZ002 14:21
  concurrent_users: 100
  input_tokens: 2000
  output_tokens: 500
  ttft_ms: 1000
  tokens_per_s_per_user: 20
```

## How to fix

Remove the idle systems (the message gives how many), or plan for the growth that justifies
them in `concurrent_users`, or declare real spares under `spares`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules.base import RuleContext

CODE = "SIZ002"
NAME = "over-spec"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    s = ctx.facts.sizing
    if s is None or s.result is None:
        return
    r = s.result
    allowed = math.ceil(r.systems * (1 + ctx.margin_pct / 100) - 1e-9)
    if s.systems_in_plan <= allowed:
        return
    entry = ctx.kb.system(s.system)
    per_kw = entry.max_power_kw.value if entry is not None else None
    idle = s.systems_in_plan - r.systems
    kw = f", {idle * per_kw:,.1f} kW of IT power" if per_kw is not None else ""
    yield ctx.finding(
        ("workload", "concurrent_users"),
        f"{s.workload.users:,} users need {r.systems} {s.system} ({r.gpus} GPUs at tensor "
        f"parallel {r.tensor_parallel}); the plan has {s.systems_in_plan}, more than the "
        f"{ctx.margin_pct:g} % margin allows ({allowed}): {idle} systems "
        f"({idle * s.gpus_per_system} GPUs{kw}) would sit idle",
        limit=f"{allowed} systems",
        limit_source=f"refarch size with {r.efficiency} efficiency factors, margin "
        f"{ctx.margin_pct:g} %",
        arithmetic=f"{r.systems} needed x (1 + {ctx.margin_pct:g} %) -> {allowed} < "
        f"{s.systems_in_plan}",
        fix=f"remove {s.systems_in_plan - allowed} {s.system} or raise concurrent_users",
        key=ctx.key("workload", s.system),
    )
