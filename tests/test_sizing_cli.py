"""`refarch size`: the table, --json, --compare, --calibration and bad input."""

from __future__ import annotations

import json

from conftest import RunCli

ARGS = (
    "size",
    "--model",
    "llama-3.3-70b",
    "--precision",
    "fp8",
    "--users",
    "1000",
    "--input-tokens",
    "5000",
    "--output-tokens",
    "500",
    "--ttft-ms",
    "1000",
)


def test_table(run_cli: RunCli) -> None:
    code, out, err = run_cli(*ARGS, "--tokens-per-s", "17", "--system", "dgx-h100")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "llama-3.3-70b fp8, 1,000 users, 5,000 in / 500 out, TTFT P99 <= 1000 ms, "
        ">= 17 tokens/s per user on dgx-h100"
    )
    assert "  tensor parallel    8 (smallest that fits: 2)" in lines
    assert "  GPUs               176 h100-sxm (176 installed)" in lines
    assert "  TTFT               986.5 ms (P99; mean 273.2 ms)" in lines
    assert "  IT power           224.4 kW" in lines
    assert "  cooling            rear-door (rear-door-active)" in lines
    assert "  bottleneck         compute" in lines
    # energy from the same result: facility kW x 8760 h, and per million output tokens
    data = json.loads(run_cli(*ARGS, "--tokens-per-s", "17", "--system", "dgx-h100", "--json")[1])
    mwh = data["facility_kw"] * 8760 / 1000
    kwh = data["facility_kw"] * 1e6 / (data["output_tokens_per_s"] * 3600)
    assert (
        f"  annual energy      {mwh:,.0f} MWh (facility kW x 8760 h: the sized load all year, "
        "an upper bound; refarch cost takes a utilisation and a tariff)" in lines
    )
    assert (
        f"  energy per token   {kwh:,.2f} kWh per million output tokens (facility kW x 10^6 / "
        "(output tokens/s x 3600 s))" in lines
    )


def test_json_has_the_contract_fields(run_cli: RunCli) -> None:
    code, out, _ = run_cli(*ARGS, "--itl-ms", "50", "--system", "dgx-b200", "--json")
    assert code == 0
    d = json.loads(out)
    for key in (
        "tensor_parallel",
        "replicas",
        "gpus",
        "systems",
        "racks",
        "it_kw",
        "facility_kw",
        "cooling",
        "ttft_ms",
        "tokens_per_s_per_user",
        "bottleneck",
        "assumptions",
    ):
        assert key in d, key
    assert d["system"] == "dgx-b200" and d["efficiency"] == "blackwell-trtllm"
    assert d["tokens_per_s_per_user"] >= 20  # --itl-ms 50
    assert d["bottleneck"] in ("memory", "bandwidth", "compute", "kv-cache")
    assert d["it_kw"] == d["systems"] * 14.3


