from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import configuration as hypothesis_configuration
from isolation import (
    REAL_CACHE,
    REAL_PIP_CONFIG,
    SOURCE_TREE,
    Snapshot,
    cache_writes,
    changes,
    snapshot,
)

from linter.cli import IO, main
from linter.kb.store import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
# The knowledge base as it ships: only tests about the live KB itself read it (its
# validity, coverage and sources, the schemas over it, the site built from it).
LIVE_KB = ROOT / "architectures"
# A frozen snapshot of the KB (release 2026.11, see tests/kb/README.md): every test of
# formulas, rules, finding positions and output reads it, so a KB update changes no test.
FROZEN_KB = TESTS / "kb"
# Frozen copies of examples/plans, whose findings are asserted line by line.
FROZEN_PLANS = TESTS / "kb-plans"
FIXTURES = TESTS / "fixtures"
_BASETEMP: list[Path] = []
_SESSION_DIR: list[Path] = []
_SESSION_ENV: list[pytest.MonkeyPatch] = []


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The frozen KB, as the rules and formulas are tested against it."""
    return KnowledgeBase.open(FROZEN_KB)


@pytest.fixture(scope="session")
def live_kb() -> KnowledgeBase:
    """The KB that ships in architectures/: for tests about the KB itself."""
    return KnowledgeBase.open(LIVE_KB)


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
def _isolated_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every test (and every subprocess it starts with os.environ) gets a throwaway HOME,
    XDG cache and parse cache of its own, and the frozen KB as the default knowledge base.
    (pytest_configure below does the same for the session as a whole.)

    A test about the shipped KB passes ``--kb`` or removes REFARCH_KB itself.
    """
    home = tmp_path_factory.mktemp("home")
    _isolate(monkeypatch, home, tmp_path_factory.mktemp("refarch-cache"))
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764115200")


@pytest.fixture(scope="session", autouse=True)
def _session_basetemp(tmp_path_factory: pytest.TempPathFactory) -> None:
    _BASETEMP.append(tmp_path_factory.getbasetemp().resolve())


def _isolate(monkeypatch: pytest.MonkeyPatch, home: Path, cache: Path) -> None:
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("REFARCH_CACHE_DIR", str(cache))
    if REAL_PIP_CONFIG is not None and "PIP_CONFIG_FILE" not in os.environ:
        # pip (pre-commit's hook install, the wheel test) keeps the user's package index.
        monkeypatch.setenv("PIP_CONFIG_FILE", str(REAL_PIP_CONFIG))
    monkeypatch.setenv("REFARCH_KB", str(FROZEN_KB))


def pytest_configure(config: pytest.Config) -> None:
    """The same isolation for the whole session, from before any test module is imported:
    module-level code and session- or module-scoped fixtures run outside any test's
    fixtures. Hypothesis, too, keeps its example database and constants cache in
    ./.hypothesis (the source tree) unless told otherwise."""
    session_dir = Path(tempfile.mkdtemp(prefix="refarch-tests-"))
    _SESSION_DIR.append(session_dir)
    (session_dir / "home").mkdir()
    _SESSION_ENV.append(pytest.MonkeyPatch())
    _isolate(_SESSION_ENV[0], session_dir / "home", session_dir / "refarch-cache")
    hypothesis_configuration.set_hypothesis_home_dir(session_dir / "hypothesis")


