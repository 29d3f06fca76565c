"""refarch import netbox from the saved export of the fixture site (tests/netbox/export, made
by tests/netbox/make_export.py from a real NetBox 4.7): the plan it writes, the findings that
plan gets, and every kind of bad input. tests/test_import_netbox_live.py does the same
against the running NetBox."""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TESTS, RunCli

EXPORT = TESTS / "netbox" / "export"
MAPPING = TESTS / "netbox" / "netbox-map.yaml"
REFERENCE = "dgx-superpod-h100@2026.11"


def _import(run_cli: RunCli, tmp_path: Path, *extra: str) -> tuple[int, str, str, Path]:
    out = tmp_path / "hall-c.yaml"
    code, stdout, stderr = run_cli(
        "import", "netbox", "--from-export", str(EXPORT), "--mapping", str(MAPPING),
        "-o", str(out), *extra,
    )  # fmt: skip
    return code, stdout, stderr, out


def findings(run_cli: RunCli, plan: Path) -> list[tuple[str, int, int, str]]:
    code, out, _ = run_cli("lint", str(plan), "--format", "json")
    assert code == 1
    return [(f["rule"], f["line"], f["column"], f["message"]) for f in json.loads(out)["findings"]]


def test_the_plan_names_where_every_value_came_from(run_cli: RunCli, tmp_path: Path) -> None:
    code, stdout, stderr, out = _import(run_cli, tmp_path, "--reference", REFERENCE)
    assert code == 0 and stdout == ""
    text = out.read_text()
    data = yaml.safe_load(text)
    assert data["reference"] == REFERENCE
    assert data["facility"]["power"] == {
        "feeds": 2, "voltage_v": 415, "phases": 3, "breaker_a": 63, "redundancy": "2N",
    }  # fmt: skip
    c01, c02, c03, c10 = data["racks"]
    # 415 V x 63 A x sqrt(3) x 80 % = 36.23 kVA a side; x PF 0.95 = 34.42 kW
    assert c01["budget_kw"] == 34.42 and c02["budget_kw"] == 34.42
    assert c03["budget_kw"] == 54.63 and c03["power"] == {"breaker_a": 100}
    assert c10["budget_kw"] == 136.57 and c10["power"] == {"feeds": 4, "breaker_a": 125}
    assert c10["cooling"] == "direct-liquid" and "cooling" not in c01
    assert c01["systems"] == [
        {
            "model": "dgx-h100",
            "count": 4,
            "dcim": {
                "object": "netbox dcim.devicetype 1 DGX H100",
                "url": "http://127.0.0.1:18765/dcim/device-types/1/",
                "max_draw_kw": 2.2,
            },
        }
    ]
    assert c10["systems"][0]["model"] == "gb200-nvl72" and c10["systems"][0]["count"] == 1
    assert c01["dcim"] == {
        "object": "netbox dcim.rack 1 C01",
        "url": "http://127.0.0.1:18765/dcim/racks/1/",
        "cooling_capacity_kw": 45,
    }
    lines = text.splitlines()
    assert (
        "    budget_kw: 34.42  # dcim.powerfeed C01-A (1), C01-B (2): 415 V x 63 A x sqrt(3) x "
        "80 % = 36.23 kVA each; primary 36.23 kVA, redundant 36.23 kVA: the smaller side 36.23 "
        "kVA x PF 0.95 (standards electrical power_factor_default) = 34.42 kW" in lines
    )
    assert "        count: 4  # 4 devices (dcim.device 1, 2, 3, 4)" in lines
    assert "          max_draw_kw: 2.2  # power port templates 1, 2: 2 x 1100 W" in lines
    assert lines[1].startswith("# Imported from NetBox 4.7.3 (")
    # the NetBox objects to edit, once each, and what was not cross-checked
    assert stderr.splitlines() == [
        f"imported 4 racks (11 systems) from NetBox 4.7.3 into {out}; 2 TODOs to fill in",
        "  to do in NetBox: edit netbox dcim.devicetype 1 DGX H100 "
        "(http://127.0.0.1:18765/dcim/device-types/1/): its power ports' maximum draw should "
        "add up to 10200 W per dgx-h100, or map the device type to the catalog system it is",
        "    why: dgx-h100: the DCIM says 2.2 kW, the KB says 10.2 kW "
        "(https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html), ratio "
        "4.64x (plan lines 30, 44)",
        "  note: device type gb200-nvl72-compute-tray (id 3) has no maximum draw on its power "
        "ports: gb200-nvl72 in rack C10 is not cross-checked",
    ]


