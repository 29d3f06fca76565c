"""refarch's benchmark: every figure side by side with the tool it is measured against.

    .venv/bin/python bench/run.py            # full run (about 15 minutes), writes bench/RESULTS.md
    .venv/bin/python bench/run.py --quick    # small inputs, one run each: proves it works

Generates its inputs in a scratch directory (plans derived from examples/plans/, a synthetic
git history of monthly releases, the site's pages rendered once into a plain docs tree) and
measures, in one run on one machine, each as the median of several runs after warm-up:

* one plan, the pre-commit case: ``refarch lint`` vs ``check-jsonschema`` and ``yamllint``
  on the same file, with ``python -c "import yaml"`` as the floor (hyperfine when installed);
* many plans in one call: plans per second and peak memory, vs ``check-jsonschema``;
* ``refarch review`` over monthly releases (bench/review_bench.py);
* the full site build vs plain ``mkdocs build`` of the same pages, already rendered.

RESULTS.md is rewritten except for its "## Notes" section, which is kept as written.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import inputs  # noqa: E402
import review_bench  # noqa: E402
import timing  # noqa: E402
from timing import Measure  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SCHEMA = ROOT / "schema" / "plan.schema.json"


@dataclass(frozen=True)
class Sizes:
    single_runs: int
    single_warmup: int
    plans: int
    batch_runs: int
    review_runs: int
    releases: int
    archs: int
    site_runs: int


FULL = Sizes(30, 5, 10_000, 3, 7, 60, 15, 5)
QUICK = Sizes(2, 1, 40, 1, 1, 4, 3, 1)


@dataclass(frozen=True)
class Target:
    """One line of the summary: a measured figure against its target."""

    what: str
    target: str
    measured: str
    ratio: str
    best: str  # the same ratio from the fastest run of each (less sensitive to other load)
    met: bool


def _check_jsonschema(files: list[str]) -> list[str]:
    # Without --base-uri the schema's $id (https://refarch.dev/...) is the base of its $refs
    # and check-jsonschema would download common.schema.json; this resolves them locally.
    return [str(BIN / "check-jsonschema"), "--base-uri", SCHEMA.as_uri(), "--schemafile",
            str(SCHEMA), *files]  # fmt: skip


def single_plan(work: Path, env: dict[str, str], s: Sizes) -> tuple[dict[str, Measure], str]:
    repo = work / "infra"
    (repo / "plans").mkdir(parents=True)
    plan = repo / "plans" / inputs.CLEAN_PLAN.name
    plan.write_bytes(inputs.CLEAN_PLAN.read_bytes())
    rel = f"plans/{plan.name}"
    commands = {
        "refarch lint": [str(BIN / "refarch"), "lint", rel],
        "check-jsonschema": _check_jsonschema([rel]),
        "yamllint": [str(BIN / "yamllint"), rel],
        'python -c "import yaml"': [sys.executable, "-c", "import yaml"],
    }
    return timing.compare(commands, repo, env, s.single_runs, s.single_warmup), rel


def many_plans(work: Path, env: dict[str, str], s: Sizes) -> dict[str, Measure]:
    files = inputs.write_plans(work / "batch" / "plans", s.plans)
    cwd, warm = work / "batch", files[: min(100, len(files))]
    refarch = [str(BIN / "refarch"), "lint"]
    cases: list[tuple[str, list[str], list[str]]] = [
        ("refarch lint (default --jobs)", [*refarch, *files], [*refarch, *warm]),
        ("refarch lint --jobs 1", [*refarch, "--jobs", "1", *files], [*refarch, *warm]),
        ("check-jsonschema", _check_jsonschema(files), _check_jsonschema(warm)),
    ]
    return {
        label: timing.python_timing(label, argv, cwd, env, s.batch_runs, 1, warmup_argv=w)
        for label, argv, w in cases
    }


SIZE_ARGS = [
    "size", "--model", "llama-3.3-70b", "--precision", "fp8", "--input-tokens", "5000",
    "--output-tokens", "500",
]  # fmt: skip
CURVE_POINTS = 1000


def sizing(work: Path, env: dict[str, str], s: Sizes) -> dict[str, Measure]:
    """``refarch size`` once (the README's example) and a 1,000-point ``--curve``."""
    refarch = str(BIN / "refarch")
    one = [refarch, *SIZE_ARGS, "--system", "dgx-h100", "--users", "1000", "--ttft-ms", "1000",
           "--tokens-per-s", "17"]  # fmt: skip
    curve = [refarch, *SIZE_ARGS, "--curve", "--curve-points", str(CURVE_POINTS), "--system",
             "dgx-h100", "--json"]  # fmt: skip
    out = {
        "refarch size (one system)": timing.python_timing(
            "size", one, work, env, s.single_runs, s.single_warmup
        ),
        f"refarch size --curve --curve-points {CURVE_POINTS:,}": timing.python_timing(
            "curve", curve, work, env, s.batch_runs, 1
        ),
    }
    for m in out.values():
        if m.exit_codes != {0}:
            raise SystemExit(f"refarch size failed: exit codes {sorted(m.exit_codes)}")
    return out


IMPORT_RACKS = 1000


def netbox_import(work: Path, env: dict[str, str], s: Sizes) -> dict[str, Measure]:
    """``refarch import netbox --from-export`` of a 1,000-rack export (the fixture site
    repeated), writing the plan (the DCM001 cross-check included), then linting it."""
    export = inputs.netbox_export(work / "netbox-export", IMPORT_RACKS)
    refarch = str(BIN / "refarch")
    plan = work / "imported.yaml"
    run = [refarch, "import", "netbox", "--from-export", str(export), "--mapping",
           str(inputs.NETBOX_MAPPING), "--reference", "dgx-superpod-h100@2026.11", "-o",
           str(plan)]  # fmt: skip
    # Each run writes a new file: the import never overwrites one.
    wrapped = ["sh", "-c", f'rm -f "{plan}" && exec "$0" "$@"', *run]
    out = {
        f"refarch import netbox --from-export ({IMPORT_RACKS:,} racks)": timing.python_timing(
            "import", wrapped, work, env, s.batch_runs, 1
        ),
    }
    out[f"refarch lint of the imported plan ({IMPORT_RACKS:,} racks)"] = timing.python_timing(
        "lint-imported", [refarch, "lint", str(plan), "-q"], work, env, s.batch_runs, 1
    )
    if out[next(iter(out))].exit_codes != {0}:
        raise SystemExit("refarch import netbox failed")
    return out


def site(work: Path, env: dict[str, str], s: Sizes) -> dict[str, Measure]:
    plain = inputs.render_plain_site(work / "plain")
    mkdocs = str(BIN / "mkdocs")
    full = [mkdocs, "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(work / "site-full")]
    bare = [mkdocs, "build", "-q", "-f", str(plain), "-d", str(work / "site-plain")]
    out = {
        "mkdocs build (KB hook: generate + build)": timing.python_timing(
            "full", full, ROOT, env, s.site_runs, 1
        ),
        "mkdocs build of the pre-rendered pages": timing.python_timing(
            "plain", bare, ROOT, env, s.site_runs, 1
        ),
    }
    for m in out.values():
        if m.exit_codes != {0}:
            raise SystemExit(f"mkdocs build failed: exit codes {sorted(m.exit_codes)}")
    return out


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(argv: list[str], prefix: str) -> str:
    done = subprocess.run(argv, capture_output=True, text=True)
    return (done.stdout or done.stderr).strip().splitlines()[0].removeprefix(prefix)


def versions() -> list[tuple[str, str]]:
    import yaml

    libyaml = "with libyaml " + yaml._yaml.get_version_string() if yaml.__with_libyaml__ else ""
    return [
        ("refarch", _version([str(BIN / "refarch"), "--version"], "refarch ")),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("PyYAML", f"{md.version('pyyaml')} {libyaml}".strip()),
        ("jsonschema", md.version("jsonschema")),
        ("check-jsonschema", md.version("check-jsonschema")),
        ("yamllint", md.version("yamllint")),
        ("mkdocs", md.version("mkdocs")),
        ("mkdocs-material", md.version("mkdocs-material")),
        ("hyperfine", timing.hyperfine_version().removeprefix("hyperfine ")),
        ("git", _version(["git", "--version"], "git version ")),
    ]


def _ms(m: Measure) -> str:
    return f"{m.median * 1000:.0f} ms"


def _ratio_target(what: str, a: Measure, b: Measure, limit: float, rel: str) -> Target:
    r = a.median / b.median
    return Target(
        what,
        f"<= {limit:.1f}x {rel}",
        f"{a.median * 1000:.0f} ms vs {b.median * 1000:.0f} ms",
        f"{r:.2f}x",
        f"{min(a.wall) / min(b.wall):.2f}x",
        r <= limit,
    )


def summary(one: dict[str, Measure], many: dict[str, Measure], n: int,
            review: list[review_bench.Row], st: dict[str, Measure]) -> list[Target]:  # fmt: skip
    lint, cj, yl = one["refarch lint"], one["check-jsonschema"], one["yamllint"]
    batch = many["refarch lint (default --jobs)"]
    rate = n / batch.median
    default_review = [r for r in review if r[1].startswith("all") and r[1].endswith("releases")]
    worst = max(default_review, key=lambda r: statistics.median(r[2]))
    worst_s = statistics.median(worst[2])
    full, bare = st.values()
    return [
        _ratio_target("one plan: refarch lint vs yamllint", lint, yl, 1.0, "yamllint"),
        _ratio_target(
            "one plan: refarch lint vs check-jsonschema", lint, cj, 0.5, "check-jsonschema"
        ),  # fmt: skip
        Target(
            f"{n:,} plans in one call",
            ">= 2,000 plans/s on 2 cores",
            f"{rate:,.0f} plans/s",
            f"{rate / 2000:.2f}x the target",
            f"{n / min(batch.wall) / 2000:.2f}x",
            rate >= 2000,
        ),  # fmt: skip
        Target(
            f"review of {worst[1]} ({worst[0]} revised per release)",
            "< 3 s",
            f"{worst_s:.2f} s",
            f"{worst_s / 3:.2f}x the limit",
            f"{min(worst[2]) / 3:.2f}x",
            worst_s < 3,
        ),  # fmt: skip
        _ratio_target("site: full build vs plain mkdocs build", full, bare, 1.3, "plain mkdocs"),
    ]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return out + ["| " + " | ".join(r) + " |" for r in rows]


def _measures(ms: dict[str, Measure], extra: Callable[[Measure], list[str]]) -> list[list[str]]:
    return [[label, f"{m.median:.3f}", f"{min(m.wall):.3f}", f"{m.cpu_mean:.3f}", *extra(m)]
            for label, m in ms.items()]  # fmt: skip


def report(ctx: dict[str, object]) -> str:
    one, many, st, sz = ctx["one"], ctx["many"], ctx["site"], ctx["sizing"]
    assert isinstance(one, dict) and isinstance(many, dict) and isinstance(st, dict)
    assert isinstance(sz, dict)
    s: Sizes = ctx["sizes"]  # type: ignore[assignment]
    targets: list[Target] = ctx["targets"]  # type: ignore[assignment]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `bench/run.py{' --quick' if ctx['quick'] else ''}` (`make bench`) in one "
        "run on one machine: every figure below was measured side by side with the figures "
        "it is compared to. Medians of several runs after warm-up; wall time of a fresh "
        "process, start-up included; CPU is user + system time (mean) of the process and the "
        "processes it waited for. Python bytecode caching is on for every tool (into a "
        "private cache directory).",
        "",
        f"Machine: {ctx['cpu']}, {os.cpu_count()} CPUs ({timing_cpus()} usable), "
        f"{platform.system()} {platform.release()}; load average "
        f"{ctx['load_before']:.1f} at the start and {os.getloadavg()[0]:.1f} at the end.",
        "",
        "Versions: " + "; ".join(f"{k} {v}" for k, v in ctx["versions"]) + ".",  # type: ignore[attr-defined]
        "",
        "## Summary",
        "",
        "A target is met or not on the medians. Other work on the machine slows some runs "
        "more than others; the ratio of the fastest runs is shown beside it as the figure "
        "least disturbed by that.",
        "",
        *_table(
            ["figure", "target", "measured (medians)", "ratio", "ratio of fastest runs", "met"],
            [
                [t.what, t.target, t.measured, t.ratio, t.best, "yes" if t.met else "**no**"]
                for t in targets
            ],
        ),  # fmt: skip
        "",
        "## One plan (the pre-commit case)",
        "",
        f"`{ctx['single_file']}` (the clean example plan, {inputs.CLEAN_PLAN.stat().st_size:,} "
        f"bytes) in a scratch repository; {s.single_runs} runs after {s.single_warmup} "
        f"warm-up runs each. `refarch lint` loads the plan, its pinned architecture and the "
        "catalog entries it names, validates, runs every rule and prints the report; "
        "`check-jsonschema --schemafile schema/plan.schema.json` validates the schema only; "
        "`yamllint` checks YAML style only.",
        "",
        *_table(
            ["command", "wall median s", "wall min s", "CPU s", "vs floor"],
            _measures(one, lambda m: [f"+{(m.median - floor(one)) * 1000:.0f} ms"]),
        ),
        "",
        "## Many plans in one call",
        "",
        f"{ctx['plans']:,} plans (the example plans in turn, each with its own id; most have "
        "findings, so refarch exits 1 and prints them) passed as one file list; "
        f"{s.batch_runs} runs after a warm-up on 100 of them. Peak memory is the largest "
        "resident set of any one process of the run.",
        "",
        *_table(
            ["command", "wall median s", "wall min s", "CPU s", "plans/s", "peak RSS MiB"],
            _measures(many, lambda m: [f"{ctx['plans'] / m.median:,.0f}", f"{m.peak_rss_mb:.0f}"]),
        ),  # fmt: skip
        "",
        str(ctx["review_section"]).rstrip("\n"),
        "",
        "## Sizing",
        "",
        "`refarch size` of the README's example (Llama 3.3 70B FP8 for 1,000 users on DGX "
        "H100, the model's error band included), and the throughput-interactivity curve of the "
        f"same model with {CURVE_POINTS:,} batch sizes per tensor-parallel size "
        f"({s.single_runs} and {s.batch_runs} runs after a warm-up).",
        "",
        *_table(
            ["command", "wall median s", "wall min s", "CPU s"],
            _measures(ctx["sizing"], lambda m: []),  # type: ignore[arg-type]
        ),  # fmt: skip
        "",
        "## Import from NetBox",
        "",
        f"`refarch import netbox --from-export` of the fixture site's export repeated to "
        f"{IMPORT_RACKS:,} racks (9,500 devices, 2,500 power feeds), writing the plan with its "
        "provenance comments and running the DCM001 cross-check on it; then `refarch lint` of "
        f"the plan it wrote ({s.batch_runs} runs after a warm-up each).",
        "",
        *_table(
            ["command", "wall median s", "wall min s", "CPU s"],
            _measures(ctx["imported"], lambda m: []),  # type: ignore[arg-type]
        ),  # fmt: skip
        "",
        "## Site",
        "",
        "The full build (`mkdocs build`: the hook generates every KB, rule and schema page, "
        "then mkdocs-material renders them) against `mkdocs build` of the same pages rendered "
        "once into a plain docs directory, same theme, extensions and navigation, no hook; "
        f"{s.site_runs} runs after a warm-up each.",
        "",
        *_table(
            ["build", "wall median s", "wall min s", "CPU s"], _measures(st, lambda m: [])
        ),  # fmt: skip
        "",
    ]
    return "\n".join(lines)


def floor(one: dict[str, Measure]) -> float:
    return one['python -c "import yaml"'].median


def timing_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def write(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    notes = re.search(r"^## Notes\n.*", old, re.M | re.S)
    if notes:
        text = text.rstrip("\n") + "\n\n" + notes.group(0)
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="tiny inputs, one run each")
    p.add_argument("--output", type=Path, default=RESULTS, help="default: bench/RESULTS.md")
    opts = p.parse_args(argv)
    s = QUICK if opts.quick else FULL
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="refarch-bench-") as tmp:
        work = Path(tmp)
        env = timing.bench_env(work / "caches")
        os.environ.clear()
        os.environ.update(env)  # review_bench's processes inherit it
        print("one plan ...", flush=True)
        one, rel = single_plan(work, env, s)
        print("many plans ...", flush=True)
        many = many_plans(work, env, s)
        print("review ...", flush=True)
        section, rows = review_bench.measure(s.review_runs, s.releases, s.archs, 10, log=False)
        print("sizing ...", flush=True)
        sz = sizing(work, env, s)
        print("import ...", flush=True)
        imp = netbox_import(work, env, s)
        print("site ...", flush=True)
        st = site(work, env, s)
    ctx: dict[str, object] = dict(
        one=one, many=many, site=st, sizing=sz, imported=imp, sizes=s, quick=opts.quick,
        plans=s.plans,
        review_section=section, single_file=rel, cpu=cpu_model(), versions=versions(),
        load_before=load_before, targets=summary(one, many, s.plans, rows, st),
    )  # fmt: skip
    text = report(ctx)
    write(opts.output, text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
