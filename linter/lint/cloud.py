"""What renting a plan's GPUs on demand would cost: dated prices of cloud instances with the
same accelerators (``standards/cloud-prices.yaml``), at the plan's utilisation.

For each accelerator the plan uses (GPUs in service: its systems less its spares), the
cheapest listed instance with that accelerator: ``ceil(GPUs / GPUs per instance) x 8760 h x
utilisation x price per hour``, labelled with the provider, instance, region and the date
the price was read. Accelerators with no listed price are named, never priced.
"""

from __future__ import annotations

import math

from linter.core.text import fmt
from linter.kb.store import KnowledgeBase
from linter.lint.goodput import gpus_in_service
from linter.lint.plan import Plan

STANDARD = "cloud-prices"
HOURS_PER_YEAR = 8760


def rent(
    plan: Plan, kb: KnowledgeBase, share: float
) -> tuple[list[tuple[str, float, str]], list[str]]:
    """(name, USD a year, formula) per priced accelerator, and notes for the rest."""
    std = kb.standard(STANDARD)
    if std is None:  # a KB without prices: no comparison, nothing to say
        return [], []
    rows = std.rows("instances")
    lines: list[tuple[str, float, str]] = []
    notes: list[str] = []
    for acc, gpus in sorted(gpus_in_service(plan, kb).items()):
        priced = [
            r
            for r in rows
            if r.text("accelerator") == acc
            and r.figure("usd_per_hour").value
            and r.figure("gpus").value
        ]
        if not priced:
            notes.append(f"no dated cloud on-demand price for {acc} in standards/cloud-prices")
            continue
        row = min(
            priced,
            key=lambda r: (r.figure("usd_per_hour").value or 0) / (r.figure("gpus").value or 1),
        )
        price = row.figure("usd_per_hour").value or 0.0
        per = int(row.figure("gpus").value or 1)
        instances = math.ceil(gpus / per)
        usd = instances * HOURS_PER_YEAR * share * price
        label = f"{row.text('provider')} {row.text('instance')}, price of {row.text('price_date')}"
        caveat = row.figure("usd_per_hour").note
        lines.append(
            (
                f"cloud on-demand ({label})",
                usd,
                f"{gpus:,} {acc} GPUs / {per} = {instances:,} instances x 8760 h x "
                f"{fmt(share * 100)} % x {fmt(price)} USD/h ({row.text('region')})"
                + (f"; {caveat}" if caveat else ""),
            )
        )
    return lines, notes
