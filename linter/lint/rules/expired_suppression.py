"""Expired suppression: a suppression comment's `until` date has passed.

## What it checks

Suppression comments whose `until=YYYY-MM-DD` is before today. An expired suppression no
longer silences anything, so the finding it covered is reported again, next to this one.

## Why

Temporary exceptions ("until the new PDUs arrive") have to come back for review; a date makes
that automatic.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
racks:
  - id: r01
    # expect: SUP002 8:5
    # refarch: ignore[rack-power-over-budget] reason="new PDUs due" until=2020-01-31
    budget_kw: 40
    systems: [{model: dgx-h100, count: 4}]
```

## How to fix

Fix the underlying finding, or renew the suppression with a new date and reason.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules.base import RuleContext

CODE = "SUP002"
NAME = "expired-suppression"
DEFAULT_SEVERITY = "warning"
IGNORABLE = False


def check(ctx: RuleContext) -> Iterator[Finding]:
    for s in ctx.suppressions:
        if s.valid and s.expired and s.until is not None:
            yield ctx.finding_at(
                s.line,
                s.column,
                s.end_column,
                f"suppression of {', '.join(s.tokens)} expired on {s.until.isoformat()}",
                fix="fix the finding, or renew the suppression with a new until date and reason",
            )
