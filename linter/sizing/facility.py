"""From systems to racks, power, heat and the cooling they need."""

from __future__ import annotations

from dataclasses import dataclass

from linter.core import units
from linter.kb.specs import SizingInputError, SystemSpec
from linter.kb.store import KnowledgeBase

# Cooling modes that can take the heat of a system, by the system's own cooling.
COOLING_FOR_SYSTEM = {
    "air": ("air", "rear-door"),
    "hybrid": ("direct-liquid", "immersion"),
    "direct-liquid": ("direct-liquid", "immersion"),
}


@dataclass(frozen=True)
class RackProfile:
    architecture: str  # "" when no architecture has a profile for the system
    profile: str
    systems_per_rack: int
    cooling: str  # as the architecture states it ("" when unknown)


@dataclass(frozen=True)
class Cooling:
    id: str  # cooling catalog id, "" when nothing in the catalog takes the rack
    mode: str
    rack_kw_max: float


def rack_profile(kb: KnowledgeBase, system_id: str, architecture: str | None = None) -> RackProfile:
    """The densest rack profile holding only ``system_id``, in ``architecture`` if given, else
    in the first architecture (by id) that has one; one system per rack when none does."""
    ids = [architecture] if architecture else kb.ids("architecture")
    if architecture and not kb.has("architecture", architecture):
        hint = kb.did_you_mean("architecture", architecture)
        raise SizingInputError(f"unknown architecture {architecture!r}{hint}")
    for arch_id in ids:
        arch = kb.architecture(arch_id)
        if arch is None:
            continue
        best: tuple[int, str, str] | None = None
        for p in arch.rack_profiles:
            if len(p.contents) != 1 or p.contents[0].model != system_id:
                continue
            count = int(p.contents[0].count.value or 0)
            if count > 0 and (best is None or count > best[0]):
                best = (count, p.id, p.cooling)
        if best is not None:
            return RackProfile(arch_id, best[1], best[0], best[2])
    if architecture:
        raise SizingInputError(
            f"architecture {architecture!r} has no rack profile of {system_id!r}"
        )
    return RackProfile("", "", 1, "")


def required_cooling(kb: KnowledgeBase, system: SystemSpec, rack_kw: float) -> Cooling:
    """The cooling option with the smallest rack_kw_max (catalog default) that removes
    ``rack_kw`` and suits the system's own cooling."""
    modes = COOLING_FOR_SYSTEM.get(system.cooling, ("air", "rear-door"))
    options = []
    for e in kb.coolings():
        cap = e.rack_kw_max.value
        if cap is not None and e.mode in modes:
            options.append((cap, e.id, e.mode))
    for cap, id_, mode in sorted(options):
        if cap >= rack_kw:
            return Cooling(id_, mode, cap)
    return Cooling("", "", 0.0)


def btu_per_hour(kw: float) -> float:
    return units.convert(kw, units.UNITS["kW"], units.UNITS["BTU/h"])
