"""System power unknown: a rack holds a system whose maximum power the catalog does not give,
so the rack's power, feeds and cooling cannot be checked.

## What it checks

Every system in a rack whose catalog entry has no `max_power_kw`. The power and cooling rules
(`rack-power-over-budget`, `feed-overload-on-failover`, `rack-heat-over-cooling`, row and hall
totals) skip such racks rather than guess; this finding says so, and names the catalog's
`typical_power_kw` when there is one (a typical draw is not a circuit-sizing maximum).

## Why

A plan that passes because nothing could be measured is not a plan that fits. refarch never
types in a figure that was not published; the planner has to supply the vendor's maximum.

## Example

```yaml
plan: pcie
reference: enterprise-pcie-inference@2026.11
facility:
  cooling: air
racks:
  - id: r01
    budget_kw: 10
    # expect: PWR008 9:23
    systems: [{model: pcie-l40s-server, count: 2}]
```

## How to fix

Get the maximum power of the configuration you will buy from its vendor (power calculator or
datasheet) and add it to the catalog with its source, or budget the rack from the PSU rating.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules.base import RuleContext

CODE = "PWR008"
NAME = "system-power-unknown"
DEFAULT_SEVERITY = "info"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    for group in ctx.plan.racks:
        if group.kind != "compute" and group.load_kw is None:
            yield ctx.finding(
                (*group.path, "kind"),
                f"power and cooling of {group.label} are not checked: the plan gives no "
                "load_kw for it",
                limit="load_kw",
                limit_source=f"plan {ctx.plan.id} racks[{group.index}].load_kw",
                arithmetic=f"racks[{group.index}].load_kw unknown",
                fix=f"add load_kw to {group.label}: what its {group.kind} equipment draws at "
                "maximum",
                key=ctx.key("racks", group.id, "load_kw"),
            )
        if group.kind == "compute" and group.load_kw is not None:
            yield ctx.finding(
                (*group.path, "load_kw"),
                f"load_kw of {group.label} is not used: a compute rack's load comes from its "
                "systems' catalog maximum power",
                limit="kind: network | management | storage",
                limit_source=f"plan {ctx.plan.id} racks[{group.index}].kind",
                arithmetic="load_kw applies to network, management and storage racks",
                fix="remove load_kw, or set kind if the rack holds no compute systems",
                key=ctx.key("racks", group.id, "load_kw", "unused"),
            )
        for line in group.systems:
            entry = ctx.kb.system(line.model)
            if entry is None or entry.max_power_kw.value is not None:
                continue
            typical = entry.typical_power_kw.value
            note = (
                f"; its typical draw of {fmt(typical)} kW is not a maximum"
                if typical is not None
                else ""
            )
            yield ctx.finding(
                (*line.path, "model"),
                f"power and cooling of {group.label} are not checked: the catalog gives no "
                f"maximum power for {line.model}{note}",
                limit="max_power_kw",
                limit_source=ctx.source(entry, "max_power_kw"),
                arithmetic=f"{line.model}.max_power_kw unknown",
                fix=f"add {line.model}'s published maximum power (max_power_kw, with its source) "
                "to the catalog, or budget the rack from its PSU rating",
                key=ctx.key("racks", group.id, line.model, "max_power_kw"),
                related=(ctx.related(entry, "typical_power_kw" if typical is not None else "id"),),
            )
