"""SIGINT and SIGTERM to ``refarch lint --jobs 2``, with real signals and real processes: the
run stops with 130 or 143 without finishing the work its workers hold, no worker is left
running, and no temporary or partial file is left behind. SIGINT goes to the whole process
group, as a terminal's Ctrl-C does, or to the main process alone; SIGTERM to the main
process, as ``kill`` and CI cancellations send it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FROZEN_KB, FROZEN_PLANS, ROOT

PLANS = 4
RACKS = 8000  # one such plan takes seconds to lint: each worker holds far more work than
# stopping should take, so a run that waits for its workers cannot pass
STOP_S = 5.0  # "about a second", with room for a slow machine; a guard against waiting


def _children(pid: int) -> list[int]:
    """Live (not zombie) child processes of ``pid``, from /proc."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state != "Z":
            out.append(int(entry))
    return out


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Large plans: the frozen SuperPOD plan with RACKS racks of four DGX H100."""
    folder = tmp_path_factory.mktemp("plans")
    text = (FROZEN_PLANS / "superpod-h100-training.yaml").read_text(encoding="utf-8")
    head, rest = text.split("racks:\n", 1)
    head = head.replace("row_budget_kw: 400", "row_budget_kw: 40000")
    head = head.replace("hall_budget_kw: 450", "hall_budget_kw: 9000000")
    racks = "".join(
        f"  - id: r{i}\n    row: c{i % 50}\n    budget_kw: 46\n    systems:\n"
        "      - {model: dgx-h100, count: 4}\n"
        for i in range(RACKS)
    )
    tail = rest[rest.index("spares:") :]
    for i in range(PLANS):
        (folder / f"p{i}.yaml").write_text(f"{head}racks:\n{racks}{tail}", encoding="utf-8")
    return folder


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize(
    ("sig", "group", "code", "message"),
    [
        (signal.SIGINT, True, 130, "refarch: interrupted"),  # Ctrl-C in a terminal
        (signal.SIGINT, False, 130, "refarch: interrupted"),  # kill -INT PID
        (signal.SIGTERM, False, 143, "refarch: terminated"),  # kill PID, a CI cancel
    ],
    ids=["sigint-group", "sigint", "sigterm"],
)
def test_a_signal_stops_the_run_and_its_workers(
    plans: Path, tmp_path: Path, sig: signal.Signals, group: bool, code: int, message: str
) -> None:
    """Signalled once both workers are at work, the run must stop within STOP_S, not go on
    to finish the plans its workers hold."""
    cache = tmp_path / "cache"
    report = tmp_path / "report.json"
    env = {**os.environ, "REFARCH_CACHE_DIR": str(cache), "REFARCH_KB": str(FROZEN_KB)}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.Popen(
        [sys.executable, "-m", "linter", "lint", "--jobs", "2", "--output", str(report)]
        + ["--format", "json", str(plans)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a signal to the test's own group never reaches it
    )
    try:
        deadline = time.monotonic() + 60  # a guard, not a measurement
        while len(_children(proc.pid)) < 2:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.02)
        time.sleep(0.5)  # both workers deep in a plan
        workers = _children(proc.pid)
        sent = time.monotonic()
        if group:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
        stopped = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == code, err.decode()
    assert err.decode().splitlines() == [message]
    assert out == b""
    time.sleep(0.2)  # the kernel's last word on the workers' exit
    assert [w for w in workers if _running(w)] == []
    assert stopped < STOP_S, f"{stopped:.1f} s: it waited for its workers"
    assert not report.exists()  # no partial report
    leftovers = [p.name for p in tmp_path.rglob("*") if p.suffix == ".tmp" or ".refarch-" in p.name]
    assert leftovers == []
