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

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypedDict

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
        return _history_review(hist, repo, release)
    finally:
        hist.repo.close()


def _history_review(hist: KBHistory, repo: Path, release: str) -> dict[str, Any]:
    hist.repo.require_commits()
    return _review(hist, repo, release)


def _review(hist: KBHistory, repo: Path, release: str) -> dict[str, Any]:
    base, head = review_range(hist, None, release)
    plans, cfg = _plans(repo)
    return review_json(build(hist, base, head, plans, cfg))


def _rendered(data_of: Callable[[], dict[str, Any]]) -> tuple[Markup, str]:
    """The packet ``data_of`` builds, rendered, or why there is none."""
    try:
        data = data_of()
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
    return _rendered(lambda: review_data(site, repo, release))


class _Note(Protocol):
    """A version's change note: an architecture's ``changes`` entry or a history record."""

    @property
    def summary(self) -> str: ...

    @property
    def why(self) -> str: ...


def _row(
    here: str,
    arch_id: str,
    title: str,
    target: str,
    version: str,
    changed: bool,
    note: _Note | None,
) -> ArchitectureRelease:
    """One architecture's row; ``target`` is the id of its page ("" when it has none)."""
    return ArchitectureRelease(
        id=arch_id,
        title=title,
        link=rel(here, page_path(target)) if target else "",
        version=version,
        changed="yes" if changed else "",
        summary=note.summary if note else "",
        why=note.why if note else "",
    )


def _current(site: Site, pkt: Markup, error: str) -> ReleaseContext:
    """The release the KB is at, from the KB itself, with its packet (or why none)."""
    here = page_path_release(site.release)
    manifest = site.kb.release
    rows = [
        _row(
            here,
            arch.id,
            arch.title or arch.id,
            arch.id,
            manifest.architectures.get(arch.id, arch.version),
            arch.version == site.release,
            arch.change(arch.version),
        )
        for arch in site.kb.architectures()
    ]
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
        target = current if site.kb.has("architecture", current) else ""
        rows.append(_row(here, arch_id, arch_id, target, version, version == release.release, note))
    if release == hist.releases()[0]:
        pkt, error = Markup(""), "it is the first release in the knowledge base's history"
    else:
        pkt, error = _rendered(lambda: _review(hist, repo, release.release))
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
    KB itself; only the current one without git history. The history is opened once."""
    repo = site.options.kb_root.resolve().parent
    if not (repo / ".git").exists():
        return [_current(site, *packet(site, site.release))]
    try:
        hist = open_history(repo, site.options.kb_root)
    except RefarchError as exc:
        return [_current(site, Markup(""), str(exc).strip() or "no review packet")]
    try:
        current = _current(site, *_rendered(lambda: _history_review(hist, repo, site.release)))
        try:
            releases = [r for r in hist.releases() if r.release != site.release]
            past = [_past(site, hist, repo, r) for r in releases]
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
                "current_date": site.release_date,
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
