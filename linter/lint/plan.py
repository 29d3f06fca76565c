"""A deployment plan: loading, recognising and a small typed view for the rules.

A rack entry may stand for many identical racks (``count: 1000000``). The view keeps one
``RackGroup`` per entry and rules multiply by ``count``: nothing is ever allocated per rack.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from linter.core import yamlio
from linter.core.yamlio import Document, PathT
from linter.kb.validate import detect_kind

PIN = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)@([0-9]{4}\.(?:0[1-9]|1[0-2]))$")


def load(path: str) -> Document:
    """Read one plan file (raises InputError when it is not readable YAML)."""
    return yamlio.load(path)


def is_plan(doc: Document) -> bool:
    """Whether ``doc`` is a plan, as ``refarch validate`` recognises one (its modeline, its
    ``kind``, or any of the top-level keys of a plan)."""
    return detect_kind(doc, None) == "plan"


@dataclass(frozen=True)
class Dcim:
    """What the DCIM a plan was imported from says of a rack or of its systems (``dcim``)."""

    object: str
    url: str | None
    max_draw_kw: float | None = None  # of one system
    cooling_capacity_kw: float | None = None  # of the rack


@dataclass(frozen=True)
class SystemLine:
    """``count`` systems of catalog ``model`` in one rack of a group."""

    model: str
    count: int
    path: PathT
    dcim: Dcim | None = None


@dataclass(frozen=True)
class RackGroup:
    """One entry of ``racks``: ``count`` identical racks (1 for a single rack)."""

    index: int
    id: str
    count: int
    row: str | None
    budget_kw: float | None
    cooling: str
    rear_door: str | None
    systems: tuple[SystemLine, ...]
    pdus: int | None
    path: PathT
    kind: str = "compute"  # compute | network | management | storage
    load_kw: float | None = None  # a non-compute rack's declared IT load
    # The rack's power distribution: facility.power with the rack's own ``power`` keys over it.
    power: dict[str, Any] = field(default_factory=dict)
    dcim: Dcim | None = None

    @property
    def label(self) -> str:
        """``rack r01`` or ``racks r01 (8 racks)``, for messages (``network rack n01`` for a
        rack that is not compute)."""
        kind = "" if self.kind == "compute" else f"{self.kind} "
        return (
            f"{kind}rack {self.id}"
            if self.count == 1
            else f"{kind}rack group {self.id} ({self.count} racks)"
        )

    def systems_of(self, model: str) -> int:
        return sum(s.count for s in self.systems if s.model == model)


@dataclass(frozen=True)
class PowerPolicy:
    """A declared power-capping policy: every system at ``cap_pct`` % of its maximum, or at
    its own cap in ``caps_kw``."""

    mechanism: str
    source: str
    cap_pct: float | None
    caps_kw: dict[str, float]
    path: PathT = ("facility", "power_policy")

    def cap_kw(self, model: str, nameplate_kw: float) -> float:
        """The kW one ``model`` system may draw under the policy (never above nameplate)."""
        cap = self.caps_kw.get(model)
        if cap is None and self.cap_pct is not None:
            cap = nameplate_kw * self.cap_pct / 100.0
        return nameplate_kw if cap is None else min(cap, nameplate_kw)


@dataclass(frozen=True)
class Plan:
    """The parts of a schema-valid plan the rules read, with effective per-rack settings."""

    id: str
    reference: str
    arch_id: str
    version: str
    facility: dict[str, Any]
    power: dict[str, Any]
    racks: tuple[RackGroup, ...]
    workload: dict[str, Any]
    network: dict[str, Any]
    storage: dict[str, Any]
    spares: dict[str, Any]
    costs: dict[str, Any]  # the plan's own cost figures (``refarch cost``)
    power_policy: PowerPolicy | None = None

    @property
    def pue(self) -> float | None:
        """The plan's stated PUE (``facility.pue``), None when it states none."""
        pue = _num(self.facility.get("pue"))
        return pue if pue is not None and pue > 0 else None

    @property
    def rack_count(self) -> int:
        return sum(g.count for g in self.racks)

    def system_count(
        self, model: str | None = None, spans: Callable[[str], int] | None = None
    ) -> int:
        """Systems in the whole plan (of one model, or all). A system that spans racks is
        listed in each of them; ``spans(model)`` (racks per system, from the catalog) counts
        it once."""
        total = 0.0
        for g in self.racks:
            for s in g.systems:
                if model in (None, s.model):
                    total += g.count * s.count / (spans(s.model) if spans else 1)
        return math.ceil(total - 1e-9)

    def models(self) -> list[str]:
        """Catalog system ids used, in order of first appearance."""
        seen: dict[str, None] = {}
        for g in self.racks:
            for s in g.systems:
                seen.setdefault(s.model, None)
        return list(seen)


