"""A refarch plan from what a NetBox holds (:mod:`linter.dcim.netbox` reads it).

* **Racks.** One plan rack per NetBox rack of the chosen site, location or rack group, its id
  the rack's name made an id, its ``row`` its rack group. Its systems are its devices whose
  device type the mapping file maps to a KB system (:mod:`linter.dcim.mapping`);
  ``devices_per_system`` devices make one system (rounded up, and said when a system is
  incomplete). A rack with no mapped system is
  a network, storage or management rack when its NetBox role says so (its ``load_kw`` the
  sum of its devices' maximum draw), else left out and listed.
* **Power.** Each feed carries ``V x A x max utilisation`` (``x sqrt(3)`` for three-phase
  line-to-line voltage; NetBox's own ``available_power`` is the same product). A rack with
  primary and redundant feeds must run from either side alone, so its budget is the smaller
  side; otherwise the sum of its feeds. The budget in kW is that kVA times the electrical
  standard's server power factor. ``facility.power`` holds the feed layout most racks share
  (feeds, voltage, phases, breaker = amperage, 2N when redundant feeds exist); a rack whose
  feeds differ carries its own ``power`` keys.
* **Cooling.** A rack's mode comes from its NetBox 4.7 ``cooling_capability`` (air-only: air;
  liquid-only or hybrid: direct-liquid), else from the source of its cooling feeds (CRAH/CRAC:
  air; a chiller, dry cooler or tower with a fluid: direct-liquid), else from its devices'
  cooling method. The rack's NetBox cooling capacity (or its cooling feeds' sum) is kept
  under ``dcim``.
* **Cross-checks.** Each mapped system keeps NetBox's maximum draw (its device type's power
  port templates summed, times ``devices_per_system``) under ``dcim``; lint rule DCM001
  compares it with the catalog's sourced maximum.
* **Gaps.** What NetBox cannot say is written ``TODO`` with a comment: the reference
  architecture (unless ``--reference`` gives it; the comment lists the architectures that
  describe the imported systems), the ASHRAE class, and the water temperature of a liquid
  hall. ``refarch lint`` reports each as VAL012 and checks the rest.

Every value is followed by a comment naming the NetBox object(s) it came from.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from linter.core.errors import InputError, Location
from linter.core.text import fmt, plural
from linter.core.yamlemit import dump
from linter.core.yamlio import PathT
from linter.dcim.mapping import Mapping, suggestions
from linter.dcim.netbox import Export
from linter.kb.store import KnowledgeBase
from linter.kb.versions import current_version

TODO = "TODO"
AIR_SOURCES = ("crah", "crac")
NON_COMPUTE = ("network", "storage", "management")
SQRT3 = "sqrt(3)"
# A rack's feed layout: (feeds, (volts, phases, amps) most of them share, any redundant).
Layout = tuple[int, tuple[float, int, float], bool]


@dataclass
class Imported:
    """An imported plan and what the import has to tell its user."""

    data: dict[str, Any]
    comments: dict[PathT, str]
    header: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        from linter.core.resources import SITE_URL

        head = [f"# yaml-language-server: $schema={SITE_URL}schema/plan.schema.json"]
        return (
            "\n".join([*head, *(f"# {h}" for h in self.header)])
            + "\n"
            + dump(self.data, self.comments)
        )


@dataclass(frozen=True)
class Selection:
    site: str | None = None
    location: str | None = None
    rack_group: str | None = None

    def matches(self, rack: dict[str, Any]) -> bool:
        return all(
            want is None or _slug(rack.get(key)) == want
            for key, want in (
                ("site", self.site),
                ("location", self.location),
                ("group", self.rack_group),
            )
        )

    def __str__(self) -> str:
        parts = [
            f"{word} {want}"
            for word, want in (
                ("site", self.site),
                ("location", self.location),
                ("rack group", self.rack_group),
            )
            if want
        ]
        return ", ".join(parts) or "every site"


def _slug(ref: Any) -> str | None:
    return str(ref.get("slug")) if isinstance(ref, dict) and ref.get("slug") else None


def _id(ref: Any) -> int | None:
    value = ref.get("id") if isinstance(ref, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _value(choice: Any) -> str | None:
    """A NetBox choice field (``{"value": ..., "label": ...}``) or a plain value."""
    if isinstance(choice, dict):
        choice = choice.get("value")
    return str(choice) if choice not in (None, "") else None


def _number(x: Any) -> float | None:
    if isinstance(x, bool) or x is None:
        return None
    try:
        value = float(x)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def plan_id(text: str) -> str:
    """An id the schema accepts (kebab-case, at most 80 characters with room for a suffix)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower())[:60].strip("-") or "imported"