def pytest_unconfigure(config: pytest.Config) -> None:
    for patch in _SESSION_ENV:
        patch.undo()
    for path in _SESSION_DIR:
        shutil.rmtree(path, ignore_errors=True)
    _SESSION_ENV.clear()
    _SESSION_DIR.clear()


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where tests leave reports and screenshots: $REFARCH_TEST_ARTIFACTS (so CI can keep
    them), else a directory under pytest's base temporary directory. Never the source tree."""
    env = os.environ.get("REFARCH_TEST_ARTIFACTS")
    path = Path(env).resolve() if env else tmp_path_factory.getbasetemp() / "artifacts"
    assert not path.is_relative_to(SOURCE_TREE), (
        f"REFARCH_TEST_ARTIFACTS must be outside the source tree, got {path}"
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


# The whole session must leave the real parse cache (~/.cache/refarch or wherever the
# environment that started pytest points it) and the source tree as it found them.
_BEFORE: dict[str, Snapshot] = {}


def pytest_sessionstart(session: pytest.Session) -> None:
    _BEFORE["cache"] = snapshot(REAL_CACHE)
    _BEFORE["tree"] = snapshot(SOURCE_TREE)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _stop_netbox()
    if not _BEFORE:
        return
    roots = [SOURCE_TREE, *_BASETEMP, *_SESSION_DIR]
    problems = [
        f"the real parse cache {REAL_CACHE}: wrote {w}"
        for w in cache_writes(REAL_CACHE, _BEFORE["cache"], snapshot(REAL_CACHE), roots)
    ]
    problems += [
        f"the source tree {SOURCE_TREE}: {c}"
        for c in changes(_BEFORE["tree"], snapshot(SOURCE_TREE))
    ]
    if problems:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        text = "the test session wrote where it must not:\n  " + "\n  ".join(problems[:50])
        if reporter is not None:
            reporter.write_line("")
            reporter.write_line(text, red=True, bold=True)
        else:
            print(text)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# A real NetBox for the live import tests (tests/netbox/service.py). Migrating its database
# takes minutes, so it is started in the background as soon as the tests are collected, and
# the tests that use it run last; it is stopped when the session ends.
NETBOX_SERVICE = TESTS / "netbox" / "service.py"
NETBOX_WAIT_S = 1500  # the service bounds each of its steps; this bounds the whole start
_NETBOX: dict[str, object] = {}


def _wants_netbox(item: pytest.Item) -> bool:
    return "live_netbox" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    items.sort(key=_wants_netbox)  # stable: the live NetBox tests last, the rest in order


def pytest_collection_finish(session: pytest.Session) -> None:
    if not any(_wants_netbox(item) for item in session.items):
        return
    venv = Path(os.environ.get("REFARCH_NETBOX_VENV", ROOT / ".netbox" / "venv"))
    if not (venv / "bin" / "netbox").exists():
        _NETBOX["missing"] = f"no NetBox at {venv} (make netbox installs it)"
        return
    state = Path(tempfile.mkdtemp(prefix="refarch-netbox-"))
    log = (state.parent / f"{state.name}.log").open("wb")
    _NETBOX.update(
        state=state,
        log=log.name,
        started=time.monotonic(),
        proc=subprocess.Popen(
            [sys.executable, str(NETBOX_SERVICE), "up", str(state)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "REFARCH_NETBOX_VENV": str(venv)},
        ),
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How long the real NetBox took (CI logs keep it): its start, and the wait it cost."""
    timing = _NETBOX.get("timing")
    if isinstance(timing, dict):
        terminalreporter.write_line(
            f"NetBox: up in {timing.get('up_s')} s (migrate "
            f"{timing.get('migrate_s')} s), in the background; the live tests waited "
            f"{timing.get('waited_s')} s after the session started"
        )


@pytest.fixture(scope="session")
def live_netbox() -> dict[str, object]:
    """The running NetBox's url, token and timings (state.json), once its start finished.
    Skipped when NetBox is not installed, unless REFARCH_REQUIRE_NETBOX=1 (make test)."""
    if "missing" in _NETBOX:
        if os.environ.get("REFARCH_REQUIRE_NETBOX") == "1":
            pytest.fail(str(_NETBOX["missing"]))
        pytest.skip(str(_NETBOX["missing"]))
    proc = _NETBOX["proc"]
    assert isinstance(proc, subprocess.Popen)
    started = float(_NETBOX["started"])  # type: ignore[arg-type]
    try:
        proc.wait(timeout=max(1.0, NETBOX_WAIT_S - (time.monotonic() - started)))
    except subprocess.TimeoutExpired:
        pytest.fail(f"NetBox did not start in {NETBOX_WAIT_S} s (log: {_NETBOX['log']})")
    state = Path(str(_NETBOX["state"]))
    if proc.returncode != 0:
        failed = state / "failed"
        reason = failed.read_text() if failed.exists() else f"exit {proc.returncode}"
        pytest.fail(f"NetBox did not start: {reason} (log: {_NETBOX['log']})")
    info = json.loads((state / "state.json").read_text())
    info["waited_s"] = round(time.monotonic() - started, 1)
    _NETBOX["timing"] = {k: info.get(k) for k in ("up_s", "migrate_s", "waited_s")}
    return dict(info)


def _stop_netbox() -> None:
    proc = _NETBOX.get("proc")
    if isinstance(proc, subprocess.Popen):
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=60)
        subprocess.run(
            [sys.executable, str(NETBOX_SERVICE), "down", str(_NETBOX["state"])],
            timeout=120,
            check=False,
        )
    timing = _NETBOX.get("timing")
    _NETBOX.clear()
    if timing is not None:
        _NETBOX["timing"] = timing
