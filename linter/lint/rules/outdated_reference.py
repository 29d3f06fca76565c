"""Outdated reference: the plan pins an older version of its architecture than the current
release.

## What it checks

The version in `reference: ARCH@YYYY.MM` against the architecture's version in the current KB
release (`architectures/release.yaml`). An older, known version is a warning that lists what
changed since, from the architecture's `changes` entries. (`refarch review` gives the full
diff and re-lints plans against both versions.) The plan is still checked against the current
architecture.

## Why

References change for a reason (new published figures, withdrawn guidance). A plan pinned to an
old version may rely on a limit that no longer holds.

## Example

Given a knowledge base where `dgx-superpod-h100` moved from `2026.10` to `2026.11` (its
`changes` list has an entry for each):

```yaml
plan: lab
# expect: ARC002 3:12
reference: dgx-superpod-h100@2026.10
facility:
  cooling: air
racks:
  - {id: r01}
```

The message lists each newer `changes` entry (`2026.11 <summary>`) and points at them.

## How to fix

Read the changes, update the plan where needed, and pin the current version.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.kb.versions import current_version, known_versions
from linter.lint.rules.base import RuleContext

CODE = "ARC002"
NAME = "outdated-reference"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    arch = ctx.arch
    if arch is None or not ctx.version:
        return
    current = current_version(ctx.kb, arch)
    if ctx.version >= current or ctx.version not in known_versions(ctx.kb, arch):
        return
    newer = [c for c in arch.changes if ctx.version < c.version <= current]
    summary = "; ".join(f"{c.version} {c.summary.strip()}" for c in newer)
    yield ctx.finding(
        ("reference",),
        f"{arch.id}@{ctx.version} is older than the current {current}"
        + (f"; changed since: {summary}" if summary else ""),
        limit=current,
        limit_source=f"{arch.id}@{current} version",
        arithmetic=f"{ctx.version} < {current}",
        fix=f"review the changes, then pin reference: {arch.id}@{current}",
        key=ctx.key("reference"),
        related=tuple(ctx.related(arch, *c.at, "version") for c in newer)
        or (ctx.related(arch, "version"),),
    )
