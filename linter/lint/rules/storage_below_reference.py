"""Storage below reference: the plan's storage read bandwidth is below what its reference
architecture provisions for the plan's size.

## What it checks

`storage.read_gb_s` against the architecture's `storage.read_gb_s`, which references state per
scalable unit: the figure is multiplied by the number of scalable units the plan occupies (a
partial unit counts as one). Below it is a warning.

## Why

Dataset reads, model loading and checkpoint restore all run at the storage fabric's speed; a
cluster scaled out without its storage waits on I/O.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
racks:
  - {id: r, count: 16, systems: [{model: dgx-h100, count: 4}]}
storage:
  # expect: ARC007 9:14
  read_gb_s: 125
```

`64 dgx-h100 = 2 SUs; 2 x 125 GB/s = 250 GB/s > 125 GB/s`.

## How to fix

Provision the architecture's storage bandwidth per scalable unit.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules._units import su_count
from linter.lint.rules.base import RuleContext

CODE = "ARC007"
NAME = "storage-below-reference"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    arch = ctx.arch
    have = ctx.plan.storage.get("read_gb_s")
    if arch is None or not isinstance(have, int | float):
        return
    per_unit = arch.storage.read_gb_s.value
    if per_unit is None:
        return
    count = su_count(ctx)
    units = count.units if count is not None else 1
    need = per_unit * units
    if have >= need - 1e-9:
        return
    ref = arch.ref
    sized = f"{count.systems} {count.model} = {units} SU; " if count is not None else ""
    yield ctx.finding(
        ("storage", "read_gb_s"),
        f"storage reads at {fmt(have)} GB/s, below the {fmt(need)} GB/s {ref} provisions for "
        f"{units} scalable unit{'' if units == 1 else 's'}",
        limit=f"{fmt(need)} GB/s",
        limit_source=f"{ref} storage.read_gb_s",
        arithmetic=f"{sized}{units} x {fmt(per_unit)} GB/s = {fmt(need)} GB/s > {fmt(have)} GB/s",
        fix=f"provision at least {fmt(need)} GB/s of aggregate read bandwidth",
        key=ctx.key("storage", "read_gb_s"),
        related=(ctx.related(arch, "storage", "read_gb_s"),),
    )
