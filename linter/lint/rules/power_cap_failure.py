"""Power cap failure: under a declared power-capping policy, what trips if the cap fails and
every system draws its nameplate maximum.

## What it checks

Only plans with `facility.power_policy` (a `cap_pct` for every system or per-system `caps_kw`,
its `mechanism` and `source`). The power rules (rack, feed, row and hall budgets, cooling) then
check the capped load. This rule recomputes the same limits at nameplate (the catalog's
`max_power_kw`) and warns, with the oversubscription ratio (nameplate / limit), for each one a
failed cap would cross:

* a rack's `budget_kw`;
* a branch circuit's continuous limit (the PWR002 arithmetic, on failover where feeds are
  redundant): the breaker that trips;
* the hall's `hall_budget_kw`.

## Why

Power-capped designs (NVIDIA's Domain Power Service, Max-Q profiles) put more GPUs behind a
feed than nameplate allows. That is a deliberate oversubscription: it is safe while the
policy holds. Planners need to see how deep it goes and what fails first when it does not.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
  power_policy:
    mechanism: BMC node power cap
    source: site power policy PP-7
    cap_pct: 75
racks:
  # expect: PWR009 11:9
  - id: r01
    budget_kw: 32
    systems: [{model: dgx-h100, count: 4}]
```

The four DGX H100 are capped at 7.65 kW each (30.6 kW, within the 32 kW budget); if the cap
fails they draw 40.8 kW, 1.27x the budget.

## How to fix

Nothing is wrong while the cap holds. Make sure the cap is enforced in hardware or firmware
(not only by a scheduler), that its failure raises an alarm, and that the breaker which trips
first is the one you expect; or lower the oversubscription.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.power import circuit
from linter.lint.rules.base import RuleContext

CODE = "PWR009"
NAME = "power-cap-failure"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def _limit_source(ctx: RuleContext) -> str:
    elec = ctx.standard("electrical")
    return ctx.source(elec, "continuous_load_factor_pct") if elec is not None else ""


def check(ctx: RuleContext) -> Iterator[Finding]:
    policy = ctx.plan.power_policy
    if policy is None:
        return
    why = f"if the power cap ({policy.mechanism}) fails"
    hall_nameplate = 0.0
    hall_known = True
    for group in ctx.plan.racks:
        load = ctx.facts.load(group)
        if not load.known:
            hall_known = False
            continue
        hall_nameplate += group.count * load.nameplate_kw
        if not load.capped:
            continue
        full = load.nameplate_kw
        budget = group.budget_kw
        if budget is not None and full > budget + 1e-9:
            yield ctx.finding(
                (*group.path, "id"),
                f"{group.label}: {why}, each rack draws {fmt(full)} kW at nameplate, "
                f"{fmt(full / budget, 2)}x its {fmt(budget)} kW budget (capped: {fmt(load.kw)} kW)",
                limit=f"{fmt(budget)} kW",
                limit_source=f"plan {ctx.plan.id} racks[{group.index}].budget_kw",
                arithmetic=f"nameplate {fmt(full)} kW / budget {fmt(budget)} kW = "
                f"{fmt(full / budget, 2)}x oversubscribed",
                fix="keep the cap enforced in firmware with an alarm on failure, or budget the "
                f"rack for {fmt(full)} kW",
                key=ctx.key("cap", "racks", group.id, "budget"),
                related=tuple(
                    ctx.related(t.entry, t.entry.rack_share_key) for t in load.terms if t.entry
                ),
            )
        c = circuit(group, full, ctx.kb)
        if c is not None and c.amps > c.limit_a + 1e-9:
            when = "with one feed lost" if c.failover else "in normal operation"
            yield ctx.finding(
                (*group.path, "id"),
                f"{group.label}: {why}, each branch circuit carries {fmt(c.amps, 1)} A {when} "
                f"and the {fmt(c.breaker_a)} A breaker trips "
                f"({fmt(c.amps / c.limit_a, 2)}x its {fmt(c.limit_a, 1)} A continuous limit)",
                limit=f"{fmt(c.limit_a, 1)} A",
                limit_source=_limit_source(ctx),
                arithmetic=f"{c.arithmetic(full)} > {fmt(c.breaker_a)} A x "
                f"{fmt(c.factor_pct)} % = {fmt(c.limit_a, 1)} A",
                fix="size the circuits for nameplate or make the cap fail safe (a cap that "
                "fails open turns this breaker into the limit)",
                key=ctx.key("cap", "racks", group.id, "breaker"),
            )
    hall = ctx.plan.facility.get("hall_budget_kw")
    capped_any = any(ctx.facts.load(g).capped for g in ctx.plan.racks)
    if isinstance(hall, int | float) and hall_known and capped_any and hall_nameplate > hall:
        yield ctx.finding(
            ("facility", "hall_budget_kw"),
            f"{why}, the plan draws {fmt(hall_nameplate)} kW at nameplate, "
            f"{fmt(hall_nameplate / hall, 2)}x the {fmt(hall)} kW hall budget",
            limit=f"{fmt(hall)} kW",
            limit_source=f"plan {ctx.plan.id} facility.hall_budget_kw",
            arithmetic=f"nameplate {fmt(hall_nameplate)} kW / hall budget {fmt(hall)} kW = "
            f"{fmt(hall_nameplate / hall, 2)}x oversubscribed",
            fix="keep the cap enforced with an alarm on failure, or shed load automatically "
            "(the hall feed is what trips)",
            key=ctx.key("cap", "hall"),
        )
