"""Not shipping: the plan uses a system that is announced, sampling, end-of-sale, withdrawn
or cancelled.

## What it checks

Every system model in the plan's racks against its catalog `status`. Anything other than
`shipping` is a warning naming the status, the date it took effect and its source
(`status_since`). When the system ships but its accelerator does not (the catalog's
accelerator `status`), that is reported the same way.

## Why

A plan is a purchase. A system that is only announced has no delivery date to build a hall
around; one that is end-of-sale cannot be bought to replace a failed unit; a cancelled one
will never arrive. Vendors change these statuses month to month, so the knowledge base
records each with its date and source, and `refarch review` shows the plans a status change
affects.

## Example

```yaml
plan: lab
reference: dgx-superpod-gb200@2026.11
facility:
  cooling: direct-liquid
racks:
  - id: nvl
    count: 2
    # expect: LIF001 9:23
    systems: [{model: gb200-nvl36x2, count: 1}]
```

## How to fix

Choose a shipping system, or keep the plan and record why (a suppression comment with the
expected availability date), and re-check each month.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.kb.model import Accelerator, System
from linter.kb.model.catalog import lifecycle
from linter.lint.rules.base import RuleContext

CODE = "LIF001"
NAME = "not-shipping"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True

SHIPPING = "shipping"


def _when(entry: System | Accelerator) -> str:
    s = entry.status_since
    if not s:
        return "(no date or source recorded)"
    return f"since {s.date} (source: {s.source})"


def check(ctx: RuleContext) -> Iterator[Finding]:
    seen: set[str] = set()
    for g in ctx.plan.racks:
        for line in g.systems:
            entry = ctx.kb.system(line.model)
            if entry is None or line.model in seen:
                continue
            seen.add(line.model)
            acc = ctx.kb.accelerator(entry.accelerator)
            subject: System | Accelerator
            if entry.status and lifecycle(entry.status) != SHIPPING:
                subject, what = entry, f"{line.model} is {lifecycle(entry.status)}"
            elif acc is not None and acc.status and lifecycle(acc.status) != SHIPPING:
                subject = acc
                what = f"the {acc.id} accelerator of {line.model} is {lifecycle(acc.status)}"
            else:
                continue
            yield ctx.finding(
                (*line.path, "model"),
                f"{what} {_when(subject)}",
                limit="status: shipping",
                limit_source=ctx.source(subject, "status"),
                arithmetic=f"{subject.kind} {subject.id} status {lifecycle(subject.status)!r} "
                "!= 'shipping'",
                fix=f"use a shipping system in place of {line.model}, or record the expected "
                "availability in a suppression comment and re-check it each month",
                key=ctx.key("lifecycle", line.model),
                related=(ctx.related(subject, "status"),),
            )