def test_the_imported_plan_lints_with_the_disagreement_and_the_short_feeds(
    run_cli: RunCli, tmp_path: Path
) -> None:
    _, _, _, out = _import(run_cli, tmp_path, "--reference", REFERENCE)
    found = findings(run_cli, out)
    ratio = (
        "dgx-h100: the DCIM says 2.2 kW, the KB says 10.2 kW "
        "(https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html), "
        "ratio 4.64x"
    )
    assert ("DCM001", 30, 24, ratio) in found and ("DCM001", 44, 24, ratio) in found
    assert (
        "PWR001", 23, 16,
        "rack c01 draws 40.8 kW per rack at system maximum power, over its 34.42 kW budget",
    ) in found  # fmt: skip
    assert (
        "PWR002", 21, 9,
        "rack c01: each branch circuit carries 59.7 A with one feed lost, over the 50.4 A "
        "continuous limit of a 63 A breaker",
    ) in found  # fmt: skip
    # NetBox's own cooling capacity per rack (45 kW; 140 kW for the NVL72), within the margin
    assert (
        "DCM002", 81, 28,
        "rack c10 gives off 132 kW of heat per rack at system maximum power, within 10 % of "
        "the 140 kW cooling capacity netbox dcim.rack 4 C10 records",
    ) in found  # fmt: skip
    assert [f[1] for f in found if f[0] == "DCM002"] == [34, 64, 81]
    # c03's own 100 A feeds carry its four HGX H200: no PWR002 there
    assert not [f for f in found if f[0] == "PWR002" and f[1] != 21]
    assert [f[:3] for f in found if f[0] == "VAL012"] == [("VAL012", 12, 17), ("VAL012", 13, 17)]


def test_todos_lint_as_what_to_fill_in(run_cli: RunCli, tmp_path: Path) -> None:
    code, _, stderr, out = _import(run_cli, tmp_path)
    assert code == 0 and "3 TODOs to fill in" in stderr
    todo = [f for f in findings(run_cli, out) if f[0] == "VAL012"]
    assert todo == [
        ("VAL012", 8, 12, "reference is left TODO: The pinned reference architecture: "
         "ARCH-ID@YYYY.MM"),
        ("VAL012", 12, 17, "facility.ashrae_class is left TODO: ASHRAE air class the hall is "
         "run to"),
        ("VAL012", 13, 17, "facility.water_temp_c is left TODO: Facility water supply "
         "temperature, °C"),
    ]  # fmt: skip
    assert (
        "# TODO(refarch import): the reference architecture this hall follows, "
        "ARCH-ID@YYYY.MM (architectures with these systems: dgx-superpod-gb200@2026.11, "
        "dgx-superpod-h100@2026.11, hgx-h200-air-inference@2026.11" in out.read_text()
    )


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "gitlab"])
def test_the_disagreement_shows_in_every_format(run_cli: RunCli, tmp_path: Path, fmt: str) -> None:
    _, _, _, out = _import(run_cli, tmp_path, "--reference", REFERENCE)
    code, text, _ = run_cli("lint", str(out), "--select", "DCM001", "--format", fmt)
    assert code == 1  # the TODO and PWR002 errors cannot be deselected
    assert "DCM001" in text and "2.2 kW" in text and "10.2 kW" in text and "4.64x" in text
    assert "http://127.0.0.1:18765/dcim/device-types/1/" in text


def test_suggest_mapping(run_cli: RunCli) -> None:
    code, out, _ = run_cli("import", "netbox", "--from-export", str(EXPORT), "--suggest-mapping")
    assert code == 0
    assert out.splitlines()[3:] == [
        "device_types:",
        "  dgx-h100: dgx-h100  # NVIDIA DGX H100; also close: dgx-h200, dgx-b200",
        "  gb200-nvl72-compute-tray: gb200-nvl72  # NVIDIA GB200 NVL72 compute tray; also "
        "close: gb300-nvl72, gb200-nvl36x2",
        "  gb200-nvl72-power-shelf: gb200-nvl72  # NVIDIA GB200 NVL72 power shelf; also "
        "close: gb300-nvl72, gb200-nvl36x2",
        "  hgx-h200-8gpu-server: hgx-h200-8gpu  # NVIDIA HGX H200 8-GPU server; also close: "
        "hgx-b200-8gpu, hgx-h100-8gpu",
        "  qm9700: skip  # NVIDIA QM9700",
    ]


