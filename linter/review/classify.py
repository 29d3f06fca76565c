"""Classification of KB changes, modelled on oasdiff's breaking-change checks.

Every change gets one check, and every check has one level:

* ``breaking``: the change can make a plan that passed before fail now;
* ``warning``: a plan still passes, but something it may rely on was loosened, deprecated or
  removed;
* ``info``: text, sources and bookkeeping.

``CHECKS`` is the single source of the documentation table (:func:`checks_markdown`).
"""

# ruff: noqa: E501 (long expected strings and table rows read best on one line)

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from linter.core.findings import SEVERITY_RANK
from linter.review.diff import Change, number

LEVELS = ("breaking", "warning", "info")


@dataclass(frozen=True)
class Check:
    id: str
    level: str
    title: str
    example: str


# fmt: off
CHECKS: tuple[Check, ...] = (
    Check("architecture-removed", "breaking", "An architecture was removed from the knowledge base; plans pinned to it cannot be checked against it.",
          "`dgx-superpod-a100` removed"),
    Check("architecture-renamed", "breaking", "An architecture's id changed (its file was renamed); plans must update their `reference`.",
          "`id: 'pod-a' -> 'pod-alpha'`"),
    Check("catalog-entry-removed", "breaking", "A catalog entry or standard was removed; plans and architectures that name it no longer validate.",
          "`catalog/systems/dgx-a100.yaml` removed"),
    Check("version-withdrawn", "breaking", "An architecture or catalog entry's status became `withdrawn`.",
          "`status: 'current' -> 'withdrawn'`"),
    Check("limit-tightened", "breaking", "A limit or requirement moved the way that asks more of a plan: a rack or facility power requirement raised, a maximum lowered, oversubscription lowered, a required bandwidth raised, a tighter ASHRAE liquid class.",
          "`rack_profiles[compute].max_kw: 40.8 kW -> 56 kW (+37 %)`"),
    Check("limit-added", "breaking", "A limit or requirement that did not exist before was added.",
          "`facility.water_temp_max_c: added 45 °C`"),
    Check("inlet-range-narrowed", "breaking", "The allowed inlet temperature range narrowed (minimum raised, maximum lowered, a narrower ASHRAE air class, or a new bound).",
          "`facility.inlet_temp_max_c: 30 °C -> 27 °C`"),
    Check("cooling-requirement-raised", "breaking", "The required cooling moved up the ladder air < rear-door/hybrid < direct-liquid < immersion.",
          "`facility.cooling: 'air' -> 'direct-liquid'`"),
    Check("redundancy-raised", "breaking", "The required power redundancy rose (N < N+1 < 2N).",
          "`facility.power_redundancy: 'N+1' -> '2N'`"),
    Check("best-practice-added", "breaking", "A best practice with a machine check at severity warning or error was added.",
          "`best_practices[x.dual-feed]: added`"),
    Check("best-practice-raised-to-error", "breaking", "A best practice's severity was raised to error.",
          "`best_practices[x.ndr-or-better].severity: 'warning' -> 'error'`"),
    Check("best-practice-check-tightened", "breaking", "A best practice's check became stricter: threshold moved, an allowed value removed, a check added, or its path or operator changed.",
          "`best_practices[x.storage-read].check.value: 40 -> 60`"),
    Check("network-required", "breaking", "A network became required, or a required network was added.",
          "`networks[storage].required: false -> true`"),
    Check("fabric-changed", "breaking", "A network's fabric (catalog id) changed.",
          "`networks[compute].fabric: 'infiniband-ndr' -> 'infiniband-xdr'`"),
    Check("rack-contents-changed", "breaking", "The systems in a rack profile changed (model added or removed, or a count changed).",
          "`rack_profiles[compute].contents[dgx-h100].count: 4 -> 2`"),
    Check("limit-loosened", "warning", "A limit or requirement moved the way that asks less of a plan.",
          "`facility.rack_kw_max: 56 kW -> 40.8 kW (-27 %)`"),
    Check("limit-removed", "warning", "A limit or requirement was removed.",
          "`facility.water_temp_max_c: removed`"),
    Check("inlet-range-widened", "warning", "The allowed inlet temperature range widened or lost a bound.",
          "`facility.inlet_temp_min_c: 10 °C -> 5 °C`"),
    Check("cooling-requirement-relaxed", "warning", "The required cooling moved down the ladder.",
          "`facility.cooling: 'direct-liquid' -> 'air'`"),
    Check("redundancy-lowered", "warning", "The required power redundancy fell.",
          "`facility.power_redundancy: '2N' -> 'N+1'`"),
    Check("deprecated", "warning", "The status became `superseded`, `end-of-life` or `cancelled`.",
          "`status: 'current' -> 'superseded'`"),
    Check("best-practice-removed", "warning", "A best practice was removed.",
          "`best_practices[x.inlet-temp]: removed`"),
    Check("best-practice-severity-lowered", "warning", "A best practice's severity was lowered.",
          "`best_practices[x].severity: 'error' -> 'warning'`"),
    Check("best-practice-severity-raised", "warning", "A best practice's severity was raised, but not to error.",
          "`best_practices[x].severity: 'info' -> 'warning'`"),
    Check("best-practice-check-loosened", "warning", "A best practice's check became more lenient or was removed.",
          "`best_practices[x].check.value: added 'roce'`"),
    Check("network-relaxed", "warning", "A network was removed or is no longer required.",
          "`networks[storage]: removed`"),
    Check("content-removed", "warning", "Content other than text was removed (a rack profile, hot spot, fragile point, list value).",
          "`hot_spots[checkpoint-io]: removed`"),
    Check("figure-changed", "warning", "A number that is not a plan limit changed (a count, a published rating).",
          "`scalable_unit.max_units: 4 -> 8 (+100 %)`"),
    Check("value-changed", "warning", "A value with no known direction changed (a topology, a form factor).",
          "`networks[compute].topology: 'fat-tree' -> 'rail-optimized'`"),
    Check("architecture-added", "info", "An architecture was added.",
          "`dgx-superpod-gb300` added"),
    Check("catalog-entry-added", "info", "A catalog entry or standard was added.",
          "`catalog/systems/dgx-b300.yaml` added"),
    Check("content-added", "info", "Content was added that sets no new limit (a hot spot, an advisory best practice, a rack profile).",
          "`fragile_points[ufm]: added`"),
    Check("text-changed", "info", "Descriptive text changed: title, summary, notes, rationale, descriptions.",
          "`summary: changed`"),
    Check("source-changed", "info", "Provenance changed: sources, a figure's source, formula or published range.",
          "`rack_profiles[compute].max_kw.derived: added '4 * dgx-h100.max_power_kw'`"),
    Check("version-changed", "info", "The version, the `changes` log or the release manifest changed.",
          "`version: '2026.10' -> '2026.11'`"),
    Check("id-changed", "info", "An item's id changed with its architecture's (best-practice ids start with the architecture id).",
          "`best_practices[inlet-temp].id: 'pod-a.inlet-temp' -> 'pod-alpha.inlet-temp'`"),
    Check("status-changed", "info", "The status changed in a way that loosens nothing and deprecates nothing (`preview` -> `current`).",
          "`status: 'preview' -> 'current'`"),
)
# fmt: on
BY_ID: dict[str, Check] = {c.id: c for c in CHECKS}