def _ids(objects: list[dict[str, Any]], limit: int = 6) -> str:
    ids = [str(o.get("id")) for o in objects]
    return ", ".join(ids[:limit]) + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


@dataclass(frozen=True)
class Feed:
    obj: dict[str, Any]
    volts: float
    amps: float
    phases: int
    util_pct: float
    redundant: bool

    @property
    def kva(self) -> float:
        root = math.sqrt(3) if self.phases == 3 else 1.0
        return self.volts * self.amps * root * self.util_pct / 100 / 1000

    def arithmetic(self) -> str:
        root = f" x {SQRT3}" if self.phases == 3 else ""
        return (
            f"{fmt(self.volts)} V x {fmt(self.amps)} A{root} x {fmt(self.util_pct)} % "
            f"= {fmt(self.kva)} kVA"
        )

    @property
    def layout(self) -> tuple[float, int, float]:
        return (self.volts, self.phases, self.amps)


def _feed(obj: dict[str, Any], where: str) -> Feed:
    volts, amps = _number(obj.get("voltage")), _number(obj.get("amperage"))
    util = _number(obj.get("max_utilization"))
    if volts is None or amps is None or util is None:
        raise InputError(
            f"power feed {obj.get('id')} ({obj.get('name')}) has no voltage, amperage or "
            "maximum utilisation",
            Location(where),
        )
    phases = 3 if _value(obj.get("phase")) == "three-phase" else 1
    return Feed(obj, abs(volts), amps, phases, util, _value(obj.get("type")) == "redundant")


class Index:
    """The export's objects by what the import looks them up by."""

    def __init__(self, export: Export) -> None:
        o = export.objects
        self.racks = o["dcim/racks"]
        self.types = {t["id"]: t for t in o["dcim/device-types"] if "id" in t}
        self.draw_w: dict[int, float] = defaultdict(float)
        self.ports: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for port in o["dcim/power-port-templates"]:
            tid, w = _id(port.get("device_type")), _number(port.get("maximum_draw"))
            if tid is not None and w:
                self.draw_w[tid] += w
                self.ports[tid].append(port)
        self.devices: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
        for d in o["dcim/devices"]:
            rid = _id(d.get("rack"))
            if rid is not None and _value(d.get("status")) not in ("offline", "decommissioning"):
                self.devices[rid].append(d)
        self.feeds: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
        for f in o["dcim/power-feeds"]:
            rid = _id(f.get("rack"))
            if rid is not None and _value(f.get("status")) not in ("offline", "failed"):
                self.feeds[rid].append(f)
        self.sources = {s["id"]: s for s in o["dcim/cooling-sources"] if "id" in s}
        self.cooling: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
        for c in o["dcim/cooling-feeds"]:
            rid = _id(c.get("rack"))
            if rid is not None and _value(c.get("status")) not in ("offline", "failed"):
                self.cooling[rid].append(c)


