"""Single CDU: liquid-cooled racks depend on one coolant distribution unit, or none.

## What it checks

When any rack is cooled by `direct-liquid` or `immersion`, `facility.cdus`: 0 is an error (no
coolant distribution at all), 1 a warning (a single point of failure). Not checked when the
plan does not state `cdus`.

## Why

Cold plates have seconds to minutes of thermal inertia: when the only CDU stops, every
liquid-cooled rack it serves throttles and shuts down.

## Example

```yaml
plan: nvl
reference: dgx-superpod-gb200@2026.11
facility:
  cooling: direct-liquid
  # expect: FRG003 6:9
  cdus: 1
racks:
  - {id: nvl01, systems: [{model: gb200-nvl72, count: 1}]}
```

## How to fix

Provide N+1 CDUs (or in-rack CDUs with redundant pumps) for the liquid-cooled racks.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules.base import RuleContext

CODE = "FRG003"
NAME = "single-cdu"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    cdus = ctx.plan.facility.get("cdus")
    liquid = [g for g in ctx.plan.racks if g.cooling in ("direct-liquid", "immersion")]
    if not isinstance(cdus, int) or not liquid or cdus > 1:
        return
    racks = sum(g.count for g in liquid)
    if cdus == 0:
        msg = f"{racks} liquid-cooled racks but no coolant distribution unit"
        severity = "error"
    else:
        msg = f"all {racks} liquid-cooled racks depend on a single coolant distribution unit"
        severity = "warning"
    yield ctx.finding(
        ("facility", "cdus"),
        msg,
        severity=severity,
        limit="2 CDUs",
        limit_source="N+1 coolant distribution",
        arithmetic=f"cdus = {cdus} < 2",
        fix="provide N+1 CDUs (at least 2) or in-rack CDUs with redundant pumps",
        key=ctx.key("facility", "cdus"),
    )