# fmt: off
TEXT_KEYS = frozenset({"title", "name", "summary", "when_to_use", "description", "rationale",
                       "note", "notes", "mitigation", "resource", "component", "vendor"})
SOURCE_KEYS = frozenset({"sources", "source", "derived", "range", "retrieved", "url"})

# Key -> +1 when a higher value asks more of a plan, -1 when a lower one does. Per kind, since
# the same key means a requirement in one kind and a capability in another.
_INLET = {"inlet_temp_min_c": 1, "inlet_temp_max_c": -1}
LIMITS: dict[str, dict[str, int]] = {
    "architecture": {**_INLET, "max_kw": 1, "rack_kw_max": 1, "water_temp_max_c": -1,
                     "feeds_per_rack": 1, "pdus_per_rack": 1, "oversubscription": -1,
                     "link_speed_gbps": 1, "read_gb_s": 1, "write_gb_s": 1, "tolerance_pct": -1,
                     "weight_kg": 1, "height_u": 1},
    "system": {**_INLET, "max_power_kw": 1, "typical_power_kw": 1, "water_temp_max_c": -1,
               "psu_required": 1, "weight_kg": 1, "height_u": 1, "liquid_heat_fraction_pct": 1},
    "accelerator": {"tdp_w": 1},
    "cooling": {"rack_kw_max": -1, "rack_kw_typical": -1, "supply_water_temp_max_c": -1},
}
# fmt: on
_RANKS: dict[str, dict[str, int]] = {
    "cooling": {"air": 0, "rear-door": 1, "hybrid": 1, "direct-liquid": 2, "immersion": 3},
    "power_redundancy": {"N": 0, "N+1": 1, "2N": 2},
    # ASHRAE air classes: A1 is the narrowest allowable inlet range.
    "ashrae_class": {"A4": 0, "A3": 1, "A2": 2, "A1": 3},
    # ASHRAE liquid classes: W17 asks for the coldest facility water.
    "water_class": {"W+": 0, "W45": 1, "W40": 2, "W32": 3, "W27": 4, "W17": 5},
}
_RANKED = {
    "cooling": ("cooling-requirement-raised", "cooling-requirement-relaxed"),
    "power_redundancy": ("redundancy-raised", "redundancy-lowered"),
    "ashrae_class": ("inlet-range-narrowed", "inlet-range-widened"),
    "water_class": ("limit-tightened", "limit-loosened"),
}


