"""Hall power over budget: all racks together can draw more than the hall's IT power budget.

## What it checks

When the facility states `hall_budget_kw` (the IT power the hall can deliver), the sum of
every rack's load at system maximum power (rack groups count `count` times; network,
management and storage racks at their `load_kw`) against it. When the plan declares no such
racks and the pinned architecture publishes a power budget per scalable unit
(`scalable_unit.power_kw`), what that budget allows over the unit's compute racks is added
for every scalable unit the plan occupies, and the arithmetic says so. Above it is an error;
within the planning margin below it a warning. When the plan states `pue`, the finding also
gives the facility power it implies (IT power x PUE).

## Why

The hall's transformers, UPS and cooling plant are sized for a total; a plan that adds racks
one by one can pass every rack check and still exceed the hall.

## Example

```yaml
# expect: PWR004 6:19
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  hall_budget_kw: 1000
  pue: 1.4
racks:
  - {id: a, count: 20, systems: [{model: dgx-h100, count: 4}]}
  - {id: b, count: 10, systems: [{model: dgx-h100, count: 2}]}
```

`20 x 40.8 kW + 10 x 20.4 kW = 1020 kW > 1000 kW hall budget`.

## How to fix

Remove racks or raise the hall budget to at least the computed total.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.power import basis
from linter.lint.rules._units import su_count
from linter.lint.rules.base import RuleContext

CODE = "PWR004"
NAME = "hall-power-over-budget"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def _allowance(ctx: RuleContext) -> tuple[int, float] | None:
    """(scalable units, kW each) the architecture's per-unit budget allows beyond its compute
    racks, when the plan declares no network, management or storage racks; else None."""
    if ctx.arch is None or any(g.kind != "compute" for g in ctx.plan.racks):
        return None
    su = ctx.arch.scalable_unit
    budget = su.power_kw.value if su is not None else None
    count = su_count(ctx)
    if su is None or budget is None or count is None:
        return None
    entry = ctx.kb.system(count.model)
    kw = entry.rack_share_kw if entry is not None else None
    if entry is None or kw is None:
        return None
    extra = budget - count.per_unit * entry.racks * kw
    return (count.units, extra) if extra > 0 else None


def check(ctx: RuleContext) -> Iterator[Finding]:
    budget = ctx.plan.facility.get("hall_budget_kw")
    if not isinstance(budget, int | float):
        return
    parts = []
    capped = False
    for g in ctx.plan.racks:
        load = ctx.facts.load(g)
        if load.known:
            parts.append((g.count, load.kw))
            capped = capped or load.capped
    total = sum(n * kw for n, kw in parts)
    allowance = _allowance(ctx)
    if allowance is not None:
        units, each = allowance
        total += units * each
        parts.append((units, each))
    severity = ctx.grade(total, budget)
    if severity is None:
        return
    terms = " + ".join(f"{n} x {fmt(kw)} kW" for n, kw in parts)
    if allowance is not None:
        terms += (
            f" (the last: {ctx.arch.ref if ctx.arch else ''} scalable_unit.power_kw over its "
            "compute racks, for network and management racks the plan does not declare)"
        )
    pue = ctx.plan.facility.get("pue")
    facility = (
        f"; facility power at PUE {fmt(pue)} is {fmt(total * pue)} kW"
        if isinstance(pue, int | float)
        else ""
    )
    yield ctx.over_limit(
        ("facility", "hall_budget_kw"),
        f"the plan draws {fmt(total)} kW of IT power {basis(capped)}",
        used=total,
        limit=budget,
        unit="kW",
        limit_name="hall budget",
        the_limit=f"the {fmt(budget)} kW hall budget",
        tail=facility,
        sum_expr=f"{terms} = {fmt(total)} kW",
        limit_source=f"plan {ctx.plan.id} facility.hall_budget_kw",
        fix_over=f"remove {fmt(total - budget)} kW of racks or raise the hall budget to at least "
        f"{fmt(total)} kW",
        severity=severity,
        key=ctx.key("hall"),
    )
