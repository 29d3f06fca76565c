"""The monthly review packet: what changed in the KB between two releases, how breaking it is,
why it changed, whether the release is consistent, and which plans change verdict."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.core.errors import InputError
from linter.core.findings import Finding
from linter.kb.change_checks import LEVELS
from linter.kb.freshness import DEFAULT_MAX_AGE_DAYS, Freshness, freshness
from linter.kb.model.catalog import Efficiency
from linter.kb.model.catalog import parse as parse_catalog
from linter.kb.model.release import Release, changes_of
from linter.kb.store import KIND_DIRS
from linter.lint.config import Config
from linter.review import consistency
from linter.review.citations import citations
from linter.review.classify import Classified, classify_all
from linter.review.diff import Change, diff
from linter.review.history import KBHistory, version_of
from linter.review.impact import PlanImpact, impact, kb_at
from linter.review.revision import WORKTREE_REV, Revision, stem


@dataclass
class EntryReview:
    """One architecture or catalog file that was added, removed, renamed or changed."""

    kind: str
    id: str
    state: str  # added | removed | renamed | changed
    old_id: str = ""
    old_version: str = ""
    new_version: str = ""
    path: str = ""
    changes: list[Classified] = field(default_factory=list)
    rationale: list[dict[str, Any]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {lv: sum(1 for c in self.changes if c.level == lv) for lv in LEVELS}

    @property
    def level(self) -> str:
        return next((lv for lv in LEVELS if self.counts[lv]), "info")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "state": self.state,
            "old_id": self.old_id,
            "old_version": self.old_version,
            "new_version": self.new_version,
            "path": self.path,
            "level": self.level,
            "counts": self.counts,
            "changes": [c.to_dict() for c in self.changes],
            "rationale": self.rationale,
        }


@dataclass
class Review:
    base: Revision
    head: Revision
    base_release: str
    head_release: str
    steps: list[Revision]  # releases between base and head
    each_release: bool  # whether consistency was checked at each of them
    architectures: list[EntryReview]
    catalog: list[EntryReview]
    consistency: list[Finding]
    impact: list[PlanImpact] | None = None
    notes: list[str] = field(default_factory=list)
    calibration: list[Freshness] = field(default_factory=list)
    calibration_max_age_days: int = DEFAULT_MAX_AGE_DAYS

    def counts(self) -> dict[str, int]:
        entries = self.architectures + self.catalog
        return {lv: sum(e.counts[lv] for e in entries) for lv in LEVELS}


def _kind(hist: KBHistory, path: str) -> str:
    rel = path[len(hist.prefix) + 1 :] if hist.prefix else path
    return KIND_DIRS.get(rel.rsplit("/", 1)[0], "") if "/" in rel else ""


def _rationale(data: Any, since: str) -> list[dict[str, Any]]:
    return [c.as_dict() for c in changes_of(data) if c.version > since]


def _entry(
    hist: KBHistory,
    kind: str,
    base: Revision,
    head: Revision,
    old: str | None,
    new: str | None,
    blobs: tuple[dict[str, str], dict[str, str]],
) -> EntryReview | None:
    od = hist.doc(base, old, blobs[0][old]) if old else None
    nd = hist.doc(head, new, blobs[1][new]) if new else None
    arch = kind == "architecture"
    if od is None and nd is not None:
        check = "architecture-added" if arch else "catalog-entry-added"
        return EntryReview(
            kind,
            stem(new or ""),
            "added",
            new_version=version_of(nd),
            path=new or "",
            changes=[Classified(Change((), "added", new=nd.data), check, citations(nd.data, None))],
            rationale=_rationale(nd.data, ""),
        )
    if nd is None and od is not None:
        check = "architecture-removed" if arch else "catalog-entry-removed"
        return EntryReview(
            kind,
            stem(old or ""),
            "removed",
            old_version=version_of(od),
            path=old or "",
            changes=[Classified(Change((), "removed", old=od.data), check)],
        )
    assert od is not None and nd is not None
    changes = classify_all(diff(od.data, nd.data), kind, od.data, nd.data)
    renamed = stem(old or "") != stem(new or "")
    if not changes and not renamed:
        return None
    ov = version_of(od)
    return EntryReview(
        kind,
        stem(new or ""),
        "renamed" if renamed else "changed",
        old_id=stem(old or "") if renamed else "",
        old_version=ov,
        new_version=version_of(nd),
        path=new or "",
        changes=changes,
        rationale=_rationale(nd.data, ov) if ov else [],
    )


def _order(e: EntryReview) -> tuple[int, str]:
    return (LEVELS.index(e.level), e.id)


def steps_between(hist: KBHistory, base: Revision, head: Revision) -> list[Revision]:
    """``base``, every other release that ended strictly between the two, and ``head``."""
    pa, pb = hist.position(base), hist.position(head)
    ends = {release_name(hist, base), release_name(hist, head)}
    inner: list[Revision] = []
    if pa is not None and pb is not None:
        inner = [r.last for r in hist.releases() if pa < r.position < pb and r.release not in ends]
    return [base, *inner, head]


def release_name(hist: KBHistory, rev: Revision) -> str:
    if rev.release:
        return rev.release
    doc = hist.release_doc(rev)
    return Release.parse(doc.data).version if doc is not None else ""


def build(
    hist: KBHistory,
    base: Revision,
    head: Revision,
    plans: list[str] | None = None,
    config: Config | None = None,
    each_release: bool = False,
    jobs: int = 1,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
) -> Review:
    """The review packet from ``base`` to ``head``.

    Release consistency is checked between the two ends; with ``each_release`` also between
    every pair of consecutive releases in between (an audit of the span, parsing every
    revision of every file: ``jobs`` processes share that work). Plans are linted against
    both ends when ``plans`` is given.
    """
    steps = steps_between(hist, base, head)
    checked = steps if each_release else [base, head]
    releases = [release_name(hist, r) for r in checked]
    names = [rel or r.short for rel, r in zip(releases, checked, strict=True)]
    found = consistency.check_steps(hist, checked, names, jobs)
    old_arch, new_arch = hist.architectures(base), hist.architectures(head)
    archs = []
    for pair in consistency.pair_files(hist, old_arch, new_arch):
        e = _entry(
            hist, "architecture", base, head, pair.old_path, pair.new_path, (old_arch, new_arch)
        )
        if e is not None:
            archs.append(e)
    old_all, new_all = hist.files(base, recursive=True), hist.files(head, recursive=True)
    catalog = []
    for path in sorted(set(old_all) | set(new_all)):
        kind = _kind(hist, path)
        if kind in ("", "architecture") or old_all.get(path, "-") == new_all.get(path, "+") != "":
            continue
        e = _entry(
            hist,
            kind,
            base,
            head,
            path if path in old_all else None,
            path if path in new_all else None,
            (old_all, new_all),
        )
        if e is not None:
            catalog.append(e)
    review = Review(
        base,
        head,
        releases[0],
        releases[-1],
        steps[1:-1],
        each_release,
        sorted(archs, key=_order),
        sorted(catalog, key=_order),
        consistency.dedupe(found),
    )
    review.notes = notes(hist)
    review.calibration_max_age_days = max_age_days
    review.calibration = calibration_at(hist, head, max_age_days, new_all)
    if plans is not None:
        with tempfile.TemporaryDirectory(prefix="refarch-review-") as tmp:
            old_kb, new_kb = kb_at(hist, base, Path(tmp)), kb_at(hist, head, Path(tmp))
            labels = (f"{hist.prefix}@{base.short}", f"{hist.prefix}@{head.short}")
            review.impact = impact(plans, old_kb, new_kb, config or Config(), labels)
    return review


def calibration_at(
    hist: KBHistory, head: Revision, max_age_days: int, files: dict[str, str]
) -> list[Freshness]:
    """The freshness of every efficiency set at ``head``, aged against ``head``'s release
    date (its commit date, or today for the working tree), so a packet reads the same
    whenever it is made."""
    doc = hist.release_doc(head)
    day = Release.parse(doc.data if doc else None).date or head.day or dt.date.today().isoformat()
    try:
        today = dt.date.fromisoformat(day)
    except ValueError:
        today = dt.date.today()
    out = []
    prefix = f"{hist.prefix}/catalog/efficiency/" if hist.prefix else "catalog/efficiency/"
    for path, blob in sorted(files.items()):  # head's KB files, as build already listed them
        if not (path.startswith(prefix) and path.endswith(".yaml")):
            continue
        try:
            entry = parse_catalog("efficiency", stem(path), hist.doc(head, path, blob))
        except InputError:
            continue
        if isinstance(entry, Efficiency):
            out.append(freshness(entry, today, max_age_days))
    return out


def check_worktree(hist: KBHistory, base: Revision) -> list[Finding]:
    """``refarch review --check``: the working tree's architecture changes against ``base``."""
    label = f"{base.short} -> worktree"
    return consistency.dedupe(consistency.check_step(hist, base, WORKTREE_REV, label))


def notes(hist: KBHistory) -> list[str]:
    """Caveats about the history read: shallow clone, detached HEAD, unreadable files."""
    from linter.review.git import UNSHALLOW_HINT

    out = []
    if hist.repo.is_shallow:
        out.append(
            "The history is truncated (shallow clone): older versions are missing; "
            f"{UNSHALLOW_HINT}."
        )
    detached = hist.repo.detached_at
    if detached:
        out.append(f"HEAD is detached at {detached[:7]}: history is read up to that commit.")
    out.extend(f"Unreadable in history: {p}" for p in dict.fromkeys(str(e) for e in hist.problems))
    return out
