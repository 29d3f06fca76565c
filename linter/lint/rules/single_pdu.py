"""Single PDU: a rack has one power distribution unit.

## What it checks

Racks whose PDU count (`pdus` on the rack, else `facility.power.pdus_per_rack`) is 1, for
racks with systems. A hall-wide setting is reported once, at `pdus_per_rack`.

## Why

A PDU is a single device with a single breaker and controller: one fault or firmware update
takes the whole rack down, even when the room has two feeds.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
  # expect: FRG002 6:36
  power: {feeds: 2, pdus_per_rack: 1}
racks:
  - {id: r01, systems: [{model: dgx-h100, count: 1}]}
```

## How to fix

Give each rack at least one PDU per feed.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules.base import RuleContext

CODE = "FRG002"
NAME = "single-pdu"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    hall_single: list[str] = []
    for g in ctx.plan.racks:
        if g.pdus != 1 or not g.systems:
            continue
        rack = ctx.data["racks"][g.index]
        if isinstance(rack, dict) and "pdus" in rack:
            yield ctx.finding(
                (*g.path, "pdus"),
                f"{g.label} has a single PDU: one PDU fault takes down the whole rack",
                limit="2 PDUs",
                limit_source="one PDU per feed",
                arithmetic="pdus = 1 < 2",
                fix=f"give {g.id} one PDU per feed (at least 2)",
                key=ctx.key("racks", g.id, "pdus"),
            )
        else:
            hall_single.append(g.id)
    if hall_single:
        yield ctx.finding(
            ("facility", "power", "pdus_per_rack"),
            f"racks have a single PDU ({', '.join(hall_single)}): one PDU fault takes down a "
            "whole rack",
            limit="2 PDUs",
            limit_source="one PDU per feed",
            arithmetic="pdus_per_rack = 1 < 2",
            fix="give each rack one PDU per feed (at least 2)",
            key=ctx.key("facility", "power", "pdus_per_rack"),
        )
