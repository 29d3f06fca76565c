"""Sizing accuracy: fit and held-out points, their error bands, and the written report."""

from __future__ import annotations

import json
import math
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import RunCli

from linter.kb.model import CalibrationPoint
from linter.kb.store import KnowledgeBase
from linter.sizing import accuracy
from linter.sizing.calibration import Check, evaluate, factors_of, score
from linter.sizing.calibration_report import (
    REPORT_PATH,
    accuracy_markdown,
    model_error,
    model_error_text,
)

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "tests" / "kb"


def _point(split: str, metric: str, published: float, model: str = "m") -> CalibrationPoint:
    return CalibrationPoint(
        at=(), id=f"p-{split}-{metric}-{published:g}", source="s", model=model, precision="fp8",
        accelerator="a", tensor_parallel=1, input_tokens=1, output_tokens=1, concurrency=1,
        metric=metric, published=published, split=split, software="", statistic="mean",
    )  # fmt: skip


def test_held_out_bands_model_by_model() -> None:
    """The report's model-by-model table: each model's own held-out bands, fit points left
    out, models in order."""
    checks = [
        Check(_point("holdout", "itl_ms", 10.0, "b"), 11.0),  # +10 %
        Check(_point("holdout", "itl_ms", 20.0, "b"), 14.0),  # -30 %
        Check(_point("holdout", "itl_ms", 30.0, "a"), 30.3),  # +1 %
        Check(_point("fit", "itl_ms", 40.0, "c"), 80.0),  # in sample: not listed
    ]
    rows = [
        (m, b.metric, b.n, round(b.median, 3), round(b.worst, 3))
        for m, b in accuracy.by_model(checks)
    ]
    assert rows == [("a", "itl_ms", 1, 0.01, 0.01), ("b", "itl_ms", 2, 0.2, -0.3)]


def test_an_answer_shows_its_models_own_held_out_band_where_the_set_has_one() -> None:
    """Under the set's bands, the held-out bands of the answer's model alone (the closest
    evidence for it); nothing for a model the set holds no held-out points of."""
    band = {"split": "holdout", "metric": "itl_ms", "points": 66, "median_error_pct": 44.0,
            "worst_error_pct": 83.0, "target_pct": 25, "meets_target": False}  # fmt: skip
    err = {"efficiency": "x", "bands": [band], "by_model": {"gpt-oss-120b": [band]}}
    text = model_error_text(err, [], "gpt-oss-120b")
    assert (
        text.splitlines()[-1]
        == "  out of sample, gpt-oss-120b alone: ITL median 44 %, worst +83 % (n=66)"
    )
    assert "alone" not in model_error_text(err, [], "llama-3.1-70b")


def test_a_band_is_the_median_and_the_signed_worst_error() -> None:
    checks = [
        Check(_point("holdout", "ttft_ms", 100.0), 110.0),  # +10 %
        Check(_point("holdout", "ttft_ms", 200.0), 140.0),  # -30 %
        Check(_point("holdout", "ttft_ms", 50.0), 55.0),  # +10 %
        Check(_point("fit", "ttft_ms", 100.0), 95.0),  # -5 %
        Check(_point("holdout", "output_tokens_per_s", 1000.0), 1290.0),  # +29 %
    ]
    bands = {(b.split, b.metric): b for b in accuracy.bands(checks)}
    assert set(bands) == {
        ("fit", "ttft_ms"), ("holdout", "ttft_ms"), ("holdout", "output_tokens_per_s")
    }  # fmt: skip
    held = bands[("holdout", "ttft_ms")]
    assert held.n == 3 and math.isclose(held.median, 0.10) and math.isclose(held.worst, -0.30)
    assert not held.meets_target  # 30 % is outside the 25 % latency target
    assert bands[("holdout", "output_tokens_per_s")].meets_target  # 29 % within 30 %
    assert bands[("fit", "ttft_ms")].text() == "TTFT median 5 %, worst -5 % (n=1)"


@pytest.fixture
def kb_with_holdout(tmp_path: Path) -> KnowledgeBase:
    """The frozen KB with three held-out points whose published values no model could meet."""
    root = tmp_path / "kb"
    shutil.copytree(FROZEN, root)
    eff = root / "catalog" / "efficiency" / "hopper-trtllm.yaml"
    extra = "".join(
        f"  - {{id: far-{i}, source: nim-bench, model: llama-3.3-70b, precision: fp8, "
        f"accelerator: h100-sxm, tensor_parallel: 2, input_tokens: 200, output_tokens: 200, "
        f"concurrency: {c}, metric: itl_ms, published: {{value: {v}, source: nim-bench}}, "
        f"split: holdout, software: NIM 1.8.0, statistic: mean}}\n"
        for i, (c, v) in enumerate([(1, 1000.0), (5, 0.001), (25, 1.0)])
    )
    eff.write_text(eff.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra, encoding="utf-8")
    return KnowledgeBase.open(root, checked=True)


