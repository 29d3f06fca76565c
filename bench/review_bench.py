"""Benchmark `refarch review` over a long synthetic history.

Builds, in a temporary directory, a git repository whose KB has the real catalog and standards
and 15 architectures cloned from the real reference files (new ids, so the sizes are real),
then 60 monthly releases: each release revises some architectures (new version, a `changes`
entry, `facility.rack_kw_max` moved by 1 %) and updates release.yaml. The revised values are
synthetic; nothing is written back to the KB.

Then times `refarch review --from FIRST --to LAST` (a fresh process each run, start-up
included) and reports the median of several runs; the result goes into bench/RESULTS.md under
the "Review" heading (other sections of that file are left as they are).

    .venv/bin/python bench/review_bench.py [--runs 7] [--releases 60] [--archs 15]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "architectures"
RESULTS = ROOT / "bench" / "RESULTS.md"
ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Bench Maintainer",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "Bench Maintainer",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}
_FIGURE = re.compile(r"^(  rack_kw_max: \{value: )([0-9.]+)", re.M)
_CHANGES = re.compile(r"^changes:\n", re.M)
PLAN = """\
plan: bench-{i:02d}
reference: {arch}@{version}
facility:
  cooling: air
  inlet_temp_c: 24
racks:
  - id: r01
    count: 4
    budget_kw: {budget}
    systems: [{{model: dgx-h100, count: 4}}]
"""


def git(repo: Path, *args: str, date: str = "2021-01-01T12:00:00+00:00") -> None:
    env = {**ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def months(n: int, last: tuple[int, int] = (2026, 11)) -> list[str]:
    y, m = last
    out = []
    for _ in range(n):
        out.append(f"{y}.{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


def clone_arch(template: Path, new_id: str, version: str) -> str:
    old_id = template.stem
    text = template.read_text(encoding="utf-8")
    text = re.sub(rf"^id: {re.escape(old_id)}$", f"id: {new_id}", text, flags=re.M)
    text = text.replace(f"id: {old_id}.", f"id: {new_id}.")
    text = re.sub(r'^version: "[0-9.]+"$', f'version: "{version}"', text, flags=re.M)
    entry = (
        f'  - version: "{version}"\n    date: {version.replace(".", "-")}-01\n'
        "    summary: First version in the benchmark history.\n"
        "    why: Synthetic history for the review benchmark.\n"
    )
    head, _, _ = text.partition("\nchanges:\n")
    return f"{head}\nchanges:\n{entry}"


def revise(text: str, version: str, n: int) -> str:
    text = re.sub(r'^version: "[0-9.]+"$', f'version: "{version}"', text, flags=re.M)
    text = _FIGURE.sub(lambda m: f"{m.group(1)}{float(m.group(2)) * 1.01:.4g}", text, count=1)
    entry = (
        f'  - version: "{version}"\n    date: {version.replace(".", "-")}-01\n'
        f"    summary: Revision {n}, facility rack power moved by 1 %.\n"
        "    why: Synthetic revision for the review benchmark.\n"
    )
    return _CHANGES.sub(lambda m: m.group(0) + entry, text, count=1)


def release_yaml(version: str, versions: dict[str, str]) -> str:
    listed = "".join(f'  {k}: "{v}"\n' for k, v in sorted(versions.items()))
    return (
        f'release: "{version}"\ndate: {version.replace(".", "-")}-01\n'
        f"summary: Benchmark release {version}.\narchitectures:\n{listed}"
    )


def build(
    repo: Path, releases: int, n_archs: int, per_release: int
) -> tuple[list[str], dict[str, str]]:
    kb = repo / "architectures"
    shutil.copytree(KB / "catalog", kb / "catalog")
    if (KB / "standards").is_dir():
        shutil.copytree(KB / "standards", kb / "standards")
    (kb / "reference").mkdir(parents=True)
    templates = sorted((KB / "reference").glob("*.yaml"))
    names = months(releases)
    ids = [f"{templates[i % len(templates)].stem}-b{i:02d}" for i in range(n_archs)]
    texts = {a: clone_arch(templates[i % len(templates)], a, names[0]) for i, a in enumerate(ids)}
    versions = {a: names[0] for a in ids}
    git(repo, "init", "-q", "-b", "main")
    for r, version in enumerate(names):
        if r:
            for k in range(per_release):
                arch = ids[(r * per_release + k) % n_archs]
                texts[arch] = revise(texts[arch], version, r)
                versions[arch] = version
        for arch, text in texts.items():
            (kb / "reference" / f"{arch}.yaml").write_text(text, encoding="utf-8")
        (kb / "release.yaml").write_text(release_yaml(version, versions), encoding="utf-8")
        date = f"{version.replace('.', '-')}-01T12:00:00+00:00"
        git(repo, "add", "-A", date=date)
        git(repo, "commit", "-q", "-m", f"KB {version}", date=date)
    return names, versions


def write_plans(plans: Path, versions: dict[str, str], count: int) -> None:
    plans.mkdir()
    archs = sorted(versions)
    for i in range(count):
        arch = archs[i % len(archs)]
        text = PLAN.format(i=i, arch=arch, version=versions[arch], budget=36 + 2 * i)
        (plans / f"plan-{i:02d}.yaml").write_text(text, encoding="utf-8")


def time_review(repo: Path, args: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system of the process and its git children) seconds per run."""
    cmd = [sys.executable, "-m", "linter", "review", *args, "--format", "json"]
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=repo, capture_output=True, text=True)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise SystemExit(f"refarch review failed ({done.returncode}): {done.stderr}")
    return wall, cpu


