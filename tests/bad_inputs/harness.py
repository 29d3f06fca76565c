"""Run one case of the bad-input corpus (tests/bad_inputs/cases.yaml) and compare its outcome
with the expectation written beside it.

Every case runs in a subprocess (``python -m linter ...`` or ``python -m mkdocs build``) in a
fresh working directory, under an address-space limit, with a generous timeout that only
guards against a hang. Besides what the case states (exit code, lines of output, the file and
line named), every case must show no traceback and no internal error, peak at under 300 MB,
and leave every file it reads unchanged: the working directory, the knowledge base and the
site sources are hashed before and after.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
MANIFEST = HERE / "cases.yaml"
MAX_RSS_MB = 300
AS_LIMIT = 2 * 1024**3  # a runaway allocation fails in the child instead of swapping the host
DEFAULT_TIMEOUT = 120.0  # a hang guard only; cases take a second or a few


@dataclass
class Case:
    id: str
    about: str
    input: dict[str, Any]
    run: list[list[str]]  # one command, or several run at once
    exit: list[int]
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    where: str | None = None
    writes: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    same_output: bool = False
    timeout: float = DEFAULT_TIMEOUT
    skip_as_root: str = ""
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Outcome:
    codes: list[int]
    stdouts: list[str]
    stderrs: list[str]
    max_rss_mb: float
    seconds: float
    timed_out: bool
    changed: list[str]
    post_problems: list[str]
    values: dict[str, str]
    work: Path


def load_cases(path: Path = MANIFEST) -> list[Case]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for item in raw:
        run = item.pop("run", None)
        parallel = item.pop("parallel", None)
        runs = parallel if parallel is not None else [run]
        code = item.pop("exit")
        codes = code if isinstance(code, list) else [code] * len(runs)
        cases.append(Case(run=runs, exit=codes, **item))
    return cases


# --- the checked tree ---------------------------------------------------------------------


def tree_hash(roots: list[Path], skip: set[Path]) -> dict[str, str]:
    """Content (or link target) and mode of every file under ``roots``; git's index, which
    ``git status`` refreshes by design, is left out."""
    out: dict[str, str] = {}
    for root in roots:
        if not root.exists():
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames + [d for d in dirnames if Path(dirpath, d).is_symlink()]):
                p = Path(dirpath, name)
                if any(p == s or s in p.parents for s in skip) or (
                    p.name == "index" and p.parent.name == ".git"
                ):
                    continue
                st = p.lstat()
                if p.is_symlink():
                    digest = "link:" + os.readlink(p)
                elif p.is_fifo():
                    digest = "fifo"
                elif not os.access(p, os.R_OK) or st.st_mode & 0o444 == 0:
                    digest = f"unreadable:{st.st_size}:{st.st_mtime_ns}"
                else:
                    digest = hashlib.sha256(p.read_bytes()).hexdigest()
                out[str(p)] = f"{oct(st.st_mode)}:{digest}"
    return out


def tree_changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    changed = [f"changed {p}" for p in sorted(before) if p in after and before[p] != after[p]]
    changed += [f"removed {p}" for p in sorted(set(before) - set(after))]
    changed += [f"created {p}" for p in sorted(set(after) - set(before))]
    return changed


# --- running ------------------------------------------------------------------------------


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(text: str, values: dict[str, str], quote: Callable[[str], str] = str) -> str:
    """``{name}`` -> its value; any other brace (``[0-9]{4}``) stays as written."""
    return _PLACEHOLDER.sub(
        lambda m: quote(values[m.group(1)]) if m.group(1) in values else m.group(0), text
    )


def command(argv: list[str], values: dict[str, str]) -> list[str]:
    """``["lint", "{input}"]`` -> ``python -m linter lint x.yaml``; ``@mkdocs`` -> mkdocs."""
    args = [fill(a, values) for a in argv]
    if args and args[0] == "@mkdocs":
        return [sys.executable, "-m", "mkdocs", *args[1:]]
    return [sys.executable, "-m", "linter", *args]


def spawn(argv: list[str], cwd: Path, env: dict[str, str], out: Path, err: Path) -> int:
    with open(out, "wb") as fo, open(err, "wb") as fe:
        proc = subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=fo, stderr=fe,
            preexec_fn=_limits, start_new_session=True,
        )  # fmt: skip
    proc.returncode = 0  # reaped below with os.wait4, for its own resource usage
    return proc.pid


def run_case(case: Case, kb: Path, base: Path) -> Outcome:
    """Build the case's inputs in a fresh directory under ``base`` and run it."""
    from bad_inputs.recipes import RECIPES

    work = Path(tempfile.mkdtemp(prefix=f"{case.id}-", dir=base))
    values: dict[str, Any] = {"work": str(work), "kb": str(kb)}
    inp = dict(case.input)
    post: Callable[[], list[str]] | None = None
    if "recipe" in inp:
        made = RECIPES[inp.pop("recipe")](work, **inp)
        post = made.pop("post", None)
        values.update(made)
    else:
        name = inp.get("name") or inp.get("file") or "input.yaml"
        if "file" in inp:
            text = (FILES / inp["file"]).read_text(encoding="utf-8")
        elif "base" in inp:
            text = (FILES / inp["base"]).read_text(encoding="utf-8")
            for old, new in inp.get("replace", []):
                if old not in text:
                    raise ValueError(f"{case.id}: {old!r} is not in {inp['base']}")
                text = text.replace(old, new, 1)
            text += inp.get("append", "")
        else:
            text = inp.get("text", "")
        (work / name).write_text(text, encoding="utf-8")
        values["input"] = name
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REFARCH_", "PYTEST"))}
    env.update(NO_COLOR="1", REFARCH_KB=str(kb), NO_MKDOCS_2_WARNING="1",
               REFARCH_CACHE_DIR=str(base / "parse-cache"),
               SOURCE_DATE_EPOCH="1764115200", TMPDIR=str(work / "tmp"))  # fmt: skip
    (work / "tmp").mkdir()
    env.update({k: fill(v, values) for k, v in case.env.items()})
    roots = [work, kb]
    skip = {work / fill(w, values) for w in case.writes} | {work / "tmp"}
    before = tree_hash(roots, skip)

    pids, outs = [], []
    start = time.perf_counter()
    for i, argv in enumerate(case.run):
        out, err = base / f"{work.name}.{i}.out", base / f"{work.name}.{i}.err"
        outs.append((out, err))
        pids.append(spawn(command(argv, values), work, env, out, err))
    timed_out = threading.Event()

    def guard() -> None:
        timed_out.set()
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)

    timer = threading.Timer(case.timeout, guard)
    timer.start()
    codes, rss = [], 0
    try:
        for pid in pids:
            _, status, usage = os.wait4(pid, 0)
            codes.append(os.waitstatus_to_exitcode(status))
            rss = max(rss, usage.ru_maxrss)
    finally:
        timer.cancel()
    seconds = time.perf_counter() - start
    stdouts = [o.read_text(encoding="utf-8", errors="replace") for o, _ in outs]
    stderrs = [e.read_text(encoding="utf-8", errors="replace") for _, e in outs]
    problems = post() if post is not None else []
    problems += [f"{p} exists" for p in case.absent if (work / fill(p, values)).exists()]
    changed = tree_changes(before, tree_hash(roots, skip))
    return Outcome(codes, stdouts, stderrs, rss / 1024, seconds, timed_out.is_set(), changed,
                   problems, {k: str(v) for k, v in values.items()}, work)  # fmt: skip


