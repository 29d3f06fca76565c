"""A reference architecture, typed: scalable unit, rack profiles, facility, networks,
storage, best practices, hot spots, fragile points and its changes.

Every part that a finding may point at carries ``at``, its path in the file, so
``arch.where(part.at, "max_kw")`` is the line and column of the figure it read.
"""

from __future__ import annotations

from typing import Any

from linter.core.yamlio import Document, PathT
from linter.kb.figures import Figure
from linter.kb.model.base import Located, Since, build, mapping, records, text
from linter.kb.model.record import Record
from linter.kb.model.release import Change, changes_of


class Item(Record):
    """A line of a scalable unit or rack profile: ``count`` of system ``model``."""

    at: PathT
    model: str
    count: Figure


class Switch(Record):
    at: PathT
    role: str
    name: str
    count: Figure


class ScalableUnit(Record):
    at: PathT
    name: str
    systems: tuple[Item, ...]
    switches: tuple[Switch, ...]
    racks: Figure
    power_kw: Figure  # the vendor's facility budget per unit
    max_units: Figure
    gpus: Figure
    note: str


class RackProfile(Record):
    at: PathT
    id: str
    description: str
    contents: tuple[Item, ...]
    max_kw: Figure
    tolerance_pct: float | None
    cooling: str
    rear_door: str  # passive | active, for a rear-door profile that names its door
    weight_kg: Figure
    height_u: Figure


class Facility(Record):
    at: PathT
    rack_kw_max: Figure
    cooling: str
    inlet_temp_min_c: Figure
    inlet_temp_max_c: Figure
    ashrae_class: str
    water_class: str
    water_temp_max_c: Figure
    power_redundancy: str
    feeds_per_rack: Figure
    pdus_per_rack: Figure
    note: str


class Network(Record):
    at: PathT
    role: str
    fabric: str
    topology: str
    oversubscription: Figure
    link_speed_gbps: Figure
    required: bool
    note: str


class Storage(Record):
    at: PathT
    read_gb_s: Figure
    write_gb_s: Figure
    note: str


class Check(Record):
    """A best practice's machine check: the plan value at ``path`` compared by ``op``."""

    path: str
    op: str
    value: Any  # the schema allows any YAML value here


class BestPractice(Record):
    at: PathT
    id: str
    title: str
    severity: str
    rationale: str
    source: str
    check: Check | None


class HotSpot(Record):
    at: PathT
    id: str
    resource: str
    description: str


class FragilePoint(Record):
    at: PathT
    id: str
    component: str
    description: str
    mitigation: str


class Architecture(Located):
    title: str
    vendor: str
    version: str
    status: str
    status_since: Since
    use: tuple[str, ...]
    when_to_use: str
    scalable_unit: ScalableUnit | None
    rack_profiles: tuple[RackProfile, ...]
    facility: Facility
    networks: tuple[Network, ...]
    storage: Storage
    best_practices: tuple[BestPractice, ...]
    hot_spots: tuple[HotSpot, ...]
    fragile_points: tuple[FragilePoint, ...]
    changes: tuple[Change, ...]

    @property
    def ref(self) -> str:
        """``dgx-superpod-h100@2026.11``."""
        return f"{self.id}@{self.version}"

    def change(self, version: str) -> Change | None:
        return next((c for c in self.changes if c.version == version), None)

    def network(self, role: str) -> Network | None:
        return next((n for n in self.networks if n.role == role), None)

    def profile(self, id_: str) -> RackProfile | None:
        return next((p for p in self.rack_profiles if p.id == id_), None)


def _items(node: object, key: str, at: PathT) -> tuple[Item, ...]:
    return tuple(
        build(Item, it, at=(*at, key, i)) for i, it in records(node, key) if text(it, "model")
    )


def _number(node: object, key: str) -> float | None:
    v = node.get(key) if isinstance(node, dict) else None
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _scalable_unit(data: object) -> ScalableUnit | None:
    if not isinstance(data, dict) or not isinstance(data.get("scalable_unit"), dict):
        return None
    su, at = data["scalable_unit"], ("scalable_unit",)
    switches = tuple(build(Switch, s, at=(*at, "switches", i)) for i, s in records(su, "switches"))
    return build(ScalableUnit, su, at=at, systems=_items(su, "systems", at), switches=switches)


def _best_practice(i: int, bp: dict[str, Any]) -> BestPractice:
    check = bp.get("check")
    return build(
        BestPractice,
        bp,
        at=("best_practices", i),
        check=Check(path=text(check, "path"), op=text(check, "op"), value=check.get("value"))
        if isinstance(check, dict)
        else None,
    )


def parse(id_: str, doc: Document) -> Architecture:
    """The typed architecture of ``doc``."""
    d = doc.data
    profiles = tuple(
        build(RackProfile, p, at=(at := ("rack_profiles", i)),
              contents=_items(p, "contents", at), tolerance_pct=_number(p, "tolerance_pct"))
        for i, p in records(d, "rack_profiles")
    )  # fmt: skip
    return build(
        Architecture,
        d,
        id=id_,
        kind="architecture",
        doc=doc,
        scalable_unit=_scalable_unit(d),
        rack_profiles=profiles,
        facility=build(Facility, mapping(d, "facility"), at=("facility",)),
        networks=tuple(build(Network, n, at=("networks", i)) for i, n in records(d, "networks")),
        storage=build(Storage, mapping(d, "storage"), at=("storage",)),
        best_practices=tuple(_best_practice(i, bp) for i, bp in records(d, "best_practices")),
        hot_spots=tuple(build(HotSpot, h, at=("hot_spots", i)) for i, h in records(d, "hot_spots")),
        fragile_points=tuple(
            build(FragilePoint, f, at=("fragile_points", i))
            for i, f in records(d, "fragile_points")
        ),
        changes=changes_of(d),
    )
