"""What the knowledge base holds, in one sentence (a fragment for the home page)."""

from __future__ import annotations

from linter.site.catalog import TABLES
from linter.site.catalog import page_path as catalog_path
from linter.site.core import Site, rel

# Plural nouns by kind, for the sentence.
NOUNS = {"cooling": "cooling options", "network": "network fabrics", "model": "models",
         "efficiency": "sets of sizing efficiency factors"}  # fmt: skip


def counts(site: Site, page: str) -> str:
    """``Release **2026.11** holds 12 reference architectures, 15 accelerators, ...``."""
    architectures = {"count": len(site.kb.ids("architecture")), "noun": "reference architectures",
                     "link": rel(page, "architectures/index.md")}  # fmt: skip
    items: list[dict[str, object]] = [architectures]
    items += [
        {
            "count": len(site.kb.ids(t.kind)),
            "noun": NOUNS.get(t.kind, t.title.lower()),
            "link": rel(page, catalog_path(t.kind)),
        }
        for t in TABLES
    ]
    items.append({"count": len(site.kb.ids("standard")), "noun": "standards", "link": ""})
    return site.render("fragments/kb-counts.md.j2", {"release": site.release, "items": items})
