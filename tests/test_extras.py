"""The lean install: lint, validate, size and the KB commands run with PyYAML and jsonschema
alone; the commands that read git history name the extra to install.

Each command runs in a fresh interpreter in which GitPython, Jinja2, MkDocs and Material cannot
be imported, as in a pre-commit hook's environment (``pip install refarch``)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

import pytest
from conftest import FROZEN_KB, FROZEN_PLANS, ROOT

# Runs `refarch ARGS` with the optional packages made unimportable.
_WITHOUT_EXTRAS = """
import importlib.abc, sys
class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.partition(".")[0] in ("git", "gitdb", "jinja2", "mkdocs", "material"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, Absent())
from linter.cli import main
code = main(sys.argv[1:])
loaded = sorted({m.partition(".")[0] for m in sys.modules} & {"git", "jinja2", "mkdocs"})
assert not loaded, loaded
raise SystemExit(code)
"""


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REFARCH_KB": str(FROZEN_KB), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT_EXTRAS, *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_core_dependencies_are_lean() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["dependencies"] == ["pyyaml>=6.0", "jsonschema>=4.18"]
    extras = project["optional-dependencies"]
    assert extras["review"] == ["gitpython>=3.1.40"]
    assert {d.split(">")[0] for d in extras["site"]} == {
        "jinja2",
        "mkdocs",
        "mkdocs-material",
        "gitpython",
    }


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (("lint", str(FROZEN_PLANS / "nvl72-on-air.yaml")), 1),
        (("lint", str(FROZEN_PLANS / "superpod-h100-training.yaml")), 0),
        (("validate", str(FROZEN_KB)), 0),
        (
            ("size", "--model", "llama-3.3-70b", "--precision", "fp8", "--users", "1000")
            + ("--input-tokens", "5000", "--output-tokens", "500", "--ttft-ms", "1000")
            + ("--tokens-per-s", "17", "--system", "dgx-h100"),
            0,
        ),
        (("show", "dgx-h100"), 0),
        (("rules",), 0),
        (("explain", "PWR001"), 0),
        (("stats",), 0),
    ],
)
def test_commands_run_without_extras(argv: tuple[str, ...], code: int) -> None:
    result = _run(*argv)
    assert result.returncode == code, result.stdout + result.stderr
    assert "error" not in result.stderr, result.stderr


@pytest.mark.parametrize("command", ["history", "diff", "review", "release"])
def test_history_commands_name_the_review_extra(command: str) -> None:
    result = _run(command, "--help")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"refarch: error: refarch {command} needs the 'review' extra (git is not installed):"
        " pip install 'refarch[review]'\n"
    )
