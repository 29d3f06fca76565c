"""CLG007 and CLG008 on a liquid loop, with a liquid heat share for GB200 NVL72 that only this
test gives (the catalog publishes none): the arithmetic of the residual air heat and of the
CDUs' N+1 capacity, to the kW."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FROZEN_KB

from linter.kb.store import KnowledgeBase
from linter.lint.engine import lint_doc
from linter.lint.plan import load

PLAN = """\
plan: loop
reference: dgx-superpod-gb200@2026.11
facility:
  cooling: direct-liquid
  cdus: 2
  cdu_capacity_kw: 800
racks:
  - id: nvl
    count: 8
    systems: [{model: gb200-nvl72, count: 1}]
"""


def _kb(tmp_path: Path, fraction_pct: float) -> KnowledgeBase:
    root = tmp_path / "kb"
    shutil.copytree(FROZEN_KB, root)
    entry = root / "catalog" / "systems" / "gb200-nvl72.yaml"
    text = entry.read_text(encoding="utf-8")
    text = text.replace(
        "\nsources:\n",
        f"\nliquid_heat_fraction_pct: {{value: {fraction_pct}, source: test-share}}\nsources:\n"
        "  test-share:\n    title: refarch test (a fictional share)\n"
        "    retrieved: 2026-12-03\n",
        1,
    )
    entry.write_text(text, encoding="utf-8")
    return KnowledgeBase.open(root)


def _findings(tmp_path: Path, kb: KnowledgeBase) -> dict[str, list[tuple[str, str, str]]]:
    plan = tmp_path / "loop.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    out: dict[str, list[tuple[str, str, str]]] = {}
    for f in lint_doc(load(str(plan)), kb).findings:
        if f.rule in ("CLG007", "CLG008"):
            out.setdefault(f.rule, []).append((f.severity, f.message, f.arithmetic))
    return out


def test_the_residual_air_heat_and_the_n_plus_1_cdus(tmp_path: Path) -> None:
    kb = _kb(tmp_path, 80)
    gb = kb.system("gb200-nvl72")
    assert gb is not None and gb.max_power_kw.value == 132
    found = _findings(tmp_path, kb)
    # 20 % of 132 kW stays in the room: 26.4 kW, above air's 20 kW planning figure.
    assert found["CLG008"] == [
        (
            "warning",
            "rack group nvl (8 racks) still rejects 26.4 kW per rack to room air, above the "
            "planning capacity of air cooling (air-contained, 20 kW per rack)",
            "1 x 132 kW x 20 % = 26.4 kW > 20 kW",
        )
    ]
    # 80 % of 8 x 132 kW goes into the loop: 844.8 kW, over one 800 kW CDU (one of two out).
    assert found["CLG007"] == [
        (
            "error",
            "the liquid loop takes 844.8 kW of heat, over the 800 kW of 1 of 2 CDUs (N+1)",
            "8 x 132 kW x 80 % = 844.8 kW > (2 - 1) x 800 kW = 800 kW",
        )
    ]


def test_a_higher_share_moves_heat_from_the_room_into_the_loop(tmp_path: Path) -> None:
    kb = _kb(tmp_path, 90)
    found = _findings(tmp_path, kb)
    # 13.2 kW of air per rack is within air's planning figure; 950.4 kW of liquid heat needs
    # both CDUs, so N+1 fails.
    assert "CLG008" not in found
    assert [sev for sev, *_ in found["CLG007"]] == ["error"]