def test_filters_by_rack_group(run_cli: RunCli, tmp_path: Path) -> None:
    code, _, stderr, out = _import(run_cli, tmp_path, "--rack-group", "pod-2")
    assert code == 0 and "imported 1 rack (1 system)" in stderr
    assert [r["id"] for r in yaml.safe_load(out.read_text())["racks"]] == ["c10"]


# --- bad input: exit 2, the file or URL named, no traceback, nothing written ---


def _bad(run_cli: RunCli, tmp_path: Path, *args: str) -> str:
    out = tmp_path / "plan.yaml"
    code, stdout, stderr = run_cli("import", "netbox", *args, "-o", str(out))
    assert code == 2 and "Traceback" not in stderr and not out.exists(), stderr
    return stderr


def _copy_export(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXPORT, tmp_path / "export"))


def test_unmapped_device_types(run_cli: RunCli, tmp_path: Path) -> None:
    partial = tmp_path / "map.yaml"
    partial.write_text("device_types:\n  dgx-h100: dgx-h100\n  qm9700: skip\n")
    err = _bad(run_cli, tmp_path, "--from-export", str(EXPORT), "--mapping", str(partial))
    assert err.splitlines()[0] == (
        f"refarch: error: {partial}: 3 NetBox device types in the selected racks not in the "
        f"mapping file {partial}:"
    )
    assert (
        "  hgx-h200-8gpu-server (HGX H200 8-GPU server, "
        "http://127.0.0.1:18765/dcim/device-types/2/): closest KB systems: hgx-h200-8gpu, "
        "hgx-b200-8gpu, hgx-h100-8gpu"
    ) in err.splitlines()


