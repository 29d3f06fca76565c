"""Unknown reference version: the plan pins a version of its architecture that does not exist.

## What it checks

The version in `reference: ARCH@YYYY.MM` against the versions the knowledge base knows for
that architecture: its current version (from `architectures/release.yaml`, else the file's
`version`) and every version in its `changes` list. A version newer than the current release
or missing from the history is an error that cannot be suppressed. (An unknown architecture id
is reported by validation as `VAL003`.)

## Why

A plan is reviewed against a specific, published version of its reference; a version nobody
published cannot be reviewed, and usually means a typo in the pin.

## Example

```yaml
plan: lab
# expect: ARC001 3:12
reference: dgx-superpod-h100@2031.01
facility:
  cooling: air
racks:
  - {id: r01}
```

## How to fix

Pin a published version: `refarch show ARCH` prints the current one and its change history.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.kb.versions import current_version, known_versions
from linter.lint.rules.base import RuleContext

CODE = "ARC001"
NAME = "unknown-reference-version"
DEFAULT_SEVERITY = "error"
IGNORABLE = False


def check(ctx: RuleContext) -> Iterator[Finding]:
    arch = ctx.arch
    if arch is None or not ctx.version:
        return
    versions = known_versions(ctx.kb, arch)
    if ctx.version in versions:
        return
    current = current_version(ctx.kb, arch)
    why = "newer than the current release" if ctx.version > current else "not in its history"
    yield ctx.finding(
        ("reference",),
        f"{arch.id} has no version {ctx.version} ({why}; known: {', '.join(versions)})",
        limit=current,
        limit_source=f"{arch.id}@{current} version",
        arithmetic=f"{ctx.version} not in {{{', '.join(versions)}}}",
        fix=f"pin reference: {arch.id}@{current} (until then the checks against the "
        "architecture wait: the plan's physics is still checked)",
        key=ctx.key("reference"),
        related=(ctx.related(arch, "version"),),
    )
