"""Feed overload on failover: with one feed lost, a rack's branch circuits carry more than the
continuous-load share of their breakers.

## What it checks

For every rack with power details (`facility.power`: `feeds`, `voltage_v`, `phases`,
`breaker_a`, optionally `power_factor` and `pdus_per_rack`), the line current of each branch
circuit when one feed is lost:

* the rack's load (system maximum power) is carried by the remaining feeds (all feeds when
  `redundancy: N`), split over their circuits (each PDU is one circuit; PDUs are shared
  evenly between feeds);
* apparent power = kW / PF, and current = kVA / (sqrt(3) x V) on three phases, kVA / V on
  one; the power factor is the plan's `power_factor`, else the lowest published PSU power
  factor of the rack's systems (catalog `power_factor`), else the server-PSU figure of
  `standards/electrical.yaml` (`power_factor_default`: 0.95, the Energy Star server minimum at
  full load; 0.8 is a UPS and generator rating convention, not a server's draw);
* the limit is the breaker rating times the continuous-load factor of
  `standards/electrical.yaml` (`continuous_load_factor_pct`, the NEC 80 % rule).

Above the limit is an error; within the planning margin below it a warning. The rule cannot
be suppressed: a breaker that trips on failover turns a redundant design into two outages.

## Why

A/B feeds only protect a rack if either feed can carry the whole rack by itself. Sizing each
feed for half the load is the most common way redundant power becomes a single point of
failure.

## Example

```yaml
# expect: PWR002 8:9
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  power: {feeds: 2, voltage_v: 415, phases: 3, breaker_a: 60, pdus_per_rack: 2}
racks:
  - id: r01
    systems: [{model: dgx-h100, count: 4}]
```

With feed B lost, feed A's one circuit carries 40.8 kW: 40.8 kW / PF 0.95 = 42.9 kVA, and
42.9 kVA / (sqrt(3) x 415 V) = 59.7 A, above 60 A x 80 % = 48 A.

## How to fix

Add circuits per feed (more PDUs), use larger breakers or a higher voltage, or move systems to
another rack until the failover current is within the continuous limit.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.text import fmt
from linter.lint.power import circuit
from linter.lint.rules.base import RuleContext

CODE = "PWR002"
NAME = "feed-overload-on-failover"
DEFAULT_SEVERITY = "error"
IGNORABLE = False


def check(ctx: RuleContext) -> Iterator[Finding]:
    elec = ctx.standard("electrical")
    for group in ctx.plan.racks:
        load = ctx.facts.load(group)
        if not load.known or elec is None:
            continue
        c = circuit(group, load.kw, ctx.kb)
        if c is None:
            continue
        severity = ctx.grade(c.amps, c.limit_a)
        if severity is None:
            continue
        over = c.amps > c.limit_a
        when = "with one feed lost" if c.failover else "in normal operation"
        target = c.limit_a if over else c.limit_a * (1 - ctx.margin_pct / 100)
        per_amp = target / c.breaker_a  # 0 when the KB's load factor underflows (5e-324 %)
        circuits = c.amps * c.carrying_feeds * c.circuits_per_feed / target if target else math.inf
        breaker = c.amps / per_amp if per_amp else math.inf
        if math.isfinite(circuits) and math.isfinite(breaker):
            needed_per_feed = math.ceil(math.ceil(circuits - 1e-9) / c.carrying_feeds)
            fix = (
                f"give each feed at least {needed_per_feed} circuits (PDUs) of "
                f"{fmt(c.breaker_a)} A, or breakers of at least {math.ceil(breaker - 1e-9)} A"
            )
        else:  # a voltage or power factor of 1e-308 gives no finite current to size for
            fix = (
                "check voltage_v, phases and power_factor (and the KB's continuous-load "
                "factor): they give no finite current or limit"
            )
        related = [ctx.related(elec, "continuous_load_factor_pct")]
        if c.pf_from == "standard":
            related.append(ctx.related(elec, "power_factor_default"))
        elif c.pf_from.startswith("system "):
            entry = ctx.kb.system(c.pf_from.removeprefix("system "))
            if entry is not None:
                related.append(ctx.related(entry, "power_factor"))
        word, relation = ctx.standing(c.amps, c.limit_a)
        yield ctx.finding(
            (*group.path, "id"),
            f"{group.label}: each branch circuit carries {fmt(c.amps, 1)} A {when}, {word} the "
            f"{fmt(c.limit_a, 1)} A continuous limit of a {fmt(c.breaker_a)} A breaker",
            severity=severity,
            limit=f"{fmt(c.limit_a, 1)} A",
            limit_source=ctx.source(elec, "continuous_load_factor_pct"),
            arithmetic=(
                f"{c.arithmetic(load.kw)} {relation} {fmt(c.breaker_a)} A x "
                f"{fmt(c.factor_pct)} % = {fmt(c.limit_a, 1)} A"
            ),
            fix=fix,
            key=ctx.key("racks", group.id),
            related=tuple(related),
        )
