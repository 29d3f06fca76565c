"""refarch import netbox --url against a real NetBox 4.7 (PostgreSQL, Redis, NetBox from PyPI;
tests/netbox/service.py starts it when the session starts, tests/conftest.py), holding the
fixture site (tests/netbox/fixture.py), then refarch lint on the plan it wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, TESTS

MAPPING = TESTS / "netbox" / "netbox-map.yaml"
EXPORT = TESTS / "netbox" / "export"
REFERENCE = "dgx-superpod-h100@2026.11"


def refarch(*args: str, token: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NETBOX_TOKEN"}
    if token is not None:
        env["NETBOX_TOKEN"] = token
    return subprocess.run(
        [sys.executable, "-m", "linter", *args],
        capture_output=True, text=True, env={**env, "NO_COLOR": "1"}, cwd=ROOT, timeout=300,
    )  # fmt: skip


def test_import_from_live_netbox_then_lint(
    live_netbox: dict[str, object], tmp_path: Path, artifacts: Path
) -> None:
    url, token = str(live_netbox["url"]), str(live_netbox["token"])
    plan = tmp_path / "hall-c.yaml"
    done = refarch(
        "import", "netbox", "--url", url, "--site", "hall-c", "--mapping", str(MAPPING),
        "--reference", REFERENCE, "-o", str(plan), token=token,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert token not in done.stderr + done.stdout
    assert done.stderr.splitlines()[0] == (
        f"imported 4 racks (11 systems) from NetBox 4.7.3 into {plan}; 2 TODOs to fill in"
    )
    linted = refarch("lint", str(plan), "--format", "json")
    assert linted.returncode == 1, linted.stderr
    found = {
        (f["rule"], f["line"], f["column"], f["message"])
        for f in json.loads(linted.stdout)["findings"]
    }
    disagreement = (
        "dgx-h100: the DCIM says 2.2 kW, the KB says 10.2 kW "
        "(https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html), "
        "ratio 4.64x"
    )
    assert ("DCM001", 30, 24, disagreement) in found
    assert (
        "PWR001", 23, 16,
        "rack c01 draws 40.8 kW per rack at system maximum power, over its 34.42 kW budget",
    ) in found  # fmt: skip
    dcm = next(f for f in json.loads(linted.stdout)["findings"] if f["rule"] == "DCM001")
    assert dcm["fix"].startswith(f"edit netbox dcim.devicetype 1 DGX H100 ({url}/dcim/device")
    # The saved export the offline tests read is this instance's answer: the same plan.
    offline = tmp_path / "offline.yaml"
    done = refarch(
        "import", "netbox", "--from-export", str(EXPORT), "--mapping", str(MAPPING),
        "--reference", REFERENCE, "-o", str(offline),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    strip = lambda text: [  # noqa: E731
        line.replace(url, "URL").replace("http://127.0.0.1:18765", "URL")
        for line in text.splitlines()
        if not line.startswith("# Imported from NetBox")
    ]
    assert strip(plan.read_text()) == strip(offline.read_text())
    (artifacts / "netbox-live.json").write_text(
        json.dumps({k: v for k, v in live_netbox.items() if k != "token"}, indent=1)
    )


def test_a_bad_token_is_refused_and_never_printed(live_netbox: dict[str, object]) -> None:
    url, bad = str(live_netbox["url"]), "nbt_notakey.notasecretvalue0123456789"
    done = refarch("import", "netbox", "--url", url, "--mapping", str(MAPPING), token=bad)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == (
        f"refarch: error: {url}: NetBox refused the token (HTTP 403: Invalid v2 token): check "
        "the token in the environment variable and that it may read DCIM objects\n"
    )
    assert "notasecret" not in done.stderr + done.stdout


def test_a_url_that_is_not_the_netbox_base(live_netbox: dict[str, object]) -> None:
    url = f"{live_netbox['url']}/dcim"
    done = refarch(
        "import", "netbox", "--url", url, "--mapping", str(MAPPING),
        token=str(live_netbox["token"]),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith(f"refarch: error: {url}: ")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("site", ["hall-d"])
def test_a_site_with_no_racks(live_netbox: dict[str, object], site: str) -> None:
    done = refarch(
        "import", "netbox", "--url", str(live_netbox["url"]), "--site", site,
        "--mapping", str(MAPPING), token=str(live_netbox["token"]),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        f"refarch: error: {live_netbox['url']}: NetBox answered HTTP 400: site: Select a valid "
        f"choice. {site} is not one of the available choices.\n"
    )
