"""Linting many plans at once: how many processes to share them among.

``lint_many(paths, kb, config, baseline, jobs=None)`` is :func:`linter.lint.engine.lint_paths`
with ``jobs=None`` picking the number of processes from the file count: one per CPU, but no
more than one per ``MIN_FILES_PER_JOB`` files, since a worker first loads its own copy of the
KB entries the plans name. 1 lints in this process.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from linter.core.parallel import cpus
from linter.kb.store import KnowledgeBase
from linter.lint.config import Config
from linter.lint.engine import lint_paths
from linter.lint.result import LintResult

# Below this many files per process, forking and warming a worker costs more than it saves.
MIN_FILES_PER_JOB = 250


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
    jobs = default_jobs(len(paths)) if jobs is None else jobs
    return lint_paths(paths, kb, config, baseline, today, jobs=jobs)
