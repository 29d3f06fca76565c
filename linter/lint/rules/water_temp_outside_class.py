"""Water temperature outside class: the facility water is warmer than its ASHRAE liquid class
or than a liquid-cooled system accepts.

## What it checks

`facility.water_temp_c` against:

* the maximum supply temperature of `facility.water_class` in `standards/ashrae-liquid.yaml`
  (`supply_temp_max_c`; for `W+` its minimum, `supply_temp_min_c`, must be exceeded);
* the `water_temp_max_c` of every system in a direct-liquid or immersion rack, when the
  catalog gives one.

Above a maximum is an error; within the temperature margin below it (`temperature_margin_k`,
default 2 K) a warning.

## Why

Warm water saves chiller energy, but every cold plate is rated for a maximum supply
temperature; a class label that does not match the water actually supplied hides the risk.

## Example

```yaml
plan: lab
reference: dgx-superpod-gb200@2026.11
facility:
  cooling: direct-liquid
  # expect: CLG005 6:17
  water_temp_c: 35
  water_class: W32
racks:
  - {id: r01}
```

## How to fix

Supply water within the class (and within every system's limit), or state the class that
matches the supply temperature.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules.base import RuleContext

CODE = "CLG005"
NAME = "water-temp-outside-class"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def _class_findings(ctx: RuleContext, temp: float, cls: str) -> Iterator[Finding]:
    std = ctx.standard("ashrae-liquid")
    if std is None:
        return
    row = std.row("classes", cls)
    if row is None:
        return
    hi = row.figure("supply_temp_max_c").value
    lo = row.figure("supply_temp_min_c").value
    if hi is not None:
        severity = ctx.grade_k(temp, hi)
        if severity is not None:
            word, relation = ctx.standing_k(temp, hi)
            yield ctx.finding(
                ("facility", "water_temp_c"),
                f"facility water {fmt(temp)} °C is {word} the {cls} maximum supply temperature "
                f"of {fmt(hi)} °C",
                severity=severity,
                limit=f"{fmt(hi)} °C",
                limit_source=ctx.source(std, "classes", cls, "supply_temp_max_c"),
                arithmetic=f"{fmt(temp)} °C {relation} {fmt(hi)} °C",
                fix=f"supply water at or below {fmt(hi)} °C or state the matching class",
                key=ctx.key("facility", "water_temp_c", cls),
                related=(ctx.related(std, *row.at, "supply_temp_max_c"),),
            )
    if lo is not None and hi is None and temp <= lo:
        yield ctx.finding(
            ("facility", "water_temp_c"),
            f"facility water {fmt(temp)} °C is not above the {fmt(lo)} °C that class {cls} "
            "starts at",
            limit=f"{fmt(lo)} °C",
            limit_source=ctx.source(std, "classes", cls, "supply_temp_min_c"),
            arithmetic=f"{fmt(temp)} °C <= {fmt(lo)} °C",
            fix="state the class that matches the supply temperature",
            key=ctx.key("facility", "water_temp_c", cls),
            related=(ctx.related(std, *row.at, "supply_temp_min_c"),),
        )


def check(ctx: RuleContext) -> Iterator[Finding]:
    fac = ctx.plan.facility
    temp = fac.get("water_temp_c")
    if not isinstance(temp, int | float):
        return
    cls = fac.get("water_class")
    if isinstance(cls, str):
        yield from _class_findings(ctx, float(temp), cls)
    seen: set[str] = set()
    for g in ctx.plan.racks:
        if g.cooling not in ("direct-liquid", "immersion"):
            continue
        for s in g.systems:
            entry = ctx.kb.system(s.model)
            hi = entry.water_temp_max_c.value if entry is not None else None
            if entry is None or hi is None or s.model in seen:
                continue
            seen.add(s.model)
            severity = ctx.grade_k(temp, hi)
            if severity is None:
                continue
            word, relation = ctx.standing_k(temp, hi)
            yield ctx.finding(
                ("facility", "water_temp_c"),
                f"facility water {fmt(temp)} °C is {word} the {fmt(hi)} °C maximum of {s.model}",
                severity=severity,
                limit=f"{fmt(hi)} °C",
                limit_source=ctx.source(entry, "water_temp_max_c"),
                arithmetic=f"{fmt(temp)} °C {relation} {fmt(hi)} °C",
                fix=f"supply water at or below {fmt(hi)} °C for {s.model}",
                key=ctx.key("facility", "water_temp_c", s.model),
                related=(ctx.related(entry, "water_temp_max_c"),),
            )