def unmapped(export: Export, selection: Selection, mapping: Mapping | None) -> list[dict[str, Any]]:
    """The device types in the selected racks that the mapping does not list."""
    index = Index(export)
    known = mapping.device_types if mapping is not None else {}
    seen: dict[int, dict[str, Any]] = {}
    for rack in index.racks:
        if not selection.matches(rack):
            continue
        for device in index.devices.get(_id(rack), []):
            tid = _id(device.get("device_type"))
            t = index.types.get(tid) if tid is not None else None
            if tid is not None and t is not None and str(t.get("slug")) not in known:
                seen[tid] = t
    return sorted(seen.values(), key=lambda t: str(t.get("slug")))


def unmapped_error(types: list[dict[str, Any]], kb: KnowledgeBase, mapping_path: str | None) -> str:
    lines = [
        f"{plural(len(types), 'NetBox device type')} in the selected racks "
        + (f"not in the mapping file {mapping_path}:" if mapping_path else "and no --mapping file:")
    ]
    for t in types:
        near = suggestions(t, kb)
        close = f"closest KB systems: {', '.join(near)}" if near else "no KB system is close"
        lines.append(
            f"  {t.get('slug')} ({t.get('model')}, {t.get('display_url') or t.get('id')}): {close}"
        )
    lines.append(
        "map each to a KB system id or skip (refarch import netbox ... --suggest-mapping prints "
        "a starting file)"
    )
    return "\n".join(lines)


def build(
    export: Export,
    mapping: Mapping,
    kb: KnowledgeBase,
    selection: Selection,
    *,
    plan: str | None = None,
    reference: str | None = None,
    today: str = "",
) -> Imported:
    """The plan for the selected racks of ``export``; InputError when nothing can be built."""
    index = Index(export)
    racks = [r for r in index.racks if selection.matches(r)]
    if not racks:
        raise InputError(f"no NetBox rack matches {selection}", Location(export.origin))
    missing = unmapped(export, selection, mapping)
    if missing:
        raise InputError(unmapped_error(missing, kb, mapping.path), Location(mapping.path))
    elec = kb.standard("electrical")
    pf = elec.figure("power_factor_default").value if elec is not None else None
    comments: dict[PathT, str] = {}
    notes: list[str] = []
    plan_racks: list[dict[str, Any]] = []
    layouts: list[Layout | None] = []
    modes: list[str] = []
    used_ids: set[str] = set()
    systems_used: set[str] = set()
    for rack in sorted(racks, key=lambda r: (str(r.get("name")), r.get("id", 0))):
        i = len(plan_racks)
        entry, layout, mode = _rack(rack, index, mapping, pf, i, comments, notes, used_ids)
        if entry is None:
            continue
        plan_racks.append(entry)
        systems_used.update(s["model"] for s in entry.get("systems", []))
        layouts.append(layout)
        modes.append(mode or "")
    if not plan_racks:
        raise InputError(
            f"none of the {plural(len(racks), 'NetBox rack')} of {selection} holds a mapped "
            "system or a network, storage or management role",
            Location(export.origin),
        )
    first_site = racks[0].get("site")
    site: dict[str, Any] = first_site if isinstance(first_site, dict) else {}
    site_name = str(site.get("name") or selection.site or "NetBox site")
    data: dict[str, Any] = {"plan": plan or plan_id(site_name)}
    data["title"] = f"{site_name}, imported from NetBox"
    if reference:
        data["reference"] = reference
    else:
        data["reference"] = TODO
        comments[("reference",)] = _reference_todo(kb, systems_used)
    facility: dict[str, Any] = {"name": site_name}
    comments[("facility", "name")] = f"netbox dcim.site {site.get('id')}"
    hall_mode = Counter(m for m in modes if m).most_common(1)
    facility["cooling"] = hall_mode[0][0] if hall_mode else TODO
    comments[("facility", "cooling")] = (
        "the cooling mode most racks have (racks that differ say so)"
        if hall_mode
        else "TODO(refarch import): NetBox gives no cooling capability, cooling feed or "
        "device cooling method for these racks: air, rear-door, direct-liquid or immersion"
    )
    facility["ashrae_class"] = TODO
    comments[("facility", "ashrae_class")] = (
        "TODO(refarch import): NetBox stores no design temperatures: the ASHRAE air class the "
        "hall is run to (A1-A4, H1), and inlet_temp_c if known"
    )
    if any(m in ("direct-liquid", "immersion") for m in modes):
        facility["water_temp_c"] = TODO
        comments[("facility", "water_temp_c")] = (
            "TODO(refarch import): NetBox stores no water temperatures: the facility water "
            "supply temperature, °C"
        )
    known = [layout for layout in layouts if layout is not None]
    if known:
        hall, shared = Counter(known).most_common(1)[0]
        facility["power"] = _power_keys(hall)
        comments[("facility", "power")] = (
            f"the feed layout of {shared} of {plural(len(known), 'rack')} (dcim.powerfeed: "
            "feeds per rack, voltage, phase, amperage as the breaker rating); racks that "
            "differ carry their own power keys"
        )
        _rack_power(plan_racks, layouts, facility["power"], comments)
    data["facility"] = facility
    _rack_cooling(plan_racks, facility.get("cooling"), comments)
    data["racks"] = [_ordered(r) for r in plan_racks]
    header = [
        f"Imported from NetBox {export.version} ({export.origin}, {selection}) by refarch "
        f"import netbox{' on ' + today if today else ''}.",
        "Every value names the NetBox object it came from. TODO marks what NetBox cannot say:",
        "fill those in, then run refarch lint on this file. Networks, storage and spares are not",
        "imported (NetBox holds no fabric design or storage bandwidth).",
    ]
    return Imported(data, comments, header, notes)


