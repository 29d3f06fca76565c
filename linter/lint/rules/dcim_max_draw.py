"""DCIM maximum draw: the DCIM a plan was imported from gives a system a maximum power draw
that disagrees with the catalog's sourced maximum.

## What it checks

Every system line with a `dcim.max_draw_kw` (written by `refarch import netbox`: the sum of
the maximum draw of the device type's power ports, times the devices that make one system)
against the catalog system's `max_power_kw`. A ratio beyond the planning margin either way
(`margin_pct`, 10 % by default) is a finding, naming both figures, the catalog's source and
the DCIM object to edit. The plan's own power rules always use the catalog figure.

## Why

A DCIM's power figures drive its rack power reports and capacity planning. Community device
types for AI systems are often a fraction of the real draw (two supplies entered where the
system has six), so a DCIM that looks half full can have racks that trip on the first
training job. The disagreement is worth fixing at the source, where everyone reads it.

## Example

```yaml
plan: hall-c
reference: dgx-superpod-h100@2026.11
facility:
  cooling: air
racks:
  - id: c01
    systems:
      - model: dgx-h100
        count: 2
        dcim:
          object: netbox dcim.devicetype 1 DGX H100
          url: https://netbox.example.com/dcim/device-types/1/
          # expect: DCM001 14:24
          max_draw_kw: 2.2
```

NetBox says 2.2 kW, the catalog says 10.2 kW: ratio 4.64x.

## How to fix

Correct the device type in the DCIM (the maximum draw of its power port templates) from the
vendor's published maximum; `refarch show SYSTEM` gives the catalog's figure and its source.
If the DCIM describes a different configuration, map the device type to the catalog system
that matches it. refarch never writes to the DCIM.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding, Related
from linter.core.text import fmt
from linter.lint.rules.base import RuleContext

CODE = "DCM001"
NAME = "dcim-max-draw"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    for group in ctx.plan.racks:
        for line in group.systems:
            entry = ctx.kb.system(line.model)
            dcim = line.dcim
            if entry is None or dcim is None or dcim.max_draw_kw is None:
                continue
            kb_kw = entry.max_power_kw.value
            if kb_kw is None or kb_kw <= 0:
                continue
            said = dcim.max_draw_kw
            ratio = kb_kw / said if said > 0 else float("inf")
            low, high = 1 - ctx.margin_pct / 100, 1 + ctx.margin_pct / 100
            if low <= ratio <= high:
                continue
            shown = f"{fmt(ratio)}x" if said > 0 else "no draw at all"
            where = f" ({dcim.url})" if dcim.url else ""
            what = dcim.object or "the DCIM"
            related = [ctx.related(entry, "max_power_kw")]
            if dcim.url:
                related.append(Related(dcim.url, 0, 0, f"{what}: edit its maximum draw"))
            cited = [entry.source(s) for s in entry.max_power_kw.sources]
            source = next((c.url or c.title for c in cited if c is not None), "")
            yield ctx.finding(
                (*line.path, "dcim", "max_draw_kw"),
                f"{line.model}: the DCIM says {fmt(said)} kW, the KB says {fmt(kb_kw)} kW "
                f"({source or ctx.source(entry, 'max_power_kw')}), ratio {shown}",
                limit=f"{fmt(kb_kw)} kW",
                limit_source=ctx.source(entry, "max_power_kw"),
                arithmetic=(
                    f"{fmt(kb_kw)} kW / {fmt(said)} kW = {shown}, outside "
                    f"{fmt(low)}-{fmt(high)}x (margin {fmt(ctx.margin_pct)} %)"
                ),
                fix=(
                    f"edit {what}{where}: its power ports' maximum draw should add up to "
                    f"{fmt(kb_kw * 1000, 0)} W per {line.model}, or map the device type to "
                    "the catalog system it is"
                ),
                key=ctx.key("racks", group.id, line.model, "dcim"),
                related=tuple(related),
            )
