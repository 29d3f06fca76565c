"""Semantic diff and change classification, on parsed documents."""

# ruff: noqa: E501 (long expected strings and table rows read best on one line)

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from kbrepo import Arch

from linter.core import yamlio
from linter.kb.change_checks import BY_ID, CHECKS, LEVELS
from linter.review.classify import checks_markdown, classify_all
from linter.review.diff import diff


def data(text: str) -> Any:
    return yamlio.loads(text, "x.yaml").data


BASE = data(Arch("pod-a", "2026.10", [("2026.10", "2026-10-01", "s", "w")]).text())


def test_formatting_comments_and_key_order_are_ignored() -> None:
    block = """\
# a comment
id: pod-a
facility:
  cooling: air   # trailing comment
  rack_kw_max:
    value: 40.8
    source: fixture
use:
  - training
  - inference
rack_profiles:
  - {id: a, max_kw: {value: 1, source: s}}
  - {id: b, max_kw: {value: 2, source: s}}
"""
    flow = """\
rack_profiles: [{max_kw: {source: s, value: 2.0}, id: b}, {id: a, max_kw: {value: 1, source: s}}]
use: [inference, training]
facility: {rack_kw_max: {source: fixture, value: 40.8}, cooling: 'air'}
id: "pod-a"
"""
    assert diff(data(block), data(flow)) == []


def test_figure_change_has_unit_and_relative_change() -> None:
    new = copy.deepcopy(BASE)
    new["rack_profiles"][0]["max_kw"] = {"value": 56, "derived": "4 * test-server.max_power_kw"}
    old = copy.deepcopy(BASE)
    old["rack_profiles"][0]["max_kw"]["value"] = 40.8
    got = [c.describe() for c in diff(old, new)]
    assert got == [
        "rack_profiles[compute].max_kw: 40.8 kW -> 56 kW (+37 %)",
        "rack_profiles[compute].max_kw.source: removed 'fixture'",
        "rack_profiles[compute].max_kw.derived: added '4 * test-server.max_power_kw'",
    ]
    ch = diff(old, new)[0]
    assert ch.old_at == ("rack_profiles", 0, "max_kw") and ch.unit == "kW"
    assert round(ch.relative_pct or 0, 4) == round((56 - 40.8) / 40.8 * 100, 4)


def test_temperature_has_no_ratio_and_qualified_keys_get_units() -> None:
    new = copy.deepcopy(BASE)
    new["facility"]["inlet_temp_max_c"]["value"] = 27
    new["facility"]["rack_kw_max"]["value"] = 64
    assert [c.describe() for c in diff(BASE, new)] == [
        "facility.rack_kw_max: 32 kW -> 64 kW (+100 %)",
        "facility.inlet_temp_max_c: 30 °C -> 27 °C",
    ]


def test_range_default_is_the_compared_number() -> None:
    old = {"max_power_kw": {"range": [120, 132], "default": 132, "sources": ["a", "b"]}}
    new = {"max_power_kw": {"range": [120, 140], "default": 140, "sources": ["a", "b", "c"]}}
    assert [c.describe() for c in diff(old, new)] == [
        "max_power_kw: 132 kW -> 140 kW (+6 %)",
        "max_power_kw.range: [120 kW, 132 kW] -> [120 kW, 140 kW]",
        "max_power_kw.sources: added 'c'",
    ]


def test_lists_match_by_identity_not_position() -> None:
    old = {
        "networks": [{"role": "compute", "fabric": "x"}, {"role": "storage", "fabric": "y"}],
        "changes": [{"version": "2026.10", "why": "a"}],
    }
    new = {
        "networks": [{"role": "storage", "fabric": "z"}, {"role": "compute", "fabric": "x"}],
        "changes": [{"version": "2026.11", "why": "b"}, {"version": "2026.10", "why": "a"}],
    }
    got = diff(old, new)
    assert [c.describe() for c in got] == [
        "networks[storage].fabric: 'y' -> 'z'",
        "changes[2026.11]: added '2026.11'",
    ]
    assert got[0].old_at == ("networks", 1, "fabric") and got[0].new_at == ("networks", 0, "fabric")


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Any], None]:
    def edit(d: Any) -> None:
        for p in path[:-1]:
            d = d[p]
        d[path[-1]] = value

    return edit


