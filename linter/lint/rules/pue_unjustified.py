"""PUE unjustified: a very low PUE is claimed without saying why it is credible.

## What it checks

`facility.pue` below the figure that `standards/pue.yaml` gives for new, large facilities
(`new_build_pue`) while `facility.pue_justification` is missing or empty. PUEs below 1 are
reported by `pue-below-one` instead.

## Why

Surveyed averages sit around 1.55-1.6 and new large builds reach about 1.3; a lower figure is
possible (free cooling, warm-water liquid cooling) but changes every facility-power number, so
the plan should say where it comes from.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
  # expect: PWR007 6:8
  pue: 1.05
racks:
  - {id: r01}
```

## How to fix

Add `pue_justification` (metered annual PUE, the cooling design that achieves it), or use a
PUE in line with comparable facilities.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules.base import RuleContext

CODE = "PWR007"
NAME = "pue-unjustified"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    fac = ctx.plan.facility
    pue = fac.get("pue")
    std = ctx.standard("pue")
    if not isinstance(pue, int | float) or std is None:
        return
    low, floor = std.figure("new_build_pue").value, std.figure("pue_min").value
    if low is None or pue >= low or (floor is not None and pue < floor):
        return
    if str(fac.get("pue_justification") or "").strip():
        return
    yield ctx.finding(
        ("facility", "pue"),
        f"PUE {fmt(pue, 3)} is below the {fmt(low)} that new large facilities reach; "
        "say why it is credible",
        limit=fmt(low),
        limit_source=ctx.source(std, "new_build_pue"),
        arithmetic=f"{fmt(pue, 3)} < {fmt(low)}",
        fix="add facility.pue_justification (metered PUE, cooling design) or use a PUE of at "
        f"least {fmt(low)}",
        key=ctx.key("facility", "pue"),
        related=(ctx.related(std, "new_build_pue"),),
    )