def test_mapping_to_an_unknown_system(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "map.yaml"
    bad.write_text("device_types:\n  dgx-h100: dgx-h10\n")
    err = _bad(run_cli, tmp_path, "--from-export", str(EXPORT), "--mapping", str(bad))
    assert f"{bad}:2:13: dgx-h100: 'dgx-h10' is not a KB system (did you mean" in err


def test_export_with_a_missing_file(run_cli: RunCli, tmp_path: Path) -> None:
    export = _copy_export(tmp_path)
    (export / "dcim" / "power-feeds.json").unlink()
    err = _bad(run_cli, tmp_path, "--from-export", str(export), "--mapping", str(MAPPING))
    assert err == (
        f"refarch: error: {export}/dcim/power-feeds.json: missing from the export (refarch "
        "import netbox --save-export writes every file)\n"
    )


def test_export_with_a_garbled_file(run_cli: RunCli, tmp_path: Path) -> None:
    export = _copy_export(tmp_path)
    (export / "dcim" / "racks.json").write_text('{"count": 4,\n "results": [ {"id": 1,,}]}')
    err = _bad(run_cli, tmp_path, "--from-export", str(export), "--mapping", str(MAPPING))
    assert err == (
        f"refarch: error: {export}/dcim/racks.json:2:24: not valid JSON: Expecting property "
        "name enclosed in double quotes\n"
    )


def test_export_that_is_not_a_list(run_cli: RunCli, tmp_path: Path) -> None:
    export = _copy_export(tmp_path)
    (export / "dcim" / "devices.json").write_text('{"detail": "Invalid v2 token"}')
    err = _bad(run_cli, tmp_path, "--from-export", str(export), "--mapping", str(MAPPING))
    assert f"{export}/dcim/devices.json: not a NetBox list" in err


def test_netbox_older_than_4_7(run_cli: RunCli, tmp_path: Path) -> None:
    export = _copy_export(tmp_path)
    status = json.loads((export / "status.json").read_text())
    (export / "status.json").write_text(json.dumps({**status, "netbox-version": "4.6.2"}))
    err = _bad(run_cli, tmp_path, "--from-export", str(export), "--mapping", str(MAPPING))
    assert err == (
        f"refarch: error: {export}: NetBox 4.6.2 has no cooling objects (cooling sources, "
        "cooling feeds and rack cooling capacity are new in NetBox 4.7); refarch import netbox "
        "reads NetBox 4.7 or later\n"
    )


def test_unreachable_url_names_it_and_never_the_token(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("NETBOX_TOKEN", "nbt_secretkey.secretsecretsecret")
    err = _bad(run_cli, tmp_path, "--url", f"http://127.0.0.1:{port}", "--mapping", str(MAPPING))
    assert err == (
        f"refarch: error: http://127.0.0.1:{port}: cannot reach NetBox: [Errno 111] "
        "Connection refused\n"
    )
    assert "secret" not in err


def test_no_token(run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NETBOX_TOKEN", raising=False)
    err = _bad(run_cli, tmp_path, "--url", "http://127.0.0.1:9", "--mapping", str(MAPPING))
    assert err == (
        "refarch: error: no NetBox token: set the environment variable NETBOX_TOKEN (the token "
        "is never passed as a flag)\n"
    )


def test_never_overwrites(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "hall-c.yaml"
    out.write_text("mine\n")
    code, _, err = run_cli(
        "import", "netbox", "--from-export", str(EXPORT), "--mapping", str(MAPPING),
        "-o", str(out),
    )  # fmt: skip
    assert code == 2 and out.read_text() == "mine\n"
    assert err == f"refarch: error: {out} exists; refarch never overwrites a plan\n"


def _edit(export: Path, endpoint: str, change: Callable[[dict[str, Any]], Any]) -> None:
    """Rewrite each object of one endpoint of an export (None drops it)."""
    path = export / "dcim" / f"{endpoint}.json"
    body = json.loads(path.read_text())
    body["results"] = [r for r in (change(r) for r in body["results"]) if r is not None]
    path.write_text(json.dumps(body))


def test_cooling_falls_back_to_feeds_then_devices(run_cli: RunCli, tmp_path: Path) -> None:
    """Without a rack cooling capability, the cooling feed's source says (CRAH: air, a chiller
    with water: liquid); without feeds either, the devices' cooling method does."""
    export = _copy_export(tmp_path)
    _edit(export, "racks", lambda r: {**r, "cooling_capability": None})
    _edit(export, "cooling-feeds", lambda f: None if f["rack"]["name"] == "C10" else f)
    out = tmp_path / "plan.yaml"
    code, _, err = run_cli(
        "import", "netbox", "--from-export", str(export), "--mapping", str(MAPPING),
        "-o", str(out),
    )  # fmt: skip
    assert code == 0, err
    data = yaml.safe_load(out.read_text())
    assert data["facility"]["cooling"] == "air"  # C01-C03: their feeds come from CRAH-1
    c10 = data["racks"][3]
    assert c10["id"] == "c10" and c10["cooling"] == "direct-liquid"  # the trays are liquid
    assert "cooling_capacity_kw" in c10["dcim"]  # the rack's own capacity is still read


def test_json_summary(run_cli: RunCli, tmp_path: Path) -> None:
    code, out, err, plan = _import(run_cli, tmp_path, "--format", "json")
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert (summary["plan"], summary["netbox_version"], summary["racks"]) == (str(plan), "4.7.3", 4)
    assert [d["rule"] for d in summary["disagreements"]] == ["DCM001", "DCM001"]
    assert summary["disagreements"][0]["fix"].startswith("edit netbox dcim.devicetype 1 DGX H100")
    assert len(summary["todo"]) == 3


def test_rack_names_become_valid_unique_ids(run_cli: RunCli, tmp_path: Path) -> None:
    """Names that are long, not ASCII or shared by two racks still give schema-valid ids."""
    export = _copy_export(tmp_path)
    names = {"C01": "Baie n°1 " + "très longue " * 10, "C02": "C03", "C03": "C03"}
    _edit(export, "racks", lambda r: {**r, "name": names.get(r["name"], r["name"])})
    out = tmp_path / "plan.yaml"
    code, _, err = run_cli(
        "import", "netbox", "--from-export", str(export), "--mapping", str(MAPPING),
        "--reference", REFERENCE, "-o", str(out),
    )  # fmt: skip
    assert code == 0, err
    ids = [r["id"] for r in yaml.safe_load(out.read_text())["racks"]]
    assert ids == [
        "baie-n-1-tr-s-longue-tr-s-longue-tr-s-longue-tr-s-longue-tr",
        "c03",
        "c03-3",
        "c10",
    ]
    assert not [f for f in findings(run_cli, out) if f[0].startswith("VAL0") and f[0] != "VAL012"]
