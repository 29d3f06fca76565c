"""The hot spot: the resource with the least headroom in a plan, for the lint summary."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from linter.core.text import fmt
from linter.lint.facts import Facts
from linter.lint.power import circuit, cooling_capacity


@dataclass(frozen=True)
class Headroom:
    """``used`` of ``limit`` (same unit) for one resource."""

    resource: str
    used: float
    limit: float
    unit: str

    @property
    def pct(self) -> float:
        """Headroom as a share of the limit (negative when over)."""
        return (self.limit - self.used) / self.limit * 100 if self.limit else -100.0

    def describe(self) -> str:
        state = (
            f"{fmt(self.pct, 1)} % headroom" if self.pct >= 0 else f"over by {fmt(-self.pct, 1)} %"
        )
        return f"{self.resource}: {fmt(self.used, 1)} of {fmt(self.limit, 1)} {self.unit} ({state})"


def headrooms(facts: Facts) -> list[Headroom]:
    """Every bounded resource the plan states enough about to measure."""
    plan, kb = facts.plan, facts.kb
    out: list[Headroom] = []
    rows: dict[str, float] = defaultdict(float)
    total = 0.0
    for g in plan.racks:
        load = facts.load(g)
        if not load.known:
            continue
        kw = load.kw
        total += kw * g.count
        if g.row:
            rows[g.row] += kw * g.count
        if g.budget_kw:
            out.append(Headroom(f"{g.label} power", kw, g.budget_kw, "kW"))
        cap = cooling_capacity(kb, g.cooling, g.rear_door)
        if cap is not None:  # measured against the limit CLG001 measures it against
            limit, which = cap.planning_kw, "planning figure"
            if kw > cap.ceiling_kw + 1e-9:
                limit, which = cap.ceiling_kw, "published ceiling"
            label = f"{g.label} {cap.entry.id} capacity"
            if cap.ceiling_kw != cap.planning_kw:
                label += f" ({which})"
            out.append(Headroom(label, kw, limit, "kW"))
        c = circuit(g, kw, kb)
        if c is not None:
            what = "branch circuit with one feed lost" if c.failover else "branch circuit"
            out.append(Headroom(f"{g.label} {what}", c.amps, c.limit_a, "A"))
    row_budget = plan.facility.get("row_budget_kw")
    if isinstance(row_budget, int | float):
        for row, kw in sorted(rows.items()):
            out.append(Headroom(f"row {row} power", kw, float(row_budget), "kW"))
    hall = plan.facility.get("hall_budget_kw")
    if isinstance(hall, int | float) and total:
        out.append(Headroom("hall IT power", total, float(hall), "kW"))
    return out


def hot_spot(facts: Facts) -> Headroom | None:
    """The resource with the least headroom, or None when nothing can be measured."""
    items = headrooms(facts)
    return min(items, key=lambda h: h.pct) if items else None