@dataclass(frozen=True)
class Classified:
    change: Change
    check: str

    @property
    def level(self) -> str:
        return BY_ID[self.check].level

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.check, "level": self.level, **self.change.to_dict()}


def classify_all(changes: list[Change], kind: str, old: Any, new: Any) -> list[Classified]:
    """Each change with its check, breaking first (document order within a level)."""
    out = [Classified(c, classify(c, kind, old, new)) for c in changes]
    return sorted(out, key=lambda c: LEVELS.index(c.level))


def classify(ch: Change, kind: str, old: Any, new: Any) -> str:
    """The check id for one change in a document of ``kind``."""
    key, top = ch.key, ch.path[0] if ch.path else ""
    if ch.path == ("id",) and kind == "architecture":
        return "architecture-renamed"
    if top in ("version", "changes") or kind == "release":
        return "version-changed"
    if top == "sources" or key in SOURCE_KEYS:
        return "source-changed"
    if key in TEXT_KEYS:
        return "text-changed"
    if ch.path == ("status",):
        if ch.new == "withdrawn":
            return "version-withdrawn"
        return (
            "deprecated"
            if ch.new in ("superseded", "end-of-life", "cancelled")
            else "status-changed"
        )
    if kind == "architecture" and top == "best_practices":
        return _best_practice(ch, new)
    if kind == "architecture" and top == "networks" and key not in LIMITS["architecture"]:
        return _network(ch)
    if (
        kind == "architecture"
        and len(ch.path) > 2
        and ch.path[0] == "rack_profiles"
        and ch.path[2] == "contents"
    ):
        return "rack-contents-changed"
    if key in _RANKS and ch.op == "changed":
        ranks = _RANKS[key]
        if (
            isinstance(ch.old, str)
            and isinstance(ch.new, str)
            and ch.old in ranks
            and ch.new in ranks
        ):
            up, down = _RANKED[key]
            return up if ranks[ch.new] > ranks[ch.old] else down
    direction = LIMITS.get(kind, {}).get(key)
    inlet = key in _INLET
    if direction is not None and ch.op in ("added", "removed") and not ch.path[-1].startswith("["):
        if ch.op == "added":
            return "inlet-range-narrowed" if inlet else "limit-added"
        return "inlet-range-widened" if inlet else "limit-removed"
    if direction is not None and ch.is_numeric:
        stricter = (number(ch.new) - number(ch.old)) * direction > 0  # type: ignore[operator]
        if inlet:
            return "inlet-range-narrowed" if stricter else "inlet-range-widened"
        return "limit-tightened" if stricter else "limit-loosened"
    if ch.op == "added":
        return "content-added"
    if ch.op == "removed":
        return "content-removed"
    return "figure-changed" if ch.is_numeric else "value-changed"


