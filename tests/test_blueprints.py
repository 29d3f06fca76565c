"""An architecture cannot fail its own blueprint: each reference architecture's rack profiles,
linted as a plan under its own facility, networks and best practices, give no error."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.kb.store import KnowledgeBase
from linter.lint.blueprint import blueprint
from linter.lint.emit import plan_yaml
from linter.lint.engine import lint_doc
from linter.lint.plan import load

LIVE = KnowledgeBase.open(Path(__file__).resolve().parent.parent / "architectures")
IDS = [a.id for a in LIVE.architectures()]


@pytest.mark.parametrize("arch_id", IDS)
def test_an_architecture_passes_its_own_blueprint(
    arch_id: str, live_kb: KnowledgeBase, tmp_path: Path
) -> None:
    arch = live_kb.architecture(arch_id)
    assert arch is not None
    data = blueprint(live_kb, arch)
    if data is None:
        assert not any(live_kb.system(i.model) for p in arch.rack_profiles for i in p.contents), (
            "only envelope-only architectures have no blueprint"
        )
        return
    path = tmp_path / f"{arch_id}.yaml"
    path.write_text(plan_yaml(data), encoding="utf-8")
    report = lint_doc(load(str(path)), live_kb)
    errors = [(f.rule, f.message) for f in report.findings if f.severity == "error"]
    assert errors == []
    assert [r["id"] for r in data["racks"]] == [
        p.id for p in arch.rack_profiles if any(live_kb.system(i.model) for i in p.contents)
    ]


def test_the_blueprint_holds_every_profile_with_its_budget(live_kb: KnowledgeBase) -> None:
    arch = live_kb.architecture("hgx-h200-air-inference")
    assert arch is not None
    data = blueprint(live_kb, arch)
    assert data is not None
    assert data["reference"] == arch.ref
    assert data["racks"] == [
        {"id": "compute", "cooling": "air", "budget_kw": 20.4,
         "systems": [{"model": "hgx-h200-8gpu", "count": 2}]},
        {"id": "compute-rear-door", "cooling": "rear-door", "rear_door": "active",
         "budget_kw": 40.8, "systems": [{"model": "hgx-h200-8gpu", "count": 4}]},
    ]  # fmt: skip
