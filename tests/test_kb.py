"""The knowledge base itself: valid, sourced, consistent, derived numbers recomputed.

Each check runs on the live KB (architectures/) and on the frozen one (tests/kb/), which the
other tests read and which must stay valid as the code changes. Facts of one release (its
number, every architecture at it) are asserted of the frozen KB; of the live KB, only what
holds in every release."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from linter.core.formula import evaluate
from linter.kb.figures import figure_value
from linter.kb.provenance import figures, stats
from linter.kb.store import KnowledgeBase
from linter.kb.validate import validate_kb

ACCELERATORS = {
    "h100-sxm",
    "h100-pcie",
    "h100-nvl",
    "h200-sxm",
    "h200-nvl",
    "b200",
    "b300",
    "gb200-gpu",
    "gb300-gpu",
    "l40s",
    "rtx-pro-6000-server",
    "mi300x",
    "mi325x",
    "mi355x",
    "gaudi3",
}
SYSTEMS = {
    "dgx-h100",
    "dgx-h200",
    "dgx-b200",
    "dgx-b300-ac",
    "dgx-b300-busbar",
    "hgx-h100-8gpu",
    "hgx-h200-8gpu",
    "hgx-b200-8gpu",
    "hgx-b300-8gpu",
    "gb200-nvl72",
    "gb300-nvl72",
    "gb200-nvl36x2",
    "amd-mi300x-platform",
    "amd-mi355x-dlc",
    "gaudi3-8x-server",
    "pcie-l40s-server",
    "pcie-rtx-pro-server",
}
MODELS = {
    "llama-3.1-8b",
    "llama-3.1-70b",
    "llama-3.1-405b",
    "llama-3.3-70b",
    "mixtral-8x7b",
    "deepseek-v3",
    "qwen2.5-72b",
    "gpt-oss-120b",
}
ARCHITECTURES = {
    "dgx-superpod-h100",
    "dgx-superpod-b200",
    "dgx-superpod-gb200",
    "dgx-superpod-b300",
    "dgx-superpod-b300-xdr",
    "gb300-nvl72-rack-scale",
    "hgx-h200-air-inference",
    "enterprise-pcie-inference",
    "amd-mi300x-cluster",
    "amd-mi355x-cluster",
    "gaudi3-cluster",
    "legacy-hall-retrofit",
}


@pytest.fixture(scope="module", params=["live", "frozen"])
def each_kb(
    request: pytest.FixtureRequest, live_kb: KnowledgeBase, kb: KnowledgeBase
) -> KnowledgeBase:
    return live_kb if request.param == "live" else kb


def test_whole_kb_validates(each_kb: KnowledgeBase) -> None:
    kb = each_kb
    findings, errors = validate_kb(kb)
    assert errors == []
    assert [f"{f.file}:{f.line}: {f.rule} {f.message}" for f in findings] == []


def test_catalog_coverage(each_kb: KnowledgeBase) -> None:
    kb = each_kb
    assert set(kb.ids("accelerator")) >= ACCELERATORS
    assert set(kb.ids("system")) >= SYSTEMS
    assert set(kb.ids("model")) >= MODELS
    assert set(kb.ids("architecture")) >= ARCHITECTURES
    assert {"air", "rear-door", "direct-liquid", "immersion"} <= {e.mode for e in kb.coolings()}
    assert {"infiniband-ndr", "infiniband-xdr", "spectrum-x", "roce"} <= set(kb.ids("network"))


def test_every_figure_is_sourced(each_kb: KnowledgeBase) -> None:
    kb = each_kb
    s = stats(kb, dt.date(2026, 11, 26))
    assert s["unsourced"] == 0, s["unsourced_figures"]
    assert s["figures"] > 500
    assert s["conflicts"] > 0


def test_every_architecture_is_at_the_release_version(kb: KnowledgeBase) -> None:
    release = kb.release
    assert release.version == "2026.11"
    for arch in kb.architectures():
        assert arch.version == release.architectures[arch.id] == "2026.11"
        assert arch.changes[0].version == arch.version
        assert arch.doc.data["changes"][0]["version"] == arch.version  # the typed view is the file


def test_every_architecture_is_at_its_listed_version(live_kb: KnowledgeBase) -> None:
    release = live_kb.release
    listed = release.architectures
    assert set(listed) == set(live_kb.ids("architecture"))
    for arch in live_kb.architectures():
        assert arch.version == listed[arch.id]
        assert arch.changes[0].version == arch.version
        assert arch.version <= release.version


def test_rack_profile_power_is_the_sum_of_its_contents(each_kb: KnowledgeBase) -> None:
    kb = each_kb
    checked = 0
    for arch in kb.architectures():
        for rp in arch.rack_profiles:
            systems = [kb.system(m.model) for m in rp.contents]
            powers = [s.max_power_kw.value if s else None for s in systems]
            if not powers or None in powers:
                # a system without a published maximum: the rack figure must be published itself
                assert rp.max_kw.sources, (arch.id, rp.id)
                continue
            total = sum(
                (m.count.value or 0) * (p or 0) for m, p in zip(rp.contents, powers, strict=True)
            )
            tol = (0.5 if rp.tolerance_pct is None else rp.tolerance_pct) / 100
            assert rp.max_kw.value is not None
            assert math.isclose(rp.max_kw.value, total, rel_tol=tol), (arch.id, rp.id)
            checked += 1
    assert checked >= 12


def test_every_derived_figure_recomputes(each_kb: KnowledgeBase) -> None:
    kb = each_kb
    n = 0
    for kind, path in kb.files():
        if kind == "release":
            continue
        entry = kb.get(kind, path.stem)
        for ref in figures(entry.doc):
            if "derived" not in ref.figure:
                continue
            siblings = entry.doc.get(ref.path[:-1])

            def resolve(name: str, siblings: object = siblings) -> float | None:
                if "." in name:
                    return kb.resolve_figure(name)
                return figure_value(siblings.get(name)) if isinstance(siblings, dict) else None

            expected = evaluate(ref.figure["derived"], resolve)
            assert ref.figure["value"] == pytest.approx(expected, rel=0.005), (entry.path, ref.path)
            n += 1
    assert n > 50


def test_the_catalog_speaks_the_lifecycle_vocabulary(each_kb: KnowledgeBase) -> None:
    """The legacy words (available, superseded, end-of-life) stay readable for history only."""
    from linter.kb.model.catalog import LEGACY_STATUS

    legacy = [
        e.id for e in [*each_kb.systems(), *each_kb.accelerators()] if e.status in LEGACY_STATUS
    ]
    assert legacy == []


def test_every_system_and_accelerator_says_since_when_and_who_says_so(
    live_kb: KnowledgeBase,
) -> None:
    missing = [
        e.id
        for e in [*live_kb.systems(), *live_kb.accelerators()]
        if not (e.status_since.date and e.status_since.source)
    ]
    assert missing == []