def _reference_todo(kb: KnowledgeBase, systems: set[str]) -> str:
    fits = [
        f"{a.id}@{current_version(kb, a)}"
        for a in kb.architectures()
        if systems & {item.model for p in a.rack_profiles for item in p.contents}
    ]
    also = f" (architectures with these systems: {', '.join(fits)})" if fits else ""
    return (
        f"TODO(refarch import): the reference architecture this hall follows, ARCH-ID@YYYY.MM{also}"
    )


def _rack(
    rack: dict[str, Any],
    index: Index,
    mapping: Mapping,
    pf: float | None,
    i: int,
    comments: dict[PathT, str],
    notes: list[str],
    used_ids: set[str],
) -> tuple[dict[str, Any] | None, Layout | None, str | None]:
    """One plan rack (None when it holds nothing to plan), its feed layout and cooling mode."""
    rid = _id(rack)
    name = str(rack.get("name") or rid)
    base = plan_id(name)
    rack_id = base if base not in used_ids else f"{base}-{rid}"
    used_ids.add(rack_id)
    path: PathT = ("racks", i)
    devices = index.devices.get(rid, [])
    by_system: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    by_type_skipped: list[dict[str, Any]] = []
    for d in devices:
        tid = _id(d.get("device_type"))
        t = index.types.get(tid) if tid is not None else None
        target = mapping.device_types.get(str(t.get("slug"))) if t is not None else None
        if target is None or target.system is None or tid is None:
            by_type_skipped.append(d)
            continue
        by_system[(target.system, tid)].append(d)
    entry: dict[str, Any] = {"id": rack_id}
    comments[(*path, "id")] = f"netbox dcim.rack {rid} {name}"
    group = rack.get("group")
    if isinstance(group, dict) and group.get("slug"):
        entry["row"] = str(group["slug"])
        comments[(*path, "row")] = f"netbox dcim.rackgroup {group.get('id')} {group.get('name')}"
    role = _slug(rack.get("role")) or ""
    kind = next((k for k in NON_COMPUTE if k in role), None)
    systems: list[dict[str, Any]] = []
    for (system, tid), members in sorted(by_system.items()):
        t = index.types[tid]
        target = mapping.device_types[str(t.get("slug"))]
        count = math.ceil(len(members) / target.per)
        line: dict[str, Any] = {"model": system, "count": count}
        j = len(systems)
        spath: PathT = (*path, "systems", j)
        per = f", {target.per} devices per system" if target.per > 1 else ""
        comments[(*spath, "model")] = (
            f"netbox dcim.devicetype {tid} {t.get('model')} (mapping line {target.line})"
        )
        comments[(*spath, "count")] = (
            f"{plural(len(members), 'device')} (dcim.device {_ids(members)}){per}"
        )
        if len(members) % target.per:
            notes.append(
                f"rack {name}: {len(members)} devices of {t.get('slug')} are "
                f"{len(members) / target.per:.2f} {system}; counted as {count}"
            )
        draw_w = index.draw_w.get(tid, 0.0)
        dcim: dict[str, Any] = {
            "object": f"netbox dcim.devicetype {tid} {t.get('model')}",
        }
        if t.get("display_url"):
            dcim["url"] = str(t["display_url"])
        if draw_w > 0:
            dcim["max_draw_kw"] = _whole(round(draw_w * target.per / 1000, 4))
            ports = index.ports[tid]
            draws = Counter(_number(p.get("maximum_draw")) for p in ports)
            terms = " + ".join(f"{n} x {fmt(w or 0)} W" for w, n in sorted(draws.items()))
            comments[(*spath, "dcim", "max_draw_kw")] = (
                f"power port templates {_ids(ports)}: {terms}"
                + (f", x {target.per} devices" if target.per > 1 else "")
            )
        else:
            notes.append(
                f"device type {t.get('slug')} (id {tid}) has no maximum draw on its power "
                f"ports: {system} in rack {name} is not cross-checked"
            )
        line["dcim"] = dcim
        systems.append(line)
    if not systems:
        draw = sum(index.draw_w.get(_id(d.get("device_type")) or -1, 0.0) for d in by_type_skipped)
        if kind is None or draw <= 0:
            if devices:
                notes.append(
                    f"rack {name} (id {rid}) holds no mapped system"
                    + ("" if kind is None else " and no device with a maximum draw")
                    + ": left out"
                )
            return None, None, None
        entry["kind"] = kind
        entry["load_kw"] = _whole(round(draw / 1000, 3))
        comments[(*path, "load_kw")] = (
            f"maximum draw of its {plural(len(by_type_skipped), 'device')} (dcim.device "
            f"{_ids(by_type_skipped)}), role {role}"
        )
    feeds = [_feed(f, f"power feed {f.get('id')}") for f in index.feeds.get(rid, [])]
    layout = None
    if feeds:
        shape = Counter(f.layout for f in feeds).most_common(1)[0][0]
        layout = (len(feeds), shape, any(f.redundant for f in feeds))
        if pf is not None:
            kw, how = _budget(feeds, pf)
            entry["budget_kw"] = kw
            comments[(*path, "budget_kw")] = how
    else:
        notes.append(f"rack {name} (id {rid}) has no power feed in NetBox: no budget_kw")
    mode = _mode(rack, index)
    if mode is not None:
        entry["cooling"] = mode
    capacity = _number(rack.get("cooling_capacity"))
    cooling_feeds = index.cooling.get(rid, [])
    dcim_rack: dict[str, Any] = {"object": f"netbox dcim.rack {rid} {name}"}
    if rack.get("display_url"):
        dcim_rack["url"] = str(rack["display_url"])
    if capacity is None and cooling_feeds:
        caps = [_number(c.get("cooling_capacity")) for c in cooling_feeds]
        if all(c is not None for c in caps):
            capacity = sum(c for c in caps if c is not None)
            comments[(*path, "dcim", "cooling_capacity_kw")] = (
                f"cooling feeds {_ids(cooling_feeds)}"
            )
    elif capacity is not None:
        comments[(*path, "dcim", "cooling_capacity_kw")] = "the rack's cooling capacity"
    if capacity is not None:
        dcim_rack["cooling_capacity_kw"] = _whole(capacity)
    if systems:
        entry["systems"] = systems
    entry["dcim"] = dcim_rack
    return entry, layout, mode