def write_results(section: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else "# Benchmark results\n"
    pattern = re.compile(r"^## Review\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


Row = tuple[int, str, list[float], list[float]]


def measure(
    runs: int = 7, releases: int = 60, archs: int = 15, n_plans: int = 10, log: bool = True
) -> tuple[str, list[Row]]:
    """Build the histories, time every case; the "## Review" section and its rows."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="refarch-review-bench-") as tmp:
        for per_release in sorted({min(5, archs), archs}):
            repo = Path(tmp) / f"kb-{per_release}"
            repo.mkdir()
            names, versions = build(repo, releases, archs, per_release)
            plans = Path(tmp) / f"plans-{per_release}"
            write_plans(plans, versions, n_plans)
            span = ["--from", names[0], "--to", names[-1]]
            n = releases
            cases = [
                ("last two releases", ["--from", names[-2], "--to", names[-1]]),
                (f"all {n} releases", span),
                (f"all {n} releases, {n_plans} plans", [*span, "--plans", str(plans)]),
                (f"all {n}, `--each-release`, 1 process", [*span, "--each-release", "--jobs", "1"]),
                (
                    f"all {n}, `--each-release`, 2 processes",
                    [*span, "--each-release", "--jobs", "2"],
                ),
            ]
            for label, args in cases:
                wall, cpu = time_review(repo, args, runs)
                rows.append((per_release, label, wall, cpu))
                if log:
                    print(f"{per_release:>2}/{archs} {label}: {statistics.median(wall):.2f} s")
    git_version = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout
    lines = [
        "## Review",
        "",
        f"`refarch review` over a synthetic history of {releases} monthly releases "
        f"({names[0]} to {names[-1]}) of {archs} architectures, cloned from the real "
        "reference files (real sizes; each revision adds a `changes` entry, so files grow), with "
        "the real catalog; one commit per release. A fresh process per run, start-up included; "
        f"median of {runs} runs. CPU is user + system time of refarch and its git "
        "processes, which load from other work on the machine inflates less than wall time. "
        "Reproduce with "
        "`.venv/bin/python bench/review_bench.py`. Target: a review over the 60 releases in "
        "under 3 s. A review checks release consistency between its two ends; "
        "`--each-release` also checks every pair of consecutive releases in between, which "
        "parses every revision of every revised file.",
        "",
        "| revised per release | review | wall median s | wall min s | CPU median s |",
        "|---|---|---|---|---|",
    ]
    for per, label, wall, cpu in rows:
        lines.append(
            f"| {per} of {archs} | {label} | {statistics.median(wall):.2f} | "
            f"{min(wall):.2f} | {statistics.median(cpu):.2f} |"
        )
    lines += [
        "",
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{git_version.strip()}, load average at the end {os.getloadavg()[0]:.1f}.",
        "",
    ]
    return "\n".join(lines), rows


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--releases", type=int, default=60)
    p.add_argument("--archs", type=int, default=15)
    p.add_argument("--plans", type=int, default=10)
    p.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    opts = p.parse_args()
    section, _ = measure(opts.runs, opts.releases, opts.archs, opts.plans)
    print(section)
    if not opts.no_write:
        write_results(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
