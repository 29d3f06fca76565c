"""DCIM cooling capacity: a rack gives off more heat than the cooling capacity the DCIM it was
imported from records for it.

## What it checks

Every rack with a `dcim.cooling_capacity_kw` (written by `refarch import netbox` from the
rack's NetBox 4.7 cooling capacity, or the sum of its cooling feeds'): the rack's heat, its IT
load at system maximum power (capped where the plan caps it: all of it becomes heat), against
that capacity. Over it is an error; within the planning margin below it a warning. The cooling
rules (CLG001, CLG007, CLG008) check the KB's published limits of the cooling mode; this one
checks what the site says it built.

## Why

A DCIM's cooling capacity is the site's own figure for what one rack position can reject, the
number facilities sign off. Systems that give off more heat than that run hot or throttle,
whatever the cooling technology could do elsewhere.

## Example

```yaml
plan: hall-c
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
racks:
  - id: c01
    systems: [{model: dgx-h100, count: 4}]
    dcim:
      object: netbox dcim.rack 1 C01
      # expect: DCM002 11:28
      cooling_capacity_kw: 30
```

4 x 10.2 kW = 40.8 kW of heat against the 30 kW NetBox records.

## How to fix

Move systems to racks with more cooling capacity, raise the rack's cooling (and its record in
the DCIM), or cap the systems' power.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding, Related
from linter.core.text import fmt
from linter.lint.power import basis
from linter.lint.rules.base import RuleContext

CODE = "DCM002"
NAME = "dcim-cooling-capacity"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    for group in ctx.plan.racks:
        dcim = group.dcim
        capacity = dcim.cooling_capacity_kw if dcim is not None else None
        load = ctx.facts.load(group)
        if dcim is None or capacity is None or not load.known:
            continue
        severity = ctx.grade(load.kw, capacity)
        if severity is None:
            continue
        top, remove = load.to_shed(capacity)
        what = dcim.object or "the DCIM"
        yield ctx.over_limit(
            (*group.path, "dcim", "cooling_capacity_kw"),
            f"{group.label} gives off {fmt(load.kw)} kW of heat per rack {basis(load.capped)}",
            used=load.kw,
            limit=capacity,
            unit="kW",
            limit_name="cooling capacity",
            the_limit=f"the {fmt(capacity)} kW cooling capacity {what} records",
            sum_expr=load.arithmetic(),
            limit_source=f"plan {ctx.plan.id} racks[{group.index}].dcim.cooling_capacity_kw",
            fix_over=f"remove {remove} {top.model} per rack, raise the rack's "
            f"cooling to at least {fmt(load.kw)} kW (and its record in the DCIM), or cap power",
            severity=severity,
            key=ctx.key("racks", group.id, "dcim", "cooling"),
            related=(Related(dcim.url, 0, 0, f"{what}: its cooling capacity"),) if dcim.url else (),
        )