def _budget(feeds: list[Feed], pf: float) -> tuple[float, str]:
    """The rack's budget in kW and how: the smaller side of primary and redundant feeds (each
    must carry the rack alone), else all feeds, times the power factor."""
    names = ", ".join(f"{f.obj.get('name')} ({f.obj.get('id')})" for f in feeds)
    same = len({f.arithmetic() for f in feeds}) == 1
    each = (
        f"{feeds[0].arithmetic()} each"
        if same
        else "; ".join(f"{f.obj.get('name')}: {f.arithmetic()}" for f in feeds)
    )
    primary = [f for f in feeds if not f.redundant]
    redundant = [f for f in feeds if f.redundant]
    if primary and redundant:
        sides = (sum(f.kva for f in primary), sum(f.kva for f in redundant))
        kva = min(sides)
        rule = (
            f"primary {fmt(sides[0])} kVA, redundant {fmt(sides[1])} kVA: the smaller side "
            f"{fmt(kva)} kVA"
        )
    else:
        kva = sum(f.kva for f in feeds)
        rule = f"all feeds {fmt(kva)} kVA" if len(feeds) > 1 else f"{fmt(kva)} kVA"
    kw = round(kva * pf, 2)
    return kw, (
        f"dcim.powerfeed {names}: {each}; {rule} x PF {fmt(pf)} (standards electrical "
        f"power_factor_default) = {fmt(kw)} kW"
    )


