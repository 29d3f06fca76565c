"""Throwaway git repositories holding a small, fictional knowledge base, for the history, diff
and review tests. Fixed author, committer and dates, so every run builds the same commits.

The figures here describe fictional test hardware (`test-server`, `pod-a`), not real systems.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ENV = {
    "GIT_AUTHOR_NAME": "Ada Maintainer",
    "GIT_AUTHOR_EMAIL": "ada@example.invalid",
    "GIT_COMMITTER_NAME": "Ada Maintainer",
    "GIT_COMMITTER_EMAIL": "ada@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_TERMINAL_PROMPT": "0",
}


@dataclass
class Arch:
    """A fictional reference architecture, rendered to YAML by :meth:`text`."""

    id: str
    version: str
    changes: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # version, date, summary, why
    status: str = "current"
    summary: str = "A fictional architecture for refarch's history tests."
    count: int = 4
    max_kw: float = 32
    cooling: str = "air"
    inlet_max_c: float = 30
    bp_severity: str = "warning"
    storage_required: bool = False
    extra: str = ""

    def text(self) -> str:
        changes = "".join(
            f'  - version: "{v}"\n    date: {d}\n    summary: {s}\n    why: {w}\n'
            for v, d, s, w in self.changes
        )
        storage = (
            "  - role: storage\n    fabric: test-fabric\n"
            f"    required: {'true' if self.storage_required else 'false'}\n"
        )
        return f"""# yaml-language-server: $schema=../../schema/architecture.schema.json
id: {self.id}
kind: architecture
title: Test pod {self.id}
vendor: refarch tests
version: "{self.version}"
status: {self.status}
use: [training, inference]
summary: {self.summary}
sources:
  fixture:
    title: refarch test fixture (fictional figures)
    retrieved: 2026-11-26
rack_profiles:
  - id: compute
    contents:
      - model: test-server
        count: {{value: {self.count}, source: fixture}}
    max_kw: {{value: {self.max_kw:g}, source: fixture}}
    cooling: {self.cooling}
facility:
  rack_kw_max: {{value: {self.max_kw:g}, source: fixture}}
  cooling: {self.cooling}
  inlet_temp_min_c: {{value: 5, source: fixture}}
  inlet_temp_max_c: {{value: {self.inlet_max_c:g}, source: fixture}}
networks:
  - role: compute
    fabric: test-fabric
    oversubscription: {{value: 1.0, source: fixture}}
    required: true
{storage}best_practices:
  - id: {self.id}.inlet-temp
    title: Keep inlet air at or below the limit
    severity: {self.bp_severity}
    rationale: Fictional rationale.
    check: {{path: facility.inlet_temp_c, op: "<=", value: {self.inlet_max_c:g}}}
{self.extra}changes:
{changes}"""


def server(max_power_kw: float) -> str:
    return f"""# yaml-language-server: $schema=../../../schema/system.schema.json
id: test-server
kind: system
name: Test server
vendor: refarch tests
status: shipping
summary: A fictional server.
sources:
  fixture:
    title: refarch test fixture (fictional figures)
    retrieved: 2026-11-26
accelerator: test-gpu
form: server
cooling: air
gpu_count: {{value: 8, source: fixture}}
max_power_kw: {{value: {max_power_kw:g}, source: fixture}}
"""


def release(version: str, date: str, archs: dict[str, str]) -> str:
    listed = "".join(f'  {k}: "{v}"\n' for k, v in archs.items())
    return f"""# yaml-language-server: $schema=../schema/release.schema.json
release: "{version}"
date: {date}
architectures:
{listed}"""


class KBRepo:
    """A git repository in ``root`` with the KB under ``architectures/``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str = "2026-01-01T12:00:00+00:00") -> str:
        env = {**os.environ, **ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, check=True, capture_output=True, text=True
        )
        return done.stdout

    def write(self, rel: str, text: str) -> Path:
        path = self.root / "architectures" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def arch(self, a: Arch) -> Path:
        return self.write(f"reference/{a.id}.yaml", a.text())

    def release(self, version: str, date: str, archs: dict[str, str]) -> Path:
        return self.write("release.yaml", release(version, date, archs))

    def commit(self, message: str, date: str) -> str:
        stamp = f"{date}T12:00:00+00:00"
        self.git("add", "-A", date=stamp)
        self.git("commit", "-q", "-m", message, date=stamp)
        return self.git("rev-parse", "HEAD").strip()

    def short(self, rev: str = "HEAD") -> str:
        return self.git("rev-parse", "--short=7", rev).strip()


def three_releases(root: Path) -> KBRepo:
    """2026.09: pod-a and pod-b; 2026.10: pod-a raises rack power; 2026.11: pod-a renamed to
    pod-alpha and moves to liquid cooling, pod-b unchanged, pod-c added."""
    repo = KBRepo(root)
    c09 = ("2026.09", "2026-09-01", "First version.", "Baseline.")
    repo.write("catalog/systems/test-server.yaml", server(8))
    repo.arch(Arch("pod-a", "2026.09", [c09]))
    repo.arch(Arch("pod-b", "2026.09", [c09], max_kw=16, count=2))
    repo.release("2026.09", "2026-09-01", {"pod-a": "2026.09", "pod-b": "2026.09"})
    repo.commit("KB 2026.09", "2026-09-01")
    c10 = (
        "2026.10",
        "2026-10-01",
        "Rack power raised to 40.8 kW.",
        "The test server's maximum was revised.",
    )
    repo.arch(Arch("pod-a", "2026.10", [c10, c09], max_kw=40.8))
    repo.release("2026.10", "2026-10-01", {"pod-a": "2026.10", "pod-b": "2026.09"})
    repo.commit("KB 2026.10", "2026-10-01")
    c11 = ("2026.11", "2026-11-01", "Liquid cooling.", "Air cannot remove 56 kW per rack.")
    repo.git("mv", "architectures/reference/pod-a.yaml", "architectures/reference/pod-alpha.yaml")
    repo.arch(Arch("pod-alpha", "2026.11", [c11, c10, c09], max_kw=56, cooling="direct-liquid"))
    repo.arch(
        Arch("pod-c", "2026.11", [("2026.11", "2026-11-01", "First version.", "New pattern.")])
    )
    repo.release(
        "2026.11", "2026-11-01", {"pod-alpha": "2026.11", "pod-b": "2026.09", "pod-c": "2026.11"}
    )
    repo.commit("KB 2026.11", "2026-11-01")
    return repo
