"""What a plan costs to run for a year: energy, and from figures the user gives, money, carbon
and water; for an inference workload, tokens per kWh and the energy cost of a million tokens.

Every line is arithmetic on stated inputs, shown with its formula:

* IT power: the plan's racks at system maximum power (what the power rules check), times the
  utilisation the user gives (100 % when not given: an upper bound, said so);
* annual energy = IT kW x utilisation x PUE x 8,760 h (PUE: the plan's, else the KB's latest
  survey average, with its source);
* energy cost = annual energy x tariff; carbon = annual energy x grid intensity; water = IT
  energy x WUE (The Green Grid's definition: site water over IT energy);
* tokens per kWh = the sized deployment's output tokens/s x 3,600 / its facility kW, at the
  workload's targets (``refarch size`` for the plan's workload); cost per million tokens =
  tariff x 1,000,000 / tokens per kWh.

Capital cost is not estimated: refarch keeps no price list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from linter.core.text import fmt
from linter.kb.pue import default_pue
from linter.kb.store import KnowledgeBase
from linter.lint import cloud
from linter.lint.facts import Facts
from linter.lint.plan import Plan

HOURS_PER_YEAR = 8760  # 365 x 24


@dataclass(frozen=True)
class Inputs:
    utilisation_pct: float | None = None  # of system maximum power; None: 100 %, an upper bound
    tariff_per_kwh: float | None = None
    currency: str = ""
    grid_g_per_kwh: float | None = None
    wue_l_per_kwh: float | None = None
    capex: float | None = None  # the user's capital cost of the plan, in ``currency``
    lifetime_years: float | None = None  # over which the capital is spread

    @property
    def share(self) -> float:
        """The utilisation as a fraction (1 when not given: an upper bound)."""
        return (100.0 if self.utilisation_pct is None else self.utilisation_pct) / 100


def plan_inputs(plan: Plan) -> Inputs:
    """The plan's own cost figures (``costs``), as ``refarch cost`` reads them."""
    own = plan.costs

    def num(key: str) -> float | None:
        v = own.get(key)
        return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None

    return Inputs(
        utilisation_pct=num("utilisation_pct"),
        tariff_per_kwh=num("tariff_per_kwh"),
        currency=str(own.get("currency", "")),
        grid_g_per_kwh=num("grid_g_per_kwh"),
        wue_l_per_kwh=num("wue_l_per_kwh"),
        capex=num("capex"),
        lifetime_years=num("lifetime_years"),
    )


@dataclass
class Line:
    name: str
    value: float | None
    unit: str
    formula: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "unit": self.unit, "formula": self.formula}


@dataclass
class Cost:
    plan: str
    lines: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def value(self, name: str) -> float | None:
        return next((line.value for line in self.lines if line.name == name), None)


def _pue(plan: Plan, kb: KnowledgeBase) -> tuple[float, str]:
    if plan.pue is not None:
        return plan.pue, "the plan's facility.pue"
    return default_pue(kb)


def annual(plan: Plan, kb: KnowledgeBase, facts: Facts, inputs: Inputs) -> Cost:
    """Every line: energy, cost, carbon, water, and tokens for a sized inference workload."""
    out = energy(plan, kb, facts, inputs)
    _goodput(out, facts, inputs)
    _build_or_rent(out, plan, kb, inputs)
    _tokens(out, facts, inputs)
    return out


def _build_or_rent(out: Cost, plan: Plan, kb: KnowledgeBase, inputs: Inputs) -> None:
    """Capital per year from the user's figures, and renting the same GPUs on demand."""
    cur = inputs.currency or "per year"
    build = None
    if inputs.capex is not None and inputs.lifetime_years:
        capital = inputs.capex / inputs.lifetime_years
        out.lines.append(
            Line(
                "capital per year",
                capital,
                cur,
                f"{fmt(inputs.capex, 0)} {inputs.currency} / {fmt(inputs.lifetime_years)} years "
                "(the figures given)",
            )
        )
        energy_cost = out.value("energy cost")
        if energy_cost is not None:
            build = capital + energy_cost
            out.lines.append(
                Line(
                    "build per year",
                    build,
                    cur,
                    f"{fmt(capital, 0)} capital + {fmt(energy_cost, 0)} energy",
                )
            )
    lines, notes = cloud.rent(plan, kb, inputs.share)
    for name, usd, formula in lines:
        out.lines.append(Line(name, usd, "USD", formula))
    out.notes.extend(notes)
    if lines and build is not None and inputs.currency.upper() == "USD":
        rent = sum(usd for _, usd, _ in lines)
        out.lines.append(
            Line(
                "cloud minus build",
                rent - build,
                "USD",
                f"{fmt(rent, 0)} cloud - {fmt(build, 0)} build (a year at this utilisation)",
            )
        )


