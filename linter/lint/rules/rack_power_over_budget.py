"""Rack power over budget: the systems in a rack can draw more than the rack's power budget.

## What it checks

For every rack (or group of identical racks) with a `budget_kw`, the sum of the **system
maximum power** (`max_power_kw` in the catalog, never GPU TDP) of everything in the rack,
against the budget. Above the budget is an error; within the planning margin below it
(`margin_pct`, default 10 %) a warning.

## Why

A rack budget is what its circuits, PDUs and cooling were provisioned for. A DGX H100 is
specified at 10.2 kW at maximum, far above eight times its GPUs' TDP; budgeting from GPU TDP
is the classic way to trip breakers at the first full-load job.

## Example

```yaml
# expect: PWR001 9:16
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  rear_door: active
racks:
  - id: r01
    budget_kw: 40
    systems: [{model: dgx-h100, count: 4}]
```

`4 x 10.2 kW = 40.8 kW > 40 kW budget`.

## How to fix

Remove systems from the rack (the finding says how many) or raise the budget to at least the
computed load, if the circuits and cooling can deliver it.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.power import basis
from linter.lint.rules.base import RuleContext

CODE = "PWR001"
NAME = "rack-power-over-budget"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    for group in ctx.plan.racks:
        load = ctx.facts.load(group)
        budget = group.budget_kw
        if budget is None or not load.known:
            continue
        severity = ctx.grade(load.kw, budget)
        if severity is None:
            continue
        top, remove = load.to_shed(budget)
        yield ctx.over_limit(
            (*group.path, "budget_kw"),
            f"{group.label} draws {fmt(load.kw)} kW per rack {basis(load.capped)}",
            used=load.kw,
            limit=budget,
            unit="kW",
            limit_name="budget",
            the_limit=f"its {fmt(budget)} kW budget",
            sum_expr=load.arithmetic(),
            limit_source=f"plan {ctx.plan.id} racks[{group.index}].budget_kw",
            fix_over=f"remove {remove} {top.model} per rack or raise the budget to at least "
            f"{fmt(load.kw)} kW",
            fix_within_extra=f", or remove 1 {top.model} per rack",
            severity=severity,
            key=ctx.key("racks", group.id),
            related=tuple(
                ctx.related(t.entry, t.entry.rack_share_key)
                for t in load.terms
                if t.entry is not None
            ),
        )
