"""Checkpoint interval: a training plan checkpoints far more or far less often than the
Young/Daly optimum for its size.

## What it checks

For a training workload with `checkpoint_interval_min`, `checkpoint_size_gb` and the storage
write bandwidth (`storage.write_gb_s`): the job's mean time between interruptions
`M = 1 / (r x N)` (r the published interruptions per GPU-hour of `standards/reliability.yaml`,
N the GPUs in service), the checkpoint write time `C = size / write bandwidth`, and the
Young/Daly optimum period `P* = sqrt(2 x M x C)`. An interval less than half or more than
twice the optimum is a finding, with the goodput at both.

## Why

Checkpointing too often spends the cluster writing; too rarely, every interruption throws away
hours of work on every GPU. At thousands of GPUs interruptions come every few hours, so an
interval chosen for a small cluster can cost most of a large one's time.

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
  # expect: RCV002 11:28
  checkpoint_interval_min: 360
storage:
  read_gb_s: 500
  write_gb_s: 100
```

256 DGX H100 are 2,048 GPUs: `M = 1 / (1.973e-5 x 2,048) = 24.74 h`; `C = 6000 GB / 100 GB/s
= 60 s`; `P* = sqrt(2 x 89,080 s x 60 s) = 54.5 min`, and 360 min is 6.6 times that.

## How to fix

Set `checkpoint_interval_min` to the optimum the finding gives, or change what sets it: a faster
checkpoint write (storage write bandwidth, asynchronous or in-memory checkpoints) shortens the
optimum; fewer interruptions lengthen it.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules import _goodput
from linter.lint.rules.base import RuleContext

CODE = "RCV002"
NAME = "checkpoint-interval"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True
# Within a factor of two either way the goodput is within a few percent of its best: the
# waste C/P + P/(2M) at P = 2P* (or P*/2) is 1.25 times the minimum (Young's first order).
FACTOR = 2.0


def check(ctx: RuleContext) -> Iterator[Finding]:
    g = ctx.facts.goodput
    if g is None or g.interval_s is None or g.optimal_s is None:
        return
    ratio = g.interval_s / g.optimal_s
    if 1 / FACTOR <= ratio <= FACTOR:
        return
    at_plan, at_best = g.goodput(g.interval_s), g.goodput(g.optimal_s)
    how = "often" if ratio < 1 else "rarely"
    best_min = g.optimal_s / 60
    goodputs = (
        f"; goodput {fmt((at_plan or 0) * 100, 1)} % against {fmt((at_best or 0) * 100, 1)} % at "
        "the optimum"
        if at_plan is not None and at_best is not None
        else ""
    )
    yield ctx.finding(
        ("workload", "checkpoint_interval_min"),
        f"checkpoints every {fmt(g.interval_s / 60)} min, {fmt(max(ratio, 1 / ratio), 1)} times "
        f"too {how}: the Young/Daly optimum for {g.gpus:,} GPUs is {fmt(best_min, 1)} min"
        f"{goodputs}",
        limit=f"{fmt(best_min / FACTOR, 1)}-{fmt(best_min * FACTOR, 1)} min",
        limit_source=_goodput.source(ctx, "interruptions_per_gpu_hour"),
        arithmetic=(
            f"{g.mtbi_arithmetic()}; C = {fmt(g.write_s or 0, 1)} s; {g.optimal_arithmetic()} "
            f"({g.rate.caveat()})"
        ),
        fix=f"set checkpoint_interval_min: {fmt(best_min, 0)}",
        key=ctx.key("workload", "checkpoint_interval_min"),
        related=_goodput.related(ctx, "interruptions_per_gpu_hour"),
    )
