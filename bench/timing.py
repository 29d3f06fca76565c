"""Timing commands side by side: hyperfine when installed, else Python's own clock.

Every measured command runs in a fresh process with the same environment: bytecode caching
on (into a private prefix, so nothing is written next to the sources and every tool gets
the same treatment), refarch's KB parse cache in the scratch directory, colour off. Each
measure is several runs after warm-up runs.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


def bench_env(caches: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        PYTHONPYCACHEPREFIX=str(caches / "pyc"),
        REFARCH_CACHE_DIR=str(caches / "refarch"),
        NO_COLOR="1",
        NO_MKDOCS_2_WARNING="1",
    )
    env.pop("REFARCH_NO_CACHE", None)
    return env


@dataclass
class Measure:
    """Wall and CPU (user + system) seconds per run, and the peak resident memory."""

    label: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    exit_codes: set[int] = field(default_factory=set)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_mean(self) -> float:
        return statistics.fmean(self.cpu) if self.cpu else float("nan")


def run_once(
    argv: Sequence[str], cwd: Path, env: dict[str, str]
) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak RSS MB, exit code) of one run; CPU and memory include every
    process the command waited for (workers, git)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is the largest single process of the tree, in KiB on Linux.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def python_timing(
    label: str, argv: Sequence[str], cwd: Path, env: dict[str, str], runs: int, warmup: int,
    warmup_argv: Sequence[str] | None = None,
) -> Measure:  # fmt: skip
    for _ in range(warmup):
        run_once(warmup_argv or argv, cwd, env)
    m = Measure(label)
    for _ in range(runs):
        wall, cpu, rss, code = run_once(argv, cwd, env)
        m.wall.append(wall)
        m.cpu.append(cpu)
        m.peak_rss_mb = max(m.peak_rss_mb, rss)
        m.exit_codes.add(code)
    return m


def have_hyperfine() -> bool:
    return shutil.which("hyperfine") is not None


def hyperfine_version() -> str:
    if not have_hyperfine():
        return "not installed (Python timing used)"
    return subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip()


def compare(
    commands: dict[str, Sequence[str]], cwd: Path, env: dict[str, str], runs: int, warmup: int
) -> dict[str, Measure]:
    """Time each command (hyperfine if present); results by label."""
    if not have_hyperfine():
        return {k: python_timing(k, argv, cwd, env, runs, warmup) for k, argv in commands.items()}
    with tempfile.TemporaryDirectory(prefix="refarch-hyperfine-") as tmp:
        export = Path(tmp) / "results.json"
        argv = ["hyperfine", "--style", "none", "-N", "-i", "--warmup", str(warmup)]
        argv += ["--runs", str(runs), "--export-json", str(export)]
        for label, cmd in commands.items():
            argv += ["--command-name", label, shlex.join(cmd)]
        subprocess.run(argv, cwd=cwd, env=env, check=True, capture_output=True, text=True)
        data = json.loads(export.read_text(encoding="utf-8"))
    out = {}
    for label, result in zip(commands, data["results"], strict=True):
        m = Measure(label, wall=list(result["times"]))
        # hyperfine reports the mean user and system time only.
        m.cpu = [result["user"] + result["system"]] * len(m.wall)
        m.exit_codes = set(result.get("exit_codes") or [])
        out[label] = m
    return out