def _dict(v: Any) -> dict[str, Any]:
    return v if isinstance(v, dict) else {}


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _dcim(v: Any) -> Dcim | None:
    if not isinstance(v, dict):
        return None
    url = v.get("url")
    return Dcim(
        object=str(v.get("object", "")),
        url=url if isinstance(url, str) else None,
        max_draw_kw=_num(v.get("max_draw_kw")),
        cooling_capacity_kw=_num(v.get("cooling_capacity_kw")),
    )


def from_data(data: dict[str, Any]) -> Plan:
    """The typed view of a schema-valid, unit-normalised plan."""
    facility = _dict(data.get("facility"))
    power = _dict(facility.get("power"))
    hall_cooling = str(facility.get("cooling", "air"))
    hall_door = facility.get("rear_door")
    groups = []
    for i, rack in enumerate(data.get("racks") or []):
        rack = _dict(rack)
        systems = tuple(
            SystemLine(
                str(s.get("model")),
                int(s.get("count", 1)),
                ("racks", i, "systems", j),
                _dcim(s.get("dcim")),
            )
            for j, s in enumerate(rack.get("systems") or [])
            if isinstance(s, dict)
        )
        rack_power = {**power, **_dict(rack.get("power"))}
        pdus = rack.get("pdus", rack_power.get("pdus_per_rack"))
        groups.append(
            RackGroup(
                index=i,
                id=str(rack.get("id", f"racks[{i}]")),
                count=int(rack.get("count", 1)),
                row=rack.get("row") if isinstance(rack.get("row"), str) else None,
                budget_kw=_num(rack.get("budget_kw")),
                cooling=str(rack.get("cooling", hall_cooling)),
                rear_door=rack.get("rear_door", hall_door),
                systems=systems,
                pdus=pdus if isinstance(pdus, int) else None,
                path=("racks", i),
                kind=str(rack.get("kind", "compute")),
                load_kw=_num(rack.get("load_kw")),
                power=rack_power,
                dcim=_dcim(rack.get("dcim")),
            )
        )
    reference = str(data.get("reference", ""))
    m = PIN.match(reference)
    pol = _dict(facility.get("power_policy"))
    policy = (
        PowerPolicy(
            mechanism=str(pol.get("mechanism", "")),
            source=str(pol.get("source", "")),
            cap_pct=_num(pol.get("cap_pct")),
            caps_kw={
                str(k): float(v)
                for k, v in _dict(pol.get("caps_kw")).items()
                if _num(v) is not None
            },
        )
        if pol
        else None
    )
    return Plan(
        id=str(data.get("plan", "")),
        reference=reference,
        arch_id=m.group(1) if m else "",
        version=m.group(2) if m else "",
        facility=facility,
        power=power,
        racks=tuple(groups),
        workload=_dict(data.get("workload")),
        network=_dict(data.get("network")),
        storage=_dict(data.get("storage")),
        spares=_dict(data.get("spares")),
        costs=_dict(data.get("costs")),
        power_policy=policy,
    )


def dotted_get(data: Any, dotted: str) -> tuple[bool, Any]:
    """``facility.power.feeds`` -> (present, value)."""
    node = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    return True, node
