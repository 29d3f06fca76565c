"""A plain, non-editable install (how pre-commit installs hooks) finds its knowledge base."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_kb_and_schemas_and_runs_outside_the_tree(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = dist.glob("refarch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "linter/_data/schema/plan.schema.json" in names
    assert "linter/_data/architectures/release.yaml" in names
    assert "linter/_data/architectures/catalog/systems/dgx-h100.yaml" in names

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    plan = outside / "plan.yaml"
    plan.write_text(
        "plan: outside\nreference: dgx-superpod-h100@2026.11\nfacility:\n  cooling: air\n"
        "racks:\n  - id: r01\n    systems: [{model: dgx-h100, count: 2}]\n"
    )
    refarch = env_dir / "bin" / "refarch"
    env = {k: v for k, v in os.environ.items() if k != "REFARCH_KB"}  # the KB it ships
    r = subprocess.run(
        [str(refarch), "validate", "plan.yaml"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "valid\n")
    r = subprocess.run(
        [str(refarch), "show", "dgx-h100", "--json"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0 and '"/' in r.stdout and "_data/architectures" in r.stdout
