"""Required fabric missing: the plan lacks a fabric its reference architecture requires.

## What it checks

Every network of the pinned architecture marked `required: true` (compute, storage, in-band
or out-of-band management) must appear in the plan's `network` section under its role
(`compute`, `storage`, `in_band`, `out_of_band`).

## Why

Management and storage fabrics are easy to leave out of a plan that counts GPUs, and expensive
to add once racks are cabled: without a separate storage fabric, checkpoints compete with
collectives; without out-of-band management, a hung node needs someone on site.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
racks:
  - {id: r01}
# expect: ARC005 8:1
network:
  compute: {fabric: infiniband-ndr}
```

`dgx-superpod-h100` also requires a `storage` fabric.

## How to fix

Add the missing fabric under `network` with the architecture's fabric and topology.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules._networks import plan_key
from linter.lint.rules.base import RuleContext

CODE = "ARC005"
NAME = "required-fabric-missing"
DEFAULT_SEVERITY = "error"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    arch = ctx.arch
    if arch is None:
        return
    ref = arch.ref
    where = ("network",) if "network" in ctx.data else ()
    for net in arch.networks:
        role, fabric = net.role, net.fabric
        if not net.required or plan_key(role) in ctx.plan.network:
            continue
        yield ctx.finding(
            where,
            f"no {role} fabric: {ref} requires one ({fabric})",
            on_key=bool(where),
            limit=f"{role} fabric required",
            limit_source=f"{ref} networks[{role}].required",
            arithmetic=f"network.{plan_key(role)} missing",
            fix=f"add network.{plan_key(role)}: {{fabric: {fabric}"
            + (f", topology: {net.topology}" if net.topology else "")
            + "}",
            key=ctx.key("network", role),
            related=(ctx.related(arch, *net.at, "required"),),
        )
