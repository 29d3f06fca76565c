"""Single power feed: racks hang off one power feed.

## What it checks

`facility.power.feeds: 1`, reported once for the hall; and a rack whose own `power.feeds` is 1
where the hall's is not (an imported rack with one NetBox feed), reported on that rack.

## Why

With one feed, any breaker trip, PDU fault or maintenance on the feed takes every system in
the rack down at once; for GPU clusters that also stalls every job spanning those systems.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
  # expect: FRG001 6:18
  power: {feeds: 1}
racks:
  - {id: r01, systems: [{model: dgx-h100, count: 1}]}
```

## How to fix

Feed each rack from two independent feeds (A/B) and size each for the whole rack
(`feed-overload-on-failover` checks that).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.lint.rules.base import RuleContext

CODE = "FRG001"
NAME = "single-power-feed"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    hall_single = ctx.plan.power.get("feeds") == 1
    for group in ctx.plan.racks:
        own = group.power.get("feeds")
        if own == 1 and not hall_single:
            yield ctx.finding(
                (*group.path, "power", "feeds"),
                f"{group.label} has a single power feed: one feed fault takes down all its systems",
                limit="2 feeds",
                limit_source="A/B power redundancy",
                arithmetic="feeds = 1 < 2",
                fix=f"feed {group.label} from two independent feeds (A/B), each sized for the "
                "whole rack",
                key=ctx.key("racks", group.id, "power", "feeds"),
            )
    if not hall_single:
        return
    yield ctx.finding(
        ("facility", "power", "feeds"),
        "every rack has a single power feed: one feed fault takes down all systems in the rack",
        limit="2 feeds",
        limit_source="A/B power redundancy",
        arithmetic="feeds = 1 < 2",
        fix="feed each rack from two independent feeds (A/B), each sized for the whole rack",
        key=ctx.key("facility", "power", "feeds"),
    )
