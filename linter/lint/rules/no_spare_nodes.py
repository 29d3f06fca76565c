"""No spare nodes: the plan keeps no spare systems for failover.

## What it checks

A plan with systems and no `spares.systems` (or zero). The fix suggests one spare per
scalable unit of the pinned architecture (at least one).

## Why

At scale, a node is always failing somewhere. Without spares, every failure shrinks the
cluster until a repair, and jobs sized to the full cluster cannot restart.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
# expect: FRG005 6:1
racks:
  - {id: r01, count: 8, systems: [{model: dgx-h100, count: 4}]}
```

## How to fix

Add `spares: {systems: N}` and keep those systems racked, cabled and powered.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.power import racks_of
from linter.lint.rules._units import su_count
from linter.lint.rules.base import RuleContext

CODE = "FRG005"
NAME = "no-spare-nodes"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    systems = ctx.plan.system_count(spans=racks_of(ctx.kb))
    spares = ctx.plan.spares.get("systems")
    if systems == 0 or (isinstance(spares, int) and spares > 0):
        return
    count = su_count(ctx)
    want = count.units if count is not None else 1
    where = ("spares", "systems") if "spares" in ctx.data else ("racks",)
    yield ctx.finding(
        where,
        f"no spare systems for {systems} in service: every failure shrinks the cluster until "
        "it is repaired",
        on_key=where == ("racks",),
        limit=f"{want} spare",
        limit_source="one spare per scalable unit" if count is not None else "at least one spare",
        arithmetic=f"spares.systems = {spares or 0}",
        fix=f"add spares: {{systems: {want}}}"
        + (f" (one per scalable unit of {count.per_unit} {count.model})" if count else ""),
        key=ctx.key("spares", "systems"),
    )
