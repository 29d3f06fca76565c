"""Power, current and cooling arithmetic shared by the rules and the hot-spot summary.

Every limit is read from the knowledge base; these functions only combine figures and say
how (``arithmetic`` strings such as ``4 x 10.2 kW = 40.8 kW``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from linter.core.text import fmt
from linter.kb.model import Cooling, System
from linter.kb.store import KnowledgeBase
from linter.lint.plan import PowerPolicy, RackGroup


@dataclass(frozen=True)
class Term:
    """``count`` systems of ``model`` at ``kw_each`` (None when the KB has no max power).

    ``kw_each`` is what each system may draw: its catalog maximum, or the plan's power cap
    when one applies (``nameplate_kw`` keeps the maximum)."""

    model: str
    count: int
    kw_each: float | None
    entry: System | None
    nameplate_kw: float | None = None

    @property
    def capped(self) -> bool:
        return (
            self.kw_each is not None
            and self.nameplate_kw is not None
            and self.kw_each < self.nameplate_kw - 1e-9
        )


@dataclass(frozen=True)
class RackLoad:
    """The IT load of one rack of a group, from system maximum power (never GPU TDP)."""

    group: RackGroup
    terms: tuple[Term, ...]

    @property
    def kw(self) -> float:
        return sum(t.count * t.kw_each for t in self.terms if t.kw_each is not None)

    @property
    def unknown(self) -> list[str]:
        """Models in the rack whose maximum power the KB does not give."""
        return [t.model for t in self.terms if t.kw_each is None]

    @property
    def known(self) -> bool:
        return bool(self.terms) and not self.unknown

    @property
    def nameplate_kw(self) -> float:
        """The load with every system at its catalog maximum (what a failed cap draws)."""
        return sum(
            t.count * (t.nameplate_kw if t.nameplate_kw is not None else t.kw_each)
            for t in self.terms
            if t.kw_each is not None
        )

    @property
    def capped(self) -> bool:
        return any(t.capped for t in self.terms)

    def to_shed(self, limit_kw: float) -> tuple[Term, int]:
        """The rack's most power-hungry system and how many of it to remove to get within
        ``limit_kw`` (all of them when its power is 0 or too small to divide by); 0 when the
        rack is within the limit."""
        top = max(self.terms, key=lambda t: t.kw_each or 0.0)
        if self.kw <= limit_kw:
            return top, 0
        each = top.kw_each or 0.0
        per = (self.kw - limit_kw) / each if each > 0 else math.inf
        return top, min(top.count, math.ceil(per - 1e-9)) if math.isfinite(per) else top.count

    def arithmetic(self) -> str:
        """``4 x 10.2 kW = 40.8 kW`` (or ``2 x 10.2 kW + 1 x 14.3 kW = 34.7 kW``); a capped
        system shows its cap: ``4 x 8.16 kW (capped from 10.2 kW) = 32.64 kW``."""
        parts = [
            f"{t.count} x {fmt(t.kw_each)} kW"
            + (f" (capped from {fmt(t.nameplate_kw or 0.0)} kW)" if t.capped else "")
            + (
                f" (per rack of the {t.entry.racks} it spans)"
                if t.entry is not None and t.entry.racks > 1
                else ""
            )
            for t in self.terms
            if t.kw_each is not None
        ]
        return " + ".join(parts) + f" = {fmt(self.kw)} kW"


def rack_load(group: RackGroup, kb: KnowledgeBase, policy: PowerPolicy | None = None) -> RackLoad:
    """One rack of ``group`` at system maximum power, or at the caps of ``policy``. A network,
    management or storage rack draws the ``load_kw`` the plan declares (unknown without it)."""
    if group.kind != "compute":
        kw = group.load_kw
        return RackLoad(group, (Term(f"{group.kind} equipment", 1, kw, None, kw),))
    terms = []
    for s in group.systems:
        entry = kb.system(s.model)
        kw = entry.rack_share_kw if entry is not None else None
        capped = policy.cap_kw(s.model, kw) if policy is not None and kw is not None else kw
        terms.append(Term(s.model, s.count, capped, entry, kw))
    return RackLoad(group, tuple(terms))


@dataclass(frozen=True)
class HeatSplit:
    """How a system's heat divides between the liquid loop and room air in a rack cooled by
    ``cooling``: the least and the most share left to air (equal when one figure is
    published), and the figure it comes from."""

    air_low_pct: float
    air_high_pct: float | None  # None: the most it leaves to air is not published
    entry: System | Cooling | None  # where the figure is written (None: no figure needed)
    key: str


def heat_split(kb: KnowledgeBase, system: System | None, cooling: str) -> HeatSplit | None:
    """The heat split of ``system`` under ``cooling``. Immersion takes everything. In direct
    liquid: the system's published ``liquid_heat_fraction_pct``; else, for a hybrid system,
    the residual air share the catalog gives for direct-to-chip cooling (a range); else, for a
    system cooled by liquid only, at most all of it to liquid and an unknown share to air.
    None when nothing is known."""
    if cooling == "immersion":
        return HeatSplit(0.0, 0.0, None, "")
    if cooling != "direct-liquid" or system is None:
        return None
    if system.liquid_heat_fraction_pct.value is not None:
        air = 100.0 - system.liquid_heat_fraction_pct.value
        return HeatSplit(air, air, system, "liquid_heat_fraction_pct")
    if system.cooling == "hybrid":
        for c in kb.coolings():
            fig = c.residual_air_heat_pct
            if c.mode == "direct-liquid" and fig.value is not None:
                lo, hi = fig.range if fig.range is not None else (fig.value, fig.value)
                return HeatSplit(lo, hi, c, "residual_air_heat_pct")
    if system.cooling == "direct-liquid":
        return HeatSplit(0.0, None, None, "")
    return None


def racks_of(kb: KnowledgeBase) -> Callable[[str], int]:
    """Racks one system of a model occupies, from the catalog (1 when unknown): for
    :meth:`Plan.system_count`, which counts a system spanning racks once."""

    def racks(model: str) -> int:
        entry = kb.system(model)
        return entry.racks if entry is not None else 1

    return racks


def basis(capped: bool) -> str:
    """How a load was counted, for messages: ``at system maximum power`` or ``under the power
    cap`` (a plan's ``facility.power_policy``)."""
    return "under the power cap" if capped else "at system maximum power"


def supplies_left(psus: float, feeds: int) -> float:
    """Power supplies still fed when one of ``feeds`` fails: the lost feed takes its share,
    ceil(psus / feeds)."""
    return psus - math.ceil(psus / feeds)


def line_current_a(kw: float, voltage_v: float, phases: int, power_factor: float) -> float:
    """Line current drawn by ``kw`` of real power: P / (sqrt(3) x V x PF) on three phases."""
    factor = math.sqrt(3) if phases == 3 else 1.0
    return kw * 1000 / (factor * voltage_v * power_factor)


@dataclass(frozen=True)
class CoolingCapacity:
    """What one rack's cooling mode can remove: the planning figure and the published ceiling."""

    entry: Cooling
    planning_kw: float
    ceiling_kw: float
    assumed: str = ""  # set when the plan left a choice open (rear-door kind)


def _ceiling(entry: Cooling) -> float | None:
    """The published ceiling: the top of the figure's range, else its value."""
    fig = entry.rack_kw_max
    return fig.range[1] if fig.range is not None else fig.value


def cooling_capacity(kb: KnowledgeBase, mode: str, rear_door: str | None) -> CoolingCapacity | None:
    """The cooling catalog entry that bounds a rack cooled by ``mode``.

    Air: the best air option (containment); rear-door: the passive or active door named by the
    plan, else the smaller of the two; liquid and immersion: their catalog entry.
    """
    options = []
    for e in kb.coolings():
        kw = e.rack_kw_max.value
        if e.mode == mode and kw is not None:
            options.append((kw, e))
    if not options:
        return None
    assumed = ""
    if mode == "rear-door":
        named = [o for o in options if rear_door and o[1].id.endswith(rear_door)]
        if not named:
            named = [min(options, key=lambda o: o[0])]
            assumed = f"rear-door kind not given; assuming {named[0][1].id}"
        planning, entry = named[0]
    elif mode == "air":
        planning, entry = max(options, key=lambda o: o[0])
    else:
        planning, entry = min(options, key=lambda o: o[0])
    ceiling = _ceiling(entry) or planning
    return CoolingCapacity(entry, planning, max(ceiling, planning), assumed)


def facility_cooling_kind(mode: str) -> str:
    """Human name of a cooling mode for messages."""
    return {
        "air": "air cooling",
        "rear-door": "rear-door heat exchangers",
        "direct-liquid": "direct liquid cooling",
        "immersion": "immersion",
    }.get(mode, mode)


@dataclass(frozen=True)
class Circuit:
    """The worst branch circuit of a rack: its current with one feed lost, against the
    continuous-load share of its breaker (NEC 80 % rule from standards/electrical.yaml)."""

    feeds: int
    circuits_per_feed: int
    carrying_feeds: int  # feeds left carrying the rack (feeds - 1 on failover)
    failover: bool
    kw: float  # real power on one circuit
    amps: float
    breaker_a: float
    factor_pct: float
    power_factor: float
    pf_from: str  # plan | standard | system <id>: where the power factor comes from
    voltage_v: float
    phases: int

    @property
    def limit_a(self) -> float:
        return self.breaker_a * self.factor_pct / 100

    def arithmetic(self, rack_kw: float) -> str:
        root = "sqrt(3) x " if self.phases == 3 else ""
        share = self.carrying_feeds * self.circuits_per_feed
        split = (
            f"{fmt(rack_kw)} kW / {share} circuit{'s' if share != 1 else ''} = "
            if share != 1
            else ""
        )
        kva = self.kw / self.power_factor
        return (
            f"{split}{fmt(self.kw)} kW / PF {fmt(self.power_factor)} = {fmt(kva, 1)} kVA; "
            f"{fmt(kva, 1)} kVA / ({root}{fmt(self.voltage_v)} V) = {fmt(self.amps, 1)} A"
        )


def circuit(group: RackGroup, rack_kw: float, kb: KnowledgeBase) -> Circuit | None:
    """The per-circuit load of one rack of ``group``, or None when the plan or KB lacks a
    figure (voltage, breaker, phases, the continuous-load factor or a power factor)."""
    p = group.power  # the hall's facility.power, with the rack's own power keys over it
    volts, breaker = p.get("voltage_v"), p.get("breaker_a")
    elec = kb.standard("electrical")
    if not isinstance(volts, int | float) or not isinstance(breaker, int | float) or elec is None:
        return None
    factor = elec.figure("continuous_load_factor_pct").value
    pf_plan = p.get("power_factor")
    pf, pf_from = power_factor(group, kb, pf_plan)
    if factor is None or pf is None or factor <= 0 or pf <= 0:  # a KB figure of 0 is no figure
        return None
    feeds = int(p.get("feeds", 1))
    pdus = group.pdus if group.pdus else feeds
    per_feed = max(1, pdus // feeds)
    failover = feeds >= 2 and p.get("redundancy") != "N"
    carrying = feeds - 1 if failover else feeds
    kw = rack_kw / (carrying * per_feed)
    amps = line_current_a(kw, float(volts), int(p.get("phases", 3)), pf)
    return Circuit(
        feeds,
        per_feed,
        carrying,
        failover,
        kw,
        amps,
        float(breaker),
        factor,
        pf,
        pf_from,
        float(volts),
        int(p.get("phases", 3)),
    )


def power_factor(
    group: RackGroup, kb: KnowledgeBase, from_plan: object
) -> tuple[float | None, str]:
    """The power factor of a rack's load and where it comes from: the plan's
    ``facility.power.power_factor``; else the lowest of its systems' published PSU power
    factors (catalog ``power_factor``), the electrical standard's server-PSU figure standing in
    for a system that publishes none; else that figure alone."""
    if isinstance(from_plan, int | float) and not isinstance(from_plan, bool):
        return float(from_plan), "plan"
    elec = kb.standard("electrical")
    default = elec.figure("power_factor_default").value if elec is not None else None
    published = []
    for line in group.systems:
        entry = kb.system(line.model)
        pf = entry.power_factor.value if entry is not None else None
        published.append((pf, line.model) if pf is not None else (default, ""))
    found = [(pf, m) for pf, m in published if pf is not None]
    if not found:
        return default, "standard"
    pf, model = min(found)
    return pf, (f"system {model}" if model else "standard")
