"""An answer re-counted at the largest held-out throughput over-estimate of its efficiency set:
the replicas, GPUs, systems, racks and power it takes if each replica falls that far short."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

from conftest import RunCli

from linter.kb.store import KnowledgeBase
from linter.sizing.calibration import evaluate
from linter.sizing.result import systems_for
from linter.sizing.shortfall import largest_over_estimate

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "tests" / "kb"
EFFICIENCY = Path("catalog") / "efficiency" / "hopper-trtllm.yaml"
# The README's sizing example: on the frozen KB, 22 replicas of TP 8 on 22 DGX H100 (8 GPUs,
# 10.2 kW each, 4 per rack: 6 racks, 224.4 kW IT) at the frozen PUE of 1.58.
ARGV = (
    "size", "--model", "llama-3.3-70b", "--precision", "fp8", "--system", "dgx-h100",
    "--users", "1000", "--input-tokens", "5000", "--output-tokens", "500",
    "--ttft-ms", "1000", "--tokens-per-s", "17",
)  # fmt: skip


def _held_out(point: str, new_id: str, published: float) -> str:
    """A copy of the frozen throughput point ``point`` as a held-out point of ``published``."""
    text = (FROZEN / EFFICIENCY).read_text(encoding="utf-8")
    start = text.index(f"  - id: {point}\n")
    end = text.index("\n  - id: ", start + 1)
    block = text[start:end].replace(f"id: {point}", f"id: {new_id}")
    block = block.split("    published:")[0]
    return (
        block + f"    published: {{value: {published}, source: trtllm-perf}}\n    split: holdout\n"
    )


def _kb_with_held_out_points(tmp_path: Path) -> Path:
    """The frozen KB plus two held-out throughputs in hopper-trtllm: Llama 3.3 70B published
    at 1/1.2 of a fitted point's value, Llama 3.1 8B at half of one (a larger over-estimate,
    of another model)."""
    kb = Path(shutil.copytree(FROZEN, tmp_path / "kb"))
    path = kb / EFFICIENCY
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    text += _held_out("l70b-h100-tp2-5000-500-max-throughput", "held-70b", 898 / 1.2)
    text += _held_out("l8b-h100-tp1-1000-1000-max-throughput", "held-8b", 15220 / 2)
    path.write_text(text, encoding="utf-8")
    return kb


def test_systems_hold_whole_replicas_or_a_replica_spans_whole_systems() -> None:
    assert systems_for(5, 2, 8) == 2  # four TP 2 replicas per 8-GPU system
    assert systems_for(8, 2, 8) == 2
    assert systems_for(3, 16, 8) == 6  # each TP 16 replica spans two 8-GPU systems
    assert systems_for(7, 8, 4) == 14


def test_the_answers_own_model_comes_before_the_set() -> None:
    """The answer's model's own held-out throughputs where the set has some; else the set's
    largest over-estimate; none where no held-out throughput is over-estimated."""
    band = {"split": "holdout", "metric": "output_tokens_per_s", "highest_error_pct": 51.0}
    own = {**band, "highest_error_pct": 20.0}
    err = {"efficiency": "hopper-trtllm", "bands": [band], "by_model": {"llama-3.3-70b": [own]}}
    assert largest_over_estimate(err, "llama-3.3-70b") == (0.2, "llama-3.3-70b alone")
    assert largest_over_estimate(err, "qwen2.5-72b") == (0.51, "hopper-trtllm")
    under = {**band, "highest_error_pct": -13.0}
    assert largest_over_estimate({"efficiency": "x", "bands": [under]}, "m") is None
    latency = {**band, "metric": "itl_ms"}
    assert largest_over_estimate({"efficiency": "x", "bands": [latency]}, "m") is None


def test_an_answer_is_recounted_at_its_models_largest_over_estimate(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """With held-out throughputs in the set, the answer says what covering the largest
    over-estimate of its own model takes: (1 + error) times the replicas, counted into GPUs,
    systems, racks and power as the answer itself is. The frozen KB alone has none."""
    code, out, _ = run_cli("--kb", str(FROZEN), *ARGV)
    assert code == 0 and "covering the largest" not in out
    kb = _kb_with_held_out_points(tmp_path)
    opened = KnowledgeBase.open(kb)
    entry = opened.efficiency("hopper-trtllm")
    assert entry is not None
    checks = {c.point.id: c for c in evaluate(opened, entry, split="holdout")}
    error = checks["held-70b"].error
    assert checks["held-8b"].error > error  # the set's largest is another model's
    replicas = math.ceil(22 * (1 + error))
    systems = replicas  # one TP 8 replica per 8-GPU system
    racks = math.ceil(systems / 4)
    code, out, _ = run_cli("--kb", str(kb), *ARGV)
    assert code == 0
    assert out.splitlines()[-1] == (
        f"  covering the largest held-out throughput over-estimate (+{error * 100:.0f} %, "
        f"llama-3.3-70b alone): {replicas} replicas, {replicas * 8} GPUs, {systems} systems, "
        f"{racks} racks, {systems * 10.2:,.1f} kW IT, {systems * 10.2 * 1.58:,.1f} kW facility"
    )
    code, out, _ = run_cli("--kb", str(kb), *ARGV, "--json")
    doc = json.loads(out)
    assert doc["replicas"] == 22
    assert doc["at_measured_error"] == {
        "over_pct": round(error * 100, 1),
        "basis": "llama-3.3-70b alone",
        "replicas": replicas,
        "gpus": replicas * 8,
        "systems": systems,
        "racks": racks,
        "it_kw": round(systems * 10.2, 3),
        "facility_kw": round(systems * 10.2 * 1.58, 3),
    }


def test_a_comparison_recounts_each_system_under_one_heading(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """`--compare` prints the re-count system by system under its set's bands, the same
    numbers its JSON gives."""
    kb = _kb_with_held_out_points(tmp_path)
    argv = (*ARGV[:5], "--compare", "dgx-h100,dgx-h200", *ARGV[7:])
    code, out, _ = run_cli("--kb", str(kb), *argv, "--json")
    assert code == 0
    rows = {r["system"]: r["at_measured_error"] for r in json.loads(out)["results"]}
    assert set(rows) == {"dgx-h100", "dgx-h200"}
    code, out, _ = run_cli("--kb", str(kb), *argv)
    assert code == 0
    over = rows["dgx-h100"]["over_pct"]
    expected = [
        f"  covering the largest held-out throughput over-estimate (+{over:.0f} %, "
        "llama-3.3-70b alone):"
    ]
    for sid in ("dgx-h100", "dgx-h200"):
        r = rows[sid]
        expected.append(
            f"    {sid}  {r['replicas']} replicas, {r['gpus']} GPUs, {r['systems']} systems, "
            f"{r['racks']} racks, {r['it_kw']:,.1f} kW IT, {r['facility_kw']:,.1f} kW facility"
        )
    assert out.splitlines()[-3:] == expected
