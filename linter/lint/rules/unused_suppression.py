"""Unused suppression: a suppression comment silences nothing.

## What it checks

Valid, unexpired suppression comments that match no finding on the line they cover (the same
line for a trailing comment, the next line for a comment on its own line).

## Why

Stale suppressions hide future problems: when the plan changes and the finding comes back on
that line, it would be silenced without anyone deciding so.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
racks:
  - id: r01
    # expect: SUP003 8:5
    # refarch: ignore[rack-power-over-budget] reason="within budget now"
    budget_kw: 50
    systems: [{model: dgx-h100, count: 4}]
```

## How to fix

Delete the comment.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules.base import RuleContext

CODE = "SUP003"
NAME = "unused-suppression"
DEFAULT_SEVERITY = "warning"
IGNORABLE = False


def check(ctx: RuleContext) -> Iterator[Finding]:
    for s in ctx.suppressions:
        if not s.valid or s.expired:
            continue
        unused = [
            t
            for t, c in zip(s.tokens, s.codes, strict=True)
            if c not in s.used and c not in s.refused
        ]
        if unused:
            yield ctx.finding_at(
                s.line,
                s.column,
                s.end_column,
                f"suppression of {', '.join(unused)} matches no finding on line {s.covers}",
                fix="delete the suppression"
                if len(unused) == len(s.tokens)
                else f"remove {', '.join(unused)} from the suppression",
            )
