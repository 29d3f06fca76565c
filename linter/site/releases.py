"""Monthly updates: one page per KB release.

The current release comes from ``architectures/release.yaml``: its date and summary, every
architecture at its version and that version's change notes. The page also carries the
review packet against the release before it, the document ``refarch review --format json``
prints (rendered by ``linter.site.jsonmd``, so every string is escaped), or says why there is
none.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypedDict

from markupsafe import Markup

from linter.core.errors import RefarchError
from linter.lint import config
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


def review_data(site: Site, repo: Path, release: str) -> dict[str, Any]:
    """``refarch review --to RELEASE --format json`` for the KB in ``repo``, with the
    repository's example plans, if any, for the impact."""
    hist = open_history(repo, site.options.kb_root)
    try:
        hist.repo.require_commits()
        base, head = review_range(hist, None, release)
        plans = find_plans([str(repo / PLANS)]) if (repo / PLANS).is_dir() else None
        cfg = config.discover(repo) if plans is not None else None
        return review_json(build(hist, base, head, plans, cfg))
    finally:
        hist.repo.close()


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


def context(site: Site) -> ReleaseContext:
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


def pages(site: Site) -> Iterator[Page]:
    ctx = context(site)
    yield Page(
        page_path_release(site.release),
        site.render("release.md.j2", ctx),
        title=f"Release {site.release}",
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
                        "version": site.release,
                        "date": site.release_date,
                        "link": page_path_release(site.release).removeprefix("releases/"),
                        "summary": ctx["summary"],
                    }
                ],
            },
        ),
    )
