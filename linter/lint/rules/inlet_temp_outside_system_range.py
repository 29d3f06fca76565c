"""Inlet temperature outside system range: the hall's inlet air is outside the operating range
of a system placed in it.

## What it checks

`facility.inlet_temp_c` against every system's `inlet_temp_min_c` / `inlet_temp_max_c` in the
catalog, for every system model in an air- or rear-door-cooled rack. Outside the range is an
error that cannot be suppressed; within the temperature margin below the maximum
(`temperature_margin_k`, default 2 K) a warning.

## Why

An ASHRAE class can allow warmer air than a given system tolerates (A2 allows 35 °C, a DGX
H100 is specified to 30 °C). Above its own limit a system throttles or shuts down.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
  # expect: CLG004 6:17
  inlet_temp_c: 32
racks:
  - {id: r01, systems: [{model: dgx-h100, count: 1}]}
```

## How to fix

Lower the supply air temperature to the tightest system limit, or place those systems in a
cooler hall.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules.base import RuleContext

CODE = "CLG004"
NAME = "inlet-temp-outside-system-range"
DEFAULT_SEVERITY = "error"
IGNORABLE = False


def _air_models(ctx: RuleContext) -> list[str]:
    seen: dict[str, None] = {}
    for g in ctx.plan.racks:
        if g.cooling in ("air", "rear-door"):
            for s in g.systems:
                seen.setdefault(s.model, None)
    return list(seen)


def check(ctx: RuleContext) -> Iterator[Finding]:
    temp = ctx.plan.facility.get("inlet_temp_c")
    if not isinstance(temp, int | float):
        return
    for model in _air_models(ctx):
        entry = ctx.kb.system(model)
        if entry is None:
            continue
        hi, lo = entry.inlet_temp_max_c.value, entry.inlet_temp_min_c.value
        if hi is not None:
            severity = ctx.grade_k(temp, hi)
            if severity is not None:
                word, relation = ctx.standing_k(temp, hi)
                over = temp > hi
                yield ctx.finding(
                    ("facility", "inlet_temp_c"),
                    f"inlet air {fmt(temp)} °C is {word} the {fmt(hi)} °C maximum of {model}",
                    severity=severity,
                    limit=f"{fmt(hi)} °C",
                    limit_source=ctx.source(entry, "inlet_temp_max_c"),
                    arithmetic=f"{fmt(temp)} °C {relation} {fmt(hi)} °C",
                    fix=f"keep inlet air at or below {fmt(hi)} °C for {model}"
                    if over
                    else f"keep inlet air at or below {fmt(hi - ctx.margin_k)} °C to keep a "
                    f"{fmt(ctx.margin_k)} K margin",
                    key=ctx.key("facility", "inlet_temp_c", model, "max"),
                    related=(ctx.related(entry, "inlet_temp_max_c"),),
                )
        if lo is not None and temp < lo:
            yield ctx.finding(
                ("facility", "inlet_temp_c"),
                f"inlet air {fmt(temp)} °C is below the {fmt(lo)} °C minimum of {model}",
                limit=f"{fmt(lo)} °C",
                limit_source=ctx.source(entry, "inlet_temp_min_c"),
                arithmetic=f"{fmt(temp)} °C < {fmt(lo)} °C",
                fix=f"keep inlet air at or above {fmt(lo)} °C for {model}",
                key=ctx.key("facility", "inlet_temp_c", model, "min"),
                related=(ctx.related(entry, "inlet_temp_min_c"),),
            )
