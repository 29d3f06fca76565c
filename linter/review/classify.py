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
from linter.kb.change_checks import BY_ID, CHECKS, LEVELS
from linter.kb.figures import number
from linter.review.citations import Citation, citations
from linter.review.diff import Change

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
    sources: tuple[Citation, ...] = ()  # what a reviewer opens to check it (citations.py)

    @property
    def level(self) -> str:
        return BY_ID[self.check].level

    def to_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "level": self.level,
            **self.change.to_dict(),
            "sources": list(self.sources),
        }


def classify_all(changes: list[Change], kind: str, old: Any, new: Any) -> list[Classified]:
    """Each change with its check and the sources of what it adds or changes in ``new``,
    breaking first (document order within a level)."""
    out = [Classified(c, classify(c, kind, old, new), cited(c, new)) for c in changes]
    return sorted(out, key=lambda c: LEVELS.index(c.level))


def cited(ch: Change, new: Any) -> tuple[Citation, ...]:
    """Nothing for a removal or a change to sources or text; else :func:`citations`."""
    if ch.op == "removed" or ch.new_at is None:
        return ()
    return citations(new, ch.new_at)


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
            if ch.new in ("superseded", "end-of-life", "end-of-sale", "cancelled")
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
