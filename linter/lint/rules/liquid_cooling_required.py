"""Liquid cooling required: a liquid-cooled system is placed in a rack cooled only by air.

## What it checks

Every system whose catalog `cooling` is `direct-liquid` or `hybrid` (rack-scale systems such
as GB200 NVL72 put their GPUs and CPUs on cold plates) placed in a rack whose cooling mode is
`air` or `rear-door`. This is an error and cannot be suppressed.

## Why

Cold-plate systems have no air path that can remove their GPU heat: without facility water
and a coolant distribution unit they do not run at all.

## Example

```yaml
plan: lab
reference: dgx-superpod-gb200@2026.11
facility:
  cooling: air
racks:
  - id: nvl01
    # expect: CLG002 8:23
    systems: [{model: gb200-nvl72, count: 1}]
```

## How to fix

Set the rack's (or the hall's) `cooling` to `direct-liquid` and provide facility water and
CDUs, or choose an air-cooled system.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules.base import RuleContext

CODE = "CLG002"
NAME = "liquid-cooling-required"
DEFAULT_SEVERITY = "error"
IGNORABLE = False

_LIQUID_SYSTEMS = ("direct-liquid", "hybrid")
_AIR_MODES = ("air", "rear-door")


def check(ctx: RuleContext) -> Iterator[Finding]:
    for group in ctx.plan.racks:
        if group.cooling not in _AIR_MODES:
            continue
        for line in group.systems:
            entry = ctx.kb.system(line.model)
            if entry is None or entry.cooling not in _LIQUID_SYSTEMS:
                continue
            yield ctx.finding(
                (*line.path, "model"),
                f"{line.model} is {entry.cooling}-cooled (liquid to the chips) but "
                f"{group.label} is cooled by {group.cooling}",
                limit="direct-liquid",
                limit_source=ctx.source(entry, "cooling"),
                arithmetic=f"{line.model} cooling = {entry.cooling}; rack cooling = "
                f"{group.cooling}",
                fix=f"set cooling: direct-liquid for {group.id} (with facility water and CDUs) "
                f"or choose an air-cooled system",
                key=ctx.key("racks", group.id, line.model),
                related=(ctx.related(entry, "cooling"),),
            )