def _item(data: Any, at: Any) -> dict[str, Any]:
    """The best-practice mapping a change sits in (data path ``("best_practices", i, ...)``)."""
    try:
        item = data[at[0]][at[1]]
    except (KeyError, IndexError, TypeError):
        return {}
    return item if isinstance(item, dict) else {}


def _best_practice(ch: Change, new: Any) -> str:
    rest = list(ch.path[2:])
    if rest == ["id"]:
        return "id-changed"
    if not rest:  # the whole practice
        if ch.op == "removed":
            return "best-practice-removed"
        item = ch.new if isinstance(ch.new, dict) else {}
        gated = isinstance(item.get("check"), dict) and item.get("severity") in ("warning", "error")
        return "best-practice-added" if gated else "content-added"
    if rest[0] == "severity":
        a, b = SEVERITY_RANK.get(str(ch.old), 0), SEVERITY_RANK.get(str(ch.new), 0)
        if b > a:
            return (
                "best-practice-raised-to-error"
                if ch.new == "error"
                else "best-practice-severity-raised"
            )
        return "best-practice-severity-lowered"
    if rest[0] == "check":
        item = _item(new, ch.new_at or ())
        if len(rest) == 1:
            if ch.op == "added" and item.get("severity") != "info":
                return "best-practice-check-tightened"
            return "best-practice-check-loosened"
        if rest[1] == "value":
            op = (item.get("check") or {}).get("op")
            if ch.op in ("added", "removed"):  # an allowed value of an `in` list
                return (
                    "best-practice-check-loosened"
                    if ch.op == "added"
                    else "best-practice-check-tightened"
                )
            if ch.is_numeric and op in (">=", "<="):
                higher = number(ch.new) > number(ch.old)  # type: ignore[operator]
                stricter = higher if op == ">=" else not higher
                return (
                    "best-practice-check-tightened" if stricter else "best-practice-check-loosened"
                )
        return "best-practice-check-tightened"
    return (
        "content-added"
        if ch.op == "added"
        else "content-removed"
        if ch.op == "removed"
        else "value-changed"
    )


def _network(ch: Change) -> str:
    rest = ch.path[2:]
    if not rest:
        if ch.op == "removed":
            return "network-relaxed"
        item = ch.new if isinstance(ch.new, dict) else {}
        return "network-required" if item.get("required") is True else "content-added"
    if rest[0] == "required":
        return "network-required" if ch.new is True else "network-relaxed"
    if rest[0] == "fabric":
        return "fabric-changed"
    return (
        "content-added"
        if ch.op == "added"
        else "content-removed"
        if ch.op == "removed"
        else "value-changed"
    )


def checks_markdown() -> str:
    """The check table for the docs site (one source of truth: ``CHECKS``)."""
    lines = ["| check | level | what it means | example |", "|---|---|---|---|"]
    for level in LEVELS:
        for c in sorted((c for c in CHECKS if c.level == level), key=lambda c: c.id):
            lines.append(f"| `{c.id}` | {c.level} | {c.title} | {c.example} |")
    return "\n".join(lines) + "\n"
