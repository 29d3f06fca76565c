"""The impact of a KB change on existing plans: lint each plan against the old and the new KB
and compare the findings (new, resolved, changed severity, changed message)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from linter.core.errors import GitError, InputError, UsageError
from linter.core.findings import Finding
from linter.core.paths import expand_paths
from linter.kb.store import KnowledgeBase
from linter.lint.config import Config
from linter.lint.engine import lint_file
from linter.review.history import KBHistory
from linter.review.revision import Revision


@dataclass
class PlanImpact:
    plan: str
    before: list[Finding] = field(default_factory=list)
    after: list[Finding] = field(default_factory=list)
    new: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    severity_changed: list[tuple[Finding, Finding]] = field(default_factory=list)
    message_changed: list[tuple[Finding, Finding]] = field(default_factory=list)
    error: str = ""

    @property
    def affected(self) -> bool:
        return bool(self.new or self.resolved or self.severity_changed or self.message_changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan,
            "affected": self.affected,
            "error": self.error,
            "before": counts(self.before),
            "after": counts(self.after),
            "new": [f.to_dict() for f in self.new],
            "resolved": [f.to_dict() for f in self.resolved],
            "severity_changed": [
                {"before": a.to_dict(), "after": b.to_dict()} for a, b in self.severity_changed
            ],
            "message_changed": [
                {"before": a.to_dict(), "after": b.to_dict()} for a, b in self.message_changed
            ],
        }


def counts(findings: list[Finding]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out


def find_plans(dirs: list[str]) -> list[str]:
    """Every YAML file under the given directories (or the files themselves), sorted."""
    for d in dirs:
        if not Path(d).is_file() and not Path(d).is_dir():
            raise UsageError(f"--plans: no such directory: {d}")
    errors: list[InputError] = []
    found = expand_paths(dirs, errors)
    if errors:
        raise UsageError(f"--plans: {errors[0]}")
    return list(dict.fromkeys(found))


def kb_at(hist: KBHistory, rev: Revision, tmp: Path) -> KnowledgeBase:
    """The KB as it was at ``rev``; a commit's KB is written out under ``tmp`` first."""
    if rev.is_worktree:
        return KnowledgeBase.open(hist.repo.root / hist.prefix, checked=True)
    root = tmp / rev.short / (Path(hist.prefix).name or "kb")
    for path, blob in hist.files(rev, "", recursive=True).items():
        rel = path[len(hist.prefix) + 1 :] if hist.prefix else path
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            data = hist.repo.blob(blob)
        except GitError as exc:  # a missing or corrupt object: say which file it is
            raise GitError(f"{path} at {rev.label}: {exc.message}") from None
        target.write_bytes(data)
    root.mkdir(parents=True, exist_ok=True)
    return KnowledgeBase.open(root, checked=True)


def _relabel(f: Finding, root: Path, label: str) -> Finding:
    """Point `related` locations into the KB at a revision, not into a temporary directory."""
    prefix = str(root)
    if not any(r.file.startswith(prefix) for r in f.related):
        return f
    related = tuple(
        replace(r, file=label + r.file[len(prefix) :]) if r.file.startswith(prefix) else r
        for r in f.related
    )
    return replace(f, related=related)


def _lint(path: str, kb: KnowledgeBase, config: Config, label: str) -> list[Finding]:
    return [_relabel(f, kb.root, label) for f in lint_file(path, kb, config)]


def compare(plan: str, before: list[Finding], after: list[Finding]) -> PlanImpact:
    """Match findings by rule and position; what is left over is new or resolved."""
    result = PlanImpact(plan, before, after)
    pool: dict[tuple[str, str, int, int], list[Finding]] = defaultdict(list)
    for f in before:
        pool[(f.rule, f.path, f.line, f.column)].append(f)
    for f in after:
        candidates = pool.get((f.rule, f.path, f.line, f.column))
        if not candidates:
            result.new.append(f)
            continue
        same = next((c for c in candidates if c.message == f.message), candidates[0])
        candidates.remove(same)
        if same.severity != f.severity:
            result.severity_changed.append((same, f))
        elif same.message != f.message:
            result.message_changed.append((same, f))
    result.resolved = [f for fs in pool.values() for f in fs]
    result.resolved.sort(key=Finding.sort_key)
    return result


def impact(
    plans: list[str],
    old: KnowledgeBase,
    new: KnowledgeBase,
    config: Config,
    labels: tuple[str, str],
) -> list[PlanImpact]:
    out: list[PlanImpact] = []
    for plan in plans:
        try:
            before = _lint(plan, old, config, labels[0])
            after = _lint(plan, new, config, labels[1])
        except InputError as exc:
            out.append(PlanImpact(plan, error=str(exc)))
            continue
        out.append(compare(plan, before, after))
    return out
