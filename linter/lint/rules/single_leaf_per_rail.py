"""Single leaf per rail: each rail of a fabric hangs off one leaf switch.

## What it checks

`leaf_switches_per_rail: 1` on any fabric under `network`. When the pinned architecture lists
the leaf switch among its `fragile_points`, the finding points at that entry and its
mitigation.

## Why

In a rail-optimized fabric, rail *n* of every node in a scalable unit connects to the same
leaf. Losing that leaf removes one rail from every node at once and stalls every job using
them.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
racks:
  - {id: r01}
network:
  # expect: FRG004 9:61
  compute: {fabric: infiniband-ndr, leaf_switches_per_rail: 1}
```

## How to fix

Keep spare leaf switches and optics on site and make jobs restart from checkpoints, or use
two leaves per rail where the design allows it.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding, Related
from linter.lint.rules.base import RuleContext

CODE = "FRG004"
NAME = "single-leaf-per-rail"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def _fragile_leaf(ctx: RuleContext) -> tuple[str, str, tuple[Related, ...]]:
    """(mitigation, source, related) of the architecture's leaf-switch fragile point."""
    arch = ctx.arch
    for fp in arch.fragile_points if arch else ():
        if "leaf" in fp.component.lower():
            assert arch is not None
            source = f"{arch.ref} fragile_points[{fp.id}]"
            return fp.mitigation.strip(), source, (ctx.related(arch, *fp.at, "component"),)
    return "", "", ()


def check(ctx: RuleContext) -> Iterator[Finding]:
    mitigation, source, related = _fragile_leaf(ctx)
    for role, spec in ctx.plan.network.items():
        if not isinstance(spec, dict) or spec.get("leaf_switches_per_rail") != 1:
            continue
        yield ctx.finding(
            ("network", role, "leaf_switches_per_rail"),
            f"the {role} fabric has one leaf switch per rail: losing it removes that rail from "
            "every node on it",
            limit="2 leaves per rail",
            limit_source=source or "leaf redundancy",
            arithmetic="leaf_switches_per_rail = 1",
            fix=mitigation or "keep spare leaf switches on site or use two leaves per rail",
            key=ctx.key("network", role, "leaf_switches_per_rail"),
            related=related,
        )
