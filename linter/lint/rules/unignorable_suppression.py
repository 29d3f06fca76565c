"""Unignorable suppression: a suppression comment tries to silence a rule that cannot be
suppressed.

## What it checks

Suppression comments naming a rule whose `IGNORABLE` is false (hard physical limits such as
`feed-overload-on-failover` or `liquid-cooling-required`) while a finding of that rule is on
the covered line. The finding stays; this error is added.

## Why

Physics does not take exceptions: a breaker trips and an air-cooled rack overheats whatever
the comment says.

## Example

```yaml
plan: lab
reference: dgx-superpod-gb200@2026.11
facility:
  cooling: air
racks:
  - id: nvl01
    # expect: SUP004 8:5
    # refarch: ignore[liquid-cooling-required] reason="pilot"
    systems: [{model: gb200-nvl72, count: 1}]
```

## How to fix

Fix the plan; if the limit itself is wrong, correct it in the knowledge base.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules.base import RuleContext

CODE = "SUP004"
NAME = "unignorable-suppression"
DEFAULT_SEVERITY = "error"
IGNORABLE = False


def check(ctx: RuleContext) -> Iterator[Finding]:
    for s in ctx.suppressions:
        if s.refused:
            yield ctx.finding_at(
                s.line,
                s.column,
                s.end_column,
                f"{', '.join(sorted(s.refused))} cannot be suppressed (a hard limit)",
                fix="fix the plan instead; correct the knowledge base if the limit is wrong",
            )
