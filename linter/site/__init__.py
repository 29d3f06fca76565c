"""The docs site generator: knowledge base, rules and schemas in, Markdown pages out.

``generate(options)`` runs every page provider in :data:`PROVIDERS` and returns the pages
sorted by path; the mkdocs hook (``site_src/hooks.py``) adds them to the build as virtual
files. Hand-written pages embed generated fragments with a marker comment,
``<!-- refarch:NAME -->``, one of :data:`FRAGMENTS`.

To add a page kind: write a module with a ``TypedDict`` context, a template in
``site_src/templates/`` and a ``pages(site) -> Iterator[Page]`` function, and list it here.
Output is deterministic: no clock is read (``SOURCE_DATE_EPOCH`` or the release date stands
in for "today"), every listing is sorted, and the same inputs give the same bytes.
"""

from __future__ import annotations

import re

from linter.site import (
    architectures,
    catalog,
    compare,
    curves,
    density,
    entries,
    examples,
    files,
    overview,
    releases,
    rules,
    schemas,
    sidebyside,
    sizing,
    sizing_form,
)
from linter.site.core import Fragment, Page, Provider, Site, SiteOptions
from linter.site.render import Renderer

__all__ = [
    "FRAGMENTS",
    "PROVIDERS",
    "Page",
    "Renderer",
    "Site",
    "SiteOptions",
    "expand_fragments",
    "generate",
]

PROVIDERS: tuple[Provider, ...] = (
    architectures.pages,
    compare.pages,
    catalog.pages,
    entries.pages,
    sidebyside.pages,
    density.pages,
    rules.pages,
    schemas.pages,
    sizing.pages,
    sizing_form.pages,
    curves.pages,
    releases.pages,
    files.pages,
)

FRAGMENTS: dict[str, Fragment] = {
    "density-tiers": density.tiers_table,
    "rack-kw-chart": density.chart_image,
    "example-plan": examples.plan,
    "example-lint": examples.lint,
    "kb-counts": overview.counts,
    "review-checks": lambda site, page: _review_checks(),
}


def _review_checks() -> str:
    from linter.review.classify import (
        checks_markdown,  # the review's own table, one source of truth
    )

    return checks_markdown()


MARKER = re.compile(r"<!--\s*refarch:([a-z0-9-]+)\s*-->")


class SiteError(ValueError):
    """The site cannot be generated as asked (duplicate page, unknown fragment)."""


def generate(site: Site) -> list[Page]:
    """Every generated page, sorted by path; two providers claiming one path is an error."""
    pages: dict[str, Page] = {}
    for provider in PROVIDERS:
        for page in provider(site):
            if page.path in pages:
                raise SiteError(f"two generated pages at {page.path}")
            pages[page.path] = page
    return [pages[p] for p in sorted(pages)]


def expand_fragments(site: Site, markdown: str, page_path: str) -> str:
    """Replace every ``<!-- refarch:NAME -->`` in a hand-written page with its fragment."""

    def replace(m: re.Match[str]) -> str:
        fragment = FRAGMENTS.get(m.group(1))
        if fragment is None:
            known = ", ".join(sorted(FRAGMENTS))
            raise SiteError(f"{page_path}: unknown fragment {m.group(1)!r} (known: {known})")
        return fragment(site, page_path).rstrip("\n")

    return MARKER.sub(replace, markdown)
