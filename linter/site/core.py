"""What every page provider gets (:class:`Site`) and gives back (:class:`Page`)."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TypeVar, cast

from linter.kb.store import KnowledgeBase
from linter.site.render import Renderer

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """One generated file, at a path relative to the docs directory (posix separators).

    ``title`` set means the page is listed in the navigation, under the section of its
    directory, in path order; ``None`` means it is reachable by links only.
    """

    path: str
    content: str | bytes
    title: str | None = None


@dataclass(frozen=True)
class SiteOptions:
    """Where the inputs are: the KB, the schemas and ``site_src/`` (templates, examples)."""

    kb_root: Path
    schema_dir: Path
    site_src: Path
    site_url: str = ""  # absolute URL of the published site, ending in "/", if known

    @property
    def template_dir(self) -> Path:
        return self.site_src / "templates"


class Site:
    """The inputs of one build: the KB, the schemas and the templates."""

    def __init__(self, options: SiteOptions) -> None:
        self.options = options
        self.kb = KnowledgeBase.open(options.kb_root)
        self.renderer = Renderer(options.template_dir)
        self._memo: dict[str, object] = {}

    def render(self, template: str, context: Mapping[str, object]) -> str:
        return self.renderer.render(template, context)

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, computed once per build and shared by the pages that need it."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(T, self._memo[key])

    @cached_property
    def checked_kb(self) -> KnowledgeBase:
        """The KB for computing with its figures (sizing, linting): entries must match their
        schemas, as ``refarch size`` and ``refarch lint`` open it."""
        return KnowledgeBase.open(self.options.kb_root, checked=True)

    @cached_property
    def release(self) -> str:
        """The KB release (``2026.11``), or ``unreleased`` without a release manifest."""
        return self.kb.release_version or "unreleased"

    @cached_property
    def release_date(self) -> str:
        return self.kb.release.date

    @cached_property
    def build_date(self) -> str:
        """``SOURCE_DATE_EPOCH`` as a UTC date, else ``""``: never the clock (a build is
        reproducible) and never another date passed off as the build's."""
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%d")
        return ""


Provider = Callable[[Site], Iterable[Page]]
Fragment = Callable[[Site, str], str]


def rel(from_page: str, to_path: str) -> str:
    """A relative link from one docs file to another (both docs-relative, posix)."""
    start = posixpath.dirname(from_page) or "."
    return posixpath.relpath(to_path, start)


def kb_file_path(site: Site, path: str) -> str:
    """The docs path where a KB file is published (``kb/reference/ID.yaml``)."""
    relative = Path(path).resolve().relative_to(site.options.kb_root.resolve())
    return "kb/" + relative.as_posix()


def slug(text: str) -> str:
    """A file-name-safe form of a KB id or version (``[A-Za-z0-9._-]``)."""
    import re

    return re.sub(r"[^A-Za-z0-9._-]", "-", text).strip(".") or "-"
