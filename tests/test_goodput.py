"""The interruption and goodput model (linter.lint.goodput) against the published case it
rests on, Young/Daly against a hand computation, and bad training inputs."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from conftest import RunCli

from linter.kb.store import KnowledgeBase
from linter.lint import goodput
from linter.lint.plan import from_data


def _plan(systems: int, **workload: object) -> dict[str, object]:
    return {
        "plan": "t",
        "reference": "dgx-superpod-h100@2026.11",
        "facility": {"cooling": "rear-door"},
        "racks": [{"id": "su", "count": systems, "systems": [{"model": "dgx-h100", "count": 1}]}],
        "workload": {"type": "training", **workload},
        "storage": {"read_gb_s": 500, "write_gb_s": 100},
    }


def test_the_llama3_run_from_the_kb_rate(kb: KnowledgeBase) -> None:
    # 2,048 DGX H100 = 16,384 GPUs for 54 days: the published run (419 unexpected, 466 in all)
    g = goodput.of(from_data(_plan(2048)), kb)
    assert g is not None and g.gpus == 16384
    expected = g.interruptions(54 * 24)
    assert 419 <= round(expected, 1) <= 466
    assert round(expected, 1) == 419.0  # the rate is the run's own: in sample
    assert round(g.mtbi_s / 3600, 3) == 3.093
    # out of sample: the A100 research-cluster projection at that scale (1.8 h)
    assert g.rate.projected_mtbf_h == 1.8
    assert round(g.rate.error_pct or 0, 1) == -41.8
    assert round(g.rate.hardware_share, 4) == 0.7733


def test_young_daly_by_hand(kb: KnowledgeBase) -> None:
    g = goodput.of(
        from_data(_plan(256, checkpoint_size_gb=6000, restart_min=10, checkpoint_interval_min=360)),
        kb,
    )
    assert g is not None and g.gpus == 2048
    m = 3600 / (1.9733e-5 * 2048)  # 89,080.6 s
    assert g.mtbi_s == pytest.approx(m)
    assert g.write_s == 60.0  # 6000 GB / 100 GB/s
    assert g.restart_s == 612.0  # 600 s + 6000 GB / 500 GB/s
    assert g.optimal_s == pytest.approx(math.sqrt(2 * m * 60))
    assert round((g.optimal_s or 0) / 60, 2) == 54.49
    # Daly's exponential model: one period's work over the wall time to complete and save it
    assert g.goodput(21600) == pytest.approx(
        21600 / (m * math.exp(612 / m) * (math.exp((21600 + 60) / m) - 1))
    )
    assert round((g.goodput(21600) or 0) * 100, 2) == 87.49
    assert round((g.goodput(g.optimal_s or 0) or 0) * 100, 2) == 95.71
    # Young's first-order waste is its limit where C << P << M
    assert g.goodput(3600) == pytest.approx(1 - 60 / 3600 - (1800 + 612) / m, abs=1e-3)
    # nodes to repair during a 48 h repair: hardware share x rate x GPUs x hours
    assert g.failures_during(48 * 60) == pytest.approx(0.7733 * 1.9733e-5 * 2048 * 48)


def test_spares_are_not_in_the_job(kb: KnowledgeBase) -> None:
    data = _plan(256)
    data["spares"] = {"systems": 4}
    g = goodput.of(from_data(data), kb)
    assert g is not None and g.gpus == (256 - 4) * 8


def test_inference_plans_have_no_goodput(kb: KnowledgeBase) -> None:
    data = _plan(256)
    data["workload"] = {"type": "inference"}
    assert goodput.of(from_data(data), kb) is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("checkpoint_interval_min", 0, "5:53: VAL001 [schema-violation] 0 is less than or equal "
         "to the minimum of 0"),
        ("goodput_target_pct", 150, "5:48: VAL001 [schema-violation] 150 is greater than the "
         "maximum of 100"),
        ("repair_min", -4, "5:40: VAL001 [schema-violation] -4 is less than or equal to the "
         "minimum of 0"),
    ],
)  # fmt: skip
def test_bad_training_inputs(
    run_cli: RunCli, tmp_path: Path, key: str, value: int, message: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan: t\nreference: dgx-superpod-h100@2026.11\nfacility: {cooling: rear-door}\n"
        "racks: [{id: su, systems: [{model: dgx-h100, count: 1}]}]\n"
        f"workload: {{type: training, {key}: {value}}}\n"
    )
    code, out, err = run_cli("lint", str(plan))
    assert code == 1 and "Traceback" not in err
    assert f"{plan}:{message}\n" in out


def test_architecture_page_table(kb: KnowledgeBase) -> None:
    """Goodput by cluster size on a training architecture's page (illustrative 1/5/15-min
    checkpoint writes, 10-minute restart), up to the Llama 3 run's 16,384 GPUs."""
    from linter.site import goodput_chart

    arch = kb.architecture("dgx-superpod-h100")
    assert arch is not None
    t = goodput_chart.table(kb, arch)
    assert t is not None and (t["write_min"], t["restart_min"]) == ([1, 5, 15], 10)
    rows = [(r["units"], r["gpus"], r["mtbi_h"], r["goodput"]) for r in t["rows"]]
    assert rows[0] == (1, "256", "198", ["98.6", "97", "95"])
    assert rows[-1] == (64, "16,384", "3.1", ["85.2", "74.4", "61.4"])
    assert len(rows) == 7  # 1, 2, 4 ... 64 scalable units
    chart = goodput_chart.chart(arch, t)
    assert [s["label"] for s in chart["series"]] == [
        "checkpoint written in 1 min",
        "checkpoint written in 5 min",
        "checkpoint written in 15 min",
    ]
    assert chart["series"][0]["points"].split()[-1] == "670.0,84.4"  # 85.2 % at 64 SU
    inference = kb.architecture("hgx-h200-air-inference")
    assert inference is not None and goodput_chart.table(kb, inference) is None


def test_a_checkpoint_that_never_finishes_writing_has_no_optimum_to_compare(
    kb: KnowledgeBase, run_cli: RunCli, tmp_path: Path
) -> None:
    """A write bandwidth so small that the write time overflows (1e-308 GB/s, found by the
    fuzz test) leaves no finite Young/Daly optimum: the interval rule stays silent instead
    of dividing by it, and the lint finishes."""
    data = _plan(256, checkpoint_interval_min=30, checkpoint_size_gb=1000)
    data["storage"] = {"read_gb_s": 500, "write_gb_s": 1e-308}
    g = goodput.of(from_data(data), kb)
    assert g is not None and g.write_s == math.inf and g.optimal_s is None
    plan = tmp_path / "slow-storage.yaml"
    plan.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
    code, out, err = run_cli("lint", "--format", "json", str(plan))
    assert code in (0, 1) and "Traceback" not in err, err
    assert "RCV002" not in {f["rule"] for f in json.loads(out)["findings"]}
    code, out, err = run_cli("lint", str(plan))
    assert code in (0, 1) and "nan" not in out and "inf min" not in out, out
