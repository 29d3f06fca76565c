"""Version to version: one compare page per architecture, and the "what changed" box.

Each step of an architecture's history (a version to the next one a release shipped) is the
classified semantic diff ``refarch diff ARCH@OLD ARCH@NEW`` prints: each change with its
check and level, numbers with their units and % change, and the changes that reach the
architecture through the catalog entries it names. Reading history needs the KB to be the
``architectures/`` directory of a git repository; without one the pages say so.

The steps of every architecture are computed once per build (:func:`steps`) and shared by
the compare pages and the box on each architecture page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from linter.core.errors import RefarchError
from linter.kb.model.release import change_for
from linter.review.archdiff import arch_diff
from linter.review.classify import Classified
from linter.review.history import KBHistory
from linter.review.ranges import open_history
from linter.site.core import Page, Site, slug


@dataclass(frozen=True)
class Row:
    level: str
    check: str
    where: str
    detail: str
    sources: tuple[tuple[str, str], ...] = ()  # (label, URL or "") of what the change cites


def _cited(c: Classified) -> tuple[tuple[str, str], ...]:
    """The change's citations as (label, URL): ``id (retrieved)`` or ``derived: formula``."""
    out = []
    for cite in c.sources:
        if "derived" in cite:
            out.append((f"derived: {cite['derived']}", ""))
        else:
            when = f" ({cite['retrieved']})" if cite["retrieved"] else ""
            out.append((cite["id"] + when, cite["url"]))
    return tuple(out)


@dataclass(frozen=True)
class Step:
    """One architecture from one version to the next."""

    old: str
    new: str
    date: str
    summary: str
    why: str
    changes: list[Row] = field(default_factory=list)
    catalog: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class History:
    """Every architecture's steps, newest first, or why there are none."""

    steps: dict[str, list[Step]]
    error: str = ""


def page_path(arch_id: str) -> str:
    return f"architectures/{slug(arch_id)}-changes.md"


def _rows(changes: list[Classified]) -> list[Row]:
    return [Row(c.level, c.check, c.change.where, c.change.detail(), _cited(c)) for c in changes]


def _steps(hist: KBHistory, arch: str) -> list[Step]:
    lin = hist.lineage(arch)
    records = lin.versions if lin else []
    notes = {r.version: r for r in records}
    versions = list(dict.fromkeys(r.version for r in records if r.version))  # in history order
    out = []
    for old, new in zip(versions, versions[1:], strict=False):
        d = arch_diff(hist, f"{arch}@{old}", f"{arch}@{new}")
        note = notes.get(new)
        entry = change_for(hist.doc(d.new.rev, d.new.path).data, new)
        out.append(
            Step(
                old=old,
                new=new,
                date=entry.date if entry else "",  # the version's own date, not a commit's
                summary=note.summary if note else "",
                why=note.why if note else "",
                changes=_rows(d.changes),
                catalog=_rows(d.catalog),
            )
        )
    return list(reversed(out))


def _compute(site: Site) -> History:
    repo = site.options.kb_root.resolve().parent
    if not (repo / ".git").exists():
        return History({}, "the knowledge base is not in a git repository")
    try:
        hist = open_history(repo, site.options.kb_root)
    except RefarchError as exc:
        return History({}, str(exc))
    try:
        hist.repo.require_commits()
        return History({a.id: _steps(hist, a.id) for a in site.kb.architectures()})
    except RefarchError as exc:
        return History({}, str(exc))
    finally:
        hist.repo.close()


def steps(site: Site) -> History:
    """Every architecture's steps, computed once per build."""
    return site.memo("compare.steps", lambda: _compute(site))


def latest(site: Site, arch_id: str) -> Step | None:
    """The architecture's newest step, if history has one."""
    found = steps(site).steps.get(arch_id) or []
    return found[0] if found else None


def pages(site: Site) -> Iterator[Page]:
    history = steps(site)
    for arch in site.kb.architectures():
        here = page_path(arch.id)
        yield Page(
            here,
            site.render(
                "compare.md.j2",
                {
                    "id": arch.id,
                    "title": arch.title or arch.id,
                    "arch_link": f"{slug(arch.id)}.md",
                    "version": arch.version,
                    "steps": history.steps.get(arch.id, []),
                    "error": history.error,
                },
            ),
        )