# --- comparing ----------------------------------------------------------------------------


def _matches(expected: str, line: str, values: dict[str, str]) -> bool:
    if expected.startswith("re:"):
        return re.fullmatch(fill(expected[3:], values, re.escape), line) is not None
    return line == fill(expected, values)


def mismatches(case: Case, outcome: Outcome) -> list[str]:
    """Everything in ``outcome`` that differs from what ``case`` states (empty: it passed)."""
    found: list[str] = []
    v = outcome.values
    if outcome.timed_out:
        found.append(f"hung: killed after {case.timeout:g} s")
    if outcome.codes != case.exit:
        found.append(f"exit code {outcome.codes}, expected {case.exit}")
    out_lines = [ln for o in outcome.stdouts for ln in o.splitlines()]
    err_lines = [ln for e in outcome.stderrs for ln in e.splitlines()]
    for stream, expected, lines in (("stdout", case.stdout, out_lines),
                                    ("stderr", case.stderr, err_lines)):  # fmt: skip
        for want in expected:
            if not any(_matches(want, line, v) for line in lines):
                found.append(f"{stream} has no line {want!r}")
    text = "\n".join(outcome.stdouts + outcome.stderrs)
    if case.where is not None and fill(case.where, v) not in text:
        found.append(f"no message names {fill(case.where, v)!r}")
    if "Traceback (most recent call last)" in text:
        found.append("a traceback was printed")
    if "internal error" in text:
        found.append("refarch reported an internal error")
    linted = [o for o, argv in zip(outcome.stdouts, case.run, strict=True) if argv[0] != "@mkdocs"]
    if case.same_output and len(set(linted)) > 1:
        found.append("concurrent runs printed different reports")
    if outcome.max_rss_mb >= MAX_RSS_MB:
        found.append(f"peak memory {outcome.max_rss_mb:.0f} MB, limit {MAX_RSS_MB} MB")
    found += [f"the checked tree changed: {c}" for c in outcome.changed]
    found += outcome.post_problems
    return found


def cleanup(outcome: Outcome) -> None:
    for p in outcome.work.rglob("*"):
        if not p.is_symlink() and p.exists() and not p.is_fifo():
            p.chmod(0o700 if p.is_dir() else 0o600)
    shutil.rmtree(outcome.work, ignore_errors=True)
