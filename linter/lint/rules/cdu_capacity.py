"""CDU capacity: the coolant distribution units cannot carry the liquid heat of the racks with
one of them out of service.

## What it checks

When the plan gives `facility.cdus` and `facility.cdu_capacity_kw`: the heat the racks put
into the liquid loop against the capacity of the CDUs with one out (N+1), `(cdus - 1) x
cdu_capacity_kw` (all of them when there is only one, which FRG003 reports). A rack's liquid
heat is its load (capped load under a power policy) times the share its systems reject to
liquid: the catalog's `liquid_heat_fraction_pct`; 100 % for immersion, and for systems whose
cooling is `direct-liquid` without a published share (the upper bound, said in the
arithmetic). A hybrid system without a published share cannot be checked: the rule says so
(info) rather than guess.

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
from linter.lint.power import liquid_share
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
    heat, terms, unknown = 0.0, [], []
    for g in ctx.plan.racks:
        if g.cooling not in LIQUID:
            continue
        load = ctx.facts.load(g)
        for t in load.terms:
            if t.kw_each is None:
                unknown.append(t.model)
                continue
            share = liquid_share(t.entry, g.cooling)
            if share is None:
                unknown.append(t.model)
                continue
            kw = g.count * t.count * t.kw_each * share
            heat += kw
            bound = (
                " (no published share: all of it)"
                if g.cooling != "immersion"
                and t.entry is not None
                and t.entry.liquid_heat_fraction_pct.value is None
                else ""
            )
            terms.append(f"{g.count * t.count} x {fmt(t.kw_each)} kW x {fmt(share * 100)} %{bound}")
    if unknown:
        models = ", ".join(sorted(set(unknown)))
        yield ctx.finding(
            ("facility", "cdu_capacity_kw"),
            f"cannot check the CDUs fully: the liquid share of the heat (or the power) of "
            f"{models} is not published",
            severity="info",
            limit=f"{fmt(each)} kW per CDU",
            limit_source=f"plan {ctx.plan.id} facility.cdu_capacity_kw",
            arithmetic="liquid_heat_fraction_pct missing in the catalog",
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
    yield ctx.finding(
        ("facility", "cdu_capacity_kw"),
        f"the liquid loop takes {fmt(heat)} kW of heat, {word} the {fmt(usable)} kW of {n1}",
        severity=severity,
        limit=f"{fmt(usable)} kW",
        limit_source=f"plan {ctx.plan.id} facility.cdus x cdu_capacity_kw, one unit out",
        arithmetic=f"{' + '.join(terms)} = {fmt(heat)} kW {relation} "
        f"({cdus} - 1) x {fmt(each)} kW = {fmt(usable)} kW"
        if cdus > 1
        else f"{' + '.join(terms)} = {fmt(heat)} kW {relation} {fmt(usable)} kW",
        fix=f"provide at least {needed} CDUs of {fmt(each)} kW (N+1), or larger units"
        if math.isfinite(needed)
        else "give the CDUs a capacity",
        key=ctx.key("cdus", "capacity"),
    )
