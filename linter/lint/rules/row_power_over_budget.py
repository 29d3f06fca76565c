"""Row power over budget: the racks of one row can draw more than the row's power budget.

## What it checks

When the facility states `row_budget_kw`, the sum over every rack with the same `row` of its
load at system maximum power (rack groups count `count` times), against the budget. Above it
is an error; within the planning margin below it a warning.

## Why

Rows are fed by one busway or remote power panel and cooled by one set of in-row units; each
rack can be within its own budget while the row as a whole is not.

## Example

```yaml
# expect: PWR003 6:18
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  row_budget_kw: 300
racks:
  - {id: a, row: A, count: 8, systems: [{model: dgx-h100, count: 4}]}
```

`8 x 40.8 kW = 326.4 kW > 300 kW row budget`.

## How to fix

Move racks to another row, or raise the row's budget to at least the computed total.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.power import basis
from linter.lint.rules.base import RuleContext

CODE = "PWR003"
NAME = "row-power-over-budget"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    budget = ctx.plan.facility.get("row_budget_kw")
    if not isinstance(budget, int | float):
        return
    rows: dict[str, list[tuple[int, float]]] = defaultdict(list)
    capped: set[str] = set()
    for g in ctx.plan.racks:
        load = ctx.facts.load(g)
        if g.row is not None and load.known:
            rows[g.row].append((g.count, load.kw))
            if load.capped:
                capped.add(g.row)
    for row, parts in sorted(rows.items()):
        total = sum(n * kw for n, kw in parts)
        severity = ctx.grade(total, budget)
        if severity is None:
            continue
        terms = " + ".join(f"{n} x {fmt(kw)} kW" for n, kw in parts)
        yield ctx.over_limit(
            ("facility", "row_budget_kw"),
            f"row {row} draws {fmt(total)} kW {basis(row in capped)}",
            used=total,
            limit=budget,
            unit="kW",
            limit_name="row budget",
            the_limit=f"the {fmt(budget)} kW row budget",
            sum_expr=f"{terms} = {fmt(total)} kW",
            limit_source=f"plan {ctx.plan.id} facility.row_budget_kw",
            fix_over=f"move {fmt(total - budget)} kW of racks out of row {row} or raise the row "
            f"budget to at least {fmt(total)} kW",
            severity=severity,
            key=ctx.key("rows", row),
        )
