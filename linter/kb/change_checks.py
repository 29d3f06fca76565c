"""The review's change checks: every kind of change between two states of the knowledge base
and its level (``breaking``, ``warning``, ``info``), declared as data.

:mod:`linter.review.classify` decides which check a change is; the table lives here, below
the lint layer, so the one code registry (:mod:`linter.lint.registry`) lists these checks
beside the lint rules and the VAL and REL codes.
"""

# ruff: noqa: E501 (long expected strings and table rows read best on one line)

from __future__ import annotations

from dataclasses import dataclass

from linter.core.codes import Code, page

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
    Check("deprecated", "warning", "The status became `superseded`, `end-of-life`, `end-of-sale` or `cancelled`.",
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

_WHY = {
    "breaking": "A breaking change can make a plan that passed before fail now: plans pinned to the old version are told (ARC002) and the review lists the plans whose verdict changes.",
    "warning": "A plan still passes, but something it may rely on was loosened, deprecated or removed.",
    "info": "Text, sources and bookkeeping: no plan's verdict depends on it.",
}
_FIX = {
    "breaking": "Nothing to fix in itself: give the architecture a new `version` with a `changes` entry saying what changed and why (REL001, REL003), and read the review's plan impact.",
    "warning": "Say why in the architecture's `changes` entry; check the plans that relied on it.",
    "info": "Nothing: the review lists it for completeness.",
}


def code_of(check: Check) -> Code:
    """The check as a registry code (its id is both code and name)."""
    return Code(
        check.id,
        check.id,
        "change",
        check.level,
        False,
        page(check.title, check.title, _WHY[check.level], check.example, _FIX[check.level]),
    )
