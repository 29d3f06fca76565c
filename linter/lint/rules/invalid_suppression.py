"""Invalid suppression: a `# refarch: ignore[...]` comment is missing its reason, names an
unknown rule or has a malformed date.

## What it checks

Every suppression comment, `# refarch: ignore[rule-name] reason="..." until=YYYY-MM-DD`:
the rules in brackets must exist (by code or name), `reason` is required and not empty, and
`until`, when given, must be a date. An invalid suppression silences nothing.

## Why

A suppression is a decision; without a reason nobody can review it later, and a typo in a
rule name would silently suppress nothing.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
racks:
  - id: r01
    # expect: SUP001 8:5
    # refarch: ignore[rack-power-over-budget]
    budget_kw: 40
    systems: [{model: dgx-h100, count: 4}]
```

The finding it meant to silence is reported too.

## How to fix

Write `# refarch: ignore[rack-power-over-budget] reason="why this is acceptable"`.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules.base import RuleContext

CODE = "SUP001"
NAME = "invalid-suppression"
DEFAULT_SEVERITY = "error"
IGNORABLE = False


def check(ctx: RuleContext) -> Iterator[Finding]:
    for s in ctx.suppressions:
        if s.valid:
            continue
        yield ctx.finding_at(
            s.line,
            s.column,
            s.end_column,
            f"invalid suppression: {'; '.join(s.problems)}",
            fix='write # refarch: ignore[RULE] reason="..." [until=YYYY-MM-DD]',
        )
