"""Monthly updates: one page per KB release in the repository's git history.

The current release comes from ``architectures/release.yaml``: its date and summary, every
architecture at its version and that version's change notes; earlier ones from their
manifests and the architectures' history. Each page also carries the review packet against
the release before it, the document ``refarch review --format json`` prints (rendered by
``linter.site.jsonmd``, so every string is escaped), or says why there is none (the first
release has nothing before it). The impact section lints the repository's example plans as
they are now.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypedDict

from markupsafe import Markup

from linter.core.errors import RefarchError
from linter.kb.model.release import Release as Manifest
from linter.lint import config
from linter.review.history import KBHistory
from linter.review.history import Release as HistoryRelease
from linter.review.impact import find_plans
from linter.review.packet import build
from linter.review.ranges import open_history, review_range
from linter.review.render import review_json
from linter.site import jsonmd
from linter.site.architectures import page_path
from linter.site.core import Page, Site, rel, slug


class ArchitectureRelease(TypedDict):
    id: str
    title: str
    link: str
    version: str
    changed: str
    summary: str
    why: str


class ReleaseContext(TypedDict):
    """Everything ``release.md.j2`` shows."""

    release: str
    date: str
    summary: str
    architectures: list[ArchitectureRelease]
    packet: Markup
    packet_error: str


def page_path_release(release: str) -> str:
    return f"releases/{slug(release)}.md"


PLANS = "examples/plans"


def _plans(repo: Path) -> tuple[list[str] | None, config.Config | None]:
    """The repository's example plans (as they are now) for the impact, if any."""
    if not (repo / PLANS).is_dir():
        return None, None
    return find_plans([str(repo / PLANS)]), config.discover(repo)


def review_data(site: Site, repo: Path, release: str) -> dict[str, Any]:
    """``refarch review --to RELEASE --format json`` for the KB in ``repo``, with the
    repository's example plans, if any, for the impact."""
    hist = open_history(repo, site.options.kb_root)
    try:
        hist.repo.require_commits()
        return _review(hist, repo, release)
    finally:
        hist.repo.close()


def _review(hist: KBHistory, repo: Path, release: str) -> dict[str, Any]:
    base, head = review_range(hist, None, release)
    plans, cfg = _plans(repo)
    return review_json(build(hist, base, head, plans, cfg))


def _packet(hist: KBHistory, repo: Path, release: str) -> tuple[Markup, str]:
    try:
        data = _review(hist, repo, release)
    except RefarchError as exc:
        return Markup(""), str(exc).strip() or "no review packet"
    return Markup(jsonmd.render(data, level=3)), ""


def packet(site: Site, release: str) -> tuple[Markup, str]:
    """The review packet of ``release`` against the release before it, or why there is none.

    Reviews read git history, so they run only when the KB is the ``architectures/``
    directory of a git repository.
    """
    repo = site.options.kb_root.resolve().parent
    if not (repo / ".git").exists():
        return Markup(""), "the knowledge base is not in a git repository"
    try:
        data = review_data(site, repo, release)
    except RefarchError as exc:
        return Markup(""), str(exc).strip() or "no review packet"
    return Markup(jsonmd.render(data, level=3)), ""


def _current(site: Site) -> ReleaseContext:
    """The release the KB is at, from the KB itself."""
    here = page_path_release(site.release)
    manifest = site.kb.release
    rows = []
    for arch in site.kb.architectures():
        note = arch.change(arch.version)
        rows.append(
            ArchitectureRelease(
                id=arch.id,
                title=arch.title or arch.id,
                link=rel(here, page_path(arch.id)),
                version=manifest.architectures.get(arch.id, arch.version),
                changed="yes" if arch.version == site.release else "",
                summary=note.summary if note else "",
                why=note.why if note else "",
            )
        )
    pkt, error = packet(site, site.release)
    return ReleaseContext(
        release=site.release,
        date=site.release_date,
        summary=manifest.summary,
        architectures=rows,
        packet=pkt,
        packet_error=error,
    )


def _past(site: Site, hist: KBHistory, repo: Path, release: HistoryRelease) -> ReleaseContext:
    """An earlier release, from its manifest and the architectures' history."""
    here = page_path_release(release.release)
    doc = hist.release_doc(release.last)
    manifest = Manifest.parse(doc.data if doc else {})
    rows = []
    for arch_id, version in manifest.architectures.items():
        lin = hist.lineage(arch_id)
        note = next((r for r in lin.versions if r.version == version), None) if lin else None
        current = lin.id if lin else arch_id
        rows.append(
            ArchitectureRelease(
                id=arch_id,
                title=arch_id,
                link=rel(here, page_path(current)) if site.kb.has("architecture", current) else "",
                version=version,
                changed="yes" if version == release.release else "",
                summary=note.summary if note else "",
                why=note.why if note else "",
            )
        )
    if release == hist.releases()[0]:
        pkt, error = Markup(""), "it is the first release in the knowledge base's history"
    else:
        pkt, error = _packet(hist, repo, release.release)
    return ReleaseContext(
        release=release.release,
        date=manifest.date,
        summary=manifest.summary,
        architectures=rows,
        packet=pkt,
        packet_error=error,
    )


def contexts(site: Site) -> list[ReleaseContext]:
    """Every release in the KB's git history, oldest first, the current one read from the
    KB itself; only the current one without git history."""
    current = _current(site)
    repo = site.options.kb_root.resolve().parent
    if not (repo / ".git").exists():
        return [current]
    try:
        hist = open_history(repo, site.options.kb_root)
    except RefarchError:
        return [current]
    try:
        hist.repo.require_commits()
        past = [_past(site, hist, repo, r) for r in hist.releases() if r.release != site.release]
    except RefarchError:
        past = []
    finally:
        hist.repo.close()
    return sorted([*past, current], key=lambda c: c["release"])


def pages(site: Site) -> Iterator[Page]:
    all_releases = contexts(site)
    for ctx in all_releases:
        yield Page(
            page_path_release(ctx["release"]),
            site.render("release.md.j2", ctx),
            title=f"Release {ctx['release']}",
        )
    yield Page(
        "releases/index.md",
        site.render(
            "releases-index.md.j2",
            {
                "build_date": site.build_date,
                "current": site.release,
                "releases": [
                    {
                        "version": c["release"],
                        "date": c["date"],
                        "link": page_path_release(c["release"]).removeprefix("releases/"),
                        "summary": c["summary"],
                    }
                    for c in reversed(all_releases)
                ],
            },
        ),
    )
