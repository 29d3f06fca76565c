"""Residual air heat: the heat a liquid-cooled rack still rejects to room air is more than the
room's air cooling carries per rack.

## What it checks

For every direct-liquid rack: the share of its load its systems do not reject to liquid
(switch trays, power shelves, NICs and storage stay on air) against the planning capacity of
air cooling in the catalog (the best air option, contained aisles). The share is the system's
`100 - liquid_heat_fraction_pct`, else for a hybrid system the high end of the residual air
share the catalog gives for direct-to-chip cooling (`residual_air_heat_pct` of
`direct-liquid-cdu`, 15-30 %: the room check takes the most air heat). Above the published
ceiling is an error, above the planning figure a warning. Without a figure the rule says it
cannot check (info).

## Why

Hybrid systems are not all-liquid: switch trays, power shelves, NICs and storage still
reject heat to the room, as much as a whole conventional rack at these densities, and a hall
that removed its air handlers for "liquid cooling" overheats.

## Example

```yaml
plan: lab
reference: dgx-superpod-gb200@2026.11
facility:
  cooling: direct-liquid
racks:
  # expect: CLG008 7:9
  - id: nvl
    systems: [{model: gb200-nvl72, count: 1}]
```

GB200 NVL72 is hybrid-cooled and publishes no liquid share, so up to 30 % of its 132 kW
(39.6 kW) is taken to stay in the room: above contained air's 20 kW planning figure.

## How to fix

Keep enough room air cooling (containment, rear doors or in-row coolers) for the residual
heat of the liquid racks, or choose systems with a higher liquid capture ratio.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.power import cooling_capacity, heat_split
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
        residual, parts, related = 0.0, [], []
        for t in load.terms:
            split = heat_split(ctx.kb, t.entry, g.cooling)
            if split is None or split.air_high_pct is None:
                unknown.setdefault(t.model, (*g.path, "id"))
                continue
            kw = t.count * (t.kw_each or 0.0) * split.air_high_pct / 100.0
            residual += kw
            parts.append(f"{t.count} x {fmt(t.kw_each or 0.0)} kW x {fmt(split.air_high_pct)} %")
            if split.entry is not None:
                related.append(ctx.related(split.entry, split.key))
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
            related=tuple(dict.fromkeys(related)),
        )
    for model, path in unknown.items():
        yield ctx.finding(
            path,
            f"cannot check the residual air heat of {model}: the catalog has no published share "
            "of its heat removed by liquid",
            severity="info",
            limit="liquid_heat_fraction_pct",
            limit_source=f"system {model} liquid_heat_fraction_pct",
            arithmetic="no liquid_heat_fraction_pct or residual_air_heat_pct",
            fix=f"take the residual air heat of {model} from the vendor's site planning guide",
            key=ctx.key("racks", model, "residual-air-unknown"),
        )