def test_held_out_points_never_enter_the_fit(
    kb: KnowledgeBase, kb_with_holdout: KnowledgeBase
) -> None:
    base, held = kb.efficiency("hopper-trtllm"), kb_with_holdout.efficiency("hopper-trtllm")
    assert base is not None and held is not None
    f = factors_of(base)
    assert score(evaluate(kb_with_holdout, held, f, "fit")) == score(evaluate(kb, base, f, "fit"))
    acc = accuracy.of_set(kb_with_holdout, held)
    band = acc.band("holdout", "itl_ms")
    assert band is not None and band.n == 3 and not band.meets_target
    assert acc.misses == (band,)
    assert {b.split for b in accuracy.of_set(kb, base).bands} == {"fit"}


def test_calibration_lists_both_splits(
    run_cli: RunCli, kb_with_holdout: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFARCH_KB", str(kb_with_holdout.root))
    code, out, _ = run_cli("size", "--calibration", "--json")
    assert code == 0
    sets = {s["id"]: s for s in json.loads(out)["efficiency"]}
    hopper = sets["hopper-trtllm"]
    held = [p for p in hopper["points"] if p["split"] == "holdout"]
    assert [p["id"] for p in held] == ["far-0", "far-1", "far-2"]
    assert [(b["split"], b["metric"], b["points"]) for b in hopper["bands"]] == [
        ("fit", "ttft_ms", 4), ("fit", "itl_ms", 10), ("fit", "output_tokens_per_s", 15),
        ("holdout", "itl_ms", 3),
    ]  # fmt: skip
    code, out, _ = run_cli("size", "--calibration")
    lines = out.splitlines()
    assert lines[lines.index("hopper-trtllm") + 4].startswith("  out of sample  ITL         median")
    assert lines[lines.index("hopper-trtllm") + 4].endswith("n=3  misses the +-25 % target")


def test_an_answer_carries_the_error_band_of_its_set(run_cli: RunCli) -> None:
    code, out, _ = run_cli(
        "size", "--model", "llama-3.3-70b", "--precision", "fp8", "--system", "dgx-h100",
        "--users", "100", "--input-tokens", "1000", "--output-tokens", "1000",
        "--ttft-ms", "2000", "--tokens-per-s", "20",
    )  # fmt: skip
    assert code == 0
    tail = out.splitlines()[-5:]
    assert tail[0] == (
        "model error of hopper-trtllm against published measurements "
        "(refarch size --calibration lists them):"
    )
    assert [line.split()[:3] for line in tail[1:]] == [
        ["in", "sample", "TTFT"], ["in", "sample", "ITL"], ["in", "sample", "throughput"],
        ["out", "of", "sample"],
    ]  # fmt: skip
    assert tail[4] == "  out of sample  no points"  # the frozen KB holds no held-out points
    code, out, _ = run_cli(
        "size", "--model", "llama-3.3-70b", "--precision", "fp8", "--system", "dgx-h100",
        "--users", "100", "--input-tokens", "1000", "--output-tokens", "1000",
        "--ttft-ms", "2000", "--tokens-per-s", "20", "--json",
    )  # fmt: skip
    doc = json.loads(out)
    assert [e["efficiency"] for e in doc["model_error"]] == ["hopper-trtllm"]
    assert {b["split"] for b in doc["model_error"][0]["bands"]} == {"fit"}
    assert doc["outside_measured"] == []  # Llama 3.3 70B at TP 2 were both measured
    assert doc["model_error"][0]["by_model"] == {}  # the frozen KB holds no held-out points


def test_an_answer_says_what_of_it_lies_outside_the_published_measurements(
    run_cli: RunCli,
) -> None:
    """Qwen2.5-72B forced to TP 4 on DGX H100: the frozen hopper-trtllm set measured neither
    the model nor that tensor-parallel size (its points: Llama 3.1 8B, 3.3 70B, 3.1 405B at TP
    1, 2, 8), so the answer says both are extrapolated, in text and JSON, and so does a
    comparison of two systems."""
    argv = (
        "size", "--model", "qwen2.5-72b", "--precision", "fp8", "--system", "dgx-h100",
        "--users", "100", "--input-tokens", "1000", "--output-tokens", "1000",
        "--ttft-ms", "2000", "--tokens-per-s", "20", "--tensor-parallel", "4",
    )  # fmt: skip
    code, out, _ = run_cli(*argv)
    assert code == 0
    assert out.splitlines()[-1] == (
        "  outside the published measurements: tensor parallel 4 (measured: 1, 2, 8); model "
        "qwen2.5-72b (measured: llama-3.1-405b, llama-3.1-8b, llama-3.3-70b)"
    )
    code, out, _ = run_cli(*argv, "--json")
    doc = json.loads(out)
    assert doc["tensor_parallel"] == 4
    assert doc["outside_measured"] == [
        "tensor parallel 4 (measured: 1, 2, 8)",
        "model qwen2.5-72b (measured: llama-3.1-405b, llama-3.1-8b, llama-3.3-70b)",
    ]
    assert doc["model_error"][0]["measured"] == {
        "models": ["llama-3.1-405b", "llama-3.1-8b", "llama-3.3-70b"],
        "tensor_parallel": [1, 2, 8],
    }
    compared = ("--compare", "dgx-h100,dgx-h200")
    code, out, _ = run_cli(*argv[:5], *compared, *argv[7:])
    assert code == 0
    assert out.splitlines()[-1] == (
        "  outside the published measurements: dgx-h100: tensor parallel 4 (measured: 1, 2, 8); "
        "model qwen2.5-72b (measured: llama-3.1-405b, llama-3.1-8b, llama-3.3-70b); "
        "dgx-h200: tensor parallel 4 (measured: 1, 2, 8)"
    )  # the model once, the tensor-parallel size per system


def test_live_kb_splits_by_source_or_workload_never_point_by_point(live_kb: KnowledgeBase) -> None:
    for eff in live_kb.efficiencies():
        groups: dict[tuple[object, ...], set[str]] = defaultdict(set)
        for p in eff.calibration:
            key = (p.source, p.model, p.accelerator, p.precision, p.tensor_parallel,
                   p.input_tokens, p.output_tokens)  # fmt: skip
            groups[key].add(p.split)
        assert [k for k, splits in groups.items() if len(splits) > 1] == [], eff.id
        for p in eff.calibration:
            if p.split == "holdout":
                assert p.software and p.statistic, (eff.id, p.id)


def test_live_kb_has_held_out_points_for_every_set(live_kb: KnowledgeBase) -> None:
    for eff in live_kb.efficiencies():
        assert any(p.split == "holdout" for p in eff.calibration), eff.id
    assert model_error(live_kb, "hopper-trtllm")["bands"]


def test_the_accuracy_report_is_generated_from_the_kb(live_kb: KnowledgeBase) -> None:
    """architectures/ACCURACY.md is `make accuracy`'s output for the live KB."""
    written = (ROOT / REPORT_PATH).read_text(encoding="utf-8")
    assert written == accuracy_markdown(live_kb), "run `make accuracy` and commit the report"


def test_closed_loop_ttft_is_reported_not_fitted(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "kb"
    shutil.copytree(FROZEN, root)
    eff = root / "catalog" / "efficiency" / "hopper-trtllm.yaml"
    point = (
        "  - {id: burst, source: nim-bench, model: llama-3.3-70b, precision: fp8, "
        "accelerator: h100-sxm, tensor_parallel: 2, input_tokens: 5000, output_tokens: 500, "
        "concurrency: 25, metric: ttft_ms, published: {value: 688.69, source: nim-bench}}\n"
    )
    eff.write_text(eff.read_text(encoding="utf-8").rstrip("\n") + "\n" + point, encoding="utf-8")
    kb = KnowledgeBase.open(root, checked=True)
    entry = kb.efficiency("hopper-trtllm")
    assert entry is not None
    burst = next(c for c in evaluate(kb, entry, split="fit") if c.point.id == "burst")
    rest = [c for c in evaluate(kb, entry, split="fit") if c.point.id != "burst"]
    assert score([burst, *rest]) == score(rest)  # the fit never reads it
    monkeypatch.setenv("REFARCH_KB", str(root))
    code, out, _ = run_cli("size", "--calibration")
    line = next(ln for ln in out.splitlines() if ln.strip().startswith("burst "))
    assert line.endswith("not fitted (closed-loop TTFT)")
    doc = json.loads(run_cli("size", "--calibration", "--json")[1])
    hopper = next(s for s in doc["efficiency"] if s["id"] == "hopper-trtllm")
    assert [p["fitted"] for p in hopper["points"] if p["id"] == "burst"] == [False]


def test_a_saturated_estimate_is_shown_as_such_never_as_infinity() -> None:
    """An estimate the model calls saturated (prefill load of 1 or more) is infinite: JSON
    gets null (JSON has no Infinity), text says saturated."""
    from linter.sizing.calibration_report import _band_json, band_lines

    checks = [
        Check(_point("holdout", "ttft_ms", 100.0), math.inf),
        Check(_point("holdout", "ttft_ms", 200.0), 220.0),
    ]
    (band,) = accuracy.bands(checks)
    doc = _band_json(band)
    assert (doc["worst_error_pct"], doc["median_error_pct"]) == (None, None)
    json.dumps(doc, allow_nan=False)  # valid JSON
    assert band_lines([doc]).splitlines()[1] == (
        "  out of sample  TTFT        median saturated  worst saturated  n=2"
        "  misses the +-25 % target"
    )
