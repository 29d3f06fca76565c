from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from linter.cli import IO, main
from linter.kb.store import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
KB_DIR = ROOT / "architectures"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.open(KB_DIR)


RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Run `refarch ARGS` in-process; returns (exit code, stdout, stderr)."""

    def run(*argv: str, cwd: Path | None = None) -> tuple[int, str, str]:
        monkeypatch.setenv("NO_COLOR", "1")
        if cwd is not None:
            monkeypatch.chdir(cwd)
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), IO(out, err))
        return code, out.getvalue(), err.getvalue()

    return run


@pytest.fixture(autouse=True)
def _no_user_kb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REFARCH_KB", raising=False)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764115200")
