"""Residual air heat: the heat a liquid-cooled rack still rejects to room air is more than the
room's air cooling carries per rack.

## What it checks

For every direct-liquid rack: the share of its load its systems do not reject to liquid
(`100 - liquid_heat_fraction_pct` of the catalog; switch trays, power shelves, NICs and
storage stay on air) against the planning capacity of air cooling in the catalog (the best
air option, contained aisles). Above the published ceiling is an error, above the planning
figure a warning. A system whose liquid share is not published cannot be checked; the rule
says so (info) once per model.

## Why

Hybrid systems are not all-liquid. A 120 kW rack that captures 85 % in liquid still puts
18 kW into the room, as much as a whole conventional rack; a hall that removed its air
handlers for "liquid cooling" overheats.

## Example

```yaml
plan: lab
reference: dgx-superpod-gb200@2026.11
facility:
  cooling: direct-liquid
racks:
  # expect: CLG008 7:9 info
  - id: nvl
    systems: [{model: gb300-nvl72, count: 1}]
```

## How to fix

Keep enough room air cooling (containment, rear doors or in-row coolers) for the residual
heat of the liquid racks, or choose systems with a higher liquid capture ratio.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.power import cooling_capacity, liquid_share
from linter.lint.rules.base import RuleContext

CODE = "CLG008"
NAME = "residual-air-heat"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    air = cooling_capacity(ctx.kb, "air", None)
    unknown: dict[str, tuple[str | int, ...]] = {}
    for g in ctx.plan.racks:
        if g.cooling != "direct-liquid":
            continue
        load = ctx.facts.load(g)
        if not load.known:
            continue
        residual, parts = 0.0, []
        for t in load.terms:
            fraction = t.entry.liquid_heat_fraction_pct.value if t.entry is not None else None
            if fraction is None:
                if t.entry is not None:
                    unknown.setdefault(t.model, (*g.path, "id"))
                continue
            share = liquid_share(t.entry, g.cooling) or 0.0
            kw = t.count * (t.kw_each or 0.0) * (1 - share)
            residual += kw
            parts.append(f"{t.count} x {fmt(t.kw_each or 0.0)} kW x {fmt(100 - fraction)} %")
        if not parts or air is None:
            continue
        if residual > air.ceiling_kw + 1e-9:
            severity, limit, word = "error", air.ceiling_kw, "above the published ceiling"
        elif residual > air.planning_kw + 1e-9:
            severity, limit, word = "warning", air.planning_kw, "above the planning capacity"
        else:
            continue
        yield ctx.finding(
            (*g.path, "id"),
            f"{g.label} still rejects {fmt(residual)} kW per rack to room air, {word} of air "
            f"cooling ({air.entry.id}, {fmt(limit)} kW per rack)",
            severity=severity,
            limit=f"{fmt(limit)} kW",
            limit_source=ctx.source(air.entry, "rack_kw_max"),
            arithmetic=f"{' + '.join(parts)} = {fmt(residual)} kW > {fmt(limit)} kW",
            fix="provide room air cooling for the residual heat (containment, rear doors or "
            "in-row coolers) or use systems with a higher liquid capture ratio",
            key=ctx.key("racks", g.id, "residual-air"),
            related=tuple(
                ctx.related(t.entry, "liquid_heat_fraction_pct")
                for t in load.terms
                if t.entry is not None and t.entry.liquid_heat_fraction_pct.value is not None
            ),
        )
    for model, path in unknown.items():
        yield ctx.finding(
            path,
            f"cannot check the residual air heat of {model}: the catalog has no published share "
            "of its heat removed by liquid",
            severity="info",
            limit="liquid_heat_fraction_pct",
            limit_source=f"system {model} liquid_heat_fraction_pct",
            arithmetic="no published liquid heat fraction",
            fix=f"take the residual air heat of {model} from the vendor's site planning guide",
            key=ctx.key("racks", model, "residual-air-unknown"),
        )
