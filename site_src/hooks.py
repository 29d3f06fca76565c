"""mkdocs hook: generate the site's pages from the knowledge base at build time.

* ``on_config`` generates every page (``linter.site.generate``), expands the sections of the
  navigation with them, and tells ``mkdocs serve`` to watch the KB, the schemas, the
  templates and the sizing examples, so editing a YAML file rebuilds the site.
* ``on_files`` adds the generated pages as virtual files (nothing is written to the docs dir).
* ``on_page_markdown`` replaces ``<!-- refarch:NAME -->`` markers in hand-written pages with
  generated fragments (the density tiers, the kW-per-rack chart).

The KB is ``$REFARCH_KB`` if set, else ``architectures/`` next to ``mkdocs.yml``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from linter.core.errors import RefarchError
from linter.core.resources import SITE_URL
from linter.site import Page, Site, SiteError, SiteOptions, expand_fragments, generate

_ROOT = Path(__file__).resolve().parent.parent
_state: dict[str, Any] = {}


def _options(config: MkDocsConfig) -> SiteOptions:
    kb = Path(os.environ.get("REFARCH_KB") or _ROOT / "architectures")
    return SiteOptions(
        kb_root=kb,
        schema_dir=_ROOT / "schema",
        site_src=_ROOT / "site_src",
        # The published address, not the dev server's: `mkdocs serve` rewrites config.site_url
        # to http://127.0.0.1:8000/, which must not reach the schema modelines people copy.
        site_url=os.environ.get("REFARCH_SITE_URL") or SITE_URL,
    )


def _expand_nav(nav: list[Any], pages: list[Page]) -> list[Any]:
    """``Title: dir/index.md`` becomes a section: the index, then dir's titled pages."""
    out: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, target),) = item.items()
            if isinstance(target, str) and target.endswith("/index.md"):
                folder = target.removesuffix("index.md")
                children = sorted(
                    (
                        {p.title: p.path}
                        for p in pages
                        if p.title
                        and p.path.startswith(folder)
                        and "/" not in p.path.removeprefix(folder)
                    ),
                    key=lambda d: next(iter(d)).lower(),
                )
                if children:
                    item = {title: [target, *children]}
            elif isinstance(target, list):
                item = {title: _expand_nav(target, pages)}
        out.append(item)
    return out


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    options = _options(config)
    try:
        site = Site(options)
        pages = generate(site)
    except (RefarchError, SiteError) as exc:
        raise PluginError(f"refarch site: {exc}") from None
    _state.update(site=site, pages=pages)
    if config.nav:
        config.nav = _expand_nav(config.nav, pages)
    for path in (
        options.kb_root,
        options.schema_dir,
        options.template_dir,
        options.site_src / "sizing-examples.yaml",
        options.site_src / "examples",
    ):
        if path.exists() and str(path) not in config.watch:
            config.watch.append(str(path))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _state["pages"]:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise PluginError(
                f"refarch site: {page.path} is generated; remove the hand-written "
                f"file {existing.abs_src_path}"
            )
        generated = File.generated(config, page.path, content=page.content)
        if page.title is None:  # reached by links only (a compare page from its architecture)
            generated.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(generated)
    return files


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is not None:
        return markdown
    try:
        return expand_fragments(_state["site"], markdown, page.file.src_uri)
    except (RefarchError, SiteError) as exc:
        raise PluginError(f"refarch site: {exc}") from None
