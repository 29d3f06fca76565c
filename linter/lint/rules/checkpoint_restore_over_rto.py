"""Checkpoint restore over RTO: restoring a training checkpoint takes longer than the plan's
recovery-time objective.

## What it checks

For a training workload that states `checkpoint_size_gb` and `rto_min`, the time to read the
checkpoint back at the plan's aggregate storage read bandwidth (`storage.read_gb_s`):
restore time = checkpoint size / read bandwidth. Above the RTO is an error; within the
planning margin below it a warning. Restore is only part of recovery (rescheduling, restart
and warm-up come on top), so the margin matters.

## Why

A large training job loses all progress since its last checkpoint on every failure, and at
thousands of GPUs failures are routine. If reading the checkpoint back alone takes longer than
the RTO, the objective cannot be met.

## Example

```yaml
plan: train
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
racks:
  - {id: r01}
workload:
  type: training
  checkpoint_size_gb: 12000
  # expect: RCV001 11:12
  rto_min: 1
storage:
  read_gb_s: 125
```

`12000 GB / 125 GB/s = 96 s > 60 s RTO`.

## How to fix

Raise storage read bandwidth to at least checkpoint size / RTO, shrink the checkpoint
(sharded, optimizer state elsewhere), restore from local NVMe, or relax the RTO.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules.base import RuleContext

CODE = "RCV001"
NAME = "checkpoint-restore-over-rto"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def _positive(v: object) -> bool:
    return isinstance(v, int | float) and v > 0


def check(ctx: RuleContext) -> Iterator[Finding]:
    wl = ctx.plan.workload
    size, rto = wl.get("checkpoint_size_gb"), wl.get("rto_min")
    read = ctx.plan.storage.get("read_gb_s")
    if wl.get("type") == "inference":
        return
    if not (_positive(size) and _positive(rto) and _positive(read)):
        return
    assert isinstance(size, int | float) and isinstance(rto, int | float)
    assert isinstance(read, int | float)
    restore_s = size / read
    rto_s = rto * 60
    severity = ctx.grade(restore_s, rto_s)
    if severity is None:
        return
    word, relation = ctx.standing(restore_s, rto_s)
    yield ctx.finding(
        ("workload", "rto_min"),
        f"restoring the {fmt(size)} GB checkpoint takes {fmt(restore_s, 1)} s at "
        f"{fmt(read)} GB/s, {word} the "
        f"{fmt(rto_s)} s recovery-time objective",
        severity=severity,
        limit=f"{fmt(rto_s)} s",
        limit_source=f"plan {ctx.plan.id} workload.rto_min",
        arithmetic=f"{fmt(size)} GB / {fmt(read)} GB/s = {fmt(restore_s, 1)} s "
        f"{relation} {fmt(rto)} min = {fmt(rto_s)} s",
        fix=f"raise storage read bandwidth to at least "
        f"{fmt(size / (rto_s * (1 - ctx.margin_pct / 100)))} GB/s (restore within the RTO with a "
        f"{fmt(ctx.margin_pct)} % margin), or shrink the checkpoint",
        key=ctx.key("workload", "rto_min"),
    )
