"""Goodput below target: a training plan's expected useful share of time is below the
target it states.

## What it checks

For a training workload with `goodput_target_pct`, `checkpoint_size_gb`, storage read and write
bandwidth and `restart_min`: the expected goodput at the plan's `checkpoint_interval_min`
(else at the Young/Daly optimum): one period's work over the expected wall time to complete and
save it when interruptions are exponential (Daly),
`P / (M x e^(R/M) x (e^((P + C)/M) - 1))`, where `M` is the job's mean time between
interruptions (the published rate of `standards/reliability.yaml` times the GPUs in service),
`C` the checkpoint write time, `P` the checkpoint period and `R` the restart time: `restart_min`
plus reading the checkpoint back at the plan's read bandwidth (every node loading its part of
the model). Below the target is an error.

## Why

At a thousand servers, failures are routine: each one costs the work since the last checkpoint
on every GPU, plus the restart. A plan that meets its throughput on paper can lose a large
share of its time to them; the budget and the timeline follow the goodput, not the peak.

## Example

```yaml
plan: train
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
racks:
  - {id: su, count: 64, systems: [{model: dgx-h100, count: 4}]}
workload:
  type: training
  checkpoint_size_gb: 6000
  checkpoint_interval_min: 360
  restart_min: 10
  # expect: RCV003 13:23
  goodput_target_pct: 90
storage:
  read_gb_s: 500
  write_gb_s: 100
```

`M = 24.74 h = 89,080 s`, `C = 60 s`, `R = 600 s + 12 s`:
`21600 / (89,080 x e^(612/89,080) x (e^(21660/89,080) - 1)) = 87.5 %`, below 90 %.

## How to fix

Checkpoint at the optimum period; cut the checkpoint write (more storage write bandwidth,
asynchronous or in-memory checkpoints) and the restart (faster rescheduling, hot spare nodes,
more read bandwidth); or lower the target the plan can honestly meet.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules import _goodput
from linter.lint.rules.base import RuleContext

CODE = "RCV003"
NAME = "goodput-below-target"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    target = ctx.plan.workload.get("goodput_target_pct")
    g = ctx.facts.goodput
    if g is None or not isinstance(target, int | float) or g.optimal_s is None:
        return
    period = g.interval_s or g.optimal_s
    got = g.goodput(period)
    if got is None or got * 100 >= target:
        return
    best = g.goodput(g.optimal_s) or 0.0
    which = "its checkpoint interval" if g.interval_s else "the optimum checkpoint interval"
    levers = []
    if g.interval_s and best > got:
        levers.append(f"checkpoint every {fmt(g.optimal_s / 60, 0)} min ({fmt(best * 100, 1)} %)")
    levers += [
        "a faster checkpoint write (storage write bandwidth, asynchronous or in-memory "
        "checkpoints)",
        "a shorter restart (hot spare nodes, faster rescheduling, more read bandwidth)",
    ]
    if best * 100 < target:
        levers.append(f"or a target of at most {fmt(best * 100, 0)} %")
    yield ctx.finding(
        ("workload", "goodput_target_pct"),
        f"expected goodput {fmt(got * 100, 1)} % at {which} ({fmt(period / 60, 1)} min), below "
        f"the {fmt(target)} % target: {g.gpus:,} GPUs are interrupted every "
        f"{fmt(g.mtbi_s / 3600, 1)} h",
        limit=f"{fmt(target)} %",
        limit_source=f"plan {ctx.plan.id} workload.goodput_target_pct",
        arithmetic=(
            f"{g.mtbi_arithmetic()}; R = {g.restart_arithmetic()}; goodput = "
            f"{g.goodput_arithmetic(period)} < {fmt(target)} % ({g.rate.caveat()})"
        ),
        fix="; ".join(levers),
        key=ctx.key("workload", "goodput_target_pct"),
        related=_goodput.related(ctx, "interruptions_per_gpu_hour"),
    )
