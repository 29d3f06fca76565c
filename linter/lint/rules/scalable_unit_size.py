"""Scalable unit size: the plan's systems do not make whole scalable units, or more units
than the reference architecture was validated for.

## What it checks

The number of systems of the architecture's scalable-unit model in the whole plan (rack
groups count `count` times) against `scalable_unit.systems[].count`: a remainder (a partial
unit) is reported as info; more units than `scalable_unit.max_units` is a warning.

## Why

Scalable units are what a reference architecture's fabric, power and storage are sized for. A
partial unit still needs the unit's full leaf layer and cabling; more units than the reference
tested need a larger spine design.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
# expect: ARC006 6:1
racks:
  - {id: r, count: 9, systems: [{model: dgx-h100, count: 4}]}
```

`9 x 4 = 36 dgx-h100 = 1 SU of 32 + 4`.

## How to fix

Plan whole scalable units (add or remove systems as the finding says), or split a deployment
above the validated size into separately reviewed parts.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules._units import su_count
from linter.lint.rules.base import RuleContext

CODE = "ARC006"
NAME = "scalable-unit-size"
DEFAULT_SEVERITY = "info"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    arch = ctx.arch
    count = su_count(ctx)
    if arch is None or count is None or count.systems == 0:
        return
    ref = arch.ref
    related = (ctx.related(arch, *count.at, "count"),)
    if count.remainder:
        add = count.per_unit - count.remainder
        yield ctx.finding(
            ("racks",),
            (
                f"{count.systems} {count.model} make {count.full} full scalable unit"
                f"{'' if count.full == 1 else 's'} of {count.per_unit} and a partial one of "
                f"{count.remainder}"
            )
            if count.full
            else f"{count.systems} {count.model} fill {count.systems} of the {count.per_unit} "
            "systems of one scalable unit",
            on_key=True,
            limit=f"{count.per_unit} per unit",
            limit_source=f"{ref} scalable_unit.systems[{count.model}].count",
            arithmetic=f"{count.systems} = {count.full} x {count.per_unit} + {count.remainder}",
            fix=f"add {add} or remove {count.remainder} {count.model} to make whole units "
            "(a partial unit still needs the full unit's leaf switches and cabling)",
            key=ctx.key("scalable_unit", "partial"),
            related=related,
        )
    max_units = arch.scalable_unit.max_units.value if arch.scalable_unit else None
    if max_units is not None and max_units > 0 and count.units > max_units:  # 0 or less: no limit
        yield ctx.finding(
            ("racks",),
            f"{count.systems} {count.model} occupy {count.units} scalable units, more than the "
            f"{max_units:g} {ref} was validated for",
            severity="warning",
            on_key=True,
            limit=f"{max_units:g} units",
            limit_source=f"{ref} scalable_unit.max_units",
            arithmetic=f"ceil({count.systems} / {count.per_unit}) = {count.units} > {max_units:g}",
            fix=f"keep to {int(max_units * count.per_unit)} {count.model}, or review the larger "
            "design with the vendor",
            key=ctx.key("scalable_unit", "max_units"),
            related=(ctx.related(arch, "scalable_unit", "max_units"),),
        )
