"""`refarch cost`: a year of running a plan, each line with its arithmetic, from the frozen
KB; tokens per kWh from the plan's sized inference workload."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FROZEN_PLANS, RunCli

from linter.kb.store import KnowledgeBase

TRAINING = str(FROZEN_PLANS / "training-slow-restore.yaml")  # 32 x DGX H100, no plan PUE


def test_training_plan_year(run_cli: RunCli) -> None:
    code, out, err = run_cli(
        "cost", TRAINING, "--utilisation", "70", "--tariff", "0.12", "--currency", "USD",
        "--grid-intensity", "350", "--wue", "1.8", "--json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    lines = {line["name"]: line for line in json.loads(out)["lines"]}
    it_kw = 32 * 10.2 * 2  # two SUs of 8 racks x 4 DGX H100 at 10.2 kW
    assert lines["IT power"]["value"] == it_kw
    mwh = it_kw * 0.70 * 1.58 * 8760 / 1000  # PUE: the frozen KB's latest survey average
    assert abs(lines["annual energy"]["value"] - mwh) < 1e-6
    assert lines["annual energy"]["formula"] == (
        "652.8 kW x 70 % x PUE 1.58 (pue.averages[6] (survey average 2023)) x 8760 h"
    )
    assert abs(lines["energy cost"]["value"] - mwh * 1000 * 0.12) < 1e-6
    assert abs(lines["carbon"]["value"] - mwh * 350 / 1000) < 1e-9
    assert abs(lines["water"]["value"] - it_kw * 0.7 * 8760 / 1000 * 1.8) < 1e-9
    assert "tokens per kWh" not in lines


def test_training_goodput_lines(run_cli: RunCli) -> None:
    """2,048 DGX H100 (8 spares) checkpointing every six hours: the year's useful GPU-hours."""
    plan = str(FROZEN_PLANS / "training-2048-nodes.yaml")
    code, out, _ = run_cli("cost", plan, "--tariff", "0.1", "--currency", "USD", "--json")
    assert code == 0
    data = json.loads(out)
    lines = {line["name"]: line for line in data["lines"]}
    share = lines["goodput"]["value"] / 100
    assert round(share * 100, 1) == 30.8
    assert lines["useful GPU-hours"]["value"] == 16320 * 8760 * share
    assert lines["useful GPU-hours"]["formula"] == "16,320 GPUs x 8760 h x 30.8 % goodput"
    per = lines["energy cost"]["value"] / lines["useful GPU-hours"]["value"]
    assert lines["energy cost per useful GPU-hour"]["value"] == per
    assert lines["energy cost per useful GPU-hour"]["unit"] == "USD"
    assert data["notes"][-1].startswith("rate from the Llama 3 405B run (16,384 H100, 54 days)")


def test_without_utilisation_it_says_upper_bound(run_cli: RunCli) -> None:
    code, out, _ = run_cli("cost", TRAINING)
    assert code == 0
    assert out.splitlines()[-1] == (
        "  note: utilisation not given: 100 % of system maximum power, an upper bound"
    )


