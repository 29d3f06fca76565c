"""Inlet temperature outside ASHRAE class: the hall's inlet air is outside the allowable range
of the ASHRAE class it claims.

## What it checks

`facility.inlet_temp_c` against the allowable envelope of `facility.ashrae_class` in
`standards/ashrae-air.yaml` (`inlet_temp_min_c` / `inlet_temp_max_c` of the class). Above the
maximum or below the minimum is an error; within the temperature margin of the maximum
(`temperature_margin_k`, default 2 K) a warning. Inside the allowable envelope but outside the
recommended one is CLG006's warning. A bound the standard does not give (H1 has no published
lower limit there) is not checked.

## Why

The ASHRAE class is the contract between the facility and the IT equipment; an inlet outside
it voids that contract before any system-specific limit is considered.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
  # expect: CLG003 6:17
  inlet_temp_c: 36
  ashrae_class: A2
racks:
  - {id: r01}
```

## How to fix

Lower the supply air temperature, or state the class the hall is actually run to.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules.base import RuleContext

CODE = "CLG003"
NAME = "inlet-temp-outside-class"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    fac = ctx.plan.facility
    temp, cls = fac.get("inlet_temp_c"), fac.get("ashrae_class")
    std = ctx.standard("ashrae-air")
    if not isinstance(temp, int | float) or not isinstance(cls, str) or std is None:
        return
    row = std.row("classes", cls)
    if row is None:
        return
    hi = row.figure("inlet_temp_max_c").value
    lo = row.figure("inlet_temp_min_c").value
    if hi is not None:
        severity = ctx.grade_k(temp, hi)
        if severity is not None:
            word, relation = ctx.standing_k(temp, hi)
            yield ctx.finding(
                ("facility", "inlet_temp_c"),
                f"inlet air {fmt(temp)} °C is {word} the ASHRAE {cls} allowable maximum of "
                f"{fmt(hi)} °C",
                severity=severity,
                limit=f"{fmt(hi)} °C",
                limit_source=ctx.source(std, "classes", cls, "inlet_temp_max_c"),
                arithmetic=f"{fmt(temp)} °C {relation} {fmt(hi)} °C",
                fix=f"keep inlet air at or below {fmt(hi)} °C or state the class the hall runs to",
                key=ctx.key("facility", "inlet_temp_c", "max"),
                related=(ctx.related(std, *row.at, "inlet_temp_max_c"),),
            )
    if lo is not None and temp < lo:
        yield ctx.finding(
            ("facility", "inlet_temp_c"),
            f"inlet air {fmt(temp)} °C is below the ASHRAE {cls} allowable minimum of {fmt(lo)} °C",
            limit=f"{fmt(lo)} °C",
            limit_source=ctx.source(std, "classes", cls, "inlet_temp_min_c"),
            arithmetic=f"{fmt(temp)} °C < {fmt(lo)} °C",
            fix=f"keep inlet air at or above {fmt(lo)} °C",
            key=ctx.key("facility", "inlet_temp_c", "min"),
            related=(ctx.related(std, *row.at, "inlet_temp_min_c"),),
        )
