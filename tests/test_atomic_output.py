"""Files refarch writes on request (`lint --output`, `--write-baseline`) are replaced
atomically: a run killed at any point leaves the old file whole.

The kills are real: a child process runs refarch with one step of the write replaced by
SIGKILL to itself. A control run with a plain ``open(path, "w")`` writer shows the same kill
truncating the file, so these tests can tell the difference.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from linter.cli import IO, main
from linter.core import atomic

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "bad_inputs" / "files" / "clean.yaml"
OLD = "the previous report, which must survive\n" * 50

CHILD = r"""
import os, signal, sys
import linter.core.atomic as atomic

def die():
    os.kill(os.getpid(), signal.SIGKILL)

how = sys.argv[1]
if how == "before-rename":
    os.replace = lambda src, dst: die()
elif how == "mid-write":
    real_fdopen = os.fdopen

    class Half:
        def __init__(self, fh): self.fh = fh
        def __enter__(self): return self
        def __exit__(self, *exc): self.fh.close()
        def write(self, text):
            self.fh.write(text[: len(text) // 2]); self.fh.flush(); die()

    os.fdopen = lambda fd, *a, **k: Half(real_fdopen(fd, *a, **k))
elif how == "naive-mid-write":  # the control: what writing in place would leave
    def naive(path, text):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text[: len(text) // 2]); fh.flush(); die()
    atomic.write_text = naive
from linter.cli import main
sys.exit(main(sys.argv[2:]))
"""


def killed_run(how: str, option: str, target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, how, "lint", option, str(target), str(PLAN)],
        capture_output=True, text=True, timeout=120, cwd=target.parent,
        # REFARCH_NO_CACHE: the KB parse cache also writes with os.replace, which the child
        # replaces with a kill; only the report's write is under test here.
        env={**os.environ, "NO_COLOR": "1", "REFARCH_NO_CACHE": "1"},
    )  # fmt: skip


def leftovers(d: Path) -> list[str]:
    return sorted(p.name for p in d.iterdir() if p.name.startswith(atomic.TMP_PREFIX))


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
@pytest.mark.parametrize("how", ["before-rename", "mid-write"])
def test_a_killed_run_leaves_the_old_file_whole(tmp_path: Path, option: str, how: str) -> None:
    target = tmp_path / "report.out"
    target.write_text(OLD, encoding="utf-8")
    r = killed_run(how, option, target)
    assert r.returncode == -signal.SIGKILL, r.stderr
    assert target.read_text(encoding="utf-8") == OLD
    # SIGKILL leaves no chance to clean up: the temporary file stays, beside the target.
    assert len(leftovers(tmp_path)) == 1


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_the_control_writing_in_place_is_truncated(tmp_path: Path, option: str) -> None:
    target = tmp_path / "report.out"
    target.write_text(OLD, encoding="utf-8")
    r = killed_run("naive-mid-write", option, target)
    assert r.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") != OLD


def test_an_interrupted_run_keeps_the_old_file_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "baseline.json"
    target.write_text(OLD, encoding="utf-8")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    out, err = io.StringIO(), io.StringIO()
    assert main(["lint", "--write-baseline", str(target), str(PLAN)], IO(out, err)) == 130
    assert err.getvalue() == "refarch: interrupted\n"
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_a_finished_write_replaces_the_file_keeps_its_mode_and_follows_links(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real.json"
    real.write_text(OLD, encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    out, err = io.StringIO(), io.StringIO()
    code = main(["lint", "--format", "json", "--output", str(link), str(PLAN)], IO(out, err))
    assert (code, out.getvalue(), err.getvalue()) == (0, "", "")
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert real.read_text(encoding="utf-8").startswith('{\n  "tool": "refarch",')
    assert oct(real.stat().st_mode & 0o777) == oct(0o640)
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic.write_text(str(tmp_path / "new.txt"), "x\n")
    finally:
        os.umask(old)
    assert oct((tmp_path / "new.txt").stat().st_mode & 0o777) == oct(0o640)
