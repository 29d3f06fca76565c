"""Property tests: whatever control characters a file name, git metadata or KB text holds,
no output meant for people carries one raw, and JUnit XML stays well-formed. See
tests/fuzz_support.py for the example counts and the long run."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from conftest import FROZEN_KB, FROZEN_PLANS
from fuzz_support import TERMINAL_CONTROLS, examples, hostile_texts
from hypothesis import given
from hypothesis import strategies as st
from kbrepo import three_releases

from linter.cli import IO, main


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFARCH_NO_CACHE", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("REFARCH_KB", str(FROZEN_KB))


def run(argv: list[str], cwd: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(cwd or here)
    try:
        code = main(argv, IO(out, err))
    finally:
        os.chdir(here)
    return code, out.getvalue(), err.getvalue()


def raw_controls(text: str) -> list[str]:
    return sorted({c for c in text if c in TERMINAL_CONTROLS and c not in "\t\n"})


@examples(60)
@given(name=hostile_texts, fmt=st.sampled_from(["text", "github", "junit"]), broken=st.booleans())
def test_file_names(tmp_path_factory: Any, name: str, fmt: str, broken: bool) -> None:
    folder = tmp_path_factory.mktemp("names")
    path = folder / f"{name}.yaml"
    try:
        if broken:
            path.write_text("plan: [unclosed\n", encoding="utf-8")
        else:
            shutil.copy(FROZEN_PLANS / "nvl72-on-air.yaml", path)
    except (OSError, ValueError):  # a name the file system refuses is no input
        return
    code, out, err = run(["lint", "--format", fmt, str(path)])
    assert code in (1, 2), (code, err)
    assert raw_controls(out + err) == []
    if fmt == "junit" and out:
        ET.fromstring(out.split("\n", 1)[1])


@examples(40)
@given(text=hostile_texts)
def test_kb_text(tmp_path_factory: Any, text: str) -> None:
    kb = tmp_path_factory.mktemp("kb") / "kb"
    shutil.copytree(FROZEN_KB, kb)
    path = kb / "catalog" / "systems" / "dgx-h100.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("name: "))
    quoted = text.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    lines[at] = f'name: "{quoted}"'
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run(["--kb", str(kb), "validate", str(path)])
    assert code == 1 and f":{at + 1}:7: VAL010 [control-character] $.name: " in out, (out, err)
    for argv in (["show", "dgx-h100"], ["lint", str(FROZEN_PLANS / "superpod-h100-training.yaml")]):
        code, out, err = run(["--kb", str(kb), *argv])
        assert raw_controls(out + err) == [], argv


@examples(15)
@given(author=hostile_texts, message=hostile_texts)
def test_git_metadata(tmp_path_factory: Any, author: str, message: str) -> None:
    repo = three_releases(tmp_path_factory.mktemp("repo") / "kb")
    name = author.replace("<", "").replace(">", "").replace("\n", " ")
    try:
        repo.git("commit", "-q", "--amend", "-m", f"KB {message}", f"--author=E{name}x <e@x.org>")
    except Exception:  # noqa: BLE001 - git refuses some names (a NUL); no input then
        return
    for argv in (["history", "pod-alpha"], ["history", "--format", "json"]):
        code, out, err = run(argv, cwd=repo.root)
        assert code == 0, err
        assert raw_controls(out + err) == [], argv