def test_compare_one_row_per_system(run_cli: RunCli) -> None:
    code, out, _ = run_cli(
        *ARGS, "--tokens-per-s", "17", "--ttft-percentile", "mean",
        "--compare", "dgx-h100,dgx-h200,dgx-b200,gb200-nvl72",
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[1].split() == [
        "system",
        "TP",
        "replicas",
        "GPUs",
        "systems",
        "racks",
        "IT",
        "kW",
        "facility",
        "kW",
        "cooling",
        "TTFT",
        "ms",
        "tok/s/user",
        "bottleneck",
    ]
    assert [ln.split()[0] for ln in lines[2:6]] == [
        "dgx-h100",
        "dgx-h200",
        "dgx-b200",
        "gb200-nvl72",
    ]
    assert lines[2].split()[:6] == ["dgx-h100", "2", "24", "48", "6", "2"]
    code, out, _ = run_cli(
        *ARGS, "--tokens-per-s", "17", "--compare", "dgx-h100,gb200-nvl72", "--json"
    )
    rows = json.loads(out)["results"]
    assert [r["system"] for r in rows] == ["dgx-h100", "gb200-nvl72"]


def test_compare_reports_a_system_that_cannot_fit(run_cli: RunCli) -> None:
    code, out, _ = run_cli(
        "size",
        "--model",
        "llama-3.1-405b",
        "--precision",
        "bf16",
        "--users",
        "10",
        "--input-tokens",
        "1000",
        "--output-tokens",
        "100",
        "--ttft-ms",
        "5000",
        "--tokens-per-s",
        "10",
        "--compare",
        "dgx-h100,dgx-h200",
    )
    assert code == 0
    assert out.splitlines()[2].split() == ["dgx-h100"] + ["-"] * 10 + ["refused"]
    assert "dgx-h100: llama-3.1-405b at bf16 does not fit one replica on dgx-h100" in out


def test_refusal_is_exit_2_with_the_explanation(run_cli: RunCli) -> None:
    code, out, err = run_cli(
        "size",
        "--model",
        "llama-3.1-405b",
        "--precision",
        "bf16",
        "--users",
        "10",
        "--input-tokens",
        "1000",
        "--output-tokens",
        "100",
        "--ttft-ms",
        "5000",
        "--tokens-per-s",
        "10",
        "--system",
        "dgx-h100",
    )
    assert (code, out) == (2, "")
    assert err.startswith("refarch: error: llama-3.1-405b at bf16 does not fit one replica")
    code, _, err = run_cli(*ARGS, "--ttft-ms", "5", "--tokens-per-s", "17", "--system", "dgx-h100")
    assert code == 2 and "below the physical floor of 46.3 ms" in err


def test_unknown_ids_and_missing_arguments(run_cli: RunCli) -> None:
    code, _, err = run_cli(*ARGS, "--tokens-per-s", "17", "--system", "dgx-h10")
    assert code == 2 and "unknown system 'dgx-h10' (did you mean dgx-h100" in err
    code, _, err = run_cli(
        "size",
        "--model",
        "lama-3.3-70b",
        "--precision",
        "fp8",
        "--users",
        "1",
        "--input-tokens",
        "1",
        "--output-tokens",
        "1",
        "--ttft-ms",
        "100",
        "--tokens-per-s",
        "1",
        "--system",
        "dgx-h100",
    )
    assert code == 2 and "unknown model 'lama-3.3-70b' (did you mean llama-3.3-70b" in err
    code, _, err = run_cli("size", "--model", "llama-3.3-70b", "--system", "dgx-h100")
    assert code == 2 and "missing --precision, --users" in err
    assert "Traceback" not in err


def test_calibration_table(run_cli: RunCli) -> None:
    code, out, _ = run_cli("size", "--calibration", "--json")
    assert code == 0
    sets = {s["id"]: s["points"] for s in json.loads(out)["efficiency"]}
    assert set(sets) == {"blackwell-trtllm", "hopper-trtllm"}
    assert all(p["ok"] for pts in sets.values() for p in pts)
    code, out, _ = run_cli("size", "--calibration")
    assert "l70b-h100-tp2-5000-500-c1-ttft" in out and "OUT OF TOLERANCE" not in out


def test_requests_per_s_gives_users_by_littles_law(run_cli: RunCli) -> None:
    i = ARGS.index("--users")
    rate_args = [*ARGS[:i], *ARGS[i + 2 :]]
    code, out, _ = run_cli(
        *rate_args, "--requests-per-s", "3", "--tokens-per-s", "20", "--system", "dgx-h100"
    )
    assert code == 0
    # 3 requests/s x (1 s TTFT + 500 tokens / 20 tokens/s = 26 s) = 78 users in flight
    assert out.splitlines()[0] == (
        "users: 78 = 3 requests/s x (1000 ms TTFT + 500 tokens / 20 tokens/s), by Little's law"
    )
    assert ", 78 users, " in out.splitlines()[1]
    code, _, err = run_cli(*ARGS, "--requests-per-s", "3", "--tokens-per-s", "20")
    assert code == 2 and "not allowed with argument --users" in err
    code, _, err = run_cli(*rate_args, "--requests-per-s", "-1", "--tokens-per-s", "20",
                           "--system", "dgx-h100")  # fmt: skip
    assert code == 2 and "--requests-per-s must be above 0" in err


def test_ttft_percentile_option(run_cli: RunCli) -> None:
    base = (*ARGS, "--tokens-per-s", "17", "--system", "dgx-h100", "--json")
    p99 = json.loads(run_cli(*base)[1])
    mean = json.loads(run_cli(*base, "--ttft-percentile", "mean")[1])
    p50 = json.loads(run_cli(*base, "--ttft-percentile", "50")[1])
    assert (p99["ttft_percentile"], mean["ttft_percentile"], p50["ttft_percentile"]) == (
        99, None, 50,
    )  # fmt: skip
    # The stricter the percentile, the more GPUs the same 1 s target needs.
    assert p99["gpus"] > mean["gpus"] >= p50["gpus"]
    assert mean["ttft_ms"] == mean["ttft_mean_ms"] and p99["ttft_ms"] > p99["ttft_mean_ms"]


def test_curve_is_a_frontier(run_cli: RunCli) -> None:
    args = ("size", "--curve", "--model", "llama-3.3-70b", "--precision", "fp8",
            "--input-tokens", "1000", "--output-tokens", "1000")  # fmt: skip
    code, out, _ = run_cli(
        *args, "--compare", "dgx-h100,dgx-b200", "--json", "--curve-points", "25"
    )
    assert code == 0
    doc = json.loads(out)
    assert [c["system"] for c in doc["curves"]] == ["dgx-h100", "dgx-b200"]
    for c in doc["curves"]:
        users = [p["tokens_per_s_per_user"] for p in c["frontier"]]
        gpus = [p["tokens_per_s_per_gpu"] for p in c["frontier"]]
        assert users == sorted(users, reverse=True) and gpus == sorted(gpus)
        assert len(c["frontier"]) <= c["evaluated"] <= 25 * 8  # at most 25 batches per TP
        assert c["frontier"][0]["batch"] == 1  # the most interactive point is one sequence
    code, out, _ = run_cli(*args, "--system", "dgx-h100", "--curve-points", "25")
    assert code == 0 and out.splitlines()[0].startswith("dgx-h100 (hopper-trtllm): ")
    assert out.splitlines()[1].split() == [
        "tok/s/user",
        "tok/s/GPU",
        "TP",
        "batch",
        "mean",
        "TTFT",
        "ms",
    ]
    code, _, err = run_cli("size", "--curve", "--model", "llama-3.3-70b", "--system", "dgx-h100")
    needs = "--precision, --input-tokens, --output-tokens"
    assert (code, err) == (2, f"refarch: error: --curve needs {needs} (see refarch size --help)\n")
    code, _, err = run_cli(*args, "--system", "dgx-h100", "--curve-points", "0")
    assert code == 2 and "--curve-points must be between 1 and 100,000" in err


def test_output_tokens_cv_option(run_cli: RunCli) -> None:
    """A spread of output lengths (reasoning traces: MLPerf's DeepSeek-R1 set has 1.25) keeps
    the long outputs in flight: each decode step reads a longer context, so a bandwidth-bound
    answer needs more GPUs (here 32 -> 44), and the heading says which spread it sized."""
    base = ("size", "--model", "llama-3.3-70b", "--precision", "fp8", "--users", "2000",
            "--input-tokens", "1000", "--output-tokens", "4000", "--ttft-ms", "5000",
            "--tokens-per-s", "30", "--system", "dgx-h100")  # fmt: skip
    equal = json.loads(run_cli(*base, "--json")[1])
    spread = json.loads(run_cli(*base, "--json", "--output-tokens-cv", "1.25")[1])
    assert (equal["gpus"], equal["max_sequences_per_replica"]) == (32, 527)
    assert (spread["gpus"], spread["max_sequences_per_replica"]) == (44, 185)
    code, out, _ = run_cli(*base, "--output-tokens-cv", "1.25")
    assert code == 0 and out.startswith(
        "llama-3.3-70b fp8, 2,000 users, 1,000 in / 4,000 out (cv 1.25), TTFT P99 <= 5000 ms"
    )
    for bad in ("-0.5", "11"):
        code, out, err = run_cli(*base, "--output-tokens-cv", bad)
        assert (code, out) == (2, "")
        assert err == "refarch: error: --output-tokens-cv must be between 0 and 10\n"


def test_the_curve_takes_the_spread_of_output_lengths(run_cli: RunCli) -> None:
    """The curve of a spread workload reads the longer context: at every batch the speed per
    user is lower than with equal lengths, and the JSON says which spread it drew."""
    args = ("size", "--curve", "--model", "llama-3.3-70b", "--precision", "fp8", "--system",
            "dgx-h100", "--input-tokens", "1000", "--output-tokens", "4000", "--json")  # fmt: skip
    equal = json.loads(run_cli(*args)[1])
    spread = json.loads(run_cli(*args, "--output-tokens-cv", "1.25")[1])
    assert "output_tokens_cv" not in equal and spread["output_tokens_cv"] == 1.25
    speeds = {
        (p["tensor_parallel"], p["batch"]): p["tokens_per_s_per_user"]
        for p in equal["curves"][0]["frontier"]
    }
    shared = [
        p for p in spread["curves"][0]["frontier"] if (p["tensor_parallel"], p["batch"]) in speeds
    ]
    assert shared and all(
        p["tokens_per_s_per_user"] < speeds[(p["tensor_parallel"], p["batch"])] for p in shared
    )
    code, out, err = run_cli(*args, "--output-tokens-cv", "11")
    assert (code, out, err) == (
        2,
        "",
        "refarch: error: --output-tokens-cv must be between 0 and 10\n",
    )
