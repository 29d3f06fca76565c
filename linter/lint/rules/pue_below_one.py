"""PUE below one: the plan states a power usage effectiveness below its definitional minimum.

## What it checks

`facility.pue` against the minimum of `standards/pue.yaml` (`pue_min`, 1.0): PUE is total
facility energy divided by IT energy, so it cannot be below 1. This is an error and cannot be
suppressed.

## Why

A PUE below 1 is a typo or a misunderstanding (often the inverse, IT / total, was entered); every
facility figure derived from it (power, heat, cost) would be too small.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
  # expect: PWR006 6:8
  pue: 0.8
racks:
  - {id: r01}
```

## How to fix

Enter the measured or design PUE (total facility power / IT power), which is at least 1.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules.base import RuleContext

CODE = "PWR006"
NAME = "pue-below-one"
DEFAULT_SEVERITY = "error"
IGNORABLE = False


def check(ctx: RuleContext) -> Iterator[Finding]:
    pue = ctx.plan.facility.get("pue")
    std = ctx.standard("pue")
    floor = std.figure("pue_min").value if std is not None else None
    if not isinstance(pue, int | float) or std is None or floor is None or pue >= floor:
        return
    yield ctx.finding(
        ("facility", "pue"),
        f"PUE {fmt(pue, 3)} is below {fmt(floor)}: PUE is total facility power / IT power",
        limit=fmt(floor),
        limit_source=ctx.source(std, "pue_min"),
        arithmetic=f"{fmt(pue, 3)} < {fmt(floor)}",
        fix=f"enter total facility power / IT power (did you mean {fmt(1 / pue, 3)}?)",
        key=ctx.key("facility", "pue"),
        related=(ctx.related(std, "pue_min"),),
    )