def _drop(path: tuple[Any, ...]) -> Callable[[Any], None]:
    def edit(d: Any) -> None:
        for p in path[:-1]:
            d = d[p]
        del d[path[-1]]

    return edit


def _append(path: tuple[Any, ...], value: Any) -> Callable[[Any], None]:
    def edit(d: Any) -> None:
        for p in path:
            d = d[p]
        d.append(value)

    return edit


BP = ("best_practices", 0)
NEW_BP = {
    "id": "pod-a.dual-feed",
    "title": "Two feeds",
    "severity": "error",
    "rationale": "r",
    "check": {"path": "facility.power.feeds", "op": ">=", "value": 2},
}
IN_CHECK = {"path": "network.compute.fabric", "op": "in", "value": ["ib-a", "ib-b"]}

# (edit of both documents, further edit of the new one, expected [(check, description)])
CASES: dict[str, tuple[Any, Any, list[tuple[str, str]]]] = {
    "power raised": (
        None,
        _set(("rack_profiles", 0, "max_kw", "value"), 40.8),
        [("limit-tightened", "rack_profiles[compute].max_kw: 32 kW -> 40.8 kW (+28 %)")],
    ),
    "power lowered": (
        None,
        _set(("facility", "rack_kw_max", "value"), 16),
        [("limit-loosened", "facility.rack_kw_max: 32 kW -> 16 kW (-50 %)")],
    ),
    "limit added": (
        None,
        _set(("facility", "water_temp_max_c"), {"value": 45, "source": "fixture"}),
        [("limit-added", "facility.water_temp_max_c: added 45 °C")],
    ),
    "limit removed": (
        None,
        _drop(("facility", "rack_kw_max")),
        [("limit-removed", "facility.rack_kw_max: removed 32 kW")],
    ),
    "inlet narrowed": (
        None,
        _set(("facility", "inlet_temp_min_c", "value"), 10),
        [("inlet-range-narrowed", "facility.inlet_temp_min_c: 5 °C -> 10 °C")],
    ),
    "inlet widened": (
        None,
        _set(("facility", "inlet_temp_max_c", "value"), 35),
        [("inlet-range-widened", "facility.inlet_temp_max_c: 30 °C -> 35 °C")],
    ),
    "ashrae narrower": (
        _set(("facility", "ashrae_class"), "A2"),
        _set(("facility", "ashrae_class"), "A1"),
        [("inlet-range-narrowed", "facility.ashrae_class: 'A2' -> 'A1'")],
    ),
    "colder water": (
        _set(("facility", "water_class"), "W32"),
        _set(("facility", "water_class"), "W27"),
        [("limit-tightened", "facility.water_class: 'W32' -> 'W27'")],
    ),
    "air to liquid": (
        None,
        _set(("facility", "cooling"), "direct-liquid"),
        [("cooling-requirement-raised", "facility.cooling: 'air' -> 'direct-liquid'")],
    ),
    "liquid to air": (
        _set(("facility", "cooling"), "immersion"),
        _set(("facility", "cooling"), "air"),
        [("cooling-requirement-relaxed", "facility.cooling: 'immersion' -> 'air'")],
    ),
    "redundancy up": (
        _set(("facility", "power_redundancy"), "N+1"),
        _set(("facility", "power_redundancy"), "2N"),
        [("redundancy-raised", "facility.power_redundancy: 'N+1' -> '2N'")],
    ),
    "redundancy down": (
        _set(("facility", "power_redundancy"), "2N"),
        _set(("facility", "power_redundancy"), "N"),
        [("redundancy-lowered", "facility.power_redundancy: '2N' -> 'N'")],
    ),
    "withdrawn": (
        None,
        _set(("status",), "withdrawn"),
        [("version-withdrawn", "status: 'current' -> 'withdrawn'")],
    ),
    "superseded": (
        None,
        _set(("status",), "superseded"),
        [("deprecated", "status: 'current' -> 'superseded'")],
    ),
    "preview to current": (
        _set(("status",), "preview"),
        _set(("status",), "current"),
        [("status-changed", "status: 'preview' -> 'current'")],
    ),
    "bp added": (
        None,
        _append(("best_practices",), NEW_BP),
        [("best-practice-added", "best_practices[dual-feed]: added 'pod-a.dual-feed'")],
    ),
    "advisory bp added": (
        None,
        _append(("best_practices",), {**NEW_BP, "severity": "info"}),
        [("content-added", "best_practices[dual-feed]: added 'pod-a.dual-feed'")],
    ),
    "bp removed": (
        None,
        _drop(("best_practices", 0)),
        [("best-practice-removed", "best_practices[inlet-temp]: removed 'pod-a.inlet-temp'")],
    ),
    "bp to error": (
        None,
        _set((*BP, "severity"), "error"),
        [
            (
                "best-practice-raised-to-error",
                "best_practices[inlet-temp].severity: 'warning' -> 'error'",
            )
        ],
    ),
    "bp info to warning": (
        _set((*BP, "severity"), "info"),
        _set((*BP, "severity"), "warning"),
        [
            (
                "best-practice-severity-raised",
                "best_practices[inlet-temp].severity: 'info' -> 'warning'",
            )
        ],
    ),
    "bp lowered": (
        None,
        _set((*BP, "severity"), "info"),
        [
            (
                "best-practice-severity-lowered",
                "best_practices[inlet-temp].severity: 'warning' -> 'info'",
            )
        ],
    ),
    "bp threshold stricter": (
        None,
        _set((*BP, "check", "value"), 27),
        [
            (
                "best-practice-check-tightened",
                "best_practices[inlet-temp].check.value: 30 -> 27 (-10 %)",
            )
        ],
    ),
    "bp threshold looser": (
        None,
        _set((*BP, "check", "value"), 32),
        [
            (
                "best-practice-check-loosened",
                "best_practices[inlet-temp].check.value: 30 -> 32 (+7 %)",
            )
        ],
    ),
    "bp allowed value removed": (
        _set((*BP, "check"), IN_CHECK),
        _set((*BP, "check"), {**IN_CHECK, "value": ["ib-b"]}),
        [
            (
                "best-practice-check-tightened",
                "best_practices[inlet-temp].check.value: removed 'ib-a'",
            )
        ],
    ),
    "bp allowed value added": (
        _set((*BP, "check"), IN_CHECK),
        _set((*BP, "check"), {**IN_CHECK, "value": ["ib-a", "ib-b", "eth"]}),
        [("best-practice-check-loosened", "best_practices[inlet-temp].check.value: added 'eth'")],
    ),
    "bp check removed": (
        None,
        _drop((*BP, "check")),
        [("best-practice-check-loosened", "best_practices[inlet-temp].check: removed")],
    ),
    "bp check path changed": (
        None,
        _set((*BP, "check", "path"), "facility.water_temp_c"),
        [
            (
                "best-practice-check-tightened",
                "best_practices[inlet-temp].check.path: 'facility.inlet_temp_c' -> 'facility.water_temp_c'",
            )
        ],
    ),
    "network now required": (
        None,
        _set(("networks", 1, "required"), True),
        [("network-required", "networks[storage].required: false -> true")],
    ),
    "network relaxed": (
        None,
        _drop(("networks", 1)),
        [("network-relaxed", "networks[storage]: removed 'storage'")],
    ),
    "required network added": (
        None,
        _append(("networks",), {"role": "in-band", "fabric": "eth", "required": True}),
        [("network-required", "networks[in-band]: added 'in-band'")],
    ),
    "fabric changed": (
        None,
        _set(("networks", 0, "fabric"), "other-fabric"),
        [("fabric-changed", "networks[compute].fabric: 'test-fabric' -> 'other-fabric'")],
    ),
    "oversubscription lowered": (
        _set(("networks", 0, "oversubscription", "value"), 2),
        _set(("networks", 0, "oversubscription", "value"), 1),
        [("limit-tightened", "networks[compute].oversubscription: 2 -> 1 (-50 %)")],
    ),
    "topology changed": (
        _set(("networks", 0, "topology"), "fat-tree"),
        _set(("networks", 0, "topology"), "rail-optimized"),
        [("value-changed", "networks[compute].topology: 'fat-tree' -> 'rail-optimized'")],
    ),
    "rack contents": (
        None,
        _set(("rack_profiles", 0, "contents", 0, "count", "value"), 2),
        [
            (
                "rack-contents-changed",
                "rack_profiles[compute].contents[test-server].count: 4 -> 2 (-50 %)",
            )
        ],
    ),
    "profile added": (
        None,
        _append(
            ("rack_profiles",),
            {"id": "half", "max_kw": {"value": 16, "source": "fixture"}, "cooling": "air"},
        ),
        [("content-added", "rack_profiles[half]: added 'half'")],
    ),
    "hot spot removed": (
        _set(("hot_spots",), [{"id": "power", "resource": "r", "description": "d"}]),
        _set(("hot_spots",), []),
        [("content-removed", "hot_spots[power]: removed 'power'")],
    ),
    "use removed": (
        None,
        _set(("use",), ["training"]),
        [("content-removed", "use: removed 'inference'")],
    ),
    "count changed": (
        _set(("scalable_unit",), {"systems": [], "max_units": {"value": 4, "source": "fixture"}}),
        _set(("scalable_unit",), {"systems": [], "max_units": {"value": 8, "source": "fixture"}}),
        [("figure-changed", "scalable_unit.max_units: 4 -> 8 (+100 %)")],
    ),
    "summary": (
        None,
        _set(("summary",), "Now with a better summary."),
        [
            (
                "text-changed",
                "summary: \"A fictional architecture for refarch's history tests.\" -> 'Now with a better summary.'",
            )
        ],
    ),
    "source": (
        None,
        _set(("sources", "fixture", "title"), "Another title"),
        [
            (
                "source-changed",
                "sources.fixture.title: 'refarch test fixture (fictional figures)' -> 'Another title'",
            )
        ],
    ),
    "figure source": (
        None,
        _set(("facility", "rack_kw_max", "source"), "other"),
        [("source-changed", "facility.rack_kw_max.source: 'fixture' -> 'other'")],
    ),
    "version": (
        None,
        _set(("version",), "2026.11"),
        [("version-changed", "version: '2026.10' -> '2026.11'")],
    ),
    "renamed": (
        None,
        _set(("id",), "pod-alpha"),
        [("architecture-renamed", "id: 'pod-a' -> 'pod-alpha'")],
    ),
    "practice id follows": (
        None,
        _set((*BP, "id"), "pod-alpha.inlet-temp"),
        [
            (
                "id-changed",
                "best_practices[inlet-temp].id: 'pod-a.inlet-temp' -> 'pod-alpha.inlet-temp'",
            )
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_change_class(name: str) -> None:
    edit_old, edit_new, expected = CASES[name]
    base = copy.deepcopy(BASE)
    old, new = copy.deepcopy(base), copy.deepcopy(base)
    if edit_old:
        edit_old(old)
        edit_old(new)
    if edit_new:
        edit_new(new)
    got = [
        (c.check, c.change.describe())
        for c in classify_all(diff(old, new), "architecture", old, new)
    ]
    assert got == expected


def test_catalog_limits_depend_on_kind() -> None:
    old = {"rack_kw_max": {"value": 40, "source": "s"}}
    new = {"rack_kw_max": {"value": 60, "source": "s"}}
    # an architecture asks the facility for more; a cooling option can carry more
    assert classify_all(diff(old, new), "architecture", old, new)[0].check == "limit-tightened"
    assert classify_all(diff(old, new), "cooling", old, new)[0].check == "limit-loosened"
    sys_old = {"max_power_kw": {"value": 10.2, "source": "s"}}
    sys_new = {"max_power_kw": {"value": 12, "source": "s"}}
    got = classify_all(diff(sys_old, sys_new), "system", sys_old, sys_new)[0]
    assert (got.check, got.level, got.change.describe()) == (
        "limit-tightened",
        "breaking",
        "max_power_kw: 10.2 kW -> 12 kW (+18 %)",
    )


def test_breaking_changes_sort_first() -> None:
    new = copy.deepcopy(BASE)
    new["summary"] = "changed"
    new["facility"]["cooling"] = "direct-liquid"
    got = classify_all(diff(BASE, new), "architecture", BASE, new)
    assert [c.level for c in got] == ["breaking", "info"]


def test_check_table_documents_every_check_once() -> None:
    table = checks_markdown()
    rows = [line for line in table.splitlines()[2:]]
    assert len(rows) == len(CHECKS) == len(BY_ID)
    for check in CHECKS:
        assert check.level in LEVELS
        assert sum(f"| `{check.id}` | {check.level} |" in row for row in rows) == 1
    # breaking first, then warning, then info
    levels = [row.split(" | ")[1] for row in rows]
    assert levels == sorted(levels, key=LEVELS.index)
