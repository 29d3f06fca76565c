"""Spares for repair: a training plan keeps fewer spare nodes than the nodes expected to fail
while one is being repaired.

## What it checks

For a training workload with `repair_min` (the time to repair or replace a failed node): the
expected hardware failures during one repair, `hardware share x r x N x repair time`, where `r`
is the published interruption rate per GPU-hour, the hardware share the part of the published
interruptions caused by GPUs, networks and hosts (both from `standards/reliability.yaml`) and
`N` the GPUs in service. Fewer spare systems (`spares.systems`) than that, rounded up, is a
finding.

## Why

A job that needs every node waits for a repair unless a spare takes the failed node's place. If
more nodes fail during one repair than there are spares, the job stops or shrinks until repairs
catch up, and restart time grows from minutes to the repair time.

## Example

```yaml
plan: train
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
racks:
  - {id: su, count: 512, systems: [{model: dgx-h100, count: 4}]}
spares:
  # expect: RCV004 9:12
  systems: 2
workload:
  type: training
  repair_min: 48 h
```

2,048 DGX H100 less 2 spares are 16,368 GPUs: `0.7733 x 1.973e-5 x 16,368 x 48 h = 12.0`
failures during one repair, so 12 spares.

## How to fix

Keep at least the spare systems the finding gives, or shorten the repair (on-site parts, a
faster replacement process).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules import _goodput
from linter.lint.rules.base import RuleContext

CODE = "RCV004"
NAME = "spares-for-repair"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    repair = ctx.plan.workload.get("repair_min")
    g = ctx.facts.goodput
    if g is None or not isinstance(repair, int | float) or repair <= 0:
        return
    expected = g.failures_during(repair)
    needed = math.ceil(expected - 1e-9)
    spares = ctx.plan.spares.get("systems", 0)
    have = spares if isinstance(spares, int) else 0
    if have >= needed:
        return
    stated = "systems" in ctx.plan.spares
    yield ctx.finding(
        ("spares", "systems") if stated else ("racks",),
        f"{have} spare systems for {fmt(expected, 1)} node failures expected during one "
        f"{fmt(repair / 60, 1)} h repair of {g.gpus:,} GPUs",
        limit=f"{needed} spares",
        limit_source=_goodput.source(ctx, "hardware_share_pct"),
        arithmetic=(
            f"{fmt(g.rate.hardware_share, 4)} hardware share x {g.rate.per_gpu_hour:.4g} per "
            f"GPU-hour x {g.gpus:,} GPUs x {fmt(repair / 60, 2)} h = {fmt(expected, 2)} "
            f"({g.rate.caveat()})"
        ),
        fix=f"keep spares: {{systems: {needed}}}, or shorten the repair",
        on_key=not stated,
        key=ctx.key("spares", "systems", "repair"),
        related=_goodput.related(ctx, "interruptions_per_gpu_hour", "hardware_share_pct"),
    )
