"""Monthly updates: one page per KB release.

The current release comes from ``architectures/release.yaml``: its date and summary, every
architecture at its version and that version's change notes. When the ``review`` command
exists, the page also carries the review packet against the release before it, through
``refarch review --format json`` (rendered by ``linter.site.jsonmd``, so every string is
escaped), or says why there is none.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TypedDict

from markupsafe import Markup

from linter.site import jsonmd
from linter.site.architectures import page_path
from linter.site.core import Page, Site, has_command, rel, run_refarch, slug
from linter.site.escape import plain
from linter.site.figures import get


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
    review_available: bool
    packet: Markup
    packet_error: str


def page_path_release(release: str) -> str:
    return f"releases/{slug(release)}.md"


PLANS = "examples/plans"


def packet(site: Site, release: str) -> tuple[Markup, str]:
    """The review packet of ``release`` against the release before it, or why there is none.

    Reviews read git history, so they run only when the KB is the ``architectures/``
    directory of a git repository; the repository's example plans, if any, give the impact.
    """
    repo = site.options.kb_root.resolve().parent
    if not (repo / ".git").exists():
        return Markup(""), "the knowledge base is not in a git repository"
    args = ["review", "--to", release, "--format", "json", "--repo", str(repo)]
    if (repo / PLANS).is_dir():
        args += ["--plans", str(repo / PLANS)]
    code, out, err = run_refarch(site, *args)
    if code in (0, 1) and out.strip():
        try:
            data: Any = json.loads(out)
        except json.JSONDecodeError:
            return Markup(""), "refarch review --format json did not print JSON"
        return Markup(jsonmd.render(data, level=3)), ""
    return Markup(""), err.strip().removeprefix("refarch: error: ") or f"exit code {code}"


def context(site: Site) -> ReleaseContext:
    here = page_path_release(site.release)
    manifest = site.kb.release.data if site.kb.release is not None else {}
    versions = get(manifest, "architectures") or {}
    rows = []
    for entry in site.kb.entries("architecture"):
        version = plain(entry.data.get("version"))
        note = next(
            (
                c
                for c in entry.data.get("changes") or []
                if isinstance(c, dict) and plain(c.get("version")) == version
            ),
            {},
        )
        rows.append(
            ArchitectureRelease(
                id=entry.id,
                title=entry.text("title", entry.id),
                link=rel(here, page_path(entry.id)),
                version=plain(versions.get(entry.id, version))
                if isinstance(versions, dict)
                else version,
                changed="yes" if version == site.release else "",
                summary=plain(note.get("summary")),
                why=plain(note.get("why")),
            )
        )
    review = has_command("review")
    pkt, error = packet(site, site.release) if review else (Markup(""), "")
    return ReleaseContext(
        release=site.release,
        date=site.release_date,
        summary=plain(get(manifest, "summary")),
        architectures=rows,
        review_available=review,
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
