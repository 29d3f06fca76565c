"""An architecture's own reference design as a plan: one rack per rack profile.

Each rack holds the profile's systems with the profile's ``max_kw`` as its budget, under the
architecture's facility (cooling, ASHRAE and water classes and their temperatures at the
facility's limits, power redundancy, feeds and PDUs per rack), its networks, and one spare
system per profile. ``refarch lint`` must find no error in it: an architecture cannot fail its
own blueprint, so a failure here is a contradiction inside the KB.
"""

from __future__ import annotations

from typing import Any

from linter.kb.model import Architecture
from linter.kb.store import KnowledgeBase
from linter.lint.emit import MIN_CDUS, _feeds, _follow_best_practices, _whole, network_of

LIQUID = ("direct-liquid", "immersion")


def blueprint(
    kb: KnowledgeBase, arch: Architecture, profiles: set[str] | None = None
) -> dict[str, Any] | None:
    """The plan of ``arch``'s rack profiles (of those in ``profiles``, if given), as
    ``refarch lint`` reads it (None when no profile holds a catalog system: an envelope-only
    architecture has no design to lint)."""
    fac = arch.facility
    cooling = fac.cooling or "air"
    facility: dict[str, Any] = {"name": f"{arch.id} blueprint", "cooling": cooling}
    if fac.ashrae_class:
        facility["ashrae_class"] = fac.ashrae_class
    if fac.inlet_temp_max_c.value is not None:
        facility["inlet_temp_c"] = fac.inlet_temp_max_c.value
    if fac.water_class:
        facility["water_class"] = fac.water_class
    if fac.water_temp_max_c.value is not None:
        facility["water_temp_c"] = fac.water_temp_max_c.value
    racks: list[dict[str, Any]] = []
    models: list[str] = []
    for p in arch.rack_profiles:
        if profiles is not None and p.id not in profiles:
            continue
        systems = [
            {"model": it.model, "count": int(it.count.value or 1)}
            for it in p.contents
            if kb.system(it.model) is not None
        ]
        if not systems:
            continue
        models += [str(s["model"]) for s in systems]
        rack: dict[str, Any] = {"id": p.id, "cooling": p.cooling or cooling, "systems": systems}
        if p.rear_door:
            rack["rear_door"] = p.rear_door
        if p.max_kw.value is not None:
            rack["budget_kw"] = p.max_kw.value
        racks.append(rack)
    if not racks:
        return None
    if any(r["cooling"] in LIQUID for r in racks):
        facility["cdus"] = MIN_CDUS
    power: dict[str, Any] = {"feeds": max((_feeds(kb, m) for m in models), default=2)}
    if fac.feeds_per_rack.value is not None:
        power["feeds"] = max(power["feeds"], int(fac.feeds_per_rack.value))
    if fac.pdus_per_rack.value is not None:
        power["pdus_per_rack"] = int(fac.pdus_per_rack.value)
    if fac.power_redundancy in ("N", "N+1", "2N"):
        power["redundancy"] = fac.power_redundancy
    facility["power"] = power
    data: dict[str, Any] = {
        "plan": f"{arch.id}-blueprint",
        "reference": arch.ref,
        "facility": facility,
        "racks": racks,
        "spares": {"systems": max(1, len(racks))},
    }
    network = network_of(arch)
    if network:
        data["network"] = network
    _follow_best_practices(data, arch)
    whole: dict[str, Any] = _whole(data)
    return whole
