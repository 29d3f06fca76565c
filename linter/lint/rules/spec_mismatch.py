"""Spec mismatch: the plan assumes more from the hardware than its catalog entry gives.

## What it checks

* `network.scale_up.bandwidth_gb_s` (GPU-to-GPU bandwidth per GPU the plan relies on) against
  the `scale_up_bandwidth_gb_s` of the accelerator of every system in the plan;
* `network.scale_up.interconnect` naming NVLink for an accelerator whose catalog
  `scale_up_interconnect` is not NVLink (PCIe-only cards, AMD Infinity Fabric, Gaudi RoCE);
* `link_speed_gbps` of any fabric under `network` against the catalog fabric's
  `link_speed_gbps`.

Any of these is an error and cannot be suppressed: the hardware cannot deliver it.

## Why

Performance plans copied between generations keep their assumptions: 900 GB/s NVLink per GPU
is true of H100 SXM on an NVSwitch baseboard, not of a PCIe card; a tensor-parallel layout
sized on it will not perform.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
racks:
  - {id: r01, systems: [{model: dgx-h100, count: 4}]}
network:
  # expect: ARC008 9:52
  scale_up: {interconnect: nvlink, bandwidth_gb_s: 1800}
```

`h100-sxm` gives 900 GB/s per GPU.

## How to fix

Use the catalog figure of the hardware in the plan, or plan hardware that provides what the
workload needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.kb.model import Accelerator
from linter.lint.rules.base import RuleContext

CODE = "ARC008"
NAME = "spec-mismatch"
DEFAULT_SEVERITY = "error"
IGNORABLE = False

_NONE = re.compile(r"^\s*none\b(?!\s+sourced)", re.I)


def _accelerators(ctx: RuleContext) -> list[Accelerator]:
    out: dict[str, Accelerator] = {}
    for model in ctx.plan.models():
        system = ctx.kb.system(model)
        acc = ctx.kb.accelerator(system.accelerator) if system and system.accelerator else None
        if acc is not None:
            out.setdefault(acc.id, acc)
    return list(out.values())


def _scale_up(ctx: RuleContext) -> Iterator[Finding]:
    su = ctx.plan.network.get("scale_up")
    if not isinstance(su, dict):
        return
    claim, link = su.get("bandwidth_gb_s"), str(su.get("interconnect") or "")
    for acc in _accelerators(ctx):
        have = acc.scale_up_bandwidth_gb_s.value
        text = acc.scale_up_interconnect
        if (
            "nvlink" in link.lower()
            and text
            and (_NONE.match(text) or "nvlink" not in text.lower())
        ):
            yield ctx.finding(
                ("network", "scale_up", "interconnect"),
                f"the plan relies on {link} but {acc.id} has {text}",
                limit=text,
                limit_source=ctx.source(acc, "scale_up_interconnect"),
                arithmetic=f"{link} not in {acc.id} scale_up_interconnect",
                fix=f"plan for {acc.id}'s own interconnect, or choose NVLink-connected GPUs",
                key=ctx.key("network", "scale_up", "interconnect", acc.id),
                related=(ctx.related(acc, "scale_up_interconnect"),),
            )
        if not isinstance(claim, int | float):
            continue
        if have is None and _NONE.match(text):
            have = 0.0
        if have is None or claim <= have + 1e-9:
            continue
        yield ctx.finding(
            ("network", "scale_up", "bandwidth_gb_s"),
            f"the plan assumes {fmt(claim)} GB/s of scale-up bandwidth per GPU; {acc.id} gives "
            f"{fmt(have)} GB/s",
            limit=f"{fmt(have)} GB/s",
            limit_source=ctx.source(acc, "scale_up_bandwidth_gb_s"),
            arithmetic=f"{fmt(claim)} GB/s > {fmt(have)} GB/s",
            fix=f"size tensor parallelism for {fmt(have)} GB/s per GPU, or choose hardware "
            f"with at least {fmt(claim)} GB/s",
            key=ctx.key("network", "scale_up", "bandwidth_gb_s", acc.id),
            related=(
                ctx.related(acc, "scale_up_bandwidth_gb_s")
                if acc.scale_up_bandwidth_gb_s.present
                else ctx.related(acc, "scale_up_interconnect"),
            ),
        )


def _links(ctx: RuleContext) -> Iterator[Finding]:
    for role, spec in ctx.plan.network.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("link_speed_gbps"), int | float):
            continue
        fabric = ctx.kb.fabric(str(spec.get("fabric")))
        top = fabric.link_speed_gbps.value if fabric is not None else None
        claim = spec["link_speed_gbps"]
        if fabric is None or top is None or claim <= top + 1e-9:
            continue
        yield ctx.finding(
            ("network", role, "link_speed_gbps"),
            f"{role} links at {fmt(claim)} Gb/s exceed the {fmt(top)} Gb/s of {fabric.id}",
            limit=f"{fmt(top)} Gb/s",
            limit_source=ctx.source(fabric, "link_speed_gbps"),
            arithmetic=f"{fmt(claim)} Gb/s > {fmt(top)} Gb/s",
            fix=f"use {fmt(top)} Gb/s or a faster fabric",
            key=ctx.key("network", role, "link_speed_gbps"),
            related=(ctx.related(fabric, "link_speed_gbps"),),
        )


def check(ctx: RuleContext) -> Iterator[Finding]:
    yield from _scale_up(ctx)
    yield from _links(ctx)
