"""CDU capacity: the coolant distribution units cannot carry the liquid heat of the racks with
one of them out of service.

## What it checks

When the plan gives `facility.cdus` and `facility.cdu_capacity_kw`: the heat the racks put
into the liquid loop against the capacity of the CDUs with one out (N+1), `(cdus - 1) x
cdu_capacity_kw` (all of them when there is only one, which FRG003 reports). A rack's liquid
heat is its load (capped load under a power policy) times the share its systems reject to
liquid: 100 % in immersion; in direct liquid the system's `liquid_heat_fraction_pct`, else for
a hybrid system 100 % less the low end of the residual air share the catalog gives for
direct-to-chip cooling (`residual_air_heat_pct` of `direct-liquid-cdu`, 15-30 %: the CDU check
takes the most liquid heat), else for a system cooled by liquid only all of it (the upper
bound, said in the arithmetic). Without a figure the rule says it cannot check (info).

Above the N+1 capacity is an error; within the planning margin below it a warning.

## Why

A CDU is sized for the heat of the racks it serves. With N+1 the loop still carries the
whole load while one unit is serviced or fails; a loop sized to the sum of all units loses
racks, not redundancy, on the first pump fault.

## Example

```yaml
plan: lab
reference: dgx-superpod-gb200@2026.11
facility:
  cooling: direct-liquid
  cdus: 2
  # expect: CLG007 7:20
  cdu_capacity_kw: 300
racks:
  - id: nvl
    count: 4
    systems: [{model: gb300-nvl72, count: 1}]
```

## How to fix

Add CDUs (or larger ones) until `(cdus - 1) x cdu_capacity_kw` covers the liquid heat, or
move racks to another loop.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.power import heat_split
from linter.lint.rules.base import RuleContext

CODE = "CLG007"
NAME = "cdu-capacity"
DEFAULT_SEVERITY = "error"
IGNORABLE = False

LIQUID = ("direct-liquid", "immersion")


def check(ctx: RuleContext) -> Iterator[Finding]:
    fac = ctx.plan.facility
    cdus, each = fac.get("cdus"), fac.get("cdu_capacity_kw")
    if not isinstance(cdus, int) or cdus < 1 or not isinstance(each, int | float):
        return
    heat, terms, unknown, related = 0.0, [], [], []
    for g in ctx.plan.racks:
        if g.cooling not in LIQUID:
            continue
        load = ctx.facts.load(g)
        for t in load.terms:
            split = heat_split(ctx.kb, t.entry, g.cooling)
            if t.kw_each is None or split is None:
                unknown.append(t.model)
                continue
            liquid = 100.0 - split.air_low_pct
            heat += g.count * t.count * t.kw_each * liquid / 100.0
            bound = " (at most: no published share)" if split.air_high_pct is None else ""
            terms.append(f"{g.count * t.count} x {fmt(t.kw_each)} kW x {fmt(liquid)} %{bound}")
            if split.entry is not None:
                related.append(ctx.related(split.entry, split.key))
    if unknown:
        models = ", ".join(sorted(set(unknown)))
        yield ctx.finding(
            ("facility", "cdu_capacity_kw"),
            f"cannot check the CDUs fully: the liquid share of the heat (or the power) of "
            f"{models} is not published",
            severity="info",
            limit=f"{fmt(each)} kW per CDU",
            limit_source=f"plan {ctx.plan.id} facility.cdu_capacity_kw",
            arithmetic="no liquid_heat_fraction_pct, residual_air_heat_pct or max_power_kw",
            fix="check the CDU sizing against the vendor's liquid heat figure for " + models,
            key=ctx.key("cdus", "unknown"),
        )
    if not terms:
        return
    usable = (cdus - 1 if cdus > 1 else 1) * each
    severity = ctx.grade(heat, usable)
    if severity is None:
        return
    word, relation = ctx.standing(heat, usable)
    n1 = f"{cdus - 1} of {cdus} CDUs (N+1)" if cdus > 1 else "its one CDU"
    needed = math.ceil(heat / each - 1e-9) + 1 if each > 0 else math.inf
    capacity = (
        f"({cdus} - 1) x {fmt(each)} kW = {fmt(usable)} kW" if cdus > 1 else (f"{fmt(usable)} kW")
    )
    yield ctx.finding(
        ("facility", "cdu_capacity_kw"),
        f"the liquid loop takes {fmt(heat)} kW of heat, {word} the {fmt(usable)} kW of {n1}",
        severity=severity,
        limit=f"{fmt(usable)} kW",
        limit_source=f"plan {ctx.plan.id} facility.cdus x cdu_capacity_kw, one unit out",
        arithmetic=f"{' + '.join(terms)} = {fmt(heat)} kW {relation} {capacity}",
        fix=f"provide at least {needed} CDUs of {fmt(each)} kW (N+1), or larger units"
        if math.isfinite(needed)
        else "give the CDUs a capacity",
        key=ctx.key("cdus", "capacity"),
        related=tuple(dict.fromkeys(related)),
    )
