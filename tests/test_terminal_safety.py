"""Control characters from file names, git metadata and KB text never reach a terminal raw:
ESC sequences, CR, BEL and bidirectional overrides are written as ``\\uXXXX`` in text,
GitHub annotations, stderr, ``history`` and ``show``; JUnit XML stays well-formed; a KB
string holding one is VAL010."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import FROZEN_KB, FROZEN_PLANS, RunCli
from kbrepo import three_releases

from linter.cli import IO, main
from linter.core.text import escape_controls, one_line

NASTY = "\x1b]0;pwned\x07\x1b[2J\r\u202e"  # set the title, ring, clear, return, reverse
RAW = ["\x1b", "\x07", "\r", "\u202e"]


def _clean(text: str) -> None:
    for ch in RAW:
        assert ch not in text, repr(text)


@pytest.fixture
def nasty_plan(tmp_path: Path) -> Path:
    """A plan with findings, under a file name holding NASTY."""
    path = tmp_path / f"plan{NASTY}.yaml"
    shutil.copy(FROZEN_PLANS / "nvl72-on-air.yaml", path)
    return path


def test_escape_is_json_and_one_line_escapes_newlines() -> None:
    assert (
        escape_controls("a\x1b[2Jb\u202ec\r\n\td\x85") == "a\\u001b[2Jb\\u202ec\\u000d\n\td\\u0085"
    )
    assert one_line("x\ny\tz") == "x\\u000ay\\u0009z"
    doc = json.dumps({"k": "\x85\u202e\x1b"}, ensure_ascii=False)
    assert json.loads(escape_controls(doc)) == {"k": "\x85\u202e\x1b"}  # same JSON value


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_cannot_drive_the_terminal(nasty_plan: Path, run_cli: RunCli, fmt: str) -> None:
    code, out, err = run_cli("lint", "--format", fmt, str(nasty_plan))
    assert code == 1
    _clean(out + err)
    if fmt == "text":
        assert f"{one_line(str(nasty_plan))}:" in out
    else:  # GitHub's own encoding of CR first (%0D), then the escapes
        shown = escape_controls(str(nasty_plan).replace("\r", "%0D"))
        assert f"::error file={shown},line=" in out


def test_colour_is_the_only_escape_sequence(
    nasty_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    out, err = io.StringIO(), io.StringIO()
    assert main(["lint", str(nasty_plan)], IO(out, err)) == 1
    text = out.getvalue()
    assert "\x1b[1m" in text and "\x1b[0m" in text  # refarch's own colour
    assert "\x1b]" not in text and "\x1b[2J" not in text and "\u202e" not in text
    assert "\\u001b]0;pwned\\u0007\\u001b[2J\\u000d\\u202e" in text


def test_junit_with_such_a_file_name_is_well_formed(nasty_plan: Path, run_cli: RunCli) -> None:
    code, out, _ = run_cli("lint", "--format", "junit", str(nasty_plan))
    assert code == 1
    root = ET.fromstring(out.split("\n", 1)[1])
    assert root.find("testsuite").get("name").endswith("\\u202e.yaml")  # type: ignore[union-attr]


def test_output_file_is_escaped_too(nasty_plan: Path, run_cli: RunCli, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    assert run_cli("lint", "--output", str(report), str(nasty_plan))[0] == 1
    _clean(report.read_text(encoding="utf-8"))


def test_stderr_names_the_file_escaped(tmp_path: Path, run_cli: RunCli) -> None:
    bad = tmp_path / f"bad{NASTY}.yaml"
    bad.write_text("plan: [unclosed\n", encoding="utf-8")
    code, out, err = run_cli("lint", str(bad))
    assert code == 2
    _clean(out + err)
    assert err.startswith(f"refarch: error: {one_line(str(bad))}:1:7: YAML syntax error")


@pytest.fixture
def nasty_kb(tmp_path: Path) -> Path:
    kb = tmp_path / "kb"
    shutil.copytree(FROZEN_KB, kb)
    path = kb / "catalog" / "systems" / "dgx-h100.yaml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\nname: ", 1)
    rest = rest.split("\n", 1)[1]
    path.write_text(f'{head}\nname: "DGX\\e[2J H100\\u202e"\n{rest}', encoding="utf-8")
    return kb


def test_kb_text_with_a_control_character_is_refused(nasty_kb: Path, run_cli: RunCli) -> None:
    path = nasty_kb / "catalog" / "systems" / "dgx-h100.yaml"
    line = path.read_text(encoding="utf-8").split("\n").index('name: "DGX\\e[2J H100\\u202e"') + 1
    code, out, err = run_cli("--kb", str(nasty_kb), "validate", str(path))
    assert code == 1 and err == ""
    assert out.splitlines()[0] == (
        f"{path}:{line}:7: VAL010 [control-character] $.name: string "
        "'DGX\\x1b[2J H100\\u202e' holds U+001B (a control character)"
    )


def test_show_escapes_kb_text(nasty_kb: Path, run_cli: RunCli) -> None:
    code, out, err = run_cli("--kb", str(nasty_kb), "show", "dgx-h100")
    assert code == 0
    _clean(out + err)
    assert "DGX\\u001b[2J H100\\u202e" in out


def test_history_escapes_git_authors_and_messages(tmp_path: Path, run_cli: RunCli) -> None:
    repo = three_releases(tmp_path / "kb")
    repo.git(
        "commit",
        "-q",
        "--amend",
        "-m",
        f"KB 2026.11{NASTY}",
        f"--author=Eve{NASTY} <eve@example.org>",
    )
    assert "\x1b" in repo.git("log", "-1", "--format=%an%s")  # git kept them
    code, out, err = run_cli("history", "pod-alpha", cwd=repo.root)
    assert code == 0
    _clean(out + err)
    assert "Eve\\u001b]0;pwned\\u0007\\u001b[2J\\u000d\\u202e" in out
