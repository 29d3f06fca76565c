"""Inlet temperature outside the ASHRAE recommended envelope: the hall's inlet air is allowed by
its class but outside the envelope ASHRAE recommends for reliable long-term operation.

## What it checks

`facility.inlet_temp_c` against the recommended envelope in `standards/ashrae-air.yaml`: the
`recommended` section for classes A1-A4 (18-27 °C), the class's own
`recommended_inlet_temp_min_c` / `recommended_inlet_temp_max_c` for H1. Without
`facility.ashrae_class` the A1-A4 envelope is used. Outside it is a warning, in kelvin; a
temperature outside the class's allowable envelope is CLG003's error instead, so the two never
report the same degree.

## Why

The allowable envelopes are what equipment survives for limited periods; the recommended
envelope is where ASHRAE expects reliable operation. A hall run at 28 °C under A2 is legal and
still costs fan power, component life and the margin a cooling fault eats first.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
  # expect: CLG006 6:17
  inlet_temp_c: 28
  ashrae_class: A2
racks:
  - {id: r01}
```

## How to fix

Lower the supply air temperature into the recommended envelope, or accept the excursion with a
suppression comment that says why (economiser hours, for example).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.kb.figures import Figure
from linter.kb.model import Standard
from linter.lint.rules.base import RuleContext

CODE = "CLG006"
NAME = "inlet-temp-outside-recommended"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


class _Envelope(NamedTuple):
    lo: Figure
    hi: Figure
    at: tuple[str | int, ...]  # where the figures sit in the file
    named: tuple[str | int, ...]  # how a finding names that place (``classes H1``)
    prefix: str  # the figures' key prefix


def _envelope(std: Standard, cls: str | None) -> _Envelope | None:
    """The recommended envelope for ``cls``: the class's own (H1), else the shared one."""
    row = std.row("classes", cls) if cls else None
    if row is not None and cls is not None:
        pre = "recommended_inlet_temp_"
        lo, hi = row.figure(f"{pre}min_c"), row.figure(f"{pre}max_c")
        if lo.value is not None or hi.value is not None:
            return _Envelope(lo, hi, row.at, ("classes", cls), pre)
    rec = std.section("recommended")
    if rec is None:
        return None
    pre = "inlet_temp_"
    return _Envelope(rec.figure(f"{pre}min_c"), rec.figure(f"{pre}max_c"), rec.at, rec.at, pre)


def _allowable(std: Standard, cls: str | None) -> tuple[float | None, float | None]:
    row = std.row("classes", cls) if cls else None
    if row is None:
        return None, None
    return row.figure("inlet_temp_min_c").value, row.figure("inlet_temp_max_c").value


def check(ctx: RuleContext) -> Iterator[Finding]:
    fac = ctx.plan.facility
    temp, cls = fac.get("inlet_temp_c"), fac.get("ashrae_class")
    std = ctx.standard("ashrae-air")
    if not isinstance(temp, int | float) or std is None:
        return
    cls = cls if isinstance(cls, str) else None
    found = _envelope(std, cls)
    if found is None:
        return
    lo, hi = found.lo, found.hi
    allow_lo, allow_hi = _allowable(std, cls)
    name = f"ASHRAE {cls} recommended" if cls else "ASHRAE A1-A4 recommended"
    if hi.value is not None and temp > hi.value + 1e-9:
        if allow_hi is not None and temp > allow_hi:
            return  # CLG003's error
        key = f"{found.prefix}max_c"
        yield ctx.finding(
            ("facility", "inlet_temp_c"),
            f"inlet air {fmt(temp)} °C is {fmt(temp - hi.value)} K above the {name} maximum of "
            f"{fmt(hi.value)} °C",
            limit=f"{fmt(hi.value)} °C",
            limit_source=ctx.source(std, *found.named, key),
            arithmetic=f"{fmt(temp)} °C - {fmt(hi.value)} °C = {fmt(temp - hi.value)} K above",
            fix=f"supply inlet air at or below {fmt(hi.value)} °C",
            key=ctx.key("facility", "inlet_temp_c", "recommended-max"),
            related=(ctx.related(std, *found.at, key),),
        )
    if lo.value is not None and temp < lo.value - 1e-9:
        if allow_lo is not None and temp < allow_lo:
            return
        key = f"{found.prefix}min_c"
        yield ctx.finding(
            ("facility", "inlet_temp_c"),
            f"inlet air {fmt(temp)} °C is {fmt(lo.value - temp)} K below the {name} minimum of "
            f"{fmt(lo.value)} °C",
            limit=f"{fmt(lo.value)} °C",
            limit_source=ctx.source(std, *found.named, key),
            arithmetic=f"{fmt(lo.value)} °C - {fmt(temp)} °C = {fmt(lo.value - temp)} K below",
            fix=f"supply inlet air at or above {fmt(lo.value)} °C",
            key=ctx.key("facility", "inlet_temp_c", "recommended-min"),
            related=(ctx.related(std, *found.at, key),),
        )