def _goodput(out: Cost, facts: Facts, inputs: Inputs) -> None:
    """A training plan's goodput and the useful GPU-hours of a year it leaves."""
    g = facts.goodput
    if g is None or g.optimal_s is None:
        return
    period = g.interval_s or g.optimal_s
    share = g.goodput(period)
    if share is None:
        return
    which = "the plan's" if g.interval_s else "the Young/Daly optimum"
    out.lines.append(
        Line("goodput", share * 100, "%", f"{g.goodput_arithmetic(period)} at {which} interval")
    )
    useful = g.gpus * HOURS_PER_YEAR * share
    out.lines.append(
        Line(
            "useful GPU-hours",
            useful,
            "GPU-h",
            f"{g.gpus:,} GPUs x 8760 h x {fmt(share * 100, 1)} % goodput",
        )
    )
    spent = out.value("energy cost")
    if spent is not None and useful > 0:
        out.lines.append(
            Line(
                "energy cost per useful GPU-hour",
                spent / useful,
                inputs.currency or "per GPU-hour",
                f"{fmt(spent, 0)} / {fmt(useful, 0)} GPU-h",
            )
        )
    out.notes.append(g.rate.caveat())


def energy(plan: Plan, kb: KnowledgeBase, facts: Facts, inputs: Inputs | None = None) -> Cost:
    """The lines that need no sizing: IT power, annual energy, and cost, carbon and water from
    the figures given (the lint summary's energy line is this with no inputs)."""
    inputs = inputs or Inputs()
    out = Cost(plan.id)
    it_kw = 0.0
    unknown = []
    for group in plan.racks:
        load = facts.load(group)
        if load.known:
            it_kw += load.kw * group.count
        else:
            unknown.append(group.label)
    if unknown:
        out.notes.append(f"left out (system power not published): {', '.join(unknown)}")
    if inputs.utilisation_pct is None:
        out.notes.append("utilisation not given: 100 % of system maximum power, an upper bound")
    share = inputs.share
    pue, pue_from = _pue(plan, kb)
    it_mwh = it_kw * share * HOURS_PER_YEAR / 1000
    mwh = it_mwh * pue
    out.lines.append(
        Line(
            "IT power",
            it_kw,
            "kW",
            "racks x systems x system maximum power (capped where the plan caps it)",
        )
    )
    out.lines.append(
        Line(
            "annual energy",
            mwh,
            "MWh",
            f"{fmt(it_kw)} kW x {fmt(share * 100)} % x PUE {fmt(pue)} ({pue_from}) x 8760 h",
        )
    )
    if inputs.tariff_per_kwh is not None:
        out.lines.append(
            Line(
                "energy cost",
                mwh * 1000 * inputs.tariff_per_kwh,
                inputs.currency or "per year",
                f"{fmt(mwh, 1)} MWh x {fmt(inputs.tariff_per_kwh)} {inputs.currency}/kWh",
            )
        )
    if inputs.grid_g_per_kwh is not None:
        out.lines.append(
            Line(
                "carbon",
                mwh * inputs.grid_g_per_kwh / 1000,
                "t CO2e",
                f"{fmt(mwh, 1)} MWh x {fmt(inputs.grid_g_per_kwh)} g CO2e/kWh",
            )
        )
    if inputs.wue_l_per_kwh is not None:
        out.lines.append(
            Line(
                "water",
                it_mwh * inputs.wue_l_per_kwh,
                "m3",
                f"{fmt(it_mwh, 1)} MWh of IT energy x WUE {fmt(inputs.wue_l_per_kwh)} L/kWh",
            )
        )
    return out


def _tokens(out: Cost, facts: Facts, inputs: Inputs) -> None:
    if facts.plan.workload.get("type") != "inference":
        return
    sizing = facts.sizing
    if sizing is None:
        out.notes.append(
            "tokens per kWh not computed: the inference workload states no users and targets"
        )
        return
    r = sizing.result
    if r is None or not r.facility_kw:
        why = (
            str(sizing.refused) if sizing.refused is not None else "the workload states no targets"
        )
        out.notes.append(f"tokens per kWh not computed: {why}")
        return
    per_kwh = r.output_tokens_per_s * 3600 / r.facility_kw
    out.lines.append(
        Line(
            "tokens per kWh",
            per_kwh,
            "tokens/kWh",
            f"{fmt(r.output_tokens_per_s)} tokens/s x 3600 / {fmt(r.facility_kw)} kW facility"
            f" ({r.systems} {r.system} sized for the workload)",
        )
    )
    if inputs.tariff_per_kwh is not None:
        out.lines.append(
            Line(
                "energy cost per million tokens",
                inputs.tariff_per_kwh * 1e6 / per_kwh,
                inputs.currency or "",
                f"{fmt(inputs.tariff_per_kwh)} {inputs.currency}/kWh x 1,000,000 /"
                f" {fmt(per_kwh)} tokens/kWh",
            )
        )
