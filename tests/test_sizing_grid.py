"""The sizing form's grid (site_src/sizing-grid.json) is the engine's answers for the KB that
ships: it does not drift, and each answer is what `refarch size` prints."""

from __future__ import annotations

import json

import pytest
from conftest import LIVE_KB, RunCli

from linter.kb.store import KnowledgeBase
from linter.site import sizing_grid


@pytest.fixture(scope="module")
def committed() -> dict:
    return json.loads(sizing_grid.DEFAULT_FILE.read_text(encoding="utf-8"))


def test_grid_does_not_drift(live_kb: KnowledgeBase, committed: dict) -> None:
    fresh = sizing_grid.compute(live_kb)
    assert fresh == committed, "regenerate with: python -m linter.site.sizing_grid"


@pytest.mark.parametrize(
    "key",
    [
        "llama-3.3-70b|dgx-h100|fp8|chat|interactive|1000",
        "llama-3.1-8b|hgx-h200-8gpu|fp8|rag|fast|100",
        "qwen3-235b-a22b|dgx-b200|fp4|reasoning|relaxed|10000",
        "deepseek-v3|dgx-h100|fp8|chat|interactive|100",
    ],
)
def test_an_answer_is_what_refarch_size_prints(committed: dict, run_cli: RunCli, key: str) -> None:
    model, system, precision, workload, target, users = key.split("|")
    w, t = committed["workloads"][workload], committed["targets"][target]
    argv = ["--kb", str(LIVE_KB), "size", "--json", "--model", model, "--precision", precision]
    argv += ["--system", system, "--users", users, "--input-tokens", str(w["input_tokens"])]
    argv += ["--output-tokens", str(w["output_tokens"]), "--ttft-ms", str(t["ttft_ms"])]
    argv += ["--tokens-per-s", str(t["tokens_per_s"])]
    code, out, err = run_cli(*argv)
    answer = committed["results"][key]
    if isinstance(answer, str):
        assert code == 2
        assert err == f"refarch: error: {answer}\n"
        return
    assert code == 0, err
    printed = json.loads(out)
    expected = [sizing_grid._round(printed[f]) for f in committed["fields"]]
    assert answer == expected