def _mode(rack: dict[str, Any], index: Index) -> str | None:
    capability = _value(rack.get("cooling_capability"))
    if capability == "air-only":
        return "air"
    if capability in ("liquid-only", "hybrid"):
        return "direct-liquid"
    rid = _id(rack)
    for feed in index.cooling.get(rid, []):
        sid = _id(feed.get("cooling_source"))
        source = index.sources.get(sid) if sid is not None else None
        if source is None:
            continue
        if _value(source.get("type")) in AIR_SOURCES:
            return "air"
        if _value(source.get("fluid_type")):
            return "direct-liquid"
    for d in index.devices.get(rid, []):
        if _value(d.get("cooling_method")) in ("liquid", "hybrid"):
            return "direct-liquid"
        if _value(d.get("cooling_method")) == "immersion":
            return "immersion"
    return None


def _whole(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def _power_keys(layout: Layout) -> dict[str, Any]:
    feeds, (volts, phases, amps), redundant = layout
    return {
        "feeds": feeds,
        "voltage_v": _whole(volts),
        "phases": phases,
        "breaker_a": _whole(amps),
        "redundancy": "2N" if redundant else "N",
    }


def _rack_power(
    racks: list[dict[str, Any]],
    layouts: list[Layout | None],
    hall: dict[str, Any],
    comments: dict[PathT, str],
) -> None:
    """A rack whose own feed layout differs from the hall's gets ``power`` keys of its own."""
    for i, (rack, layout) in enumerate(zip(racks, layouts, strict=True)):
        if layout is None:
            continue
        own = {k: v for k, v in _power_keys(layout).items() if hall.get(k) != v}
        if own:
            rack["power"] = own
            comments[("racks", i, "power")] = "this rack's feeds differ from facility.power"


KEY_ORDER = ("id", "row", "kind", "load_kw", "budget_kw", "power", "cooling", "systems", "dcim")


def _ordered(rack: dict[str, Any]) -> dict[str, Any]:
    return {k: rack[k] for k in KEY_ORDER if k in rack}


def _rack_cooling(racks: list[dict[str, Any]], hall: Any, comments: dict[PathT, str]) -> None:
    """The rack's ``cooling`` stays only where it differs from the hall's."""
    for i, rack in enumerate(racks):
        mode = rack.get("cooling")
        if mode is None:
            continue
        if mode == hall:
            del rack["cooling"]
        else:
            comments[("racks", i, "cooling")] = "netbox cooling capability or cooling feeds"
