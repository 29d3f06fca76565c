"""PSU redundancy on feed loss: a system is left with fewer working power supplies than it
needs for full power when one feed fails.

## What it checks

For every system in a rack fed by two or more feeds (`facility.power.feeds`), its power
supplies are shared evenly between the feeds (`psu_count` in the catalog); losing the feed with
the most supplies must leave at least `psu_required` (the supplies the system needs for
maximum power, from its published redundancy such as 4+2). A system with no redundant supply
at all (`psu_count` equal to `psu_required`) is reported too.

## Why

A DGX H100 has six supplies in 4+2 redundancy. On A/B feeds, three supplies hang off each
feed; when one feed fails the system runs on three, below the four it needs, at reduced
performance (the user guide: it keeps running on three supplies at reduced performance). The
feed is redundant, the system is not.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  power: {feeds: 2}
racks:
  - id: r01
    # expect: PWR005 9:23
    systems: [{model: dgx-h100, count: 2}]
```

`6 supplies / 2 feeds = 3 per feed; 6 - 3 = 3 left < 4 required`.

## How to fix

Feed the systems from as many feeds as their supply groups need (three feeds for 4+2 supplies
in pairs), or accept and document reduced performance on feed loss by suppressing the finding
with a reason. Supplies in N+1 redundancy guard against one supply failing, not a feed: where
only four or more feeds would do, the fix says so and suggests capping the system's power to
what the remaining supplies deliver instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.power import supplies_left
from linter.lint.rules.base import RuleContext

CODE = "PWR005"
NAME = "psu-redundancy-on-feed-loss"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True
# Beyond three feeds (A/B/C) the fix is not a feed count a facility would build.
PRACTICAL_FEEDS = 3


def check(ctx: RuleContext) -> Iterator[Finding]:
    for group in ctx.plan.racks:
        feeds = group.power.get("feeds")
        for line in group.systems:
            entry = ctx.kb.system(line.model)
            if entry is None:
                continue
            count, required = entry.psu_count.value, entry.psu_required.value
            if count is None or required is None:
                continue
            related = (ctx.related(entry, "psu_count"), ctx.related(entry, "psu_required"))
            src = ctx.source(entry, "psu_required")
            if count <= required:
                yield ctx.finding(
                    (*line.path, "model"),
                    f"{line.model} has no redundant power supply ({fmt(count)} installed, "
                    f"{fmt(required)} needed)",
                    limit=f"{fmt(required)} PSUs",
                    limit_source=src,
                    arithmetic=f"{fmt(count)} installed - {fmt(required)} required = 0 spare",
                    fix=f"choose a {line.model} configuration with at least {fmt(required + 1)} "
                    "supplies",
                    key=ctx.key("racks", group.id, line.model, "psu"),
                    related=related,
                )
                continue
            if not isinstance(feeds, int) or feeds < 2:
                continue
            left = supplies_left(count, feeds)
            lost = count - left
            if left >= required:
                continue
            need_feeds = next(
                f
                for f in range(feeds + 1, int(count) + 2)
                if supplies_left(count, f) >= required or f > count
            )
            if need_feeds <= PRACTICAL_FEEDS:
                fix = (
                    f"feed {line.model} from {need_feeds} feeds, or document reduced "
                    "performance on feed loss"
                )
            else:  # N+1 supplies guard against a supply failing, not a feed
                fix = (
                    f"no A/B or A/B/C feed layout keeps {line.model} at full power on feed loss "
                    f"(its {fmt(required)}+{fmt(count - required)} supplies would need "
                    f"{need_feeds} feeds): cap its power to what {fmt(left)} supplies deliver, "
                    "or document reduced performance on feed loss"
                )
            yield ctx.finding(
                (*line.path, "model"),
                f"{line.model} keeps {fmt(left)} of {fmt(count)} power supplies when one of "
                f"{feeds} feeds fails, fewer than the {fmt(required)} it needs for full power",
                limit=f"{fmt(required)} PSUs",
                limit_source=src,
                arithmetic=(
                    f"{fmt(count)} supplies / {feeds} feeds = {fmt(lost)} on the lost feed; "
                    f"{fmt(count)} - {fmt(lost)} = {fmt(left)} < {fmt(required)} required"
                ),
                fix=fix,
                key=ctx.key("racks", group.id, line.model, "psu"),
                related=related,
            )
