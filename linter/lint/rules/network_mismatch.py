"""Network mismatch: a fabric differs from the one the reference architecture specifies.

## What it checks

For every fabric role the pinned architecture describes (`compute`, `storage`, `in-band`,
`out-of-band`) and the plan states under `network` (`compute`, `storage`, `in_band`,
`out_of_band`):

* `fabric` (catalog network id) different from the architecture's: warning;
* `topology` different, when both state one: warning;
* `oversubscription` above the architecture's figure: error;
* `link_speed_gbps` below the architecture's figure: warning.

## Why

Collective communication in training and multi-node inference is shaped by the fabric: an
oversubscribed or slower compute fabric slows every all-reduce, and a different fabric is a
different design from the one the reference validated.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
racks:
  - {id: r01}
network:
  # expect: ARC004 9:90
  compute: {fabric: infiniband-ndr, topology: rail-optimized-fat-tree, oversubscription: 2.0}
```

## How to fix

Use the architecture's fabric, topology and link speed, and keep the compute fabric
non-blocking where the reference is.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.rules._networks import plan_key
from linter.lint.rules.base import RuleContext

CODE = "ARC004"
NAME = "network-mismatch"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    arch = ctx.arch
    if arch is None:
        return
    ref = arch.ref
    for net in arch.networks:
        role = net.role
        key = plan_key(role)
        mine = ctx.plan.network.get(key)
        if not isinstance(mine, dict):
            continue
        path = ("network", key)
        want = net.fabric
        if want and mine.get("fabric") != want:
            yield ctx.finding(
                (*path, "fabric"),
                f"{role} fabric is {mine.get('fabric')}; {ref} specifies {want}",
                limit=want,
                limit_source=f"{ref} networks[{role}].fabric",
                arithmetic=f"{mine.get('fabric')} != {want}",
                fix=f"use {want} for the {role} fabric, or pin an architecture built on "
                f"{mine.get('fabric')}",
                key=ctx.key("network", role, "fabric"),
                related=(ctx.related(arch, *net.at, "fabric"),),
            )
        topo = net.topology
        if topo and isinstance(mine.get("topology"), str) and mine["topology"] != topo:
            yield ctx.finding(
                (*path, "topology"),
                f"{role} topology is {mine['topology']}; {ref} specifies {topo}",
                limit=topo,
                limit_source=f"{ref} networks[{role}].topology",
                arithmetic=f"{mine['topology']} != {topo}",
                fix=f"use a {topo} topology",
                key=ctx.key("network", role, "topology"),
                related=(ctx.related(arch, *net.at, "topology"),),
            )
        ratio = net.oversubscription.value
        have = mine.get("oversubscription")
        if ratio is not None and isinstance(have, int | float) and have > ratio + 1e-9:
            yield ctx.finding(
                (*path, "oversubscription"),
                f"{role} fabric oversubscription {fmt(have)}:1 is above the {fmt(ratio)}:1 "
                f"of {ref}",
                severity="error",
                limit=f"{fmt(ratio)}:1",
                limit_source=f"{ref} networks[{role}].oversubscription",
                arithmetic=f"{fmt(have)} > {fmt(ratio)}",
                fix=f"add spine capacity until oversubscription is at most {fmt(ratio)}:1",
                key=ctx.key("network", role, "oversubscription"),
                related=(ctx.related(arch, *net.at, "oversubscription"),),
            )
        speed = net.link_speed_gbps.value
        have_speed = mine.get("link_speed_gbps")
        if speed is not None and isinstance(have_speed, int | float) and have_speed < speed - 1e-9:
            yield ctx.finding(
                (*path, "link_speed_gbps"),
                f"{role} links run at {fmt(have_speed)} Gb/s, below the {fmt(speed)} Gb/s of {ref}",
                limit=f"{fmt(speed)} Gb/s",
                limit_source=f"{ref} networks[{role}].link_speed_gbps",
                arithmetic=f"{fmt(have_speed)} Gb/s < {fmt(speed)} Gb/s",
                fix=f"use {fmt(speed)} Gb/s links",
                key=ctx.key("network", role, "link_speed_gbps"),
                related=(ctx.related(arch, *net.at, "link_speed_gbps"),),
            )
