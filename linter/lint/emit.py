"""A deployment plan from a sizing: ``refarch size ... --emit-plan FILE``.

The plan pins the architecture whose rack profile the sizing used and holds:

* racks: the sized systems plus spares (one per scalable unit of that architecture, at least
  one, as rule FRG005 asks), in groups of the profile's systems per rack;
* the facility: the cooling mode and PUE of the sizing, two CDUs for liquid cooling (rule
  FRG003's minimum), and the fewest feeds (2-4) that keep every system on enough power
  supplies with one feed lost (rule PWR005), at the architecture's power redundancy;
* every network the architecture lists, with its fabric, topology, oversubscription and
  link speed;
* the workload with its targets.

Values the architecture's machine-checked best practices constrain (feeds, CDUs, fabrics)
are then raised to what those checks ask, so ``refarch lint`` accepts the plan with no error.
"""

from __future__ import annotations

import math
import re
from typing import Any

from linter.core.errors import UsageError
from linter.kb.model import Architecture
from linter.kb.specs import load_system
from linter.kb.store import KnowledgeBase
from linter.lint.plan import dotted_get
from linter.lint.power import supplies_left
from linter.lint.rules._networks import plan_key
from linter.lint.rules.best_practice import holds
from linter.sizing.facility import required_cooling
from linter.sizing.result import SizingResult
from linter.sizing.workload import Workload

LIQUID = ("direct-liquid", "immersion")
MIN_CDUS = 2


def plan_id(path: str) -> str:
    """A plan id from a file name: ``plans/Hall C.yaml`` -> ``hall-c``."""
    stem = re.sub(r"\.ya?ml$", "", path.rsplit("/", 1)[-1], flags=re.I)
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "sized-plan"


def _architecture(kb: KnowledgeBase, r: SizingResult) -> Architecture:
    arch_id = str(r.assumptions.get("rack_profile", "")).partition(":")[0]
    arch = kb.architecture(arch_id) if arch_id else None
    if arch is None:
        raise UsageError(
            f"--emit-plan: no reference architecture in the KB has a rack profile of "
            f"{r.system}, so the plan would pin none (pass --architecture ID of one that does)"
        )
    return arch


def _feeds(kb: KnowledgeBase, system: str) -> int:
    """The fewest feeds (2-8) that leave each system ``psu_required`` supplies with one lost."""
    s = kb.system(system)
    count = s.psu_count.value if s is not None else None
    required = s.psu_required.value if s is not None else None
    if not count or not required:
        return 2
    for feeds in range(2, 9):
        if supplies_left(count, feeds) >= required - 1e-9:
            return feeds
    return 8


def _spares(arch: Architecture, system: str, systems: int) -> int:
    su = arch.scalable_unit
    per_unit = next((i.count.value for i in su.systems if i.model == system), None) if su else None
    units = math.ceil(systems / per_unit) if per_unit else 1
    return max(1, units)


def _racks(system: str, racked: int, per_rack: int) -> list[dict[str, Any]]:
    full, rest = divmod(racked, per_rack)
    out: list[dict[str, Any]] = []
    if full:
        out.append(
            {"id": "serving", "count": full, "systems": [{"model": system, "count": per_rack}]}
        )
    if rest:
        out.append({"id": "serving-partial", "systems": [{"model": system, "count": rest}]})
    return out


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    node = data
    *parents, last = dotted.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


def _follow_best_practices(data: dict[str, Any], arch: Architecture) -> None:
    """Raise each stated value an error or warning check of the architecture rejects."""
    for bp in arch.best_practices:
        chk = bp.check
        if chk is None or bp.severity not in ("error", "warning"):
            continue
        found, have = dotted_get(data, chk.path)
        if not found or holds(chk.op, have, chk.value) is not False:
            continue
        if chk.op in ("==", ">=", "<="):
            _set(data, chk.path, chk.value)
        elif chk.op == "in" and isinstance(chk.value, list) and chk.value:
            _set(data, chk.path, chk.value[0])


def plan_for(
    kb: KnowledgeBase, w: Workload, r: SizingResult, path: str, command: str
) -> dict[str, Any]:
    """The plan of sizing ``r`` (of workload ``w``), to be written to ``path``."""
    arch = _architecture(kb, r)
    spares = _spares(arch, r.system, r.systems)
    racked = r.systems + spares
    # The spares are racked and powered, so a rack may hold more than the sizing's load.
    system = load_system(kb, r.system)
    rack_kw = min(racked, r.systems_per_rack) * (system.max_power_kw or 0.0)
    cool = required_cooling(kb, system, rack_kw)
    mode, cooling_id = (cool.mode, cool.id) if cool.id else (r.cooling, r.cooling_id)
    facility: dict[str, Any] = {"name": "planned", "cooling": mode}
    if mode == "rear-door" and cooling_id.startswith("rear-door-"):
        facility["rear_door"] = cooling_id.removeprefix("rear-door-")
    facility["pue"] = r.pue
    if mode in LIQUID:
        facility["cdus"] = MIN_CDUS
    power: dict[str, Any] = {"feeds": _feeds(kb, r.system)}
    if arch.facility.power_redundancy in ("N", "N+1", "2N"):
        power["redundancy"] = arch.facility.power_redundancy
    facility["power"] = power
    network = network_of(arch)
    data: dict[str, Any] = {
        "plan": plan_id(path),
        "title": f"{w.model} for {w.users:,} users on {r.system}",
        "description": f"Generated by {command}",
        "reference": arch.ref,
        "facility": facility,
        "racks": _racks(r.system, racked, r.systems_per_rack),
        "spares": {"systems": spares},
        "workload": {
            "type": "inference",
            "model": w.model,
            "precision": w.precision,
            "concurrent_users": w.users,
            "input_tokens": w.input_tokens,
            "output_tokens": w.output_tokens,
            "ttft_ms": w.ttft_ms,
            "ttft_percentile": "mean" if w.ttft_percentile is None else w.ttft_percentile,
            "tokens_per_s_per_user": w.tokens_per_s,
            **({"output_tokens_cv": w.output_tokens_cv} if w.output_tokens_cv else {}),
        },
    }
    if network:
        data["network"] = network
    _follow_best_practices(data, arch)
    whole: dict[str, Any] = _whole(data)
    return whole


def network_of(arch: Architecture) -> dict[str, Any]:
    """The plan's ``network`` for every network ``arch`` lists, as the architecture states it."""
    network: dict[str, Any] = {}
    for net in arch.networks:
        spec: dict[str, Any] = {"fabric": net.fabric}
        if net.topology:
            spec["topology"] = net.topology
        if net.oversubscription.value is not None:
            spec["oversubscription"] = net.oversubscription.value
        if net.link_speed_gbps.value is not None:
            spec["link_speed_gbps"] = net.link_speed_gbps.value
        network[plan_key(net.role)] = spec
    return network


def _whole(node: Any) -> Any:
    """Integral floats as integers (``ttft_ms: 2000``, not ``2000.0``)."""
    if isinstance(node, dict):
        return {k: _whole(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_whole(v) for v in node]
    if isinstance(node, float) and node.is_integer():
        return int(node)
    return node


def plan_yaml(data: dict[str, Any]) -> str:
    """The plan as a YAML file, with the schema comment editors read."""
    import yaml

    from linter.core.resources import SITE_URL

    head = f"# yaml-language-server: $schema={SITE_URL}schema/plan.schema.json\n"
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
