"""Density tier below need: a rack needs a higher power-density tier than the one its budget
puts it in.

## What it checks

The rack-density tiers of `standards/density-tiers.yaml` (traditional 3-5 kW, AI baseline from
10 kW, rack-scale from 120 kW). For every rack with a `budget_kw`, the tier its load (system
maximum power) needs, the highest tier whose `kw_min` it reaches, against the tier its budget
reaches. A lower facility tier is a warning that names both tiers.

## Why

The gap between a traditional hall and rack-scale AI is 20-30x per rack: such a hall is not
re-provisioned, it is retrofitted (power distribution, cooling mode, floor loading). Naming the
tier turns a list of over-budget racks into the decision that has to be made.

## Example

```yaml
plan: legacy
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
racks:
  - id: r01
    # expect: DEN001 8:16
    budget_kw: 5
    systems: [{model: dgx-h100, count: 1}]
```

A 10.2 kW rack needs the `ai-baseline` tier (from 10 kW); 5 kW is the `traditional` tier.

## How to fix

Retrofit the hall to the needed tier (power and cooling per rack), or move the systems to a
hall built for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.kb.model import Standard
from linter.lint.rules.base import RuleContext

CODE = "DEN001"
NAME = "density-tier-below-need"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def _tiers(std: Standard) -> list[tuple[int, str, float, float | None]]:
    """(index, id, kw_min, kw_max) of each tier, lowest first."""
    out = []
    for t in std.rows("tiers"):
        lo = t.figure("kw_min").value
        if lo is not None:
            out.append((int(t.at[1]), t.id, lo, t.figure("kw_max").value))
    return sorted(out, key=lambda t: t[2])


def _tier_of(tiers: list[tuple[int, str, float, float | None]], kw: float) -> int | None:
    reached = [n for n, t in enumerate(tiers) if kw >= t[2] - 1e-9]
    return reached[-1] if reached else None


def _describe(t: tuple[int, str, float, float | None]) -> str:
    return f"{t[1]} ({fmt(t[2])}-{fmt(t[3])} kW)" if t[3] else f"{t[1]} (from {fmt(t[2])} kW)"


def check(ctx: RuleContext) -> Iterator[Finding]:
    std = ctx.standard("density-tiers")
    if std is None:
        return
    tiers = _tiers(std)
    if not tiers:
        return
    for group in ctx.plan.racks:
        load = ctx.facts.load(group)
        if group.budget_kw is None or not load.known:
            continue
        need = _tier_of(tiers, load.kw)
        have = _tier_of(tiers, group.budget_kw)
        if need is None or (have is not None and have >= need):
            continue
        t = tiers[need]
        facility = f"the {_describe(tiers[have])} tier" if have is not None else "below every tier"
        yield ctx.finding(
            (*group.path, "budget_kw"),
            f"{group.label} needs the {_describe(t)} tier at {fmt(load.kw)} kW; its "
            f"{fmt(group.budget_kw)} kW budget is {facility}",
            limit=f"{fmt(t[2])} kW",
            limit_source=ctx.source(std, "tiers", t[1], "kw_min"),
            arithmetic=f"{load.arithmetic()} >= {fmt(t[2])} kW ({t[1]}); budget "
            f"{fmt(group.budget_kw)} kW < {fmt(t[2])} kW",
            fix=f"retrofit {group.id} to the {t[1]} tier (at least {fmt(load.kw)} kW of power "
            "and cooling per rack) or move its systems to a hall built for it",
            key=ctx.key("racks", group.id),
            related=(ctx.related(std, "tiers", t[0], "kw_min"),),
        )
