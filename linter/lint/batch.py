"""Linting many plans at once: in this process, or shared by forked worker processes.

``lint_many(paths, kb, config, baseline, jobs=None)`` returns the same ``LintResult`` as
:func:`linter.lint.engine.lint_paths`, files in the order given. ``jobs=None`` picks the number of
processes from the file count (one per CPU, but no more than one per
``MIN_FILES_PER_JOB`` files, since a worker first loads its own copy of the KB entries the
plans name); 1 lints in this process. Workers are forked, so they inherit the knowledge base
and the configuration without pickling them; only findings travel back. The baseline is
applied here, in file order, because it is a budget shared by all files.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from typing import Any

from linter.core.errors import InputError, Location
from linter.kb.store import KnowledgeBase
from linter.lint import baseline as baseline_mod
from linter.lint import plan
from linter.lint.config import Config
from linter.lint.engine import lint_doc, lint_paths
from linter.lint.result import FileReport, LintResult

# Below this many files per process, forking and warming a worker costs more than it saves.
MIN_FILES_PER_JOB = 250
# Chunks per process: small enough to balance uneven files, large enough to amortise pickling.
CHUNKS_PER_JOB = 4

_Outcome = tuple[FileReport | None, tuple[str, str, int, int] | None]
_state: dict[str, Any] = {}


def cpus() -> int:
    """CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def default_jobs(files: int) -> int:
    return max(1, min(cpus(), files // MIN_FILES_PER_JOB))


def lint_many(
    paths: list[str],
    kb: KnowledgeBase,
    config: Config | None = None,
    baseline: Counter[str] | None = None,
    jobs: int | None = None,
    today: dt.date | None = None,
) -> LintResult:
    """Lint ``paths`` with ``jobs`` processes (None: by file count)."""
    config = config or Config()
    jobs = default_jobs(len(paths)) if jobs is None else max(1, min(jobs, len(paths)))
    if jobs == 1 or not hasattr(os, "fork"):
        return lint_paths(paths, kb, config, baseline, today)
    import multiprocessing  # here: a one-file lint does not pay for importing them
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, -(-len(paths) // (jobs * CHUNKS_PER_JOB)))
    chunks = [paths[k : k + size] for k in range(0, len(paths), size)]
    _state.update(kb=kb, config=config, today=today)
    result = LintResult(files=[], errors=[], config=config)
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for outcomes in pool.map(_worker, chunks):
                for report, error in outcomes:
                    if error is not None:
                        file, message, line, column = error
                        result.errors.append(InputError(message, Location(file, line, column)))
                    elif report is not None:
                        if baseline is not None:
                            report.findings, report.baselined = baseline_mod.apply(
                                report.findings, baseline
                            )
                        result.files.append(report)
    finally:
        _state.clear()
    return result


def _worker(paths: list[str]) -> list[_Outcome]:
    kb, config, today = _state["kb"], _state["config"], _state["today"]
    out: list[_Outcome] = []
    for path in paths:
        try:
            doc = plan.load(path)
        except InputError as exc:  # exceptions lose their location when pickled: send parts
            loc = exc.location or Location(path)
            out.append((None, (loc.file, exc.message, loc.line, loc.column)))
            continue
        try:
            out.append((lint_doc(doc, kb, config, today), None))
        except InputError as exc:  # a KB entry the plan needs cannot be read or is invalid
            loc = exc.location or Location(path)
            out.append((None, (loc.file, exc.message, loc.line, loc.column)))
    return out
