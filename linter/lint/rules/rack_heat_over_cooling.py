"""Rack heat over cooling capacity: a rack's heat exceeds what its cooling mode can remove.

## What it checks

Every watt a rack draws becomes heat. For every rack, its load at system maximum power against
the per-rack capacity of its cooling mode (the rack's `cooling`, else the hall's) from the
cooling catalog (`rack_kw_max`):

* `air`: the best air option (hot- or cold-aisle containment);
* `rear-door`: the passive or active door named by `rear_door` (the smaller if not named);
* `direct-liquid` and `immersion`: their catalog entries.

Above the published ceiling (the top of the catalog range) is an error. Above the planning
figure refarch uses (the range default), or within the planning margin below the ceiling, is a
warning: it needs a site-specific study.

## Why

Air cooling runs out between 20 and about 40 kW per rack even with containment; rear doors
and liquid move the ceiling, not remove it. A rack that cannot shed its heat throttles or
trips, whatever its power budget says.

## Example

```yaml
plan: legacy
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
racks:
  # expect: CLG001 7:9
  - id: r01
    systems: [{model: dgx-h100, count: 2}]
```

`2 x 10.2 kW = 20.4 kW > 20 kW` planning capacity of contained air (published up to 41 kW).

## How to fix

Put fewer systems in the rack, or move the rack to a cooling mode whose capacity covers it
(active rear door, direct liquid).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.power import cooling_capacity, facility_cooling_kind
from linter.lint.rules.base import RuleContext

CODE = "CLG001"
NAME = "rack-heat-over-cooling"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    for group in ctx.plan.racks:
        load = ctx.facts.load(group)
        if not load.known:
            continue
        cap = cooling_capacity(ctx.kb, group.cooling, group.rear_door)
        if cap is None:
            continue
        kw = load.kw
        if kw > cap.ceiling_kw + 1e-9:
            severity, limit, word = "error", cap.ceiling_kw, "above the published ceiling"
        elif kw > cap.planning_kw + 1e-9:
            severity, limit, word = "warning", cap.planning_kw, "above the planning capacity"
        elif ctx.grade(kw, cap.ceiling_kw) is not None:
            near, _ = ctx.standing(kw, cap.ceiling_kw)
            severity, limit, word = "warning", cap.ceiling_kw, f"{near} the published ceiling"
        else:
            continue
        _, rel = ctx.standing(kw, limit)
        spread = (
            ""
            if cap.ceiling_kw == cap.planning_kw
            else (
                f" (planning figure {fmt(cap.planning_kw)} kW, published up to "
                f"{fmt(cap.ceiling_kw)} kW)"
            )
        )
        assumed = f"; {cap.assumed}" if cap.assumed else ""
        per_sys = max((t.kw_each or 0.0) for t in load.terms)
        fix = (
            f"reduce the rack to at most {fmt(cap.planning_kw)} kW"
            + (" (the planning figure)" if cap.planning_kw != cap.ceiling_kw else "")
            + f" or use a cooling mode rated for at least {fmt(kw)} kW per rack"
        )
        if severity == "warning" and kw <= cap.ceiling_kw:
            fix += " (or confirm the capacity with a site-specific airflow/CFD study)"
        if per_sys > cap.planning_kw:
            fix = (
                f"a single system draws {fmt(per_sys)} kW: use a cooling mode rated for at least "
                f"{fmt(kw)} kW per rack"
            )
        yield ctx.finding(
            (*group.path, "id"),
            f"{group.label} gives off {fmt(kw)} kW of heat, {word} of "
            f"{facility_cooling_kind(group.cooling)} ({cap.entry.id}){spread}{assumed}",
            severity=severity,
            limit=f"{fmt(limit)} kW",
            limit_source=ctx.source(cap.entry, "rack_kw_max"),
            arithmetic=f"{load.arithmetic()} {rel} {fmt(limit)} kW",
            fix=fix,
            key=ctx.key("racks", group.id),
            related=(ctx.related(cap.entry, "rack_kw_max"),),
        )