def test_inference_tokens_per_kwh(run_cli: RunCli, tmp_path: Path) -> None:
    plan = tmp_path / "hall.yaml"
    code, _, err = run_cli(
        "size", "--model", "llama-3.3-70b", "--precision", "fp8", "--system", "dgx-h100",
        "--users", "1000", "--input-tokens", "5000", "--output-tokens", "500", "--ttft-ms",
        "1000", "--tokens-per-s", "17", "--emit-plan", str(plan),
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run_cli("size", "--model", "llama-3.3-70b", "--precision", "fp8", "--system",
                           "dgx-h100", "--users", "1000", "--input-tokens", "5000",
                           "--output-tokens", "500", "--ttft-ms", "1000", "--tokens-per-s", "17",
                           "--json")  # fmt: skip
    sized = json.loads(out)
    code, out, err = run_cli("cost", str(plan), "--tariff", "0.10", "--currency", "EUR", "--json")
    assert (code, err) == (0, "")
    lines = {line["name"]: line for line in json.loads(out)["lines"]}
    per_kwh = sized["output_tokens_per_s"] * 3600 / sized["facility_kw"]
    assert abs(lines["tokens per kWh"]["value"] - per_kwh) < 1e-6
    assert abs(lines["energy cost per million tokens"]["value"] - 0.10 * 1e6 / per_kwh) < 1e-9
    assert lines["energy cost per million tokens"]["unit"] == "EUR"


def test_bad_input(run_cli: RunCli, tmp_path: Path) -> None:
    assert run_cli("cost", TRAINING, "--utilisation", "150")[0::2] == (
        2,
        "refarch: error: --utilisation 150 is above 100 %\n",
    )
    code, _, err = run_cli("cost", TRAINING, "--tariff", "-1")
    assert code == 2 and "must be a finite number >= 0" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("plan: x\nreference: nope\nfacility: {cooling: air}\nracks: []\n", "utf-8")
    code, _, err = run_cli("cost", str(bad))
    assert code == 2
    assert err.startswith(f"refarch: error: {bad}:2:12: VAL001 ")


def test_build_versus_cloud(run_cli: RunCli) -> None:
    """2,040 p5.48xlarge for 16,320 H100 at 70 %: the dated on-demand price, the user's capital
    over its lifetime plus energy, and the difference (all in USD)."""
    plan = str(FROZEN_PLANS / "training-2048-nodes.yaml")
    code, out, _ = run_cli(
        "cost", plan, "--utilisation", "70", "--tariff", "0.1", "--currency", "USD",
        "--capex", "600000000", "--lifetime-years", "5", "--json",
    )  # fmt: skip
    assert code == 0
    lines = {line["name"]: line for line in json.loads(out)["lines"]}
    cloud = lines["cloud on-demand (AWS p5.48xlarge, price of Q1 2026)"]
    assert cloud["value"] == 2040 * 8760 * 0.70 * 98.32
    assert cloud["formula"].startswith(
        "16,320 h100-sxm GPUs / 8 = 2,040 instances x 8760 h x 70 % x 98.32 USD/h (us-east-1); "
        "awsnegotiations-2026 gives ~98.30"
    )
    assert lines["capital per year"]["value"] == 120_000_000
    build = 120_000_000 + lines["energy cost"]["value"]
    assert lines["build per year"]["value"] == build
    assert lines["cloud minus build"]["value"] == cloud["value"] - build


def test_no_cloud_price_is_said_not_guessed(run_cli: RunCli, tmp_path: Path) -> None:
    plan = tmp_path / "b200.yaml"
    plan.write_text(
        "plan: b\nreference: dgx-superpod-b200@2026.11\nfacility: {cooling: air}\n"
        "racks: [{id: r, systems: [{model: dgx-b200, count: 1}]}]\n",
        "utf-8",
    )
    code, out, _ = run_cli("cost", str(plan), "--json")
    assert code == 0
    data = json.loads(out)
    assert not [line for line in data["lines"] if line["name"].startswith("cloud")]
    assert "no dated cloud on-demand price for b200 in standards/cloud-prices" in data["notes"]


def test_capex_needs_a_lifetime(run_cli: RunCli) -> None:
    assert run_cli("cost", TRAINING, "--capex", "1000")[0::2] == (
        2,
        "refarch: error: --capex and --lifetime-years go together (capital per year)\n",
    )
    code, _, err = run_cli("cost", TRAINING, "--capex", "-5", "--lifetime-years", "3")
    assert code == 2 and "must be a finite number >= 0" in err


def test_sizing_page_energy_per_million_tokens(kb: KnowledgeBase) -> None:
    """The sizing page's last column: facility kWh per million output tokens per system, the
    same arithmetic as `refarch cost`'s energy cost per million tokens without the tariff."""
    from linter.site.escape import number
    from linter.site.sizing import KWH_PER_MILLION, headline, sizing_json

    example = {
        "model": "llama-3.3-70b", "precision": "fp8", "system": "dgx-h100", "users": 1000,
        "input_tokens": 5000, "output_tokens": 500, "ttft_ms": 1000, "tokens_per_s": 17,
        "compare": "dgx-h100,dgx-b200",
    }  # fmt: skip
    data = sizing_json(kb, example)
    headers, rows = headline(data)
    assert headers[-1] == KWH_PER_MILLION
    for result, row in zip(data["results"], rows, strict=True):
        kwh = result["facility_kw"] * 1e6 / (result["output_tokens_per_s"] * 3600)
        assert row[-1] == number(round(kwh, 2))
    assert [row[0] for row in rows] == ["dgx-h100", "dgx-b200"]


def test_the_plans_own_cost_figures(run_cli: RunCli, tmp_path: Path) -> None:
    """A plan's `costs` block stands in for the options; an option given wins."""
    text = (FROZEN_PLANS / "training-2048-nodes.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "own.yaml"
    plan.write_text(
        text + "costs: {currency: USD, capex: 600000000, lifetime_years: 5, tariff_per_kwh: 0.1,"
        " utilisation_pct: 70}\n",
        "utf-8",
    )
    code, out, _ = run_cli("cost", str(plan), "--json")
    assert code == 0
    lines = {line["name"]: line for line in json.loads(out)["lines"]}
    assert lines["capital per year"]["value"] == 120_000_000
    assert lines["energy cost"]["unit"] == "USD"
    assert "x 70 % x PUE" in lines["annual energy"]["formula"]
    code, out, _ = run_cli("cost", str(plan), "--tariff", "0.2", "--json")
    lines2 = {line["name"]: line for line in json.loads(out)["lines"]}
    assert lines2["energy cost"]["value"] == 2 * lines["energy cost"]["value"]
    half = tmp_path / "half.yaml"
    half.write_text(text + "costs: {capex: 1000}\n", "utf-8")
    assert run_cli("cost", str(half))[0::2] == (
        2,
        f"refarch: error: {half}: costs.capex and costs.lifetime_years go together (capital "
        "per year)\n",
    )
