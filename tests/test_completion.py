"""`refarch completion`: the bash script, sourced by a real bash, completes commands, options,
their choices and rule codes; zsh and fish scripts come from the same parsers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import RunCli

import linter.commands

CASES = [
    (["refarch", "li"], "lint"),
    (["refarch", "--kb", "kb", "val"], "validate"),
    (["refarch", "com"], "completion"),
    (["refarch", "lint", "--fo"], "--format"),
    (["refarch", "lint", "--format", "s"], "sarif"),
    (["refarch", "validate", "--format", "gi"], "github gitlab"),
    (["refarch", "lint", "--fail-on", "w"], "warning"),
    (["refarch", "lint", "--ignore", "CLG00"], " ".join(f"CLG00{i}" for i in range(1, 9))),
    (["refarch", "explain", "PWR00"], " ".join(f"PWR00{i}" for i in range(1, 10))),
    (["refarch", "size", "--precision", "fp"], "fp16 fp8 fp4"),
    (["refarch", "completion", "f"], "fish"),
    (["refarch", "lint", "--jobs", ""], ""),
    (["refarch", "lint", "pl"], "plans.yaml"),
]


def test_bash_completes(run_cli: RunCli, tmp_path: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.fail("bash is required")
    code, script, err = run_cli("completion", "bash")
    assert (code, err) == (0, "")
    (tmp_path / "refarch.bash").write_text(script, encoding="utf-8")
    (tmp_path / "plans.yaml").write_text("plan: x\n", encoding="utf-8")
    driver = ["source ./refarch.bash"]
    for words, _ in CASES:
        quoted = " ".join(f"'{w}'" for w in words)
        driver.append(
            f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; COMPREPLY=(); _refarch;"
            ' echo "${COMPREPLY[*]}"'
        )
    done = subprocess.run(
        [bash, "--norc", "--noprofile", "-c", "\n".join(driver)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stderr == ""
    assert done.stdout.splitlines() == [expected for _, expected in CASES]


def test_every_command_and_option_is_in_each_script(run_cli: RunCli) -> None:
    scripts = {shell: run_cli("completion", shell)[1] for shell in ("bash", "zsh", "fish")}
    assert scripts["zsh"].startswith("#compdef refarch\n")
    assert "bashcompinit" in scripts["zsh"]
    for cmd in linter.commands.COMMANDS:
        assert f"-a {cmd.NAME} -d " in scripts["fish"]
        assert cmd.NAME in scripts["bash"]
    assert (
        "complete -c refarch -n '__fish_seen_subcommand_from lint' -l format -x -a"
        in (scripts["fish"])
    )


def test_unknown_shell_is_a_usage_error(run_cli: RunCli) -> None:
    code, out, err = run_cli("completion", "tcsh")
    assert (code, out) == (2, "")
    assert err == (
        "refarch: error: argument shell: invalid choice: 'tcsh' (choose from 'bash', 'zsh', 'fish')"
        " (see refarch completion --help)\n"
    )
