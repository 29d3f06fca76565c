"""The typed knowledge base: every KB file as one frozen value, built once, read by every job."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import linter
from linter.core import yamlio
from linter.kb.figures import MISSING, Figure
from linter.kb.model import Architecture, Release, Standard, System
from linter.kb.model import architecture as architecture_model
from linter.kb.model.base import build
from linter.kb.model.record import Record
from linter.kb.model.release import change_for, changes_of
from linter.kb.store import CATALOG_KINDS, KINDS, KnowledgeBase


def test_every_file_of_the_frozen_kb_has_its_type(kb: KnowledgeBase) -> None:
    types = {kind: set() for kind in KINDS}
    for kind in KINDS:
        for typed in kb.typed(kind):
            assert typed.kind == kind and typed.id == Path(typed.path).stem
            types[kind].add(type(typed).__name__)
    assert types == {
        "accelerator": {"Accelerator"},
        "system": {"System"},
        "cooling": {"Cooling"},
        "network": {"Fabric"},
        "model": {"Model"},
        "efficiency": {"Efficiency"},
        "architecture": {"Architecture"},
        "standard": {"Standard"},
    }


def test_an_entry_is_typed_once_and_frozen(kb: KnowledgeBase) -> None:
    a = kb.architecture("dgx-superpod-gb200")
    assert a is not None and a is kb.architecture("dgx-superpod-gb200")
    with pytest.raises(AttributeError, match="Architecture is frozen"):
        a.version = "2099.01"  # type: ignore[misc]


def test_an_architecture_reads_as_written(kb: KnowledgeBase) -> None:
    a = kb.architecture("dgx-superpod-gb200")
    assert isinstance(a, Architecture)
    assert (a.ref, a.status) == ("dgx-superpod-gb200@2026.11", "current")
    assert a.use == ("training", "inference")
    (rack,) = a.rack_profiles
    assert (rack.id, rack.at, rack.cooling) == ("nvl72", ("rack_profiles", 0), "direct-liquid")
    assert rack.max_kw == Figure(
        132.0, None, (), "1 * gb200-nvl72.max_power_kw", "Catalog range 120-132 kW, default 132."
    )
    assert rack.height_u is MISSING and not rack.height_u.present
    assert [(i.model, i.count.value) for i in rack.contents] == [("gb200-nvl72", 1.0)]
    loc = a.where(rack.at, "max_kw")
    assert (Path(loc.file).name, loc.line, loc.column) == ("dgx-superpod-gb200.yaml", 71, 13)
    assert [n.role for n in a.networks] == ["compute", "storage", "in-band"]
    compute = a.network("compute")
    assert compute is not None and compute.link_speed_gbps.value == 400.0 and compute.required
    su = a.scalable_unit
    assert su is not None and su.gpus.derived == "8 * gb200-nvl72.gpu_count"
    assert (su.power_kw.value, su.power_kw.sources) == (1200.0, ("nv-superpod-gb200-arch",))
    assert su.max_units.value == 16.0 and su.systems[0].at == ("scalable_unit", "systems", 0)
    bp = a.best_practices[0]
    assert (bp.id, bp.severity, bp.check) == (
        "dgx-superpod-gb200.liquid", "error",
        architecture_model.Check(path="facility.cooling", op="==", value="direct-liquid"),
    )  # fmt: skip
    assert a.best_practices[-1].check is None  # the info practice has no machine check
    assert a.facility.power_redundancy == "2N" and a.facility.rack_kw_max.value == 132.0
    assert [c.version for c in a.changes] == ["2026.11"] and a.change("2026.11") is a.changes[0]
    assert a.source("nv-superpod-gb200-arch") is not None
    assert a.source("nv-superpod-gb200-arch").retrieved == "2026-11-26"  # type: ignore[union-attr]


def test_catalog_entries_read_as_written(kb: KnowledgeBase) -> None:
    s = kb.system("dgx-h100")
    assert isinstance(s, System)
    assert (s.accelerator, s.cooling, s.gpu_count.value) == ("h100-sxm", "air", 8.0)
    assert s.max_power_kw.value == s.doc.data["max_power_kw"]["value"]
    acc = kb.accelerator(s.accelerator)
    assert acc is not None and acc.rate("fp8_dense_tflops") is acc.fp8_dense_tflops
    assert acc.rate("no_such_rate") is MISSING
    eff = kb.efficiency("hopper-trtllm")
    assert eff is not None and len(eff.calibration) == len(eff.doc.data["calibration"])
    first = eff.calibration[0]
    assert (first.id, first.at, first.tensor_parallel, first.published) == (
        "l70b-h100-tp2-5000-500-c1-ttft", ("calibration", 0), 2, 406.77,
    )  # fmt: skip


def test_a_standard_reads_its_tables_and_sections(kb: KnowledgeBase) -> None:
    liquid = kb.standard("ashrae-liquid")
    assert isinstance(liquid, Standard)
    w32 = liquid.row("classes", "W32")
    assert w32 is not None and w32.at == ("classes", 2)
    assert w32.figure("supply_temp_max_c").value == 32.0 and w32.text("use") == "warm water"
    assert w32.figure("supply_temp_min_c") is MISSING
    air = kb.standard("ashrae-air")
    assert air is not None
    rec = air.section("recommended")
    assert rec is not None and rec.figure("inlet_temp_max_c").value == 27.0
    elec = kb.standard("electrical")
    assert elec is not None and elec.figure("power_factor_default").range == (0.95, 0.99)


def test_the_release_manifest_is_typed(kb: KnowledgeBase) -> None:
    rel = kb.release
    assert (rel.version, rel.date) == ("2026.11", "2026-11-26")
    assert rel.pinned("dgx-superpod-gb200") == "2026.11" and rel.pinned("nope") is None
    assert Release.parse(None) == Release()
    assert Release.parse({"release": 2026.11, "architectures": {"a": 1}}).architectures == {"a": ""}


@pytest.mark.parametrize(
    "text",
    ["[]", "7", "id: x\nrack_profiles: [1, {id: 3}]\nchanges: [x, {version: 2026.01}]",
     "scalable_unit: {systems: [{count: 2}], max_units: nope}\nnetworks: {compute: x}"],
)  # fmt: skip
def test_history_files_that_were_never_valid_still_parse(text: str) -> None:
    a = architecture_model.parse("x", yamlio.loads(text, "x.yaml"))
    assert a.id == "x" and a.facility.rack_kw_max is MISSING
    for p in a.rack_profiles:
        assert p.id == "3" and p.contents == ()
    for c in a.changes:
        assert c.version == "2026.01" and c.at == ("changes", 1)
    if a.scalable_unit is not None:
        assert a.scalable_unit.systems == () and a.scalable_unit.max_units is MISSING
    assert a.networks == ()


def test_one_parser_of_changes() -> None:
    data = {"changes": [{"version": "2026.12", "summary": "s", "why": "w"}, "junk",
                        {"version": "2026.11", "date": "2026-11-26"}]}  # fmt: skip
    assert [c.version for c in changes_of(data)] == ["2026.12", "2026.11"]
    assert change_for(data, "2026.11").index == 2  # type: ignore[union-attr]
    assert change_for(data, "2026.10") is None and change_for(data, "") is None
    package = Path(linter.__file__).resolve().parent

    def readers(key: str) -> list[str]:
        pattern = rf"""(get\(|\[|records\(\w+, |mapping\(\w+, )["']{key}["']"""
        return sorted(
            str(p.relative_to(package))
            for p in package.rglob("*.py")
            if "compiled" not in p.parts and re.search(pattern, p.read_text("utf-8"))
        )

    # the changes list was parsed in six places and the release map read in four
    assert readers("changes") == ["kb/model/release.py"]
    assert readers("architectures") == ["kb/model/release.py"]


def test_a_field_without_a_reader_is_a_programming_error() -> None:
    class Odd(Record):
        when: complex

    with pytest.raises(TypeError, match="Odd.when: no reader"):
        build(Odd, {"when": 1})


def test_no_rule_sizing_or_site_module_reads_the_kb_document() -> None:
    """Rules, sizing and the site read typed entries; ``.doc`` is for the file-shape jobs."""
    package = Path(linter.__file__).resolve().parent
    offenders = []
    for folder in ("lint/rules", "sizing", "site"):
        for p in sorted((package / folder).rglob("*.py")):
            text = p.read_text("utf-8")
            if re.search(r"\b(arch|entry|std|system|acc|e)\.(data|doc\.data)\b", text):
                offenders.append(str(p.relative_to(package)))
    assert offenders == []
    assert set(CATALOG_KINDS) < set(KINDS)
